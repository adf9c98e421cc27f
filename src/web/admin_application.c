/*
 * admin_application.c - the back office of disclosure on application: the
 * register with its dashboard (due soon, overdue, awaiting supplement, in
 * consultation), registering applications received in person, by letter,
 * fax or e-mail, the application page (personal data, deadline derivation,
 * the events the rules allow now, timeline, scanned files) and the
 * letters to the applicant (HTML/print). The rules come from
 * domain/application.h; this file offers them and shows the result.
 */
#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "domain/item.h"
#include "domain/letter.h"
#include "render/docx.h"
#include "store/application.h"
#include "store/lawcase.h"
#include "store/organ.h"
#include "web/apply.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/static.h"

#include <stdio.h>
#include <string.h>

#define PER_PAGE 30

/* A date parameter: 0 when empty, else a real date (or -1 with e). */
static int param_day(struct req *r, const char *name, const char *what,
		     int64_t *out, struct err *e)
{
	const char *s = req_param(r, name);
	*out = 0;
	if (str_empty(s)) {
		return 0;
	}
	if (date_parse(s, out)) {
		return err_set(e, ERR_INPUT, "%s:日期格式应为 YYYY-MM-DD", what);
	}
	return 0;
}

static const char *const done_notes[][2] = {
	{"created", "申请已登记。"},
	{"acted", "已办理并记录。"},
	{"uploaded", "文件已上传。"},
	{"calendar", "工作日历已更新，办理中申请的答复期限已重新计算。"},
};

/* The calendar warning: a year the deadlines need is not loaded. */
static void calendar_warning(tvars *v, const struct apply_ctx *ctx)
{
	tv_set_int(v, "calendar_missing",
		   cal_year_needed(&ctx->cal, ctx->env.today));
}

/* Back to the application page with a done=NOTE notice. */
static void redirect_app(struct req *r, const struct organ *o, int64_t id,
			 const char *done)
{
	Buf b = BUF_INIT;
	url_printf(&b, "/admin/o/%s/applications/%lld?done=%s", o->slug,
		   (long long)id, done);
	resp_redirect(r, buf_str(&b));
	buf_free(&b);
}

/*---- The register and dashboard ----*/

static int find(const struct vocab *v, size_t n, const char *s)
{
	for (size_t i = 0; s && i < n; i++) {
		if (!strcmp(v[i].code, s)) {
			return (int)i;
		}
	}
	return -1;
}

