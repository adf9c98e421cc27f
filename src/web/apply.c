/*
 * apply.c - the shared part of the application pages (see apply.h).
 */
#include "web/apply.h"

#include "app.h"
#include "base/date.h"
#include "store/holiday.h"
#include "web/layout.h"
#include "web/portal.h"

#include <string.h>

int apply_ctx_load(struct req *r, struct apply_ctx *ctx, struct err *e)
{
	memset(ctx, 0, sizeof *ctx);
	if (holiday_load(r->st, &ctx->cal, e)) {
		return -1;
	}
	const struct conf *c = &r->app->conf;
	portal_mail_base(r, &ctx->base);
	ctx->env.cal = &ctx->cal;
	ctx->env.today = date_today();
	ctx->env.fee_stops_clock = (int)c->fee_stops_clock;
	ctx->env.base_url = buf_str(&ctx->base);
	return 0;
}

void apply_ctx_free(struct apply_ctx *ctx)
{
	cal_free(&ctx->cal);
	buf_free(&ctx->base);
}

void apply_public_vars(tvars *v, const struct application *a,
		       const struct apply_ctx *ctx)
{
	struct deadline d;
	deadline_compute(a, &ctx->cal, ctx->env.today,
			 ctx->env.fee_stops_clock, &d);
	tv_set(v, "tracking_code", a->tracking_code);
	tv_set(v, "organ_name", a->organ_name);
	tv_set(v, "organ_slug", a->organ_slug);
	tv_set(v, "channel_label", app_channels[a->channel].label);
	tv_set(v, "kind_label", app_kinds[a->kind].label);
	tv_set(v, "status", app_statuses[a->status].code);
	tv_set(v, "status_label", app_statuses[a->status].label);
	layout_set_day(v, "submitted", a->submitted);
	layout_set_day(v, "received", a->received);
	layout_set_day(v, "due", d.due);
	layout_set_day(v, "replied", a->replied);
	layout_set_day(v, "supp_deadline", a->supp_deadline);
	tv_set(v, "supp_note", a->supp_note ? a->supp_note : "");
	tv_set(v, "outcome_label",
	       a->outcome >= 0 ? app_outcomes[a->outcome].label : "");
	tv_set(v, "outcome_family",
	       a->outcome >= 0
		       ? outcome_families[app_outcomes[a->outcome].family].label
		       : "");
	tv_set_bool(v, "closed", a->outcome >= 0);
	tv_set_bool(v, "overdue", a->outcome < 0 && d.due && d.left < 0);
	tv_set_int(v, "missing_year", d.missing_year);
	tv_set_int(v, "left", d.left);
	tv_set_list_empty(v, "steps");
	for (size_t i = 0; i < d.nsteps; i++) {
		tv_set(tv_add_row(v, "steps"), "text", d.steps[i]);
	}
	deadline_free(&d);
}
