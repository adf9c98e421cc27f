/*
 * report_docx.c - the whole annual report as a Word document (see
 * report_office.h) on the GB/T 9704-2012 writer (render/docx.h): the
 * title, the note if any, then each section of the format in its order:
 * its heading, its text (one paragraph a line, blank lines dropped, as the
 * report page splits it) and its tables, each with its caption above and,
 * when a cross-check of the table failed, a note under it saying which;
 * then the annex table if any; last the organ's name as the signature.
 * There is no date line: the publication date is the catalog item's.
 *
 * A table is drawn from report_grid, so its merged cells are the report
 * page's. Column widths add up to the text width: each column asks for a
 * comfortable width and a least one (in half-em units of the table's
 * font): a row-header column its labels on one line up to 14 characters,
 * a vertical group label (a group spanning rows) only its text spread over
 * its rows, at least 6 characters for the deepest labels; a number column
 * its header up to 4 characters and at least its widest number and 2
 * characters. The comfortable widths are used and widened in proportion
 * when they fit; else each column is squeezed between the two in the same
 * ratio; a table whose least widths do not fit (no shipped format has one)
 * is scaled down as a whole, its text wrapping within the cells. Tables of
 * DENSE_COLS or more columns (cn-2021's applications, 10; cases, 16) are
 * set in 五号 instead of 小四; all of them fit portrait A4.
 */
#include "render/report_office.h"

#include "base/str.h"
#include "base/utf8.h"
#include "render/docx.h"
#include "render/report_grid.h"

#include <stdlib.h>
#include <string.h>

#define DENSE_COLS 9
/* twips of one em: 小四 12 pt, 五号 10.5 pt */
#define EM_NORMAL 240
#define EM_SMALL 210
/* twips around a cell's text: the 57-twip cell margins on both sides and
 * a little room for the borders and for rounding */
#define CELL_PAD 150
/* half-ems: the widest label kept on one line, the least width of the
 * deepest row labels and of a number column, the header width a number
 * column asks for */
#define LABEL_CAP 28
#define LABEL_LEAST 12
#define NUM_LEAST 4
#define NUM_HEAD 8

/*---- Column widths ----*/

struct colw {
	int label; /* some row header covers the column */
	int least, want; /* half-ems */
};

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/* The width of s in half-ems (a CJK character is 2, a Latin one 1). */
static int text_w(const char *s)
{
	return (int)utf8_width(s ? s : "");
}

static void col_needs(const struct rgrid *g, struct colw *c)
{
	memset(c, 0, (size_t)g->ncols * sizeof *c);
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *x = &g->v[i];
		if (x->kind == RG_ROWHEAD) {
			for (int k = x->col; k < x->col + x->colspan; k++) {
				c[k].label = 1;
			}
		}
	}
	/* single columns first, then the spanning row labels on top */
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *x = &g->v[i];
		struct colw *w = &c[x->col];
		int tw = text_w(x->text);
		if (x->colspan != 1) {
			continue;
		}
		switch (x->kind) {
		case RG_ROWHEAD:
		case RG_CORNER: {
			/* a group over several rows wraps down them */
			int per = (tw + x->rowspan - 1) / x->rowspan;
			w->want = imax(w->want, imin(per, LABEL_CAP));
			break;
		}
		case RG_UNIT:
		case RG_UNITHEAD:
			w->want = imax(w->want, tw);
			w->least = imax(w->least, tw);
			break;
		case RG_COLHEAD:
			w->want = imax(w->want, imin(tw, NUM_HEAD));
			break;
		case RG_NUM:
			w->least = imax(w->least, tw + 1);
			break;
		case RG_TITLE:
			break;
		}
	}
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *x = &g->v[i];
		if (x->kind != RG_ROWHEAD || x->colspan == 1) {
			continue;
		}
		int per = imin((text_w(x->text) + x->rowspan - 1) / x->rowspan,
			       LABEL_CAP);
		int have = 0;
		for (int k = x->col; k < x->col + x->colspan; k++) {
			have += c[k].want;
		}
		if (have < per) {
			c[x->col + x->colspan - 1].want += per - have;
		}
	}
	for (int k = 0; k < g->ncols; k++) {
		struct colw *w = &c[k];
		if (w->label) {
			w->want = imax(w->want, 4);
			w->least = imax(w->least, imin(w->want, LABEL_LEAST));
		} else {
			w->least = imax(w->least, NUM_LEAST);
		}
		w->want = imax(w->want, w->least);
	}
}