int admin_apps_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct apply_ctx ctx;
	struct application *apps = NULL;
	size_t n = 0;
	int64_t total = 0;
	int rc = -1;
	tvars *v = tvars_new();
	if (apply_ctx_load(r, &ctx, e)) {
		goto done;
	}
	struct app_filter f;
	app_filter_init(&f);
	f.organ_id = o.id;
	f.status = find(app_statuses, AS_COUNT, req_param(r, "status"));
	f.channel = find(app_channels, CHAN_COUNT, req_param(r, "channel"));
	f.kind = find(app_kinds, AK_COUNT, req_param(r, "kind"));
	f.family = find(outcome_families, OF_COUNT, req_param(r, "outcome"));
	const char *year = req_param(r, "year");
	if (!str_empty(year)) {
		int64_t yy;
		if (str_to_i64(year, 2000, 9999, &yy)) {
			rc = err_set(e, ERR_INPUT, "年份无效");
			goto done;
		}
		f.year = (int)yy;
	}
	f.q = req_param(r, "q");
	/* the dashboard's views: due in the next 5 working days, overdue */
	int64_t soon = 0;
	cal_add(&ctx.cal, ctx.env.today, 5, &soon, NULL, NULL);
	const char *due = req_param(r, "due");
	if (str_eq(due, "soon") && soon) {
		f.due_by = soon;
	} else if (str_eq(due, "overdue")) {
		f.due_by = ctx.env.today;
		f.overdue = 1;
	}
	int64_t page = 1;
	if (req_param(r, "page")) {
		str_to_i64(req_param(r, "page"), 1, 1000000, &page);
	}
	f.limit = PER_PAGE;
	f.offset = (page - 1) * PER_PAGE;
	struct app_counts c;
	if (application_counts(r->st, o.id, ctx.env.today,
			       soon ? soon : ctx.env.today, &c, e) ||
	    application_list(r->st, &f, &apps, &n, &total, e)) {
		goto done;
	}
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	calendar_warning(v, &ctx);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "action", "/admin/o/%s/applications", o.slug);
	layout_set_url(v, "new_href", "/admin/o/%s/applications/new", o.slug);
	layout_set_url(v, "soon_href", "/admin/o/%s/applications?due=soon",
		       o.slug);
	layout_set_url(v, "overdue_href",
		       "/admin/o/%s/applications?due=overdue", o.slug);
	layout_set_url(v, "supp_href",
		       "/admin/o/%s/applications?status=supplement", o.slug);
	layout_set_url(v, "consult_href",
		       "/admin/o/%s/applications?status=consulting", o.slug);
	layout_set_url(v, "receipt_href",
		       "/admin/o/%s/applications?status=awaiting_receipt",
		       o.slug);
	tv_set_int(v, "n_soon", c.due_soon);
	tv_set_int(v, "n_overdue", c.overdue);
	tv_set_int(v, "n_supp", c.supplement);
	tv_set_int(v, "n_consult", c.consulting);
	tv_set_int(v, "n_receipt", c.awaiting_receipt);
	tv_set_int(v, "n_open", c.open + c.fee);
	tv_set_int(v, "n_closed", c.closed_this_year);
	layout_vocab_options(v, "statuses", app_statuses, AS_COUNT,
			     req_param(r, "status"), "全部");
	layout_vocab_options(v, "channels", app_channels, CHAN_COUNT,
			     req_param(r, "channel"), "全部");
	layout_vocab_options(v, "kinds", app_kinds, AK_COUNT,
			     req_param(r, "kind"), "全部");
	layout_vocab_options(v, "outcomes", outcome_families, OF_COUNT,
			     req_param(r, "outcome"), "全部");
	tv_set(v, "year", year ? year : "");
	tv_set(v, "q", f.q ? f.q : "");
	tv_set_int(v, "total", total);
	tv_set_list_empty(v, "apps");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "apps");
		tv_set(row, "code", apps[i].tracking_code);
		layout_set_url(row, "href", "/admin/o/%s/applications/%lld",
			       o.slug, (long long)apps[i].id);
		tv_set(row, "name", apps[i].name);
		tv_set(row, "kind", app_kinds[apps[i].kind].label);
		tv_set(row, "channel", app_channels[apps[i].channel].label);
		layout_set_day(row, "received", apps[i].received);
		tv_set(row, "status", app_statuses[apps[i].status].label);
		tv_set(row, "status_code", app_statuses[apps[i].status].code);
		layout_set_day(row, "due", apps[i].due);
		tv_set_bool(row, "overdue", apps[i].status != AS_CLOSED &&
						    apps[i].due &&
						    apps[i].due < ctx.env.today);
		tv_set(row, "outcome",
		       apps[i].outcome >= 0
			       ? app_outcomes[apps[i].outcome].label
			       : "");
	}
	int64_t pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", pages);
	if (page > 1) {
		layout_set_url(v, "prev_href",
			       "/admin/o/%s/applications?page=%lld", o.slug,
			       (long long)(page - 1));
	}
	if (page < pages) {
		layout_set_url(v, "next_href",
			       "/admin/o/%s/applications?page=%lld", o.slug,
			       (long long)(page + 1));
	}
	rc = layout_page(r, "admin_apps", "依申请公开登记", v, e);
done:
	tvars_free(v);
	application_list_free(apps, n);
	apply_ctx_free(&ctx);
	organ_clear(&o);
	return rc;
}

/*---- Registering ----*/

/* The applicant fields of the form (shared with the public form's
 * names). Strings point into r. */
