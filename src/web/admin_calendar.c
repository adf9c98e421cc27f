/*
 * admin_calendar.c - the working-day calendar in the back office (admins):
 * the years loaded with their days off and 调休 working days, and loading
 * a year's arrangements from the State Council's notice as CSV text
 * (date,kind,name). A change recomputes the due date of every open
 * application at once.
 */
#include "base/date.h"
#include "base/str.h"
#include "store/application.h"
#include "store/holiday.h"
#include "web/apply.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

static int show(struct req *r, const char *error, const char *csv,
		struct err *e)
{
	struct calendar cal = {0};
	if (holiday_load(r->st, &cal, e)) {
		cal_free(&cal);
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	if (str_eq(req_param(r, "done"), "loaded")) {
		tv_set(v, "notice",
		       "已导入。办理中申请的答复期限已按新的日历重新计算。");
	}
	tv_set(v, "error", error ? error : "");
	tv_set(v, "csv", csv ? csv : "");
	tv_set_int(v, "missing", cal_year_needed(&cal, date_today()));
	tv_set_list_empty(v, "years");
	for (size_t i = cal.nyears; i-- > 0;) {
		int yr = cal.years[i], off = 0, work = 0;
		Buf days = BUF_INIT;
		for (size_t k = 0; k < cal.n; k++) {
			int cy, cm, cd;
			date_civil(cal.days[k].day, &cy, &cm, &cd);
			if (cy != yr) {
				continue;
			}
			if (cal.days[k].kind == CAL_HOLIDAY) {
				off++;
			} else {
				work++;
				buf_printf(&days, "%s%d月%d日", days.n ? "、" : "",
					   cm, cd);
			}
		}
		tvars *row = tv_add_row(v, "years");
		tv_set_int(row, "year", yr);
		tv_set_int(row, "off", off);
		tv_set_int(row, "work", work);
		tv_set(row, "workdays", buf_str(&days));
		buf_free(&days);
	}
	r->status = error ? 400 : 200;
	int rc = layout_page(r, "admin_calendar", "工作日历", v, e);
	tvars_free(v);
	cal_free(&cal);
	return rc;
}

int admin_calendar_page(struct req *r, struct err *e)
{
	return show(r, NULL, NULL, e);
}

int admin_calendar_post(struct req *r, struct err *e)
{
	const char *csv = req_param_s(r, "csv");
	struct calendar from = {0};
	struct err pe = {0};
	int n = 0;
	struct actor who = auth_actor(r);
	if (cal_parse_csv(csv, strlen(csv), &from, &pe) ||
	    holiday_replace_years(r->st, &who, &from, &n, &pe)) {
		cal_free(&from);
		if (pe.code == ERR_INTERNAL) {
			*e = pe;
			return -1;
		}
		return show(r, pe.msg, csv, e);
	}
	cal_free(&from);
	struct apply_ctx ctx;
	int64_t changed = 0;
	int rc = apply_ctx_load(r, &ctx, e) == 0 &&
			 application_recompute(r->st, &ctx.env, &changed, e) ==
				 0
		 ? 0
		 : -1;
	apply_ctx_free(&ctx);
	if (rc == 0) {
		resp_redirect(r, "/admin/calendar?done=loaded");
	}
	return rc;
}
