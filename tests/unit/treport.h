/*
 * treport.h - a cn-2021 report for the unit tests of the office writers
 * (test_report_docx.c, test_report_xlsx.c): a few figures, 3 new
 * applications of natural persons carried into next year but totals of
 * 2, so each column balances and the total column's check fails in rows
 * new and carried_out.
 */
#ifndef GK_TREPORT_H
#define GK_TREPORT_H

#include "base/buf.h"
#include "domain/crosscheck.h"
#include "domain/format.h"

#include <stddef.h>

struct treport {
	struct format f;
	struct cellset cells;
	struct check_result *res;
	size_t nres, bad;
};

/* 0, or -1 when the format does not load; treport_free it either way. */
int treport_make(struct treport *x);
void treport_free(struct treport *x);

/* The member called name of the zip file (a .docx, an .xlsx) in b, as a
 * string, or NULL; the caller frees it. */
char *treport_member(const Buf *b, const char *name);

#endif
