/*
 * report_pdf.c - the annual report as a PDF laid out after GB/T 9704-2012,
 * drawn with cairo (the PDF surface writes into the caller's Buf) and
 * pango (line breaking, CJK shaping). Fonts come from fontconfig: Noto
 * Serif CJK SC Bold for the title (小标宋), Noto Sans CJK SC Bold for
 * headings (黑体), Noto Serif CJK SC for the body (仿宋) and the tables;
 * cairo embeds the subsets used.
 *
 * The page is the DOCX writer's (render/docx.h): A4, text area 156 x 225
 * mm at 37 mm from the top, 28 mm from the inside edge (left on odd
 * pages, right on even ones); body text 三号 on a 28.95 pt line pitch
 * with a two-character first-line indent; "— N —" in 四号 7 mm below the
 * text area, on the outer side. Tables come from report_grid: column
 * widths from their content (row headers wider), a font from 12 pt down
 * to 8 pt until the table fits the width, rows broken across pages only
 * between row groups (rows joined by a rowspan stay together unless the
 * group is taller than a page), the header rows repeated on each page.
 */
#include "render/report_office.h"

#include "base/utf8.h"
#include "render/report_grid.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define TOP (37 * MM)
#define TEXT_W (156 * MM)
#define TEXT_H (225 * MM)
#define BOTTOM (TOP + TEXT_H)
#define PITCH 28.95
#define PAD 2.5 /* cell padding, pt */

#define F_TITLE "Noto Serif CJK SC Bold"
#define F_HEAD "Noto Sans CJK SC Bold"
#define F_BODY "Noto Serif CJK SC"

struct pdf {
	cairo_surface_t *s;
	cairo_t *cr;
	PangoFontMap *fm; /* this document's own, so nothing stays cached */
	PangoContext *ctx;
	int page;  /* 1-based, the page being drawn */
	double y;  /* the next free position on it, pt from the top */
	int blank; /* nothing drawn on the page yet */
};

