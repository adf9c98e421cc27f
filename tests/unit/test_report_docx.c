/*
 * test_report_docx.c - render/report_docx.c and the writer table of
 * render/report_office.c: the cn-2021 report with some figures, texts and
 * a failing check as a .docx read back with libzip: document.xml is
 * well-formed (xmllint), holds the title, the note, the six headings in
 * order with their text as paragraphs, every label and figure report_grid
 * lays out, exactly the merges (w:gridSpan, w:vMerge) and header rows
 * (w:tblHeader) the grids say, widths adding up to the text width, the
 * dense tables in 五号, the failing check noted under its table; text
 * that is not UTF-8 fails with ERR_INPUT; each writer's file passes the
 * attachment allow-list as its own type.
 */
#include "t.h"
#include "treport.h"

#include "base/buf.h"
#include "domain/item.h"
#include "render/docx.h"
#include "render/report_doc.h"
#include "render/report_grid.h"
#include "render/report_office.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* word/document.xml of the docx in b, or NULL (the caller frees). */
static char *document_xml(const Buf *b)
{
	return treport_member(b, "word/document.xml");
}

static int xml_ok(const char *xml)
{
	char path[] = "/tmp/gk-rdocx-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return 0;
	}
	FILE *f = fdopen(fd, "w");
	fputs(xml, f);
	fclose(f);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "xmllint --noout %s >/dev/null 2>&1", path);
	int ok = system(cmd) == 0;
	unlink(path);
	return ok;
}

