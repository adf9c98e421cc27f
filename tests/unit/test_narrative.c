/*
 * test_narrative.c - the report's text sections: placeholders are
 * checked against a format (line of the first bad one named) and filled
 * with the year's values and cells; first drafts of the six sections,
 * from records that reproduce the seed's 2018 year, state every figure
 * the seed's text states once filled, claim no figure when the records
 * are empty, and pass the check for every shipped format.
 */
#include "t.h"

#include "base/res.h"
#include "domain/narrative.h"

#include <stdlib.h>

static const char *const sections[] = {"overview", "active",
				       "applications", "cases",
				       "problems", "other"};
#define NSECTIONS (sizeof sections / sizeof sections[0])

static int load(const char *id, struct format *f)
{
	struct err e = {0};
	Buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&path, "data/report-formats/%s.json", id);
	int rc = res_load(NULL, buf_str(&path), &text, &e) ||
		 format_parse(text.p, text.n, f, &e);
	if (rc) {
		fprintf(stderr, "  %s: %s\n", id, e.msg);
	}
	buf_free(&path);
	buf_free(&text);
	return rc ? -1 : 0;
}

/* Checks text against format id: 0 or -1, message into msg. */
static int check_with(const char *id, const char *text, struct err *e)
{
	struct format f;
	if (load(id, &f)) {
		format_free(&f);
		return -2;
	}
	int rc = narrative_check(text, &f, e);
	format_free(&f);
	return rc;
}

/*---- Check ----*/

static void t_check_good(void)
{
	struct err e = {0};
	T_EQ_INT(check_with("fj-county-2018",
			    "{{year}}年度，{{ organ }}共主动公开{{items.published}}"
			    "条，历年累计{{stats/items/cumulative}}条，网站"
			    "{{stats/items.website/cumulative}}条。\n\n"
			    "处罚{{activity.penalty.count}}件，申请"
			    "{{apps.new.total}}件，收费"
			    "{{activity.fee_income.wanyuan}}万元。{ 单个括号 }}",
			    &e),
		 0);
	T_EQ_INT(check_with("cn-2021",
			    "{{applications/new/natural}} "
			    "{{cases/all/review.upheld}} {{active/rules/valid}}",
			    &e),
		 0);
	T_EQ_INT(narrative_check("没有占位符的文字。", NULL, &e), 0);
	T_EQ_INT(narrative_check("", NULL, &e), 0);
}

static void t_check_unknown_metric(void)
{
	struct err e = {0};
	T_EQ_INT(check_with("fj-county-2018",
			    "第一行{{items.published}}\n第二行\n"
			    "第三行{{items.foo}}{{bad.metric}}",
			    &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "第3行"));
	T_ASSERT(strstr(e.msg, "{{items.foo}}"));
	T_EQ_INT(narrative_check("{{activity.penalty.total}}", NULL, &e), -1);
	T_ASSERT(strstr(e.msg, "activity.penalty.total"));
	T_EQ_INT(narrative_check("{{organs}}", NULL, &e), -1);
}

static void t_check_unknown_cell(void)
{
	struct err e = {0};
	T_EQ_INT(check_with("fj-county-2018", "\n{{stats/items/total}}", &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "第2行"));
	T_ASSERT(strstr(e.msg, "stats/items/total"));
	/* cn-2021 has no cumulative column */
	T_EQ_INT(check_with("cn-2021", "{{stats/items/cumulative}}", &e), -1);
	T_EQ_INT(check_with("cn-2021", "{{active/penalty/issued}}", &e), -1);
	/* no format: no cells */
	T_EQ_INT(narrative_check("{{stats/items/cumulative}}", NULL, &e), -1);
	/* malformed */
	T_EQ_INT(narrative_check("{{stats/items}}", NULL, &e), -1);
	T_ASSERT(strstr(e.msg, "表/行/列"));
	T_EQ_INT(narrative_check("{{a//b}}", NULL, &e), -1);
	T_EQ_INT(narrative_check("{{a/b/c/d}}", NULL, &e), -1);
	T_EQ_INT(narrative_check("{{}}", NULL, &e), -1);
	T_EQ_INT(narrative_check("{{items published}}", NULL, &e), -1);
	T_ASSERT(strstr(e.msg, "写法不对"));
	T_EQ_INT(narrative_check("{{年度}}", NULL, &e), -1);
}

