/*
 * report_json.h - an annual report as JSON (DESIGN.md §6): format, organ,
 * year, every numeric cell, the cross-checks with their verdicts, and the
 * sections with their text. The same text is what `gongkai report --out
 * x.json` writes and what `gongkai check-report` reads.
 */
#ifndef GK_REPORT_JSON_H
#define GK_REPORT_JSON_H

#include "base/buf.h"
#include "domain/crosscheck.h"
#include "domain/format.h"

/* The text of one section (NULL or "" = not written yet). */
typedef const char *(*report_text_fn)(const char *section_id, void *arg);

/* Appends the report's JSON to out. Cells come in the format's order,
 * each rounded to its column's decimals. */
void report_json(const struct format *f, const char *organ, int year,
		 const struct cellset *cells, const struct check_result *res,
		 size_t nres, report_text_fn text, void *arg, Buf *out);

/* v (× CELL_SCALE) rounded half away from zero to d decimals, still
 * × CELL_SCALE. */
int64_t cell_round(int64_t v, int d);

/*---- Shared by the report writers (report_html.c, report_md.c) ----*/

/* Appends tpl to out with "{organ}" and "{year}" filled in. */
void report_fill(const char *tpl, const char *organ, int year, Buf *out);
/* The text of cell row × col of table as printed: rounded to the
 * column's decimals ("12", "0.5", "1.2345"); "" when the cell is blank.
 * 1 when the cell has a value, 0 when it is blank. */
int report_cell_text(const struct cellset *cells, const char *table,
		     const char *row, const struct fmt_node *col, char *buf,
		     size_t n);

#endif
