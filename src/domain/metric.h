/*
 * metric.h - what the annual report counts, by name. The store fills a
 * struct tally with the raw figures of an organ's records over a period
 * (store/metric.c, aggregate queries); a metric is a named figure read off
 * a tally. The cumulative metrics are those a format reports as 历年累计;
 * for them an organ may hold opening balances (baselines) for the years
 * before its records begin, and their value at the end of a year follows
 * DESIGN.md §6: the latest baseline at or before the year before, plus the
 * records dated after that baseline's year up to the end of the year.
 *
 * Pure: no I/O.
 */
#ifndef GK_METRIC_H
#define GK_METRIC_H

#include "base/err.h"
#include "domain/application.h"
#include "domain/item.h"

#include <stddef.h>
#include <stdint.h>

/* Raw figures of one organ's records over a period of dates. */
struct tally {
	int64_t items;                    /* published in the period */
	int64_t items_channel[CH_COUNT];  /* ... of them, by channel */
	int64_t received[CHAN_COUNT];     /* applications, by channel */
	int64_t replied[OF_COUNT];        /* replies, by outcome family */
	int64_t reviews;                  /* 行政复议 cases filed */
	int64_t lawsuits;                 /* 行政诉讼 cases filed (both kinds) */
	int64_t complaints;               /* sum of `complaint` activity counts */
};

struct metric_def {
	const char *name;   /* e.g. "items.website" (a format's row id) */
	const char *label;  /* the row label, e.g. "其中：政府网站公开数" */
	const char *unit;   /* 条, 件 */
	const char *parent; /* the total it is part of (其中), or NULL */
	int64_t (*get)(const struct tally *t);
};

/* The cumulative metrics, in the order of the seed's table. */
extern const struct metric_def metric_cumulative[];
extern const size_t metric_ncumulative;

/* The cumulative metric called name, or NULL with ERR_INPUT naming the
 * field and the known names. */
const struct metric_def *metric_find(const char *field, const char *name,
				     struct err *e);

/* Earliest and latest years a baseline may be entered for: from 1990 up
 * to the current year (a baseline for year Y serves reports of Y+1 on). */
#define BASELINE_MIN_YEAR 1990

/* Checks a baseline's fields on their own: a known cumulative metric, a
 * year in [BASELINE_MIN_YEAR, this_year], a value in [0, 10^9]. On error
 * *field names the field at fault (metric, year, value) and e says why. */
int baseline_check(const char *metric, int64_t year, int64_t value,
		   int this_year, const char **field, struct err *e);

/* One opening balance (also the store's row). */
struct baseline {
	int64_t id, organ_id;
	char *metric;
	int year;
	int64_t value;
	char *source; /* "entered" or "import" */
	char *origin; /* who entered it, or the file it came from */
	char *note;
	char *created_at;
};
void baseline_clear(struct baseline *b);

/* Checks a new baseline against the organ's existing ones (all metrics):
 * a cumulative total never decreases, so an earlier year's value may not
 * exceed it and a later year's may not be below it; a part (其中) may not
 * exceed its total in the same year; one value per metric and year.
 * ERR_INPUT (ERR_CONFLICT for a repeat) naming the other baseline. */
int baseline_consistent(const struct baseline *nb, const struct baseline *all,
			size_t n, struct err *e);

/* Picks the baseline cumulative values of metric m at the end of year
 * start from: the latest of all[] for m with year <= year - 1, or NULL. */
const struct baseline *baseline_for(const struct baseline *all, size_t n,
				    const char *metric, int year);

#endif
