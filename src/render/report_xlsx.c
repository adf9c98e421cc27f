/*
 * report_xlsx.c - the annual report as an Excel workbook (see
 * report_office.h), written with libxlsxwriter: what county offices
 * collect from their departments.
 *
 * The first sheet, 说明, says what the workbook is: the report's title,
 * the organ, the year, the format and its legal basis, the note if any,
 * and every cross-check with its result (通过, or how many of its
 * columns fail and where). Then one sheet per table of the format, in
 * the report's order, named after its caption (Excel's forbidden
 * characters []:*?/\ become "_", at most 31 characters, a repeated name
 * gets "（2）"): the caption over the table, the grid of report_grid with
 * its merged cells, numbers as number cells (with their decimals: fees
 * in 万元 keep 4), blanks as empty cells, and under a table that fails a
 * check the same note as the other writers print. The annex table, if
 * any, is the last sheet.
 *
 * Print set-up on every sheet: A4, landscape for tables wider than 8
 * columns, fitted to one page wide, the header rows repeated on each
 * page, panes frozen below them and right of the row headers, page
 * numbers in the footer. The workbook's dates are fixed (1 January of
 * the year after the report's), so the same report gives the same bytes.
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a file: the workbook goes
 * to a temporary file in $TMPDIR (else /tmp), read back into out and
 * removed.
 */
#include "render/report_office.h"

#include "base/str.h"
#include "base/utf8.h"
#include "render/report_grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define SHEET_NAME_MAX 31
/* column widths in Excel's units (about one Latin character; a CJK
 * character takes 2) */
#define LABEL_CAP 30
#define HEAD_CAP 12
#define NUM_LEAST 8
#define WIDE_COLS 8
#define LINE_H 15.0

struct xfmt {
	lxw_format *title, *head, *rowhead, *group, *text, *note, *key;
	lxw_format *num[5]; /* by decimals 0..4 */
};

static lxw_format *boxed(lxw_workbook *wb, uint8_t align, int bold)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, 11);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f);
	if (bold) {
		format_set_bold(f);
	}
	return f;
}

static void formats_make(lxw_workbook *wb, struct xfmt *x)
{
	static const char *const numfmt[] = {"0", "0.0", "0.00", "0.000",
					     "0.0000"};
	x->title = workbook_add_format(wb);
	format_set_font_name(x->title, "黑体");
	format_set_font_size(x->title, 14);
	format_set_bold(x->title);
	format_set_align(x->title, LXW_ALIGN_CENTER);
	format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(x->title);
	x->head = boxed(wb, LXW_ALIGN_CENTER, 1);
	format_set_bg_color(x->head, 0xF2F2F2);
	x->rowhead = boxed(wb, LXW_ALIGN_LEFT, 0);
	x->group = boxed(wb, LXW_ALIGN_CENTER, 0);
	x->text = boxed(wb, LXW_ALIGN_CENTER, 0);
	x->note = workbook_add_format(wb);
	format_set_font_name(x->note, "宋体");
	format_set_text_wrap(x->note);
	format_set_align(x->note, LXW_ALIGN_VERTICAL_TOP);
	x->key = workbook_add_format(wb);
	format_set_font_name(x->key, "宋体");
	format_set_bold(x->key);
	format_set_align(x->key, LXW_ALIGN_VERTICAL_TOP);
	for (int d = 0; d < 5; d++) {
		x->num[d] = boxed(wb, LXW_ALIGN_RIGHT, 0);
		format_set_num_format(x->num[d], numfmt[d]);
	}
}

/*---- Sheet names ----*/

/* The bytes of the first max code points of the valid UTF-8 string s. */
static size_t cut_chars(const char *s, size_t max)
{
	size_t i = 0;
	while (s[i] && max--) {
		i++;
		while ((s[i] & 0xC0) == 0x80) {
			i++;
		}
	}
	return i;
}

/* The sheet name for caption: forbidden characters replaced, cut to 31
 * characters (on a code point), made unique against names[0..n) by a
 * "（k）" suffix. Returns a new string. */
