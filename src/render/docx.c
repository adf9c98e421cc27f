/*
 * docx.c - the .docx writer (see docx.h): a document model small enough to
 * hold as XML text, and the package around it.
 *
 * Paragraphs are turned into WordprocessingML as they are added, into the
 * body buffer. A table is collected first (its cells may come in any
 * order), with an occupancy grid of ncols columns that records which cell
 * covers each position; docx_table_end walks the grid row by row and
 * writes each position once: the cell starting there (w:gridSpan for its
 * columns, w:vMerge="restart" when it spans rows), the continuation of a
 * cell from a row above (w:vMerge, same gridSpan, an empty paragraph), or
 * an empty cell. Positions covered from the left are skipped.
 *
 * docx_write wraps the body in word/document.xml with the page setup
 * (w:sectPr) and adds the fixed parts: the styles generated from the style
 * table below, settings (mirrored margins, even/odd footers), the font
 * table, the two footers, relationships, content types and metadata. libzip
 * writes the zip into a growable in-memory source, which is then read back
 * into the caller's Buf.
 *
 * GB/T 9704-2012 in numbers (1 mm = 56.69 twips): the margins below; the
 * text area is 8845 x 12756 twips (156 x 225 mm). 22 lines make a line
 * pitch of 579 twips (28.95 pt): a line grid (w:docGrid type="lines") and
 * exact 28.95 pt line spacing, so Word and LibreOffice agree. A line is
 * 442.25 pt, 15.79 pt for each of 28 characters, but 三号 is 16 pt: the
 * 三号 styles condense their characters by 0.25 pt (w:spacing -5), and
 * 28 x 15.75 = 441 pt fits. The usual
 * Word template instead sets a character grid (type="linesAndChars",
 * charSpace="-842"); LibreOffice 7.4 lays that out with every 16 pt
 * character taking two 15.79 pt cells, 14 characters a line, so we do not.
 * Indents are given in characters for Word (w:firstLineChars,
 * w:rightChars) and in twips, one character = the style's font size, for
 * programs that ignore those (LibreOffice 7.4).
 */
#include "render/docx.h"

#include "base/date.h"
#include "base/str.h"
#include "base/utf8.h"
#include "render/xml.h"

#include <string.h>
#include <zip.h>

/*---- Page geometry (twips) ----*/

#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_TOP 2098     /* 37 mm */
#define MARGIN_BOTTOM 1984  /* 35 mm */
#define MARGIN_INSIDE 1587  /* 28 mm, the left of odd pages */
#define MARGIN_OUTSIDE 1474 /* 26 mm */
#define LINE_PITCH 579      /* 12756 / 22 */
#define CONDENSE (-5)       /* 1/20 pt: 16 pt characters 15.75 pt apart */
/* The page number's line is 16 pt high and its top should be 7 mm below
 * the text area: 35 mm - 7 mm = 1587 twips above the page edge, minus the
 * line itself. */
#define FOOTER_LINE 320
#define FOOTER_DIST (1587 - FOOTER_LINE)

#define MAX_ROWS 100000
#define MAX_WIDTH 31680 /* 22 inches, Word's limit for a column */

#define FONT_LATIN "Times New Roman"
#define FONT_XBS "方正小标宋简体"
#define FONT_FS "仿宋_GB2312"
#define FONT_HT "黑体"
#define FONT_KT "楷体_GB2312"
#define FONT_ST "宋体"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/*---- Styles ----*/

/* One paragraph style. Sizes in half-points (三号 16 pt = 32); indents in
 * hundredths of a character. */
struct style {
	const char *id;
	const char *name;   /* built-in English names get Word's own handling */
	int custom;
	const char *font;   /* East Asian font; NULL inherits 仿宋_GB2312 */
	const char *latin;  /* with font: the Latin font */
	int size;
	const char *jc;     /* both, center, left, right */
	int first;          /* first-line indent */
	int right;          /* right indent */
	int outline;        /* outline level + 1 (navigation pane); 0 none */
	int grid;           /* 三号 text on the line grid, condensed */
	int line;           /* exact line height in twips; 0 single */
	int keep;           /* keep with the next paragraph */
};

