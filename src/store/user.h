/*
 * user.h - staff accounts, login sessions and failed-login records.
 * Passwords are stored only as argon2id hashes; session tokens only as
 * SHA-256 hashes.
 */
#ifndef GK_USER_H
#define GK_USER_H

#include "domain/role.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

struct user {
	int64_t id, organ_id;
	char *organ_slug, *organ_name, *login, *display_name;
	enum role role;
	int disabled;
	char *created_at, *pw_changed_at;
};

/* Validates and inserts u (u->organ_id must exist) with the password's
 * argon2id hash and an audit row. Sets u->id. */
int user_create(store *st, const struct actor *who, struct user *u,
		const char *password, struct err *e);
/* Sets a new password (policy-checked) and ends the user's sessions. */
int user_set_password(store *st, const struct actor *who, int64_t id,
		      const char *password, struct err *e);
/* Disables (ending the user's sessions) or re-enables an account. */
int user_set_disabled(store *st, const struct actor *who, int64_t id,
		      int disabled, struct err *e);
/* Lookups: 1 found (out filled; free with user_clear), 0 no, -1 error.
 * user_find also returns the password hash (heap) when pw_hash != NULL. */
int user_find(store *st, const char *login, struct user *out,
	      char **pw_hash, struct err *e);
int user_get(store *st, int64_t id, struct user *out, struct err *e);
/* Users of one organ (organ_id 0: all), by organ then login. */
int user_list(store *st, int64_t organ_id, struct user **out, size_t *n,
	      struct err *e);
void user_clear(struct user *u);
void user_list_free(struct user *v, size_t n);

/*---- Sessions ----*/

/* Stores a session for user_id under the SHA-256 hex of its token, valid
 * until `expires` (unix seconds), with an audit row. */
int session_create(store *st, const struct actor *who, int64_t user_id,
		   const char *token_hash, int64_t expires, const char *ip,
		   struct err *e);
/* The enabled user owning an unexpired session: 1 (u filled, *sid set), 0
 * none, -1 error. */
int session_lookup(store *st, const char *token_hash, int64_t now,
		   struct user *u, int64_t *sid, struct err *e);
/* Ends a session (logout), with an audit row. */
int session_delete(store *st, const struct actor *who, int64_t sid,
		   struct err *e);
/* Deletes sessions expired before now, with one audit row if any. */
int session_purge(store *st, int64_t now, struct err *e);

/*---- Failed logins ----*/

int login_failure_add(store *st, const char *login, const char *ip,
		      int64_t now, struct err *e);
/* Failures since `since` for this login and for this address. */
int login_failure_count(store *st, const char *login, const char *ip,
			int64_t since, int64_t *by_login, int64_t *by_ip,
			struct err *e);
/* Forgets the failures of a login (after a successful login). */
int login_failure_clear(store *st, const char *login, struct err *e);

#endif