static char *sheet_name(const char *caption, char **names, size_t n)
{
	Buf b = BUF_INIT;
	for (const char *p = caption; *p; p++) {
		buf_putc(&b, strchr("[]:*?/\\", *p) ? '_' : *p);
	}
	/* an apostrophe may not open or close a name */
	while (b.n && b.p[0] == '\'') {
		memmove(b.p, b.p + 1, --b.n);
	}
	while (b.n && b.p[b.n - 1] == '\'') {
		b.n--;
	}
	if (b.n) {
		b.p[b.n] = '\0'; /* buf_str does not end it after b.n-- */
	} else {
		buf_puts(&b, "表");
	}
	for (int k = 1;; k++) {
		char suffix[32] = "";
		if (k > 1) {
			snprintf(suffix, sizeof suffix, "（%d）", k);
		}
		size_t room = SHEET_NAME_MAX - utf8_len(suffix);
		size_t cut = cut_chars(buf_str(&b), room);
		Buf t = BUF_INIT;
		buf_append(&t, b.p, cut);
		buf_puts(&t, suffix);
		int taken = 0;
		for (size_t i = 0; i < n; i++) {
			taken |= str_eq(names[i], buf_str(&t));
		}
		if (!taken) {
			buf_free(&b);
			return buf_detach(&t);
		}
		buf_free(&t);
	}
}

/*---- Tables ----*/

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/* Column widths (Excel units) from the single-column cells. */
static void col_widths(const struct rgrid *g, double *w)
{
	int *want = xcalloc((size_t)g->ncols + 1, sizeof *want);
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		int tw = (int)utf8_width(c->text);
		int need;
		if (c->colspan != 1) {
			continue;
		}
		switch (c->kind) {
		case RG_ROWHEAD:
		case RG_CORNER:
			/* a group down several rows wraps in them */
			need = imin((tw + c->rowspan - 1) / c->rowspan,
				    LABEL_CAP);
			break;
		case RG_COLHEAD:
		case RG_UNITHEAD:
			need = imin(tw, HEAD_CAP);
			break;
		case RG_NUM:
		case RG_UNIT:
			need = imax(tw, NUM_LEAST);
			break;
		case RG_TITLE:
		default:
			need = 0;
			break;
		}
		want[c->col] = imax(want[c->col], need);
	}
	for (int k = 0; k < g->ncols; k++) {
		w[k] = imax(want[k], 4) + 2;
	}
	free(want);
}

/* Rows a text needs in a column span of width cw. */
static int lines_in(const char *s, double cw)
{
	int lines = 0;
	while (1) {
		size_t n = strcspn(s, "\n");
		char *one = xstrndup(s, n);
		int w = (int)utf8_width(one);
		free(one);
		lines += imax(1, (int)((w + cw - 2.5) / (cw - 2)));
		if (!s[n]) {
			break;
		}
		s += n + 1;
	}
	return lines;
}

static lxw_format *cell_format_of(const struct xfmt *x,
				  const struct rg_cell *c)
{
	switch (c->kind) {
	case RG_TITLE:
	case RG_CORNER:
	case RG_COLHEAD:
	case RG_UNITHEAD:
		return x->head;
	case RG_ROWHEAD:
		return c->rowspan > 1 ? x->group : x->rowhead;
	case RG_UNIT:
		return x->text;
	case RG_NUM:
		break;
	}
	return x->num[c->decimals < 0 ? 0 : c->decimals > 4 ? 4 : c->decimals];
}

/* Writes grid g on ws from row `top`; returns the first row after it. */
static int put_grid(lxw_worksheet *ws, const struct xfmt *x,
		    const struct rgrid *g, const double *w, int top)
{
	double *h = xcalloc((size_t)g->nrows + 1, sizeof *h);
	int label_cols = 0;
	for (int k = 0; k < g->ncols; k++) {
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, w[k],
				     NULL);
	}
	for (size_t i = 0; i < g->n; i++) {
		const struct rg_cell *c = &g->v[i];
		lxw_row_t r0 = (lxw_row_t)(top + c->row);
		lxw_col_t c0 = (lxw_col_t)c->col;
		lxw_row_t r1 = (lxw_row_t)(top + c->row + c->rowspan - 1);
		lxw_col_t c1 = (lxw_col_t)(c->col + c->colspan - 1);
		lxw_format *f = cell_format_of(x, c);
		if (c->kind == RG_ROWHEAD || c->kind == RG_CORNER) {
			label_cols = imax(label_cols, c->col + c->colspan);
		}
		if (r0 != r1 || c0 != c1) {
			worksheet_merge_range(ws, r0, c0, r1, c1, "", f);
		}
		if (c->kind == RG_NUM && c->has_value) {
			worksheet_write_number(ws, r0, c0,
					       (double)c->value / CELL_SCALE,
					       f);
		} else if (c->text && c->text[0]) {
			worksheet_write_string(ws, r0, c0, c->text, f);
		} else {
			worksheet_write_blank(ws, r0, c0, f);
		}
	}
	/* the row heights the wrapped texts need: one-row cells first, then
	 * a cell down several rows grows the last of them if it must */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < g->n; i++) {
			const struct rg_cell *c = &g->v[i];
			if ((c->rowspan > 1) != pass || !c->text) {
				continue;
			}
			double cw = 0, have = 0;
			for (int k = c->col; k < c->col + c->colspan; k++) {
				cw += w[k];
			}
			for (int k = c->row; k < c->row + c->rowspan; k++) {
				have += h[k] > LINE_H ? h[k] : LINE_H;
			}
			double need = lines_in(c->text, cw) * LINE_H;
			int last = c->row + c->rowspan - 1;
			if (need > have) {
				h[last] = (h[last] > LINE_H ? h[last] : LINE_H) +
					  need - have;
			}
		}
	}
	for (int r = 0; r < g->nrows; r++) {
		worksheet_set_row(ws, (lxw_row_t)(top + r),
				  h[r] > LINE_H ? h[r] + 3 : LINE_H + 3, NULL);
	}
	if (g->header_rows > 0) {
		worksheet_repeat_rows(ws, 0,
				      (lxw_row_t)(top + g->header_rows - 1));
	}
	worksheet_freeze_panes(ws, (lxw_row_t)(top + g->header_rows),
			       (lxw_col_t)label_cols);
	free(h);
	return top + g->nrows;
}

