/*
 * outbox.c - the mail queue's statements (see outbox.h). A message is
 * pending while sent_at IS NULL AND failed = 0, sent once sent_at is set,
 * failed once failed = 1; the index outbox_due (schema 3) serves the
 * mailer's query for pending messages by next_at.
 */
#include "store/outbox.h"

#include "base/date.h"
#include "base/smtp.h"
#include "base/str.h"
#include "base/utf8.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <jansson.h>
#include <string.h>

#define OUTBOX_COLS                                                          \
	"id, coalesce(organ_id, 0), coalesce(application_id, 0), to_addr, "  \
	"subject, body, dedupe, created_at, next_at, attempts, last_error, " \
	"sent_at, failed "
/* Rows in the state bound to ?1 (enum outbox_state's values). */
#define OUTBOX_IN_STATE                                                      \
	"(?1 = 0 OR (?1 = 1 AND sent_at IS NULL AND failed = 0) OR "         \
	"(?1 = 2 AND sent_at IS NOT NULL) OR (?1 = 3 AND failed = 1) OR "    \
	"(?1 = 4 AND sent_at IS NULL)) "

int outbox_add(store *st, int64_t organ_id, int64_t application_id,
	       const char *to, const char *subject, const char *body,
	       const char *dedupe, struct err *e)
{
	int64_t id;
	return outbox_insert(st, organ_id, application_id, to, subject, body,
			     dedupe, &id, e);
}

int outbox_insert(store *st, int64_t organ_id, int64_t application_id,
		  const char *to, const char *subject, const char *body,
		  const char *dedupe, int64_t *id, struct err *e)
{
	*id = 0;
	if (smtp_addr_check(to, e) || smtp_subject_check(subject, e)) {
		return -1;
	}
	if (!body || !utf8_valid(body, strlen(body))) {
		return err_set(e, ERR_INPUT, "message body is not valid UTF-8");
	}
	time_t now = time(NULL);
	char at[21];
	date_timestamp(now, at);
	/* RETURNING yields a row only when the insert happened. */
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO outbox(organ_id, application_id, to_addr, "
		"subject, body, dedupe, created_at, next_at) "
		"VALUES (nullif(?1, 0), nullif(?2, 0), ?3, ?4, ?5, ?6, ?7, ?8) "
		"ON CONFLICT(dedupe) DO NOTHING RETURNING id",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, application_id, e) ||
	    st_bind_text(st, s, 3, to, e) ||
	    st_bind_text(st, s, 4, subject, e) ||
	    st_bind_text(st, s, 5, body, e) ||
	    st_bind_text(st, s, 6, dedupe, e) ||
	    st_bind_text(st, s, 7, at, e) ||
	    st_bind_int(st, s, 8, (int64_t)now, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc == 1) {
		*id = st_col_int(s, 0);
		/* finish the statement so the insert is complete */
		rc = st_exec(st, s, e) ? -1 : 1;
	}
	return rc;
}

/*---- Reading ----*/

static void fill(sqlite3_stmt *s, void *p)
{
	struct outbox_msg *m = p;
	m->id = st_col_int(s, 0);
	m->organ_id = st_col_int(s, 1);
	m->application_id = st_col_int(s, 2);
	m->to_addr = st_col_text(s, 3);
	m->subject = st_col_text(s, 4);
	m->body = st_col_text(s, 5);
	m->dedupe = st_col_text(s, 6);
	m->created_at = st_col_text(s, 7);
	m->next_at = st_col_int(s, 8);
	m->attempts = st_col_int(s, 9);
	m->last_error = st_col_text(s, 10);
	m->sent_at = st_col_text(s, 11);
	m->failed = st_col_int(s, 12) != 0;
}

static void clear_any(void *p)
{
	outbox_msg_clear(p);
}

