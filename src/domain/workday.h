/*
 * workday.h - the working-day calendar (DESIGN.md §4): a date is a working
 * day if it is Monday to Friday and not a listed holiday, or a listed
 * 调休 workday. A period of N working days after D ends on the Nth working
 * day after D; D itself is not counted (民法典 art. 201).
 *
 * The calendar only knows the years whose official arrangements it holds
 * (a year is covered when it lists at least one holiday). Counting through
 * a year it does not cover is refused with that year named, never answered
 * with a silently wrong date. Pure functions: no I/O, no SQL.
 */
#ifndef GK_WORKDAY_H
#define GK_WORKDAY_H

#include "base/err.h"

#include <stddef.h>
#include <stdint.h>

enum cal_kind { CAL_HOLIDAY, CAL_WORKDAY };

struct cal_day {
	int64_t day; /* day number (base/date.h) */
	enum cal_kind kind;
	char *name; /* 春节, 国庆节, ... (owned) */
};

/* Owns its days; start zeroed, fill with cal_put, then cal_finish. */
struct calendar {
	struct cal_day *days; /* sorted by day after cal_finish */
	size_t n, cap;
	int *years; /* covered years, ascending (after cal_finish) */
	size_t nyears;
};

/* Adds or replaces the entry for a date (name copied). */
void cal_put(struct calendar *c, int64_t day, enum cal_kind kind,
	     const char *name);
/* Sorts and indexes; call after the last cal_put, before queries. */
void cal_finish(struct calendar *c);
void cal_free(struct calendar *c);

/* Parses "date,kind,name" CSV (the header row of data/cn-holidays.csv
 * required) into c (then cal_finish). Errors name the line (ERR_INPUT);
 * on error c holds what came before. */
int cal_parse_csv(const char *data, size_t n, struct calendar *c,
		  struct err *e);

const char *cal_kind_code(enum cal_kind k);
/* "holiday" / "workday" → kind; -1 otherwise. */
int cal_kind_parse(const char *s);

int cal_covers(const struct calendar *c, int year);
/* The listed entry of a date, or NULL. */
const struct cal_day *cal_lookup(const struct calendar *c, int64_t day);
/* 1 when day is a working day (by the rule above; no coverage check). */
int cal_is_workday(const struct calendar *c, int64_t day);

/* The year deadlines counted from `today` will soon need and the calendar
 * lacks: this year, or from 1 November the next (20 working days, an
 * extension and consultations reach into it), else 0. For warnings. */
int cal_year_needed(const struct calendar *c, int64_t today);

/* The nth (n >= 1; n = 0 gives d) working day after d into *out. 0, or -1
 * with ERR_MISSING and *missing (when not NULL) set to the first year the
 * count needed and the calendar does not cover. */
int cal_add(const struct calendar *c, int64_t d, int n, int64_t *out,
	    int *missing, struct err *e);
/* The number of working days in (a, b] into *count (0 when b <= a); -1
 * with ERR_MISSING and *missing as for cal_add. */
int cal_between(const struct calendar *c, int64_t a, int64_t b,
		int *count, int *missing, struct err *e);

#endif
