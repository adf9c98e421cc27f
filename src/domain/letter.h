/*
 * letter.h - the written notices of an application as content: the reply
 * letter (政府信息公开申请答复告知书) per outcome, with its legal basis and
 * the remedy notice (行政复议 within 60 days, 行政诉讼 within 6 months),
 * and the supplement, extension and fee notices. The same content is
 * rendered as an HTML/print page and as DOCX. Pure functions.
 */
#ifndef GK_LETTER_H
#define GK_LETTER_H

#include "domain/application.h"

enum letter_kind { LETTER_REPLY, LETTER_SUPPLEMENT, LETTER_EXTENSION,
		   LETTER_FEE, LETTER_COUNT };
extern const struct vocab letter_kinds[LETTER_COUNT];

struct letter {
	char *title;     /* 政府信息公开申请答复告知书 */
	char *number;    /* the letter's reference, e.g. 沙应急依申复〔2026〕X */
	char *addressee; /* "张三：" */
	char **paras;    /* body paragraphs (owned) */
	size_t nparas;
	char *signature; /* the organ */
	char *date;      /* 2026年4月10日 */
};

/* Builds letter kind k of a; 0, or -1 with ERR_CONFLICT when the
 * application has no such letter yet (no reply, no supplement request,
 * ...). due: the current reply due date (extension letters). Free with
 * letter_free. */
int letter_build(const struct application *a, enum letter_kind k,
		 int64_t due, struct letter *out, struct err *e);
void letter_free(struct letter *l);
/* "2026年4月10日" */
void letter_date(int64_t day, char *out, size_t n);

#endif
