/*
 * auth.h - who is asking: login sessions (cookie gk_session), CSRF tokens,
 * and the login/logout operations with rate limiting of failures.
 *
 * CSRF: a token is HMAC-SHA-256(app secret, "s:" session-hash) for a
 * logged-in user, or HMAC(secret, "a:" anon) for a visitor, where anon is
 * the random value of the gk_anon cookie (set when a form is shown). Every
 * form carries it in the field `csrf`; route.c checks it on every POST.
 */
#ifndef GK_AUTH_H
#define GK_AUTH_H

#include "web/http.h"

#define AUTH_COOKIE "gk_session"
#define AUTH_ANON_COOKIE "gk_anon"

/* Loads the session named by the request's cookie into r (logged_in, user,
 * sid). 0, or -1 on a storage error. A stale cookie is simply ignored. */
int auth_load(struct req *r, struct err *e);
/* The CSRF token for this request's visitor into out; for a visitor with
 * no gk_anon cookie, creates one and sets it on the response. */
void auth_csrf_token(struct req *r, char out[65]);
/* 1 when the form's csrf field matches the visitor's token. */
int auth_csrf_ok(const struct req *r);
/* Checks login/password, applying the failure limits. On success creates
 * a session, sets the cookie and fills r->user; returns 0. On failure
 * returns -1 with e: ERR_DENIED (wrong login or password, one message for
 * both), ERR_LIMIT with status 429 (too many failures). */
int auth_login(struct req *r, const char *login, const char *password,
	       struct err *e);
/* Ends the current session and clears the cookie. */
int auth_logout(struct req *r, struct err *e);
/* The actor for audit rows made by this request's user. */
struct actor auth_actor(const struct req *r);

#endif
