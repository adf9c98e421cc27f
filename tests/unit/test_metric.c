/*
 * test_metric.c - the report's named figures and opening balances: the
 * baseline rules (domain/metric.c) on hand-made values, and the aggregate
 * tally and cumulative values (store/metric.c, store/baseline.c) on a real
 * database holding a small hand-counted set of records, including records
 * on the edges of the period and ones that must not count.
 */
#include "t.h"
#include "tdb.h"

#include "domain/metric.h"
#include "render/report_doc.h"
#include "store/audit.h"
#include "store/baseline.h"
#include "store/metric.h"
#include "store/organ.h"

#include <stdio.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const struct actor tester = {0, "test"};

/* The cumulative metrics of the shipped formats (suite_metric). */
static struct metric_reg R;

static void t_check(void)
{
	struct err e = {0};
	const char *f = NULL;
	T_EQ_INT(baseline_check(&R, "items", 2017, 966, 2026, &f, &e), 0);
	T_ASSERT(f == NULL);
	T_EQ_INT(baseline_check(&R, "items.website", 2026, 0, 2026, &f, &e), 0);
	T_EQ_INT(baseline_check(&R, "item", 2017, 1, 2026, &f, &e), -1);
	T_EQ_STR(f, "metric");
	T_ASSERT(strstr(e.msg, "不是可累计的指标"));
	T_EQ_INT(baseline_check(&R, "", 2017, 1, 2026, &f, &e), -1);
	T_EQ_STR(f, "metric");
	T_EQ_INT(baseline_check(&R, "items", 2027, 1, 2026, &f, &e), -1);
	T_EQ_STR(f, "year");
	T_EQ_INT(baseline_check(&R, "items", 1989, 1, 2026, &f, &e), -1);
	T_EQ_STR(f, "year");
	T_EQ_INT(baseline_check(&R, "items", 2017, -1, 2026, &f, &e), -1);
	T_EQ_STR(f, "value");
	T_EQ_INT(baseline_check(&R, "items", 2017, 1000000001, 2026, &f, &e), -1);
	T_EQ_STR(f, "value");
	/* every cumulative metric is known by its own name */
	for (size_t i = 0; i < R.n; i++) {
		T_ASSERT(metric_find(&R, "m", R.v[i].name, &e) == &R.v[i]);
		const char *p = R.v[i].parent;
		T_ASSERT(!p || metric_find(&R, "m", p, &e));
	}
}

static void t_consistent(void)
{
	struct baseline all[] = {
		{.id = 1, .organ_id = 1, .metric = "items", .year = 2015,
		 .value = 500},
		{.id = 2, .organ_id = 1, .metric = "items", .year = 2017,
		 .value = 966},
		{.id = 3, .organ_id = 1, .metric = "items.website", .year = 2017,
		 .value = 819},
		{.id = 4, .organ_id = 2, .metric = "items", .year = 2016,
		 .value = 5},
	};
	size_t n = sizeof all / sizeof all[0];
	struct err e = {0};
	struct baseline nb = {.organ_id = 1, .metric = "items", .year = 2016,
			      .value = 700};
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), 0);
	nb.value = 500; /* equal to the earlier year: allowed */
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), 0);
	nb.value = 499;
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), -1);
	T_EQ_INT(e.code, ERR_INPUT);
	nb.value = 967;
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), -1);
	nb.year = 2017;
	nb.value = 966;
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	/* another organ's baselines do not matter */
	nb.organ_id = 3;
	T_EQ_INT(baseline_consistent(&R, &nb, all, n, &e), 0);
	/* a part may not exceed its total, nor a total fall under a part */
	struct baseline part = {.organ_id = 1, .metric = "items.gazette",
				.year = 2017, .value = 967};
	T_EQ_INT(baseline_consistent(&R, &part, all, n, &e), -1);
	T_ASSERT(strstr(e.msg, "超过了其总数"));
	part.value = 966;
	T_EQ_INT(baseline_consistent(&R, &part, all, n, &e), 0);
	struct baseline total = {.organ_id = 1, .metric = "items",
				 .year = 2017, .value = 800};
	all[1].organ_id = 9; /* take the 2017 total away */
	T_EQ_INT(baseline_consistent(&R, &total, all, n, &e), -1);
	T_ASSERT(strstr(e.msg, "小于其中"));
}

