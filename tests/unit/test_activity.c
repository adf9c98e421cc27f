/*
 * test_activity.c - activities: the rules of domain/activity (amounts in
 * fen without floating point, counts, kinds, the reply rules, the public
 * message form, the overdue cut-off, the reply e-mail) and the store on a
 * temporary database (kinds, entries, per-year totals in one query,
 * organ isolation, public messages, their audit rows without personal
 * data).
 */
#include "t.h"
#include "tdb.h"

#include "base/date.h"
#include "base/str.h"
#include "store/activity.h"
#include "store/organ.h"

#include <sqlite3.h>
#include <stdlib.h>

static const struct actor tester = {7, "test"};

static int64_t day(const char *s)
{
	int64_t d = 0;
	date_parse(s, &d);
	return d;
}

/*---- Domain ----*/

static void t_amount_parse(void)
{
	struct err e = {0};
	int64_t fen = -1;
	T_EQ_INT(act_amount_parse("1234.5", &fen, &e), 0);
	T_EQ_INT(fen, 123450);
	T_EQ_INT(act_amount_parse("1234", &fen, &e), 0);
	T_EQ_INT(fen, 123400);
	T_EQ_INT(act_amount_parse("0.05", &fen, &e), 0);
	T_EQ_INT(fen, 5);
	T_EQ_INT(act_amount_parse("0", &fen, &e), 0);
	T_EQ_INT(fen, 0);
	T_EQ_INT(act_amount_parse(" 12.34 ", &fen, &e), 0);
	T_EQ_INT(fen, 1234);
	/* 0.1 + 0.2 style values are exact */
	T_EQ_INT(act_amount_parse("0.29", &fen, &e), 0);
	T_EQ_INT(fen, 29);
	T_EQ_INT(act_amount_parse("9999999999999.99", &fen, &e), 0);
	T_EQ_INT(fen, 999999999999999LL);
	T_EQ_INT(act_amount_parse("12.345", &fen, &e), -1);
	T_ASSERT(strstr(e.msg, "两位小数") != NULL);
	T_EQ_INT(act_amount_parse("-1", &fen, &e), -1);
	T_ASSERT(strstr(e.msg, "负数") != NULL);
	const char *bad[] = {"", "  ", ".5", "5.", "1,000", "1e3", "12元",
			     "１２", "0x10", "1.2.3", "+3",
			     "12345678901234"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (act_amount_parse(bad[i], &fen, &e) != -1) {
			T_FAIL_("amount \"%s\" accepted", bad[i]);
			return;
		}
		T_ASSERT(str_has_prefix(e.msg, "金额:"));
	}
	char out[32];
	act_amount_format(123450, out);
	T_EQ_STR(out, "1234.50");
	act_amount_format(5, out);
	T_EQ_STR(out, "0.05");
	act_amount_format(0, out);
	T_EQ_STR(out, "0.00");
}

static void t_count_parse(void)
{
	struct err e = {0};
	int64_t n = 0;
	T_EQ_INT(act_count_parse("", &n, &e), 0);
	T_EQ_INT(n, 1);
	T_EQ_INT(act_count_parse(NULL, &n, &e), 0);
	T_EQ_INT(n, 1);
	T_EQ_INT(act_count_parse("0", &n, &e), 0);
	T_EQ_INT(n, 0);
	T_EQ_INT(act_count_parse(" 70000 ", &n, &e), 0);
	T_EQ_INT(n, 70000);
	T_EQ_INT(act_count_parse("-3", &n, &e), -1);
	T_EQ_STR(e.msg, "件数:不能为负数");
	T_EQ_INT(act_count_parse("2.5", &n, &e), -1);
	T_EQ_INT(act_count_parse("abc", &n, &e), -1);
	T_EQ_INT(act_count_parse("1000000001", &n, &e), -1);
	int64_t d;
	T_EQ_INT(act_date_parse("日期", "", &d, &e), 0);
	T_EQ_INT(d, 0);
	T_EQ_INT(act_date_parse("日期", "2026-02-30", &d, &e), -1);
	T_ASSERT(strstr(e.msg, "不是有效日期") != NULL);
	T_EQ_INT(act_date_parse("日期", "2026-02-28", &d, &e), 0);
	T_EQ_INT(d, day("2026-02-28"));
}

