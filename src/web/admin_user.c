/*
 * admin_user.c - staff accounts for the admin: the list, creating an
 * account, disabling/enabling one and setting a new password.
 */
#include "base/str.h"
#include "render/html.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <string.h>

static int users_page(struct req *r, const char *error, int posted,
		      struct err *e)
{
	struct user *users = NULL;
	size_t nu = 0;
	struct organ *organs = NULL;
	size_t no = 0;
	if (user_list(r->st, 0, &users, &nu, e) ||
	    organ_list(r->st, &organs, &no, e)) {
		user_list_free(users, nu);
		return -1;
	}
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "error", error);
	const char *done = req_param(r, "done");
	static const struct {
		const char *code, *text;
	} notices[] = {
		{"created", "账号已创建。"},
		{"disabled", "账号已停用,其登录会话已结束。"},
		{"enabled", "账号已启用。"},
		{"password", "密码已重置,该用户需用新密码重新登录。"},
	};
	for (size_t i = 0; done && i < sizeof notices / sizeof notices[0];
	     i++) {
		if (str_eq(done, notices[i].code)) {
			tv_set(v, "notice", notices[i].text);
		}
	}
	for (size_t i = 0; i < nu; i++) {
		const struct user *u = &users[i];
		tvars *row = tv_add_row(v, "users");
		tv_set_int(row, "id", u->id);
		tv_set(row, "login", u->login);
		tv_set(row, "display_name", u->display_name);
		tv_set(row, "role_label", role_label(u->role));
		tv_set(row, "organ_name", u->organ_name);
		tv_set_bool(row, "disabled", u->disabled);
		tv_set_bool(row, "self", u->id == r->user.id);
		tv_setf(row, "disable_action", "/admin/users/%lld/disable",
			(long long)u->id);
		tv_setf(row, "enable_action", "/admin/users/%lld/enable",
			(long long)u->id);
		tv_setf(row, "password_action", "/admin/users/%lld/password",
			(long long)u->id);
	}
	const char *sel_organ = posted ? req_param_s(r, "organ") : "";
	for (size_t i = 0; i < no; i++) {
		tvars *row = tv_add_row(v, "organs");
		tv_set(row, "value", organs[i].slug);
		tv_set(row, "label", organs[i].name);
		tv_set_bool(row, "selected", str_eq(sel_organ, organs[i].slug));
	}
	const char *sel_role = posted ? req_param_s(r, "role") : "clerk";
	for (int k = ROLE_CLERK; k <= ROLE_ADMIN; k++) {
		tvars *row = tv_add_row(v, "roles");
		tv_set(row, "value", role_code((enum role)k));
		tv_set(row, "label", role_label((enum role)k));
		tv_set_bool(row, "selected",
			    str_eq(sel_role, role_code((enum role)k)));
	}
	if (posted) {
		tv_set(v, "form_login", req_param(r, "login"));
		tv_set(v, "form_name", req_param(r, "display_name"));
	}
	int rc = layout_page(r, "admin_users", "用户管理", v, e);
	tvars_free(v);
	user_list_free(users, nu);
	organ_list_free(organs, no);
	return rc;
}

int admin_users_page(struct req *r, struct err *e)
{
	return users_page(r, NULL, 0, e);
}

int admin_users_post(struct req *r, struct err *e)
{
	struct err fe = {0};
	struct user u = {0};
	struct organ o = {0};
	int found = organ_find(r->st, req_param_s(r, "organ"), &o, e);
	if (found < 0) {
		return -1;
	}
	if (found == 0) {
		err_set(&fe, ERR_INPUT, "请选择所属机关。");
	} else if (role_parse(req_param_s(r, "role"), &u.role, &fe) == 0) {
		u.organ_id = o.id;
		u.login = (char *)req_param_s(r, "login");
		u.display_name = (char *)req_param_s(r, "display_name");
		struct actor who = auth_actor(r);
		if (user_create(r->st, &who, &u, req_param_s(r, "password"),
				&fe) == 0) {
			organ_clear(&o);
			resp_redirect(r, "/admin/users?done=created");
			return 0;
		}
	}
	organ_clear(&o);
	if (fe.code == ERR_INTERNAL) {
		*e = fe;
		return -1;
	}
	r->status = err_status(&fe) == 409 ? 409 : 400;
	return users_page(r, fe.msg, 1, e);
}

/* The user named by the route's {id}. */
static int route_user(struct req *r, int64_t *id, struct err *e)
{
	if (str_to_i64(r->cap[0], 1, INT64_MAX, id)) {
		return err_set(e, ERR_NOTFOUND, "没有这个用户。");
	}
	return 0;
}

static int set_disabled(struct req *r, int disabled, struct err *e)
{
	int64_t id;
	if (route_user(r, &id, e)) {
		return -1;
	}
	if (id == r->user.id && disabled) {
		return err_set(e, ERR_INPUT, "不能停用自己的账号。");
	}
	struct actor who = auth_actor(r);
	if (user_set_disabled(r->st, &who, id, disabled, e)) {
		return -1;
	}
	resp_redirect(r, disabled ? "/admin/users?done=disabled"
				  : "/admin/users?done=enabled");
	return 0;
}

int admin_user_disable_post(struct req *r, struct err *e)
{
	return set_disabled(r, 1, e);
}

int admin_user_enable_post(struct req *r, struct err *e)
{
	return set_disabled(r, 0, e);
}

int admin_user_password_post(struct req *r, struct err *e)
{
	int64_t id;
	if (route_user(r, &id, e)) {
		return -1;
	}
	struct actor who = auth_actor(r);
	struct err fe = {0};
	if (user_set_password(r->st, &who, id, req_param_s(r, "password"),
			      &fe)) {
		if (fe.code == ERR_INTERNAL || fe.code == ERR_NOTFOUND) {
			*e = fe;
			return -1;
		}
		r->status = 400;
		return users_page(r, fe.msg, 0, e);
	}
	if (id == r->user.id) {
		r->logged_in = 0;
		resp_cookie(r, AUTH_COOKIE, "", 0);
		resp_redirect(r, "/login");
		return 0;
	}
	resp_redirect(r, "/admin/users?done=password");
	return 0;
}
