/*
 * category.c - every statement that touches the category table: each
 * organ's two-level tree of 主题分类 (see item.h).
 */
#include "base/str.h"
#include "domain/ident.h"
#include "store/audit.h"
#include "store/item.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define CAT_COLS "c.id, c.organ_id, coalesce(c.parent_id, 0), c.name, " \
		 "c.section, c.position "

static void fill(sqlite3_stmt *s, void *p)
{
	struct category *c = p;
	memset(c, 0, sizeof *c);
	c->id = st_col_int(s, 0);
	c->organ_id = st_col_int(s, 1);
	c->parent_id = st_col_int(s, 2);
	c->name = st_col_text(s, 3);
	const char *sec = (const char *)sqlite3_column_text(s, 4);
	c->section = sec && strcmp(sec, "system") == 0 ? CAT_SYSTEM
						       : CAT_CONTENT;
	c->position = (int)st_col_int(s, 5);
	if (sqlite3_column_count(s) > 6) {
		c->published = st_col_int(s, 6);
	}
}

static void clear(void *p)
{
	struct category *c = p;
	free(c->name);
	c->name = NULL;
}

void category_list_free(struct category *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		clear(&v[i]);
	}
	free(v);
}

int category_list(store *st, int64_t organ_id, struct category **out,
		  size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	/* Parents in position order, each followed by its children. */
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " CAT_COLS ", (SELECT count(*) FROM item i WHERE "
		"i.category_id = c.id AND i.status = 'published') FROM "
		"category c LEFT JOIN category p ON p.id = c.parent_id WHERE "
		"c.organ_id = ?1 ORDER BY coalesce(p.position, c.position), "
		"coalesce(p.id, c.id), c.parent_id IS NOT NULL, c.position, "
		"c.id",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear, (void **)out, n,
			  e);
}