static cairo_status_t write_buf(void *closure, const unsigned char *data,
				unsigned int n)
{
	buf_append(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* Left edge of the text area on the current page. */
static double left(const struct pdf *p)
{
	return p->page % 2 ? 28 * MM : 26 * MM;
}

static PangoLayout *layout(struct pdf *p, const char *font, double size,
			   const char *text, double width)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoFontDescription *d = pango_font_description_from_string(font);
	pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
	pango_layout_set_font_description(l, d);
	pango_font_description_free(d);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

static void page_number(struct pdf *p)
{
	char s[32];
	snprintf(s, sizeof s, "— %d —", p->page);
	PangoLayout *l = layout(p, F_BODY, 14, s, 0);
	PangoRectangle r;
	pango_layout_get_pixel_extents(l, NULL, &r);
	double x = p->page % 2 ? left(p) + TEXT_W - 14 - r.width
			       : left(p) + 14;
	cairo_move_to(p->cr, x, BOTTOM + 7 * MM);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void new_page(struct pdf *p)
{
	page_number(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	p->blank = 1;
}

/* Draws a paragraph line by line on a pitch-line grid (pitch 0: the
 * lines' own height), breaking pages between lines. */
static void para(struct pdf *p, const char *font, double size,
		 PangoAlignment align, int indent, double pitch,
		 const char *text)
{
	PangoLayout *l = layout(p, font, size, text, TEXT_W);
	pango_layout_set_alignment(l, align);
	if (indent) {
		pango_layout_set_indent(l, (int)(2 * size * PANGO_SCALE));
	}
	if (align == PANGO_ALIGN_LEFT && indent) {
		pango_layout_set_justify(l, TRUE);
	}
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		double h = (double)lr.height / PANGO_SCALE;
		double bl = (double)(pango_layout_iter_get_baseline(it) -
				     lr.y) / PANGO_SCALE;
		double box = pitch > 0 && pitch > h ? pitch : h;
		if (p->y + box > BOTTOM && !p->blank) {
			new_page(p);
		}
		cairo_move_to(p->cr,
			      left(p) + (double)lr.x / PANGO_SCALE,
			      p->y + (box - h) / 2 + bl);
		pango_cairo_show_layout_line(p->cr, ln);
		p->y += box;
		p->blank = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

/* Body text: blank lines separate paragraphs; the other line breaks
 * stay line breaks inside one (as report_html_body). */
static void body_text(struct pdf *p, const char *s)
{
	Buf cur = BUF_INIT;
	while (1) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		int blank = 1;
		for (size_t i = 0; i < n; i++) {
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
				blank = 0;
			}
		}
		if (!blank) {
			if (cur.n) {
				buf_putc(&cur, '\n');
			}
			buf_append(&cur, s, n && s[n - 1] == '\r' ? n - 1 : n);
		}
		if ((blank || !nl) && cur.n) {
			para(p, F_BODY, 16, PANGO_ALIGN_LEFT, 1, PITCH,
			     buf_str(&cur));
			buf_reset(&cur);
		}
		if (!nl) {
			break;
		}
		s = nl + 1;
	}
	buf_free(&cur);
}

/*---- Tables ----*/

struct tab {
	const struct rgrid *g;
	double fs;
	double *w;  /* column widths */
	double *x;  /* column left edges, relative to the table */
	double *rh; /* row heights */
};

static const char *cell_font(const struct rg_cell *c)
{
	return c->kind == RG_TITLE ? F_HEAD : F_BODY;
}

/* The text's width on one line at size fs. */
static double natural(struct pdf *p, const struct rg_cell *c, double fs)
{
	PangoLayout *l = layout(p, cell_font(c), fs, c->text, 0);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	g_object_unref(l);
	return (double)r.width / PANGO_SCALE + 2 * PAD;
}

/* Column widths at font size fs; 0 when even the narrowest layout is
 * wider than the text area. */
static int widths(struct pdf *p, struct tab *t, double fs, int last)
{
	const struct rgrid *g = t->g;
	int nc = g->ncols;
	double *want = calloc((size_t)nc, sizeof *want);
	double *min = calloc((size_t)nc, sizeof *min);
	if (!want || !min) {
		abort();
	}
	for (int c = 0; c < nc; c++) {
		min[c] = fs + 2 * PAD;
		want[c] = min[c];
	}
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		if (c->colspan != 1 || !c->text[0]) {
			continue;
		}
		double nat = natural(p, c, fs);
		/* labels may wrap: row headers to about 9 characters a
		 * line, column headers to about 4, and at least 2 */
		double cap = c->kind == RG_ROWHEAD ? 9 * fs + 2 * PAD
			     : c->kind == RG_NUM || c->kind == RG_UNIT
				     ? nat
				     : 4 * fs + 2 * PAD;
		double lo = c->kind == RG_NUM || c->kind == RG_UNIT
				    ? nat
				    : 2 * fs + 2 * PAD;
		if (lo > nat) {
			lo = nat;
		}
		double wv = nat < cap ? nat : cap;
		if (wv > want[c->col]) {
			want[c->col] = wv;
		}
		if (lo > min[c->col]) {
			min[c->col] = lo;
		}
	}
	double sw = 0, sm = 0;
	for (int c = 0; c < nc; c++) {
		if (want[c] < min[c]) {
			want[c] = min[c];
		}
		sw += want[c];
		sm += min[c];
	}
	int ok = sm <= TEXT_W;
	if (ok || last) {
		for (int c = 0; c < nc; c++) {
			if (sw <= TEXT_W) {
				t->w[c] = want[c] * TEXT_W / sw;
			} else if (sm < TEXT_W) {
				double k = (TEXT_W - sm) / (sw - sm);
				t->w[c] = min[c] + (want[c] - min[c]) * k;
			} else {
				t->w[c] = min[c] * TEXT_W / sm;
			}
		}
	}
	free(want);
	free(min);
	return ok;
}

static double span_w(const struct tab *t, const struct rg_cell *c)
{
	double w = 0;
	for (int k = 0; k < c->colspan; k++) {
		w += t->w[c->col + k];
	}
	return w;
}

static PangoLayout *cell_layout(struct pdf *p, const struct tab *t,
				const struct rg_cell *c)
{
	PangoLayout *l = layout(p, cell_font(c), t->fs, c->text,
				span_w(t, c) - 2 * PAD);
	PangoAlignment a = PANGO_ALIGN_CENTER;
	if (c->kind == RG_NUM) {
		a = PANGO_ALIGN_RIGHT;
	} else if (c->kind == RG_TITLE ||
		   (c->kind == RG_ROWHEAD && c->rowspan == 1)) {
		a = PANGO_ALIGN_LEFT;
	}
	pango_layout_set_alignment(l, a);
	return l;
}

static double text_h(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

/* Fits the table to the text width and measures its rows. */
static void measure(struct pdf *p, struct tab *t)
{
	static const double sizes[] = {12, 11, 10.5, 9.5, 9, 8};
	size_t ns = sizeof sizes / sizeof sizes[0];
	for (size_t i = 0; i < ns; i++) {
		t->fs = sizes[i];
		if (widths(p, t, t->fs, i + 1 == ns)) {
			break;
		}
	}
	const struct rgrid *g = t->g;
	double x = 0;
	for (int c = 0; c < g->ncols; c++) {
		t->x[c] = x;
		x += t->w[c];
	}
	for (int r = 0; r < g->nrows; r++) {
		t->rh[r] = t->fs * 1.4 + 2 * PAD;
	}
	/* single rows first, then spans grow their last row */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < g->n; i++) {
			const struct rg_cell *c = &g->v[i];
			if ((c->rowspan > 1) != pass) {
				continue;
			}
			PangoLayout *l = cell_layout(p, t, c);
			double h = text_h(l) + 2 * PAD;
			g_object_unref(l);
			double have = 0;
			for (int k = 0; k < c->rowspan; k++) {
				have += t->rh[c->row + k];
			}
			if (h > have) {
				t->rh[c->row + c->rowspan - 1] += h - have;
			}
		}
	}
}

/* Draws the cells that meet rows [a, b] of t with row a at y: each
 * cell's part in those rows, its text centred in that part. */
static void draw_rows(struct pdf *p, const struct tab *t, int a, int b,
		      double y)
{
	const struct rgrid *g = t->g;
	cairo_t *cr = p->cr;
	double x0 = left(p);
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		int r0 = c->row > a ? c->row : a;
		int r1 = c->row + c->rowspan - 1;
		if (r1 > b) {
			r1 = b;
		}
		if (r0 > r1) {
			continue;
		}
		double cy = y, h = 0;
		for (int r = a; r < r0; r++) {
			cy += t->rh[r];
		}
		for (int r = r0; r <= r1; r++) {
			h += t->rh[r];
		}
		double cx = x0 + t->x[c->col], w = span_w(t, c);
		cairo_rectangle(cr, cx, cy, w, h);
		cairo_set_line_width(cr, 0.6);
		cairo_stroke(cr);
		if (!c->text[0]) {
			continue;
		}
		PangoLayout *l = cell_layout(p, t, c);
		double th = text_h(l);
		cairo_save(cr);
		cairo_rectangle(cr, cx, cy, w, h);
		cairo_clip(cr);
		cairo_move_to(cr, cx + PAD, cy + (h - th) / 2);
		pango_cairo_show_layout(cr, l);
		cairo_restore(cr);
		g_object_unref(l);
	}
}

