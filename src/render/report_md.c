/*
 * report_md.c - the Markdown report writer (see report_md.h). Text and
 * labels are escaped so that they read as written: the characters that
 * could start inline markup are backslash-escaped, and a line's start
 * cannot open a heading, quote, list or code block.
 */
#include "render/report_md.h"

#include "base/str.h"

#include <stdlib.h>
#include <string.h>

/* Appends s[0..n) as Markdown inline text. In a table cell '|' is escaped
 * too and line breaks become <br>. */
static void md_inline(Buf *out, const char *s, size_t n, int cell)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (cell && (c == '\n' || c == '\r')) {
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
				i++;
			}
			buf_puts(out, "<br>");
			continue;
		}
		if (strchr("\\`*_[]<>&|~", c)) {
			buf_putc(out, '\\');
		}
		buf_putc(out, c);
	}
}

static void md_cell(Buf *out, const char *s)
{
	buf_puts(out, "| ");
	md_inline(out, s, strlen(s), 1);
	buf_putc(out, ' ');
}

/* One line of a text paragraph: leading blanks dropped (four would make
 * code), and a start that Markdown would read as block markup escaped. */
static void md_line(Buf *out, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	size_t d = 0;
	while (d < n && s[d] >= '0' && s[d] <= '9') {
		d++;
	}
	if (n && strchr("#>-+=", s[0])) {
		buf_putc(out, '\\');
	} else if (d && d < n && (s[d] == '.' || s[d] == ')')) {
		buf_append(out, s, d);
		buf_putc(out, '\\');
		s += d;
		n -= d;
	}
	md_inline(out, s, n, 0);
}

/* Plain text as Markdown paragraphs: blank lines separate them, other
 * line breaks are kept as hard breaks ("\" at the end of the line). */
static void md_text(Buf *out, const char *s)
{
	int open = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		size_t len = n && s[n - 1] == '\r' ? n - 1 : n;
		size_t k = 0;
		while (k < len && (s[k] == ' ' || s[k] == '\t')) {
			k++;
		}
		if (k == len) {
			if (open) {
				buf_puts(out, "\n\n");
			}
			open = 0;
		} else {
			if (open) {
				buf_puts(out, "\\\n");
			}
			open = 1;
			md_line(out, s, len);
		}
		s += n + (nl ? 1 : 0);
	}
	if (open) {
		buf_puts(out, "\n\n");
	}
}

/* The labels of v's leaves (left to right, top to bottom), each after
 * its group labels joined by " / ", placeholders filled: one heap string
 * per leaf into out[*k...]. */
static void leaf_paths(const struct fmt_node *v, size_t n, const char *pre,
		       const char *organ, int year, char **out, size_t *k)
{
	for (size_t i = 0; i < n; i++) {
		Buf p = BUF_INIT;
		if (pre) {
			buf_printf(&p, "%s / ", pre);
		}
		report_fill(v[i].label ? v[i].label : "", organ, year, &p);
		if (v[i].nkids) {
			leaf_paths(v[i].kids, v[i].nkids, buf_str(&p), organ,
				   year, out, k);
			buf_free(&p);
		} else {
			out[(*k)++] = buf_detach(&p);
		}
	}
}

static void paths_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i]);
	}
	free(v);
}

static void md_block(const struct fmt_block *k, const char *table,
		     const char *organ, int year, const struct cellset *cells,
		     Buf *out)
{
	char **cols = xcalloc(k->nlcols + 1, sizeof *cols);
	char **rows = xcalloc(k->nlrows + 1, sizeof *rows);
	size_t nc = 0, nr = 0;
	Buf t = BUF_INIT;
	leaf_paths(k->cols, k->ncols, NULL, organ, year, cols, &nc);
	leaf_paths(k->rows, k->nrows, NULL, organ, year, rows, &nr);
	if (k->title) {
		buf_puts(out, "**");
		report_fill(k->title, organ, year, &t);
		md_inline(out, t.p, t.n, 0);
		buf_puts(out, "**\n\n");
	}
	buf_reset(&t);
	report_fill(k->corner ? k->corner : "", organ, year, &t);
	md_cell(out, buf_str(&t));
	if (k->unit_label) {
		buf_reset(&t);
		report_fill(k->unit_label, organ, year, &t);
		md_cell(out, buf_str(&t));
	}
	for (size_t c = 0; c < nc; c++) {
		md_cell(out, cols[c]);
	}
	buf_puts(out, "|\n| --- |");
	if (k->unit_label) {
		buf_puts(out, " --- |");
	}
	for (size_t c = 0; c < nc; c++) {
		buf_puts(out, " ---: |");
	}
	buf_putc(out, '\n');
	for (size_t r = 0; r < nr; r++) {
		md_cell(out, rows[r]);
		if (k->unit_label) {
			buf_reset(&t);
			report_fill(k->lrows[r]->unit ? k->lrows[r]->unit : "",
				    organ, year, &t);
			md_cell(out, buf_str(&t));
		}
		for (size_t c = 0; c < nc; c++) {
			char num[32];
			report_cell_text(cells, table, k->lrows[r]->id,
					 k->lcols[c], num, sizeof num);
			md_cell(out, num);
		}
		buf_puts(out, "|\n");
	}
	buf_putc(out, '\n');
	buf_free(&t);
	paths_free(cols, nc);
	paths_free(rows, nr);
}

void report_md_table(const struct fmt_table *t, const char *organ, int year,
		     const struct cellset *cells, Buf *out)
{
	Buf c = BUF_INIT;
	report_fill(t->caption, organ, year, &c);
	buf_puts(out, "### ");
	md_inline(out, c.p, c.n, 0);
	buf_puts(out, "\n\n");
	buf_free(&c);
	for (size_t b = 0; b < t->nblocks; b++) {
		md_block(&t->blocks[b], t->id, organ, year, cells, out);
	}
}

void report_md(const struct format *f, const char *organ, int year,
	       const struct cellset *cells, report_text_fn text, void *arg,
	       Buf *out)
{
	Buf h = BUF_INIT;
	report_fill(f->title, organ, year, &h);
	buf_puts(out, "# ");
	md_inline(out, h.p, h.n, 0);
	buf_puts(out, "\n\n");
	for (size_t i = 0; i < f->nsections; i++) {
		const struct fmt_section *s = &f->sections[i];
		const char *tx = text ? text(s->id, arg) : NULL;
		buf_reset(&h);
		report_fill(s->title, organ, year, &h);
		buf_puts(out, "## ");
		md_inline(out, h.p, h.n, 0);
		buf_puts(out, "\n\n");
		if (tx) {
			md_text(out, tx);
		}
		for (size_t k = 0; k < s->ntables; k++) {
			const struct fmt_table *t =
				format_table(f, s->tables[k]);
			if (t) {
				report_md_table(t, organ, year, cells, out);
			}
		}
	}
	buf_free(&h);
}
