/*
 * csv.h - RFC 4180 CSV: a reader over a whole in-memory buffer and a
 * writer into a Buf.
 *
 * Reading: an optional UTF-8 byte-order mark at the start is skipped;
 * fields are separated by ','; a field may be quoted with '"' (a quote
 * inside written "") and then may hold commas, CR and LF; records end at
 * CRLF, LF or the end of the data. Completely empty lines are skipped (a
 * line with only commas is a record of empty fields). Every record carries
 * the physical line on which it starts (line 1 is the first line of the
 * data), so callers can report FILE:LINE. Invalid UTF-8, NUL bytes, a quote
 * inside an unquoted field, text after a closing quote, a lone CR outside
 * quotes and a quote left open at the end are errors.
 *
 * Writing: csv_bom, then per record csv_field for each field and
 * csv_end_row. Fields are quoted only when needed.
 */
#ifndef GK_CSV_H
#define GK_CSV_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>

struct csv_reader;

/* One record. f[0..n-1] are the fields as NUL-terminated strings (f[n] is
 * NULL); the caller may modify them in place. Start with a zeroed row
 * (struct csv_row row = {0}); the row owns its memory, which csv_next
 * reuses and csv_row_clear frees. */
struct csv_row {
	char **f;
	size_t n;
	long line; /* physical line where the record starts */
};

/* Starts reading the n bytes at data, which must stay valid and unchanged
 * until csv_close. Never fails (out of memory aborts); the caller frees the
 * reader with csv_close. */
struct csv_reader *csv_open(const char *data, size_t n);

/* Reads the next record into row, replacing its previous content. Returns
 * 1 for a record, 0 at the end of the data, or -1 on malformed data: then
 * e (ERR_INPUT) says "第 N 行: problem", row->line is N and row->n is 0;
 * the reader stays at the error and returns it again on further calls. */
int csv_next(struct csv_reader *r, struct csv_row *row, struct err *e);

/* Frees the fields of row and zeroes it. */
void csv_row_clear(struct csv_row *row);

/* Frees the reader (NULL is allowed). Rows read from it stay valid. */
void csv_close(struct csv_reader *r);

/* Appends the UTF-8 byte-order mark, so that spreadsheet programs (Excel
 * on Chinese Windows) read the file as UTF-8; call it first. */
void csv_bom(Buf *out);

/* Appends one field of the current record: a ',' first unless first is
 * set, then s (NULL is empty), quoted with "" doubling when it holds ',',
 * '"', CR or LF, starts or ends with a space or tab, or starts with a
 * byte-order mark. An empty first field is written "", so that a record of
 * one empty field is not read back as an empty line (which is skipped). */
void csv_field(Buf *out, const char *s, int first);

/* Ends the record with CRLF. */
void csv_end_row(Buf *out);

#endif
