/*
 * cmd_serve.c - `gongkai serve`: reads the settings (defaults, --config
 * file, GONGKAI_* environment, flags), opens the database, loads the
 * templates and static files, and runs the server until SIGINT/SIGTERM,
 * with the periodic jobs of jobs.c on its tick.
 */
#include "cli/cli.h"

#include "app.h"
#include "base/crypto.h"
#include "base/log.h"
#include "cli/mailer.h"
#include "web/layout.h"
#include "web/server.h"
#include "web/static.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai serve [--db FILE] [--listen ADDR:PORT] [--data-dir DIR] "
	"[--config FILE] [--threads N]";

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"listen", required_argument, NULL, 'l'},
		{"data-dir", required_argument, NULL, 'D'},
		{"config", required_argument, NULL, 'c'},
		{"threads", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	struct app app;
	memset(&app, 0, sizeof app);
	conf_defaults(&app.conf);
	struct err e = {0};
	const char *flags[5] = {0};
	static const char *const keys[5] = {"db", "listen", "data_dir", NULL,
					    "threads"};
	const char *config = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': flags[0] = optarg; break;
		case 'l': flags[1] = optarg; break;
		case 'D': flags[2] = optarg; break;
		case 'c': config = optarg; break;
		case 't': flags[4] = optarg; break;
		case ':':
			return cli_usage("serve", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("serve", usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage("serve", usage, "unexpected argument '%s'",
				 argv[optind]);
	}
	if ((config && conf_load_file(&app.conf, config, &e)) ||
	    conf_load_env(&app.conf, &e)) {
		return cli_fail("serve", &e);
	}
	for (int i = 0; i < 5; i++) {
		if (flags[i] && conf_set(&app.conf, keys[i], flags[i], &e)) {
			return cli_fail("serve", &e);
		}
	}
	enum log_level lv = LOG_INFO;
	log_level_parse(app.conf.log_level, &lv);
	if (log_setup(lv, app.conf.log_file)) {
		fprintf(stderr, "gongkai serve: cannot open log file %s\n",
			app.conf.log_file);
		return 1;
	}
	int rc = 1;
	if (store_pool_new(app.conf.db, &app.pool, &e)) {
		rc = cli_fail("serve", &e);
		goto done;
	}
	store *st = store_pool_get(app.pool, &e);
	if (!st) {
		rc = cli_fail("serve", &e);
		goto done;
	}
	int have = store_config_get(st, "secret", app.secret,
				    sizeof app.secret, &e);
	if (have == 0) {
		/* a database made by an older init: create the secret now */
		crypto_random_hex(app.secret);
		if (store_tx_begin(st, &e) ||
		    store_config_set(st, "secret", app.secret, &e) ||
		    store_tx_commit(st, &e)) {
			have = -1;
		}
	}
	store_pool_put(app.pool, st);
	if (have < 0) {
		rc = cli_fail("serve", &e);
		goto done;
	}
	if (crypto_pw_hash("not a password of anyone", app.dummy_hash)) {
		fputs("gongkai serve: out of memory\n", stderr);
		goto done;
	}
	if (layout_load(app.conf.data_dir, &app.tmpl, &e) ||
	    static_load(app.conf.data_dir, &app.statics, &e)) {
		rc = cli_fail("serve", &e);
		goto done;
	}
	if (!mailer_configured(&app.conf)) {
		log_msg(LOG_WARN, 0,
			"mail: smtp_host is not set; messages stay queued");
	}
	app.tick = jobs_tick;
	app.tick_seconds = (int)app.conf.tick_seconds;
	rc = server_run(&app, &e) ? cli_fail("serve", &e) : 0;
done:
	layout_free(app.tmpl);
	static_free(app.statics);
	store_pool_free(app.pool);
	log_close();
	return rc;
}
