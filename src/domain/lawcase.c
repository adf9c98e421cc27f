/*
 * lawcase.c - vocabularies and the field check of review and litigation
 * cases (see lawcase.h).
 */
#include "domain/lawcase.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"

#include <string.h>

const struct vocab lawcase_kinds[LK_COUNT] = {
	{"review", "行政复议"},
	{"litigation_direct", "直接起诉的行政诉讼"},
	{"litigation_after_review", "复议后起诉的行政诉讼"},
};

const struct vocab lawcase_results[LR_COUNT] = {
	{"upheld", "维持"},
	{"corrected", "纠正"},
	{"other", "其他结果"},
	{"pending", "尚未审结"},
};

void lawcase_clear(struct lawcase *c)
{
	char **s[] = {&c->app_code, &c->case_no,    &c->authority,
		      &c->party,    &c->subject,    &c->note,
		      &c->created_at, &c->updated_at};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		free(*s[i]);
	}
	memset(c, 0, sizeof *c);
}

/* A date field: 0 and *d = 0 when empty; else a real date from 1900 up
 * to today, or -1 with e naming the field. */
static int check_day(const char *label, const char *s, int64_t today,
		     int64_t *d, struct err *e)
{
	*d = 0;
	if (str_empty(s)) {
		return 0;
	}
	if (date_parse(s, d)) {
		return err_set(e, ERR_INPUT,
			       "%s:“%.40s”不是有效日期(格式 YYYY-MM-DD)", label,
			       s);
	}
	if (*d < date_days(1900, 1, 1)) {
		return err_set(e, ERR_INPUT, "%s:“%s”早于 1900 年", label, s);
	}
	if (*d > today) {
		return err_set(e, ERR_INPUT, "%s:“%s”晚于今天", label, s);
	}
	return 0;
}

static char *trimmed(const char *s)
{
	return str_trim(xstrdup(s ? s : ""));
}

/* Names the CSV column of a failed check. */
#define FAIL(col, call) ((*field = (col)), (call))

int lawcase_check(const struct lawcase_input *in, int64_t today,
		  struct lawcase *c, const char **field, struct err *e)
{
	const char *ignore;
	int64_t filed, closed;
	int kind, result;
	if (!field) {
		field = &ignore;
	}
	if (FAIL("kind", (kind = vocab_parse(lawcase_kinds, LK_COUNT,
					     "案件类型", in->kind, e)) < 0) ||
	    FAIL("result", (result = vocab_parse(lawcase_results, LR_COUNT,
						 "审理结果", in->result, e)) <
				   0) ||
	    FAIL("filed_date",
		 check_day("立案日期", in->filed_date, today, &filed, e)) ||
	    FAIL("closed_date",
		 check_day("结案日期", in->closed_date, today, &closed, e))) {
		return -1;
	}
	if (!filed) {
		*field = "filed_date";
		return err_set(e, ERR_INPUT,
			       "立案日期:必须填写(复议申请或起诉被受理之日)");
	}
	*field = "closed_date";
	if (result != LR_PENDING && !closed) {
		return err_set(e, ERR_INPUT,
			       "结案日期:审理结果为“%s”的案件须填写结案日期",
			       lawcase_results[result].label);
	}
	if (result == LR_PENDING && closed) {
		return err_set(e, ERR_INPUT,
			       "结案日期:尚未审结的案件不能填写结案日期;"
			       "已审结的请选择审理结果");
	}
	if (closed && closed < filed) {
		char f[11];
		date_format(filed, f);
		return err_set(e, ERR_INPUT,
			       "结案日期:不能早于立案日期(%s)", f);
	}
	if (FAIL("case_no", ident_text("案号", in->case_no, 100, 0, e)) ||
	    FAIL("authority",
		 ident_text("复议机关或法院", in->authority, 100, 0, e)) ||
	    FAIL("party", ident_text("申请人或原告", in->party, 200, 0, e)) ||
	    FAIL("subject", ident_text("案由", in->subject, 500, 0, e)) ||
	    FAIL("note", ident_para("备注", in->note, 2000, e)) ||
	    FAIL("application",
		 ident_text("关联申请编号", in->application, 40, 0, e))) {
		return -1;
	}
	*field = NULL;
	char **old[] = {&c->case_no, &c->authority, &c->party,
			&c->subject, &c->app_code, &c->note};
	for (size_t i = 0; i < sizeof old / sizeof old[0]; i++) {
		free(*old[i]);
	}
	c->kind = kind;
	c->result = result;
	c->filed = filed;
	c->closed = closed;
	c->case_no = trimmed(in->case_no);
	c->authority = trimmed(in->authority);
	c->party = trimmed(in->party);
	c->subject = trimmed(in->subject);
	c->app_code = trimmed(in->application);
	/* keep the note's line breaks; drop only surrounding blank lines */
	c->note = xstrdup(in->note ? in->note : "");
	size_t n = strlen(c->note);
	while (n && strchr(" \t\r\n", c->note[n - 1])) {
		c->note[--n] = 0;
	}
	return 0;
}
