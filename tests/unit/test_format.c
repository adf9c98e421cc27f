/*
 * test_format.c - report formats as data: every shipped file under
 * data/report-formats/ parses with the ids of DESIGN.md §6, broken format
 * texts are refused with the place named, and the cross-checks give the
 * right verdicts on hand-made cells (blanks count as 0).
 */
#include "t.h"

#include "base/res.h"
#include "base/str.h"
#include "domain/activity.h"
#include "domain/crosscheck.h"
#include "domain/metric.h"
#include "domain/mvals.h"
#include "render/report_doc.h"

#include <stdlib.h>

static int load(const char *id, struct format *f, struct err *e)
{
	Buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&path, "data/report-formats/%s.json", id);
	int rc = res_load(NULL, buf_str(&path), &text, e) ||
		 format_parse(text.p, text.n, f, e);
	buf_free(&path);
	buf_free(&text);
	return rc ? -1 : 0;
}

static size_t ncells(const struct format *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->ntables; i++) {
		for (size_t b = 0; b < f->tables[i].nblocks; b++) {
			n += f->tables[i].blocks[b].nlrows *
			     f->tables[i].blocks[b].nlcols;
		}
	}
	return n;
}

static void t_shipped(void)
{
	struct err e = {0};
	size_t found = 0;
	for (size_t i = 0; i < res_nfiles; i++) {
		const char *n = res_files[i].name;
		if (strncmp(n, "data/report-formats/", 20) != 0) {
			continue;
		}
		struct format f;
		int rc = format_parse((const char *)res_files[i].data,
				      res_files[i].size, &f, &e);
		if (rc) {
			fprintf(stderr, "  %s: %s\n", n, e.msg);
		}
		T_EQ_INT(rc, 0);
		T_EQ_INT(f.nsections, 6);
		format_free(&f);
		found++;
	}
	T_ASSERT(found >= 2);
}

static void t_cn2021(void)
{
	struct err e = {0};
	struct format f;
	T_EQ_INT(load("cn-2021", &f, &e), 0);
	/* active 10, applications 25 x 7, cases 15 */
	T_EQ_INT(ncells(&f), 200);
	const struct fmt_table *t = format_table(&f, "applications");
	T_ASSERT(t);
	T_EQ_INT(t->blocks[0].nlrows, 25);
	T_EQ_INT(t->blocks[0].nlcols, 7);
	T_EQ_INT(t->blocks[0].col_depth, 3);
	T_EQ_INT(t->blocks[0].row_depth, 3);
	const struct fmt_node *r, *c;
	T_ASSERT(format_cell(t, "result.withheld.state_secret", "legal_service",
			     &r, &c));
	T_EQ_STR(r->label, "1.属于国家秘密");
	char m[128];
	T_EQ_INT(format_cell_metric(r, c, m, sizeof m), 0);
	T_EQ_STR(m, "apps.result.withheld.state_secret.legal_service");
	T_ASSERT(!format_cell(t, "result.withheld", "natural", NULL, NULL));
	t = format_table(&f, "active");
	T_ASSERT(format_cell(t, "fees", "amount", &r, &c));
	T_EQ_INT(c->decimals, 4);
	T_ASSERT(format_cell(t, "penalty", "decisions", NULL, NULL));
	T_ASSERT(!format_cell(t, "penalty", "issued", NULL, NULL));
	t = format_table(&f, "cases");
	T_ASSERT(format_cell(t, "all", "litigation_after_review.pending", &r,
			     &c));
	T_EQ_INT(format_cell_metric(r, c, m, sizeof m), 0);
	T_EQ_STR(m, "cases.litigation_after_review.pending");
	format_free(&f);
}

/* The 2019 trial format: table 二 as in the report the reference read
 * (新制作 by written date, 对外公开总数量 cumulative, 上一年项目数量 and
 * 本年增/减 from matter counts), 表三 with （六）其他处理 as one row. */