static double rows_h(const struct tab *t, int a, int b)
{
	double h = 0;
	for (int r = a; r <= b; r++) {
		h += t->rh[r];
	}
	return h;
}

/* The last row of the inner group of rows from k in a group ending at
 * ge that starts at row r: the cells starting at r and reaching ge (the
 * group's own label) do not count. */
static int inner_end(const struct rgrid *g, int r, int k, int ge)
{
	int e = k;
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		int last = c->row + c->rowspan - 1;
		if (c->row < k || c->row > e || (c->row == r && last == ge)) {
			continue;
		}
		if (last > e) {
			e = last;
		}
	}
	return e < ge ? e : ge;
}

/* The last row of rows r..ge (a group taller than a page) that fits on
 * the rest of this page, taking whole inner groups, or single rows of an
 * inner group taller than a page; r - 1 when not even one fits. */
static int fit_part(const struct pdf *p, const struct tab *t, int r, int ge,
		    double head)
{
	double room = BOTTOM - p->y;
	int e = r - 1;
	for (int k = r; k <= ge;) {
		int se = inner_end(t->g, r, k, ge);
		double h = rows_h(t, k, se);
		if (h > TEXT_H - head && h > room) {
			se = k; /* a huge inner group: by rows */
			h = t->rh[k];
		}
		if (h > room) {
			break;
		}
		room -= h;
		e = se;
		k = se + 1;
	}
	return e;
}

