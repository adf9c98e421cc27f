/*
 * lawcase.h - the rules of administrative review and litigation cases
 * brought against an organ over disclosure (行政复议 / 行政诉讼, counted
 * by the annual report's cases table): the kinds and results with their
 * Chinese labels, and the one check of a case's fields that the back
 * office form and the CSV import both use. Pure functions: no I/O.
 *
 * Dates are day numbers (base/date.h); 0 means "none".
 */
#ifndef GK_LAWCASE_RULES_H
#define GK_LAWCASE_RULES_H

#include "base/err.h"
#include "domain/application.h"

#include <stddef.h>
#include <stdint.h>

enum lawcase_kind {
	LK_REVIEW,                  /* 行政复议 */
	LK_LITIGATION_DIRECT,       /* 直接起诉的行政诉讼 */
	LK_LITIGATION_AFTER_REVIEW, /* 复议后起诉的行政诉讼 */
	LK_COUNT
};
extern const struct vocab lawcase_kinds[LK_COUNT];

/* The four result columns of the report's cases table. */
enum lawcase_result {
	LR_UPHELD,    /* 维持 */
	LR_CORRECTED, /* 纠正 */
	LR_OTHER,     /* 其他结果 */
	LR_PENDING,   /* 尚未审结 */
	LR_COUNT
};
extern const struct vocab lawcase_results[LR_COUNT];

struct lawcase {
	int64_t id, organ_id;
	int64_t application_id; /* 0 = not linked */
	char *app_code;         /* its tracking code ("" when not linked) */
	enum lawcase_kind kind;
	enum lawcase_result result;
	/* 案号; 复议机关 or court; applicant / plaintiff; 案由; note */
	char *case_no, *authority, *party, *subject, *note;
	int64_t filed, closed; /* closed 0 while pending */
	int64_t created_by;
	char *created_at, *updated_at;
	int64_t files; /* number of documents (lists only) */
};

/* Frees every string of c and zeroes it. */
void lawcase_clear(struct lawcase *c);

/* A case's fields as typed on the form or read from a CSV row; NULL
 * counts as empty. */
struct lawcase_input {
	const char *kind, *result, *filed_date, *closed_date;
	const char *case_no, *authority, *party, *subject, *note;
	const char *application; /* tracking code of a linked application */
};

/* Checks in and on success sets c's kind, result, filed, closed and
 * texts and app_code (heap copies, trimmed; the old ones are freed),
 * leaving its other fields alone. The rules: kind and result known;
 * dates real YYYY-MM-DD, not before 1900 and not after today; a filing
 * date always; a closing date for every result but pending and none for
 * pending; closing not before filing; texts within their lengths. On
 * failure returns -1 with ERR_INPUT, a Chinese message naming the field,
 * and *field (when not NULL) the CSV column at fault ("kind",
 * "filed_date", "result", "closed_date", "application", ...); c is then
 * unchanged. */
int lawcase_check(const struct lawcase_input *in, int64_t today,
		  struct lawcase *c, const char **field, struct err *e);

#endif
