/*
 * admin_login.c - staff sign-in and sign-out (/login, /logout) and a
 * user's own password change (/admin/password).
 */
#include "base/crypto.h"
#include "base/str.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <string.h>

static int login_form(struct req *r, const char *login, const char *error,
		      struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "next", req_param_s(r, "next"));
	tv_set(v, "login", login);
	tv_set(v, "error", error);
	int rc = layout_page(r, "login", "工作人员登录", v, e);
	tvars_free(v);
	return rc;
}

int admin_login_page(struct req *r, struct err *e)
{
	if (r->logged_in) {
		const char *next = req_param_s(r, "next");
		resp_redirect(r, *next ? next : "/admin/");
		return 0;
	}
	return login_form(r, "", NULL, e);
}

int admin_login_post(struct req *r, struct err *e)
{
	const char *login = req_param_s(r, "login");
	const char *password = req_param_s(r, "password");
	if (!*login || !*password) {
		r->status = 400;
		return login_form(r, login, "请输入登录名和密码。", e);
	}
	struct err le = {0};
	if (auth_login(r, login, password, &le)) {
		if (le.code == ERR_INTERNAL) {
			*e = le;
			return -1;
		}
		r->status = err_status(&le);
		return login_form(r, login, le.msg, e);
	}
	const char *next = req_param_s(r, "next");
	resp_redirect(r, *next ? next : "/admin/");
	return 0;
}

int admin_logout_post(struct req *r, struct err *e)
{
	if (auth_logout(r, e)) {
		return -1;
	}
	resp_redirect(r, "/");
	return 0;
}

static int password_form(struct req *r, const char *error,
			 const char *notice, struct err *e)
{
	tvars *v = tvars_new();
	layout_csrf(r, v);
	tv_set(v, "login", r->user.login);
	tv_set(v, "error", error);
	tv_set(v, "notice", notice);
	int rc = layout_page(r, "admin_password", "修改密码", v, e);
	tvars_free(v);
	return rc;
}

int admin_password_page(struct req *r, struct err *e)
{
	return password_form(r, NULL, NULL, e);
}

int admin_password_post(struct req *r, struct err *e)
{
	const char *cur = req_param_s(r, "current");
	const char *pw = req_param_s(r, "password");
	const char *confirm = req_param_s(r, "confirm");
	char *hash = NULL;
	struct user u;
	int rc = user_find(r->st, r->user.login, &u, &hash, e);
	if (rc <= 0) {
		return rc == 0 ? err_set(e, ERR_NOTFOUND, "用户不存在。") : -1;
	}
	int ok = crypto_pw_verify(hash, cur);
	free(hash);
	user_clear(&u);
	r->status = 400;
	if (!ok) {
		return password_form(r, "当前密码不正确。", NULL, e);
	}
	if (strcmp(pw, confirm) != 0) {
		return password_form(r, "两次输入的新密码不一致。", NULL, e);
	}
	struct err pe = {0};
	struct actor who = auth_actor(r);
	if (user_set_password(r->st, &who, r->user.id, pw, &pe)) {
		if (pe.code == ERR_INTERNAL) {
			*e = pe;
			return -1;
		}
		return password_form(r, pe.msg, NULL, e);
	}
	/* The change ended every session, this one too: sign in again. */
	r->logged_in = 0;
	resp_cookie(r, AUTH_COOKIE, "", 0);
	resp_redirect(r, "/login");
	return 0;
}
