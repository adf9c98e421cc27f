/*
 * test_deadline.c - the working-day calendar, the reply deadline engine,
 * the application event rules and the fee scales. Every expected date was
 * counted by hand from data/cn-holidays.csv (the State Council notices);
 * the comment of each case shows the count.
 */
#include "t.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/application.h"
#include "domain/deadline.h"
#include "domain/fee.h"
#include "store/holiday.h"

static struct calendar cal;

static int64_t D(const char *s)
{
	int64_t d = 0;
	if (date_parse(s, &d)) {
		fprintf(stderr, "bad test date %s\n", s);
		abort();
	}
	return d;
}

static const char *S(int64_t d)
{
	static char buf[8][11];
	static int i;
	i = (i + 1) % 8;
	date_format(d, buf[i]);
	return buf[i];
}

static const struct {
	const char *from;
	int n;
	const char *want;
	const char *why;
} adds[] = {
	/* 2019-09-27 Fri; 09-28 Sat off; 09-29 Sun is a 调休 workday */
	{"2019-09-27", 1, "2019-09-29", "National Day 2019 makeup Sunday"},
	/* 09-30 Mon (1); 10-01..07 off; 10-08 Tue (2) */
	{"2019-09-29", 2, "2019-10-08", "across National Day 2019"},
	/* 10-08 (1) 09 (2) 10 (3) 11 Fri (4) 10-12 Sat workday (5) */
	{"2019-09-30", 5, "2019-10-12", "2019-10-12 Saturday is a workday"},
	/* 2020-01-20 Mon: 21 (1) 22 (2) 23 (3); 01-24..02-02 off (Spring
	 * Festival extended); 02-03 Mon (4) .. 02-07 (8); 02-10..14
	 * (9-13); 02-17..21 (14-18); 02-24 (19) 02-25 (20) */
	{"2020-01-20", 20, "2020-02-25", "Spring Festival 2020, extended"},
	/* 2023-01-20 Fri; 01-21..27 off; 01-28 Sat is a workday */
	{"2023-01-20", 1, "2023-01-28", "Spring Festival 2023 makeup Sat"},
	/* 2024-02-05 Mon: 06..09 (1-4); 02-10..17 off; 02-18 Sun workday
	 * (5); 19..23 (6-10); 26..29, 03-01 (11-15); 03-04..08 (16-20) */
	{"2024-02-05", 20, "2024-03-08", "Spring Festival 2024, leap Feb"},
	/* 2024-12-20 Fri: 23..27 (1-5); 30, 31 (6, 7); 2025-01-01 off;
	 * 01-02, 03 (8, 9); 06..10 (10-14); 13..17 (15-19); 01-20 (20) */
	{"2024-12-20", 20, "2025-01-20", "year boundary with New Year 2025"},
	/* 2025-01-24 Fri; 01-25 Sat off; 01-26 Sun workday (1); 01-27 Mon
	 * (2); 01-28..02-04 off; 02-05 (3) 06 (4) 07 (5) */
	{"2025-01-24", 5, "2025-02-07", "Spring Festival 2025 (8 days)"},
	/* 2025-09-26 Fri; 09-28 Sun workday (1); 29 (2); 30 (3) */
	{"2025-09-26", 3, "2025-09-30", "2025-09-28 Sunday workday"},
	/* 10-01..08 off; 10-09 Thu (1) 10 (2) 10-11 Sat workday (3);
	 * 10-13 Mon (4) */
	{"2025-09-30", 4, "2025-10-13", "National Day + Mid-Autumn 2025"},
	/* 2026-02-13 Fri; 02-14 Sat is a workday */
	{"2026-02-13", 1, "2026-02-14", "Spring Festival 2026 makeup Sat"},
	/* 02-15..23 off; 02-24 Tue (2) */
	{"2026-02-13", 2, "2026-02-24", "across Spring Festival 2026"},
	/* a holiday start: 10-01 itself is not counted; 10-02..07 off;
	 * 10-08 Thu */
	{"2026-10-01", 1, "2026-10-08", "counting from a holiday"},
	/* 2026-09-24 Thu: 09-25..27 off (Mid-Autumn); 28, 29, 30 (1-3);
	 * 10-01..07 off; 10-08 (4) 09 (5) 10-10 Sat workday (6); 12..16
	 * (7-11); 19..23 (12-16); 26..29 (17-20) */
	{"2026-09-24", 20, "2026-10-29", "Mid-Autumn + National Day 2026"},
};

