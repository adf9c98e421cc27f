/*
 * admin_organ.c - the back office entry (/admin/), an organ's workbench
 * (/admin/o/SLUG/), editing an organ's record and contacts, and the
 * admin's organ list and creation form.
 */
#include "base/date.h"
#include "base/str.h"
#include "render/html.h"
#include "store/activity.h"
#include "store/item.h"
#include "store/lawcase.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <string.h>

static int may_edit(const struct req *r)
{
	return r->user.role == ROLE_ADMIN || r->user.role == ROLE_LEADER;
}

int admin_home_page(struct req *r, struct err *e)
{
	if (!role_is_admin(r->user.role)) {
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/", r->user.organ_slug);
		resp_redirect(r, buf_str(&b));
		buf_free(&b);
		return 0;
	}
	struct organ *all = NULL;
	size_t n = 0;
	struct user *users = NULL;
	size_t nu = 0;
	if (organ_list(r->st, &all, &n, e) ||
	    user_list(r->st, 0, &users, &nu, e)) {
		organ_list_free(all, n);
		return -1;
	}
	tvars *v = tvars_new();
	tv_set_bool(v, "is_admin", 1);
	tv_set(v, "user_name", r->user.display_name);
	tv_set_list_empty(v, "organs");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "organs");
		tv_set(row, "name", all[i].name);
		tv_set(row, "slug", all[i].slug);
		tv_set(row, "parent_name", all[i].parent_name);
		layout_set_url(row, "href", "/admin/o/%s/", all[i].slug);
		long long cnt = 0;
		for (size_t k = 0; k < nu; k++) {
			cnt += users[k].organ_id == all[i].id;
		}
		tv_set_int(row, "users", cnt);
	}
	int rc = layout_page(r, "admin_home", "后台首页", v, e);
	tvars_free(v);
	organ_list_free(all, n);
	user_list_free(users, nu);
	return rc;
}

int admin_organ_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct user *staff = NULL;
	size_t ns = 0;
	if (user_list(r->st, o.id, &staff, &ns, e)) {
		organ_clear(&o);
		return -1;
	}
	tvars *v = tvars_new();
	tv_set(v, "name", o.name);
	tv_set(v, "slug", o.slug);
	tv_set(v, "prefix", str_empty(o.code) ? o.slug : o.code);
	tv_set(v, "parent_name", o.parent_name);
	tv_set(v, "office", o.office);
	tv_set(v, "phone", o.phone);
	tv_set(v, "email", o.email);
	tv_set(v, "address", o.address);
	tv_set(v, "office_hours", o.office_hours);
	tv_set(v, "credit_code", o.credit_code);
	tv_set_bool(v, "guide", !str_empty(o.guide));
	tv_set_bool(v, "can_edit", may_edit(r));
	tv_set(v, "index_pattern",
	       str_empty(o.index_pattern) ? INDEXNO_DEFAULT : o.index_pattern);
	int64_t counts[ST_COUNT], cases_open = 0, overdue = 0, unanswered = 0;
	int months = (int)r->app->conf.message_flag_months;
	if (item_status_counts(r->st, o.id, counts, e) ||
	    lawcase_open_count(r->st, o.id, &cases_open, e) ||
	    message_overdue_count(r->st, o.id,
				  act_flag_before(date_today(), months),
				  &overdue, e) ||
	    message_overdue_count(r->st, o.id, date_today() + 1, &unanswered,
				  e)) {
		organ_clear(&o);
		user_list_free(staff, ns);
		tvars_free(v);
		return -1;
	}
	for (int st = 0; st < ST_COUNT; st++) {
		tvars *row = tv_add_row(v, "counts");
		tv_set(row, "label", item_status_label(st));
		tv_set_int(row, "n", counts[st]);
		layout_set_url(row, "href", "/admin/o/%s/items?status=%s",
			       o.slug, item_status_code(st));
	}
	layout_set_url(v, "items_href", "/admin/o/%s/items", o.slug);
	layout_set_url(v, "new_href", "/admin/o/%s/items/new", o.slug);
	layout_set_url(v, "queue_href", "/admin/o/%s/queue", o.slug);
	layout_set_url(v, "categories_href", "/admin/o/%s/categories", o.slug);
	tv_set_int(v, "cases_open", cases_open);
	layout_set_url(v, "cases_open_href", "/admin/o/%s/cases?result=pending",
		       o.slug);
	layout_set_url(v, "cases_href", "/admin/o/%s/cases", o.slug);
	layout_set_url(v, "case_new_href", "/admin/o/%s/cases/new", o.slug);
	/* activities; messages unanswered past message_flag_months */
	layout_set_url(v, "activities_href", "/admin/o/%s/activities", o.slug);
	layout_set_url(v, "messages_href", "/admin/o/%s/activities/%s?year=0",
		       o.slug, ACT_MESSAGE);
	tv_set_int(v, "n_overdue", overdue);
	tv_set_int(v, "n_unanswered", unanswered);
	tv_set_int(v, "flag_months", months);
	layout_set_url(v, "edit_href", "/admin/o/%s/edit", o.slug);
	layout_set_url(v, "baselines_href", "/admin/o/%s/baselines", o.slug);
	layout_set_url(v, "reports_href", "/admin/o/%s/reports", o.slug);
	if (admin_organ_report_warning(r, &o, v, e) ||
	    admin_rollup_link(r, &o, 0, v, e)) {
		organ_clear(&o);
		user_list_free(staff, ns);
		tvars_free(v);
		return -1;
	}
	layout_set_url(v, "public_href", "/organ/%s/", o.slug);
	if (str_eq(req_param(r, "done"), "saved")) {
		tv_set(v, "notice", "机关信息已保存。");
	}
	tv_set_list_empty(v, "staff");
	for (size_t i = 0; i < ns; i++) {
		tvars *row = tv_add_row(v, "staff");
		tv_set(row, "login", staff[i].login);
		tv_set(row, "display_name", staff[i].display_name);
		tv_set(row, "role", role_label(staff[i].role));
		tv_set_bool(row, "disabled", staff[i].disabled);
	}
	int rc = layout_page(r, "admin_organ", o.name, v, e);
	tvars_free(v);
	user_list_free(staff, ns);
	organ_clear(&o);
	return rc;
}

