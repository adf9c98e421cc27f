/*
 * activity.c - the kinds of activities and the checks of an entry and of
 * a public message (see activity.h).
 */
#include "domain/activity.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const struct act_kind act_builtins[] = {
	{"licence_decision", "行政许可决定", "件", ACT_MEASURE_COUNT, 0, 1},
	{"penalty", "行政处罚决定", "件", ACT_MEASURE_COUNT, 0, 1},
	{"coercion", "行政强制决定", "件", ACT_MEASURE_COUNT, 0, 1},
	{"fee_income", "行政事业性收费", "元", ACT_MEASURE_AMOUNT, 0, 1},
	{"complaint", "申诉/举报/投诉", "件", ACT_MEASURE_COUNT, 0, 1},
	{"hotline_referral", "12345热线转办件", "件", ACT_MEASURE_COUNT, 1, 1},
	{"online_approval", "网上审批事项", "件", ACT_MEASURE_COUNT, 0, 1},
	{"interpretation_event", "政策解读活动", "场", ACT_MEASURE_COUNT, 0, 1},
	{"interpretation_release", "发布解读信息", "条", ACT_MEASURE_COUNT, 0,
	 1},
	{"materials", "发放宣传材料", "份", ACT_MEASURE_COUNT, 0, 1},
	{"training", "培训", "场", ACT_MEASURE_COUNT, 0, 1},
	{"public_concern_response", "回应社会关切", "次", ACT_MEASURE_COUNT, 0,
	 1},
	{"press_conference", "新闻发布会", "场", ACT_MEASURE_COUNT, 0, 1},
	{"online_interview", "在线访谈", "场", ACT_MEASURE_COUNT, 0, 1},
	{"proposal_handled", "人大建议政协提案办理", "件", ACT_MEASURE_COUNT, 0,
	 1},
	{"article", "信息稿件", "篇", ACT_MEASURE_COUNT, 0, 1},
	/* the 2019 trial format's 第二十条 items: the number of matters
	 * (项目) an organ has, read on a date (activity.KIND.latest), the
	 * decisions on other matters, central procurement */
	{"licence_matter", "行政许可事项数", "项", ACT_MEASURE_COUNT, 0, 1},
	{"service_matter", "其他对外管理服务事项数", "项", ACT_MEASURE_COUNT, 0,
	 1},
	{"service_decision", "其他对外管理服务事项处理决定", "件",
	 ACT_MEASURE_COUNT, 0, 1},
	{"penalty_matter", "行政处罚事项数", "项", ACT_MEASURE_COUNT, 0, 1},
	{"coercion_matter", "行政强制事项数", "项", ACT_MEASURE_COUNT, 0, 1},
	{"fee_item", "行政事业性收费项目数", "项", ACT_MEASURE_COUNT, 0, 1},
	{"procurement", "政府集中采购", "元", ACT_MEASURE_AMOUNT, 0, 1},
	{ACT_MESSAGE, "网上留言", "条", ACT_MEASURE_COUNT, 1, 1},
};
const size_t act_nbuiltins = sizeof act_builtins / sizeof act_builtins[0];

const struct act_kind *act_builtin(const char *code)
{
	for (size_t i = 0; code && i < act_nbuiltins; i++) {
		if (strcmp(act_builtins[i].code, code) == 0) {
			return &act_builtins[i];
		}
	}
	return NULL;
}

int act_kind_check(const char *code, const char *label, struct err *e)
{
	size_t n = code ? strlen(code) : 0;
	if (n == 0) {
		return err_set(e, ERR_INPUT, "类型代码:必须填写");
	}
	if (n > 32 || !islower((unsigned char)code[0]) ||
	    strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") != n) {
		return err_set(e, ERR_INPUT,
			       "类型代码:须以小写字母开头，只含小写字母、数字和"
			       "下划线，最多 32 个字符");
	}
	if (act_builtin(code)) {
		return err_set(e, ERR_CONFLICT,
			       "类型代码:“%s”是内置类型，不能再添加", code);
	}
	if (ident_text("类型名称", label, 30, 1, e)) {
		return -1;
	}
	for (size_t i = 0; i < act_nbuiltins; i++) {
		if (strcmp(act_builtins[i].label, label) == 0) {
			return err_set(e, ERR_CONFLICT,
				       "类型名称:“%s”与内置类型重名", label);
		}
	}
	return 0;
}

