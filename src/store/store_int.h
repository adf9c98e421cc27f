/*
 * store_int.h - statement helpers shared by the files of store/ only. SQL is
 * always a string literal with ?NNN placeholders; st_prepare caches the
 * prepared statement per connection, keyed by the literal's address.
 */
#ifndef GK_STORE_INT_H
#define GK_STORE_INT_H

#include "store/store.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct store {
	sqlite3 *db;
	struct stcache {
		const char *sql;
		sqlite3_stmt *stmt;
	} *cache;
	size_t ncache, capcache;
	int in_tx; /* transaction depth (1 = BEGIN, more = savepoints) */
};

/* Prepared (cached) statement for a literal SQL text, reset and with its
 * bindings cleared. Owned by the connection. NULL with e set on error. */
#define st_prepare(st, sql, e) st_prepare_((st), "" sql "", (e))
sqlite3_stmt *st_prepare_(store *st, const char *sql, struct err *e);
/* Bind helpers; text NULL binds NULL. Return 0 or -1 with e. */
int st_bind_text(store *st, sqlite3_stmt *s, int i, const char *v,
		 struct err *e);
int st_bind_int(store *st, sqlite3_stmt *s, int i, int64_t v,
		struct err *e);
int st_bind_null(store *st, sqlite3_stmt *s, int i, struct err *e);
/* Steps: 1 = row, 0 = done (statement reset), -1 = error (reset). */
int st_step(store *st, sqlite3_stmt *s, struct err *e);
/* Runs a statement to completion (no rows expected): 0 or -1. */
int st_exec(store *st, sqlite3_stmt *s, struct err *e);
/* Column getters; text is copied to the heap (caller frees) or NULL. */
char *st_col_text(sqlite3_stmt *s, int i);
int64_t st_col_int(sqlite3_stmt *s, int i);
/* A YYYY-MM-DD column as a day number (0 when NULL or not a date). */
int64_t st_col_day(sqlite3_stmt *s, int i);
/* The index in v[0..n-1] (domain vocabularies) of a code column, 0 when
 * it is none of them. */
struct vocab;
int st_col_vocab(sqlite3_stmt *s, int i, const struct vocab *v, size_t n);
/* Binds a day number as YYYY-MM-DD, or NULL for 0. */
int st_bind_day(store *st, sqlite3_stmt *s, int i, int64_t d,
		struct err *e);
/* Steps s once and reads its first column as an integer into *v (0 when
 * there is no row), leaving s reset: 0 or -1. For count(*) queries. */
int st_scalar(store *st, sqlite3_stmt *s, int64_t *v, struct err *e);
/* Frees a heap array of n elements of `size` bytes after clear(elem) on
 * each (the *_list_free functions). */
void st_free_rows(void *v, size_t n, size_t size, void (*clear)(void *));
/* Steps s to the end, appending one element of `size` bytes per row to
 * the heap array *out (count *n), filled by fill(s, elem). On error frees
 * what it collected with clear(elem) for each and returns -1. */
int st_collect(store *st, sqlite3_stmt *s, size_t size,
	       void (*fill)(sqlite3_stmt *, void *), void (*clear)(void *),
	       void **out, size_t *n, struct err *e);
/* Steps s once: on a row fills out with fill(s, out) and returns 1; 0 when
 * there is none, -1 on error. Leaves s reset. */
int st_one(store *st, sqlite3_stmt *s, void (*fill)(sqlite3_stmt *, void *),
	   void *out, struct err *e);
/* Fills e from the connection's last error. Returns -1. */
int st_fail(store *st, struct err *e, const char *what);
/* Runs one literal SQL text that has no parameters (migrations). */
int st_exec_script(store *st, const char *sql, struct err *e);

/* Deletes the file content with this SHA-256 when no attachment,
 * application file or case document names it any more (attachment.c);
 * inside the caller's transaction. */
int blob_release(store *st, const char *sha, struct err *e);

/* Registers the search tokenizer and gk_plain() on the connection
 * (search.c); store_open calls it before migrating. */
int search_register(store *st, struct err *e);

/* Migration list (schema.c). */
extern const char *const store_migrations[];
extern const int store_nmigrations;

#endif