static void t_check_unterminated(void)
{
	struct err e = {0};
	T_EQ_INT(narrative_check("共公开{{items.published}}条，{{items.pub",
				 NULL, &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "第1行"));
	T_ASSERT(strstr(e.msg, "没有对应"));
	/* a placeholder stays on one line */
	T_EQ_INT(narrative_check("a\n{{year\n}}", NULL, &e), -1);
	T_ASSERT(strstr(e.msg, "第2行"));
	T_EQ_INT(narrative_check("{{year}", NULL, &e), -1);
	T_EQ_INT(narrative_check("{{", NULL, &e), -1);
}

static void t_check_utf8(void)
{
	struct err e = {0};
	T_EQ_INT(narrative_check("第一行\n第二行\xff\n", NULL, &e), -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "第2行"));
	T_ASSERT(strstr(e.msg, "UTF-8"));
	T_EQ_INT(narrative_check("\xe5\xb9", NULL, &e), -1); /* cut */
	T_EQ_INT(narrative_check("\xc0\xaf", NULL, &e), -1); /* overlong */
}

static void t_check_length(void)
{
	struct err e = {0};
	char *s = malloc(NARRATIVE_MAX + 2);
	memset(s, 'a', NARRATIVE_MAX);
	s[NARRATIVE_MAX] = 0;
	int ok = narrative_check(s, NULL, &e);
	s[NARRATIVE_MAX] = 'a';
	s[NARRATIVE_MAX + 1] = 0;
	int bad = narrative_check(s, NULL, &e);
	free(s);
	T_EQ_INT(ok, 0);
	T_EQ_INT(bad, -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strstr(e.msg, "20000"));
}

/*---- Fill ----*/

static int fill(const char *text, const struct mvals *m,
		const struct cellset *c, Buf *out, struct err *e)
{
	buf_reset(out);
	return narrative_fill(text, m, c, "沙县应急管理局", 2018, out, e);
}

static void t_fill(void)
{
	struct mvals m = {0};
	struct cellset c = {0};
	Buf out = BUF_INIT;
	struct err e = {0};
	mvals_add(&m, "items.published", 259 * CELL_SCALE);
	mvals_add(&m, "activity.fee_income.amount", 12345000); /* 1234.5 */
	mvals_add(&m, "activity.fee_income.wanyuan", 1235);    /* 0.1235 */
	cellset_put(&c, "stats", "items", "cumulative", 1225 * CELL_SCALE);
	cellset_put(&c, "stats", "items.website", "year", 0);

	int rc = fill("{{year}}年，{{organ}}公开{{items.published}}条，累计"
		      "{{ stats/items/cumulative }}条；收费{{activity.fee_income."
		      "amount}}元（{{activity.fee_income.wanyuan}}万元）。",
		      &m, &c, &out, &e);
	T_EQ_INT(rc, 0);
	T_EQ_STR(out.p, "2018年，沙县应急管理局公开259条，累计1225条；收费"
			"1234.5元（0.1235万元）。");
	/* blank cell, zero cell, metric no record feeds */
	T_EQ_INT(fill("{{stats/items.website/cumulative}}|"
		      "{{stats/items.website/year}}|{{apps.new.total}}|"
		      "{{no/such/cell}}",
		      &m, &c, &out, &e),
		 0);
	T_EQ_STR(out.p, "0|0|0|0");
	/* no placeholders: unchanged */
	const char *plain = "本年度未收到政府信息公开申请。\n\n{ x } }} {";
	T_EQ_INT(fill(plain, &m, &c, &out, &e), 0);
	T_EQ_STR(out.p, plain);
	T_EQ_INT(fill("", &m, &c, &out, &e), 0);
	T_EQ_STR(buf_str(&out), "");
	/* adjacent braces and placeholders */
	T_EQ_INT(fill("{{{year}}}|{{year}}{{organ}}|{{{{year}}}}}", &m, &c,
		      &out, &e),
		 0);
	T_EQ_STR(out.p, "{2018}|2018沙县应急管理局|{{2018}}}");
	/* NULL values: 0 */
	buf_reset(&out);
	T_EQ_INT(narrative_fill("{{items.published}}/{{stats/items/cumulative}}"
				"/{{organ}}",
				NULL, NULL, NULL, 2018, &out, &e),
		 0);
	T_EQ_STR(out.p, "0/0/");
	/* an error leaves out as it was */
	buf_reset(&out);
	buf_puts(&out, "前文");
	T_EQ_INT(narrative_fill("{{year}}{{items.nope}}", &m, &c, "x", 2018,
				&out, &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	T_EQ_STR(out.p, "前文");
	T_EQ_INT(narrative_fill("{{year}}{{year", &m, &c, "x", 2018, &out, &e),
		 -1);
	T_EQ_STR(out.p, "前文");
	mvals_free(&m);
	cellset_free(&c);
	buf_free(&out);
}

/*---- Drafts ----*/

#define NWANT(a) (sizeof(a) / sizeof(a)[0])

/* How many of want[0..n) text lacks, each said on stderr (with the text
 * when any is missing). */
static size_t count_missing(const char *text, const char *const *want,
			    size_t n)
{
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strstr(text, want[i])) {
			fprintf(stderr, "  missing: %s\n", want[i]);
			missing++;
		}
	}
	if (missing) {
		fprintf(stderr, "%s\n", text);
	}
	return missing;
}

