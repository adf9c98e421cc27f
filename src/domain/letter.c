/*
 * letter.c - the texts of the notices to applicants (see letter.h). The
 * wording follows the regulation's articles the letter relies on; the
 * clerk's reply text carries what is specific to the case (where to find
 * the information, the reasons).
 */
#include "domain/letter.h"

#include "base/date.h"
#include "base/str.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const struct vocab letter_kinds[LETTER_COUNT] = {
	{"reply", "政府信息公开申请答复告知书"},
	{"supplement", "政府信息公开申请补正告知书"},
	{"extension", "政府信息公开申请延期答复告知书"},
	{"fee", "政府信息公开信息处理费收费通知书"},
};

static const char *const kind_code[LETTER_COUNT] = {"复", "补", "延", "费"};

static void para(struct letter *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void para(struct letter *l, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	l->paras = xrealloc(l->paras, (l->nparas + 1) * sizeof *l->paras);
	l->paras[l->nparas++] = buf_detach(&b);
}

/* The clerk's text, one paragraph per line. */
static void text_paras(struct letter *l, const char *t)
{
	const char *p = t ? t : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		if (!str_blank(line)) {
			para(l, "%s", str_trim(line));
		}
		free(line);
		p += n + (nl ? 1 : 0);
	}
}

void letter_date(int64_t day, char *out, size_t n)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	snprintf(out, n, "%d年%d月%d日", y, m, d);
}

void letter_free(struct letter *l)
{
	free(l->title);
	free(l->number);
	free(l->addressee);
	for (size_t i = 0; i < l->nparas; i++) {
		free(l->paras[i]);
	}
	free(l->paras);
	free(l->signature);
	free(l->date);
	memset(l, 0, sizeof *l);
}

static const char remedy[] =
	"如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，"
	"或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。";

/* What the family says before the clerk's text. */
static void reply_body(struct letter *l, const struct application *a)
{
	const struct outcome *o = &app_outcomes[a->outcome];
	switch (o->family) {
	case OF_DISCLOSED:
		para(l, "经审查，您申请获取的政府信息属于公开范围，本机关予以"
			"公开。");
		break;
	case OF_PARTIAL:
		para(l, "经审查，您申请获取的政府信息中含有不应当公开的内容，"
			"但能够作区分处理。本机关向您提供可以公开的部分，对不予"
			"公开的部分说明理由如下。");
		break;
	case OF_WITHHELD:
		para(l, "经审查，您申请获取的政府信息%s，本机关决定不予公开。",
		     o->label);
		break;
	case OF_UNAVAILABLE:
		para(l, "经审查，%s，本机关无法提供。", o->label);
		break;
	case OF_NOT_PROCESSED:
		para(l, "经审查，您的申请属于%s，本机关不作为政府信息公开申请"
			"处理。",
		     o->label);
		break;
	case OF_OTHER:
		para(l, "%s。", o->label);
		break;
	case OF_COUNT:
		break;
	}
	text_paras(l, a->reply_text);
	para(l, "依据：%s。", o->basis);
	para(l, "%s", remedy);
}

int letter_build(const struct application *a, enum letter_kind k,
		 int64_t due, struct letter *out, struct err *e)
{
	char d1[40], d2[40], d3[40];
	memset(out, 0, sizeof *out);
	int64_t day = 0;
	switch (k) {
	case LETTER_REPLY: day = a->replied; break;
	case LETTER_SUPPLEMENT: day = a->supp_requested; break;
	case LETTER_EXTENSION: day = a->ext_date; break;
	case LETTER_FEE: day = a->fee_notice; break;
	case LETTER_COUNT: break;
	}
	if (!day || (k == LETTER_REPLY && a->outcome < 0)) {
		static const char *const why[LETTER_COUNT] = {
			"尚未答复，没有答复告知书", "没有告知补正",
			"没有延长答复期限", "没有发出收费通知"};
		return err_set(e, ERR_CONFLICT, "%s", why[k < LETTER_COUNT ? k : 0]);
	}
	int y, m, d;
	date_civil(day, &y, &m, &d);
	out->title = xstrdup(letter_kinds[k].label);
	Buf b = BUF_INIT;
	buf_printf(&b, "依申%s〔%d〕%s号", kind_code[k], y, a->tracking_code);
	out->number = buf_detach(&b);
	buf_printf(&b, "%s：", a->name ? a->name : "");
	out->addressee = buf_detach(&b);
	letter_date(a->received ? a->received : a->submitted, d1, sizeof d1);
	para(out,
	     "本机关于%s收到您（单位）通过%s提出的政府信息公开申请（申请编号 "
	     "%s），申请获取：“%s”。",
	     d1, app_channels[a->channel].label, a->tracking_code,
	     a->request ? a->request : "");
	switch (k) {
	case LETTER_REPLY:
		reply_body(out, a);
		break;
	case LETTER_SUPPLEMENT:
		letter_date(a->supp_deadline, d2, sizeof d2);
		para(out, "经审查，您的申请内容不够明确。根据《中华人民共和国政府"
			  "信息公开条例》第三十条的规定，请您对以下事项作出补正：");
		text_paras(out, a->supp_note);
		para(out,
		     "请于%s前将补正后的申请提交本机关。答复期限自本机关收到补正"
		     "的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
		     "本机关不再处理该政府信息公开申请。",
		     d2);
		break;
	case LETTER_EXTENSION:
		para(out,
		     "因%s，本机关不能在法定期限内作出答复。根据《中华人民共和国"
		     "政府信息公开条例》第三十三条第二款的规定，经本机关政府信息"
		     "公开工作机构负责人同意，答复期限延长%d个工作日%s%s。",
		     a->ext_reason ? a->ext_reason : "", a->ext_days,
		     due ? "，至" : "",
		     due ? (letter_date(due, d3, sizeof d3), d3) : "");
		break;
	case LETTER_FEE:
		letter_date(a->fee_deadline, d2, sizeof d2);
		para(out,
		     "根据《中华人民共和国政府信息公开条例》第四十二条和《政府"
		     "信息公开信息处理费管理办法》（国办函〔2020〕109号），您的"
		     "申请数量、频次超过了合理范围，应缴纳信息处理费%lld元（%s，"
		     "%d%s）。",
		     (long long)a->fee_amount, fee_methods[a->fee_method].label,
		     a->fee_units, a->fee_method == FEE_BY_ITEM ? "件" : "页");
		para(out,
		     "请于%s前缴纳。逾期未缴纳的，本机关不再处理该政府信息公开"
		     "申请。",
		     d2);
		break;
	case LETTER_COUNT:
		break;
	}
	out->signature = xstrdup(a->organ_name ? a->organ_name : "");
	letter_date(day, d1, sizeof d1);
	out->date = xstrdup(d1);
	return 0;
}
