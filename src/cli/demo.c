/*
 * demo.c - the demo installation: 沙县人民政府 and three of its departments,
 * among them 沙县应急管理局, whose 2018 annual report is the project's seed,
 * with one admin and one clerk per organ, and 沙县应急管理局's proactively
 * disclosed items of 2018-2026 (titles from the seed report), including
 * an interpretation, an abolished normative document, a withdrawn item and
 * two unpublished ones that must never show publicly, three applications,
 * two review/litigation cases (one closed and linked to an application,
 * one pending), its totals up to 2017 (期初累计值) and its other work of
 * 2026 (工作记录, the kinds and figures the seed report states) with
 * three public messages. Contact details are
 * plausible values for a demo (the seed's own phone number was garbled in
 * extraction); every change goes through the store and the audit log like
 * any other. Fixed dates, so every run gives the same index numbers.
 */
#include "cli/cli.h"

#include "base/str.h"
#include "base/date.h"
#include "render/report_doc.h"
#include "store/activity.h"
#include "store/application.h"
#include "store/baseline.h"
#include "store/holiday.h"
#include "store/item.h"
#include "store/lawcase.h"
#include "store/organ.h"
#include "store/user.h"

#include <stdio.h>
#include <string.h>

/* The password of every demo account; docs/ and `make run` print it. */
#define DEMO_PASSWORD "gongkai2026"

static const struct demo_organ {
	const char *slug, *name, *short_name, *parent, *code, *office, *phone;
	const char *email, *address, *clerk, *clerk_name, *guide;
} organs[] = {
	{"shaxian", "沙县人民政府", "县政府", NULL, "003510400",
	 "沙县人民政府办公室", "0598-5822316", "sxzfb@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道府前西路", "zf-clerk", "县政府办经办人",
	 "一、公开主体\n\n沙县人民政府办公室是县政府信息公开工作的主管部门,"
	 "负责推进、指导、协调、监督全县政府信息公开工作。\n\n"
	 "二、公开方式\n\n主动公开的政府信息通过本平台、政府公报、"
	 "政务公开栏等渠道发布;公民、法人或者其他组织可以通过网上、"
	 "当面、信函等方式向县政府申请获取政府信息。\n\n"
	 "三、办理时限\n\n能够当场答复的当场答复;不能当场答复的,"
	 "自收到申请之日起 20 个工作日内予以答复;需要延长答复期限的,"
	 "经政府信息公开工作机构负责人同意并告知申请人,"
	 "延长的期限最长不超过 20 个工作日。"},
	{"shaxian-yjj", "沙县应急管理局", "县应急局", "shaxian", "003510427",
	 "沙县应急管理局办公室", "0598-5845276", "fjsxajj@163.com",
	 "福建省三明市沙县凤岗街道城南路", "yjj-clerk", "应急局经办人",
	 "一、公开主体\n\n沙县应急管理局(原沙县安全生产监督管理局)"
	 "办公室负责本局政府信息公开的日常工作,指定一名专门人员和一名"
	 "协助人员具体办理。\n\n"
	 "二、主动公开\n\n本局主动公开机构职能、政策法规、部门文件、"
	 "工作动态、通知公告、安全监管等信息,通过本平台、"
	 "局政务公开栏、LED 电子显示屏和短信平台发布。\n\n"
	 "三、依申请公开\n\n申请人可通过本平台在线提交申请,或到本局办公室"
	 "当面提交、以信函或传真方式提交。本局自收到申请之日起 20 "
	 "个工作日内答复。\n\n"
	 "四、监督和救济\n\n申请人认为本局在政府信息公开工作中侵犯其合法权益"
	 "的,可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报,"
	 "也可以依法申请行政复议或者提起行政诉讼。"},
	{"shaxian-czj", "沙县财政局", "县财政局", "shaxian", "003510411",
	 "沙县财政局办公室", "0598-5822470", "sxczj@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道府前东路", "czj-clerk", "财政局经办人",
	 NULL},
	{"shaxian-jyj", "沙县教育局", "县教育局", "shaxian", "003510415",
	 "沙县教育局办公室", "0598-5832015", "sxjyj@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道东门路", "jyj-clerk", "教育局经办人", NULL},
};

