/*
 * activity.c - every statement that touches activity_kind, activity and
 * message (see activity.h).
 */
#include "store/activity.h"

#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/outbox.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/*---- Kinds ----*/

static void fill_kind(sqlite3_stmt *s, void *p)
{
	struct act_kind *k = p;
	memset(k, 0, sizeof *k);
	k->code = st_col_text(s, 0);
	k->label = st_col_text(s, 1);
	k->measure = str_eq((const char *)sqlite3_column_text(s, 2), "amount")
			     ? ACT_MEASURE_AMOUNT
			     : ACT_MEASURE_COUNT;
	/* the table has no unit: the plain one of the measure */
	k->unit = xstrdup(k->measure == ACT_MEASURE_AMOUNT ? "元" : "件");
	k->has_reply = sqlite3_column_int(s, 3) != 0;
}

void activity_kind_clear(struct act_kind *k)
{
	if (!k->builtin) {
		free((char *)k->code);
		free((char *)k->label);
		free((char *)k->unit);
	}
	memset(k, 0, sizeof *k);
}

static void clear_kind(void *p)
{
	activity_kind_clear(p);
}

void activity_kinds_free(struct act_kind *v, size_t n)
{
	st_free_rows(v, n, sizeof *v, clear_kind);
}

int activity_kinds(store *st, struct act_kind **out, size_t *n,
		   struct err *e)
{
	struct act_kind *added = NULL;
	size_t nadded = 0;
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT code, label, measure, has_reply FROM activity_kind "
		"ORDER BY label",
		e);
	if (!s || st_collect(st, s, sizeof *added, fill_kind, clear_kind,
			     (void **)&added, &nadded, e)) {
		return -1;
	}
	*n = act_nbuiltins + nadded;
	*out = xcalloc(*n, sizeof **out);
	memcpy(*out, act_builtins, act_nbuiltins * sizeof **out);
	if (nadded) {
		memcpy(*out + act_nbuiltins, added, nadded * sizeof *added);
	}
	free(added);
	return 0;
}

int activity_kind_get(store *st, const char *code, struct act_kind *out,
		      struct err *e)
{
	memset(out, 0, sizeof *out);
	const struct act_kind *b = act_builtin(code);
	if (b) {
		*out = *b;
		return 1;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT code, label, measure, has_reply FROM activity_kind "
		"WHERE code = ?1",
		e);
	if (!s || st_bind_text(st, s, 1, code ? code : "", e)) {
		return -1;
	}
	return st_one(st, s, fill_kind, out, e);
}

