/*
 * notice.c - the texts of the e-mails gongkai sends about applications:
 * notices to the applicant (receipt, 补正, extension, fee, reply) and
 * due-date reminders to staff (see application.h).
 */
#include "domain/application.h"

#include "base/date.h"
#include "base/str.h"

static void footer(const struct application *a, const char *base_url,
		   Buf *body)
{
	buf_printf(body, "\n申请编号（查询码）：%s\n", a->tracking_code);
	if (!str_empty(base_url)) {
		buf_printf(body, "办理进度查询：%s/apply/status\n", base_url);
	}
	buf_printf(body, "\n%s\n（本邮件由政府信息公开平台自动发送，请勿直接回复）\n",
		   a->organ_name ? a->organ_name : "");
}

int app_notice(const struct application *a, int ev, int64_t due,
	       const char *base_url, Buf *subject, Buf *body)
{
	char d1[11], d2[11];
	const char *organ = a->organ_name ? a->organ_name : "";
	switch (ev) {
	case EV_COUNT:
		buf_printf(subject, "【%s】已收到您的政府信息公开申请", organ);
		buf_printf(body,
			   "%s：\n\n您的政府信息公开申请已提交（%s）。",
			   a->name, app_channels[a->channel].label);
		if (a->received) {
			buf_printf(body,
				   "收到申请之日为 %s，本机关将在 %s 前答复。\n",
				   (date_format(a->received, d1), d1),
				   due ? (date_format(due, d2), d2) : "法定期限内");
		} else {
			buf_printf(body,
				   "工作人员确认收到后，将另行告知收到申请之日"
				   "（《政府信息公开条例》第三十一条），答复期限"
				   "自该日起计算。\n");
		}
		break;
	case EV_RECEIVE:
		date_format(a->received, d1);
		buf_printf(subject, "【%s】确认收到您的政府信息公开申请", organ);
		buf_printf(body,
			   "%s：\n\n本机关已确认收到您的政府信息公开申请，收到申请"
			   "之日为 %s（《政府信息公开条例》第三十一条）。",
			   a->name, d1);
		if (due) {
			date_format(due, d2);
			buf_printf(body, "本机关将在 %s 前答复。", d2);
		}
		buf_puts(body, "\n");
		break;
	case EV_SUPP_REQUEST:
		date_format(a->supp_deadline, d1);
		buf_printf(subject, "【%s】政府信息公开申请补正告知", organ);
		buf_printf(body,
			   "%s：\n\n您的政府信息公开申请内容不够明确，请补正以下"
			   "事项：\n%s\n\n请于 %s 前补正。答复期限自本机关收到"
			   "补正之日起计算；无正当理由逾期不补正的，视为放弃申请"
			   "（《政府信息公开条例》第三十条）。\n",
			   a->name, a->supp_note, d1);
		break;
	case EV_EXTEND:
		buf_printf(subject, "【%s】延长答复期限告知", organ);
		buf_printf(body,
			   "%s：\n\n因%s，经本机关政府信息公开工作机构负责人同意，"
			   "您的政府信息公开申请的答复期限延长 %d 个工作日",
			   a->name, a->ext_reason, a->ext_days);
		if (due) {
			date_format(due, d1);
			buf_printf(body, "，至 %s", d1);
		}
		buf_puts(body, "（《政府信息公开条例》第三十三条）。\n");
		break;
	case EV_FEE_NOTICE:
		date_format(a->fee_deadline, d1);
		buf_printf(subject, "【%s】信息处理费收费通知", organ);
		buf_printf(body,
			   "%s：\n\n根据《政府信息公开条例》第四十二条和《政府"
			   "信息公开信息处理费管理办法》，您的申请应缴纳信息"
			   "处理费 %lld 元（%s，%d %s）。请于 %s 前缴纳；逾期"
			   "未缴纳的，本机关不再处理该申请。\n",
			   a->name, (long long)a->fee_amount,
			   fee_methods[a->fee_method].label, a->fee_units,
			   a->fee_method == FEE_BY_ITEM ? "件" : "页", d1);
		break;
	case EV_REPLY:
		date_format(a->replied, d1);
		buf_printf(subject, "【%s】政府信息公开申请答复", organ);
		buf_printf(body,
			   "%s：\n\n本机关已于 %s 对您的政府信息公开申请作出"
			   "答复，办理结果：%s。答复告知书将按您选择的方式送达。"
			   "\n",
			   a->name, d1, app_outcomes[a->outcome].label);
		if (!str_blank(a->reply_text)) {
			buf_printf(body, "\n%s\n", a->reply_text);
		}
		break;
	default:
		return 0;
	}
	footer(a, base_url, body);
	return 1;
}

void app_reminder(const struct application *a, int64_t due, int left,
		  const char *base_url, Buf *subject, Buf *body)
{
	char d[11];
	date_format(due, d);
	if (left < 0) {
		buf_printf(subject, "【逾期】依申请公开 %s 已超过答复期限 %s",
			   a->tracking_code, d);
	} else {
		buf_printf(subject, "【提醒】依申请公开 %s 将于 %s 到期",
			   a->tracking_code, d);
	}
	buf_printf(body,
		   "%s 的政府信息公开申请 %s（%s）答复期限为 %s，%s。\n",
		   a->organ_name ? a->organ_name : "", a->tracking_code,
		   app_statuses[a->status].label, d,
		   left < 0 ? "已逾期" : left == 0 ? "今天到期" : "即将到期");
	if (!str_empty(base_url)) {
		buf_printf(body, "办理：%s/admin/o/%s/applications/%lld\n",
			   base_url, a->organ_slug ? a->organ_slug : "",
			   (long long)a->id);
	}
}
