/*
 * portal_catalog.c - an organ's 政府信息公开 pages: the home with the
 * statutory columns (/organ/SLUG/xxgk/: 公开指南, 公开制度, 法定主动公开
 * 内容 by category, 年报, 依申请公开), the catalog with filters and pages
 * (xxgk/list), each item's page (item/INDEX-NO, a print view with
 * ?view=print) and attachment downloads (attachment/ID). Only published
 * items are public, whatever their validity; a draft, a pending or a
 * withdrawn item is the same 404 as a number that does not exist.
 */
#include "base/str.h"
#include "render/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/static.h"
#include "web/portal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define PER_PAGE 20 /* rows of the catalog */
#define LATEST 5    /* items per category on the home */
#define MANY 20     /* system documents and annual reports on the home */

/*---- Shared by the pages of this file ----*/

/* The organ's names and addresses every page here shows. */
static void organ_vars(tvars *v, const struct organ *o)
{
	Buf b = BUF_INIT;
	tv_set(v, "name", o->name);
	tv_set(v, "organ_name", o->name);
	url_printf(&b, "/organ/%s/", o->slug);
	tv_set(v, "organ_href", buf_str(&b));
	buf_puts(&b, "xxgk/");
	tv_set(v, "xxgk_href", buf_str(&b));
	buf_puts(&b, "list");
	tv_set(v, "list_href", buf_str(&b));
	buf_free(&b);
}

/* The catalog of one category: /organ/SLUG/xxgk/list?category=ID. */
static void category_href(tvars *v, const char *name, const char *slug,
			  int64_t category_id)
{
	Buf b = BUF_INIT;
	url_printf(&b, "/organ/%s/xxgk/list?category=%lld", slug,
		   (long long)category_id);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

/* Appends one row per item to list `list` of v; sets has_LIST when any. */
static void item_rows(tvars *v, const char *list, const struct item *items,
		      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		portal_item_vars(tv_add_row(v, list), &items[i]);
	}
	if (n) {
		char flag[64];
		snprintf(flag, sizeof flag, "has_%s", list);
		tv_set_bool(v, flag, 1);
	}
}

/*---- 政府信息公开 home ----*/

/* Lists up to `limit` items matching f into `list` of v; *total = all. */
static int latest(struct req *r, struct item_filter f, int64_t limit,
		  tvars *v, const char *list, int64_t *total, struct err *e)
{
	struct item *items = NULL;
	size_t n = 0;
	f.limit = limit;
	if (item_list(r->st, &f, &items, &n, total, e)) {
		return -1;
	}
	item_rows(v, list, items, n);
	item_list_free(items, n);
	return 0;
}

int portal_xxgk_page(struct req *r, struct err *e)
{
	struct organ o;
	struct category *cats = NULL;
	size_t ncat = 0;
	tvars *v = NULL;
	int rc = -1;
	int64_t total;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (category_list(r->st, o.id, &cats, &ncat, e)) {
		goto done;
	}
	v = tvars_new();
	organ_vars(v, &o);
	tv_set_list_empty(v, "systems");
	tv_set_list_empty(v, "cats");
	tv_set_list_empty(v, "reports");
	layout_set_url(v, "reports_href", "/organ/%s/reports", o.slug);
	for (size_t i = 0; i < ncat; i++) {
		const struct category *c = &cats[i];
		struct item_filter f = portal_filter(o.id);
		f.category_id = c->id;
		if (c->parent_id) {
			continue; /* counted with its parent */
		}
		if (c->section == CAT_SYSTEM) {
			if (latest(r, f, MANY, v, "systems", &total, e)) {
				goto done;
			}
			continue;
		}
		tvars *row = tv_add_row(v, "cats");
		tv_set(row, "cat_name", c->name);
		tv_set_int(row, "cat_id", c->id);
		category_href(row, "cat_href", o.slug, c->id);
		tv_set_list_empty(row, "items");
		tv_set_bool(row, "has_items", 0);
		if (latest(r, f, LATEST, row, "items", &total, e)) {
			goto done;
		}
		tv_set_int(row, "count", total);
		tv_set_bool(row, "more", total > LATEST);
	}
	struct item_filter f = portal_filter(o.id);
	f.kind = KIND_ANNUAL_REPORT;
	if (latest(r, f, MANY, v, "reports", &total, e)) {
		goto done;
	}
	f = portal_filter(o.id);
	struct item *none = NULL;
	size_t nnone = 0;
	f.limit = 1;
	if (item_list(r->st, &f, &none, &nnone, &total, e)) {
		goto done;
	}
	item_list_free(none, nnone);
	tv_set_int(v, "total", total);
	tv_set(v, "office", o.office);
	tv_set(v, "address", o.address);
	tv_set(v, "office_hours", o.office_hours);
	tv_set(v, "phone", o.phone);
	tv_set(v, "email", o.email);
	const struct {
		const char *name, *path; /* under /organ/SLUG/ */
	} links[] = {
		{"guide_href", "#guide"},
		{"feed_rss", "feed.rss"},
		{"feed_atom", "feed.atom"},
		{"catalog_json", "catalog.json"},
		{"catalog_csv", "catalog.csv"},
		{"led_txt", "led.txt"},
		{"bulletin_href", "bulletin"},
		{"apply_href", "apply"},
	};
	Buf b = BUF_INIT;
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		buf_reset(&b);
		url_printf(&b, "/organ/%s/", o.slug);
		buf_puts(&b, links[i].path);
		tv_set(v, links[i].name, buf_str(&b));
	}
	buf_free(&b);
	char title[512];
	snprintf(title, sizeof title, "%s政府信息公开", o.name);
	rc = layout_page(r, "xxgk", title, v, e);