static void page_setup(lxw_worksheet *ws, int ncols)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (ncols > WIDE_COLS) {
		worksheet_set_landscape(ws);
	}
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
	worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
}

/* A sheet for grid g named from its caption; note (may be "") under it.
 * -1 if libxlsxwriter refuses the sheet (it should not: the names are
 * made valid). */
static int grid_sheet(lxw_workbook *wb, const struct xfmt *x,
		       const struct rgrid *g, const char *note, char ***names,
		       size_t *nnames)
{
	char *name = sheet_name(g->caption, *names, *nnames);
	*names = xrealloc(*names, (*nnames + 1) * sizeof **names);
	(*names)[(*nnames)++] = name;
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws) {
		return -1;
	}
	lxw_col_t last = (lxw_col_t)(g->ncols > 0 ? g->ncols - 1 : 0);
	page_setup(ws, g->ncols);
	if (last > 0) {
		worksheet_merge_range(ws, 0, 0, 0, last, g->caption, x->title);
	} else {
		worksheet_write_string(ws, 0, 0, g->caption, x->title);
	}
	worksheet_set_row(ws, 0, 30, NULL);
	double *w = xcalloc((size_t)g->ncols + 1, sizeof *w), cw = 0;
	col_widths(g, w);
	int end = put_grid(ws, x, g, w, 1);
	for (int k = 0; k < g->ncols; k++) {
		cw += w[k];
	}
	free(w);
	if (note && note[0]) {
		lxw_row_t r = (lxw_row_t)(end + 1);
		if (last > 0) {
			worksheet_merge_range(ws, r, 0, r, last, note, x->note);
		} else {
			worksheet_write_string(ws, r, 0, note, x->note);
		}
		worksheet_set_row(ws, r, lines_in(note, cw) * LINE_H + 3, NULL);
	}
	return 0;
}

/*---- The 说明 sheet ----*/

