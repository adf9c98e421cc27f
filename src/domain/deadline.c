/*
 * deadline.c - the reply deadline and its explanation (see deadline.h).
 */
#include "domain/deadline.h"

#include "base/date.h"
#include "base/str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void step(struct deadline *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void step(struct deadline *d, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d->steps = xrealloc(d->steps, (d->nsteps + 1) * sizeof *d->steps);
	d->steps[d->nsteps++] = buf_detach(&b);
}

void deadline_free(struct deadline *d)
{
	for (size_t i = 0; i < d->nsteps; i++) {
		free(d->steps[i]);
	}
	free(d->steps);
	memset(d, 0, sizeof *d);
}

/* Date arithmetic that records a calendar gap instead of failing. */
static int64_t add(struct deadline *d, const struct calendar *c, int64_t day,
		   int n)
{
	int64_t out = 0;
	int missing = 0;
	if (cal_add(c, day, n, &out, &missing, NULL)) {
		if (!d->missing_year) {
			d->missing_year = missing;
		}
		return 0;
	}
	return out;
}

static int between(struct deadline *d, const struct calendar *c, int64_t a,
		   int64_t b)
{
	int k = 0, missing = 0;
	if (cal_between(c, a, b, &k, &missing, NULL)) {
		if (!d->missing_year) {
			d->missing_year = missing;
		}
		return 0;
	}
	return k;
}

#define DAY(v, buf) (date_format((v), (buf)), (buf))

static const char *const receipt_basis[CHAN_COUNT] = {
	"当面提交，以提交之日为收到申请之日（条例第三十一条第一项）",
	"通过互联网渠道提交，以双方确认之日为收到申请之日（条例第三十一条"
	"第三项）",
	"以邮寄方式提交，以签收之日（平常信函为与申请人确认之日）为收到"
	"申请之日（条例第三十一条第二项）",
	"通过传真提交，以双方确认之日为收到申请之日（条例第三十一条第三项）",
	"通过电子邮件（数据电文）提交，以双方确认之日为收到申请之日（条例"
	"第三十一条第三项）",
};

struct span {
	int64_t from, to; /* working days in (from, to] are not counted */
};

static int by_from(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	return (a->from > b->from) - (a->from < b->from);
}

/* Working days in the union of the spans, each clipped to after start. */
static int excluded_days(struct deadline *d, const struct calendar *c,
			 struct span *v, size_t n, int64_t start)
{
	if (n) {
		qsort(v, n, sizeof *v, by_from);
	}
	int sum = 0;
	int64_t from = 0, to = 0;
	int have = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && v[i].to <= start) {
			continue;
		}
		if (i < n && have && v[i].from <= to) {
			if (v[i].to > to) {
				to = v[i].to;
			}
			continue;
		}
		if (have) {
			sum += between(d, c, from < start ? start : from, to);
		}
		if (i < n) {
			from = v[i].from;
			to = v[i].to;
			have = 1;
		}
	}
	return sum;
}

static void consultations(struct deadline *d, const struct application *a,
			  const struct calendar *c, int64_t today,
			  struct span *spans, size_t *nspans)
{
	char s[11], t[11], u[11];
	for (size_t i = 0; i < a->nconsults; i++) {
		const struct consultation *k = &a->consults[i];
		int third = k->kind == CONSULT_THIRD_PARTY;
		int64_t answer_by = add(d, c, k->started, 15);
		int64_t end = k->ended ? k->ended : today;
		spans[(*nspans)++] = (struct span){k->started, end};
		if (k->ended) {
			step(d,
			     "%s（%s）：%s 发出征求意见书，%s 收到意见，其间 %d "
			     "个工作日不计入答复期限（条例第三十三条第三款）",
			     consult_kinds[k->kind].label, k->party,
			     DAY(k->started, s), DAY(k->ended, t),
			     between(d, c, k->started, k->ended));
		} else {
			d->stopped = 1;
			step(d,
			     "%s（%s）：%s 发出征求意见书，尚未收到意见；%s应于 "
			     "%s 前提出意见（条例第%s条），%s。征求意见所需时间"
			     "不计入答复期限，下列答复期限按今天（%s）收到意见"
			     "推算",
			     consult_kinds[k->kind].label, k->party,
			     DAY(k->started, s), third ? "第三方" : "被征求意见机关",
			     answer_by ? DAY(answer_by, t) : "（日历缺年份）",
			     third ? "三十二" : "三十四",
			     third ? "逾期未提出意见的，由本机关依照条例决定是否公开"
				   : "逾期未提出意见的视为同意公开",
			     DAY(today, u));
		}
	}
}

static void fee_steps(struct deadline *d, const struct application *a,
		      int64_t today, int fee_stops, struct span *spans,
		      size_t *nspans)
{
	char s[11], t[11], u[11];
	if (!a->fee_notice) {
		return;
	}
	step(d, "%s 发出收费通知（%s，%lld 元），缴费期限至 %s%s",
	     DAY(a->fee_notice, s), fee_methods[a->fee_method].label,
	     (long long)a->fee_amount, DAY(a->fee_deadline, t),
	     a->fee_paid ? "" : "，尚未缴费");
	if (a->fee_paid) {
		step(d, "%s 收到缴费", DAY(a->fee_paid, u));
	} else if (a->outcome < 0 && today > a->fee_deadline) {
		step(d, "缴费期限已届满未缴费：可按“申请人逾期未按收费通知要求"
			"缴纳费用”办结");
	}
	if (fee_stops) {
		int64_t end = a->fee_paid ? a->fee_paid : today;
		spans[(*nspans)++] = (struct span){a->fee_notice, end};
		step(d, "按本机关设置，等待缴费的时间（%s 至 %s）不计入答复期限",
		     s, DAY(end, u));
		if (!a->fee_paid) {
			d->stopped = 1;
		}
	}
}

