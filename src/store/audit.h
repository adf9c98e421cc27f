/*
 * audit.h - the append-only, hash-chained change log. Every change to a
 * record appends one row inside the same transaction as the change.
 */
#ifndef GK_AUDIT_H
#define GK_AUDIT_H

#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

struct audit_row {
	int64_t id;
	char *at, *actor, *action, *entity, *before, *after, *hash;
	int64_t actor_id, entity_id;
};

/* Appends a row; must run inside a store transaction. before/after are JSON
 * texts (NULL when there is none: creation has no before, deletion no
 * after). Copies everything it is given. */
int audit_append(store *st, const struct actor *who, const char *action,
		 const char *entity, int64_t entity_id, const char *before,
		 const char *after, struct err *e);

/* Recomputes the chain. Returns 0 when intact (and *nrows = rows checked),
 * 1 when broken (*bad_id = first bad row, e->msg says how), -1 on error. */
int audit_verify(store *st, int64_t *nrows, int64_t *bad_id, struct err *e);

/* The newest rows (at most limit, skipping offset), for the log page. Fills
 * a heap array *rows of *n entries; free with audit_rows_free. Optional
 * entity filter (NULL = all). */
int audit_list(store *st, const char *entity, int64_t limit, int64_t offset,
	       struct audit_row **rows, size_t *n, int64_t *total,
	       struct err *e);
void audit_rows_free(struct audit_row *rows, size_t n);

#endif
