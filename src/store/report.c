/*
 * report.c - every statement that touches the report table (see
 * report.h).
 */
#include "store/report.h"

#include "base/date.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const status_codes[] = {"draft", "published",
					   "superseded"};

const char *report_status_label(enum report_status s)
{
	static const char *const labels[] = {"草稿", "已发布", "已被更正版取代"};
	return labels[s];
}

#define REPORT_COLS                                                         \
	"r.id, r.organ_id, r.year, r.version, r.format, r.status, "        \
	"r.sections, r.frozen, r.override_note, coalesce(r.item_id, 0), "  \
	"i.index_no, r.published_at, r.published_by, r.created_at, "       \
	"r.updated_at "
#define REPORT_FROM " FROM report r LEFT JOIN item i ON i.id = r.item_id "

static void fill(sqlite3_stmt *s, void *p)
{
	struct report *r = p;
	const char *st = (const char *)sqlite3_column_text(s, 5);
	r->id = st_col_int(s, 0);
	r->organ_id = st_col_int(s, 1);
	r->year = (int)st_col_int(s, 2);
	r->version = (int)st_col_int(s, 3);
	r->format = st_col_text(s, 4);
	r->status = RS_DRAFT;
	for (int k = 0; st && k < 3; k++) {
		if (strcmp(st, status_codes[k]) == 0) {
			r->status = (enum report_status)k;
		}
	}
	r->sections = st_col_text(s, 6);
	r->frozen = st_col_text(s, 7);
	r->override_note = st_col_text(s, 8);
	r->item_id = st_col_int(s, 9);
	r->item_index_no = st_col_text(s, 10);
	r->published_at = st_col_text(s, 11);
	r->published_by = st_col_int(s, 12);
	r->created_at = st_col_text(s, 13);
	r->updated_at = st_col_text(s, 14);
}

void report_clear(struct report *r)
{
	free(r->format);
	free(r->sections);
	free(r->frozen);
	free(r->override_note);
	free(r->item_index_no);
	free(r->published_at);
	free(r->created_at);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

static void clear_any(void *p)
{
	report_clear(p);
}

void report_list_free(struct report *v, size_t n)
{
	st_free_rows(v, n, sizeof *v, clear_any);
}

int report_get(store *st, int64_t organ_id, int64_t id, struct report *out,
	       struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " REPORT_COLS REPORT_FROM
				     "WHERE r.id = ?1 AND r.organ_id = ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	int got = st_one(st, s, fill, out, e);
	if (got == 0) {
		return err_set(e, ERR_NOTFOUND, "没有这份年度报告");
	}
	return got < 0 ? -1 : 0;
}

/* The summary of a report for the audit log (caller frees). */
static char *snapshot(const struct report *r, const char *extra_key,
		      const char *extra)
{
	json_t *j = json_pack("{s:I, s:I, s:i, s:s, s:i, s:s}", "id",
			      (json_int_t)r->id, "organ_id",
			      (json_int_t)r->organ_id, "year", r->year,
			      "format", r->format, "version", r->version,
			      "status", status_codes[r->status]);
	if (r->sections) {
		json_t *sec = json_loads(r->sections, 0, NULL);
		json_object_set_new(j, "sections", sec ? sec : json_null());
	}
	if (extra_key) {
		json_object_set_new(j, extra_key, json_string(extra));
	}
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

static void now_ts(char at[21])
{
	date_timestamp(time(NULL), at);
}

int report_draft(store *st, const struct actor *who, int64_t organ_id,
		 int year, const char *format, struct report *out,
		 struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " REPORT_COLS REPORT_FROM
		"WHERE r.organ_id = ?1 AND r.year = ?2 AND r.format = ?3 "
		"AND r.status = 'draft'",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, year, e) ||
	    st_bind_text(st, s, 3, format, e)) {
		return -1;
	}
	int got = st_one(st, s, fill, out, e);
	if (got != 0) {
		return got < 0 ? -1 : 0;
	}
	char at[21];
	char *snap = NULL;
	int rc = -1;
	now_ts(at);
	if (store_tx_begin(st, e)) {
		return -1;
	}
	/* the next version, with the narrative of the latest published */
	s = st_prepare(
		st,
		"INSERT INTO report(organ_id, year, format, version, sections, "
		"created_at, updated_at) SELECT ?1, ?2, ?3, "
		"coalesce((SELECT max(version) FROM report WHERE organ_id = ?1 "
		"AND year = ?2 AND format = ?3), 0) + 1, "
		"coalesce((SELECT sections FROM report WHERE organ_id = ?1 "
		"AND year = ?2 AND format = ?3 AND status = 'published'), '{}'),"
		" ?4, ?4 RETURNING id",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, year, e) ||
	    st_bind_text(st, s, 3, format, e) ||
	    st_bind_text(st, s, 4, at, e)) {
		goto done;
	}
	int64_t id = 0;
	if (st_scalar(st, s, &id, e) || id == 0 ||
	    report_get(st, organ_id, id, out, e)) {
		if (!e->code) {
			err_set(e, ERR_INTERNAL, "report draft not stored");
		}
		goto done;
	}
	snap = snapshot(out, NULL, NULL);
	if (audit_append(st, who, "report.create", "report", id, NULL, snap,
			 e)) {
		goto done;
	}
	rc = store_tx_commit(st, e);