int outbox_due(store *st, time_t now, int64_t max, struct outbox_msg **out,
	       size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " OUTBOX_COLS "FROM outbox "
				     "WHERE sent_at IS NULL AND failed = 0 "
				     "AND next_at <= ?1 "
				     "ORDER BY next_at, id LIMIT ?2",
				     e);
	if (!s || st_bind_int(st, s, 1, (int64_t)now, e) ||
	    st_bind_int(st, s, 2, max, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

int outbox_get(store *st, int64_t id, struct outbox_msg *m, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st, "SELECT " OUTBOX_COLS "FROM outbox WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return st_one(st, s, fill, m, e);
}

int outbox_list(store *st, enum outbox_state state, int64_t limit,
		int64_t offset, struct outbox_msg **out, size_t *n,
		int64_t *total, struct err *e)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	sqlite3_stmt *s = st_prepare(
		st, "SELECT count(*) FROM outbox WHERE " OUTBOX_IN_STATE, e);
	if (!s || st_bind_int(st, s, 1, state, e) || st_step(st, s, e) != 1) {
		return -1;
	}
	*total = st_col_int(s, 0);
	sqlite3_reset(s);
	s = st_prepare(st,
		       "SELECT " OUTBOX_COLS "FROM outbox WHERE " OUTBOX_IN_STATE
		       "ORDER BY id DESC LIMIT ?2 OFFSET ?3",
		       e);
	if (!s || st_bind_int(st, s, 1, state, e) ||
	    st_bind_int(st, s, 2, limit, e) ||
	    st_bind_int(st, s, 3, offset, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill, clear_any, (void **)out,
			  n, e);
}

int outbox_count(store *st, struct outbox_counts *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT coalesce(sum(sent_at IS NULL AND failed = 0), 0), "
		"coalesce(sum(sent_at IS NOT NULL), 0), "
		"coalesce(sum(failed = 1), 0) FROM outbox",
		e);
	if (!s || st_step(st, s, e) != 1) {
		return -1;
	}
	c->pending = st_col_int(s, 0);
	c->sent = st_col_int(s, 1);
	c->failed = st_col_int(s, 2);
	sqlite3_reset(s);
	return 0;
}

/*---- Recording attempts ----*/

/* Fails with ERR_NOTFOUND when the last UPDATE changed no row. */
static int changed_one(store *st, int64_t id, struct err *e)
{
	if (sqlite3_changes(st->db) == 0) {
		return err_set(e, ERR_NOTFOUND, "no pending message %lld",
			       (long long)id);
	}
	return 0;
}

int outbox_claim(store *st, int64_t id, int64_t seen_next_at, time_t until,
		 struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "UPDATE outbox SET next_at = ?3 WHERE id "
				     "= ?1 AND next_at = ?2 AND sent_at IS "
				     "NULL AND failed = 0",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, seen_next_at, e) ||
	    st_bind_int(st, s, 3, (int64_t)until, e) || st_exec(st, s, e)) {
		return -1;
	}
	return sqlite3_changes(st->db) == 1;
}

int outbox_mark_sent(store *st, int64_t id, time_t now, struct err *e)
{
	char at[21];
	date_timestamp(now, at);
	sqlite3_stmt *s = st_prepare(st,
				     "UPDATE outbox SET sent_at = ?2, "
				     "attempts = attempts + 1 WHERE id = ?1 "
				     "AND sent_at IS NULL AND failed = 0",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_text(st, s, 2, at, e) || st_exec(st, s, e)) {
		return -1;
	}
	return changed_one(st, id, e);
}

int outbox_mark_failure(store *st, int64_t id, const char *error,
			time_t next_at, int give_up, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "UPDATE outbox SET attempts = attempts + "
				     "1, last_error = ?2, next_at = ?3, "
				     "failed = ?4 WHERE id = ?1 AND sent_at "
				     "IS NULL AND failed = 0",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_text(st, s, 2, error ? error : "", e) ||
	    st_bind_int(st, s, 3, (int64_t)next_at, e) ||
	    st_bind_int(st, s, 4, give_up ? 1 : 0, e) || st_exec(st, s, e)) {
		return -1;
	}
	return changed_one(st, id, e);
}

/* The audit snapshot of a message's delivery state (not its text, which
 * may be personal data). Heap JSON text. */
static char *snapshot(const struct outbox_msg *m)
{
	json_t *o = json_pack("{s:I, s:I, s:I, s:b, s:s}", "id",
			      (json_int_t)m->id, "attempts",
			      (json_int_t)m->attempts, "next_at",
			      (json_int_t)m->next_at, "failed", m->failed,
			      "last_error", m->last_error ? m->last_error : "");
	char *t = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return t;
}

int outbox_retry(store *st, const struct actor *who, int64_t id, time_t now,
		 struct err *e)
{
	struct outbox_msg m = {0};
	char *before = NULL, *after = NULL;
	if (store_tx_begin(st, e)) {
		return -1;
	}
	int rc = outbox_get(st, id, &m, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "没有这封邮件。");
		}
		goto fail;
	}
	if (!m.failed) {
		err_set(e, ERR_CONFLICT, "只有发送失败的邮件才能重新发送。");
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(st,
				     "UPDATE outbox SET failed = 0, next_at = "
				     "?2 WHERE id = ?1",
				     e);
	before = snapshot(&m);
	m.failed = 0;
	m.next_at = (int64_t)now;
	after = snapshot(&m);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, (int64_t)now, e) || st_exec(st, s, e) ||
	    audit_append(st, who, "outbox.retry", "outbox", id, before, after,
			 e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	outbox_msg_clear(&m);
	return 0;
fail:
	free(before);
	free(after);
	outbox_msg_clear(&m);
	store_tx_rollback(st);
	return -1;
}

void outbox_msg_clear(struct outbox_msg *m)
{
	free(m->to_addr);
	free(m->subject);
	free(m->body);
	free(m->dedupe);
	free(m->created_at);
	free(m->last_error);
	free(m->sent_at);
	memset(m, 0, sizeof *m);
}

void outbox_list_free(struct outbox_msg *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		outbox_msg_clear(&v[i]);
	}
	free(v);
}
