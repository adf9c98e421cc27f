/*
 * admin_baseline.c - an organ's opening balances (期初累计值) in the back
 * office: each cumulative metric with its baseline, the records counted
 * after it and the cumulative value at the end of a chosen year, so the
 * 历年累计 column of a report can be traced to where each part came from.
 * Staff of the organ read; admins enter a value once, or delete a wrong
 * one (both audited). The CLI imports them too (cmd_import.c).
 */
#include "base/date.h"
#include "base/str.h"
#include "render/report_doc.h"
#include "store/baseline.h"
#include "store/metric.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

static int this_year(void)
{
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	return y;
}

/* Says where a baseline came from, e.g. "导入自 seed.csv". */
static void source_text(const struct baseline *b, Buf *out)
{
	if (str_eq(b->source, "import")) {
		buf_printf(out, "导入自 %s", b->origin);
	} else {
		buf_printf(out, "%s 录入", b->origin);
	}
	if (b->created_at && strlen(b->created_at) >= 10) {
		buf_printf(out, "，%.10s", b->created_at);
	}
}

/* The cumulative metrics of the installation's formats. */
static int admin_baseline_reg(struct req *r, struct metric_reg *reg,
			      struct err *e)
{
	const char *dir = r->app->conf.data_dir;
	return report_metric_reg(str_empty(dir) ? NULL : dir, reg, e);
}

/* Form values to show again after an error (NULL: empty form). */
struct form {
	const char *metric, *year, *value, *note;
};

static int show(struct req *r, const struct organ *o, const char *error,
		const struct form *f, struct err *e)
{
	struct baseline *all = NULL;
	struct metric_reg reg = {0};
	size_t n = 0;
	if (baseline_list(r->st, o->id, &all, &n, e)) {
		return -1;
	}
	if (admin_baseline_reg(r, &reg, e)) {
		baseline_list_free(all, n);
		return -1;
	}
	int now = this_year();
	int year = now;
	const char *ys = req_param(r, "year");
	int64_t yv;
	if (!str_empty(ys) && str_to_i64(ys, BASELINE_MIN_YEAR, now, &yv) == 0) {
		year = (int)yv;
	}
	int admin = role_is_admin(r->user.role);
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "organ_href", "/admin/o/%s/", o->slug);
	layout_set_url(v, "action", "/admin/o/%s/baselines", o->slug);
	tv_set_int(v, "year", year);
	tv_set_int(v, "this_year", now);
	tv_set_int(v, "min_year", BASELINE_MIN_YEAR);
	tv_set_bool(v, "can_edit", admin);
	tv_set(v, "error", error ? error : "");
	static const char *const notes[][2] = {
		{"added", "期初值已保存。"},
		{"deleted", "期初值已删除。"},
	};
	layout_notice(r, v, notes, 2);
	for (int y = now; y >= now - 10 && y >= BASELINE_MIN_YEAR; y--) {
		char ybuf[16];
		snprintf(ybuf, sizeof ybuf, "%d", y);
		layout_option(v, "years", ybuf, ybuf, y == year);
	}
	tv_set_list_empty(v, "metrics");
	int rc = 0;
	for (size_t i = 0; i < reg.n; i++) {
		const struct metric_def *m = &reg.v[i];
		struct cumulative c;
		if (metric_cumulate(r->st, o->id, m->name, m->expr, all, n,
				    year, &c, e)) {
			rc = -1;
			break;
		}
		tvars *row = tv_add_row(v, "metrics");
		tv_set(row, "metric", m->name);
		tv_set(row, "label", m->label);
		tv_set(row, "unit", m->unit ? m->unit : "");
		tv_set(row, "formats", m->formats);
		tv_set_int(row, "value", c.value / CELL_SCALE);
		tv_set_int(row, "records", c.records / CELL_SCALE);
		if (c.base) {
			Buf src = BUF_INIT;
			source_text(c.base, &src);
			tv_set_int(row, "base_year", c.base->year);
			tv_set_int(row, "base_value", c.base->value);
			tv_set(row, "source", buf_str(&src));
			if (c.from_year == year) {
				tv_setf(row, "span", "%d 年", year);
			} else {
				tv_setf(row, "span", "%d–%d 年", c.from_year,
					year);
			}
			buf_free(&src);
		} else {
			tv_setf(row, "span", "截至 %d 年底的全部记录", year);
		}
		layout_option(v, "metric_options", m->name, m->label,
			      f && str_eq(f->metric, m->name));
	}
	tv_set_list_empty(v, "baselines");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		tvars *row = tv_add_row(v, "baselines");
		Buf src = BUF_INIT;
		source_text(&all[i], &src);
		tv_set_int(row, "id", all[i].id);
		tv_set(row, "metric", all[i].metric);
		tv_set_int(row, "base_year", all[i].year);
		tv_set_int(row, "base_value", all[i].value);
		tv_set(row, "source", buf_str(&src));
		tv_set(row, "note", all[i].note);
		layout_set_url(row, "delete_href",
			       "/admin/o/%s/baselines/%lld/delete", o->slug,
			       (long long)all[i].id);
		buf_free(&src);
	}
	tv_set(v, "f_year", f ? f->year : "");
	tv_set(v, "f_value", f ? f->value : "");
	tv_set(v, "f_note", f ? f->note : "");
	if (rc == 0) {
		r->status = error ? 400 : 200;
		rc = layout_page(r, "admin_baselines", "期初累计值", v, e);
	}
	tvars_free(v);
	baseline_list_free(all, n);
	metric_reg_free(&reg);
	return rc;
}

