/*
 * report.c - shared by the report pages of the back office and the
 * portal (see report.h), the office files among it: a published report's
 * files are drawn from its frozen copy, so the downloads and the catalog
 * item's attachments show the figures as published.
 */
#include "web/report.h"

#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "domain/narrative.h"
#include "render/html.h"
#include "render/report_doc.h"
#include "render/report_html.h"
#include "store/item.h"
#include "store/metric.h"
#include "store/organ.h"
#include "store/report.h"
#include "web/layout.h"
#include "web/static.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *report_default_format(int year)
{
	return year >= 2021 ? "cn-2021" : year >= 2019 ? "cn-2019"
						      : "fj-county-2018";
}

void report_format_options(tvars *v, const char *sel)
{
	Buf known = BUF_INIT;
	report_formats_known(&known);
	char *p = known.p ? known.p : "";
	while (*p) {
		char *comma = strstr(p, ", ");
		if (comma) {
			*comma = 0;
		}
		layout_option(v, "formats", p, p, str_eq(p, sel));
		if (!comma) {
			break;
		}
		p = comma + 2;
	}
	buf_free(&known);
}

int report_load_format(struct req *r, const char *id, struct format *f,
		       struct err *e)
{
	const char *dir = r->app->conf.data_dir;
	int rc = report_format_load(str_empty(dir) ? NULL : dir, id, f, e);
	if (rc && e->code == ERR_NOTFOUND) {
		/* a bad ?format= is the visitor's mistake */
		e->http_status = 404;
	}
	return rc;
}

int report_compute(struct req *r, const struct organ *o,
		   const struct format *f, int year, struct mvals *m,
		   struct cellset *cells, struct err *e)
{
	return metric_report_cells(r->st, o->id, 0, f, year, m, cells, e);
}

json_t *report_fill_sections(const char *sections, const struct mvals *m,
			     const struct cellset *cells, const char *organ,
			     int year, struct err *e)
{
	json_t *in = json_loads(sections ? sections : "{}", 0, NULL);
	json_t *out = json_object();
	const char *k;
	json_t *v;
	json_object_foreach(in, k, v) {
		Buf b = BUF_INIT;
		const char *t = json_string_value(v);
		if (t && narrative_fill(t, m, cells, organ, year, &b, e)) {
			buf_free(&b);
			json_decref(in);
			json_decref(out);
			return NULL;
		}
		json_object_set_new(out, k, json_string(buf_str(&b)));
		buf_free(&b);
	}
	json_decref(in);
	return out;
}

const char *report_json_text(const char *id, void *arg)
{
	return json_string_value(json_object_get(arg, id));
}

void report_body(const struct format *f, const char *organ, int year,
		 const struct cellset *cells, json_t *texts, Buf *out)
{
	report_html_body(f, organ, year, cells, texts ? report_json_text : NULL,
			 texts, out);
}

int64_t report_due(const struct organ *o, int year)
{
	int64_t d = 0;
	char s[32];
	snprintf(s, sizeof s, "%04d-%s", year + 1,
		 o->parent_id ? "01-31" : "03-31");
	date_parse(s, &d);
	return d;
}

/* The local day of a UTC timestamp "YYYY-MM-DDTHH:MM:SSZ", 0 when it
 * does not parse. */
static int64_t local_day(const char *ts)
{
	int64_t d = 0;
	char day[11];
	int h = 0, mi = 0, sec = 0;
	if (!ts || strlen(ts) < 19 ||
	    sscanf(ts + 11, "%2d:%2d:%2d", &h, &mi, &sec) != 3) {
		return 0;
	}
	memcpy(day, ts, 10);
	day[10] = 0;
	if (date_parse(day, &d)) {
		return 0;
	}
	time_t t = (time_t)(d * 86400 + h * 3600 + mi * 60 + sec);
	struct tm tm;
	localtime_r(&t, &tm);
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int report_publication(struct req *r, const struct organ *o, int year,
		       struct report_pub *p, struct err *e)
{
	struct report *v = NULL;
	size_t n = 0;
	memset(p, 0, sizeof *p);
	if (report_list(r->st, o->id, 0, &v, &n, e)) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].year != year || v[i].status == RS_DRAFT) {
			continue;
		}
		int64_t d = local_day(v[i].published_at);
		if (d > 0 && (p->day == 0 || d < p->day)) {
			p->day = d;
		}
		p->in_gongkai = 1;
	}
	report_list_free(v, n);
	char since[32], until[32];
	snprintf(since, sizeof since, "%04d-01-01", year + 1);
	snprintf(until, sizeof until, "%04d-12-31", year + 1);
	struct item_filter f = item_filter_all(o->id);
	struct item *it = NULL;
	int64_t total = 0;
	f.public_only = 1;
	f.kind = KIND_ANNUAL_REPORT;
	f.since = since;
	f.until = until;
	if (item_list(r->st, &f, &it, &n, &total, e)) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t d = 0;
		if (date_parse(it[i].published_date, &d) == 0 && d > 0 &&
		    (p->day == 0 || d <= p->day)) {
			p->day = d;
			free(p->item_index_no);
			p->item_index_no = it[i].index_no
						   ? xstrdup(it[i].index_no)
						   : NULL;
		}
	}
	item_list_free(it, n);
	return p->day > 0 || p->in_gongkai;
}

