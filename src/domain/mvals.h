/*
 * mvals.h - a set of named metric values for one organ and period, as the
 * store's aggregate queries produce them (store/metric.h) and report
 * cells and narrative placeholders read them. Values are fixed-point
 * (× CELL_SCALE, see crosscheck.h). Metric names (docs/report-formats.md):
 *
 *   items.published  items.channel.CH  items.display (bulletin or LED)
 *   items.issued.KIND  items.written.KIND (by written date)
 *   items.abolished.KIND  items.valid.KIND
 *   apps.new.AK  apps.carried_in.AK  apps.carried_out.AK  apps.channel.CH
 *   apps.result.OUTCOME.AK  apps.result.FAMILY.AK  apps.result.total.AK
 *   cases.KIND.RESULT  cases.KIND.total
 *   activity.KIND.count  activity.KIND.amount (yuan)  activity.KIND.wanyuan
 *   activity.KIND.latest (the count of the latest entry by the period's
 *   end: a stock read on a date, e.g. the number of licensing matters)
 *
 * where AK is an applicant kind or total. A metric that no record feeds
 * is 0 when its name is well formed. Pure.
 */
#ifndef GK_MVALS_H
#define GK_MVALS_H

#include "base/err.h"
#include "domain/crosscheck.h"

#include <stddef.h>
#include <stdint.h>

struct mval {
	char name[96];
	int64_t v;
};

struct mvals {
	struct mval *v;
	size_t n, cap;
};

/* Adds v to name (creating it at 0). */
void mvals_add(struct mvals *m, const char *name, int64_t v);
void mvals_free(struct mvals *m);

/* Evaluates expr ("a + b - c": sums and differences) on m into *out. A name m lacks is 0 if it
 * is a well-formed metric name, else ERR_INPUT naming it. */
int mvals_eval(const struct mvals *m, const char *expr, int64_t *out,
	       struct err *e);

/* Adds one raw figure of the store's aggregate query (a count, or for
 * activity.KIND.fen an amount in fen) under its name, scaled, and to the
 * sums it is part of: .total over applicant kinds, the outcome's family
 * and apps.result.total, a case kind's total, an amount's yuan and 万元. */
void metric_fold(struct mvals *m, const char *name, int64_t raw);

/* 1 when name is a well-formed metric name (see above). */
int metric_name_valid(const char *name);

#endif
