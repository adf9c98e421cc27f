/*
 * portal.c - helpers of the public page families (see portal.h).
 */
#include "web/portal.h"

#include "base/str.h"
#include "render/html.h"

#include <string.h>

void portal_item_vars(tvars *row, const struct item *it)
{
	Buf href = BUF_INIT;
	url_item_path(&href, it->organ_slug, it->index_no);
	tv_set(row, "href", buf_str(&href));
	buf_free(&href);
	tv_set(row, "title", it->title);
	tv_set(row, "index_no", it->index_no);
	tv_set(row, "doc_no", it->doc_no);
	tv_set(row, "date", it->published_date);
	tv_set(row, "cat_name", it->category_name);
	tv_set(row, "kind_label", item_kind_label(it->kind));
	tv_set(row, "validity", item_validity_label(it->validity));
	tv_set_bool(row, "invalid", it->validity != VAL_VALID);
	tv_set(row, "abolished_date", it->abolished_date);
	if (it->validity != VAL_VALID) {
		const char *what = it->validity == VAL_ABOLISHED ? "废止" : "失效";
		if (str_empty(it->abolished_date)) {
			tv_setf(row, "invalid_note", "本文件已%s", what);
		} else {
			tv_setf(row, "invalid_note", "本文件已于 %s %s",
				it->abolished_date, what);
		}
	}
}

HtmlFrag portal_body(const struct item *it)
{
	HtmlFrag f = {it->body ? it->body : "", it->body ? strlen(it->body) : 0};
	return f;
}

struct item_filter portal_filter(int64_t organ_id)
{
	struct item_filter f = item_filter_all(organ_id);
	f.public_only = 1;
	f.order = ORDER_PUBLISHED;
	return f;
}

int portal_category_param(struct req *r, int64_t organ_id,
			  struct category *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	const char *s = req_param_s(r, "category");
	int64_t id;
	if (!*s) {
		return 0;
	}
	if (str_to_i64(s, 1, INT64_MAX, &id)) {
		return err_set(e, ERR_INPUT, "主题分类“%s”无效。", s);
	}
	int rc = category_get(r->st, organ_id, id, c, e);
	if (rc == 0) {
		return err_set(e, ERR_INPUT, "本机关没有编号为 %lld 的主题分类。",
			       (long long)id);
	}
	return rc;
}

void portal_base_url(const struct req *r, Buf *out)
{
	const char *host = req_header(r, "Host");
	size_t n = host ? strlen(host) : 0;
	if (n == 0 || n > 255 ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789.:-[]") != n) {
		host = r->app->conf.listen;
	}
	buf_printf(out, "%s://%s", r->https ? "https" : "http", host);
}
