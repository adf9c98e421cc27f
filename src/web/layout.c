/*
 * layout.c - the template registry, page chrome and error pages (see
 * layout.h). To add a page: add its template file under templates/, a row
 * to `pages` below listing the names its handler sets, and the file to
 * TEMPLATES in the Makefile.
 */
#include "web/layout.h"

#include "base/date.h"
#include "base/fmt.h"
#include "base/log.h"
#include "base/res.h"
#include "base/str.h"
#include "domain/application.h"
#include "store/organ.h"
#include "web/auth.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define N(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct page_def {
	const char *name;
	const char *const *names;
} pages[] = {
	{"layout",
	 N("title", "site_name", "site_href", "nav", "href", "label",
	   "current", "staffnav", "logged_in", "user_name", "user_role",
	   "user_organ", "csrf", "main", "site_office", "site_phone",
	   "site_email", "site_address", "site_hours", "year")},
	{"error", N("status", "heading", "message")},
	{"sheet", N("title", "main")},
	{"home",
	 N("govs", "depts", "has_depts", "name", "href", "office", "phone",
	   "email", "address", "parent_name", "xxgk_href")},
	{"organ",
	 N("name", "short_name", "parent_name", "parent_href", "office",
	   "phone", "email", "address", "office_hours", "credit_code",
	   "guide", "para", "xxgk_href", "apply_href", "messages_href")},
	{"xxgk",
	 N("name", "organ_href", "list_href", "guide_href", "total",
	   "has_systems", "systems", "cats", "cat_id", "cat_name", "cat_href",
	   "count", "has_items", "items", "more", "has_reports", "reports",
	   "reports_href",
	   "title", "href", "date", "invalid", "validity", "office",
	   "address", "office_hours", "phone", "email", "feed_rss",
	   "feed_atom", "catalog_json", "catalog_csv", "bulletin_href",
	   "led_txt", "apply_href")},
	{"xxgk_list",
	 N("name", "organ_href", "xxgk_href", "list_href", "categories",
	   "years", "kinds", "validities", "value", "label", "selected",
	   "filtered", "total", "page", "pages", "has_rows", "rows",
	   "index_no", "href", "title", "doc_no", "date", "invalid",
	   "validity", "past_end", "first_href", "has_pager", "prev_href",
	   "next_href", "pager", "gap", "current")},
	{"item",
	 N("name", "organ_href", "xxgk_href", "cat_href", "cat_name",
	   "title", "invalid", "invalid_note", "validity", "abolished_date",
	   "index_no", "organ_name", "kind_label", "written_date", "date", "doc_no",
	   "policy_href", "policy_title", "body", "has_attachments",
	   "attachments", "href", "att_name", "att_type", "att_size",
	   "has_interpretations", "interpretations", "print_href")},
	{"item_print",
	 N("item_href", "organ_name", "title", "invalid", "invalid_note",
	   "validity",
	   "abolished_date", "index_no", "cat_name", "written_date", "doc_no",
	   "date", "kind_label", "policy_href", "policy_title", "body",
	   "has_attachments", "attachments", "att_name", "att_size",
	   "has_interpretations", "interpretations", "item_url")},
	{"bulletin",
	 N("name", "since", "week", "prev_href", "next_href", "xxgk_href",
	   "has_rows", "rows", "index_no", "title", "doc_no", "date",
	   "invalid", "validity", "body")},
	{"apply",
	 N("csrf", "action", "organ_name", "organ_href", "xxgk_href",
	   "guide_href", "error", "error_href", "person_kinds", "org_kinds",
	   "id_types", "deliveries", "value", "label", "checked", "selected",
	   "name", "id_number", "legal_rep", "contact_person", "phone",
	   "email", "address", "postcode", "request", "doc_no", "purpose",
	   "bad_name", "bad_id_type", "bad_id_number", "bad_legal_rep",
	   "bad_contact_person", "bad_phone", "bad_email", "bad_address",
	   "bad_postcode", "bad_request", "bad_doc_no", "bad_purpose")},
	{"apply_done",
	 N("organ_name", "organ_href", "tracking_code", "channel_label",
	   "submitted", "status_label", "status_href")},
	{"apply_status", N("csrf", "code", "contact", "error")},
	{"apply_result",
	 N("tracking_code", "organ_name", "organ_href", "channel_label",
	   "submitted", "received", "status_label", "overdue", "closed",
	   "due", "replied", "outcome_family", "outcome_label",
	   "outcome_detail", "supp_pending", "supp_note", "supp_deadline",
	   "steps", "text", "missing_year")},
	{"messages",
	 N("csrf", "organ_name", "organ_href", "action", "total", "rows",
	   "title", "note", "reply", "date", "reply_date", "page", "pages",
	   "prev_href", "next_href", "name", "phone", "email", "subject",
	   "question", "bad_name", "bad_phone", "bad_email", "bad_subject",
	   "bad_question", "error_href", "consent", "error")},
	{"message_done",
	 N("code", "organ_name", "organ_href", "list_href", "status_href",
	   "title", "note", "date", "replied", "reply", "reply_date",
	   "consent", "public")},
	{"message_status", N("csrf", "code", "error")},
	{"message_result",
	 N("code", "organ_name", "organ_href", "list_href", "status_href",
	   "title", "note", "date", "replied", "reply", "reply_date",
	   "consent", "public")},
	{"login", N("csrf", "next", "login", "error")},
	{"search",
	 N("q", "error", "organs", "years", "kinds", "validities", "sorts",
	   "value", "label", "selected", "category", "category_name",
	   "searched", "rows", "title_html", "doc_no_html", "snippet_html",
	   "href",
	   "organ_name", "date", "index_no", "doc_no", "invalid", "validity",
	   "has_rows", "total", "capped", "page", "pages", "first",
	   "past_end", "filtered", "first_href", "unfiltered_href",
	   "has_pager", "pager", "gap", "current", "prev_href",
	   "next_href")},
	{"admin_home",
	 N("organs", "name", "href", "slug", "parent_name", "users",
	   "is_admin", "user_name")},
	{"admin_organ",
	 N("name", "slug", "prefix", "parent_name", "office", "phone",
	   "email", "address", "office_hours", "credit_code", "staff",
	   "login", "display_name", "role", "disabled", "can_edit",
	   "edit_href", "guide", "para", "public_href", "notice",
	   "index_pattern", "counts", "label", "n", "href", "items_href",
	   "new_href", "queue_href", "categories_href", "baselines_href", "rollup_href",
	   "cases_open", "cases_open_href", "cases_href", "case_new_href",
	   "activities_href", "messages_href", "n_overdue", "n_unanswered",
	   "flag_months", "reports_href", "due_year", "due_date",
	   "due_overdue", "due_who", "due_href")},
	{"admin_organ_form",
	 N("csrf", "action", "is_new", "heading", "error", "name",
	   "short_name", "slug", "code", "credit_code", "office", "phone",
	   "email", "address", "office_hours", "guide", "parents", "value",
	   "label", "selected", "cancel_href", "index_pattern")},
	{"admin_items",
	 N("organ_name", "notice", "new_href", "action", "bulk_action",
	   "csrf", "statuses", "categories", "kinds", "years", "value",
	   "label", "selected", "q", "items", "id", "href", "title",
	   "doc_no", "index_no", "category", "status", "status_code",
	   "validity", "publish_at", "published_date", "total", "page",
	   "pages", "bulk_actions", "prev_href", "next_href")},
	{"admin_item_form",
	 N("organ_name", "cancel_href", "heading", "published", "error",
	   "action", "csrf", "title", "doc_no", "categories", "kinds",
	   "policies", "value", "label", "selected", "written_date",
	   "channels", "checked", "summary", "body")},
	{"admin_item",
	 N("organ_name", "list_href", "title", "notice", "status",
	   "status_code", "invalid", "validity", "publish_at", "public_href",
	   "edit_href", "index_no", "doc_no", "category", "kind",
	   "written_date", "published_date", "abolished_date", "channels",
	   "interprets_href", "interprets_title", "summary", "has_interp",
	   "interpretations", "href", "actions", "act_href", "danger", "csrf",
	   "code", "note_required", "label", "note_optional", "needs_time",
	   "needs_date", "delete_action", "attachments", "name", "size",
	   "upload_action", "max_mb", "body", "trail", "at", "actor",
	   "action", "to", "note")},
	{"admin_apps",
	 N("organ_name", "notice", "calendar_missing", "soon_href", "n_soon", "overdue_href", "n_overdue", "supp_href", "n_supp", "consult_href", "n_consult", "receipt_href", "n_receipt", "n_open", "n_closed", "new_href", "action", "statuses", "selected", "value", "label", "channels", "kinds", "outcomes", "year", "q", "total", "page", "pages", "apps", "href", "code", "name", "kind", "channel", "received", "status_code", "status", "due", "overdue", "outcome", "prev_href", "next_href")},
	{"admin_app_form",
	 N("organ_name", "cancel_href", "error", "action", "csrf", "channels", "selected", "value", "label", "submitted", "today", "received", "kinds", "applicant_name", "id_types", "id_number", "legal_rep", "contact_person", "phone", "email", "address", "postcode", "request", "doc_no", "purpose", "deliveries")},
	{"admin_app",
	 N("organ_name", "list_href", "tracking_code", "notice", "calendar_missing", "status", "status_label", "overdue", "due", "closed", "outcome_label", "replied", "steps", "text", "kind_label", "name", "id_type", "id_number", "legal_rep", "contact_person", "phone", "email", "address", "postcode", "channel_label", "submitted", "received", "request", "doc_no", "purpose", "delivery", "supp_deadline", "supp_note", "fee", "reply_text", "delivered", "delivered_how", "consults", "kind", "party", "started", "ended", "letters", "href", "label", "can_receive", "act_href", "csrf", "today", "can_supp_request", "can_supp_receive", "can_consult", "consult_kinds", "value", "open_consults", "id", "can_extend", "can_fee_notice", "can_fee_paid", "can_reply", "families", "outcomes", "can_deliver", "files", "kb", "upload_href", "events", "at", "date", "actor", "note",
	   "cases", "case_no", "result", "filed", "pending", "new_case_href")},
	{"admin_cases",
	 N("organ_name", "notice", "open_href", "n_open", "new_href",
	   "action", "kinds", "results", "years", "value", "label",
	   "selected", "total", "page", "pages", "cases", "row_class",
	   "href", "case_no", "kind", "authority", "party", "filed",
	   "pending", "result", "closed", "app_href", "app_code",
	   "prev_href", "next_href")},
	{"admin_case_form",
	 N("organ_name", "list_href", "heading", "error", "action", "csrf",
	   "kinds", "selected", "value", "label", "case_no", "authority",
	   "party", "subject", "filed_date", "today", "application",
	   "results", "closed_date", "note", "cancel_href", "error_href",
	   "bad_kind", "bad_case_no", "bad_authority", "bad_party",
	   "bad_subject", "bad_filed_date", "bad_application", "bad_result",
	   "bad_closed_date", "bad_note")},
	{"admin_case",
	 N("organ_name", "list_href", "title", "notice", "pending", "result",
	   "closed", "edit_href", "kind", "case_no", "authority", "party",
	   "subject", "filed", "app_href", "app_code", "note", "close_href",
	   "csrf", "results", "value", "label", "today", "files", "href",
	   "name", "kb", "upload_href", "delete_href")},
	{"letter",
	 N("title", "number", "addressee", "paras", "text", "signature", "date", "back_href", "docx_href")},
	{"admin_baselines",
	 N("organ_name", "organ_href", "notice", "error", "csrf", "action",
	   "year", "this_year", "min_year", "can_edit", "years", "value",
	   "label", "selected", "metrics", "metric", "unit", "formats", "records",
	   "base_year", "base_value", "source", "span", "metric_options",
	   "baselines", "id", "note", "delete_href", "f_year", "f_value",
	   "f_note")},
	{"admin_acts",
	 N("organ_name", "year", "years", "value", "label", "selected",
	   "action", "n_overdue", "flag_months", "messages_href", "is_admin",
	   "kinds", "code", "href", "entries", "total", "has_reply",
	   "unanswered")},
	{"admin_act_kind",
	 N("csrf", "notice", "organ_name", "overview_href", "action",
	   "kind_label", "kind_code", "unit", "is_amount", "has_reply",
	   "is_message", "flag_months", "years", "value", "label",
	   "selected", "year", "total", "show_form", "editing", "form_action",
	   "cancel_href", "date", "count", "amount", "title", "note", "reply",
	   "reply_date", "today", "error", "error_href", "rows", "measure",
	   "unanswered", "overdue", "source", "asker", "name", "phone",
	   "email", "hidden", "consent", "message_href", "edit_href",
	   "delete_href", "page", "pages", "prev_href", "next_href")},
	{"admin_act_delete",
	 N("csrf", "organ_name", "kind_label", "overview_href", "list_href",
	   "action", "date", "measure", "title", "is_message")},
	{"admin_act_kinds",
	 N("csrf", "notice", "error", "kinds", "code", "label", "unit",
	   "measure", "has_reply", "builtin", "name", "measures", "value",
	   "selected", "reply_checked")},
	{"admin_message",
	 N("csrf", "notice", "error", "organ_name", "overview_href",
	   "list_href", "reply_action", "visibility_action", "public_href",
	   "code", "date", "title", "note", "asker", "name", "phone", "email",
	   "consent", "hidden", "replied", "public", "flag_months", "overdue",
	   "today", "reply", "reply_date")},
	{"admin_reports",
	 N("organ_name", "organ_href", "action", "years", "value", "label",
	   "selected", "formats", "reports", "year", "format", "version",
	   "status", "published", "override", "href", "due_year", "due_date",
	   "due_overdue", "due_who", "due_href", "rollup_href")},
	{"admin_report",
	 N("csrf", "title", "organ_name", "organ_href", "list_href", "action",
	   "sections_action", "publish_action", "year", "format",
	   "format_name", "formats", "value", "label", "selected", "error",
	   "notice", "due_date", "n_checks", "n_failed", "checks", "rule",
	   "detail", "versions", "version", "status", "published",
	   "override_note", "href", "has_draft", "can_publish", "sections",
	   "id", "field", "text", "preview", "json_href", "md_href",
	   "rollup_href", "downloads", "ext", "ctype")},
	{"admin_rollup",
	 N("organ_name", "organ_href", "reports_href", "action", "year",
	   "format", "format_name", "years", "formats", "value", "label",
	   "selected", "n_organs", "n_on_time", "n_late", "n_missing",
	   "n_failing", "organs", "name", "who", "due", "state",
	   "state_class", "published", "check_note", "failing", "admin_href",
	   "public_href", "n_checks", "n_failed", "checks", "rule", "detail",
	   "tables", "json_href", "downloads", "href", "ext", "ctype")},
	{"reports",
	 N("organ_name", "organ_href", "reports", "title", "year", "version",
	   "date", "format", "href")},
	{"report",
	 N("title", "organ_name", "organ_href", "list_href", "published",
	   "version", "corrected", "superseded", "current_href",
	   "format_name", "override_note", "n_failed", "failed", "rule",
	   "detail", "body", "index_no", "json_href", "n_checks", "downloads",
	   "href", "label", "ext", "ctype")},
	{"admin_calendar",
	 N("notice", "missing", "error", "csrf", "csv", "years", "year", "off",
	   "work", "workdays")},
	{"admin_queue",
	 N("organ_name", "role", "waiting", "new_href", "queues", "qid",
	   "heading", "total", "items", "href", "title", "category",
	   "updated", "publish_at")},
	{"admin_categories",
	 N("organ_name", "notice", "error", "can_manage", "categories",
	   "child", "name", "section", "published", "edit_action", "csrf",
	   "fid", "position", "delete_action", "action", "parents", "value",
	   "label")},
	{"admin_organs",
	 N("organs", "name", "href", "edit_href", "slug", "code",
	   "parent_name", "phone", "notice")},
	{"admin_users",
	 N("csrf", "users", "id", "login", "display_name", "role_label",
	   "organ_name", "disabled", "disable_action", "enable_action",
	   "password_action", "self", "organs", "roles", "value", "label",
	   "selected", "error", "notice", "form_login", "form_name")},
	{"admin_password", N("csrf", "error", "notice", "login")},
	{"admin_audit",
	 N("chain_ok", "chain_msg", "nrows", "rows", "id", "at", "actor",
	   "action", "entity", "entity_id", "before", "after", "prev_href",
	   "next_href", "page", "pages", "total")},
	{"admin_mail",
	 N("notice", "configured", "smtp_host", "mail_from", "tick_seconds",
	   "max_attempts", "filters", "href", "current", "label", "count",
	   "heading", "total", "page", "pages", "rows", "id", "to", "subject",
	   "state_label", "attempts", "created_at", "sent_at", "next_at",
	   "last_error", "failed", "retry_action", "csrf", "prev_href",
	   "next_href")},
};
#define NPAGES (sizeof pages / sizeof pages[0])