done:
	tvars_free(v);
	category_list_free(cats, ncat);
	organ_clear(&o);
	return rc;
}

/*---- The catalog: filters and pages ----*/

struct query {
	struct category cat; /* cat.id 0: any */
	int year;            /* 0: any */
	int kind, validity;  /* -1: any */
	int64_t page;
};

/* Reads and checks the filters; a bad value is a 400 naming it. */
static int query_parse(struct req *r, int64_t organ_id, struct query *q,
		       struct err *e)
{
	memset(q, 0, sizeof *q);
	q->page = 1;
	const char *page = req_param(r, "page");
	if (portal_category_param(r, organ_id, &q->cat, e) < 0 ||
	    portal_list_filters(r, &q->year, &q->kind, &q->validity, e)) {
		return -1;
	}
	if (page) {
		str_to_i64(page, 1, 1000000000, &q->page); /* route checked */
	}
	return 0;
}

/* The catalog's address for query q at page `page`. */
static void query_href(Buf *out, const char *slug, const struct query *q,
		       int64_t page)
{
	url_printf(out, "/organ/%s/xxgk/list", slug);
	char sep = '?';
	if (q->cat.id) {
		buf_printf(out, "%ccategory=%lld", sep, (long long)q->cat.id);
		sep = '&';
	}
	if (q->year) {
		buf_printf(out, "%cyear=%d", sep, q->year);
		sep = '&';
	}
	if (q->kind >= 0) {
		buf_printf(out, "%ckind=%s", sep, item_kind_code(q->kind));
		sep = '&';
	}
	if (q->validity >= 0) {
		buf_printf(out, "%cvalidity=%s", sep,
			   item_validity_code(q->validity));
		sep = '&';
	}
	if (page > 1) {
		buf_printf(out, "%cpage=%lld", sep, (long long)page);
	}
}

