/*
 * report_md.h - an annual report as Markdown (`gongkai report --out
 * x.md`): "# title", "## section title", the section's text, then each of
 * its tables as GitHub pipe tables, one per block (a table caption as a
 * "###" heading, a block title in bold). The merged cells are flattened:
 * a column's header is its label after its group labels, joined by
 * " / ", and likewise each row's first cell; numbers are rounded to
 * their column's decimals and blank cells are empty.
 */
#ifndef GK_REPORT_MD_H
#define GK_REPORT_MD_H

#include "base/buf.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "render/report_json.h"

/* Appends table t as a "### caption" heading and one pipe table per
 * block; organ and year fill "{organ}" and "{year}". */
void report_md_table(const struct fmt_table *t, const char *organ, int year,
		     const struct cellset *cells, Buf *out);

/* Appends the whole report: title, then each section's title, its text
 * (from text(id, arg); text may be NULL: no text) and its tables. */
void report_md(const struct format *f, const char *organ, int year,
	       const struct cellset *cells, report_text_fn text, void *arg,
	       Buf *out);

#endif