struct tmplset {
	tmpl *t[NPAGES];
};

int layout_load(const char *data_dir, struct tmplset **out, struct err *e)
{
	struct tmplset *ts = xcalloc(1, sizeof *ts);
	for (size_t i = 0; i < NPAGES; i++) {
		char file[128];
		snprintf(file, sizeof file, "templates/%s.html",
			 pages[i].name);
		Buf src = BUF_INIT;
		if (res_load(data_dir, file, &src, e) ||
		    tmpl_parse(file, buf_str(&src), src.n, pages[i].names,
			       &ts->t[i], e)) {
			buf_free(&src);
			layout_free(ts);
			return -1;
		}
		buf_free(&src);
	}
	*out = ts;
	return 0;
}

void layout_free(struct tmplset *ts)
{
	if (!ts) {
		return;
	}
	for (size_t i = 0; i < NPAGES; i++) {
		tmpl_free(ts->t[i]);
	}
	free(ts);
}

static const tmpl *find(const struct tmplset *ts, const char *name)
{
	for (size_t i = 0; i < NPAGES; i++) {
		if (strcmp(pages[i].name, name) == 0) {
			return ts->t[i];
		}
	}
	return NULL;
}

void layout_set_url(tvars *v, const char *name, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(&b, url_encode, fmt, ap);
	va_end(ap);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

void layout_redirect(struct req *r, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(&b, url_encode, fmt, ap);
	va_end(ap);
	resp_redirect(r, buf_str(&b));
	buf_free(&b);
}

void layout_vocab_options(tvars *v, const char *list,
			  const struct vocab *voc, size_t n,
			  const char *selected, const char *any)
{
	tv_set_list_empty(v, list);
	if (any) {
		layout_option(v, list, "", any, str_empty(selected));
	}
	for (size_t i = 0; i < n; i++) {
		layout_option(v, list, voc[i].code, voc[i].label,
			      str_eq(selected, voc[i].code));
	}
}

void layout_set_day(tvars *v, const char *name, int64_t day)
{
	char s[11];
	date_format_opt(day, s);
	tv_set(v, name, s);
}

void layout_notice(const struct req *r, tvars *v, const char *const notes[][2],
		   size_t n)
{
	const char *done = req_param(r, "done");
	for (size_t i = 0; done && i < n; i++) {
		if (strcmp(done, notes[i][0]) == 0) {
			tv_set(v, "notice", notes[i][1]);
		}
	}
}

void layout_pager(tvars *v, int64_t total, int64_t per, int64_t page,
		  const char *href)
{
	int64_t npages = total ? (total + per - 1) / per : 1;
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", npages);
	if (page > 1) {
		tv_setf(v, "prev_href", "%s%lld", href, (long long)(page - 1));
	}
	if (page < npages) {
		tv_setf(v, "next_href", "%s%lld", href, (long long)(page + 1));
	}
}

void layout_csrf(struct req *r, tvars *v)
{
	char tok[65];
	auth_csrf_token(r, tok);
	tv_set(v, "csrf", tok);
}

static void nav_row(tvars *v, const char *list, const char *href,
		    const char *label, const char *path, int prefix)
{
	tvars *row = tv_add_row(v, list);
	tv_set(row, "href", href);
	tv_set(row, "label", label);
	int cur = prefix ? str_has_prefix(path, href) : str_eq(path, href);
	tv_set(row, "current", cur ? "page" : "false");
}

/* The organ that heads the portal: config site_organ, else the first
 * organ without a parent. 1 found, 0 none yet, -1 error. */
static int site_organ(struct req *r, struct organ *o, struct err *e)
{
	char slug[128];
	int rc = store_config_get(r->st, "site_organ", slug, sizeof slug, e);
	if (rc < 0) {
		return -1;
	}
	if (rc == 1) {
		rc = organ_find(r->st, slug, o, e);
		if (rc != 0) {
			return rc;
		}
	}
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		return -1;
	}
	rc = 0;
	if (n > 0) {
		*o = all[0];
		memset(&all[0], 0, sizeof all[0]);
		rc = 1;
	}
	organ_list_free(all, n);
	return rc;
}