done:
	if (rc) {
		store_tx_rollback(st);
		report_clear(out);
	}
	free(snap);
	return rc;
}

/* Loads id of the organ into r and checks it is a draft. */
static int get_draft(store *st, int64_t organ_id, int64_t id,
		     struct report *r, struct err *e)
{
	if (report_get(st, organ_id, id, r, e)) {
		return -1;
	}
	if (r->status != RS_DRAFT) {
		return err_set(e, ERR_CONFLICT,
			       "这份年度报告已经发布，不能再修改；如需更正，"
			       "请新建更正版");
	}
	return 0;
}

int report_set_sections(store *st, const struct actor *who, int64_t organ_id,
			int64_t id, const char *sections, struct err *e)
{
	struct report r = {0};
	char *before = NULL, *after = NULL, at[21];
	int rc = -1;
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (get_draft(st, organ_id, id, &r, e)) {
		goto done;
	}
	before = snapshot(&r, NULL, NULL);
	now_ts(at);
	sqlite3_stmt *s = st_prepare(st,
				     "UPDATE report SET sections = ?1, "
				     "updated_at = ?2 WHERE id = ?3",
				     e);
	if (!s || st_bind_text(st, s, 1, sections, e) ||
	    st_bind_text(st, s, 2, at, e) || st_bind_int(st, s, 3, id, e) ||
	    st_exec(st, s, e)) {
		goto done;
	}
	free(r.sections);
	r.sections = xstrdup(sections);
	after = snapshot(&r, NULL, NULL);
	if (audit_append(st, who, "report.update", "report", id, before,
			 after, e)) {
		goto done;
	}
	rc = store_tx_commit(st, e);
done:
	if (rc) {
		store_tx_rollback(st);
	}
	free(before);
	free(after);
	report_clear(&r);
	return rc;
}

int report_publish(store *st, const struct actor *who, int64_t organ_id,
		   int64_t id, const char *frozen, const char *override_note,
		   struct item *it, const struct report_file *files,
		   size_t nfiles, struct err *e)
{
	struct report r = {0};
	char *before = NULL, *after = NULL, at[21];
	int rc = -1;
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (get_draft(st, organ_id, id, &r, e)) {
		goto done;
	}
	before = snapshot(&r, NULL, NULL);
	if (item_create(st, who, it, 1, e)) {
		goto done;
	}
	for (size_t i = 0; i < nfiles; i++) {
		int64_t aid;
		if (attachment_add(st, who, it->id, files[i].name,
				   files[i].ctype, files[i].data, files[i].size,
				   &aid, e)) {
			goto done;
		}
	}
	now_ts(at);
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE report SET status = 'superseded', updated_at = ?1 "
		"WHERE organ_id = ?2 AND year = ?3 AND format = ?4 "
		"AND status = 'published'",
		e);
	if (!s || st_bind_text(st, s, 1, at, e) ||
	    st_bind_int(st, s, 2, organ_id, e) ||
	    st_bind_int(st, s, 3, r.year, e) ||
	    st_bind_text(st, s, 4, r.format, e) || st_exec(st, s, e)) {
		goto done;
	}
	s = st_prepare(st,
		       "UPDATE report SET status = 'published', frozen = ?1, "
		       "override_note = ?2, item_id = ?3, published_at = ?4, "
		       "published_by = ?5, updated_at = ?4 WHERE id = ?6",
		       e);
	if (!s || st_bind_text(st, s, 1, frozen, e) ||
	    st_bind_text(st, s, 2, override_note ? override_note : "", e) ||
	    st_bind_int(st, s, 3, it->id, e) || st_bind_text(st, s, 4, at, e) ||
	    st_bind_int(st, s, 5, who->user_id, e) ||
	    st_bind_int(st, s, 6, id, e) || st_exec(st, s, e)) {
		goto done;
	}
	r.status = RS_PUBLISHED;
	after = snapshot(&r, "override_note",
			 override_note ? override_note : "");
	if (audit_append(st, who, "report.publish", "report", id, before,
			 after, e)) {
		goto done;
	}
	rc = store_tx_commit(st, e);
done:
	if (rc) {
		store_tx_rollback(st);
	}
	free(before);
	free(after);
	report_clear(&r);
	return rc;
}

int report_list(store *st, int64_t organ_id, int published_only,
		struct report **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " REPORT_COLS REPORT_FROM
		"WHERE (?1 = 0 OR r.organ_id = ?1) "
		"AND (?2 = 0 OR r.status = 'published') "
		"ORDER BY r.year DESC, r.format, r.version DESC",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, published_only, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

int report_published(store *st, int64_t organ_id, int year,
		     struct report *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " REPORT_COLS REPORT_FROM
		"WHERE r.organ_id = ?1 AND r.year = ?2 "
		"AND r.status = 'published' ORDER BY r.published_at DESC, "
		"r.id DESC LIMIT 1",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, year, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}
