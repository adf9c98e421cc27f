/*
 * portal_report.c - published annual reports on the portal: an organ's
 * list by year, and one report as it was published (the frozen figures,
 * its text, the official tables, the cross-checks and any reason it went
 * out over a failing one), with its JSON and its office files (Word, ...:
 * render/report_office.h). Earlier versions of a corrected report stay
 * readable (?v=N).
 */
#include "base/str.h"
#include "render/html.h"
#include "render/report_doc.h"
#include "store/organ.h"
#include "store/report.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int portal_reports_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct report *v = NULL;
	size_t n = 0;
	int rc = -1;
	tvars *t = tvars_new();
	if (report_list(r->st, o.id, 1, &v, &n, e)) {
		goto done;
	}
	tv_set(t, "organ_name", o.name);
	layout_set_url(t, "organ_href", "/organ/%s/", o.slug);
	tv_set_list_empty(t, "reports");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(t, "reports");
		struct report_doc d = {0};
		struct err pe = {0};
		report_doc_parse(v[i].frozen, strlen(v[i].frozen), &d, &pe);
		tv_set(row, "title", d.title ? d.title : "");
		tv_set_int(row, "year", v[i].year);
		tv_set_int(row, "version", v[i].version);
		tv_set(row, "date", v[i].published_at ? v[i].published_at : "");
		tv_set(row, "format", v[i].format);
		layout_set_url(row, "href", "/organ/%s/report/%d", o.slug,
			       v[i].year);
		report_doc_free(&d);
	}
	rc = layout_page(r, "reports", "政府信息公开工作年度报告", t, e);
done:
	tvars_free(t);
	report_list_free(v, n);
	organ_clear(&o);
	return rc;
}

/* The published report of the organ for {year} (?v=N: that version). */
static int find(struct req *r, const struct organ *o, struct report *rep,
		struct err *e)
{
	int64_t year, ver = 0;
	memset(rep, 0, sizeof *rep);
	if (str_to_i64(r->cap[1], 1990, 9999, &year)) {
		return err_set(e, ERR_NOTFOUND, "没有这一年度的报告");
	}
	const char *vs = req_param(r, "v");
	if (!str_empty(vs) && str_to_i64(vs, 1, 999, &ver)) {
		return err_set(e, ERR_NOTFOUND, "没有这一版本");
	}
	if (!ver) {
		int got = report_published(r->st, o->id, (int)year, rep, e);
		if (got <= 0) {
			return got ? -1
				   : err_set(e, ERR_NOTFOUND,
					     "本机关尚未发布%lld年度报告",
					     (long long)year);
		}
		return 0;
	}
	struct report *v = NULL;
	size_t n = 0;
	if (report_list(r->st, o->id, 0, &v, &n, e)) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].year == year && v[i].version == ver &&
		    v[i].status != RS_DRAFT && !rep->id) {
			*rep = v[i];
			memset(&v[i], 0, sizeof v[i]);
		}
	}
	report_list_free(v, n);
	return rep->id ? 0 : err_set(e, ERR_NOTFOUND, "没有这一版本");
}

int portal_report_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct report rep = {0};
	struct report_frozen p = {0};
	tvars *t = tvars_new();
	Buf body = BUF_INIT, base = BUF_INIT, query = BUF_INIT;
	int rc = -1;
	if (find(r, &o, &rep, e) ||
	    report_frozen_load(r, rep.format, rep.frozen, rep.version,
			    rep.override_note, &p, e)) {
		goto done;
	}
	report_body(&p.f, o.name, rep.year, &p.d.cells, p.texts, &body);
	tv_set(t, "title", p.d.title ? p.d.title : "");
	tv_set(t, "organ_name", o.name);
	layout_set_url(t, "organ_href", "/organ/%s/", o.slug);
	layout_set_url(t, "list_href", "/organ/%s/reports", o.slug);
	tv_set(t, "published", rep.published_at ? rep.published_at : "");
	tv_set_int(t, "version", rep.version);
	tv_set_bool(t, "corrected", rep.version > 1);
	tv_set_bool(t, "superseded", rep.status == RS_SUPERSEDED);
	layout_set_url(t, "current_href", "/organ/%s/report/%d", o.slug,
		       rep.year);
	tv_set(t, "format_name", p.f.name);
	tv_set(t, "override_note", rep.override_note);
	tv_set_html(t, "body", html_frag_of(&body));
	if (rep.item_index_no) {
		tv_set(t, "index_no", rep.item_index_no);
	}
	layout_set_url(t, "json_href", "/organ/%s/report/%d/report.json?v=%d",
		       o.slug, rep.year, rep.version);
	url_printf(&base, "/organ/%s/report/%d/report.", o.slug, rep.year);
	buf_printf(&query, "?v=%d", rep.version);
	report_downloads(t, buf_str(&base), buf_str(&query));
	/* the cross-checks as published */
	tv_set_int(t, "n_checks", (long long)p.nres);
	tv_set_int(t, "n_failed", (long long)p.bad);
	tv_set_list_empty(t, "failed");
	for (size_t i = 0; i < p.nres; i++) {
		if (!p.res[i].ok) {
			tvars *row = tv_add_row(t, "failed");
			tv_set(row, "rule", p.res[i].rule);
			tv_set(row, "detail", p.res[i].detail);
		}
	}
	rc = layout_page(r, "report", p.d.title ? p.d.title : "年度报告", t,
			 e);
done:
	buf_free(&body);
	buf_free(&base);
	buf_free(&query);
	tvars_free(t);
	report_frozen_free(&p);
	report_clear(&rep);
	organ_clear(&o);
	return rc;
}

/* GET /organ/{slug}/report/{year}/report.{ext}: the published report (or
 * version ?v=N) as an office file, drawn from its frozen copy. */
int portal_report_file_page(struct req *r, struct err *e)
{
	const struct report_writer *w = report_writer_of(r, e);
	struct organ o;
	if (!w || route_organ(r, &o, e)) {
		return -1;
	}
	struct report rep = {0};
	struct report_frozen p = {0};
	Buf name = BUF_INIT;
	int rc = -1;
	if (find(r, &o, &rep, e) ||
	    report_frozen_load(r, rep.format, rep.frozen, rep.version,
			    rep.override_note, &p, e)) {
		goto done;
	}
	report_file_name(p.title, rep.version, NULL, w->ext, &name);
	rc = report_send(r, w, &p.out, buf_str(&name), 1, e);
done:
	buf_free(&name);
	report_frozen_free(&p);
	report_clear(&rep);
	organ_clear(&o);
	return rc;
}

int portal_report_json_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct report rep = {0};
	int rc = find(r, &o, &rep, e);
	if (rc == 0) {
		buf_puts(&r->out, rep.frozen);
		r->status = 200;
		r->ctype = "application/json; charset=utf-8";
	}
	report_clear(&rep);
	organ_clear(&o);
	return rc;
}