/*---- 沙县应急管理局's items ----*/

/* What happens to a demo item after it is created. */
enum demo_state { DS_PUBLISHED, DS_DRAFT, DS_PENDING, DS_WITHDRAWN };

static const struct demo_item {
	const char *category, *title, *doc_no, *written, *published;
	const char *channels, *summary, *body;
	enum item_kind kind;
	int interprets;      /* 1 + the row of the interpreted item, or 0 */
	const char *abolish; /* date it was abolished, or NULL */
	enum demo_state state;
} yjj_items[] = {
	{"政务公开", "沙县安全生产监督管理局2018年度部门预算说明", "",
	 "2018-01-22", "2018-01-26", "website;bulletin",
	 "2018年度部门收支预算总体情况及说明。",
	 "<h2>一、部门基本情况</h2>"
	 "<p>沙县安全生产监督管理局是县政府工作部门,内设办公室、"
	 "监督管理股、执法大队等机构。</p>"
	 "<h2>二、收支预算总体情况</h2>"
	 "<table><caption>2018年度收支预算总表(单位:万元)</caption>"
	 "<thead><tr><th>项目</th><th>预算数</th></tr></thead>"
	 "<tbody><tr><td>一般公共预算财政拨款</td><td>386.52</td></tr>"
	 "<tr><td>其中:基本支出</td><td>301.20</td></tr>"
	 "<tr><td>其中:项目支出</td><td>85.32</td></tr></tbody></table>"
	 "<p>详细表格见附件。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政府信息公开制度", "沙县安监局2018年政务公开工作实施方案",
	 "沙安监〔2018〕12号", "2018-03-12", "2018-03-15", "website;bulletin",
	 "",
	 "<p>为深入贯彻落实《中华人民共和国政府信息公开条例》,"
	 "进一步推进我局政务公开工作,制定本方案。</p>"
	 "<h2>一、工作目标</h2><p>坚持以公开为常态、不公开为例外,"
	 "及时公开安全生产政策性文件及其执行情况。</p>"
	 "<h2>二、组织领导</h2><p>成立政府信息公开工作领导小组,"
	 "由一名副局长分管,办公室负责统筹协调。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政府信息公开制度", "沙县安监局政府信息公开保密审查制度",
	 "沙安监〔2018〕15号", "2018-03-26", "2018-03-28", "website", "",
	 "<p>拟公开的政府信息,须经经办股室初审、办公室保密审查、"
	 "分管领导审批后方可公开。</p>"
	 "<p>不能确定是否可以公开的,依照法律、法规和国家有关规定报"
	 "有关主管部门或者保密工作部门确定。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政策法规",
	 "中共中央办公厅 国务院办公厅印发《地方党政领导干部安全生产责任制规定》",
	 "", "2018-04-08", "2018-05-10", "website;bulletin;led",
	 "全文转载《地方党政领导干部安全生产责任制规定》。",
	 "<p>近日,中共中央办公厅、国务院办公厅印发了《地方党政领导干部"
	 "安全生产责任制规定》,并发出通知,要求各地区各部门结合实际认真"
	 "贯彻落实。</p>"
	 "<h2>第一章 总则</h2><p>第一条 为了加强地方各级党委和政府对安全"
	 "生产工作的领导,健全落实安全生产责任制,树牢安全发展理念,"
	 "制定本规定。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政策法规", "《地方党政领导干部安全生产责任制规定》政策解读", "",
	 "2018-05-16", "2018-05-18", "website;bulletin",
	 "从出台背景、主要内容和工作要求三个方面解读。",
	 "<h2>一、出台背景</h2><p>《规定》是我国第一部关于地方党政领导干部"
	 "安全生产责任制的党内法规。</p>"
	 "<h2>二、主要内容</h2><p>《规定》明确了党政同责、一岗双责、"
	 "齐抓共管、失职追责的要求。</p>",
	 KIND_INTERPRETATION, 4, NULL, DS_PUBLISHED},
	{"通知公告", "关于开展2018年“安全生产月”活动的通知",
	 "沙安监〔2018〕35号", "2018-05-28", "2018-06-01",
	 "website;bulletin;led;sms", "",
	 "<p>各乡镇(街道)、县直有关单位:</p>"
	 "<p>今年6月是全国第17个“安全生产月”,主题为“生命至上、"
	 "安全发展”。请各单位结合实际组织开展宣传咨询日等活动。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政务公开", "沙县安全生产监督管理局2017年度部门决算说明", "",
	 "2018-08-15", "2018-08-20", "website", "",
	 "<p>2017年度本部门收入合计372.18万元,支出合计369.45万元。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"部门文件", "关于印发《沙县安全生产举报奖励办法》的通知",
	 "沙安监〔2018〕41号", "2018-09-03", "2018-09-05", "website;bulletin",
	 "",
	 "<p>为鼓励社会公众举报安全生产重大事故隐患和安全生产违法行为,"
	 "现将《沙县安全生产举报奖励办法》印发给你们,请认真贯彻执行。</p>",
	 KIND_NORMATIVE, 0, "2021-09-01", DS_PUBLISHED},
	{"工作动态", "我局开展岁末年初安全生产大检查", "", "", "2018-12-10",
	 "website;led", "",
	 "<p>12月上旬,我局组织执法人员对全县危险化学品、"
	 "烟花爆竹经营单位开展安全生产大检查。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政务公开", "沙县应急管理局2018年政府信息公开工作年度报告", "",
	 "2019-01-03", "2019-01-10", "website;bulletin", "",
	 "<h2>一、概述</h2><p>2018年,沙县应急管理局(原沙县安全生产监督管理"
	 "局)进一步健全完善信息公开的各项制度,确保信息公开工作取得实效。"
	 "</p><h2>二、主动公开政府信息的情况</h2><p>2018年度共主动公开安全"
	 "生产政府信息259条,历年累计1225条。</p>"
	 "<h2>三、政府信息依申请公开办理情况</h2><p>2018年度,未接到公民、"
	 "法人和其他组织信息公开申请。</p>",
	 KIND_ANNUAL_REPORT, 0, NULL, DS_PUBLISHED},
	{"机构职能", "沙县应急管理局主要职责和内设机构", "", "", "2019-03-20",
	 "website", "",
	 "<p>负责全县应急管理工作,指导各乡镇(街道)、各部门应对安全生产类、"
	 "自然灾害类等突发事件和综合防灾减灾救灾工作。</p>"
	 "<p>内设办公室、应急指挥股、安全生产综合监管股等机构。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"通知公告", "关于做好2021年防汛防台风工作的通知",
	 "沙应急〔2021〕18号", "2021-05-28", "2021-06-01",
	 "website;bulletin;led", "",
	 "<p>入汛以来,我县降雨偏多。请各单位落实防汛责任,"
	 "做好物资储备和人员转移准备。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"安全监管", "关于公布2022年第一批安全生产标准化达标企业名单的公告",
	 "", "", "2022-03-01", "website", "",
	 "<p>名单经核对有误,已撤回。</p>", KIND_NORMAL, 0, NULL,
	 DS_WITHDRAWN},
	{"安全监管", "关于开展2024年安全生产治本攻坚三年行动的通知",
	 "沙应急〔2024〕9号", "2024-04-10", "2024-04-15", "website;led", "",
	 "<p>按照省、市部署,2024年至2026年在全县开展安全生产治本攻坚"
	 "三年行动。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"通知公告", "关于开展2025年“安全生产月”活动的通知",
	 "沙应急〔2025〕21号", "2025-05-30", "2025-06-03",
	 "website;bulletin;led;wechat", "",
	 "<p>今年6月是第24个全国“安全生产月”,主题为“人人讲安全、"
	 "个个会应急——查找身边安全隐患”。</p>",
	 KIND_NORMAL, 0, NULL, DS_PUBLISHED},
	{"政务公开", "沙县应急管理局2025年政府信息公开工作年度报告", "",
	 "2026-01-15", "2026-01-20", "website", "",
	 "<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>",
	 KIND_ANNUAL_REPORT, 0, NULL, DS_PUBLISHED},
	{"部门文件", "沙县应急管理局2026年应急物资储备计划(内部草稿)", "",
	 "", "", "website", "", "<p>草稿,尚未审核。</p>", KIND_NORMAL, 0,
	 NULL, DS_DRAFT},
	{"通知公告", "关于2026年度安全生产执法检查计划的公告(待审核)", "",
	 "", "", "website;bulletin", "", "<p>待保密审查。</p>", KIND_NORMAL,
	 0, NULL, DS_PENDING},
};

