/*
 * admin_mail.c - the mail outbox for the admin: the messages by state
 * (pending, sent, failed), newest first, 50 a page, with attempts, the
 * last error and a retry button for those that failed for good; and a
 * warning while no SMTP server is configured (then nothing goes out).
 * Sending itself is the server's tick (cli/jobs.c, cli/mailer.c), by the
 * retry rule of domain/mail.h.
 */
#include "base/date.h"
#include "base/str.h"
#include "render/html.h"
#include "domain/mail.h"
#include "store/outbox.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <time.h>

#define PER_PAGE 50

static const struct {
	const char *code, *label;
	enum outbox_state state;
} filters[] = {
	{"", "全部", OUTBOX_ALL},
	{"pending", "待发送", OUTBOX_PENDING},
	{"failed", "发送失败", OUTBOX_FAILED},
	{"sent", "已发送", OUTBOX_SENT},
};
#define NFILTERS (sizeof filters / sizeof filters[0])

static int64_t count_of(const struct outbox_counts *k, enum outbox_state s)
{
	switch (s) {
	case OUTBOX_PENDING: return k->pending;
	case OUTBOX_SENT: return k->sent;
	case OUTBOX_FAILED: return k->failed;
	case OUTBOX_UNSENT: return k->pending + k->failed;
	case OUTBOX_ALL: break;
	}
	return k->pending + k->sent + k->failed;
}

static void message_row(tvars *v, const struct outbox_msg *m)
{
	tvars *row = tv_add_row(v, "rows");
	tv_set_int(row, "id", m->id);
	tv_set(row, "to", m->to_addr);
	tv_set(row, "subject", m->subject);
	tv_set(row, "state_label", m->sent_at  ? "已发送"
				   : m->failed ? "发送失败"
					       : "待发送");
	tv_set_int(row, "attempts", m->attempts);
	tv_set(row, "created_at", m->created_at);
	tv_set(row, "sent_at", m->sent_at);
	if (!m->sent_at && !m->failed) {
		char next[21];
		date_timestamp((time_t)m->next_at, next);
		tv_set(row, "next_at", next);
	}
	tv_set(row, "last_error", m->last_error);
	tv_set_bool(row, "failed", m->failed);
	tv_setf(row, "retry_action", "/admin/mail/%lld/retry",
		(long long)m->id);
}

int admin_mail_page(struct req *r, struct err *e)
{
	const char *want = req_param_s(r, "state");
	size_t f = 0;
	for (size_t i = 0; i < NFILTERS; i++) {
		if (str_eq(want, filters[i].code)) {
			f = i;
		}
	}
	int64_t page = 1;
	const char *p = req_param(r, "page");
	if (p) {
		str_to_i64(p, 1, 1000000000, &page);
	}
	struct outbox_counts k;
	struct outbox_msg *msgs = NULL;
	size_t n = 0;
	int64_t total = 0;
	if (outbox_count(r->st, &k, e) ||
	    outbox_list(r->st, filters[f].state, PER_PAGE,
			(page - 1) * PER_PAGE, &msgs, &n, &total, e)) {
		return -1;
	}
	const struct conf *c = &r->app->conf;
	tvars *v = tvars_new();
	layout_csrf(r, v);
	if (str_eq(req_param(r, "done"), "retried")) {
		tv_set(v, "notice", "已放回队列,稍后由服务自动发送。");
	}
	tv_set_bool(v, "configured", !str_empty(c->smtp_host));
	tv_set(v, "smtp_host", c->smtp_host);
	tv_set(v, "mail_from", c->mail_from);
	tv_set_int(v, "tick_seconds", c->tick_seconds);
	tv_set_int(v, "max_attempts", MAIL_MAX_ATTEMPTS);
	for (size_t i = 0; i < NFILTERS; i++) {
		tvars *row = tv_add_row(v, "filters");
		if (filters[i].code[0]) {
			layout_set_url(row, "href", "/admin/mail?state=%s",
				       filters[i].code);
		} else {
			tv_set(row, "href", "/admin/mail");
		}
		tv_set(row, "label", filters[i].label);
		tv_set_int(row, "count", count_of(&k, filters[i].state));
		tv_set(row, "current", i == f ? "page" : "false");
	}
	tv_set(v, "heading", filters[f].label);
	tv_set_int(v, "total", total);
	Buf href = BUF_INIT;
	url_printf(&href, "/admin/mail?state=%s&page=", filters[f].code);
	layout_pager(v, total, PER_PAGE, page, buf_str(&href));
	buf_free(&href);
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		message_row(v, &msgs[i]);
	}
	int rc = layout_page(r, "admin_mail", "邮件队列", v, e);
	tvars_free(v);
	outbox_list_free(msgs, n);
	return rc;
}

int admin_mail_retry_post(struct req *r, struct err *e)
{
	int64_t id;
	if (str_to_i64(r->cap[0], 1, INT64_MAX, &id)) {
		return err_set(e, ERR_NOTFOUND, "没有这封邮件。");
	}
	struct actor who = auth_actor(r);
	if (outbox_retry(r->st, &who, id, time(NULL), e)) {
		return -1;
	}
	resp_redirect(r, "/admin/mail?state=pending&done=retried");
	return 0;
}
