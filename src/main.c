/*
 * main.c - the gongkai executable: the subcommand table and dispatch,
 * nothing else. Each subcommand lives in src/cli/cmd_<name>.c.
 */
#include "cli/cli.h"

#include "base/crypto.h"
#include "base/smtp.h"

#include <stdio.h>
#include <string.h>

const struct cli_cmd cli_cmds[] = {
	{"init", cmd_init, "create a database (optionally with demo data)",
	 "gongkai init --db FILE [--demo] [--force]"},
	{"serve", cmd_serve, "run the web portal, back office and API",
	 "gongkai serve [--db FILE] [--listen ADDR:PORT] [--data-dir DIR] "
	 "[--config FILE] [--threads N]"},
	{"organ", cmd_organ, "add and list organs",
	 "gongkai organ add --db FILE --name NAME [--slug SLUG] [--code CODE] "
	 "[--parent NAME] [--short-name S] [--office O] [--phone P] "
	 "[--email E] [--address A]\n"
	 "       gongkai organ list --db FILE"},
	{"user", cmd_user, "add, list and manage staff accounts",
	 "gongkai user add --db FILE --organ NAME --login LOGIN --role "
	 "clerk|reviewer|leader|admin [--name DISPLAY] [--password-stdin]\n"
	 "       gongkai user list --db FILE [--organ NAME]\n"
	 "       gongkai user passwd --db FILE --login LOGIN "
	 "[--password-stdin]\n"
	 "       gongkai user disable|enable --db FILE --login LOGIN"},
	{"import", cmd_import, "import records from a CSV file (all or nothing)",
	 "gongkai import --db FILE --organ NAME KIND FILE.csv\n"
	 "  KIND: items, applications, cases, activities, baseline"},
	{"export", cmd_export, "export an organ's records as CSV or JSON",
	 "gongkai export --db FILE --organ NAME items [--format csv|json] "
	 "[--out FILE]"},
	{"workday", cmd_workday, "working-day arithmetic on the holiday calendar",
	 "gongkai workday add [--db FILE] DATE N\n"
	 "       gongkai workday between [--db FILE] A B\n"
	 "       gongkai workday years [--db FILE]\n"
	 "       gongkai workday import --db FILE FILE.csv"},
	{"audit", cmd_audit, "verify or list the hash-chained audit log",
	 "gongkai audit verify --db FILE\n"
	 "       gongkai audit list --db FILE [--limit N]"},
	{"mail", cmd_mail, "show and send the mail outbox, send a test message",
	 "gongkai mail list --db FILE [--all] [--limit N]\n"
	 "       gongkai mail send --db FILE [--config FILE]\n"
	 "       gongkai mail test --db FILE [--config FILE] --to ADDRESS"},
	{"report", cmd_report,
	 "compute an organ's annual report for a year in a format",
	 "gongkai report --db FILE --organ NAME --year YYYY --format ID "
	 "--out PATH"},
	{"check-report", cmd_check_report,
	 "check a report JSON file against its format's cross-checks",
	 "gongkai check-report PATH.json"},
	{"reindex", cmd_reindex,
	 "rebuild (or --check) the full-text search index",
	 "gongkai reindex --db FILE [--check]"},
	{"version", cmd_version, "print the version",
	 "gongkai version"},
	{"help", cmd_help, "list the commands", "gongkai help [COMMAND]"},
	{NULL, NULL, NULL, NULL},
};

int cmd_help(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--help") && strcmp(argv[1], "-h")) {
		for (const struct cli_cmd *c = cli_cmds; c->name; c++) {
			if (strcmp(c->name, argv[1]) == 0) {
				printf("%s\n\n%s\n", c->summary, c->usage);
				return 0;
			}
		}
		return cli_usage("help", "gongkai help [COMMAND]",
				 "unknown command '%s'", argv[1]);
	}
	puts("gongkai - 政府信息公开平台 (government information disclosure)\n"
	     "\nusage: gongkai COMMAND [OPTIONS]\n\ncommands:");
	for (const struct cli_cmd *c = cli_cmds; c->name; c++) {
		printf("  %-9s %s\n", c->name, c->summary);
	}
	puts("\n'gongkai COMMAND --help' shows a command's options.");
	return 0;
}

int main(int argc, char **argv)
{
	if (crypto_setup()) {
		fputs("gongkai: cannot initialise libsodium\n", stderr);
		return 1;
	}
	if (smtp_setup()) {
		fputs("gongkai: cannot initialise libcurl\n", stderr);
		return 1;
	}
	if (argc < 2) {
		cmd_help(1, argv);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		return cmd_help(1, argv);
	}
	if (strcmp(name, "--version") == 0) {
		name = "version";
	}
	for (const struct cli_cmd *c = cli_cmds; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			if (cli_wants_help(argc - 1, argv + 1) &&
			    c->fn != cmd_help) {
				printf("%s\n\nusage: %s\n", c->summary,
				       c->usage);
				return 0;
			}
			return c->fn(argc - 1, argv + 1);
		}
	}
	fprintf(stderr,
		"gongkai: unknown command '%s' (see 'gongkai help')\n", name);
	return 2;
}
