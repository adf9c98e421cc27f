/*
 * admin_rollup.c - the county roll-up (汇总) in the back office, for the
 * leader of an organ with departments under it, or an admin: a year's
 * report for the organ and all its descendant organs together, every
 * cell summed over them by the metric engine (store/metric.h, one
 * aggregate query over the organ tree) and every cross-check run on the
 * sums; and the status list of the year's reports - the organ's own and
 * each descendant's - against the legal date of art. 49 (published on
 * time, late, missing; overdue or not yet due), with the ones whose live
 * or published figures fail a cross-check, or that were published over
 * a failing check. The roll-up also downloads as the report JSON of
 * DESIGN.md §6 and as each office file of the writer table (XLSX, DOCX,
 * PDF: the summed tables, then the status list as one more table - in
 * the workbook, a sheet of its own).
 */
#include "base/date.h"
#include "base/str.h"
#include "domain/rollup.h"
#include "render/html.h"
#include "render/report_doc.h"
#include "render/report_html.h"
#include "render/report_grid.h"
#include "render/report_json.h"
#include "render/report_office.h"
#include "store/metric.h"
#include "store/organ.h"
#include "store/report.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int this_year(void)
{
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	return y;
}

/* The roll-up is the leader's view of the tree (and an admin's). */
static int may_see(const struct req *r, struct err *e)
{
	if (r->user.role == ROLE_LEADER || r->user.role == ROLE_ADMIN) {
		return 0;
	}
	return err_set(e, ERR_DENIED,
		       "汇总报告仅限本机关的分管领导或系统管理员查看。");
}

int admin_rollup_link(struct req *r, const struct organ *o, int year,
		      struct tvars *v, struct err *e)
{
	struct err ignore = {0};
	struct organ *tree = NULL;
	size_t n = 0;
	if (may_see(r, &ignore)) {
		return 0;
	}
	if (organ_subtree(r->st, o->id, &tree, &n, e)) {
		return -1;
	}
	if (n > 1) {
		layout_set_url(v, "rollup_href", "/admin/o/%s/rollup/%d",
			       o->slug, year ? year : this_year() - 1);
	}
	organ_list_free(tree, n);
	return 0;
}

/* GET /admin/o/{slug}/rollup[?year=&format=]: to a year's roll-up (last
 * year by default). */
int admin_rollup_page(struct req *r, struct err *e)
{
	struct organ o;
	int64_t y = this_year() - 1;
	if (may_see(r, e) || route_organ(r, &o, e)) {
		return -1;
	}
	const char *ys = req_param(r, "year");
	if (!str_empty(ys) && str_to_i64(ys, 1990, this_year(), &y)) {
		organ_clear(&o);
		return err_set(e, ERR_INPUT, "请选择 1990 年至今的年度");
	}
	const char *fmt = req_param_s(r, "format");
	if (str_empty(fmt)) {
		layout_redirect(r, "/admin/o/%s/rollup/%lld", o.slug,
				(long long)y);
	} else {
		layout_redirect(r, "/admin/o/%s/rollup/%lld?format=%s", o.slug,
				(long long)y, fmt);
	}
	organ_clear(&o);
	return 0;
}

/* Where one organ's report stands. */
struct standing {
	const struct organ *o;
	int64_t due;
	struct report_pub pub;
	enum rollup_state state;
	size_t live_bad;      /* checks the live figures fail */
	size_t published_bad; /* checks the published copy fails */
	int override;         /* published over a failing check */
};

/* A year's roll-up: the organ, its tree (the organ first), the format,
 * the summed cells and their checks, and each organ's standing. */
struct ru {
	struct organ o;
	struct organ *tree;
	size_t ntree;
	int year;
	struct format f;
	struct mvals m;
	struct cellset cells;
	struct check_result *res;
	size_t nres, bad;
	struct standing *st;
	size_t on_time, late, missing, failing;
};

/* Checks failed in a published report's frozen JSON. */
static size_t frozen_bad(const char *frozen)
{
	json_t *j = json_loads(frozen ? frozen : "{}", 0, NULL);
	size_t i, bad = 0;
	json_t *c;
	json_array_foreach(json_object_get(j, "checks"), i, c) {
		bad += json_is_false(json_object_get(c, "ok"));
	}
	json_decref(j);
	return bad;
}

