/*
 * admin_activity.c - the back office of activities (工作记录): an organ's
 * overview with this year's totals per kind, each kind's list with its
 * year filter and entry form (editing reuses the page with the form
 * filled), deleting with a confirmation step, the admins' page of
 * activity kinds, and the public messages (网上留言) of an organ: the list
 * with the askers' contacts (each showing audited), one message with
 * its reply form and the switch that hides it from the public list.
 * The rules are domain/activity.h; store/activity.h checks and audits.
 */
#include "base/date.h"
#include "base/str.h"
#include "store/activity.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <stdio.h>
#include <string.h>

#define PER_PAGE 30
/* How many years back the year filters offer. */
#define YEARS_BACK 9

/*---- Shared ----*/

static int this_year(void)
{
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	return y;
}

/* The year options (this year and YEARS_BACK before it, and with
 * with_all "全部年份" as 0) into list `years`. */
static void year_options(tvars *v, int chosen, int with_all)
{
	int now = this_year();
	char val[8], label[16];
	tv_set_list_empty(v, "years");
	if (with_all) {
		layout_option(v, "years", "0", "全部年份", chosen == 0);
	}
	for (int y = now; y >= now - YEARS_BACK; y--) {
		snprintf(val, sizeof val, "%d", y);
		snprintf(label, sizeof label, "%d年", y);
		layout_option(v, "years", val, label, y == chosen);
	}
	if (chosen && (chosen > now || chosen < now - YEARS_BACK)) {
		snprintf(val, sizeof val, "%d", chosen);
		snprintf(label, sizeof label, "%d年", chosen);
		layout_option(v, "years", val, label, 1);
	}
}

/* The year parameter: `dflt` when absent, else 0 (every year) or a
 * year. */
static int param_year(struct req *r, int dflt)
{
	int64_t y = dflt;
	const char *s = req_param(r, "year");
	if (s && str_to_i64(s, 0, 9999, &y)) {
		y = dflt;
	}
	return (int)y;
}

/* "12 件" or "1234.50 元": what an entry or a total amounts to. */
static void set_measure(tvars *v, const char *name, const struct act_kind *k,
			int64_t count, int64_t fen)
{
	if (k->measure == ACT_MEASURE_AMOUNT) {
		char a[32];
		act_amount_format(fen < 0 ? 0 : fen, a);
		tv_setf(v, name, "%s 元", a);
	} else {
		tv_setf(v, name, "%lld %s", (long long)count, k->unit);
	}
}

static const char *const done_notes[][2] = {
	{"created", "已添加一条记录。"},
	{"saved", "记录已修改。"},
	{"deleted", "记录已删除。"},
	{"replied", "答复已保存；留言人留有电子邮箱的，已通知留言人。"},
	{"hidden", "这条留言已不在网站上公开。"},
	{"shown", "这条留言已恢复公开(须已答复且留言人同意公开)。"},
	{"kind", "已添加工作类型。"},
};

/* What a URL names: the organ, a kind and perhaps one entry. */
struct target {
	struct organ o;
	struct act_kind k;
	struct activity a;
};

static void target_free(struct target *t)
{
	act_clear(&t->a);
	activity_kind_clear(&t->k);
	organ_clear(&t->o);
}

/* The organ of the URL and the kind `code` (NULL: the URL's second
 * capture). On failure nothing is left to free. */
static int load_kind(struct req *r, struct target *t, const char *code,
		     struct err *e)
{
	memset(t, 0, sizeof *t);
	act_init(&t->a);
	if (route_organ(r, &t->o, e)) {
		return -1;
	}
	const char *c = code ? code : r->cap[1];
	int rc = activity_kind_get(r->st, c, &t->k, e);
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这种工作类型“%.40s”。", c);
	}
	if (rc <= 0) {
		target_free(t);
		return -1;
	}
	return 0;
}

/* load_kind, then the entry of that kind whose id is the URL's capture
 * `cap` (missing: the 404's message). */
