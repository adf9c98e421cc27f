/*
 * docx_sample.c - test-only program: writes sample .docx files with
 * render/docx so that tests/e2e/t_docx.sh can open them in LibreOffice.
 *
 *   docx_sample letter FILE  a reply letter (答复告知书): title, document
 *                            number, addressee, headings, body with bold
 *                            runs and <&>"' text, signature, date, note
 *   docx_sample grid FILE    the page grid: a 28-character line, a
 *                            29-character one, then lines "第4行".."第50行",
 *                            so page 2 must start with 第23行 (22 lines a
 *                            page, 28 characters a line)
 *   docx_sample table FILE   a three-page table in the shape of the annual
 *                            report's: two header rows with merged cells,
 *                            groups of rows merged down the first column,
 *                            rows whose label spans two columns
 *
 * Exit 0, or 1 with the error on stderr.
 */
#include "base/buf.h"
#include "render/docx.h"

#include <stdio.h>
#include <string.h>

static void letter(struct docx *d)
{
	docx_para(d, DOCX_TITLE, "政府信息公开申请答复告知书");
	docx_para(d, DOCX_SUBTITLE, "沙应急依复〔2026〕3号");
	docx_para(d, DOCX_BODY, "");
	docx_para(d, DOCX_ADDRESSEE, "张三：");
	docx_para(d, DOCX_BODY,
		  "本机关于2026年3月2日收到您提出的政府信息公开申请，要求公开"
		  "“沙县2025年安全生产执法检查记录”（申请编号：YSQ-2026-0003）。"
		  "经审查，现答复如下：");
	docx_para(d, DOCX_HEADING1, "一、答复意见");
	struct docx_run runs[] = {
		{"您申请的信息属于公开范围。", DOCX_BOLD},
		{"根据《中华人民共和国政府信息公开条例》第二十七条、第三十六条"
		 "第（二）项的规定，本机关向您提供该信息。",
		 0},
	};
	docx_para_runs(d, DOCX_BODY, runs, 2);
	docx_para(d, DOCX_HEADING2, "（一）获取方式");
	docx_para(d, DOCX_BODY, "特殊字符 <&>\"' 应原样显示。\n"
				"第二段：信息以电子邮件方式提供。");
	docx_para(d, DOCX_BODY,
		  "如对本答复不服，可以自收到本告知书之日起六十日内向沙县人民"
		  "政府申请行政复议，或者在六个月内向人民法院提起行政诉讼。");
	docx_para(d, DOCX_BODY, "");
	docx_para(d, DOCX_SIGNATURE, "沙县应急管理局");
	docx_para(d, DOCX_DATE, "2026年3月16日");
	docx_para(d, DOCX_BODY, "");
	docx_para(d, DOCX_NOTE, "（联系人：李四，联系电话：0598-5800000）");
}

static void grid(struct docx *d)
{
	static const char line28[] =
		"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日";
	char s[128];
	docx_para(d, DOCX_ADDRESSEE, line28);
	snprintf(s, sizeof s, "%s月", line28);
	docx_para(d, DOCX_ADDRESSEE, s);
	for (int i = 4; i <= 50; i++) {
		snprintf(s, sizeof s, "第%d行", i);
		docx_para(d, DOCX_ADDRESSEE, s);
	}
}

static void table(struct docx *d)
{
	static const char *const groups[] = {"予以公开", "部分公开",
					     "不予公开", "无法提供",
					     "不予处理", "其他处理"};
	static const int widths[] = {1400, 3045, 1500, 1500, 1400};
	docx_para(d, DOCX_TITLE, "年度报告表格样例");
	docx_para(d, DOCX_HEADING1, "三、收到和处理政府信息公开申请情况");
	docx_table_begin(d, 5, widths, 2);
	docx_cell(d, 0, 0, 2, 2, 0, "本列数据的勾稽关系为：\n第一项加第二项之和");
	docx_cell(d, 0, 2, 1, 3, 0, "申请人情况");
	docx_cell(d, 1, 2, 1, 1, 0, "自然人");
	docx_cell(d, 1, 3, 1, 1, 0, "法人或其他组织");
	docx_cell(d, 1, 4, 1, 1, DOCX_BOLD, "总计");
	int row = 2;
	docx_cell(d, row, 0, 1, 2, 0, "一、本年新收政府信息公开申请数量");
	docx_cell(d, row, 2, 1, 1, DOCX_RIGHT, "12");
	docx_cell(d, row, 3, 1, 1, DOCX_RIGHT, "3");
	docx_cell(d, row, 4, 1, 1, DOCX_RIGHT, "15");
	row++;
	for (int g = 0; g < 6; g++) {
		char label[64], num[16];
		snprintf(label, sizeof label, "第%d组：%s", g + 1, groups[g]);
		docx_cell(d, row, 0, 12, 1, DOCX_CENTER, label);
		for (int k = 0; k < 12; k++) {
			snprintf(label, sizeof label, "%s（%d）", groups[g],
				 k + 1);
			docx_cell(d, row + k, 1, 1, 1, 0, label);
			for (int c = 2; c < 5; c++) {
				snprintf(num, sizeof num, "%d",
					 g * 100 + k * 10 + c);
				docx_cell(d, row + k, c, 1, 1,
					  c == 4 ? DOCX_CENTER : DOCX_RIGHT,
					  num);
			}
		}
		row += 12;
	}
	docx_cell(d, row, 0, 1, 2, DOCX_BOLD, "四、结转下年度继续办理");
	docx_cell(d, row, 2, 1, 3, DOCX_CENTER | DOCX_SMALL, "（表尾合并单元格）");
	docx_table_end(d);
	docx_para(d, DOCX_NOTE, "注：表中数据为样例。");
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: docx_sample letter|grid|table FILE\n", stderr);
		return 2;
	}
	struct docx *d = docx_new("样例文档");
	docx_set_created(d, 1767225600); /* 2026-01-01T00:00:00Z */
	if (strcmp(argv[1], "letter") == 0) {
		letter(d);
	} else if (strcmp(argv[1], "grid") == 0) {
		grid(d);
	} else if (strcmp(argv[1], "table") == 0) {
		table(d);
	} else {
		fprintf(stderr, "docx_sample: unknown sample %s\n", argv[1]);
		docx_free(d);
		return 2;
	}
	Buf out = BUF_INIT;
	struct err e;
	int rc = 1;
	if (docx_write(d, &out, &e) < 0) {
		fprintf(stderr, "docx_sample: %s\n", e.msg);
		goto done;
	}
	FILE *f = fopen(argv[2], "wb");
	if (!f) {
		perror(argv[2]);
		goto done;
	}
	size_t put = fwrite(out.p, 1, out.n, f);
	if (fclose(f) != 0 || put != out.n) {
		perror(argv[2]);
		goto done;
	}
	rc = 0;
done:
	buf_free(&out);
	docx_free(d);
	return rc;
}
