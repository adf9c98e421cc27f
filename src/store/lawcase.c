/*
 * lawcase.c - every statement that touches lawcase (see lawcase.h); its
 * documents (lawcase_file) are stored by attachment.c with the other
 * files.
 */
#include "store/lawcase.h"

#include "base/date.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

#define CASE_COLS                                                         \
	"c.id, c.organ_id, c.kind, coalesce(c.application_id, 0), "       \
	"coalesce(a.tracking_code, ''), c.case_no, c.authority, c.party, " \
	"c.subject, c.filed_date, c.result, c.closed_date, c.note, "       \
	"c.created_by, c.created_at, c.updated_at, (SELECT count(*) FROM " \
	"lawcase_file f WHERE f.lawcase_id = c.id) "
#define CASE_FROM                                                          \
	" FROM lawcase c LEFT JOIN application a ON a.id = c.application_id "

static void fill(sqlite3_stmt *s, void *p)
{
	struct lawcase *c = p;
	memset(c, 0, sizeof *c);
	c->id = st_col_int(s, 0);
	c->organ_id = st_col_int(s, 1);
	c->kind = st_col_vocab(s, 2, lawcase_kinds, LK_COUNT);
	c->application_id = st_col_int(s, 3);
	c->app_code = st_col_text(s, 4);
	c->case_no = st_col_text(s, 5);
	c->authority = st_col_text(s, 6);
	c->party = st_col_text(s, 7);
	c->subject = st_col_text(s, 8);
	c->filed = st_col_day(s, 9);
	c->result = st_col_vocab(s, 10, lawcase_results, LR_COUNT);
	c->closed = st_col_day(s, 11);
	c->note = st_col_text(s, 12);
	c->created_by = st_col_int(s, 13);
	c->created_at = st_col_text(s, 14);
	c->updated_at = st_col_text(s, 15);
	c->files = st_col_int(s, 16);
}

static void clear_any(void *p)
{
	lawcase_clear(p);
}

void lawcase_list_free(struct lawcase *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		lawcase_clear(&v[i]);
	}
	free(v);
}

void lawcase_filter_init(struct lawcase_filter *f)
{
	memset(f, 0, sizeof *f);
	f->kind = f->result = -1;
	f->limit = 50;
}

