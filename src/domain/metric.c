/*
 * metric.c - the named figures of the annual report and the rules of
 * opening balances (see metric.h).
 */
#include "domain/metric.h"

#include "base/str.h"

#include <stdlib.h>
#include <string.h>

static int64_t m_items(const struct tally *t) { return t->items; }
static int64_t m_website(const struct tally *t)
{
	return t->items_channel[CH_WEBSITE];
}
static int64_t m_gazette(const struct tally *t)
{
	return t->items_channel[CH_GAZETTE];
}
static int64_t m_apps(const struct tally *t)
{
	int64_t n = 0;
	for (int c = 0; c < CHAN_COUNT; c++) {
		n += t->received[c];
	}
	return n;
}
static int64_t m_in_person(const struct tally *t)
{
	return t->received[CHAN_IN_PERSON];
}
static int64_t m_online(const struct tally *t)
{
	return t->received[CHAN_ONLINE] + t->received[CHAN_EMAIL];
}
static int64_t m_letter_fax(const struct tally *t)
{
	return t->received[CHAN_LETTER] + t->received[CHAN_FAX];
}
static int64_t m_replies(const struct tally *t)
{
	int64_t n = 0;
	for (int f = 0; f < OF_COUNT; f++) {
		n += t->replied[f];
	}
	return n;
}
static int64_t m_disclosed(const struct tally *t)
{
	return t->replied[OF_DISCLOSED];
}
static int64_t m_partial(const struct tally *t)
{
	return t->replied[OF_PARTIAL];
}
static int64_t m_withheld(const struct tally *t)
{
	return t->replied[OF_WITHHELD];
}
static int64_t m_other(const struct tally *t)
{
	return t->replied[OF_UNAVAILABLE] + t->replied[OF_NOT_PROCESSED] +
	       t->replied[OF_OTHER];
}
static int64_t m_complaints(const struct tally *t) { return t->complaints; }
static int64_t m_reviews(const struct tally *t) { return t->reviews; }
static int64_t m_lawsuits(const struct tally *t) { return t->lawsuits; }

/* The rows of the seed's table (fj-county-2018), whose ids DESIGN.md §6
 * fixes; every one of them is reported cumulatively there. */
const struct metric_def metric_cumulative[] = {
	{"items", "主动公开信息数", "条", NULL, m_items},
	{"items.website", "其中：政府网站公开数", "条", "items", m_website},
	{"items.gazette", "其中：政府公报公开数", "条", "items", m_gazette},
	{"applications", "受理依申请公开信息总数", "件", NULL, m_apps},
	{"applications.in_person", "其中：当面申请数", "件", "applications",
	 m_in_person},
	{"applications.online", "其中：网上申请数（含电子邮件）", "件",
	 "applications", m_online},
	{"applications.letter_fax", "其中：信函、传真申请数", "件",
	 "applications", m_letter_fax},
	{"replies", "对申请的答复总数", "件", NULL, m_replies},
	{"replies.disclosed", "其中：同意公开答复数", "件", "replies",
	 m_disclosed},
	{"replies.partial", "其中：同意部分公开答复数", "件", "replies",
	 m_partial},
	{"replies.withheld", "其中：不予公开答复数", "件", "replies",
	 m_withheld},
	{"replies.other", "其中：其他类型答复数", "件", "replies", m_other},
	{"complaints", "接受行政申诉、举报数", "件", NULL, m_complaints},
	{"reviews", "行政复议数", "件", NULL, m_reviews},
	{"lawsuits", "行政诉讼数", "件", NULL, m_lawsuits},
};
const size_t metric_ncumulative =
	sizeof metric_cumulative / sizeof metric_cumulative[0];

