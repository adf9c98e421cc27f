/*
 * fmtcheck.c - the project's own convention checker, run by `make check`
 * (after Fossil's codecheck1). For each C file named on the command line:
 *   - the format/SQL argument of html_printf, buf_printf, url_printf,
 *     html_href, tv_setf, layout_set_url, layout_redirect, log_msg,
 *     err_set, err_set_http, cli_usage and st_prepare must be a string
 *     literal (so escaping and bound parameters cannot be bypassed, and
 *     -Wformat sees every call);
 *   - sqlite3_* appears only under src/store/;
 *   - no fwrite()/write() under src/web/ (responses are buffered).
 * Prints FILE:LINE: problem for each finding; exit 1 if any.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int arg; /* 1-based index of the format argument */
} checked[] = {
	{"html_printf", 2}, {"buf_printf", 2}, {"url_printf", 2},
	{"html_href", 2},   {"tv_setf", 3},    {"layout_set_url", 3},
	{"layout_redirect", 2}, {"log_msg", 3},
	{"err_set", 3},     {"err_set_http", 4}, {"cli_usage", 3},
	{"st_prepare", 2},
};

static int problems;

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t cap = 65536, len = 0;
	char *p = malloc(cap);
	size_t k;
	while (p && (k = fread(p + len, 1, cap - len - 1, f)) > 0) {
		len += k;
		if (cap - len < 2) {
			cap *= 2;
			p = realloc(p, cap);
		}
	}
	fclose(f);
	if (!p) {
		exit(2);
	}
	p[len] = 0;
	*n = len;
	return p;
}

/* Blanks comments (keeping newlines) so they are not searched. */
static void strip_comments(char *s)
{
	for (char *p = s; *p; p++) {
		if (*p == '"' || *p == '\'') {
			char q = *p++;
			while (*p && *p != q) {
				if (*p == '\\' && p[1]) {
					p++;
				}
				p++;
			}
			if (!*p) {
				return;
			}
		} else if (p[0] == '/' && p[1] == '*') {
			char *end = strstr(p + 2, "*/");
			char *stop = end ? end + 2 : p + strlen(p);
			for (; p < stop; p++) {
				if (*p != '\n') {
					*p = ' ';
				}
			}
			p--;
		} else if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n') {
				*p++ = ' ';
			}
			p--;
		}
	}
}

static int line_of(const char *s, const char *p)
{
	int line = 1;
	for (; s < p; s++) {
		line += *s == '\n';
	}
	return line;
}

static int ident(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static void report(const char *file, const char *s, const char *p,
		   const char *msg, const char *name)
{
	printf("%s:%d: %s%s\n", file, line_of(s, p), msg, name);
	problems++;
}

/* Returns a pointer to the start of argument `want` of the call whose '('
 * is at open, or NULL. */
static const char *arg_start(const char *open, int want)
{
	int depth = 0, idx = 1;
	const char *p = open + 1;
	const char *start = p;
	for (; *p; p++) {
		if (*p == '"' || *p == '\'') {
			char q = *p++;
			while (*p && *p != q) {
				if (*p == '\\' && p[1]) {
					p++;
				}
				p++;
			}
			if (!*p) {
				return NULL;
			}
			continue;
		}
		if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
		} else if (*p == ')' || *p == ']' || *p == '}') {
			if (depth == 0) {
				return idx == want ? start : NULL;
			}
			depth--;
		} else if (*p == ',' && depth == 0) {
			if (idx == want) {
				return start;
			}
			idx++;
			start = p + 1;
		}
	}
	return NULL;
}

static int line_is_define(const char *s, const char *p)
{
	while (p > s && p[-1] != '\n') {
		p--;
	}
	while (*p == ' ' || *p == '\t') {
		p++;
	}
	return *p == '#';
}

static void check_file(const char *file)
{
	size_t n;
	char *s = slurp(file, &n);
	strip_comments(s);
	int in_store = strstr(file, "src/store/") != NULL;
	int in_web = strstr(file, "src/web/") != NULL;
	for (const char *p = s; *p; p++) {
		if (*p == '"') {
			p++;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1]) {
					p++;
				}
				p++;
			}
			if (!*p) {
				break;
			}
			continue;
		}
		if (p > s && ident(p[-1])) {
			continue;
		}
		if (!in_store && strncmp(p, "sqlite3_", 8) == 0) {
			report(file, s, p, "sqlite3_* outside src/store/", "");
		}
		if (in_web && (strncmp(p, "fwrite", 6) == 0 ||
			       strncmp(p, "write", 5) == 0)) {
			const char *q = p + (p[0] == 'f' ? 6 : 5);
			while (*q == ' ') {
				q++;
			}
			if (*q == '(') {
				report(file, s, p,
				       "direct write in src/web/ (buffer the "
				       "response)",
				       "");
			}
		}
		for (size_t i = 0; i < sizeof checked / sizeof checked[0];
		     i++) {
			size_t len = strlen(checked[i].name);
			if (strncmp(p, checked[i].name, len) != 0 ||
			    ident(p[len])) {
				continue;
			}
			const char *q = p + len;
			while (*q == ' ' || *q == '\t' || *q == '\n') {
				q++;
			}
			if (*q != '(' || line_is_define(s, p)) {
				continue;
			}
			const char *a = arg_start(q, checked[i].arg);
			if (!a) {
				continue;
			}
			while (isspace((unsigned char)*a)) {
				a++;
			}
			if (strncmp(a, "const ", 6) == 0 ||
			    strncmp(a, "char ", 5) == 0) {
				continue; /* the declaration itself */
			}
			if (*a != '"') {
				report(file, s, p,
				       "format/SQL must be a string literal in ",
				       checked[i].name);
			}
		}
	}
	free(s);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		check_file(argv[i]);
	}
	if (problems) {
		printf("fmtcheck: %d problem(s)\n", problems);
		return 1;
	}
	printf("fmtcheck: %d files clean\n", argc - 1);
	return 0;
}