static int standing_load(struct req *r, const struct format *f, int year,
			 int64_t today, struct standing *s, struct err *e)
{
	struct mvals m = {0};
	struct cellset cells = {0};
	struct check_result *res = NULL;
	struct report rep = {0};
	size_t nres = 0;
	int rc = -1;
	s->due = report_due(s->o, year);
	int got = report_publication(r, s->o, year, &s->pub, e);
	if (got < 0) {
		goto done;
	}
	s->state = rollup_state_of(s->due, s->pub.day, today);
	if (metric_report_cells(r->st, s->o->id, 0, f, year, &m, &cells, e)) {
		goto done;
	}
	s->live_bad = crosscheck_run(f, &cells, &res, &nres);
	got = report_published(r->st, s->o->id, year, &rep, e);
	if (got < 0) {
		goto done;
	}
	if (got) {
		s->published_bad = frozen_bad(rep.frozen);
		s->override = !str_empty(rep.override_note);
	}
	rc = 0;
done:
	free(res);
	report_clear(&rep);
	cellset_free(&cells);
	mvals_free(&m);
	return rc;
}

static void ru_free(struct ru *w)
{
	for (size_t i = 0; w->st && i < w->ntree; i++) {
		report_pub_clear(&w->st[i].pub);
	}
	free(w->st);
	free(w->res);
	cellset_free(&w->cells);
	mvals_free(&w->m);
	format_free(&w->f);
	organ_list_free(w->tree, w->ntree);
	organ_clear(&w->o);
}

/* Loads the roll-up of {slug} for {year} in the format parameter (else
 * the year's default); with_status also each organ's standing. */
static int ru_load(struct req *r, struct ru *w, int with_status,
		   struct err *e)
{
	memset(w, 0, sizeof *w);
	int64_t y;
	if (may_see(r, e) || route_organ(r, &w->o, e)) {
		return -1;
	}
	if (str_to_i64(r->cap[1], 1990, this_year(), &y)) {
		return err_set(e, ERR_NOTFOUND, "没有这一年度的报告");
	}
	w->year = (int)y;
	const char *fid = req_param(r, "format");
	if (report_load_format(r,
			       str_empty(fid) ? report_default_format(w->year)
					      : fid,
			       &w->f, e) ||
	    metric_report_cells(r->st, w->o.id, 1, &w->f, w->year, &w->m,
				&w->cells, e) ||
	    organ_subtree(r->st, w->o.id, &w->tree, &w->ntree, e)) {
		return -1;
	}
	w->bad = crosscheck_run(&w->f, &w->cells, &w->res, &w->nres);
	if (!with_status) {
		return 0;
	}
	int64_t today = date_today();
	w->st = xcalloc(w->ntree + 1, sizeof *w->st);
	for (size_t i = 0; i < w->ntree; i++) {
		struct standing *s = &w->st[i];
		s->o = &w->tree[i];
		if (standing_load(r, &w->f, w->year, today, s, e)) {
			return -1;
		}
		w->on_time += s->state == RU_ON_TIME;
		w->late += s->state == RU_LATE;
		w->missing += rollup_state_missing(s->state);
		w->failing += s->live_bad || s->published_bad || s->override;
	}
	return 0;
}

/* What the cross-checks say of s's report, appended to out ("全部通过"
 * when nothing fails); 1 when something does. */
static int check_note(const struct standing *s, Buf *out)
{
	size_t n0 = out->n;
	if (s->live_bad) {
		buf_printf(out, "实时数据 %zu 项未通过", s->live_bad);
	}
	if (s->published_bad) {
		buf_printf(out, "%s已发布版本 %zu 项未通过",
			   out->n > n0 ? "；" : "", s->published_bad);
	}
	if (s->override) {
		buf_printf(out, "%s附未通过说明发布", out->n > n0 ? "；" : "");
	}
	if (out->n > n0) {
		return 1;
	}
	buf_puts(out, "全部通过");
	return 0;
}