const struct metric_def *metric_find(const char *field, const char *name,
				     struct err *e)
{
	for (size_t i = 0; i < metric_ncumulative; i++) {
		if (str_eq(metric_cumulative[i].name, name)) {
			return &metric_cumulative[i];
		}
	}
	if (str_empty(name)) {
		err_set(e, ERR_INPUT, "%s不能为空", field);
	} else {
		err_set(e, ERR_INPUT,
			"%s“%.64s”不是可累计的指标（可用的指标见“期初累计值”"
			"页面或 docs/import.md）",
			field, name);
	}
	return NULL;
}

int baseline_check(const char *metric, int64_t year, int64_t value,
		   int this_year, const char **field, struct err *e)
{
	*field = "metric";
	if (!metric_find("指标", metric, e)) {
		return -1;
	}
	*field = "year";
	if (year < BASELINE_MIN_YEAR || year > this_year) {
		return err_set(e, ERR_INPUT, "年份须在 %d 至 %d 之间",
			       BASELINE_MIN_YEAR, this_year);
	}
	*field = "value";
	if (value < 0 || value > 1000000000) {
		return err_set(e, ERR_INPUT,
			       "累计值须是 0 至 1000000000 之间的整数");
	}
	*field = NULL;
	return 0;
}

void baseline_clear(struct baseline *b)
{
	free(b->metric);
	free(b->source);
	free(b->origin);
	free(b->note);
	free(b->created_at);
	memset(b, 0, sizeof *b);
}

static const char *metric_parent(const char *name)
{
	for (size_t i = 0; i < metric_ncumulative; i++) {
		if (str_eq(metric_cumulative[i].name, name)) {
			return metric_cumulative[i].parent;
		}
	}
	return NULL;
}

int baseline_consistent(const struct baseline *nb, const struct baseline *all,
			size_t n, struct err *e)
{
	const char *parent = metric_parent(nb->metric);
	for (size_t i = 0; i < n; i++) {
		const struct baseline *b = &all[i];
		if (b->organ_id != nb->organ_id) {
			continue;
		}
		if (str_eq(b->metric, nb->metric)) {
			if (b->year == nb->year) {
				return err_set(e, ERR_CONFLICT,
					       "指标 %s 已有 %d 年的期初值 %lld，"
					       "如需更正请先删除原值",
					       nb->metric, nb->year,
					       (long long)b->value);
			}
			if (b->year < nb->year && b->value > nb->value) {
				return err_set(e, ERR_INPUT,
					       "累计值不会减少：%d 年已是 %lld，"
					       "%d 年不能是 %lld",
					       b->year, (long long)b->value,
					       nb->year, (long long)nb->value);
			}
			if (b->year > nb->year && b->value < nb->value) {
				return err_set(e, ERR_INPUT,
					       "累计值不会减少：%d 年才 %lld，"
					       "%d 年不能是 %lld",
					       b->year, (long long)b->value,
					       nb->year, (long long)nb->value);
			}
		} else if (b->year == nb->year) {
			if (parent && str_eq(b->metric, parent) &&
			    nb->value > b->value) {
				return err_set(e, ERR_INPUT,
					       "%d 年 %s 的 %lld 超过了其总数 "
					       "%s 的 %lld",
					       nb->year, nb->metric,
					       (long long)nb->value, b->metric,
					       (long long)b->value);
			}
			if (str_eq(metric_parent(b->metric), nb->metric) &&
			    b->value > nb->value) {
				return err_set(e, ERR_INPUT,
					       "%d 年 %s 的 %lld 小于其中 %s 的 "
					       "%lld",
					       nb->year, nb->metric,
					       (long long)nb->value, b->metric,
					       (long long)b->value);
			}
		}
	}
	return 0;
}

const struct baseline *baseline_for(const struct baseline *all, size_t n,
				    const char *metric, int year)
{
	const struct baseline *best = NULL;
	for (size_t i = 0; i < n; i++) {
		if (str_eq(all[i].metric, metric) && all[i].year <= year - 1 &&
		    (!best || all[i].year > best->year)) {
			best = &all[i];
		}
	}
	return best;
}
