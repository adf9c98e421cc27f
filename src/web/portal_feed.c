/*
 * portal_feed.c - an organ's published items in forms other programs and
 * other places use: RSS 2.0 and Atom 1.0 feeds of the latest 20 (both
 * with an optional ?category=ID), the LED screen's texts (led.txt one
 * title a line, led.json), the printable A4 sheet for the bulletin board
 * (公开栏) of one week, and the open-data catalog of every published item
 * (catalog.json, catalog.csv: DESIGN.md §6). Only published items appear,
 * abolished ones included; drafts and withdrawn items never do. Feeds
 * carry absolute links, built from the Host header (portal_base_url).
 * Published dates have no time of day: feeds give them as midnight China
 * Standard Time (+08:00).
 */
#include "base/date.h"
#include "base/csv.h"
#include "base/str.h"
#include "render/html.h"
#include "render/xml.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define FEED_ITEMS 20
#define LED_DEFAULT 10

/*---- Shared ----*/

/* Published items of the organ matching f (filled in by the caller, on
 * top of portal_filter). Free with item_list_free. */
static int published(struct req *r, struct item_filter *f,
		     struct item **items, size_t *n, struct err *e)
{
	return item_list(r->st, f, items, n, NULL, e);
}

/* Marks a generated document as cacheable but always revalidated. */
static void revalidate(struct req *r)
{
	r->no_store = 0;
	resp_header(r, "Cache-Control", "no-cache");
}

/* <tag>text</tag> with text escaped; tag is a literal of this file. */
static void xml_elem(Buf *out, const char *tag, const char *text)
{
	buf_printf(out, "<%s>", tag);
	xml_escape(out, text);
	buf_printf(out, "</%s>\n", tag);
}

/*---- RSS 2.0 and Atom 1.0 ----*/

enum feed_kind { FEED_RSS, FEED_ATOM };

/* A date "YYYY-MM-DD" as midnight +08:00, RFC 822 (RSS) or RFC 3339
 * (Atom); "" for a malformed date. */