static void t_workday_add(void)
{
	for (size_t i = 0; i < sizeof adds / sizeof adds[0]; i++) {
		int64_t out = 0;
		struct err e = {0};
		if (cal_add(&cal, D(adds[i].from), adds[i].n, &out, NULL,
			    &e)) {
			T_FAIL_("%s: %s", adds[i].why, e.msg);
			return;
		}
		if (strcmp(S(out), adds[i].want)) {
			T_FAIL_("%s + %d (%s) = %s, expected %s", adds[i].from,
				adds[i].n, adds[i].why, S(out), adds[i].want);
			return;
		}
	}
}

static void t_workday_between(void)
{
	int k = -1;
	struct err e = {0};
	/* (2024-09-30, 2024-10-14]: 10-01..07 off; 08..11 (4); 10-12 Sat
	 * workday (5); 10-14 Mon (6) */
	T_EQ_INT(cal_between(&cal, D("2024-09-30"), D("2024-10-14"), &k, NULL,
			     &e),
		 0);
	T_EQ_INT(k, 6);
	/* an empty interval */
	T_EQ_INT(cal_between(&cal, D("2024-10-14"), D("2024-10-14"), &k, NULL,
			     &e),
		 0);
	T_EQ_INT(k, 0);
	T_EQ_INT(cal_between(&cal, D("2024-10-14"), D("2024-10-01"), &k, NULL,
			     &e),
		 0);
	T_EQ_INT(k, 0);
	/* a whole ordinary week: Mon 2026-03-02 .. Mon 03-09 → 5 */
	T_EQ_INT(cal_between(&cal, D("2026-03-02"), D("2026-03-09"), &k, NULL,
			     &e),
		 0);
	T_EQ_INT(k, 5);
}

static void t_workday_missing_year(void)
{
	int64_t out = 0;
	int missing = 0, k = 0;
	struct err e = {0};
	/* 2026-12-10 + 20 runs into 2027, which has no notice */
	T_EQ_INT(cal_add(&cal, D("2026-12-10"), 20, &out, &missing, &e), -1);
	T_EQ_INT(missing, 2027);
	T_EQ_INT(e.code, ERR_MISSING);
	T_ASSERT(strstr(e.msg, "2027") != NULL);
	missing = 0;
	T_EQ_INT(cal_between(&cal, D("2026-12-30"), D("2027-01-04"), &k,
			     &missing, &e),
		 -1);
	T_EQ_INT(missing, 2027);
	/* 2006 lists only two 调休 days (from the 2007 notice): not covered */
	T_ASSERT(!cal_covers(&cal, 2006));
	T_ASSERT(cal_covers(&cal, 2007));
	T_ASSERT(cal_covers(&cal, 2026));
	T_ASSERT(!cal_covers(&cal, 2027));
	/* warnings: 2027 matters from 1 November 2026, 2026 is there */
	T_EQ_INT(cal_year_needed(&cal, D("2026-10-31")), 0);
	T_EQ_INT(cal_year_needed(&cal, D("2026-11-01")), 2027);
	T_EQ_INT(cal_year_needed(&cal, D("2027-03-01")), 2027);
}