static int load_entry(struct req *r, struct target *t, const char *code,
		      int cap, const char *missing, struct err *e)
{
	if (load_kind(r, t, code, e)) {
		return -1;
	}
	int64_t id;
	int rc = str_to_i64(r->cap[cap], 1, INT64_MAX, &id)
			 ? 0
			 : activity_get(r->st, t->o.id, id, &t->a, e);
	if (rc == 1 && !str_eq(t->a.kind, t->k.code)) {
		rc = 0;
	}
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "%s", missing);
	}
	if (rc != 1) {
		target_free(t);
		return -1;
	}
	return 0;
}

static void redirect_list(struct req *r, const struct organ *o,
			  const char *kind, int year, const char *done)
{
	Buf b = BUF_INIT;
	url_printf(&b, "/admin/o/%s/activities/%s?year=%d&done=%s", o->slug,
		   kind, year, done);
	resp_redirect(r, buf_str(&b));
	buf_free(&b);
}

/*---- The overview ----*/

int admin_acts_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int year = param_year(r, this_year());
	if (year == 0) {
		year = this_year();
	}
	struct act_kind *kinds = NULL;
	struct act_total *tot = NULL;
	size_t nk = 0, nt = 0;
	int64_t overdue = 0;
	int rc = -1;
	tvars *v = tvars_new();
	int months = (int)r->app->conf.message_flag_months;
	if (activity_kinds(r->st, &kinds, &nk, e) ||
	    activity_totals(r->st, o.id, year, &tot, &nt, e) ||
	    message_overdue_count(r->st, o.id,
				  act_flag_before(date_today(), months),
				  &overdue, e)) {
		goto done;
	}
	tv_set(v, "organ_name", o.name);
	tv_set_int(v, "year", year);
	year_options(v, year, 0);
	layout_set_url(v, "action", "/admin/o/%s/activities", o.slug);
	tv_set_int(v, "n_overdue", overdue);
	tv_set_int(v, "flag_months", months);
	layout_set_url(v, "messages_href", "/admin/o/%s/activities/%s?year=0",
		       o.slug, ACT_MESSAGE);
	tv_set_bool(v, "is_admin", role_is_admin(r->user.role));
	tv_set_list_empty(v, "kinds");
	for (size_t i = 0; i < nk; i++) {
		const struct act_total *t = NULL;
		for (size_t j = 0; j < nt; j++) {
			if (str_eq(tot[j].kind, kinds[i].code)) {
				t = &tot[j];
			}
		}
		tvars *row = tv_add_row(v, "kinds");
		tv_set(row, "label", kinds[i].label);
		tv_set(row, "code", kinds[i].code);
		layout_set_url(row, "href", "/admin/o/%s/activities/%s?year=%d",
			       o.slug, kinds[i].code, year);
		tv_set_int(row, "entries", t ? t->entries : 0);
		set_measure(row, "total", &kinds[i], t ? t->count : 0,
			    t ? t->amount_fen : 0);
		tv_set_bool(row, "has_reply", kinds[i].has_reply);
		tv_set_int(row, "unanswered", t ? t->unanswered : 0);
	}
	char title[64];
	snprintf(title, sizeof title, "工作记录(%d年)", year);
	rc = layout_page(r, "admin_acts", title, v, e);
done:
	tvars_free(v);
	activity_kinds_free(kinds, nk);
	activity_totals_free(tot, nt);
	organ_clear(&o);
	return rc;
}

/*---- A kind's list, with the entry form ----*/

/* Which form element shows the field a message names (by the column of
 * act_check). */
static const struct {
	const char *column, *id;
} form_ids[] = {
	{"date", "a-date"},   {"count", "a-count"},
	{"amount", "a-amount"}, {"title", "a-title"},
	{"note", "a-note"},   {"reply", "a-reply"},
	{"reply_date", "a-reply-date"},
};

/* The values of the entry form: from the entry being edited, from what
 * was posted (after an error), or empty for a new entry. */
