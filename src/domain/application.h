/*
 * application.h - the rules of disclosure on application (依申请公开,
 * regulation arts. 27-45): the vocabularies (receipt channel, applicant
 * kind, ID documents, delivery form, outcome codes of the 2021 taxonomy,
 * status), what a complete application is, and the events of its life as
 * checked changes to an in-memory `struct application`. The deadline
 * engine is deadline.h, the fee rules fee.h. Pure functions: no I/O.
 *
 * Dates are day numbers (base/date.h); 0 means "not yet".
 */
#ifndef GK_APPLICATION_H
#define GK_APPLICATION_H

#include "base/buf.h"
#include "base/err.h"
#include "domain/role.h"

#include <stddef.h>
#include <stdint.h>

/* A code with its Chinese label; vocabularies are arrays of these. */
struct vocab {
	const char *code, *label;
};
/* The index of code s in v[0..n-1], or -1 with ERR_INPUT naming field and
 * listing the allowed codes. */
int vocab_parse(const struct vocab *v, size_t n, const char *field,
		const char *s, struct err *e);

enum app_channel { CHAN_IN_PERSON, CHAN_ONLINE, CHAN_LETTER, CHAN_FAX,
		   CHAN_EMAIL, CHAN_COUNT };
extern const struct vocab app_channels[CHAN_COUNT];

/* natural = 自然人; the five others are 法人或其他组织 */
enum app_kind { AK_NATURAL, AK_COMMERCIAL, AK_RESEARCH, AK_PUBLIC_INTEREST,
		AK_LEGAL_SERVICE, AK_OTHER, AK_COUNT };
extern const struct vocab app_kinds[AK_COUNT];

/* 身份证明 types, natural persons first, then organisations. */
extern const struct vocab app_id_types[];
extern const size_t app_nid_types;

enum app_delivery { DLV_PAPER, DLV_EMAIL, DLV_ELECTRONIC, DLV_ONSITE,
		    DLV_COUNT };
extern const struct vocab app_deliveries[DLV_COUNT];

enum app_status {
	AS_AWAITING_RECEIPT, /* online/fax/letter not yet confirmed (签收) */
	AS_OPEN,             /* the clock runs */
	AS_SUPPLEMENT,       /* waiting for the applicant's 补正 */
	AS_CONSULTING,       /* a third party or organ is being consulted */
	AS_FEE,              /* a fee notice is unpaid */
	AS_CLOSED,           /* answered (an outcome is recorded) */
	AS_COUNT
};
extern const struct vocab app_statuses[AS_COUNT];

/* Outcome families, the groups of the 2021 table. */
enum outcome_family { OF_DISCLOSED, OF_PARTIAL, OF_WITHHELD, OF_UNAVAILABLE,
		      OF_NOT_PROCESSED, OF_OTHER, OF_COUNT };
extern const struct vocab outcome_families[OF_COUNT];

struct outcome {
	const char *code;   /* DESIGN.md §6, e.g. "withheld.state_secret" */
	const char *label;  /* the official row label of the 2021 format */
	enum outcome_family family;
	const char *basis;  /* the legal basis the reply letter cites */
	int needs_reason;   /* the letter must say why (reply text required) */
};
/* The 21 outcomes in the order of the official rows 3-23. */
extern const struct outcome app_outcomes[];
extern const size_t app_noutcomes;
/* Index of an outcome code, or -1 with ERR_INPUT. */
int app_outcome_parse(const char *s, struct err *e);

enum consult_kind { CONSULT_THIRD_PARTY, CONSULT_ORGAN, CONSULT_COUNT };
extern const struct vocab consult_kinds[CONSULT_COUNT];

struct consultation {
	int64_t id;
	enum consult_kind kind;
	char *party, *note;
	int64_t started, ended; /* ended 0 while waiting */
};

enum fee_method { FEE_NONE, FEE_BY_ITEM, FEE_BY_VOLUME, FEE_METHOD_COUNT };
extern const struct vocab fee_methods[FEE_METHOD_COUNT];