static void t_cn2019(void)
{
	struct err e = {0};
	struct format f;
	T_EQ_INT(load("cn-2019", &f, &e), 0);
	/* active 6 + 6 + 6 + 2 + 2, applications 23 x 7, cases 15 */
	T_EQ_INT(ncells(&f), 198);
	const struct fmt_table *t = format_table(&f, "active");
	T_ASSERT(t && t->nblocks == 5);
	T_EQ_STR(t->blocks[4].title, "第二十条第（九）项");
	const struct fmt_node *r, *c;
	char m[128];
	T_ASSERT(format_cell(t, "rules", "written", &r, &c));
	T_EQ_STR(c->label, "本年新制作数量");
	T_EQ_INT(format_cell_metric(r, c, m, sizeof m), 0);
	T_EQ_STR(m, "items.written.rule");
	T_ASSERT(format_cell(t, "normative", "total", &r, &c));
	T_EQ_STR(r->label, "规范性文件");
	T_EQ_INT(c->period, FP_CUMULATIVE);
	T_ASSERT(format_cell(t, "services", "previous", &r, &c));
	T_EQ_STR(r->label, "其他对外管理服务事项");
	T_EQ_INT(c->period, FP_PREVIOUS);
	T_EQ_INT(format_cell_metric(r, c, m, sizeof m), 0);
	T_EQ_STR(m, "activity.service_matter.latest");
	T_ASSERT(format_cell(t, "fees", "change", &r, &c));
	T_EQ_STR(c->label, "本年增/减");
	T_EQ_INT(c->period, FP_CHANGE);
	T_ASSERT(!format_cell(t, "fees", "decisions", NULL, NULL));
	t = format_table(&f, "applications");
	T_EQ_INT(t->blocks[0].nlrows, 23);
	T_ASSERT(format_cell(t, "result.other", "total", &r, &c));
	T_EQ_STR(r->label, "（六）其他处理");
	T_ASSERT(!format_cell(t, "result.other.other", "total", NULL, NULL));
	format_free(&f);

	T_EQ_INT(load("fj-putian-2009", &f, &e), 0);
	T_EQ_INT(ncells(&f), 34);
	t = format_table(&f, "stats");
	T_EQ_STR(t->blocks[0].unit_label, "计量单位");
	T_ASSERT(format_cell(t, "applications.other_form", "year", &r, &c));
	T_EQ_STR(r->label, "6.其它形式申请数");
	format_free(&f);

	/* every activity kind a shipped format names is built in, so that
	 * a fresh installation can record it */
	for (size_t i = 0; i < res_nfiles; i++) {
		if (strncmp(res_files[i].name, "data/report-formats/", 20)) {
			continue;
		}
		T_EQ_INT(format_parse((const char *)res_files[i].data,
				      res_files[i].size, &f, &e),
			 0);
		for (size_t ti = 0; ti < f.ntables; ti++) {
			for (size_t b = 0; b < f.tables[ti].nblocks; b++) {
				const struct fmt_block *k =
					&f.tables[ti].blocks[b];
				for (size_t x = 0; x < k->nlrows * k->nlcols;
				     x++) {
					format_cell_metric(
						k->lrows[x / k->nlcols],
						k->lcols[x % k->nlcols], m,
						sizeof m);
					const char *p = m;
					while ((p = strstr(p, "activity."))) {
						char kind[64];
						size_t n = strcspn(p + 9, ".");
						snprintf(kind, sizeof kind,
							 "%.*s", (int)n, p + 9);
						if (!act_builtin(kind)) {
							fprintf(stderr,
								"  %s: %s\n",
								f.id, kind);
						}
						T_ASSERT(act_builtin(kind));
						p += 9;
					}
				}
			}
		}
		format_free(&f);
	}
}

