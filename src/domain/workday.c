/*
 * workday.c - the working-day calendar: lookups by binary search over the
 * listed dates, counting by walking day by day (periods are weeks long, a
 * walk is microseconds) and refusing any year the calendar does not cover.
 */
#include "domain/workday.h"

#include "base/csv.h"
#include "base/date.h"
#include "base/str.h"

#include <stdlib.h>
#include <string.h>

void cal_put(struct calendar *c, int64_t day, enum cal_kind kind,
	     const char *name)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->days[i].day == day) {
			free(c->days[i].name);
			c->days[i].kind = kind;
			c->days[i].name = xstrdup(name ? name : "");
			return;
		}
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->days = xrealloc(c->days, c->cap * sizeof *c->days);
	}
	c->days[c->n].day = day;
	c->days[c->n].kind = kind;
	c->days[c->n].name = xstrdup(name ? name : "");
	c->n++;
}

static int by_day(const void *a, const void *b)
{
	int64_t x = ((const struct cal_day *)a)->day;
	int64_t y = ((const struct cal_day *)b)->day;
	return (x > y) - (x < y);
}

void cal_finish(struct calendar *c)
{
	if (c->n) {
		qsort(c->days, c->n, sizeof *c->days, by_day);
	}
	free(c->years);
	c->years = NULL;
	c->nyears = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->days[i].kind != CAL_HOLIDAY) {
			continue;
		}
		int y, m, d;
		date_civil(c->days[i].day, &y, &m, &d);
		if (c->nyears && c->years[c->nyears - 1] == y) {
			continue;
		}
		c->years = xrealloc(c->years, (c->nyears + 1) * sizeof *c->years);
		c->years[c->nyears++] = y;
	}
}

void cal_free(struct calendar *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->days[i].name);
	}
	free(c->days);
	free(c->years);
	memset(c, 0, sizeof *c);
}

const char *cal_kind_code(enum cal_kind k)
{
	return k == CAL_WORKDAY ? "workday" : "holiday";
}

int cal_kind_parse(const char *s)
{
	if (!strcmp(s, "holiday")) {
		return CAL_HOLIDAY;
	}
	if (!strcmp(s, "workday")) {
		return CAL_WORKDAY;
	}
	return -1;
}

int cal_parse_csv(const char *data, size_t n, struct calendar *c,
		  struct err *e)
{
	struct csv_reader *r = csv_open(data, n);
	struct csv_row row = {0};
	int rc = 0, got;
	int col[3] = {-1, -1, -1};
	static const char *const names[] = {"date", "kind", "name"};
	if ((got = csv_next(r, &row, e)) <= 0) {
		rc = got ? -1 : err_set(e, ERR_INPUT, "日历文件是空的");
		goto out;
	}
	for (size_t i = 0; i < row.n; i++) {
		for (int k = 0; k < 3; k++) {
			if (!strcmp(str_trim(row.f[i]), names[k])) {
				col[k] = (int)i;
			}
		}
	}
	if (col[0] < 0 || col[1] < 0) {
		rc = err_set(e, ERR_INPUT,
			     "第 1 行: 表头须含 date 和 kind 两列（可选 name）");
		goto out;
	}
	while ((got = csv_next(r, &row, e)) > 0) {
		int64_t day;
		const char *ds = (size_t)col[0] < row.n ? row.f[col[0]] : "";
		const char *ks = (size_t)col[1] < row.n ? row.f[col[1]] : "";
		const char *ns = col[2] >= 0 && (size_t)col[2] < row.n
					 ? row.f[col[2]]
					 : "";
		int kind = cal_kind_parse(str_trim((char *)ks));
		if (date_parse(str_trim((char *)ds), &day)) {
			rc = err_set(e, ERR_INPUT,
				     "第 %ld 行: date: 日期须为 YYYY-MM-DD",
				     row.line);
			goto out;
		}
		if (kind < 0) {
			rc = err_set(e, ERR_INPUT,
				     "第 %ld 行: kind: 须为 holiday 或 workday",
				     row.line);
			goto out;
		}
		cal_put(c, day, (enum cal_kind)kind, str_trim((char *)ns));
	}
	if (got < 0) {
		rc = -1;
	}
out:
	csv_row_clear(&row);
	csv_close(r);
	cal_finish(c);
	return rc;
}

int cal_covers(const struct calendar *c, int year)
{
	size_t lo = 0, hi = c->nyears;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->years[mid] == year) {
			return 1;
		}
		if (c->years[mid] < year) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return 0;
}

const struct cal_day *cal_lookup(const struct calendar *c, int64_t day)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->days[mid].day == day) {
			return &c->days[mid];
		}
		if (c->days[mid].day < day) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return NULL;
}

int cal_is_workday(const struct calendar *c, int64_t day)
{
	const struct cal_day *d = cal_lookup(c, day);
	if (d) {
		return d->kind == CAL_WORKDAY;
	}
	return date_weekday(day) <= 5;
}

/* -1 with e when day's year is not covered. */
static int covered(const struct calendar *c, int64_t day, int *missing,
		   struct err *e)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	if (cal_covers(c, y)) {
		return 0;
	}
	if (missing) {
		*missing = y;
	}
	return err_set(e, ERR_MISSING,
		       "工作日历缺少 %d 年的节假日安排，无法计算期限；"
		       "请管理员在“工作日历”中导入该年国务院办公厅通知的安排",
		       y);
}

int cal_add(const struct calendar *c, int64_t d, int n, int64_t *out,
	    int *missing, struct err *e)
{
	int64_t day = d;
	while (n > 0) {
		day++;
		if (covered(c, day, missing, e)) {
			return -1;
		}
		if (cal_is_workday(c, day)) {
			n--;
		}
	}
	*out = day;
	return 0;
}

int cal_between(const struct calendar *c, int64_t a, int64_t b,
		int *count, int *missing, struct err *e)
{
	int k = 0;
	for (int64_t day = a + 1; day <= b; day++) {
		if (covered(c, day, missing, e)) {
			return -1;
		}
		k += cal_is_workday(c, day);
	}
	*count = k;
	return 0;
}

int cal_year_needed(const struct calendar *c, int64_t today)
{
	int y, m, d;
	date_civil(today, &y, &m, &d);
	if (!cal_covers(c, y)) {
		return y;
	}
	return m >= 11 && !cal_covers(c, y + 1) ? y + 1 : 0;
}
