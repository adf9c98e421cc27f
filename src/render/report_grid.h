/*
 * report_grid.h - a report table laid out as a grid of merged cells: the
 * official layout (docs/report-formats.md) that the office-file writers
 * (DOCX, XLSX, PDF) draw, each in its own terms. The HTML writer
 * (report_html.c) builds the same layout with the ids and `headers` lists
 * that screen readers need.
 *
 * Blocks stack top to bottom; each has an optional title row spanning the
 * table, its column header rows (the corner cell over the row headers,
 * an optional unit column, then the `cols` tree: groups span their
 * leaves, a leaf above the deepest level spans down), then one row per
 * row leaf (the `rows` tree: groups span their leaves' rows, a leaf above
 * the deepest level spans right), the unit and the numbers. A block
 * narrower than the table's widest one stretches its last column.
 */
#ifndef GK_REPORT_GRID_H
#define GK_REPORT_GRID_H

#include "domain/crosscheck.h"
#include "domain/format.h"

#include <stddef.h>
#include <stdint.h>

enum rg_kind {
	RG_TITLE,    /* a block's title row */
	RG_CORNER,   /* the corner over the row headers (may be "") */
	RG_COLHEAD,  /* a column header or group */
	RG_ROWHEAD,  /* a row header or group */
	RG_UNITHEAD, /* the unit column's header */
	RG_UNIT,     /* a row's unit */
	RG_NUM,      /* a number (or a blank) */
};

struct rg_cell {
	int row, col, rowspan, colspan; /* 0-based; spans >= 1 */
	enum rg_kind kind;
	char *text;    /* as printed: labels filled in ("{year}", "{organ}"),
			* "" for a label meant for screen readers only; numbers
			* rounded to their decimals, "" when blank */
	int has_value; /* RG_NUM: 1 when the cell has a value */
	int64_t value; /* RG_NUM: rounded, × CELL_SCALE */
	int decimals;  /* RG_NUM: digits after the point */
};

struct rgrid {
	char *caption;  /* filled in */
	int nrows, ncols;
	int header_rows; /* rows at the top that are headers of the whole
			  * table (one block: its title and column header
			  * rows; several blocks: 0, each has its own) */
	struct rg_cell *v; /* row by row, left to right */
	size_t n;
};

/* Lays out table t of a report; organ and year fill the labels. The
 * grid owns copies of all its text: report_grid_free releases them. */
void report_grid(const struct fmt_table *t, const char *organ, int year,
		 const struct cellset *cells, struct rgrid *g);
void report_grid_free(struct rgrid *g);

/* A plain table of text in the same terms, for what is not a format's
 * table (the roll-up's list of organs): text holds (nrows + 1) * ncols
 * strings row by row, the first row the column headers (RG_COLHEAD), then
 * each row's header in the first column (RG_ROWHEAD) and its texts
 * (RG_UNIT, centred like a unit); NULL is "". The grid owns copies. */
void report_grid_plain(const char *caption, int ncols, int nrows,
		       const char *const *text, struct rgrid *g);

#endif
