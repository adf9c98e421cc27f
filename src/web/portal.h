/*
 * portal.h - what the public page families (portal_*.c) share: the organ
 * a URL names, an item's address and its values for a template, the
 * optional ?category= of catalog pages and feeds, and the absolute base
 * URL that feeds need. Only published items are public: every list here
 * starts from portal_filter.
 */
#ifndef GK_PORTAL_H
#define GK_PORTAL_H

#include "render/tmpl.h"
#include "store/item.h"
#include "store/organ.h"
#include "web/http.h"

/* Sets the values an item row of a public list shows: title, href,
 * index_no, doc_no, date (published), cat_name, kind_label, validity
 * (label), invalid (abolished or expired), abolished_date and
 * invalid_note ("本文件已于 DATE 废止"). */
void portal_item_vars(tvars *row, const struct item *it);

/* An item's body for tv_set_html. The body column holds HTML sanitised
 * when it was stored (store/item.h): it is the one value of the public
 * pages written without escaping. The fragment points into it->body. */
HtmlFrag portal_body(const struct item *it);

/* The published items of an organ, newest first, any validity. */
struct item_filter portal_filter(int64_t organ_id);

/* The optional parameter `category` (an id): 0 when absent or empty
 * (c->id = 0, nothing to free), 1 with *c filled (the caller frees
 * c->name), -1 with e (400) when it is not a category of the organ. */
int portal_category_param(struct req *r, int64_t organ_id,
			  struct category *c, struct err *e);

/* The optional list filters `year`, `kind` and `validity` (catalog and
 * search): *year 0 and *kind / *validity -1 when absent or empty; -1 with
 * e (400 naming the value) when one is bad. */
int portal_list_filters(struct req *r, int *year, int *kind, int *validity,
			struct err *e);

/* The page links of a list of `pages` pages at page `page` into v: list
 * `pager` (rows with href, label, current, or gap), prev_href and
 * next_href; href(out, ctx, N) appends the address of page N. Shows the
 * first, the last and two either side of the current page. */
void portal_pager(tvars *v, int64_t page, int64_t pages,
		  void (*href)(Buf *out, const void *ctx, int64_t page),
		  const void *ctx);

/* Appends "http://HOST" or "https://HOST" for absolute links: the Host
 * header when it is made of [A-Za-z0-9.:-[]] only, else the address the
 * server listens on. */
void portal_base_url(const struct req *r, Buf *out);
/* The base URL for links in mail: conf base_url when set, else
 * portal_base_url. */
void portal_mail_base(const struct req *r, Buf *out);

/* The client's address as HMAC-SHA-256(app secret, "ip:ADDRESS") in hex
 * (65 bytes with NUL): enough to count a public form's submissions per
 * address without keeping the address. */
void portal_client_hash(const struct req *r, char out[65]);
/* Sets cookie `name` for max_age seconds to value plus its signature
 * (HMAC with the app secret over "PURPOSE:VALUE"). value must not hold
 * '.', ';' or spaces. */
void portal_signed_set(struct req *r, const char *name, const char *purpose,
		       const char *value, int64_t max_age);
/* The value of signed cookie `name` into out (n bytes) when it is there
 * and its signature for purpose holds: 1, else 0. */
int portal_signed_get(const struct req *r, const char *name,
		      const char *purpose, char *out, size_t n);

/* Lookups by a code (an application's status, a message's reply) are
 * limited per address like logins: 1 when the address (hash from
 * portal_client_hash) failed 4 x login_max_failures lookups within
 * login_window_minutes (e is then the 429 to answer, Retry-After set),
 * 0 when it may look up, -1 on a storage error. key names the kind of
 * lookup in the log of failures ("#apply-status"); failures of every
 * kind count together. */
int portal_lookup_throttled(struct req *r, const char *key,
			    const char *hash, struct err *e);
/* Records a failed lookup from the address. */
int portal_lookup_failed(struct req *r, const char *key, const char *hash,
			 struct err *e);
/* The parameter `code` trimmed and in upper case (heap; the caller
 * frees it). */
char *portal_code_param(const struct req *r);

#endif
