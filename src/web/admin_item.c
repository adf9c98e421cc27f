/*
 * admin_item.c - the back office of proactive disclosure: an organ's item
 * list with filters and bulk actions, the item editor, the item page with
 * its workflow actions (提交审查, 保密审查, 审批, 公开, 定时公开, 撤回,
 * 废止 ...), attachments, and the review queue of the signed-in user.
 * The rules (who may do what when) come from domain/item.h; this file
 * only offers the actions the rules allow and shows the result.
 */
#include "base/str.h"
#include "render/sanitize.h"
#include "store/item.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/static.h"

#include <stdio.h>
#include <string.h>

#define PER_PAGE 30

/*---- Helpers ----*/

/* The organ's categories as options, indented children. */
static int category_options(struct req *r, tvars *v, int64_t organ_id,
			    int64_t selected, const char *any_label,
			    struct err *e)
{
	struct category *c = NULL;
	size_t n = 0;
	if (category_list(r->st, organ_id, &c, &n, e)) {
		return -1;
	}
	tv_set_list_empty(v, "categories");
	if (any_label) {
		layout_option(v, "categories", "", any_label, selected == 0);
	}
	for (size_t i = 0; i < n; i++) {
		char id[24], label[256];
		snprintf(id, sizeof id, "%lld", (long long)c[i].id);
		snprintf(label, sizeof label, "%s%s",
			 c[i].parent_id ? "— " : "", c[i].name);
		layout_option(v, "categories", id, label, c[i].id == selected);
	}
	category_list_free(c, n);
	return 0;
}

static void kind_options(tvars *v, int selected, const char *any_label)
{
	tv_set_list_empty(v, "kinds");
	if (any_label) {
		layout_option(v, "kinds", "", any_label, selected < 0);
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		layout_option(v, "kinds", item_kind_code(k), item_kind_label(k),
		       k == selected);
	}
}

/* An id parameter or capture: > 0, or -1 with e. */
static int64_t parse_id(const char *s, const char *what, struct err *e)
{
	int64_t id;
	if (str_to_i64(s, 1, INT64_MAX, &id)) {
		err_set(e, ERR_NOTFOUND, "没有这个%s。", what);
		return -1;
	}
	return id;
}

/* The organ of the route and the item of capture 1 in it. */
static int route_item(struct req *r, struct organ *o, struct item *it,
		      struct err *e)
{
	if (route_organ(r, o, e)) {
		return -1;
	}
	int64_t id = parse_id(r->cap[1], "信息", e);
	int rc = id < 0 ? -1 : item_get(r->st, o->id, id, it, e);
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这条信息。");
	}
	if (rc <= 0) {
		organ_clear(o);
		return -1;
	}
	return 0;
}

static void redirect_item(struct req *r, const struct organ *o, int64_t id,
			  const char *done)
{
	Buf b = BUF_INIT;
	url_printf(&b, "/admin/o/%s/items/%lld?done=%s", o->slug,
		   (long long)id, done);
	resp_redirect(r, buf_str(&b));
	buf_free(&b);
}

/* Sets the values one item row in a list shows. */
static void item_row(tvars *row, const struct organ *o,
		     const struct item *it)
{
	tv_set_int(row, "id", it->id);
	layout_set_url(row, "href", "/admin/o/%s/items/%lld", o->slug,
		       (long long)it->id);
	tv_set(row, "title", it->title);
	tv_set(row, "index_no", it->index_no ? it->index_no : "(公开时生成)");
	tv_set(row, "doc_no", it->doc_no);
	tv_set(row, "category", it->category_name);
	tv_set(row, "kind", item_kind_label(it->kind));
	tv_set(row, "status", item_status_label(it->status));
	tv_set(row, "status_code", item_status_code(it->status));
	tv_set(row, "published_date", it->published_date);
	tv_set(row, "validity", it->validity == VAL_VALID
					? ""
					: item_validity_label(it->validity));
	tv_set(row, "publish_at", it->publish_at);
	char upd[11];
	snprintf(upd, sizeof upd, "%s", it->updated_at ? it->updated_at : "");
	tv_set(row, "updated", upd);
}