static int read_applicant(struct req *r, struct application *a,
			  struct err *e)
{
	int k = vocab_parse(app_kinds, AK_COUNT, "申请人类型",
			    req_param_s(r, "applicant_kind"), e);
	int d = vocab_parse(app_deliveries, DLV_COUNT, "获取信息的方式",
			    req_param_s(r, "delivery"), e);
	if (k < 0 || d < 0) {
		return -1;
	}
	a->kind = k;
	a->delivery = d;
	static const char *const names[] = {
		"applicant_name", "id_type", "id_number", "legal_rep",
		"contact_person", "phone",   "email",     "address",
		"postcode",	  "request", "doc_no",    "purpose"};
	char **dst[] = {&a->name,     &a->id_type,	  &a->id_number,
			&a->legal_rep, &a->contact_person, &a->phone,
			&a->email,     &a->address,	  &a->postcode,
			&a->request,   &a->doc_no,	  &a->purpose};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		free(*dst[i]);
		char *s = xstrdup(req_param_s(r, names[i]));
		*dst[i] = s;
		if (i != 9) { /* keep the request's line breaks */
			str_trim(s);
		}
	}
	return 0;
}

static void form_vars(tvars *v, struct req *r, const struct organ *o)
{
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "action", "/admin/o/%s/applications/new", o->slug);
	layout_set_url(v, "cancel_href", "/admin/o/%s/applications", o->slug);
	static const struct vocab staff_channels[] = {
		{"in_person", "当面提交"}, {"letter", "信函（邮寄）"},
		{"fax", "传真"},	    {"email", "电子邮件"}};
	layout_vocab_options(v, "channels", staff_channels, 4,
			     req_param(r, "channel"), NULL);
	layout_vocab_options(v, "kinds", app_kinds, AK_COUNT,
			     req_param(r, "applicant_kind"), NULL);
	layout_vocab_options(v, "id_types", app_id_types, app_nid_types,
			     req_param(r, "id_type"), "（未提供）");
	layout_vocab_options(v, "deliveries", app_deliveries, DLV_COUNT,
			     req_param(r, "delivery"), NULL);
	static const char *const keep[] = {
		"applicant_name", "id_number", "legal_rep", "contact_person",
		"phone",	  "email",     "address",   "postcode",
		"request",	  "doc_no",    "purpose",   "submitted",
		"received"};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		tv_set(v, keep[i], req_param_s(r, keep[i]));
	}
	char today[11];
	date_format(date_today(), today);
	tv_set(v, "today", today);
}

int admin_app_new_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	form_vars(v, r, &o);
	int rc = layout_page(r, "admin_app_form", "登记政府信息公开申请", v, e);
	tvars_free(v);
	organ_clear(&o);
	return rc;
}

int admin_app_new_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct apply_ctx ctx;
	struct application a;
	app_init(&a);
	int rc = -1;
	int64_t submitted = 0, received = 0;
	if (apply_ctx_load(r, &ctx, e)) {
		goto done;
	}
	a.organ_id = o.id;
	a.organ_name = xstrdup(o.name);
	a.organ_slug = xstrdup(o.slug);
	int ch = vocab_parse(app_channels, CHAN_COUNT, "申请方式",
			     req_param_s(r, "channel"), e);
	if (ch < 0 || ch == CHAN_ONLINE || read_applicant(r, &a, e) ||
	    param_day(r, "submitted", "收件日期", &submitted, e) ||
	    param_day(r, "received", "收到申请之日", &received, e)) {
		if (ch == CHAN_ONLINE) {
			err_set(e, ERR_INPUT, "网上申请由申请人在网站提交");
		}
		goto form;
	}
	a.channel = ch;
	if (!submitted) {
		err_set(e, ERR_INPUT, "收件日期:必须填写");
		goto form;
	}
	if (app_check(&a, e)) {
		goto form;
	}
	char s[11];
	date_format(submitted, s);
	a.submitted_at = xstrdup(s);
	a.submitted = submitted;
	a.received = ch == CHAN_IN_PERSON ? submitted : received;
	struct actor who = auth_actor(r);
	if (application_create(r->st, &who, &a, &ctx.env, e)) {
		if (e->code != ERR_INTERNAL) {
			goto form;
		}
		goto done;
	}
	redirect_app(r, &o, a.id, "created");
	rc = 0;
	goto done;