static void form_values(tvars *v, struct req *r, const struct activity *edit,
			int posted)
{
	static const char *const names[] = {"date",  "count", "amount",
					    "title", "note",  "reply",
					    "reply_date"};
	if (posted) {
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			tv_set(v, names[i], req_param_s(r, names[i]));
		}
		return;
	}
	if (edit) {
		layout_set_day(v, "date", edit->date);
		tv_set_int(v, "count", edit->count);
		if (edit->amount_fen >= 0) {
			char a[32];
			act_amount_format(edit->amount_fen, a);
			tv_set(v, "amount", a);
		}
		tv_set(v, "title", edit->title);
		tv_set(v, "note", edit->note);
		tv_set(v, "reply", edit->reply);
		layout_set_day(v, "reply_date", edit->reply_date);
		return;
	}
	char today[11];
	date_format(date_today(), today);
	tv_set(v, "date", today);
	tv_set(v, "count", "");
}

/* Renders a kind's list page. edit: the entry whose form is shown (NULL:
 * the new-entry form); error: the problem of a posted form (values are
 * then the posted ones), with its column. */
static int kind_page(struct req *r, const struct organ *o,
		     const struct act_kind *k, const struct activity *edit,
		     const char *error, const char *column, struct err *e)
{
	int is_msg = str_eq(k->code, ACT_MESSAGE);
	int year = param_year(r, is_msg ? 0 : this_year());
	int64_t page = 1;
	if (req_param(r, "page")) {
		str_to_i64(req_param(r, "page"), 1, 1000000, &page);
	}
	struct act_filter f = {o->id, k->code, year, k->has_reply, PER_PAGE,
			       (page - 1) * PER_PAGE};
	struct activity *v_rows = NULL;
	size_t n = 0;
	int64_t total = 0, *ids = NULL;
	size_t nids = 0;
	int rc = -1;
	tvars *v = tvars_new();
	struct actor who = auth_actor(r);
	int months = (int)r->app->conf.message_flag_months;
	int64_t flag = act_flag_before(date_today(), months);
	if (activity_list(r->st, &f, &v_rows, &n, &total, e)) {
		goto done;
	}
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "overview_href", "/admin/o/%s/activities", o->slug);
	layout_set_url(v, "action", "/admin/o/%s/activities/%s", o->slug,
		       k->code);
	tv_set(v, "kind_label", k->label);
	tv_set(v, "kind_code", k->code);
	tv_set(v, "unit", k->unit);
	tv_set_bool(v, "is_amount", k->measure == ACT_MEASURE_AMOUNT);
	tv_set_bool(v, "has_reply", k->has_reply);
	tv_set_bool(v, "is_message", is_msg);
	tv_set_int(v, "flag_months", months);
	year_options(v, year, 1);
	tv_set_int(v, "year", year);
	tv_set_int(v, "total", total);
	/* the form: new entries of every kind but the portal's messages,
	 * or the entry being edited */
	tv_set_bool(v, "show_form", edit || !is_msg);
	tv_set_bool(v, "editing", edit != NULL);
	if (edit) {
		layout_set_url(v, "form_action",
			       "/admin/o/%s/activities/%s/%lld/edit", o->slug,
			       k->code, (long long)edit->id);
		layout_set_url(v, "cancel_href",
			       "/admin/o/%s/activities/%s?year=%d", o->slug,
			       k->code, year);
	} else {
		layout_set_url(v, "form_action", "/admin/o/%s/activities/%s",
			       o->slug, k->code);
	}
	form_values(v, r, edit, error != NULL);
	char today[11];
	date_format(date_today(), today);
	tv_set(v, "today", today);
	if (error) {
		tv_set(v, "error", error);
		for (size_t i = 0; column && i < sizeof form_ids /
							 sizeof form_ids[0];
		     i++) {
			if (str_eq(column, form_ids[i].column)) {
				tv_setf(v, "error_href", "#%s", form_ids[i].id);
			}
		}
	}
	ids = xcalloc(n ? n : 1, sizeof *ids);
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		const struct activity *a = &v_rows[i];
		tvars *row = tv_add_row(v, "rows");
		layout_set_day(row, "date", a->date);
		set_measure(row, "measure", k, a->count, a->amount_fen);
		tv_set(row, "title", a->title);
		tv_set(row, "note", a->note);
		tv_set(row, "reply", a->reply);
		layout_set_day(row, "reply_date", a->reply_date);
		tv_set_bool(row, "unanswered", !a->reply_date);
		tv_set_bool(row, "overdue",
			    is_msg && !a->reply_date && a->date < flag);
		tv_set(row, "source",
		       a->source == ACT_SRC_IMPORT	   ? "导入"
		       : a->source == ACT_SRC_PUBLIC ? "网站留言"
						     : "录入");
		if (a->is_message) {
			/* the asker: personal data, each showing audited */
			tv_set_bool(row, "asker", 1);
			tv_set(row, "name", a->name);
			tv_set(row, "phone", a->phone);
			tv_set(row, "email", a->email);
			tv_set_bool(row, "hidden", a->hidden);
			tv_set_bool(row, "consent", a->consent);
			ids[nids++] = a->id;
			layout_set_url(row, "message_href",
				       "/admin/o/%s/messages/%lld", o->slug,
				       (long long)a->id);
		} else {
			layout_set_url(row, "edit_href",
				       "/admin/o/%s/activities/%s/%lld/edit",
				       o->slug, k->code, (long long)a->id);
		}
		layout_set_url(row, "delete_href",
			       "/admin/o/%s/activities/%s/%lld/delete", o->slug,
			       k->code, (long long)a->id);
	}
	if (message_viewed(r->st, &who, ids, nids, e)) {
		goto done;
	}
	Buf href = BUF_INIT;
	url_printf(&href, "/admin/o/%s/activities/%s?year=%d&page=", o->slug,
		   k->code, year);
	layout_pager(v, total, PER_PAGE, page, buf_str(&href));
	buf_free(&href);
	char title[160];
	snprintf(title, sizeof title, "%s - 工作记录", k->label);
	rc = layout_page(r, "admin_act_kind", title, v, e);
