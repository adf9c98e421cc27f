/*
 * admin_case.c - the back office of review and litigation cases (行政复议 /
 * 行政诉讼) brought against an organ: the register with pending cases
 * first and its filters, registering and editing a case (the same check as
 * the CSV import: domain/lawcase.h), the case page with its link to the
 * application it is about, closing it with a result, its documents
 * (decisions, judgments) and deleting a case entered by mistake. The list
 * of an application's cases on the application page is lawcase_list with
 * an application filter (admin_application.c).
 */
#include "base/date.h"
#include "base/str.h"
#include "store/lawcase.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/static.h"

#include <stdio.h>
#include <string.h>

#define PER_PAGE 30

static const char *const done_notes[][2] = {
	{"created", "案件已登记。"},
	{"saved", "修改已保存。"},
	{"closed", "已登记审结。"},
	{"uploaded", "文书已上传。"},
	{"deleted", "案件已删除。"},
};

static void notice(struct req *r, tvars *v)
{
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
}

/* Back to the case page with a done=NOTE notice. */
static void redirect_case(struct req *r, const struct organ *o, int64_t id,
			  const char *done)
{
	layout_redirect(r, "/admin/o/%s/cases/%lld?done=%s", o->slug,
			(long long)id, done);
}

/* Deleting a case is for the organ's leader and for admins. */
static int may_delete(const struct req *r)
{
	return r->user.role == ROLE_LEADER || r->user.role == ROLE_ADMIN;
}

/*---- The register ----*/

/* The result filter: a result code, or "closed" for every result but
 * pending. */
static void result_filter(const char *s, struct lawcase_filter *f)
{
	for (int i = 0; s && i < LR_COUNT; i++) {
		if (str_eq(s, lawcase_results[i].code)) {
			f->result = i;
		}
	}
	f->closed = str_eq(s, "closed");
}

int admin_cases_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct lawcase *cases = NULL;
	size_t n = 0;
	int *years = NULL;
	size_t ny = 0;
	int64_t total = 0, open = 0, page = 1;
	int rc = -1;
	tvars *v = tvars_new();
	struct lawcase_filter f;
	lawcase_filter_init(&f);
	f.organ_id = o.id;
	const char *kind = req_param_s(r, "kind");
	const char *result = req_param_s(r, "result");
	const char *year = req_param_s(r, "year");
	for (int i = 0; i < LK_COUNT; i++) {
		if (str_eq(kind, lawcase_kinds[i].code)) {
			f.kind = i;
		}
	}
	result_filter(result, &f);
	if (!str_empty(year)) {
		int64_t y;
		if (str_to_i64(year, 1900, 9999, &y)) {
			rc = err_set(e, ERR_INPUT, "立案年份无效");
			goto done;
		}
		f.year = (int)y;
	}
	if (req_param(r, "page")) {
		str_to_i64(req_param(r, "page"), 1, 1000000, &page);
	}
	f.limit = PER_PAGE;
	f.offset = (page - 1) * PER_PAGE;
	if (lawcase_list(r->st, &f, &cases, &n, &total, e) ||
	    lawcase_open_count(r->st, o.id, &open, e) ||
	    lawcase_years(r->st, o.id, &years, &ny, e)) {
		goto done;
	}
	notice(r, v);
	tv_set(v, "organ_name", o.name);
	tv_set_int(v, "n_open", open);
	layout_set_url(v, "open_href", "/admin/o/%s/cases?result=pending",
		       o.slug);
	layout_set_url(v, "new_href", "/admin/o/%s/cases/new", o.slug);
	layout_set_url(v, "action", "/admin/o/%s/cases", o.slug);
	layout_vocab_options(v, "kinds", lawcase_kinds, LK_COUNT, kind,
			     "全部");
	tv_set_list_empty(v, "results");
	layout_option(v, "results", "", "全部", str_empty(result));
	layout_option(v, "results", "pending", "尚未审结",
		      str_eq(result, "pending"));
	layout_option(v, "results", "closed", "已审结(全部结果)", f.closed);
	for (int i = 0; i < LR_PENDING; i++) {
		layout_option(v, "results", lawcase_results[i].code,
			      lawcase_results[i].label, f.result == i);
	}
	tv_set_list_empty(v, "years");
	layout_option(v, "years", "", "全部", f.year == 0);
	for (size_t i = 0; i < ny; i++) {
		char y[8];
		snprintf(y, sizeof y, "%d", years[i]);
		layout_option(v, "years", y, y, f.year == years[i]);
	}
	tv_set_int(v, "total", total);
	tv_set_list_empty(v, "cases");
	for (size_t i = 0; i < n; i++) {
		const struct lawcase *c = &cases[i];
		tvars *row = tv_add_row(v, "cases");
		layout_set_url(row, "href", "/admin/o/%s/cases/%lld", o.slug,
			       (long long)c->id);
		tv_set(row, "case_no", str_empty(c->case_no) ? "(无案号)"
							   : c->case_no);
		tv_set(row, "kind", lawcase_kinds[c->kind].label);
		tv_set(row, "authority", c->authority);
		tv_set(row, "party", c->party);
		layout_set_day(row, "filed", c->filed);
		tv_set(row, "result", lawcase_results[c->result].label);
		tv_set_bool(row, "pending", c->result == LR_PENDING);
		tv_set(row, "row_class",
		       c->result == LR_PENDING ? "open-case" : "");
		layout_set_day(row, "closed", c->closed);
		tv_set(row, "app_code", c->app_code);
		if (c->application_id) {
			layout_set_url(row, "app_href",
				       "/admin/o/%s/applications/%lld", o.slug,
				       (long long)c->application_id);
		}
	}
	Buf href = BUF_INIT;
	url_printf(&href, "/admin/o/%s/cases?kind=%s&result=%s&year=%s&page=",
		   o.slug, kind, result, year);
	layout_pager(v, total, PER_PAGE, page, buf_str(&href));
	buf_free(&href);
	rc = layout_page(r, "admin_cases", "行政复议和行政诉讼", v, e);