static const char *const done_notes[][2] = {
	{"created", "信息已保存为草稿。"},
	{"saved", "修改已保存。"},
	{"acted", "操作已完成。"},
	{"uploaded", "附件已上传。"},
	{"unattached", "附件已删除。"},
	{"deleted", "草稿已删除。"},
	{"bulk", "批量操作已完成。"},
};

/*---- The list ----*/

/* Reads the list filters into f (validated by route.c: ints and slugs). */
static int list_filter(struct req *r, const struct organ *o,
		       struct item_filter *f, struct err *e)
{
	*f = item_filter_all(o->id);
	f->order = ORDER_UPDATED;
	const char *status = req_param(r, "status");
	if (!str_empty(status)) {
		enum item_status s;
		if (item_status_parse(status, &s, e)) {
			return -1;
		}
		f->status = s;
	}
	const char *kind = req_param(r, "kind");
	if (!str_empty(kind)) {
		enum item_kind k;
		if (item_kind_parse("类型", kind, &k, e)) {
			return -1;
		}
		f->kind = k;
	}
	int64_t x;
	if (!str_empty(req_param(r, "category")) &&
	    str_to_i64(req_param(r, "category"), 1, INT64_MAX, &x) == 0) {
		f->category_id = x;
	}
	if (!str_empty(req_param(r, "year")) &&
	    str_to_i64(req_param(r, "year"), 1900, 9999, &x) == 0) {
		f->year = (int)x;
	}
	const char *q = req_param(r, "q");
	f->title_like = str_empty(q) ? NULL : q;
	return 0;
}

int admin_items_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct item_filter f;
	struct item *items = NULL;
	size_t n = 0;
	int64_t total = 0, page = 1;
	int rc = -1;
	int *years = NULL;
	size_t ny = 0;
	tvars *v = tvars_new();
	if (list_filter(r, &o, &f, e)) {
		goto done;
	}
	if (!str_empty(req_param(r, "page"))) {
		str_to_i64(req_param(r, "page"), 1, 1000000, &page);
	}
	f.limit = PER_PAGE;
	f.offset = (page - 1) * PER_PAGE;
	if (item_list(r->st, &f, &items, &n, &total, e) ||
	    item_years(r->st, o.id, &years, &ny, e) ||
	    category_options(r, v, o.id, f.category_id, "全部分类", e)) {
		goto done;
	}
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "new_href", "/admin/o/%s/items/new", o.slug);
	layout_set_url(v, "bulk_action", "/admin/o/%s/items/bulk", o.slug);
	layout_set_url(v, "action", "/admin/o/%s/items", o.slug);
	tv_set(v, "q", req_param(r, "q"));
	layout_option(v, "statuses", "", "全部状态", f.status < 0);
	for (int s = 0; s < ST_COUNT; s++) {
		layout_option(v, "statuses", item_status_code(s),
		       item_status_label(s), s == f.status);
	}
	kind_options(v, f.kind, "全部类型");
	layout_option(v, "years", "", "全部年份", f.year == 0);
	for (size_t i = 0; i < ny; i++) {
		char y[8];
		snprintf(y, sizeof y, "%d", years[i]);
		layout_option(v, "years", y, y, years[i] == f.year);
	}
	static const enum item_action bulk[] = {ACT_SUBMIT, ACT_REVIEW,
						ACT_APPROVE, ACT_PUBLISH};
	for (size_t i = 0; i < sizeof bulk / sizeof bulk[0]; i++) {
		layout_option(v, "bulk_actions", item_action_code(bulk[i]),
		       item_action_label(bulk[i]), 0);
	}
	layout_option(v, "bulk_actions", "delete", "删除草稿", 0);
	tv_set_list_empty(v, "items");
	for (size_t i = 0; i < n; i++) {
		item_row(tv_add_row(v, "items"), &o, &items[i]);
	}
	tv_set_int(v, "total", total);
	int64_t pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", pages);
	/* page links keep the filters */
	const char *keep[] = {"status", "category", "kind", "year", "q"};
	for (int dir = -1; dir <= 1; dir += 2) {
		int64_t p = page + dir;
		if (p < 1 || p > pages) {
			continue;
		}
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/items?page=%lld", o.slug,
			   (long long)p);
		for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++) {
			const char *val = req_param(r, keep[k]);
			if (!str_empty(val)) {
				url_printf(&b, "&%s=%s", keep[k], val);
			}
		}
		tv_set(v, dir < 0 ? "prev_href" : "next_href", buf_str(&b));
		buf_free(&b);
	}
	rc = layout_page(r, "admin_items", "主动公开信息", v, e);