/* The seed's 2018 year: the values of its table and text, and the
 * entries of tests/fixtures/shaxian-yjj-2018/activities.csv. */
static const struct narrative_entry seed_entries[] = {
	{"hotline_referral", "12345热线转办件", "件",
	 "群众反映某石材厂粉尘作业防护不到位", "12345平台转办件", 1, -1},
	{"hotline_referral", "12345热线转办件", "件",
	 "群众反映加油站附近违规存放烟花爆竹", "12345平台转办件", 1, -1},
	{"online_approval", "网上审批事项", "件", "2018年网上审批事项",
	 "全年网上审批办结", 34, -1},
	{"penalty", "行政处罚决定", "件", "安全生产执法处罚决定（3家企业）",
	 "已在县政府网站公布执法处罚记录", 3, -1},
	{"penalty", "行政处罚决定", "件", "安全生产执法处罚决定（4家企业）",
	 "已在县政府网站公布执法处罚记录；全年共涉及7家企业", 4, -1},
	{"interpretation_event", "政策解读活动", "场",
	 "《地方党政领导干部安全生产责任制规定》解读培训和宣传活动", NULL, 20,
	 -1},
	{"interpretation_event", "政策解读活动", "场",
	 "应急管理政策解读培训和宣传活动", NULL, 19, -1},
	{"materials", "发放宣传材料", "份", "“安全生产月”宣传材料", NULL, 40000,
	 -1},
	{"materials", "发放宣传材料", "份", "“119消防宣传月”宣传材料", NULL,
	 30000, -1},
	{"article", "信息稿件", "篇", "向县政府网站报送信息稿件", NULL, 49, -1},
	{"article", "信息稿件", "篇", "在本局专栏发布信息稿件", NULL, 71, -1},
};

static void seed_values(struct mvals *m, struct cellset *c)
{
	static const struct {
		const char *name;
		int64_t v;
	} vals[] = {
		{"items.published", 259},
		{"items.channel.website", 259},
		{"items.channel.bulletin", 151},
		{"items.channel.led", 151},
		{"items.issued.normal", 249},
		{"items.issued.interpretation", 10},
		{"activity.interpretation_event.count", 39},
		{"activity.materials.count", 70000},
		{"activity.hotline_referral.count", 2},
		{"activity.online_approval.count", 34},
		{"activity.penalty.count", 7},
		{"activity.article.count", 120},
	};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		mvals_add(m, vals[i].name, vals[i].v * CELL_SCALE);
	}
	cellset_put(c, "stats", "items", "year", 259 * CELL_SCALE);
	cellset_put(c, "stats", "items", "cumulative", 1225 * CELL_SCALE);
	cellset_put(c, "stats", "items.website", "year", 259 * CELL_SCALE);
	cellset_put(c, "stats", "items.website", "cumulative",
		    1078 * CELL_SCALE);
}

/* Drafts every section for format id, checks each draft against it,
 * and fills them into filled (sections separated by "\n\n##\n\n").
 * 0, or -1 after saying why. */