static int count(const char *s, const char *what)
{
	int n = 0;
	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

static int in_order(const char *s, ...)
{
	va_list ap;
	va_start(ap, s);
	const char *want;
	while ((want = va_arg(ap, const char *)) != NULL) {
		s = strstr(s, want);
		if (!s) {
			va_end(ap);
			return 0;
		}
		s += strlen(want);
	}
	va_end(ap);
	return 1;
}

static const char *texts(const char *id, void *arg)
{
	(void)arg;
	if (strcmp(id, "overview") == 0) {
		return "　　第一段，有缩进。\r\n\n  第二段\n\n\n第三段<&>";
	}
	if (strcmp(id, "problems") == 0) {
		return "存在的问题。";
	}
	return NULL;
}

static const char *bad_text(const char *id, void *arg)
{
	(void)arg;
	return strcmp(id, "other") == 0 ? "坏\xff" : NULL;
}


static void t_report_docx_document(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	struct report_out r = {.f = &x.f,
			       .organ = "测试局",
			       .year = 2023,
			       .cells = &x.cells,
			       .res = x.res,
			       .nres = x.nres,
			       .text = texts,
			       .note = "更正版（第2版）"};
	Buf b = BUF_INIT;
	struct err e = {0};
	int rc = report_docx(&r, &b, &e);
	char *doc = rc == 0 ? document_xml(&b) : NULL;
	buf_free(&b);
	if (!doc) {
		treport_free(&x);
		T_FAIL_("report_docx: %d %s", rc, e.msg);
		return;
	}
	int ok_xml = xml_ok(doc);
	/* title, note, headings in order, texts as paragraphs */
	int order = in_order(
		doc, "<w:pStyle w:val=\"Title\"/>",
		">测试局2023年政府信息公开工作年度报告</w:t>",
		"<w:pStyle w:val=\"Note\"/>", ">更正版（第2版）</w:t>",
		"<w:pStyle w:val=\"Heading1\"/>", ">一、总体情况</w:t>",
		"<w:pStyle w:val=\"Body\"/>", ">第一段，有缩进。</w:t>",
		"<w:pStyle w:val=\"Body\"/>", ">第二段</w:t>",
		"<w:pStyle w:val=\"Body\"/>", ">第三段&lt;&amp;&gt;</w:t>",
		">二、主动公开政府信息情况</w:t>", ">主动公开政府信息情况</w:t>",
		"<w:tbl>", ">三、收到和处理政府信息公开申请情况</w:t>",
		"<w:pStyle w:val=\"Caption\"/>", ">收到和处理政府信息公开申请情况</w:t>",
		"<w:tbl>", "</w:tbl>", "<w:pStyle w:val=\"Note\"/>",
		"注：本表有 2 项勾稽关系未通过：",
		"1. 总计列等于自然人与法人或其他组织各列之和"
		"（applications.total_column）：row new: 2 ≠ 3",
		"2. 总计列等于自然人与法人或其他组织各列之和"
		"（applications.total_column）：row carried_out: 2 ≠ 3",
		">四、政府信息公开行政复议、行政诉讼情况</w:t>", "<w:tbl>",
		">五、存在的主要问题及改进情况</w:t>", ">存在的问题。</w:t>",
		">六、其他需要报告的事项</w:t>",
		"<w:pStyle w:val=\"Signature\"/>", ">测试局</w:t>", NULL);
	/* no blank paragraphs from the blank lines: the three paragraphs of
	 * the overview follow one another */
	int tight = in_order(doc, ">第一段，有缩进。</w:t></w:r></w:p><w:p>",
			     "<w:pStyle w:val=\"Body\"/></w:pPr><w:r>", NULL);
	/* every label and figure, and the merges of every grid */
	int missing = 0, span[DOCX_MAX_COLS + 1] = {0}, restart = 0, cont = 0;
	int headers = 0, tables = 0, small = 0, small_cells = 0;
	for (size_t t = 0; t < x.f.ntables; t++) {
		struct rgrid g;
		report_grid(&x.f.tables[t], "测试局", 2023, &x.cells, &g);
		tables++;
		headers += g.header_rows;
		small += g.ncols >= 9;
		for (size_t i = 0; i < g.n; i++) {
			const struct rg_cell *c = &g.v[i];
			char want[600];
			snprintf(want, sizeof want, ">%s</w:t>", c->text);
			small_cells += g.ncols >= 9 && c->text[0];
			if (c->text[0] && !strstr(doc, want)) {
				T_FAIL_("%s: cell %d,%d \"%s\" missing",
					x.f.tables[t].id, c->row, c->col,
					c->text);
				missing++;
			}
			if (c->colspan > 1) {
				span[c->colspan] += c->rowspan;
			}
			if (c->rowspan > 1) {
				restart++;
				cont += c->rowspan - 1;
			}
		}
		report_grid_free(&g);
	}
	for (int k = 2; k <= DOCX_MAX_COLS; k++) {
		char want[64];
		snprintf(want, sizeof want, "<w:gridSpan w:val=\"%d\"/>", k);
		if (count(doc, want) != span[k]) {
			T_FAIL_("%d cells span %d columns, want %d",
				count(doc, want), k, span[k]);
		}
	}
	int n_restart = count(doc, "<w:vMerge w:val=\"restart\"/>");
	int n_cont = count(doc, "<w:vMerge/>");
	int n_header = count(doc, "<w:tblHeader/>");
	int n_tables = count(doc, "<w:tbl>");
	int n_small = count(doc, "<w:sz w:val=\"21\"/>");
	/* each table's widths add up to the text width */
	int widths_ok = 1;
	for (const char *p = strstr(doc, "<w:tblGrid>"); p;
	     p = strstr(p + 1, "<w:tblGrid>")) {
		const char *end = strstr(p, "</w:tblGrid>");
		int sum = 0, w;
		for (const char *q = strstr(p, "w:w=\""); q && q < end;
		     q = strstr(q + 1, "w:w=\"")) {
			sscanf(q, "w:w=\"%d\"", &w);
			sum += w;
		}
		widths_ok &= sum == DOCX_TEXT_WIDTH;
	}
	free(doc);
	treport_free(&x);
	T_ASSERT(ok_xml);
	T_ASSERT(order);
	T_ASSERT(tight);
	T_EQ_INT(missing, 0);
	T_EQ_INT(x.bad, 2);
	T_EQ_INT(n_restart, restart);
	T_EQ_INT(n_cont, cont);
	T_ASSERT(restart > 0 && cont > restart);
	T_EQ_INT(n_header, headers);
	T_EQ_INT(headers, 6); /* applications 3, cases 3; active has blocks */
	T_EQ_INT(n_tables, tables);
	T_EQ_INT(small, 2);
	T_ASSERT(small_cells > 50);
	T_EQ_INT(n_small, small_cells);
	T_ASSERT(widths_ok);
}

static void t_report_docx_bad_text(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	struct report_out r = {.f = &x.f,
			       .organ = "测试局",
			       .year = 2023,
			       .cells = &x.cells,
			       .text = bad_text};
	Buf b = BUF_INIT;
	struct err e = {0};
	int rc = report_docx(&r, &b, &e);
	buf_free(&b);
	treport_free(&x);
	T_EQ_INT(rc, -1);
	T_EQ_INT(e.code, ERR_INPUT);
}

/* Every writer of the table: found by its extension, and its file is an
 * allowed attachment of its own type. */
static void t_report_writers(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	struct report_out r = {.f = &x.f,
			       .organ = "测试局",
			       .year = 2023,
			       .cells = &x.cells,
			       .res = x.res,
			       .nres = x.nres,
			       .text = texts};
	int n = 0;
	for (const struct report_writer *w = report_writers; w->ext; w++) {
		Buf b = BUF_INIT;
		struct err e = {0};
		const char *ctype = NULL;
		char name[64];
		snprintf(name, sizeof name, "年度报告.%s", w->ext);
		int rc = w->fn(&r, &b, &e);
		int allowed = rc == 0 && item_attachment_check(
						 name, b.p, b.n, 1 << 24,
						 &ctype, &e) == 0;
		buf_free(&b);
		if (!allowed || strcmp(ctype, w->ctype) != 0 ||
		    report_writer_find(w->ext) != w) {
			T_FAIL_("writer %s: %s", w->ext, e.msg);
		}
		n++;
	}
	treport_free(&x);
	T_ASSERT(n >= 1);
	T_ASSERT(report_writer_find("docx") &&
		 report_writer_find("docx")->fn == report_docx);
	T_ASSERT(report_writer_find("odt") == NULL);
	T_ASSERT(report_writer_find(".docx") == NULL);
	T_ASSERT(report_writer_find(NULL) == NULL);
}

void suite_report_docx(void)
{
	T_RUN(t_report_docx_document);
	T_RUN(t_report_docx_bad_text);
	T_RUN(t_report_writers);
}
