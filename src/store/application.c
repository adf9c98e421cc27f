/*
 * application.c - every statement that touches application, consultation,
 * application_event and application_file (see application.h).
 */
#include "store/application.h"

#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "domain/deadline.h"
#include "domain/fee.h"
#include "store/audit.h"
#include "store/outbox.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define APP_COLS                                                          \
	"a.id, a.organ_id, o.slug, o.name, a.tracking_code, a.channel, "  \
	"a.applicant_kind, a.applicant_name, a.id_type, a.id_number, "    \
	"a.legal_rep, a.contact_person, a.phone, a.email, a.address, "    \
	"a.postcode, a.request, a.doc_no, a.purpose, a.delivery, "        \
	"a.submitted_at, a.received_date, a.supplement_requested, "       \
	"a.supplement_deadline, a.supplement_received, a.supplement_note, " \
	"a.extension_days, a.extension_date, a.extension_reason, "        \
	"a.extension_by, a.fee_method, a.fee_units, a.fee_amount, "       \
	"a.fee_notice_date, a.fee_deadline, a.fee_paid_date, a.outcome, "  \
	"a.replied_date, a.reply_text, a.delivered_date, a.delivered_how, " \
	"a.status, a.due_date, a.created_by, a.created_at, a.updated_at "
#define APP_FROM " FROM application a JOIN organ o ON o.id = a.organ_id "

static void fill(sqlite3_stmt *s, void *p)
{
	struct application *a = p;
	app_init(a);
	a->id = st_col_int(s, 0);
	a->organ_id = st_col_int(s, 1);
	a->organ_slug = st_col_text(s, 2);
	a->organ_name = st_col_text(s, 3);
	a->tracking_code = st_col_text(s, 4);
	a->channel = st_col_vocab(s, 5, app_channels, CHAN_COUNT);
	a->kind = st_col_vocab(s, 6, app_kinds, AK_COUNT);
	a->name = st_col_text(s, 7);
	a->id_type = st_col_text(s, 8);
	a->id_number = st_col_text(s, 9);
	a->legal_rep = st_col_text(s, 10);
	a->contact_person = st_col_text(s, 11);
	a->phone = st_col_text(s, 12);
	a->email = st_col_text(s, 13);
	a->address = st_col_text(s, 14);
	a->postcode = st_col_text(s, 15);
	a->request = st_col_text(s, 16);
	a->doc_no = st_col_text(s, 17);
	a->purpose = st_col_text(s, 18);
	a->delivery = st_col_vocab(s, 19, app_deliveries, DLV_COUNT);
	a->submitted_at = st_col_text(s, 20);
	if (a->submitted_at && strlen(a->submitted_at) >= 10) {
		char d[11];
		memcpy(d, a->submitted_at, 10);
		d[10] = 0;
		if (date_parse(d, &a->submitted)) {
			a->submitted = 0;
		}
	}
	a->received = st_col_day(s, 21);
	a->supp_requested = st_col_day(s, 22);
	a->supp_deadline = st_col_day(s, 23);
	a->supp_received = st_col_day(s, 24);
	a->supp_note = st_col_text(s, 25);
	a->ext_days = (int)st_col_int(s, 26);
	a->ext_date = st_col_day(s, 27);
	a->ext_reason = st_col_text(s, 28);
	a->ext_by = st_col_int(s, 29);
	a->fee_method = st_col_vocab(s, 30, fee_methods, FEE_METHOD_COUNT);
	a->fee_units = (int)st_col_int(s, 31);
	a->fee_amount = st_col_int(s, 32);
	a->fee_notice = st_col_day(s, 33);
	a->fee_deadline = st_col_day(s, 34);
	a->fee_paid = st_col_day(s, 35);
	const char *oc = (const char *)sqlite3_column_text(s, 36);
	a->outcome = oc ? app_outcome_parse(oc, NULL) : -1;
	a->replied = st_col_day(s, 37);
	a->reply_text = st_col_text(s, 38);
	a->delivered = st_col_day(s, 39);
	a->delivered_how = st_col_text(s, 40);
	a->status = st_col_vocab(s, 41, app_statuses, AS_COUNT);
	a->due = st_col_day(s, 42);
	a->created_by = st_col_int(s, 43);
	a->created_at = st_col_text(s, 44);
	a->updated_at = st_col_text(s, 45);
}

static void clear_any(void *p)
{
	app_clear(p);
}

void application_list_free(struct application *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		app_clear(&v[i]);
	}
	free(v);
}

void app_filter_init(struct app_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = f->channel = f->kind = f->family = -1;
	f->limit = 50;
}