done:
	tvars_free(v);
	item_list_free(items, n);
	free(years);
	organ_clear(&o);
	return rc;
}

/* Applies action (a workflow action code or "delete") to every checked
 * item; reports per item what failed. */
int admin_items_bulk_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	const char *act = req_param_s(r, "action");
	int del = strcmp(act, "delete") == 0;
	enum item_action a = ACT_SUBMIT;
	if (!del && item_action_parse(act, &a, e)) {
		organ_clear(&o);
		return -1;
	}
	if (!req_param_nth(r, "id", 0)) {
		organ_clear(&o);
		return err_set(e, ERR_INPUT, "请先勾选要操作的信息。");
	}
	struct actor who = auth_actor(r);
	Buf fails = BUF_INIT;
	int nfail = 0;
	const char *s;
	for (size_t i = 0; (s = req_param_nth(r, "id", i)); i++) {
		int64_t id;
		struct err fe = {0};
		int rc;
		if (str_to_i64(s, 1, INT64_MAX, &id)) {
			rc = err_set(&fe, ERR_INPUT, "编号无效");
		} else if (del) {
			rc = item_delete(r->st, &who, o.id, id, &fe);
		} else {
			rc = item_act(r->st, &who, r->user.id, r->user.role,
				      o.id, id, a, req_param(r, "note"), NULL,
				      &fe);
		}
		if (rc) {
			if (fe.code == ERR_INTERNAL) {
				*e = fe;
				buf_free(&fails);
				organ_clear(&o);
				return -1;
			}
			buf_printf(&fails, "%s第 %s 号:%s", nfail ? ";" : "",
				   s, fe.msg);
			nfail++;
		}
	}
	int rc = 0;
	if (nfail) {
		rc = err_set_http(e, ERR_CONFLICT, 409,
				  "%d 条信息未能处理(其余已完成):%.180s", nfail,
				  buf_str(&fails));
	} else {
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/items?done=bulk", o.slug);
		resp_redirect(r, buf_str(&b));
		buf_free(&b);
	}
	buf_free(&fails);
	organ_clear(&o);
	return rc;
}

/*---- The editor ----*/

/* The item the form describes (strings borrowed from r or heap copies
 * noted below). body is sanitised into *body_out (caller frees). */
static int from_form(struct req *r, const struct organ *o, struct item *it,
		     Buf *body, struct err *e)
{
	memset(it, 0, sizeof *it);
	it->organ_id = o->id;
	it->title = (char *)req_param_s(r, "title");
	it->doc_no = (char *)req_param_s(r, "doc_no");
	it->summary = (char *)req_param_s(r, "summary");
	it->written_date = (char *)req_param(r, "written_date");
	if (str_empty(it->written_date)) {
		it->written_date = NULL;
	}
	if (item_kind_parse("信息类型", req_param_s(r, "kind"), &it->kind,
			    e)) {
		return -1;
	}
	int64_t x;
	if (str_to_i64(req_param_s(r, "category"), 1, INT64_MAX, &x)) {
		return err_set(e, ERR_INPUT, "请选择主题分类。");
	}
	it->category_id = x;
	const char *interp = req_param(r, "interprets");
	if (!str_empty(interp)) {
		if (str_to_i64(interp, 1, INT64_MAX, &x)) {
			return err_set(e, ERR_INPUT, "被解读的文件无效。");
		}
		it->interprets_id = x;
	}
	const char *ch;
	for (size_t i = 0; (ch = req_param_nth(r, "channel", i)); i++) {
		unsigned bit;
		if (item_channels_parse("发布渠道", ch, &bit, e)) {
			return -1;
		}
		it->channels |= bit;
	}
	const char *raw = req_param_s(r, "body");
	if (sanitize_html(raw, strlen(raw), body, e)) {
		return -1;
	}
	it->body = (char *)buf_str(body);
	return 0;
}

