/*
 * attachment.c - every statement that touches attachment,
 * application_file, lawcase_file and blob (see item.h, application.h,
 * lawcase.h). File contents live in the database (one file to back up),
 * one copy per SHA-256; an attachment row names the content for one item,
 * an application_file row for one application, a lawcase_file row for
 * one review or litigation case.
 */
#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/application.h"
#include "store/item.h"
#include "store/lawcase.h"
#include "store/store_int.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

static void fill(sqlite3_stmt *s, void *p)
{
	struct attachment *a = p;
	memset(a, 0, sizeof *a);
	a->id = st_col_int(s, 0);
	a->item_id = st_col_int(s, 1);
	a->name = st_col_text(s, 2);
	a->ctype = st_col_text(s, 3);
	a->sha256 = st_col_text(s, 4);
	a->size = st_col_int(s, 5);
	a->created_at = st_col_text(s, 6);
}

void attachment_clear(struct attachment *a)
{
	free(a->name);
	free(a->ctype);
	free(a->sha256);
	free(a->created_at);
	memset(a, 0, sizeof *a);
}

static void clear_any(void *p)
{
	attachment_clear(p);
}

void attachment_list_free(struct attachment *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		attachment_clear(&v[i]);
	}
	free(v);
}

static char *snapshot(const struct attachment *a)
{
	json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:s, s:I}", "id",
			      (json_int_t)a->id, "item_id",
			      (json_int_t)a->item_id, "name", a->name,
			      "ctype", a->ctype, "sha256", a->sha256, "size",
			      (json_int_t)a->size);
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/* Stores data under its SHA-256 (computed into sha) once. */
static int blob_put(store *st, const void *data, size_t size, char sha[65],
		    struct err *e)
{
	crypto_sha256_hex(data, size, sha);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO blob(sha256, size, data) VALUES (?1, ?2, ?3) "
		"ON CONFLICT(sha256) DO NOTHING",
		e);
	if (!s || st_bind_text(st, s, 1, sha, e) ||
	    st_bind_int(st, s, 2, (int64_t)size, e)) {
		return -1;
	}
	if (sqlite3_bind_blob64(s, 3, data, size, SQLITE_STATIC) !=
		    SQLITE_OK ||
	    st_exec(st, s, e)) {
		if (!e->msg[0]) {
			st_fail(st, e, "bind blob");
		}
		return -1;
	}
	return 0;
}

int blob_release(store *st, const char *sha, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"DELETE FROM blob WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 "
		"FROM attachment WHERE sha256 = ?1) AND NOT EXISTS (SELECT 1 "
		"FROM application_file WHERE sha256 = ?1) AND NOT EXISTS "
		"(SELECT 1 FROM lawcase_file WHERE sha256 = ?1)",
		e);
	return !s || st_bind_text(st, s, 1, sha, e) || st_exec(st, s, e) ? -1
									  : 0;
}

/* Files belong to an item (attachment), an application
 * (application_file) or a case (lawcase_file); the tables have the same
 * columns. */
enum owner { OWN_ITEM, OWN_APPLICATION, OWN_LAWCASE };