void deadline_compute(const struct application *a, const struct calendar *c,
		      int64_t today, int fee_stops_clock, struct deadline *d)
{
	char s[11], t[11], u[11];
	memset(d, 0, sizeof *d);
	d->fee_stops = fee_stops_clock;
	if (!a->received) {
		step(d,
		     "%s于 %s 提交，尚待确认收到：%s。确认收到后开始计算答复期限",
		     app_channels[a->channel].label,
		     a->submitted ? DAY(a->submitted, s) : "—",
		     receipt_basis[a->channel]);
		return;
	}
	step(d, "收到申请之日：%s（%s）", DAY(a->received, s),
	     receipt_basis[a->channel]);
	d->supp_by = add(d, c, a->received, 7);
	d->start = a->received;
	if (a->supp_requested) {
		step(d,
		     "%s 一次性告知补正，补正期限至 %s（条例第三十条：自收到"
		     "申请之日起 7 个工作日内即 %s 前告知%s）",
		     DAY(a->supp_requested, s), DAY(a->supp_deadline, t),
		     d->supp_by ? DAY(d->supp_by, u) : "（日历缺年份）",
		     d->supp_by && a->supp_requested > d->supp_by
			     ? "；本次告知已超过该期限"
			     : "");
		if (!a->supp_received) {
			d->stopped = 1;
			step(d, "等待补正，答复期限停止计算，收到补正之日起重新"
				"计算 20 个工作日");
			if (a->outcome < 0 && today > a->supp_deadline) {
				step(d, "补正期限已届满未收到补正：申请人无正当理由"
					"逾期不补正的，视为放弃申请，可按“逾期不"
					"补正”办结（条例第三十条）");
			}
		} else {
			d->start = a->supp_received;
			step(d, "%s 收到补正，答复期限自该日起算（条例第三十条）",
			     DAY(a->supp_received, s));
		}
	}
	if (!d->stopped || a->outcome >= 0) {
		struct span *spans =
			xcalloc(a->nconsults + 1, sizeof *spans);
		size_t nspans = 0;
		int64_t base = add(d, c, d->start, 20);
		if (base) {
			step(d,
			     "答复期限：自 %s 起 20 个工作日（条例第三十三条第二"
			     "款；起算当日不计入），至 %s",
			     DAY(d->start, s), DAY(base, t));
		}
		consultations(d, a, c, today, spans, &nspans);
		fee_steps(d, a, today, fee_stops_clock, spans, &nspans);
		d->excluded = excluded_days(d, c, spans, nspans, d->start);
		free(spans);
		if (a->ext_days) {
			step(d,
			     "%s 经政府信息公开工作机构负责人同意延长答复期限 %d "
			     "个工作日并告知申请人（条例第三十三条第二款）：%s",
			     DAY(a->ext_date, s), a->ext_days,
			     a->ext_reason ? a->ext_reason : "");
		}
		d->due = add(d, c, d->start, 20 + d->excluded + a->ext_days);
		if (d->due && (d->excluded || a->ext_days)) {
			step(d,
			     "答复期限：20 个工作日%s%s，自 %s 起计至 %s",
			     d->excluded ? "加不计入的征求意见时间" : "",
			     a->ext_days ? "加延长期限" : "",
			     DAY(d->start, s), DAY(d->due, t));
		}
	} else {
		fee_steps(d, a, today, fee_stops_clock, NULL, &(size_t){0});
	}
	if (d->missing_year) {
		d->due = 0;
		step(d,
		     "工作日历缺少 %d 年的节假日安排，无法确定答复期限。请管理员"
		     "在“工作日历”中导入国务院办公厅该年的放假安排",
		     d->missing_year);
		return;
	}
	if (a->outcome >= 0) {
		step(d, "%s 作出答复：%s", DAY(a->replied, s),
		     app_outcomes[a->outcome].label);
		if (d->due && a->replied > d->due) {
			d->late = between(d, c, d->due, a->replied);
			step(d, "答复晚于期限 %s，超期 %d 个工作日",
			     DAY(d->due, t), d->late);
		} else if (d->due) {
			step(d, "在答复期限（%s）内答复", DAY(d->due, t));
		}
		return;
	}
	if (!d->due) {
		return;
	}
	if (d->due >= today) {
		d->left = between(d, c, today, d->due);
		step(d, "今天 %s，距答复期限还有 %d 个工作日%s", DAY(today, s),
		     d->left, d->stopped ? "（征求意见期间每天顺延）" : "");
	} else {
		d->left = -between(d, c, d->due, today);
		step(d, "已超过答复期限 %d 个工作日（期限 %s）", -d->left,
		     DAY(d->due, t));
	}
	if (d->missing_year) {
		d->left = 0;
	}
}