static void about_sheet(lxw_workbook *wb, const struct xfmt *x,
			const struct report_out *r, const char *title)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "说明");
	lxw_row_t row = 0;
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	page_setup(ws, 2);
	worksheet_set_column(ws, 0, 0, 18, NULL);
	worksheet_set_column(ws, 1, 1, 80, NULL);
	worksheet_merge_range(ws, 0, 0, 0, 1, title, x->title);
	worksheet_set_row(ws, 0, 30, NULL);
	row = 2;
	const char *kv[][2] = {
		{"机关", r->organ ? r->organ : ""},
		{"年度", year},
		{"报告格式", r->f->name ? r->f->name : r->f->id},
		{"依据", r->f->basis ? r->f->basis : ""},
		{"说明", str_empty(r->note) ? "" : r->note},
	};
	for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) {
		if (!kv[i][1][0]) {
			continue;
		}
		worksheet_write_string(ws, row, 0, kv[i][0], x->key);
		worksheet_write_string(ws, row, 1, kv[i][1], x->note);
		worksheet_set_row(ws, row, lines_in(kv[i][1], 80) * LINE_H + 3,
				  NULL);
		row++;
	}
	if (!r->f->nchecks) {
		return;
	}
	row++;
	worksheet_write_string(ws, row, 0, "勾稽关系", x->head);
	worksheet_write_string(ws, row, 1, "结果", x->head);
	row++;
	for (size_t k = 0; k < r->f->nchecks; k++) {
		const struct fmt_check *c = &r->f->checks[k];
		size_t bad = 0;
		Buf why = BUF_INIT, label = BUF_INIT;
		for (size_t i = 0; r->res && i < r->nres; i++) {
			if (!str_eq(r->res[i].rule, c->id) || r->res[i].ok) {
				continue;
			}
			bad++;
			buf_printf(&why, "\n%s", r->res[i].detail);
		}
		buf_printf(&label, "%s（%s）", c->label ? c->label : c->id,
			   c->id);
		Buf res = BUF_INIT;
		if (!r->res) {
			buf_puts(&res, "未校验");
		} else if (bad) {
			buf_printf(&res, "%zu 处未通过%s", bad, buf_str(&why));
		} else {
			buf_puts(&res, "通过");
		}
		worksheet_write_string(ws, row, 0, buf_str(&label), x->rowhead);
		worksheet_write_string(ws, row, 1, buf_str(&res), x->rowhead);
		worksheet_set_row(
			ws, row,
			imax(lines_in(buf_str(&res), 80),
			     lines_in(buf_str(&label), 18)) * LINE_H + 3,
			NULL);
		row++;
		buf_free(&why);
		buf_free(&label);
		buf_free(&res);
	}
}

/*---- The workbook ----*/

int report_xlsx(const struct report_out *r, Buf *out, struct err *e)
{
	const struct format *f = r->f;
	if (report_out_check(r, e)) {
		return -1;
	}
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/gongkai-xlsx-XXXXXX",
		 str_empty(dir) ? "/tmp" : dir);
	int fd = mkstemp(path);
	if (fd < 0) {
		return err_set(e, ERR_INTERNAL, "无法创建临时文件 %s", path);
	}
	close(fd);

	Buf title = BUF_INIT;
	report_fill(f->title, r->organ ? r->organ : "", r->year, &title);
	lxw_workbook_options opt = {.tmpdir = str_empty(dir) ? NULL
							     : (char *)dir};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		unlink(path);
		buf_free(&title);
		return err_set(e, ERR_INTERNAL, "无法创建 Excel 文件");
	}
	/* a fixed date keeps the file the same for the same report */
	struct tm tm = {.tm_year = r->year + 1 - 1900, .tm_mday = 1};
	lxw_doc_properties props = {
		.title = (char *)buf_str(&title),
		.author = (char *)(r->organ ? r->organ : ""),
		.company = (char *)(r->organ ? r->organ : ""),
		.created = timegm(&tm),
	};
	workbook_set_properties(wb, &props);
	struct xfmt x;
	formats_make(wb, &x);
	about_sheet(wb, &x, r, buf_str(&title));

	char **names = xcalloc(1, sizeof *names);
	size_t nnames = 0;
	names[nnames++] = xstrdup("说明");
	int bad = 0;
	for (size_t i = 0; i < f->nsections; i++) {
		const struct fmt_section *s = &f->sections[i];
		for (size_t k = 0; k < s->ntables; k++) {
			const struct fmt_table *t =
				format_table(f, s->tables[k]);
			if (!t) {
				continue;
			}
			struct rgrid g;
			Buf note = BUF_INIT;
			report_grid(t, r->organ, r->year, r->cells, &g);
			report_failed_note(r, t->id, &note);
			bad |= grid_sheet(wb, &x, &g, buf_str(&note), &names,
					  &nnames);
			buf_free(&note);
			report_grid_free(&g);
		}
	}
	if (r->annex) {
		bad |= grid_sheet(wb, &x, r->annex, "", &names, &nnames);
	}
	lxw_error le = workbook_close(wb);
	int rc = 0;
	if (bad) {
		rc = err_set(e, ERR_INTERNAL, "Excel 文件无法建立工作表");
	} else if (le != LXW_NO_ERROR) {
		rc = err_set(e, ERR_INTERNAL, "Excel 文件写入失败：%s",
			     lxw_strerror(le));
	} else if (buf_read_file(out, path, e) != 1) {
		rc = err_set(e, ERR_INTERNAL, "无法读回 Excel 文件 %s", path);
	}
	unlink(path);
	for (size_t i = 0; i < nnames; i++) {
		free(names[i]);
	}
	free(names);
	buf_free(&title);
	return rc;
}