/* A one-page PDF, the attachment of the 2018 budget. */
static const char demo_pdf[] =
	"%PDF-1.4\n"
	"1 0 obj\n"
	"<< /Type /Catalog /Pages 2 0 R >>\n"
	"endobj\n"
	"2 0 obj\n"
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
	"endobj\n"
	"3 0 obj\n"
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
	"/Resources << /Font << /F1 5 0 R >> >> >>\n"
	"endobj\n"
	"4 0 obj\n"
	"<< /Length 61 >>\n"
	"stream\n"
	"BT /F1 18 Tf 72 760 Td (Shaxian 2018 department budget) Tj ET\n"
	"endstream\n"
	"endobj\n"
	"5 0 obj\n"
	"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\n"
	"endobj\n"
	"xref\n"
	"0 6\n"
	"0000000000 65535 f \n"
	"0000000009 00000 n \n"
	"0000000058 00000 n \n"
	"0000000115 00000 n \n"
	"0000000241 00000 n \n"
	"0000000352 00000 n \n"
	"trailer\n"
	"<< /Size 6 /Root 1 0 R >>\n"
	"startxref\n"
	"422\n"
	"%%EOF\n";

/* Moves item id of the organ on through the workflow as the system. */
static int demo_act(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, enum item_action a, const char *note,
		    const char *when, struct err *e)
{
	return item_act(st, who, 0, ROLE_ADMIN, organ_id, id, a, note, when,
			e);
}

