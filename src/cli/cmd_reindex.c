/*
 * cmd_reindex.c - `gongkai reindex --db FILE [--check]`: rebuilds the
 * full-text indexes from the published items in one transaction (readers
 * keep the old index until it commits), with a progress bar on a
 * terminal; --check only compares the indexes with the items (exit 1 when
 * they differ). The triggers keep the index in step by themselves; this
 * is for after a restore, an upgrade of the tokenizer, or a doubt.
 */
#include "cli/cli.h"

#include "store/search.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] = "gongkai reindex --db FILE [--check]";

struct bar {
	int tty;
	struct timespec t0;
};

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress(void *ctx, int64_t done, int64_t total)
{
	struct bar *b = ctx;
	if (!b->tty) {
		return;
	}
	int width = 40, fill = total > 0 ? (int)(done * width / total) : width;
	char line[64];
	memset(line, '#', (size_t)fill);
	memset(line + fill, '.', (size_t)(width - fill));
	line[width] = 0;
	fprintf(stderr, "\r[%s] %lld/%lld  %.1fs", line, (long long)done,
		(long long)total, since(&b->t0));
	fflush(stderr);
}

int cmd_reindex(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"check", no_argument, NULL, 'c'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int check = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else if (c == 'c') {
			check = 1;
		} else {
			return cli_usage("reindex", usage, "bad option %s",
					 argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage("reindex", usage, "unexpected argument '%s'",
				 argv[optind]);
	}
	if (!db) {
		return cli_usage("reindex", usage, "--db FILE is required");
	}
	struct err e = {0};
	store *st = NULL;
	if (cli_open(db, &st, &e)) {
		return cli_fail("reindex", &e);
	}
	int rc = 0;
	if (check) {
		if (search_check(st, &e)) {
			printf("search index DIFFERS from the items: %s\n"
			       "run 'gongkai reindex --db %s'\n",
			       e.msg, db);
			rc = 1;
		} else {
			printf("search index matches the items\n");
		}
	} else {
		struct bar b = {isatty(2), {0, 0}};
		clock_gettime(CLOCK_MONOTONIC, &b.t0);
		if (search_rebuild(st, progress, &b, &e)) {
			if (b.tty) {
				fputc('\n', stderr);
			}
			rc = cli_fail("reindex", &e);
		} else {
			if (b.tty) {
				fputc('\n', stderr);
			}
			printf("search index rebuilt in %.1fs\n", since(&b.t0));
		}
	}
	store_close(st);
	return rc;
}