const char *act_source_code(enum act_source s)
{
	switch (s) {
	case ACT_SRC_IMPORT: return "import";
	case ACT_SRC_PUBLIC: return "public";
	default: return "staff";
	}
}

void act_init(struct activity *a)
{
	memset(a, 0, sizeof *a);
	a->count = 1;
	a->amount_fen = -1;
	a->consent = 1;
}

void act_clear(struct activity *a)
{
	char **s[] = {&a->kind,	      &a->title, &a->note,  &a->reply,
		      &a->created_at, &a->updated_at, &a->code, &a->name,
		      &a->phone,      &a->email, &a->submitted_at};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		free(*s[i]);
	}
	act_init(a);
}

/*---- Numbers and dates ----*/

int act_amount_parse(const char *s, int64_t *fen, struct err *e)
{
	*fen = 0;
	while (s && *s == ' ') {
		s++;
	}
	size_t n = s ? strlen(s) : 0;
	while (n && s[n - 1] == ' ') {
		n--;
	}
	if (n == 0) {
		return err_set(e, ERR_INPUT, "金额:必须填写");
	}
	size_t ip = 0; /* digits before the point */
	while (ip < n && isdigit((unsigned char)s[ip])) {
		ip++;
	}
	size_t fp = 0; /* digits after it */
	int point = ip < n && s[ip] == '.';
	if (point) {
		while (ip + 1 + fp < n &&
		       isdigit((unsigned char)s[ip + 1 + fp])) {
			fp++;
		}
	}
	if (s[0] == '-') {
		return err_set(e, ERR_INPUT, "金额:不能为负数");
	}
	if (ip == 0 || ip + point + fp != n || (point && fp == 0)) {
		return err_set(e, ERR_INPUT,
			       "金额:“%.40s”不是有效的金额(以元为单位，"
			       "如 1234.50)",
			       s);
	}
	if (fp > 2) {
		return err_set(e, ERR_INPUT, "金额:最多保留两位小数(分)");
	}
	if (ip > 13) {
		return err_set(e, ERR_INPUT, "金额:数额过大");
	}
	int64_t v = 0;
	for (size_t i = 0; i < ip; i++) {
		v = v * 10 + (s[i] - '0');
	}
	int64_t cents = 0;
	for (size_t i = 0; i < 2; i++) {
		cents = cents * 10 + (i < fp ? s[ip + 1 + i] - '0' : 0);
	}
	*fen = v * 100 + cents;
	return 0;
}

void act_amount_format(int64_t fen, char out[32])
{
	snprintf(out, 32, "%s%lld.%02lld", fen < 0 ? "-" : "",
		 (long long)((fen < 0 ? -fen : fen) / 100),
		 (long long)((fen < 0 ? -fen : fen) % 100));
}

int act_count_parse(const char *s, int64_t *count, struct err *e)
{
	*count = 1;
	while (s && *s == ' ') {
		s++;
	}
	if (str_blank(s)) {
		return 0;
	}
	char *t = str_trim(xstrdup(s));
	int rc = 0;
	if (t[0] == '-' && str_to_i64(t + 1, 0, INT64_MAX, count) == 0) {
		rc = err_set(e, ERR_INPUT, "件数:不能为负数");
	} else if (str_to_i64(t, 0, 1000000000, count)) {
		rc = err_set(e, ERR_INPUT,
			     "件数:须为 0 到 1000000000 之间的整数");
	}
	free(t);
	if (rc) {
		*count = 1;
	}
	return rc;
}

int act_date_parse(const char *label, const char *s, int64_t *day,
		   struct err *e)
{
	*day = 0;
	if (str_blank(s)) {
		return 0;
	}
	if (date_parse(s, day)) {
		*day = 0;
		return err_set(e, ERR_INPUT,
			       "%s:“%.20s”不是有效日期(格式 YYYY-MM-DD)", label,
			       s);
	}
	return 0;
}

/*---- An entry ----*/

