/*
 * portal_search.c - full-text search over every organ's published items:
 * the page GET /search and the API GET /api/v1/search (DESIGN.md §6).
 * Both read the same parameters (q, organ, category, kind, year, validity,
 * sort, page, per_page), parse q with search/query.c and run it with
 * store/search.c; a bad value is a 400 (the page shows the message beside
 * the form, the API answers {"error": "..."}). Titles and snippets are
 * escaped text with the matches in <mark>.
 */
#include "base/date.h"
#include "base/str.h"
#include "base/utf8.h"
#include "render/html.h"
#include "render/sanitize.h"
#include "store/search.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_ROWS 20
#define API_MAX_ROWS 100
#define SNIPPET_CHARS 120 /* code points of body text around a match */

struct sparams {
	const char *q;
	struct organ organ; /* organ.id 0: every organ */
	struct category cat;
	int kind, validity; /* -1: any */
	int year;
	int by_date;
	int64_t page, per_page;
};

static void sparams_free(struct sparams *p)
{
	organ_clear(&p->organ);
	free(p->cat.name);
}

/* Reads and checks the parameters (all declared as text, so every
 * problem is reported here in the page's or the API's own form). */
static int sparams_read(struct req *r, int per_page_max, struct sparams *p,
			struct err *e)
{
	memset(p, 0, sizeof *p);
	p->kind = p->validity = -1;
	p->page = 1;
	p->per_page = PAGE_ROWS;
	p->q = req_param_s(r, "q");
	const char *organ = req_param_s(r, "organ");
	const char *sort = req_param_s(r, "sort");
	const char *page = req_param_s(r, "page");
	const char *per = req_param_s(r, "per_page");
	if (*organ) {
		int got = organ_by_slug(r->st, organ, &p->organ, e);
		if (got < 0) {
			return -1;
		}
		if (got == 0) {
			return err_set(e, ERR_INPUT, "没有机关“%s”。", organ);
		}
	}
	if (*req_param_s(r, "category")) {
		if (!p->organ.id) {
			return err_set(e, ERR_INPUT,
				       "按主题分类筛选时请同时选择发布机关。");
		}
		if (portal_category_param(r, p->organ.id, &p->cat, e) < 0) {
			return -1;
		}
	}
	if (portal_list_filters(r, &p->year, &p->kind, &p->validity, e)) {
		return -1;
	}
	if (*sort && !str_eq(sort, "relevance") && !str_eq(sort, "date")) {
		return err_set(e, ERR_INPUT,
			       "排序方式只能是 relevance(相关度)或 date(日期)。");
	}
	p->by_date = str_eq(sort, "date");
	if (*page) {
		if (str_to_i64(page, 1, SEARCH_CAP, &p->page)) {
			return err_set(e, ERR_INPUT,
				       "页码应是 1 到 %d 之间的数。", SEARCH_CAP);
		}
	}
	if (*per) {
		if (str_to_i64(per, 1, per_page_max, &p->per_page)) {
			return err_set(e, ERR_INPUT,
				       "每页条数应是 1 到 %d 之间的数。",
				       per_page_max);
		}
	}
	return 0;
}

static int filtered(const struct sparams *p)
{
	return p->organ.id || p->cat.id || p->kind >= 0 || p->validity >= 0 ||
	       p->year;
}

/* Parses q with the filters of p. */
static int parse(const struct sparams *p, struct search_query *q,
		 struct err *e)
{
	struct search_filter f = {
		.organ_id = p->organ.id,
		.category_id = p->cat.id,
		.kind = p->kind >= 0 ? item_kind_code(p->kind) : NULL,
		.validity = p->validity >= 0 ? item_validity_code(p->validity)
					     : NULL,
		.year = p->year,
	};
	return search_query_parse(p->q, strlen(p->q), &f, q, e);
}

/* Runs the query and loads the page's items (*items, *n: the caller's,
 * item_list_free). */
static int fetch(struct req *r, const struct sparams *p,
		 const struct search_query *q, struct search_result *res,
		 struct item **items, size_t *n, struct err *e)
{
	*items = NULL;
	*n = 0;
	if (search_run(r->st, q, p->by_date, p->per_page,
		       (p->page - 1) * p->per_page, res, e)) {
		return -1;
	}
	*items = xcalloc(res->n ? res->n : 1, sizeof **items);
	for (size_t i = 0; i < res->n; i++) {
		int got = item_get(r->st, 0, res->ids[i], &(*items)[*n], e);
		if (got < 0) {
			return -1;
		}
		*n += got == 1; /* the index only holds published items */
	}
	return 0;
}

/* Appends text[a, b) escaped, with the marks that fall in it. */
static void marked(Buf *out, const char *text, size_t a, size_t b,
		   const struct search_mark *m, size_t nm)
{
	size_t at = a;
	for (size_t i = 0; i < nm && at < b; i++) {
		size_t s = (size_t)m[i].start, t = (size_t)m[i].end;
		if (t <= at || s >= b) {
			continue;
		}
		if (s < at) {
			s = at;
		}
		if (t > b) {
			t = b;
		}
		char *pre = xstrndup(text + at, s - at);
		char *hit = xstrndup(text + s, t - s);
		html_printf(out, "%s<mark>%s</mark>", pre, hit);
		free(pre);
		free(hit);
		at = t;
	}
	char *rest = xstrndup(text + at, b - at);
	html_escape(out, rest);
	free(rest);
}

