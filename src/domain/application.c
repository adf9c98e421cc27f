/*
 * application.c - vocabularies, field checks and the event rules of
 * disclosure on application (see application.h).
 */
#include "domain/application.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"

#include <stdio.h>
#include <string.h>

int vocab_parse(const struct vocab *v, size_t n, const char *field,
		const char *s, struct err *e)
{
	for (size_t i = 0; s && i < n; i++) {
		if (!strcmp(v[i].code, s)) {
			return (int)i;
		}
	}
	char list[200] = "";
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof list; i++) {
		k += (size_t)snprintf(list + k, sizeof list - k, "%s%s",
				      i ? "|" : "", v[i].code);
	}
	err_set(e, ERR_INPUT, "%s: 无效的值“%.60s”，可选 %s", field,
		s ? s : "", list);
	return -1;
}

const struct vocab app_channels[CHAN_COUNT] = {
	{"in_person", "当面提交"}, {"online", "网上申请"},
	{"letter", "信函"},	    {"fax", "传真"},
	{"email", "电子邮件"},
};

const struct vocab app_kinds[AK_COUNT] = {
	{"natural", "自然人"},
	{"commercial", "商业企业"},
	{"research", "科研机构"},
	{"public_interest", "社会公益组织"},
	{"legal_service", "法律服务机构"},
	{"other", "其他"},
};

const struct vocab app_id_types[] = {
	{"id_card", "居民身份证"},
	{"passport", "护照"},
	{"hk_macau_pass", "港澳居民来往内地通行证"},
	{"taiwan_pass", "台湾居民来往大陆通行证"},
	{"foreign_pr", "外国人永久居留身份证"},
	{"credit_code", "统一社会信用代码证书"},
	{"business_licence", "营业执照"},
	{"org_other", "其他组织证明文件"},
};
const size_t app_nid_types = sizeof app_id_types / sizeof app_id_types[0];

const struct vocab app_deliveries[DLV_COUNT] = {
	{"paper", "纸质文本"},
	{"email", "电子邮件"},
	{"electronic", "电子数据（光盘、U盘等）"},
	{"onsite", "当场查阅、抄录"},
};

const struct vocab app_statuses[AS_COUNT] = {
	{"awaiting_receipt", "待确认收到"}, {"open", "办理中"},
	{"supplement", "待补正"},	     {"consulting", "征求意见中"},
	{"fee", "待缴费"},		     {"closed", "已答复"},
};

const struct vocab outcome_families[OF_COUNT] = {
	{"disclosed", "予以公开"},	  {"partial", "部分公开"},
	{"withheld", "不予公开"},	  {"unavailable", "无法提供"},
	{"not_processed", "不予处理"}, {"other", "其他处理"},
};