static void feed_date(char *out, size_t n, const char *date,
		      enum feed_kind k)
{
	static const char *const days[] = {"Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat", "Sun"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec"};
	int64_t d;
	int y, m, dd;
	out[0] = 0;
	if (!date || date_parse(date, &d)) {
		return;
	}
	date_civil(d, &y, &m, &dd);
	if (k == FEED_RSS) {
		snprintf(out, n, "%s, %02d %s %04d 00:00:00 +0800",
			 days[date_weekday(d) - 1], dd, months[m - 1], y);
	} else {
		snprintf(out, n, "%04d-%02d-%02dT00:00:00+08:00", y, m, dd);
	}
}

static void feed_entry(Buf *out, enum feed_kind k, const char *base,
		       const struct item *it)
{
	Buf url = BUF_INIT;
	char date[48];
	buf_puts(&url, base);
	url_item_path(&url, it->organ_slug, it->index_no);
	feed_date(date, sizeof date, it->published_date, k);
	if (k == FEED_RSS) {
		buf_puts(out, "<item>\n");
		xml_elem(out, "title", it->title);
		xml_elem(out, "link", buf_str(&url));
		buf_puts(out, "<guid isPermaLink=\"true\">");
		xml_escape(out, buf_str(&url));
		buf_puts(out, "</guid>\n");
		xml_elem(out, "pubDate", date);
		xml_elem(out, "category", it->category_name);
		xml_elem(out, "description", it->body);
		buf_puts(out, "</item>\n");
	} else {
		buf_puts(out, "<entry>\n");
		xml_elem(out, "title", it->title);
		xml_elem(out, "id", buf_str(&url));
		buf_puts(out, "<link rel=\"alternate\" type=\"text/html\" "
			      "href=\"");
		xml_escape(out, buf_str(&url));
		buf_puts(out, "\"/>\n");
		xml_elem(out, "published", date);
		xml_elem(out, "updated", date);
		buf_puts(out, "<category term=\"");
		xml_escape(out, it->category_name);
		buf_puts(out, "\"/>\n");
		if (!str_empty(it->summary)) {
			xml_elem(out, "summary", it->summary);
		}
		buf_puts(out, "<content type=\"html\">");
		xml_escape(out, it->body);
		buf_puts(out, "</content>\n</entry>\n");
	}
	buf_free(&url);
}

static int feed(struct req *r, enum feed_kind k, struct err *e)
{
	struct organ o;
	struct category c = {0};
	struct item *items = NULL;
	size_t n = 0;
	Buf base = BUF_INIT, self = BUF_INIT, home = BUF_INIT;
	Buf title = BUF_INIT, *out = &r->out;
	int rc = -1;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (portal_category_param(r, o.id, &c, e) < 0) {
		goto done;
	}
	struct item_filter f = portal_filter(o.id);
	f.category_id = c.id;
	f.limit = FEED_ITEMS;
	f.with_body = 1;
	if (published(r, &f, &items, &n, e)) {
		goto done;
	}
	portal_base_url(r, &base);
	buf_puts(&self, buf_str(&base));
	url_printf(&self, "/organ/%s/feed.%s", o.slug,
		   k == FEED_RSS ? "rss" : "atom");
	buf_puts(&home, buf_str(&base));
	if (c.id) {
		buf_printf(&self, "?category=%lld", (long long)c.id);
		url_printf(&home, "/organ/%s/xxgk/list?category=%lld", o.slug,
			   (long long)c.id);
		buf_printf(&title, "%s政府信息公开 - %s", o.name, c.name);
	} else {
		url_printf(&home, "/organ/%s/xxgk/", o.slug);
		buf_printf(&title, "%s政府信息公开", o.name);
	}
	/* The feed changes when its newest item does. */
	char updated[48];
	if (n) {
		feed_date(updated, sizeof updated, items[0].published_date, k);
	} else {
		char today[11];
		date_format(date_today(), today);
		feed_date(updated, sizeof updated, today, k);
	}
	buf_reset(out);
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (k == FEED_RSS) {
		buf_puts(out, "<rss version=\"2.0\" "
			      "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
			      "<channel>\n");
		xml_elem(out, "title", buf_str(&title));
		xml_elem(out, "link", buf_str(&home));
		buf_puts(out, "<description>");
		xml_escape(out, o.name);
		buf_puts(out, "主动公开的政府信息,最新 20 条。</description>\n");
		xml_elem(out, "language", "zh-cn");
		xml_elem(out, "lastBuildDate", updated);
		buf_puts(out, "<atom:link rel=\"self\" "
			      "type=\"application/rss+xml\" href=\"");
		xml_escape(out, buf_str(&self));
		buf_puts(out, "\"/>\n");
	} else {
		buf_puts(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
			      "xml:lang=\"zh-CN\">\n");
		xml_elem(out, "title", buf_str(&title));
		xml_elem(out, "id", buf_str(&self));
		buf_puts(out, "<link rel=\"self\" "
			      "type=\"application/atom+xml\" href=\"");
		xml_escape(out, buf_str(&self));
		buf_puts(out, "\"/>\n<link rel=\"alternate\" "
			      "type=\"text/html\" href=\"");
		xml_escape(out, buf_str(&home));
		buf_puts(out, "\"/>\n");
		xml_elem(out, "updated", updated);
		buf_puts(out, "<author>");
		xml_elem(out, "name", o.name);
		buf_puts(out, "</author>\n");
	}
	for (size_t i = 0; i < n; i++) {
		feed_entry(out, k, buf_str(&base), &items[i]);
	}
	buf_puts(out, k == FEED_RSS ? "</channel>\n</rss>\n" : "</feed>\n");
	r->status = 200;
	r->ctype = k == FEED_RSS ? "application/rss+xml; charset=utf-8"
				 : "application/atom+xml; charset=utf-8";
	revalidate(r);
	rc = 0;
done:
	buf_free(&base);
	buf_free(&self);
	buf_free(&home);
	buf_free(&title);
	item_list_free(items, n);
	free(c.name);
	organ_clear(&o);
	return rc;
}

int portal_feed_rss_page(struct req *r, struct err *e)
{
	return feed(r, FEED_RSS, e);
}

int portal_feed_atom_page(struct req *r, struct err *e)
{
	return feed(r, FEED_ATOM, e);
}

/*---- Text documents of the latest items ----*/

/* Fills the response from an organ and its items (newest first). */
typedef void (*emit_fn)(struct req *r, const struct organ *o,
			const struct item *items, size_t n);

/* Loads the route's organ and its latest `limit` (0: all) published
 * items, and lets emit build the response from them. */
static int with_items(struct req *r, int64_t limit, emit_fn emit,
		      struct err *e)
{
	struct organ o;
	struct item *items = NULL;
	size_t n = 0;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	struct item_filter f = portal_filter(o.id);
	f.limit = limit;
	if (published(r, &f, &items, &n, e)) {
		organ_clear(&o);
		return -1;
	}
	emit(r, &o, items, n);
	revalidate(r);
	item_list_free(items, n);
	organ_clear(&o);
	return 0;
}

/* ?n= of the LED texts: 1..50 (checked by the route), default 10. */
static int64_t led_count(const struct req *r)
{
	int64_t n = LED_DEFAULT;
	const char *s = req_param(r, "n");
	if (s) {
		str_to_i64(s, 1, 50, &n);
	}
	return n;
}

/* led.txt: one title a line; line breaks and tabs become spaces. */
static void led_txt(struct req *r, const struct organ *o,
		    const struct item *items, size_t n)
{
	(void)o;
	buf_reset(&r->out);
	for (size_t i = 0; i < n; i++) {
		for (const char *p = items[i].title; *p; p++) {
			buf_putc(&r->out, strchr("\r\n\t", *p) ? ' ' : *p);
		}
		buf_putc(&r->out, '\n');
	}
	r->status = 200;
	r->ctype = "text/plain; charset=utf-8";
}

int portal_led_txt_page(struct req *r, struct err *e)
{
	return with_items(r, led_count(r), led_txt, e);
}

/* Sends {"organ": NAME, "items": arr} (arr is consumed). */
static void organ_json(struct req *r, const struct organ *o, json_t *arr,
		       size_t flags)
{
	json_t *doc = json_pack("{s:s, s:o}", "organ", o->name, "items", arr);
	char *text = json_dumps(doc, flags | JSON_PRESERVE_ORDER);
	json_decref(doc);
	resp_json(r, 200, text ? text : "{}");
	free(text);
}

static void led_json(struct req *r, const struct organ *o,
		     const struct item *items, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(
			arr, json_pack("{s:s, s:s, s:s}", "title",
				       items[i].title, "published_date",
				       items[i].published_date, "index_no",
				       items[i].index_no));
	}
	organ_json(r, o, arr, JSON_COMPACT);
}