/* Creates yjj_items for organ_id, in order (so serials follow dates). */
static int demo_items(store *st, const struct actor *who, int64_t organ_id,
		      struct err *e)
{
	int64_t ids[sizeof yjj_items / sizeof yjj_items[0]] = {0};
	for (size_t i = 0; i < sizeof yjj_items / sizeof yjj_items[0]; i++) {
		const struct demo_item *d = &yjj_items[i];
		struct category c;
		int rc = category_find(st, organ_id, d->category, &c, e);
		if (rc <= 0) {
			return rc < 0 ? -1
				      : err_set(e, ERR_INTERNAL,
						"demo: no category %s",
						d->category);
		}
		free(c.name);
		struct item it = {0};
		it.organ_id = organ_id;
		it.category_id = c.id;
		it.kind = d->kind;
		it.title = (char *)d->title;
		it.doc_no = (char *)d->doc_no;
		it.summary = (char *)d->summary;
		it.body = (char *)d->body;
		it.written_date = (char *)d->written;
		it.published_date = str_empty(d->published)
					    ? NULL
					    : xstrdup(d->published);
		it.interprets_id = d->interprets ? ids[d->interprets - 1] : 0;
		if (item_channels_parse("channels", d->channels, &it.channels,
					e)) {
			free(it.published_date);
			return -1;
		}
		rc = item_create(st, who, &it, d->state == DS_PUBLISHED ||
						      d->state == DS_WITHDRAWN,
				 e);
		free(it.published_date);
		free(it.index_no);
		if (rc) {
			return -1;
		}
		ids[i] = it.id;
		if ((d->abolish &&
		     demo_act(st, who, organ_id, it.id, ACT_ABOLISH, NULL,
			      d->abolish, e)) ||
		    (d->state == DS_PENDING &&
		     demo_act(st, who, organ_id, it.id, ACT_SUBMIT, NULL, NULL,
			      e)) ||
		    (d->state == DS_WITHDRAWN &&
		     demo_act(st, who, organ_id, it.id, ACT_WITHDRAW,
			      "名单有误,撤回核对。", NULL, e))) {
			return -1;
		}
	}
	/* The budget's tables as a PDF attachment. */
	const char *name = "2018年度部门预算公开表.pdf", *ctype;
	int64_t att;
	size_t n = sizeof demo_pdf - 1;
	if (item_attachment_check(name, demo_pdf, n, 1 << 20, &ctype, e) ||
	    attachment_add(st, who, ids[0], name, ctype, demo_pdf, n, &att,
			   e)) {
		return -1;
	}
	return 0;
}

