/*
 * format.h - annual report formats as data (DESIGN.md §4). A format file
 * in data/report-formats/ (JSON) names the report's sections, its tables
 * with the official labels and merged-cell layout, each numeric cell's
 * metric, and the cross-checks (勾稽关系) that must hold. This module
 * parses one into a struct format and answers questions about it; it
 * never reads files itself (the caller hands it the text).
 *
 * A table is a list of blocks. A block has an optional title row (e.g.
 * 第二十条第（一）项), an optional corner label, and two trees of headers:
 * columns and rows. A node with children is a group label spanning its
 * children; a leaf has an id (unique in the table) and is a row or column
 * of numbers. A cell (row leaf × column leaf of the same block) takes its
 * metric from the row's "cells" map, else the row's "metric", else the
 * column's "metric"; "{col}" and "{row}" in it are replaced by the leaf
 * ids. Column "period" is "year" (default), "cumulative" (历年累计:
 * the row's id is then also the baseline metric), "previous" (the
 * metric over the year before: its flows, its stocks at the end of it)
 * or "change" (the year's value minus the previous year's, 本年增/减).
 */
#ifndef GK_FORMAT_H
#define GK_FORMAT_H

#include "base/err.h"

#include <stddef.h>
#include <stdint.h>

enum fmt_period { FP_YEAR, FP_CUMULATIVE, FP_PREVIOUS, FP_CHANGE };

struct fmt_node {
	char *id;     /* leaves only */
	char *label;  /* "{year}" is replaced by the report's year */
	char *metric; /* template, or NULL */
	char *unit;   /* row unit (单位 column), or NULL */
	int decimals; /* digits after the point (0 = whole numbers) */
	int hide_label; /* the label is for screen readers only */
	enum fmt_period period;
	/* row "cells": column id -> metric (parallel arrays) */
	char **cell_col, **cell_metric;
	size_t ncells;
	struct fmt_node *kids;
	size_t nkids;
};

struct fmt_block {
	char *title, *corner, *unit_label;
	struct fmt_node *cols, *rows; /* roots */
	size_t ncols, nrows;
	/* the leaves, left to right and top to bottom (pointers into the
	 * trees), and the depth of each tree (levels of headers) */
	const struct fmt_node **lcols, **lrows;
	size_t nlcols, nlrows;
	int col_depth, row_depth;
};

struct fmt_table {
	char *id, *caption;
	struct fmt_block *blocks;
	size_t nblocks;
};

enum fmt_each { FE_COL, FE_ROW, FE_ONCE };
enum fmt_op { FO_EQ, FO_LE };

/* left op right, summing the cells named: with each=col, the row ids of
 * left/right are summed in every column; with each=row, the column ids
 * in every row; once: left and right are "row/col" cell names. */
struct fmt_check {
	char *id, *label, *table;
	enum fmt_each each;
	enum fmt_op op;
	char **left, **right;
	size_t nleft, nright;
};

struct fmt_section {
	char *id, *title;
	char **tables;
	size_t ntables;
};

struct format {
	char *id, *name, *basis, *title;
	int from_year, to_year; /* years the format is meant for (0 = open) */
	struct fmt_section *sections;
	size_t nsections;
	struct fmt_table *tables;
	size_t ntables;
	struct fmt_check *checks;
	size_t nchecks;
};

/* Parses a format file's text; ERR_INPUT naming the place on a bad file
 * (unknown keys, missing ids, repeated leaf ids, checks naming unknown
 * rows or columns). *f is zeroed first; format_free it in every case. */
int format_parse(const char *text, size_t n, struct format *f,
		 struct err *e);
void format_free(struct format *f);

const struct fmt_table *format_table(const struct format *f,
				     const char *id);
/* The block of table t holding cell (row, col), or NULL if there is no
 * such cell. *r and *c are set to the leaves. */
const struct fmt_block *format_cell(const struct fmt_table *t,
				    const char *row, const char *col,
				    const struct fmt_node **r,
				    const struct fmt_node **c);
/* The metric of cell r × c with {row}/{col} filled in, into out (size
 * n); 0, or -1 when the cell has none. */
int format_cell_metric(const struct fmt_node *r, const struct fmt_node *c,
		       char *out, size_t n);

#endif
