/*
 * cmd_workday.c - `gongkai workday add|between|years|import` (DESIGN.md
 * §6): working-day arithmetic on the calendar of a database, or on the
 * one shipped in data/ when there is no --db; `import` loads a year's
 * official arrangements into a database.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "store/holiday.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai workday add [--db FILE] DATE N\n"
	"       gongkai workday between [--db FILE] A B\n"
	"       gongkai workday years [--db FILE]\n"
	"       gongkai workday import --db FILE FILE.csv";

static int load(const char *db, struct calendar *c, struct err *e)
{
	if (!db) {
		return holiday_shipped(c, e);
	}
	store *st = NULL;
	int rc = cli_open(db, &st, e);
	if (rc == 0) {
		rc = holiday_load(st, c, e);
	}
	store_close(st);
	return rc;
}

static int import(const char *db, const char *path)
{
	struct err e = {0};
	struct calendar c = {0};
	Buf b = {0};
	store *st = NULL;
	int rc = buf_read_file(&b, path, &e);
	if (rc == 0) {
		err_set(&e, ERR_INPUT, "%s: no such file", path);
	}
	if (rc > 0 && cal_parse_csv(buf_str(&b), b.n, &c, &e)) {
		/* the problem names the line; say which file */
		fprintf(stderr, "gongkai workday import: %s: %s\n", path,
			e.msg);
		cal_free(&c);
		buf_free(&b);
		return 2;
	}
	if (rc <= 0) {
		rc = -1;
	} else {
		struct actor who = cli_actor();
		int n = 0;
		rc = cli_open(db, &st, &e);
		if (rc == 0) {
			rc = holiday_replace_years(st, &who, &c, &n, &e);
		}
		if (rc == 0) {
			printf("%d year(s) loaded:", n);
			for (size_t i = 0; i < c.nyears; i++) {
				printf(" %d", c.years[i]);
			}
			printf("\n");
		}
	}
	store_close(st);
	cal_free(&c);
	buf_free(&b);
	return rc ? cli_fail("workday import", &e) : 0;
}

int cmd_workday(int argc, char **argv)
{
	if (argc < 2) {
		return cli_usage("workday", usage, "missing subcommand");
	}
	const char *sub = argv[1];
	int want = !strcmp(sub, "add") || !strcmp(sub, "between") ? 2
		   : !strcmp(sub, "years")			  ? 0
		   : !strcmp(sub, "import")			  ? 1
								  : -1;
	if (want < 0) {
		return cli_usage("workday", usage, "unknown subcommand '%s'",
				 sub);
	}
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc - 1, argv + 1, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else {
			return cli_usage("workday", usage, "bad option %s",
					 argv[optind]);
		}
	}
	char **pos = argv + 1 + optind;
	int npos = argc - 1 - optind;
	if (npos != want) {
		return cli_usage("workday", usage,
				 "%s takes %d argument(s), got %d", sub, want,
				 npos);
	}
	if (!strcmp(sub, "import")) {
		if (!db) {
			return cli_usage("workday", usage,
					 "--db FILE is required");
		}
		return import(db, pos[0]);
	}
	int64_t a = 0, b = 0, n = 0;
	if (want == 2) {
		if (date_parse(pos[0], &a)) {
			return cli_usage("workday", usage,
					 "'%s' is not a date YYYY-MM-DD",
					 pos[0]);
		}
		if (!strcmp(sub, "add")
			    ? str_to_i64(pos[1], 1, 10000, &n)
			    : date_parse(pos[1], &b)) {
			if (!strcmp(sub, "add")) {
				return cli_usage("workday", usage,
						 "N must be a whole number "
						 "from 1 to 10000, not '%s'",
						 pos[1]);
			}
			return cli_usage("workday", usage,
					 "'%s' is not a date YYYY-MM-DD",
					 pos[1]);
		}
	}
	struct err e = {0};
	struct calendar cal = {0};
	int rc = load(db, &cal, &e);
	if (rc == 0 && !strcmp(sub, "years")) {
		for (size_t i = 0; i < cal.nyears; i++) {
			printf("%d\n", cal.years[i]);
		}
	} else if (rc == 0 && !strcmp(sub, "add")) {
		int64_t out;
		char ds[11];
		rc = cal_add(&cal, a, (int)n, &out, NULL, &e);
		if (rc == 0) {
			date_format(out, ds);
			printf("%s\n", ds);
		}
	} else if (rc == 0) {
		int k = 0;
		rc = cal_between(&cal, a, b, &k, NULL, &e);
		if (rc == 0) {
			printf("%d\n", k);
		}
	}
	cal_free(&cal);
	return rc ? cli_fail("workday", &e) : 0;
}
