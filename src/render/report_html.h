/*
 * report_html.h - an annual report's tables as accessible HTML with the
 * official merged-cell layout (docs/report-formats.md), and the whole
 * report as one standalone HTML document (`gongkai report --out x.html`).
 *
 * One <table> per format table, its caption filled in; per block an
 * optional title row, the corner cell over the row headers, the column
 * header rows of the `cols` tree (groups span their leaves; a leaf above
 * the deepest level spans down), the row headers of the `rows` tree
 * (groups span their leaves' rows; a leaf above the deepest level spans
 * right), an optional unit column, then the numbers. A block narrower
 * than the table's widest one stretches its last column. Every <th> has
 * an id and every data <td> names all its headers (WCAG 1.3.1, H43), so
 * ids are "rpt-" + table id + ...: one report's tables per page.
 */
#ifndef GK_REPORT_HTML_H
#define GK_REPORT_HTML_H

#include "base/buf.h"
#include "base/err.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "render/report_json.h"

/* Appends table t of a report as one <table class="report-table">; organ
 * and year fill "{organ}" and "{year}" in the caption and labels. Cells
 * absent from `cells` are blank (an empty cell, not 0). */
void report_html_table(const struct fmt_table *t, const char *organ,
		       int year, const struct cellset *cells, Buf *out);

/* Appends the tables of f named in table_ids (a NULL-terminated list;
 * NULL = every table, in the format's order); unknown ids are skipped. */
void report_html_tables(const struct format *f, const char *organ, int year,
			const struct cellset *cells,
			const char *const *table_ids, Buf *out);

/* Appends the report-table rules of a stylesheet (static/site.css: the
 * part between the "report tables" marker comments), read through
 * res_load (data_dir may be NULL: the built-in file). 0, or -1 with e
 * when the file or its markers are missing or the part holds a '<' (it
 * could end the <style> element). */
int report_html_css(const char *data_dir, Buf *out, struct err *e);

/* Appends the report's sections: each one's title (h2), its text (from
 * text(id, arg), may be NULL) as paragraphs split on blank lines, and its
 * tables. What report_html_document and the report pages show. */
void report_html_body(const struct format *f, const char *organ, int year,
		      const struct cellset *cells, report_text_fn text,
		      void *arg, Buf *out);

/* Appends a whole standalone HTML document (UTF-8, lang zh-CN): the
 * report title, then each section's title, its text (from text(id, arg);
 * text may be NULL: no text) as paragraphs split on blank lines, and the
 * section's tables. css (may be NULL) goes into a <style> element, as
 * report_html_css gives it; a css holding "<" is left out. */
void report_html_document(const struct format *f, const char *organ,
			  int year, const struct cellset *cells,
			  report_text_fn text, void *arg, const char *css,
			  Buf *out);

#endif
