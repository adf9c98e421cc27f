/*
 * test_auth.c - the CSRF token logic of web/auth.c on hand-made requests:
 * a visitor's token matches only their own anonymous cookie, a session's
 * token only that session, and a missing or altered token fails.
 */
#include "t.h"

#include "web/auth.h"

static struct app app = {.secret = "test-secret"};

static void set_form(struct req *r, const char *tok)
{
	kv_free(&r->form);
	kv_add(&r->form, "csrf", tok);
}

static void t_anonymous_token(void)
{
	struct req r = {.app = &app};
	char tok[65];
	auth_csrf_token(&r, tok); /* creates the gk_anon cookie */
	int cookie_set =
		strstr(buf_str(&r.hdrs), "Set-Cookie: gk_anon=") != NULL;
	set_form(&r, tok);
	int ok = auth_csrf_ok(&r);
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	set_form(&r, tok);
	int altered = auth_csrf_ok(&r);
	struct req other = {.app = &app};
	memset(other.anon, 'c', 64);
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	set_form(&other, tok);
	int foreign = auth_csrf_ok(&other);
	kv_free(&r.form);
	kv_free(&other.form);
	buf_free(&r.hdrs);
	T_ASSERT(cookie_set);
	T_ASSERT(ok);
	T_ASSERT(!altered);
	T_ASSERT(!foreign);
}

static void t_session_token(void)
{
	struct req r = {.app = &app, .logged_in = 1};
	memset(r.sess_hash, 'a', 64);
	char tok[65];
	auth_csrf_token(&r, tok);
	int no_cookie = r.hdrs.n == 0;
	set_form(&r, tok);
	int ok = auth_csrf_ok(&r);
	r.sess_hash[0] = 'b'; /* another session */
	int other = auth_csrf_ok(&r);
	r.logged_in = 0; /* the same token as a visitor's */
	int anon = auth_csrf_ok(&r);
	kv_free(&r.form);
	struct req none = {.app = &app};
	int missing = auth_csrf_ok(&none);
	T_ASSERT(no_cookie);
	T_ASSERT(ok);
	T_ASSERT(!other);
	T_ASSERT(!anon);
	T_ASSERT(!missing);
}

void suite_auth(void)
{
	T_RUN(t_anonymous_token);
	T_RUN(t_session_token);
}