/* Renders the editor for a new item (it NULL) or an existing one; values
 * come from the submitted form when `posted`. */
static int item_form(struct req *r, const struct organ *o,
		     const struct item *it, int posted, const char *error,
		     struct err *e)
{
	tvars *v = tvars_new();
	int rc = -1;
	struct item *pol = NULL;
	size_t npol = 0;
	layout_csrf(r, v);
	tv_set(v, "error", error);
	tv_set(v, "organ_name", o->name);
	int is_new = it == NULL;
	tv_set(v, "heading", is_new ? "新建信息" : "编辑信息");
	if (is_new) {
		layout_set_url(v, "action", "/admin/o/%s/items/new", o->slug);
		layout_set_url(v, "cancel_href", "/admin/o/%s/items", o->slug);
	} else {
		layout_set_url(v, "action", "/admin/o/%s/items/%lld/edit",
			       o->slug, (long long)it->id);
		layout_set_url(v, "cancel_href", "/admin/o/%s/items/%lld",
			       o->slug, (long long)it->id);
		tv_set_bool(v, "published", it->status == ST_PUBLISHED);
	}
	int64_t cat = 0, interp = 0;
	int kind = KIND_NORMAL;
	unsigned channels = 1u << CH_WEBSITE;
	if (posted) {
		static const char *const f[] = {"title", "doc_no", "summary",
						"body", "written_date"};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			tv_set(v, f[i], req_param(r, f[i]));
		}
		str_to_i64(req_param_s(r, "category"), 1, INT64_MAX, &cat);
		str_to_i64(req_param_s(r, "interprets"), 1, INT64_MAX,
			   &interp);
		enum item_kind k;
		struct err ignore = {0};
		if (item_kind_parse("", req_param_s(r, "kind"), &k, &ignore) ==
		    0) {
			kind = k;
		}
		channels = 0;
		const char *ch;
		for (size_t i = 0; (ch = req_param_nth(r, "channel", i)); i++) {
			unsigned bit = 0;
			item_channels_parse("", ch, &bit, &ignore);
			channels |= bit;
		}
	} else if (it) {
		tv_set(v, "title", it->title);
		tv_set(v, "doc_no", it->doc_no);
		tv_set(v, "summary", it->summary);
		tv_set(v, "body", it->body);
		tv_set(v, "written_date", it->written_date);
		cat = it->category_id;
		interp = it->interprets_id;
		kind = it->kind;
		channels = it->channels;
	}
	if (category_options(r, v, o->id, cat, NULL, e)) {
		goto done;
	}
	kind_options(v, kind, NULL);
	for (int c = 0; c < CH_COUNT; c++) {
		tvars *row = tv_add_row(v, "channels");
		tv_set(row, "value", item_channel_code(c));
		tv_set(row, "label", item_channel_label(c));
		tv_set_bool(row, "checked", (channels >> c) & 1);
	}
	/* policies a 解读 can point at: the organ's published items */
	struct item_filter f = item_filter_all(o->id);
	f.public_only = 1;
	f.limit = 300;
	if (item_list(r->st, &f, &pol, &npol, NULL, e)) {
		goto done;
	}
	layout_option(v, "policies", "", "(不关联)", interp == 0);
	for (size_t i = 0; i < npol; i++) {
		if (it && pol[i].id == it->id) {
			continue;
		}
		char id[24], label[400];
		snprintf(id, sizeof id, "%lld", (long long)pol[i].id);
		snprintf(label, sizeof label, "%s %s", pol[i].index_no,
			 pol[i].title);
		layout_option(v, "policies", id, label, pol[i].id == interp);
	}
	rc = layout_page(r, "admin_item_form",
			 is_new ? "新建信息" : "编辑信息", v, e);