struct application {
	int64_t id, organ_id;
	char *organ_slug, *organ_name;
	char *tracking_code;
	enum app_channel channel;
	enum app_kind kind;
	/* personal data: never on public pages */
	char *name, *id_type, *id_number, *legal_rep, *contact_person;
	char *phone, *email, *address, *postcode;
	char *request, *doc_no, *purpose;
	enum app_delivery delivery;
	char *submitted_at; /* UTC timestamp */
	int64_t submitted;  /* its local day */
	int64_t received;
	int64_t supp_requested, supp_deadline, supp_received;
	char *supp_note;
	int ext_days;
	int64_t ext_date, ext_by;
	char *ext_reason;
	enum fee_method fee_method;
	int fee_units;
	int64_t fee_amount; /* yuan */
	int64_t fee_notice, fee_deadline, fee_paid;
	int outcome; /* index into app_outcomes, -1 while open */
	int64_t replied;
	char *reply_text;
	int64_t delivered;
	char *delivered_how;
	enum app_status status;
	int64_t due; /* as last computed (0: unknown or closed) */
	struct consultation *consults;
	size_t nconsults;
	int64_t created_by;
	char *created_at, *updated_at;
};

/* Frees every string and the consultations; zeroes *a. */
void app_clear(struct application *a);
/* A zeroed application with outcome -1. */
void app_init(struct application *a);

/* Checks the applicant and request fields of a new or edited application:
 * kinds and channel set, a name, an ID document for natural persons (type
 * and number), at least one way to reach the applicant (phone, e-mail or
 * address), the description of the information, lengths and characters,
 * the e-mail and phone formats, an e-mail address when the delivery form
 * is e-mail. ERR_INPUT naming the field. */
int app_check(const struct application *a, struct err *e);

/* The status that follows from the recorded dates. */
enum app_status app_derive_status(const struct application *a);

/* Events of an application's life. */
enum app_event {
	EV_RECEIVE,       /* 签收 / 双方确认: the legal receipt date */
	EV_SUPP_REQUEST,  /* 补正告知: date, deadline, what is missing */
	EV_SUPP_RECEIVE,  /* the supplement arrived */
	EV_CONSULT_START, /* a consultation letter went out */
	EV_CONSULT_END,   /* the opinion came back (or the 15 days ran out) */
	EV_EXTEND,        /* 延长答复期限: days, reason (reviewer or above) */
	EV_FEE_NOTICE,    /* 收费通知: method, units, deadline */
	EV_FEE_PAID,
	EV_REPLY,         /* 答复: outcome, date, text */
	EV_DELIVER,       /* 送达: date, how */
	EV_NOTE,          /* a note for the record */
	EV_COUNT
};
extern const struct vocab app_events[EV_COUNT];

/* The parameters of an event; unused ones stay zero. */
struct app_change {
	enum app_event ev;
	int64_t date;      /* the day it happened */
	int64_t until;     /* supplement or fee deadline */
	int days;          /* extension */
	int units;         /* fee units */
	int outcome;       /* reply */
	enum consult_kind consult_kind;
	enum fee_method fee_method;
	int64_t consult_id;
	const char *text;  /* note, reason, what to supplement, reply text,
			      consulted party, delivery manner */
	int64_t fee_amount; /* computed by the caller with fee.h */
};

/* Applies change c to a when the rules allow it, by a user of `role` on
 * `today`: dates in order (never before receipt, never after today, a
 * supplement never before its request, a reply never before the
 * supplement or while a consultation is open), each one-off event once,
 * the extension at most 20 working days and only by a reviewer, leader or
 * admin, the outcomes other.no_supplement / other.fee_unpaid only when
 * that period has run out, a reason for outcomes that need one. On
 * success a is changed (status not yet) and 0 returned; else -1 with
 * ERR_INPUT / ERR_CONFLICT / ERR_DENIED and a unchanged. EV_CONSULT_START
 * appends a consultation with id 0 (the store assigns it). */
int app_apply(struct application *a, const struct app_change *c,
	      enum role role, int64_t today, struct err *e);

/* A one-line Chinese description of a change for the timeline. */
void app_change_describe(const struct application *a,
			 const struct app_change *c, Buf *out);

/* The applicant's e-mail notice of an event (EV_COUNT = the application
 * was submitted/registered): 1 with subject and body filled, 0 when the
 * event is not one the applicant is told of. due: the current reply due
 * date (0 none). Personal data is limited to what the applicant wrote. */
int app_notice(const struct application *a, int ev, int64_t due,
	       const char *base_url, Buf *subject, Buf *body);
/* The staff reminder of an application due on `due` (`left` working days
 * left, < 0 overdue). */
void app_reminder(const struct application *a, int64_t due, int left,
		  const char *base_url, Buf *subject, Buf *body);

#endif
