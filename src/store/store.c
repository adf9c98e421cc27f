/*
 * store.c - opening the database, statements, transactions, settings and
 * the connection pool (see store.h, store_int.h).
 */
#include "store/holiday.h"
#include "store/store_int.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/application.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Each connection's page cache, in KiB (PRAGMA cache_size units): at
 * most 64 MiB, taken only as pages are read. SQLite's default, 2 MB,
 * holds too little of a large catalog's index: at 1M items a search with
 * 6,000 matches took twice as long (bench-search --open). */
#define STORE_CACHE "-65536"

/* 'gkai': marks a file as a gongkai database (PRAGMA application_id). */
#define GK_APP_ID 0x676B6169

/*---- Statements ----*/

int st_fail(store *st, struct err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		return err_set(e, ERR_CONFLICT, "%s: %s", what,
			       sqlite3_errmsg(st->db));
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		return err_set_http(e, ERR_INTERNAL, 503,
				    "%s: database busy", what);
	}
	return err_set(e, ERR_INTERNAL, "%s: %s", what, sqlite3_errmsg(st->db));
}

sqlite3_stmt *st_prepare_(store *st, const char *sql, struct err *e)
{
	for (size_t i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_stmt *s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
			       NULL) != SQLITE_OK) {
		st_fail(st, e, "prepare");
		return NULL;
	}
	if (st->ncache == st->capcache) {
		st->capcache = st->capcache ? st->capcache * 2 : 32;
		st->cache = xrealloc(st->cache,
				     st->capcache * sizeof *st->cache);
	}
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

int st_bind_text(store *st, sqlite3_stmt *s, int i, const char *v,
		 struct err *e)
{
	int rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT)
		   : sqlite3_bind_null(s, i);
	return rc == SQLITE_OK ? 0 : st_fail(st, e, "bind");
}

int st_bind_int(store *st, sqlite3_stmt *s, int i, int64_t v, struct err *e)
{
	return sqlite3_bind_int64(s, i, v) == SQLITE_OK ? 0
							: st_fail(st, e, "bind");
}

int st_bind_null(store *st, sqlite3_stmt *s, int i, struct err *e)
{
	return sqlite3_bind_null(s, i) == SQLITE_OK ? 0
						    : st_fail(st, e, "bind");
}

int st_step(store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		return 1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 0;
	}
	st_fail(st, e, "query");
	sqlite3_reset(s);
	return -1;
}

int st_exec(store *st, sqlite3_stmt *s, struct err *e)
{
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
	}
	return rc;
}

char *st_col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

int64_t st_col_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int64(s, i);
}

int64_t st_col_day(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	int64_t d = 0;
	if (!t || date_parse(t, &d)) {
		return 0;
	}
	return d;
}

int st_col_vocab(sqlite3_stmt *s, int i, const struct vocab *v, size_t n)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	for (size_t k = 0; t && k < n; k++) {
		if (!strcmp(v[k].code, t)) {
			return (int)k;
		}
	}
	return 0;
}

int st_bind_day(store *st, sqlite3_stmt *s, int i, int64_t d, struct err *e)
{
	char b[11];
	if (!d) {
		return st_bind_null(st, s, i, e);
	}
	date_format(d, b);
	return st_bind_text(st, s, i, b, e);
}

int st_scalar(store *st, sqlite3_stmt *s, int64_t *v, struct err *e)
{
	int rc = st_step(st, s, e);
	*v = rc == 1 ? st_col_int(s, 0) : 0;
	if (rc == 1) {
		sqlite3_reset(s);
	}
	return rc < 0 ? -1 : 0;
}

void st_free_rows(void *v, size_t n, size_t size, void (*clear)(void *))
{
	for (size_t i = 0; i < n; i++) {
		clear((char *)v + i * size);
	}
	free(v);
}

int st_collect(store *st, sqlite3_stmt *s, size_t size,
	       void (*fill)(sqlite3_stmt *, void *), void (*clear)(void *),
	       void **out, size_t *n, struct err *e)
{
	char *v = NULL;
	size_t cap = 0, k = 0;
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		if (k == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * size);
		}
		fill(s, v + k * size);
		k++;
	}
	if (rc < 0) {
		for (size_t i = 0; i < k; i++) {
			clear(v + i * size);
		}
		free(v);
		v = NULL;
		k = 0;
	}
	*out = v;
	*n = k;
	return rc < 0 ? -1 : 0;
}

int st_one(store *st, sqlite3_stmt *s, void (*fill)(sqlite3_stmt *, void *),
	   void *out, struct err *e)
{
	int rc = st_step(st, s, e);
	if (rc == 1) {
		fill(s, out);
		sqlite3_reset(s);
	}
	return rc;
}

int st_exec_script(store *st, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "database: %s",
			msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/*---- Opening and migrations ----*/

int store_schema_latest(void)
{
	return store_nmigrations;
}

static int pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

int store_schema_version(store *st)
{
	return pragma_int(st->db, "PRAGMA user_version");
}

static int migrate(store *st, struct err *e)
{
	int v = store_schema_version(st);
	if (v > store_nmigrations) {
		return err_set(e, ERR_INPUT,
			       "database schema version %d is newer than this "
			       "gongkai (%d): upgrade gongkai",
			       v, store_nmigrations);
	}
	for (int i = v; i < store_nmigrations; i++) {
		char pragma[64];
		if (store_tx_begin(st, e)) {
			return -1;
		}
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
			 i + 1);
		if (st_exec_script(st, store_migrations[i], e) ||
		    st_exec_script(st, pragma, e) ||
		    (i + 1 == 3 && holiday_seed(st, e))) {
			store_tx_rollback(st);
			return -1;
		}
		if (store_tx_commit(st, e)) {
			return -1;
		}
	}
	return 0;
}

