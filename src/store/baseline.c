/*
 * baseline.c - every statement that touches the baseline table (see
 * baseline.h).
 */
#include "store/baseline.h"

#include "base/date.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <time.h>

#define BASELINE_COLS                                                       \
	"id, organ_id, metric, year, value, source, origin, note, "        \
	"created_at "

static void fill(sqlite3_stmt *s, void *p)
{
	struct baseline *b = p;
	b->id = st_col_int(s, 0);
	b->organ_id = st_col_int(s, 1);
	b->metric = st_col_text(s, 2);
	b->year = (int)st_col_int(s, 3);
	b->value = st_col_int(s, 4);
	b->source = st_col_text(s, 5);
	b->origin = st_col_text(s, 6);
	b->note = st_col_text(s, 7);
	b->created_at = st_col_text(s, 8);
}

static void clear_any(void *p)
{
	baseline_clear(p);
}

void baseline_list_free(struct baseline *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		baseline_clear(&v[i]);
	}
	free(v);
}

int baseline_list(store *st, int64_t organ_id, struct baseline **out,
		  size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " BASELINE_COLS "FROM baseline "
				     "WHERE organ_id = ?1 ORDER BY metric, "
				     "year",
				     e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

static char *snapshot(const struct baseline *b)
{
	json_t *j = json_pack("{s:I, s:I, s:s, s:i, s:I, s:s, s:s, s:s}",
			      "id", (json_int_t)b->id, "organ_id",
			      (json_int_t)b->organ_id, "metric", b->metric,
			      "year", b->year, "value", (json_int_t)b->value,
			      "source", b->source ? b->source : "", "origin",
			      b->origin ? b->origin : "", "note",
			      b->note ? b->note : "");
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

int baseline_add(store *st, const struct metric_reg *reg,
		 const struct actor *who, struct baseline *b, int this_year,
		 const char **field, struct err *e)
{
	struct baseline *all = NULL;
	size_t n = 0;
	char *snap = NULL;
	int rc = -1;
	b->id = 0;
	if (baseline_check(reg, b->metric, b->year, b->value, this_year, field,
			   e)) {
		return -1;
	}
	*field = "value";
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (baseline_list(st, b->organ_id, &all, &n, e)) {
		goto done;
	}
	if (baseline_consistent(reg, b, all, n, e)) {
		if (e->code == ERR_CONFLICT) {
			*field = "year";
		}
		goto done;
	}
	char at[21];
	date_timestamp(time(NULL), at);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO baseline(organ_id, metric, year, value, source, "
		"origin, note, created_by, created_at) VALUES (?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9) RETURNING id",
		e);
	if (!s || st_bind_int(st, s, 1, b->organ_id, e) ||
	    st_bind_text(st, s, 2, b->metric, e) ||
	    st_bind_int(st, s, 3, b->year, e) ||
	    st_bind_int(st, s, 4, b->value, e) ||
	    st_bind_text(st, s, 5, b->source, e) ||
	    st_bind_text(st, s, 6, b->origin ? b->origin : "", e) ||
	    st_bind_text(st, s, 7, b->note ? b->note : "", e) ||
	    st_bind_int(st, s, 8, who->user_id, e) ||
	    st_bind_text(st, s, 9, at, e)) {
		goto done;
	}
	if (st_step(st, s, e) != 1) {
		if (e->code == 0) {
			err_set(e, ERR_INTERNAL, "baseline not stored");
		}
		goto done;
	}
	b->id = st_col_int(s, 0);
	sqlite3_reset(s);
	snap = snapshot(b);
	if (audit_append(st, who, "baseline.create", "baseline", b->id, NULL,
			 snap, e)) {
		goto done;
	}
	*field = NULL;
	rc = store_tx_commit(st, e);
done:
	if (rc) {
		store_tx_rollback(st);
	}
	free(snap);
	baseline_list_free(all, n);
	return rc;
}

int baseline_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e)
{
	struct baseline b = {0};
	char *snap = NULL;
	int rc = -1;
	if (store_tx_begin(st, e)) {
		return -1;
	}
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " BASELINE_COLS "FROM baseline "
				     "WHERE id = ?1 AND organ_id = ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		goto done;
	}
	int got = st_one(st, s, fill, &b, e);
	if (got <= 0) {
		if (got == 0) {
			err_set(e, ERR_NOTFOUND, "没有这条期初值");
		}
		goto done;
	}
	snap = snapshot(&b);
	s = st_prepare(st, "DELETE FROM baseline WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e) ||
	    audit_append(st, who, "baseline.delete", "baseline", id, snap,
			 NULL, e)) {
		goto done;
	}
	rc = store_tx_commit(st, e);
done:
	if (rc) {
		store_tx_rollback(st);
	}
	free(snap);
	baseline_clear(&b);
	return rc;
}
