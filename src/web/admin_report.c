/*
 * admin_report.c - the annual report (年度报告) in the back office: the
 * organ's reports and the legal date of the one due; a year's workspace
 * with the tables computed live from the records, every cross-check, the
 * narrative sections (with placeholders, and a generated first draft),
 * and publication by the leader or an admin, which freezes the figures
 * and adds the annual_report catalog item with the report's office files
 * (Word, ...: one per render/report_office.c writer) attached; a failing
 * check needs a written reason, audited and shown on the report. The
 * live report also downloads as those files, marked as a draft.
 */
#include "base/date.h"
#include "base/str.h"
#include "domain/item.h"
#include "domain/narrative.h"
#include "render/html.h"
#include "render/report_doc.h"
#include "render/report_json.h"
#include "render/report_md.h"
#include "store/activity.h"
#include "store/organ.h"
#include "store/report.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/report.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int this_year(void)
{
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	return y;
}

static int may_publish(const struct req *r)
{
	return r->user.role == ROLE_LEADER || r->user.role == ROLE_ADMIN;
}

/* The {year} capture: 1990 .. this year. */
static int cap_year(struct req *r, int *year, struct err *e)
{
	int64_t y;
	if (str_to_i64(r->cap[1], 1990, this_year(), &y)) {
		return err_set(e, ERR_NOTFOUND, "没有这一年度的报告");
	}
	*year = (int)y;
	return 0;
}

/* Sets the due-report warning of the organ in v ("due_year", "due_date",
 * "due_overdue", "due_href") when last year's report is not out. */
static int due_warning(struct req *r, const struct organ *o, tvars *v,
		       struct err *e)
{
	int year = this_year() - 1;
	int done = report_done(r, o, year, e);
	if (done < 0) {
		return -1;
	}
	if (!done) {
		int64_t due = report_due(o, year);
		tv_set_int(v, "due_year", year);
		layout_set_day(v, "due_date", due);
		tv_set_bool(v, "due_overdue", date_today() > due);
		tv_set(v, "due_who", o->parent_id ? "部门" : "本级人民政府");
		layout_set_url(v, "due_href", "/admin/o/%s/reports/%d", o->slug,
			       year);
	}
	return 0;
}

int admin_organ_report_warning(struct req *r, const struct organ *o,
			       tvars *v, struct err *e)
{
	return due_warning(r, o, v, e);
}

int admin_reports_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct report *v = NULL;
	size_t n = 0;
	tvars *t = tvars_new();
	int rc = -1;
	if (report_list(r->st, o.id, 0, &v, &n, e) || due_warning(r, &o, t, e) ||
	    admin_rollup_link(r, &o, 0, t, e)) {
		goto done;
	}
	tv_set(t, "organ_name", o.name);
	layout_set_url(t, "organ_href", "/admin/o/%s/", o.slug);
	layout_set_url(t, "action", "/admin/o/%s/reports/open", o.slug);
	for (int y = this_year(); y >= this_year() - 10; y--) {
		char ys[16];
		snprintf(ys, sizeof ys, "%d", y);
		layout_option(t, "years", ys, ys, y == this_year() - 1);
	}
	report_format_options(t, "");
	tv_set_list_empty(t, "reports");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(t, "reports");
		tv_set_int(row, "year", v[i].year);
		tv_set(row, "format", v[i].format);
		tv_set_int(row, "version", v[i].version);
		tv_set(row, "status", report_status_label(v[i].status));
		tv_set(row, "published", v[i].published_at
						 ? v[i].published_at
						 : "");
		tv_set_bool(row, "override", !str_empty(v[i].override_note));
		layout_set_url(row, "href", "/admin/o/%s/reports/%d?format=%s",
			       o.slug, v[i].year, v[i].format);
	}
	rc = layout_page(r, "admin_reports", "年度报告", t, e);
done:
	tvars_free(t);
	report_list_free(v, n);
	organ_clear(&o);
	return rc;
}