done:
	tvars_free(v);
	lawcase_list_free(cases, n);
	free(years);
	organ_clear(&o);
	return rc;
}

/*---- The form ----*/

/* The form's fields as posted (strings point into r). */
static void input_from_req(struct req *r, struct lawcase_input *in)
{
	in->kind = req_param_s(r, "kind");
	in->result = req_param_s(r, "result");
	in->filed_date = req_param_s(r, "filed_date");
	in->closed_date = req_param_s(r, "closed_date");
	in->case_no = req_param_s(r, "case_no");
	in->authority = req_param_s(r, "authority");
	in->party = req_param_s(r, "party");
	in->subject = req_param_s(r, "subject");
	in->note = req_param_s(r, "note");
	in->application = req_param_s(r, "application");
}

/* A stored case as form fields (dates in filed/closed, 11 bytes each). */
static void input_from_case(const struct lawcase *c, struct lawcase_input *in,
			    char filed[11], char closed[11])
{
	date_format(c->filed, filed);
	closed[0] = 0;
	if (c->closed) {
		date_format(c->closed, closed);
	}
	in->kind = lawcase_kinds[c->kind].code;
	in->result = lawcase_results[c->result].code;
	in->filed_date = filed;
	in->closed_date = closed;
	in->case_no = c->case_no;
	in->authority = c->authority;
	in->party = c->party;
	in->subject = c->subject;
	in->note = c->note;
	in->application = c->app_code;
}

/* The form's fields (names of the inputs and of lawcase_check's
 * columns). */
static const char *const form_fields[] = {
	"kind",	       "case_no",     "authority", "party", "subject",
	"filed_date", "application", "result",    "closed_date", "note"};

/* Renders the new (c NULL) or edit form with the values of in and an
 * error message naming the field `bad` (both NULL: none). */
static int case_form(struct req *r, const struct organ *o,
		     const struct lawcase *c, const struct lawcase_input *in,
		     const char *error, const char *bad, struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	tv_set(v, "error", error);
	for (size_t i = 0; i < sizeof form_fields / sizeof form_fields[0];
	     i++) {
		char name[32];
		snprintf(name, sizeof name, "bad_%s", form_fields[i]);
		tv_set(v, name, str_eq(bad, form_fields[i]) ? "true" : "false");
		if (error && str_eq(bad, form_fields[i])) {
			tv_setf(v, "error_href", "#f-%s", form_fields[i]);
		}
	}
	layout_set_url(v, "list_href", "/admin/o/%s/cases", o->slug);
	if (c) {
		layout_set_url(v, "action", "/admin/o/%s/cases/%lld/edit",
			       o->slug, (long long)c->id);
		layout_set_url(v, "cancel_href", "/admin/o/%s/cases/%lld",
			       o->slug, (long long)c->id);
	} else {
		layout_set_url(v, "action", "/admin/o/%s/cases/new", o->slug);
		layout_set_url(v, "cancel_href", "/admin/o/%s/cases", o->slug);
	}
	const char *heading = c ? "修改案件" : "登记行政复议或行政诉讼案件";
	tv_set(v, "heading", heading);
	layout_vocab_options(v, "kinds", lawcase_kinds, LK_COUNT, in->kind,
			     NULL);
	layout_vocab_options(v, "results", lawcase_results, LR_COUNT,
			     in->result, NULL);
	tv_set(v, "filed_date", in->filed_date);
	tv_set(v, "closed_date", in->closed_date);
	tv_set(v, "case_no", in->case_no);
	tv_set(v, "authority", in->authority);
	tv_set(v, "party", in->party);
	tv_set(v, "subject", in->subject);
	tv_set(v, "note", in->note);
	tv_set(v, "application", in->application);
	layout_set_day(v, "today", date_today());
	int rc = layout_page(r, "admin_case_form", heading, v, e);
	tvars_free(v);
	return rc;
}

