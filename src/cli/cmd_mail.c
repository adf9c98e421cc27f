/*
 * cmd_mail.c - `gongkai mail list|send|test`: the outbox's state, sending
 * what is due now (what the server's tick does every tick_seconds), and a
 * test message to check the SMTP settings. The settings come as for
 * `gongkai serve`: defaults, --config FILE, GONGKAI_* environment.
 */
#include "cli/cli.h"

#include "base/date.h"
#include "base/str.h"
#include "cli/mailer.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai mail list --db FILE [--all] [--limit N]\n"
	"       gongkai mail send --db FILE [--config FILE]\n"
	"       gongkai mail test --db FILE [--config FILE] --to ADDRESS";

static const char test_subject[] = "政府信息公开平台测试邮件";
static const char test_body[] =
	"您好：\n\n"
	"这是政府信息公开平台发出的一封测试邮件。收到这封邮件，说明平台的"
	"邮件发送设置正确，办件提醒和告知等邮件可以正常送达。\n\n"
	"本邮件由系统自动发送，请勿回复。\n";

struct mopts {
	const char *db, *config, *to;
	int all;
	int64_t limit;
};

/* Parses the options of subcommand cmd (argv[0] is its name); allowed
 * lists the option letters it takes. 0, or the exit code of a usage
 * error. */
static int parse(const char *cmd, int argc, char **argv, const char *allowed,
		 struct mopts *o)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"to", required_argument, NULL, 't'},
		{"all", no_argument, NULL, 'a'},
		{"limit", required_argument, NULL, 'n'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	o->limit = 100;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == ':') {
			return cli_usage(cmd, usage, "%s needs a value",
					 argv[optind - 1]);
		}
		if (c == '?' || !strchr(allowed, c)) {
			return cli_usage(cmd, usage, "unknown option %s",
					 argv[optind - 1]);
		}
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'c': o->config = optarg; break;
		case 't': o->to = optarg; break;
		case 'a': o->all = 1; break;
		case 'n':
			if (str_to_i64(optarg, 1, 1000000, &o->limit)) {
				return cli_usage(cmd, usage,
						 "--limit takes a number from "
						 "1 to 1000000");
			}
			break;
		}
	}
	if (optind < argc) {
		return cli_usage(cmd, usage, "unexpected argument '%s'",
				 argv[optind]);
	}
	if (!o->db) {
		return cli_usage(cmd, usage, "--db FILE is required");
	}
	return 0;
}

/* The settings: c's defaults, the config file, the environment; mail
 * must be configured (ERR_INPUT naming smtp_host when it is not). */
static int load_conf(const struct mopts *o, struct conf *c, struct err *e)
{
	if ((o->config && conf_load_file(c, o->config, e)) ||
	    conf_load_env(c, e)) {
		return -1;
	}
	if (!mailer_configured(c)) {
		return err_set(e, ERR_INPUT,
			       "mail is not configured: set smtp_host in the "
			       "--config file or GONGKAI_SMTP_HOST; messages "
			       "stay queued until then");
	}
	return 0;
}

static const char *state_of(const struct outbox_msg *m)
{
	return m->sent_at ? "sent" : m->failed ? "failed" : "pending";
}

/* Each subcommand returns its exit code, or -1 with e. */
static int mail_list(const struct mopts *o, const struct conf *c, store *st,
		     struct err *e)
{
	(void)c;
	struct outbox_msg *v = NULL;
	size_t n = 0;
	int64_t total = 0;
	struct outbox_counts k;
	if (outbox_list(st, o->all ? OUTBOX_ALL : OUTBOX_UNSENT, o->limit, 0,
			&v, &n, &total, e) ||
	    outbox_count(st, &k, e)) {
		outbox_list_free(v, n);
		return -1;
	}
	/* id, state, attempts, when (sent, or next attempt), to, subject,
	 * last error */
	for (size_t i = 0; i < n; i++) {
		char when[21] = "-";
		if (v[i].sent_at) {
			snprintf(when, sizeof when, "%s", v[i].sent_at);
		} else if (!v[i].failed) {
			date_local_minute((time_t)v[i].next_at, when);
		}
		printf("%lld\t%s\t%lld\t%s\t%s\t%s\t%s\n", (long long)v[i].id,
		       state_of(&v[i]), (long long)v[i].attempts, when,
		       v[i].to_addr, v[i].subject, v[i].last_error);
	}
	printf("%lld pending, %lld sent, %lld failed\n", (long long)k.pending,
	       (long long)k.sent, (long long)k.failed);
	outbox_list_free(v, n);
	return 0;
}

