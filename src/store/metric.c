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

/* One organ's opening balances, for the cumulative cells. */
struct organ_base {
	int64_t id;
	struct baseline *all;
	size_t n;
};

/* The cumulative cell of row (yearly figure expr) at the end of year:
 * the sum over the organs of each one's own cumulative value, since each
 * organ's baselines start in its own year. */
static int cumulate_sum(store *st, const struct organ_base *ob, size_t n,
			const char *row, const char *expr, int year,
			int64_t *v, struct err *e)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		struct cumulative cu;
		if (metric_cumulate(st, ob[i].id, row, expr, ob[i].all,
				    ob[i].n, year, &cu, e)) {
			return -1;
		}
		*v += cu.value;
	}
	return 0;
}

int metric_report_cells(store *st, int64_t organ_id, int subtree,
			const struct format *f, int year, struct mvals *m,
			struct cellset *cells, struct err *e)
{
	struct organ_base *ob = NULL;
	struct organ *os = NULL;
	size_t nob = 0, nos = 0;
	char from[24], to[24];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	int rc = metric_values(st, organ_id, subtree, from, to, m, e);
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
					} else if (col->period ==
						   FP_CUMULATIVE) {
						rc = cumulate_sum(st, ob, nob,
								  row->id, expr,
								  year, &v, e);
					} else {
						rc = mvals_eval(m, expr, &v, e);
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
		baseline_list_free(ob[i].all, ob[i].n);
	}
	free(ob);
	organ_list_free(os, nos);
	return rc;
}
