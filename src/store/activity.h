/*
 * activity.h - activities, their admin-added kinds and public messages
 * (网上留言) in the database. The rules are domain/activity.h: every
 * entry is checked here with act_check against its kind (so the back
 * office form and the CSV import refuse the same things) and stored with
 * its audit row in one transaction. A public message is an activity of
 * kind public_message plus a `message` row with the asker; the asker's
 * name, phone and e-mail never go into the audit log, and each time staff
 * are shown them an audit row says who looked.
 *
 * activity_totals is the annual report engine's source for the activity
 * rows: one aggregate query per organ and year.
 */
#ifndef GK_STORE_ACTIVITY_H
#define GK_STORE_ACTIVITY_H

#include "domain/activity.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/*---- Kinds ----*/

/* Every kind: the built-ins in their order, then the admin-added ones by
 * label. Fills a heap array *out of *n; free with activity_kinds_free. */
int activity_kinds(store *st, struct act_kind **out, size_t *n,
		   struct err *e);
void activity_kinds_free(struct act_kind *v, size_t n);
/* The kind with this code, built-in or added: 1 found (out filled; free
 * with activity_kind_clear), 0 none, -1 error. */
int activity_kind_get(store *st, const char *code, struct act_kind *out,
		      struct err *e);
void activity_kind_clear(struct act_kind *k);
/* Adds a kind (act_kind_check; the label must be new too) with its
 * audit row. ERR_CONFLICT when the code or label exists. */
int activity_kind_add(store *st, const struct actor *who,
		      const struct act_kind *k, struct err *e);

/*---- Entries ----*/

/* Stores a new entry of a->organ_id (a->source says where it came
 * from): checks its kind exists (ERR_INPUT "未知的工作类型" with *column =
 * "kind" otherwise) and act_check as of `today`, inserts it and its
 * audit row. Sets a->id. On failure *column names the field at fault. */
int activity_create(store *st, const struct actor *who, struct activity *a,
		    int64_t today, const char **column, struct err *e);
/* Replaces the date, count, amount, title, note, reply and reply date of
 * entry a->id of organ a->organ_id (its kind, source and asker stay),
 * with the same checks and an audit row holding before and after.
 * ERR_NOTFOUND when the organ has no such entry. */
int activity_update(store *st, const struct actor *who,
		    const struct activity *a, int64_t today,
		    const char **column, struct err *e);
/* Deletes entry id of organ_id (a message with its asker), audited with
 * what it was. ERR_NOTFOUND when there is none. */
int activity_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e);
/* One entry of organ_id (0 = any organ) with its asker when it is a
 * message: 1 found (out filled; act_clear), 0 none, -1 error. */
int activity_get(store *st, int64_t organ_id, int64_t id,
		 struct activity *out, struct err *e);

struct act_filter {
	int64_t organ_id;
	const char *kind; /* NULL = every kind */
	int year;         /* 0 = every year */
	int unanswered_first; /* entries without a reply date first */
	int64_t limit, offset;
};
/* Entries of an organ (0 = every organ), the newest first (after those
 * without a reply date, with unanswered_first). Messages come with their
 * askers. *total = matching rows before limit/offset. Free with
 * activity_list_free. */
int activity_list(store *st, const struct act_filter *f,
		  struct activity **out, size_t *n, int64_t *total,
		  struct err *e);
void activity_list_free(struct activity *v, size_t n);

/* The totals of one kind in a year. */
struct act_total {
	char *kind;
	int64_t entries;    /* rows */
	int64_t count;      /* sum of count */
	int64_t amount_fen; /* sum of amount_fen (0 when none) */
	int64_t unanswered; /* rows without a reply date */
};
/* Per-kind totals of organ_id (0 = every organ) for the calendar year
 * `year` (by the entry's date), in ONE aggregate query: one row per kind
 * that has entries that year, ordered by kind code. Free with
 * activity_totals_free. */
int activity_totals(store *st, int64_t organ_id, int year,
		    struct act_total **out, size_t *n, struct err *e);
void activity_totals_free(struct act_total *v, size_t n);

/*---- Public messages ----*/

/* Files a message from the portal: m->organ_id, title (subject), note
 * (question), name, phone, email, consent; checked with
 * act_message_check (then *column = the form field at fault). Dated
 * `today`, source public, with a new query code (m->code, heap, e.g.
 * LY-ABCD-2345), the submitter's address hash and the audit row (no
 * personal data). */
int message_create(store *st, const struct actor *who, struct activity *m,
		   const char *ip_hash, int64_t today, const char **column,
		   struct err *e);
/* The message with this query code: 1 (out filled; act_clear), 0, -1. */
int message_by_code(store *st, const char *code, struct activity *out,
		    struct err *e);
/* The messages of organ_id shown publicly: replied, the asker consented
 * and staff did not hide them, the latest reply first. Askers' names,
 * phones and e-mails are not loaded. Free with activity_list_free. */
int message_public_list(store *st, int64_t organ_id, int64_t limit,
			int64_t offset, struct activity **out, size_t *n,
			int64_t *total, struct err *e);
/* How many public_message entries of organ_id are unanswered and dated
 * before day `before` (act_flag_before). */
int message_overdue_count(store *st, int64_t organ_id, int64_t before,
			  int64_t *n, struct err *e);
/* Messages filed from this address hash since the UTC timestamp. */
int message_recent(store *st, const char *ip_hash, const char *since,
		   int64_t *n, struct err *e);
/* Records the reply to message id of organ_id (checked with act_check
 * as of today), audited; when the reply text changed and the asker gave
 * an e-mail address, queues act_message_notice in the outbox (base_url
 * for the link; NULL: tell nobody). */
int message_reply(store *st, const struct actor *who, int64_t organ_id,
		  int64_t id, const char *reply, int64_t reply_date,
		  int64_t today, const char *base_url, struct err *e);
/* Hides message id from the public list (hidden 1) or shows it again. */
int message_set_hidden(store *st, const struct actor *who,
		       int64_t organ_id, int64_t id, int hidden,
		       struct err *e);
/* Records that staff were shown the askers of messages ids[0..n) (one
 * audit row each, no personal data in it). */
int message_viewed(store *st, const struct actor *who, const int64_t *ids,
		   size_t n, struct err *e);

#endif
