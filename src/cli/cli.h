/*
 * cli.h - what the subcommands share: the command table, option parsing
 * helpers, error reporting with exit codes (2 bad usage or input, 1
 * failure) and the audit actor for command-line changes.
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include "base/err.h"
#include "store/store.h"

#include <stddef.h>

struct cli_cmd {
	const char *name;
	int (*fn)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
	const char *usage;
};

extern const struct cli_cmd cli_cmds[];

/* Prints "gongkai CMD: message" and the usage to stderr; returns 2. */
int cli_usage(const char *cmd, const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints e to stderr; returns its exit code (1 or 2). */
int cli_fail(const char *cmd, const struct err *e);
/* 1 when argv has --help or -h. */
int cli_wants_help(int argc, char **argv);
/* The audit actor "cli:<os user>". */
struct actor cli_actor(void);
/* Opens an existing database (message names the file if it is not one). */
int cli_open(const char *db, store **out, struct err *e);
/* Opens an existing database and finds the organ named by key (name or
 * slug; ERR_NOTFOUND when there is none). *o is the caller's (organ_clear)
 * and so is *out (store_close), also on failure. */
struct organ;
int cli_open_organ(const char *db, const char *key, store **out,
		   struct organ *o, struct err *e);
/* Reads a password: one line from stdin with from_stdin, else a prompt
 * without echo when stdin is a terminal. 1 read, 0 none available, -1
 * error. */
int cli_read_password(int from_stdin, char *out, size_t n, struct err *e);

/* Writes b to the file path (NULL: standard output). 0, or -1 with e
 * (ERR_INTERNAL naming the file). */
struct Buf;
int cli_write(const char *path, const struct Buf *b, struct err *e);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_organ(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_workday(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_check_report(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_reindex(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);

/* jobs.c: the server's periodic jobs (scheduled publication, mail), run
 * in order on each tick; the shape of app->tick. */
struct app;
void jobs_tick(struct app *app);

/* extract.c: appends the searchable text of an attachment of content
 * type ctype ("" for types it cannot read). 0, or -1 with e when the
 * extraction tool could not run. out is the caller's. */
struct Buf;
int extract_text(const char *ctype, const struct Buf *data, struct Buf *out,
		 struct err *e);

/* demo.c: fills a new database with the demo organs and accounts, and
 * prints the accounts. */
int demo_fill(store *st, struct err *e);

#endif
