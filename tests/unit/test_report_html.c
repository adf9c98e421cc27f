/*
 * test_report_html.c - the report writers of render/report_html.c and
 * render/report_md.c on the shipped formats with hand-made cells: the
 * official merged-cell layout of cn-2021's applications table (header
 * rows, corner, spans), the stretched one-value blocks of the active
 * table, the unit column and "{year}年度" of fj-county-2018, every data
 * cell naming existing header ids, decimals, blank cells, escaping, the
 * standalone document (xmllint --html clean) and the Markdown tables.
 */
#include "t.h"

#include "render/report_doc.h"
#include "render/report_html.h"
#include "render/report_md.h"

#include <stdlib.h>
#include <unistd.h>

static void put(struct cellset *s, const char *table, const char *row,
		const char *col, int64_t v)
{
	cellset_put(s, table, row, col, v);
}

/* The cn-2021 cells of these tests: 3 natural-person applications, one
 * withheld as a state secret, 7 penalties, 0.1234 万元 of fees, 2.5 in a
 * whole-number column (printed 3); every other cell blank. */
static void cn_cells(struct cellset *s)
{
	put(s, "applications", "new", "natural", 3 * CELL_SCALE);
	put(s, "applications", "new", "total", 3 * CELL_SCALE);
	put(s, "applications", "result.withheld.state_secret", "natural",
	    1 * CELL_SCALE);
	put(s, "active", "penalty", "decisions", 7 * CELL_SCALE);
	put(s, "active", "fees", "amount", 1234);
	put(s, "active", "rules", "issued", 25000);
}

static void fj_cells(struct cellset *s)
{
	put(s, "stats", "items", "year", 259 * CELL_SCALE);
	put(s, "stats", "items", "cumulative", 1225 * CELL_SCALE);
	put(s, "stats", "items.website", "year", 259 * CELL_SCALE);
	put(s, "stats", "items.website", "cumulative", 1078 * CELL_SCALE);
}

/* Loads format id and the hand-made cells for it; 0 or -1. */
static int fixture(const char *id, struct format *f, struct cellset *s)
{
	struct err e = {0};
	if (report_format_load(NULL, id, f, &e)) {
		fprintf(stderr, "  %s\n", e.msg);
		return -1;
	}
	if (strcmp(id, "cn-2021") == 0) {
		cn_cells(s);
	} else {
		fj_cells(s);
	}
	return 0;
}

static void release(struct format *f, struct cellset *s, Buf *out)
{
	buf_free(out);
	cellset_free(s);
	format_free(f);
}

/* The text of s from the first `from` up to the next `to`, as a heap
 * string ("" when from is absent). */
static char *between(const char *s, const char *from, const char *to)
{
	const char *a = strstr(s, from);
	if (!a) {
		return calloc(1, 1);
	}
	const char *z = strstr(a, to);
	size_t n = z ? (size_t)(z - a) : strlen(a);
	char *r = malloc(n + 1);
	memcpy(r, a, n);
	r[n] = 0;
	return r;
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what)) {
		n++;
	}
	return n;
}

/* 1 when id="name" occurs in html. */
static int has_id(const char *html, const char *name, size_t n)
{
	char want[256];
	if (n + 6 >= sizeof want) {
		return 0;
	}
	snprintf(want, sizeof want, "id=\"%.*s\"", (int)n, name);
	return strstr(html, want) != NULL;
}

/* Every <td> has a headers attribute whose ids all exist; returns the
 * number of <td>s checked, or 0 on the first failure. */
static size_t check_headers(const char *html)
{
	size_t n = 0;
	for (const char *p = strstr(html, "<td"); p; p = strstr(p + 1, "<td")) {
		const char *end = strchr(p, '>');
		const char *h = strstr(p, " headers=\"");
		if (!end) {
			return 0;
		}
		if (!h || h > end) {
			/* only the empty corner cell has no headers */
			if (strncmp(end - 1, "\"></td>", 7) != 0 &&
			    strncmp(end, "></td>", 6) != 0) {
				fprintf(stderr, "  no headers: %.80s\n", p);
				return 0;
			}
			continue;
		}
		h += 10;
		const char *q = strchr(h, '"');
		while (h < q) {
			size_t k = strcspn(h, " \"");
			if (!has_id(html, h, k)) {
				fprintf(stderr, "  unknown header %.*s\n",
					(int)k, h);
				return 0;
			}
			h += k + (h[k] == ' ');
		}
		n++;
	}
	return n;
}