static void t_bad(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"[]", "must be an object"},
		{"{\"id\":\"x\"}", "\"name\" is required"},
		{"{\"id\":\"x\",\"name\":\"n\",\"title\":\"t\",\"colour\":1}",
		 "unknown key \"colour\""},
		{"{\"id\":\"x\",\"name\":\"n\",\"title\":\"t\",\"sections\":[],"
		 "\"tables\":[{\"id\":\"a\",\"caption\":\"c\",\"blocks\":[{"
		 "\"cols\":[{\"label\":\"c\"}],\"rows\":[{\"id\":\"r\","
		 "\"label\":\"r\"}]}]}]}",
		 "a leaf needs an id"},
		{"{\"id\":\"x\",\"name\":\"n\",\"title\":\"t\",\"sections\":[],"
		 "\"tables\":[{\"id\":\"a\",\"caption\":\"c\",\"blocks\":[{"
		 "\"cols\":[{\"id\":\"c\",\"label\":\"c\"}],\"rows\":[{\"id\":"
		 "\"r\",\"label\":\"r\"},{\"id\":\"r\",\"label\":\"s\"}]}]}]}",
		 "row \"r\" repeated"},
		{"{\"id\":\"x\",\"name\":\"n\",\"title\":\"t\",\"sections\":[],"
		 "\"tables\":[{\"id\":\"a\",\"caption\":\"c\",\"blocks\":[{"
		 "\"cols\":[{\"id\":\"c\",\"label\":\"c\"}],\"rows\":[{\"id\":"
		 "\"r\",\"label\":\"r\"}]}]}],\"checks\":[{\"id\":\"k\","
		 "\"label\":\"l\",\"table\":\"a\",\"left\":[\"r\"],\"right\":["
		 "\"q\"]}]}",
		 "no row \"q\" in table a"},
		{"{\"id\":\"x\",\"name\":\"n\",\"title\":\"t\",\"sections\":[{"
		 "\"id\":\"s\",\"title\":\"s\",\"tables\":[\"zz\"]}],"
		 "\"tables\":[]}",
		 "no table \"zz\""},
		{"{\"id\":", "not JSON"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct err e = {0};
		struct format f;
		int rc = format_parse(cases[i].text, strlen(cases[i].text), &f,
				      &e);
		format_free(&f);
		if (rc == 0 || !strstr(e.msg, cases[i].want)) {
			fprintf(stderr, "  case %zu: rc %d, \"%s\"\n", i, rc,
				e.msg);
		}
		T_EQ_INT(rc, -1);
		T_ASSERT(strstr(e.msg, cases[i].want));
	}
}

static void put(struct cellset *s, const char *row, const char *col, int v)
{
	cellset_put(s, "applications", row, col, (int64_t)v * CELL_SCALE);
}

static size_t count_bad(const struct format *f, const struct cellset *s,
			const char *rule)
{
	struct check_result *r = NULL;
	size_t n = 0, bad = 0;
	crosscheck_run(f, s, &r, &n);
	for (size_t i = 0; i < n; i++) {
		bad += !r[i].ok && strcmp(r[i].rule, rule) == 0;
	}
	free(r);
	return bad;
}

static void t_checks(void)
{
	struct err e = {0};
	struct format f;
	T_EQ_INT(load("cn-2021", &f, &e), 0);
	struct cellset s = {0};
	/* an empty report holds every check: blanks are 0 */
	struct check_result *r = NULL;
	size_t n = 0;
	T_EQ_INT(crosscheck_run(&f, &s, &r, &n), 0);
	/* 7 columns x 2 column checks + 25 rows + 3 case checks */
	T_EQ_INT(n, 7 * 2 + 25 + 3);
	free(r);
	/* 3 new + 1 carried in = 2 disclosed + 1 partial + 1 carried out */
	put(&s, "new", "natural", 3);
	put(&s, "carried_in", "natural", 1);
	put(&s, "result.disclosed", "natural", 2);
	put(&s, "result.partial", "natural", 1);
	put(&s, "result.total", "natural", 3);
	put(&s, "carried_out", "natural", 1);
	put(&s, "new", "total", 3);
	put(&s, "carried_in", "total", 1);
	put(&s, "result.disclosed", "total", 2);
	put(&s, "result.partial", "total", 1);
	put(&s, "result.total", "total", 3);
	put(&s, "carried_out", "total", 1);
	T_EQ_INT(crosscheck_run(&f, &s, &r, &n), 0);
	free(r);
	/* a wrong 总计 cell breaks the row and the column checks */
	s.v[s.n - 2].v = 4 * CELL_SCALE; /* result.total / total */
	T_EQ_INT(count_bad(&f, &s, "applications.balance"), 1);
	T_EQ_INT(count_bad(&f, &s, "applications.result_total"), 1);
	T_EQ_INT(count_bad(&f, &s, "applications.total_column"), 1);
	crosscheck_run(&f, &s, &r, &n);
	int seen = 0;
	for (size_t i = 0; i < n; i++) {
		if (!r[i].ok && strcmp(r[i].rule, "applications.balance") == 0) {
			T_ASSERT(strstr(r[i].detail, "column total: 4 ≠ 5"));
			seen = 1;
		}
	}
	free(r);
	T_ASSERT(seen);
	cellset_free(&s);
	/* cases: 总计 = the four results */
	cellset_put(&s, "cases", "all", "review.upheld", CELL_SCALE);
	cellset_put(&s, "cases", "all", "review.total", 2 * CELL_SCALE);
	T_EQ_INT(count_bad(&f, &s, "cases.review_total"), 1);
	cellset_free(&s);
	format_free(&f);
}