static void t_calendar_csv(void)
{
	struct calendar c = {0};
	struct err e = {0};
	const char ok[] = "date,kind,name\n2027-01-01,holiday,元旦\n"
			  "2027-02-06,workday,春节\n";
	T_EQ_INT(cal_parse_csv(ok, sizeof ok - 1, &c, &e), 0);
	T_EQ_INT((long long)c.n, 2);
	T_ASSERT(cal_covers(&c, 2027));
	T_ASSERT(cal_is_workday(&c, D("2027-02-06"))); /* a Saturday */
	T_ASSERT(!cal_is_workday(&c, D("2027-01-01")));
	cal_free(&c);
	const char bad[] = "date,kind\n2027-01-01,holiday\n2027-02-30,"
			   "holiday\n";
	T_EQ_INT(cal_parse_csv(bad, sizeof bad - 1, &c, &e), -1);
	T_ASSERT(strstr(e.msg, "第 3 行") != NULL);
	cal_free(&c);
	const char badkind[] = "date,kind\n2027-01-01,day-off\n";
	T_EQ_INT(cal_parse_csv(badkind, sizeof badkind - 1, &c, &e), -1);
	T_ASSERT(strstr(e.msg, "kind") != NULL);
	cal_free(&c);
}

/* An application received in person on `received`. */
static void in_person(struct application *a, const char *received)
{
	app_init(a);
	a->channel = CHAN_IN_PERSON;
	a->received = D(received);
	a->submitted = a->received;
}

static void add_consult(struct application *a, enum consult_kind k,
			const char *from, const char *to)
{
	a->consults = xrealloc(a->consults,
			       (a->nconsults + 1) * sizeof *a->consults);
	struct consultation *c = &a->consults[a->nconsults++];
	memset(c, 0, sizeof *c);
	c->id = (int64_t)a->nconsults;
	c->kind = k;
	c->party = xstrdup("某公司");
	c->note = xstrdup("");
	c->started = D(from);
	c->ended = to ? D(to) : 0;
}

static void t_deadline_plain(void)
{
	struct application a;
	struct deadline d;
	in_person(&a, "2026-03-02");
	/* 2026-03-02 Mon, no holidays in March: 03-03..06 (1-4), 09..13
	 * (5-9), 16..20 (10-14), 23..27 (15-19), 03-30 (20); 7 working days
	 * for a supplement request: 03-11 */
	deadline_compute(&a, &cal, D("2026-03-10"), 0, &d);
	T_EQ_STR(S(d.due), "2026-03-30");
	T_EQ_STR(S(d.supp_by), "2026-03-11");
	T_EQ_INT(d.stopped, 0);
	/* (03-10, 03-30]: 03-11..13 (3), 16..20 (8), 23..27 (13), 30 (14) */
	T_EQ_INT(d.left, 14);
	T_ASSERT(d.nsteps >= 2);
	T_ASSERT(strstr(d.steps[0], "第三十一条第一项") != NULL);
	deadline_free(&d);
	/* overdue on 2026-04-01: (03-30, 04-01] = 03-31, 04-01 */
	deadline_compute(&a, &cal, D("2026-04-01"), 0, &d);
	T_EQ_INT(d.left, -2);
	deadline_free(&d);
	/* replied on 04-01: two working days late */
	a.outcome = 0;
	a.replied = D("2026-04-01");
	deadline_compute(&a, &cal, D("2026-04-20"), 0, &d);
	T_EQ_INT(d.late, 2);
	T_EQ_INT(d.left, 0);
	deadline_free(&d);
	app_clear(&a);
}

static void t_deadline_supplement(void)
{
	struct application a;
	struct deadline d;
	in_person(&a, "2026-03-02");
	a.supp_requested = D("2026-03-05");
	a.supp_deadline = D("2026-03-20");
	deadline_compute(&a, &cal, D("2026-03-10"), 0, &d);
	T_EQ_INT(d.due, 0); /* the clock is stopped */
	T_EQ_INT(d.stopped, 1);
	deadline_free(&d);
	/* the supplement arrives 2026-03-16 Mon: 17..20 (1-4), 23..27 (5-9),
	 * 30, 31, 04-01..03 (10-14); 04-04..06 off (Qingming); 04-07..10
	 * (15-18); 04-13 (19) 04-14 (20) */
	a.supp_received = D("2026-03-16");
	deadline_compute(&a, &cal, D("2026-03-16"), 0, &d);
	T_EQ_STR(S(d.due), "2026-04-14");
	T_EQ_STR(S(d.start), "2026-03-16");
	deadline_free(&d);
	/* a supplement request after the 7 days is flagged */
	a.supp_requested = D("2026-03-12");
	deadline_compute(&a, &cal, D("2026-03-16"), 0, &d);
	int flagged = 0;
	for (size_t i = 0; i < d.nsteps; i++) {
		flagged |= strstr(d.steps[i], "超过该期限") != NULL;
	}
	T_ASSERT(flagged);
	deadline_free(&d);
	app_clear(&a);
}