/* GET .../reports/open?year=&format=: to the workspace. */
int admin_reports_open_page(struct req *r, struct err *e)
{
	struct organ o;
	int64_t y;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (str_to_i64(req_param_s(r, "year"), 1990, this_year(), &y)) {
		organ_clear(&o);
		return err_set(e, ERR_INPUT, "请选择 1990 年至今的年度");
	}
	const char *fmt = req_param_s(r, "format");
	if (str_empty(fmt)) {
		layout_redirect(r, "/admin/o/%s/reports/%lld", o.slug,
				(long long)y);
	} else {
		layout_redirect(r, "/admin/o/%s/reports/%lld?format=%s", o.slug,
				(long long)y, fmt);
	}
	organ_clear(&o);
	return 0;
}

/* One organ's report for a year in a format as the pages of this file
 * start from it: the organ, {year}, the format (the format parameter,
 * else the year's default), the year's metrics and every cell computed
 * now, the organ's reports, its checks, and the open draft among them
 * (d: NULL when there is none). */
struct yr {
	struct organ o;
	int year;
	struct format f;
	struct mvals m;
	struct cellset cells;
	struct report *all;
	size_t nall;
	const struct report *d;
	struct check_result *res;
	size_t nres, bad;
};

static int yr_load(struct req *r, struct yr *w, struct err *e)
{
	memset(w, 0, sizeof *w);
	if (route_organ(r, &w->o, e)) {
		return -1;
	}
	const char *fid = req_param(r, "format");
	if (cap_year(r, &w->year, e) ||
	    report_load_format(r,
			       str_empty(fid) ? report_default_format(w->year)
					      : fid,
			       &w->f, e) ||
	    report_compute(r, &w->o, &w->f, w->year, &w->m, &w->cells, e) ||
	    report_list(r->st, w->o.id, 0, &w->all, &w->nall, e)) {
		return -1;
	}
	for (size_t i = 0; i < w->nall; i++) {
		if (w->all[i].year == w->year &&
		    str_eq(w->all[i].format, w->f.id) &&
		    w->all[i].status == RS_DRAFT) {
			w->d = &w->all[i];
		}
	}
	w->bad = crosscheck_run(&w->f, &w->cells, &w->res, &w->nres);
	return 0;
}

static void yr_free(struct yr *w)
{
	free(w->res);
	report_list_free(w->all, w->nall);
	cellset_free(&w->cells);
	mvals_free(&w->m);
	format_free(&w->f);
	organ_clear(&w->o);
}

/* Everything the workspace shows; error (may be NULL) goes above the
 * form, texts (may be NULL) are the sections typed (after a refusal). */
