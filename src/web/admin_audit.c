/*
 * admin_audit.c - the audit log for the admin: the chain's state (verified
 * on each view) and the rows, newest first, 50 a page.
 */
#include "base/str.h"
#include "store/audit.h"
#include "web/layout.h"
#include "web/pages.h"

#define PER_PAGE 50

int admin_audit_page(struct req *r, struct err *e)
{
	int64_t page = 1;
	const char *p = req_param(r, "page");
	if (p) {
		str_to_i64(p, 1, 1000000000, &page);
	}
	int64_t nrows = 0, bad = 0, total = 0;
	struct err ve = {0};
	int vr = audit_verify(r->st, &nrows, &bad, &ve);
	if (vr < 0) {
		*e = ve;
		return -1;
	}
	struct audit_row *rows = NULL;
	size_t n = 0;
	if (audit_list(r->st, NULL, PER_PAGE, (page - 1) * PER_PAGE, &rows,
		       &n, &total, e)) {
		return -1;
	}
	tvars *v = tvars_new();
	tv_set_bool(v, "chain_ok", vr == 0);
	tv_set(v, "chain_msg", vr == 0 ? NULL : ve.msg);
	tv_set_int(v, "nrows", nrows);
	tv_set_int(v, "total", total);
	layout_pager(v, total, PER_PAGE, page, "/admin/audit?page=");
	tv_set_list_empty(v, "rows");
	for (size_t i = 0; i < n; i++) {
		tvars *row = tv_add_row(v, "rows");
		tv_set_int(row, "id", rows[i].id);
		tv_set(row, "at", rows[i].at);
		tv_set(row, "actor", rows[i].actor);
		tv_set(row, "action", rows[i].action);
		tv_set(row, "entity", rows[i].entity);
		tv_set_int(row, "entity_id", rows[i].entity_id);
		tv_set(row, "before", rows[i].before);
		tv_set(row, "after", rows[i].after);
	}
	int rc = layout_page(r, "admin_audit", "审计日志", v, e);
	tvars_free(v);
	audit_rows_free(rows, n);
	return rc;
}