int admin_baselines_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = show(r, &o, NULL, NULL, e);
	organ_clear(&o);
	return rc;
}

static int must_be_admin(const struct req *r, struct err *e)
{
	if (!role_is_admin(r->user.role)) {
		return err_set(e, ERR_DENIED,
			       "只有系统管理员可以录入或删除期初值。");
	}
	return 0;
}

int admin_baselines_post(struct req *r, struct err *e)
{
	struct organ o;
	if (must_be_admin(r, e) || route_organ(r, &o, e)) {
		return -1;
	}
	struct form f = {req_param_s(r, "metric"), req_param_s(r, "year"),
			 req_param_s(r, "value"), req_param_s(r, "note")};
	struct baseline b = {0};
	struct err pe = {0};
	const char *field = NULL;
	int64_t year = 0, value = 0;
	struct actor who = auth_actor(r);
	b.organ_id = o.id;
	b.metric = (char *)f.metric;
	b.source = "entered";
	b.origin = (char *)who.label;
	b.note = (char *)f.note;
	int rc;
	if (str_to_i64(f.year, 0, 9999, &year)) {
		err_set(&pe, ERR_INPUT, "年份须是四位数字");
	} else if (str_to_i64(f.value, 0, INT64_MAX, &value)) {
		err_set(&pe, ERR_INPUT, "累计值须是不小于 0 的整数");
	} else {
		b.year = (int)year;
		b.value = value;
		struct metric_reg reg = {0};
		if (admin_baseline_reg(r, &reg, &pe) == 0) {
			baseline_add(r->st, &reg, &who, &b, this_year(), &field,
				     &pe);
		}
		metric_reg_free(&reg);
	}
	if (pe.code == ERR_INTERNAL) {
		*e = pe;
		rc = -1;
	} else if (pe.code) {
		rc = show(r, &o, pe.msg, &f, e);
		if (rc == 0 && pe.code == ERR_CONFLICT) {
			r->status = 409;
		}
	} else {
		layout_redirect(r, "/admin/o/%s/baselines?done=added", o.slug);
		rc = 0;
	}
	organ_clear(&o);
	return rc;
}

int admin_baseline_delete_post(struct req *r, struct err *e)
{
	struct organ o;
	int64_t id;
	if (must_be_admin(r, e) || route_organ(r, &o, e)) {
		return -1;
	}
	if (str_to_i64(r->cap[1], 1, INT64_MAX, &id)) {
		organ_clear(&o);
		return err_set(e, ERR_NOTFOUND, "没有这条期初值");
	}
	struct actor who = auth_actor(r);
	int rc = baseline_delete(r->st, &who, o.id, id, e);
	if (rc == 0) {
		layout_redirect(r, "/admin/o/%s/baselines?done=deleted",
				o.slug);
	}
	organ_clear(&o);
	return rc;
}
