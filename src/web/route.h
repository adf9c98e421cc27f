/*
 * route.h - the route table and dispatch. Every URL the server answers is
 * one row in route.c: method, pattern, permission, declared parameters and
 * handler. Dispatch matches the path, loads the session, checks CSRF on
 * every non-GET request, checks the permission, validates the declared
 * parameters (undeclared ones never reach the handler), calls the handler
 * and renders its error, if any.
 */
#ifndef GK_ROUTE_H
#define GK_ROUTE_H

#include "web/http.h"

/* Who may call a route. */
enum perm {
	PERM_PUBLIC, /* anyone */
	PERM_STAFF,  /* any logged-in user */
	PERM_ORGAN,  /* staff of the organ named by {slug}, or admin */
	PERM_ADMIN,  /* admin only */
};

/* Parameter kinds; each checks UTF-8 and length first. */
enum pkind {
	PK_TEXT,  /* one line of text */
	PK_PARA,  /* multi-line text */
	PK_INT,   /* decimal integer within [min, max] */
	PK_SLUG,  /* [a-z0-9-]+ */
	PK_PATH,  /* a local path: starts with '/', not '//' */
	PK_SECRET /* password: any bytes but NUL, never logged */
};

struct param_def {
	const char *name;
	enum pkind kind;
	size_t max;       /* bytes */
	long long min, maxv;
};

/* A handler returns 0 with r->out/status set, or -1 with e filled (then
 * dispatch renders the error page for it). */
typedef int (*handler_fn)(struct req *r, struct err *e);

/* The organ named by the route's first capture ({slug}): 0 with o filled
 * (free with organ_clear), or -1 with e (ERR_NOTFOUND when there is no
 * such organ). */
struct organ;
int route_organ(struct req *r, struct organ *o, struct err *e);

/* Handles a fully read request: fills r->status, r->ctype, r->out,
 * r->hdrs. Never fails; errors become error pages. */
void route_dispatch(struct req *r);

#endif
