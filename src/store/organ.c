/*
 * organ.c - every statement that touches the organ table (see organ.h).
 */
#include "store/organ.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"
#include "domain/item.h"
#include "store/audit.h"
#include "store/item.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define ORGAN_COLS                                                          \
	"o.id, o.slug, o.name, o.short_name, o.parent_id, p.name, o.code, " \
	"o.credit_code, o.office, o.phone, o.email, o.address, "            \
	"o.office_hours, o.guide, o.created_at, o.index_pattern "

static void fill(sqlite3_stmt *s, struct organ *o)
{
	memset(o, 0, sizeof *o);
	o->id = st_col_int(s, 0);
	o->slug = st_col_text(s, 1);
	o->name = st_col_text(s, 2);
	o->short_name = st_col_text(s, 3);
	o->parent_id = st_col_int(s, 4);
	o->parent_name = st_col_text(s, 5);
	o->code = st_col_text(s, 6);
	o->credit_code = st_col_text(s, 7);
	o->office = st_col_text(s, 8);
	o->phone = st_col_text(s, 9);
	o->email = st_col_text(s, 10);
	o->address = st_col_text(s, 11);
	o->office_hours = st_col_text(s, 12);
	o->guide = st_col_text(s, 13);
	o->created_at = st_col_text(s, 14);
	o->index_pattern = st_col_text(s, 15);
}

/* Adapters for st_one and st_collect. */
static void fill_any(sqlite3_stmt *s, void *p)
{
	fill(s, p);
}

static void organ_clear_any(void *p)
{
	organ_clear(p);
}