/* Runs xmllint --html on html; 1 when it reports nothing. */
static int lint_html(const char *html)
{
	char path[] = "/tmp/gk-rpt-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return 0;
	}
	size_t n = strlen(html);
	int ok = write(fd, html, n) == (ssize_t)n;
	close(fd);
	char cmd[128];
	snprintf(cmd, sizeof cmd,
		 "test -z \"$(xmllint --html --noout %s 2>&1)\"", path);
	ok = ok && system(cmd) == 0;
	unlink(path);
	return ok;
}

static void t_applications(void)
{
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT;
	T_EQ_INT(fixture("cn-2021", &f, &s), 0);
	const char *ids[] = {"applications", NULL};
	report_html_tables(&f, "某局", 2023, &s, ids, &out);
	const char *h = buf_str(&out);
	T_EQ_INT(count(h, "<table"), 1);
	T_ASSERT(strstr(h, "<caption id=\"rpt-applications-caption\">收到和处理政府信息公开申请情况</caption>"));
	char *head = between(h, "<thead>", "</thead>");
	T_EQ_INT(count(head, "<tr>"), 3);
	T_ASSERT(strstr(head,
			"<th id=\"rpt-applications-0-corner\" colspan=\"3\" "
			"rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之"
			"和，等于第三项加第四项之和）</th>"));
	T_ASSERT(strstr(head, "colspan=\"7\" scope=\"colgroup\">申请人情况"));
	T_ASSERT(strstr(head, "colspan=\"5\" scope=\"colgroup\">法人或其他组织"));
	T_ASSERT(strstr(head, "<th id=\"rpt-applications-0-c-natural\" "
			      "rowspan=\"2\" scope=\"col\">自然人</th>"));
	T_ASSERT(strstr(head, "<th id=\"rpt-applications-0-c-commercial\" "
			      "scope=\"col\">商业企业</th>"));
	free(head);
	T_ASSERT(strstr(h, "rowspan=\"22\">三、本年度办理结果</th>"));
	T_ASSERT(strstr(h, "rowspan=\"8\">（三）不予公开</th>"));
	T_ASSERT(strstr(h, "rowspan=\"3\">（四）无法提供</th>"));
	/* a leaf above the deepest level spans right */
	T_ASSERT(strstr(h, "<th id=\"rpt-applications-r-new\" colspan=\"3\" "
			   "headers=\"rpt-applications-0-corner\" "
			   "scope=\"row\">一、本年新收政府信息公开申请数量</th>"));
	T_ASSERT(strstr(h, "colspan=\"2\" headers=\"rpt-applications-0-corner\" "
			   "scope=\"row\">（一）予以公开</th>"));
	/* a cell names its row and column headers at every level */
	T_ASSERT(strstr(h, "<td class=\"num\" headers=\""
			   "rpt-applications-0-rg2 rpt-applications-0-rg5 "
			   "rpt-applications-r-result.withheld.state_secret "
			   "rpt-applications-0-cg0 "
			   "rpt-applications-0-c-natural\">1</td>"));
	/* blanks are empty, not 0 */
	T_ASSERT(strstr(h, "<td class=\"num\" headers=\""
			   "rpt-applications-r-new rpt-applications-0-cg0 "
			   "rpt-applications-0-cg2 "
			   "rpt-applications-0-c-commercial\"></td>"));
	T_EQ_INT(count(h, "<td"), 25 * 7);
	T_EQ_INT(check_headers(h), 25 * 7);
	T_EQ_INT(count(h, "<tr>"), 3 + 25);
	release(&f, &s, &out);
}