static int workspace(struct req *r, const struct yr *w, const char *error,
		     json_t *texts, struct err *e)
{
	const struct organ *o = &w->o;
	const struct format *f = &w->f;
	const struct check_result *res = w->res;
	const struct report *all = w->all;
	size_t nres = w->nres, nall = w->nall, bad = w->bad;
	int year = w->year;
	const char *sections = w->d ? w->d->sections : NULL;
	json_t *saved = NULL, *filled = NULL;
	tvars *v = tvars_new();
	Buf preview = BUF_INIT;
	int rc;
	saved = json_loads(sections ? sections : "{}", 0, NULL);
	if (!saved) {
		saved = json_object();
	}
	layout_csrf(r, v);
	Buf title = BUF_INIT;
	report_fill(f->title, o->name, year, &title);
	tv_set(v, "title", buf_str(&title));
	buf_free(&title);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "organ_href", "/admin/o/%s/", o->slug);
	layout_set_url(v, "list_href", "/admin/o/%s/reports", o->slug);
	layout_set_url(v, "action", "/admin/o/%s/reports/%d", o->slug, year);
	layout_set_url(v, "sections_action",
		       "/admin/o/%s/reports/%d/sections", o->slug, year);
	layout_set_url(v, "publish_action",
		       "/admin/o/%s/reports/%d/publish", o->slug, year);
	tv_set_int(v, "year", year);
	tv_set(v, "format", f->id);
	tv_set(v, "format_name", f->name);
	report_format_options(v, f->id);
	tv_set(v, "error", error ? error : "");
	static const char *const notes[][2] = {
		{"saved", "已保存各部分文字。"},
		{"drafted", "已为空白部分生成初稿，请核对修改后保存。"},
		{"published", "年度报告已发布，数据已冻结，并已加入主动公开目录。"},
	};
	layout_notice(r, v, notes, 3);
	int64_t due = report_due(o, year);
	layout_set_day(v, "due_date", due);
	tv_set_int(v, "n_checks", (long long)nres);
	tv_set_int(v, "n_failed", (long long)bad);
	tv_set_list_empty(v, "checks");
	for (size_t i = 0; i < nres; i++) {
		if (res[i].ok) {
			continue;
		}
		tvars *row = tv_add_row(v, "checks");
		tv_set(row, "rule", res[i].rule);
		tv_set(row, "detail", res[i].detail);
		for (size_t k = 0; k < f->nchecks; k++) {
			if (str_eq(f->checks[k].id, res[i].rule)) {
				tv_set(row, "label", f->checks[k].label);
			}
		}
	}
	tv_set_list_empty(v, "versions");
	for (size_t i = 0; i < nall; i++) {
		if (all[i].year != year || !str_eq(all[i].format, f->id) ||
		    all[i].status == RS_DRAFT) {
			continue;
		}
		tvars *row = tv_add_row(v, "versions");
		tv_set_int(row, "version", all[i].version);
		tv_set(row, "status", report_status_label(all[i].status));
		tv_set(row, "published", all[i].published_at);
		tv_set(row, "override_note", all[i].override_note);
		layout_set_url(row, "href", "/organ/%s/report/%d?v=%d", o->slug,
			       year, all[i].version);
	}
	int linked = admin_rollup_link(r, o, year, v, e);
	tv_set_bool(v, "has_draft", w->d != NULL);
	tv_set_bool(v, "can_publish", may_publish(r));
	/* the sections: typed, else saved */
	tv_set_list_empty(v, "sections");
	for (size_t i = 0; i < f->nsections; i++) {
		const char *id = f->sections[i].id;
		const char *t = json_string_value(
			json_object_get(texts ? texts : saved, id));
		tvars *row = tv_add_row(v, "sections");
		tv_set(row, "id", id);
		tv_set(row, "label", f->sections[i].title);
		tv_setf(row, "field", "s_%s", id);
		tv_set(row, "text", t ? t : "");
	}
	/* the live tables, and the text filled in as it would publish */
	struct err fe = {0};
	filled = report_fill_sections(sections, &w->m, &w->cells, o->name,
				      year, &fe);
	report_body(f, o->name, year, &w->cells, filled, &preview);
	tv_set_html(v, "preview", html_frag_of(&preview));
	layout_set_url(v, "json_href",
		       "/admin/o/%s/reports/%d/report.json?format=%s", o->slug,
		       year, f->id);
	layout_set_url(v, "md_href", "/admin/o/%s/reports/%d/report.md?format=%s",
		       o->slug, year, f->id);
	Buf base = BUF_INIT, query = BUF_INIT;
	url_printf(&base, "/admin/o/%s/reports/%d/report.", o->slug, year);
	url_printf(&query, "?format=%s", f->id);
	report_downloads(v, buf_str(&base), buf_str(&query));
	buf_free(&base);
	buf_free(&query);
	r->status = error ? 400 : 200;
	rc = linked ? -1 : layout_page(r, "admin_report", "年度报告", v, e);
	json_decref(saved);
	json_decref(filled);
	buf_free(&preview);
	tvars_free(v);
	return rc;
}

int admin_report_page(struct req *r, struct err *e)
{
	struct yr w;
	int rc = yr_load(r, &w, e) ? -1 : workspace(r, &w, NULL, NULL, e);
	yr_free(&w);
	return rc;
}

/* The year's activity entries for a first draft (kinds and titles). */
struct entries {
	struct activity *acts;
	size_t n;
	struct narrative_entry *v;
};

