/*
 * user.c - every statement on user, session and login_failure (user.h).
 */
#include "store/user.h"

#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"
#include "store/audit.h"
#include "store/store_int.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

#define USER_COLS                                                        \
	"u.id, u.organ_id, o.slug, o.name, u.login, u.display_name, "    \
	"u.role, u.disabled, u.created_at, u.pw_changed_at "

static void fill(sqlite3_stmt *s, struct user *u)
{
	memset(u, 0, sizeof *u);
	u->id = st_col_int(s, 0);
	u->organ_id = st_col_int(s, 1);
	u->organ_slug = st_col_text(s, 2);
	u->organ_name = st_col_text(s, 3);
	u->login = st_col_text(s, 4);
	u->display_name = st_col_text(s, 5);
	const char *r = (const char *)sqlite3_column_text(s, 6);
	if (role_parse(r, &u->role, NULL)) {
		u->role = ROLE_CLERK;
	}
	u->disabled = (int)st_col_int(s, 7);
	u->created_at = st_col_text(s, 8);
	u->pw_changed_at = st_col_text(s, 9);
}

/* Adapters for st_one and st_collect. */
static void fill_any(sqlite3_stmt *s, void *p)
{
	fill(s, p);
}

static void user_clear_any(void *p)
{
	user_clear(p);
}

void user_clear(struct user *u)
{
	free(u->organ_slug);
	free(u->organ_name);
	free(u->login);
	free(u->display_name);
	free(u->created_at);
	free(u->pw_changed_at);
	memset(u, 0, sizeof *u);
}

void user_list_free(struct user *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		user_clear(&v[i]);
	}
	free(v);
}

/* Audit snapshot; never includes the password hash. Caller frees. */
static char *snapshot(const struct user *u, const char *pw_changed_at)
{
	json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:s, s:b, s:s}", "id",
			      (json_int_t)u->id, "organ_id",
			      (json_int_t)u->organ_id, "login", u->login,
			      "display_name",
			      u->display_name ? u->display_name : "", "role",
			      role_code(u->role), "disabled", u->disabled,
			      "pw_changed_at",
			      pw_changed_at ? pw_changed_at : "");
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

