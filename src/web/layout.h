/*
 * layout.h - page chrome and the template set. Every HTML page is a page
 * template (templates/<name>.html) rendered inside templates/layout.html,
 * which carries the header with the site organ's name, the navigation
 * (only pages that exist), the staff menu and the footer with contacts.
 */
#ifndef GK_LAYOUT_H
#define GK_LAYOUT_H

#include "render/tmpl.h"
#include "web/http.h"

/* Parses every template (embedded or from data_dir) and checks each uses
 * only the names its page provides. *out is owned by the caller. */
int layout_load(const char *data_dir, struct tmplset **out, struct err *e);
void layout_free(struct tmplset *ts);

/* Renders page template `page` with v inside the layout into r->out with
 * title `title`; status r->status (200 if unset). v stays the caller's. */
int layout_page(struct req *r, const char *page, const char *title,
		tvars *v, struct err *e);
/* The same inside templates/sheet.html, a document without the site's
 * header, navigation and footer: for print views and sheets to post. */
int layout_sheet(struct req *r, const char *page, const char *title,
		 tvars *v, struct err *e);
/* Replaces any output with the error page for e (status from e). */
void layout_error_page(struct req *r, const struct err *e);
/* Adds a row value/label/selected to list `list` of v: the options of a
 * <select> (templates write {{#selected}}...selected{{/selected}}). */
void layout_option(tvars *v, const char *list, const char *value,
		   const char *label, int selected);
/* Sets `name` in v to a URL built like url_printf (each %s argument is
 * percent-encoded as one URL component). */
void layout_set_url(tvars *v, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets "page", "pages" (at least 1) and, where such a page exists,
 * "prev_href" and "next_href" in v for a list of total rows shown per to
 * a page; href is the list's URL up to the page number, already encoded
 * (e.g. "/admin/audit?page="). */
void layout_pager(tvars *v, int64_t total, int64_t per, int64_t page,
		  const char *href);
/* Sets "notice" in v to the text of notes[0..n) (pairs of code and
 * text) whose code is the parameter `done` (the notice a redirect after
 * a change asks for), if any. */
void layout_notice(struct req *r, tvars *v, const char *const notes[][2],
		   size_t n);
/* Sets `name` in v to day d as "YYYY-MM-DD", or "" when d is 0. */
void layout_set_day(tvars *v, const char *name, int64_t d);
/* Adds "csrf" to v (the visitor's form token). */
void layout_csrf(struct req *r, tvars *v);

#endif
