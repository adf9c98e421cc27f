/*
 * portal_apply.c - disclosure on application (依申请公开), the public
 * side: an organ's online application form (/organ/SLUG/apply, regulation
 * art. 29), the confirmation with the tracking code (/apply/done) and the
 * status lookup by tracking code and contact (/apply/status). What these
 * pages show of an application is apply_public_vars (apply.h): never the
 * applicant's name, ID, contacts or request text.
 *
 * Against abuse: every POST carries CSRF (route.c); the form has a field
 * `website` that people never see (a honeypot: filled in, the submission
 * is refused and nothing stored); an address may file conf apply_per_hour
 * applications an hour, and may fail 4 x login_max_failures lookups in
 * login_window_minutes, the per-address limit of logins. Addresses are
 * kept only as a keyed hash (portal_client_hash). The confirmation is
 * reached by a redirect that carries no data: the tracking code travels in a
 * signed cookie (APPLIED_COOKIE), so a reload does not file twice and the
 * page cannot be reached by guessing.
 */
#include "base/crypto.h"
#include "base/date.h"
#include "base/log.h"
#include "base/str.h"
#include "render/html.h"
#include "store/application.h"
#include "store/organ.h"
#include "web/apply.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/portal.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define APPLIED_COOKIE "gk_applied"
#define APPLIED_SECONDS 3600
/* login_failure.login of failed lookups: no login can start with '#' */
#define LOOKUP_KEY "#apply-status"

/*---- The form ----*/

/* The text fields of the form: the parameter (and template name), its
 * string in struct application, and the id of its control. */
