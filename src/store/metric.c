/*
 * metric.c - aggregate queries for the report's figures (see metric.h).
 * One statement: each record table is grouped once, its rows named as
 * metrics (domain/mvals.h) and folded into the set with their sums.
 */
#include "store/metric.h"

#include "base/str.h"
#include "store/baseline.h"
#include "store/organ.h"
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int metric_values(store *st, int64_t organ_id, int subtree,
		  const char *from, const char *to, struct mvals *m,
		  struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		/* the organs counted: the organ, and with ?4 its
		 * descendants */
		"WITH RECURSIVE sc(id) AS (SELECT ?1 UNION SELECT c.id "
		"FROM organ c JOIN sc ON c.parent_id = sc.id "
		"WHERE ?4) "
		/* items: published, by channel and kind in the period;
		 * abolished in it; valid at its end */
		"SELECT 'items.published', count(*) FROM item "
		"WHERE organ_id IN (SELECT id FROM sc) AND status = "
		"'published' "
		"AND published_date BETWEEN ?2 AND ?3 "
		"UNION ALL SELECT 'items.channel.' || c.channel, count(*) "
		"FROM item i JOIN item_channel c ON c.item_id = i.id "
		"WHERE i.organ_id IN (SELECT id FROM sc) AND i.status = "
		"'published' "
		"AND i.published_date BETWEEN ?2 AND ?3 GROUP BY c.channel "
		"UNION ALL SELECT 'items.display', count(*) FROM item i "
		"WHERE i.organ_id IN (SELECT id FROM sc) AND i.status = "
		"'published' "
		"AND i.published_date BETWEEN ?2 AND ?3 AND EXISTS (SELECT 1 "
		"FROM item_channel c WHERE c.item_id = i.id "
		"AND c.channel IN ('bulletin', 'led')) "
		"UNION ALL SELECT 'items.issued.' || kind, count(*) FROM item "
		"WHERE organ_id IN (SELECT id FROM sc) AND status = "
		"'published' "
		"AND published_date BETWEEN ?2 AND ?3 GROUP BY kind "
		/* items by written date (成文日期), whatever their status:
		 * made in the period */
		"UNION ALL SELECT 'items.written.' || kind, count(*) FROM item "
		"WHERE organ_id IN (SELECT id FROM sc) "
		"AND written_date BETWEEN ?2 AND ?3 GROUP BY kind "
		"UNION ALL SELECT 'items.abolished.' || kind, count(*) "
		"FROM item WHERE organ_id IN (SELECT id FROM sc) AND status = "
		"'published' "
		"AND abolished_date BETWEEN ?2 AND ?3 GROUP BY kind "
		"UNION ALL SELECT 'items.valid.' || kind, count(*) FROM item "
		"WHERE organ_id IN (SELECT id FROM sc) AND status = "
		"'published' "
		"AND published_date <= ?3 AND (abolished_date IS NULL "
		"OR abolished_date > ?3) GROUP BY kind "
		/* applications: received (by applicant, by channel), carried
		 * in and out, replied by outcome */
		"UNION ALL SELECT 'apps.new.' || applicant_kind, count(*) "
		"FROM application WHERE organ_id IN (SELECT id FROM sc) "
		"AND received_date BETWEEN ?2 AND ?3 GROUP BY applicant_kind "
		"UNION ALL SELECT 'apps.channel.' || channel, count(*) "
		"FROM application WHERE organ_id IN (SELECT id FROM sc) "
		"AND received_date BETWEEN ?2 AND ?3 GROUP BY channel "
		"UNION ALL SELECT 'apps.carried_in.' || applicant_kind, "
		"count(*) FROM application WHERE organ_id IN (SELECT id FROM "
		"sc) "
		"AND received_date < ?2 AND (replied_date IS NULL "
		"OR replied_date >= ?2) GROUP BY applicant_kind "
		"UNION ALL SELECT 'apps.carried_out.' || applicant_kind, "
		"count(*) FROM application WHERE organ_id IN (SELECT id FROM "
		"sc) "
		"AND received_date <= ?3 AND (replied_date IS NULL "
		"OR replied_date > ?3) GROUP BY applicant_kind "
		"UNION ALL SELECT 'apps.result.' || outcome || '.' || "
		"applicant_kind, count(*) FROM application "
		"WHERE organ_id IN (SELECT id FROM sc) AND outcome IS NOT NULL "
		"AND replied_date BETWEEN ?2 AND ?3 "
		"GROUP BY outcome, applicant_kind "
		/* cases filed in the period, with their result at its end */
		"UNION ALL SELECT 'cases.' || kind || '.' || CASE WHEN "
		"closed_date <= ?3 THEN result ELSE 'pending' END, count(*) "
		"FROM lawcase WHERE organ_id IN (SELECT id FROM sc) "
		"AND filed_date BETWEEN ?2 AND ?3 GROUP BY 1 "
		/* activities: counts and amounts by kind */
		"UNION ALL SELECT 'activity.' || kind || '.count', sum(count) "
		"FROM activity WHERE organ_id IN (SELECT id FROM sc) "
		"AND date BETWEEN ?2 AND ?3 GROUP BY kind "
		/* stocks read on a date: per organ and kind, the count of
		 * the latest entry on or before the period's end (the
		 * highest id on that day), summed over the organs */
		"UNION ALL SELECT 'activity.' || kind || '.latest', "
		"sum(count) FROM (SELECT kind, count, row_number() OVER "
		"(PARTITION BY organ_id, kind ORDER BY date DESC, id DESC) "
		"AS rn FROM activity WHERE organ_id IN (SELECT id FROM sc) "
		"AND date <= ?3) WHERE rn = 1 GROUP BY kind "
		"UNION ALL SELECT 'activity.' || kind || '.fen', "
		"sum(amount_fen) FROM activity WHERE organ_id IN (SELECT id "
		"FROM sc) "
		"AND amount_fen IS NOT NULL AND date BETWEEN ?2 AND ?3 "
		"GROUP BY kind",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_text(st, s, 2, from ? from : "0000-01-01", e) ||
	    st_bind_text(st, s, 3, to, e) ||
	    st_bind_int(st, s, 4, subtree != 0, e)) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		if (name) {
			metric_fold(m, name, st_col_int(s, 1));
		}
	}
	return rc < 0 ? -1 : 0;
}

