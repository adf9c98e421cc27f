/*
 * test_docx.c - unit tests of the .docx writer (render/docx.c) and of XML
 * escaping (render/xml.c). Documents are written to memory and read back
 * with libzip: every part is present and well-formed (xmllint), Chinese
 * text and <&>"' come out escaped, merged cells come out as w:gridSpan and
 * w:vMerge restart/continue in the right places, header rows carry
 * w:tblHeader, the page is A4 with the GB/T 9704-2012 margins and grid,
 * '\n' makes paragraphs, and misuse fails with a sticky error.
 *
 * The helpers copy what the assertions look at into static buffers and
 * free everything first, so a failing assertion leaks nothing.
 */
#include "render/docx.h"
#include "render/xml.h"

#include "t.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

static const char *const parts[] = {
	"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
	"docProps/app.xml", "word/document.xml",
	"word/_rels/document.xml.rels", "word/styles.xml",
	"word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
	"word/footer2.xml",
};
#define NPARTS (sizeof parts / sizeof parts[0])

/* The parts of the last document read, NUL-terminated ("" if missing). */
static char part_[NPARTS][65536];
static int nentries_;    /* entries in the zip */

/* Reads every part of the n bytes of docx into part_; 0, or -1 when the
 * zip cannot be opened. */
static int read_parts(const char *docx, size_t n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(docx, n, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		zip_source_free(src);
		return -1;
	}
	nentries_ = (int)zip_get_num_entries(za, 0);
	for (size_t i = 0; i < NPARTS; i++) {
		part_[i][0] = 0;
		zip_file_t *f = zip_fopen(za, parts[i], 0);
		if (!f) {
			continue;
		}
		zip_int64_t got = zip_fread(f, part_[i], sizeof part_[i] - 1);
		part_[i][got > 0 ? got : 0] = 0;
		zip_fclose(f);
	}
	zip_close(za);
	return 0;
}

/* The part named name of the last document read. */
static const char *part(const char *name)
{
	for (size_t i = 0; i < NPARTS; i++) {
		if (strcmp(parts[i], name) == 0) {
			return part_[i];
		}
	}
	return "";
}

/* Writes the parts read to a temporary directory and runs xmllint on
 * them; 1 when all are well-formed. */
static int lint_parts(void)
{
	char dir[] = "/tmp/gk-docx-XXXXXX";
	char path[64], cmd[128];
	if (!mkdtemp(dir)) {
		return 0;
	}
	for (size_t i = 0; i < NPARTS; i++) {
		snprintf(path, sizeof path, "%s/part%zu.xml", dir, i);
		FILE *f = fopen(path, "wb");
		if (f) {
			fputs(part_[i], f);
			fclose(f);
		}
	}
	snprintf(cmd, sizeof cmd, "xmllint --noout %s/*.xml >/dev/null 2>&1",
		 dir);
	int ok = system(cmd) == 0;
	for (size_t i = 0; i < NPARTS; i++) {
		snprintf(path, sizeof path, "%s/part%zu.xml", dir, i);
		unlink(path);
	}
	rmdir(dir);
	return ok;
}

/* Writes d (then frees it), reads its parts and lints them. rc is what
 * the calls that built d returned together. Returns word/document.xml when
 * rc, the write and the reading back all succeeded and every part is
 * well-formed, else NULL (with a message on stderr). */
static const char *written(struct docx *d, int rc)
{
	Buf b = BUF_INIT;
	struct err e;
	err_clear(&e);
	int wrc = docx_write(d, &b, &e);
	int ok = rc == 0 && wrc == 0 && read_parts(b.p, b.n) == 0 &&
		 lint_parts();
	if (!ok) {
		fprintf(stderr, "  document: build %d, write %d %s\n", rc, wrc,
			e.msg);
	}
	buf_free(&b);
	docx_free(d);
	return ok ? part("word/document.xml") : NULL;
}

/* 1 when each of the NULL-ended strings occurs in s, in this order. */
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