static void t_kinds(void)
{
	static const char *const design[] = {
		"licence_decision", "penalty", "coercion", "fee_income",
		"complaint", "hotline_referral", "online_approval",
		"interpretation_event", "interpretation_release", "materials",
		"training", "public_concern_response", "press_conference",
		"online_interview", "proposal_handled", "article",
		"licence_matter", "service_matter", "service_decision",
		"penalty_matter", "coercion_matter", "fee_item", "procurement",
		"public_message"};
	T_EQ_INT(act_nbuiltins, sizeof design / sizeof design[0]);
	for (size_t i = 0; i < act_nbuiltins; i++) {
		T_EQ_STR(act_builtins[i].code, design[i]);
		T_ASSERT(act_builtins[i].builtin);
		T_ASSERT(!str_empty(act_builtins[i].label));
		T_ASSERT(!str_empty(act_builtins[i].unit));
		T_EQ_INT(act_builtins[i].measure,
			 i == 3 || i == 22 ? ACT_MEASURE_AMOUNT
					   : ACT_MEASURE_COUNT);
		T_EQ_INT(act_builtins[i].has_reply, i == 5 || i == 23);
	}
	T_EQ_STR(act_builtin("fee_income")->unit, "元");
	T_EQ_STR(act_builtin("materials")->unit, "份");
	T_EQ_STR(act_builtin("hotline_referral")->label, "12345热线转办件");
	T_ASSERT(act_builtin("nope") == NULL);
	T_ASSERT(act_builtin(NULL) == NULL);
	struct err e = {0};
	T_EQ_INT(act_kind_check("lecture_2", "专题讲座", &e), 0);
	T_EQ_INT(act_kind_check("", "专题讲座", &e), -1);
	T_EQ_INT(act_kind_check("Lecture", "专题讲座", &e), -1);
	T_EQ_INT(act_kind_check("2nd", "专题讲座", &e), -1);
	T_EQ_INT(act_kind_check("a-b", "专题讲座", &e), -1);
	T_EQ_INT(act_kind_check("abcdefghijabcdefghijabcdefghijabc", "x", &e),
		 -1);
	T_EQ_INT(act_kind_check("penalty", "处罚", &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	T_EQ_INT(act_kind_check("my_training", "培训", &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	T_EQ_INT(act_kind_check("lecture", "", &e), -1);
	T_EQ_INT(act_kind_check("lecture", "讲\n座", &e), -1);
}

/* act_check of a with kind code as of 2026-11-25: the column at fault
 * ("" when accepted). */
static const char *check(struct activity *a, const char *kind)
{
	struct err e = {0};
	const char *col = "";
	if (act_check(a, act_builtin(kind), day("2026-11-25"), &col, &e) == 0) {
		return "";
	}
	return col;
}

static void t_check(void)
{
	struct activity a;
	act_init(&a);
	T_EQ_INT(a.count, 1);
	T_EQ_INT(a.amount_fen, -1);
	T_EQ_STR(check(&a, "penalty"), "date");
	a.date = day("2026-11-26");
	T_EQ_STR(check(&a, "penalty"), "date");
	a.date = day("2026-11-25");
	T_EQ_STR(check(&a, "penalty"), "");
	a.count = -1;
	T_EQ_STR(check(&a, "penalty"), "count");
	a.count = 0;
	T_EQ_STR(check(&a, "penalty"), "");
	/* amounts: required for amount kinds, refused for count kinds */
	T_EQ_STR(check(&a, "fee_income"), "amount");
	a.amount_fen = 0;
	T_EQ_STR(check(&a, "fee_income"), "");
	T_EQ_STR(check(&a, "penalty"), "amount");
	a.amount_fen = -1;
	/* replies */
	a.reply = xstrdup("已转交相关企业整改");
	T_EQ_STR(check(&a, "penalty"), "reply");
	T_EQ_STR(check(&a, "hotline_referral"), "reply_date");
	a.reply_date = day("2026-11-20");
	T_EQ_STR(check(&a, "hotline_referral"), "reply_date"); /* before */
	a.date = day("2026-11-01");
	T_EQ_STR(check(&a, "hotline_referral"), "");
	T_EQ_STR(check(&a, "public_message"), "");
	a.reply_date = day("2026-11-30");
	T_EQ_STR(check(&a, "hotline_referral"), "reply_date"); /* future */
	free(a.reply);
	a.reply = xstrdup("  ");
	a.reply_date = day("2026-11-20");
	T_EQ_STR(check(&a, "hotline_referral"), "reply_date"); /* no reply */
	a.reply_date = 0;
	T_EQ_STR(check(&a, "penalty"), "");
	free(a.reply);
	a.reply = NULL;
	a.reply_date = day("2026-11-20");
	T_EQ_STR(check(&a, "penalty"), "reply_date");
	a.reply_date = 0;
	/* text */
	Buf long_title = BUF_INIT;
	for (int i = 0; i < 201; i++) {
		buf_puts(&long_title, "字");
	}
	a.title = buf_detach(&long_title);
	T_EQ_STR(check(&a, "penalty"), "title");
	a.title[3 * 200] = 0;
	T_EQ_STR(check(&a, "penalty"), "");
	a.note = xstrdup("第一行\n第二行");
	T_EQ_STR(check(&a, "penalty"), "");
	act_clear(&a);
	T_ASSERT(a.title == NULL && a.note == NULL && a.count == 1);
}

static void t_message_check(void)
{
	struct activity m;
	struct err e = {0};
	const char *col = "";
	act_init(&m);
	m.name = xstrdup("李四");
	m.phone = xstrdup("");
	m.email = xstrdup("");
	m.title = xstrdup("危化品仓库检查");
	m.note = xstrdup("请问今年是否检查过城南的危化品仓库？");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "phone");
	free(m.phone);
	m.phone = xstrdup("0598-1234567");
	T_EQ_INT(act_message_check(&m, &col, &e), 0);
	free(m.email);
	m.email = xstrdup("not-an-address");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "email");
	free(m.email);
	m.email = xstrdup("li.si@example.org");
	free(m.phone);
	m.phone = xstrdup("phone!");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "phone");
	free(m.phone);
	m.phone = xstrdup("");
	T_EQ_INT(act_message_check(&m, &col, &e), 0);
	free(m.name);
	m.name = xstrdup(" ");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "name");
	free(m.name);
	m.name = xstrdup("李四");
	free(m.title);
	m.title = xstrdup("");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "subject");
	free(m.title);
	m.title = xstrdup("仓库");
	free(m.note);
	m.note = xstrdup("\n ");
	T_EQ_INT(act_message_check(&m, &col, &e), -1);
	T_EQ_STR(col, "question");
	T_EQ_STR(e.msg, "留言内容:必须填写");
	act_clear(&m);
}

