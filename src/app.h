/*
 * app.h - struct app: everything the server shares between requests, the
 * only process-wide state (configuration, the connection pool, the parsed
 * templates, static files and the installation secret). Built once at start
 * by cmd_serve, read-only afterwards, passed explicitly to every handler
 * through struct req.
 */
#ifndef GK_APP_H
#define GK_APP_H

#include "base/conf.h"
#include "store/store.h"

struct tmplset;
struct static_set;

struct app {
	struct conf conf;
	store_pool *pool;
	struct tmplset *tmpl;
	struct static_set *statics;
	char secret[65]; /* HMAC key for CSRF tokens (from the database) */
	char dummy_hash[128]; /* verified against for unknown logins */
	/* Periodic work (scheduled publication), called by server_run at
	 * start and then every tick_seconds from the main thread. */
	void (*tick)(struct app *app);
	int tick_seconds;
};

#endif
