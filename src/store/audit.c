/*
 * audit.c - hash-chained audit log (see audit.h).
 *
 * Chain rule: hash = SHA-256(prev_hash "\n" canonical), where canonical is
 * the compact JSON array [id, at, actor_id, actor, action, entity,
 * entity_id, before, after] (before/after as strings or null). The first
 * row's prev_hash is 64 zeros. Changing, deleting or inserting any row
 * breaks every hash from there on.
 */
#include "store/audit.h"

#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "store/store_int.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

static const char zero_hash[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static void row_hash(const char *prev, const struct audit_row *r,
		     char out[CRYPTO_HEX32])
{
	json_t *a = json_array();
	json_array_append_new(a, json_integer(r->id));
	json_array_append_new(a, json_string(r->at));
	json_array_append_new(a, json_integer(r->actor_id));
	json_array_append_new(a, json_string(r->actor));
	json_array_append_new(a, json_string(r->action));
	json_array_append_new(a, json_string(r->entity));
	json_array_append_new(a, json_integer(r->entity_id));
	json_array_append_new(a, r->before ? json_string(r->before)
					   : json_null());
	json_array_append_new(a, r->after ? json_string(r->after)
					  : json_null());
	char *canon = json_dumps(a, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(a);
	size_t np = strlen(prev), nc = canon ? strlen(canon) : 0;
	char *msg = xmalloc(np + 1 + nc + 1);
	memcpy(msg, prev, np);
	msg[np] = '\n';
	if (canon) {
		memcpy(msg + np + 1, canon, nc);
	}
	crypto_sha256_hex(msg, np + 1 + nc, out);
	free(msg);
	free(canon);
}

int audit_append(store *st, const struct actor *who, const char *action,
		 const char *entity, int64_t entity_id, const char *before,
		 const char *after, struct err *e)
{
	char prev[CRYPTO_HEX32];
	int64_t last_id = 0;
	sqlite3_stmt *s = st_prepare(
		st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", e);
	if (!s) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc < 0) {
		return -1;
	}
	if (rc == 1) {
		last_id = st_col_int(s, 0);
		const char *h = (const char *)sqlite3_column_text(s, 1);
		snprintf(prev, sizeof prev, "%s", h ? h : "");
		sqlite3_reset(s);
	} else {
		memcpy(prev, zero_hash, sizeof prev);
	}
	char at[21];
	date_timestamp(time(NULL), at);
	struct audit_row r = {
		.id = last_id + 1,
		.at = at,
		.actor_id = who ? who->user_id : 0,
		.actor = (char *)(who && who->label ? who->label : "system"),
		.action = (char *)action,
		.entity = (char *)entity,
		.entity_id = entity_id,
		.before = (char *)before,
		.after = (char *)after,
	};
	char hash[CRYPTO_HEX32];
	row_hash(prev, &r, hash);
	s = st_prepare(st,
		       "INSERT INTO audit(id, at, actor_id, actor, action, "
		       "entity, entity_id, before, after, prev_hash, hash) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		       e);
	if (!s || st_bind_int(st, s, 1, r.id, e) ||
	    st_bind_text(st, s, 2, r.at, e) ||
	    st_bind_int(st, s, 3, r.actor_id, e) ||
	    st_bind_text(st, s, 4, r.actor, e) ||
	    st_bind_text(st, s, 5, r.action, e) ||
	    st_bind_text(st, s, 6, r.entity, e) ||
	    st_bind_int(st, s, 7, r.entity_id, e) ||
	    st_bind_text(st, s, 8, r.before, e) ||
	    st_bind_text(st, s, 9, r.after, e) ||
	    st_bind_text(st, s, 10, prev, e) ||
	    st_bind_text(st, s, 11, hash, e)) {
		return -1;
	}
	return st_exec(st, s, e);
}

static void row_fill(sqlite3_stmt *s, struct audit_row *r)
{
	r->id = st_col_int(s, 0);
	r->at = st_col_text(s, 1);
	r->actor_id = st_col_int(s, 2);
	r->actor = st_col_text(s, 3);
	r->action = st_col_text(s, 4);
	r->entity = st_col_text(s, 5);
	r->entity_id = st_col_int(s, 6);
	r->before = st_col_text(s, 7);
	r->after = st_col_text(s, 8);
	r->hash = st_col_text(s, 10);
}

static void row_clear(struct audit_row *r)
{
	free(r->at);
	free(r->actor);
	free(r->action);
	free(r->entity);
	free(r->before);
	free(r->after);
	free(r->hash);
	memset(r, 0, sizeof *r);
}

int audit_verify(store *st, int64_t *nrows, int64_t *bad_id, struct err *e)
{
	*nrows = 0;
	*bad_id = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT id, at, actor_id, actor, action, entity, entity_id, "
		"before, after, prev_hash, hash FROM audit ORDER BY id",
		e);
	if (!s) {
		return -1;
	}
	char prev[CRYPTO_HEX32];
	memcpy(prev, zero_hash, sizeof prev);
	int64_t expect_id = 1;
	int rc, result = 0;
	while ((rc = st_step(st, s, e)) == 1) {
		struct audit_row r;
		row_fill(s, &r);
		const char *stored_prev =
			(const char *)sqlite3_column_text(s, 9);
		char h[CRYPTO_HEX32];
		row_hash(prev, &r, h);
		const char *why = NULL;
		if (r.id != expect_id) {
			why = "a row is missing before it";
		} else if (!stored_prev || strcmp(stored_prev, prev) != 0) {
			why = "its prev_hash does not match the row before";
		} else if (!r.hash || strcmp(r.hash, h) != 0) {
			why = "its content does not match its hash";
		}
		if (why) {
			*bad_id = r.id;
			err_set(e, ERR_INTERNAL, "audit row %lld: %s",
				(long long)r.id, why);
			row_clear(&r);
			sqlite3_reset(s);
			result = 1;
			break;
		}
		memcpy(prev, h, sizeof prev);
		expect_id++;
		(*nrows)++;
		row_clear(&r);
	}
	if (rc < 0) {
		return -1;
	}
	return result;
}

/* Adapters for st_collect. */
static void row_fill_any(sqlite3_stmt *s, void *p)
{
	row_fill(s, p);
}

static void row_clear_any(void *p)
{
	row_clear(p);
}

int audit_list(store *st, const char *entity, int64_t limit, int64_t offset,
	       struct audit_row **rows, size_t *n, int64_t *total,
	       struct err *e)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st, "SELECT count(*) FROM audit WHERE ?1 IS NULL OR entity = ?1",
		e);
	if (!s || st_bind_text(st, s, 1, entity, e) || st_step(st, s, e) != 1) {
		return -1;
	}
	*total = st_col_int(s, 0);
	sqlite3_reset(s);
	s = st_prepare(st,
		       "SELECT id, at, actor_id, actor, action, entity, "
		       "entity_id, before, after, prev_hash, hash FROM audit "
		       "WHERE ?1 IS NULL OR entity = ?1 "
		       "ORDER BY id DESC LIMIT ?2 OFFSET ?3",
		       e);
	if (!s || st_bind_text(st, s, 1, entity, e) ||
	    st_bind_int(st, s, 2, limit, e) ||
	    st_bind_int(st, s, 3, offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **rows, row_fill_any, row_clear_any,
			  (void **)rows, n, e);
}

void audit_rows_free(struct audit_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		row_clear(&rows[i]);
	}
	free(rows);
}