/* Three applications of 2026 for 沙县应急管理局: answered, waiting for a
 * supplement, and one submitted online not yet confirmed. Dates are fixed
 * so the demo looks the same on any day. */
static int demo_applications(store *st, const struct actor *who,
			     int64_t organ_id, const char *organ_name,
			     struct err *e)
{
	static const struct {
		const char *name, *idno, *phone, *request, *date;
		enum app_channel ch;
	} apps[] = {
		{"陈某", "350427198805060012", "13905981234",
		 "2026年第一季度全县安全生产执法检查情况", "2026-03-02",
		 CHAN_IN_PERSON},
		{"林某", "350427199203150021", "13805985678",
		 "某化工企业的安全评价报告", "2026-10-12", CHAN_LETTER},
		{"王某", "350427197907080033", "13705989012",
		 "本局2026年应急物资采购合同", "2026-11-20", CHAN_ONLINE},
	};
	struct calendar cal = {0};
	if (holiday_load(st, &cal, e)) {
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sizeof apps / sizeof apps[0]; i++) {
		struct application a;
		app_init(&a);
		a.organ_id = organ_id;
		a.organ_name = xstrdup(organ_name);
		a.channel = apps[i].ch;
		a.kind = AK_NATURAL;
		a.delivery = DLV_PAPER;
		a.name = xstrdup(apps[i].name);
		a.id_type = xstrdup("id_card");
		a.id_number = xstrdup(apps[i].idno);
		a.phone = xstrdup(apps[i].phone);
		a.address = xstrdup("福建省三明市沙县区凤岗街道");
		a.request = xstrdup(apps[i].request);
		a.submitted_at = xstrdup(apps[i].date);
		date_parse(apps[i].date, &a.submitted);
		if (a.channel != CHAN_ONLINE) {
			a.received = a.submitted;
		}
		int64_t today;
		date_parse("2026-11-25", &today);
		struct app_env env = {&cal, today, 0, "", "", 1};
		rc = application_create(st, who, &a, &env, e);
		struct app_change c;
		memset(&c, 0, sizeof c);
		c.outcome = -1;
		if (rc == 0 && i == 0) {
			c.ev = EV_REPLY;
			date_parse("2026-03-20", &c.date);
			c.outcome = 0;
			c.text = "所申请信息已在本局政府信息公开专栏“安全监管”栏目"
				 "主动公开，可登录网站查阅，也可到本局查阅。";
			rc = application_act(st, who, 0, ROLE_CLERK, organ_id, a.id,
					     &c, &env, e);
		} else if (rc == 0 && i == 1) {
			c.ev = EV_SUPP_REQUEST;
			date_parse("2026-10-14", &c.date);
			date_parse("2026-12-31", &c.until);
			c.text = "请写明企业名称及报告的年份";
			rc = application_act(st, who, 0, ROLE_CLERK, organ_id, a.id,
					     &c, &env, e);
		}
		app_clear(&a);
	}
	cal_free(&cal);
	return rc;
}

