/*
 * report_office.h - the annual report as the files offices use: XLSX
 * (report_xlsx.c, libxlsxwriter: one sheet per table, official merged
 * cells, numbers as numbers), DOCX (report_docx.c, on docx.c: the whole
 * report in GB/T 9704-2012 layout) and PDF (report_pdf.c, cairo + pango:
 * the same layout, fonts embedded). All three draw the tables from
 * report_grid (render/report_grid.h), so every writer shows the same
 * merged-cell layout as the report page.
 *
 * A writer appends the whole file to out (the caller's Buf) and returns 0,
 * or -1 with e set (ERR_INPUT for text it cannot write, ERR_INTERNAL for a
 * library failure); out may then hold a partial file, which the caller
 * discards. Nothing in struct report_out is taken over or freed.
 */
#ifndef GK_REPORT_OFFICE_H
#define GK_REPORT_OFFICE_H

#include "base/buf.h"
#include "base/err.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "render/report_grid.h"
#include "render/report_json.h"

#include <stddef.h>

/* What a report file is made from: all borrowed for the call. */
struct report_out {
	const struct format *f;
	const char *organ;  /* the organ's name: fills "{organ}" */
	int year;           /* fills "{year}" */
	const struct cellset *cells;
	const struct check_result *res; /* the cross-checks (may be NULL) */
	size_t nres;
	report_text_fn text; /* section texts (may be NULL: tables only) */
	void *arg;           /* for text */
	const char *note;    /* NULL, or a note printed under the title, e.g.
			      * "更正版本 2" or the reason a failing check was
			      * overridden */
	const struct rgrid *annex; /* NULL, or one more table after the
				    * report's (the roll-up's status list):
				    * DOCX and PDF print it last, XLSX gives
				    * it a sheet of its own */
};

/* The note for the failing cross-checks of table table_id, appended to out
 * ("注：本表有 N 项勾稽关系未通过：" then one numbered line each with the
 * rule's label, id and detail); nothing when none fails. What every
 * writer prints under such a table. */
/* 0 when every text of r (organ, note, section texts, annex cells) is
 * valid UTF-8 (NULL counts as empty); else -1 with e (ERR_INPUT) saying
 * which. The writers that hand text to libraries check first. */
int report_out_check(const struct report_out *r, struct err *e);

void report_failed_note(const struct report_out *r, const char *table_id,
			Buf *out);

int report_xlsx(const struct report_out *r, Buf *out, struct err *e);
int report_docx(const struct report_out *r, Buf *out, struct err *e);
int report_pdf(const struct report_out *r, Buf *out, struct err *e);

/*---- The writers by file type (report_office.c) ----*/

/* One office file type: what the CLI's --out extension, the web's
 * report.EXT downloads and the files attached to a published report's
 * catalog item are looked up by. */
struct report_writer {
	const char *ext;   /* "docx": the extension, without the dot */
	const char *ctype; /* its content type (as domain/item.c's
			    * attachment allow-list gives it) */
	const char *label; /* what it is, for link text: "Word 文档" */
	int (*fn)(const struct report_out *r, Buf *out, struct err *e);
};

/* Every writer, in the order downloads are offered; ends with a row whose
 * ext is NULL. */
extern const struct report_writer report_writers[];

/* The writer for ext ("docx", no dot; compared exactly), or NULL. */
const struct report_writer *report_writer_find(const char *ext);

#endif