static void t_active_and_cases(void)
{
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT;
	T_EQ_INT(fixture("cn-2021", &f, &s), 0);
	const char *ids[] = {"active", "cases", "nonesuch", NULL};
	report_html_tables(&f, "某局", 2023, &s, ids, &out);
	const char *h = buf_str(&out);
	T_EQ_INT(count(h, "<table"), 2);
	T_ASSERT(!strstr(h, "rpt-applications"));
	/* four blocks, each its own row group with a title row */
	T_EQ_INT(count(h, "<tbody class=\"report-block\">"), 4);
	T_ASSERT(strstr(h, "<th id=\"rpt-active-0-title\" colspan=\"4\" "
			   "scope=\"colgroup\">第二十条第（一）项</th>"));
	/* one-value blocks stretch over the 3 columns of the first */
	T_ASSERT(strstr(h, "<th id=\"rpt-active-2-c-decisions\" colspan=\"3\" "
			   "scope=\"col\">本年处理决定数量</th>"));
	T_ASSERT(strstr(h, "<td class=\"num\" headers=\"rpt-active-r-penalty "
			   "rpt-active-2-title rpt-active-2-c-decisions\" "
			   "colspan=\"3\">7</td>"));
	/* decimals: 4 for 万元, none elsewhere (2.5 → 3) */
	T_ASSERT(strstr(h, "rpt-active-3-c-amount\" colspan=\"3\">0.1234</td>"));
	T_ASSERT(strstr(h, "rpt-active-0-c-issued\">3</td>"));
	/* cases: 3 header rows, a hidden row label, 15 cells */
	char *cases = between(h, "<table class=\"report-table\" id=\"rpt-cases\"",
			      "</table>");
	char *head = between(cases, "<thead>", "</thead>");
	T_EQ_INT(count(head, "<tr>"), 3);
	T_ASSERT(strstr(head, "<td rowspan=\"3\"></td>"));
	T_ASSERT(strstr(head, "colspan=\"10\" scope=\"colgroup\">行政诉讼</th>"));
	T_ASSERT(strstr(head, "rowspan=\"2\" scope=\"col\">总计</th>"));
	T_ASSERT(strstr(cases, "scope=\"row\"><span class=\"sr-only\">件数"
			       "</span></th>"));
	T_EQ_INT(count(cases, "<td class=\"num\""), 15);
	free(head);
	free(cases);
	T_EQ_INT(check_headers(h), 10 + 15);
	release(&f, &s, &out);
}

static void t_fj_county(void)
{
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT;
	T_EQ_INT(fixture("fj-county-2018", &f, &s), 0);
	report_html_table(&f.tables[0], "沙县应急管理局", 2018, &s, &out);
	const char *h = buf_str(&out);
	T_ASSERT(strstr(h, "<caption id=\"rpt-stats-caption\">沙县应急管理局政府信息公开年度统计表"
			   "</caption>"));
	T_ASSERT(strstr(h, "<tr><th id=\"rpt-stats-0-corner\">指标名称</th>"
			   "<th id=\"rpt-stats-0-unit\" scope=\"col\">单位</th>"
			   "<th id=\"rpt-stats-0-c-year\" scope=\"col\">2018年度"
			   "</th><th id=\"rpt-stats-0-c-cumulative\" "
			   "scope=\"col\">历年累计</th></tr>"));
	T_ASSERT(strstr(h, "<td class=\"unit\" headers=\"rpt-stats-r-items "
			   "rpt-stats-0-unit\">条</td><td class=\"num\" "
			   "headers=\"rpt-stats-r-items rpt-stats-0-c-year\">259"
			   "</td><td class=\"num\" headers=\"rpt-stats-r-items "
			   "rpt-stats-0-c-cumulative\">1225</td>"));
	T_ASSERT(strstr(h, "rpt-stats-0-c-cumulative\">1078</td>"));
	T_ASSERT(strstr(h, "headers=\"rpt-stats-r-lawsuits rpt-stats-0-unit\">"
			   "件</td>"));
	T_ASSERT(!strstr(h, "{year}"));
	T_EQ_INT(count(h, "<thead>"), 1);
	T_EQ_INT(check_headers(h), 15 * 3);
	buf_free(&out);

	/* the same table in Markdown, unit column after the row label */
	report_md_table(&f.tables[0], "沙县应急管理局", 2018, &s, &out);
	h = buf_str(&out);
	T_ASSERT(starts(h, "### 沙县应急管理局政府信息公开年度统计表\n\n"
			  "| 指标名称 | 单位 | 2018年度 | 历年累计 |\n"
			  "| --- | --- | ---: | ---: |\n"
			  "| 主动公开文件数 | 条 | 259 | 1225 |\n"
			  "| 其中：1.政府网站公开数 | 条 | 259 | 1078 |\n"
			  "| 2.政府公报公开数 | 条 |  |  |\n"));
	T_ASSERT(strstr(h, "\n| 行政诉讼数 | 件 |  |  |\n"));
	T_EQ_INT(count(h, "\n| "), 2 + 15);
	release(&f, &s, &out);
}

