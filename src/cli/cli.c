/*
 * cli.c - helpers shared by the subcommands (see cli.h).
 */
#include "cli/cli.h"

#include "store/organ.h"

#include "base/buf.h"
#include "base/str.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int cli_usage(const char *cmd, const char *usage, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "gongkai %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nusage: %s\n", usage);
	va_end(ap);
	return 2;
}

int cli_fail(const char *cmd, const struct err *e)
{
	fprintf(stderr, "gongkai %s: %s\n", cmd, e->msg);
	return err_exit_code(e);
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			return 1;
		}
	}
	return 0;
}

struct actor cli_actor(void)
{
	static __thread char label[96];
	const char *name = getenv("USER");
	struct passwd *pw = NULL;
	if (!name || !*name) {
		pw = getpwuid(getuid());
		name = pw ? pw->pw_name : "unknown";
	}
	snprintf(label, sizeof label, "cli:%s", name);
	struct actor a = {0, label};
	return a;
}

int cli_open(const char *db, store **out, struct err *e)
{
	return store_open(db, STORE_OPEN_EXISTING, out, e);
}

int cli_open_organ(const char *db, const char *key, store **out,
		   struct organ *o, struct err *e)
{
	if (cli_open(db, out, e)) {
		return -1;
	}
	int found = organ_find(*out, key, o, e);
	if (found == 0) {
		return err_set(e, ERR_NOTFOUND, "no organ named '%s'", key);
	}
	return found < 0 ? -1 : 0;
}

int cli_read_password(int from_stdin, char *out, size_t n, struct err *e)
{
	int tty = isatty(STDIN_FILENO);
	if (!from_stdin && !tty) {
		return 0;
	}
	struct termios old, quiet;
	int echo_off = 0;
	if (!from_stdin) {
		fputs("密码: ", stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			echo_off = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
		}
	}
	char *got = fgets(out, (int)n, stdin);
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	if (!got) {
		return err_set(e, ERR_INPUT, "no password on standard input");
	}
	size_t len = strlen(out);
	if (len && out[len - 1] == '\n') {
		out[--len] = 0;
	} else if (len == n - 1) {
		return err_set(e, ERR_INPUT, "password too long");
	}
	if (len && out[len - 1] == '\r') {
		out[--len] = 0;
	}
	return 1;
}

int cli_write(const char *path, const Buf *b, struct err *e)
{
	FILE *fp = path ? fopen(path, "wb") : stdout;
	if (!fp || fwrite(b->p ? b->p : "", 1, b->n, fp) != b->n ||
	    (path ? fclose(fp) : fflush(fp)) != 0) {
		return err_set(e, ERR_INTERNAL, "cannot write %s",
			       path ? path : "standard output");
	}
	return 0;
}
