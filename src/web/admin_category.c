/*
 * admin_category.c - an organ's category tree (主题分类) in the back
 * office: list with item counts, add, rename/reorder, delete when unused.
 * Categories are two levels deep; the 'system' section holds the organ's
 * 政府信息公开制度 column of the public catalog.
 */
#include "base/str.h"
#include "store/item.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

/* Leaders and admins shape the tree; clerks use it. */
static int may_manage(const struct req *r, struct err *e)
{
	if (r->user.role == ROLE_LEADER || r->user.role == ROLE_ADMIN) {
		return 0;
	}
	return err_set(e, ERR_DENIED, "只有分管领导或管理员可以调整主题分类。");
}

static int categories_form(struct req *r, const struct organ *o,
			   const char *error, struct err *e)
{
	struct category *c = NULL;
	size_t n = 0;
	if (category_list(r->st, o->id, &c, &n, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	tv_set(v, "error", error);
	if (str_eq(req_param(r, "done"), "saved")) {
		tv_set(v, "notice", "主题分类已更新。");
	}
	tv_set_bool(v, "can_manage", r->user.role == ROLE_LEADER ||
					     r->user.role == ROLE_ADMIN);
	layout_set_url(v, "action", "/admin/o/%s/categories", o->slug);
	tvars *none = tv_add_row(v, "parents");
	tv_set(none, "value", "");
	tv_set(none, "label", "(顶级分类)");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "categories");
		tv_set(row, "name", c[i].name);
		tv_set_bool(row, "child", c[i].parent_id != 0);
		tv_set(row, "section",
		       c[i].section == CAT_SYSTEM ? "公开制度" : "主动公开内容");
		tv_set_int(row, "position", c[i].position);
		tv_set_int(row, "published", c[i].published);
		tv_setf(row, "fid", "c%lld", (long long)c[i].id);
		layout_set_url(row, "edit_action", "/admin/o/%s/categories/%lld",
			       o->slug, (long long)c[i].id);
		layout_set_url(row, "delete_action",
			       "/admin/o/%s/categories/%lld/delete", o->slug,
			       (long long)c[i].id);
		if (!c[i].parent_id) {
			tvars *p = tv_add_row(v, "parents");
			tv_setf(p, "value", "%lld", (long long)c[i].id);
			tv_set(p, "label", c[i].name);
		}
	}
	int rc = layout_page(r, "admin_categories", "主题分类", v, e);
	tvars_free(v);
	category_list_free(c, n);
	return rc;
}

int admin_categories_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = categories_form(r, &o, NULL, e);
	organ_clear(&o);
	return rc;
}

/* Redirects back to the list, or shows it again with the problem. */
static int finish(struct req *r, const struct organ *o, int failed,
		  const struct err *fe, struct err *e)
{
	if (!failed) {
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/categories?done=saved", o->slug);
		resp_redirect(r, buf_str(&b));
		buf_free(&b);
		return 0;
	}
	if (fe->code == ERR_INTERNAL) {
		*e = *fe;
		return -1;
	}
	r->status = err_status(fe);
	return categories_form(r, o, fe->msg, e);
}

int admin_category_new_post(struct req *r, struct err *e)
{
	struct organ o;
	if (may_manage(r, e) || route_organ(r, &o, e)) {
		return -1;
	}
	struct category c = {0};
	struct err fe = {0};
	c.organ_id = o.id;
	c.name = (char *)req_param_s(r, "name");
	c.section = str_eq(req_param(r, "section"), "system") ? CAT_SYSTEM
							       : CAT_CONTENT;
	int64_t parent = 0;
	const char *ps = req_param(r, "parent");
	int failed = 0;
	if (!str_empty(ps) && str_to_i64(ps, 1, INT64_MAX, &parent)) {
		failed = err_set(&fe, ERR_INPUT, "上级分类无效。");
	}
	c.parent_id = parent;
	struct actor who = auth_actor(r);
	if (!failed) {
		failed = category_create(r->st, &who, &c, &fe);
	}
	int rc = finish(r, &o, failed, &fe, e);
	organ_clear(&o);
	return rc;
}

/* Looks up the category of capture 1 within organ o. */
static int route_category(struct req *r, const struct organ *o,
			  struct category *c, struct err *e)
{
	int64_t id;
	if (str_to_i64(r->cap[1], 1, INT64_MAX, &id)) {
		return err_set(e, ERR_NOTFOUND, "没有这个分类。");
	}
	int rc = category_get(r->st, o->id, id, c, e);
	if (rc == 0) {
		return err_set(e, ERR_NOTFOUND, "没有这个分类。");
	}
	return rc < 0 ? -1 : 0;
}

/* The organ and the category of capture 1 of a change request, after
 * checking the user may change categories. */
static int load(struct req *r, struct organ *o, struct category *c,
		struct err *e)
{
	if (may_manage(r, e) || route_organ(r, o, e)) {
		return -1;
	}
	if (route_category(r, o, c, e)) {
		organ_clear(o);
		return -1;
	}
	return 0;
}

int admin_category_edit_post(struct req *r, struct err *e)
{
	struct organ o;
	struct category c;
	if (load(r, &o, &c, e)) {
		return -1;
	}
	struct err fe = {0};
	struct actor who = auth_actor(r);
	struct category upd = c;
	upd.name = (char *)req_param_s(r, "name");
	const char *pos = req_param(r, "position");
	int64_t p;
	if (!str_empty(pos) && str_to_i64(pos, 0, 99999, &p) == 0) {
		upd.position = (int)p;
	}
	int failed = category_update(r->st, &who, &upd, &fe);
	int rc = finish(r, &o, failed, &fe, e);
	free(c.name);
	organ_clear(&o);
	return rc;
}

int admin_category_delete_post(struct req *r, struct err *e)
{
	struct organ o;
	struct category c;
	if (load(r, &o, &c, e)) {
		return -1;
	}
	struct err fe = {0};
	struct actor who = auth_actor(r);
	int failed = category_delete(r->st, &who, o.id, c.id, &fe);
	int rc = finish(r, &o, failed, &fe, e);
	free(c.name);
	organ_clear(&o);
	return rc;
}