void organ_clear(struct organ *o)
{
	char **f[] = {&o->slug, &o->name, &o->short_name, &o->parent_name,
		      &o->code, &o->credit_code, &o->office, &o->phone,
		      &o->email, &o->address, &o->office_hours, &o->guide,
		      &o->created_at, &o->index_pattern};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

void organ_list_free(struct organ *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		organ_clear(&v[i]);
	}
	free(v);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The audit snapshot of an organ. Caller frees. */
static char *snapshot(const struct organ *o)
{
	json_t *j = json_pack(
		"{s:I, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, "
		"s:s, s:s, s:s}",
		"id", (json_int_t)o->id, "slug", nz(o->slug), "name",
		nz(o->name), "short_name", nz(o->short_name), "parent_id",
		(json_int_t)o->parent_id, "code", nz(o->code), "credit_code",
		nz(o->credit_code), "office", nz(o->office), "phone",
		nz(o->phone), "email", nz(o->email), "address",
		nz(o->address), "office_hours", nz(o->office_hours), "guide",
		nz(o->guide), "index_pattern", nz(o->index_pattern));
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

static int validate(const struct organ *o, struct err *e)
{
	if (ident_text("机关名称", o->name, 100, 1, e) ||
	    ident_text("简称", o->short_name, 50, 0, e) ||
	    ident_code(o->code, e) ||
	    ident_text("统一社会信用代码", o->credit_code, 18, 0, e) ||
	    ident_text("承办机构", o->office, 100, 0, e) ||
	    ident_phone(o->phone, e) || ident_email(o->email, e) ||
	    ident_text("地址", o->address, 200, 0, e) ||
	    ident_text("办公时间", o->office_hours, 100, 0, e) ||
	    ident_para("公开指南", o->guide, 20000, e) ||
	    item_indexno_check(o->index_pattern, e)) {
		return -1;
	}
	return 0;
}

static int name_taken(store *st, const char *name, int64_t except,
		      struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st, "SELECT 1 FROM organ WHERE name = ?1 AND id <> ?2", e);
	if (!s || st_bind_text(st, s, 1, name, e) ||
	    st_bind_int(st, s, 2, except, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	sqlite3_reset(s);
	if (rc == 1) {
		return err_set(e, ERR_CONFLICT, "已有名为“%s”的机关", name);
	}
	return rc;
}

/* Resolves o->parent_name (slug or name) to an id; 0 when empty. */
static int parent_id(store *st, const char *key, int64_t self,
		     int64_t *out, struct err *e)
{
	*out = 0;
	if (str_empty(key)) {
		return 0;
	}
	struct organ p;
	int rc = organ_find(st, key, &p, e);
	if (rc < 0) {
		return -1;
	}
	if (rc == 0) {
		return err_set(e, ERR_NOTFOUND, "上级机关“%s”不存在", key);
	}
	*out = p.id;
	organ_clear(&p);
	if (*out == self) {
		return err_set(e, ERR_INPUT, "机关不能是自己的上级");
	}
	return 0;
}

int organ_create(store *st, const struct actor *who, struct organ *o,
		 struct err *e)
{
	if (validate(o, e)) {
		return -1;
	}
	if (!str_empty(o->slug) && ident_slug(o->slug, e)) {
		return -1;
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	sqlite3_stmt *s;
	if (name_taken(st, o->name, 0, e) ||
	    parent_id(st, o->parent_name, 0, &o->parent_id, e)) {
		goto fail;
	}
	if (str_empty(o->slug)) {
		s = st_prepare(st, "SELECT coalesce(max(id), 0) FROM organ", e);
		if (!s || st_step(st, s, e) != 1) {
			goto fail;
		}
		int64_t next = st_col_int(s, 0) + 1;
		sqlite3_reset(s);
		for (;; next++) {
			char slug[32];
			snprintf(slug, sizeof slug, "org-%lld",
				 (long long)next);
			struct organ x;
			int rc = organ_find(st, slug, &x, e);
			if (rc < 0) {
				goto fail;
			}
			if (rc == 0) {
				free(o->slug);
				o->slug = xstrdup(slug);
				break;
			}
			organ_clear(&x);
		}
	} else {
		struct organ x;
		int rc = organ_find(st, o->slug, &x, e);
		if (rc < 0) {
			goto fail;
		}
		if (rc == 1) {
			organ_clear(&x);
			err_set(e, ERR_CONFLICT, "简称标识“%s”已被使用",
				o->slug);
			goto fail;
		}
	}
	char now[21];
	date_timestamp(time(NULL), now);
	s = st_prepare(st,
		       "INSERT INTO organ(slug, name, short_name, parent_id, "
		       "code, credit_code, office, phone, email, address, "
		       "office_hours, guide, created_at, index_pattern) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
		       "?12, ?13, ?14)",
		       e);
	if (!s || st_bind_text(st, s, 1, o->slug, e) ||
	    st_bind_text(st, s, 2, o->name, e) ||
	    st_bind_text(st, s, 3, nz(o->short_name), e) ||
	    (o->parent_id ? st_bind_int(st, s, 4, o->parent_id, e)
			  : st_bind_null(st, s, 4, e)) ||
	    st_bind_text(st, s, 5, nz(o->code), e) ||
	    st_bind_text(st, s, 6, nz(o->credit_code), e) ||
	    st_bind_text(st, s, 7, nz(o->office), e) ||
	    st_bind_text(st, s, 8, nz(o->phone), e) ||
	    st_bind_text(st, s, 9, nz(o->email), e) ||
	    st_bind_text(st, s, 10, nz(o->address), e) ||
	    st_bind_text(st, s, 11, nz(o->office_hours), e) ||
	    st_bind_text(st, s, 12, nz(o->guide), e) ||
	    st_bind_text(st, s, 13, now, e) ||
	    st_bind_text(st, s, 14, nz(o->index_pattern), e) ||
	    st_exec(st, s, e)) {
		goto fail;
	}
	o->id = sqlite3_last_insert_rowid(st->db);
	if (category_seed(st, o->id, e)) {
		goto fail;
	}
	snap = snapshot(o);
	if (audit_append(st, who, "organ.create", "organ", o->id, NULL, snap,
			 e) ||
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

int organ_update(store *st, const struct actor *who, const struct organ *o,
		 struct err *e)
{
	if (validate(o, e)) {
		return -1;
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct organ old = {0};
	char *before = NULL, *after = NULL;
	struct organ upd = *o;
	int rc = organ_get(st, o->id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "机关不存在");
		}
		goto fail;
	}
	if (name_taken(st, o->name, o->id, e) ||
	    parent_id(st, o->parent_name, o->id, &upd.parent_id, e)) {
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE organ SET name = ?2, short_name = ?3, parent_id = ?4, "
		"code = ?5, credit_code = ?6, office = ?7, phone = ?8, "
		"email = ?9, address = ?10, office_hours = ?11, guide = ?12, "
		"index_pattern = ?13 WHERE id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, o->id, e) ||
	    st_bind_text(st, s, 2, o->name, e) ||
	    st_bind_text(st, s, 3, nz(o->short_name), e) ||
	    (upd.parent_id ? st_bind_int(st, s, 4, upd.parent_id, e)
			   : st_bind_null(st, s, 4, e)) ||
	    st_bind_text(st, s, 5, nz(o->code), e) ||
	    st_bind_text(st, s, 6, nz(o->credit_code), e) ||
	    st_bind_text(st, s, 7, nz(o->office), e) ||
	    st_bind_text(st, s, 8, nz(o->phone), e) ||
	    st_bind_text(st, s, 9, nz(o->email), e) ||
	    st_bind_text(st, s, 10, nz(o->address), e) ||
	    st_bind_text(st, s, 11, nz(o->office_hours), e) ||
	    st_bind_text(st, s, 12, nz(o->guide), e) ||
	    st_bind_text(st, s, 13, nz(o->index_pattern), e) ||
	    st_exec(st, s, e)) {
		goto fail;
	}
	upd.slug = old.slug;
	before = snapshot(&old);
	after = snapshot(&upd);
	if (audit_append(st, who, "organ.update", "organ", o->id, before,
			 after, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	organ_clear(&old);
	return 0;
fail:
	free(before);
	free(after);
	organ_clear(&old);
	store_tx_rollback(st);
	return -1;
}

int organ_find(store *st, const char *key, struct organ *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " ORGAN_COLS "FROM organ o LEFT JOIN organ p "
		"ON p.id = o.parent_id WHERE o.slug = ?1 OR o.name = ?1 "
		"ORDER BY o.slug = ?1 DESC LIMIT 1",
		e);
	if (!s || st_bind_text(st, s, 1, key, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

int organ_by_slug(store *st, const char *slug, struct organ *out,
		  struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " ORGAN_COLS "FROM organ o LEFT JOIN organ p "
		"ON p.id = o.parent_id WHERE o.slug = ?1",
		e);
	if (!s || st_bind_text(st, s, 1, slug, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

int organ_get(store *st, int64_t id, struct organ *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " ORGAN_COLS "FROM organ o LEFT JOIN organ p "
		"ON p.id = o.parent_id WHERE o.id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

int organ_list(store *st, struct organ **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " ORGAN_COLS "FROM organ o LEFT JOIN organ p "
		"ON p.id = o.parent_id "
		"ORDER BY o.parent_id IS NOT NULL, o.id",
		e);
	if (!s) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_any, organ_clear_any,
			  (void **)out, n, e);
}

int organ_subtree(store *st, int64_t id, struct organ **out, size_t *n,
		  struct err *e)
{
	*out = NULL;
	*n = 0;
	/* UNION (not UNION ALL) ends the walk should a parent loop back */
	sqlite3_stmt *s = st_prepare(
		st,
		"WITH RECURSIVE sub(id, depth) AS (SELECT ?1, 0 "
		"UNION SELECT c.id, sub.depth + 1 FROM organ c "
		"JOIN sub ON c.parent_id = sub.id) "
		"SELECT " ORGAN_COLS "FROM sub JOIN organ o ON o.id = sub.id "
		"LEFT JOIN organ p ON p.id = o.parent_id "
		"GROUP BY o.id ORDER BY min(sub.depth), o.name, o.id",
		e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_any, organ_clear_any,
			  (void **)out, n, e);
}

int64_t organ_count(store *st, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st, "SELECT count(*) FROM organ", e);
	if (!s || st_step(st, s, e) != 1) {
		return -1;
	}
	int64_t n = st_col_int(s, 0);
	sqlite3_reset(s);
	return n;
}