/* Byte offset of the code point `k` code points before (k < 0) or after
 * position at of valid UTF-8 s (n bytes), clamped to [0, n]. */
static size_t step(const char *s, size_t n, size_t at, long k)
{
	while (k < 0 && at > 0) {
		at--;
		while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80) {
			at--;
		}
		k++;
	}
	while (k > 0 && at < n) {
		at++;
		while (at < n && ((unsigned char)s[at] & 0xC0) == 0x80) {
			at++;
		}
		k--;
	}
	return at;
}

/* Appends s escaped with its matches marked. */
static void marked_all(Buf *out, const struct search_query *q, const char *s)
{
	struct search_mark *m = NULL;
	size_t nm = 0, n = strlen(s);
	search_marks(q, s, n, &m, &nm);
	marked(out, s, 0, n, m, nm);
	free(m);
}

/* The title and document number marked, and a snippet of the summary and
 * body around their first match (or their start). */
static void highlight(const struct search_query *q, const struct item *it,
		      Buf *title, Buf *doc_no, Buf *snippet)
{
	struct search_mark *m = NULL;
	size_t nm = 0;
	marked_all(title, q, it->title);
	marked_all(doc_no, q, it->doc_no ? it->doc_no : "");

	Buf text = BUF_INIT;
	if (!str_empty(it->summary)) {
		buf_puts(&text, it->summary);
		buf_putc(&text, ' ');
	}
	sanitize_text(it->body ? it->body : "",
		      it->body ? strlen(it->body) : 0, &text);
	const char *s = buf_str(&text);
	search_marks(q, s, text.n, &m, &nm);
	size_t a = 0;
	if (nm > 0) {
		a = step(s, text.n, (size_t)m[0].start, -SNIPPET_CHARS / 4);
	}
	size_t b = step(s, text.n, a, SNIPPET_CHARS);
	if (a > 0) {
		html_lit(snippet, "…");
	}
	marked(snippet, s, a, b, m, nm);
	if (b < text.n) {
		html_lit(snippet, "…");
	}
	free(m);
	buf_free(&text);
}

/* The search address for p at page `page` (0: p's page); with_filters
 * off drops organ, category, kind, year and validity. */
static void search_href(Buf *out, const struct sparams *p, int64_t page,
			int with_filters)
{
	url_printf(out, "/search?q=%s", p->q);
	if (with_filters) {
		if (p->organ.id) {
			url_printf(out, "&organ=%s", p->organ.slug);
		}
		if (p->cat.id) {
			buf_printf(out, "&category=%lld", (long long)p->cat.id);
		}
		if (p->kind >= 0) {
			buf_printf(out, "&kind=%s", item_kind_code(p->kind));
		}
		if (p->year) {
			buf_printf(out, "&year=%d", p->year);
		}
		if (p->validity >= 0) {
			buf_printf(out, "&validity=%s",
				   item_validity_code(p->validity));
		}
	}
	if (p->by_date) {
		buf_puts(out, "&sort=date");
	}
	if (page > 1) {
		buf_printf(out, "&page=%lld", (long long)page);
	}
}

static void set_href(tvars *v, const char *name, const struct sparams *p,
		     int64_t page, int with_filters)
{
	Buf b = BUF_INIT;
	search_href(&b, p, page, with_filters);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

static int form_options(struct req *r, const struct sparams *p, tvars *v,
			struct err *e)
{
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		layout_option(v, "organs", all[i].slug, all[i].name,
			      all[i].id == p->organ.id);
	}
	organ_list_free(all, n);
	char val[16], label[32];
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	for (int k = y; k >= y - 20; k--) {
		snprintf(val, sizeof val, "%d", k);
		snprintf(label, sizeof label, "%d 年", k);
		layout_option(v, "years", val, label, k == p->year);
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		layout_option(v, "kinds", item_kind_code(k), item_kind_label(k),
			      k == p->kind);
	}
	for (int k = 0; k < VAL_COUNT; k++) {
		layout_option(v, "validities", item_validity_code(k),
			      item_validity_label(k), k == p->validity);
	}
	layout_option(v, "sorts", "relevance", "相关度", !p->by_date);
	layout_option(v, "sorts", "date", "发布日期(新的在前)", p->by_date);
	if (p->cat.id) {
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)p->cat.id);
		tv_set(v, "category", id);
		tv_set(v, "category_name", p->cat.name);
	}
	return 0;
}

static void page_href(Buf *out, const void *ctx, int64_t page)
{
	search_href(out, ctx, page, 1);
}

