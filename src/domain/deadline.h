/*
 * deadline.h - the statutory reply deadline of an application (regulation
 * arts. 30-35, DESIGN.md §4), computed from its recorded dates and the
 * working-day calendar, with each step of the derivation in words:
 *
 *   receipt date by channel (art. 31) → supplement request due within 7
 *   working days (art. 30); the clock restarts on the day the supplement
 *   arrives → due = 20 working days after the clock's start (art. 33) →
 *   + the working days spent consulting a third party (art. 32) or
 *   another organ (art. 34), overlapping consultations counted once →
 *   + the one extension (≤ 20 working days).
 *
 * While a supplement is awaited the clock is stopped and there is no due
 * date; during a consultation the due date moves on each day (shown as
 * of today). A calendar year that is missing makes the due date unknown,
 * never silently wrong. Pure: no I/O.
 */
#ifndef GK_DEADLINE_H
#define GK_DEADLINE_H

#include "domain/application.h"
#include "domain/workday.h"

struct deadline {
	int64_t due;       /* the reply due date; 0 when there is none */
	int64_t start;     /* the day the 20 days count from */
	int64_t supp_by;   /* the last day to request a supplement */
	int excluded;      /* working days not counted (consultations) */
	int stopped;       /* waiting for a supplement or an opinion */
	int missing_year;  /* a calendar year the answer needs, or 0 */
	int left;          /* open: working days from today to due, < 0
			      when overdue; 0 when closed or unknown */
	int late;          /* closed: working days the reply was late */
	int fee_stops;     /* the organ's setting, echoed */
	char **steps;      /* the derivation, one sentence each (owned) */
	size_t nsteps;
};

/* Fills d (caller frees with deadline_free). fee_stops_clock: whether an
 * unpaid fee notice stops the clock (a local rule; the regulation itself
 * excludes only consultations). Never fails: a calendar gap is reported
 * in d->missing_year and the steps. */
void deadline_compute(const struct application *a, const struct calendar *c,
		      int64_t today, int fee_stops_clock, struct deadline *d);
void deadline_free(struct deadline *d);

#endif