done:
	item_list_free(pol, npol);
	tvars_free(v);
	return rc;
}

/* Shows a form again with the problem, status 400/409/413. */
static int form_again(struct req *r, const struct organ *o,
		      const struct item *it, const struct err *fe,
		      struct err *e)
{
	if (fe->code == ERR_INTERNAL) {
		*e = *fe;
		return -1;
	}
	r->status = err_status(fe);
	return item_form(r, o, it, 1, fe->msg, e);
}

int admin_item_new_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = item_form(r, &o, NULL, 0, NULL, e);
	organ_clear(&o);
	return rc;
}

int admin_item_new_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct item it;
	Buf body = BUF_INIT;
	struct err fe = {0};
	struct actor who = auth_actor(r);
	int rc;
	if (from_form(r, &o, &it, &body, &fe) ||
	    item_create(r->st, &who, &it, 0, &fe)) {
		rc = form_again(r, &o, NULL, &fe, e);
	} else {
		redirect_item(r, &o, it.id, "created");
		rc = 0;
	}
	free(it.index_no);
	buf_free(&body);
	organ_clear(&o);
	return rc;
}

int admin_item_edit_page(struct req *r, struct err *e)
{
	struct organ o;
	struct item it;
	if (route_item(r, &o, &it, e)) {
		return -1;
	}
	int rc;
	if (!item_may_edit(it.status, r->user.role)) {
		rc = err_set(e, ERR_CONFLICT,
			     "状态为“%s”的信息不能修改;已公开的信息只能由分管"
			     "领导或管理员更正。",
			     item_status_label(it.status));
	} else {
		rc = item_form(r, &o, &it, 0, NULL, e);
	}
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

int admin_item_edit_post(struct req *r, struct err *e)
{
	struct organ o;
	struct item cur;
	if (route_item(r, &o, &cur, e)) {
		return -1;
	}
	int rc;
	struct item it;
	Buf body = BUF_INIT;
	struct err fe = {0};
	struct actor who = auth_actor(r);
	if (!item_may_edit(cur.status, r->user.role)) {
		rc = err_set(e, ERR_CONFLICT, "状态为“%s”的信息不能修改。",
			     item_status_label(cur.status));
	} else if (from_form(r, &o, &it, &body, &fe) ||
		   (it.id = cur.id, item_update(r->st, &who, &it, &fe))) {
		rc = form_again(r, &o, &cur, &fe, e);
	} else {
		redirect_item(r, &o, cur.id, "saved");
		rc = 0;
	}
	buf_free(&body);
	item_clear(&cur);
	organ_clear(&o);
	return rc;
}

/*---- The item page ----*/

/* Which actions the signed-in user may take now, as forms. */
static void action_forms(struct req *r, tvars *v, const struct organ *o,
			 const struct item *it)
{
	struct item_wf w = {it->status, !str_empty(it->publish_at),
			    it->validity, it->created_by, it->reviewed_by};
	tv_set_list_empty(v, "actions");
	for (int a = 0; a < ACT_COUNT; a++) {
		enum item_status next;
		struct err ignore = {0};
		if (item_transition(&w, a, r->user.id, r->user.role, "-", &next,
				    &ignore)) {
			continue;
		}
		tvars *row = tv_add_row(v, "actions");
		tv_set(row, "code", item_action_code(a));
		tv_set(row, "label", item_action_label(a));
		layout_set_url(row, "act_href", "/admin/o/%s/items/%lld/act",
			       o->slug, (long long)it->id);
		int note_required = a == ACT_RETURN || a == ACT_REJECT ||
				    a == ACT_WITHDRAW;
		tv_set_bool(row, "note_required", note_required);
		tv_set_bool(row, "note_optional",
			    a == ACT_REVIEW || a == ACT_APPROVE);
		tv_set_bool(row, "needs_time", a == ACT_SCHEDULE);
		tv_set_bool(row, "needs_date",
			    a == ACT_ABOLISH || a == ACT_EXPIRE);
		tv_set(row, "danger",
		       a == ACT_WITHDRAW || a == ACT_ABOLISH ? "danger" : "");
	}
	if (item_may_delete(it->status, it->ever_published)) {
		layout_set_url(v, "delete_action",
			       "/admin/o/%s/items/%lld/delete", o->slug,
			       (long long)it->id);
	}
	if (item_may_edit(it->status, r->user.role)) {
		layout_set_url(v, "edit_href", "/admin/o/%s/items/%lld/edit",
			       o->slug, (long long)it->id);
		layout_set_url(v, "upload_action",
			       "/admin/o/%s/items/%lld/attachments", o->slug,
			       (long long)it->id);
	}
}

static void human_size(int64_t n, char *out, size_t sz)
{
	if (n < 1024) {
		snprintf(out, sz, "%lld 字节", (long long)n);
	} else if (n < 1024 * 1024) {
		snprintf(out, sz, "%.1f KB", (double)n / 1024);
	} else {
		snprintf(out, sz, "%.1f MB", (double)n / (1024 * 1024));
	}
}

int admin_item_page(struct req *r, struct err *e)
{
	struct organ o;
	struct item it;
	if (route_item(r, &o, &it, e)) {
		return -1;
	}
	struct attachment *att = NULL;
	size_t na = 0;
	struct item_review *rv = NULL;
	size_t nrv = 0;
	struct item *interp = NULL;
	size_t ni = 0;
	int rc = -1;
	tvars *v = tvars_new();
	struct item_filter f = item_filter_all(o.id);
	f.interprets_id = it.id;
	if (attachment_list(r->st, it.id, &att, &na, e) ||
	    item_reviews(r->st, it.id, &rv, &nrv, e) ||
	    item_list(r->st, &f, &interp, &ni, NULL, e)) {
		goto done;
	}
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "list_href", "/admin/o/%s/items", o.slug);
	tv_set(v, "title", it.title);
	tv_set(v, "index_no", it.index_no);
	tv_set(v, "doc_no", it.doc_no);
	tv_set(v, "category", it.category_name);
	tv_set(v, "kind", item_kind_label(it.kind));
	tv_set(v, "status", item_status_label(it.status));
	tv_set(v, "status_code", item_status_code(it.status));
	tv_set(v, "validity", item_validity_label(it.validity));
	tv_set_bool(v, "invalid", it.validity != VAL_VALID);
	tv_set(v, "written_date", it.written_date);
	tv_set(v, "published_date", it.published_date);
	tv_set(v, "abolished_date", it.abolished_date);
	tv_set(v, "publish_at", it.publish_at);
	tv_set(v, "summary", it.summary);
	tv_set_html(v, "body", (HtmlFrag){it.body ? it.body : "",
					  it.body ? strlen(it.body) : 0});
	char ch[160] = "";
	for (int c = 0; c < CH_COUNT; c++) {
		if ((it.channels >> c) & 1) {
			size_t u = strlen(ch);
			snprintf(ch + u, sizeof ch - u, "%s%s", u ? "、" : "",
				 item_channel_label(c));
		}
	}
	tv_set(v, "channels", ch[0] ? ch : "未记录");
	if (it.status == ST_PUBLISHED && it.index_no) {
		Buf b = BUF_INIT;
		url_item_path(&b, o.slug, it.index_no);
		tv_set(v, "public_href", buf_str(&b));
		buf_free(&b);
	}
	if (it.interprets_id) {
		layout_set_url(v, "interprets_href", "/admin/o/%s/items/%lld",
			       o.slug, (long long)it.interprets_id);
		tv_set(v, "interprets_title", it.interprets_title);
	}
	tv_set_bool(v, "has_interp", ni > 0);
	for (size_t i = 0; i < ni; i++) {
		item_row(tv_add_row(v, "interpretations"), &o, &interp[i]);
	}
	action_forms(r, v, &o, &it);
	tv_set_list_empty(v, "attachments");
	for (size_t i = 0; i < na; i++) {
		tvars *row = tv_add_row(v, "attachments");
		char sz[32];
		human_size(att[i].size, sz, sizeof sz);
		tv_set(row, "name", att[i].name);
		tv_set(row, "size", sz);
		layout_set_url(row, "href", "/admin/o/%s/attachment/%lld",
			       o.slug, (long long)att[i].id);
		if (item_may_edit(it.status, r->user.role)) {
			layout_set_url(row, "delete_action",
				       "/admin/o/%s/items/%lld/attachments/"
				       "%lld/delete",
				       o.slug, (long long)it.id,
				       (long long)att[i].id);
		}
	}
	tv_set_int(v, "max_mb", r->app->conf.max_attachment / 1048576);
	tv_set_list_empty(v, "trail");
	for (size_t i = 0; i < nrv; i++) {
		tvars *row = tv_add_row(v, "trail");
		tv_set(row, "at", rv[i].at);
		tv_set(row, "actor", rv[i].actor);
		enum item_action a;
		struct err ignore = {0};
		tv_set(row, "action",
		       item_action_parse(rv[i].action, &a, &ignore) == 0
			       ? item_action_label(a)
		       : strcmp(rv[i].action, "import") == 0 ? "导入"
							     : "起草");
		tv_set(row, "to", item_status_label(rv[i].to));
		tv_set(row, "note", rv[i].note);
	}
	rc = layout_page(r, "admin_item", it.title, v, e);
done:
	tvars_free(v);
	attachment_list_free(att, na);
	item_reviews_free(rv, nrv);
	item_list_free(interp, ni);
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

int admin_item_act_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	enum item_action a;
	int64_t id = parse_id(r->cap[1], "信息", e);
	struct actor who = auth_actor(r);
	int rc = -1;
	if (id > 0 && item_action_parse(req_param_s(r, "action"), &a, e) == 0 &&
	    item_act(r->st, &who, r->user.id, r->user.role, o.id, id, a,
		     req_param(r, "note"), req_param(r, "when"), e) == 0) {
		redirect_item(r, &o, id, "acted");
		rc = 0;
	}
	organ_clear(&o);
	return rc;
}