static void set_query_href(tvars *v, const char *name, const char *slug,
			   const struct query *q, int64_t page)
{
	Buf b = BUF_INIT;
	query_href(&b, slug, q, page);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

static int filter_options(struct req *r, int64_t organ_id,
			  const struct query *q, tvars *v, struct err *e)
{
	struct category *cats = NULL;
	size_t ncat = 0;
	int *years = NULL;
	size_t nyears = 0;
	if (category_list(r->st, organ_id, &cats, &ncat, e) ||
	    item_years(r->st, organ_id, &years, &nyears, e)) {
		category_list_free(cats, ncat);
		return -1;
	}
	char val[32], label[160];
	for (size_t i = 0; i < ncat; i++) {
		snprintf(val, sizeof val, "%lld", (long long)cats[i].id);
		snprintf(label, sizeof label, "%s%s",
			 cats[i].parent_id ? "— " : "", cats[i].name);
		layout_option(v, "categories", val, label, cats[i].id == q->cat.id);
	}
	for (size_t i = 0; i < nyears; i++) {
		snprintf(val, sizeof val, "%d", years[i]);
		snprintf(label, sizeof label, "%d 年", years[i]);
		layout_option(v, "years", val, label, years[i] == q->year);
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		layout_option(v, "kinds", item_kind_code(k), item_kind_label(k),
		       k == q->kind);
	}
	for (int k = 0; k < VAL_COUNT; k++) {
		layout_option(v, "validities", item_validity_code(k),
		       item_validity_label(k), k == q->validity);
	}
	category_list_free(cats, ncat);
	free(years);
	return 0;
}

struct href_ctx {
	const char *slug;
	const struct query *q;
};

static void page_href(Buf *out, const void *ctx, int64_t page)
{
	const struct href_ctx *c = ctx;
	query_href(out, c->slug, c->q, page);
}

int portal_xxgk_list_page(struct req *r, struct err *e)
{
	struct organ o;
	struct query q = {0};
	struct item *items = NULL;
	size_t n = 0;
	int64_t total = 0;
	tvars *v = NULL;
	int rc = -1;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (query_parse(r, o.id, &q, e)) {
		goto done;
	}
	struct item_filter f = portal_filter(o.id);
	f.category_id = q.cat.id;
	f.year = q.year;
	f.kind = q.kind;
	f.validity = q.validity;
	f.limit = PER_PAGE;
	f.offset = (q.page - 1) * PER_PAGE;
	if (item_list(r->st, &f, &items, &n, &total, e)) {
		goto done;
	}
	v = tvars_new();
	organ_vars(v, &o);
	if (filter_options(r, o.id, &q, v, e)) {
		goto done;
	}
	int64_t pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	tv_set_list_empty(v, "rows");
	item_rows(v, "rows", items, n);
	tv_set_int(v, "total", total);
	tv_set_int(v, "page", q.page);
	tv_set_int(v, "pages", pages);
	tv_set_bool(v, "filtered", q.cat.id || q.year || q.kind >= 0 ||
					   q.validity >= 0);
	tv_set_bool(v, "past_end", total > 0 && q.page > pages);
	set_query_href(v, "first_href", o.slug, &q, 1);
	tv_set_bool(v, "has_pager", pages > 1 || q.page > 1);
	struct href_ctx hc = {o.slug, &q};
	portal_pager(v, q.page, pages, page_href, &hc);
	char title[512];
	snprintf(title, sizeof title, "%s%s信息公开目录", o.name,
		 q.cat.id ? q.cat.name : "");
	if (q.page > 1) {
		size_t k = strlen(title);
		snprintf(title + k, sizeof title - k, "(第 %lld 页)",
			 (long long)q.page);
	}
	rc = layout_page(r, "xxgk_list", title, v, e);
done:
	tvars_free(v);
	item_list_free(items, n);
	free(q.cat.name);
	organ_clear(&o);
	return rc;
}

/*---- One item ----*/

static void attachment_rows(tvars *v, const char *slug,
			    const struct attachment *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "attachments");
		Buf b = BUF_INIT;
		url_printf(&b, "/organ/%s/attachment/%lld", slug,
			   (long long)a[i].id);
		tv_set(row, "href", buf_str(&b));
		buf_free(&b);
		tv_set(row, "att_name", a[i].name);
		char size[32], type[16] = "";
		if (a[i].size < 1024) {
			snprintf(size, sizeof size, "%lld 字节",
				 (long long)a[i].size);
		} else if (a[i].size < 1024 * 1024) {
			snprintf(size, sizeof size, "%.1f KB",
				 (double)a[i].size / 1024);
		} else {
			snprintf(size, sizeof size, "%.1f MB",
				 (double)a[i].size / (1024 * 1024));
		}
		tv_set(row, "att_size", size);
		const char *dot = strrchr(a[i].name, '.');
		for (size_t k = 0; dot && dot[k + 1] && k + 1 < sizeof type;
		     k++) {
			type[k] = (char)toupper((unsigned char)dot[k + 1]);
		}
		tv_set(row, "att_type", type[0] ? type : "文件");
	}
	tv_set_bool(v, "has_attachments", n > 0);
}