int admin_case_new_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct lawcase_input in = {0};
	in.kind = "review";
	in.result = "pending";
	in.application = req_param_s(r, "application");
	int rc = case_form(r, &o, NULL, &in, NULL, NULL, e);
	organ_clear(&o);
	return rc;
}

/* Shows the form again with what was typed and why it was refused (the
 * field at fault marked), with e's status; internal errors go to the
 * error page. */
static int refuse(struct req *r, const struct organ *o,
		  const struct lawcase *c, const char *field, struct err *e)
{
	if (e->code == ERR_INTERNAL) {
		return -1;
	}
	struct lawcase_input in;
	input_from_req(r, &in);
	struct err why = *e;
	r->status = err_status(&why);
	return case_form(r, o, c, &in, why.msg, field, e);
}

/* Checks the posted form into c and stores it (create when new): 0, or
 * -1 with e and *field the field at fault (NULL: none in particular). */
static int save(struct req *r, struct lawcase *c, int is_new,
		const char **field, struct err *e)
{
	struct lawcase_input in;
	input_from_req(r, &in);
	struct actor who = auth_actor(r);
	if (lawcase_check(&in, date_today(), c, field, e)) {
		return -1;
	}
	/* the one input error storing finds: the application link */
	*field = "application";
	int rc = is_new ? lawcase_create(r->st, &who, c, e)
			: lawcase_update(r->st, &who, c, e);
	if (rc && e->code != ERR_INPUT) {
		*field = NULL;
	}
	return rc;
}

int admin_case_new_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct lawcase c = {0};
	const char *field = NULL;
	int rc;
	c.organ_id = o.id;
	if (save(r, &c, 1, &field, e)) {
		rc = refuse(r, &o, NULL, field, e);
	} else {
		redirect_case(r, &o, c.id, "created");
		rc = 0;
	}
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

/*---- One case ----*/

/* The organ of the route and its case of capture 1. */
static int route_case(struct req *r, struct organ *o, struct lawcase *c,
		      struct err *e)
{
	memset(c, 0, sizeof *c);
	if (route_organ(r, o, e)) {
		return -1;
	}
	int64_t id;
	int rc = str_to_i64(r->cap[1], 1, INT64_MAX, &id)
			 ? 0
			 : lawcase_get(r->st, o->id, id, c, e);
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这件案件。");
	}
	if (rc <= 0) {
		organ_clear(o);
		return -1;
	}
	return 0;
}