/* Fills width[0..g->ncols) in twips, adding up to DOCX_TEXT_WIDTH. */
static void col_widths(const struct rgrid *g, int em, int *width)
{
	struct colw c[DOCX_MAX_COLS];
	int n = g->ncols;
	long least = 0, want = 0, sum = 0, room = DOCX_TEXT_WIDTH;
	col_needs(g, c);
	for (int k = 0; k < n; k++) {
		c[k].least = c[k].least * em / 2 + CELL_PAD;
		c[k].want = c[k].want * em / 2 + CELL_PAD;
		least += c[k].least;
		want += c[k].want;
	}
	for (int k = 0; k < n; k++) {
		long w;
		if (want <= room) {
			w = c[k].want * room / want;
		} else if (least <= room) {
			w = c[k].least + (c[k].want - c[k].least) *
						 (room - least) / (want - least);
		} else {
			w = c[k].least * room / least;
		}
		width[k] = (int)imax((int)w, 1);
		sum += width[k];
	}
	/* what rounding left goes to the widest column */
	int widest = 0;
	for (int k = 1; k < n; k++) {
		if (width[k] > width[widest]) {
			widest = k;
		}
	}
	width[widest] += (int)(room - sum);
}

/*---- Tables ----*/

static unsigned cell_flags(const struct rg_cell *x, int small)
{
	unsigned f = small ? DOCX_SMALL : 0;
	switch (x->kind) {
	case RG_TITLE:
		return f | DOCX_CENTER | DOCX_BOLD;
	case RG_ROWHEAD:
		/* a group label down several rows is centred in them */
		return f | (x->rowspan > 1 ? DOCX_CENTER : DOCX_LEFT);
	case RG_CORNER:
	case RG_COLHEAD:
	case RG_UNITHEAD:
	case RG_UNIT:
	case RG_NUM:
		break;
	}
	return f | DOCX_CENTER;
}

/* The grid with its caption above. */
static void put_grid(struct docx *d, const struct rgrid *g)
{
	int width[DOCX_MAX_COLS];
	docx_para(d, DOCX_CAPTION, g->caption);
	if (g->ncols < 1 || g->ncols > DOCX_MAX_COLS) {
		/* docx_table_begin refuses it, with the reason */
		docx_table_begin(d, g->ncols, NULL, 0);
		return;
	}
	int small = g->ncols >= DENSE_COLS;
	col_widths(g, small ? EM_SMALL : EM_NORMAL, width);
	docx_table_begin(d, g->ncols, width, g->header_rows);
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *x = &g->v[i];
		docx_cell(d, x->row, x->col, x->rowspan, x->colspan,
			  cell_flags(x, small), x->text);
	}
	docx_table_end(d);
}

static void put_table(struct docx *d, const struct report_out *r,
		      const struct fmt_table *t)
{
	struct rgrid g;
	Buf note = BUF_INIT;
	report_grid(t, r->organ, r->year, r->cells, &g);
	put_grid(d, &g);
	report_failed_note(r, t->id, &note);
	if (note.n) {
		docx_para(d, DOCX_NOTE, buf_str(&note));
	}
	buf_free(&note);
	report_grid_free(&g);
}

/*---- Text ----*/

/* Leading spaces a clerk typed to indent (ASCII, tab, U+3000): the body
 * style indents by itself. */
static size_t indent_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
		} else if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 3;
		} else {
			break;
		}
	}
	return i;
}

/* Section text as body paragraphs: each line that is not blank is one. */
static void put_text(struct docx *d, const char *s)
{
	Buf b = BUF_INIT;
	while (*s) {
		size_t n = strcspn(s, "\n");
		size_t k = indent_len(s, n), end = n;
		while (end > k && (s[end - 1] == '\r' || s[end - 1] == ' ' ||
				   s[end - 1] == '\t')) {
			end--;
		}
		if (end > k) {
			if (b.n) {
				buf_putc(&b, '\n');
			}
			buf_append(&b, s + k, end - k);
		}
		s += n + (s[n] ? 1 : 0);
	}
	if (b.n) {
		docx_para(d, DOCX_BODY, buf_str(&b));
	}
	buf_free(&b);
}

/*---- The document ----*/

int report_docx(const struct report_out *r, Buf *out, struct err *e)
{
	const struct format *f = r->f;
	Buf t = BUF_INIT;
	report_fill(f->title, r->organ, r->year, &t);
	struct docx *d = docx_new(buf_str(&t));
	docx_para(d, DOCX_TITLE, buf_str(&t));
	if (!str_empty(r->note)) {
		docx_para(d, DOCX_NOTE, r->note);
	}
	docx_para(d, DOCX_BODY, "");
	for (size_t i = 0; i < f->nsections; i++) {
		const struct fmt_section *s = &f->sections[i];
		const char *text = r->text ? r->text(s->id, r->arg) : NULL;
		buf_reset(&t);
		report_fill(s->title, r->organ, r->year, &t);
		docx_para(d, DOCX_HEADING1, buf_str(&t));
		if (text) {
			put_text(d, text);
		}
		for (size_t k = 0; k < s->ntables; k++) {
			const struct fmt_table *tb =
				format_table(f, s->tables[k]);
			if (tb) {
				put_table(d, r, tb);
			}
		}
	}
	if (r->annex) {
		docx_para(d, DOCX_BODY, "");
		put_grid(d, r->annex);
	}
	docx_para(d, DOCX_BODY, "");
	docx_para(d, DOCX_SIGNATURE, r->organ);
	int rc = docx_write(d, out, e);
	docx_free(d);
	buf_free(&t);
	return rc;
}