int portal_led_json_page(struct req *r, struct err *e)
{
	return with_items(r, led_count(r), led_json, e);
}

/*---- The bulletin board sheet ----*/

/* "2018年5月14日" */
static void cn_date(char *out, size_t n, int64_t d)
{
	int y, m, dd;
	date_civil(d, &y, &m, &dd);
	snprintf(out, n, "%d年%d月%d日", y, m, dd);
}

static void week_href(tvars *v, const char *name, const char *slug,
		      int64_t monday)
{
	char d[11];
	Buf b = BUF_INIT;
	date_format(monday, d);
	url_printf(&b, "/organ/%s/bulletin?week=%s", slug, d);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

int portal_bulletin_page(struct req *r, struct err *e)
{
	struct organ o;
	struct item *items = NULL;
	size_t n = 0;
	tvars *v = NULL;
	int rc = -1;
	const char *week = req_param_s(r, "week");
	int64_t day = date_today();
	if (*week && date_parse(week, &day)) {
		return err_set(e, ERR_INPUT,
			       "week 须为 YYYY-MM-DD 格式的有效日期。");
	}
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int64_t monday = day - (date_weekday(day) - 1), sunday = monday + 6;
	char since[11], until[11];
	date_format(monday, since);
	date_format(sunday, until);
	struct item_filter f = portal_filter(o.id);
	f.channel = 1u << CH_BULLETIN;
	f.since = since;
	f.until = until;
	f.with_body = 1;
	if (published(r, &f, &items, &n, e)) {
		goto done;
	}
	v = tvars_new();
	tv_set(v, "name", o.name);
	char from[40], to[40], heading[160];
	cn_date(from, sizeof from, monday);
	cn_date(to, sizeof to, sunday);
	snprintf(heading, sizeof heading, "%s至%s", from, to);
	tv_set(v, "week", heading);
	tv_set(v, "since", since);
	tv_set(v, "until", until);
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "rows");
		portal_item_vars(row, &items[i]);
		tv_set_html(row, "body", portal_body(&items[i]));
	}
	tv_set_bool(v, "has_rows", n > 0);
	week_href(v, "prev_href", o.slug, monday - 7);
	week_href(v, "next_href", o.slug, monday + 7);
	Buf b = BUF_INIT;
	url_printf(&b, "/organ/%s/xxgk/", o.slug);
	tv_set(v, "xxgk_href", buf_str(&b));
	buf_free(&b);
	char title[512];
	snprintf(title, sizeof title, "%s政务公开栏(%s)", o.name, heading);
	rc = layout_sheet(r, "bulletin", title, v, e);