static void t_markdown_cn(void)
{
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT;
	T_EQ_INT(fixture("cn-2021", &f, &s), 0);
	report_md(&f, "某局", 2023, &s, NULL, NULL, &out);
	const char *m = buf_str(&out);
	T_ASSERT(starts(m, "# 某局2023年政府信息公开工作年度报告\n\n"
			  "## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n"
			  "### 主动公开政府信息情况\n\n"
			  "**第二十条第（一）项**\n\n"
			  "| 信息内容 | 本年制发件数 | 本年废止件数 | "
			  "现行有效件数 |\n| --- | ---: | ---: | ---: |\n"
			  "| 规章 | 3 |  |  |\n"));
	T_ASSERT(strstr(m, "\n| 行政处罚 | 7 |\n"));
	T_ASSERT(strstr(m, "\n| 行政事业性收费 | 0.1234 |\n"));
	T_ASSERT(strstr(m, "| 申请人情况 / 自然人 | 申请人情况 / 法人或其他组织 / "
			   "商业企业 |"));
	T_ASSERT(strstr(m, "\n| 一、本年新收政府信息公开申请数量 | 3 |  |  |  |  "
			   "|  | 3 |\n"));
	T_ASSERT(strstr(m, "\n| 三、本年度办理结果 / （三）不予公开 / "
			   "1.属于国家秘密 | 1 |  |  |  |  |  |  |\n"));
	/* the cases row: its (hidden) label, then 15 blanks */
	Buf row = BUF_INIT;
	buf_puts(&row, "\n| 件数 |");
	for (int i = 0; i < 15; i++) {
		buf_puts(&row, "  |");
	}
	buf_putc(&row, '\n');
	T_ASSERT(strstr(m, buf_str(&row)));
	buf_free(&row);
	T_ASSERT(strstr(m, "\n## 六、其他需要报告的事项\n\n"));
	release(&f, &s, &out);
}

/* A format whose labels need escaping; its only section has a table. */
static const char esc_format[] =
	"{\"id\":\"t-esc\",\"name\":\"n\",\"title\":\"{organ}{year}年报告\","
	"\"sections\":[{\"id\":\"one\",\"title\":\"一、{year}年情况\","
	"\"tables\":[\"t\"]},{\"id\":\"two\",\"title\":\"二、其他\"}],"
	"\"tables\":[{\"id\":\"t\",\"caption\":\"{organ}表\",\"blocks\":[{"
	"\"corner\":\"指标\",\"cols\":[{\"id\":\"a\",\"label\":\"甲<&>乙\"},"
	"{\"id\":\"b\",\"label\":\"x|y\"}],\"rows\":[{\"id\":\"r\","
	"\"label\":\"行\\n二\",\"metric\":\"items.published\"}]}]}]}";

static const char *esc_text(const char *section, void *arg)
{
	(void)arg;
	if (strcmp(section, "one") == 0) {
		return "第一段<b>&\n续行\n \n# 第二段\n1. 第三行";
	}
	return NULL;
}