static void t_for(void)
{
	struct baseline all[] = {
		{.metric = "items", .year = 2015, .value = 500},
		{.metric = "items", .year = 2017, .value = 966},
		{.metric = "items.website", .year = 2018, .value = 1},
	};
	T_ASSERT(baseline_for(all, 3, "items", 2015) == NULL);
	T_ASSERT(baseline_for(all, 3, "items", 2016) == &all[0]);
	T_ASSERT(baseline_for(all, 3, "items", 2017) == &all[0]);
	T_ASSERT(baseline_for(all, 3, "items", 2018) == &all[1]);
	T_ASSERT(baseline_for(all, 3, "items", 2030) == &all[1]);
	T_ASSERT(baseline_for(all, 3, "items.website", 2018) == NULL);
	T_ASSERT(baseline_for(all, 3, "replies", 2030) == NULL);
}

/* A cumulative row's yearly figure on m, or an engine metric's. */
static int64_t metric(const struct mvals *m, const char *name)
{
	struct err e = {0};
	const struct metric_def *d = metric_find(&R, "m", name, &e);
	int64_t v = 0;
	if (mvals_eval(m, d ? d->expr : name, &v, &e)) {
		fprintf(stderr, "  %s: %s\n", name, e.msg);
		return -1;
	}
	return v / CELL_SCALE;
}

/* Records of two organs around 2018, counted by hand below. */
static const char records[] =
	"INSERT INTO item(organ_id, title, category_id, kind, published_date,"
	" status, ever_published, created_at, updated_at) SELECT 1, t, "
	"(SELECT min(id) FROM category WHERE organ_id = 1), 'normal', d, s, "
	"1, 'x', 'x' FROM (SELECT 'a' t, '2018-01-01' d, 'published' s "
	"UNION ALL SELECT 'b', '2018-12-31', 'published' "
	"UNION ALL SELECT 'c', '2018-06-01', 'published' "
	"UNION ALL SELECT 'd', '2018-07-01', 'withdrawn' "
	"UNION ALL SELECT 'e', '2017-12-31', 'published' "
	"UNION ALL SELECT 'f', '2019-01-01', 'published');"
	"INSERT INTO item(organ_id, title, category_id, kind, status,"
	" created_at, updated_at) SELECT 1, 'draft', min(id), 'normal', "
	"'draft', 'x', 'x' FROM category WHERE organ_id = 1;"
	"INSERT INTO item(organ_id, title, category_id, kind, published_date,"
	" status, created_at, updated_at) SELECT 2, 'other organ', min(id), "
	"'normal', '2018-05-05', 'published', 'x', 'x' FROM category WHERE "
	"organ_id = 2;"
	"INSERT INTO item_channel SELECT id, 'website' FROM item WHERE "
	"title IN ('a', 'b', 'd', 'e', 'other organ');"
	"INSERT INTO item_channel SELECT id, 'gazette' FROM item WHERE "
	"title IN ('a', 'c');"
	"INSERT INTO application(organ_id, tracking_code, channel, "
	"applicant_kind, submitted_at, received_date, outcome, replied_date,"
	" created_at, updated_at) VALUES "
	"(1, 'A1', 'in_person', 'natural', 'x', '2018-03-01', 'disclosed', "
	"'2018-03-20', 'x', 'x'),"
	"(1, 'A2', 'online', 'natural', 'x', '2018-12-20', 'partial', "
	"'2019-01-10', 'x', 'x'),"
	"(1, 'A3', 'email', 'commercial', 'x', '2018-05-01', "
	"'withheld.third_party', '2018-05-20', 'x', 'x'),"
	"(1, 'A4', 'fax', 'natural', 'x', '2018-06-01', 'unavailable.not_held',"
	" '2018-06-10', 'x', 'x'),"
	"(1, 'A5', 'letter', 'other', 'x', '2017-12-01', 'other.fee_unpaid', "
	"'2018-01-15', 'x', 'x'),"
	"(1, 'A6', 'online', 'natural', 'x', NULL, NULL, NULL, 'x', 'x'),"
	"(1, 'A7', 'online', 'natural', 'x', '2018-11-11', NULL, NULL, 'x', "
	"'x'),"
	"(2, 'B1', 'in_person', 'natural', 'x', '2018-03-01', 'disclosed', "
	"'2018-03-02', 'x', 'x');"
	"INSERT INTO lawcase(organ_id, kind, filed_date, result, closed_date,"
	" created_at, updated_at) VALUES "
	"(1, 'review', '2018-04-01', 'upheld', '2018-06-01', 'x', 'x'),"
	"(1, 'litigation_direct', '2018-09-01', 'pending', NULL, 'x', 'x'),"
	"(1, 'litigation_after_review', '2019-02-01', 'pending', NULL, 'x', "
	"'x'),"
	"(2, 'review', '2018-04-01', 'pending', NULL, 'x', 'x');"
	"INSERT INTO activity(organ_id, kind, date, count, created_at, "
	"updated_at) VALUES (1, 'complaint', '2018-02-02', 3, 'x', 'x'),"
	"(1, 'complaint', '2018-10-02', 1, 'x', 'x'),"
	"(1, 'penalty', '2018-10-02', 7, 'x', 'x'),"
	"(2, 'complaint', '2018-10-02', 5, 'x', 'x');";

