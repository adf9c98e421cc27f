/*
 * test_lawcase.c - review and litigation cases: the vocabularies and every
 * rule of lawcase_check (closing date with a result, none while pending,
 * closing not before filing, real past dates, known codes, text limits),
 * and the case store on a real database: create with a link to an
 * application of the same organ only, update, list filters and order, the
 * open count, documents, deletion, organ isolation and the audit rows.
 */
#include "t.h"
#include "tdb.h"

#include "base/date.h"
#include "base/str.h"
#include "store/application.h"
#include "store/audit.h"
#include "store/item.h"
#include "store/lawcase.h"
#include "store/organ.h"

#include <stdlib.h>
#include <string.h>

/*---- Rules ----*/

static void t_vocab(void)
{
	T_EQ_INT(LK_COUNT, 3);
	T_EQ_STR(lawcase_kinds[LK_REVIEW].code, "review");
	T_EQ_STR(lawcase_kinds[LK_REVIEW].label, "行政复议");
	T_EQ_STR(lawcase_kinds[LK_LITIGATION_DIRECT].code, "litigation_direct");
	T_EQ_STR(lawcase_kinds[LK_LITIGATION_DIRECT].label, "直接起诉的行政诉讼");
	T_EQ_STR(lawcase_kinds[LK_LITIGATION_AFTER_REVIEW].code,
		 "litigation_after_review");
	T_EQ_STR(lawcase_kinds[LK_LITIGATION_AFTER_REVIEW].label,
		 "复议后起诉的行政诉讼");
	T_EQ_INT(LR_COUNT, 4);
	T_EQ_STR(lawcase_results[LR_UPHELD].code, "upheld");
	T_EQ_STR(lawcase_results[LR_UPHELD].label, "维持");
	T_EQ_STR(lawcase_results[LR_CORRECTED].code, "corrected");
	T_EQ_STR(lawcase_results[LR_CORRECTED].label, "纠正");
	T_EQ_STR(lawcase_results[LR_OTHER].code, "other");
	T_EQ_STR(lawcase_results[LR_OTHER].label, "其他结果");
	T_EQ_STR(lawcase_results[LR_PENDING].code, "pending");
	T_EQ_STR(lawcase_results[LR_PENDING].label, "尚未审结");
}

static int64_t day(const char *s)
{
	int64_t d = 0;
	date_parse(s, &d);
	return d;
}

/* A closed review, filed 2026-03-02 and upheld on 2026-05-11. */
static struct lawcase_input closed_case(void)
{
	struct lawcase_input in = {0};
	in.kind = "review";
	in.result = "upheld";
	in.filed_date = "2026-03-02";
	in.closed_date = "2026-05-11";
	return in;
}

/* Checks in on today 2026-11-25: the return code, with *field and the
 * message in field/msg. */
static int check(const struct lawcase_input *in, const char **field,
		 char msg[256])
{
	struct lawcase c = {0};
	struct err e = {0};
	*field = "(unset)";
	int rc = lawcase_check(in, day("2026-11-25"), &c, field, &e);
	snprintf(msg, 256, "%s", e.msg);
	lawcase_clear(&c);
	return rc;
}