/* The interpreted item, when it is public: its title and address. */
static int policy_vars(struct req *r, const struct item *it, tvars *v,
		       struct err *e)
{
	struct item p;
	int rc = it->interprets_id
			 ? item_get(r->st, it->organ_id, it->interprets_id, &p,
				    e)
			 : 0;
	if (rc == 1 && p.status == ST_PUBLISHED) {
		Buf b = BUF_INIT;
		url_item_path(&b, p.organ_slug, p.index_no);
		tv_set(v, "policy_href", buf_str(&b));
		tv_set(v, "policy_title", p.title);
		buf_free(&b);
	}
	if (rc == 1) {
		item_clear(&p);
	}
	return rc < 0 ? -1 : 0;
}

int portal_item_page(struct req *r, struct err *e)
{
	struct organ o;
	struct item it = {0};
	struct item *interp = NULL;
	size_t ninterp = 0;
	struct attachment *atts = NULL;
	size_t natt = 0;
	tvars *v = NULL;
	Buf b = BUF_INIT;
	int rc = -1;
	const char *view = req_param_s(r, "view");
	if (*view && !str_eq(view, "print")) {
		return err_set(e, ERR_INPUT, "view 只能是 print。");
	}
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int found = item_by_index(r->st, o.id, r->cap[1], &it, e);
	if (found < 0) {
		goto done;
	}
	if (found == 0 || it.status != ST_PUBLISHED) {
		err_set(e, ERR_NOTFOUND, "没有这条公开信息,可能索引号有误。");
		goto done;
	}
	struct item_filter f = portal_filter(o.id);
	f.interprets_id = it.id;
	if (attachment_list(r->st, it.id, &atts, &natt, e) ||
	    item_list(r->st, &f, &interp, &ninterp, NULL, e)) {
		goto done;
	}
	v = tvars_new();
	organ_vars(v, &o);
	portal_item_vars(v, &it);
	if (policy_vars(r, &it, v, e)) {
		goto done;
	}
	tv_set(v, "written_date", it.written_date);
	tv_set_html(v, "body", portal_body(&it));
	category_href(v, "cat_href", o.slug, it.category_id);
	tv_set_list_empty(v, "attachments");
	attachment_rows(v, o.slug, atts, natt);
	tv_set_list_empty(v, "interpretations");
	item_rows(v, "interpretations", interp, ninterp);
	url_item_path(&b, o.slug, it.index_no);
	tv_set(v, "item_href", buf_str(&b));
	buf_puts(&b, "?view=print");
	tv_set(v, "print_href", buf_str(&b));
	buf_reset(&b);
	portal_base_url(r, &b);
	url_item_path(&b, o.slug, it.index_no);
	tv_set(v, "item_url", buf_str(&b));
	rc = *view ? layout_sheet(r, "item_print", it.title, v, e)
		   : layout_page(r, "item", it.title, v, e);
done:
	buf_free(&b);
	tvars_free(v);
	attachment_list_free(atts, natt);
	item_list_free(interp, ninterp);
	item_clear(&it);
	organ_clear(&o);
	return rc;
}

/*---- Attachments ----*/

int portal_attachment_page(struct req *r, struct err *e)
{
	struct organ o;
	struct attachment a = {0};
	struct item it = {0};
	Buf data = BUF_INIT;
	int64_t id;
	int rc = -1, found = 0;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (str_to_i64(r->cap[1], 1, INT64_MAX, &id) == 0) {
		found = attachment_get(r->st, id, &a, &data, e);
	}
	if (found == 1) {
		found = item_get(r->st, o.id, a.item_id, &it, e);
	}
	if (found < 0) {
		goto done;
	}
	if (found == 0 || it.status != ST_PUBLISHED) {
		err_set(e, ERR_NOTFOUND, "没有这个附件。");
		goto done;
	}
	static_attachment(r, &a, &data, 1);
	rc = 0;
done:
	buf_free(&data);
	attachment_clear(&a);
	item_clear(&it);
	organ_clear(&o);
	return rc;
}