int admin_item_delete_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int64_t id = parse_id(r->cap[1], "信息", e);
	struct actor who = auth_actor(r);
	int rc = -1;
	if (id > 0 && item_delete(r->st, &who, o.id, id, e) == 0) {
		Buf b = BUF_INIT;
		url_printf(&b, "/admin/o/%s/items?done=deleted", o.slug);
		resp_redirect(r, buf_str(&b));
		buf_free(&b);
		rc = 0;
	}
	organ_clear(&o);
	return rc;
}

/*---- Attachments ----*/

int admin_item_upload_post(struct req *r, struct err *e)
{
	struct organ o;
	struct item it;
	if (route_item(r, &o, &it, e)) {
		return -1;
	}
	int rc = -1;
	const struct upload *u = req_upload(r, "file");
	const char *ctype = NULL;
	struct actor who = auth_actor(r);
	int64_t aid;
	if (!item_may_edit(it.status, r->user.role)) {
		err_set(e, ERR_CONFLICT, "状态为“%s”的信息不能修改附件。",
			item_status_label(it.status));
	} else if (!u) {
		err_set(e, ERR_INPUT, "请选择要上传的附件。");
	} else if (item_attachment_check(u->filename, u->data.p, u->data.n,
					 r->app->conf.max_attachment, &ctype,
					 e) == 0 &&
		   attachment_add(r->st, &who, it.id, u->filename, ctype,
				  u->data.p, u->data.n, &aid, e) == 0) {
		redirect_item(r, &o, it.id, "uploaded");
		rc = 0;
	}
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

int admin_item_unattach_post(struct req *r, struct err *e)
{
	struct organ o;
	struct item it;
	if (route_item(r, &o, &it, e)) {
		return -1;
	}
	int rc = -1;
	struct actor who = auth_actor(r);
	int64_t aid = parse_id(r->cap[2], "附件", e);
	if (!item_may_edit(it.status, r->user.role)) {
		err_set(e, ERR_CONFLICT, "状态为“%s”的信息不能修改附件。",
			item_status_label(it.status));
	} else if (aid > 0 &&
		   attachment_delete(r->st, &who, it.id, aid, e) == 0) {
		redirect_item(r, &o, it.id, "unattached");
		rc = 0;
	}
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

int admin_attachment_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int64_t aid = parse_id(r->cap[1], "附件", e);
	struct attachment a = {0};
	struct item it = {0};
	int rc = -1;
	Buf data = BUF_INIT;
	int found = aid > 0 ? attachment_get(r->st, aid, &a, &data, e) : -1;
	if (found == 1) {
		found = item_get(r->st, o.id, a.item_id, &it, e);
	}
	if (found == 0) {
		err_set(e, ERR_NOTFOUND, "没有这个附件。");
	}
	if (found == 1) {
		static_attachment(r, &a, &data, 0);
		rc = 0;
	}
	buf_free(&data);
	attachment_clear(&a);
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

/*---- The queue ----*/

int admin_queue_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	/* What waits for this role: a clerk finishes drafts and publishes
	 * approved items, a reviewer does 保密审查, a leader approves. */
	static const struct {
		enum item_status status;
		const char *heading;
		unsigned roles; /* bit per enum role */
	} queues[] = {
		{ST_PENDING_REVIEW, "待保密审查",
		 1u << ROLE_REVIEWER | 1u << ROLE_LEADER | 1u << ROLE_ADMIN},
		{ST_REVIEWED, "待领导审批", 1u << ROLE_LEADER | 1u << ROLE_ADMIN},
		{ST_APPROVED, "已审批,待公开", 1u << ROLE_CLERK |
						      1u << ROLE_LEADER |
						      1u << ROLE_ADMIN},
		{ST_DRAFT, "草稿(含退回修改)", 1u << ROLE_CLERK |
						      1u << ROLE_REVIEWER},
	};
	tvars *v = tvars_new();
	int rc = -1;
	int64_t waiting = 0;
	tv_set(v, "organ_name", o.name);
	tv_set(v, "role", role_label(r->user.role));
	layout_set_url(v, "new_href", "/admin/o/%s/items/new", o.slug);
	tv_set_list_empty(v, "queues");
	for (size_t q = 0; q < sizeof queues / sizeof queues[0]; q++) {
		if (!(queues[q].roles & (1u << r->user.role))) {
			continue;
		}
		struct item_filter f = item_filter_all(o.id);
		f.status = queues[q].status;
		f.order = ORDER_UPDATED;
		f.limit = 100;
		struct item *items = NULL;
		size_t n = 0;
		int64_t total = 0;
		if (item_list(r->st, &f, &items, &n, &total, e)) {
			goto done;
		}
		tvars *qv = tv_add_row(v, "queues");
		tv_set(qv, "heading", queues[q].heading);
		tv_setf(qv, "qid", "q-%s", item_status_code(queues[q].status));
		tv_set_int(qv, "total", total);
		tv_set_list_empty(qv, "items");
		for (size_t i = 0; i < n; i++) {
			item_row(tv_add_row(qv, "items"), &o, &items[i]);
		}
		waiting += queues[q].status == ST_DRAFT ? 0 : total;
		item_list_free(items, n);
	}
	tv_set_int(v, "waiting", waiting);
	rc = layout_page(r, "admin_queue", "待办", v, e);
done:
	tvars_free(v);
	organ_clear(&o);
	return rc;
}
