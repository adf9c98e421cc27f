/*
 * report_office.c - the table of the annual report's office-file writers
 * (see report_office.h): one row per file type, so that the CLI, the
 * download routes of the report pages and the attachments of a published
 * report all offer the same types, and a new writer is one row here.
 */
#include "render/report_office.h"

#include "base/str.h"

const struct report_writer report_writers[] = {
	{"docx",
	 "application/"
	 "vnd.openxmlformats-officedocument.wordprocessingml.document",
	 "Word 文档", report_docx},
	{"pdf", "application/pdf", "PDF 文档", report_pdf},
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