static int draft_all(const char *id, struct narrative_facts *facts,
		     const struct cellset *c, Buf *filled)
{
	struct format f;
	struct err e = {0};
	int rc = 0;
	if (load(id, &f)) {
		format_free(&f);
		return -1;
	}
	narrative_facts_format(facts, &f);
	buf_reset(filled);
	for (size_t i = 0; i < NSECTIONS && !rc; i++) {
		Buf d = BUF_INIT;
		narrative_draft(sections[i], facts, &d);
		if (!d.n) {
			fprintf(stderr, "  %s/%s: empty draft\n", id,
				sections[i]);
			rc = -1;
		} else if (narrative_check(d.p, &f, &e)) {
			fprintf(stderr, "  %s/%s: %s\n%s\n", id, sections[i],
				e.msg, d.p);
			rc = -1;
		} else if (narrative_fill(d.p, facts->m, c, facts->organ,
					  facts->year, filled, &e)) {
			fprintf(stderr, "  %s/%s: %s\n", id, sections[i],
				e.msg);
			rc = -1;
		}
		buf_puts(filled, "\n\n##\n\n");
		buf_free(&d);
	}
	format_free(&f);
	return rc;
}

static void t_draft_seed(void)
{
	struct mvals m = {0};
	struct cellset c = {0};
	Buf out = BUF_INIT;
	seed_values(&m, &c);
	struct narrative_facts facts = {
		.organ = "沙县应急管理局",
		.year = 2018,
		.m = &m,
		.entries = seed_entries,
		.nentries = sizeof seed_entries / sizeof seed_entries[0],
	};
	int rc = draft_all("fj-county-2018", &facts, &c, &out);
	static const char *const want[] = {
		"2018年，沙县应急管理局认真贯彻落实",
		"2018年度，沙县应急管理局共主动公开政府信息259条，历年累计"
		"1225条。",
		"通过政府门户网站公开政府信息259条，历年累计公开1078条。",
		"通过信息公开栏公布各类信息151条",
		"通过LED电子显示屏公布各类信息151条",
		"开展解读培训和宣传活动39场",
		"发布解读信息10条",
		"发放宣传材料70000份",
		"收到12345平台群众诉求转办件2件",
		"本年度未收到网上留言",
		"完成网上审批事项34件",
		"公开行政处罚决定7件（全年共涉及7家企业）",
		"共撰写信息稿件120篇",
		"“向县政府网站报送信息稿件”49篇",
		"“在本局专栏发布信息稿件”71篇",
		"本年度未收到由我局主办的人大代表建议和政协委员提案",
		"本年度未收到政府信息公开申请",
		"本年度未发生因政府信息公开引起的行政复议、行政诉讼",
		"（请填写",
		"需要说明的其他事项：无",
		"附表：沙县应急管理局政府信息公开年度统计表",
	};
	size_t missing = rc ? 0 : count_missing(out.p, want, NWANT(want));
	int placeholders = out.p && strstr(out.p, "{{") != NULL;
	/* no sentence for a figure that is 0 */
	int zeros = out.p && (strstr(out.p, "微信") || strstr(out.p, "规章") ||
			      strstr(out.p, "行政许可"));
	mvals_free(&m);
	cellset_free(&c);
	buf_free(&out);
	T_EQ_INT(rc, 0);
	T_EQ_INT(missing, 0);
	T_EQ_INT(placeholders, 0);
	T_EQ_INT(zeros, 0);
}

/* The drafts keep their figures as placeholders. */
static void t_draft_live(void)
{
	struct mvals m = {0};
	struct cellset c = {0};
	Buf d = BUF_INIT;
	struct format f;
	seed_values(&m, &c);
	struct narrative_facts facts = {.organ = "沙县应急管理局",
					.year = 2018,
					.m = &m,
					.entries = seed_entries,
					.nentries = 11};
	T_ASSERT(load("fj-county-2018", &f) == 0);
	narrative_facts_format(&facts, &f);
	format_free(&f);
	narrative_draft("active", &facts, &d);
	int ok = strstr(d.p, "{{items.published}}条，历年累计"
			     "{{stats/items/cumulative}}条") &&
		 strstr(d.p, "{{stats/items.website/cumulative}}") &&
		 strstr(d.p, "{{activity.penalty.count}}") &&
		 !strstr(d.p, "259") && !strstr(d.p, "1225");
	/* appends, and an unknown section writes nothing */
	size_t n = d.n;
	narrative_draft("nonesuch", &facts, &d);
	int same = d.n == n;
	mvals_free(&m);
	cellset_free(&c);
	buf_free(&d);
	T_ASSERT(ok);
	T_ASSERT(same);
}