done:
	free(ids);
	tvars_free(v);
	activity_list_free(v_rows, n);
	return rc;
}

int admin_act_kind_page(struct req *r, struct err *e)
{
	struct target t;
	if (load_kind(r, &t, NULL, e)) {
		return -1;
	}
	int rc = kind_page(r, &t.o, &t.k, NULL, NULL, NULL, e);
	target_free(&t);
	return rc;
}

/* Reads the entry form into a (kind k). 0, or -1 with e and *column. */
static int read_entry(struct req *r, const struct act_kind *k,
		      struct activity *a, const char **column, struct err *e)
{
	*column = "date";
	if (act_date_parse("日期", req_param(r, "date"), &a->date, e)) {
		return -1;
	}
	*column = "count";
	/* the form has no count for amount kinds: it stays (1 when new) */
	if ((k->measure == ACT_MEASURE_COUNT || req_param(r, "count")) &&
	    act_count_parse(req_param(r, "count"), &a->count, e)) {
		return -1;
	}
	*column = "amount";
	const char *amount = req_param(r, "amount");
	a->amount_fen = -1;
	if ((k->measure == ACT_MEASURE_AMOUNT || !str_blank(amount)) &&
	    act_amount_parse(amount, &a->amount_fen, e)) {
		return -1;
	}
	free(a->title);
	free(a->note);
	free(a->reply);
	a->title = str_trim(xstrdup(req_param_s(r, "title")));
	a->note = xstrdup(req_param_s(r, "note"));
	a->reply = xstrdup(req_param_s(r, "reply"));
	*column = "reply_date";
	if (act_date_parse("答复日期", req_param(r, "reply_date"),
			   &a->reply_date, e)) {
		return -1;
	}
	/* a reply typed without its date is today's */
	if (k->has_reply && !str_blank(a->reply) && !a->reply_date) {
		a->reply_date = date_today();
	}
	return 0;
}

/* The page again after a refused form: the problem and what was typed,
 * with the status of e. */