static void t_check_accepts(void)
{
	struct lawcase_input in = closed_case();
	in.case_no = "  沙政复决字〔2026〕7号 ";
	in.authority = "沙县人民政府";
	in.party = "陈某";
	in.subject = "不服答复";
	in.note = "第一行\n第二行\n\n";
	in.application = "2026-ABCD-EFGH";
	struct lawcase c = {0};
	struct err e = {0};
	const char *field = "x";
	c.id = 7;
	c.organ_id = 3;
	T_EQ_INT(lawcase_check(&in, day("2026-11-25"), &c, &field, &e), 0);
	T_ASSERT(field == NULL);
	T_EQ_INT(c.kind, LK_REVIEW);
	T_EQ_INT(c.result, LR_UPHELD);
	T_EQ_INT(c.filed, day("2026-03-02"));
	T_EQ_INT(c.closed, day("2026-05-11"));
	T_EQ_STR(c.case_no, "沙政复决字〔2026〕7号");
	T_EQ_STR(c.note, "第一行\n第二行");
	T_EQ_STR(c.app_code, "2026-ABCD-EFGH");
	T_EQ_INT(c.id, 7);
	T_EQ_INT(c.organ_id, 3);
	/* checking again replaces the texts (no leak, no stale value) */
	in.case_no = NULL;
	in.result = "pending";
	in.closed_date = "";
	T_EQ_INT(lawcase_check(&in, day("2026-11-25"), &c, &field, &e), 0);
	T_EQ_STR(c.case_no, "");
	T_EQ_INT(c.result, LR_PENDING);
	T_EQ_INT(c.closed, 0);
	lawcase_clear(&c);
	/* closing on the day of filing, and filing today, are fine */
	in = closed_case();
	in.closed_date = in.filed_date;
	char msg[256];
	T_EQ_INT(check(&in, &field, msg), 0);
	in.filed_date = in.closed_date = "2026-11-25";
	T_EQ_INT(check(&in, &field, msg), 0);
}

static void t_check_result_needs_closing(void)
{
	static const char *const results[] = {"upheld", "corrected", "other"};
	for (size_t i = 0; i < 3; i++) {
		struct lawcase_input in = closed_case();
		in.result = results[i];
		in.closed_date = NULL;
		const char *field;
		char msg[256];
		T_EQ_INT(check(&in, &field, msg), -1);
		T_EQ_STR(field, "closed_date");
		T_ASSERT(strstr(msg, "结案日期") == msg);
		T_ASSERT(strstr(msg, lawcase_results[i].label) != NULL);
		in.closed_date = "";
		T_EQ_INT(check(&in, &field, msg), -1);
	}
}

static void t_check_pending_has_no_closing(void)
{
	struct lawcase_input in = closed_case();
	in.result = "pending";
	const char *field;
	char msg[256];
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "closed_date");
	T_ASSERT(strstr(msg, "尚未审结的案件不能填写结案日期") != NULL);
	in.closed_date = NULL;
	T_EQ_INT(check(&in, &field, msg), 0);
}

static void t_check_closing_not_before_filing(void)
{
	struct lawcase_input in = closed_case();
	in.closed_date = "2026-03-01";
	const char *field;
	char msg[256];
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "closed_date");
	T_EQ_STR(msg, "结案日期:不能早于立案日期(2026-03-02)");
}

static void t_check_dates(void)
{
	static const struct {
		const char *filed, *closed, *field, *says;
	} bad[] = {
		{"", NULL, "filed_date", "立案日期:必须填写"},
		{NULL, NULL, "filed_date", "立案日期:必须填写"},
		{"2026-2-3", NULL, "filed_date", "不是有效日期"},
		{"2026-02-30", NULL, "filed_date", "立案日期:“2026-02-30”"},
		{"2026/03/02", NULL, "filed_date", "YYYY-MM-DD"},
		{"1899-12-31", NULL, "filed_date", "早于 1900 年"},
		{"2026-11-26", NULL, "filed_date", "晚于今天"},
		{"2026-03-02", "2026-11-26", "closed_date",
		 "结案日期:“2026-11-26”晚于今天"},
		{"2026-03-02", "2026-05-32", "closed_date", "不是有效日期"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct lawcase_input in = closed_case();
		in.filed_date = bad[i].filed;
		in.closed_date = bad[i].closed;
		if (!bad[i].closed) {
			in.result = "pending";
		}
		const char *field;
		char msg[256];
		T_EQ_INT(check(&in, &field, msg), -1);
		T_EQ_STR(field, bad[i].field);
		if (!strstr(msg, bad[i].says)) {
			T_EQ_STR(msg, bad[i].says);
		}
	}
}

static void t_check_codes(void)
{
	struct lawcase_input in = closed_case();
	const char *field;
	char msg[256];
	in.kind = "appeal";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "kind");
	T_ASSERT(strstr(msg, "案件类型") == msg);
	T_ASSERT(strstr(msg,
			"review|litigation_direct|litigation_after_review"));
	in.kind = NULL;
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "kind");
	in.kind = "Review";
	T_EQ_INT(check(&in, &field, msg), -1);
	in = closed_case();
	in.result = "won";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "result");
	T_ASSERT(strstr(msg, "审理结果") == msg);
	in.result = "";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "result");
}