/* Fills the organ form. o may be NULL (new organ); values come from the
 * submitted form when `posted`. */
static int organ_form(struct req *r, const struct organ *o, int posted,
		      const char *error, struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	int is_new = o == NULL;
	tv_set_bool(v, "is_new", is_new);
	tv_set(v, "heading", is_new ? "新增机关" : "编辑机关信息");
	tv_set(v, "error", error);
	if (is_new) {
		tv_set(v, "action", "/admin/organs/new");
		tv_set(v, "cancel_href", "/admin/organs");
	} else {
		layout_set_url(v, "action", "/admin/o/%s/edit", o->slug);
		layout_set_url(v, "cancel_href", "/admin/o/%s/", o->slug);
		tv_set(v, "slug", o->slug);
	}
	static const char *const fields[] = {
		"name", "short_name", "code", "credit_code", "office",
		"phone", "email", "address", "office_hours", "guide",
		"index_pattern"};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *val = NULL;
		if (posted) {
			val = req_param(r, fields[i]);
		} else if (o) {
			const char *const vals[] = {
				o->name, o->short_name, o->code,
				o->credit_code, o->office, o->phone, o->email,
				o->address, o->office_hours, o->guide,
				o->index_pattern};
			val = vals[i];
		}
		tv_set(v, fields[i], val);
	}
	if (posted && is_new) {
		tv_set(v, "slug", req_param(r, "slug"));
	}
	const char *parent = posted ? req_param_s(r, "parent")
				    : (o && o->parent_id ? NULL : "");
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		tvars_free(v);
		return -1;
	}
	tvars *none = tv_add_row(v, "parents");
	tv_set(none, "value", "");
	tv_set(none, "label", "(无上级机关)");
	tv_set_bool(none, "selected", parent && !*parent);
	for (size_t i = 0; i < n; i++) {
		if (o && all[i].id == o->id) {
			continue;
		}
		tvars *row = tv_add_row(v, "parents");
		tv_set(row, "value", all[i].slug);
		tv_set(row, "label", all[i].name);
		int sel = parent ? str_eq(parent, all[i].slug)
				 : (o && o->parent_id == all[i].id);
		tv_set_bool(row, "selected", sel);
	}
	organ_list_free(all, n);
	int rc = layout_page(r, "admin_organ_form",
			     is_new ? "新增机关" : "编辑机关信息", v, e);
	tvars_free(v);
	return rc;
}

