/*
 * test_rollup.c - the county roll-up (store/metric.c with subtree, and
 * store/organ.c organ_subtree) on a real database: a tree of organs
 * (a county with two departments, one of them with a sub-unit, and a
 * second county with its own department), each with a hand-counted set of
 * published items, applications and baselines. The roll-up of an organ
 * counts it and its descendants - a grandchild too - and never a sibling,
 * the parent or another subtree; cumulative cells sum each organ's own
 * baselines. And the report's standing against its legal date
 * (domain/rollup.c).
 */
#include "t.h"
#include "tdb.h"

#include "domain/crosscheck.h"
#include "domain/format.h"
#include "domain/rollup.h"
#include "base/date.h"
#include "render/report_doc.h"
#include "store/baseline.h"
#include "store/metric.h"
#include "store/organ.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct actor tester = {0, "test"};

/* organ ids, in creation order */
enum { COUNTY = 1, DEPT_A, DEPT_B, SUB_A, OTHER, OTHER_DEPT };

static int add_organ(store *st, const char *slug, const char *name,
		     const char *parent)
{
	struct err e = {0};
	struct organ o = {0};
	o.slug = strdup(slug);
	o.name = (char *)name;
	o.parent_name = (char *)parent;
	int rc = organ_create(st, &tester, &o, &e);
	if (rc) {
		fprintf(stderr, "  organ %s: %s\n", slug, e.msg);
	}
	free(o.slug);
	return rc;
}

/* Organ N publishes N items in 2018 (one more in 2017), and receives N
 * applications in 2018 from natural persons. */
static const char records[] =
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	"WHERE i < 6) "
	"INSERT INTO item(organ_id, title, category_id, kind, published_date,"
	" status, ever_published, created_at, updated_at) "
	"SELECT o.id, 'x' || o.id || '-' || n.i, (SELECT min(id) FROM "
	"category WHERE organ_id = o.id), 'normal', '2018-03-0' || n.i, "
	"'published', 1, 'x', 'x' FROM organ o JOIN n ON n.i <= o.id "
	"UNION ALL SELECT o.id, 'old' || o.id, (SELECT min(id) FROM category "
	"WHERE organ_id = o.id), 'normal', '2017-05-05', 'published', 1, "
	"'x', 'x' FROM organ o;"
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	"WHERE i < 6) "
	"INSERT INTO application(organ_id, tracking_code, channel, "
	"applicant_kind, submitted_at, received_date, created_at, "
	"updated_at) SELECT o.id, 'T' || o.id || '-' || n.i, 'online', "
	"'natural', 'x', '2018-04-01', 'x', 'x' FROM organ o "
	"JOIN n ON n.i <= o.id;";

static store *fixture(void)
{
	store *st = tdb_open();
	if (!st) {
		return NULL;
	}
	if (add_organ(st, "county", "甲县人民政府", NULL) ||
	    add_organ(st, "dept-a", "甲县甲局", "county") ||
	    add_organ(st, "dept-b", "甲县乙局", "county") ||
	    add_organ(st, "sub-a", "甲局下属中心", "dept-a") ||
	    add_organ(st, "other", "乙县人民政府", NULL) ||
	    add_organ(st, "other-dept", "乙县丙局", "other") ||
	    tdb_exec(records) != 0) {
		fprintf(stderr, "  fixture failed\n");
		tdb_close(st);
		return NULL;
	}
	return st;
}

/* The sum 1 + 2 + ... over the organ ids listed. */
static int64_t sum_ids(const int *ids)
{
	int64_t s = 0;
	for (; *ids; ids++) {
		s += *ids;
	}
	return s;
}

static int64_t value(const struct mvals *m, const char *name)
{
	struct err e = {0};
	int64_t v = 0;
	if (mvals_eval(m, name, &v, &e)) {
		fprintf(stderr, "  %s: %s\n", name, e.msg);
		return -1;
	}
	return v / CELL_SCALE;
}

static void t_subtree(void)
{
	struct err e = {0};
	store *st = fixture();
	T_ASSERT(st);
	struct organ *v = NULL;
	size_t n = 0;
	T_EQ_INT(organ_subtree(st, COUNTY, &v, &n, &e), 0);
	T_EQ_INT((int)n, 4);
	/* the organ first, then by depth */
	T_EQ_INT((int)v[0].id, COUNTY);
	T_EQ_INT((int)v[3].id, SUB_A);
	for (size_t i = 0; i < n; i++) {
		T_ASSERT(v[i].id != OTHER && v[i].id != OTHER_DEPT);
	}
	organ_list_free(v, n);
	T_EQ_INT(organ_subtree(st, DEPT_A, &v, &n, &e), 0);
	T_EQ_INT((int)n, 2);
	T_EQ_INT((int)v[0].id, DEPT_A);
	T_EQ_INT((int)v[1].id, SUB_A);
	organ_list_free(v, n);
	T_EQ_INT(organ_subtree(st, DEPT_B, &v, &n, &e), 0);
	T_EQ_INT((int)n, 1);
	organ_list_free(v, n);
	T_EQ_INT(organ_subtree(st, 99, &v, &n, &e), 0);
	T_EQ_INT((int)n, 0);
	organ_list_free(v, n);
	tdb_close(st);
}