static void t_check_texts(void)
{
	char longer[400];
	memset(longer, 'x', 101);
	longer[101] = 0;
	struct lawcase_input in = closed_case();
	const char *field;
	char msg[256];
	in.case_no = longer;
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "case_no");
	T_ASSERT(strstr(msg, "案号") == msg);
	in = closed_case();
	in.party = "张三\x01";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "party");
	in = closed_case();
	in.subject = "一行\n两行";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "subject");
	in = closed_case();
	in.application = longer;
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "application");
	in = closed_case();
	in.authority = "\xff\xfe";
	T_EQ_INT(check(&in, &field, msg), -1);
	T_EQ_STR(field, "authority");
}

static void t_check_leaves_case_on_failure(void)
{
	struct lawcase c = {0};
	c.case_no = xstrdup("原案号");
	c.result = LR_OTHER;
	struct lawcase_input in = closed_case();
	in.case_no = "新案号";
	in.closed_date = "2026-01-01";
	struct err e = {0};
	T_EQ_INT(lawcase_check(&in, day("2026-11-25"), &c, NULL, &e), -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_EQ_STR(c.case_no, "原案号");
	T_EQ_INT(c.result, LR_OTHER);
	lawcase_clear(&c);
	T_ASSERT(c.case_no == NULL);
}

/*---- Store ----*/

static const struct actor clerk = {2, "clerk"};

static int64_t organ(store *st, const char *slug)
{
	struct organ o = {0};
	o.slug = strdup(slug);
	o.name = (char *)slug;
	struct err e = {0};
	int rc = organ_create(st, &clerk, &o, &e);
	free(o.slug);
	return rc ? -1 : o.id;
}

/* An in-person application of the organ with a given tracking code. */
static int64_t application(store *st, int64_t organ_id, const char *code)
{
	struct calendar cal = {0};
	struct app_env env = {&cal, day("2026-03-02"), 0, "", "", 1};
	struct application a;
	app_init(&a);
	a.organ_id = organ_id;
	a.tracking_code = xstrdup(code);
	a.submitted_at = xstrdup("2026-03-02");
	a.submitted = a.received = env.today;
	struct err e = {0};
	int rc = application_create(st, &clerk, &a, &env, &e);
	int64_t id = a.id;
	app_clear(&a);
	return rc ? -1 : id;
}

/* Creates a case through the check, as the form and the import do. */
static int64_t add_case(store *st, int64_t organ_id, const char *kind,
			const char *result, const char *filed,
			const char *closed, const char *app, struct err *e)
{
	struct lawcase_input in = {0};
	in.kind = kind;
	in.result = result;
	in.filed_date = filed;
	in.closed_date = closed;
	in.application = app;
	in.case_no = filed;
	struct lawcase c = {0};
	c.organ_id = organ_id;
	int rc = lawcase_check(&in, day("2026-11-25"), &c, NULL, e) ||
		 lawcase_create(st, &clerk, &c, e);
	int64_t id = c.id;
	lawcase_clear(&c);
	return rc ? -1 : id;
}

static int64_t count(store *st, const char *entity, const char *action)
{
	struct audit_row *rows = NULL;
	size_t n = 0;
	int64_t total = 0, k = 0;
	struct err e = {0};
	audit_list(st, entity, 1000, 0, &rows, &n, &total, &e);
	for (size_t i = 0; i < n; i++) {
		k += !action || strcmp(rows[i].action, action) == 0;
	}
	audit_rows_free(rows, n);
	return k;
}

static void t_store_create_and_link(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj"), other = organ(st, "czj");
	int64_t app = application(st, o, "YJJ-1");
	T_ASSERT(app > 0 && application(st, other, "CZJ-1") > 0);
	struct err e = {0};
	int64_t id = add_case(st, o, "review", "upheld", "2026-04-01",
			      "2026-06-01", "YJJ-1", &e);
	T_ASSERT(id > 0);
	struct lawcase c;
	T_EQ_INT(lawcase_get(st, o, id, &c, &e), 1);
	T_EQ_INT(c.application_id, app);
	T_EQ_STR(c.app_code, "YJJ-1");
	T_EQ_INT(c.kind, LK_REVIEW);
	T_EQ_INT(c.result, LR_UPHELD);
	T_EQ_INT(c.closed, day("2026-06-01"));
	T_EQ_INT(c.created_by, clerk.user_id);
	lawcase_clear(&c);
	T_EQ_INT(lawcase_get(st, other, id, &c, &e), 0);
	/* another organ's tracking code, or an unknown one: refused and
	 * nothing stored or audited */
	int64_t audited = count(st, "lawcase", NULL);
	T_EQ_INT(add_case(st, o, "review", "pending", "2026-04-01", NULL,
			  "CZJ-1", &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "关联申请编号") == e.msg);
	T_EQ_INT(add_case(st, o, "review", "pending", "2026-04-01", NULL,
			  "NOPE", &e),
		 -1);
	T_EQ_INT(count(st, "lawcase", NULL), audited);
	struct lawcase_filter f;
	lawcase_filter_init(&f);
	f.organ_id = o;
	struct lawcase *v = NULL;
	size_t n = 0;
	int64_t total = 0;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	lawcase_list_free(v, n);
	T_EQ_INT(total, 1);
	T_EQ_INT(count(st, "lawcase", "lawcase.create"), 1);
	tdb_close(st);
}

static void t_store_list_and_count(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj"), other = organ(st, "czj");
	int64_t app = application(st, o, "YJJ-1");
	struct err e = {0};
	int64_t a = add_case(st, o, "review", "upheld", "2025-03-01",
			     "2025-05-01", NULL, &e);
	int64_t b = add_case(st, o, "litigation_direct", "pending",
			     "2025-06-01", NULL, "YJJ-1", &e);
	int64_t c = add_case(st, o, "review", "corrected", "2026-02-01",
			     "2026-04-01", NULL, &e);
	int64_t d = add_case(st, o, "litigation_after_review", "pending",
			     "2026-05-01", NULL, NULL, &e);
	T_ASSERT(a > 0 && b > 0 && c > 0 && d > 0);
	T_ASSERT(add_case(st, other, "review", "pending", "2026-05-01", NULL,
			  NULL, &e) > 0);
	int64_t open = -1;
	T_EQ_INT(lawcase_open_count(st, o, &open, &e), 0);
	T_EQ_INT(open, 2);
	struct lawcase_filter f;
	lawcase_filter_init(&f);
	f.organ_id = o;
	struct lawcase *v = NULL;
	size_t n = 0;
	int64_t total = 0;
	/* pending first (latest filed first), then the closed ones */
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 4);
	T_EQ_INT(n, 4);
	int64_t order[4] = {v[0].id, v[1].id, v[2].id, v[3].id};
	lawcase_list_free(v, n);
	T_EQ_INT(order[0], d);
	T_EQ_INT(order[1], b);
	T_EQ_INT(order[2], c);
	T_EQ_INT(order[3], a);
	f.result = LR_PENDING;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	lawcase_list_free(v, n);
	T_EQ_INT(total, 2);
	f.result = -1;
	f.closed = 1;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	lawcase_list_free(v, n);
	T_EQ_INT(total, 2);
	f.closed = 0;
	f.kind = LK_REVIEW;
	f.year = 2026;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 1);
	T_EQ_INT(v[0].id, c);
	lawcase_list_free(v, n);
	f.kind = -1;
	f.year = 0;
	f.application_id = app;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 1);
	T_EQ_INT(v[0].id, b);
	lawcase_list_free(v, n);
	f.application_id = 0;
	f.limit = 1;
	f.offset = 1;
	T_EQ_INT(lawcase_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 4);
	T_EQ_INT(n, 1);
	T_EQ_INT(v[0].id, b);
	lawcase_list_free(v, n);
	int *years = NULL;
	size_t ny = 0;
	T_EQ_INT(lawcase_years(st, o, &years, &ny, &e), 0);
	T_EQ_INT(ny, 2);
	int y0 = years[0], y1 = years[1];
	free(years);
	T_EQ_INT(y0, 2026);
	T_EQ_INT(y1, 2025);
	tdb_close(st);
}

