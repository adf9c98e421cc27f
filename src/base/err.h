/*
 * err.h - the one error convention: functions return 0 on success and -1 on
 * failure, and describe the failure in a caller-provided struct err. The
 * caller (a web handler or a CLI command) decides how to show it; nothing
 * below web/ and cli/ prints.
 */
#ifndef GK_ERR_H
#define GK_ERR_H

enum err_code {
	ERR_NONE = 0,
	ERR_INPUT,     /* bad input from the user: HTTP 4xx, CLI exit 2 */
	ERR_NOTFOUND,  /* no such thing: 404, exit 2 */
	ERR_DENIED,    /* not allowed: 403, exit 2 */
	ERR_CONFLICT,  /* already exists / state conflict: 409, exit 2 */
	ERR_LIMIT,     /* too large / too many: 413/429, exit 2 */
	ERR_INTERNAL,  /* storage, I/O, invariant: 500, exit 1 */
	ERR_MISSING,   /* the answer needs data the installation lacks (a
			* calendar year): 503, exit 1 */
};

struct err {
	enum err_code code;
	int http_status;  /* suggested status; 0 = derive from code */
	char msg[256];    /* human-readable, Simplified Chinese for users */
};

/* Fills e (if not NULL) and returns -1, so callers can write
 * `return err_set(e, ERR_INPUT, "...%s", x);`. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same with an explicit HTTP status. */
int err_set_http(struct err *e, enum err_code code, int status,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Clears e. */
void err_clear(struct err *e);
/* The HTTP status for e: its own if set, else derived from its code. */
int err_status(const struct err *e);
/* The CLI exit code for e: 1 for ERR_INTERNAL and ERR_MISSING, 2
 * otherwise. */
int err_exit_code(const struct err *e);

#endif
