/*
 * metric.h - the aggregate queries behind the annual report's figures:
 * one statement fills a domain/metric.h tally for an organ and a period,
 * and the cumulative value of a metric combines a tally with the organ's
 * opening balances (store/baseline.h).
 */
#ifndef GK_STORE_METRIC_H
#define GK_STORE_METRIC_H

#include "domain/metric.h"
#include "store/store.h"

/* Fills *t (zeroed first) with the figures of the organ's records dated
 * from..to (YYYY-MM-DD, inclusive; from NULL = since the beginning). */
int metric_tally(store *st, int64_t organ_id, const char *from,
		 const char *to, struct tally *t, struct err *e);

/* A cumulative value and where it came from. */
struct cumulative {
	int64_t value;   /* base + records */
	const struct baseline *base; /* the baseline used (into all[]), or
					NULL: every record counted */
	int64_t records; /* the records' share */
	int from_year;   /* first year of records counted (0: all) */
};

/* The value of cumulative metric m at the end of year for the organ,
 * given all of its baselines (DESIGN.md §6). */
int metric_cumulate(store *st, int64_t organ_id, const struct metric_def *m,
		    const struct baseline *all, size_t n, int year,
		    struct cumulative *out, struct err *e);

#endif
