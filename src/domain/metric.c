/*
 * metric.c - the named figures of the annual report and the rules of
 * opening balances (see metric.h).
 */
#include "domain/metric.h"

#include "base/str.h"

#include <stdlib.h>
#include <string.h>

/* The rows of the seed's table (fj-county-2018), whose ids DESIGN.md §6
 * fixes; every one of them is reported cumulatively there. */
const struct metric_def metric_cumulative[] = {
	{"items", "主动公开信息数", "条", NULL, "items.published"},
	{"items.website", "其中：政府网站公开数", "条", "items",
	 "items.channel.website"},
	{"items.gazette", "其中：政府公报公开数", "条", "items",
	 "items.channel.gazette"},
	{"applications", "受理依申请公开信息总数", "件", NULL,
	 "apps.new.total"},
	{"applications.in_person", "其中：当面申请数", "件", "applications",
	 "apps.channel.in_person"},
	{"applications.online", "其中：网上申请数（含电子邮件）", "件",
	 "applications", "apps.channel.online + apps.channel.email"},
	{"applications.letter_fax", "其中：信函、传真申请数", "件",
	 "applications", "apps.channel.letter + apps.channel.fax"},
	{"replies", "对申请的答复总数", "件", NULL, "apps.result.total.total"},
	{"replies.disclosed", "其中：同意公开答复数", "件", "replies",
	 "apps.result.disclosed.total"},
	{"replies.partial", "其中：同意部分公开答复数", "件", "replies",
	 "apps.result.partial.total"},
	{"replies.withheld", "其中：不予公开答复数", "件", "replies",
	 "apps.result.withheld.total"},
	{"replies.other", "其中：其他类型答复数", "件", "replies",
	 "apps.result.unavailable.total + apps.result.not_processed.total + "
	 "apps.result.other.total"},
	{"complaints", "接受行政申诉、举报数", "件", NULL,
	 "activity.complaint.count"},
	{"reviews", "行政复议数", "件", NULL, "cases.review.total"},
	{"lawsuits", "行政诉讼数", "件", NULL,
	 "cases.litigation_direct.total + cases.litigation_after_review.total"},
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