static int mail_send(const struct mopts *o, const struct conf *c, store *st,
		     struct err *e)
{
	(void)o;
	struct mailer_result res;
	if (mailer_run(st, c, time(NULL), 1000000, NULL, &res, e)) {
		return -1;
	}
	int64_t failed = res.retrying + res.gave_up;
	printf("sent %lld, failed %lld (%lld to retry, %lld given up)\n",
	       (long long)res.sent, (long long)failed, (long long)res.retrying,
	       (long long)res.gave_up);
	if (res.stopped) {
		puts("the mail server could not be used: the other due "
		     "messages stay queued");
	}
	return failed ? 1 : 0;
}

static int mail_test(const struct mopts *o, const struct conf *c, store *st,
		     struct err *e)
{
	int64_t id = 0;
	struct outbox_msg m = {0};
	struct mailer_result res = {0};
	int rc = -1;
	if (outbox_insert(st, 0, 0, o->to, test_subject, test_body, NULL, &id,
			  e) < 0 ||
	    outbox_get(st, id, &m, e) != 1 ||
	    mailer_send_one(st, c, time(NULL), &m, NULL, &res, e)) {
		goto done;
	}
	if (res.sent) {
		printf("test message %lld sent to %s\n", (long long)id, o->to);
		rc = 0;
		goto done;
	}
	outbox_msg_clear(&m);
	if (outbox_get(st, id, &m, e) != 1) {
		goto done;
	}
	printf("test message %lld not sent: %s\n", (long long)id,
	       m.last_error);
	if (!m.failed) {
		char next[17];
		date_local_minute((time_t)m.next_at, next);
		printf("it stays queued; next attempt at %s\n", next);
	}
	rc = 1;
done:
	outbox_msg_clear(&m);
	return rc;
}

static const struct sub {
	const char *name, *cmd; /* "list", "mail list" */
	const char *opts;       /* the option letters it takes (parse) */
	int needs_conf;         /* sends mail: the SMTP settings are needed */
	int (*fn)(const struct mopts *o, const struct conf *c, store *st,
		  struct err *e);
} subs[] = {
	{"list", "mail list", "dan", 0, mail_list},
	{"send", "mail send", "dc", 1, mail_send},
	{"test", "mail test", "dct", 1, mail_test},
};

int cmd_mail(int argc, char **argv)
{
	if (argc < 2) {
		return cli_usage("mail", usage, "missing subcommand");
	}
	const struct sub *sub = NULL;
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[1], subs[i].name) == 0) {
			sub = &subs[i];
		}
	}
	if (!sub) {
		return cli_usage("mail", usage, "unknown subcommand '%s'",
				 argv[1]);
	}
	struct mopts o;
	int rc = parse(sub->cmd, argc - 1, argv + 1, sub->opts, &o);
	if (rc) {
		return rc;
	}
	struct err e = {0};
	if (strchr(sub->opts, 't')) {
		/* checked before anything is queued: no header injection */
		if (!o.to) {
			return cli_usage(sub->cmd, usage,
					 "--to ADDRESS is required");
		}
		if (smtp_addr_check(o.to, &e)) {
			return cli_usage(sub->cmd, usage, "--to: %s", e.msg);
		}
	}
	struct conf c;
	conf_defaults(&c);
	store *st = NULL;
	if ((sub->needs_conf && load_conf(&o, &c, &e)) ||
	    cli_open(o.db, &st, &e)) {
		return cli_fail(sub->cmd, &e);
	}
	rc = sub->fn(&o, &c, st, &e);
	if (rc < 0) {
		rc = cli_fail(sub->cmd, &e);
	}
	store_close(st);
	return rc;
}
