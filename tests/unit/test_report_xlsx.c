/*
 * test_report_xlsx.c - render/report_xlsx.c: the cn-2021 report with some
 * figures and a failing check as a workbook read back with libzip: the
 * 说明 sheet then one sheet per table named after its caption (forbidden
 * characters replaced, cut to 31 characters, repeats numbered), every
 * figure a number cell with its value, every merge of the grid a
 * mergeCell, A4 and fit to width, the header rows repeated, the failing
 * check noted under its table and counted on 说明; an annex table gets
 * the last sheet; the same report gives the same bytes; text that is not
 * UTF-8 fails with ERR_INPUT.
 */
#include "t.h"
#include "treport.h"

#include "base/buf.h"
#include "base/str.h"
#include "render/report_doc.h"
#include "render/report_grid.h"
#include "render/report_office.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *sheet(const Buf *b, int n)
{
	char name[64];
	snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", n);
	return treport_member(b, name);
}

static int count(const char *s, const char *what)
{
	int n = 0;
	while (s && (s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* The index in sharedStrings.xml of the string holding needle, or -1. */
static int shared_index(const char *sst, const char *needle)
{
	const char *hit = strstr(sst, needle);
	if (!hit) {
		return -1;
	}
	int n = -1;
	for (const char *p = sst; p && p <= hit; p = strstr(p + 1, "<si>")) {
		n += strncmp(p, "<si>", 4) == 0;
	}
	return n;
}


/* Failing check results of table id. */
static int failing(const struct treport *x, const char *id)
{
	int n = 0;
	for (size_t i = 0; i < x->nres; i++) {
		for (size_t k = 0; k < x->f.nchecks; k++) {
			const struct fmt_check *c = &x->f.checks[k];
			n += !x->res[i].ok && strcmp(c->id, x->res[i].rule) == 0 &&
			     strcmp(c->table, id) == 0;
		}
	}
	return n;
}

static struct report_out out_of(const struct treport *x)
{
	return (struct report_out){.f = &x->f,
				   .organ = "测试局",
				   .year = 2023,
				   .cells = &x->cells,
				   .res = x->res,
				   .nres = x->nres,
				   .note = "更正版（第2版）"};
}

static void t_report_xlsx_workbook(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	T_ASSERT(x.bad > 0);
	struct report_out r = out_of(&x);
	Buf b = BUF_INIT, again = BUF_INIT;
	struct err e = {0};
	T_EQ_INT(report_xlsx(&r, &b, &e), 0);
	T_EQ_INT(report_xlsx(&r, &again, &e), 0);
	T_ASSERT(b.n == again.n && memcmp(b.p, again.p, b.n) == 0);
	char *wb = treport_member(&b, "xl/workbook.xml");
	char *sst = treport_member(&b, "xl/sharedStrings.xml");
	T_ASSERT(wb && sst);
	T_ASSERT(wb && strstr(wb, "<sheets><sheet name=\"说明\" sheetId=\"1\""));
	for (size_t i = 0; wb && i < x.f.ntables; i++) {
		char want[256];
		snprintf(want, sizeof want, "<sheet name=\"%s\" sheetId=\"%zu\"",
			 x.f.tables[i].caption, i + 2);
		if (!strstr(wb, want)) {
			T_FAIL_("no sheet %s", want);
		}
	}
	/* 说明: the title, the organ, the note, the failing check */
	char *about = sheet(&b, 1);
	T_ASSERT(shared_index(sst, ">测试局2023年政府信息公开工作年度报告</t>") >= 0);
	T_ASSERT(shared_index(sst, ">更正版（第2版）</t>") >= 0);
	T_ASSERT(strstr(sst, "处未通过") != NULL);
	T_ASSERT(shared_index(sst, ">通过</t>") >= 0);
	T_ASSERT(count(about, "<c r=\"B") > 5);
	/* each table's sheet: its figures as numbers, its merges */
	for (size_t i = 0; i < x.f.ntables; i++) {
		const struct fmt_table *t = &x.f.tables[i];
		struct rgrid g;
		report_grid(t, "测试局", 2023, &x.cells, &g);
		char *s = sheet(&b, (int)i + 2);
		int merges = 0, numbers = 0;
		for (size_t k = 0; k < g.n; k++) {
			merges += g.v[k].rowspan > 1 || g.v[k].colspan > 1;
			numbers += g.v[k].kind == RG_NUM && g.v[k].has_value;
		}
		char want[64];
		/* the caption row is one more merge, the note another */
		snprintf(want, sizeof want, "<mergeCells count=\"%d\">",
			 merges + 1 + (failing(&x, t->id) > 0));
		if (!s || !strstr(s, want)) {
			T_FAIL_("table %s: no %s", t->id, want);
		}
		if (count(s, "<v>") - count(s, "t=\"s\"><v>") != numbers) {
			T_FAIL_("table %s: %d numbers wanted", t->id, numbers);
		}
		T_ASSERT(strstr(s, "paperSize=\"9\"") != NULL);
		T_ASSERT(strstr(s, "fitToPage=\"1\"") != NULL);
		T_ASSERT(strstr(s, "state=\"frozen\"") != NULL);
		T_ASSERT(strstr(s, "<oddFooter>") != NULL);
		free(s);
		report_grid_free(&g);
	}
	char *act = sheet(&b, 2), *apps = sheet(&b, 3);
	T_ASSERT(act && strstr(act, "<v>7</v>"));
	T_ASSERT(act && strstr(act, "<v>1.2346</v>"));
	char note[128];
	snprintf(note, sizeof note, ">注：本表有 %d 项勾稽关系未通过",
		 failing(&x, "applications"));
	T_ASSERT(failing(&x, "applications") > 0 && !failing(&x, "active"));
	T_ASSERT(strstr(sst, note) != NULL);
	/* the note is under the applications table, not under active */
	char ref[32];
	snprintf(ref, sizeof ref, "t=\"s\"><v>%d</v>",
		 shared_index(sst, note));
	T_ASSERT(apps && strstr(apps, ref));
	T_ASSERT(act && !strstr(act, ref));
	T_ASSERT(wb && strstr(wb, "_xlnm.Print_Titles"));
	free(act);
	free(apps);
	free(about);
	free(wb);
	free(sst);
	buf_free(&b);
	buf_free(&again);
	treport_free(&x);
}

/* Captions Excel cannot take as sheet names, and an annex. */
static void t_report_xlsx_names(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	T_ASSERT(x.f.ntables >= 3);
	free(x.f.tables[0].caption);
	x.f.tables[0].caption = xstrdup("'表/2023:[甲]*?\\乙'");
	free(x.f.tables[1].caption);
	x.f.tables[1].caption =
		xstrdup("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三");
	free(x.f.tables[2].caption);
	x.f.tables[2].caption = xstrdup(x.f.tables[1].caption);
	const char *text[] = {"机关", "状态", "甲局", "按时发布", "乙局",
			      "未发布（已逾期）"};
	struct rgrid annex;
	report_grid_plain("各机关年度报告发布情况", 2, 2, text, &annex);
	struct report_out r = out_of(&x);
	r.annex = &annex;
	Buf b = BUF_INIT;
	struct err e = {0};
	T_EQ_INT(report_xlsx(&r, &b, &e), 0);
	char *wb = treport_member(&b, "xl/workbook.xml");
	T_ASSERT(wb && strstr(wb, "name=\"表_2023__甲____乙\""));
	T_ASSERT(wb && strstr(wb, "name=\"一二三四五六七八九十一二三四五六七八九十一二"
				  "三四五六七八九十一\""));
	T_ASSERT(wb && strstr(wb, "name=\"一二三四五六七八九十一二三四五六七八九十一二"
				  "三四五六七八（2）\""));
	T_ASSERT(wb && strstr(wb, "name=\"各机关年度报告发布情况\" sheetId=\"5\""));
	char *sst = treport_member(&b, "xl/sharedStrings.xml");
	T_ASSERT(sst && strstr(sst, ">未发布（已逾期）</t>"));
	char *last = sheet(&b, 5);
	T_ASSERT(last && count(last, "<row ") == 4);
	free(last);
	free(sst);
	free(wb);
	buf_free(&b);
	report_grid_free(&annex);
	treport_free(&x);
}

static void t_report_xlsx_bad_text(void)
{
	struct treport x;
	T_ASSERT(treport_make(&x) == 0);
	struct report_out r = out_of(&x);
	r.organ = "坏\xff";
	Buf b = BUF_INIT;
	struct err e = {0};
	T_EQ_INT(report_xlsx(&r, &b, &e), -1);
	T_EQ_INT(e.code, ERR_INPUT);
	buf_free(&b);
	treport_free(&x);
}

void suite_report_xlsx(void)
{
	T_RUN(t_report_xlsx_workbook);
	T_RUN(t_report_xlsx_names);
	T_RUN(t_report_xlsx_bad_text);
}
