/*
 * report_grid.c - a report table as a grid of merged cells (see
 * report_grid.h). Each header tree is walked once in preorder; a node's
 * place follows from its level and the leaves it spans.
 */
#include "render/report_grid.h"

#include "base/buf.h"
#include "base/str.h"
#include "render/report_json.h"

#include <stdlib.h>
#include <string.h>

struct gb {
	struct rgrid *g;
	size_t cap;
	const char *organ;
	int year;
};

static struct rg_cell *put(struct gb *b, enum rg_kind kind, int row, int col,
			   int rowspan, int colspan)
{
	struct rgrid *g = b->g;
	if (g->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 32;
		g->v = xrealloc(g->v, b->cap * sizeof *g->v);
	}
	struct rg_cell *c = &g->v[g->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->row = row;
	c->col = col;
	c->rowspan = rowspan;
	c->colspan = colspan;
	return c;
}

static char *filled(const struct gb *b, const char *tpl)
{
	Buf t = BUF_INIT;
	report_fill(tpl ? tpl : "", b->organ, b->year, &t);
	return buf_detach(&t);
}

static char *node_label(const struct gb *b, const struct fmt_node *n)
{
	return n->hide_label ? xstrdup("") : filled(b, n->label);
}

/* The column headers under v[0..n) at the given level; *leaf counts the
 * leaves passed. top: the first header row; base: the first number
 * column; stretch goes to the block's last column. */
static void col_walk(struct gb *b, const struct fmt_block *k,
		     const struct fmt_node *v, size_t n, int level, int top,
		     int base, int stretch, size_t *leaf)
{
	for (size_t i = 0; i < n; i++) {
		size_t first = *leaf;
		if (v[i].nkids) {
			col_walk(b, k, v[i].kids, v[i].nkids, level + 1, top,
				 base, stretch, leaf);
		} else {
			(*leaf)++;
		}
		size_t nleaf = *leaf - first;
		int last = first + nleaf == k->nlcols;
		struct rg_cell *c = put(
			b, RG_COLHEAD, top + level, base + (int)first,
			v[i].nkids ? 1 : k->col_depth - level,
			(int)nleaf + (last ? stretch : 0));
		c->text = node_label(b, &v[i]);
	}
}

/* The row headers under v[0..n), the first body row being top. */
static void row_walk(struct gb *b, const struct fmt_block *k,
		     const struct fmt_node *v, size_t n, int level, int top,
		     size_t *leaf)
{
	for (size_t i = 0; i < n; i++) {
		size_t first = *leaf;
		if (v[i].nkids) {
			row_walk(b, k, v[i].kids, v[i].nkids, level + 1, top,
				 leaf);
		} else {
			(*leaf)++;
		}
		size_t nleaf = *leaf - first;
		struct rg_cell *c =
			put(b, RG_ROWHEAD, top + (int)first, level,
			    v[i].nkids ? (int)nleaf : 1,
			    v[i].nkids ? 1 : k->row_depth - level);
		c->text = node_label(b, &v[i]);
	}
}

static int block_width(const struct fmt_block *k)
{
	return k->row_depth + (k->unit_label ? 1 : 0) + (int)k->nlcols;
}

static int by_place(const void *a, const void *b)
{
	const struct rg_cell *x = a, *y = b;
	if (x->row != y->row) {
		return x->row < y->row ? -1 : 1;
	}
	return x->col < y->col ? -1 : x->col > y->col;
}

void report_grid(const struct fmt_table *t, const char *organ, int year,
		 const struct cellset *cells, struct rgrid *g)
{
	struct gb b = {g, 0, organ, year};
	memset(g, 0, sizeof *g);
	g->caption = filled(&b, t->caption);
	for (size_t i = 0; i < t->nblocks; i++) {
		int w = block_width(&t->blocks[i]);
		g->ncols = w > g->ncols ? w : g->ncols;
	}
	int r = 0;
	for (size_t i = 0; i < t->nblocks; i++) {
		const struct fmt_block *k = &t->blocks[i];
		int stretch = g->ncols - block_width(k);
		int base = k->row_depth + (k->unit_label ? 1 : 0);
		if (k->title) {
			put(&b, RG_TITLE, r++, 0, 1, g->ncols)->text =
				filled(&b, k->title);
		}
		put(&b, RG_CORNER, r, 0, k->col_depth, k->row_depth)->text =
			filled(&b, k->corner);
		if (k->unit_label) {
			put(&b, RG_UNITHEAD, r, k->row_depth, k->col_depth, 1)
				->text = filled(&b, k->unit_label);
		}
		size_t leaf = 0;
		col_walk(&b, k, k->cols, k->ncols, 0, r, base, stretch, &leaf);
		r += k->col_depth;
		if (t->nblocks == 1) {
			g->header_rows = r;
		}
		leaf = 0;
		row_walk(&b, k, k->rows, k->nrows, 0, r, &leaf);
		for (size_t y = 0; y < k->nlrows; y++, r++) {
			if (k->unit_label) {
				const char *u = k->lrows[y]->unit;
				put(&b, RG_UNIT, r, k->row_depth, 1, 1)->text =
					filled(&b, u);
			}
			for (size_t x = 0; x < k->nlcols; x++) {
				int last = x + 1 == k->nlcols;
				struct rg_cell *c =
					put(&b, RG_NUM, r, base + (int)x, 1,
					    1 + (last ? stretch : 0));
				char num[32];
				int64_t v;
				c->decimals = k->lcols[x]->decimals;
				c->has_value = report_cell_text(
					cells, t->id, k->lrows[y]->id,
					k->lcols[x], num, sizeof num);
				if (c->has_value &&
				    cellset_get(cells, t->id, k->lrows[y]->id,
						k->lcols[x]->id, &v) == 0) {
					c->value = cell_round(v, c->decimals);
				}
				c->text = xstrdup(num);
			}
		}
	}
	g->nrows = r;
	qsort(g->v, g->n, sizeof *g->v, by_place);
}

void report_grid_free(struct rgrid *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].text);
	}
	free(g->v);
	free(g->caption);
	memset(g, 0, sizeof *g);
}

void report_grid_plain(const char *caption, int ncols, int nrows,
		       const char *const *text, struct rgrid *g)
{
	memset(g, 0, sizeof *g);
	struct gb b = {.g = g};
	g->caption = xstrdup(caption ? caption : "");
	g->nrows = nrows + 1;
	g->ncols = ncols;
	g->header_rows = 1;
	for (int r = 0; r <= nrows; r++) {
		for (int c = 0; c < ncols; c++) {
			enum rg_kind k = r == 0	  ? RG_COLHEAD
					 : c == 0 ? RG_ROWHEAD
						  : RG_UNIT;
			const char *t = text[(size_t)r * (size_t)ncols +
					     (size_t)c];
			put(&b, k, r, c, 1, 1)->text = xstrdup(t ? t : "");
		}
	}
}
