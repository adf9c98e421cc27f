/*
 * cmd_audit.c - `gongkai audit verify` (exit 0 intact, 1 broken) and
 * `gongkai audit list`.
 */
#include "cli/cli.h"

#include "base/str.h"
#include "store/audit.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] = "gongkai audit verify --db FILE\n"
			    "       gongkai audit list --db FILE [--limit N]";

int cmd_audit(int argc, char **argv)
{
	if (argc < 2) {
		return cli_usage("audit", usage, "missing subcommand");
	}
	const char *sub = argv[1];
	int verify = strcmp(sub, "verify") == 0;
	if (!verify && strcmp(sub, "list") != 0) {
		return cli_usage("audit", usage, "unknown subcommand '%s'",
				 sub);
	}
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"limit", required_argument, NULL, 'n'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int64_t limit = 50;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc - 1, argv + 1, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else if (c == 'n' && !verify) {
			if (str_to_i64(optarg, 1, 1000000, &limit)) {
				return cli_usage("audit", usage,
						 "--limit takes a number from "
						 "1 to 1000000");
			}
		} else {
			return cli_usage("audit", usage, "bad option %s",
					 argv[optind]);
		}
	}
	if (optind < argc - 1) {
		return cli_usage("audit", usage, "unexpected argument '%s'",
				 argv[optind + 1]);
	}
	if (!db) {
		return cli_usage("audit", usage, "--db FILE is required");
	}
	struct err e = {0};
	store *st = NULL;
	if (cli_open(db, &st, &e)) {
		return cli_fail("audit", &e);
	}
	int rc = 0;
	if (verify) {
		int64_t n = 0, bad = 0;
		int v = audit_verify(st, &n, &bad, &e);
		if (v < 0) {
			rc = cli_fail("audit verify", &e);
		} else if (v == 1) {
			printf("audit chain BROKEN: %s\n", e.msg);
			rc = 1;
		} else {
			printf("audit chain intact: %lld rows\n", (long long)n);
		}
	} else {
		struct audit_row *rows = NULL;
		size_t n = 0;
		int64_t total = 0;
		if (audit_list(st, NULL, limit, 0, &rows, &n, &total, &e)) {
			rc = cli_fail("audit list", &e);
		} else {
			for (size_t i = 0; i < n; i++) {
				printf("%lld\t%s\t%s\t%s\t%s/%lld\n",
				       (long long)rows[i].id, rows[i].at,
				       rows[i].actor, rows[i].action,
				       rows[i].entity,
				       (long long)rows[i].entity_id);
			}
		}
		audit_rows_free(rows, n);
	}
	store_close(st);
	return rc;
}