static void t_escaping_and_document(void)
{
	struct err e = {0};
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT, css = BUF_INIT;
	T_EQ_INT(format_parse(esc_format, strlen(esc_format), &f, &e), 0);
	put(&s, "t", "r", "a", 5 * CELL_SCALE);
	T_EQ_INT(report_html_css(NULL, &css, &e), 0);
	T_ASSERT(strstr(buf_str(&css), ".report-table"));
	T_ASSERT(strstr(buf_str(&css), "@media print"));
	report_html_document(&f, "A<局>", 2020, &s, esc_text, NULL,
			     buf_str(&css), &out);
	const char *h = buf_str(&out);
	T_ASSERT(starts(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
	T_ASSERT(strstr(h, "<meta charset=\"utf-8\">"));
	T_ASSERT(strstr(h, "<title>A&lt;局&gt;2020年报告</title>"));
	T_ASSERT(strstr(h, "<h1>A&lt;局&gt;2020年报告</h1>"));
	T_ASSERT(strstr(h, "<style>\n/* == report tables: begin"));
	T_ASSERT(strstr(h, "scope=\"col\">甲&lt;&amp;&gt;乙</th>"));
	T_ASSERT(!strstr(h, "<&>"));
	T_ASSERT(strstr(h, "<caption id=\"rpt-t-caption\">A&lt;局&gt;表</caption>"));
	/* the section's text, then its table; the next section after */
	T_ASSERT(strstr(h, "<h2>一、2020年情况</h2>\n"
			   "<p>第一段&lt;b&gt;&amp;<br>\n续行</p>\n"
			   "<p># 第二段<br>\n1. 第三行</p>\n<div class=\"scroll\" "));
	T_ASSERT(strstr(h, "</table>\n</div>\n<h2>二、其他</h2>\n</div>"));
	T_EQ_INT(check_headers(h), 2);
	T_ASSERT(lint_html(h));
	/* a stylesheet that could close <style> is left out */
	buf_reset(&out);
	report_html_document(&f, "局", 2020, &s, NULL, NULL,
			     "</style><script>", &out);
	T_ASSERT(!strstr(buf_str(&out), "<style>"));
	T_ASSERT(!strstr(buf_str(&out), "<script>"));
	T_ASSERT(lint_html(buf_str(&out)));

	buf_reset(&out);
	report_md(&f, "A<局>", 2020, &s, esc_text, NULL, &out);
	T_EQ_STR(buf_str(&out),
		 "# A\\<局\\>2020年报告\n\n"
		 "## 一、2020年情况\n\n"
		 "第一段\\<b\\>\\&\\\n续行\n\n"
		 "\\# 第二段\\\n1\\. 第三行\n\n"
		 "### A\\<局\\>表\n\n"
		 "| 指标 | 甲\\<\\&\\>乙 | x\\|y |\n"
		 "| --- | ---: | ---: |\n"
		 "| 行<br>二 | 5 |  |\n\n"
		 "## 二、其他\n\n");
	buf_free(&css);
	release(&f, &s, &out);
}

/* The whole cn-2021 document is valid HTML and names its headers. */
static void t_document_cn(void)
{
	struct err e = {0};
	struct format f;
	struct cellset s = {0};
	Buf out = BUF_INIT, css = BUF_INIT;
	T_EQ_INT(fixture("cn-2021", &f, &s), 0);
	T_EQ_INT(report_html_css(NULL, &css, &e), 0);
	report_html_document(&f, "某局", 2023, &s, NULL, NULL, buf_str(&css),
			     &out);
	const char *h = buf_str(&out);
	T_EQ_INT(count(h, "<table"), 3);
	T_EQ_INT(count(h, "<h2>"), 6);
	T_EQ_INT(check_headers(h), 10 + 175 + 15);
	T_ASSERT(lint_html(h));
	/* tables come after their section's title */
	const char *a = strstr(h, "<h2>三、");
	const char *t = strstr(h, "id=\"rpt-applications\"");
	T_ASSERT(a && t && a < t && t < strstr(h, "<h2>四、"));
	buf_free(&css);
	release(&f, &s, &out);
}

void suite_report_html(void)
{
	T_RUN(t_applications);
	T_RUN(t_active_and_cases);
	T_RUN(t_fj_county);
	T_RUN(t_markdown_cn);
	T_RUN(t_escaping_and_document);
	T_RUN(t_document_cn);
}