int lawcase_get(store *st, int64_t organ_id, int64_t id, struct lawcase *out,
		struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " CASE_COLS CASE_FROM
				     "WHERE c.id = ?1 AND c.organ_id = ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}

/* The WHERE clause shared by the list and its count (?1..?6). */
#define CASE_WHERE                                                         \
	"WHERE c.organ_id = ?1 AND (?2 = '' OR c.kind = ?2) AND (?3 = '' OR " \
	"c.result = ?3) AND (?4 = 0 OR c.result <> 'pending') AND (?5 = 0 "  \
	"OR substr(c.filed_date, 1, 4) = printf('%04d', ?5)) AND (?6 = 0 OR " \
	"c.application_id = ?6) "

static int bind_filter(store *st, sqlite3_stmt *s,
		       const struct lawcase_filter *f, struct err *e)
{
	return st_bind_int(st, s, 1, f->organ_id, e) ||
	       st_bind_text(st, s, 2,
			    f->kind >= 0 ? lawcase_kinds[f->kind].code : "",
			    e) ||
	       st_bind_text(st, s, 3,
			    f->result >= 0 ? lawcase_results[f->result].code
					   : "",
			    e) ||
	       st_bind_int(st, s, 4, f->closed, e) ||
	       st_bind_int(st, s, 5, f->year, e) ||
	       st_bind_int(st, s, 6, f->application_id, e);
}

int lawcase_list(store *st, const struct lawcase_filter *f,
		 struct lawcase **out, size_t *n, int64_t *total,
		 struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s =
		st_prepare(st, "SELECT count(*)" CASE_FROM CASE_WHERE, e);
	if (!s || bind_filter(st, s, f, e) || st_step(st, s, e) < 0) {
		return -1;
	}
	*total = st_col_int(s, 0);
	sqlite3_reset(s);
	/* pending cases first, then the latest filed */
	s = st_prepare(st,
		       "SELECT " CASE_COLS CASE_FROM CASE_WHERE
		       "ORDER BY c.result <> 'pending', c.filed_date DESC, "
		       "c.id DESC LIMIT CASE WHEN ?7 > 0 THEN ?7 ELSE -1 END "
		       "OFFSET ?8",
		       e);
	if (!s || bind_filter(st, s, f, e) ||
	    st_bind_int(st, s, 7, f->limit, e) ||
	    st_bind_int(st, s, 8, f->offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

int lawcase_open_count(store *st, int64_t organ_id, int64_t *n,
		       struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT count(*) FROM lawcase WHERE organ_id = ?1 AND result = "
		"'pending'",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) || st_step(st, s, e) < 0) {
		return -1;
	}
	*n = st_col_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

int lawcase_years(store *st, int64_t organ_id, int **out, size_t *n,
		  struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT DISTINCT CAST(substr(filed_date, 1, 4) AS INTEGER) "
		"AS y FROM lawcase WHERE organ_id = ?1 ORDER BY y DESC",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (int)st_col_int(s, 0);
	}
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/*---- Writing ----*/

/* The audit snapshot: every field people enter, the link by its code. */
static char *snapshot(const struct lawcase *c)
{
	char f[11] = "", d[11] = "";
	date_format(c->filed, f);
	if (c->closed) {
		date_format(c->closed, d);
	}
	json_t *j = json_pack(
		"{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "kind",
		lawcase_kinds[c->kind].code, "result",
		lawcase_results[c->result].code, "filed_date", f, "closed_date",
		d, "case_no", c->case_no ? c->case_no : "", "authority",
		c->authority ? c->authority : "", "party",
		c->party ? c->party : "", "subject",
		c->subject ? c->subject : "", "note", c->note ? c->note : "",
		"application", c->app_code ? c->app_code : "");
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/* Resolves c->app_code to c->application_id within c's organ. */
static int link_application(store *st, struct lawcase *c, struct err *e)
{
	c->application_id = 0;
	if (str_empty(c->app_code)) {
		return 0;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT id FROM application WHERE tracking_code = ?1 AND "
		"organ_id = ?2",
		e);
	if (!s || st_bind_text(st, s, 1, c->app_code, e) ||
	    st_bind_int(st, s, 2, c->organ_id, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc == 1) {
		c->application_id = st_col_int(s, 0);
		sqlite3_reset(s);
	}
	if (rc == 0) {
		return err_set(e, ERR_INPUT,
			       "关联申请编号:本机关没有编号为“%.40s”的申请",
			       c->app_code);
	}
	return rc < 0 ? -1 : 0;
}

/* Binds the fields a form changes as ?3..?11 (kind, application,
 * case_no, authority, party, subject, filed, result, closed) and the
 * note as ?12. */
static int bind_fields(store *st, sqlite3_stmt *s, const struct lawcase *c,
		       struct err *e)
{
	return st_bind_text(st, s, 3, lawcase_kinds[c->kind].code, e) ||
	       (c->application_id
			? st_bind_int(st, s, 4, c->application_id, e)
			: st_bind_null(st, s, 4, e)) ||
	       st_bind_text(st, s, 5, c->case_no ? c->case_no : "", e) ||
	       st_bind_text(st, s, 6, c->authority ? c->authority : "", e) ||
	       st_bind_text(st, s, 7, c->party ? c->party : "", e) ||
	       st_bind_text(st, s, 8, c->subject ? c->subject : "", e) ||
	       st_bind_day(st, s, 9, c->filed, e) ||
	       st_bind_text(st, s, 10, lawcase_results[c->result].code, e) ||
	       st_bind_day(st, s, 11, c->closed, e) ||
	       st_bind_text(st, s, 12, c->note ? c->note : "", e);
}

int lawcase_create(store *st, const struct actor *who, struct lawcase *c,
		   struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	if (link_application(st, c, e)) {
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO lawcase (organ_id, created_by, kind, "
		"application_id, case_no, authority, party, subject, "
		"filed_date, result, closed_date, note, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?13)",
		e);
	if (!s || st_bind_int(st, s, 1, c->organ_id, e) ||
	    st_bind_int(st, s, 2, who->user_id, e) ||
	    bind_fields(st, s, c, e) || st_bind_text(st, s, 13, now, e) ||
	    st_exec(st, s, e)) {
		goto fail;
	}
	c->id = sqlite3_last_insert_rowid(st->db);
	c->created_by = who->user_id;
	if (!(snap = snapshot(c)) ||
	    audit_append(st, who, "lawcase.create", "lawcase", c->id, NULL,
			 snap, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(snap);
	return 0;
fail:
	free(snap);
	store_tx_rollback(st);
	return -1;
}

/* Begins a transaction and loads case id of the organ into cur: 0, or
 * -1 (nothing left open) with ERR_NOTFOUND when the organ has no such
 * case. */
static int begin_with(store *st, int64_t organ_id, int64_t id,
		      struct lawcase *cur, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	int rc = lawcase_get(st, organ_id, id, cur, e);
	if (rc == 1) {
		return 0;
	}
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这件案件。");
	}
	store_tx_rollback(st);
	return -1;
}

int lawcase_update(store *st, const struct actor *who, struct lawcase *c,
		   struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	struct lawcase cur;
	if (begin_with(st, c->organ_id, c->id, &cur, e)) {
		return -1;
	}
	char *before = NULL, *after = NULL;
	sqlite3_stmt *s = NULL;
	int rc = 0;
	if (link_application(st, c, e) ||
	    !(s = st_prepare(st,
			     "UPDATE lawcase SET kind = ?3, application_id = "
			     "?4, case_no = ?5, authority = ?6, party = ?7, "
			     "subject = ?8, filed_date = ?9, result = ?10, "
			     "closed_date = ?11, note = ?12, updated_at = ?13 "
			     "WHERE id = ?1 AND organ_id = ?2",
			     e)) ||
	    st_bind_int(st, s, 1, c->id, e) ||
	    st_bind_int(st, s, 2, c->organ_id, e) ||
	    bind_fields(st, s, c, e) || st_bind_text(st, s, 13, now, e) ||
	    st_exec(st, s, e) || !(before = snapshot(&cur)) ||
	    !(after = snapshot(c)) ||
	    audit_append(st, who, "lawcase.update", "lawcase", c->id, before,
			 after, e) ||
	    store_tx_commit(st, e)) {
		store_tx_rollback(st);
		rc = -1;
	}
	free(before);
	free(after);
	lawcase_clear(&cur);
	return rc;
}

int lawcase_delete(store *st, const struct actor *who, int64_t organ_id,
		   int64_t id, struct err *e)
{
	struct lawcase cur;
	if (begin_with(st, organ_id, id, &cur, e)) {
		return -1;
	}
	struct attachment *files = NULL;
	size_t nf = 0;
	char *before = NULL;
	sqlite3_stmt *s = NULL;
	int rc = 0;
	if (lawcase_file_list(st, id, &files, &nf, e) ||
	    !(s = st_prepare(st,
			     "DELETE FROM lawcase WHERE id = ?1 AND organ_id = "
			     "?2",
			     e)) ||
	    st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e) || st_exec(st, s, e)) {
		rc = -1;
	}
	/* the documents went with the case (ON DELETE CASCADE); their
	 * contents go when nothing else names them */
	for (size_t i = 0; rc == 0 && i < nf; i++) {
		rc = blob_release(st, files[i].sha256, e);
	}
	if (rc == 0 &&
	    (!(before = snapshot(&cur)) ||
	     audit_append(st, who, "lawcase.delete", "lawcase", id, before,
			  NULL, e) ||
	     store_tx_commit(st, e))) {
		rc = -1;
	}
	if (rc) {
		store_tx_rollback(st);
	}
	free(before);
	attachment_list_free(files, nf);
	lawcase_clear(&cur);
	return rc;
}
