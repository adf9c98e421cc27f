/*
 * portal_home.c - the public front page (the organs of this installation
 * and how to reach them) and each organ's page with its disclosure guide
 * (政府信息公开指南), contacts and the way to its 政府信息公开 pages
 * (portal_catalog.c).
 */
#include "base/str.h"
#include "render/html.h"
#include "store/organ.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <string.h>

/* Splits text into paragraphs at blank lines, one row of `list` each. */
static void paragraphs(tvars *v, const char *list, const char *text)
{
	const char *p = text ? text : "";
	while (*p) {
		while (*p == '\n' || *p == '\r') {
			p++;
		}
		const char *end = strstr(p, "\n\n");
		const char *end2 = strstr(p, "\r\n\r\n");
		if (end2 && (!end || end2 < end)) {
			end = end2;
		}
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n) {
			char *para = xstrndup(p, n);
			tv_set(tv_add_row(v, list), "para", str_trim(para));
			free(para);
		}
		p += n;
	}
}

int portal_home_page(struct req *r, struct err *e)
{
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	tv_set_list_empty(v, "depts");
	for (size_t i = 0; i < n; i++) {
		const struct organ *o = &all[i];
		if (o->parent_id) {
			tv_set_bool(v, "has_depts", 1);
		}
		tvars *row = tv_add_row(v, o->parent_id ? "depts" : "govs");
		Buf href = BUF_INIT;
		url_printf(&href, "/organ/%s/", o->slug);
		tv_set(row, "name", o->name);
		tv_set(row, "href", buf_str(&href));
		buf_printf(&href, "xxgk/");
		tv_set(row, "xxgk_href", buf_str(&href));
		tv_set(row, "office", o->office);
		tv_set(row, "phone", o->phone);
		tv_set(row, "email", o->email);
		tv_set(row, "address", o->address);
		tv_set(row, "parent_name", o->parent_name);
		buf_free(&href);
	}
	int rc = layout_page(r, "home", NULL, v, e);
	tvars_free(v);
	organ_list_free(all, n);
	return rc;
}

int portal_organ_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	tv_set(v, "name", o.name);
	Buf xxgk = BUF_INIT;
	url_printf(&xxgk, "/organ/%s/xxgk/", o.slug);
	tv_set(v, "xxgk_href", buf_str(&xxgk));
	buf_free(&xxgk);
	layout_set_url(v, "apply_href", "/organ/%s/apply", o.slug);
	layout_set_url(v, "messages_href", "/organ/%s/messages", o.slug);
	tv_set(v, "short_name", o.short_name);
	tv_set(v, "parent_name", o.parent_name);
	if (o.parent_id) {
		struct organ p;
		if (organ_get(r->st, o.parent_id, &p, e) == 1) {
			Buf href = BUF_INIT;
			url_printf(&href, "/organ/%s/", p.slug);
			tv_set(v, "parent_href", buf_str(&href));
			buf_free(&href);
			organ_clear(&p);
		}
	}
	tv_set(v, "office", o.office);
	tv_set(v, "phone", o.phone);
	tv_set(v, "email", o.email);
	tv_set(v, "address", o.address);
	tv_set(v, "office_hours", o.office_hours);
	tv_set(v, "credit_code", o.credit_code);
	tv_set_list_empty(v, "guide");
	paragraphs(v, "guide", o.guide);
	int rc = layout_page(r, "organ", o.name, v, e);
	tvars_free(v);
	organ_clear(&o);
	return rc;
}
