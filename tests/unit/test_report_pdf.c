/*
 * test_report_pdf.c - render/report_pdf.c: the shipped formats give an A4
 * PDF with pages, the Noto CJK fonts embedded and the title in the
 * metadata; a table of 80 rows runs over several pages; a long narrative
 * adds pages; failing checks add notes; text that is not UTF-8 is
 * refused.
 */
#include "t.h"

#include "base/buf.h"
#include "render/report_doc.h"
#include "render/report_office.h"

#include <stdio.h>
#include <string.h>

/* Occurrences of needle in the n bytes at p. */
static int count(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	int c = 0;
	for (size_t i = 0; i + k <= n; i++) {
		c += memcmp(p + i, needle, k) == 0;
	}
	return c;
}

/* Pages: "/Type /Page" not followed by 's'. */
static int pages(const Buf *b)
{
	return count(b->p, b->n, "/Type /Page\n") +
	       count(b->p, b->n, "/Type /Page ") +
	       count(b->p, b->n, "/Type /Page/") +
	       count(b->p, b->n, "/Type /Page>");
}

static const char *long_text(const char *id, void *arg)
{
	return strcmp(id, "overview") == 0 ? arg : NULL;
}

static void t_shipped_formats(void)
{
	const char *ids[] = {"fj-county-2018", "cn-2021"};
	for (size_t i = 0; i < 2; i++) {
		struct format f;
		struct err e = {0};
		struct cellset cells = {0};
		T_ASSERT(report_format_load(NULL, ids[i], &f, &e) == 0);
		struct report_out r = {.f = &f, .organ = "测试局", .year = 2023,
				       .cells = &cells, .note = "更正版本 2"};
		Buf out = BUF_INIT;
		T_ASSERT(report_pdf(&r, &out, &e) == 0);
		T_ASSERT(out.n > 1000 && memcmp(out.p, "%PDF-", 5) == 0);
		int np = pages(&out);
		T_ASSERT(np >= 1);
		T_ASSERT(count(out.p, out.n, "/MediaBox [ 0 0 595.") == np);
		T_ASSERT(count(out.p, out.n, "/FontFile") >= 2);
		T_ASSERT(count(out.p, out.n, "NotoSerifCJK") >= 1);
		T_ASSERT(count(out.p, out.n, "NotoSansCJK") >= 1);
		T_ASSERT(count(out.p, out.n, "gongkai") >= 1);

		/* 300 lines of narrative: more pages */
		Buf text = BUF_INIT;
		for (int k = 0; k < 300; k++) {
			buf_printf(&text, "第%d段，本机关认真贯彻落实条例。\n\n",
				   k + 1);
		}
		r.text = long_text;
		r.arg = (void *)buf_str(&text);
		Buf longer = BUF_INIT;
		T_ASSERT(report_pdf(&r, &longer, &e) == 0);
		T_ASSERT(pages(&longer) >= np + 10);
		buf_free(&text);
		buf_free(&longer);
		buf_free(&out);
		format_free(&f);
	}
}

/* Every check of cn-2021 failing: a note under each table, so more
 * text and more glyphs than with every check holding. */
static void t_check_notes(void)
{
	struct format f;
	struct err e = {0};
	struct cellset cells = {0};
	T_ASSERT(report_format_load(NULL, "cn-2021", &f, &e) == 0);
	struct check_result res[64];
	size_t n = f.nchecks < 64 ? f.nchecks : 64;
	for (size_t i = 0; i < n; i++) {
		res[i].rule = f.checks[i].id;
		res[i].ok = 1;
		snprintf(res[i].detail, sizeof res[i].detail, "列 %zu：4 ≠ 3", i);
	}
	struct report_out r = {.f = &f, .organ = "测试局", .year = 2023,
			       .cells = &cells, .res = res, .nres = n};
	Buf ok = BUF_INIT, bad = BUF_INIT;
	T_ASSERT(report_pdf(&r, &ok, &e) == 0);
	for (size_t i = 0; i < n; i++) {
		res[i].ok = 0;
	}
	T_ASSERT(report_pdf(&r, &bad, &e) == 0);
	T_ASSERT(bad.n > ok.n + 1000);
	buf_free(&ok);
	buf_free(&bad);
	format_free(&f);
}

static void t_tall_table(void)
{
	Buf js = BUF_INIT;
	buf_puts(&js, "{\"id\":\"tall\",\"name\":\"n\",\"title\":\"{organ}{year}"
		      "\",\"sections\":[{\"id\":\"s\",\"title\":\"一、表\","
		      "\"tables\":[\"t\"]}],\"tables\":[{\"id\":\"t\","
		      "\"caption\":\"长表\",\"blocks\":[{\"corner\":\"项目\","
		      "\"cols\":[{\"id\":\"a\",\"label\":\"甲列\"},{\"id\":"
		      "\"b\",\"label\":\"乙列\"}],\"rows\":[");
	for (int i = 0; i < 80; i++) {
		buf_printf(&js, "%s{\"id\":\"r%d\",\"label\":\"第%d行\"}",
			   i ? "," : "", i, i + 1);
	}
	buf_puts(&js, "]}]}]}");
	struct format f;
	struct err e = {0};
	T_ASSERT(format_parse(js.p, js.n, &f, &e) == 0);
	struct cellset cells = {0};
	struct report_out r = {.f = &f, .organ = "局", .year = 2023,
			       .cells = &cells};
	Buf out = BUF_INIT;
	T_ASSERT(report_pdf(&r, &out, &e) == 0);
	T_ASSERT(pages(&out) >= 3);
	buf_free(&out);

	/* not UTF-8 */
	r.organ = "\xff\xfe";
	T_ASSERT(report_pdf(&r, &out, &e) == -1);
	T_EQ_INT(e.code, ERR_INPUT);
	buf_free(&out);
	format_free(&f);
	buf_free(&js);
}

void suite_report_pdf(void)
{
	T_RUN(t_shipped_formats);
	T_RUN(t_check_notes);
	T_RUN(t_tall_table);
}