int category_get(store *st, int64_t organ_id, int64_t id,
		 struct category *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " CAT_COLS "FROM category c "
				     "WHERE c.id = ?1 AND c.organ_id = ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}

int category_find(store *st, int64_t organ_id, const char *name,
		  struct category *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " CAT_COLS "FROM category c "
				     "WHERE c.name = ?1 AND c.organ_id = ?2",
				     e);
	if (!s || st_bind_text(st, s, 1, name, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}

static char *snapshot(const struct category *c)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:s, s:i}", "id",
			      (json_int_t)c->id, "organ_id",
			      (json_int_t)c->organ_id, "parent_id",
			      (json_int_t)c->parent_id, "name",
			      c->name ? c->name : "", "section",
			      c->section == CAT_SYSTEM ? "system" : "content",
			      "position", c->position);
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/* Name free in the organ, parent a top-level category of the organ. */
static int validate(store *st, const struct category *c, struct err *e)
{
	if (ident_text("分类名称", c->name, 50, 1, e)) {
		return -1;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT 1 FROM category WHERE organ_id = ?1 AND name = ?2 AND "
		"id <> ?3",
		e);
	if (!s || st_bind_int(st, s, 1, c->organ_id, e) ||
	    st_bind_text(st, s, 2, c->name, e) ||
	    st_bind_int(st, s, 3, c->id, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	sqlite3_reset(s);
	if (rc) {
		return rc < 0 ? -1
			      : err_set(e, ERR_CONFLICT, "已有名为“%s”的分类。",
					c->name);
	}
	if (c->parent_id) {
		if (c->parent_id == c->id) {
			return err_set(e, ERR_INPUT, "分类不能是自己的上级。");
		}
		struct category p;
		rc = category_get(st, c->organ_id, c->parent_id, &p, e);
		if (rc < 0) {
			return -1;
		}
		if (rc == 0) {
			return err_set(e, ERR_INPUT, "上级分类不存在。");
		}
		int64_t grand = p.parent_id;
		clear(&p);
		if (grand) {
			return err_set(e, ERR_INPUT, "分类最多两级。");
		}
		if (c->id) {
			s = st_prepare(st,
				       "SELECT 1 FROM category WHERE "
				       "parent_id = ?1",
				       e);
			if (!s || st_bind_int(st, s, 1, c->id, e)) {
				return -1;
			}
			rc = st_step(st, s, e);
			sqlite3_reset(s);
			if (rc) {
				return rc < 0 ? -1
					      : err_set(e, ERR_INPUT,
							"有下级的分类不能再设上级"
							"(分类最多两级)。");
			}
		}
	}
	return 0;
}

static int insert(store *st, struct category *c, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO category(organ_id, parent_id, name, section, "
		"position) VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 > 0 THEN ?5 "
		"ELSE (SELECT coalesce(max(position), 0) + 1 FROM category "
		"WHERE organ_id = ?1) END)",
		e);
	if (!s || st_bind_int(st, s, 1, c->organ_id, e) ||
	    (c->parent_id ? st_bind_int(st, s, 2, c->parent_id, e)
			  : st_bind_null(st, s, 2, e)) ||
	    st_bind_text(st, s, 3, c->name, e) ||
	    st_bind_text(st, s, 4,
			 c->section == CAT_SYSTEM ? "system" : "content", e) ||
	    st_bind_int(st, s, 5, c->position, e) || st_exec(st, s, e)) {
		return -1;
	}
	c->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int category_create(store *st, const struct actor *who, struct category *c,
		    struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	c->id = 0;
	if (validate(st, c, e) || insert(st, c, e)) {
		goto fail;
	}
	snap = snapshot(c);
	if (audit_append(st, who, "category.create", "category", c->id, NULL,
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

int category_update(store *st, const struct actor *who,
		    const struct category *c, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct category old = {0};
	char *before = NULL, *after = NULL;
	int rc = category_get(st, c->organ_id, c->id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "分类不存在。");
		}
		goto fail;
	}
	if (validate(st, c, e)) {
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE category SET name = ?2, parent_id = ?3, section = ?4, "
		"position = ?5 WHERE id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, c->id, e) ||
	    st_bind_text(st, s, 2, c->name, e) ||
	    (c->parent_id ? st_bind_int(st, s, 3, c->parent_id, e)
			  : st_bind_null(st, s, 3, e)) ||
	    st_bind_text(st, s, 4,
			 c->section == CAT_SYSTEM ? "system" : "content", e) ||
	    st_bind_int(st, s, 5, c->position, e) || st_exec(st, s, e)) {
		goto fail;
	}
	before = snapshot(&old);
	after = snapshot(c);
	if (audit_append(st, who, "category.update", "category", c->id,
			 before, after, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	clear(&old);
	return 0;
fail:
	free(before);
	free(after);
	clear(&old);
	store_tx_rollback(st);
	return -1;
}

int category_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct category old = {0};
	char *before = NULL;
	int rc = category_get(st, organ_id, id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "分类不存在。");
		}
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT (SELECT count(*) FROM item WHERE category_id = ?1) + "
		"(SELECT count(*) FROM category WHERE parent_id = ?1)",
		e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_step(st, s, e) != 1) {
		goto fail;
	}
	int64_t used = st_col_int(s, 0);
	sqlite3_reset(s);
	if (used) {
		err_set(e, ERR_CONFLICT,
			"分类“%s”下还有信息或下级分类,不能删除。", old.name);
		goto fail;
	}
	s = st_prepare(st, "DELETE FROM category WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e)) {
		goto fail;
	}
	before = snapshot(&old);
	if (audit_append(st, who, "category.delete", "category", id, before,
			 NULL, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	clear(&old);
	return 0;
fail:
	free(before);
	clear(&old);
	store_tx_rollback(st);
	return -1;
}

int category_seed(store *st, int64_t organ_id, struct err *e)
{
	for (size_t i = 0; i < item_category_npreset; i++) {
		struct category c = {0};
		c.organ_id = organ_id;
		c.name = (char *)item_category_preset[i].name;
		c.section = item_category_preset[i].system ? CAT_SYSTEM
							   : CAT_CONTENT;
		c.position = (int)i + 1;
		if (insert(st, &c, e)) {
			return -1;
		}
	}
	return 0;
}