static void t_flag_before(void)
{
	char d[11];
	date_format(act_flag_before(day("2026-11-25"), 3), d);
	T_EQ_STR(d, "2026-08-25");
	date_format(act_flag_before(day("2026-05-31"), 3), d);
	T_EQ_STR(d, "2026-02-28");
	date_format(act_flag_before(day("2024-05-31"), 3), d);
	T_EQ_STR(d, "2024-02-29");
	date_format(act_flag_before(day("2026-01-15"), 3), d);
	T_EQ_STR(d, "2025-10-15");
	date_format(act_flag_before(day("2026-03-31"), 13), d);
	T_EQ_STR(d, "2025-02-28");
}

static void t_notice(void)
{
	struct activity m;
	act_init(&m);
	m.name = xstrdup("李四");
	m.title = xstrdup("危化品仓库检查");
	m.reply = xstrdup("今年已检查两次。");
	m.reply_date = day("2026-11-20");
	m.code = xstrdup("LY-ABCD-2345");
	Buf subj = BUF_INIT, body = BUF_INIT;
	act_message_notice(&m, "沙县应急管理局", "https://gk.example.org",
			   &subj, &body);
	T_EQ_STR(buf_str(&subj), "【沙县应急管理局】已答复您的留言");
	T_ASSERT(strstr(buf_str(&body), "李四") != NULL);
	T_ASSERT(strstr(buf_str(&body), "今年已检查两次。") != NULL);
	T_ASSERT(strstr(buf_str(&body), "2026-11-20") != NULL);
	T_ASSERT(strstr(buf_str(&body), "LY-ABCD-2345") != NULL);
	T_ASSERT(strstr(buf_str(&body),
			"https://gk.example.org/messages/status") != NULL);
	buf_free(&subj);
	buf_free(&body);
	act_clear(&m);
}