static const char *organ_kind(const struct organ *o)
{
	return o->parent_id ? "部门" : "本级人民政府";
}

/* The status list's row for s. */
static void standing_row(const struct standing *s, int year, tvars *row)
{
	const struct organ *o = s->o;
	tv_set(row, "name", o->name);
	tv_set(row, "who", organ_kind(o));
	layout_set_day(row, "due", s->due);
	tv_set(row, "state", rollup_state_label(s->state));
	tv_setf(row, "state_class", "st-%s",
		s->state == RU_ON_TIME	 ? "ok"
		: s->state == RU_NOT_DUE ? "wait"
					 : "bad");
	layout_set_day(row, "published", s->pub.day);
	Buf why = BUF_INIT;
	int failing = check_note(s, &why);
	tv_set(row, "check_note", buf_str(&why));
	tv_set_bool(row, "failing", failing);
	buf_free(&why);
	layout_set_url(row, "admin_href", "/admin/o/%s/reports/%d", o->slug,
		       year);
	if (s->pub.in_gongkai) {
		layout_set_url(row, "public_href", "/organ/%s/report/%d",
			       o->slug, year);
	} else if (s->pub.item_index_no) {
		Buf u = BUF_INIT;
		url_item_path(&u, o->slug, s->pub.item_index_no);
		tv_set(row, "public_href", buf_str(&u));
		buf_free(&u);
	} else {
		tv_set(row, "public_href", "");
	}
}

int admin_rollup_year_page(struct req *r, struct err *e)
{
	struct ru w;
	tvars *v = tvars_new();
	Buf tables = BUF_INIT, title = BUF_INIT;
	int rc = -1;
	if (ru_load(r, &w, 1, e)) {
		goto done;
	}
	const struct organ *o = &w.o;
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "organ_href", "/admin/o/%s/", o->slug);
	layout_set_url(v, "reports_href", "/admin/o/%s/reports", o->slug);
	layout_set_url(v, "action", "/admin/o/%s/rollup", o->slug);
	tv_set_int(v, "year", w.year);
	tv_set(v, "format", w.f.id);
	tv_set(v, "format_name", w.f.name);
	for (int y = this_year(); y >= this_year() - 10; y--) {
		char ys[16];
		snprintf(ys, sizeof ys, "%d", y);
		layout_option(v, "years", ys, ys, y == w.year);
	}
	report_format_options(v, w.f.id);
	tv_set_int(v, "n_organs", (long long)w.ntree);
	tv_set_int(v, "n_on_time", (long long)w.on_time);
	tv_set_int(v, "n_late", (long long)w.late);
	tv_set_int(v, "n_missing", (long long)w.missing);
	tv_set_int(v, "n_failing", (long long)w.failing);
	tv_set_list_empty(v, "organs");
	for (size_t i = 0; i < w.ntree; i++) {
		standing_row(&w.st[i], w.year, tv_add_row(v, "organs"));
	}
	tv_set_int(v, "n_checks", (long long)w.nres);
	tv_set_int(v, "n_failed", (long long)w.bad);
	tv_set_list_empty(v, "checks");
	for (size_t i = 0; i < w.nres; i++) {
		if (w.res[i].ok) {
			continue;
		}
		tvars *row = tv_add_row(v, "checks");
		tv_set(row, "rule", w.res[i].rule);
		tv_set(row, "detail", w.res[i].detail);
		for (size_t k = 0; k < w.f.nchecks; k++) {
			if (str_eq(w.f.checks[k].id, w.res[i].rule)) {
				tv_set(row, "label", w.f.checks[k].label);
			}
		}
	}
	report_html_tables(&w.f, o->name, w.year, &w.cells, NULL, &tables);
	tv_set_html(v, "tables", html_frag_of(&tables));
	layout_set_url(v, "json_href",
		       "/admin/o/%s/rollup/%d/rollup.json?format=%s", o->slug,
		       w.year, w.f.id);
	Buf base = BUF_INIT, query = BUF_INIT;
	url_printf(&base, "/admin/o/%s/rollup/%d/rollup.", o->slug, w.year);
	url_printf(&query, "?format=%s", w.f.id);
	report_downloads(v, buf_str(&base), buf_str(&query));
	buf_free(&base);
	buf_free(&query);
	buf_printf(&title, "%d年度政府信息公开工作汇总", w.year);
	rc = layout_page(r, "admin_rollup", buf_str(&title), v, e);