done:
	tvars_free(v);
	item_list_free(items, n);
	organ_clear(&o);
	return rc;
}

/*---- Open data: the catalog ----*/

/* The stable address of an item as DESIGN.md §6 gives it: the index
 * number as it is. Caller frees. */
static char *catalog_url(const struct item *it)
{
	Buf b = BUF_INIT;
	buf_printf(&b, "/organ/%s/item/%s", it->organ_slug, it->index_no);
	return buf_detach(&b);
}

static void catalog_json(struct req *r, const struct organ *o,
			 const struct item *items, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		char *url = catalog_url(it);
		json_array_append_new(
			arr,
			json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
				  "index_no", it->index_no, "title", it->title,
				  "doc_no", it->doc_no ? it->doc_no : "",
				  "category", it->category_name, "kind",
				  item_kind_code(it->kind), "published_date",
				  it->published_date, "validity",
				  item_validity_code(it->validity), "url",
				  url));
		free(url);
	}
	organ_json(r, o, arr, JSON_INDENT(1));
}

int portal_catalog_json_page(struct req *r, struct err *e)
{
	return with_items(r, 0, catalog_json, e);
}

static void catalog_csv(struct req *r, const struct organ *o,
			const struct item *items, size_t n)
{
	Buf *out = &r->out;
	(void)o;
	buf_reset(out);
	static const char *const hdr[] = {"index_no", "title", "doc_no",
					  "category", "kind", "published_date",
					  "validity", "url"};
	for (size_t k = 0; k < sizeof hdr / sizeof hdr[0]; k++) {
		csv_field(out, hdr[k], k == 0);
	}
	csv_end_row(out);
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		char *url = catalog_url(it);
		const char *f[] = {it->index_no,
				   it->title,
				   it->doc_no,
				   it->category_name,
				   item_kind_code(it->kind),
				   it->published_date,
				   item_validity_code(it->validity),
				   url};
		for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
			csv_field(out, f[k], k == 0);
		}
		csv_end_row(out);
		free(url);
	}
	r->status = 200;
	r->ctype = "text/csv; charset=utf-8; header=present";
}

int portal_catalog_csv_page(struct req *r, struct err *e)
{
	return with_items(r, 0, catalog_csv, e);
}