form:;
	/* the form again with what was typed and the problem */
	tvars *v = tvars_new();
	form_vars(v, r, &o);
	tv_set(v, "error", e->msg);
	r->status = err_status(e);
	rc = layout_page(r, "admin_app_form", "登记政府信息公开申请", v, e);
	tvars_free(v);
done:
	app_clear(&a);
	apply_ctx_free(&ctx);
	organ_clear(&o);
	return rc;
}

/*---- One application ----*/

static int route_app(struct req *r, struct organ *o, struct application *a,
		     struct err *e)
{
	app_init(a);
	if (route_organ(r, o, e)) {
		return -1;
	}
	int64_t id;
	int rc = str_to_i64(r->cap[1], 1, INT64_MAX, &id)
			 ? 0
			 : application_get(r->st, o->id, id, a, e);
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这件申请。");
	}
	if (rc <= 0) {
		organ_clear(o);
		return -1;
	}
	return 0;
}

static void outcome_options(tvars *v)
{
	tv_set_list_empty(v, "families");
	for (int f = 0; f < OF_COUNT; f++) {
		tvars *g = tv_add_row(v, "families");
		tv_set(g, "label", outcome_families[f].label);
		tv_set_list_empty(g, "outcomes");
		for (size_t i = 0; i < app_noutcomes; i++) {
			if ((int)app_outcomes[i].family == f) {
				tvars *o = tv_add_row(g, "outcomes");
				tv_set(o, "value", app_outcomes[i].code);
				tv_set(o, "label", app_outcomes[i].label);
			}
		}
	}
}

/* Which event forms the rules allow now (the rules still decide). */
static void action_flags(tvars *v, const struct application *a,
			 enum role role)
{
	int open = a->outcome < 0 && a->received;
	int waiting_supp = a->supp_requested && !a->supp_received;
	tv_set_bool(v, "can_receive", !a->received);
	tv_set_bool(v, "can_supp_request",
		    open && !a->supp_requested && !a->nconsults);
	tv_set_bool(v, "can_supp_receive", a->outcome < 0 && waiting_supp);
	tv_set_bool(v, "can_consult", open && !waiting_supp);
	tv_set_bool(v, "can_extend", open && !a->ext_days && !waiting_supp &&
					     role != ROLE_CLERK);
	tv_set_bool(v, "can_fee_notice", open && !a->fee_notice);
	tv_set_bool(v, "can_fee_paid", open && a->fee_notice && !a->fee_paid);
	tv_set_bool(v, "can_reply", open);
	tv_set_bool(v, "can_deliver", a->outcome >= 0 && !a->delivered);
	tv_set_list_empty(v, "open_consults");
	for (size_t i = 0; i < a->nconsults; i++) {
		const struct consultation *k = &a->consults[i];
		tvars *row = tv_add_row(v, "consults");
		tv_set(row, "kind", consult_kinds[k->kind].label);
		tv_set(row, "party", k->party);
		layout_set_day(row, "started", k->started);
		layout_set_day(row, "ended", k->ended);
		if (!k->ended && a->outcome < 0) {
			tvars *o = tv_add_row(v, "open_consults");
			tv_set_int(o, "id", k->id);
			tv_set(o, "party", k->party);
		}
	}
}

static void letters(tvars *v, const struct application *a,
		    const struct organ *o)
{
	int64_t have[LETTER_COUNT] = {a->outcome >= 0 ? a->replied : 0,
				      a->supp_requested, a->ext_date,
				      a->fee_notice};
	tv_set_list_empty(v, "letters");
	for (int k = 0; k < LETTER_COUNT; k++) {
		if (!have[k]) {
			continue;
		}
		tvars *row = tv_add_row(v, "letters");
		tv_set(row, "label", letter_kinds[k].label);
		layout_set_url(row, "href",
			       "/admin/o/%s/applications/%lld/letter?kind=%s",
			       o->slug, (long long)a->id, letter_kinds[k].code);
	}
}