int user_create(store *st, const struct actor *who, struct user *u,
		const char *password, struct err *e)
{
	if (ident_login(u->login, e) ||
	    ident_text("姓名", u->display_name, 50, 0, e) ||
	    role_password_ok(u->login, password, e)) {
		return -1;
	}
	char hash[CRYPTO_PWHASH];
	if (crypto_pw_hash(password, hash)) {
		return err_set(e, ERR_INTERNAL, "password hashing failed");
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	struct user x;
	int rc = user_find(st, u->login, &x, NULL, e);
	if (rc < 0) {
		goto fail;
	}
	if (rc == 1) {
		user_clear(&x);
		err_set(e, ERR_CONFLICT, "登录名“%s”已被使用", u->login);
		goto fail;
	}
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO user(organ_id, login, display_name, pw_hash, role, "
		"disabled, created_at, pw_changed_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
		e);
	if (!s || st_bind_int(st, s, 1, u->organ_id, e) ||
	    st_bind_text(st, s, 2, u->login, e) ||
	    st_bind_text(st, s, 3, u->display_name ? u->display_name : "",
			 e) ||
	    st_bind_text(st, s, 4, hash, e) ||
	    st_bind_text(st, s, 5, role_code(u->role), e) ||
	    st_bind_int(st, s, 6, u->disabled, e) ||
	    st_bind_text(st, s, 7, now, e) || st_exec(st, s, e)) {
		goto fail;
	}
	u->id = sqlite3_last_insert_rowid(st->db);
	snap = snapshot(u, now);
	if (audit_append(st, who, "user.create", "user", u->id, NULL, snap,
			 e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(snap);
	return 0;
fail:
	free(snap);
	store_tx_rollback(st);
	return -1;
}

/* Deletes every session of a user, with one audit row when any existed. */
static int end_sessions(store *st, const struct actor *who, int64_t uid,
			const char *why, struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM session WHERE user_id = ?1", e);
	if (!s || st_bind_int(st, s, 1, uid, e) || st_exec(st, s, e)) {
		return -1;
	}
	int n = sqlite3_changes(st->db);
	if (n == 0) {
		return 0;
	}
	char after[96];
	snprintf(after, sizeof after, "{\"ended\":%d,\"reason\":\"%s\"}", n,
		 why);
	return audit_append(st, who, "session.revoke", "user", uid, NULL,
			    after, e);
}

static int change(store *st, const struct actor *who, int64_t id,
		  const char *password, int disabled, struct err *e)
{
	struct user old = {0};
	char *before = NULL, *after = NULL;
	char hash[CRYPTO_PWHASH];
	if (password) {
		if (store_tx_begin(st, e)) {
			return -1;
		}
		int rc = user_get(st, id, &old, e);
		store_tx_rollback(st);
		if (rc <= 0) {
			return rc == 0 ? err_set(e, ERR_NOTFOUND, "用户不存在")
				       : -1;
		}
		if (role_password_ok(old.login, password, e) ||
		    crypto_pw_hash(password, hash)) {
			user_clear(&old);
			return -1;
		}
		user_clear(&old);
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	int rc = user_get(st, id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "用户不存在");
		}
		goto fail;
	}
	char now[21];
	date_timestamp(time(NULL), now);
	before = snapshot(&old, old.pw_changed_at);
	sqlite3_stmt *s;
	if (password) {
		s = st_prepare(st,
			       "UPDATE user SET pw_hash = ?2, pw_changed_at = ?3 "
			       "WHERE id = ?1",
			       e);
		if (!s || st_bind_int(st, s, 1, id, e) ||
		    st_bind_text(st, s, 2, hash, e) ||
		    st_bind_text(st, s, 3, now, e) || st_exec(st, s, e)) {
			goto fail;
		}
		after = snapshot(&old, now);
	} else {
		s = st_prepare(st, "UPDATE user SET disabled = ?2 WHERE id = ?1",
			       e);
		if (!s || st_bind_int(st, s, 1, id, e) ||
		    st_bind_int(st, s, 2, disabled, e) || st_exec(st, s, e)) {
			goto fail;
		}
		old.disabled = disabled;
		after = snapshot(&old, old.pw_changed_at);
	}
	if (audit_append(st, who,
			 password   ? "user.password"
			 : disabled ? "user.disable"
				    : "user.enable",
			 "user", id, before, after, e)) {
		goto fail;
	}
	if ((password || disabled) &&
	    end_sessions(st, who, id, password ? "password" : "disabled", e)) {
		goto fail;
	}
	if (store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	user_clear(&old);
	return 0;
fail:
	free(before);
	free(after);
	user_clear(&old);
	store_tx_rollback(st);
	return -1;
}

int user_set_password(store *st, const struct actor *who, int64_t id,
		      const char *password, struct err *e)
{
	return change(st, who, id, password, 0, e);
}

int user_set_disabled(store *st, const struct actor *who, int64_t id,
		      int disabled, struct err *e)
{
	return change(st, who, id, NULL, disabled ? 1 : 0, e);
}

int user_find(store *st, const char *login, struct user *out,
	      char **pw_hash, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " USER_COLS ", u.pw_hash "
				     "FROM user u JOIN organ o ON o.id = "
				     "u.organ_id WHERE u.login = ?1",
				     e);
	if (!s || st_bind_text(st, s, 1, login, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc == 1) {
		fill(s, out);
		if (pw_hash) {
			*pw_hash = st_col_text(s, 10);
		}
		sqlite3_reset(s);
	}
	return rc;
}

int user_get(store *st, int64_t id, struct user *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " USER_COLS
				     "FROM user u JOIN organ o ON o.id = "
				     "u.organ_id WHERE u.id = ?1",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

int user_list(store *st, int64_t organ_id, struct user **out, size_t *n,
	      struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " USER_COLS "FROM user u JOIN organ o ON o.id = "
		"u.organ_id WHERE ?1 = 0 OR u.organ_id = ?1 "
		"ORDER BY o.parent_id IS NOT NULL, o.id, u.login",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_any, user_clear_any,
			  (void **)out, n, e);
}

/*---- Sessions ----*/

int session_create(store *st, const struct actor *who, int64_t user_id,
		   const char *token_hash, int64_t expires, const char *ip,
		   struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char now[21];
	date_timestamp(time(NULL), now);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO session(token_hash, user_id, created_at, expires, "
		"ip) VALUES (?1, ?2, ?3, ?4, ?5)",
		e);
	if (!s || st_bind_text(st, s, 1, token_hash, e) ||
	    st_bind_int(st, s, 2, user_id, e) ||
	    st_bind_text(st, s, 3, now, e) ||
	    st_bind_int(st, s, 4, expires, e) ||
	    st_bind_text(st, s, 5, ip ? ip : "", e) || st_exec(st, s, e)) {
		goto fail;
	}
	int64_t sid = sqlite3_last_insert_rowid(st->db);
	json_t *j = json_pack("{s:I, s:I, s:s}", "user_id",
			      (json_int_t)user_id, "expires",
			      (json_int_t)expires, "ip", ip ? ip : "");
	char *after = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	int rc = audit_append(st, who, "session.create", "session", sid, NULL,
			      after, e);
	free(after);
	if (rc || store_tx_commit(st, e)) {
		goto fail;
	}
	return 0;
fail:
	store_tx_rollback(st);
	return -1;
}

int session_lookup(store *st, const char *token_hash, int64_t now,
		   struct user *u, int64_t *sid, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT " USER_COLS ", s.id FROM session s "
		"JOIN user u ON u.id = s.user_id "
		"JOIN organ o ON o.id = u.organ_id "
		"WHERE s.token_hash = ?1 AND s.expires > ?2 AND u.disabled = 0",
		e);
	if (!s || st_bind_text(st, s, 1, token_hash, e) ||
	    st_bind_int(st, s, 2, now, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	if (rc == 1) {
		fill(s, u);
		*sid = st_col_int(s, 10);
		sqlite3_reset(s);
	}
	return rc;
}

int session_delete(store *st, const struct actor *who, int64_t sid,
		   struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM session WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, sid, e) || st_exec(st, s, e)) {
		goto fail;
	}
	if (sqlite3_changes(st->db) &&
	    audit_append(st, who, "session.delete", "session", sid, NULL,
			 NULL, e)) {
		goto fail;
	}
	if (store_tx_commit(st, e)) {
		goto fail;
	}
	return 0;
fail:
	store_tx_rollback(st);
	return -1;
}

int session_purge(store *st, int64_t now, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM session WHERE expires <= ?1", e);
	if (!s || st_bind_int(st, s, 1, now, e) || st_exec(st, s, e)) {
		goto fail;
	}
	int n = sqlite3_changes(st->db);
	if (n) {
		char after[64];
		snprintf(after, sizeof after, "{\"expired\":%d}", n);
		struct actor sys = {0, "system"};
		if (audit_append(st, &sys, "session.expire", "session", 0,
				 NULL, after, e)) {
			goto fail;
		}
	}
	if (store_tx_commit(st, e)) {
		goto fail;
	}
	return 0;
fail:
	store_tx_rollback(st);
	return -1;
}

/*---- Failed logins ----*/

int login_failure_add(store *st, const char *login, const char *ip,
		      int64_t now, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st, "INSERT INTO login_failure(login, ip, at) VALUES (?1,?2,?3)",
		e);
	if (!s || st_bind_text(st, s, 1, login, e) ||
	    st_bind_text(st, s, 2, ip, e) || st_bind_int(st, s, 3, now, e) ||
	    st_exec(st, s, e)) {
		return -1;
	}
	/* Old rows are of no more use; keep the table small. */
	s = st_prepare(st, "DELETE FROM login_failure WHERE at < ?1 - 86400",
		       e);
	if (!s || st_bind_int(st, s, 1, now, e)) {
		return -1;
	}
	return st_exec(st, s, e);
}

int login_failure_count(store *st, const char *login, const char *ip,
			int64_t since, int64_t *by_login, int64_t *by_ip,
			struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT (SELECT count(*) FROM login_failure WHERE login = ?1 "
		"AND at >= ?3), (SELECT count(*) FROM login_failure "
		"WHERE ip = ?2 AND at >= ?3)",
		e);
	if (!s || st_bind_text(st, s, 1, login, e) ||
	    st_bind_text(st, s, 2, ip, e) ||
	    st_bind_int(st, s, 3, since, e) || st_step(st, s, e) != 1) {
		return -1;
	}
	*by_login = st_col_int(s, 0);
	*by_ip = st_col_int(s, 1);
	sqlite3_reset(s);
	return 0;
}

int login_failure_clear(store *st, const char *login, struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM login_failure WHERE login = ?1", e);
	if (!s || st_bind_text(st, s, 1, login, e)) {
		return -1;
	}
	return st_exec(st, s, e);
}