#define A36 "《中华人民共和国政府信息公开条例》"
const struct outcome app_outcomes[] = {
	{"disclosed", "予以公开", OF_DISCLOSED,
	 A36 "第三十六条第（一）项、第（二）项", 0},
	{"partial", "部分公开", OF_PARTIAL,
	 A36 "第三十六条第（三）项、第三十七条", 1},
	{"withheld.state_secret", "属于国家秘密", OF_WITHHELD,
	 A36 "第十四条、第三十六条第（三）项", 1},
	{"withheld.law_prohibited", "其他法律行政法规禁止公开", OF_WITHHELD,
	 A36 "第十四条、第三十六条第（三）项", 1},
	{"withheld.security_stability", "危及“三安全一稳定”", OF_WITHHELD,
	 A36 "第十四条、第三十六条第（三）项", 1},
	{"withheld.third_party", "保护第三方合法权益", OF_WITHHELD,
	 A36 "第十五条、第三十二条、第三十六条第（三）项", 1},
	{"withheld.internal_affairs", "属于三类内部事务信息", OF_WITHHELD,
	 A36 "第十六条第一款、第三十六条第（三）项", 1},
	{"withheld.process_info", "属于四类过程性信息", OF_WITHHELD,
	 A36 "第十六条第二款、第三十六条第（三）项", 1},
	{"withheld.enforcement_file", "属于行政执法案卷", OF_WITHHELD,
	 A36 "第十六条第二款、第三十六条第（三）项", 1},
	{"withheld.query_matter", "属于行政查询事项", OF_WITHHELD,
	 A36 "第三十六条第（七）项", 1},
	{"unavailable.not_held", "本机关不掌握相关政府信息", OF_UNAVAILABLE,
	 A36 "第三十六条第（四）项、第（五）项", 1},
	{"unavailable.needs_creation", "没有现成信息需要另行制作",
	 OF_UNAVAILABLE, A36 "第三十八条", 1},
	{"unavailable.unclear", "补正后申请内容仍不明确", OF_UNAVAILABLE,
	 A36 "第三十条", 1},
	{"not_processed.petition", "信访举报投诉类申请", OF_NOT_PROCESSED,
	 A36 "第三十九条第一款", 1},
	{"not_processed.duplicate", "重复申请", OF_NOT_PROCESSED,
	 A36 "第三十六条第（六）项", 1},
	{"not_processed.publication", "要求提供公开出版物", OF_NOT_PROCESSED,
	 A36 "第三十九条第二款", 1},
	{"not_processed.excessive", "无正当理由大量反复申请",
	 OF_NOT_PROCESSED, A36 "第三十五条", 1},
	{"not_processed.confirmation", "要求行政机关确认或重新出具已获取信息",
	 OF_NOT_PROCESSED, A36 "第三十六条第（六）项、第三十八条", 1},
	{"other.no_supplement",
	 "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	 OF_OTHER, A36 "第三十条", 0},
	{"other.fee_unpaid",
	 "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	 OF_OTHER, A36 "第四十二条", 0},
	{"other.other", "其他", OF_OTHER, A36 "第三十六条", 1},
};
const size_t app_noutcomes = sizeof app_outcomes / sizeof app_outcomes[0];

int app_outcome_parse(const char *s, struct err *e)
{
	for (size_t i = 0; s && i < app_noutcomes; i++) {
		if (!strcmp(app_outcomes[i].code, s)) {
			return (int)i;
		}
	}
	err_set(e, ERR_INPUT,
		"outcome: 无效的办理结果“%.60s”（见 DESIGN.md §6 的结果代码，"
		"如 disclosed、partial、withheld.state_secret）",
		s ? s : "");
	return -1;
}

const struct vocab consult_kinds[CONSULT_COUNT] = {
	{"third_party", "征求第三方意见"},
	{"organ", "征求其他机关意见"},
};

const struct vocab fee_methods[FEE_METHOD_COUNT] = {
	{"", "不收费"},
	{"item", "按件计收"},
	{"volume", "按量计收"},
};

const struct vocab app_events[EV_COUNT] = {
	{"receive", "确认收到申请"},
	{"supplement_request", "告知补正"},
	{"supplement_receive", "收到补正"},
	{"consult_start", "发出征求意见"},
	{"consult_end", "收到意见"},
	{"extend", "延长答复期限"},
	{"fee_notice", "发出收费通知"},
	{"fee_paid", "收到缴费"},
	{"reply", "作出答复"},
	{"deliver", "送达"},
	{"note", "备注"},
};

void app_init(struct application *a)
{
	memset(a, 0, sizeof *a);
	a->outcome = -1;
}

void app_clear(struct application *a)
{
	char **s[] = {&a->organ_slug,	  &a->organ_name, &a->tracking_code,
		      &a->name,		  &a->id_type,	  &a->id_number,
		      &a->legal_rep,	  &a->contact_person,
		      &a->phone,	  &a->email,	  &a->address,
		      &a->postcode,	  &a->request,	  &a->doc_no,
		      &a->purpose,	  &a->submitted_at, &a->supp_note,
		      &a->ext_reason,	  &a->reply_text, &a->delivered_how,
		      &a->created_at,	  &a->updated_at};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		free(*s[i]);
	}
	for (size_t i = 0; i < a->nconsults; i++) {
		free(a->consults[i].party);
		free(a->consults[i].note);
	}
	free(a->consults);
	app_init(a);
}

int app_check(const struct application *a, struct err *e)
{
	if ((unsigned)a->channel >= CHAN_COUNT ||
	    (unsigned)a->kind >= AK_COUNT ||
	    (unsigned)a->delivery >= DLV_COUNT) {
		return err_set(e, ERR_INPUT, "申请方式、申请人类型或获取方式无效");
	}
	int natural = a->kind == AK_NATURAL;
	if (ident_text(natural ? "姓名" : "名称", a->name, 100, 1, e) ||
	    ident_text("证件号码", a->id_number, 40, 0, e) ||
	    ident_text("法定代表人", a->legal_rep, 50, 0, e) ||
	    ident_text("联系人", a->contact_person, 50, 0, e) ||
	    ident_phone(a->phone, e) || ident_email(a->email, e) ||
	    ident_text("通信地址", a->address, 200, 0, e) ||
	    ident_text("邮政编码", a->postcode, 10, 0, e) ||
	    ident_para("所需信息的内容描述", a->request, 5000, e) ||
	    ident_text("文件名称、文号", a->doc_no, 200, 0, e) ||
	    ident_para("用途", a->purpose, 1000, e)) {
		return -1;
	}
	if (!str_empty(a->id_type)) {
		int k = vocab_parse(app_id_types, app_nid_types, "证件类型",
				    a->id_type, e);
		if (k < 0) {
			return -1;
		}
		if (str_blank(a->id_number)) {
			return err_set(e, ERR_INPUT, "证件号码:必须填写");
		}
	}
	if (natural && (str_empty(a->id_type) || str_blank(a->id_number))) {
		return err_set(e, ERR_INPUT,
			       "身份证明:自然人申请须填写证件类型和证件号码"
			       "（条例第二十九条）");
	}
	if (!natural && str_blank(a->contact_person) &&
	    str_blank(a->legal_rep)) {
		return err_set(e, ERR_INPUT,
			       "联系人:法人或其他组织申请须填写法定代表人"
			       "或联系人");
	}
	if (str_blank(a->phone) && str_blank(a->email) &&
	    str_blank(a->address)) {
		return err_set(e, ERR_INPUT,
			       "联系方式:联系电话、电子邮箱、通信地址至少"
			       "填写一项");
	}
	if (str_blank(a->request)) {
		return err_set(e, ERR_INPUT,
			       "所需信息的内容描述:必须填写（条例第二十九条）");
	}
	if (a->delivery == DLV_EMAIL && str_blank(a->email)) {
		return err_set(e, ERR_INPUT,
			       "电子邮箱:选择以电子邮件获取信息时必须填写");
	}
	if (a->delivery == DLV_PAPER && str_blank(a->address)) {
		return err_set(e, ERR_INPUT,
			       "通信地址:选择纸质文本时须填写邮寄地址");
	}
	return 0;
}

enum app_status app_derive_status(const struct application *a)
{
	if (a->outcome >= 0) {
		return AS_CLOSED;
	}
	if (!a->received) {
		return AS_AWAITING_RECEIPT;
	}
	if (a->supp_requested && !a->supp_received) {
		return AS_SUPPLEMENT;
	}
	for (size_t i = 0; i < a->nconsults; i++) {
		if (!a->consults[i].ended) {
			return AS_CONSULTING;
		}
	}
	if (a->fee_notice && !a->fee_paid) {
		return AS_FEE;
	}
	return AS_OPEN;
}

static int conflict(struct err *e, const char *msg)
{
	return err_set(e, ERR_CONFLICT, "%s", msg);
}

static const char *day_str(int64_t d, char out[11])
{
	date_format(d, out);
	return out;
}

/* The common date rules: a date is given, not after today, and not
 * before `floor` (what it must follow, named by what). */
static int check_date(int64_t d, int64_t today, int64_t floor,
		      const char *what, const char *floorname, struct err *e)
{
	char a[11], b[11];
	if (!d) {
		return err_set(e, ERR_INPUT, "%s:请填写日期 YYYY-MM-DD", what);
	}
	if (d > today) {
		return err_set(e, ERR_INPUT, "%s:%s 晚于今天", what,
			       day_str(d, a));
	}
	if (floor && d < floor) {
		return err_set(e, ERR_INPUT, "%s:%s 早于%s（%s）", what,
			       day_str(d, a), floorname, day_str(floor, b));
	}
	return 0;
}

/* The latest day the clock (re)started: receipt or supplement. */
static int64_t clock_start(const struct application *a)
{
	return a->supp_received ? a->supp_received : a->received;
}

static int check_open(const struct application *a, struct err *e)
{
	if (a->outcome >= 0) {
		return conflict(e, "该申请已经答复办结");
	}
	if (!a->received) {
		return conflict(e, "请先确认收到申请（签收）");
	}
	return 0;
}

static int ev_supplement(struct application *a, const struct app_change *c,
			 int64_t today, struct err *e)
{
	char s[11];
	if (c->ev == EV_SUPP_REQUEST) {
		if (check_open(a, e)) {
			return -1;
		}
		if (a->supp_requested) {
			return conflict(e, "补正只能一次性告知（条例第三十条），"
					   "本申请已告知过补正");
		}
		if (a->nconsults) {
			return conflict(e, "已在征求意见，不能再告知补正");
		}
		if (check_date(c->date, today, a->received, "告知补正日期",
			       "收到申请之日", e)) {
			return -1;
		}
		if (c->until <= c->date) {
			return err_set(e, ERR_INPUT,
				       "补正期限:须晚于告知补正日期 %s",
				       day_str(c->date, s));
		}
		if (str_blank(c->text)) {
			return err_set(e, ERR_INPUT,
				       "需要补正的事项:必须填写（条例第三十条"
				       "要求说明需要补正的事项）");
		}
		if (ident_para("需要补正的事项", c->text, 2000, e)) {
			return -1;
		}
		a->supp_requested = c->date;
		a->supp_deadline = c->until;
		free(a->supp_note);
		a->supp_note = xstrdup(c->text);
		return 0;
	}
	if (a->outcome >= 0) {
		return conflict(e, "该申请已经答复办结");
	}
	if (!a->supp_requested || a->supp_received) {
		return conflict(e, a->supp_received ? "已经登记过收到补正"
						    : "没有告知补正，无需登记补正");
	}
	if (check_date(c->date, today, a->supp_requested, "收到补正日期",
		       "告知补正日期", e)) {
		return -1;
	}
	a->supp_received = c->date;
	return 0;
}

static int ev_consult(struct application *a, const struct app_change *c,
		      int64_t today, struct err *e)
{
	if (check_open(a, e)) {
		return -1;
	}
	if (c->ev == EV_CONSULT_START) {
		if (a->supp_requested && !a->supp_received) {
			return conflict(e, "正在等待补正，收到补正后再征求意见");
		}
		if ((unsigned)c->consult_kind >= CONSULT_COUNT) {
			return err_set(e, ERR_INPUT, "征求意见的对象类型无效");
		}
		if (check_date(c->date, today, clock_start(a), "发出征求意见日期",
			       "答复期限起算之日", e) ||
		    ident_text("被征求意见方", c->text, 100, 1, e)) {
			return -1;
		}
		a->consults = xrealloc(a->consults, (a->nconsults + 1) *
							    sizeof *a->consults);
		struct consultation *k = &a->consults[a->nconsults++];
		memset(k, 0, sizeof *k);
		k->kind = c->consult_kind;
		k->party = xstrdup(c->text);
		k->note = xstrdup("");
		k->started = c->date;
		return 0;
	}
	for (size_t i = 0; i < a->nconsults; i++) {
		struct consultation *k = &a->consults[i];
		if (k->id != c->consult_id) {
			continue;
		}
		if (k->ended) {
			return conflict(e, "这次征求意见已经登记过结束");
		}
		if (check_date(c->date, today, k->started, "收到意见日期",
			       "发出征求意见日期", e)) {
			return -1;
		}
		k->ended = c->date;
		return 0;
	}
	return err_set(e, ERR_NOTFOUND, "没有这次征求意见");
}

static int ev_extend(struct application *a, const struct app_change *c,
		     enum role role, int64_t today, struct err *e)
{
	char s[11];
	if (check_open(a, e)) {
		return -1;
	}
	if (role == ROLE_CLERK) {
		return err_set(e, ERR_DENIED,
			       "延长答复期限须经政府信息公开工作机构负责人同意"
			       "（条例第三十三条），请由审核人或分管领导登记");
	}
	if (a->ext_days) {
		return conflict(e, "答复期限只能延长一次");
	}
	if (c->days < 1 || c->days > 20) {
		return err_set(e, ERR_INPUT,
			       "延长天数:须为 1 至 20 个工作日（条例第三十三条）");
	}
	if (check_date(c->date, today, clock_start(a), "同意延长日期",
		       "答复期限起算之日", e)) {
		return -1;
	}
	if (a->due && c->date > a->due) {
		return err_set(e, ERR_CONFLICT,
			       "答复期限已于 %s 届满，不能再延长",
			       day_str(a->due, s));
	}
	if (str_blank(c->text) || ident_para("延长理由", c->text, 1000, e)) {
		return str_blank(c->text)
			       ? err_set(e, ERR_INPUT, "延长理由:必须填写")
			       : -1;
	}
	a->ext_days = c->days;
	a->ext_date = c->date;
	free(a->ext_reason);
	a->ext_reason = xstrdup(c->text);
	return 0;
}

static int ev_fee(struct application *a, const struct app_change *c,
		  int64_t today, struct err *e)
{
	if (c->ev == EV_FEE_NOTICE) {
		if (check_open(a, e)) {
			return -1;
		}
		if (a->fee_notice) {
			return conflict(e, "已经发出过收费通知");
		}
		if (c->fee_method != FEE_BY_ITEM &&
		    c->fee_method != FEE_BY_VOLUME) {
			return err_set(e, ERR_INPUT,
				       "计费方式:须为按件计收或按量计收");
		}
		if (c->units < 1 || c->units > 100000) {
			return err_set(e, ERR_INPUT, "%s:须为 1 至 100000",
				       c->fee_method == FEE_BY_ITEM ? "件数"
								  : "页数");
		}
		if (c->fee_amount <= 0) {
			return err_set(e, ERR_INPUT,
				       "按收费标准本申请不收费（未超过免费额度），"
				       "无需发出收费通知");
		}
		if (check_date(c->date, today, a->received, "收费通知日期",
			       "收到申请之日", e)) {
			return -1;
		}
		if (c->until <= c->date) {
			return err_set(e, ERR_INPUT, "缴费期限:须晚于通知日期");
		}
		a->fee_method = c->fee_method;
		a->fee_units = c->units;
		a->fee_amount = c->fee_amount;
		a->fee_notice = c->date;
		a->fee_deadline = c->until;
		return 0;
	}
	if (a->outcome >= 0) {
		return conflict(e, "该申请已经答复办结");
	}
	if (!a->fee_notice || a->fee_paid) {
		return conflict(e, a->fee_paid ? "已经登记过缴费"
					       : "没有发出收费通知");
	}
	if (check_date(c->date, today, a->fee_notice, "缴费日期",
		       "收费通知日期", e)) {
		return -1;
	}
	a->fee_paid = c->date;
	return 0;
}

static int ev_reply(struct application *a, const struct app_change *c,
		    int64_t today, struct err *e)
{
	char s[11];
	if (check_open(a, e)) {
		return -1;
	}
	if (c->outcome < 0 || (size_t)c->outcome >= app_noutcomes) {
		return err_set(e, ERR_INPUT, "办理结果:请选择办理结果");
	}
	const struct outcome *o = &app_outcomes[c->outcome];
	int waiting_supp = a->supp_requested && !a->supp_received;
	if (!strcmp(o->code, "other.no_supplement")) {
		if (!waiting_supp) {
			return conflict(e, "只有告知补正后未收到补正的申请才能以"
					   "“逾期不补正”办结");
		}
		if (c->date <= a->supp_deadline) {
			return err_set(e, ERR_CONFLICT,
				       "补正期限 %s 尚未届满",
				       day_str(a->supp_deadline, s));
		}
	} else if (waiting_supp) {
		return conflict(e, "正在等待补正：收到补正后再答复，或补正期限"
				   "届满后以“逾期不补正”办结");
	}
	if (!strcmp(o->code, "other.fee_unpaid")) {
		if (!a->fee_notice || a->fee_paid) {
			return conflict(e, "只有发出收费通知且未缴费的申请才能以"
					   "“逾期未缴费”办结");
		}
		if (c->date <= a->fee_deadline) {
			return err_set(e, ERR_CONFLICT,
				       "缴费期限 %s 尚未届满",
				       day_str(a->fee_deadline, s));
		}
	}
	for (size_t i = 0; i < a->nconsults; i++) {
		if (!a->consults[i].ended) {
			return conflict(e, "仍在征求意见：请先登记收到意见（或"
					   "期限届满）再答复");
		}
	}
	int64_t floor = clock_start(a);
	for (size_t i = 0; i < a->nconsults; i++) {
		if (a->consults[i].ended > floor) {
			floor = a->consults[i].ended;
		}
	}
	if (check_date(c->date, today, floor, "答复日期",
		       a->supp_received	 ? "收到补正之日"
		       : a->nconsults ? "收到意见之日"
				      : "收到申请之日",
		       e)) {
		return -1;
	}
	if (ident_para("答复内容", c->text, 20000, e)) {
		return -1;
	}
	if (o->needs_reason && str_blank(c->text)) {
		return err_set(e, ERR_INPUT,
			       "答复内容:“%s”须写明理由（条例第三十六条）",
			       o->label);
	}
	a->outcome = c->outcome;
	a->replied = c->date;
	free(a->reply_text);
	a->reply_text = xstrdup(c->text ? c->text : "");
	return 0;
}

int app_apply(struct application *a, const struct app_change *c,
	      enum role role, int64_t today, struct err *e)
{
	switch (c->ev) {
	case EV_RECEIVE:
		if (a->received) {
			return conflict(e, "已经确认收到");
		}
		if (check_date(c->date, today, a->submitted, "收到申请日期",
			       "提交日期", e)) {
			return -1;
		}
		a->received = c->date;
		return 0;
	case EV_SUPP_REQUEST:
	case EV_SUPP_RECEIVE:
		return ev_supplement(a, c, today, e);
	case EV_CONSULT_START:
	case EV_CONSULT_END:
		return ev_consult(a, c, today, e);
	case EV_EXTEND:
		return ev_extend(a, c, role, today, e);
	case EV_FEE_NOTICE:
	case EV_FEE_PAID:
		return ev_fee(a, c, today, e);
	case EV_REPLY:
		return ev_reply(a, c, today, e);
	case EV_DELIVER:
		if (a->outcome < 0) {
			return conflict(e, "尚未答复，不能登记送达");
		}
		if (a->delivered) {
			return conflict(e, "已经登记过送达");
		}
		if (check_date(c->date, today, a->replied, "送达日期",
			       "答复日期", e) ||
		    ident_text("送达方式", c->text, 100, 1, e)) {
			return -1;
		}
		a->delivered = c->date;
		free(a->delivered_how);
		a->delivered_how = xstrdup(c->text);
		return 0;
	case EV_NOTE:
		if (str_blank(c->text)) {
			return err_set(e, ERR_INPUT, "备注:必须填写");
		}
		return ident_para("备注", c->text, 2000, e);
	case EV_COUNT:
		break;
	}
	return err_set(e, ERR_INPUT, "未知的办理事项");
}

void app_change_describe(const struct application *a,
			 const struct app_change *c, Buf *out)
{
	char d[11], u[11];
	date_format(c->date, d);
	date_format(c->until, u);
	switch (c->ev) {
	case EV_RECEIVE:
		buf_printf(out, "确认收到申请，收到申请之日为 %s", d);
		break;
	case EV_SUPP_REQUEST:
		buf_printf(out, "%s 告知补正，补正期限至 %s：%s", d, u, c->text);
		break;
	case EV_SUPP_RECEIVE:
		buf_printf(out, "%s 收到补正，答复期限自该日重新计算", d);
		break;
	case EV_CONSULT_START:
		buf_printf(out, "%s %s：%s", d,
			   consult_kinds[c->consult_kind].label, c->text);
		break;
	case EV_CONSULT_END:
		buf_printf(out, "%s 收到意见（征求意见结束）", d);
		break;
	case EV_EXTEND:
		buf_printf(out, "%s 经同意延长答复期限 %d 个工作日：%s", d,
			   c->days, c->text);
		break;
	case EV_FEE_NOTICE:
		buf_printf(out, "%s 发出收费通知（%s %d%s，%lld 元），缴费期限至 %s",
			   d, fee_methods[c->fee_method].label, c->units,
			   c->fee_method == FEE_BY_ITEM ? " 件" : " 页",
			   (long long)c->fee_amount, u);
		break;
	case EV_FEE_PAID:
		buf_printf(out, "%s 收到缴费", d);
		break;
	case EV_REPLY:
		buf_printf(out, "%s 作出答复：%s", d,
			   c->outcome >= 0 ? app_outcomes[c->outcome].label
					   : "");
		break;
	case EV_DELIVER:
		buf_printf(out, "%s 送达（%s）", d, c->text);
		break;
	case EV_NOTE:
		buf_printf(out, "%s", c->text);
		break;
	case EV_COUNT:
		break;
	}
	(void)a;
}
