/*
 * cmd_init.c - `gongkai init --db FILE [--demo] [--force]`: creates a
 * database with the current schema and a fresh installation secret;
 * refuses (exit 2) when FILE already holds a gongkai database unless
 * --force, which starts it over.
 */
#include "cli/cli.h"

#include "base/crypto.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cmd_init(int argc, char **argv)
{
	static const char usage[] = "gongkai init --db FILE [--demo] [--force]";
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"demo", no_argument, NULL, 'm'},
		{"force", no_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int demo = 0, force = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'm': demo = 1; break;
		case 'f': force = 1; break;
		case ':':
			return cli_usage("init", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("init", usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage("init", usage, "unexpected argument '%s'",
				 argv[optind]);
	}
	if (!db || !*db) {
		return cli_usage("init", usage, "--db FILE is required");
	}
	struct err e = {0};
	int probe = store_probe(db, &e);
	if (probe < 0) {
		return cli_fail("init", &e);
	}
	if (probe == 1 && !force) {
		fprintf(stderr,
			"gongkai init: %s already holds a gongkai database; "
			"use --force to replace it\n",
			db);
		return 2;
	}
	if (probe == 1) {
		char side[1100];
		unlink(db);
		snprintf(side, sizeof side, "%s-wal", db);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", db);
		unlink(side);
	}
	store *st = NULL;
	if (store_open(db, STORE_OPEN_CREATE, &st, &e)) {
		return cli_fail("init", &e);
	}
	char secret[CRYPTO_HEX32];
	crypto_random_hex(secret);
	int rc = 0;
	if (store_tx_begin(st, &e) ||
	    store_config_set(st, "secret", secret, &e) ||
	    store_tx_commit(st, &e)) {
		rc = cli_fail("init", &e);
	} else if (demo && demo_fill(st, &e)) {
		rc = cli_fail("init", &e);
	}
	store_close(st);
	if (rc == 0) {
		printf("created %s (schema version %d)%s\n", db,
		       store_schema_latest(), demo ? " with demo data" : "");
	}
	return rc;
}