enum { STYLE_TABLE = DOCX_CAPTION + 1, STYLE_FOOTER, NSTYLES };

#define L FONT_LATIN
static const struct style styles[NSTYLES] = {
	/* id, name, custom, font, latin,
	 * size, jc, first, right, outline, grid, line, keep */
	[DOCX_TITLE] = {"Title", "Title", 0, FONT_XBS, L,
			44, "center", 0, 0, 0, 0, LINE_PITCH, 1},
	[DOCX_SUBTITLE] = {"Subtitle", "Subtitle", 0, NULL, NULL,
			   32, "center", 0, 0, 0, 1, LINE_PITCH, 1},
	[DOCX_HEADING1] = {"Heading1", "heading 1", 0, FONT_HT, L,
			   32, "both", 200, 0, 1, 1, LINE_PITCH, 1},
	[DOCX_HEADING2] = {"Heading2", "heading 2", 0, FONT_KT, L,
			   32, "both", 200, 0, 2, 1, LINE_PITCH, 1},
	[DOCX_BODY] = {"Body", "公文正文", 1, NULL, NULL,
		       32, "both", 200, 0, 0, 1, LINE_PITCH, 0},
	[DOCX_ADDRESSEE] = {"Addressee", "主送机关", 1, NULL, NULL,
			    32, "both", 0, 0, 0, 1, LINE_PITCH, 1},
	[DOCX_SIGNATURE] = {"Signature", "发文机关署名", 1, NULL, NULL,
			    32, "right", 0, 400, 0, 1, LINE_PITCH, 1},
	[DOCX_DATE] = {"Date", "成文日期", 1, NULL, NULL,
		       32, "right", 0, 400, 0, 1, LINE_PITCH, 0},
	[DOCX_NOTE] = {"Note", "附注", 1, NULL, NULL,
		       28, "both", 200, 0, 0, 0, 0, 0},
	[DOCX_CAPTION] = {"Caption", "caption", 0, FONT_HT, L,
			  28, "center", 0, 0, 0, 0, LINE_PITCH, 1},
	[STYLE_TABLE] = {"TableText", "表格文字", 1, NULL, NULL,
			 24, "both", 0, 0, 0, 0, 0, 0},
	[STYLE_FOOTER] = {"Footer", "footer", 0, FONT_ST, FONT_ST,
			  28, "center", 0, 0, 0, 0, FOOTER_LINE, 0},
};
#undef L

/* Twips of n hundredths of a character in style s. */
static int chars_twips(const struct style *s, int n)
{
	return n * s->size * 10 / 100;
}

/* Appends <w:rFonts> naming every script's font. */
static void put_fonts(Buf *o, const char *latin, const char *east)
{
	buf_printf(o, "<w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" "
		      "w:eastAsia=\"%s\" w:cs=\"%s\" w:hint=\"eastAsia\"/>",
		   latin, latin, east, latin);
}

static void put_size(Buf *o, int half_points)
{
	buf_printf(o, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
		   half_points, half_points);
}