void suite_activity(void)
{
	T_RUN(t_amount_parse);
	T_RUN(t_count_parse);
	T_RUN(t_kinds);
	T_RUN(t_check);
	T_RUN(t_message_check);
	T_RUN(t_flag_before);
	T_RUN(t_notice);
}

/*---- Store ----*/

static store *st;
static int64_t organ_a, organ_b;

static int64_t add_organ(const char *slug, const char *name)
{
	struct err e = {0};
	struct organ o = {0};
	o.slug = strdup(slug);
	o.name = (char *)name;
	int rc = organ_create(st, &tester, &o, &e);
	free(o.slug);
	return rc ? 0 : o.id;
}

/* One value of a query on the test database (a fresh connection). */
static long long q(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_open(tdb_path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Stores an entry: 0, or -1 with *col and e set. */
static int add(int64_t organ, const char *kind, const char *date,
	       int64_t count, int64_t fen, const char *reply,
	       const char *reply_date, const char **col, struct err *e)
{
	struct activity a;
	act_init(&a);
	a.organ_id = organ;
	a.kind = xstrdup(kind);
	a.date = day(date);
	a.count = count;
	a.amount_fen = fen;
	a.title = xstrdup("记录");
	a.reply = xstrdup(reply ? reply : "");
	a.reply_date = reply_date ? day(reply_date) : 0;
	int rc = activity_create(st, &tester, &a, day("2026-11-25"), col, e);
	act_clear(&a);
	return rc;
}

static void t_store_kinds(void)
{
	struct err e = {0};
	struct act_kind *v = NULL;
	size_t n = 0;
	T_EQ_INT(activity_kinds(st, &v, &n, &e), 0);
	T_EQ_INT(n, act_nbuiltins);
	activity_kinds_free(v, n);
	struct act_kind k = {"lecture", "专题讲座", "件", ACT_MEASURE_COUNT, 0,
			     0};
	T_EQ_INT(activity_kind_add(st, &tester, &k, &e), 0);
	T_EQ_INT(activity_kind_add(st, &tester, &k, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	struct act_kind same_label = {"lecture2", "专题讲座", "件",
				      ACT_MEASURE_COUNT, 0, 0};
	T_EQ_INT(activity_kind_add(st, &tester, &same_label, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	struct act_kind builtin = {"penalty", "罚款", "件", ACT_MEASURE_COUNT,
				   0, 0};
	T_EQ_INT(activity_kind_add(st, &tester, &builtin, &e), -1);
	struct act_kind money = {"fine_income", "罚没收入", "元",
				 ACT_MEASURE_AMOUNT, 0, 0};
	T_EQ_INT(activity_kind_add(st, &tester, &money, &e), 0);
	T_EQ_INT(activity_kinds(st, &v, &n, &e), 0);
	int ok = n == act_nbuiltins + 2 &&
		 str_eq(v[act_nbuiltins].code, "lecture") &&
		 str_eq(v[act_nbuiltins + 1].code, "fine_income") &&
		 v[act_nbuiltins + 1].measure == ACT_MEASURE_AMOUNT &&
		 str_eq(v[act_nbuiltins + 1].unit, "元") &&
		 !v[act_nbuiltins].builtin;
	activity_kinds_free(v, n);
	T_ASSERT(ok);
	T_EQ_INT(activity_kind_get(st, "lecture", &k, &e), 1);
	int lecture_ok = str_eq(k.label, "专题讲座") && !k.builtin;
	activity_kind_clear(&k);
	T_ASSERT(lecture_ok);
	T_EQ_INT(activity_kind_get(st, "penalty", &k, &e), 1);
	T_ASSERT(k.builtin && str_eq(k.label, "行政处罚决定"));
	activity_kind_clear(&k);
	T_EQ_INT(activity_kind_get(st, "nope", &k, &e), 0);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'activity_kind.create'"),
		 2);
}

static void t_store_entries(void)
{
	struct err e = {0};
	const char *col = "";
	T_EQ_INT(add(organ_a, "penalty", "2026-03-02", 3, -1, NULL, NULL,
		     &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "penalty", "2026-06-10", 4, -1, NULL, NULL,
		     &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "penalty", "2025-12-31", 9, -1, NULL, NULL,
		     &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "fee_income", "2026-04-01", 1, 123450, NULL,
		     NULL, &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "fee_income", "2026-05-01", 1, 5, NULL, NULL,
		     &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "hotline_referral", "2026-05-01", 1, -1,
		     "已办结", "2026-05-03", &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "hotline_referral", "2026-09-01", 1, -1, NULL,
		     NULL, &col, &e),
		 0);
	T_EQ_INT(add(organ_a, "lecture", "2026-09-01", 2, -1, NULL, NULL,
		     &col, &e),
		 0);
	T_EQ_INT(add(organ_b, "penalty", "2026-03-02", 100, -1, NULL, NULL,
		     &col, &e),
		 0);
	long long before = q("SELECT count(*) FROM activity");
	/* refusals store nothing */
	T_EQ_INT(add(organ_a, "no_such_kind", "2026-03-02", 1, -1, NULL, NULL,
		     &col, &e),
		 -1);
	T_EQ_STR(col, "kind");
	T_ASSERT(strstr(e.msg, "未知的工作类型") != NULL);
	T_EQ_INT(add(organ_a, "penalty", "2026-03-02", -1, -1, NULL, NULL,
		     &col, &e),
		 -1);
	T_EQ_STR(col, "count");
	T_EQ_INT(add(organ_a, "fee_income", "2026-03-02", 1, -1, NULL, NULL,
		     &col, &e),
		 -1);
	T_EQ_STR(col, "amount");
	T_EQ_INT(add(organ_a, "hotline_referral", "2026-03-02", 1, -1, "",
		     "2026-03-04", &col, &e),
		 -1);
	T_EQ_STR(col, "reply_date");
	T_EQ_INT(add(organ_a, "penalty", "2027-01-01", 1, -1, NULL, NULL,
		     &col, &e),
		 -1);
	T_EQ_STR(col, "date");
	T_EQ_INT(q("SELECT count(*) FROM activity"), before);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'activity.create'"),
		 before);
	T_EQ_INT(q("SELECT amount_fen FROM activity WHERE kind = "
		   "'fee_income' AND date = '2026-04-01'"),
		 123450);
	T_EQ_INT(q("SELECT count(*) FROM activity WHERE kind = 'penalty' AND "
		   "amount_fen IS NULL AND created_by = 7 AND source = "
		   "'staff'"),
		 4);

	/* totals of 2026 for organ a, one row per kind */
	struct act_total *t = NULL;
	size_t n = 0;
	T_EQ_INT(activity_totals(st, organ_a, 2026, &t, &n, &e), 0);
	int64_t pen = -1, fee = -1, fee_rows = -1, hot_open = -1, lec = -1;
	for (size_t i = 0; i < n; i++) {
		if (str_eq(t[i].kind, "penalty")) {
			pen = t[i].count;
		} else if (str_eq(t[i].kind, "fee_income")) {
			fee = t[i].amount_fen;
			fee_rows = t[i].entries;
		} else if (str_eq(t[i].kind, "hotline_referral")) {
			hot_open = t[i].unanswered;
		} else if (str_eq(t[i].kind, "lecture")) {
			lec = t[i].count;
		}
	}
	activity_totals_free(t, n);
	T_EQ_INT(n, 4);
	T_EQ_INT(pen, 7);
	T_EQ_INT(fee, 123455);
	T_EQ_INT(fee_rows, 2);
	T_EQ_INT(hot_open, 1);
	T_EQ_INT(lec, 2);
	T_EQ_INT(activity_totals(st, organ_a, 2025, &t, &n, &e), 0);
	int y2025 = n == 1 && t[0].count == 9;
	activity_totals_free(t, n);
	T_ASSERT(y2025);
	T_EQ_INT(activity_totals(st, 0, 2026, &t, &n, &e), 0);
	int64_t all_pen = -1;
	for (size_t i = 0; i < n; i++) {
		if (str_eq(t[i].kind, "penalty")) {
			all_pen = t[i].count;
		}
	}
	activity_totals_free(t, n);
	T_EQ_INT(all_pen, 107);

	/* the list: filters, unanswered first */
	struct act_filter f = {organ_a, "hotline_referral", 2026, 1, 50, 0};
	struct activity *v = NULL;
	int64_t total = 0;
	T_EQ_INT(activity_list(st, &f, &v, &n, &total, &e), 0);
	int order = n == 2 && total == 2 && v[0].reply_date == 0 &&
		    str_eq(v[1].reply, "已办结");
	activity_list_free(v, n);
	T_ASSERT(order);
	struct act_filter g = {organ_a, "penalty", 2026, 0, 1, 1};
	T_EQ_INT(activity_list(st, &g, &v, &n, &total, &e), 0);
	int page = n == 1 && total == 2 && v[0].date == day("2026-03-02");
	int64_t id = n ? v[0].id : 0;
	activity_list_free(v, n);
	T_ASSERT(page);

	/* update and delete: audited, organ-scoped */
	struct activity a;
	T_EQ_INT(activity_get(st, organ_b, id, &a, &e), 0);
	T_EQ_INT(activity_get(st, organ_a, id, &a, &e), 1);
	a.count = 5;
	T_EQ_INT(activity_update(st, &tester, &a, day("2026-11-25"), &col, &e),
		 0);
	a.organ_id = organ_b;
	a.count = 50;
	T_EQ_INT(activity_update(st, &tester, &a, day("2026-11-25"), &col, &e),
		 -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	a.organ_id = organ_a;
	a.count = -2;
	T_EQ_INT(activity_update(st, &tester, &a, day("2026-11-25"), &col, &e),
		 -1);
	T_EQ_STR(col, "count");
	act_clear(&a);
	T_EQ_INT(activity_get(st, 0, id, &a, &e), 1);
	T_EQ_INT(a.count, 5);
	act_clear(&a);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'activity.update' AND before LIKE '%\"count\":3%' AND "
		   "after LIKE '%\"count\":5%'"),
		 1);
	T_EQ_INT(activity_delete(st, &tester, organ_b, id, &e), -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	T_EQ_INT(activity_delete(st, &tester, organ_a, id, &e), 0);
	T_EQ_INT(activity_get(st, 0, id, &a, &e), 0);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'activity.delete' AND after IS NULL"),
		 1);
}

static int64_t ask(const char *name, const char *email, int consent,
		   struct activity *m, struct err *e)
{
	const char *col = "";
	act_init(m);
	m->organ_id = organ_a;
	m->name = xstrdup(name);
	m->phone = xstrdup("13905980000");
	m->email = xstrdup(email);
	m->title = xstrdup("仓库检查");
	m->note = xstrdup("城南仓库今年检查了吗？");
	m->consent = consent;
	return message_create(st, &tester, m, "hash-1", day("2026-11-25"),
			      &col, e)
		       ? 0
		       : m->id;
}

static void t_store_messages(void)
{
	struct err e = {0};
	struct activity m, x;
	int64_t id1 = ask("王五", "wang.wu@example.org", 1, &m, &e);
	T_ASSERT(id1 > 0);
	T_ASSERT(strlen(m.code) == 12 && str_has_prefix(m.code, "LY-"));
	char code[16];
	snprintf(code, sizeof code, "%s", m.code);
	act_clear(&m);
	int64_t id2 = ask("赵六", "", 0, &m, &e);
	act_clear(&m);
	int64_t id3 = ask("孙七", "sun@example.org", 1, &m, &e);
	act_clear(&m);
	T_ASSERT(id2 > 0 && id3 > 0);
	/* the form's checks */
	const char *col = "";
	act_init(&m);
	m.organ_id = organ_a;
	m.name = xstrdup("钱八");
	m.title = xstrdup("问题");
	m.note = xstrdup("内容");
	T_EQ_INT(message_create(st, &tester, &m, "h", day("2026-11-25"), &col,
				&e),
		 -1);
	T_EQ_STR(col, "phone");
	act_clear(&m);

	T_EQ_INT(message_by_code(st, code, &x, &e), 1);
	int found = x.id == id1 && x.is_message && str_eq(x.name, "王五") &&
		    x.source == ACT_SRC_PUBLIC && x.date == day("2026-11-25") &&
		    str_eq(x.kind, ACT_MESSAGE);
	act_clear(&x);
	T_ASSERT(found);
	T_EQ_INT(message_by_code(st, "LY-ZZZZ-ZZZZ", &x, &e), 0);
	int64_t n = 0;
	T_EQ_INT(message_recent(st, "hash-1", "2000-01-01T00:00:00Z", &n, &e),
		 0);
	T_EQ_INT(n, 3);
	T_EQ_INT(message_recent(st, "hash-2", "2000-01-01T00:00:00Z", &n, &e),
		 0);
	T_EQ_INT(n, 0);

	/* nothing public before a reply */
	struct activity *v = NULL;
	size_t nv = 0;
	int64_t total = -1;
	T_EQ_INT(message_public_list(st, organ_a, 10, 0, &v, &nv, &total, &e),
		 0);
	T_EQ_INT(total, 0);
	activity_list_free(v, nv);
	/* replies: checked, audited, mailed once to those with an e-mail */
	T_EQ_INT(message_reply(st, &tester, organ_a, id1, "", day("2026-11-25"),
			       day("2026-11-25"), "http://x", &e),
		 -1);
	T_EQ_INT(message_reply(st, &tester, organ_b, id1, "答复",
			       day("2026-11-25"), day("2026-11-25"), "http://x",
			       &e),
		 -1);
	T_EQ_INT(e.code, ERR_NOTFOUND);
	T_EQ_INT(message_reply(st, &tester, organ_a, id1, "答复",
			       day("2026-11-24"), day("2026-11-25"), "http://x",
			       &e),
		 -1); /* before the message */
	T_EQ_INT(message_reply(st, &tester, organ_a, id1, "今年已检查两次。",
			       day("2026-11-25"), day("2026-11-25"),
			       "http://x", &e),
		 0);
	T_EQ_INT(message_reply(st, &tester, organ_a, id1, "今年已检查两次。",
			       day("2026-11-25"), day("2026-11-25"),
			       "http://x", &e),
		 0); /* unchanged: no second mail */
	T_EQ_INT(message_reply(st, &tester, organ_a, id2, "已转交。",
			       day("2026-11-25"), day("2026-11-25"),
			       "http://x", &e),
		 0);
	T_EQ_INT(message_reply(st, &tester, organ_a, id3, "见通知。",
			       day("2026-11-25"), day("2026-11-25"), NULL, &e),
		 0);
	T_EQ_INT(q("SELECT count(*) FROM outbox"), 1);
	T_EQ_INT(q("SELECT count(*) FROM outbox WHERE to_addr = "
		   "'wang.wu@example.org' AND body LIKE '%今年已检查两次。%' "
		   "AND application_id IS NULL"),
		 1);
	/* public: replied and consented (id1, id3), not id2 */
	T_EQ_INT(message_public_list(st, organ_a, 10, 0, &v, &nv, &total, &e),
		 0);
	int pub = total == 2 && nv == 2 && str_empty(v[0].name) &&
		  str_empty(v[0].phone) && str_empty(v[0].email) &&
		  (v[0].id == id1 || v[0].id == id3);
	activity_list_free(v, nv);
	T_ASSERT(pub);
	T_EQ_INT(message_set_hidden(st, &tester, organ_a, id3, 1, &e), 0);
	T_EQ_INT(message_public_list(st, organ_a, 10, 0, &v, &nv, &total, &e),
		 0);
	int hidden = total == 1 && nv == 1 && v[0].id == id1;
	activity_list_free(v, nv);
	T_ASSERT(hidden);
	T_EQ_INT(message_public_list(st, organ_b, 10, 0, &v, &nv, &total, &e),
		 0);
	activity_list_free(v, nv);
	T_EQ_INT(total, 0);

	/* overdue: unanswered and older than the cut-off */
	int64_t ids[] = {id1, id2};
	T_EQ_INT(message_viewed(st, &tester, ids, 2, &e), 0);
	int64_t id4 = ask("周九", "", 1, &m, &e);
	act_clear(&m);
	T_ASSERT(id4 > 0);
	int64_t cut = act_flag_before(day("2026-11-25"), 3);
	T_EQ_INT(message_overdue_count(st, organ_a, cut, &n, &e), 0);
	T_EQ_INT(n, 0);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "UPDATE activity SET date = '2026-08-24' WHERE id = %lld",
		 (long long)id4);
	T_EQ_INT(tdb_exec(sql), SQLITE_OK);
	T_EQ_INT(message_overdue_count(st, organ_a, cut, &n, &e), 0);
	T_EQ_INT(n, 1);
	T_EQ_INT(message_overdue_count(st, organ_b, cut, &n, &e), 0);
	T_EQ_INT(n, 0);

	/* audit: every change, never the askers' personal data */
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'message.create' AND entity = 'message'"),
		 4);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'message.reply'"),
		 4);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'message.hide'"),
		 1);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE action = "
		   "'message.view'"),
		 2);
	T_EQ_INT(q("SELECT count(*) FROM audit WHERE coalesce(before, '') || "
		   "coalesce(after, '') LIKE '%王五%' OR coalesce(before, '') "
		   "|| coalesce(after, '') LIKE '%13905980000%' OR "
		   "coalesce(before, '') || coalesce(after, '') LIKE "
		   "'%example.org%'"),
		 0);
	/* deleting a message deletes its asker */
	T_EQ_INT(activity_delete(st, &tester, organ_a, id2, &e), 0);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM message WHERE activity_id = %lld",
		 (long long)id2);
	T_EQ_INT(q(sql), 0);
}

void suite_activity_store(void)
{
	st = tdb_open();
	if (!st) {
		t_failed++;
		return;
	}
	organ_a = add_organ("a", "甲机关");
	organ_b = add_organ("b", "乙机关");
	T_RUN(t_store_kinds);
	T_RUN(t_store_entries);
	T_RUN(t_store_messages);
	tdb_close(st);
	st = NULL;
}