static int load_consults(store *st, struct application *a, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT id, kind, party, note, started, ended FROM "
		"consultation WHERE application_id = ?1 ORDER BY started, id",
		e);
	if (!s || st_bind_int(st, s, 1, a->id, e)) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		a->consults = xrealloc(a->consults, (a->nconsults + 1) *
							    sizeof *a->consults);
		struct consultation *k = &a->consults[a->nconsults++];
		memset(k, 0, sizeof *k);
		k->id = st_col_int(s, 0);
		k->kind = st_col_vocab(s, 1, consult_kinds, CONSULT_COUNT);
		k->party = st_col_text(s, 2);
		k->note = st_col_text(s, 3);
		k->started = st_col_day(s, 4);
		k->ended = st_col_day(s, 5);
	}
	return rc < 0 ? -1 : 0;
}

/* Steps a "SELECT APP_COLS" statement once and loads the consultations:
 * 1 found, 0 not, -1 error (out cleared). */
static int one_with_consults(store *st, sqlite3_stmt *s,
			     struct application *out, struct err *e)
{
	int rc = st_one(st, s, fill, out, e);
	if (rc == 1 && load_consults(st, out, e)) {
		app_clear(out);
		return -1;
	}
	return rc;
}

int application_get(store *st, int64_t organ_id, int64_t id,
		    struct application *out, struct err *e)
{
	app_init(out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " APP_COLS APP_FROM
				     "WHERE a.id = ?1 AND (?2 = 0 OR "
				     "a.organ_id = ?2)",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	return one_with_consults(st, s, out, e);
}

int application_by_code(store *st, const char *code,
			struct application *out, struct err *e)
{
	app_init(out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " APP_COLS APP_FROM
				     "WHERE a.tracking_code = ?1",
				     e);
	if (!s || st_bind_text(st, s, 1, code, e)) {
		return -1;
	}
	return one_with_consults(st, s, out, e);
}

/* The WHERE clause shared by the list and its count (?1..?11). */
#define APP_WHERE                                                          \
	"WHERE (?1 = 0 OR a.organ_id = ?1) AND (?2 = '' OR a.status = ?2) " \
	"AND (?3 = '' OR a.channel = ?3) AND (?4 = '' OR "                 \
	"a.applicant_kind = ?4) AND (?5 = '' OR a.outcome = ?5 OR "        \
	"a.outcome LIKE ?5 || '.%') AND (?6 = 0 OR "                       \
	"substr(coalesce(a.received_date, a.submitted_at), 1, 4) = "       \
	"printf('%04d', ?6)) AND (?7 = '' OR (a.status <> 'closed' AND "   \
	"a.due_date IS NOT NULL AND (CASE WHEN ?8 THEN a.due_date < ?7 "   \
	"ELSE a.due_date <= ?7 END))) AND (?9 = '' OR a.tracking_code = "  \
	"?9 OR instr(a.applicant_name, ?9) > 0 OR instr(a.request, ?9) > " \
	"0) "

static int bind_filter(store *st, sqlite3_stmt *s, const struct app_filter *f,
		       struct err *e)
{
	char due[11] = "";
	if (f->due_by) {
		date_format(f->due_by, due);
	}
	return st_bind_int(st, s, 1, f->organ_id, e) ||
	       st_bind_text(st, s, 2,
			    f->status >= 0 ? app_statuses[f->status].code : "",
			    e) ||
	       st_bind_text(st, s, 3,
			    f->channel >= 0 ? app_channels[f->channel].code
					    : "",
			    e) ||
	       st_bind_text(st, s, 4,
			    f->kind >= 0 ? app_kinds[f->kind].code : "", e) ||
	       st_bind_text(st, s, 5,
			    f->family >= 0 ? outcome_families[f->family].code
					   : "",
			    e) ||
	       st_bind_int(st, s, 6, f->year, e) ||
	       st_bind_text(st, s, 7, due, e) ||
	       st_bind_int(st, s, 8, f->overdue, e) ||
	       st_bind_text(st, s, 9, f->q ? f->q : "", e);
}

int application_list(store *st, const struct app_filter *f,
		     struct application **out, size_t *n, int64_t *total,
		     struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st, "SELECT count(*)" APP_FROM APP_WHERE, e);
	if (!s || bind_filter(st, s, f, e) || st_step(st, s, e) < 0) {
		return -1;
	}
	*total = st_col_int(s, 0);
	sqlite3_reset(s);
	/* open ones by due date first, then the newest */
	s = st_prepare(st,
		       "SELECT " APP_COLS APP_FROM APP_WHERE
		       "ORDER BY a.status = 'closed', a.due_date IS NULL, "
		       "a.due_date, a.id DESC LIMIT ?10 OFFSET ?11",
		       e);
	if (!s || bind_filter(st, s, f, e) ||
	    st_bind_int(st, s, 10, f->limit, e) ||
	    st_bind_int(st, s, 11, f->offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

/*---- Writing ----*/

static char *snapshot(const struct application *a)
{
	char r[11], q[11], sd[11], sr[11], fn[11], fp[11], rp[11], dv[11];
	date_format_opt(a->received, r);
	date_format_opt(a->supp_requested, q);
	date_format_opt(a->supp_deadline, sd);
	date_format_opt(a->supp_received, sr);
	date_format_opt(a->fee_notice, fn);
	date_format_opt(a->fee_paid, fp);
	date_format_opt(a->replied, rp);
	date_format_opt(a->delivered, dv);
	json_t *j = json_pack(
		"{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, "
		"s:s, s:i, s:s, s:I, s:s, s:s, s:s}",
		"tracking_code", a->tracking_code, "channel",
		app_channels[a->channel].code, "applicant_kind",
		app_kinds[a->kind].code, "applicant_name", a->name ? a->name : "",
		"request", a->request ? a->request : "", "received", r,
		"supplement_requested", q, "supplement_deadline", sd,
		"supplement_received", sr, "fee_notice", fn, "fee_paid", fp,
		"replied", rp, "outcome",
		a->outcome >= 0 ? app_outcomes[a->outcome].code : "",
		"extension_days", a->ext_days, "delivered", dv, "fee_amount",
		(json_int_t)a->fee_amount, "status", app_statuses[a->status].code,
		"delivery", app_deliveries[a->delivery].code, "email",
		a->email ? a->email : "");
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/* Derives status and due date from the dates (the deadline engine). */
static void derive(struct application *a, const struct app_env *env,
		   struct deadline *d)
{
	deadline_compute(a, env->cal, env->today, env->fee_stops_clock, d);
	a->status = app_derive_status(a);
	a->due = d->due;
}

/* Writes every column of a (not the consultations). */
static int write_row(store *st, const struct application *a, struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE application SET channel = ?2, applicant_kind = ?3, "
		"applicant_name = ?4, id_type = ?5, id_number = ?6, legal_rep "
		"= ?7, contact_person = ?8, phone = ?9, email = ?10, address = "
		"?11, postcode = ?12, request = ?13, doc_no = ?14, purpose = "
		"?15, delivery = ?16, received_date = ?17, "
		"supplement_requested = ?18, supplement_deadline = ?19, "
		"supplement_received = ?20, supplement_note = ?21, "
		"extension_days = ?22, extension_date = ?23, extension_reason "
		"= ?24, extension_by = ?25, fee_method = ?26, fee_units = ?27, "
		"fee_amount = ?28, fee_notice_date = ?29, fee_deadline = ?30, "
		"fee_paid_date = ?31, outcome = ?32, replied_date = ?33, "
		"reply_text = ?34, delivered_date = ?35, delivered_how = ?36, "
		"status = ?37, due_date = ?38, updated_at = ?39 WHERE id = ?1",
		e);
	return !s || st_bind_int(st, s, 1, a->id, e) ||
	       st_bind_text(st, s, 2, app_channels[a->channel].code, e) ||
	       st_bind_text(st, s, 3, app_kinds[a->kind].code, e) ||
	       st_bind_text(st, s, 4, a->name ? a->name : "", e) ||
	       st_bind_text(st, s, 5, a->id_type ? a->id_type : "", e) ||
	       st_bind_text(st, s, 6, a->id_number ? a->id_number : "", e) ||
	       st_bind_text(st, s, 7, a->legal_rep ? a->legal_rep : "", e) ||
	       st_bind_text(st, s, 8,
			    a->contact_person ? a->contact_person : "", e) ||
	       st_bind_text(st, s, 9, a->phone ? a->phone : "", e) ||
	       st_bind_text(st, s, 10, a->email ? a->email : "", e) ||
	       st_bind_text(st, s, 11, a->address ? a->address : "", e) ||
	       st_bind_text(st, s, 12, a->postcode ? a->postcode : "", e) ||
	       st_bind_text(st, s, 13, a->request ? a->request : "", e) ||
	       st_bind_text(st, s, 14, a->doc_no ? a->doc_no : "", e) ||
	       st_bind_text(st, s, 15, a->purpose ? a->purpose : "", e) ||
	       st_bind_text(st, s, 16, app_deliveries[a->delivery].code, e) ||
	       st_bind_day(st, s, 17, a->received, e) ||
	       st_bind_day(st, s, 18, a->supp_requested, e) ||
	       st_bind_day(st, s, 19, a->supp_deadline, e) ||
	       st_bind_day(st, s, 20, a->supp_received, e) ||
	       st_bind_text(st, s, 21, a->supp_note ? a->supp_note : "", e) ||
	       st_bind_int(st, s, 22, a->ext_days, e) ||
	       st_bind_day(st, s, 23, a->ext_date, e) ||
	       st_bind_text(st, s, 24, a->ext_reason ? a->ext_reason : "",
			    e) ||
	       st_bind_int(st, s, 25, a->ext_by, e) ||
	       st_bind_text(st, s, 26, fee_methods[a->fee_method].code, e) ||
	       st_bind_int(st, s, 27, a->fee_units, e) ||
	       st_bind_int(st, s, 28, a->fee_amount, e) ||
	       st_bind_day(st, s, 29, a->fee_notice, e) ||
	       st_bind_day(st, s, 30, a->fee_deadline, e) ||
	       st_bind_day(st, s, 31, a->fee_paid, e) ||
	       st_bind_text(st, s, 32,
			    a->outcome >= 0 ? app_outcomes[a->outcome].code
					    : NULL,
			    e) ||
	       st_bind_day(st, s, 33, a->replied, e) ||
	       st_bind_text(st, s, 34, a->reply_text ? a->reply_text : "",
			    e) ||
	       st_bind_day(st, s, 35, a->delivered, e) ||
	       st_bind_text(st, s, 36,
			    a->delivered_how ? a->delivered_how : "", e) ||
	       st_bind_text(st, s, 37, app_statuses[a->status].code, e) ||
	       st_bind_day(st, s, 38, a->due, e) ||
	       st_bind_text(st, s, 39, now, e) || st_exec(st, s, e)
		       ? -1
		       : 0;
}

static int add_event(store *st, const struct actor *who, int64_t app_id,
		     int64_t date, const char *kind, const char *note,
		     struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO application_event (application_id, at, date, "
		"kind, user_id, actor, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7)",
		e);
	return !s || st_bind_int(st, s, 1, app_id, e) ||
	       st_bind_text(st, s, 2, now, e) ||
	       st_bind_day(st, s, 3, date, e) ||
	       st_bind_text(st, s, 4, kind, e) ||
	       st_bind_int(st, s, 5, who->user_id, e) ||
	       st_bind_text(st, s, 6, who->label, e) ||
	       st_bind_text(st, s, 7, note ? note : "", e) ||
	       st_exec(st, s, e)
		       ? -1
		       : 0;
}

/* Queues the applicant's notice of event ev when they gave an e-mail. */
static int notify(store *st, const struct application *a, int ev,
		  const struct app_env *env, struct err *e)
{
	if (str_blank(a->email) || env->no_mail) {
		return 0;
	}
	Buf subj = BUF_INIT, body = BUF_INIT;
	int rc = 0;
	if (app_notice(a, ev, a->due, env->base_url, &subj, &body)) {
		rc = outbox_add(st, a->organ_id, a->id, a->email,
				buf_str(&subj), buf_str(&body), NULL, e) < 0
			     ? -1
			     : 0;
	}
	buf_free(&subj);
	buf_free(&body);
	return rc;
}

/* A tracking code: the year and eight characters without look-alikes. */
static void new_code(int64_t today, char out[20])
{
	static const char set[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	char hex[CRYPTO_HEX32];
	crypto_random_hex(hex);
	int y, m, d;
	date_civil(today, &y, &m, &d);
	int k = snprintf(out, 20, "%04d-", y);
	for (int i = 0; i < 8; i++) {
		unsigned v = 0;
		sscanf(hex + 2 * i, "%2x", &v);
		out[k++] = set[v % 32];
		if (i == 3) {
			out[k++] = '-';
		}
	}
	out[k] = 0;
}

int application_create(store *st, const struct actor *who,
		       struct application *a, const struct app_env *env,
		       struct err *e)
{
	char code[20], now[21];
	date_timestamp(time(NULL), now);
	if (!a->submitted_at) {
		char m[17];
		date_local_minute(time(NULL), m);
		a->submitted_at = xstrdup(m);
		a->submitted = env->today;
	}
	if (a->channel == CHAN_IN_PERSON && !a->received) {
		a->received = a->submitted;
	}
	if (a->received && a->received < a->submitted) {
		return err_set(e, ERR_INPUT,
			       "received_date: 收到申请日期早于提交日期");
	}
	if (a->received > env->today || a->submitted > env->today) {
		return err_set(e, ERR_INPUT, "收到申请日期晚于今天");
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct deadline d;
	derive(a, env, &d);
	deadline_free(&d);
	int generated = str_empty(a->tracking_code);
	for (int attempt = 0;; attempt++) {
		if (generated) {
			new_code(a->submitted ? a->submitted : env->today,
				 code);
			free(a->tracking_code);
			a->tracking_code = xstrdup(code);
		}
		sqlite3_stmt *s = st_prepare(
			st,
			"INSERT INTO application (organ_id, tracking_code, "
			"channel, applicant_kind, submitted_at, submit_ip, "
			"created_by, created_at, updated_at) SELECT ?1, ?2, ?3, "
			"?4, ?5, ?6, ?7, ?8, ?8 WHERE NOT EXISTS (SELECT 1 FROM "
			"application WHERE tracking_code = ?2)",
			e);
		if (!s || st_bind_int(st, s, 1, a->organ_id, e) ||
		    st_bind_text(st, s, 2, a->tracking_code, e) ||
		    st_bind_text(st, s, 3, app_channels[a->channel].code, e) ||
		    st_bind_text(st, s, 4, app_kinds[a->kind].code, e) ||
		    st_bind_text(st, s, 5, a->submitted_at, e) ||
		    st_bind_text(st, s, 6, env->ip_hash ? env->ip_hash : "",
				 e) ||
		    st_bind_int(st, s, 7, who->user_id, e) ||
		    st_bind_text(st, s, 8, now, e) || st_exec(st, s, e)) {
			goto fail;
		}
		if (sqlite3_changes(st->db) == 1) {
			break;
		}
		if (!generated || attempt > 5) {
			err_set(e, ERR_CONFLICT, "tracking_code: 申请编号 %s 已存在",
				a->tracking_code);
			goto fail;
		}
	}
	a->id = sqlite3_last_insert_rowid(st->db);
	a->created_by = who->user_id;
	char *snap = NULL;
	if (write_row(st, a, e) ||
	    add_event(st, who, a->id, a->submitted, "submitted",
		      app_channels[a->channel].label, e) ||
	    (a->received && a->channel != CHAN_IN_PERSON &&
	     add_event(st, who, a->id, a->received, "receive", "", e)) ||
	    (a->outcome >= 0 &&
	     add_event(st, who, a->id, a->replied, "reply",
		       app_outcomes[a->outcome].label, e)) ||
	    !(snap = snapshot(a)) ||
	    audit_append(st, who, "application.create", "application", a->id,
			 NULL, snap, e) ||
	    (a->outcome < 0 && notify(st, a, EV_COUNT, env, e))) {
		free(snap);
		goto fail;
	}
	free(snap);
	return store_tx_commit(st, e);
fail:
	store_tx_rollback(st);
	return -1;
}

int application_update(store *st, const struct actor *who,
		       const struct application *a, const struct app_env *env,
		       struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct application cur;
	char *before = NULL, *after = NULL;
	int rc = application_get(st, a->organ_id, a->id, &cur, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "申请不存在");
		}
		goto fail;
	}
	if (cur.outcome >= 0) {
		err_set(e, ERR_CONFLICT, "已答复的申请不能再修改申请人信息");
		goto fail;
	}
	before = snapshot(&cur);
	/* only the applicant and request fields come from a */
	char **dst[] = {&cur.name,	&cur.id_type,	&cur.id_number,
			&cur.legal_rep, &cur.contact_person, &cur.phone,
			&cur.email,	&cur.address,	&cur.postcode,
			&cur.request,	&cur.doc_no,	&cur.purpose};
	const char *src[] = {a->name,	 a->id_type,	a->id_number,
			     a->legal_rep, a->contact_person, a->phone,
			     a->email,	 a->address,	a->postcode,
			     a->request,	 a->doc_no,	a->purpose};
	for (size_t i = 0; i < sizeof dst / sizeof dst[0]; i++) {
		free(*dst[i]);
		*dst[i] = xstrdup(src[i] ? src[i] : "");
	}
	cur.kind = a->kind;
	cur.delivery = a->delivery;
	struct deadline d;
	derive(&cur, env, &d);
	deadline_free(&d);
	after = snapshot(&cur);
	if (write_row(st, &cur, e) ||
	    add_event(st, who, cur.id, 0, "edit", "修改申请人或申请内容", e) ||
	    audit_append(st, who, "application.update", "application", cur.id,
			 before, after, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	app_clear(&cur);
	return 0;
fail:
	free(before);
	free(after);
	if (rc > 0) {
		app_clear(&cur);
	}
	store_tx_rollback(st);
	return -1;
}

int application_month_count(store *st, const struct application *a,
			    int64_t *count, struct err *e)
{
	char month[16] = "";
	int y, m, d;
	date_civil(a->received ? a->received : a->submitted, &y, &m, &d);
	snprintf(month, sizeof month, "%04d-%02d", y % 10000, m % 100);
	/* each earlier application counts as its fee units (items split
	 * 一事一申请), at least 1 */
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT coalesce(sum(CASE WHEN fee_method = 'item' AND "
		"fee_units > 1 THEN fee_units ELSE 1 END), 0) FROM application "
		"WHERE organ_id = ?1 AND id <> ?2 AND id < ?2 AND "
		"substr(coalesce(received_date, submitted_at), 1, 7) = ?3 AND "
		"(CASE WHEN ?4 <> '' THEN upper(replace(id_number, ' ', '')) = "
		"upper(replace(?4, ' ', '')) ELSE applicant_name = ?5 END)",
		e);
	if (!s || st_bind_int(st, s, 1, a->organ_id, e) ||
	    st_bind_int(st, s, 2, a->id, e) ||
	    st_bind_text(st, s, 3, month, e) ||
	    st_bind_text(st, s, 4, a->id_number ? a->id_number : "", e) ||
	    st_bind_text(st, s, 5, a->name ? a->name : "", e) ||
	    st_step(st, s, e) < 0) {
		return -1;
	}
	*count = st_col_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int insert_consult(store *st, int64_t app_id,
			  struct consultation *k, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO consultation (application_id, kind, party, "
		"started, note) VALUES (?1, ?2, ?3, ?4, '')",
		e);
	if (!s || st_bind_int(st, s, 1, app_id, e) ||
	    st_bind_text(st, s, 2, consult_kinds[k->kind].code, e) ||
	    st_bind_text(st, s, 3, k->party, e) ||
	    st_bind_day(st, s, 4, k->started, e) || st_exec(st, s, e)) {
		return -1;
	}
	k->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int end_consult(store *st, int64_t app_id, int64_t id, int64_t day,
		       struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE consultation SET ended = ?3 WHERE id = ?1 AND "
		"application_id = ?2",
		e);
	return !s || st_bind_int(st, s, 1, id, e) ||
	       st_bind_int(st, s, 2, app_id, e) ||
	       st_bind_day(st, s, 3, day, e) || st_exec(st, s, e)
		       ? -1
		       : 0;
}

/* The change on a loaded application, inside the caller's transaction. */
static int act_in_tx(store *st, const struct actor *who, enum role role,
		     struct application *a, struct app_change *c,
		     const struct app_env *env, struct err *e)
{
	struct deadline d;
	derive(a, env, &d); /* a->due as it stands, for the extension rule */
	deadline_free(&d);
	if (c->ev == EV_FEE_NOTICE && !c->fee_amount) {
		int64_t before = 0;
		if (c->fee_method == FEE_BY_ITEM) {
			if (application_month_count(st, a, &before, e)) {
				return -1;
			}
			c->fee_amount = fee_by_item(before, c->units);
		} else {
			c->fee_amount = fee_by_volume(c->units);
		}
	}
	char *before = snapshot(a);
	size_t nconsults = a->nconsults;
	if (app_apply(a, c, role, env->today, e)) {
		free(before);
		return -1;
	}
	if (c->ev == EV_EXTEND) {
		a->ext_by = who->user_id;
	}
	derive(a, env, &d);
	deadline_free(&d);
	Buf note = BUF_INIT;
	app_change_describe(a, c, &note);
	char *after = snapshot(a);
	char action[48];
	snprintf(action, sizeof action, "application.%s",
		 app_events[c->ev].code);
	int rc = (a->nconsults > nconsults &&
		  insert_consult(st, a->id, &a->consults[nconsults], e)) ||
			 (c->ev == EV_CONSULT_END &&
			  end_consult(st, a->id, c->consult_id, c->date, e)) ||
			 write_row(st, a, e) ||
			 add_event(st, who, a->id, c->date,
				   app_events[c->ev].code, buf_str(&note), e) ||
			 audit_append(st, who, action, "application", a->id,
				      before, after, e) ||
			 notify(st, a, c->ev, env, e)
		 ? -1
		 : 0;
	buf_free(&note);
	free(before);
	free(after);
	return rc;
}

int application_act(store *st, const struct actor *who, int64_t user_id,
		    enum role role, int64_t organ_id, int64_t id,
		    struct app_change *c, const struct app_env *env,
		    struct err *e)
{
	(void)user_id;
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct application a;
	int rc = application_get(st, organ_id, id, &a, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "申请不存在");
		}
		store_tx_rollback(st);
		return -1;
	}
	rc = act_in_tx(st, who, role, &a, c, env, e);
	app_clear(&a);
	if (rc || store_tx_commit(st, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

static void fill_event(sqlite3_stmt *s, void *p)
{
	struct app_event_row *r = p;
	r->id = st_col_int(s, 0);
	r->at = st_col_text(s, 1);
	r->date = st_col_text(s, 2);
	r->kind = st_col_text(s, 3);
	r->actor = st_col_text(s, 4);
	r->note = st_col_text(s, 5);
}

static void clear_event(void *p)
{
	struct app_event_row *r = p;
	free(r->at);
	free(r->date);
	free(r->kind);
	free(r->actor);
	free(r->note);
	memset(r, 0, sizeof *r);
}

int application_events(store *st, int64_t id, struct app_event_row **out,
		       size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT id, at, date, kind, actor, note FROM application_event "
		"WHERE application_id = ?1 ORDER BY id",
		e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_event, clear_event,
			  (void **)out, n, e);
}

void application_events_free(struct app_event_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		clear_event(&v[i]);
	}
	free(v);
}

int application_viewed(store *st, const struct actor *who, int64_t id,
		       struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (audit_append(st, who, "application.view", "application", id, NULL,
			 NULL, e) ||
	    store_tx_commit(st, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

int application_counts(store *st, int64_t organ_id, int64_t today,
		       int64_t soon, struct app_counts *out, struct err *e)
{
	char t[11], s2[11], y[5];
	date_format(today, t);
	date_format(soon, s2);
	memcpy(y, t, 4);
	y[4] = 0;
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT sum(status = 'awaiting_receipt'), sum(status = 'open'), "
		"sum(status = 'supplement'), sum(status = 'consulting'), "
		"sum(status = 'fee'), sum(status <> 'closed' AND due_date "
		"BETWEEN ?2 AND ?3), sum(status <> 'closed' AND due_date < ?2), "
		"sum(status = 'closed' AND substr(replied_date, 1, 4) = ?4) "
		"FROM application WHERE (?1 = 0 OR organ_id = ?1)",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_text(st, s, 2, t, e) || st_bind_text(st, s, 3, s2, e) ||
	    st_bind_text(st, s, 4, y, e) || st_step(st, s, e) < 0) {
		return -1;
	}
	out->awaiting_receipt = st_col_int(s, 0);
	out->open = st_col_int(s, 1);
	out->supplement = st_col_int(s, 2);
	out->consulting = st_col_int(s, 3);
	out->fee = st_col_int(s, 4);
	out->due_soon = st_col_int(s, 5);
	out->overdue = st_col_int(s, 6);
	out->closed_this_year = st_col_int(s, 7);
	sqlite3_reset(s);
	return 0;
}

/* The ids of open applications (organ 0 = all). */
static int open_ids(store *st, int64_t **ids, size_t *n, struct err *e)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT id, organ_id FROM application WHERE status <> 'closed' "
		"ORDER BY id",
		e);
	if (!s) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		*ids = xrealloc(*ids, (*n + 1) * 2 * sizeof **ids);
		(*ids)[2 * *n] = st_col_int(s, 0);
		(*ids)[2 * *n + 1] = st_col_int(s, 1);
		(*n)++;
	}
	return rc < 0 ? -1 : 0;
}

int application_recompute(store *st, const struct app_env *env, int64_t *n,
			  struct err *e)
{
	int64_t *ids = NULL;
	size_t k = 0;
	*n = 0;
	if (store_tx_begin(st, e) || open_ids(st, &ids, &k, e)) {
		free(ids);
		store_tx_rollback(st);
		return -1;
	}
	for (size_t i = 0; i < k; i++) {
		struct application a;
		if (application_get(st, 0, ids[2 * i], &a, e) != 1) {
			free(ids);
			store_tx_rollback(st);
			return -1;
		}
		int64_t due = a.due;
		enum app_status status = a.status;
		struct deadline d;
		derive(&a, env, &d);
		deadline_free(&d);
		if (due != a.due || status != a.status) {
			(*n)++;
			if (write_row(st, &a, e)) {
				app_clear(&a);
				free(ids);
				store_tx_rollback(st);
				return -1;
			}
		}
		app_clear(&a);
	}
	free(ids);
	return store_tx_commit(st, e);
}

/* The addresses reminders go to: the organ's and its staff's. */
static int remind(store *st, const struct application *a, int left,
		  const struct app_env *env, int64_t *reminded, struct err *e)
{
	Buf subj = BUF_INIT, body = BUF_INIT;
	char today[11], key[96];
	date_format(env->today, today);
	app_reminder(a, a->due, left, env->base_url, &subj, &body);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT email FROM organ WHERE id = ?1 AND email <> '' UNION "
		"SELECT email FROM user WHERE organ_id = ?1 AND email <> '' "
		"AND disabled = 0",
		e);
	int rc = !s || st_bind_int(st, s, 1, a->organ_id, e) ? -1 : 0;
	char **to = NULL;
	size_t n = 0;
	while (rc == 0 && (rc = st_step(st, s, e)) == 1) {
		to = xrealloc(to, (n + 1) * sizeof *to);
		to[n++] = st_col_text(s, 0);
		rc = 0;
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "remind:%lld:%s:%.50s",
			 (long long)a->id, today, to[i]);
		int q = rc < 0 ? 0
			       : outbox_add(st, a->organ_id, a->id, to[i],
					    buf_str(&subj), buf_str(&body), key,
					    e);
		if (q < 0) {
			rc = -1;
		}
		*reminded += q > 0;
		free(to[i]);
	}
	free(to);
	buf_free(&subj);
	buf_free(&body);
	return rc < 0 ? -1 : 0;
}

int application_sweep(store *st, const struct app_env *env, int remind_days,
		      int64_t *closed, int64_t *reminded, struct err *e)
{
	int64_t *ids = NULL;
	size_t k = 0;
	*closed = *reminded = 0;
	if (store_tx_begin(st, e) || open_ids(st, &ids, &k, e)) {
		goto fail;
	}
	struct actor sys = {0, "system:deadlines"};
	for (size_t i = 0; i < k; i++) {
		struct application a;
		if (application_get(st, 0, ids[2 * i], &a, e) != 1) {
			goto fail;
		}
		struct app_change c;
		memset(&c, 0, sizeof c);
		c.ev = EV_REPLY;
		c.outcome = -1;
		if (a.supp_requested && !a.supp_received &&
		    env->today > a.supp_deadline) {
			c.outcome = app_outcome_parse("other.no_supplement", e);
			c.date = a.supp_deadline + 1;
			c.text = "申请人逾期未补正，视为放弃申请，本机关不再处理"
				 "该政府信息公开申请（《政府信息公开条例》第三十条）。";
		} else if (a.fee_notice && !a.fee_paid &&
			   env->today > a.fee_deadline &&
			   !(a.supp_requested && !a.supp_received)) {
			c.outcome = app_outcome_parse("other.fee_unpaid", e);
			c.date = a.fee_deadline + 1;
			c.text = "申请人逾期未按收费通知要求缴纳费用，本机关不再"
				 "处理该政府信息公开申请。";
		}
		int rc = 0;
		if (c.outcome >= 0) {
			/* open consultations end with the closing */
			rc = act_in_tx(st, &sys, ROLE_ADMIN, &a, &c, env, e);
			*closed += rc == 0;
			if (rc && e->code != ERR_INTERNAL) {
				/* e.g. a consultation still open: staff decide */
				rc = 0;
				err_clear(e);
			}
		} else if (a.due && remind_days > 0) {
			int left = 0;
			if (a.due >= env->today) {
				cal_between(env->cal, env->today, a.due, &left,
					    NULL, NULL);
			} else {
				left = -1;
			}
			if (left <= remind_days) {
				rc = remind(st, &a, left, env, reminded, e);
			}
		}
		app_clear(&a);
		if (rc) {
			goto fail;
		}
	}
	free(ids);
	return store_tx_commit(st, e);
fail:
	free(ids);
	store_tx_rollback(st);
	return -1;
}

int application_recent(store *st, const char *ip_hash, const char *since,
		       int64_t *n, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT count(*) FROM application WHERE submit_ip = ?1 AND "
		"created_at >= ?2",
		e);
	if (!s || st_bind_text(st, s, 1, ip_hash, e) ||
	    st_bind_text(st, s, 2, since, e) || st_step(st, s, e) < 0) {
		return -1;
	}
	*n = st_col_int(s, 0);
	sqlite3_reset(s);
	return 0;
}