int act_check(const struct activity *a, const struct act_kind *k,
	      int64_t today, const char **column, struct err *e)
{
	*column = "date";
	if (!a->date) {
		return err_set(e, ERR_INPUT, "日期:必须填写");
	}
	if (a->date > today) {
		return err_set(e, ERR_INPUT, "日期:不能晚于今天");
	}
	*column = "count";
	if (a->count < 0) {
		return err_set(e, ERR_INPUT, "件数:不能为负数");
	}
	*column = "amount";
	if (k->measure == ACT_MEASURE_AMOUNT && a->amount_fen < 0) {
		return err_set(e, ERR_INPUT, "金额:%s须填写金额(元)", k->label);
	}
	if (k->measure == ACT_MEASURE_COUNT && a->amount_fen >= 0) {
		return err_set(e, ERR_INPUT, "金额:%s只记件数，不填金额",
			       k->label);
	}
	*column = "title";
	if (ident_text("标题", a->title, 200, 0, e)) {
		return -1;
	}
	*column = "note";
	if (ident_para("说明", a->note, 5000, e)) {
		return -1;
	}
	int has_reply = !str_blank(a->reply);
	*column = "reply";
	if (ident_para("答复", a->reply, 5000, e)) {
		return -1;
	}
	if (!k->has_reply && (has_reply || a->reply_date)) {
		*column = has_reply ? "reply" : "reply_date";
		return err_set(e, ERR_INPUT,
			       "答复:%s没有答复，不填答复和答复日期", k->label);
	}
	*column = "reply_date";
	if (a->reply_date && !has_reply) {
		return err_set(e, ERR_INPUT,
			       "答复日期:填写了答复日期，但没有答复内容");
	}
	if (has_reply && !a->reply_date) {
		return err_set(e, ERR_INPUT,
			       "答复日期:有答复时必须填写答复日期");
	}
	if (a->reply_date && a->reply_date < a->date) {
		return err_set(e, ERR_INPUT, "答复日期:不能早于日期");
	}
	if (a->reply_date > today) {
		return err_set(e, ERR_INPUT, "答复日期:不能晚于今天");
	}
	return 0;
}

/*---- Public messages ----*/

int act_message_check(const struct activity *m, const char **column,
		      struct err *e)
{
	*column = "name";
	if (ident_text("姓名", m->name, 50, 1, e)) {
		return -1;
	}
	*column = "phone";
	if (str_blank(m->phone) && str_blank(m->email)) {
		return err_set(e, ERR_INPUT,
			       "联系电话:联系电话和电子邮箱至少填写一项");
	}
	if (ident_phone(m->phone, e)) {
		return err_set(e, ERR_INPUT,
			       "联系电话:只能包含数字、空格和 + - ( )，"
			       "最多 40 位");
	}
	*column = "email";
	if (ident_email(m->email, e)) {
		return err_set(e, ERR_INPUT, "电子邮箱:格式不正确");
	}
	*column = "subject";
	if (ident_text("留言标题", m->title, 100, 1, e)) {
		return -1;
	}
	*column = "question";
	if (str_blank(m->note)) {
		return err_set(e, ERR_INPUT, "留言内容:必须填写");
	}
	if (ident_para("留言内容", m->note, 2000, e)) {
		return -1;
	}
	return 0;
}

int64_t act_flag_before(int64_t today, int months)
{
	int y, m, d;
	date_civil(today, &y, &m, &d);
	int total = y * 12 + (m - 1) - months;
	y = total / 12;
	m = total % 12 + 1;
	while (d > 28 && !date_valid(y, m, d)) {
		d--;
	}
	return date_days(y, m, d);
}

void act_message_notice(const struct activity *m, const char *organ_name,
			const char *base_url, Buf *subject, Buf *body)
{
	char d[11];
	date_format(m->reply_date, d);
	buf_printf(subject, "【%s】已答复您的留言", organ_name);
	buf_printf(body,
		   "%s：\n\n您的留言“%s”已于 %s 得到答复：\n\n%s\n\n"
		   "留言查询码：%s\n",
		   str_empty(m->name) ? "您好" : m->name,
		   m->title ? m->title : "", d, m->reply ? m->reply : "",
		   m->code ? m->code : "");
	if (!str_empty(base_url)) {
		buf_printf(body, "查询留言：%s/messages/status\n", base_url);
	}
	buf_printf(body,
		   "\n%s\n（本邮件由政府信息公开平台自动发送，请勿直接回复）"
		   "\n",
		   organ_name);
}
