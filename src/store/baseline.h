/*
 * baseline.h - opening balances (期初累计值) in the database: the
 * cumulative value of a metric up to the end of a year before the organ's
 * records begin, entered once by an admin or imported, each with where it
 * came from. struct baseline and its rules are in domain/metric.h.
 */
#ifndef GK_BASELINE_H
#define GK_BASELINE_H

#include "domain/metric.h"
#include "store/store.h"

#include <stddef.h>

/* Every baseline of the organ, by metric (in the registry's order is
 * the caller's business) then year. Heap array; baseline_list_free. */
int baseline_list(store *st, int64_t organ_id, struct baseline **out,
		  size_t *n, struct err *e);
void baseline_list_free(struct baseline *v, size_t n);

/* Stores b (organ_id, metric, year, value, source, origin, note; b->id is
 * set) after baseline_check and baseline_consistent against the organ's
 * other baselines, with the cumulative metrics of reg (render/report_doc.h
 * report_metric_reg); audited. this_year bounds the year. Runs in its own
 * transaction (or the caller's). */
int baseline_add(store *st, const struct metric_reg *reg,
		 const struct actor *who, struct baseline *b, int this_year,
		 const char **field, struct err *e);

/* Removes one of the organ's baselines (audited); ERR_NOTFOUND when it
 * has no baseline id. */
int baseline_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e);

#endif