static int refused(struct req *r, const struct organ *o,
		   const struct act_kind *k, const struct activity *edit,
		   const char *column, struct err *e)
{
	struct err msg = *e;
	r->status = err_status(&msg);
	return kind_page(r, o, k, edit, msg.msg, column, e);
}

/* Reads the form into t->a, stores it (new: create, else update) and
 * sends the browser back to the list; a refusal shows the page again. */
static int save_entry(struct req *r, struct target *t, int is_new,
		      struct err *e)
{
	const char *column = NULL;
	struct actor who = auth_actor(r);
	int rc = read_entry(r, &t->k, &t->a, &column, e);
	if (rc == 0) {
		rc = is_new ? activity_create(r->st, &who, &t->a, date_today(),
					      &column, e)
			    : activity_update(r->st, &who, &t->a, date_today(),
					      &column, e);
	}
	if (rc) {
		return e->code == ERR_INTERNAL || e->code == ERR_NOTFOUND
			       ? -1
			       : refused(r, &t->o, &t->k, is_new ? NULL : &t->a,
					 column, e);
	}
	int y, m, d;
	date_civil(t->a.date, &y, &m, &d);
	redirect_list(r, &t->o, t->k.code, y, is_new ? "created" : "saved");
	return 0;
}

int admin_act_new_post(struct req *r, struct err *e)
{
	struct target t;
	if (load_kind(r, &t, NULL, e)) {
		return -1;
	}
	int rc = -1;
	if (str_eq(t.k.code, ACT_MESSAGE)) {
		err_set(e, ERR_INPUT,
			"网上留言由公众在网站上提交，不能在这里录入。");
	} else {
		t.a.organ_id = t.o.id;
		t.a.kind = xstrdup(t.k.code);
		t.a.source = ACT_SRC_STAFF;
		rc = save_entry(r, &t, 1, e);
	}
	target_free(&t);
	return rc;
}

/* The entry of an edit or delete URL. */
static int load_url_entry(struct req *r, struct target *t, struct err *e)
{
	return load_entry(r, t, NULL, 2, "没有这条工作记录。", e);
}

/* An entry filed on the portal keeps the asker's words. */
static int editable(const struct activity *a, struct err *e)
{
	if (a->is_message) {
		return err_set(e, ERR_CONFLICT,
			       "网上留言的内容由留言人提交，不能修改；请在留言"
			       "页面答复。");
	}
	return 0;
}

int admin_act_edit_page(struct req *r, struct err *e)
{
	struct target t;
	if (load_url_entry(r, &t, e)) {
		return -1;
	}
	int rc = editable(&t.a, e)
			 ? -1
			 : kind_page(r, &t.o, &t.k, &t.a, NULL, NULL, e);
	target_free(&t);
	return rc;
}

int admin_act_edit_post(struct req *r, struct err *e)
{
	struct target t;
	if (load_url_entry(r, &t, e)) {
		return -1;
	}
	int rc = editable(&t.a, e) ? -1 : save_entry(r, &t, 0, e);
	target_free(&t);
	return rc;
}

/*---- Deleting ----*/

int admin_act_delete_page(struct req *r, struct err *e)
{
	struct target t;
	if (load_url_entry(r, &t, e)) {
		return -1;
	}
	const struct activity *a = &t.a;
	int y, m, d;
	date_civil(a->date, &y, &m, &d);
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", t.o.name);
	tv_set(v, "kind_label", t.k.label);
	layout_set_url(v, "overview_href", "/admin/o/%s/activities", t.o.slug);
	layout_set_url(v, "list_href", "/admin/o/%s/activities/%s?year=%d",
		       t.o.slug, t.k.code, y);
	layout_set_url(v, "action", "/admin/o/%s/activities/%s/%lld/delete",
		       t.o.slug, t.k.code, (long long)a->id);
	layout_set_day(v, "date", a->date);
	set_measure(v, "measure", &t.k, a->count, a->amount_fen);
	tv_set(v, "title", a->title);
	tv_set_bool(v, "is_message", a->is_message);
	int rc = layout_page(r, "admin_act_delete", "删除工作记录", v, e);
	tvars_free(v);
	target_free(&t);
	return rc;
}

