/*
 * metric.h - the aggregate queries behind the annual report's figures:
 * one statement fills a domain/mvals.h set for an organ and a period, and
 * the cumulative value of a metric combines it with the organ's opening
 * balances (store/baseline.h).
 */
#ifndef GK_STORE_METRIC_H
#define GK_STORE_METRIC_H

#include "domain/metric.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "domain/mvals.h"
#include "store/store.h"

/* Fills *m (empty; mvals_free after) with every metric of the organ's
 * records (subtree != 0: of the organ's and all its descendants' records,
 * the county roll-up) for the period from..to (YYYY-MM-DD, inclusive; from NULL =
 * since the beginning): flows (published, received, replied, filed,
 * dated) in the period, stocks (valid items, carried-over applications,
 * case results) as of `to`. */
int metric_values(store *st, int64_t organ_id, int subtree,
		  const char *from, const char *to, struct mvals *m,
		  struct err *e);

/* A cumulative value and where it came from. */
struct cumulative {
	int64_t value;   /* base + records (× CELL_SCALE) */
	const struct baseline *base; /* the baseline used (into all[]), or
					NULL: every record counted */
	int64_t records; /* the records' share */
	int from_year;   /* first year of records counted (0: all) */
};

/* The value at the end of year of the cumulative row `row` (a baseline
 * metric name) whose yearly figure is expr, for the organ, given all of
 * its baselines (DESIGN.md §6). */
int metric_cumulate(store *st, int64_t organ_id, const char *row,
		    const char *expr, const struct baseline *all, size_t n,
		    int year, struct cumulative *out, struct err *e);


/* Every cell of format f for the organ's year into *cells, and the
 * year's metrics (from which the yearly cells come) into *m (both empty;
 * cellset_free and mvals_free after): yearly cells from the year's
 * records, previous/change cells also from the year before's (one more
 * aggregate pass), cumulative ones with the organ's baselines (one pass
 * per first year of records they need). ERR_INPUT when the
 * format names a metric the engine does not know. With subtree != 0 the
 * report is the roll-up of the organ and all its descendant organs (one
 * aggregate query over the organ tree; a cumulative cell is the sum of
 * each organ's own cumulative value, with its own baselines). */
int metric_report_cells(store *st, int64_t organ_id, int subtree,
			const struct format *f, int year, struct mvals *m,
			struct cellset *cells, struct err *e);

#endif
