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

#endif