static void t_store_update(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj"), other = organ(st, "czj");
	struct err e = {0};
	int64_t id = add_case(st, o, "review", "pending", "2026-04-01", NULL,
			      NULL, &e);
	T_ASSERT(id > 0);
	struct lawcase c;
	T_EQ_INT(lawcase_get(st, o, id, &c, &e), 1);
	struct lawcase_input in = closed_case();
	in.filed_date = "2026-04-01";
	in.result = "corrected";
	in.closed_date = "2026-09-01";
	in.party = "张三";
	T_EQ_INT(lawcase_check(&in, day("2026-11-25"), &c, NULL, &e), 0);
	T_EQ_INT(lawcase_update(st, &clerk, &c, &e), 0);
	int64_t open = -1;
	T_EQ_INT(lawcase_open_count(st, o, &open, &e), 0);
	T_EQ_INT(open, 0);
	struct lawcase got;
	T_EQ_INT(lawcase_get(st, o, id, &got, &e), 1);
	T_EQ_INT(got.result, LR_CORRECTED);
	T_EQ_STR(got.party, "张三");
	T_EQ_INT(got.closed, day("2026-09-01"));
	lawcase_clear(&got);
	/* the audit row holds before and after */
	struct audit_row *rows = NULL;
	size_t n = 0;
	int64_t total = 0;
	T_EQ_INT(audit_list(st, "lawcase", 1, 0, &rows, &n, &total, &e), 0);
	T_EQ_INT(n, 1);
	int ok = strcmp(rows[0].action, "lawcase.update") == 0 &&
		 rows[0].entity_id == id &&
		 strstr(rows[0].before, "\"result\":\"pending\"") &&
		 strstr(rows[0].after, "\"result\":\"corrected\"") &&
		 strstr(rows[0].after, "\"closed_date\":\"2026-09-01\"");
	audit_rows_free(rows, n);
	T_ASSERT(ok);
	/* the same case through another organ: not found, nothing written */
	int64_t audited = count(st, "lawcase", NULL);
	c.organ_id = other;
	T_EQ_INT(lawcase_update(st, &clerk, &c, &e), -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	T_EQ_INT(lawcase_delete(st, &clerk, other, id, &e), -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	T_EQ_INT(count(st, "lawcase", NULL), audited);
	lawcase_clear(&c);
	T_EQ_INT(lawcase_get(st, o, id, &got, &e), 1);
	T_EQ_INT(got.result, LR_CORRECTED);
	lawcase_clear(&got);
	tdb_close(st);
}

static void t_store_files_and_delete(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj");
	struct err e = {0};
	int64_t id = add_case(st, o, "review", "pending", "2026-04-01", NULL,
			      NULL, &e);
	int64_t keep = add_case(st, o, "review", "pending", "2026-04-02",
				NULL, NULL, &e);
	T_ASSERT(id > 0 && keep > 0);
	const char doc[] = "%PDF-1.4\n\0judgment\xff";
	const char other[] = "%PDF-1.4\nonly here";
	int64_t f1, f2, f3;
	T_EQ_INT(lawcase_file_add(st, &clerk, id, "判决书.pdf",
				  "application/pdf", doc, sizeof doc, &f1, &e),
		 0);
	T_EQ_INT(lawcase_file_add(st, &clerk, id, "答辩状.pdf",
				  "application/pdf", other, sizeof other, &f2,
				  &e),
		 0);
	/* the same content as a document of another case */
	T_EQ_INT(lawcase_file_add(st, &clerk, keep, "副本.pdf",
				  "application/pdf", doc, sizeof doc, &f3, &e),
		 0);
	struct attachment *v = NULL;
	size_t n = 0;
	T_EQ_INT(lawcase_file_list(st, id, &v, &n, &e), 0);
	T_EQ_INT(n, 2);
	int names = strcmp(v[0].name, "判决书.pdf") == 0 && v[1].id == f2;
	attachment_list_free(v, n);
	T_ASSERT(names);
	struct attachment a;
	Buf data = BUF_INIT;
	T_EQ_INT(lawcase_file_get(st, id, f1, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof doc);
	T_ASSERT(memcmp(data.p, doc, sizeof doc) == 0);
	attachment_clear(&a);
	buf_free(&data);
	T_EQ_INT(lawcase_file_get(st, keep, f1, &a, NULL, &e), 0);
	T_EQ_INT(count(st, "lawcase", "lawcase.file"), 3);
	struct lawcase c;
	T_EQ_INT(lawcase_get(st, o, id, &c, &e), 1);
	T_EQ_INT(c.files, 2);
	lawcase_clear(&c);
	/* deleting takes the case and its documents; content another case
	 * still names stays */
	T_EQ_INT(lawcase_delete(st, &clerk, o, id, &e), 0);
	T_EQ_INT(lawcase_get(st, o, id, &c, &e), 0);
	T_EQ_INT(lawcase_file_list(st, id, &v, &n, &e), 0);
	T_EQ_INT(n, 0);
	free(v);
	T_EQ_INT(lawcase_file_get(st, keep, f3, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof doc);
	attachment_clear(&a);
	buf_free(&data);
	T_EQ_INT(count(st, "lawcase", "lawcase.delete"), 1);
	T_EQ_INT(lawcase_delete(st, &clerk, o, id, &e), -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	/* an item attachment sharing content with a case document can go
	 * without breaking the document */
	struct category *cats = NULL;
	size_t nc = 0;
	T_EQ_INT(category_list(st, o, &cats, &nc, &e), 0);
	T_ASSERT(nc > 0);
	struct item it = {0};
	it.organ_id = o;
	it.title = (char *)"附件";
	it.doc_no = (char *)"";
	it.category_id = cats[0].id;
	category_list_free(cats, nc);
	T_EQ_INT(item_create(st, &clerk, &it, 0, &e), 0);
	free(it.index_no);
	int64_t att;
	T_EQ_INT(attachment_add(st, &clerk, it.id, "副本.pdf",
				"application/pdf", doc, sizeof doc, &att, &e),
		 0);
	T_EQ_INT(attachment_delete(st, &clerk, it.id, att, &e), 0);
	T_EQ_INT(lawcase_file_get(st, keep, f3, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof doc);
	attachment_clear(&a);
	buf_free(&data);
	struct err ve = {0};
	int64_t nrows = 0, bad = 0;
	T_EQ_INT(audit_verify(st, &nrows, &bad, &ve), 0);
	tdb_close(st);
}

void suite_lawcase(void)
{
	T_RUN(t_vocab);
	T_RUN(t_check_accepts);
	T_RUN(t_check_result_needs_closing);
	T_RUN(t_check_pending_has_no_closing);
	T_RUN(t_check_closing_not_before_filing);
	T_RUN(t_check_dates);
	T_RUN(t_check_codes);
	T_RUN(t_check_texts);
	T_RUN(t_check_leaves_case_on_failure);
	T_RUN(t_store_create_and_link);
	T_RUN(t_store_list_and_count);
	T_RUN(t_store_update);
	T_RUN(t_store_files_and_delete);
}