static void style_xml(Buf *o, const struct style *s)
{
	buf_printf(o, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s>"
		      "<w:name w:val=\"%s\"/><w:basedOn w:val=\"Normal\"/>"
		      "<w:qFormat/><w:pPr>",
		   s->id, s->custom ? " w:customStyle=\"1\"" : "", s->name);
	if (s->keep) {
		buf_puts(o, "<w:keepNext/>");
	}
	if (!s->grid) {
		buf_puts(o, "<w:snapToGrid w:val=\"0\"/>");
	}
	if (s->line) {
		buf_printf(o, "<w:spacing w:line=\"%d\" w:lineRule=\"exact\"/>",
			   s->line);
	} else {
		buf_puts(o, "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
	}
	if (s->first || s->right) {
		buf_printf(o, "<w:ind w:firstLineChars=\"%d\" w:firstLine=\"%d\""
			      " w:rightChars=\"%d\" w:right=\"%d\"/>",
			   s->first, chars_twips(s, s->first), s->right,
			   chars_twips(s, s->right));
	}
	buf_printf(o, "<w:jc w:val=\"%s\"/>", s->jc);
	if (s->outline) {
		buf_printf(o, "<w:outlineLvl w:val=\"%d\"/>", s->outline - 1);
	}
	buf_puts(o, "</w:pPr><w:rPr>");
	if (s->font) {
		put_fonts(o, s->latin, s->font);
	}
	buf_printf(o, "<w:spacing w:val=\"%d\"/>", s->grid ? CONDENSE : 0);
	put_size(o, s->size);
	buf_puts(o, "</w:rPr></w:style>");
}

static void styles_xml(Buf *o)
{
	buf_puts(o, XML_DECL "<w:styles xmlns:w=\"" NS_W "\">"
		    "<w:docDefaults><w:rPrDefault><w:rPr>");
	put_fonts(o, FONT_LATIN, FONT_FS);
	put_size(o, 32);
	buf_puts(o, "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" "
		    "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
		    "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>");
	/* Normal: 仿宋_GB2312 三号 on the grid, 28.95 pt lines, justified;
	 * no widow control, which would break the 22 lines of a page. The
	 * styles below are based on it and set every property they differ
	 * in, condensed spacing included. */
	buf_printf(o, "<w:style w:type=\"paragraph\" w:default=\"1\" "
		      "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
		      "<w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\""
		      " w:after=\"0\" w:line=\"%d\" w:lineRule=\"exact\"/>"
		      "<w:jc w:val=\"both\"/></w:pPr><w:rPr>",
		   LINE_PITCH);
	put_fonts(o, FONT_LATIN, FONT_FS);
	buf_printf(o, "<w:spacing w:val=\"%d\"/>", CONDENSE);
	put_size(o, 32);
	buf_puts(o, "</w:rPr></w:style>"
		    "<w:style w:type=\"character\" w:default=\"1\" "
		    "w:styleId=\"DefaultParagraphFont\"><w:name "
		    "w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
		    "<w:semiHidden/></w:style>"
		    "<w:style w:type=\"table\" w:default=\"1\" "
		    "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
		    "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
		    "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
		    "<w:left w:w=\"108\" w:type=\"dxa\"/>"
		    "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
		    "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
		    "</w:tblPr></w:style>");
	for (int i = 0; i < NSTYLES; i++) {
		style_xml(o, &styles[i]);
	}
	buf_puts(o, "</w:styles>");
}

/*---- The document model ----*/

struct cell {
	int row, col, rowspan, colspan;
	unsigned flags;
	char *text;
};

struct table {
	int ncols, header_rows;
	int widths[DOCX_MAX_COLS];
	int nrows;          /* 1 + the last row any cell covers */
	struct cell *cells;
	size_t ncells, capcells;
	int *owner;         /* caprows x ncols: 1 + index of the covering cell */
	int caprows;
};

struct docx {
	char *title;
	time_t created;
	Buf body;           /* the w:body content written so far */
	int last_table;     /* the last block in body is a table */
	int page_break;     /* the next block starts a new page */
	struct table *tab;  /* the open table, or NULL */
	struct err fail;    /* the first failure (sticky); code 0 if none */
};

struct docx *docx_new(const char *title)
{
	struct docx *d = xcalloc(1, sizeof *d);
	d->title = xstrdup(title ? title : "");
	d->created = time(NULL);
	err_clear(&d->fail);
	return d;
}

static void table_free(struct table *t)
{
	if (!t) {
		return;
	}
	for (size_t i = 0; i < t->ncells; i++) {
		free(t->cells[i].text);
	}
	free(t->cells);
	free(t->owner);
	free(t);
}

void docx_free(struct docx *d)
{
	if (!d) {
		return;
	}
	free(d->title);
	buf_free(&d->body);
	table_free(d->tab);
	free(d);
}

void docx_set_created(struct docx *d, time_t t)
{
	d->created = t;
}

/* 0 when s (NULL is "") is valid UTF-8, else -1 with the sticky error. */
static int check_text(struct docx *d, const char *s)
{
	if (s && !utf8_valid(s, strlen(s))) {
		return err_set(&d->fail, ERR_INPUT, "文档文本不是有效的 UTF-8");
	}
	return 0;
}

/*---- Paragraphs ----*/

/* Appends one run of the n bytes at s (no '\n') with flags: tabs become
 * w:tab, CR is dropped. */
static void put_run(Buf *o, const char *s, size_t n, unsigned flags)
{
	buf_puts(o, "<w:r>");
	if (flags & (DOCX_BOLD | DOCX_SMALL)) {
		buf_puts(o, "<w:rPr>");
		if (flags & DOCX_BOLD) {
			buf_puts(o, "<w:b/><w:bCs/>");
		}
		if (flags & DOCX_SMALL) {
			put_size(o, 21);
		}
		buf_puts(o, "</w:rPr>");
	}
	size_t i = 0;
	while (i < n) {
		size_t k = i;
		while (k < n && s[k] != '\t' && s[k] != '\r') {
			k++;
		}
		if (k > i) {
			buf_puts(o, "<w:t xml:space=\"preserve\">");
			xml_escape_n(o, s + i, k - i);
			buf_puts(o, "</w:t>");
		}
		if (k < n && s[k] == '\t') {
			buf_puts(o, "<w:tab/>");
		}
		i = k + (k < n);
	}
	buf_puts(o, "</w:r>");
}

/* Appends paragraph properties: style, a page break before, alignment
 * (NULL keeps the style's). */
static void put_ppr(Buf *o, const char *style, int page_break,
		    const char *jc)
{
	buf_printf(o, "<w:pPr><w:pStyle w:val=\"%s\"/>", style);
	if (page_break) {
		buf_puts(o, "<w:pageBreakBefore/>");
	}
	if (jc) {
		buf_printf(o, "<w:jc w:val=\"%s\"/>", jc);
	}
	buf_puts(o, "</w:pPr>");
}

/* Appends the runs as paragraphs of style (with jc): a '\n' in a run closes
 * the paragraph and opens another with the same properties. The first
 * one starts a new page if page_break is set. */
static void put_paras(Buf *o, const char *style, const char *jc,
		      int page_break, const struct docx_run *runs, size_t n)
{
	buf_puts(o, "<w:p>");
	put_ppr(o, style, page_break, jc);
	for (size_t i = 0; i < n; i++) {
		const char *s = runs[i].text ? runs[i].text : "";
		for (;;) {
			size_t k = strcspn(s, "\n");
			if (k) {
				put_run(o, s, k, runs[i].flags);
			}
			if (!s[k]) {
				break;
			}
			buf_puts(o, "</w:p><w:p>");
			put_ppr(o, style, 0, jc);
			s += k + 1;
		}
	}
	buf_puts(o, "</w:p>");
}

/* -1 (sticky) unless d accepts a block outside a table. */
static int check_block(struct docx *d)
{
	if (d->fail.code) {
		return -1;
	}
	if (d->tab) {
		return err_set(&d->fail, ERR_INTERNAL,
			       "表格尚未结束，不能添加段落");
	}
	return 0;
}

int docx_para_runs(struct docx *d, enum docx_kind kind,
		   const struct docx_run *runs, size_t n)
{
	if (check_block(d) < 0) {
		return -1;
	}
	if ((int)kind < 0 || (int)kind > DOCX_CAPTION) {
		return err_set(&d->fail, ERR_INTERNAL, "未知的段落类型 %d",
			       (int)kind);
	}
	for (size_t i = 0; i < n; i++) {
		if (check_text(d, runs[i].text) < 0) {
			return -1;
		}
	}
	put_paras(&d->body, styles[kind].id, NULL, d->page_break, runs, n);
	d->page_break = 0;
	d->last_table = 0;
	return 0;
}

int docx_para(struct docx *d, enum docx_kind kind, const char *text)
{
	struct docx_run r = {text, 0};
	return docx_para_runs(d, kind, &r, 1);
}

int docx_page_break(struct docx *d)
{
	if (check_block(d) < 0) {
		return -1;
	}
	d->page_break = 1;
	return 0;
}

/*---- Tables ----*/

int docx_table_begin(struct docx *d, int ncols, const int *widths,
		     int header_rows)
{
	if (check_block(d) < 0) {
		return -1;
	}
	if (ncols < 1 || ncols > DOCX_MAX_COLS) {
		return err_set(&d->fail, ERR_INTERNAL, "表格列数 %d 超出范围",
			       ncols);
	}
	if (header_rows < 0 || header_rows > MAX_ROWS) {
		return err_set(&d->fail, ERR_INTERNAL, "表头行数 %d 超出范围",
			       header_rows);
	}
	struct table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->header_rows = header_rows;
	for (int c = 0; c < ncols; c++) {
		t->widths[c] = widths ? widths[c] : DOCX_TEXT_WIDTH / ncols;
		if (t->widths[c] < 1 || t->widths[c] > MAX_WIDTH) {
			table_free(t);
			return err_set(&d->fail, ERR_INTERNAL,
				       "第 %d 列宽度超出范围", c + 1);
		}
	}
	d->tab = t;
	return 0;
}

int docx_cell(struct docx *d, int row, int col, int rowspan, int colspan,
	      unsigned flags, const char *text)
{
	if (d->fail.code) {
		return -1;
	}
	struct table *t = d->tab;
	if (!t) {
		return err_set(&d->fail, ERR_INTERNAL, "没有打开的表格");
	}
	if (row < 0 || col < 0 || rowspan < 1 || colspan < 1 ||
	    col > t->ncols - colspan || row > MAX_ROWS - rowspan) {
		return err_set(&d->fail, ERR_INTERNAL,
			       "单元格 (%d,%d) 跨 %d 行 %d 列，超出表格", row,
			       col, rowspan, colspan);
	}
	if (row < t->header_rows && row + rowspan > t->header_rows) {
		return err_set(&d->fail, ERR_INTERNAL,
			       "单元格 (%d,%d) 从表头跨入表体", row, col);
	}
	if (check_text(d, text) < 0) {
		return -1;
	}
	if (row + rowspan > t->caprows) {
		int cap = t->caprows ? t->caprows : 16;
		while (cap < row + rowspan) {
			cap *= 2;
		}
		t->owner = xrealloc(t->owner, (size_t)cap * (size_t)t->ncols *
						      sizeof *t->owner);
		memset(t->owner + (size_t)t->caprows * (size_t)t->ncols, 0,
		       (size_t)(cap - t->caprows) * (size_t)t->ncols *
			       sizeof *t->owner);
		t->caprows = cap;
	}
	for (int r = row; r < row + rowspan; r++) {
		for (int c = col; c < col + colspan; c++) {
			if (t->owner[(size_t)r * (size_t)t->ncols + (size_t)c]) {
				return err_set(&d->fail, ERR_INTERNAL,
					       "单元格 (%d,%d) 与已有单元格重叠",
					       row, col);
			}
		}
	}
	if (t->ncells == t->capcells) {
		t->capcells = t->capcells ? 2 * t->capcells : 32;
		t->cells = xrealloc(t->cells, t->capcells * sizeof *t->cells);
	}
	t->cells[t->ncells] = (struct cell){row, col, rowspan, colspan,
					     flags, xstrdup(text ? text : "")};
	t->ncells++;
	for (int r = row; r < row + rowspan; r++) {
		for (int c = col; c < col + colspan; c++) {
			t->owner[(size_t)r * (size_t)t->ncols + (size_t)c] =
				(int)t->ncells;
		}
	}
	if (row + rowspan > t->nrows) {
		t->nrows = row + rowspan;
	}
	return 0;
}

static const char *const cell_jc[] = {NULL, "left", "center", "right"};

/* Appends one w:tc spanning colspan columns from col: the cell c (NULL
 * for an empty position), restarting or continuing a vertical merge as
 * vmerge says (0 none, 1 restart, 2 continue). */
static void put_tc(Buf *o, const struct table *t, int col, int colspan,
		   const struct cell *c, int vmerge, int header)
{
	int w = 0;
	for (int k = col; k < col + colspan; k++) {
		w += t->widths[k];
	}
	buf_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
	if (colspan > 1) {
		buf_printf(o, "<w:gridSpan w:val=\"%d\"/>", colspan);
	}
	if (vmerge == 1) {
		buf_puts(o, "<w:vMerge w:val=\"restart\"/>");
	} else if (vmerge == 2) {
		buf_puts(o, "<w:vMerge/>");
	}
	buf_puts(o, "<w:vAlign w:val=\"center\"/></w:tcPr>");
	if (!c || vmerge == 2) {
		buf_puts(o, "<w:p>");
		put_ppr(o, styles[STYLE_TABLE].id, 0, NULL);
		buf_puts(o, "</w:p>");
	} else {
		unsigned a = c->flags & DOCX_ALIGN_MASK;
		const char *jc = a ? cell_jc[a] : header ? "center" : NULL;
		struct docx_run r = {c->text, c->flags};
		put_paras(o, styles[STYLE_TABLE].id, jc, 0, &r, 1);
	}
	buf_puts(o, "</w:tc>");
}

static void table_xml(Buf *o, const struct table *t)
{
	int total = 0;
	for (int c = 0; c < t->ncols; c++) {
		total += t->widths[c];
	}
	buf_printf(o, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
		      "<w:jc w:val=\"center\"/><w:tblBorders>"
		      "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		      "<w:left w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		      "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		      "<w:right w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		      "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		      "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
		      "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
		      "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
		      "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" "
		      "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
		      "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
		   total);
	for (int c = 0; c < t->ncols; c++) {
		buf_printf(o, "<w:gridCol w:w=\"%d\"/>", t->widths[c]);
	}
	buf_puts(o, "</w:tblGrid>");
	for (int r = 0; r < t->nrows; r++) {
		int header = r < t->header_rows;
		buf_printf(o, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
			   header ? "<w:tblHeader/>" : "");
		for (int c = 0; c < t->ncols;) {
			int own = t->owner[(size_t)r * (size_t)t->ncols +
					   (size_t)c];
			if (!own) {
				put_tc(o, t, c, 1, NULL, 0, header);
				c++;
				continue;
			}
			const struct cell *x = &t->cells[own - 1];
			int vmerge = x->rowspan == 1 ? 0 : x->row == r ? 1 : 2;
			put_tc(o, t, c, x->colspan, x, vmerge, header);
			c += x->colspan;
		}
		buf_puts(o, "</w:tr>");
	}
	buf_puts(o, "</w:tbl>");
}

int docx_table_end(struct docx *d)
{
	if (d->fail.code) {
		return -1;
	}
	struct table *t = d->tab;
	if (!t) {
		return err_set(&d->fail, ERR_INTERNAL, "没有打开的表格");
	}
	if (!t->ncells) {
		return err_set(&d->fail, ERR_INTERNAL, "表格没有单元格");
	}
	/* Two tables in a row would merge into one; a table cannot take a
	 * page break itself, so an empty paragraph carries it. */
	if (d->last_table || d->page_break) {
		struct docx_run none = {"", 0};
		put_paras(&d->body, styles[DOCX_BODY].id, NULL, d->page_break,
			  &none, 1);
		d->page_break = 0;
	}
	table_xml(&d->body, t);
	table_free(t);
	d->tab = NULL;
	d->last_table = 1;
	return 0;
}

/*---- Parts ----*/

static void document_xml(const struct docx *d, Buf *o)
{
	buf_puts(o, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\""
		    NS_R "\"><w:body>");
	buf_append(o, d->body.p, d->body.n);
	/* Word wants the body to end with a paragraph. */
	if (d->last_table || !d->body.n) {
		buf_puts(o, "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:p>");
	}
	buf_printf(o, "<w:sectPr>"
		      "<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
		      "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
		      "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
		      "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
		      "w:left=\"%d\" w:header=\"851\" w:footer=\"%d\" "
		      "w:gutter=\"0\"/><w:pgNumType w:fmt=\"decimal\"/>"
		      "<w:cols w:space=\"425\"/>"
		      "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/>"
		      "</w:sectPr></w:body></w:document>",
		   PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_OUTSIDE, MARGIN_BOTTOM,
		   MARGIN_INSIDE, FOOTER_DIST, LINE_PITCH);
}

/* The page number "— N —", one character in from the outer edge: the right
 * of odd pages, the left of even ones (GB/T 9704-2012 7.5). */
static void footer_xml(Buf *o, int even)
{
	buf_puts(o, XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
		    "\">");
	buf_printf(o, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
		      "<w:ind w:%s=\"%d\"/><w:jc w:val=\"%s\"/></w:pPr>"
		      "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
		      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		      "<w:r><w:instrText xml:space=\"preserve\"> PAGE "
		      "</w:instrText></w:r>"
		      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		      "<w:r><w:t>1</w:t></w:r>"
		      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		      "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>"
		      "</w:p></w:ftr>",
		   even ? "left" : "right", styles[STYLE_FOOTER].size * 10,
		   even ? "left" : "right");
}

static void core_xml(const struct docx *d, Buf *o)
{
	char when[21];
	date_timestamp(d->created, when);
	buf_puts(o, XML_DECL
		 "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
		 "package/2006/metadata/core-properties\" "
		 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		 "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		 "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
		 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		 "<dc:title>");
	xml_escape(o, d->title);
	buf_printf(o, "</dc:title><dc:creator>gongkai</dc:creator>"
		      "<cp:lastModifiedBy>gongkai</cp:lastModifiedBy>"
		      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s"
		      "</dcterms:created><dcterms:modified "
		      "xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
		      "</cp:coreProperties>",
		   when, when);
}

static const char app_xml[] = XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/docPropsVTypes\"><Application>gongkai</Application>"
	"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
	"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
	"<HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0000"
	"</AppVersion></Properties>";

#define CT_OOXML "application/vnd.openxmlformats-officedocument."
static const char content_types_xml[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/"
	"vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" ContentType=\"" CT_OOXML
	"wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
	"vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"" CT_OOXML
	"extended-properties+xml\"/></Types>";

#define REL_OD "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
static const char rels_xml[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_OD "officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	"package/2006/relationships/metadata/core-properties\" "
	"Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_OD "extended-properties\" "
	"Target=\"docProps/app.xml\"/></Relationships>";

static const char document_rels_xml[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships\">"
	"<Relationship Id=\"rIdStyles\" Type=\"" REL_OD "styles\" "
	"Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdSettings\" Type=\"" REL_OD "settings\" "
	"Target=\"settings.xml\"/>"
	"<Relationship Id=\"rIdFonts\" Type=\"" REL_OD "fontTable\" "
	"Target=\"fontTable.xml\"/>"
	"<Relationship Id=\"rIdFooterOdd\" Type=\"" REL_OD "footer\" "
	"Target=\"footer1.xml\"/>"
	"<Relationship Id=\"rIdFooterEven\" Type=\"" REL_OD "footer\" "
	"Target=\"footer2.xml\"/></Relationships>";

/* Mirrored margins (inside 28 mm on both sides of a sheet), separate odd
 * and even footers, no compression of punctuation (it would shift
 * characters off the grid). */
static const char settings_xml[] = XML_DECL
	"<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
	"<w:mirrorMargins/><w:defaultTabStop w:val=\"640\"/>"
	"<w:evenAndOddHeaders/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	"</w:settings>";

/* The fonts by name, with the Windows font Word may use when the 公文 font
 * is not installed (altName), GB2312 as the character set, and the family:
 * roman (serif) for the 宋/仿宋/楷 faces, swiss (sans) for 黑体, which is
 * what a program without these fonts falls back on. */
#define CJK_FONT(name, alt, family)                                          \
	"<w:font w:name=\"" name "\"><w:altName w:val=\"" alt "\"/>"         \
	"<w:charset w:val=\"86\"/><w:family w:val=\"" family "\"/>"          \
	"<w:pitch w:val=\"variable\"/></w:font>"
static const char font_table_xml[] = XML_DECL
	"<w:fonts xmlns:w=\"" NS_W "\">"
	"<w:font w:name=\"" FONT_LATIN "\"><w:panose1 "
	"w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
	"<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	CJK_FONT(FONT_FS, "仿宋", "roman")
	CJK_FONT(FONT_XBS, "宋体", "roman")
	CJK_FONT(FONT_HT, "SimHei", "swiss")
	CJK_FONT(FONT_KT, "楷体", "roman")
	CJK_FONT(FONT_ST, "SimSun", "roman")
	"</w:fonts>";

/*---- The package ----*/

enum {
	P_TYPES, P_RELS, P_CORE, P_APP, P_DOC, P_DOC_RELS, P_STYLES,
	P_SETTINGS, P_FONTS, P_FOOTER_ODD, P_FOOTER_EVEN, NPARTS
};

static const char *const part_names[NPARTS] = {
	[P_TYPES] = "[Content_Types].xml",
	[P_RELS] = "_rels/.rels",
	[P_CORE] = "docProps/core.xml",
	[P_APP] = "docProps/app.xml",
	[P_DOC] = "word/document.xml",
	[P_DOC_RELS] = "word/_rels/document.xml.rels",
	[P_STYLES] = "word/styles.xml",
	[P_SETTINGS] = "word/settings.xml",
	[P_FONTS] = "word/fontTable.xml",
	[P_FOOTER_ODD] = "word/footer1.xml",
	[P_FOOTER_EVEN] = "word/footer2.xml",
};

/* Zips the parts into out; 0, or -1 with e set. */
static int zip_parts(Buf part[NPARTS], time_t mtime, Buf *out, struct err *e)
{
	int rc = -1;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		err_set(e, ERR_INTERNAL, "生成 DOCX 失败: %s",
			zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		err_set(e, ERR_INTERNAL, "生成 DOCX 失败: %s",
			zip_error_strerror(&ze));
		goto done;
	}
	zip_source_keep(src); /* read it back after zip_close */
	for (int i = 0; i < NPARTS; i++) {
		zip_source_t *s = zip_source_buffer(za, part[i].p, part[i].n, 0);
		zip_int64_t idx = s ? zip_file_add(za, part_names[i], s, 0) : -1;
		if (idx < 0) {
			err_set(e, ERR_INTERNAL, "生成 DOCX 失败: %s",
				zip_strerror(za));
			zip_source_free(s);
			zip_discard(za);
			goto done;
		}
		zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0);
	}
	if (zip_close(za) < 0) {
		err_set(e, ERR_INTERNAL, "生成 DOCX 失败: %s", zip_strerror(za));
		zip_discard(za);
		goto done;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
		err_set(e, ERR_INTERNAL, "读取生成的 DOCX 失败");
		goto done;
	}
	buf_grow(out, (size_t)st.size);
	zip_int64_t got = zip_source_read(src, out->p + out->n, st.size);
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		err_set(e, ERR_INTERNAL, "读取生成的 DOCX 失败");
		goto done;
	}
	out->n += (size_t)got;
	out->p[out->n] = 0;
	rc = 0;
done:
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

int docx_write(struct docx *d, Buf *out, struct err *e)
{
	if (d->fail.code) {
		if (e) {
			*e = d->fail;
		}
		return -1;
	}
	if (d->tab) {
		return err_set(e, ERR_INTERNAL, "表格尚未结束");
	}
	Buf part[NPARTS];
	for (int i = 0; i < NPARTS; i++) {
		part[i] = (Buf)BUF_INIT;
	}
	buf_puts(&part[P_TYPES], content_types_xml);
	buf_puts(&part[P_RELS], rels_xml);
	core_xml(d, &part[P_CORE]);
	buf_puts(&part[P_APP], app_xml);
	document_xml(d, &part[P_DOC]);
	buf_puts(&part[P_DOC_RELS], document_rels_xml);
	styles_xml(&part[P_STYLES]);
	buf_puts(&part[P_SETTINGS], settings_xml);
	buf_puts(&part[P_FONTS], font_table_xml);
	footer_xml(&part[P_FOOTER_ODD], 0);
	footer_xml(&part[P_FOOTER_EVEN], 1);
	int rc = zip_parts(part, d->created, out, e);
	for (int i = 0; i < NPARTS; i++) {
		buf_free(&part[i]);
	}
	return rc;
}
