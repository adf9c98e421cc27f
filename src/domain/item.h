/*
 * item.h - the rules of proactively disclosed information (主动公开): the
 * vocabularies (kind, status, validity, channel) with their codes and
 * Chinese labels, the review workflow as a state machine, and index numbers
 * (索引号). Pure functions: no I/O, no SQL.
 *
 * Workflow (DESIGN.md §3):
 *   draft --submit--> pending_review --review--> reviewed --approve-->
 *   approved --publish--> published --withdraw--> withdrawn --redraft-->
 *   draft; `return` (reviewer) and `reject` (leader) send an item back to
 *   draft; `schedule` sets a publication time on an approved item (the
 *   server publishes it then), `unschedule` clears it; `abolish` and
 *   `expire` change a published item's validity (it stays public).
 */
#ifndef GK_ITEM_RULES_H
#define GK_ITEM_RULES_H

#include "base/err.h"
#include "domain/role.h"

#include <stddef.h>
#include <stdint.h>

enum item_kind {
	KIND_NORMAL,
	KIND_RULE,           /* 规章 */
	KIND_NORMATIVE,      /* 行政规范性文件 */
	KIND_INTERPRETATION, /* 政策解读 */
	KIND_ANNUAL_REPORT,  /* 政府信息公开年报 */
	KIND_COUNT
};

enum item_status {
	ST_DRAFT,
	ST_PENDING_REVIEW,
	ST_REVIEWED,
	ST_APPROVED,
	ST_PUBLISHED,
	ST_WITHDRAWN,
	ST_COUNT
};

enum item_validity { VAL_VALID, VAL_ABOLISHED, VAL_EXPIRED, VAL_COUNT };

/* Channels an item went out on; the bit of channel c is 1u << c. */
enum item_channel {
	CH_WEBSITE,
	CH_GAZETTE,
	CH_BULLETIN,
	CH_LED,
	CH_SMS,
	CH_WECHAT,
	CH_WEIBO,
	CH_PRESS,
	CH_COUNT
};

enum item_action {
	ACT_SUBMIT,
	ACT_REVIEW,     /* 保密审查 passed */
	ACT_RETURN,     /* reviewer sends back */
	ACT_APPROVE,
	ACT_REJECT,     /* leader sends back */
	ACT_PUBLISH,
	ACT_SCHEDULE,
	ACT_UNSCHEDULE,
	ACT_WITHDRAW,
	ACT_REDRAFT,
	ACT_ABOLISH,
	ACT_EXPIRE,
	ACT_COUNT
};

/* Codes (as in the database, CSV and URLs) and Chinese labels. Each parse
 * function returns 0, or -1 with a message naming `field` and the codes
 * that are allowed. Labels and codes are static strings. */
const char *item_kind_code(enum item_kind k);
const char *item_kind_label(enum item_kind k);
int item_kind_parse(const char *field, const char *s, enum item_kind *out,
		    struct err *e);
const char *item_status_code(enum item_status s);
const char *item_status_label(enum item_status s);
int item_status_parse(const char *s, enum item_status *out, struct err *e);
const char *item_validity_code(enum item_validity v);
const char *item_validity_label(enum item_validity v);
int item_validity_parse(const char *field, const char *s,
			enum item_validity *out, struct err *e);
const char *item_channel_code(enum item_channel c);
const char *item_channel_label(enum item_channel c);
/* "website;led" (';'-separated, spaces ignored, empty = none) → bit set. */
int item_channels_parse(const char *field, const char *s, unsigned *out,
			struct err *e);
/* Bit set → "website;led" (codes in enum order) appended to out. */
void item_channels_format(unsigned bits, char *out, size_t n);
const char *item_action_code(enum item_action a);
const char *item_action_label(enum item_action a);
int item_action_parse(const char *s, enum item_action *out, struct err *e);

/* What the workflow needs to know about an item and the person acting. */
struct item_wf {
	enum item_status status;
	int scheduled;          /* an approved item has a publication time */
	enum item_validity validity;
	int64_t created_by;     /* user id of the author (0: imported) */
	int64_t reviewed_by;    /* who recorded the review (0: nobody) */
};

/* Decides whether a user (id, role) may apply action a to an item in state
 * w. Returns 0 and sets *next to the status after the action, or -1 with a
 * message saying why not (ERR_CONFLICT for a wrong state, ERR_DENIED for a
 * wrong role or for approving or reviewing one's own item). `note` is the
 * reviewer's/leader's note: ACT_RETURN and ACT_REJECT require one. */
int item_transition(const struct item_wf *w, enum item_action a,
		    int64_t user_id, enum role role, const char *note,
		    enum item_status *next, struct err *e);

/* 1 when a user of this role may change the item's fields in this state:
 * drafts (and withdrawn items) by anyone of the organ; published items by
 * a leader or admin (a correction, audited); otherwise 0. */
int item_may_edit(enum item_status s, enum role role);
/* 1 when the item may be deleted: a draft that was never published. */
int item_may_delete(enum item_status s, int was_published);

/* Index number patterns. Fields: {code} the organ's code (or slug),
 * {year} the four-digit year, {month} two digits, {serial} the serial
 * zero-padded to five digits, {serial:N} padded to N (1..12) digits.
 * Any other text is copied. A pattern must contain {serial} exactly once
 * and be at most 80 bytes; "" means the default. */
#define INDEXNO_DEFAULT "{code}/{year}-{serial}"
int item_indexno_check(const char *pattern, struct err *e);
/* Writes the index number for (code, year, month, serial) into out (size
 * n). 0, or -1 if the pattern is invalid or the result does not fit. */
int item_indexno_format(const char *pattern, const char *code, int year,
			int month, int64_t serial, char *out, size_t n,
			struct err *e);
/* If idx could have been produced by pattern for this code and year
 * (any month), sets *serial and returns 1; else 0. Used so that imported
 * index numbers push the organ's counter past them. */
int item_indexno_match(const char *pattern, const char *code, int year,
		       const char *idx, int64_t *serial);
/* An index number typed by a person or a CSV: 1 to 80 bytes of printable
 * ASCII and CJK without spaces, '?', '#', '%', '\\' or a leading '/';
 * no "." or ".." path segments (it becomes part of a URL). */
int item_indexno_valid(const char *idx, struct err *e);

/* Attachments: the file name's extension must be one of pdf, doc, docx,
 * wps, xls, xlsx, et, ofd, jpg, jpeg, png, gif, and the bytes must look
 * like that type (PDF header, OLE2 or ZIP container, image signature).
 * Also checks the name (1..200 bytes of UTF-8 without '/', '\\' or
 * control characters) and size (1..max bytes). On success *ctype is the
 * static Content-Type to serve it with. */
int item_attachment_check(const char *name, const void *data, size_t size,
			  int64_t max, const char **ctype, struct err *e);
/* The static copy of a stored Content-Type of an allowed attachment type
 * ("application/octet-stream" for anything else). */
const char *item_attachment_ctype(const char *ctype);
/* 1 when a browser may show this type inline (PDF, images). */
int item_attachment_inline(const char *ctype);

/* The default category preset of a new organ (the seed's eight 法定主动公开
 * categories, then 政府信息公开制度 in the system section). */
struct item_preset {
	const char *name;
	int system;
};
extern const struct item_preset item_category_preset[];
extern const size_t item_category_npreset;

#endif
