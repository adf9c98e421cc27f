/*
 * tdb.h - a fresh gongkai database in a temporary directory for unit tests
 * that exercise store/ on a real file.
 */
#ifndef GK_TDB_H
#define GK_TDB_H

#include "store/store.h"

#include <stddef.h>

/* The path of the database tdb_open made last. */
extern char tdb_path[128];

/* Creates an empty, migrated database; NULL (with a message on stderr) on
 * failure. Close it with tdb_close, which also removes the files. */
store *tdb_open(void);
void tdb_close(store *st);
/* Runs SQL on the database at tdb_path through a connection of its own
 * (behind the store's back): the sqlite3_exec result code. */
int tdb_exec(const char *sql);
/* The integer the first row of SQL gives on st's own connection (a
 * PRAGMA, a count); -1 on an error, with a message on stderr. */
long long tdb_scalar(store *st, const char *sql);
/* Column col of every row SQL gives on st's connection (with ?1 bound
 * to arg unless it is NULL), joined by sep into out; "ERR:..." on an
 * error. */
void tdb_join(store *st, const char *sql, const char *arg, int col,
	      const char *sep, char *out, size_t n);

#endif