static void t_cell_format(void)
{
	char b[32];
	cell_format(12 * CELL_SCALE, b, sizeof b);
	T_EQ_STR(b, "12");
	cell_format(1234, b, sizeof b);
	T_EQ_STR(b, "0.1234");
	cell_format(5000, b, sizeof b);
	T_EQ_STR(b, "0.5");
	cell_format(-15000, b, sizeof b);
	T_EQ_STR(b, "-1.5");
}

/* The baseline metrics registered from fj-county-2018 are the rows of
 * its cumulative column, with the same yearly figures, and its checks
 * make the parts (其中) of their totals. */
static void t_baseline_rows(void)
{
	struct err e = {0};
	struct format f;
	struct metric_reg r = {0};
	T_EQ_INT(load("fj-county-2018", &f, &e), 0);
	T_EQ_INT(metric_reg_add(&r, &f, &e), 0);
	const struct fmt_table *t = format_table(&f, "stats");
	T_ASSERT(t && t->nblocks == 1);
	const struct fmt_block *k = &t->blocks[0];
	T_EQ_INT(k->nlrows, r.n);
	T_EQ_INT(k->lcols[1]->period, FP_CUMULATIVE);
	for (size_t i = 0; i < k->nlrows && i < r.n; i++) {
		char m[200];
		T_EQ_STR(k->lrows[i]->id, r.v[i].name);
		T_EQ_STR(k->lrows[i]->label, r.v[i].label);
		T_EQ_INT(format_cell_metric(k->lrows[i], k->lcols[1], m,
					    sizeof m),
			 0);
		T_EQ_STR(m, r.v[i].expr);
		T_EQ_STR(r.v[i].formats, "fj-county-2018");
	}
	static const char *const parents[][2] = {
		{"items", NULL},
		{"items.website", "items"},
		{"items.gazette", "items"},
		{"applications", NULL},
		{"applications.in_person", "applications"},
		{"applications.online", "applications"},
		{"applications.letter_fax", "applications"},
		{"replies", NULL},
		{"replies.disclosed", "replies"},
		{"replies.partial", "replies"},
		{"replies.withheld", "replies"},
		{"replies.other", "replies"},
		{"complaints", NULL},
		{"reviews", NULL},
		{"lawsuits", NULL},
	};
	for (size_t i = 0; i < sizeof parents / sizeof parents[0]; i++) {
		const struct metric_def *d =
			metric_find(&r, "m", parents[i][0], &e);
		T_ASSERT(d);
		if (d && parents[i][1]) {
			T_EQ_STR(d->parent, parents[i][1]);
		} else if (d) {
			T_ASSERT(d->parent == NULL);
		}
	}
	/* registering it again changes nothing; fj-putian-2009 shares rows
	 * with the same figures and adds its own */
	T_EQ_INT(metric_reg_add(&r, &f, &e), 0);
	T_EQ_INT(r.n, 15);
	struct format p;
	T_EQ_INT(load("fj-putian-2009", &p, &e), 0);
	T_EQ_INT(metric_reg_add(&r, &p, &e), 0);
	T_EQ_STR(metric_find(&r, "m", "items", &e)->formats,
		 "fj-county-2018, fj-putian-2009");
	const struct metric_def *fax =
		metric_find(&r, "m", "applications.fax", &e);
	T_ASSERT(fax && str_eq(fax->parent, "applications"));
	T_ASSERT(str_eq(metric_find(&r, "m", "replies.refused", &e)->parent,
			"replies"));
	T_EQ_INT(r.n, 15 + 7);
	format_free(&p);
	/* a row id with another yearly figure is refused */
	struct format bad;
	static const char text[] =
		"{\"id\": \"x\", \"name\": \"x\", \"title\": \"x\", "
		"\"sections\": [], \"tables\": [{\"id\": \"t\", "
		"\"caption\": \"c\", \"blocks\": [{\"cols\": [{\"id\": "
		"\"c\", \"label\": \"c\", \"period\": \"cumulative\"}], "
		"\"rows\": [{\"id\": \"items\", \"label\": \"l\", "
		"\"metric\": \"items.issued.rule\"}]}]}]}";
	T_EQ_INT(format_parse(text, sizeof text - 1, &bad, &e), 0);
	T_EQ_INT(metric_reg_add(&r, &bad, &e), -1);
	T_ASSERT(strstr(e.msg, "items.published"));
	format_free(&bad);
	/* the shipped formats agree with each other */
	struct metric_reg all = {0};
	T_EQ_INT(report_metric_reg(NULL, &all, &e), 0);
	T_ASSERT(metric_find(&all, "m", "rules", &e) != NULL);
	T_ASSERT(metric_find(&all, "m", "normative", &e) != NULL);
	T_ASSERT(metric_find(&all, "m", "licence", &e) == NULL);
	metric_reg_free(&all);
	metric_reg_free(&r);
	format_free(&f);
}

