/*
 * activity.h - the rules of activities: the other work an organ records
 * for its annual report (administrative licences, penalties, fee income,
 * 12345 hotline referrals, policy interpretation events, materials handed
 * out, articles...) and the public messages (网上留言) people leave on the
 * portal, which are activities of kind `public_message` with an asker.
 *
 * The built-in kinds are DESIGN.md §6's list plus public_message; an admin
 * may add kinds (stored in the activity_kind table, see store/activity.h).
 * Each kind measures a count (件, 场, 份...) or an amount of money (元,
 * stored in fen so that no floating point is ever involved), and some
 * carry a reply and its date. The checks below are shared by the back
 * office form, the CSV import and the public message form. Pure
 * functions: no I/O.
 *
 * Dates are day numbers (base/date.h); 0 means "none".
 */
#ifndef GK_ACTIVITY_H
#define GK_ACTIVITY_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>
#include <stdint.h>

/* The code of the kind the public message form files. */
#define ACT_MESSAGE "public_message"

enum act_measure { ACT_MEASURE_COUNT, ACT_MEASURE_AMOUNT };

struct act_kind {
	const char *code;  /* [a-z][a-z0-9_]*, the CSV `kind` value */
	const char *label; /* 行政许可决定 ... */
	const char *unit;  /* 件, 场, 份, 元 ... */
	enum act_measure measure;
	int has_reply;     /* entries carry a reply and its date */
	int builtin;       /* 1: from act_builtins (static strings) */
};

/* The built-in kinds in display order (DESIGN.md §6, then
 * public_message). */
extern const struct act_kind act_builtins[];
extern const size_t act_nbuiltins;
/* The built-in kind with this code, or NULL. */
const struct act_kind *act_builtin(const char *code);

/* Checks an admin-added kind: code [a-z][a-z0-9_]*, at most 32
 * characters, not a built-in code; label 1 to 30 characters of one line,
 * not a built-in label. 0, or -1 with ERR_INPUT (ERR_CONFLICT for a
 * clash with a built-in) naming the field. */
int act_kind_check(const char *code, const char *label, struct err *e);

enum act_source { ACT_SRC_STAFF, ACT_SRC_IMPORT, ACT_SRC_PUBLIC };
/* "staff", "import", "public". */
const char *act_source_code(enum act_source s);

/* One activity. Strings are heap-owned (act_clear frees them). The asker
 * fields are set for public messages filed on the portal only. */
struct activity {
	int64_t id, organ_id;
	char *kind;
	int64_t date;
	int64_t count;      /* >= 0; 1 unless given */
	int64_t amount_fen; /* 0.01 yuan; -1 = none */
	char *title, *note, *reply;
	int64_t reply_date; /* 0 = no reply yet */
	enum act_source source;
	int64_t created_by;
	char *created_at, *updated_at;
	/* public messages: the asker (personal data, never shown publicly) */
	int is_message;     /* a message row exists */
	char *code, *name, *phone, *email;
	int consent, hidden;
	char *submitted_at; /* UTC timestamp */
};
/* Empties a (count 1, no amount); act_clear frees and empties again. */
void act_init(struct activity *a);
void act_clear(struct activity *a);

/* Parses an amount of yuan with at most two decimals ("1234", "1234.5",
 * "0.05") into fen, without floating point; surrounding spaces are
 * ignored. No sign, no thousands separators, at most 13 digits before the
 * point. 0, or -1 with ERR_INPUT. */
int act_amount_parse(const char *s, int64_t *fen, struct err *e);
/* Writes fen as yuan with two decimals ("1234.50") into out. */
void act_amount_format(int64_t fen, char out[32]);
/* Parses a count: empty (or NULL) is 1, else a whole number 0 to
 * 1000000000. 0, or -1 with ERR_INPUT ("件数不能为负数" for a negative
 * one). */
int act_count_parse(const char *s, int64_t *count, struct err *e);
/* Parses an optional date: empty is 0, else exactly YYYY-MM-DD. `label`
 * names the field in the message. */
int act_date_parse(const char *label, const char *s, int64_t *day,
		   struct err *e);

/* Checks a of kind k against the rules, as of day `today`: a date, not in
 * the future; count >= 0; an amount for amount kinds and none for count
 * kinds; title (200), note and reply (5000 characters) of valid text; a
 * reply and reply date only for kinds with replies; a reply date needs a
 * reply and a reply needs its date; the reply date neither before the
 * date nor in the future. 0, or -1 with ERR_INPUT and *column set to the
 * CSV column at fault (date, count, amount, title, note, reply,
 * reply_date). */
int act_check(const struct activity *a, const struct act_kind *k,
	      int64_t today, const char **column, struct err *e);

/* Checks what the asker typed on the public message form: name (1 to 50
 * characters), a phone number or an e-mail address (at least one, each
 * well-formed), subject (the title, 1 to 100) and question (the note, 1
 * to 2000). 0, or -1 with ERR_INPUT and *column = the form field at fault
 * (name, phone, email, subject, question). */
int act_message_check(const struct activity *m, const char **column,
		      struct err *e);

/* The day before which an unanswered message counts as overdue: today
 * minus `months` calendar months (the day clamped to the month's end). */
int64_t act_flag_before(int64_t today, int months);

/* The e-mail telling the asker of message m (code, subject, reply and its
 * date set) that the organ replied. Appends to subject and body. */
void act_message_notice(const struct activity *m, const char *organ_name,
			const char *base_url, Buf *subject, Buf *body);

#endif