static int load_entries(struct req *r, int64_t organ_id, int year,
			struct entries *x, struct err *e)
{
	struct act_filter af = {0};
	int64_t total = 0;
	af.organ_id = organ_id;
	af.year = year;
	if (activity_list(r->st, &af, &x->acts, &x->n, &total, e)) {
		return -1;
	}
	x->v = xcalloc(x->n + 1, sizeof *x->v);
	for (size_t i = 0; i < x->n; i++) {
		const struct act_kind *k = act_builtin(x->acts[i].kind);
		x->v[i].kind = x->acts[i].kind;
		x->v[i].label = k ? k->label : x->acts[i].kind;
		x->v[i].unit = k ? k->unit : "件";
		x->v[i].title = x->acts[i].title;
		x->v[i].note = x->acts[i].note;
		x->v[i].count = x->acts[i].count;
		x->v[i].amount_fen = x->acts[i].amount_fen;
	}
	return 0;
}

int admin_report_sections_post(struct req *r, struct err *e)
{
	struct yr w;
	struct report d = {0};
	struct entries x = {0};
	json_t *texts = json_object();
	struct actor who = auth_actor(r);
	int rc = -1, draft = str_eq(req_param(r, "action"), "draft");
	if (yr_load(r, &w, e)) {
		goto done;
	}
	const struct format *f = &w.f;
	for (size_t i = 0; i < f->nsections; i++) {
		char field[64];
		snprintf(field, sizeof field, "s_%s", f->sections[i].id);
		json_object_set_new(texts, f->sections[i].id,
				    json_string(req_param_s(r, field)));
	}
	if (draft) {
		struct narrative_facts facts = {0};
		if (load_entries(r, w.o.id, w.year, &x, e)) {
			goto done;
		}
		facts.organ = w.o.name;
		facts.year = w.year;
		facts.m = &w.m;
		facts.entries = x.v;
		facts.nentries = x.n;
		narrative_facts_format(&facts, f);
		for (size_t i = 0; i < f->nsections; i++) {
			const char *id = f->sections[i].id;
			if (!str_blank(json_string_value(
				    json_object_get(texts, id)))) {
				continue;
			}
			Buf b = BUF_INIT;
			narrative_draft(id, &facts, &b);
			json_object_set_new(texts, id,
					    json_string(buf_str(&b)));
			buf_free(&b);
		}
	}
	for (size_t i = 0; i < f->nsections; i++) {
		struct err ce = {0};
		const char *t = json_string_value(
			json_object_get(texts, f->sections[i].id));
		if (narrative_check(t ? t : "", f, &ce)) {
			char msg[400];
			snprintf(msg, sizeof msg, "%s：%s", f->sections[i].title,
				 ce.msg);
			rc = workspace(r, &w, msg, texts, e);
			goto done;
		}
	}
	char *json = json_dumps(texts, JSON_COMPACT | JSON_SORT_KEYS);
	rc = report_draft(r->st, &who, w.o.id, w.year, f->id, &d, e) ||
			     report_set_sections(r->st, &who, w.o.id, d.id, json,
						 e)
		     ? -1
		     : 0;
	free(json);
	if (rc == 0) {
		layout_redirect(r, "/admin/o/%s/reports/%d?format=%s&done=%s",
				w.o.slug, w.year, f->id,
				draft ? "drafted" : "saved");
	}
done:
	json_decref(texts);
	free(x.v);
	activity_list_free(x.acts, x.n);
	report_clear(&d);
	yr_free(&w);
	return rc;
}

/* The catalog item of a published report: its summary and a link to the
 * report page; filed under 政务公开 (else the organ's first category). */
