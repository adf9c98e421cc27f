/*
 * docx.h - a small WordprocessingML (.docx) writer whose pages follow
 * GB/T 9704-2012 《党政机关公文格式》: the reply letters (答复告知书) to
 * information requests, and the annual report with its merged-cell tables.
 *
 * Build a document with docx_new, add paragraphs and tables in reading
 * order, then docx_write gives the .docx bytes (a zip made with libzip in
 * memory), for a web response or a file. Everything the document holds is
 * copied in and owned by the struct docx; docx_free releases it.
 *
 * The page (fixed, from the standard): A4; top margin 37 mm, bottom 35 mm,
 * inside (binding) 28 mm and outside 26 mm with mirrored margins, so that
 * the 156 x 225 mm text areas of the two sides of a sheet coincide; 22
 * lines a page (a line grid, 28.95 pt exact line spacing) of 28 三号
 * characters (condensed by 0.25 pt to fit); page numbers "— N —" in 四号
 * 宋体 7 mm below the text area, on the right of odd pages and the left of
 * even ones, one character in from the edge.
 * Fonts are named, not embedded (方正小标宋简体, 仿宋_GB2312, 黑体,
 * 楷体_GB2312, 宋体; Latin letters and digits in Times New Roman). The
 * font table gives Word the usual Windows alternatives (仿宋, 楷体, ...);
 * LibreOffice without these fonts falls back through fontconfig (Noto CJK
 * on Debian).
 *
 * Text is UTF-8. A '\n' in any text (paragraph, run or cell) ends the
 * paragraph and starts another of the same kind, so "第一段\n第二段" is
 * two indented body paragraphs; '\r' is ignored, '\t' is a tab. Text that
 * is not valid UTF-8 is an error.
 *
 * Errors are sticky: a call that fails (bad arguments, invalid UTF-8,
 * overlapping cells, a paragraph inside an open table) returns -1, remembers
 * the first failure, makes every later call a no-op returning -1, and
 * docx_write then fails with that message (ERR_INPUT for text that is not
 * UTF-8, ERR_INTERNAL for misuse). So a writer may check each call or only
 * docx_write.
 */
#ifndef GK_DOCX_H
#define GK_DOCX_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>
#include <time.h>

/* Width of the text area (156 mm) in twips (1/20 pt): what table column
 * widths should add up to. */
#define DOCX_TEXT_WIDTH 8845
/* Most table columns Word accepts. */
#define DOCX_MAX_COLS 63

/* Paragraph kinds; each is a style in word/styles.xml, so an editor can
 * change them all at once. */
enum docx_kind {
	DOCX_TITLE,     /* 标题: 方正小标宋简体 二号 (22 pt), centred */
	DOCX_SUBTITLE,  /* 发文字号等: 仿宋_GB2312 三号, centred */
	DOCX_HEADING1,  /* 一级标题 "一、": 黑体 三号, indented 2 characters */
	DOCX_HEADING2,  /* 二级标题 "（一）": 楷体_GB2312 三号, indented 2 */
	DOCX_BODY,      /* 正文: 仿宋_GB2312 三号 (16 pt), indented 2, justified */
	DOCX_ADDRESSEE, /* 主送/称呼 "张三：": as body without the indent */
	DOCX_SIGNATURE, /* 署名: right-aligned, 4 characters in from the right */
	DOCX_DATE,      /* 成文日期: as the signature */
	DOCX_NOTE,      /* 附注, notes under a table: 仿宋_GB2312 四号 (14 pt) */
	DOCX_CAPTION,   /* 表题, a table's title above it: 黑体 四号, centred,
			 * kept on the page of the table */
};

/* Flags of a run or cell. A cell's alignment defaults to centred in header
 * rows and justified elsewhere; numbers usually want DOCX_RIGHT or
 * DOCX_CENTER. DOCX_SMALL sets a cell in 五号 (10.5 pt) instead of the
 * table's 小四 (12 pt). */
enum {
	DOCX_LEFT = 1,
	DOCX_CENTER = 2,
	DOCX_RIGHT = 3,
	DOCX_ALIGN_MASK = 3,
	DOCX_BOLD = 4,
	DOCX_SMALL = 8,
};

/* One piece of a paragraph: text (borrowed for the call only) and flags
 * (DOCX_BOLD; alignment bits are ignored). */
struct docx_run {
	const char *text;
	unsigned flags;
};

struct docx;

/* A new, empty document whose metadata title is title (copied; NULL is
 * none), creator "gongkai", created now. Out of memory aborts; free it
 * with docx_free. */
struct docx *docx_new(const char *title);

/* Frees d and everything it holds; NULL is allowed. */
void docx_free(struct docx *d);

/* Sets the creation time recorded in docProps/core.xml (default: when
 * docx_new ran), e.g. for reproducible output. */
void docx_set_created(struct docx *d, time_t t);

/* Appends a paragraph of the given kind holding text (copied; NULL or ""
 * is an empty line). 0, or -1 (sticky error). */
int docx_para(struct docx *d, enum docx_kind kind, const char *text);

/* Appends a paragraph made of n runs, e.g. a bold lead-in followed by
 * plain text; a '\n' inside a run continues the runs in a new paragraph
 * of the same kind. The runs are copied. 0, or -1 (sticky error). */
int docx_para_runs(struct docx *d, enum docx_kind kind,
		   const struct docx_run *runs, size_t n);

/* Starts the next content on a new page: the next paragraph gets "page
 * break before"; a table gets an empty paragraph before it that does.
 * 0, or -1 (sticky error). */
int docx_page_break(struct docx *d);

/* Opens a table of ncols columns (1..DOCX_MAX_COLS) with the given widths
 * in twips (copied; NULL divides DOCX_TEXT_WIDTH equally), centred on the
 * page, with borders. Its first header_rows rows (0 for none) are header
 * rows: Word and LibreOffice repeat them at the top of every page the
 * table runs onto, and their cells are centred. Fill it with docx_cell and
 * close it with docx_table_end before adding anything else. A table right
 * after another gets an empty paragraph between them, so they stay two
 * tables. 0, or -1 (sticky error). */
int docx_table_begin(struct docx *d, int ncols, const int *widths,
		     int header_rows);

/* Places a cell whose top-left corner is at row, col (0-based) and which
 * covers rowspan rows and colspan columns (each >= 1), holding text
 * (copied; NULL is empty) with flags (DOCX_LEFT/CENTER/RIGHT, DOCX_BOLD,
 * DOCX_SMALL). Cells may be placed in any order; positions no cell covers
 * stay empty. Fails (-1, sticky) when the cell leaves the columns, overlaps
 * one placed before, or when no table is open. A merged cell is written as
 * w:gridSpan across columns and w:vMerge restart/continue down rows. */
int docx_cell(struct docx *d, int row, int col, int rowspan, int colspan,
	      unsigned flags, const char *text);

/* Closes the open table and appends it to the document. Fails (-1, sticky)
 * when no table is open or it has no cell, or when a cell spanning rows
 * would cross from the header rows into the body. */
int docx_table_end(struct docx *d);

/* Appends the whole .docx file to out (which the caller owns). The
 * document stays usable (more content, another write); the same content
 * and creation time give the same bytes. 0, or -1 with e set: the sticky
 * error of an earlier call, a table still open (ERR_INTERNAL), or a zip
 * failure (ERR_INTERNAL). */
int docx_write(struct docx *d, Buf *out, struct err *e);

#endif
