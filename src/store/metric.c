/*
 * metric.c - aggregate queries for the report's figures (see metric.h).
 * One statement per tally: each record table is grouped once, and the
 * rows (group, key, n) are folded into the struct.
 */
#include "store/metric.h"

#include "base/str.h"
#include "store/store_int.h"

#include <stdio.h>
#include <string.h>

static void fold(struct tally *t, const char *group, const char *key,
		 int64_t n)
{
	if (str_eq(group, "i")) {
		if (str_empty(key)) {
			t->items += n;
		}
		for (int c = 0; c < CH_COUNT; c++) {
			if (str_eq(key, item_channel_code(c))) {
				t->items_channel[c] += n;
			}
		}
	} else if (str_eq(group, "r")) {
		for (int c = 0; c < CHAN_COUNT; c++) {
			if (str_eq(key, app_channels[c].code)) {
				t->received[c] += n;
			}
		}
	} else if (str_eq(group, "o")) {
		for (size_t k = 0; k < app_noutcomes; k++) {
			if (str_eq(key, app_outcomes[k].code)) {
				t->replied[app_outcomes[k].family] += n;
			}
		}
	} else if (str_eq(group, "c")) {
		if (str_eq(key, "review")) {
			t->reviews += n;
		} else {
			t->lawsuits += n;
		}
	} else if (str_eq(group, "a")) {
		t->complaints += n;
	}
}

int metric_tally(store *st, int64_t organ_id, const char *from,
		 const char *to, struct tally *t, struct err *e)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *s = st_prepare(
		st,
		/* items published in the period, and by channel */
		"SELECT 'i', '', count(*) FROM item WHERE organ_id = ?1 "
		"AND status = 'published' AND published_date BETWEEN ?2 AND ?3 "
		"UNION ALL SELECT 'i', c.channel, count(*) FROM item i "
		"JOIN item_channel c ON c.item_id = i.id WHERE i.organ_id = ?1 "
		"AND i.status = 'published' AND i.published_date BETWEEN ?2 "
		"AND ?3 GROUP BY c.channel "
		/* applications received, replies by outcome */
		"UNION ALL SELECT 'r', channel, count(*) FROM application "
		"WHERE organ_id = ?1 AND received_date BETWEEN ?2 AND ?3 "
		"GROUP BY channel "
		"UNION ALL SELECT 'o', outcome, count(*) FROM application "
		"WHERE organ_id = ?1 AND outcome IS NOT NULL AND replied_date "
		"BETWEEN ?2 AND ?3 GROUP BY outcome "
		/* cases filed */
		"UNION ALL SELECT 'c', kind, count(*) FROM lawcase "
		"WHERE organ_id = ?1 AND filed_date BETWEEN ?2 AND ?3 "
		"GROUP BY kind "
		/* complaints (申诉、举报) */
		"UNION ALL SELECT 'a', kind, coalesce(sum(count), 0) "
		"FROM activity WHERE organ_id = ?1 AND kind = 'complaint' "
		"AND date BETWEEN ?2 AND ?3",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_text(st, s, 2, from ? from : "0000-01-01", e) ||
	    st_bind_text(st, s, 3, to, e)) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		const char *g = (const char *)sqlite3_column_text(s, 0);
		const char *k = (const char *)sqlite3_column_text(s, 1);
		fold(t, g ? g : "", k ? k : "", st_col_int(s, 2));
	}
	return rc < 0 ? -1 : 0;
}

int metric_cumulate(store *st, int64_t organ_id, const struct metric_def *m,
		    const struct baseline *all, size_t n, int year,
		    struct cumulative *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->base = baseline_for(all, n, m->name, year);
	char from[24], to[24];
	struct tally t;
	snprintf(to, sizeof to, "%04d-12-31", year);
	if (out->base) {
		out->from_year = out->base->year + 1;
		snprintf(from, sizeof from, "%04d-01-01", out->from_year);
	}
	if (metric_tally(st, organ_id, out->base ? from : NULL, to, &t, e)) {
		return -1;
	}
	out->records = m->get(&t);
	out->value = out->records + (out->base ? out->base->value : 0);
	return 0;
}