static void t_deadline_consultation(void)
{
	struct application a;
	struct deadline d;
	in_person(&a, "2026-03-02");
	/* third party 03-10 → 03-20: (03-10, 03-20] = 11..13, 16..20 = 8;
	 * 20 + 8 = 28 working days after 03-02: 03-30 (20), 31 (21),
	 * 04-01..03 (22-24), 04-07..10 (25-28) */
	add_consult(&a, CONSULT_THIRD_PARTY, "2026-03-10", "2026-03-20");
	deadline_compute(&a, &cal, D("2026-03-20"), 0, &d);
	T_EQ_INT(d.excluded, 8);
	T_EQ_STR(S(d.due), "2026-04-10");
	deadline_free(&d);
	/* another organ 03-16 → 03-25 overlaps: the union (03-10, 03-25] is
	 * 8 + 23..25 = 11 days; 31 working days: 04-13 (29) 14 (30) 15 (31) */
	add_consult(&a, CONSULT_ORGAN, "2026-03-16", "2026-03-25");
	deadline_compute(&a, &cal, D("2026-03-25"), 0, &d);
	T_EQ_INT(d.excluded, 11);
	T_EQ_STR(S(d.due), "2026-04-15");
	deadline_free(&d);
	app_clear(&a);
	/* still waiting on 03-20: counted up to today, shown as stopped */
	in_person(&a, "2026-03-02");
	add_consult(&a, CONSULT_THIRD_PARTY, "2026-03-10", NULL);
	deadline_compute(&a, &cal, D("2026-03-20"), 0, &d);
	T_EQ_INT(d.stopped, 1);
	T_EQ_STR(S(d.due), "2026-04-10");
	/* the third party has 15 working days: 03-11..13 (3), 16..20 (8),
	 * 23..27 (13), 30 (14), 31 (15) */
	int said = 0;
	for (size_t i = 0; i < d.nsteps; i++) {
		said |= strstr(d.steps[i], "2026-03-31") != NULL;
	}
	T_ASSERT(said);
	deadline_free(&d);
	app_clear(&a);
}

static void t_deadline_extension(void)
{
	struct application a;
	struct deadline d;
	in_person(&a, "2026-03-02");
	a.ext_days = 15;
	a.ext_date = D("2026-03-25");
	a.ext_reason = xstrdup("涉及档案检索");
	/* 35 working days: 03-30 (20), 31 (21), 04-01..03 (22-24), 07..10
	 * (25-28), 13..17 (29-33), 20 (34), 21 (35) */
	deadline_compute(&a, &cal, D("2026-03-25"), 0, &d);
	T_EQ_STR(S(d.due), "2026-04-21");
	deadline_free(&d);
	app_clear(&a);
}