static const struct field {
	const char *param;
	size_t off;
	const char *id;
} fields[] = {
	{"name", offsetof(struct application, name), "f-name"},
	{"id_type", offsetof(struct application, id_type), "f-id-type"},
	{"id_number", offsetof(struct application, id_number), "f-id-number"},
	{"legal_rep", offsetof(struct application, legal_rep), "f-legal-rep"},
	{"contact_person", offsetof(struct application, contact_person),
	 "f-contact"},
	{"phone", offsetof(struct application, phone), "f-phone"},
	{"email", offsetof(struct application, email), "f-email"},
	{"address", offsetof(struct application, address), "f-address"},
	{"postcode", offsetof(struct application, postcode), "f-postcode"},
	{"request", offsetof(struct application, request), "f-request"},
	{"doc_no", offsetof(struct application, doc_no), "f-doc-no"},
	{"purpose", offsetof(struct application, purpose), "f-purpose"},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* How app_check's messages (and ours) name a field: the message starts
 * with the label; NULL param for the radio groups. */
static const struct {
	const char *prefix, *param, *id;
} err_fields[] = {
	{"姓名", "name", "f-name"},
	{"名称", "name", "f-name"},
	{"证件类型", "id_type", "f-id-type"},
	{"身份证明", "id_type", "f-id-type"},
	{"证件号码", "id_number", "f-id-number"},
	{"法定代表人", "legal_rep", "f-legal-rep"},
	{"联系人", "contact_person", "f-contact"},
	{"联系电话", "phone", "f-phone"},
	{"联系方式", "phone", "f-phone"},
	{"电子邮箱", "email", "f-email"},
	{"通信地址", "address", "f-address"},
	{"邮政编码", "postcode", "f-postcode"},
	{"所需信息", "request", "f-request"},
	{"文件名称", "doc_no", "f-doc-no"},
	{"用途", "purpose", "f-purpose"},
	{"申请人类型", NULL, "f-kind"},
	{"获取信息的方式", NULL, "f-delivery"},
};

/* Rows value/label/checked of vocabulary v[from..to) into `list`. */
static void choice_rows(tvars *v, const char *list, const char *flag,
			const struct vocab *voc, size_t from, size_t to,
			const char *chosen)
{
	tv_set_list_empty(v, list);
	for (size_t i = from; i < to; i++) {
		tvars *row = tv_add_row(v, list);
		tv_set(row, "value", voc[i].code);
		tv_set(row, "label", voc[i].label);
		tv_set_bool(row, flag, str_eq(chosen, voc[i].code));
	}
}

/* Renders the form with the values sent (none on GET) and, when error
 * is set, the message at the top linked to the field it names. The
 * caller sets r->status. */
static int apply_form(struct req *r, const struct organ *o,
		      const char *error, struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "organ_name", o->name);
	layout_set_url(v, "organ_href", "/organ/%s/", o->slug);
	layout_set_url(v, "xxgk_href", "/organ/%s/xxgk/", o->slug);
	layout_set_url(v, "guide_href", "/organ/%s/#guide", o->slug);
	layout_set_url(v, "action", "/organ/%s/apply", o->slug);
	const char *kind = req_param_s(r, "kind");
	if (str_eq(r->method, "GET") || str_eq(r->method, "HEAD")) {
		kind = app_kinds[AK_NATURAL].code;
	}
	choice_rows(v, "person_kinds", "checked", app_kinds, 0, 1, kind);
	choice_rows(v, "org_kinds", "checked", app_kinds, 1, AK_COUNT, kind);
	choice_rows(v, "id_types", "selected", app_id_types, 0,
		    app_nid_types, req_param_s(r, "id_type"));
	choice_rows(v, "deliveries", "checked", app_deliveries, 0, DLV_COUNT,
		    req_param_s(r, "delivery"));
	char bad[40];
	for (size_t i = 0; i < NFIELDS; i++) {
		tv_set(v, fields[i].param, req_param_s(r, fields[i].param));
		snprintf(bad, sizeof bad, "bad_%s", fields[i].param);
		tv_set(v, bad, "false");
	}
	if (error) {
		tv_set(v, "error", error);
		for (size_t i = 0; i < sizeof err_fields / sizeof err_fields[0];
		     i++) {
			if (!str_has_prefix(error, err_fields[i].prefix)) {
				continue;
			}
			tv_setf(v, "error_href", "#%s", err_fields[i].id);
			if (err_fields[i].param) {
				snprintf(bad, sizeof bad, "bad_%s",
					 err_fields[i].param);
				tv_set(v, bad, "true");
			}
			break;
		}
	}
	char title[512];
	snprintf(title, sizeof title, "向%s申请政府信息公开", o->name);
	int rc = layout_page(r, "apply", title, v, e);
	tvars_free(v);
	return rc;
}

int portal_apply_page(struct req *r, struct err *e)
{
	struct organ o;
	if (route_organ(r, &o, e)) {
		return -1;
	}
	int rc = apply_form(r, &o, NULL, e);
	organ_clear(&o);
	return rc;
}

/* 1 when the address hash filed apply_per_hour applications in the last
 * hour (the limit off: never), 0 when not, -1 on a storage error. */
static int over_limit(struct req *r, const char *hash, struct err *e)
{
	int64_t limit = r->app->conf.apply_per_hour;
	if (limit <= 0) {
		return 0;
	}
	char since[21];
	int64_t n = 0;
	date_timestamp(time(NULL) - 3600, since);
	if (application_recent(r->st, hash, since, &n, e)) {
		return -1;
	}
	return n >= limit;
}

/* Fills a from the form: the text fields trimmed, kind and delivery
 * parsed. 0, or -1 with ERR_INPUT naming the radio group. */