int portal_search_page(struct req *r, struct err *e)
{
	struct sparams p;
	struct search_query q = {0};
	struct search_result res = {0};
	struct item *items = NULL;
	size_t n = 0;
	tvars *v = tvars_new();
	int rc = -1, status = 200;
	struct err pe = {0};
	if (sparams_read(r, PAGE_ROWS, &p, &pe) == 0 && *p.q &&
	    parse(&p, &q, &pe) == 0) {
		if (fetch(r, &p, &q, &res, &items, &n, e)) {
			goto done;
		}
		tv_set_bool(v, "searched", 1);
	} else if (pe.code) {
		if (pe.code != ERR_INPUT) {
			*e = pe;
			goto done;
		}
		status = 400;
		tv_set(v, "error", pe.msg);
	}
	tv_set(v, "q", p.q);
	if (form_options(r, &p, v, e)) {
		goto done;
	}
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "rows");
		portal_item_vars(row, &items[i]);
		tv_set(row, "organ_name", items[i].organ_name);
		Buf t = BUF_INIT, d = BUF_INIT, s = BUF_INIT;
		highlight(&q, &items[i], &t, &d, &s);
		tv_set_html(row, "title_html", html_frag_of(&t));
		tv_set_html(row, "doc_no_html", html_frag_of(&d));
		tv_set_html(row, "snippet_html", html_frag_of(&s));
		buf_free(&t);
		buf_free(&d);
		buf_free(&s);
	}
	tv_set_bool(v, "has_rows", n > 0);
	int64_t pages = res.total ? (res.total + p.per_page - 1) / p.per_page
				  : 1;
	tv_set_int(v, "total", res.total);
	tv_set_bool(v, "capped", res.capped);
	tv_set_int(v, "page", p.page);
	tv_set_int(v, "pages", pages);
	tv_set_int(v, "first", (p.page - 1) * p.per_page + 1);
	tv_set_bool(v, "past_end", res.total > 0 && p.page > pages);
	tv_set_bool(v, "filtered", filtered(&p));
	set_href(v, "first_href", &p, 1, 1);
	set_href(v, "unfiltered_href", &p, 1, 0);
	tv_set_bool(v, "has_pager", pages > 1 || p.page > 1);
	if (n > 0 || p.page > 1) {
		portal_pager(v, p.page, pages, page_href, &p);
	}
	char title[400];
	if (*p.q) {
		snprintf(title, sizeof title, "搜索:%s", p.q);
		if (p.page > 1) {
			size_t k = strlen(title);
			snprintf(title + k, sizeof title - k, "(第 %lld 页)",
				 (long long)p.page);
		}
	} else {
		snprintf(title, sizeof title, "站内搜索");
	}
	r->status = status;
	rc = layout_page(r, "search", title, v, e);
done:
	item_list_free(items, n);
	search_result_free(&res);
	search_query_free(&q);
	sparams_free(&p);
	tvars_free(v);
	return rc;
}

/*---- GET /api/v1/search ----*/

static void api_error(struct req *r, const char *msg)
{
	json_t *o = json_pack("{s:s}", "error", msg);
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	resp_json(r, 400, text ? text : "{}");
	free(text);
}

int api_search_page(struct req *r, struct err *e)
{
	struct sparams p;
	struct search_query q = {0};
	struct search_result res = {0};
	struct item *items = NULL;
	size_t n = 0;
	int rc = -1;
	struct err pe = {0};
	if (sparams_read(r, API_MAX_ROWS, &p, &pe) || parse(&p, &q, &pe)) {
		if (pe.code != ERR_INPUT) {
			*e = pe;
			goto done;
		}
		api_error(r, pe.msg);
		rc = 0;
		goto done;
	}
	if (fetch(r, &p, &q, &res, &items, &n, e)) {
		goto done;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		Buf url = BUF_INIT, t = BUF_INIT, d = BUF_INIT, s = BUF_INIT;
		url_item_path(&url, it->organ_slug, it->index_no);
		highlight(&q, it, &t, &d, &s);
		json_array_append_new(
			list,
			json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, "
				  "s:s}",
				  "index_no", it->index_no, "title", it->title,
				  "title_html", buf_str(&t), "doc_no",
				  it->doc_no ? it->doc_no : "", "doc_no_html",
				  buf_str(&d), "organ",
				  it->organ_name, "organ_slug", it->organ_slug,
				  "published_date",
				  it->published_date ? it->published_date : "",
				  "url", buf_str(&url), "snippet",
				  buf_str(&s)));
		buf_free(&url);
		buf_free(&t);
		buf_free(&d);
		buf_free(&s);
	}
	json_t *o = json_pack("{s:I, s:b, s:I, s:I, s:o}", "total",
			      (json_int_t)res.total, "total_capped",
			      res.capped, "page", (json_int_t)p.page,
			      "per_page", (json_int_t)p.per_page, "results",
			      list);
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	resp_json(r, 200, text ? text : "{}");
	free(text);
	rc = 0;
done:
	item_list_free(items, n);
	search_result_free(&res);
	search_query_free(&q);
	sparams_free(&p);
	return rc;
}
