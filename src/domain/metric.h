/*
 * metric.h - the cumulative metrics of the annual report and the rules of
 * their opening balances. The store fills a set of named figures of an
 * organ's records over a period (store/metric.c, aggregate queries) - see
 * domain/mvals.h. The cumulative metrics are the rows the formats report
 * cumulatively (历年累计, 对外公开总数量), registered from the format files
 * (struct metric_reg); for them an organ may hold opening balances
 * (baselines) for the years
 * before its records begin, and their value at the end of a year follows
 * DESIGN.md §6: the latest baseline at or before the year before, plus the
 * records dated after that baseline's year up to the end of the year.
 *
 * Pure: no I/O.
 */
#ifndef GK_METRIC_H
#define GK_METRIC_H

#include "base/err.h"
#include "domain/format.h"

#include <stddef.h>
#include <stdint.h>

struct metric_def {
	char *name;   /* a cumulative row's id, e.g. "items.website" */
	char *label;  /* the row label, e.g. "其中：1.政府网站公开数" */
	char *unit;   /* 条, 件, or NULL */
	char *parent; /* the total it is part of (其中), or NULL */
	char *expr;   /* its yearly figure (domain/mvals.h) */
	char *formats; /* the formats reporting it, ", "-separated */
};

/* The cumulative metrics of an installation, registered from its report
 * formats: every row of a column with period "cumulative" (历年累计,
 * 对外公开总数量) is one, named by the row's id, which is also the name
 * of its baselines. A row is part of another (其中) when a column check
 * of its table says so: "a <= b" makes a part of b, "t = a + b + ..."
 * makes each of a, b... part of t. Formats may share a row id only for
 * the same yearly figure. */
struct metric_reg {
	struct metric_def *v; /* heap, in the order registered */
	size_t n;
};

/* Registers the cumulative rows of f (copies). ERR_INPUT when a row id
 * is already registered with another yearly figure. */
int metric_reg_add(struct metric_reg *r, const struct format *f,
		   struct err *e);
void metric_reg_free(struct metric_reg *r);

/* The cumulative metric called name, or NULL with ERR_INPUT naming the
 * field and saying where the known names are listed. */
const struct metric_def *metric_find(const struct metric_reg *r,
				     const char *field, const char *name,
				     struct err *e);

/* Earliest and latest years a baseline may be entered for: from 1990 up
 * to the current year (a baseline for year Y serves reports of Y+1 on). */
#define BASELINE_MIN_YEAR 1990

/* Checks a baseline's fields on their own: a known cumulative metric, a
 * year in [BASELINE_MIN_YEAR, this_year], a value in [0, 10^9]. On error
 * *field names the field at fault (metric, year, value) and e says why. */
int baseline_check(const struct metric_reg *r, const char *metric,
		   int64_t year, int64_t value, int this_year,
		   const char **field, struct err *e);

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
int baseline_consistent(const struct metric_reg *r,
			const struct baseline *nb, const struct baseline *all,
			size_t n, struct err *e);

/* Picks the baseline cumulative values of metric m at the end of year
 * start from: the latest of all[] for m with year <= year - 1, or NULL. */
const struct baseline *baseline_for(const struct baseline *all, size_t n,
				    const char *metric, int year);

#endif