static int report_item(struct req *r, const struct organ *o, int year,
		       const char *title, int version, struct item *it,
		       struct err *e)
{
	struct category c = {0};
	int got = category_find(r->st, o->id, "政务公开", &c, e);
	if (got < 0) {
		return -1;
	}
	if (got == 0) {
		struct category *cs = NULL;
		size_t n = 0;
		if (category_list(r->st, o->id, &cs, &n, e) || n == 0) {
			category_list_free(cs, n);
			return e->code ? -1
				       : err_set(e, ERR_CONFLICT,
						 "本机关没有主题分类");
		}
		c.id = cs[0].id;
		category_list_free(cs, n);
	}
	free(c.name);
	char today[11];
	date_format(date_today(), today);
	it->organ_id = o->id;
	it->category_id = c.id;
	it->kind = KIND_ANNUAL_REPORT;
	it->title = version > 1 ? xstrdup("") : NULL;
	Buf t = BUF_INIT, body = BUF_INIT;
	buf_puts(&t, title);
	if (version > 1) {
		buf_printf(&t, "（更正版，第%d版）", version);
		free(it->title);
	}
	it->title = xstrdup(buf_str(&t));
	it->doc_no = xstrdup("");
	it->summary = xstrdup("");
	Buf href = BUF_INIT;
	url_printf(&href, "/organ/%s/report/%d", o->slug, year);
	html_printf(&body,
		    "<p>%s依据《中华人民共和国政府信息公开条例》第四十九条、"
		    "第五十条编制并公布本年度报告。</p><p>报告全文（含统计表）："
		    "<a href=\"%s\">%s</a></p>",
		    o->name, buf_str(&href), buf_str(&t));
	it->body = xstrdup(buf_str(&body));
	it->published_date = xstrdup(today);
	it->written_date = xstrdup(today);
	it->channels = 1u << CH_WEBSITE;
	buf_free(&t);
	buf_free(&body);
	buf_free(&href);
	return 0;
}

/* The office files of a report about to be published, one per writer,
 * drawn from its frozen copy as the portal's downloads are. */
struct files {
	struct report_file v[8];
	Buf data[8], name[8];
	size_t n;
};

static int office_files(struct req *r, const struct report *d,
			const char *frozen, const char *note,
			struct files *x, struct err *e)
{
	struct report_frozen p;
	int rc = report_frozen_load(r, d->format, frozen, d->version, note, &p,
				 e);
	for (const struct report_writer *w = report_writers; rc == 0 && w->ext;
	     w++) {
		size_t i = x->n++;
		const char *ctype = NULL;
		assert(i < sizeof x->v / sizeof x->v[0]);
		report_file_name(p.title, d->version, NULL, w->ext, &x->name[i]);
		rc = w->fn(&p.out, &x->data[i], e) ||
				     item_attachment_check(
					     buf_str(&x->name[i]), x->data[i].p,
					     x->data[i].n,
					     r->app->conf.max_attachment, &ctype,
					     e)
			     ? -1
			     : 0;
		x->v[i] = (struct report_file){buf_str(&x->name[i]), ctype,
					       x->data[i].p, x->data[i].n};
	}
	report_frozen_free(&p);
	return rc;
}

static void files_free(struct files *x)
{
	for (size_t i = 0; i < x->n; i++) {
		buf_free(&x->data[i]);
		buf_free(&x->name[i]);
	}
}

