/*
 * apply.h - what the application page families (portal_apply.c,
 * admin_application.c) share: the environment every change and deadline
 * needs (calendar from the database, today, the organ's settings, the
 * base URL for mail links), and an application's values for templates.
 */
#ifndef GK_WEB_APPLY_H
#define GK_WEB_APPLY_H

#include "base/buf.h"
#include "domain/deadline.h"
#include "render/tmpl.h"
#include "store/application.h"
#include "web/http.h"

struct apply_ctx {
	struct calendar cal;
	Buf base;
	struct app_env env;
};

/* Loads the calendar of r->st and fills ctx->env (today = the server's
 * local date). Free with apply_ctx_free, also on failure. */
int apply_ctx_load(struct req *r, struct apply_ctx *ctx, struct err *e);
void apply_ctx_free(struct apply_ctx *ctx);

/* Sets the public values of an application (no personal data):
 * tracking_code, organ_name, channel_label, kind_label (申请人类型),
 * status, status_label, submitted (day), received, due, replied,
 * outcome_label, outcome_family, supp_deadline, supp_note, closed (bool),
 * overdue (bool), missing_year (0 or the year), and the list `steps`
 * (each with `text`) of the deadline derivation computed for today. */
void apply_public_vars(tvars *v, const struct application *a,
		       const struct apply_ctx *ctx);

#endif