static void t_deadline_edges(void)
{
	struct application a;
	struct deadline d;
	/* received 2026-12-10: 20 working days run into 2027 → unknown */
	in_person(&a, "2026-12-10");
	deadline_compute(&a, &cal, D("2026-12-10"), 0, &d);
	T_EQ_INT(d.due, 0);
	T_EQ_INT(d.missing_year, 2027);
	T_ASSERT(strstr(d.steps[d.nsteps - 1], "2027") != NULL);
	deadline_free(&d);
	app_clear(&a);
	/* an online application not yet confirmed has no deadline */
	app_init(&a);
	a.channel = CHAN_ONLINE;
	a.submitted = D("2026-03-02");
	deadline_compute(&a, &cal, D("2026-03-03"), 0, &d);
	T_EQ_INT(d.due, 0);
	T_ASSERT(strstr(d.steps[0], "第三十一条第三项") != NULL);
	deadline_free(&d);
	/* 2024-02-05 by letter, signed for that day: see the add table */
	a.channel = CHAN_LETTER;
	a.received = D("2024-02-05");
	deadline_compute(&a, &cal, D("2024-02-05"), 0, &d);
	T_EQ_STR(S(d.due), "2024-03-08");
	deadline_free(&d);
	/* a fee notice stops the clock only where the organ's rule says so:
	 * notice 2024-02-20, paid 02-23: (02-20, 02-23] = 21, 22, 23 = 3
	 * days; 23 working days after 02-05: 03-08 (20), 11 (21), 12 (22),
	 * 13 (23) */
	a.fee_method = FEE_BY_ITEM;
	a.fee_notice = D("2024-02-20");
	a.fee_deadline = D("2024-03-19");
	a.fee_paid = D("2024-02-23");
	a.fee_amount = 100;
	deadline_compute(&a, &cal, D("2024-02-23"), 0, &d);
	T_EQ_STR(S(d.due), "2024-03-08");
	deadline_free(&d);
	deadline_compute(&a, &cal, D("2024-02-23"), 1, &d);
	T_EQ_STR(S(d.due), "2024-03-13");
	deadline_free(&d);
	app_clear(&a);
}

static struct app_change change(enum app_event ev, const char *date)
{
	struct app_change c;
	memset(&c, 0, sizeof c);
	c.ev = ev;
	c.date = date ? D(date) : 0;
	c.outcome = -1;
	return c;
}

static void t_app_rules(void)
{
	struct application a;
	struct err e = {0};
	int64_t today = D("2026-04-30");
	app_init(&a);
	a.channel = CHAN_ONLINE;
	a.submitted = D("2026-03-02");
	/* nothing before receipt */
	struct app_change c = change(EV_REPLY, "2026-03-10");
	c.outcome = 0;
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	/* receipt not before submission, not in the future */
	c = change(EV_RECEIVE, "2026-03-01");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c = change(EV_RECEIVE, "2026-05-01");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c = change(EV_RECEIVE, "2026-03-03");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), 0);
	T_EQ_INT(app_derive_status(&a), AS_OPEN);
	/* supplement: needs what to supplement and a later deadline */
	c = change(EV_SUPP_REQUEST, "2026-03-05");
	c.until = D("2026-03-20");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c.text = "请写明文件名称";
	c.until = D("2026-03-05");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c.until = D("2026-03-20");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), 0);
	T_EQ_INT(app_derive_status(&a), AS_SUPPLEMENT);
	/* only once */
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	/* supplement before its request is refused */
	c = change(EV_SUPP_RECEIVE, "2026-03-04");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	T_EQ_INT(e.code, ERR_INPUT);
	/* no_supplement only once the period has run out */
	c = change(EV_REPLY, "2026-03-20");
	c.outcome = app_outcome_parse("other.no_supplement", &e);
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c.date = D("2026-03-23");
	struct application copy = a;
	(void)copy;
	c = change(EV_SUPP_RECEIVE, "2026-03-16");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), 0);
	/* extension: a clerk may not, 21 days may not, a reviewer may */
	c = change(EV_EXTEND, "2026-04-01");
	c.days = 10;
	c.text = "需要检索档案";
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	T_EQ_INT(e.code, ERR_DENIED);
	c.days = 21;
	T_EQ_INT(app_apply(&a, &c, ROLE_REVIEWER, today, &e), -1);
	c.days = 10;
	T_EQ_INT(app_apply(&a, &c, ROLE_REVIEWER, today, &e), 0);
	T_EQ_INT(app_apply(&a, &c, ROLE_LEADER, today, &e), -1); /* once */
	/* reply: a reason is needed for a refusal; not before the
	 * supplement; unknown outcome refused */
	c = change(EV_REPLY, "2026-04-10");
	c.outcome = app_outcome_parse("withheld.state_secret", &e);
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	T_ASSERT(strstr(e.msg, "理由") != NULL);
	T_EQ_INT(app_outcome_parse("withheld.secret", &e), -1);
	c = change(EV_REPLY, "2026-03-15");
	c.outcome = 0;
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c = change(EV_REPLY, "2026-04-10");
	c.outcome = 0;
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), 0);
	T_EQ_INT(app_derive_status(&a), AS_CLOSED);
	/* delivery not before the reply; no second reply */
	c = change(EV_DELIVER, "2026-04-09");
	c.text = "邮寄";
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	c.date = D("2026-04-11");
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), 0);
	c = change(EV_REPLY, "2026-04-12");
	c.outcome = 0;
	T_EQ_INT(app_apply(&a, &c, ROLE_CLERK, today, &e), -1);
	app_clear(&a);
}