static void head_rows(struct pdf *p, const struct tab *t, int hr,
		      double head)
{
	if (hr) {
		draw_rows(p, t, 0, hr - 1, p->y);
		p->y += head;
	}
}

/* The last row of the group starting at row r: rows joined by
 * rowspans, end[k] being the last row a cell starting at k reaches. */
static int group_end(const int *end, int r, int n)
{
	int e = end[r];
	for (int k = r; k <= e && k < n; k++) {
		if (end[k] > e) {
			e = end[k];
		}
	}
	return e < n ? e : n - 1;
}

/* Draws table g; heading, when not NULL, is a section heading drawn
 * first and kept on the page with the table's start. */
static void table(struct pdf *p, const struct rgrid *g, const char *heading)
{
	struct tab t = {.g = g};
	size_t nc = g->ncols > 0 ? (size_t)g->ncols : 1;
	size_t nr = g->nrows > 0 ? (size_t)g->nrows : 1;
	t.w = calloc(nc, sizeof *t.w);
	t.x = calloc(nc, sizeof *t.x);
	t.rh = calloc(nr, sizeof *t.rh);
	int *end = calloc(nr, sizeof *end);
	if (!t.w || !t.x || !t.rh || !end) {
		abort();
	}
	measure(p, &t);
	/* end[r]: the last row of the group starting at r */
	for (int r = 0; r < g->nrows; r++) {
		end[r] = r;
	}
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		int last = c->row + c->rowspan - 1;
		if (last > end[c->row]) {
			end[c->row] = last;
		}
	}
	int hr = g->header_rows;
	double head = hr ? rows_h(&t, 0, hr - 1) : 0;
	double cap_h = 0;
	if (g->caption && g->caption[0]) {
		PangoLayout *l = layout(p, F_HEAD, 14, g->caption, TEXT_W);
		cap_h = text_h(l) + 6;
		g_object_unref(l);
	}
	/* the caption, the header and the first group stay together */
	int r = hr;
	double first = cap_h + head +
		       (r < g->nrows ? rows_h(&t, r, group_end(end, r, g->nrows))
				     : 0);
	if (heading) {
		first += PITCH;
	}
	if (p->y + first > BOTTOM && !p->blank && first <= TEXT_H) {
		new_page(p);
	}
	if (heading) {
		para(p, F_HEAD, 16, PANGO_ALIGN_LEFT, 1, PITCH, heading);
	}
	if (cap_h > 0) {
		para(p, F_HEAD, 14, PANGO_ALIGN_CENTER, 0, 0, g->caption);
		p->y += 6;
	}
	head_rows(p, &t, hr, head);
	p->blank = 0;
	/* the body rows on this page so far: seg..r-1 from seg_y */
	int seg = r;
	double seg_y = p->y;
	while (r < g->nrows) {
		int e = group_end(end, r, g->nrows);
		double gh = rows_h(&t, r, e);
		if (gh > TEXT_H - head) {
			/* taller than a page: its inner groups, as many
			 * as fit here, the rest on the next pages */
			int last = e;
			e = fit_part(p, &t, r, last, head);
			if (e < r) {
				draw_rows(p, &t, seg, r - 1, seg_y);
				new_page(p);
				head_rows(p, &t, hr, head);
				e = fit_part(p, &t, r, last, head);
				e = e < r ? r : e;
				seg = r;
				seg_y = p->y;
			}
			gh = rows_h(&t, r, e);
		} else if (p->y + gh > BOTTOM) {
			draw_rows(p, &t, seg, r - 1, seg_y);
			new_page(p);
			head_rows(p, &t, hr, head);
			seg = r;
			seg_y = p->y;
		}
		p->y += gh;
		p->blank = 0;
		r = e + 1;
	}
	/* every cell's part on the page, so a cell split across pages
	 * shows (framed, its text again) on each */
	draw_rows(p, &t, seg, g->nrows - 1, seg_y);
	p->y += 8;
	free(t.w);
	free(t.x);
	free(t.rh);
	free(end);
}