static store *fixture(void)
{
	struct err e = {0};
	store *st = tdb_open();
	if (!st) {
		return NULL;
	}
	struct organ a = {0}, b = {0};
	a.slug = strdup("org-a");
	a.name = "甲局";
	b.slug = strdup("org-b");
	b.name = "乙局";
	int rc = organ_create(st, &tester, &a, &e) ||
		 organ_create(st, &tester, &b, &e);
	free(a.slug);
	free(b.slug);
	if (rc || tdb_exec(records) != SQLITE_OK) {
		fprintf(stderr, "  fixture: %s\n", e.msg);
		tdb_close(st);
		return NULL;
	}
	return st;
}

static void t_tally(void)
{
	struct err e = {0};
	store *st = fixture();
	T_ASSERT(st);
	struct mvals t = {0};
	T_EQ_INT(metric_values(st, 1, 0, "2018-01-01", "2018-12-31", &t, &e), 0);
	/* a, b, c (d withdrawn, e and f outside, the draft unpublished) */
	T_EQ_INT(metric(&t, "items"), 3);
	T_EQ_INT(metric(&t, "items.website"), 2);
	T_EQ_INT(metric(&t, "items.gazette"), 2);
	/* received in 2018: A1-A4, A7 (A5 in 2017, A6 not yet received) */
	T_EQ_INT(metric(&t, "applications"), 5);
	T_EQ_INT(metric(&t, "applications.in_person"), 1);
	T_EQ_INT(metric(&t, "applications.online"), 3); /* A2, A3 e-mail, A7 */
	T_EQ_INT(metric(&t, "applications.letter_fax"), 1);
	/* replied in 2018: A1, A3, A4, A5 (A2 replied in 2019) */
	T_EQ_INT(metric(&t, "replies"), 4);
	T_EQ_INT(metric(&t, "replies.disclosed"), 1);
	T_EQ_INT(metric(&t, "replies.partial"), 0);
	T_EQ_INT(metric(&t, "replies.withheld"), 1);
	T_EQ_INT(metric(&t, "replies.other"), 2);
	T_EQ_INT(metric(&t, "complaints"), 4);
	T_EQ_INT(metric(&t, "reviews"), 1);
	T_EQ_INT(metric(&t, "lawsuits"), 1);
	/* the engine's own names: applicant kinds, carry-over, outcome
	 * families and rows, case results at the year's end, amounts */
	T_EQ_INT(metric(&t, "apps.new.natural"), 4); /* A1 A2 A4 A7 */
	T_EQ_INT(metric(&t, "apps.new.commercial"), 1);
	T_EQ_INT(metric(&t, "apps.carried_in.other"), 1); /* A5 */
	T_EQ_INT(metric(&t, "apps.carried_in.total"), 1);
	T_EQ_INT(metric(&t, "apps.carried_out.natural"), 2); /* A2, A7 */
	T_EQ_INT(metric(&t, "apps.result.withheld.third_party.commercial"), 1);
	T_EQ_INT(metric(&t, "apps.result.withheld.commercial"), 1);
	T_EQ_INT(metric(&t, "apps.result.other.fee_unpaid.other"), 1);
	T_EQ_INT(metric(&t, "apps.result.other.other"), 1); /* family */
	T_EQ_INT(metric(&t, "apps.result.total.natural"), 2);
	T_EQ_INT(metric(&t, "apps.result.total.total"), 4);
	T_EQ_INT(metric(&t, "cases.review.upheld"), 1);
	T_EQ_INT(metric(&t, "cases.litigation_direct.pending"), 1);
	T_EQ_INT(metric(&t, "cases.litigation_direct.total"), 1);
	T_EQ_INT(metric(&t, "cases.litigation_after_review.total"), 0);
	T_EQ_INT(metric(&t, "activity.penalty.count"), 7);
	T_EQ_INT(metric(&t, "activity.fee_income.count"), 0);
	/* new + carried in = replied + carried out, per applicant kind */
	T_EQ_INT(metric(&t, "apps.new.total") +
			 metric(&t, "apps.carried_in.total"),
		 metric(&t, "apps.result.total.total") +
			 metric(&t, "apps.carried_out.total"));
	mvals_free(&t);
	/* a case closed after the year's end is pending at it */
	T_EQ_INT(metric_values(st, 1, 0, "2018-01-01", "2018-05-31", &t, &e), 0);
	T_EQ_INT(metric(&t, "cases.review.pending"), 1);
	T_EQ_INT(metric(&t, "cases.review.upheld"), 0);
	mvals_free(&t);
	/* since the beginning, through 2019 */
	T_EQ_INT(metric_values(st, 1, 0, NULL, "2019-12-31", &t, &e), 0);
	T_EQ_INT(metric(&t, "items"), 5);
	T_EQ_INT(metric(&t, "items.website"), 3);
	T_EQ_INT(metric(&t, "replies.partial"), 1);
	T_EQ_INT(metric(&t, "lawsuits"), 2);
	mvals_free(&t);
	/* the other organ */
	T_EQ_INT(metric_values(st, 2, 0, NULL, "2019-12-31", &t, &e), 0);
	T_EQ_INT(metric(&t, "items"), 1);
	T_EQ_INT(metric(&t, "applications"), 1);
	T_EQ_INT(metric(&t, "complaints"), 5);
	T_EQ_INT(metric(&t, "reviews"), 1);
	mvals_free(&t);
	tdb_close(st);
}