int metric_cumulate(store *st, int64_t organ_id, const char *row,
		    const char *expr, const struct baseline *all, size_t n,
		    int year, struct cumulative *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->base = baseline_for(all, n, row, year);
	char from[24], to[24];
	struct mvals m = {0};
	snprintf(to, sizeof to, "%04d-12-31", year);
	if (out->base) {
		out->from_year = out->base->year + 1;
		snprintf(from, sizeof from, "%04d-01-01", out->from_year);
	}
	int rc = metric_values(st, organ_id, 0, out->base ? from : NULL, to,
			       &m, e);
	if (rc == 0) {
		rc = mvals_eval(&m, expr, &out->records, e);
	}
	mvals_free(&m);
	out->value = out->records +
		     (out->base ? out->base->value * CELL_SCALE : 0);
	return rc;
}

/* One organ's opening balances, for the cumulative cells, and the
 * metrics of its records from a first year to the report's year, one
 * aggregate pass per first year its baselines need (the same for every
 * row whose baseline ends in the same year). */
struct organ_base {
	int64_t id;
	struct baseline *all;
	size_t n;
	int *from;          /* first years computed (0: all records) */
	struct mvals *since; /* their metrics */
	size_t nfrom;
};

static void organ_base_free(struct organ_base *ob)
{
	baseline_list_free(ob->all, ob->n);
	for (size_t i = 0; i < ob->nfrom; i++) {
		mvals_free(&ob->since[i]);
	}
	free(ob->from);
	free(ob->since);
}

/* The organ's metrics from from_year (0: all records) to the end of
 * year, computed once. */
static int since_year(store *st, struct organ_base *ob, int from_year,
		      int year, const struct mvals **out, struct err *e)
{
	for (size_t i = 0; i < ob->nfrom; i++) {
		if (ob->from[i] == from_year) {
			*out = &ob->since[i];
			return 0;
		}
	}
	char from[24], to[24];
	snprintf(from, sizeof from, "%04d-01-01", from_year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	ob->from = xrealloc(ob->from, (ob->nfrom + 1) * sizeof *ob->from);
	ob->since = xrealloc(ob->since, (ob->nfrom + 1) * sizeof *ob->since);
	ob->from[ob->nfrom] = from_year;
	memset(&ob->since[ob->nfrom], 0, sizeof ob->since[0]);
	*out = &ob->since[ob->nfrom++];
	return metric_values(st, ob->id, 0, from_year ? from : NULL, to,
			     &ob->since[ob->nfrom - 1], e);
}

/* The cumulative cell of row (yearly figure expr) at the end of year:
 * the sum over the organs of each one's own cumulative value, since each
 * organ's baselines start in its own year. */
static int cumulate_sum(store *st, struct organ_base *ob, size_t n,
			const char *row, const char *expr, int year,
			int64_t *v, struct err *e)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		const struct baseline *b =
			baseline_for(ob[i].all, ob[i].n, row, year);
		const struct mvals *m;
		int64_t rec = 0;
		if (since_year(st, &ob[i], b ? b->year + 1 : 0, year, &m, e) ||
		    mvals_eval(m, expr, &rec, e)) {
			return -1;
		}
		*v += rec + (b ? b->value * CELL_SCALE : 0);
	}
	return 0;
}