/* The seed bureau's totals up to 2017 (its 2018 report: 1225 = 966 +
 * 259 items, 1078 = 819 + 259 on the website), as an admin would enter
 * them from the earlier reports. */
static int demo_baselines(store *st, const struct actor *who,
			  int64_t organ_id, struct err *e)
{
	static const struct {
		const char *metric;
		int64_t value;
	} rows[] = {
		{"items", 966}, {"items.website", 819}, {"items.gazette", 0},
	};
	struct metric_reg reg = {0};
	if (report_metric_reg(NULL, &reg, e)) {
		metric_reg_free(&reg);
		return -1;
	}
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct baseline b = {0};
		const char *field;
		b.organ_id = organ_id;
		b.metric = (char *)rows[i].metric;
		b.year = 2017;
		b.value = rows[i].value;
		b.source = "entered";
		b.origin = "admin";
		b.note = "2017年度政府信息公开工作年度报告";
		if (baseline_add(st, &reg, who, &b, 2017, &field, e)) {
			metric_reg_free(&reg);
			return -1;
		}
	}
	metric_reg_free(&reg);
	return 0;
}

/* 沙县应急管理局's other work of 2026: the kinds and figures of the seed
 * report (12345 referrals 2, online approvals 34, penalties 7 for 7
 * enterprises, interpretation events 39 and releases 10, materials
 * 70000, articles 49 to the county site and 71 in its own column), and
 * three public messages: one answered and public, one waiting, and one
 * waiting since July (past message_flag_months), whose asker did not
 * agree to publication. */