/* The review and litigation cases about the application. */
static void case_rows(tvars *v, const struct organ *o,
		      const struct lawcase *cases, size_t n)
{
	tv_set_list_empty(v, "cases");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "cases");
		layout_set_url(row, "href", "/admin/o/%s/cases/%lld", o->slug,
			       (long long)cases[i].id);
		tv_set(row, "kind", lawcase_kinds[cases[i].kind].label);
		tv_set(row, "case_no", cases[i].case_no);
		layout_set_day(row, "filed", cases[i].filed);
		tv_set(row, "result", lawcase_results[cases[i].result].label);
		tv_set_bool(row, "pending", cases[i].result == LR_PENDING);
	}
}

int admin_app_page(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	struct apply_ctx ctx;
	struct app_event_row *ev = NULL;
	size_t nev = 0;
	struct attachment *files = NULL;
	size_t nf = 0;
	struct lawcase *cases = NULL;
	size_t nc = 0;
	int64_t ncases = 0;
	int rc = -1;
	tvars *v = tvars_new();
	struct actor who = auth_actor(r);
	struct lawcase_filter cf;
	lawcase_filter_init(&cf);
	cf.organ_id = o.id;
	cf.application_id = a.id;
	cf.limit = 0;
	if (apply_ctx_load(r, &ctx, e) ||
	    application_events(r->st, a.id, &ev, &nev, e) ||
	    appfile_list(r->st, a.id, &files, &nf, e) ||
	    lawcase_list(r->st, &cf, &cases, &nc, &ncases, e) ||
	    application_viewed(r->st, &who, a.id, e)) {
		goto done;
	}
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	calendar_warning(v, &ctx);
	apply_public_vars(v, &a, &ctx);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "list_href", "/admin/o/%s/applications", o.slug);
	layout_set_url(v, "act_href", "/admin/o/%s/applications/%lld/act",
		       o.slug, (long long)a.id);
	layout_set_url(v, "upload_href",
		       "/admin/o/%s/applications/%lld/files", o.slug,
		       (long long)a.id);
	tv_set(v, "name", a.name);
	const char *idt = "";
	for (size_t i = 0; i < app_nid_types; i++) {
		if (str_eq(a.id_type, app_id_types[i].code)) {
			idt = app_id_types[i].label;
		}
	}
	tv_set(v, "id_type", idt);
	tv_set(v, "id_number", a.id_number);
	tv_set(v, "legal_rep", a.legal_rep);
	tv_set(v, "contact_person", a.contact_person);
	tv_set(v, "phone", a.phone);
	tv_set(v, "email", a.email);
	tv_set(v, "address", a.address);
	tv_set(v, "postcode", a.postcode);
	tv_set(v, "request", a.request);
	tv_set(v, "doc_no", a.doc_no);
	tv_set(v, "purpose", a.purpose);
	tv_set(v, "delivery", app_deliveries[a.delivery].label);
	tv_set(v, "reply_text", a.reply_text);
	layout_set_day(v, "delivered", a.delivered);
	tv_set(v, "delivered_how", a.delivered_how);
	if (a.fee_notice) {
		tv_setf(v, "fee", "%s，%d %s，%lld 元",
			fee_methods[a.fee_method].label, a.fee_units,
			a.fee_method == FEE_BY_ITEM ? "件" : "页",
			(long long)a.fee_amount);
	}
	char today[11];
	date_format(ctx.env.today, today);
	tv_set(v, "today", today);
	action_flags(v, &a, r->user.role);
	outcome_options(v);
	layout_vocab_options(v, "consult_kinds", consult_kinds, CONSULT_COUNT,
			     NULL, NULL);
	letters(v, &a, &o);
	tv_set_list_empty(v, "events");
	for (size_t i = 0; i < nev; i++) {
		tvars *row = tv_add_row(v, "events");
		tv_set(row, "at", ev[i].at);
		tv_set(row, "date", ev[i].date);
		tv_set(row, "actor", ev[i].actor);
		int k = find(app_events, EV_COUNT, ev[i].kind);
		tv_set(row, "kind",
		       k >= 0				   ? app_events[k].label
		       : str_eq(ev[i].kind, "submitted") ? "提交申请"
		       : str_eq(ev[i].kind, "edit")	   ? "修改"
							   : ev[i].kind);
		tv_set(row, "note", ev[i].note);
	}
	tv_set_list_empty(v, "files");
	for (size_t i = 0; i < nf; i++) {
		tvars *row = tv_add_row(v, "files");
		tv_set(row, "name", files[i].name);
		tv_set_int(row, "kb", (files[i].size + 1023) / 1024);
		layout_set_url(row, "href",
			       "/admin/o/%s/applications/%lld/files/%lld",
			       o.slug, (long long)a.id,
			       (long long)files[i].id);
	}
	case_rows(v, &o, cases, nc);
	layout_set_url(v, "new_case_href",
		       "/admin/o/%s/cases/new?application=%s", o.slug,
		       a.tracking_code);
	char title[80];
	snprintf(title, sizeof title, "申请 %s", a.tracking_code);
	rc = layout_page(r, "admin_app", title, v, e);