static void chrome(struct req *r, tvars *lv, const char *title)
{
	struct organ site = {0};
	struct err e = {0};
	int have = site_organ(r, &site, &e);
	if (have < 0) {
		log_msg(LOG_ERROR, r->rid, "site organ: %s", e.msg);
	}
	const char *site_name = have == 1 ? site.name : "政府信息公开平台";
	if (title && *title && !str_eq(title, site_name)) {
		tv_setf(lv, "title", "%s - %s", title, site_name);
	} else {
		tv_set(lv, "title", site_name);
	}
	tv_set(lv, "site_name", site_name);
	tv_set(lv, "site_href", "/");
	if (have == 1) {
		tv_set(lv, "site_office", site.office);
		tv_set(lv, "site_phone", site.phone);
		tv_set(lv, "site_email", site.email);
		tv_set(lv, "site_address", site.address);
		tv_set(lv, "site_hours", site.office_hours);
	}
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	tv_set_int(lv, "year", y);
	const char *path = r->path ? r->path : "";
	nav_row(lv, "nav", "/", "首页", path, 0);
	nav_row(lv, "nav", "/search", "站内搜索", path, 0);
	nav_row(lv, "nav", "/apply/status", "申请进度查询", path, 0);
	nav_row(lv, "nav", "/messages/status", "留言查询", path, 0);
	if (r->logged_in) {
		tv_set_bool(lv, "logged_in", 1);
		tv_set(lv, "user_name", str_empty(r->user.display_name)
						? r->user.login
						: r->user.display_name);
		tv_set(lv, "user_role", role_label(r->user.role));
		tv_set(lv, "user_organ", r->user.organ_name);
		Buf home = BUF_INIT;
		url_printf(&home, "/admin/o/%s/", r->user.organ_slug);
		nav_row(lv, "staffnav", buf_str(&home), "本机关工作台", path,
			0);
		buf_puts(&home, "items");
		nav_row(lv, "staffnav", buf_str(&home), "主动公开", path, 1);
		buf_reset(&home);
		url_printf(&home, "/admin/o/%s/applications",
			   r->user.organ_slug);
		nav_row(lv, "staffnav", buf_str(&home), "依申请公开", path, 1);
		buf_reset(&home);
		url_printf(&home, "/admin/o/%s/cases", r->user.organ_slug);
		nav_row(lv, "staffnav", buf_str(&home), "复议诉讼", path, 1);
		buf_reset(&home);
		url_printf(&home, "/admin/o/%s/activities",
			   r->user.organ_slug);
		nav_row(lv, "staffnav", buf_str(&home), "工作记录", path, 1);
		buf_reset(&home);
		url_printf(&home, "/admin/o/%s/queue", r->user.organ_slug);
		nav_row(lv, "staffnav", buf_str(&home), "待办", path, 0);
		buf_free(&home);
		if (role_is_admin(r->user.role)) {
			nav_row(lv, "staffnav", "/admin/", "全部机关", path, 0);
			nav_row(lv, "staffnav", "/admin/organs", "机关管理",
				path, 1);
			nav_row(lv, "staffnav", "/admin/users", "用户管理",
				path, 1);
			nav_row(lv, "staffnav", "/admin/calendar", "工作日历",
				path, 1);
			nav_row(lv, "staffnav", "/admin/activity-kinds",
				"工作类型", path, 1);
			nav_row(lv, "staffnav", "/admin/audit", "审计日志",
				path, 1);
			nav_row(lv, "staffnav", "/admin/mail", "邮件队列",
				path, 1);
		}
		nav_row(lv, "staffnav", "/admin/password", "修改密码", path,
			0);
		layout_csrf(r, lv);
	}
	organ_clear(&site);
}

