/*
 * auth.c - sessions, CSRF and login (see auth.h).
 */
#include "web/auth.h"

#include "base/crypto.h"
#include "base/log.h"
#include "base/str.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int hex64(const char *s)
{
	if (!s || strlen(s) != 64) {
		return 0;
	}
	return strspn(s, "0123456789abcdef") == 64;
}

int auth_load(struct req *r, struct err *e)
{
	const char *tok = req_cookie(r, AUTH_COOKIE);
	const char *anon = req_cookie(r, AUTH_ANON_COOKIE);
	if (hex64(anon)) {
		memcpy(r->anon, anon, 65);
	}
	if (!hex64(tok)) {
		return 0;
	}
	crypto_sha256_hex(tok, 64, r->sess_hash);
	int rc = session_lookup(r->st, r->sess_hash, (int64_t)time(NULL),
				&r->user, &r->sid, e);
	if (rc < 0) {
		return -1;
	}
	r->logged_in = rc == 1;
	if (!r->logged_in) {
		r->sess_hash[0] = 0;
	}
	return 0;
}

void auth_csrf_token(struct req *r, char out[65])
{
	char msg[80];
	if (r->logged_in) {
		snprintf(msg, sizeof msg, "s:%s", r->sess_hash);
	} else {
		if (!r->anon[0]) {
			crypto_random_hex(r->anon);
			resp_cookie(r, AUTH_ANON_COOKIE, r->anon, -1);
		}
		snprintf(msg, sizeof msg, "a:%s", r->anon);
	}
	crypto_hmac_hex(r->app->secret, msg, out);
}

int auth_csrf_ok(const struct req *r)
{
	const char *got = kv_get(&r->form, "csrf");
	if (!got || strlen(got) != 64) {
		return 0;
	}
	char msg[80], want[65];
	if (r->logged_in) {
		snprintf(msg, sizeof msg, "s:%s", r->sess_hash);
	} else if (r->anon[0]) {
		snprintf(msg, sizeof msg, "a:%s", r->anon);
	} else {
		return 0;
	}
	crypto_hmac_hex(r->app->secret, msg, want);
	return crypto_str_eq(got, want);
}

int auth_login(struct req *r, const char *login, const char *password,
	       struct err *e)
{
	const struct conf *c = &r->app->conf;
	int64_t now = (int64_t)time(NULL);
	int64_t by_login = 0, by_ip = 0;
	if (login_failure_count(r->st, login, r->ip,
				now - c->login_window_minutes * 60, &by_login,
				&by_ip, e)) {
		return -1;
	}
	/* Per address the limit is wider: an office shares one address. */
	if (by_login >= c->login_max_failures ||
	    by_ip >= c->login_max_failures * 4) {
		log_msg(LOG_WARN, r->rid, "login throttled for '%s' from %s",
			login, r->ip);
		return err_set_http(e, ERR_LIMIT, 429,
				    "登录失败次数过多,请 %lld 分钟后再试。",
				    (long long)c->login_window_minutes);
	}
	struct user u = {0};
	char *hash = NULL;
	int rc = user_find(r->st, login, &u, &hash, e);
	if (rc < 0) {
		return -1;
	}
	/* Verify even for an unknown login, so timing does not tell which
	 * logins exist. */
	int ok = crypto_pw_verify(rc == 1 ? hash : r->app->dummy_hash,
				  password);
	free(hash);
	if (rc == 0 || !ok || u.disabled) {
		user_clear(&u);
		if (login_failure_add(r->st, login, r->ip, now, e)) {
			return -1;
		}
		log_msg(LOG_INFO, r->rid, "login failed for '%s' from %s",
			login, r->ip);
		return err_set_http(e, ERR_DENIED, 403,
				    "登录名或密码不正确,或账号已停用。");
	}
	char token[65], th[65];
	crypto_random_hex(token);
	crypto_sha256_hex(token, 64, th);
	struct actor who = {u.id, u.login};
	int64_t ttl = c->session_hours * 3600;
	if (session_create(r->st, &who, u.id, th, now + ttl, r->ip, e) ||
	    login_failure_clear(r->st, login, e)) {
		user_clear(&u);
		return -1;
	}
	if (session_purge(r->st, now, e)) {
		log_msg(LOG_WARN, r->rid, "session purge: %s", e->msg);
	}
	user_clear(&r->user);
	r->user = u;
	r->logged_in = 1;
	memcpy(r->sess_hash, th, sizeof th);
	resp_cookie(r, AUTH_COOKIE, token, ttl);
	return 0;
}

int auth_logout(struct req *r, struct err *e)
{
	if (r->logged_in) {
		struct actor who = auth_actor(r);
		if (session_delete(r->st, &who, r->sid, e)) {
			return -1;
		}
	}
	resp_cookie(r, AUTH_COOKIE, "", 0);
	r->logged_in = 0;
	return 0;
}

struct actor auth_actor(const struct req *r)
{
	struct actor a = {r->user.id, r->user.login};
	return a;
}
