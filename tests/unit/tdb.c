/*
 * tdb.c - temporary databases for unit tests (see tdb.h).
 */
#include "tdb.h"

#include "store/store_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

char tdb_path[128];
static char dir[64];

store *tdb_open(void)
{
	snprintf(dir, sizeof dir, "/tmp/gk-unit-XXXXXX");
	if (!mkdtemp(dir)) {
		return NULL;
	}
	snprintf(tdb_path, sizeof tdb_path, "%s/t.db", dir);
	store *st = NULL;
	struct err e = {0};
	if (store_open(tdb_path, STORE_OPEN_CREATE, &st, &e)) {
		fprintf(stderr, "open: %s\n", e.msg);
		return NULL;
	}
	return st;
}

void tdb_close(store *st)
{
	char p[160];
	store_close(st);
	snprintf(p, sizeof p, "%s-wal", tdb_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", tdb_path);
	unlink(p);
	unlink(tdb_path);
	rmdir(dir);
}

int tdb_exec(const char *sql)
{
	/* A store connection of its own, so the search tokenizer the item
	 * triggers need is registered. */
	store *st = NULL;
	struct err e = {0};
	if (store_open(tdb_path, STORE_OPEN_EXISTING, &st, &e)) {
		fprintf(stderr, "tdb_exec: %s\n", e.msg);
		return SQLITE_ERROR;
	}
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "tdb_exec: %s\n", sqlite3_errmsg(st->db));
	}
	store_close(st);
	return rc;
}

long long tdb_scalar(store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
	} else {
		fprintf(stderr, "tdb_scalar: %s\n", sqlite3_errmsg(st->db));
	}
	sqlite3_finalize(s);
	return v;
}

void tdb_join(store *st, const char *sql, const char *arg, int col,
	      const char *sep, char *out, size_t n)
{
	sqlite3_stmt *s = NULL;
	size_t k = 0;
	out[0] = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK ||
	    (arg &&
	     sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT) != SQLITE_OK)) {
		snprintf(out, n, "ERR:%s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && k < n) {
		const unsigned char *v = sqlite3_column_text(s, col);
		k += (size_t)snprintf(out + k, n - k, "%s%s", k ? sep : "",
				      v ? (const char *)v : "");
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		snprintf(out, n, "ERR:%s", sqlite3_errmsg(st->db));
	}
	sqlite3_finalize(s);
}