/* The submitted form as an organ (strings borrowed from r->params). */
static struct organ from_form(const struct req *r)
{
	struct organ o = {0};
	o.name = (char *)req_param_s(r, "name");
	o.short_name = (char *)req_param_s(r, "short_name");
	o.slug = (char *)req_param_s(r, "slug");
	o.parent_name = (char *)req_param_s(r, "parent");
	o.code = (char *)req_param_s(r, "code");
	o.credit_code = (char *)req_param_s(r, "credit_code");
	o.office = (char *)req_param_s(r, "office");
	o.phone = (char *)req_param_s(r, "phone");
	o.email = (char *)req_param_s(r, "email");
	o.address = (char *)req_param_s(r, "address");
	o.office_hours = (char *)req_param_s(r, "office_hours");
	o.guide = (char *)req_param_s(r, "guide");
	o.index_pattern = (char *)req_param_s(r, "index_pattern");
	return o;
}

int admin_organ_edit_page(struct req *r, struct err *e)
{
	if (!may_edit(r)) {
		return err_set(e, ERR_DENIED,
			       "只有分管领导或系统管理员可以编辑机关信息。");
	}
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = organ_form(r, &o, 0, NULL, e);
	organ_clear(&o);
	return rc;
}

int admin_organ_edit_post(struct req *r, struct err *e)
{
	if (!may_edit(r)) {
		return err_set(e, ERR_DENIED,
			       "只有分管领导或系统管理员可以编辑机关信息。");
	}
	struct organ cur;
	if (route_organ(r, &cur, e)) {
		return -1;
	}
	struct organ o = from_form(r);
	o.id = cur.id;
	struct actor who = auth_actor(r);
	struct err fe = {0};
	int rc;
	if (organ_update(r->st, &who, &o, &fe)) {
		if (fe.code == ERR_INTERNAL) {
			*e = fe;
			organ_clear(&cur);
			return -1;
		}
		r->status = err_status(&fe) == 409 ? 409 : 400;
		rc = organ_form(r, &cur, 1, fe.msg, e);
	} else {
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/?done=saved", cur.slug);
		resp_redirect(r, buf_str(&b));
		buf_free(&b);
		rc = 0;
	}
	organ_clear(&cur);
	return rc;
}

int admin_organs_page(struct req *r, struct err *e)
{
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	if (str_eq(req_param(r, "done"), "created")) {
		tv_set(v, "notice", "机关已创建。");
	}
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "organs");
		tv_set(row, "name", all[i].name);
		tv_set(row, "slug", all[i].slug);
		tv_set(row, "code",
		       str_empty(all[i].code) ? all[i].slug : all[i].code);
		tv_set(row, "parent_name", all[i].parent_name);
		tv_set(row, "phone", all[i].phone);
		layout_set_url(row, "href", "/admin/o/%s/", all[i].slug);
		layout_set_url(row, "edit_href", "/admin/o/%s/edit", all[i].slug);
	}
	int rc = layout_page(r, "admin_organs", "机关管理", v, e);
	tvars_free(v);
	organ_list_free(all, n);
	return rc;
}

int admin_organ_new_page(struct req *r, struct err *e)
{
	return organ_form(r, NULL, 0, NULL, e);
}

int admin_organ_new_post(struct req *r, struct err *e)
{
	struct organ o = from_form(r);
	o.slug = str_empty(o.slug) ? NULL : xstrdup(o.slug);
	struct actor who = auth_actor(r);
	struct err fe = {0};
	if (organ_create(r->st, &who, &o, &fe)) {
		free(o.slug);
		if (fe.code == ERR_INTERNAL) {
			*e = fe;
			return -1;
		}
		r->status = err_status(&fe) == 409 ? 409 : 400;
		return organ_form(r, NULL, 1, fe.msg, e);
	}
	free(o.slug);
	resp_redirect(r, "/admin/organs?done=created");
	return 0;
}