done:
	tvars_free(v);
	application_events_free(ev, nev);
	attachment_list_free(files, nf);
	lawcase_list_free(cases, nc);
	apply_ctx_free(&ctx);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

/* Reads the fields of an event form into c (strings point into r). */
static int read_change(struct req *r, struct app_change *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	c->outcome = -1;
	int ev = vocab_parse(app_events, EV_COUNT, "办理事项",
			     req_param_s(r, "action"), e);
	if (ev < 0) {
		return -1;
	}
	c->ev = ev;
	if (param_day(r, "date", "日期", &c->date, e) ||
	    param_day(r, "until", "期限", &c->until, e)) {
		return -1;
	}
	if (!c->date) {
		c->date = date_today();
	}
	c->text = req_param_s(r, "text");
	int64_t n = 0;
	if (!str_empty(req_param(r, "days"))) {
		str_to_i64(req_param(r, "days"), 0, 1000, &n);
		c->days = (int)n;
	}
	if (!str_empty(req_param(r, "units"))) {
		if (str_to_i64(req_param(r, "units"), 1, 100000, &n)) {
			return err_set(e, ERR_INPUT, "件数或页数:须为 1 至 100000");
		}
		c->units = (int)n;
	}
	if (ev == EV_REPLY) {
		c->outcome = app_outcome_parse(req_param_s(r, "outcome"), e);
		if (c->outcome < 0) {
			return -1;
		}
	}
	if (ev == EV_CONSULT_START) {
		int k = vocab_parse(consult_kinds, CONSULT_COUNT, "征求意见对象",
				    req_param_s(r, "consult_kind"), e);
		if (k < 0) {
			return -1;
		}
		c->consult_kind = k;
	}
	if (ev == EV_CONSULT_END &&
	    str_to_i64(req_param_s(r, "consult"), 1, INT64_MAX,
		       &c->consult_id)) {
		return err_set(e, ERR_INPUT, "请选择要结束的征求意见");
	}
	if (ev == EV_FEE_NOTICE) {
		int m = vocab_parse(fee_methods, FEE_METHOD_COUNT, "计费方式",
				    req_param_s(r, "method"), e);
		if (m < 0) {
			return -1;
		}
		c->fee_method = m;
	}
	return 0;
}