void report_pub_clear(struct report_pub *p)
{
	free(p->item_index_no);
	p->item_index_no = NULL;
}

int report_done(struct req *r, const struct organ *o, int year,
		struct err *e)
{
	struct report_pub p;
	int got = report_publication(r, o, year, &p, e);
	report_pub_clear(&p);
	return got;
}

/*---- Office files ----*/

int report_frozen_load(struct req *r, const char *format_id,
		       const char *frozen, int version,
		       const char *override_note, struct report_frozen *p,
		       struct err *e)
{
	memset(p, 0, sizeof *p);
	p->texts = json_object();
	if (report_doc_parse(frozen, strlen(frozen), &p->d, e) ||
	    report_load_format(r, format_id, &p->f, e)) {
		e->code = ERR_INTERNAL; /* a frozen copy is ours */
		e->http_status = 0;
		return -1;
	}
	for (size_t i = 0; i < p->d.nsections; i++) {
		json_object_set_new(p->texts, p->d.section_ids[i],
				    json_string(p->d.section_texts[i]));
	}
	p->bad = crosscheck_run(&p->f, &p->d.cells, &p->res, &p->nres);
	const char *organ = p->d.organ ? p->d.organ : "";
	Buf t = BUF_INIT;
	report_fill(p->f.title, organ, p->d.year, &t);
	p->title = buf_detach(&t);
	if (version > 1) {
		buf_printf(&p->note, "更正版（第%d版）", version);
	}
	if (!str_empty(override_note)) {
		buf_printf(&p->note,
			   "%s本报告发布时有 %zu 项勾稽关系未通过，发布说明：%s",
			   p->note.n ? "\n" : "", p->bad, override_note);
	}
	p->out = (struct report_out){
		.f = &p->f,
		.organ = organ,
		.year = p->d.year,
		.cells = &p->d.cells,
		.res = p->res,
		.nres = p->nres,
		.text = report_json_text,
		.arg = p->texts,
		.note = p->note.n ? buf_str(&p->note) : NULL,
	};
	return 0;
}

void report_frozen_free(struct report_frozen *p)
{
	json_decref(p->texts);
	free(p->res);
	free(p->title);
	buf_free(&p->note);
	format_free(&p->f);
	report_doc_free(&p->d);
	memset(p, 0, sizeof *p);
}

void report_file_name(const char *title, int version, const char *what,
		      const char *ext, Buf *out)
{
	buf_puts(out, title);
	if (version > 1) {
		buf_printf(out, "（第%d版）", version);
	}
	buf_printf(out, "%s.%s", what ? what : "", ext);
}

int report_send(struct req *r, const struct report_writer *w,
		const struct report_out *o, const char *name, int public_cache,
		struct err *e)
{
	Buf data = BUF_INIT;
	char sha[CRYPTO_HEX32];
	if (w->fn(o, &data, e)) {
		buf_free(&data);
		return -1;
	}
	crypto_sha256_hex(data.p, data.n, sha);
	struct attachment a = {0};
	a.name = (char *)name;
	a.ctype = (char *)w->ctype;
	a.sha256 = sha;
	a.size = (int64_t)data.n;
	static_attachment(r, &a, &data, public_cache);
	buf_free(&data);
	return 0;
}

const struct report_writer *report_writer_of(struct req *r, struct err *e)
{
	const struct report_writer *w = report_writer_find(r->cap[2]);
	if (!w) {
		err_set(e, ERR_NOTFOUND, "没有这种格式的报告文件。");
	}
	return w;
}

void report_downloads(tvars *v, const char *base, const char *query)
{
	tv_set_list_empty(v, "downloads");
	for (const struct report_writer *w = report_writers; w->ext; w++) {
		tvars *row = tv_add_row(v, "downloads");
		Buf h = BUF_INIT;
		buf_printf(&h, "%s%s%s", base, w->ext, query);
		tv_set(row, "href", buf_str(&h));
		tv_set(row, "label", w->label);
		tv_set(row, "ext", w->ext);
		tv_set(row, "ctype", w->ctype);
		buf_free(&h);
	}
}