/* Stores the content and a row naming it for the owner, audited. */
static int file_add(store *st, const struct actor *who, enum owner own,
		    int64_t owner_id, const char *name, const char *ctype,
		    const void *data, size_t size, int64_t *id, struct err *e)
{
	char sha[65], now[21];
	date_timestamp(time(NULL), now);
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	if (blob_put(st, data, size, sha, e)) {
		goto fail;
	}
	sqlite3_stmt *s = NULL;
	switch (own) {
	case OWN_ITEM:
		s = st_prepare(st,
			       "INSERT INTO attachment(item_id, name, ctype, "
			       "sha256, size, created_at) VALUES (?1, ?2, ?3, "
			       "?4, ?5, ?6)",
			       e);
		break;
	case OWN_APPLICATION:
		s = st_prepare(st,
			       "INSERT INTO application_file(application_id, "
			       "name, ctype, sha256, size, created_at) VALUES "
			       "(?1, ?2, ?3, ?4, ?5, ?6)",
			       e);
		break;
	case OWN_LAWCASE:
		s = st_prepare(st,
			       "INSERT INTO lawcase_file(lawcase_id, name, "
			       "ctype, sha256, size, created_at) VALUES (?1, "
			       "?2, ?3, ?4, ?5, ?6)",
			       e);
		break;
	}
	if (!s || st_bind_int(st, s, 1, owner_id, e) ||
	    st_bind_text(st, s, 2, name, e) ||
	    st_bind_text(st, s, 3, ctype, e) ||
	    st_bind_text(st, s, 4, sha, e) ||
	    st_bind_int(st, s, 5, (int64_t)size, e) ||
	    st_bind_text(st, s, 6, now, e) || st_exec(st, s, e)) {
		goto fail;
	}
	struct attachment a = {sqlite3_last_insert_rowid(st->db), owner_id,
			       (int64_t)size, (char *)name, (char *)ctype,
			       sha, now};
	*id = a.id;
	snap = snapshot(&a);
	static const char *const action[] = {
		[OWN_ITEM] = "attachment.add",
		[OWN_APPLICATION] = "application.file",
		[OWN_LAWCASE] = "lawcase.file"};
	static const char *const entity[] = {[OWN_ITEM] = "item",
					     [OWN_APPLICATION] = "application",
					     [OWN_LAWCASE] = "lawcase"};
	if (audit_append(st, who, action[own], entity[own], owner_id, NULL,
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

/* Steps a "SELECT <the attachment columns>, b.data" statement once:
 * 1 with out (and data) filled, 0 none, -1 error. */
static int file_read(store *st, sqlite3_stmt *s, struct attachment *out,
		     Buf *data, struct err *e)
{
	int rc = st_step(st, s, e);
	if (rc == 1) {
		fill(s, out);
		if (data) {
			buf_append(data, sqlite3_column_blob(s, 7),
				   (size_t)sqlite3_column_bytes(s, 7));
		}
		sqlite3_reset(s);
	}
	return rc;
}

int attachment_add(store *st, const struct actor *who, int64_t item_id,
		   const char *name, const char *ctype, const void *data,
		   size_t size, int64_t *id, struct err *e)
{
	return file_add(st, who, OWN_ITEM, item_id, name, ctype, data, size,
			id, e);
}

/* The files of one owner, oldest first. */
static int file_list(store *st, enum owner own, int64_t owner_id,
		     struct attachment **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	switch (own) {
	case OWN_ITEM:
		s = st_prepare(st,
			       "SELECT id, item_id, name, ctype, sha256, size, "
			       "created_at FROM attachment WHERE item_id = ?1 "
			       "ORDER BY id",
			       e);
		break;
	case OWN_APPLICATION:
		s = st_prepare(st,
			       "SELECT id, application_id, name, ctype, "
			       "sha256, size, created_at FROM application_file "
			       "WHERE application_id = ?1 ORDER BY id",
			       e);
		break;
	case OWN_LAWCASE:
		s = st_prepare(st,
			       "SELECT id, lawcase_id, name, ctype, sha256, "
			       "size, created_at FROM lawcase_file WHERE "
			       "lawcase_id = ?1 ORDER BY id",
			       e);
		break;
	}
	if (!s || st_bind_int(st, s, 1, owner_id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

/* File id of an application or a case, with its content: 1/0/-1. */
static int file_of(store *st, enum owner own, int64_t owner_id, int64_t id,
		   struct attachment *out, Buf *data, struct err *e)
{
	sqlite3_stmt *s =
		own == OWN_APPLICATION
			? st_prepare(st,
				     "SELECT f.id, f.application_id, f.name, "
				     "f.ctype, f.sha256, f.size, f.created_at, "
				     "b.data FROM application_file f JOIN "
				     "blob b ON b.sha256 = f.sha256 WHERE "
				     "f.id = ?1 AND f.application_id = ?2",
				     e)
			: st_prepare(st,
				     "SELECT f.id, f.lawcase_id, f.name, "
				     "f.ctype, f.sha256, f.size, f.created_at, "
				     "b.data FROM lawcase_file f JOIN blob b "
				     "ON b.sha256 = f.sha256 WHERE f.id = ?1 "
				     "AND f.lawcase_id = ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, owner_id, e)) {
		return -1;
	}
	return file_read(st, s, out, data, e);
}

int attachment_list(store *st, int64_t item_id, struct attachment **out,
		    size_t *n, struct err *e)
{
	return file_list(st, OWN_ITEM, item_id, out, n, e);
}

int attachment_get(store *st, int64_t id, struct attachment *out,
		   Buf *data, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT a.id, a.item_id, a.name, a.ctype, a.sha256, a.size, "
		"a.created_at, b.data FROM attachment a JOIN blob b ON "
		"b.sha256 = a.sha256 WHERE a.id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return file_read(st, s, out, data, e);
}

int attachment_delete(store *st, const struct actor *who, int64_t item_id,
		      int64_t id, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct attachment a = {0};
	char *snap = NULL;
	int rc = attachment_get(st, id, &a, NULL, e);
	if (rc <= 0 || a.item_id != item_id) {
		if (rc >= 0) {
			err_set(e, ERR_NOTFOUND, "附件不存在。");
		}
		goto fail;
	}
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM attachment WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e)) {
		goto fail;
	}
	/* The content goes when nothing names it any more. */
	if (blob_release(st, a.sha256, e)) {
		goto fail;
	}
	snap = snapshot(&a);
	if (audit_append(st, who, "attachment.delete", "item", item_id, snap,
			 NULL, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(snap);
	attachment_clear(&a);
	return 0;
fail:
	free(snap);
	attachment_clear(&a);
	store_tx_rollback(st);
	return -1;
}

/*---- Files of applications (application_file) ----*/

int appfile_add(store *st, const struct actor *who, int64_t app_id,
		const char *name, const char *ctype, const void *data,
		size_t size, int64_t *id, struct err *e)
{
	return file_add(st, who, OWN_APPLICATION, app_id, name, ctype, data,
			size, id, e);
}

int appfile_list(store *st, int64_t app_id, struct attachment **out,
		 size_t *n, struct err *e)
{
	return file_list(st, OWN_APPLICATION, app_id, out, n, e);
}

int appfile_get(store *st, int64_t app_id, int64_t id,
		struct attachment *out, Buf *data, struct err *e)
{
	return file_of(st, OWN_APPLICATION, app_id, id, out, data, e);
}

/*---- Documents of review and litigation cases (lawcase_file) ----*/

int lawcase_file_add(store *st, const struct actor *who, int64_t case_id,
		     const char *name, const char *ctype, const void *data,
		     size_t size, int64_t *id, struct err *e)
{
	return file_add(st, who, OWN_LAWCASE, case_id, name, ctype, data, size,
			id, e);
}

int lawcase_file_list(store *st, int64_t case_id, struct attachment **out,
		      size_t *n, struct err *e)
{
	return file_list(st, OWN_LAWCASE, case_id, out, n, e);
}

int lawcase_file_get(store *st, int64_t case_id, int64_t id,
		     struct attachment *out, Buf *data, struct err *e)
{
	return file_of(st, OWN_LAWCASE, case_id, id, out, data, e);
}