int admin_app_act_post(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	struct apply_ctx ctx;
	struct app_change c;
	int rc = -1;
	if (apply_ctx_load(r, &ctx, e) || read_change(r, &c, e)) {
		goto done;
	}
	if (c.ev == EV_FEE_NOTICE && c.date) {
		/* the payment period: conf fee_payment_days working days */
		if (cal_add(&ctx.cal, c.date, (int)r->app->conf.fee_payment_days,
			    &c.until, NULL, e)) {
			goto done;
		}
	}
	struct actor who = auth_actor(r);
	if (application_act(r->st, &who, r->user.id, r->user.role, o.id, a.id,
			    &c, &ctx.env, e) == 0) {
		redirect_app(r, &o, a.id, "acted");
		rc = 0;
	}
done:
	apply_ctx_free(&ctx);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

int admin_app_upload_post(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	int rc = static_upload(r, appfile_add, a.id, e);
	if (rc == 0) {
		redirect_app(r, &o, a.id, "uploaded");
	}
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

int admin_app_file_page(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	int rc = static_send(r, appfile_get, a.id, r->cap[2], e);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

/* Builds the letter named by ?kind= (default: the reply) into l. */
static int load_letter(struct req *r, const struct application *a,
		       struct letter *l, struct err *e)
{
	memset(l, 0, sizeof *l);
	const char *kind = req_param(r, "kind");
	int k = vocab_parse(letter_kinds, LETTER_COUNT, "kind",
			    str_empty(kind) ? "reply" : kind, e);
	struct apply_ctx ctx;
	if (k < 0 || apply_ctx_load(r, &ctx, e)) {
		if (k >= 0) {
			apply_ctx_free(&ctx);
		}
		return -1;
	}
	struct deadline d;
	deadline_compute(a, &ctx.cal, ctx.env.today, ctx.env.fee_stops_clock,
			 &d);
	int rc = letter_build(a, k, d.due, l, e);
	deadline_free(&d);
	apply_ctx_free(&ctx);
	return rc;
}

int admin_app_letter_page(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	struct letter l;
	int rc = -1;
	tvars *v = tvars_new();
	if (load_letter(r, &a, &l, e) == 0) {
		tv_set(v, "title", l.title);
		tv_set(v, "number", l.number);
		tv_set(v, "addressee", l.addressee);
		tv_set_list_empty(v, "paras");
		for (size_t i = 0; i < l.nparas; i++) {
			tv_set(tv_add_row(v, "paras"), "text", l.paras[i]);
		}
		tv_set(v, "signature", l.signature);
		tv_set(v, "date", l.date);
		layout_set_url(v, "back_href", "/admin/o/%s/applications/%lld",
			       o.slug, (long long)a.id);
		layout_set_url(v, "docx_href",
			       "/admin/o/%s/applications/%lld/letter.docx?kind=%s",
			       o.slug, (long long)a.id,
			       str_empty(req_param(r, "kind"))
				       ? "reply"
				       : req_param(r, "kind"));
		rc = layout_sheet(r, "letter", l.title, v, e);
	}
	letter_free(&l);
	tvars_free(v);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

/* The same letter as a Word document laid out per GB/T 9704. */
int admin_app_letter_docx_page(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	if (route_app(r, &o, &a, e)) {
		return -1;
	}
	struct letter l;
	int rc = -1;
	Buf out = BUF_INIT;
	if (load_letter(r, &a, &l, e) == 0) {
		struct docx *d = docx_new(l.title);
		docx_para(d, DOCX_TITLE, l.title);
		docx_para(d, DOCX_SUBTITLE, l.number);
		docx_para(d, DOCX_ADDRESSEE, l.addressee);
		for (size_t i = 0; i < l.nparas; i++) {
			docx_para(d, DOCX_BODY, l.paras[i]);
		}
		docx_para(d, DOCX_SIGNATURE, l.signature);
		docx_para(d, DOCX_DATE, l.date);
		if (docx_write(d, &out, e) == 0) {
			char sha[65], name[160];
			crypto_sha256_hex(out.p, out.n, sha);
			snprintf(name, sizeof name, "%s-%s.docx", l.title,
				 a.tracking_code);
			struct attachment f = {
				0, a.id, (int64_t)out.n, name,
				"application/vnd.openxmlformats-officedocument."
				"wordprocessingml.document",
				sha, NULL};
			static_attachment(r, &f, &out, 0);
			rc = 0;
		}
		docx_free(d);
	}
	buf_free(&out);
	letter_free(&l);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}