int admin_act_delete_post(struct req *r, struct err *e)
{
	struct target t;
	if (load_url_entry(r, &t, e)) {
		return -1;
	}
	struct actor who = auth_actor(r);
	int rc = activity_delete(r->st, &who, t.o.id, t.a.id, e);
	if (rc == 0) {
		int y, m, d;
		date_civil(t.a.date, &y, &m, &d);
		redirect_list(r, &t.o, t.k.code, y, "deleted");
	}
	target_free(&t);
	return rc;
}

/*---- Kinds (admins) ----*/

static int kinds_page(struct req *r, const char *error, struct err *e)
{
	struct act_kind *kinds = NULL;
	size_t n = 0;
	if (activity_kinds(r->st, &kinds, &n, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	tv_set(v, "error", error);
	tv_set_list_empty(v, "kinds");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "kinds");
		tv_set(row, "code", kinds[i].code);
		tv_set(row, "label", kinds[i].label);
		tv_set(row, "unit", kinds[i].unit);
		tv_set(row, "measure", kinds[i].measure == ACT_MEASURE_AMOUNT
					       ? "金额"
					       : "件数");
		tv_set_bool(row, "has_reply", kinds[i].has_reply);
		tv_set_bool(row, "builtin", kinds[i].builtin);
	}
	int posted = error != NULL;
	tv_set(v, "code", posted ? req_param_s(r, "code") : "");
	tv_set(v, "name", posted ? req_param_s(r, "label") : "");
	const char *measure = posted ? req_param_s(r, "measure") : "count";
	tv_set_list_empty(v, "measures");
	layout_option(v, "measures", "count", "件数(件、场、次……)",
		      !str_eq(measure, "amount"));
	layout_option(v, "measures", "amount", "金额(元)",
		      str_eq(measure, "amount"));
	tv_set_bool(v, "reply_checked",
		    posted && !str_empty(req_param(r, "has_reply")));
	int rc = layout_page(r, "admin_act_kinds", "工作类型", v, e);
	tvars_free(v);
	activity_kinds_free(kinds, n);
	return rc;
}

int admin_act_kinds_page(struct req *r, struct err *e)
{
	return kinds_page(r, NULL, e);
}

int admin_act_kinds_post(struct req *r, struct err *e)
{
	char *code = str_trim(xstrdup(req_param_s(r, "code")));
	char *label = str_trim(xstrdup(req_param_s(r, "label")));
	struct act_kind k = {code, label, "", ACT_MEASURE_COUNT, 0, 0};
	k.measure = str_eq(req_param(r, "measure"), "amount")
			    ? ACT_MEASURE_AMOUNT
			    : ACT_MEASURE_COUNT;
	k.has_reply = !str_empty(req_param(r, "has_reply"));
	struct actor who = auth_actor(r);
	int rc = 0;
	if (activity_kind_add(r->st, &who, &k, e)) {
		if (e->code == ERR_INTERNAL) {
			rc = -1;
		} else {
			struct err msg = *e;
			r->status = err_status(&msg);
			rc = kinds_page(r, msg.msg, e);
		}
	} else {
		resp_redirect(r, "/admin/activity-kinds?done=kind");
	}
	free(code);
	free(label);
	return rc;
}

/*---- Public messages ----*/

/* The public message whose id is the URL's second capture. */
static int load_message(struct req *r, struct target *t, struct err *e)
{
	return load_entry(r, t, ACT_MESSAGE, 1, "没有这条留言。", e);
}

static void redirect_message(struct req *r, const struct organ *o,
			     int64_t id, const char *done)
{
	Buf b = BUF_INIT;
	url_printf(&b, "/admin/o/%s/messages/%lld?done=%s", o->slug,
		   (long long)id, done);
	resp_redirect(r, buf_str(&b));
	buf_free(&b);
}

