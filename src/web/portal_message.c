/*
 * portal_message.c - public messages (网上留言), the public side: an
 * organ's page of answered messages with the form to ask it a question
 * (/organ/SLUG/messages), the confirmation with the query code
 * (/messages/done) and the lookup by query code (/messages/status), which
 * shows the reply even when the message is not public. No page here ever
 * shows an asker's name, phone number or e-mail address; the public list
 * holds only messages that are answered, whose asker agreed to their
 * publication, and that staff did not hide.
 *
 * Against abuse, as on the application form (portal_apply.c): CSRF on
 * every POST (route.c), the honeypot field `website`, at most conf
 * message_per_hour messages per address an hour (then 429), failed
 * lookups throttled like failed logins, addresses kept only as a keyed
 * hash, and the confirmation reached through a signed cookie.
 */
#include "base/date.h"
#include "base/log.h"
#include "base/str.h"
#include "store/activity.h"
#include "store/organ.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define ASKED_COOKIE "gk_asked"
#define ASKED_SECONDS 3600
/* login_failure.login of failed lookups: no login can start with '#' */
#define LOOKUP_KEY "#message-status"
#define PER_PAGE 10

/*---- The list and the form ----*/

/* The form's fields: parameter (= template name), the column that
 * act_message_check names, and the id of the control. */
static const struct {
	const char *param, *id;
} fields[] = {
	{"name", "m-name"},	  {"phone", "m-phone"},
	{"email", "m-email"},	  {"subject", "m-subject"},
	{"question", "m-question"},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* The page: the public messages of page ?page= and the form, with what
 * was typed and the problem (column: the field at fault) after a refused
 * submission. The caller sets r->status. */
static int messages_page(struct req *r, const struct organ *o,
			 const char *error, const char *column, struct err *e)
{
	int64_t page = 1;
	if (req_param(r, "page")) {
		str_to_i64(req_param(r, "page"), 1, 1000000000, &page);
	}
	struct activity *rows = NULL;
	size_t n = 0;
	int64_t total = 0;
	if (message_public_list(r->st, o->id, PER_PAGE, (page - 1) * PER_PAGE,
				&rows, &n, &total, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "organ_href", "/organ/%s/", o->slug);
	layout_set_url(v, "action", "/organ/%s/messages", o->slug);
	tv_set_int(v, "total", total);
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "rows");
		char d[11];
		tv_set(row, "title", rows[i].title);
		tv_set(row, "note", rows[i].note);
		tv_set(row, "reply", rows[i].reply);
		date_format(rows[i].date, d);
		tv_set(row, "date", d);
		date_format(rows[i].reply_date, d);
		tv_set(row, "reply_date", d);
	}
	Buf href = BUF_INIT;
	url_printf(&href, "/organ/%s/messages?page=", o->slug);
	layout_pager(v, total, PER_PAGE, page, buf_str(&href));
	buf_free(&href);
	char bad[40];
	for (size_t i = 0; i < NFIELDS; i++) {
		tv_set(v, fields[i].param,
		       error ? req_param_s(r, fields[i].param) : "");
		snprintf(bad, sizeof bad, "bad_%s", fields[i].param);
		tv_set(v, bad, str_eq(column, fields[i].param) ? "true"
							       : "false");
		if (error && str_eq(column, fields[i].param)) {
			tv_setf(v, "error_href", "#%s", fields[i].id);
		}
	}
	tv_set_bool(v, "consent", error && req_param(r, "consent"));
	tv_set(v, "error", error);
	char title[512];
	snprintf(title, sizeof title, "%s网上留言", o->name);
	int rc = layout_page(r, "messages", title, v, e);
	tvars_free(v);
	activity_list_free(rows, n);
	return rc;
}

int portal_messages_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = messages_page(r, &o, NULL, NULL, e);
	organ_clear(&o);
	return rc;
}

/* 1 when the address hash sent message_per_hour messages in the last
 * hour (the limit off: never), 0 when not, -1 on a storage error. */
static int over_limit(struct req *r, const char *hash, struct err *e)
{
	int64_t limit = r->app->conf.message_per_hour;
	if (limit <= 0) {
		return 0;
	}
	char since[21];
	int64_t n = 0;
	date_timestamp(time(NULL) - 3600, since);
	if (message_recent(r->st, hash, since, &n, e)) {
		return -1;
	}
	return n >= limit;
}

