/*
 * cmd_organ.c - `gongkai organ add|list`.
 */
#include "cli/cli.h"

#include "base/str.h"
#include "store/organ.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai organ add --db FILE --name NAME [--slug SLUG] [--code CODE] "
	"[--parent NAME] [--short-name S] [--office O] [--phone P] "
	"[--email E] [--address A]\n       gongkai organ list --db FILE";

static int organ_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"name", required_argument, NULL, 'n'},
		{"slug", required_argument, NULL, 's'},
		{"code", required_argument, NULL, 'c'},
		{"parent", required_argument, NULL, 'p'},
		{"short-name", required_argument, NULL, 'S'},
		{"office", required_argument, NULL, 'o'},
		{"phone", required_argument, NULL, 't'},
		{"email", required_argument, NULL, 'e'},
		{"address", required_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	struct organ o = {0};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'n': o.name = optarg; break;
		case 's': o.slug = optarg; break;
		case 'c': o.code = optarg; break;
		case 'p': o.parent_name = optarg; break;
		case 'S': o.short_name = optarg; break;
		case 'o': o.office = optarg; break;
		case 't': o.phone = optarg; break;
		case 'e': o.email = optarg; break;
		case 'a': o.address = optarg; break;
		case ':':
			return cli_usage("organ add", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("organ add", usage,
					 "unknown option %s", argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage("organ add", usage,
				 "unexpected argument '%s'", argv[optind]);
	}
	if (!db) {
		return cli_usage("organ add", usage, "--db FILE is required");
	}
	if (str_empty(o.name)) {
		return cli_usage("organ add", usage, "--name NAME is required");
	}
	struct err e = {0};
	store *st = NULL;
	if (cli_open(db, &st, &e)) {
		return cli_fail("organ add", &e);
	}
	o.slug = str_empty(o.slug) ? NULL : xstrdup(o.slug);
	struct actor who = cli_actor();
	int rc = 0;
	if (organ_create(st, &who, &o, &e)) {
		rc = cli_fail("organ add", &e);
	} else {
		printf("added organ %s (%s)\n", o.name, o.slug);
	}
	free(o.slug);
	store_close(st);
	return rc;
}

static int organ_ls(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else {
			return cli_usage("organ list", usage, "bad option %s",
					 argv[optind - 1]);
		}
	}
	if (optind < argc) {
		return cli_usage("organ list", usage,
				 "unexpected argument '%s'", argv[optind]);
	}
	if (!db) {
		return cli_usage("organ list", usage, "--db FILE is required");
	}
	struct err e = {0};
	store *st = NULL;
	if (cli_open(db, &st, &e)) {
		return cli_fail("organ list", &e);
	}
	struct organ *all = NULL;
	size_t n = 0;
	int rc = 0;
	if (organ_list(st, &all, &n, &e)) {
		rc = cli_fail("organ list", &e);
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%s\t%s\t%s\t%s\n", all[i].slug, all[i].name,
			       str_empty(all[i].code) ? all[i].slug
						      : all[i].code,
			       all[i].parent_name ? all[i].parent_name : "");
		}
	}
	organ_list_free(all, n);
	store_close(st);
	return rc;
}

int cmd_organ(int argc, char **argv)
{
	if (argc < 2) {
		return cli_usage("organ", usage, "missing subcommand");
	}
	if (strcmp(argv[1], "add") == 0) {
		return organ_add(argc - 1, argv + 1);
	}
	if (strcmp(argv[1], "list") == 0) {
		return organ_ls(argc - 1, argv + 1);
	}
	return cli_usage("organ", usage, "unknown subcommand '%s'", argv[1]);
}
