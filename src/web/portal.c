/*
 * portal.c - helpers of the public page families (see portal.h).
 */
#include "web/portal.h"

#include "base/crypto.h"
#include "base/log.h"
#include "base/str.h"
#include "render/html.h"
#include "store/user.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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

int portal_list_filters(struct req *r, int *year, int *kind, int *validity,
			struct err *e)
{
	const char *y = req_param_s(r, "year");
	const char *k = req_param_s(r, "kind");
	const char *val = req_param_s(r, "validity");
	*year = 0;
	*kind = *validity = -1;
	if (*y) {
		int64_t v;
		if (str_to_i64(y, 1900, 9999, &v)) {
			return err_set(e, ERR_INPUT, "年份“%s”无效。", y);
		}
		*year = (int)v;
	}
	if (*k) {
		enum item_kind ik;
		if (item_kind_parse("信息类型", k, &ik, e)) {
			return -1;
		}
		*kind = (int)ik;
	}
	if (*val) {
		enum item_validity iv;
		if (item_validity_parse("有效性", val, &iv, e)) {
			return -1;
		}
		*validity = (int)iv;
	}
	return 0;
}

static void pager_href(tvars *v, const char *name,
		       void (*href)(Buf *, const void *, int64_t),
		       const void *ctx, int64_t page)
{
	Buf b = BUF_INIT;
	href(&b, ctx, page);
	tv_set(v, name, buf_str(&b));
	buf_free(&b);
}

void portal_pager(tvars *v, int64_t page, int64_t pages,
		  void (*href)(Buf *out, const void *ctx, int64_t page),
		  const void *ctx)
{
	int gap = 0;
	for (int64_t p = 1; p <= pages; p++) {
		if (p != 1 && p != pages && (p < page - 2 || p > page + 2)) {
			if (!gap) {
				tv_set_bool(tv_add_row(v, "pager"), "gap", 1);
			}
			gap = 1;
			continue;
		}
		gap = 0;
		tvars *row = tv_add_row(v, "pager");
		pager_href(row, "href", href, ctx, p);
		tv_set_int(row, "label", p);
		tv_set(row, "current", p == page ? "page" : "false");
	}
	if (page > 1) {
		pager_href(v, "prev_href", href, ctx,
			   page <= pages ? page - 1 : pages);
	}
	if (page < pages) {
		pager_href(v, "next_href", href, ctx, page + 1);
	}
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

void portal_mail_base(const struct req *r, Buf *out)
{
	if (r->app->conf.base_url[0]) {
		buf_puts(out, r->app->conf.base_url);
	} else {
		portal_base_url(r, out);
	}
}

void portal_client_hash(const struct req *r, char out[65])
{
	char msg[80];
	snprintf(msg, sizeof msg, "ip:%s", r->ip);
	crypto_hmac_hex(r->app->secret, msg, out);
}

/* The signature of value for purpose. */
static void signed_mac(const struct req *r, const char *purpose,
		       const char *value, char out[CRYPTO_HEX32])
{
	Buf msg = BUF_INIT;
	buf_printf(&msg, "%s:%s", purpose, value);
	crypto_hmac_hex(r->app->secret, buf_str(&msg), out);
	buf_free(&msg);
}

void portal_signed_set(struct req *r, const char *name, const char *purpose,
		       const char *value, int64_t max_age)
{
	char mac[CRYPTO_HEX32];
	Buf val = BUF_INIT;
	signed_mac(r, purpose, value, mac);
	buf_printf(&val, "%s.%s", value, mac);
	resp_cookie(r, name, buf_str(&val), max_age);
	buf_free(&val);
}

int portal_signed_get(const struct req *r, const char *name,
		      const char *purpose, char *out, size_t n)
{
	const char *ck = req_cookie(r, name);
	const char *dot = ck ? strchr(ck, '.') : NULL;
	if (!dot || dot == ck || (size_t)(dot - ck) >= n) {
		return 0;
	}
	memcpy(out, ck, (size_t)(dot - ck));
	out[dot - ck] = 0;
	char mac[CRYPTO_HEX32];
	signed_mac(r, purpose, out, mac);
	return crypto_str_eq(dot + 1, mac);
}

int portal_lookup_throttled(struct req *r, const char *key,
			    const char *hash, struct err *e)
{
	const struct conf *c = &r->app->conf;
	int64_t now = (int64_t)time(NULL), by_key = 0, by_ip = 0;
	if (login_failure_count(r->st, key, hash,
				now - c->login_window_minutes * 60, &by_key,
				&by_ip, e)) {
		return -1;
	}
	if (by_ip < c->login_max_failures * 4) {
		return 0;
	}
	log_msg(LOG_WARN, r->rid, "%s: lookups throttled", key);
	resp_header(r, "Retry-After", "900");
	err_set_http(e, ERR_LIMIT, 429, "查询失败次数过多,请 %lld 分钟后再试。",
		     (long long)c->login_window_minutes);
	return 1;
}

int portal_lookup_failed(struct req *r, const char *key, const char *hash,
			 struct err *e)
{
	return login_failure_add(r->st, key, hash, (int64_t)time(NULL), e);
}

char *portal_code_param(const struct req *r)
{
	char *code = str_trim(xstrdup(req_param_s(r, "code")));
	for (char *p = code; *p; p++) {
		*p = (char)toupper((unsigned char)*p);
	}
	return code;
}
