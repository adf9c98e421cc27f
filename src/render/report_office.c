/*
 * report_office.c - the table of the annual report's office-file writers
 * (see report_office.h): one row per file type, so that the CLI, the
 * download routes of the report pages and the attachments of a published
 * report all offer the same types, and a new writer is one row here.
 */
#include "render/report_office.h"

#include "base/str.h"
#include "base/utf8.h"

#include <string.h>

const struct report_writer report_writers[] = {
	{"docx",
	 "application/"
	 "vnd.openxmlformats-officedocument.wordprocessingml.document",
	 "Word 文档", report_docx},
	{"pdf", "application/pdf", "PDF 文档", report_pdf},
	{"xlsx",
	 "application/"
	 "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	 "Excel 表格", report_xlsx},
	{NULL, NULL, NULL, NULL},
};

const struct report_writer *report_writer_find(const char *ext)
{
	for (const struct report_writer *w = report_writers; ext && w->ext;
	     w++) {
		if (str_eq(w->ext, ext)) {
			return w;
		}
	}
	return NULL;
}

void report_failed_note(const struct report_out *r, const char *table_id,
			Buf *out)
{
	size_t n = 0;
	Buf lines = BUF_INIT;
	for (size_t i = 0; r->res && i < r->nres; i++) {
		const struct fmt_check *c = NULL;
		for (size_t k = 0; k < r->f->nchecks; k++) {
			if (str_eq(r->f->checks[k].id, r->res[i].rule)) {
				c = &r->f->checks[k];
			}
		}
		if (r->res[i].ok || !c || !str_eq(c->table, table_id)) {
			continue;
		}
		n++;
		buf_printf(&lines, "\n%zu. %s（%s）：%s", n,
			   c->label ? c->label : c->id, c->id,
			   r->res[i].detail);
	}
	if (n) {
		buf_printf(out, "注：本表有 %zu 项勾稽关系未通过：%s", n,
			   buf_str(&lines));
	}
	buf_free(&lines);
}

static int valid(const char *s)
{
	return !s || utf8_valid(s, strlen(s));
}

int report_out_check(const struct report_out *r, struct err *e)
{
	if (!valid(r->organ) || !valid(r->note)) {
		return err_set(e, ERR_INPUT, "报告文字不是有效的 UTF-8");
	}
	for (size_t i = 0; r->text && i < r->f->nsections; i++) {
		if (!valid(r->text(r->f->sections[i].id, r->arg))) {
			return err_set(e, ERR_INPUT,
				       "第 %zu 节的文字不是有效的 UTF-8", i + 1);
		}
	}
	for (size_t i = 0; r->annex && i < r->annex->n; i++) {
		if (!valid(r->annex->v[i].text)) {
			return err_set(e, ERR_INPUT,
				       "附表的文字不是有效的 UTF-8");
		}
	}
	return 0;
}
