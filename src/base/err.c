/*
 * err.c - filling and mapping struct err (see err.h).
 */
#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int vset(struct err *e, enum err_code code, int status,
		const char *fmt, va_list ap)
{
	if (e) {
		e->code = code;
		e->http_status = status;
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	}
	return -1;
}

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(e, code, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int err_set_http(struct err *e, enum err_code code, int status,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(e, code, status, fmt, ap);
	va_end(ap);
	return -1;
}

void err_clear(struct err *e)
{
	memset(e, 0, sizeof *e);
}

int err_status(const struct err *e)
{
	if (e->http_status) {
		return e->http_status;
	}
	switch (e->code) {
	case ERR_NONE: return 200;
	case ERR_INPUT: return 400;
	case ERR_NOTFOUND: return 404;
	case ERR_DENIED: return 403;
	case ERR_CONFLICT: return 409;
	case ERR_LIMIT: return 413;
	case ERR_INTERNAL: return 500;
	case ERR_MISSING: return 503;
	}
	return 500;
}

int err_exit_code(const struct err *e)
{
	return e->code == ERR_INTERNAL || e->code == ERR_MISSING ? 1 : 2;
}