static int message_page(struct req *r, const struct organ *o,
			const struct activity *m, const char *error,
			struct err *e)
{
	struct actor who = auth_actor(r);
	if (m->is_message && message_viewed(r->st, &who, &m->id, 1, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	layout_notice(r, v, done_notes,
		      sizeof done_notes / sizeof done_notes[0]);
	tv_set(v, "error", error);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "overview_href", "/admin/o/%s/activities", o->slug);
	layout_set_url(v, "list_href", "/admin/o/%s/activities/%s?year=0",
		       o->slug, ACT_MESSAGE);
	layout_set_url(v, "reply_action", "/admin/o/%s/messages/%lld/reply",
		       o->slug, (long long)m->id);
	layout_set_url(v, "visibility_action",
		       "/admin/o/%s/messages/%lld/visibility", o->slug,
		       (long long)m->id);
	layout_set_url(v, "public_href", "/organ/%s/messages", o->slug);
	tv_set(v, "code", m->code);
	layout_set_day(v, "date", m->date);
	tv_set(v, "title", m->title);
	tv_set(v, "note", m->note);
	tv_set_bool(v, "asker", m->is_message);
	tv_set(v, "name", m->name);
	tv_set(v, "phone", m->phone);
	tv_set(v, "email", m->email);
	tv_set_bool(v, "consent", m->consent);
	tv_set_bool(v, "hidden", m->hidden);
	tv_set_bool(v, "replied", m->reply_date != 0);
	tv_set_bool(v, "public",
		    m->is_message && m->reply_date && m->consent && !m->hidden);
	int months = (int)r->app->conf.message_flag_months;
	tv_set_int(v, "flag_months", months);
	tv_set_bool(v, "overdue",
		    !m->reply_date &&
			    m->date < act_flag_before(date_today(), months));
	char today[11];
	date_format(date_today(), today);
	tv_set(v, "today", today);
	if (error) {
		tv_set(v, "reply", req_param_s(r, "reply"));
		tv_set(v, "reply_date", req_param_s(r, "reply_date"));
	} else {
		tv_set(v, "reply", m->reply);
		if (m->reply_date) {
			layout_set_day(v, "reply_date", m->reply_date);
		} else {
			tv_set(v, "reply_date", today);
		}
	}
	char title[160];
	snprintf(title, sizeof title, "网上留言 %s",
		 str_empty(m->code) ? "" : m->code);
	int rc = layout_page(r, "admin_message", title, v, e);
	tvars_free(v);
	return rc;
}

int admin_msg_page(struct req *r, struct err *e)
{
	struct target t;
	if (load_message(r, &t, e)) {
		return -1;
	}
	int rc = message_page(r, &t.o, &t.a, NULL, e);
	target_free(&t);
	return rc;
}

int admin_msg_reply_post(struct req *r, struct err *e)
{
	struct target t;
	if (load_message(r, &t, e)) {
		return -1;
	}
	int64_t when = 0;
	int rc = -1;
	struct actor who = auth_actor(r);
	Buf base = BUF_INIT;
	portal_mail_base(r, &base);
	if (act_date_parse("答复日期", req_param(r, "reply_date"), &when, e) ||
	    message_reply(r->st, &who, t.o.id, t.a.id, req_param_s(r, "reply"),
			  when ? when : date_today(), date_today(),
			  buf_str(&base), e)) {
		if (e->code == ERR_INPUT) {
			struct err msg = *e;
			r->status = err_status(&msg);
			rc = message_page(r, &t.o, &t.a, msg.msg, e);
		}
	} else {
		redirect_message(r, &t.o, t.a.id, "replied");
		rc = 0;
	}
	buf_free(&base);
	target_free(&t);
	return rc;
}

int admin_msg_visibility_post(struct req *r, struct err *e)
{
	struct target t;
	if (load_message(r, &t, e)) {
		return -1;
	}
	int hide = str_eq(req_param(r, "hidden"), "1");
	struct actor who = auth_actor(r);
	int rc = message_set_hidden(r->st, &who, t.o.id, t.a.id, hide, e);
	if (rc == 0) {
		redirect_message(r, &t.o, t.a.id, hide ? "hidden" : "shown");
	}
	target_free(&t);
	return rc;
}