static void t_draft_zero(void)
{
	static const char *const ids[] = {"fj-county-2018", "fj-putian-2009",
					  "cn-2019", "cn-2021"};
	Buf out = BUF_INIT;
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		struct narrative_facts facts = {.organ = "某县人民政府办公室",
						.year = 2021};
		int rc = draft_all(ids[k], &facts, NULL, &out);
		T_EQ_INT(rc, 0);
		T_ASSERT(strstr(out.p, "本年度未收到网上留言"));
		T_ASSERT(strstr(out.p, "本年度未收到由我办主办的人大代表建议和"
				       "政协委员提案"));
		T_ASSERT(strstr(out.p, "本年度未收到政府信息公开申请"));
		T_ASSERT(strstr(out.p, "本年度未发生因政府信息公开引起的行政"
				       "复议、行政诉讼"));
		T_ASSERT(!strstr(out.p, "主动公开政府信息"));
		/* no figure but the year */
		int digits = 0;
		for (const char *p = out.p; *p; p++) {
			if (strncmp(p, "2021", 4) == 0) {
				p += 3;
			} else {
				digits += *p >= '0' && *p <= '9';
			}
		}
		T_EQ_INT(digits, 0);
	}
	T_ASSERT(strstr(out.p, "本年度无其他需要报告的事项")); /* cn-2021 */
	buf_free(&out);
}

/* Every branch: all channels, kinds, applications and cases, an
 * admin-added kind, entries whose text could break the syntax. */
static void t_draft_full(void)
{
	static const char *const names[] = {
		"items.published", "items.channel.website",
		"items.channel.gazette", "items.channel.bulletin",
		"items.channel.wechat", "items.channel.weibo",
		"items.channel.sms", "items.channel.press",
		"items.issued.rule", "items.issued.normative",
		"activity.interpretation_release.count",
		"activity.press_conference.count",
		"activity.online_interview.count",
		"activity.public_concern_response.count",
		"activity.public_message.count",
		"activity.licence_decision.count",
		"activity.coercion.count", "activity.fee_income.amount",
		"activity.complaint.count", "activity.training.count",
		"activity.proposal_handled.count",
		"activity.inspection.count", "activity.grant.amount",
		"apps.new.total", "apps.new.natural", "apps.new.commercial",
		"apps.channel.online", "apps.channel.letter",
		"apps.carried_in.total", "apps.result.total.total",
		"apps.result.disclosed.total", "apps.result.withheld.total",
		"apps.carried_out.total", "cases.review.total",
		"cases.review.upheld", "cases.review.pending",
		"activity.article.count",
	};
	static const struct narrative_entry entries[] = {
		{"article", "信息稿件", "篇", "标题{{items.published}}\n第二行",
		 NULL, 3, -1},
		{"article", "信息稿件", "篇", NULL, NULL, 2, -1},
		{"inspection", "安全检查", "次", "检查", NULL, 5, -1},
		{"inspection", "安全检查", "次", "复查", NULL, 1, -1},
		{"grant", "专项补助{{", "元", "补助", NULL, 1, 150000},
		{"bogus kind", "坏类型", "件", NULL, NULL, 1, -1},
	};
	struct mvals m = {0};
	Buf out = BUF_INIT;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		mvals_add(&m, names[i], (int64_t)(i + 1) * CELL_SCALE);
	}
	struct narrative_facts facts = {
		.organ = "某市生态环境局", .year = 2021, .m = &m,
		.entries = entries, .nentries = 6};
	int rc = draft_all("cn-2021", &facts, NULL, &out);
	int rc2 = draft_all("fj-county-2018", &facts, NULL, &out);
	int rc3 = draft_all("cn-2019", &facts, NULL, &out) ||
		  draft_all("fj-putian-2009", &facts, NULL, &out);
	static const char *const want[] = {
		"政府公报", "政务微信", "短信平台", "新闻发布会",
		"其中规章9件、规范性文件10件",
		"通过信息公开栏公布各类信息4条", "发布解读信息11条",
		"网上留言15条", "公开行政许可决定16件",
		"收取行政事业性收费18元", "组织开展政府信息公开相关培训20场",
		"安全检查22次", "专项补助｛｛23元",
		"共撰写信息稿件37篇，其中“标题｛｛items.published｝｝ 第二行”3篇；"
		"信息稿件2篇",
		"我局召开新闻发布会12场", "我局组织开展政府信息公开相关培训20场",
		"共办理人大代表建议和政协委员提案21件",
		"共收到政府信息公开申请24件，其中网上申请27件、信函申请28件",
		"自然人提出25件，商业企业提出26件", "上年度结转申请29件",
		"共办结政府信息公开申请30件，其中予以公开31件、不予公开32件",
		"结转下年度继续办理33件",
		"因政府信息公开申请行政复议34件，其中结果维持35件、尚未审结"
		"36件",
		"本年度未发生因政府信息公开引起的行政诉讼",
	};
	size_t missing = rc ? 0 : count_missing(out.p, want, NWANT(want));
	int bogus = strstr(out.p, "坏类型") != NULL;
	mvals_free(&m);
	buf_free(&out);
	T_EQ_INT(rc, 0);
	T_EQ_INT(rc2, 0);
	T_EQ_INT(rc3, 0);
	T_EQ_INT(missing, 0);
	T_EQ_INT(bogus, 0);
}

