/*
 * html.h - THE html writer. Every byte of HTML gongkai produces goes through
 * these calls, and they escape by default:
 *   html_printf   %s escapes for text and quoted attributes; numbers as is.
 *   html_lit      raw output, but only of a string literal (compile error
 *                 otherwise: the "" s "" trick).
 *   HtmlFrag      pre-escaped/trusted HTML; only this module and the
 *                 template engine make one, html_frag writes one.
 *   html_attr / html_href  attribute and URL contexts.
 * tools/fmtcheck rejects a non-literal format in html_printf.
 */
#ifndef GK_HTML_H
#define GK_HTML_H

#include "base/buf.h"

#include <stddef.h>

typedef struct HtmlFrag {
	const char *p;
	size_t n;
} HtmlFrag;

/* Appends s escaped for HTML text and double- or single-quoted attribute
 * values (& < > " ' are replaced). NULL appends nothing. */
void html_escape(Buf *out, const char *s);
/* printf whose %s arguments are escaped with html_escape. */
void html_printf(Buf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Raw output of a string literal. */
#define html_lit(out, s) html_raw_((out), "" s "", sizeof(s) - 1)
void html_raw_(Buf *out, const char *p, size_t n);
/* Writes a trusted fragment as is. */
void html_frag(Buf *out, HtmlFrag f);
/* Wraps a Buf's current content as a fragment; the Buf must have been
 * written only through this module (html_printf, html_lit, html_frag) and
 * must outlive the fragment. */
HtmlFrag html_frag_of(const Buf *b);
/* Writes ` name="value"` with value escaped. */
void html_attr(Buf *out, const char *name, const char *value);
/* Appends s percent-encoded as one URL path segment or query value
 * (unreserved characters kept, everything else %XX). */
void url_encode(Buf *out, const char *s);
/* Writes a URL built from fmt, where each %s argument is percent-encoded as
 * a URL component, then the whole escaped for an attribute. Example:
 * html_href(out, "/organ/%s/", slug). */
void html_href(Buf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends a URL built from fmt with each %s argument percent-encoded as a
 * URL component (no HTML escaping: for template values and headers). */
void url_printf(Buf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends the path of an item's public page, /organ/SLUG/item/INDEX: the
 * slug and each '/'-separated part of the index number percent-encoded,
 * the '/' kept (the stable address of DESIGN.md §6). */
void url_item_path(Buf *out, const char *slug, const char *index_no);
/* 1 when url is safe in href/src/action: relative, or http(s):, mailto:,
 * tel:, or a fragment; javascript: and other schemes are not. */
int html_url_safe(const char *url);

#endif
