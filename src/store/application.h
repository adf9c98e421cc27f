/*
 * application.h - applications for disclosure (依申请公开) in the
 * database: the register, each application's consultations, timeline and
 * scanned files, and the figures of the dashboard. The rules are
 * domain/application.h and domain/deadline.h: this file stores what they
 * decide, with the event, the audit row and any mail to the applicant in
 * the same transaction, and keeps the derived status and due date.
 */
#ifndef GK_STORE_APPLICATION_H
#define GK_STORE_APPLICATION_H

#include "base/buf.h"
#include "domain/application.h"
#include "domain/workday.h"
#include "store/item.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/* What every change needs besides the change: the calendar, today, and
 * the organ's settings. */
struct app_env {
	const struct calendar *cal;
	int64_t today;
	int fee_stops_clock; /* conf fee_stops_clock */
	const char *base_url; /* for links in mails ("" = none) */
	const char *ip_hash;  /* online: the submitter's address (SHA-256) */
	int no_mail;          /* imports: tell nobody */
};

/* Register filters; zero/NULL/-1 fields do not filter. */
struct app_filter {
	int64_t organ_id;
	int status;      /* enum app_status or -1 */
	int channel;     /* enum app_channel or -1 */
	int kind;        /* enum app_kind or -1 */
	int family;      /* enum outcome_family or -1 */
	int year;        /* year received (or submitted while unreceived) */
	int64_t due_by;  /* open with a due date on or before this day */
	int overdue;     /* with due_by: only those before it */
	const char *q;   /* tracking code, name or request text contains */
	int64_t limit, offset;
};
void app_filter_init(struct app_filter *f);

/* Stores a new application (checked by the caller with app_check unless
 * imported). An empty tracking code is generated. For in-person
 * applications received = the day submitted unless given. Sets a->id,
 * a->tracking_code, status and due; records the event and the audit row;
 * queues the acknowledgement mail when the applicant gave an address. */
int application_create(store *st, const struct actor *who,
		       struct application *a, const struct app_env *env,
		       struct err *e);
/* Changes the applicant and request fields of an open application. */
int application_update(store *st, const struct actor *who,
		       const struct application *a, const struct app_env *env,
		       struct err *e);
/* One application (organ_id 0 = any organ) with its consultations: 1
 * found, 0 not; free with app_clear. */
int application_get(store *st, int64_t organ_id, int64_t id,
		    struct application *out, struct err *e);
int application_by_code(store *st, const char *code,
			struct application *out, struct err *e);
/* The register page: *out (free with application_list_free), *total
 * matching before limit/offset. Consultations are not loaded. */
int application_list(store *st, const struct app_filter *f,
		     struct application **out, size_t *n, int64_t *total,
		     struct err *e);
void application_list_free(struct application *v, size_t n);

/* Applies a change (domain app_apply) by user_id/role and stores it with
 * its timeline event and audit row, recomputing status and due date, and
 * queues the applicant's notice. Fee notices: the caller leaves
 * fee_amount 0 and it is computed here from the applicant's earlier
 * applications of the month. */
int application_act(store *st, const struct actor *who, int64_t user_id,
		    enum role role, int64_t organ_id, int64_t id,
		    struct app_change *c, const struct app_env *env,
		    struct err *e);

/* The applicant's items before this application in its natural month at
 * this organ (the by-item fee tier), by ID number, else by name. */
int application_month_count(store *st, const struct application *a,
			    int64_t *count, struct err *e);

struct app_event_row {
	int64_t id;
	char *at, *date, *kind, *actor, *note;
};
int application_events(store *st, int64_t id, struct app_event_row **out,
		       size_t *n, struct err *e);
void application_events_free(struct app_event_row *v, size_t n);
/* Records that a member of staff opened the personal data of an
 * application (audit only). */
int application_viewed(store *st, const struct actor *who, int64_t id,
		       struct err *e);

/* Dashboard figures of an organ (0 = all). */
struct app_counts {
	int64_t awaiting_receipt, open, supplement, consulting, fee;
	int64_t due_soon, overdue, closed_this_year;
};
/* due_soon: open with due date in [today, soon]; overdue: before today. */
int application_counts(store *st, int64_t organ_id, int64_t today,
		       int64_t soon, struct app_counts *out, struct err *e);

/* Recomputes status and due date of every open application (after the
 * calendar changed); *n = how many changed. */
int application_recompute(store *st, const struct app_env *env, int64_t *n,
			  struct err *e);
/* The daily sweep: closes applications whose supplement or fee period
 * ran out (other.no_supplement / other.fee_unpaid, on the day after the
 * period), and queues one reminder a day per application due within
 * `remind` working days or overdue to the organ's address and its staff.
 * *closed, *reminded: counts. */
int application_sweep(store *st, const struct app_env *env, int remind,
		      int64_t *closed, int64_t *reminded, struct err *e);
/* Online applications from this address hash since the timestamp. */
int application_recent(store *st, const char *ip_hash, const char *since,
		       int64_t *n, struct err *e);

/* Scanned letters and other files of an application (struct attachment,
 * item_id = the application). */
int appfile_add(store *st, const struct actor *who, int64_t app_id,
		const char *name, const char *ctype, const void *data,
		size_t size, int64_t *id, struct err *e);
int appfile_list(store *st, int64_t app_id, struct attachment **out,
		 size_t *n, struct err *e);
int appfile_get(store *st, int64_t app_id, int64_t id,
		struct attachment *out, Buf *data, struct err *e);

#endif
