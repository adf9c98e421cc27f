/*
 * tdb.c - temporary databases for unit tests (see tdb.h).
 */
#include "tdb.h"

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
	sqlite3 *db = NULL;
	int rc = sqlite3_open(tdb_path, &db);
	if (rc == SQLITE_OK) {
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	sqlite3_close(db);
	return rc;
}
