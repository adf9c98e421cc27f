/*
 * sanitize.h - the rich-text sanitiser for item bodies (notices pasted from
 * Word/WPS, or typed). Untrusted UTF-8 goes in; safe, well-formed HTML made
 * only of allow-listed elements comes out, rebuilt tag by tag, so nothing of
 * the input's markup is ever copied through. The result is trusted HTML:
 * put it in a page with html_frag(out, html_frag_of(&buf)).
 *
 * What survives (everything is lower-case, without white space in tags):
 *   p br h2 h3 h4 ul ol li table caption thead tbody tfoot tr th td a strong
 *   b em i u sub sup blockquote pre hr span; attributes only a[href] (http:,
 *   https:, mailto: or relative, checked after decoding and removing white
 *   space and controls; absolute http(s) links get rel="noopener
 *   noreferrer"), th/td[colspan rowspan] (1..100) and th[scope].
 * Choices:
 *   - div is treated like p (a paragraph), so editor output such as
 *     <div>line</div><div>line</div> keeps its line structure.
 *   - Other elements are removed with their text kept, except script style
 *     iframe object embed template noscript svg math textarea select title
 *     head (and xmp noembed noframes applet frameset), comments, CDATA,
 *     processing instructions and doctypes, whose content is dropped too.
 *   - Text directly at the top level is wrapped in <p>; li outside a list
 *     is wrapped in <ul>; table parts outside a table are removed (content
 *     kept); text or blocks directly in a table or list get the missing
 *     tbody/tr/td or li. Blocks close an open p or inline element. Empty p,
 *     headings and inline elements are left out.
 *   - Nesting deeper than 64 elements: further elements are removed, their
 *     text kept.
 * The output is deterministic and idempotent: sanitising it again gives the
 * same bytes.
 */
#ifndef GK_SANITIZE_H
#define GK_SANITIZE_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>

/* Appends the sanitised form of the n bytes at in to out. Input with no '<'
 * at all is plain text: its blank-line-separated blocks become <p>...</p>
 * (joined by "\n"), single newlines inside a block <br>, and '&' is a
 * literal character there. Returns 0, or -1 with ERR_INPUT in e
 * when in is not valid UTF-8 (or holds a NUL byte); out is then unchanged.
 * The caller owns out and frees it with buf_free. */
int sanitize_html(const char *in, size_t n, Buf *out, struct err *e);

/* Appends the visible text of the sanitised form of in (so in may be either
 * raw input or sanitize_html output): tags removed, entities decoded,
 * block boundaries as spaces, runs of white space (ASCII, U+00A0, U+3000)
 * collapsed to one space and trimmed at both ends. For feed descriptions and
 * search indexing; the text is NOT escaped. Returns 0, or -1 when in is not
 * valid UTF-8 (out unchanged). The caller owns out. */
int sanitize_text(const char *in, size_t n, Buf *out);

#endif