static int demo_activities(store *st, const struct actor *who,
			   int64_t organ_id, struct err *e)
{
	static const struct {
		const char *kind, *date, *title, *note, *reply, *reply_date;
		int64_t count;
	} acts[] = {
		{"hotline_referral", "2026-04-16",
		 "群众反映某企业夜间违规动火作业",
		 "12345平台转办,编号 SX20260416-031。",
		 "已会同凤岗街道现场核查,责令企业停止违规动火作业并整改,"
		 "群众对结果满意。",
		 "2026-04-22", 1},
		{"hotline_referral", "2026-08-05",
		 "反映城南加油站周边违规停放危化品运输车辆",
		 "12345平台转办,编号 SX20260805-112。",
		 "已通报交警部门联合检查,涉事车辆已驶离并纳入重点监管,"
		 "群众对结果满意。",
		 "2026-08-12", 1},
		{"online_approval", "2026-03-31", "第一季度网上审批事项", "", "",
		 NULL, 12},
		{"online_approval", "2026-06-30", "第二季度网上审批事项", "", "",
		 NULL, 10},
		{"online_approval", "2026-09-30", "第三季度网上审批事项", "", "",
		 NULL, 12},
		{"penalty", "2026-05-20", "安全生产执法处罚决定(3家企业)",
		 "已在“双随机、一公开”监管栏目公布。", "", NULL, 3},
		{"penalty", "2026-10-15", "安全生产执法处罚决定(4家企业)",
		 "已在“双随机、一公开”监管栏目公布。", "", NULL, 4},
		{"interpretation_event", "2026-05-10",
		 "《地方党政领导干部安全生产责任制规定》解读培训和宣传", "", "",
		 NULL, 15},
		{"interpretation_event", "2026-09-20",
		 "《生产安全事故应急条例》等解读培训和宣传活动", "", "", NULL,
		 24},
		{"interpretation_release", "2026-05-12",
		 "发布《地方党政领导干部安全生产责任制规定》解读信息", "", "",
		 NULL, 4},
		{"interpretation_release", "2026-09-22",
		 "发布应急管理政策解读信息", "", "", NULL, 6},
		{"materials", "2026-06-16", "“安全生产月”宣传材料",
		 "咨询日现场和企业发放。", "", NULL, 40000},
		{"materials", "2026-11-09", "“119消防宣传月”宣传材料", "", "",
		 NULL, 30000},
		{"article", "2026-11-20", "向县政府网站报送信息稿件", "", "",
		 NULL, 49},
		{"article", "2026-11-20", "在本局专栏发布信息稿件", "", "", NULL,
		 71},
	};
	static const struct {
		const char *date, *at, *name, *phone, *email, *title, *note;
		const char *reply, *reply_date;
		int consent;
	} msgs[] = {
		{"2026-09-03", "2026-09-03T01:30:00Z", "张某", "",
		 "zhang.mou@example.org", "城南危化品仓库是否纳入今年检查",
		 "城南工业园区有一处危化品仓库离居民区较近,请问今年是否"
		 "检查过?检查结果能否公开?",
		 "该仓库已列入2026年度重点检查名单,9月上旬已完成现场检查,"
		 "发现的两处隐患已督促企业整改完毕。执法检查结果将在本局"
		 "“双随机、一公开”栏目公布。",
		 "2026-09-10", 1},
		{"2026-11-18", "2026-11-18T07:12:00Z", "刘某", "13905987766", "",
		 "小区楼道电动车充电安全", "小区楼道里有人给电动车充电,"
		 "存在火灾隐患,应向哪个部门反映?", NULL, NULL, 1},
		{"2026-07-14", "2026-07-14T03:05:00Z", "黄某", "13805984433", "",
		 "企业安全培训证书查询", "请问企业主要负责人安全培训合格证"
		 "在哪里可以查询真伪?", NULL, NULL, 0},
	};
	int64_t today;
	date_parse("2026-11-25", &today);
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		struct activity a;
		const char *col;
		act_init(&a);
		a.organ_id = organ_id;
		a.kind = xstrdup(acts[i].kind);
		date_parse(acts[i].date, &a.date);
		a.count = acts[i].count;
		a.title = xstrdup(acts[i].title);
		a.note = xstrdup(acts[i].note);
		a.reply = xstrdup(acts[i].reply);
		if (acts[i].reply_date) {
			date_parse(acts[i].reply_date, &a.reply_date);
		}
		int rc = activity_create(st, who, &a, today, &col, e);
		act_clear(&a);
		if (rc) {
			return -1;
		}
	}
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		struct activity m;
		const char *col;
		act_init(&m);
		m.organ_id = organ_id;
		date_parse(msgs[i].date, &m.date);
		m.submitted_at = xstrdup(msgs[i].at);
		m.name = xstrdup(msgs[i].name);
		m.phone = xstrdup(msgs[i].phone);
		m.email = xstrdup(msgs[i].email);
		m.title = xstrdup(msgs[i].title);
		m.note = xstrdup(msgs[i].note);
		m.consent = msgs[i].consent;
		int64_t replied = 0;
		if (msgs[i].reply_date) {
			date_parse(msgs[i].reply_date, &replied);
		}
		int rc = message_create(st, who, &m, "", today, &col, e) ||
			 (msgs[i].reply &&
			  message_reply(st, who, organ_id, m.id, msgs[i].reply,
					replied, today, NULL, e));
		act_clear(&m);
		if (rc) {
			return -1;
		}
	}
	return 0;
}

/* Two cases against 沙县应急管理局: 陈某's review of the reply to his
 * application, upheld, and a company's lawsuit still pending. */
