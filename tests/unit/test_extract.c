/*
 * test_extract.c - the searchable text of attachments (cli/extract.c) in
 * the zip and XML formats: a Word file from render/docx.c, an Excel file
 * from libxlsxwriter, an OFD page and hostile or broken archives made
 * here with libzip. (PDF goes through pdftotext: tests/e2e/t_search.sh.)
 */
#include "t.h"

#include "base/buf.h"
#include "cli/cli.h"
#include "render/docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#define DOCX_TYPE                                                          \
	"application/vnd.openxmlformats-officedocument.wordprocessingml." \
	"document"
#define XLSX_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* A zip archive of n parts (name, text) into out; 0 or -1. */
static int make_zip(const char *const *names, const char *const *texts,
		    int n, Buf *out)
{
	char path[] = "/tmp/gk-test-zip-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return -1;
	}
	close(fd);
	int err = 0, rc = -1;
	zip_t *z = zip_open(path, ZIP_TRUNCATE, &err);
	if (z) {
		rc = 0;
		for (int i = 0; i < n; i++) {
			zip_source_t *s = zip_source_buffer(
				z, texts[i], strlen(texts[i]), 0);
			if (!s || zip_file_add(z, names[i], s,
					       ZIP_FL_ENC_UTF_8) < 0) {
				zip_source_free(s);
				rc = -1;
			}
		}
		if (zip_close(z) != 0) {
			zip_discard(z);
			rc = -1;
		}
	}
	if (rc == 0) {
		struct err e = {0};
		rc = buf_read_file(out, path, &e) == 1 ? 0 : -1;
	}
	unlink(path);
	return rc;
}

/* The text extract_text gives, or "ERR" when it failed. */
static char *text_of(const char *ctype, const Buf *data)
{
	Buf out = BUF_INIT;
	struct err e = {0};
	if (extract_text(ctype, data, &out, &e)) {
		buf_free(&out);
		return strdup("ERR");
	}
	char *s = strdup(buf_str(&out));
	buf_free(&out);
	return s;
}

static void t_extract_docx(void)
{
	struct docx *d = docx_new("应急预案");
	int rc = docx_para(d, DOCX_TITLE, "沙县应急管理局工作报告");
	rc |= docx_para(d, DOCX_BODY, "预算 <&> 说明");
	int widths[2] = {2000, 2000};
	rc |= docx_table_begin(d, 2, widths, 0);
	rc |= docx_cell(d, 0, 0, 1, 1, 0, "申请");
	rc |= docx_cell(d, 0, 1, 1, 1, 0, "答复");
	rc |= docx_table_end(d);
	Buf b = BUF_INIT;
	struct err e = {0};
	rc |= docx_write(d, &b, &e);
	docx_free(d);
	char *t = text_of(DOCX_TYPE, &b);
	/* the same bytes under a generic type (WPS saves DOCX) */
	char *t2 = text_of("application/octet-stream", &b);
	buf_free(&b);
	T_EQ_INT(rc, 0);
	T_ASSERT(strstr(t, "沙县应急管理局工作报告\n") != NULL);
	T_ASSERT(strstr(t, "预算 <&> 说明") != NULL);
	T_ASSERT(strstr(t, "申请") != NULL && strstr(t, "答复") != NULL);
	T_ASSERT(strstr(t, "w:") == NULL); /* no markup */
	T_EQ_STR(t2, t);
	free(t);
	free(t2);
}

static void t_extract_xlsx(void)
{
	char path[] = "/tmp/gk-test-xlsx-XXXXXX";
	int fd = mkstemp(path);
	T_ASSERT(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "二〇一八");
	worksheet_write_string(ws, 0, 0, "信息公开申请", NULL);
	worksheet_write_number(ws, 0, 1, 259, NULL);
	worksheet_write_string(ws, 1, 0, "答复 & 告知", NULL);
	int rc = workbook_close(wb);
	Buf b = BUF_INIT;
	struct err e = {0};
	rc |= buf_read_file(&b, path, &e) != 1;
	unlink(path);
	char *t = text_of(XLSX_TYPE, &b);
	buf_free(&b);
	T_EQ_INT(rc, 0);
	T_ASSERT(strstr(t, "信息公开申请") != NULL);
	T_ASSERT(strstr(t, "答复 & 告知") != NULL);
	free(t);
}