static int count(const char *s, const char *what)
{
	int n = 0;
	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

static void t_xml_escape(void)
{
	Buf b = BUF_INIT;
	xml_escape(&b, "a<b>&\"c'\t\n\x01\x1f" "沙县\xEF\xBF\xBE\xEF\xBF\xBF"
		       "\xEF\xBF\xBD");
	xml_escape(&b, NULL);
	xml_escape_n(&b, "x\xEF\xBF", 3); /* cut short: kept as is */
	char got[128];
	snprintf(got, sizeof got, "%s", buf_str(&b));
	buf_free(&b);
	T_EQ_STR(got, "a&lt;b&gt;&amp;&quot;c&apos;\t\n沙县\xEF\xBF\xBD"
		      "x\xEF\xBF");
}

/* A letter and a table with a 2-column span and a 2-row merge. */
static void t_docx_document(void)
{
	struct docx *d = docx_new("答复告知书 <&>");
	docx_set_created(d, 1767225600);
	int rc = docx_para(d, DOCX_TITLE, "政府信息公开申请答复告知书");
	rc |= docx_para(d, DOCX_ADDRESSEE, "张三：");
	rc |= docx_para(d, DOCX_BODY, "申请内容：<&>\"' 沙县");
	struct docx_run runs[] = {{"加粗", DOCX_BOLD}, {"正常", 0}};
	rc |= docx_para_runs(d, DOCX_BODY, runs, 2);
	static const int widths[] = {2000, 2000, 2000};
	rc |= docx_table_begin(d, 3, widths, 1);
	rc |= docx_cell(d, 0, 0, 1, 2, 0, "跨两列");
	rc |= docx_cell(d, 0, 2, 1, 1, 0, "总计");
	rc |= docx_cell(d, 1, 0, 2, 1, 0, "跨两行");
	rc |= docx_cell(d, 1, 1, 1, 1, 0, "甲");
	rc |= docx_cell(d, 1, 2, 1, 1, DOCX_RIGHT, "12");
	rc |= docx_cell(d, 2, 2, 1, 1, DOCX_RIGHT | DOCX_SMALL, "3");
	rc |= docx_table_end(d);
	rc |= docx_para(d, DOCX_SIGNATURE, "沙县应急管理局");
	rc |= docx_para(d, DOCX_DATE, "2026年3月16日");
	const char *doc = written(d, rc);
	T_ASSERT(doc);
	T_EQ_INT(nentries_, NPARTS);
	for (size_t i = 0; i < NPARTS; i++) {
		if (!part_[i][0]) {
			T_FAIL_("part %s missing", parts[i]);
			return;
		}
	}
	T_ASSERT(strstr(doc, "申请内容：&lt;&amp;&gt;&quot;&apos; 沙县"));
	T_ASSERT(in_order(doc, "<w:pStyle w:val=\"Title\"/>",
			  "政府信息公开申请答复告知书",
			  "<w:pStyle w:val=\"Addressee\"/>", "张三：",
			  "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">加粗",
			  "<w:r><w:t xml:space=\"preserve\">正常", NULL));
	/* The table, position by position. */
	T_ASSERT(in_order(doc, "<w:tbl>", "<w:gridCol w:w=\"2000\"/>",
			  "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
			  "<w:tcW w:w=\"4000\" w:type=\"dxa\"/>"
			  "<w:gridSpan w:val=\"2\"/>",
			  "<w:jc w:val=\"center\"/>", "跨两列", "总计",
			  "<w:tr><w:trPr><w:cantSplit/></w:trPr>",
			  "<w:vMerge w:val=\"restart\"/>", "跨两行", "甲",
			  "<w:jc w:val=\"right\"/>", "12", "</w:tr>",
			  "<w:tr>", "<w:vMerge/>", "</w:tc>",
			  "<w:tcW w:w=\"2000\" w:type=\"dxa\"/><w:vAlign",
			  "</w:tc>", "<w:sz w:val=\"21\"/>", ">3</w:t>",
			  "</w:tr></w:tbl>", "沙县应急管理局", NULL));
	T_EQ_INT(count(doc, "<w:tr>"), 3);
	T_EQ_INT(count(doc, "<w:tc>"), 8);
	T_EQ_INT(count(doc, "<w:tblHeader/>"), 1);
	T_EQ_INT(count(doc, "<w:vMerge/>"), 1);
	/* The page: A4, 37/35 mm top/bottom, 28 mm inside, 26 mm outside,
	 * 22 lines, page numbers in two footers. */
	T_ASSERT(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	T_ASSERT(strstr(doc, "<w:pgMar w:top=\"2098\" w:right=\"1474\" "
			     "w:bottom=\"1984\" w:left=\"1587\""));
	T_ASSERT(strstr(doc, "<w:docGrid w:type=\"lines\" "
			     "w:linePitch=\"579\"/>"));
	T_ASSERT(strstr(doc, "<w:footerReference w:type=\"even\""));
	const char *set = part("word/settings.xml");
	T_ASSERT(strstr(set, "<w:mirrorMargins/>"));
	T_ASSERT(strstr(set, "<w:evenAndOddHeaders/>"));
	T_ASSERT(in_order(part("word/footer1.xml"), "— ", " PAGE ", " —",
			  NULL));
	T_ASSERT(strstr(part("word/footer1.xml"), "<w:jc w:val=\"right\"/>"));
	T_ASSERT(strstr(part("word/footer2.xml"), "<w:jc w:val=\"left\"/>"));
	const char *sty = part("word/styles.xml");
	T_ASSERT(in_order(sty, "w:styleId=\"Normal\"", "仿宋_GB2312",
			  "<w:sz w:val=\"32\"/>", NULL));
	T_ASSERT(in_order(sty, "w:styleId=\"Title\"", "方正小标宋简体",
			  "<w:sz w:val=\"44\"/>", NULL));
	T_ASSERT(in_order(sty, "w:styleId=\"Body\"",
			  "w:firstLineChars=\"200\"", NULL));
	T_ASSERT(in_order(sty, "w:styleId=\"Date\"", "w:rightChars=\"400\"",
			  "<w:jc w:val=\"right\"/>", NULL));
	const char *core = part("docProps/core.xml");
	T_ASSERT(strstr(core, "<dc:title>答复告知书 &lt;&amp;&gt;</dc:title>"));
	T_ASSERT(strstr(core, "<dc:creator>gongkai</dc:creator>"));
	T_ASSERT(strstr(core, ">2026-01-01T00:00:00Z</dcterms:created>"));
	T_ASSERT(strstr(part("[Content_Types].xml"), "/word/footer2.xml"));
}

/* '\n' starts a paragraph of the same kind; '\t' is a tab; '\r' and
 * characters XML cannot hold are dropped. */
static void t_docx_text(void)
{
	struct docx *d = docx_new(NULL);
	int rc = docx_para(d, DOCX_HEADING1, "一、甲\r\n二、乙\t丙\x01");
	rc |= docx_para(d, DOCX_NOTE, NULL);
	struct docx_run runs[] = {{"粗\n", DOCX_BOLD}, {"细", 0}};
	rc |= docx_para_runs(d, DOCX_BODY, runs, 2);
	const char *doc = written(d, rc);
	T_ASSERT(doc);
	T_ASSERT(in_order(doc, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>"
			       "</w:pPr><w:r><w:t xml:space=\"preserve\">一、甲"
			       "</w:t></w:r></w:p>"
			       "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>"
			       "</w:pPr><w:r><w:t xml:space=\"preserve\">二、乙"
			       "</w:t><w:tab/><w:t xml:space=\"preserve\">丙"
			       "</w:t></w:r></w:p>"
			       "<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr>"
			       "</w:p>",
			  "<w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:rPr><w:b/>",
			  "粗</w:t></w:r></w:p><w:p><w:pPr><w:pStyle "
			  "w:val=\"Body\"/></w:pPr><w:r><w:t "
			  "xml:space=\"preserve\">细</w:t></w:r></w:p>"
			  "<w:sectPr>",
			  NULL));
	T_ASSERT(strstr(part("docProps/core.xml"), "<dc:title></dc:title>"));
}

/* Two tables in a row are kept apart; a page break goes on the next
 * paragraph, or on an empty one before a table; the body ends with a
 * paragraph. */
static void t_docx_blocks(void)
{
	struct docx *d = docx_new("t");
	int rc = docx_table_begin(d, 2, NULL, 0);
	rc |= docx_cell(d, 0, 0, 1, 1, 0, "a");
	rc |= docx_table_end(d);
	rc |= docx_table_begin(d, 1, NULL, 0);
	rc |= docx_cell(d, 3, 0, 1, 1, 0, "b");
	rc |= docx_table_end(d);
	rc |= docx_page_break(d);
	rc |= docx_para(d, DOCX_BODY, "c");
	rc |= docx_page_break(d);
	rc |= docx_table_begin(d, 1, NULL, 0);
	rc |= docx_cell(d, 0, 0, 1, 1, 0, "d");
	rc |= docx_table_end(d);
	const char *doc = written(d, rc);
	T_ASSERT(doc);
	T_ASSERT(in_order(doc, "<w:gridCol w:w=\"4422\"/><w:gridCol "
			       "w:w=\"4422\"/>",
			  "</w:tbl><w:p>", "<w:tbl>",
			  "<w:gridCol w:w=\"8845\"/>", NULL));
	/* Row 3 of the second table: rows 0-2 are empty cells. */
	T_EQ_INT(count(doc, "<w:tr>"), 1 + 4 + 1);
	T_ASSERT(in_order(doc, "<w:pageBreakBefore/></w:pPr><w:r>",
			  ">c</w:t>", "<w:pageBreakBefore/></w:pPr></w:p><w:tbl>",
			  "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Body\"/>"
			  "</w:pPr></w:p><w:sectPr>",
			  NULL));
	T_EQ_INT(count(doc, "<w:pageBreakBefore/>"), 2);
}

/* Runs one misuse after a good paragraph; returns "rc/later/write: msg"
 * where later is what a further docx_para returns. */
static const char *misuse(int which)
{
	static char out[320];
	struct docx *d = docx_new("x");
	int rc = docx_para(d, DOCX_BODY, "好");
	static const int w[] = {100, 100};
	switch (which) {
	case 0: rc = docx_para(d, DOCX_BODY, "bad \xC3("); break;
	case 1: rc = docx_para(d, (enum docx_kind)99, "x"); break;
	case 2:
		docx_table_begin(d, 2, w, 0);
		docx_cell(d, 0, 0, 2, 2, 0, "a");
		rc = docx_cell(d, 1, 1, 1, 1, 0, "b");
		break;
	case 3:
		docx_table_begin(d, 2, w, 0);
		rc = docx_cell(d, 0, 1, 1, 2, 0, "a");
		break;
	case 4:
		docx_table_begin(d, 2, w, 0);
		rc = docx_para(d, DOCX_BODY, "a");
		break;
	case 5: rc = docx_table_end(d); break;
	case 6:
		docx_table_begin(d, 2, w, 0);
		rc = docx_table_end(d);
		break;
	case 7:
		docx_table_begin(d, 2, w, 1);
		rc = docx_cell(d, 0, 0, 2, 1, 0, "a");
		break;
	case 8: rc = docx_table_begin(d, DOCX_MAX_COLS + 1, NULL, 0); break;
	case 9:
		docx_table_begin(d, 2, w, 0);
		rc = docx_cell(d, 0, 0, 1, 1, 0, "\xFF");
		break;
	case 10:
		/* A table left open: only docx_write notices. */
		rc = docx_table_begin(d, 2, w, 0);
		rc |= docx_cell(d, 0, 0, 1, 1, 0, "a");
		break;
	}
	int later = which == 10 ? 0 : docx_para(d, DOCX_BODY, "后");
	Buf b = BUF_INIT;
	struct err e;
	err_clear(&e);
	int wrc = docx_write(d, &b, &e);
	snprintf(out, sizeof out, "%d/%d/%d %d: %s", rc, later, wrc,
		 (int)b.n, e.msg);
	buf_free(&b);
	docx_free(d);
	return out;
}

static void t_docx_misuse(void)
{
	T_EQ_STR(misuse(0), "-1/-1/-1 0: 文档文本不是有效的 UTF-8");
	T_EQ_STR(misuse(1), "-1/-1/-1 0: 未知的段落类型 99");
	T_EQ_STR(misuse(2), "-1/-1/-1 0: 单元格 (1,1) 与已有单元格重叠");
	T_EQ_STR(misuse(3), "-1/-1/-1 0: 单元格 (0,1) 跨 1 行 2 列，超出表格");
	T_EQ_STR(misuse(4), "-1/-1/-1 0: 表格尚未结束，不能添加段落");
	T_EQ_STR(misuse(5), "-1/-1/-1 0: 没有打开的表格");
	T_EQ_STR(misuse(6), "-1/-1/-1 0: 表格没有单元格");
	T_EQ_STR(misuse(7), "-1/-1/-1 0: 单元格 (0,0) 从表头跨入表体");
	T_EQ_STR(misuse(8), "-1/-1/-1 0: 表格列数 64 超出范围");
	T_EQ_STR(misuse(9), "-1/-1/-1 0: 文档文本不是有效的 UTF-8");
	T_EQ_STR(misuse(10), "0/0/-1 0: 表格尚未结束");
}

/* A document can be written twice, and grows between writes. */
static void t_docx_rewrite(void)
{
	struct docx *d = docx_new("t");
	docx_set_created(d, 0);
	docx_para(d, DOCX_BODY, "一");
	Buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
	struct err e;
	int rc = docx_write(d, &a, &e);
	rc |= docx_write(d, &b, &e);
	docx_para(d, DOCX_BODY, "二");
	rc |= docx_write(d, &c, &e);
	int same = a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
	int grew = c.n > a.n;
	int zip = a.n > 4 && memcmp(a.p, "PK\x03\x04", 4) == 0;
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	docx_free(d);
	docx_free(NULL);
	T_EQ_INT(rc, 0);
	T_ASSERT(same);
	T_ASSERT(grew);
	T_ASSERT(zip);
}

void suite_docx(void)
{
	T_RUN(t_xml_escape);
	T_RUN(t_docx_document);
	T_RUN(t_docx_text);
	T_RUN(t_docx_blocks);
	T_RUN(t_docx_misuse);
	T_RUN(t_docx_rewrite);
}
