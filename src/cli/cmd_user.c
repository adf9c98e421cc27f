/*
 * cmd_user.c - `gongkai user add|list|passwd|disable|enable`. Passwords
 * are read from standard input (--password-stdin) or typed at a terminal
 * prompt; `user add` without either generates one and prints it once.
 */
#include "cli/cli.h"

#include "base/crypto.h"
#include "base/str.h"
#include "store/organ.h"
#include "store/user.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai user add --db FILE --organ NAME --login LOGIN --role "
	"clerk|reviewer|leader|admin [--name DISPLAY] [--password-stdin]\n"
	"       gongkai user list --db FILE [--organ NAME]\n"
	"       gongkai user passwd --db FILE --login LOGIN [--password-stdin]\n"
	"       gongkai user disable|enable --db FILE --login LOGIN";

struct uopts {
	const char *db, *organ, *login, *role, *name;
	int pw_stdin;
};

static int parse(const char *cmd, int argc, char **argv, struct uopts *u)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"organ", required_argument, NULL, 'o'},
		{"login", required_argument, NULL, 'l'},
		{"role", required_argument, NULL, 'r'},
		{"name", required_argument, NULL, 'n'},
		{"password-stdin", no_argument, NULL, 'p'},
		{NULL, 0, NULL, 0},
	};
	memset(u, 0, sizeof *u);
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': u->db = optarg; break;
		case 'o': u->organ = optarg; break;
		case 'l': u->login = optarg; break;
		case 'r': u->role = optarg; break;
		case 'n': u->name = optarg; break;
		case 'p': u->pw_stdin = 1; break;
		case ':':
			return cli_usage(cmd, usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage(cmd, usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage(cmd, usage, "unexpected argument '%s'",
				 argv[optind]);
	}
	if (!u->db) {
		return cli_usage(cmd, usage, "--db FILE is required");
	}
	return 0;
}

/* Generates a readable random password (16 characters). */
static void gen_password(char out[17])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	char hex[CRYPTO_HEX32];
	crypto_random_hex(hex);
	for (int i = 0; i < 16; i++) {
		unsigned v = 0;
		sscanf(hex + 2 * i, "%2x", &v);
		out[i] = alphabet[v % (sizeof alphabet - 1)];
	}
	out[16] = 0;
}

static int user_add(int argc, char **argv)
{
	struct uopts u;
	int rc = parse("user add", argc, argv, &u);
	if (rc) {
		return rc;
	}
	if (!u.organ || !u.login || !u.role) {
		return cli_usage("user add", usage,
				 "--organ, --login and --role are required");
	}
	struct err e = {0};
	struct user nu = {0};
	if (role_parse(u.role, &nu.role, &e)) {
		return cli_usage("user add", usage, "%s", e.msg);
	}
	char pw[300];
	int got = cli_read_password(u.pw_stdin, pw, sizeof pw, &e);
	if (got < 0) {
		return cli_fail("user add", &e);
	}
	if (got == 0) {
		gen_password(pw);
	}
	store *st = NULL;
	if (cli_open(u.db, &st, &e)) {
		return cli_fail("user add", &e);
	}
	struct organ o;
	int found = organ_find(st, u.organ, &o, &e);
	if (found <= 0) {
		if (found == 0) {
			err_set(&e, ERR_NOTFOUND, "no organ '%s'", u.organ);
		}
		store_close(st);
		return cli_fail("user add", &e);
	}
	nu.organ_id = o.id;
	nu.login = (char *)u.login;
	nu.display_name = (char *)(u.name ? u.name : "");
	struct actor who = cli_actor();
	if (user_create(st, &who, &nu, pw, &e)) {
		rc = cli_fail("user add", &e);
	} else {
		printf("added user %s (%s, %s)\n", nu.login,
		       role_code(nu.role), o.name);
		if (got == 0) {
			printf("password: %s\n", pw);
		}
	}
	organ_clear(&o);
	store_close(st);
	return rc;
}

static int user_ls(int argc, char **argv)
{
	struct uopts u;
	int rc = parse("user list", argc, argv, &u);
	if (rc) {
		return rc;
	}
	struct err e = {0};
	store *st = NULL;
	if (cli_open(u.db, &st, &e)) {
		return cli_fail("user list", &e);
	}
	int64_t organ_id = 0;
	if (u.organ) {
		struct organ o;
		int found = organ_find(st, u.organ, &o, &e);
		if (found <= 0) {
			if (found == 0) {
				err_set(&e, ERR_NOTFOUND, "no organ '%s'",
					u.organ);
			}
			store_close(st);
			return cli_fail("user list", &e);
		}
		organ_id = o.id;
		organ_clear(&o);
	}
	struct user *v = NULL;
	size_t n = 0;
	if (user_list(st, organ_id, &v, &n, &e)) {
		rc = cli_fail("user list", &e);
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%s\t%s\t%s\t%s%s\n", v[i].login,
			       role_code(v[i].role), v[i].organ_slug,
			       v[i].display_name,
			       v[i].disabled ? "\t(disabled)" : "");
		}
	}
	user_list_free(v, n);
	store_close(st);
	return rc;
}

static int user_change(const char *cmd, int argc, char **argv, int what)
{
	struct uopts u;
	int rc = parse(cmd, argc, argv, &u);
	if (rc) {
		return rc;
	}
	if (!u.login) {
		return cli_usage(cmd, usage, "--login LOGIN is required");
	}
	struct err e = {0};
	char pw[300];
	if (what == 0) {
		int got = cli_read_password(u.pw_stdin, pw, sizeof pw, &e);
		if (got < 0) {
			return cli_fail(cmd, &e);
		}
		if (got == 0) {
			return cli_usage(cmd, usage,
					 "give the new password with "
					 "--password-stdin");
		}
	}
	store *st = NULL;
	if (cli_open(u.db, &st, &e)) {
		return cli_fail(cmd, &e);
	}
	struct user x;
	int found = user_find(st, u.login, &x, NULL, &e);
	if (found <= 0) {
		if (found == 0) {
			err_set(&e, ERR_NOTFOUND, "no user '%s'", u.login);
		}
		store_close(st);
		return cli_fail(cmd, &e);
	}
	struct actor who = cli_actor();
	int r = what == 0 ? user_set_password(st, &who, x.id, pw, &e)
			  : user_set_disabled(st, &who, x.id, what == 1, &e);
	if (r) {
		rc = cli_fail(cmd, &e);
	} else {
		printf("%s: %s\n", x.login,
		       what == 0   ? "password changed, sessions ended"
		       : what == 1 ? "disabled, sessions ended"
				   : "enabled");
	}
	user_clear(&x);
	store_close(st);
	return rc;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2) {
		return cli_usage("user", usage, "missing subcommand");
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0) {
		return user_add(argc - 1, argv + 1);
	}
	if (strcmp(sub, "list") == 0) {
		return user_ls(argc - 1, argv + 1);
	}
	if (strcmp(sub, "passwd") == 0) {
		return user_change("user passwd", argc - 1, argv + 1, 0);
	}
	if (strcmp(sub, "disable") == 0) {
		return user_change("user disable", argc - 1, argv + 1, 1);
	}
	if (strcmp(sub, "enable") == 0) {
		return user_change("user enable", argc - 1, argv + 1, 2);
	}
	return cli_usage("user", usage, "unknown subcommand '%s'", sub);
}
