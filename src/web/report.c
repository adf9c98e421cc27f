/*
 * report.c - shared by the report pages of the back office and the
 * portal (see report.h).
 */
#include "web/report.h"

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

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

const char *report_default_format(int year)
{
	return year >= 2021 ? "cn-2021" : year <= 2019 ? "fj-county-2018"
						      : "cn-2021";
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