int store_probe(const char *path, struct err *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || sb.st_size == 0) {
		return 0;
	}
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return err_set(e, ERR_INPUT, "%s: cannot open", path);
	}
	int id = pragma_int(db, "PRAGMA application_id");
	sqlite3_close(db);
	if (id == GK_APP_ID) {
		return 1;
	}
	return err_set(e, ERR_INPUT, "%s exists and is not a gongkai database",
		       path);
}

int store_open(const char *path, enum store_open_mode mode, store **out,
	       struct err *e)
{
	*out = NULL;
	int probe = store_probe(path, e);
	if (probe < 0) {
		return -1;
	}
	if (probe == 0 && mode == STORE_OPEN_EXISTING) {
		return err_set(e, ERR_INPUT,
			       "%s: no gongkai database (create one with "
			       "'gongkai init --db %s')",
			       path, path);
	}
	store *st = xcalloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (mode == STORE_OPEN_CREATE) {
		flags |= SQLITE_OPEN_CREATE;
	}
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		err_set(e, ERR_INPUT, "%s: %s", path,
			st->db ? sqlite3_errmsg(st->db) : "cannot open");
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	if (st_exec_script(st,
			   "PRAGMA journal_mode = WAL;"
			   "PRAGMA synchronous = NORMAL;"
			   "PRAGMA foreign_keys = ON;"
			   "PRAGMA cache_size = " STORE_CACHE ";",
			   e)) {
		store_close(st);
		return -1;
	}
	if (probe == 0 &&
	    st_exec_script(st, "PRAGMA application_id = 1735090537;", e)) {
		store_close(st);
		return -1;
	}
	if (search_register(st, e) || migrate(st, e)) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void store_close(store *st)
{
	if (!st) {
		return;
	}
	for (size_t i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
	}
	free(st->cache);
	sqlite3_close(st->db);
	free(st);
}

/*---- Transactions ----*/

int store_tx_begin(store *st, struct err *e)
{
	if (st->in_tx > 0) {
		/* Nested: a savepoint, so an inner failure can be undone
		 * alone (importers check every row in one transaction). */
		if (st_exec_script(st, "SAVEPOINT nested", e)) {
			return -1;
		}
		st->in_tx++;
		return 0;
	}
	if (st_exec_script(st, "BEGIN IMMEDIATE", e)) {
		return -1;
	}
	st->in_tx = 1;
	return 0;
}

int store_tx_commit(store *st, struct err *e)
{
	if (st->in_tx > 1) {
		if (st_exec_script(st, "RELEASE nested", e)) {
			store_tx_rollback(st);
			return -1;
		}
		st->in_tx--;
		return 0;
	}
	if (st_exec_script(st, "COMMIT", e)) {
		store_tx_rollback(st);
		return -1;
	}
	st->in_tx = 0;
	return 0;
}

void store_tx_rollback(store *st)
{
	if (st->in_tx > 1) {
		sqlite3_exec(st->db, "ROLLBACK TO nested; RELEASE nested",
			     NULL, NULL, NULL);
		st->in_tx--;
		return;
	}
	if (st->in_tx || !sqlite3_get_autocommit(st->db)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	st->in_tx = 0;
}

/*---- Settings ----*/

int store_config_get(store *st, const char *key, char *out, size_t n,
		     struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "SELECT value FROM config WHERE key = ?1", e);
	if (!s || st_bind_text(st, s, 1, key, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc == 1) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		snprintf(out, n, "%s", v ? v : "");
		sqlite3_reset(s);
	}
	return rc;
}

int store_config_set(store *st, const char *key, const char *value,
		     struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO config(key, value) VALUES (?1, ?2) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		e);
	if (!s || st_bind_text(st, s, 1, key, e) ||
	    st_bind_text(st, s, 2, value, e)) {
		return -1;
	}
	return st_exec(st, s, e);
}

/*---- Pool ----*/

struct store_pool {
	pthread_mutex_t lock;
	char *path;
	store **free;
	size_t nfree, capfree;
};

int store_pool_new(const char *path, store_pool **out, struct err *e)
{
	store_pool *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->lock, NULL);
	p->path = xstrdup(path);
	/* Open one connection now so a bad path fails at start. */
	store *st = NULL;
	if (store_open(path, STORE_OPEN_EXISTING, &st, e)) {
		store_pool_free(p);
		return -1;
	}
	store_pool_put(p, st);
	*out = p;
	return 0;
}

store *store_pool_get(store_pool *p, struct err *e)
{
	pthread_mutex_lock(&p->lock);
	store *st = p->nfree ? p->free[--p->nfree] : NULL;
	pthread_mutex_unlock(&p->lock);
	if (!st && store_open(p->path, STORE_OPEN_EXISTING, &st, e)) {
		return NULL;
	}
	return st;
}

void store_pool_put(store_pool *p, store *st)
{
	if (!st) {
		return;
	}
	store_tx_rollback(st); /* never hand out a connection mid-tx */
	pthread_mutex_lock(&p->lock);
	if (p->nfree == p->capfree) {
		p->capfree = p->capfree ? p->capfree * 2 : 8;
		p->free = xrealloc(p->free, p->capfree * sizeof *p->free);
	}
	p->free[p->nfree++] = st;
	pthread_mutex_unlock(&p->lock);
}

void store_pool_free(store_pool *p)
{
	if (!p) {
		return;
	}
	for (size_t i = 0; i < p->nfree; i++) {
		store_close(p->free[i]);
	}
	free(p->free);
	free(p->path);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