int admin_case_page(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	struct attachment *files = NULL;
	size_t nf = 0;
	int rc = -1;
	tvars *v = tvars_new();
	if (lawcase_file_list(r->st, c.id, &files, &nf, e)) {
		goto done;
	}
	layout_csrf(r, v);
	notice(r, v);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "list_href", "/admin/o/%s/cases", o.slug);
	layout_set_url(v, "edit_href", "/admin/o/%s/cases/%lld/edit", o.slug,
		       (long long)c.id);
	layout_set_url(v, "upload_href", "/admin/o/%s/cases/%lld/files",
		       o.slug, (long long)c.id);
	tv_set(v, "case_no", c.case_no);
	tv_set(v, "kind", lawcase_kinds[c.kind].label);
	tv_set(v, "authority", c.authority);
	tv_set(v, "party", c.party);
	tv_set(v, "subject", c.subject);
	layout_set_day(v, "filed", c.filed);
	tv_set(v, "result", lawcase_results[c.result].label);
	tv_set_bool(v, "pending", c.result == LR_PENDING);
	layout_set_day(v, "closed", c.closed);
	tv_set(v, "note", c.note);
	tv_set(v, "app_code", c.app_code);
	if (c.application_id) {
		layout_set_url(v, "app_href", "/admin/o/%s/applications/%lld",
			       o.slug, (long long)c.application_id);
	}
	if (c.result == LR_PENDING) {
		layout_set_url(v, "close_href", "/admin/o/%s/cases/%lld/close",
			       o.slug, (long long)c.id);
		tv_set_list_empty(v, "results");
		for (int i = 0; i < LR_PENDING; i++) {
			layout_option(v, "results", lawcase_results[i].code,
				      lawcase_results[i].label, 0);
		}
		layout_set_day(v, "today", date_today());
	}
	if (may_delete(r)) {
		layout_set_url(v, "delete_href",
			       "/admin/o/%s/cases/%lld/delete", o.slug,
			       (long long)c.id);
	}
	tv_set_list_empty(v, "files");
	for (size_t i = 0; i < nf; i++) {
		tvars *row = tv_add_row(v, "files");
		tv_set(row, "name", files[i].name);
		tv_set_int(row, "kb", (files[i].size + 1023) / 1024);
		layout_set_url(row, "href", "/admin/o/%s/cases/%lld/files/%lld",
			       o.slug, (long long)c.id, (long long)files[i].id);
	}
	char title[160];
	snprintf(title, sizeof title, "%s %s", lawcase_kinds[c.kind].label,
		 str_empty(c.case_no) ? "(无案号)" : c.case_no);
	tv_set(v, "title", title);
	rc = layout_page(r, "admin_case", title, v, e);
done:
	tvars_free(v);
	attachment_list_free(files, nf);
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

int admin_case_edit_page(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	struct lawcase_input in;
	char filed[11], closed[11];
	input_from_case(&c, &in, filed, closed);
	int rc = case_form(r, &o, &c, &in, NULL, NULL, e);
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

int admin_case_edit_post(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	const char *field = NULL;
	int rc;
	if (save(r, &c, 0, &field, e)) {
		rc = refuse(r, &o, &c, field, e);
	} else {
		redirect_case(r, &o, c.id, "saved");
		rc = 0;
	}
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

/* Records the result of a pending case: the case as it is with the
 * posted result and closing date, under the same check as the form. */
int admin_case_close_post(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	int rc = -1;
	struct lawcase_input in;
	char filed[11], closed[11];
	input_from_case(&c, &in, filed, closed);
	in.result = req_param_s(r, "result");
	in.closed_date = req_param_s(r, "closed_date");
	/* the check frees the old texts it replaces: work on copies */
	struct lawcase next = c;
	next.case_no = next.authority = next.party = next.subject = NULL;
	next.note = next.app_code = NULL;
	next.created_at = next.updated_at = NULL;
	struct actor who = auth_actor(r);
	if (c.result != LR_PENDING) {
		err_set(e, ERR_CONFLICT, "该案件已审结;如需更正请修改案件。");
	} else if (str_eq(in.result, "pending")) {
		err_set(e, ERR_INPUT, "审理结果:请选择维持、纠正或其他结果");
	} else if (lawcase_check(&in, date_today(), &next, NULL, e) == 0 &&
		   lawcase_update(r->st, &who, &next, e) == 0) {
		redirect_case(r, &o, c.id, "closed");
		rc = 0;
	}
	lawcase_clear(&next);
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

int admin_case_delete_post(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	struct actor who = auth_actor(r);
	int rc = -1;
	if (!may_delete(r)) {
		err_set(e, ERR_DENIED,
			"只有分管领导或系统管理员可以删除案件。");
	} else if (lawcase_delete(r->st, &who, o.id, c.id, e) == 0) {
		layout_redirect(r, "/admin/o/%s/cases?done=deleted", o.slug);
		rc = 0;
	}
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

/*---- Documents ----*/

int admin_case_upload_post(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	int rc = static_upload(r, lawcase_file_add, c.id, e);
	if (rc == 0) {
		redirect_case(r, &o, c.id, "uploaded");
	}
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}

int admin_case_file_page(struct req *r, struct err *e)
{
	struct organ o;
	struct lawcase c;
	if (route_case(r, &o, &c, e)) {
		return -1;
	}
	int rc = static_send(r, lawcase_file_get, c.id, r->cap[2], e);
	lawcase_clear(&c);
	organ_clear(&o);
	return rc;
}
