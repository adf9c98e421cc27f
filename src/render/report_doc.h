/*
 * report_doc.h - loading report formats (data/report-formats/ID.json,
 * embedded or overridden in the data directory) and reading a report JSON
 * file (DESIGN.md §6) back into cells and section texts: what the CLI's
 * check-report and the portal's published report pages share.
 */
#ifndef GK_REPORT_DOC_H
#define GK_REPORT_DOC_H

#include "base/buf.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "domain/metric.h"

/* Loads format id. ERR_NOTFOUND naming the known formats when there is
 * none (or id is not [a-z0-9-]+); ERR_INTERNAL when the file is broken.
 * *f is the caller's (format_free) either way. */
int report_format_load(const char *data_dir, const char *id,
		       struct format *f, struct err *e);

/* The ids of the shipped formats, ", "-separated, appended to out. */
void report_formats_known(Buf *out);

/* Registers the cumulative rows of every shipped format (in the order of
 * report_formats_known) into *r (empty; metric_reg_free after): the
 * metrics an organ may enter baselines for. ERR_INTERNAL when a format
 * is broken or two disagree on a row. */
int report_metric_reg(const char *data_dir, struct metric_reg *r,
		      struct err *e);

/* A report file read back. */
struct report_doc {
	char *format, *organ, *title;
	int year;
	struct cellset cells;
	char **section_ids, **section_texts;
	size_t nsections;
};
void report_doc_free(struct report_doc *d);

/* Parses a report JSON text: format (required), organ, year, title,
 * cells (each table/row/col strings and a number, a numeric string or
 * null = blank; a cell twice is an error), sections. Cells are not
 * checked against a format here. ERR_INPUT saying what is wrong. */
int report_doc_parse(const char *text, size_t n, struct report_doc *d,
		     struct err *e);

#endif
