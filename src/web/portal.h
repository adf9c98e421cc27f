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

/* Appends "http://HOST" or "https://HOST" for absolute links: the Host
 * header when it is made of [A-Za-z0-9.:-[]] only, else the address the
 * server listens on. */
void portal_base_url(const struct req *r, Buf *out);

#endif