int portal_messages_post(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct activity m;
	struct err fe = {0};
	char hash[65];
	const char *column = NULL;
	int rc = -1;
	act_init(&m);
	if (*req_param_s(r, "website")) {
		log_msg(LOG_WARN, r->rid, "messages: honeypot filled, refused");
		err_set(e, ERR_INPUT,
			"无法受理这次提交。请刷新页面后重新填写;也可以通过公开"
			"指南中的电话或信函联系本机关。");
		goto done;
	}
	portal_client_hash(r, hash);
	int over = over_limit(r, hash, e);
	if (over < 0) {
		goto done;
	}
	if (over) {
		log_msg(LOG_WARN, r->rid, "messages: hourly limit reached");
		resp_header(r, "Retry-After", "3600");
		r->status = 429;
		rc = messages_page(r, &o,
				   "提交过于频繁:一小时内从同一网络地址提交的"
				   "留言已达上限。请一小时后再试,也可以通过"
				   "公开指南中的电话或信函联系本机关。",
				   NULL, e);
		goto done;
	}
	m.organ_id = o.id;
	m.name = str_trim(xstrdup(req_param_s(r, "name")));
	m.phone = str_trim(xstrdup(req_param_s(r, "phone")));
	m.email = str_trim(xstrdup(req_param_s(r, "email")));
	m.title = str_trim(xstrdup(req_param_s(r, "subject")));
	m.note = xstrdup(req_param_s(r, "question"));
	m.consent = req_param(r, "consent") != NULL;
	struct actor who = {0, "public:message"};
	if (message_create(r->st, &who, &m, hash, date_today(), &column,
			   &fe)) {
		if (fe.code != ERR_INPUT) {
			*e = fe;
			goto done;
		}
		r->status = 400;
		rc = messages_page(r, &o, fe.msg, column, e);
		goto done;
	}
	log_msg(LOG_INFO, r->rid, "messages: %s left with %s", m.code,
		o.slug);
	portal_signed_set(r, ASKED_COOKIE, "asked", m.code, ASKED_SECONDS);
	resp_redirect(r, "/messages/done");
	rc = 0;
done:
	act_clear(&m);
	organ_clear(&o);
	return rc;
}

/*---- The confirmation and the lookup ----*/

/* The values of message m every page about it shows (no personal data):
 * code, organ, subject, question, dates, reply, whether it is public. */
static int message_vars(struct req *r, tvars *v, const struct activity *m,
			struct err *e)
{
	struct organ o;
	int rc = organ_get(r->st, m->organ_id, &o, e);
	if (rc <= 0) {
		return rc < 0 ? -1 : err_set(e, ERR_NOTFOUND, "没有这个机关。");
	}
	char d[11] = "";
	tv_set(v, "code", m->code);
	tv_set(v, "organ_name", o.name);
	layout_set_url(v, "organ_href", "/organ/%s/", o.slug);
	layout_set_url(v, "list_href", "/organ/%s/messages", o.slug);
	layout_set_url(v, "status_href", "/messages/status?code=%s", m->code);
	tv_set(v, "title", m->title);
	tv_set(v, "note", m->note);
	date_format(m->date, d);
	tv_set(v, "date", d);
	tv_set_bool(v, "replied", m->reply_date != 0);
	tv_set(v, "reply", m->reply);
	d[0] = 0;
	if (m->reply_date) {
		date_format(m->reply_date, d);
	}
	tv_set(v, "reply_date", d);
	tv_set_bool(v, "consent", m->consent);
	tv_set_bool(v, "public", m->reply_date && m->consent && !m->hidden);
	organ_clear(&o);
	return 0;
}

int portal_message_done_page(struct req *r, struct err *e)
{
	char code[32];
	struct activity m;
	act_init(&m);
	int found = portal_signed_get(r, ASKED_COOKIE, "asked", code,
				      sizeof code)
			    ? message_by_code(r->st, code, &m, e)
			    : 0;
	if (found <= 0) {
		act_clear(&m);
		return found < 0 ? -1
				 : err_set(e, ERR_NOTFOUND,
					   "这个浏览器最近没有提交过留言。查询"
					   "答复,请使用“留言查询”。");
	}
	tvars *v = tvars_new();
	int rc = message_vars(r, v, &m, e);
	if (rc == 0) {
		rc = layout_page(r, "message_done", "留言已提交", v, e);
	}
	tvars_free(v);
	act_clear(&m);
	return rc;
}

static int status_form(struct req *r, const char *code, const char *error,
		       struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "code", code);
	tv_set(v, "error", error);
	int rc = layout_page(r, "message_status", "留言查询", v, e);
	tvars_free(v);
	return rc;
}

int portal_message_status_page(struct req *r, struct err *e)
{
	return status_form(r, req_param_s(r, "code"), NULL, e);
}

int portal_message_status_post(struct req *r, struct err *e)
{
	char hash[65];
	portal_client_hash(r, hash);
	if (portal_lookup_throttled(r, LOOKUP_KEY, hash, e)) {
		return -1;
	}
	char *code = portal_code_param(r);
	struct activity m;
	int rc = -1;
	act_init(&m);
	if (!*code) {
		r->status = 400;
		rc = status_form(r, code, "请填写留言查询码。", e);
		goto done;
	}
	int found = message_by_code(r->st, code, &m, e);
	if (found < 0) {
		goto done;
	}
	if (found == 0) {
		if (portal_lookup_failed(r, LOOKUP_KEY, hash, e)) {
			goto done;
		}
		r->status = 404;
		rc = status_form(r, code,
				 "没有找到这个查询码的留言。请核对提交留言后"
				 "页面显示的查询码(形如 LY-ABCD-2345)。",
				 e);
		goto done;
	}
	tvars *v = tvars_new();
	rc = message_vars(r, v, &m, e);
	if (rc == 0) {
		rc = layout_page(r, "message_result", "留言答复", v, e);
	}
	tvars_free(v);
done:
	act_clear(&m);
	free(code);
	return rc;
}