static void t_app_check(void)
{
	struct application a;
	struct err e = {0};
	app_init(&a);
	a.kind = AK_NATURAL;
	a.channel = CHAN_ONLINE;
	a.delivery = DLV_EMAIL;
	a.name = xstrdup("张三");
	a.request = xstrdup("2026年安全生产检查计划");
	T_EQ_INT(app_check(&a, &e), -1); /* no ID document */
	a.id_type = xstrdup("id_card");
	a.id_number = xstrdup("350427199001011234");
	T_EQ_INT(app_check(&a, &e), -1); /* no way to reach the applicant */
	a.phone = xstrdup("0598-5822000");
	T_EQ_INT(app_check(&a, &e), -1); /* e-mail delivery without e-mail */
	a.email = xstrdup("zhang@example.cn");
	T_EQ_INT(app_check(&a, &e), 0);
	free(a.id_type);
	a.id_type = xstrdup("driver");
	T_EQ_INT(app_check(&a, &e), -1);
	app_clear(&a);
	T_EQ_INT((long long)app_noutcomes, 21);
	T_EQ_STR(app_outcomes[20].code, "other.other");
	T_EQ_INT(app_outcomes[1].family, OF_PARTIAL);
}

static void t_fees(void)
{
	T_EQ_INT(fee_by_item(0, 10), 0);
	T_EQ_INT(fee_by_item(10, 1), 100);     /* the 11th item */
	T_EQ_INT(fee_item_price(30), 100);
	T_EQ_INT(fee_item_price(31), 200);
	T_EQ_INT(fee_item_price(40), 200);
	T_EQ_INT(fee_item_price(41), 300);
	T_EQ_INT(fee_item_price(51), 400);
	/* 35 items in a month: 11-30 at 100 (2000), 31-35 at 200 (1000) */
	T_EQ_INT(fee_by_item(0, 35), 3000);
	T_EQ_INT(fee_by_volume(30), 0);
	T_EQ_INT(fee_by_volume(31), 10);
	T_EQ_INT(fee_by_volume(100), 700);
	T_EQ_INT(fee_by_volume(101), 720);
	T_EQ_INT(fee_by_volume(200), 2700);
	/* the reference's worked example: 250 pages → 4700 yuan */
	T_EQ_INT(fee_by_volume(250), 4700);
	Buf b = BUF_INIT;
	/* items 29, 30 at 100 and 31, 32 at 200 */
	fee_explain_item(28, 4, &b);
	T_ASSERT(strstr(buf_str(&b), "合计 600 元") != NULL);
	buf_free(&b);
}

void suite_deadline(void)
{
	struct err e = {0};
	if (holiday_shipped(&cal, &e)) {
		fprintf(stderr, "calendar: %s\n", e.msg);
		t_failed++;
		return;
	}
	T_RUN(t_workday_add);
	T_RUN(t_workday_between);
	T_RUN(t_workday_missing_year);
	T_RUN(t_calendar_csv);
	T_RUN(t_deadline_plain);
	T_RUN(t_deadline_supplement);
	T_RUN(t_deadline_consultation);
	T_RUN(t_deadline_extension);
	T_RUN(t_deadline_edges);
	T_RUN(t_app_rules);
	T_RUN(t_app_check);
	T_RUN(t_fees);
	cal_free(&cal);
}