done:
	buf_free(&tables);
	buf_free(&title);
	tvars_free(v);
	ru_free(&w);
	return rc;
}

/* GET .../rollup/{year}/rollup.json: the roll-up as the report JSON. */
int admin_rollup_json_page(struct req *r, struct err *e)
{
	struct ru w;
	int rc = -1;
	if (ru_load(r, &w, 0, e)) {
		goto done;
	}
	report_json(&w.f, w.o.name, w.year, &w.cells, w.res, w.nres, NULL,
		    NULL, &r->out);
	r->ctype = "application/json; charset=utf-8";
	r->status = 200;
	rc = 0;
done:
	ru_free(&w);
	return rc;
}

/* The status list as a table: one row an organ. */
static void status_grid(const struct ru *w, struct rgrid *g)
{
	enum { NC = 6 };
	size_t n = (w->ntree + 1) * NC;
	char **text = xcalloc(n, sizeof *text);
	static const char *const head[NC] = {"机关", "类别", "法定期限",
					     "状态", "发布日期", "勾稽关系"};
	for (int c = 0; c < NC; c++) {
		text[c] = xstrdup(head[c]);
	}
	for (size_t i = 0; i < w->ntree; i++) {
		const struct standing *s = &w->st[i];
		char **row = text + (i + 1) * NC;
		char day[16] = "";
		Buf note = BUF_INIT;
		row[0] = xstrdup(s->o->name);
		row[1] = xstrdup(organ_kind(s->o));
		date_format(s->due, day);
		row[2] = xstrdup(day);
		row[3] = xstrdup(rollup_state_label(s->state));
		day[0] = 0;
		if (s->pub.day) {
			date_format(s->pub.day, day);
		}
		row[4] = xstrdup(day);
		check_note(s, &note);
		row[5] = buf_detach(&note);
	}
	Buf cap = BUF_INIT;
	buf_printf(&cap, "%d年度各机关年度报告发布情况", w->year);
	report_grid_plain(buf_str(&cap), NC, (int)w->ntree,
			  (const char *const *)text, g);
	buf_free(&cap);
	for (size_t i = 0; i < n; i++) {
		free(text[i]);
	}
	free(text);
}

/* GET .../rollup/{year}/rollup.{ext}: the roll-up as an office file. */
int admin_rollup_file_page(struct req *r, struct err *e)
{
	struct ru w;
	struct rgrid annex = {0};
	Buf title = BUF_INIT, name = BUF_INIT, note = BUF_INIT;
	int rc = -1;
	const struct report_writer *wr = report_writer_of(r, e);
	if (!wr || ru_load(r, &w, 1, e)) {
		if (wr) {
			ru_free(&w);
		}
		return -1;
	}
	status_grid(&w, &annex);
	char today[16];
	date_format(date_today(), today);
	buf_printf(&note,
		   "汇总 %zu 个机关的记录，按 %s 的数据实时计算：%zu 个按时发布，"
		   "%zu 个逾期发布，%zu 个未发布，%zu 个勾稽关系未通过",
		   w.ntree, today, w.on_time, w.late, w.missing, w.failing);
	buf_printf(&title, "%s%d年度政府信息公开工作汇总", w.o.name, w.year);
	report_file_name(buf_str(&title), 1, "", wr->ext, &name);
	struct report_out ro = {.f = &w.f,
				.organ = w.o.name,
				.year = w.year,
				.cells = &w.cells,
				.res = w.res,
				.nres = w.nres,
				.note = buf_str(&note),
				.annex = &annex};
	rc = report_send(r, wr, &ro, buf_str(&name), 0, e);
	report_grid_free(&annex);
	buf_free(&title);
	buf_free(&name);
	buf_free(&note);
	ru_free(&w);
	return rc;
}
