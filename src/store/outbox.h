/*
 * outbox.h - the persistent mail queue. A message is written by the code
 * that decides to send it, inside that change's own transaction, so a
 * notice goes out exactly when the change it tells about is committed and
 * survives a restart. The mailer (cli/mailer.h) takes due messages, sends
 * them and records the result here. Messages are never deleted: each ends
 * sent, or failed (after the last retry; an admin may retry it).
 */
#ifndef GK_OUTBOX_H
#define GK_OUTBOX_H

#include "store/store.h"

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct outbox_msg {
	int64_t id;
	int64_t organ_id, application_id; /* 0 = none */
	char *to_addr, *subject, *body;
	char *dedupe;     /* NULL = none */
	char *created_at; /* UTC timestamp */
	int64_t next_at;  /* unix seconds of the next attempt */
	int64_t attempts;
	char *last_error; /* "" before the first failure */
	char *sent_at;    /* UTC timestamp, NULL until sent */
	int failed;       /* 1: given up, waits for an admin */
};

/* Which messages a listing shows. */
enum outbox_state {
	OUTBOX_ALL,
	OUTBOX_PENDING, /* not sent, not failed: waiting for an attempt */
	OUTBOX_SENT,
	OUTBOX_FAILED,
	OUTBOX_UNSENT, /* pending or failed */
};

struct outbox_counts {
	int64_t pending, sent, failed;
};

/* Queues a message, due at once. organ_id / application_id 0 = none;
 * dedupe NULL = none, else a key that makes the message go out once (a
 * reminder per application and deadline, say). The address, subject
 * (base/smtp checks: no line breaks) and body (UTF-8) are checked. It is
 * one statement: inside the caller's transaction the message is committed
 * with the caller's change or not at all. Returns 1 queued, 0 when a
 * message with this dedupe key exists already (nothing changed; not an
 * error), -1 with e (ERR_INPUT for a bad address, subject or body).
 * Copies what it is given. */
int outbox_add(store *st, int64_t organ_id, int64_t application_id,
	       const char *to, const char *subject, const char *body,
	       const char *dedupe, struct err *e);

/* outbox_add that also sets *id to the new message's id (0 when the
 * dedupe key existed already). */
int outbox_insert(store *st, int64_t organ_id, int64_t application_id,
		  const char *to, const char *subject, const char *body,
		  const char *dedupe, int64_t *id, struct err *e);

/* The pending messages due at `now` (next_at <= now), the longest waiting
 * first, at most max. Fills a heap array *out of *n messages; free with
 * outbox_list_free. */
int outbox_due(store *st, time_t now, int64_t max, struct outbox_msg **out,
	       size_t *n, struct err *e);

/* Takes pending message id for one attempt: moves its next_at from
 * seen_next_at (as read by outbox_due) to `until`, so no other sender (the
 * server's tick and `gongkai mail send` at the same time) takes it too,
 * and a sender that dies mid-attempt leaves it due again at `until`.
 * 1 taken, 0 taken by another sender meanwhile (or no longer pending),
 * -1 error. */
int outbox_claim(store *st, int64_t id, int64_t seen_next_at, time_t until,
		 struct err *e);
/* Records a successful attempt at `now`: sent_at set, attempts + 1.
 * ERR_NOTFOUND when id is not a pending message. */
int outbox_mark_sent(store *st, int64_t id, time_t now, struct err *e);
/* Records a failed attempt: attempts + 1, last_error = error, and either
 * the next attempt at next_at (give_up 0) or failed for good (give_up 1).
 * ERR_NOTFOUND when id is not a pending message. */
int outbox_mark_failure(store *st, int64_t id, const char *error,
			time_t next_at, int give_up, struct err *e);
/* Puts a failed message back in the queue, due at `now` (its attempts
 * stay counted), with an audit row by who. ERR_NOTFOUND when there is no
 * such message, ERR_CONFLICT when it has not failed. */
int outbox_retry(store *st, const struct actor *who, int64_t id, time_t now,
		 struct err *e);

/* One message: 1 found (m filled; outbox_msg_clear), 0 none, -1 error. */
int outbox_get(store *st, int64_t id, struct outbox_msg *m, struct err *e);
/* Messages in `state`, newest first, at most limit after skipping offset;
 * *total = how many there are in that state. Free with outbox_list_free. */
int outbox_list(store *st, enum outbox_state state, int64_t limit,
		int64_t offset, struct outbox_msg **out, size_t *n,
		int64_t *total, struct err *e);
/* How many messages are pending, sent and failed. */
int outbox_count(store *st, struct outbox_counts *c, struct err *e);

void outbox_msg_clear(struct outbox_msg *m);
void outbox_list_free(struct outbox_msg *v, size_t n);

#endif
