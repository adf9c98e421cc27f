/*
 * holiday.c - every statement that touches the holiday table (see
 * holiday.h).
 */
#include "store/holiday.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/res.h"
#include "base/str.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <stdio.h>
#include <string.h>

int holiday_load(store *st, struct calendar *c, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st, "SELECT date, kind, name FROM holiday ORDER BY date", e);
	if (!s) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		int64_t day;
		const char *d = (const char *)sqlite3_column_text(s, 0);
		const char *k = (const char *)sqlite3_column_text(s, 1);
		if (!d || date_parse(d, &day)) {
			continue; /* the CHECKs keep this from happening */
		}
		int kind = cal_kind_parse(k ? k : "");
		cal_put(c, day, kind == CAL_WORKDAY ? CAL_WORKDAY : CAL_HOLIDAY,
			(const char *)sqlite3_column_text(s, 2));
	}
	cal_finish(c);
	return rc < 0 ? -1 : 0;
}

static int year_of(int64_t day)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	return y;
}

/* The year's rows as JSON text for the audit log (caller frees). */
static int year_json(store *st, int year, Buf *out, struct err *e)
{
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%04d-01-01", year);
	snprintf(hi, sizeof hi, "%04d-12-31", year);
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT json_group_array(json_array(date, kind, name)), "
		"count(*) FROM (SELECT * FROM holiday WHERE date BETWEEN ?1 "
		"AND ?2 ORDER BY date)",
		e);
	if (!s || st_bind_text(st, s, 1, lo, e) ||
	    st_bind_text(st, s, 2, hi, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc < 0) {
		return -1;
	}
	int n = (int)st_col_int(s, 1);
	buf_puts(out, (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return n;
}

/* Replaces one year with the entries of from dated in it. */
static int replace_year(store *st, const struct actor *who,
			const struct calendar *from, int year, struct err *e)
{
	Buf before = {0}, after = {0};
	int rc = -1;
	char lo[16], hi[16], ds[11];
	snprintf(lo, sizeof lo, "%04d-01-01", year);
	snprintf(hi, sizeof hi, "%04d-12-31", year);
	if (year_json(st, year, &before, e) < 0) {
		goto out;
	}
	sqlite3_stmt *s = st_prepare(
		st, "DELETE FROM holiday WHERE date BETWEEN ?1 AND ?2", e);
	if (!s || st_bind_text(st, s, 1, lo, e) ||
	    st_bind_text(st, s, 2, hi, e) || st_exec(st, s, e)) {
		goto out;
	}
	for (size_t i = 0; i < from->n; i++) {
		const struct cal_day *d = &from->days[i];
		if (year_of(d->day) != year) {
			continue;
		}
		date_format(d->day, ds);
		s = st_prepare(st,
			       "INSERT INTO holiday (date, kind, name) VALUES "
			       "(?1, ?2, ?3)",
			       e);
		if (!s || st_bind_text(st, s, 1, ds, e) ||
		    st_bind_text(st, s, 2, cal_kind_code(d->kind), e) ||
		    st_bind_text(st, s, 3, d->name, e) || st_exec(st, s, e)) {
			goto out;
		}
	}
	if (year_json(st, year, &after, e) < 0 ||
	    audit_append(st, who, "holiday.year", "holiday", year,
			 buf_str(&before), buf_str(&after), e)) {
		goto out;
	}
	rc = 0;
out:
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int holiday_replace_years(store *st, const struct actor *who,
			  const struct calendar *from, int *nyears,
			  struct err *e)
{
	*nyears = 0;
	if (from->n == 0) {
		return err_set(e, ERR_INPUT, "没有任何日期");
	}
	/* Every year named must have at least one day off. */
	for (size_t i = 0; i < from->n; i++) {
		int y = year_of(from->days[i].day);
		if (!cal_covers(from, y)) {
			return err_set(e, ERR_INPUT,
				       "%d 年只有调休上班日、没有放假日：一年的安排"
				       "须含放假日期（holiday）",
				       y);
		}
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	for (size_t i = 0; i < from->nyears; i++) {
		if (replace_year(st, who, from, from->years[i], e)) {
			store_tx_rollback(st);
			return -1;
		}
	}
	if (store_tx_commit(st, e)) {
		return -1;
	}
	*nyears = (int)from->nyears;
	return 0;
}

int holiday_delete_year(store *st, const struct actor *who, int year,
			struct err *e)
{
	struct calendar none = {0};
	Buf before = {0};
	if (store_tx_begin(st, e)) {
		return -1;
	}
	int n = year_json(st, year, &before, e);
	buf_free(&before);
	if (n == 0) {
		store_tx_rollback(st);
		return err_set(e, ERR_NOTFOUND, "工作日历中没有 %d 年", year);
	}
	if (n < 0 || replace_year(st, who, &none, year, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return store_tx_commit(st, e);
}

int holiday_shipped(struct calendar *c, struct err *e)
{
	Buf b = {0};
	int rc = res_load(NULL, "data/cn-holidays.csv", &b, e);
	if (rc == 0) {
		rc = cal_parse_csv(buf_str(&b), b.n, c, e);
	}
	buf_free(&b);
	return rc;
}

int holiday_seed(store *st, struct err *e)
{
	struct calendar c = {0};
	char ds[11];
	int rc = holiday_shipped(&c, e);
	for (size_t i = 0; rc == 0 && i < c.n; i++) {
		date_format(c.days[i].day, ds);
		sqlite3_stmt *s = st_prepare(
			st,
			"INSERT OR IGNORE INTO holiday (date, kind, name) "
			"VALUES (?1, ?2, ?3)",
			e);
		if (!s || st_bind_text(st, s, 1, ds, e) ||
		    st_bind_text(st, s, 2, cal_kind_code(c.days[i].kind), e) ||
		    st_bind_text(st, s, 3, c.days[i].name, e) ||
		    st_exec(st, s, e)) {
			rc = -1;
		}
	}
	cal_free(&c);
	return rc;
}
