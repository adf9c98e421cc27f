/*
 * store.h - the database handle as the layers above see it. Only store/
 * knows it is SQLite; web/, cli/ and domain/ include this and the entity
 * headers (organ.h, user.h, ...) and never see SQL.
 *
 * A `store` is one connection and is used by one thread at a time. A
 * store_pool hands connections to server worker threads.
 */
#ifndef GK_STORE_H
#define GK_STORE_H

#include "base/err.h"

#include <stddef.h>
#include <stdint.h>

typedef struct store store;
typedef struct store_pool store_pool;

enum store_open_mode {
	STORE_OPEN_EXISTING, /* the file must hold a gongkai database */
	STORE_OPEN_CREATE,   /* create the file if missing */
};

/* Opens path, sets WAL, foreign keys and a busy timeout, and applies any
 * pending migrations. *out is owned by the caller (store_close). */
int store_open(const char *path, enum store_open_mode mode, store **out,
	       struct err *e);
void store_close(store *st);
/* 1 when path exists and holds a gongkai database, 0 when it does not
 * exist or is empty, -1 (with e) when it is some other file. */
int store_probe(const char *path, struct err *e);
/* The schema version the file is at (after store_open: the latest). */
int store_schema_version(store *st);
/* The schema version this build writes. */
int store_schema_latest(void);

/* Write transaction (BEGIN IMMEDIATE: writers queue, the audit chain never
 * forks). Every multi-statement change runs inside one. */
int store_tx_begin(store *st, struct err *e);
/* Transactions nest: an inner begin is a savepoint, and an inner rollback
 * undoes only what ran since its begin. The outermost commit writes. */
int store_tx_commit(store *st, struct err *e);
void store_tx_rollback(store *st);

/* Settings kept in the database (Fossil-style). Get copies the value into
 * out (size n): 1 found, 0 absent, -1 error. */
int store_config_get(store *st, const char *key, char *out, size_t n,
		     struct err *e);
int store_config_set(store *st, const char *key, const char *value,
		     struct err *e);

/* A pool of connections to one file for server threads. */
int store_pool_new(const char *path, store_pool **out, struct err *e);
/* Takes a connection (opening one if none is free); give it back with
 * store_pool_put. NULL with e set on failure. */
store *store_pool_get(store_pool *p, struct err *e);
void store_pool_put(store_pool *p, store *st);
void store_pool_free(store_pool *p);

/* Who made a change, for the audit log. user_id 0 = not a web user. */
struct actor {
	int64_t user_id;
	const char *label; /* login, or "cli:<os user>" */
};

#endif
