/*
 * tmpl.h - the logic-less template engine. Templates are HTML files that an
 * installation may restyle; each is parsed once at server start into an
 * immutable tmpl, then rendered many times, from any thread, with a tvars
 * holding the values of one page.
 *
 * Syntax (mustache-like):
 *   {{name}}              the value, escaped for its HTML context
 *   {{{name}}}            an html value (tv_set_html) written raw; any other
 *                         value is escaped as with {{name}}
 *   {{#name}}..{{/name}}  a list: the body once per row, with the row's
 *                         scope pushed; true/non-empty/nonzero: once
 *   {{^name}}..{{/name}}  the body once when {{#name}} would render nothing
 *   {{! comment }}        dropped
 * Names match [a-z0-9_.]+. The parser knows the HTML context of each tag
 * and rejects tags where escaping cannot make a value safe (inside
 * <script>/<style>, HTML comments, event-handler or srcdoc attributes,
 * unquoted attribute values, or a tag's name and attribute list). A value
 * at the start of a URL attribute (href, src, action, ...) that fails
 * html_url_safe() is rendered as "#".
 */
#ifndef GK_TMPL_H
#define GK_TMPL_H

#include "base/buf.h"
#include "base/err.h"
#include "render/html.h"

#include <stddef.h>

/* Deepest section nesting a template may use. */
#define TMPL_MAX_DEPTH 32

typedef struct tmpl tmpl;   /* a parsed template; immutable, shareable */
typedef struct tvars tvars; /* values for one rendering */

/* Parses src (n bytes, valid UTF-8 without NUL bytes) named `name` (used
 * only in messages). `names` is a NULL-terminated list of the variable and
 * section names the template may use; any other name is an error. On
 * success returns 0 and *out owns the parse (free it with tmpl_free); src,
 * name and names may be freed afterwards. On error returns -1, sets *out to
 * NULL and e->msg to "NAME:LINE: problem". */
int tmpl_parse(const char *name, const char *src, size_t n,
	       const char *const *names, tmpl **out, struct err *e);
/* Frees a parsed template (NULL is fine). */
void tmpl_free(tmpl *t);
/* Renders t with the values v (NULL: no values) and appends the HTML to
 * out, which the caller owns. Returns 0, or -1 with e set; out may then
 * hold partial output. Reads t and v only, so threads may share them. */
int tmpl_render(const tmpl *t, const tvars *v, Buf *out, struct err *e);

/* A new empty set of values; the caller frees it with tvars_free. */
tvars *tvars_new(void);
/* Frees v and every row scope under it (NULL is fine). */
void tvars_free(tvars *v);
/* The setters below copy name and the value; setting a name again
 * replaces the old value (freeing its rows, if it was a list). */
/* Text, escaped at render; NULL unsets the name. */
void tv_set(tvars *v, const char *name, const char *text);
/* Text formatted with plain vsnprintf semantics (no escaping here; the
 * result is escaped at render like tv_set text). */
void tv_setf(tvars *v, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tv_set_int(tvars *v, const char *name, long long n);
/* Trusted HTML (f.n bytes copied). Written as is in HTML text; in an
 * attribute value only its quotes and angle brackets are escaped. */
void tv_set_html(tvars *v, const char *name, HtmlFrag f);
/* A flag: {{name}} renders "1" or "", {{#name}} renders when on. */
void tv_set_bool(tvars *v, const char *name, int on);
/* Appends one row to the list `list` (creating the list, or replacing a
 * non-list value) and returns the row's scope for its values. The row is
 * owned by v: do not free it; it lives until v is freed or `list` is set
 * again. */
tvars *tv_add_row(tvars *v, const char *list);
/* Makes `list` an empty list (dropping any rows), so {{^list}} renders. */
void tv_set_list_empty(tvars *v, const char *list);

#endif