/* Every metric a shipped format names is one the engine knows. */
static void t_metric_names(void)
{
	struct err e = {0};
	struct mvals none = {0};
	for (size_t i = 0; i < res_nfiles; i++) {
		if (strncmp(res_files[i].name, "data/report-formats/", 20)) {
			continue;
		}
		struct format f;
		T_EQ_INT(format_parse((const char *)res_files[i].data,
				      res_files[i].size, &f, &e),
			 0);
		for (size_t t = 0; t < f.ntables; t++) {
			for (size_t b = 0; b < f.tables[t].nblocks; b++) {
				const struct fmt_block *k =
					&f.tables[t].blocks[b];
				for (size_t r = 0; r < k->nlrows; r++) {
					for (size_t c = 0; c < k->nlcols; c++) {
						char m[200];
						int64_t v;
						T_EQ_INT(format_cell_metric(
								 k->lrows[r],
								 k->lcols[c], m,
								 sizeof m),
							 0);
						if (mvals_eval(&none, m, &v,
							       &e)) {
							fprintf(stderr,
								"  %s: %s\n",
								res_files[i]
									.name,
								e.msg);
						}
						T_EQ_INT(v, 0);
					}
				}
			}
		}
		format_free(&f);
	}
	int64_t v;
	T_EQ_INT(mvals_eval(&none, "apps.new.alien", &v, &e), -1);
	T_EQ_INT(mvals_eval(&none, "items.published +", &v, &e), -1);
	T_EQ_INT(mvals_eval(&none, "cases.review.maybe", &v, &e), -1);
	T_EQ_INT(mvals_eval(&none, "activity.Bad.count", &v, &e), -1);
	T_ASSERT(metric_name_valid("apps.result.not_processed.duplicate.total"));
	T_ASSERT(metric_name_valid("activity.custom_kind_2.wanyuan"));
	T_ASSERT(!metric_name_valid("apps.result.withheld.nothing.total"));
	struct mvals m = {0};
	metric_fold(&m, "activity.fee_income.fen", 123456); /* 1234.56 yuan */
	T_EQ_INT(mvals_eval(&m, "activity.fee_income.amount", &v, &e), 0);
	T_EQ_INT(v, 12345600);
	T_EQ_INT(mvals_eval(&m, "activity.fee_income.wanyuan", &v, &e), 0);
	T_EQ_INT(v, 1235); /* 0.1235 万元 */
	mvals_free(&m);
}

void suite_format(void)
{
	T_RUN(t_baseline_rows);
	T_RUN(t_metric_names);
	T_RUN(t_shipped);
	T_RUN(t_cn2021);
	T_RUN(t_cn2019);
	T_RUN(t_bad);
	T_RUN(t_checks);
	T_RUN(t_cell_format);
}