static void t_extract_ofd(void)
{
	const char *names[] = {"OFD.xml", "Doc_0/Document.xml",
			       "Doc_0/Pages/Page_0/Content.xml"};
	const char *texts[] = {
		"<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>",
		"<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\">"
		"<ofd:CommonData>不是正文</ofd:CommonData></ofd:Document>",
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page "
		"xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content>"
		"<ofd:Layer><ofd:TextObject ID=\"1\"><ofd:TextCode X=\"0\" "
		"Y=\"0\">应</ofd:TextCode></ofd:TextObject><ofd:TextObject "
		"ID=\"2\"><ofd:TextCode X=\"5\" Y=\"0\">急管理&amp;"
		"</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content>"
		"</ofd:Page>"};
	Buf b = BUF_INIT;
	int rc = make_zip(names, texts, 3, &b);
	char *t = text_of("application/ofd", &b);
	buf_free(&b);
	T_EQ_INT(rc, 0);
	T_EQ_STR(t, "应急管理&\n");
	free(t);
}

/* Hostile and broken files give little or no text, never an error. */
static void t_extract_hostile(void)
{
	/* billion laughs: a DTD ends the part */
	Buf bomb = BUF_INIT;
	buf_puts(&bomb, "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a "
			"\"aaaaaaaaaa\">");
	for (int i = 1; i < 10; i++) {
		buf_printf(&bomb, "<!ENTITY %c \"", 'a' + i);
		for (int k = 0; k < 10; k++) {
			buf_printf(&bomb, "&%c;", 'a' + i - 1);
		}
		buf_puts(&bomb, "\">");
	}
	buf_puts(&bomb, "]><w:document xmlns:w=\"x\"><w:p><w:t>&j;</w:t>"
			"</w:p></w:document>");
	/* text past the limit of 1 MiB is cut there */
	Buf big = BUF_INIT;
	buf_puts(&big, "<w:document xmlns:w=\"x\"><w:p><w:t>");
	for (int i = 0; i < 3 * 1024 * 1024 / 8; i++) {
		buf_puts(&big, "应急管理");
	}
	buf_puts(&big, "</w:t></w:p></w:document>");
	const char *n1[] = {"word/document.xml"};
	const char *x1[] = {buf_str(&bomb)};
	const char *x2[] = {buf_str(&big)};
	const char *x3[] = {"<w:document><w:p><w:t>前半段</w:t><w:p>"};
	const char *n4[] = {"a.txt"};
	const char *x4[] = {"压缩包里的文本"};
	Buf z1 = BUF_INIT, z2 = BUF_INIT, z3 = BUF_INIT, z4 = BUF_INIT;
	int rc = make_zip(n1, x1, 1, &z1) | make_zip(n1, x2, 1, &z2) |
		 make_zip(n1, x3, 1, &z3) | make_zip(n4, x4, 1, &z4);
	char *t1 = text_of(DOCX_TYPE, &z1);
	char *t2 = text_of(DOCX_TYPE, &z2);
	char *t3 = text_of(DOCX_TYPE, &z3);
	char *t4 = text_of("application/zip", &z4);
	/* a cut archive (no central directory) and a zip header alone */
	z3.n /= 2;
	char *t5 = text_of(DOCX_TYPE, &z3);
	Buf junk = BUF_INIT;
	buf_puts(&junk, "PK\3\4 not really a zip");
	char *t6 = text_of(DOCX_TYPE, &junk);
	T_EQ_INT(rc, 0);
	T_ASSERT(strlen(t1) < 1000);
	T_ASSERT(strlen(t2) <= 1024 * 1024 + 1);
	T_ASSERT(strlen(t2) > 1024 * 1024 - 8192); /* cut back to a whole character */
	T_ASSERT(strncmp(t2, "应急管理应急管理", 24) == 0);
	T_EQ_STR(t3, "前半段\n"); /* not well-formed: what came before */
	T_EQ_STR(t4, "");         /* no part of a known format */
	T_EQ_STR(t5, "");
	T_EQ_STR(t6, "");
	free(t1), free(t2), free(t3), free(t4), free(t5), free(t6);
	buf_free(&bomb), buf_free(&big), buf_free(&junk);
	buf_free(&z1), buf_free(&z2), buf_free(&z3), buf_free(&z4);
}

void suite_extract(void)
{
	T_RUN(t_extract_docx);
	T_RUN(t_extract_xlsx);
	T_RUN(t_extract_ofd);
	T_RUN(t_extract_hostile);
}