static int read_form(struct req *r, const struct organ *o,
		     struct application *a, struct err *e)
{
	a->organ_id = o->id;
	a->organ_slug = xstrdup(o->slug);
	a->organ_name = xstrdup(o->name);
	a->channel = CHAN_ONLINE;
	for (size_t i = 0; i < NFIELDS; i++) {
		char **dst = (char **)((char *)a + fields[i].off);
		*dst = str_trim(xstrdup(req_param_s(r, fields[i].param)));
	}
	int k = vocab_parse(app_kinds, AK_COUNT, "",
			    req_param_s(r, "kind"), e);
	if (k < 0) {
		return err_set(e, ERR_INPUT, "申请人类型:请选择自然人或"
					     "法人或其他组织的类别");
	}
	a->kind = (enum app_kind)k;
	int d = vocab_parse(app_deliveries, DLV_COUNT, "",
			    req_param_s(r, "delivery"), e);
	if (d < 0) {
		return err_set(e, ERR_INPUT, "获取信息的方式:请选择一种");
	}
	a->delivery = (enum app_delivery)d;
	return 0;
}

int portal_apply_post(struct req *r, struct err *e)
{
	struct organ o;
	struct application a;
	struct apply_ctx ctx;
	struct err fe = {0};
	char hash[CRYPTO_HEX32];
	int rc = -1;
	app_init(&a);
	memset(&ctx, 0, sizeof ctx);
	if (route_organ(r, &o, e)) {
		return -1;
	}
	if (*req_param_s(r, "website")) {
		log_msg(LOG_WARN, r->rid, "apply: honeypot filled, refused");
		err_set(e, ERR_INPUT,
			"无法受理这次提交。请刷新页面后重新填写;也可以当面或"
			"以信函方式提交申请。");
		goto done;
	}
	portal_client_hash(r, hash);
	int over = over_limit(r, hash, e);
	if (over < 0) {
		goto done;
	}
	if (over) {
		log_msg(LOG_WARN, r->rid, "apply: hourly limit reached");
		resp_header(r, "Retry-After", "3600");
		r->status = 429;
		rc = apply_form(r, &o,
				"提交过于频繁:一小时内从同一网络地址提交的"
				"网上申请已达上限。请一小时后再试,也可以当面"
				"或以信函方式提交申请(受理机构和地址见公开"
				"指南)。",
				e);
		goto done;
	}
	if (read_form(r, &o, &a, &fe) || app_check(&a, &fe)) {
		r->status = 400;
		rc = apply_form(r, &o, fe.msg, e);
		goto done;
	}
	if (apply_ctx_load(r, &ctx, e)) {
		goto done;
	}
	ctx.env.ip_hash = hash;
	struct actor who = {0, "public:online"};
	if (application_create(r->st, &who, &a, &ctx.env, &fe)) {
		if (fe.code != ERR_INPUT) {
			*e = fe;
			goto done;
		}
		r->status = 400;
		rc = apply_form(r, &o, fe.msg, e);
		goto done;
	}
	log_msg(LOG_INFO, r->rid, "apply: %s filed online with %s",
		a.tracking_code, o.slug);
	portal_signed_set(r, APPLIED_COOKIE, "applied", a.tracking_code,
			  APPLIED_SECONDS);
	resp_redirect(r, "/apply/done");
	rc = 0;
done:
	apply_ctx_free(&ctx);
	app_clear(&a);
	organ_clear(&o);
	return rc;
}

/*---- The confirmation ----*/

/* The public values of a plus the links of these pages. */
static int public_vars(struct req *r, tvars *v, const struct application *a,
		       struct err *e)
{
	struct apply_ctx ctx;
	if (apply_ctx_load(r, &ctx, e)) {
		apply_ctx_free(&ctx);
		return -1;
	}
	apply_public_vars(v, a, &ctx);
	apply_ctx_free(&ctx);
	layout_set_url(v, "organ_href", "/organ/%s/", a->organ_slug);
	layout_set_url(v, "status_href", "/apply/status?code=%s",
		       a->tracking_code);
	return 0;
}