static void t_cumulate(void)
{
	struct err e = {0};
	store *st = fixture();
	T_ASSERT(st);
	const char *field = NULL;
	struct baseline b = {.organ_id = 1, .metric = "items", .year = 2016,
			     .value = 100, .source = "entered",
			     .origin = "test"};
	T_EQ_INT(baseline_add(st, &R, &tester, &b, 2026, &field, &e), 0);
	T_ASSERT(b.id > 0);
	struct baseline b2 = b;
	b2.year = 2017;
	b2.value = 966;
	T_EQ_INT(baseline_add(st, &R, &tester, &b2, 2026, &field, &e), 0);
	/* refused: a repeat, and a fall; nothing stored */
	T_EQ_INT(baseline_add(st, &R, &tester, &b2, 2026, &field, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	T_EQ_STR(field, "year");
	b2.year = 2018;
	b2.value = 965;
	T_EQ_INT(baseline_add(st, &R, &tester, &b2, 2026, &field, &e), -1);
	T_EQ_STR(field, "value");
	struct baseline *all = NULL;
	size_t n = 0;
	T_EQ_INT(baseline_list(st, 1, &all, &n, &e), 0);
	T_EQ_INT(n, 2);
	struct cumulative c;
	const struct metric_def *items = metric_find(&R, "m", "items", &e);
#define metric_cumulate(st, o, m, all, n, y, c, e)                            \
	metric_cumulate(st, o, (m)->name, (m)->expr, all, n, y, c, e)
	/* 2018: the 2017 baseline + a, b, c */
	T_EQ_INT(metric_cumulate(st, 1, items, all, n, 2018, &c, &e), 0);
	T_EQ_INT(c.value, 969 * CELL_SCALE);
	T_EQ_INT(c.records, 3 * CELL_SCALE);
	T_EQ_INT(c.from_year, 2018);
	T_ASSERT(c.base == &all[1]);
	/* 2017: the 2016 baseline + e */
	T_EQ_INT(metric_cumulate(st, 1, items, all, n, 2017, &c, &e), 0);
	T_EQ_INT(c.value, 101 * CELL_SCALE);
	/* 2016: no baseline before it: the records up to 2016 (none) */
	T_EQ_INT(metric_cumulate(st, 1, items, all, n, 2016, &c, &e), 0);
	T_EQ_INT(c.value, 0 * CELL_SCALE);
	T_ASSERT(c.base == NULL);
	/* 2019: 966 + a, b, c, f */
	T_EQ_INT(metric_cumulate(st, 1, items, all, n, 2019, &c, &e), 0);
	T_EQ_INT(c.value, 970 * CELL_SCALE);
	/* without a baseline, every record: website a, b, e through 2018 */
	const struct metric_def *web = metric_find(&R, "m", "items.website", &e);
	T_EQ_INT(metric_cumulate(st, 1, web, all, n, 2018, &c, &e), 0);
	T_EQ_INT(c.value, 3 * CELL_SCALE);
	/* deletion: audited, and only the organ's own */
	T_EQ_INT(baseline_delete(st, &tester, 2, all[0].id, &e), -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	T_EQ_INT(baseline_delete(st, &tester, 1, all[0].id, &e), 0);
	baseline_list_free(all, n);
	T_EQ_INT(baseline_list(st, 1, &all, &n, &e), 0);
	T_EQ_INT(n, 1);
	baseline_list_free(all, n);
	struct audit_row *rows = NULL;
	size_t nr = 0;
	int64_t total = 0;
	T_EQ_INT(audit_list(st, "baseline", 10, 0, &rows, &nr, &total, &e), 0);
	T_EQ_INT(nr, 3); /* two created, one deleted */
	T_EQ_STR(rows[0].action, "baseline.delete");
	audit_rows_free(rows, nr);
	tdb_close(st);
}

/* The metric kinds of the 2019 format on hand-made records: items by
 * written date, stocks read on a date (the latest entry), differences,
 * and the previous-year / change columns of a format. */
static const char records19[] =
	"INSERT INTO item(organ_id, title, category_id, kind, written_date, "
	"published_date, status, created_at, updated_at) SELECT 1, t, "
	"(SELECT min(id) FROM category WHERE organ_id = 1), k, w, p, s, 'x', "
	"'x' FROM (SELECT 'r1' t, 'rule' k, '2019-01-01' w, '2019-02-01' p, "
	"'published' s "
	"UNION ALL SELECT 'r2', 'rule', '2019-12-31', NULL, 'draft' "
	"UNION ALL SELECT 'r3', 'rule', '2018-12-31', '2019-01-05', "
	"'published' "
	"UNION ALL SELECT 'r4', 'rule', '2020-01-01', NULL, 'draft' "
	"UNION ALL SELECT 'n1', 'normative', '2019-06-01', '2019-06-02', "
	"'withdrawn' "
	"UNION ALL SELECT 'x', 'normal', NULL, '2019-03-03', 'published');"
	"INSERT INTO activity(organ_id, kind, date, count, created_at, "
	"updated_at) VALUES (1, 'licence_matter', '2017-12-31', 9, 'x', 'x'),"
	"(1, 'licence_matter', '2018-12-31', 15, 'x', 'x'),"
	"(1, 'licence_matter', '2019-07-01', 14, 'x', 'x'),"
	"(1, 'licence_matter', '2019-07-01', 16, 'x', 'x'),"
	"(1, 'licence_matter', '2020-01-01', 99, 'x', 'x'),"
	"(1, 'fee_item', '2018-06-01', 4, 'x', 'x'),"
	"(2, 'licence_matter', '2019-03-01', 5, 'x', 'x');";

static void t_kinds2019(void)
{
	struct err e = {0};
	/* names */
	T_ASSERT(metric_name_valid("items.written.rule"));
	T_ASSERT(!metric_name_valid("items.written.rules"));
	T_ASSERT(metric_name_valid("activity.licence_matter.latest"));
	T_ASSERT(!metric_name_valid("activity.latest"));
	/* differences */
	struct mvals m = {0};
	int64_t v = 0;
	mvals_add(&m, "apps.new.total", 7 * CELL_SCALE);
	mvals_add(&m, "apps.channel.fax", 2 * CELL_SCALE);
	T_EQ_INT(mvals_eval(&m, "apps.new.total - apps.channel.fax", &v, &e),
		 0);
	T_EQ_INT(v, 5 * CELL_SCALE);
	T_EQ_INT(mvals_eval(&m, "apps.channel.fax-apps.new.total + "
				"apps.channel.fax", &v, &e),
		 0);
	T_EQ_INT(v, -3 * CELL_SCALE);
	T_EQ_INT(mvals_eval(&m, "apps.new.total -", &v, &e), -1);
	T_EQ_INT(mvals_eval(&m, "- apps.new.total", &v, &e), -1);
	mvals_free(&m);

	store *st = fixture();
	T_ASSERT(st);
	T_ASSERT(tdb_exec(records19) == SQLITE_OK);
	T_EQ_INT(metric_values(st, 1, 0, "2019-01-01", "2019-12-31", &m, &e), 0);
	/* written in 2019, whatever the status: r1, r2 (draft); n1 too
	 * (withdrawn); r3 in 2018, r4 in 2020 */
	T_EQ_INT(metric(&m, "items.written.rule"), 2);
	T_EQ_INT(metric(&m, "items.written.normative"), 1);
	T_EQ_INT(metric(&m, "items.issued.rule"), 2); /* r1, r3 */
	/* the latest entry by 31 Dec: the later of two on one day */
	T_EQ_INT(metric(&m, "activity.licence_matter.latest"), 16);
	/* a stock without an entry this year: the earlier reading */
	T_EQ_INT(metric(&m, "activity.fee_item.latest"), 4);
	T_EQ_INT(metric(&m, "activity.coercion_matter.latest"), 0);
	mvals_free(&m);
	/* roll-up: each organ's latest, summed */
	T_EQ_INT(metric_values(st, 1, 1, "2019-01-01", "2019-12-31", &m, &e), 0);
	T_EQ_INT(metric(&m, "activity.licence_matter.latest"), 16);
	mvals_free(&m);

	/* a format with previous-year and change columns */
	static const char text[] =
		"{\"id\": \"t\", \"name\": \"t\", \"title\": \"t\", "
		"\"sections\": [], \"tables\": [{\"id\": \"a\", \"caption\": "
		"\"a\", \"blocks\": [{\"cols\": ["
		"{\"id\": \"prev\", \"label\": \"上一年项目数量\", "
		"\"period\": \"previous\"}, "
		"{\"id\": \"chg\", \"label\": \"本年增/减\", "
		"\"period\": \"change\"}, "
		"{\"id\": \"now\", \"label\": \"now\"}], "
		"\"rows\": [{\"id\": \"licence\", \"label\": \"行政许可\", "
		"\"metric\": \"activity.licence_matter.latest\"}, "
		"{\"id\": \"fees\", \"label\": \"收费\", "
		"\"metric\": \"activity.fee_item.latest\"}, "
		"{\"id\": \"rules\", \"label\": \"规章\", "
		"\"metric\": \"items.written.rule\"}]}]}]}";
	struct format f;
	T_EQ_INT(format_parse(text, sizeof text - 1, &f, &e), 0);
	T_EQ_INT(f.tables[0].blocks[0].lcols[0]->period, FP_PREVIOUS);
	T_EQ_INT(f.tables[0].blocks[0].lcols[1]->period, FP_CHANGE);
	struct cellset cs = {0};
	T_EQ_INT(metric_report_cells(st, 1, 0, &f, 2019, &m, &cs, &e), 0);
	static const struct {
		const char *row, *col;
		int64_t v;
	} want[] = {
		{"licence", "prev", 15}, {"licence", "chg", 1},
		{"licence", "now", 16},  {"fees", "prev", 4},
		{"fees", "chg", 0},      {"rules", "prev", 1},
		{"rules", "chg", 1},     {"rules", "now", 2},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		T_EQ_INT(cellset_get(&cs, "a", want[i].row, want[i].col, &v), 0);
		T_EQ_INT(v, want[i].v * CELL_SCALE);
	}
	cellset_free(&cs);
	mvals_free(&m);
	/* 2020: licence matters 99, so +83 against 2019's 16 */
	T_EQ_INT(metric_report_cells(st, 1, 0, &f, 2020, &m, &cs, &e), 0);
	T_EQ_INT(cellset_get(&cs, "a", "licence", "chg", &v), 0);
	T_EQ_INT(v, 83 * CELL_SCALE);
	T_EQ_INT(cellset_get(&cs, "a", "rules", "chg", &v), 0);
	T_EQ_INT(v, -1 * CELL_SCALE); /* 1 written in 2020, 2 in 2019 */
	cellset_free(&cs);
	mvals_free(&m);
	format_free(&f);
	/* a period the engine does not know */
	static const char badp[] =
		"{\"id\": \"t\", \"name\": \"t\", \"title\": \"t\", "
		"\"sections\": [], \"tables\": [{\"id\": \"a\", \"caption\": "
		"\"a\", \"blocks\": [{\"cols\": [{\"id\": \"c\", \"label\": "
		"\"c\", \"period\": \"last\"}], \"rows\": [{\"id\": \"r\", "
		"\"label\": \"r\", \"metric\": \"items.published\"}]}]}]}";
	T_EQ_INT(format_parse(badp, sizeof badp - 1, &f, &e), -1);
	T_ASSERT(strstr(e.msg, "previous"));
	format_free(&f);
	tdb_close(st);
}

void suite_metric(void)
{
	struct err e = {0};
	T_EQ_INT(report_metric_reg(NULL, &R, &e), 0);
	T_RUN(t_check);
	T_RUN(t_consistent);
	T_RUN(t_for);
	T_RUN(t_tally);
	T_RUN(t_cumulate);
	T_RUN(t_kinds2019);
	metric_reg_free(&R);
}