/* 1 when some column of f has period p. */
static int format_has_period(const struct format *f, enum fmt_period p)
{
	for (size_t t = 0; t < f->ntables; t++) {
		for (size_t b = 0; b < f->tables[t].nblocks; b++) {
			const struct fmt_block *k = &f->tables[t].blocks[b];
			for (size_t c = 0; c < k->nlcols; c++) {
				if (k->lcols[c]->period == p) {
					return 1;
				}
			}
		}
	}
	return 0;
}

/* One cell's value: from the year's metrics m, the previous year's prev,
 * or cumulated with the baselines. */
static int cell_value(store *st, struct organ_base *ob, size_t nob,
		      const struct mvals *m, const struct mvals *prev,
		      const struct fmt_node *row, const struct fmt_node *col,
		      const char *expr, int year, int64_t *v, struct err *e)
{
	int64_t now = 0, before = 0;
	switch (col->period) {
	case FP_CUMULATIVE:
		return cumulate_sum(st, ob, nob, row->id, expr, year, v, e);
	case FP_PREVIOUS:
		return mvals_eval(prev, expr, v, e);
	case FP_CHANGE:
		if (mvals_eval(m, expr, &now, e) ||
		    mvals_eval(prev, expr, &before, e)) {
			return -1;
		}
		*v = now - before;
		return 0;
	case FP_YEAR:
		break;
	}
	return mvals_eval(m, expr, v, e);
}

int metric_report_cells(store *st, int64_t organ_id, int subtree,
			const struct format *f, int year, struct mvals *m,
			struct cellset *cells, struct err *e)
{
	struct organ_base *ob = NULL;
	struct organ *os = NULL;
	struct mvals prev = {0};
	size_t nob = 0, nos = 0;
	char from[24], to[24];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	int rc = metric_values(st, organ_id, subtree, from, to, m, e);
	if (rc == 0 && (format_has_period(f, FP_PREVIOUS) ||
			format_has_period(f, FP_CHANGE))) {
		snprintf(from, sizeof from, "%04d-01-01", year - 1);
		snprintf(to, sizeof to, "%04d-12-31", year - 1);
		rc = metric_values(st, organ_id, subtree, from, to, &prev, e);
	}
	if (rc == 0 && subtree) {
		rc = organ_subtree(st, organ_id, &os, &nos, e);
	}
	nob = subtree ? nos : 1;
	ob = xcalloc(nob ? nob : 1, sizeof *ob);
	for (size_t i = 0; rc == 0 && i < nob; i++) {
		ob[i].id = subtree ? os[i].id : organ_id;
		rc = baseline_list(st, ob[i].id, &ob[i].all, &ob[i].n, e);
	}
	for (size_t t = 0; rc == 0 && t < f->ntables; t++) {
		const struct fmt_table *tb = &f->tables[t];
		for (size_t b = 0; rc == 0 && b < tb->nblocks; b++) {
			const struct fmt_block *k = &tb->blocks[b];
			for (size_t r = 0; rc == 0 && r < k->nlrows; r++) {
				for (size_t c = 0; rc == 0 && c < k->nlcols;
				     c++) {
					const struct fmt_node *row = k->lrows[r];
					const struct fmt_node *col = k->lcols[c];
					char expr[256];
					int64_t v = 0;
					if (format_cell_metric(row, col, expr,
							       sizeof expr)) {
						rc = err_set(e, ERR_INPUT,
							     "%s: cell %s/%s "
							     "has no metric",
							     f->id, row->id,
							     col->id);
					} else {
						rc = cell_value(st, ob, nob, m,
								&prev, row, col,
								expr, year, &v,
								e);
					}
					if (rc == 0) {
						cellset_put(cells, tb->id,
							    row->id, col->id, v);
					}
				}
			}
		}
	}
	for (size_t i = 0; i < nob; i++) {
		organ_base_free(&ob[i]);
	}
	free(ob);
	organ_list_free(os, nos);
	mvals_free(&prev);
	return rc;
}