static int demo_cases(store *st, const struct actor *who, int64_t organ_id,
		      struct err *e)
{
	struct app_filter f;
	app_filter_init(&f);
	f.organ_id = organ_id;
	f.q = "陈某";
	struct application *apps = NULL;
	size_t na = 0;
	int64_t total = 0;
	if (application_list(st, &f, &apps, &na, &total, e)) {
		return -1;
	}
	const struct lawcase_input cases[] = {
		{"review", "upheld", "2026-04-13", "2026-06-05",
		 "沙政复决字〔2026〕7号", "沙县人民政府", "陈某",
		 "不服沙县应急管理局政府信息公开申请答复",
		 "复议机关认为答复认定事实清楚、程序合法,决定维持。",
		 na ? apps[0].tracking_code : ""},
		{"litigation_direct", "pending", "2026-11-10", "",
		 "(2026)闽0427行初15号", "三明市沙县区人民法院",
		 "某化工有限公司", "要求公开企业安全评价报告", "", ""},
	};
	int64_t today;
	date_parse("2026-11-25", &today);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sizeof cases / sizeof cases[0];
	     i++) {
		struct lawcase c = {0};
		c.organ_id = organ_id;
		rc = lawcase_check(&cases[i], today, &c, NULL, e) ||
				     lawcase_create(st, who, &c, e)
			     ? -1
			     : 0;
		lawcase_clear(&c);
	}
	application_list_free(apps, na);
	return rc;
}

int demo_fill(store *st, struct err *e)
{
	struct actor who = cli_actor();
	for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
		const struct demo_organ *d = &organs[i];
		struct organ o = {0};
		o.slug = xstrdup(d->slug);
		o.name = (char *)d->name;
		o.short_name = (char *)d->short_name;
		o.parent_name = (char *)d->parent;
		o.code = (char *)d->code;
		o.office = (char *)d->office;
		o.phone = (char *)d->phone;
		o.email = (char *)d->email;
		o.address = (char *)d->address;
		o.office_hours = "工作日 8:00-12:00,15:00-18:00";
		o.guide = (char *)(d->guide ? d->guide : "");
		int rc = organ_create(st, &who, &o, e);
		free(o.slug);
		if (rc) {
			return -1;
		}
		if (i == 0) {
			struct user a = {0};
			a.organ_id = o.id;
			a.login = "admin";
			a.display_name = "系统管理员";
			a.role = ROLE_ADMIN;
			if (user_create(st, &who, &a, DEMO_PASSWORD, e)) {
				return -1;
			}
		}
		struct user u = {0};
		u.organ_id = o.id;
		u.login = (char *)d->clerk;
		u.display_name = (char *)d->clerk_name;
		u.role = ROLE_CLERK;
		if (user_create(st, &who, &u, DEMO_PASSWORD, e)) {
			return -1;
		}
		if (strcmp(d->slug, "shaxian-yjj") == 0) {
			/* the bureau's assistant does the 保密审查 and the
			 * deputy director approves (the seed's set-up) */
			static const struct {
				const char *login, *name;
				enum role role;
			} more[] = {
				{"yjj-reviewer", "应急局审核人", ROLE_REVIEWER},
				{"yjj-leader", "应急局分管领导", ROLE_LEADER},
			};
			for (size_t k = 0; k < sizeof more / sizeof more[0];
			     k++) {
				struct user x = {0};
				x.organ_id = o.id;
				x.login = (char *)more[k].login;
				x.display_name = (char *)more[k].name;
				x.role = more[k].role;
				if (user_create(st, &who, &x, DEMO_PASSWORD,
						e)) {
					return -1;
				}
			}
			if (demo_items(st, &who, o.id, e) ||
			    demo_applications(st, &who, o.id, o.name, e) ||
			    demo_baselines(st, &who, o.id, e) ||
			    demo_cases(st, &who, o.id, e) ||
			    demo_activities(st, &who, o.id, e)) {
				return -1;
			}
		}
	}
	if (store_tx_begin(st, e) ||
	    store_config_set(st, "site_organ", "shaxian", e) ||
	    store_tx_commit(st, e)) {
		return -1;
	}
	printf("demo accounts (password %s):\n  admin       系统管理员\n",
	       DEMO_PASSWORD);
	for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
		printf("  %-11s 经办人, %s\n", organs[i].clerk,
		       organs[i].name);
	}
	printf("  %-11s 审核人, 沙县应急管理局\n  %-11s 分管领导, "
	       "沙县应急管理局\n",
	       "yjj-reviewer", "yjj-leader");
	return 0;
}