/* Renders page template `page` with v inside the shell template `shell`
 * ("layout": full chrome; "sheet": title and stylesheet only). */
static int render_in(struct req *r, const char *shell, const char *page,
		     const char *title, tvars *v, struct err *e)
{
	const tmpl *pt = find(r->app->tmpl, page);
	const tmpl *lt = find(r->app->tmpl, shell);
	if (!pt || !lt) {
		return err_set(e, ERR_INTERNAL, "no template %s", page);
	}
	Buf main = BUF_INIT;
	if (tmpl_render(pt, v, &main, e)) {
		buf_free(&main);
		return -1;
	}
	tvars *lv = tvars_new();
	chrome(r, lv, title);
	tv_set_html(lv, "main", html_frag_of(&main));
	buf_reset(&r->out);
	int rc = tmpl_render(lt, lv, &r->out, e);
	tvars_free(lv);
	buf_free(&main);
	if (rc) {
		return -1;
	}
	if (!r->status) {
		r->status = 200;
	}
	r->ctype = "text/html; charset=utf-8";
	return 0;
}

int layout_page(struct req *r, const char *page, const char *title,
		tvars *v, struct err *e)
{
	return render_in(r, "layout", page, title, v, e);
}

int layout_sheet(struct req *r, const char *page, const char *title,
		 tvars *v, struct err *e)
{
	return render_in(r, "sheet", page, title, v, e);
}