/* Many long entries: the draft stays within NARRATIVE_MAX. */
static void t_draft_long(void)
{
	enum { N = 500 };
	struct narrative_entry *en = calloc(N, sizeof *en);
	char title[700] = "";
	for (int i = 0; i < 200; i++) {
		strcat(title, "稿");
	}
	for (int i = 0; i < N; i++) {
		en[i] = (struct narrative_entry){"article", "信息稿件", "篇",
						 title, NULL, 1, -1};
	}
	struct mvals m = {0};
	mvals_add(&m, "activity.article.count", N * CELL_SCALE);
	struct narrative_facts facts = {.organ = "某局", .year = 2021, .m = &m,
					.entries = en, .nentries = N};
	Buf d = BUF_INIT;
	narrative_draft("active", &facts, &d);
	struct err e = {0};
	int rc = narrative_check(d.p, NULL, &e);
	int cut = strstr(d.p, "…”1篇") && strstr(d.p, "篇等。");
	size_t n = d.n;
	free(en);
	mvals_free(&m);
	buf_free(&d);
	T_EQ_INT(rc, 0);
	T_ASSERT(n < NARRATIVE_MAX / 2);
	T_ASSERT(cut);
}

static void t_facts_format_cells(void)
{
	struct format f;
	struct narrative_facts facts = {0};
	T_ASSERT(load("fj-county-2018", &f) == 0);
	narrative_facts_format(&facts, &f);
	int ok = strcmp(facts.format_id, "fj-county-2018") == 0;
	format_free(&f);
	T_ASSERT(ok);
	T_EQ_STR(facts.cum_items, "stats/items/cumulative");
	T_EQ_STR(facts.cum_website, "stats/items.website/cumulative");
	T_EQ_INT(facts.annex, 1);
	T_ASSERT(load("cn-2021", &f) == 0);
	narrative_facts_format(&facts, &f);
	format_free(&f);
	T_EQ_STR(facts.cum_items, "");
	T_EQ_STR(facts.cum_website, "");
	T_EQ_INT(facts.annex, 0);
}

void suite_narrative(void)
{
	T_RUN(t_check_good);
	T_RUN(t_check_unknown_metric);
	T_RUN(t_check_unknown_cell);
	T_RUN(t_check_unterminated);
	T_RUN(t_check_utf8);
	T_RUN(t_check_length);
	T_RUN(t_fill);
	T_RUN(t_draft_seed);
	T_RUN(t_draft_live);
	T_RUN(t_draft_zero);
	T_RUN(t_draft_full);
	T_RUN(t_draft_long);
	T_RUN(t_facts_format_cells);
}