static void t_values(void)
{
	struct err e = {0};
	store *st = fixture();
	T_ASSERT(st);
	static const struct {
		int organ, subtree;
		int ids[6];
	} cases[] = {
		/* the county: itself, both departments and the grandchild;
		 * not the other county's tree */
		{COUNTY, 1, {COUNTY, DEPT_A, DEPT_B, SUB_A}},
		/* a department: itself and its sub-unit, not its sibling or
		 * its parent */
		{DEPT_A, 1, {DEPT_A, SUB_A}},
		{DEPT_B, 1, {DEPT_B}},
		{OTHER, 1, {OTHER, OTHER_DEPT}},
		/* without subtree: the organ alone */
		{COUNTY, 0, {COUNTY}},
		{DEPT_A, 0, {DEPT_A}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mvals m = {0};
		int64_t want = sum_ids(cases[i].ids);
		T_EQ_INT(metric_values(st, cases[i].organ, cases[i].subtree,
				       "2018-01-01", "2018-12-31", &m, &e),
			 0);
		T_EQ_INT(value(&m, "items.published"), want);
		T_EQ_INT(value(&m, "apps.new.natural"), want);
		T_EQ_INT(value(&m, "apps.carried_out.total"), want);
		mvals_free(&m);
	}
	tdb_close(st);
}

static void t_cells(void)
{
	struct err e = {0};
	store *st = fixture();
	T_ASSERT(st);
	const char *field = NULL;
	struct metric_reg reg = {0};
	T_EQ_INT(report_metric_reg(NULL, &reg, &e), 0);
	/* opening balances at different years: the county's at 2016 (its
	 * 2017 item counts on top), the sub-unit's at 2017 */
	struct baseline b1 = {.organ_id = COUNTY, .metric = "items",
			      .year = 2016, .value = 100,
			      .source = "entered", .origin = "test"};
	struct baseline b2 = {.organ_id = SUB_A, .metric = "items",
			      .year = 2017, .value = 40,
			      .source = "entered", .origin = "test"};
	T_EQ_INT(baseline_add(st, &reg, &tester, &b1, 2026, &field, &e), 0);
	T_EQ_INT(baseline_add(st, &reg, &tester, &b2, 2026, &field, &e), 0);
	metric_reg_free(&reg);
	struct format f = {0};
	T_EQ_INT(report_format_load(NULL, "fj-county-2018", &f, &e), 0);
	struct mvals m = {0};
	struct cellset all = {0}, one = {0};
	T_EQ_INT(metric_report_cells(st, COUNTY, 1, &f, 2018, &m, &all, &e),
		 0);
	mvals_free(&m);
	int64_t v = 0;
	T_EQ_INT(cellset_get(&all, "stats", "items", "year", &v), 0);
	T_EQ_INT(v / CELL_SCALE, COUNTY + DEPT_A + DEPT_B + SUB_A);
	/* county: 100 + 1 (2017) + 1; dept-a: 1 + 2; dept-b: 1 + 3;
	 * sub-a: 40 + 4 (its 2017 item is in the baseline) */
	T_EQ_INT(cellset_get(&all, "stats", "items", "cumulative", &v), 0);
	T_EQ_INT(v / CELL_SCALE, 102 + 3 + 4 + 44);
	/* the same numbers as the sum of each organ's own report */
	int64_t year_sum = 0, cum_sum = 0;
	for (int id = COUNTY; id <= SUB_A; id++) {
		T_EQ_INT(metric_report_cells(st, id, 0, &f, 2018, &m, &one,
					     &e),
			 0);
		int64_t y = 0, c = 0;
		T_EQ_INT(cellset_get(&one, "stats", "items", "year", &y), 0);
		T_EQ_INT(cellset_get(&one, "stats", "items", "cumulative", &c),
			 0);
		year_sum += y;
		cum_sum += c;
		cellset_free(&one);
		mvals_free(&m);
	}
	T_EQ_INT(cellset_get(&all, "stats", "items", "year", &v), 0);
	T_EQ_INT(v, year_sum);
	T_EQ_INT(cellset_get(&all, "stats", "items", "cumulative", &v), 0);
	T_EQ_INT(v, cum_sum);
	/* and the cross-checks run on the roll-up */
	struct check_result *res = NULL;
	size_t nres = 0;
	crosscheck_run(&f, &all, &res, &nres);
	T_ASSERT(nres > 0);
	free(res);
	cellset_free(&all);
	format_free(&f);
	tdb_close(st);
}

/* art. 49's dates: on the day is on time, the day after late; missing
 * is not yet due up to the date itself, overdue after it */
static void t_state(void)
{
	int64_t due = 0, d = 0;
	T_EQ_INT(date_parse("2024-01-31", &due), 0);
	T_EQ_INT(rollup_state_of(due, due, due + 100), RU_ON_TIME);
	T_EQ_INT(rollup_state_of(due, due - 30, due), RU_ON_TIME);
	T_EQ_INT(rollup_state_of(due, due + 1, due + 1), RU_LATE);
	T_EQ_INT(rollup_state_of(due, 0, due), RU_NOT_DUE);
	T_EQ_INT(rollup_state_of(due, 0, due - 200), RU_NOT_DUE);
	T_EQ_INT(rollup_state_of(due, 0, due + 1), RU_OVERDUE);
	T_EQ_INT(date_parse("2024-03-31", &d), 0);
	T_EQ_INT(rollup_state_of(d, d - 11, d + 5), RU_ON_TIME);
	T_ASSERT(rollup_state_missing(RU_OVERDUE));
	T_ASSERT(rollup_state_missing(RU_NOT_DUE));
	T_ASSERT(!rollup_state_missing(RU_LATE));
	T_ASSERT(!rollup_state_missing(RU_ON_TIME));
	T_EQ_STR(rollup_state_label(RU_LATE), "逾期发布");
	T_EQ_STR(rollup_state_label(RU_NOT_DUE), "未发布（未到期）");
}

void suite_rollup(void)
{
	T_RUN(t_state);
	T_RUN(t_subtree);
	T_RUN(t_values);
	T_RUN(t_cells);
}