static const char *heading_for(int status)
{
	switch (status) {
	case 400: return "请求有误";
	case 403: return "无权访问";
	case 404: return "页面不存在";
	case 405: return "不支持的请求方法";
	case 409: return "数据冲突";
	case 413: return "请求内容过大";
	case 429: return "请求过于频繁";
	case 431: return "请求头过大";
	case 503: return "服务暂时不可用";
	default: return status >= 500 ? "服务器内部错误" : "无法完成请求";
	}
}

void layout_error_page(struct req *r, const struct err *e)
{
	int status = err_status(e);
	r->status = status;
	buf_reset(&r->out);
	/* Internal details go to the log, not to the visitor. */
	const char *msg = e->msg;
	if (status >= 500) {
		log_msg(LOG_ERROR, r->rid, "%s %s: %s", r->method, r->path,
			e->msg);
		msg = "处理请求时发生错误,请稍后再试。"
		      "如问题持续,请联系网站管理员。";
	}
	if (r->path && str_has_prefix(r->path, "/api/")) {
		/* The API answers in JSON: {"error": "..."} */
		json_t *o = json_pack("{s:s}", "error", msg);
		char *text = json_dumps(o, JSON_COMPACT);
		json_decref(o);
		resp_json(r, status, text ? text : "{}");
		free(text);
		r->status = status;
		return;
	}
	tvars *v = tvars_new();
	tv_set_int(v, "status", status);
	tv_set(v, "heading", heading_for(status));
	tv_set(v, "message", msg);
	struct err e2 = {0};
	if (r->st == NULL || layout_page(r, "error", heading_for(status), v,
					 &e2)) {
		buf_reset(&r->out);
		buf_printf(&r->out, "%d %s\n", status, heading_for(status));
		r->ctype = "text/plain; charset=utf-8";
	}
	r->status = status;
	tvars_free(v);
}

void layout_option(tvars *v, const char *list, const char *value,
		   const char *label, int selected)
{
	tvars *row = tv_add_row(v, list);
	tv_set(row, "value", value);
	tv_set(row, "label", label);
	tv_set_bool(row, "selected", selected);
}