int activity_kind_add(store *st, const struct actor *who,
		      const struct act_kind *k, struct err *e)
{
	if (act_kind_check(k->code, k->label, e)) {
		return -1;
	}
	char now[21];
	date_timestamp(time(NULL), now);
	if (store_tx_begin(st, e)) {
		return -1;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO activity_kind (code, label, measure, has_reply, "
		"created_by, created_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE "
		"NOT EXISTS (SELECT 1 FROM activity_kind WHERE code = ?1 OR "
		"label = ?2)",
		e);
	const char *measure =
		k->measure == ACT_MEASURE_AMOUNT ? "amount" : "count";
	json_t *j = json_pack("{s:s, s:s, s:s, s:b}", "code", k->code,
			      "label", k->label, "measure", measure,
			      "has_reply", k->has_reply);
	char *snap = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	int rc = !s || st_bind_text(st, s, 1, k->code, e) ||
			 st_bind_text(st, s, 2, k->label, e) ||
			 st_bind_text(st, s, 3, measure, e) ||
			 st_bind_int(st, s, 4, k->has_reply ? 1 : 0, e) ||
			 st_bind_int(st, s, 5, who->user_id, e) ||
			 st_bind_text(st, s, 6, now, e) || st_exec(st, s, e)
		 ? -1
		 : 0;
	if (rc == 0 && sqlite3_changes(st->db) != 1) {
		rc = err_set(e, ERR_CONFLICT,
			     "类型代码或名称已存在:%s(%s)", k->code, k->label);
	}
	if (rc || audit_append(st, who, "activity_kind.create",
			       "activity_kind", 0, NULL, snap, e) ||
	    store_tx_commit(st, e)) {
		free(snap);
		store_tx_rollback(st);
		return -1;
	}
	free(snap);
	return 0;
}

/*---- Reading entries ----*/

/* The columns every reader loads (fill below), with the asker's personal
 * data as columns 16-18. */
#define ACT_COLS                                                          \
	"a.id, a.organ_id, a.kind, a.date, a.count, "                     \
	"coalesce(a.amount_fen, -1), a.title, a.note, a.reply, "          \
	"a.reply_date, a.source, a.created_by, a.created_at, "            \
	"a.updated_at, m.activity_id IS NOT NULL, m.code, m.name, "       \
	"m.phone, m.email, coalesce(m.consent, 1), coalesce(m.hidden, 0), " \
	"m.submitted_at "
/* The same without the personal data, for public pages. */
#define ACT_PUBLIC_COLS                                                   \
	"a.id, a.organ_id, a.kind, a.date, a.count, "                     \
	"coalesce(a.amount_fen, -1), a.title, a.note, a.reply, "          \
	"a.reply_date, a.source, a.created_by, a.created_at, "            \
	"a.updated_at, m.activity_id IS NOT NULL, m.code, '', '', '', "   \
	"coalesce(m.consent, 1), coalesce(m.hidden, 0), m.submitted_at "
#define ACT_FROM " FROM activity a LEFT JOIN message m ON m.activity_id = a.id "

static void fill(sqlite3_stmt *s, void *p)
{
	struct activity *a = p;
	act_init(a);
	a->id = st_col_int(s, 0);
	a->organ_id = st_col_int(s, 1);
	a->kind = st_col_text(s, 2);
	a->date = st_col_day(s, 3);
	a->count = st_col_int(s, 4);
	a->amount_fen = st_col_int(s, 5);
	a->title = st_col_text(s, 6);
	a->note = st_col_text(s, 7);
	a->reply = st_col_text(s, 8);
	a->reply_date = st_col_day(s, 9);
	const char *src = (const char *)sqlite3_column_text(s, 10);
	a->source = str_eq(src, "import")   ? ACT_SRC_IMPORT
		    : str_eq(src, "public") ? ACT_SRC_PUBLIC
					    : ACT_SRC_STAFF;
	a->created_by = st_col_int(s, 11);
	a->created_at = st_col_text(s, 12);
	a->updated_at = st_col_text(s, 13);
	a->is_message = sqlite3_column_int(s, 14) != 0;
	a->code = st_col_text(s, 15);
	a->name = st_col_text(s, 16);
	a->phone = st_col_text(s, 17);
	a->email = st_col_text(s, 18);
	a->consent = sqlite3_column_int(s, 19);
	a->hidden = sqlite3_column_int(s, 20);
	a->submitted_at = st_col_text(s, 21);
}

static void clear_any(void *p)
{
	act_clear(p);
}

void activity_list_free(struct activity *v, size_t n)
{
	st_free_rows(v, n, sizeof *v, clear_any);
}

int activity_get(store *st, int64_t organ_id, int64_t id,
		 struct activity *out, struct err *e)
{
	act_init(out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " ACT_COLS ACT_FROM
				     "WHERE a.id = ?1 AND (?2 = 0 OR "
				     "a.organ_id = ?2)",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}

int message_by_code(store *st, const char *code, struct activity *out,
		    struct err *e)
{
	act_init(out);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " ACT_COLS ACT_FROM
				     "WHERE m.code = ?1",
				     e);
	if (!s || st_bind_text(st, s, 1, code, e)) {
		return -1;
	}
	return st_one(st, s, fill, out, e);
}

/* The first and last day of a year as text ("" for year 0). */
static void year_bounds(int year, char from[11], char to[11])
{
	from[0] = to[0] = 0;
	if (year > 0 && year <= 9999) {
		date_format(date_days(year, 1, 1), from);
		date_format(date_days(year, 12, 31), to);
	}
}

/* The WHERE clause of the list and its count (?1..?4). */
#define ACT_WHERE                                                         \
	"WHERE (?1 = 0 OR a.organ_id = ?1) AND (?2 = '' OR a.kind = ?2) "  \
	"AND (?3 = '' OR a.date BETWEEN ?3 AND ?4) "

static int bind_filter(store *st, sqlite3_stmt *s, const struct act_filter *f,
		       struct err *e)
{
	char from[11], to[11];
	year_bounds(f->year, from, to);
	return st_bind_int(st, s, 1, f->organ_id, e) ||
	       st_bind_text(st, s, 2, f->kind ? f->kind : "", e) ||
	       st_bind_text(st, s, 3, from, e) ||
	       st_bind_text(st, s, 4, to, e);
}

int activity_list(store *st, const struct act_filter *f,
		  struct activity **out, size_t *n, int64_t *total,
		  struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s =
		st_prepare(st, "SELECT count(*)" ACT_FROM ACT_WHERE, e);
	if (!s || bind_filter(st, s, f, e) || st_scalar(st, s, total, e)) {
		return -1;
	}
	s = st_prepare(st,
		       "SELECT " ACT_COLS ACT_FROM ACT_WHERE
		       "ORDER BY CASE WHEN ?5 THEN a.reply_date IS NULL "
		       "ELSE 0 END DESC, a.date DESC, a.id DESC LIMIT ?6 "
		       "OFFSET ?7",
		       e);
	if (!s || bind_filter(st, s, f, e) ||
	    st_bind_int(st, s, 5, f->unanswered_first ? 1 : 0, e) ||
	    st_bind_int(st, s, 6, f->limit, e) ||
	    st_bind_int(st, s, 7, f->offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

static void fill_total(sqlite3_stmt *s, void *p)
{
	struct act_total *t = p;
	t->kind = st_col_text(s, 0);
	t->entries = st_col_int(s, 1);
	t->count = st_col_int(s, 2);
	t->amount_fen = st_col_int(s, 3);
	t->unanswered = st_col_int(s, 4);
}

static void clear_total(void *p)
{
	struct act_total *t = p;
	free(t->kind);
	memset(t, 0, sizeof *t);
}

void activity_totals_free(struct act_total *v, size_t n)
{
	st_free_rows(v, n, sizeof *v, clear_total);
}

int activity_totals(store *st, int64_t organ_id, int year,
		    struct act_total **out, size_t *n, struct err *e)
{
	char from[11], to[11];
	*out = NULL;
	*n = 0;
	year_bounds(year, from, to);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT kind, count(*), coalesce(sum(count), 0), "
		"coalesce(sum(amount_fen), 0), sum(reply_date IS NULL) FROM "
		"activity WHERE (?1 = 0 OR organ_id = ?1) AND date BETWEEN ?2 "
		"AND ?3 GROUP BY kind ORDER BY kind",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_text(st, s, 2, from, e) || st_bind_text(st, s, 3, to, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_total, clear_total,
			  (void **)out, n, e);
}

/*---- Writing entries ----*/

/* The audit snapshot of an entry: never the asker's name or contacts. */
static char *snapshot(const struct activity *a)
{
	char d[11], rd[11], amount[32] = "";
	date_format_opt(a->date, d);
	date_format_opt(a->reply_date, rd);
	if (a->amount_fen >= 0) {
		act_amount_format(a->amount_fen, amount);
	}
	json_t *j = json_pack(
		"{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s}",
		"organ_id", (json_int_t)a->organ_id, "kind",
		a->kind ? a->kind : "", "date", d, "count",
		(json_int_t)a->count, "amount", amount, "title",
		a->title ? a->title : "", "note", a->note ? a->note : "",
		"reply", a->reply ? a->reply : "", "reply_date", rd, "source",
		act_source_code(a->source));
	if (a->is_message) {
		json_object_set_new(j, "code", json_string(a->code ? a->code
								 : ""));
		json_object_set_new(j, "consent", json_boolean(a->consent));
		json_object_set_new(j, "hidden", json_boolean(a->hidden));
	}
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/* Binds ?2..?8 of an INSERT or UPDATE: date, count, amount, title,
 * note, reply, reply date. */
static int bind_fields(store *st, sqlite3_stmt *s, const struct activity *a,
		       struct err *e)
{
	return st_bind_day(st, s, 2, a->date, e) ||
	       st_bind_int(st, s, 3, a->count, e) ||
	       (a->amount_fen >= 0 ? st_bind_int(st, s, 4, a->amount_fen, e)
				   : st_bind_null(st, s, 4, e)) ||
	       st_bind_text(st, s, 5, a->title ? a->title : "", e) ||
	       st_bind_text(st, s, 6, a->note ? a->note : "", e) ||
	       st_bind_text(st, s, 7, a->reply ? a->reply : "", e) ||
	       st_bind_day(st, s, 8, a->reply_date, e);
}

/* The kind of a (must exist) and act_check, inside a transaction. */
static int check_entry(store *st, const struct activity *a, int64_t today,
		       const char **column, struct err *e)
{
	struct act_kind k;
	*column = "kind";
	int rc = activity_kind_get(st, a->kind, &k, e);
	if (rc <= 0) {
		return rc < 0 ? -1
			      : err_set(e, ERR_INPUT,
					"类型:未知的工作类型“%.40s”",
					a->kind ? a->kind : "");
	}
	rc = act_check(a, &k, today, column, e);
	activity_kind_clear(&k);
	return rc;
}

/* Inserts a (checked) with its audit row, inside a transaction. */
static int insert_entry(store *st, const struct actor *who,
			struct activity *a, struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO activity (organ_id, date, count, amount_fen, "
		"title, note, reply, reply_date, kind, source, created_by, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
		"?8, ?9, ?10, ?11, ?12, ?12)",
		e);
	if (!s || st_bind_int(st, s, 1, a->organ_id, e) ||
	    bind_fields(st, s, a, e) || st_bind_text(st, s, 9, a->kind, e) ||
	    st_bind_text(st, s, 10, act_source_code(a->source), e) ||
	    st_bind_int(st, s, 11, who->user_id, e) ||
	    st_bind_text(st, s, 12, now, e) || st_exec(st, s, e)) {
		return -1;
	}
	a->id = sqlite3_last_insert_rowid(st->db);
	a->created_by = who->user_id;
	return 0;
}

static int audit_entry(store *st, const struct actor *who,
		       const char *action, const struct activity *before,
		       const struct activity *after, struct err *e)
{
	char *b = before ? snapshot(before) : NULL;
	char *a = after ? snapshot(after) : NULL;
	const char *entity = (before ? before : after)->is_message
				     ? "message"
				     : "activity";
	int rc = audit_append(st, who, action, entity,
			      (before ? before : after)->id, b, a, e);
	free(b);
	free(a);
	return rc;
}

int activity_create(store *st, const struct actor *who, struct activity *a,
		    int64_t today, const char **column, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (check_entry(st, a, today, column, e) ||
	    insert_entry(st, who, a, e) ||
	    audit_entry(st, who, "activity.create", NULL, a, e) ||
	    store_tx_commit(st, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

/* Writes the editable fields of a (checked) to its row. */
static int write_entry(store *st, const struct activity *a, struct err *e)
{
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE activity SET date = ?2, count = ?3, amount_fen = ?4, "
		"title = ?5, note = ?6, reply = ?7, reply_date = ?8, "
		"updated_at = ?9 WHERE id = ?1",
		e);
	return !s || st_bind_int(st, s, 1, a->id, e) ||
			       bind_fields(st, s, a, e) ||
			       st_bind_text(st, s, 9, now, e) ||
			       st_exec(st, s, e)
		       ? -1
		       : 0;
}

/* A change to one entry: the entry before it and as it becomes. */
struct change {
	struct activity before, after;
};

/* Begins a transaction and loads entry id of organ_id (of kind `kind`
 * unless NULL) twice into c: 0, or -1 with the transaction rolled back
 * and c cleared (ERR_NOTFOUND with `missing` when there is no such
 * entry). */
static int change_begin(store *st, int64_t organ_id, int64_t id,
			const char *kind, const char *missing,
			struct change *c, struct err *e)
{
	act_init(&c->before);
	act_init(&c->after);
	if (store_tx_begin(st, e)) {
		return -1;
	}
	int rc = activity_get(st, organ_id, id, &c->before, e);
	if (rc == 1 && kind && !str_eq(c->before.kind, kind)) {
		rc = 0;
	}
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "%s", missing);
	}
	if (rc != 1 || activity_get(st, organ_id, id, &c->after, e) != 1) {
		act_clear(&c->before);
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

/* Ends the change: commits when rc is 0, else rolls back; clears c.
 * Returns 0 or -1. */
static int change_end(store *st, int rc, struct change *c, struct err *e)
{
	if (rc == 0 && store_tx_commit(st, e)) {
		rc = -1;
	}
	if (rc) {
		store_tx_rollback(st);
	}
	act_clear(&c->before);
	act_clear(&c->after);
	return rc ? -1 : 0;
}

/* Replaces the entry's editable fields with those of src (copies). */
static void take_fields(struct activity *dst, const struct activity *src)
{
	char **d[] = {&dst->title, &dst->note, &dst->reply};
	const char *s[] = {src->title, src->note, src->reply};
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		free(*d[i]);
		*d[i] = xstrdup(s[i] ? s[i] : "");
	}
	dst->date = src->date;
	dst->count = src->count;
	dst->amount_fen = src->amount_fen;
	dst->reply_date = src->reply_date;
}

int activity_update(store *st, const struct actor *who,
		    const struct activity *a, int64_t today,
		    const char **column, struct err *e)
{
	struct change c;
	*column = "id";
	if (change_begin(st, a->organ_id, a->id, NULL, "没有这条工作记录", &c,
			 e)) {
		return -1;
	}
	take_fields(&c.after, a);
	int rc = check_entry(st, &c.after, today, column, e) ||
		 write_entry(st, &c.after, e) ||
		 audit_entry(st, who, "activity.update", &c.before, &c.after,
			     e);
	return change_end(st, rc, &c, e);
}

int activity_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e)
{
	struct change c;
	if (change_begin(st, organ_id, id, NULL, "没有这条工作记录", &c, e)) {
		return -1;
	}
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM activity WHERE id = ?1", e);
	int rc = !s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e) ||
		 audit_entry(st, who, "activity.delete", &c.before, NULL, e);
	return change_end(st, rc, &c, e);
}

/*---- Public messages ----*/

/* A query code: LY- and two groups of four characters without
 * look-alikes (32 symbols: 40 random bits). */
static void message_code(char out[16])
{
	static const char set[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	unsigned char raw[8];
	char hex[CRYPTO_HEX32];
	crypto_random_hex(hex);
	for (size_t i = 0; i < sizeof raw; i++) {
		unsigned v = 0;
		sscanf(hex + 2 * i, "%2x", &v);
		raw[i] = (unsigned char)v;
	}
	snprintf(out, 16, "LY-%c%c%c%c-%c%c%c%c", set[raw[0] % 32],
		 set[raw[1] % 32], set[raw[2] % 32], set[raw[3] % 32],
		 set[raw[4] % 32], set[raw[5] % 32], set[raw[6] % 32],
		 set[raw[7] % 32]);
}

int message_create(store *st, const struct actor *who, struct activity *m,
		   const char *ip_hash, int64_t today, const char **column,
		   struct err *e)
{
	if (act_message_check(m, column, e)) {
		return -1;
	}
	free(m->kind);
	m->kind = xstrdup(ACT_MESSAGE);
	m->source = ACT_SRC_PUBLIC;
	m->count = 1;
	m->amount_fen = -1;
	m->is_message = 1;
	if (!m->date) {
		m->date = today;
	}
	if (!m->submitted_at) {
		char now[21];
		date_timestamp(time(NULL), now);
		m->submitted_at = xstrdup(now);
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (check_entry(st, m, today, column, e) ||
	    insert_entry(st, who, m, e)) {
		goto fail;
	}
	*column = "code";
	for (int attempt = 0;; attempt++) {
		char code[16];
		message_code(code);
		free(m->code);
		m->code = xstrdup(code);
		sqlite3_stmt *s = st_prepare(
			st,
			"INSERT INTO message (activity_id, code, name, phone, "
			"email, consent, submit_ip, submitted_at) SELECT ?1, "
			"?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 "
			"FROM message WHERE code = ?2)",
			e);
		if (!s || st_bind_int(st, s, 1, m->id, e) ||
		    st_bind_text(st, s, 2, m->code, e) ||
		    st_bind_text(st, s, 3, m->name ? m->name : "", e) ||
		    st_bind_text(st, s, 4, m->phone ? m->phone : "", e) ||
		    st_bind_text(st, s, 5, m->email ? m->email : "", e) ||
		    st_bind_int(st, s, 6, m->consent ? 1 : 0, e) ||
		    st_bind_text(st, s, 7, ip_hash ? ip_hash : "", e) ||
		    st_bind_text(st, s, 8, m->submitted_at, e) ||
		    st_exec(st, s, e)) {
			goto fail;
		}
		if (sqlite3_changes(st->db) == 1) {
			break;
		}
		if (attempt > 5) {
			err_set(e, ERR_INTERNAL, "no free message code");
			goto fail;
		}
	}
	if (audit_entry(st, who, "message.create", NULL, m, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	return 0;
fail:
	store_tx_rollback(st);
	return -1;
}

int message_public_list(store *st, int64_t organ_id, int64_t limit,
			int64_t offset, struct activity **out, size_t *n,
			int64_t *total, struct err *e)
{
	*out = NULL;
	*n = 0;
	/* shown: a message row, replied, consented, not hidden */
#define MSG_PUBLIC_WHERE                                                  \
	"WHERE a.organ_id = ?1 AND a.kind = 'public_message' AND "          \
	"m.activity_id IS NOT NULL AND a.reply_date IS NOT NULL AND "       \
	"m.consent = 1 AND m.hidden = 0 "
	sqlite3_stmt *s = st_prepare(
		st, "SELECT count(*)" ACT_FROM MSG_PUBLIC_WHERE, e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_scalar(st, s, total, e)) {
		return -1;
	}
	s = st_prepare(st,
		       "SELECT " ACT_PUBLIC_COLS ACT_FROM MSG_PUBLIC_WHERE
		       "ORDER BY a.reply_date DESC, a.id DESC LIMIT ?2 OFFSET "
		       "?3",
		       e);
#undef MSG_PUBLIC_WHERE
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, limit, e) ||
	    st_bind_int(st, s, 3, offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

int message_overdue_count(store *st, int64_t organ_id, int64_t before,
			  int64_t *n, struct err *e)
{
	char d[11];
	date_format(before, d);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT count(*) FROM activity WHERE organ_id = ?1 AND kind = "
		"'public_message' AND reply_date IS NULL AND date < ?2",
		e);
	return !s || st_bind_int(st, s, 1, organ_id, e) ||
			       st_bind_text(st, s, 2, d, e) ||
			       st_scalar(st, s, n, e)
		       ? -1
		       : 0;
}

int message_recent(store *st, const char *ip_hash, const char *since,
		   int64_t *n, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT count(*) FROM message WHERE submit_ip = ?1 AND "
		"submitted_at >= ?2",
		e);
	return !s || st_bind_text(st, s, 1, ip_hash, e) ||
			       st_bind_text(st, s, 2, since, e) ||
			       st_scalar(st, s, n, e)
		       ? -1
		       : 0;
}

/* Queues the e-mail telling the asker of m about its reply. */
static int notify_asker(store *st, const struct activity *m,
			const char *base_url, struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "SELECT name FROM organ WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, m->organ_id, e) ||
	    st_step(st, s, e) != 1) {
		return -1;
	}
	char *organ_name = st_col_text(s, 0);
	sqlite3_reset(s);
	Buf subj = BUF_INIT, body = BUF_INIT;
	act_message_notice(m, organ_name, base_url, &subj, &body);
	int q = outbox_add(st, m->organ_id, 0, m->email, buf_str(&subj),
			   buf_str(&body), NULL, e);
	buf_free(&subj);
	buf_free(&body);
	free(organ_name);
	return q < 0 ? -1 : 0;
}

int message_reply(store *st, const struct actor *who, int64_t organ_id,
		  int64_t id, const char *reply, int64_t reply_date,
		  int64_t today, const char *base_url, struct err *e)
{
	struct change c;
	const char *column;
	if (str_blank(reply)) {
		return err_set(e, ERR_INPUT, "答复:必须填写");
	}
	if (change_begin(st, organ_id, id, ACT_MESSAGE, "没有这条留言", &c,
			 e)) {
		return -1;
	}
	free(c.after.reply);
	c.after.reply = xstrdup(reply);
	c.after.reply_date = reply_date;
	int tell = base_url && !str_blank(c.after.email) &&
		   !str_eq(c.before.reply, c.after.reply);
	int rc = check_entry(st, &c.after, today, &column, e) ||
		 write_entry(st, &c.after, e) ||
		 audit_entry(st, who, "message.reply", &c.before, &c.after,
			     e) ||
		 (tell && notify_asker(st, &c.after, base_url, e));
	return change_end(st, rc, &c, e);
}

int message_set_hidden(store *st, const struct actor *who,
		       int64_t organ_id, int64_t id, int hidden,
		       struct err *e)
{
	struct change c;
	if (change_begin(st, organ_id, id, ACT_MESSAGE, "没有这条留言", &c,
			 e)) {
		return -1;
	}
	if (!c.after.is_message) {
		err_set(e, ERR_CONFLICT,
			"这条留言不是在网站上提交的，不在公开列表中");
		return change_end(st, -1, &c, e);
	}
	c.after.hidden = hidden ? 1 : 0;
	sqlite3_stmt *s = st_prepare(
		st, "UPDATE message SET hidden = ?2 WHERE activity_id = ?1", e);
	int rc = !s || st_bind_int(st, s, 1, id, e) ||
		 st_bind_int(st, s, 2, c.after.hidden, e) ||
		 st_exec(st, s, e) ||
		 audit_entry(st, who, hidden ? "message.hide" : "message.show",
			     &c.before, &c.after, e);
	return change_end(st, rc, &c, e);
}

int message_viewed(store *st, const struct actor *who, const int64_t *ids,
		   size_t n, struct err *e)
{
	if (n == 0) {
		return 0;
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (audit_append(st, who, "message.view", "message", ids[i],
				 NULL, NULL, e)) {
			store_tx_rollback(st);
			return -1;
		}
	}
	return store_tx_commit(st, e);
}