int admin_report_publish_post(struct req *r, struct err *e)
{
	struct files files = {0};
	struct yr w;
	struct report d = {0};
	struct item it = {0};
	json_t *filled = NULL;
	Buf json = BUF_INIT, title = BUF_INIT;
	struct actor who = auth_actor(r);
	const char *note = req_param_s(r, "override");
	int rc = -1;
	memset(&w, 0, sizeof w);
	if (!may_publish(r)) {
		err_set(e, ERR_DENIED, "只有分管领导或系统管理员可以发布年度报告。");
		goto done;
	}
	if (yr_load(r, &w, e)) {
		goto done;
	}
	if (w.bad && str_blank(note)) {
		char msg[300];
		snprintf(msg, sizeof msg,
			 "有 %zu 项勾稽关系未通过。请先核对数据；确需发布的，"
			 "须在“未通过勾稽关系的发布说明”中写明理由。",
			 w.bad);
		rc = workspace(r, &w, msg, NULL, e);
		goto done;
	}
	if (report_draft(r->st, &who, w.o.id, w.year, w.f.id, &d, e)) {
		goto done;
	}
	filled = report_fill_sections(d.sections, &w.m, &w.cells, w.o.name,
				      w.year, e);
	if (!filled) {
		goto done;
	}
	report_json(&w.f, w.o.name, w.year, &w.cells, w.res, w.nres,
		    report_json_text, filled, &json);
	/* the frozen copy also says its version and why it went out over a
	 * failing check */
	json_t *j = json_loads(buf_str(&json), 0, NULL);
	if (w.bad) {
		json_object_set_new(j, "override_note", json_string(note));
	}
	json_object_set_new(j, "version", json_integer(d.version));
	char *frozen = json_dumps(j, JSON_INDENT(1) | JSON_REAL_PRECISION(12));
	json_decref(j);
	report_fill(w.f.title, w.o.name, w.year, &title);
	rc = report_item(r, &w.o, w.year, buf_str(&title), d.version, &it,
			 e) ||
			     office_files(r, &d, frozen, w.bad ? note : "",
					  &files, e) ||
			     report_publish(r->st, &who, w.o.id, d.id, frozen,
					    w.bad ? note : "", &it, files.v,
					    files.n, e)
		     ? -1
		     : 0;
	free(frozen);
	if (rc == 0) {
		layout_redirect(r,
				"/admin/o/%s/reports/%d?format=%s&done=published",
				w.o.slug, w.year, w.f.id);
	}
done:
	files_free(&files);
	json_decref(filled);
	buf_free(&json);
	buf_free(&title);
	item_clear(&it);
	report_clear(&d);
	yr_free(&w);
	return rc;
}

/* GET .../reports/{year}/report.json|.md: the live computation. */
static int live_file(struct req *r, int md, struct err *e)
{
	struct yr w;
	json_t *filled = NULL;
	int rc = -1;
	if (yr_load(r, &w, e)) {
		goto done;
	}
	filled = report_fill_sections(w.d ? w.d->sections : NULL, &w.m,
				      &w.cells, w.o.name, w.year, e);
	if (!filled) {
		goto done;
	}
	if (md) {
		report_md(&w.f, w.o.name, w.year, &w.cells, report_json_text,
			  filled, &r->out);
		r->ctype = "text/markdown; charset=utf-8";
	} else {
		report_json(&w.f, w.o.name, w.year, &w.cells, w.res, w.nres,
			    report_json_text, filled, &r->out);
		r->ctype = "application/json; charset=utf-8";
	}
	r->status = 200;
	rc = 0;
done:
	json_decref(filled);
	yr_free(&w);
	return rc;
}

int admin_report_json_page(struct req *r, struct err *e)
{
	return live_file(r, 0, e);
}

int admin_report_md_page(struct req *r, struct err *e)
{
	return live_file(r, 1, e);
}

/* GET .../reports/{year}/report.{ext}: the live computation as an office
 * file, marked as a draft. */
int admin_report_file_page(struct req *r, struct err *e)
{
	const struct report_writer *wr = report_writer_of(r, e);
	struct yr w;
	json_t *filled = NULL;
	Buf title = BUF_INIT, name = BUF_INIT, note = BUF_INIT;
	char today[11];
	int rc = -1;
	memset(&w, 0, sizeof w);
	if (!wr || yr_load(r, &w, e)) {
		goto done;
	}
	filled = report_fill_sections(w.d ? w.d->sections : NULL, &w.m,
				      &w.cells, w.o.name, w.year, e);
	if (!filled) {
		goto done;
	}
	date_format(date_today(), today);
	buf_printf(&note, "未发布稿：数据按 %s 的记录实时计算，发布后以公开的版本为准",
		   today);
	report_fill(w.f.title, w.o.name, w.year, &title);
	report_file_name(buf_str(&title), 1, "（未发布稿）", wr->ext, &name);
	struct report_out ro = {.f = &w.f,
				.organ = w.o.name,
				.year = w.year,
				.cells = &w.cells,
				.res = w.res,
				.nres = w.nres,
				.text = report_json_text,
				.arg = filled,
				.note = buf_str(&note)};
	rc = report_send(r, wr, &ro, buf_str(&name), 0, e);
done:
	json_decref(filled);
	buf_free(&title);
	buf_free(&name);
	buf_free(&note);
	yr_free(&w);
	return rc;
}