/* Notes under table id for its failing checks. */
static void check_notes(struct pdf *p, const struct report_out *r,
			const char *id)
{
	Buf s = BUF_INIT;
	report_failed_note(r, id, &s);
	if (s.n) {
		para(p, F_BODY, 12, PANGO_ALIGN_LEFT, 0, 0, buf_str(&s));
		p->y += 8;
	}
	buf_free(&s);
}

int report_pdf(const struct report_out *r, Buf *out, struct err *e)
{
	const struct format *f = r->f;
	if (report_out_check(r, e)) {
		return -1;
	}
	const char *organ = r->organ ? r->organ : "";
	Buf title = BUF_INIT, s = BUF_INIT;
	report_fill(f->title, organ, r->year, &title);
	struct pdf p = {.page = 1, .y = TOP, .blank = 1};
	p.s = cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W,
						  PAGE_H);
	cairo_pdf_surface_set_metadata(p.s, CAIRO_PDF_METADATA_TITLE,
				       buf_str(&title));
	cairo_pdf_surface_set_metadata(p.s, CAIRO_PDF_METADATA_CREATOR,
				       "gongkai");
	if (organ[0]) {
		cairo_pdf_surface_set_metadata(p.s, CAIRO_PDF_METADATA_AUTHOR,
					       organ);
	}
	/* a fixed date keeps the file the same for the same report */
	buf_printf(&s, "%04d-01-01T00:00:00Z", r->year + 1);
	cairo_pdf_surface_set_metadata(p.s, CAIRO_PDF_METADATA_CREATE_DATE,
				       buf_str(&s));
	p.cr = cairo_create(p.s);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	p.fm = pango_cairo_font_map_new();
	p.ctx = pango_font_map_create_context(p.fm);
	pango_cairo_update_context(p.cr, p.ctx);

	para(&p, F_TITLE, 22, PANGO_ALIGN_CENTER, 0, PITCH * 1.25,
	     buf_str(&title));
	if (r->note && r->note[0]) {
		para(&p, F_BODY, 16, PANGO_ALIGN_CENTER, 0, PITCH, r->note);
	}
	p.y += PITCH / 2;
	for (size_t i = 0; i < f->nsections; i++) {
		const struct fmt_section *sec = &f->sections[i];
		buf_reset(&s);
		report_fill(sec->title, organ, r->year, &s);
		if (p.y + 3 * PITCH > BOTTOM && !p.blank) {
			new_page(&p); /* no heading alone at a page's foot */
		}
		const char *t = r->text ? r->text(sec->id, r->arg) : NULL;
		/* a heading right over a table goes with the table */
		int with_table = (!t || !t[0]) && sec->ntables &&
				 format_table(f, sec->tables[0]);
		if (!with_table) {
			para(&p, F_HEAD, 16, PANGO_ALIGN_LEFT, 1, PITCH,
			     buf_str(&s));
		}
		if (t) {
			body_text(&p, t);
		}
		for (size_t k = 0; k < sec->ntables; k++) {
			const struct fmt_table *tb =
				format_table(f, sec->tables[k]);
			if (!tb) {
				continue;
			}
			struct rgrid g;
			report_grid(tb, organ, r->year, r->cells, &g);
			table(&p, &g, with_table && k == 0 ? buf_str(&s) : NULL);
			report_grid_free(&g);
			check_notes(&p, r, tb->id);
		}
	}
	if (r->annex) {
		table(&p, r->annex, NULL);
	}
	page_number(&p);
	g_object_unref(p.ctx);
	g_object_unref(p.fm);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.s);
	cairo_status_t st = cairo_surface_status(p.s);
	cairo_surface_destroy(p.s);
	buf_free(&title);
	buf_free(&s);
	if (st != CAIRO_STATUS_SUCCESS) {
		err_set(e, ERR_INTERNAL, "PDF: %s", cairo_status_to_string(st));
		return -1;
	}
	return 0;
}