int portal_apply_done_page(struct req *r, struct err *e)
{
	char code[32];
	struct application a;
	app_init(&a);
	int found = portal_signed_get(r, APPLIED_COOKIE, "applied", code,
				      sizeof code)
			    ? application_by_code(r->st, code, &a, e)
			    : 0;
	if (found <= 0) {
		app_clear(&a);
		return found < 0 ? -1
				 : err_set(e, ERR_NOTFOUND,
					   "这个浏览器最近没有提交过申请。查询"
					   "办理进度,请使用“申请进度查询”。");
	}
	tvars *v = tvars_new();
	int rc = public_vars(r, v, &a, e);
	if (rc == 0) {
		rc = layout_page(r, "apply_done", "申请已提交", v, e);
	}
	tvars_free(v);
	app_clear(&a);
	return rc;
}

/*---- Status lookup ----*/

static int status_form(struct req *r, const char *code, const char *contact,
		       const char *error, struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "code", code);
	tv_set(v, "contact", contact);
	tv_set(v, "error", error);
	int rc = layout_page(r, "apply_status", "申请进度查询", v, e);
	tvars_free(v);
	return rc;
}

int portal_apply_status_page(struct req *r, struct err *e)
{
	return status_form(r, req_param_s(r, "code"), "", NULL, e);
}

/* The digits of s into out (a phone number without its spaces, dashes,
 * brackets and plus). */
static void digits(const char *s, Buf *out)
{
	for (; s && *s; s++) {
		if (isdigit((unsigned char)*s)) {
			buf_putc(out, *s);
		}
	}
}

/* 1 when `typed` is the application's e-mail (any case) or, without an
 * '@', its phone number (digits compared); never for an empty one. */
static int contact_matches(const struct application *a, const char *typed)
{
	if (strchr(typed, '@')) {
		return !str_blank(a->email) && strcasecmp(a->email, typed) == 0;
	}
	Buf x = BUF_INIT, y = BUF_INIT;
	digits(typed, &x);
	digits(a->phone, &y);
	int ok = x.n > 0 && crypto_str_eq(buf_str(&x), buf_str(&y));
	buf_free(&x);
	buf_free(&y);
	return ok;
}

/* The result page of a found application. */
static int status_result(struct req *r, const struct application *a,
			 struct err *e)
{
	tvars *v = tvars_new();
	int rc = public_vars(r, v, a, e);
	if (rc == 0) {
		tv_set_bool(v, "supp_pending", a->status == AS_SUPPLEMENT);
		const struct outcome *oc =
			a->outcome >= 0 ? &app_outcomes[a->outcome] : NULL;
		tv_set_bool(v, "outcome_detail",
			    oc && !str_eq(oc->label,
					  outcome_families[oc->family].label));
		rc = layout_page(r, "apply_result", "申请办理进度", v, e);
	}
	tvars_free(v);
	return rc;
}

int portal_apply_status_post(struct req *r, struct err *e)
{
	char hash[CRYPTO_HEX32];
	portal_client_hash(r, hash);
	if (portal_lookup_throttled(r, LOOKUP_KEY, hash, e)) {
		return -1;
	}
	char *code = portal_code_param(r);
	char *contact = str_trim(xstrdup(req_param_s(r, "contact")));
	struct application a;
	int rc = -1, found = 0;
	app_init(&a);
	if (!*code || !*contact) {
		r->status = 400;
		rc = status_form(r, code, contact,
				 "请填写申请编号和联系电话或电子邮箱。", e);
		goto done;
	}
	found = application_by_code(r->st, code, &a, e);
	if (found < 0) {
		goto done;
	}
	if (found == 0 || !contact_matches(&a, contact)) {
		/* One answer for an unknown code and a wrong contact. */
		if (portal_lookup_failed(r, LOOKUP_KEY, hash, e)) {
			goto done;
		}
		r->status = 404;
		rc = status_form(r, code, contact,
				 "没有找到与该申请编号和联系方式相符的申请。"
				 "请核对申请编号,并填写申请时留下的联系电话"
				 "或电子邮箱。",
				 e);
		goto done;
	}
	rc = status_result(r, &a, e);
done:
	app_clear(&a);
	free(code);
	free(contact);
	return rc;
}
