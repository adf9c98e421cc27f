/*
 * role.h - staff roles and what each may do, plus the password policy.
 * Roles: clerk 经办人, reviewer 审核人, leader 分管领导, admin 系统管理员.
 * Staff work in their own organ's back office; admin sees every organ.
 */
#ifndef GK_ROLE_H
#define GK_ROLE_H

#include "base/err.h"

#include <stdint.h>

enum role { ROLE_CLERK, ROLE_REVIEWER, ROLE_LEADER, ROLE_ADMIN };

/* "clerk" etc. → enum: 0, or -1 with e. */
int role_parse(const char *s, enum role *out, struct err *e);
/* The code ("clerk") and the Chinese label ("经办人"). */
const char *role_code(enum role r);
const char *role_label(enum role r);
/* 1 when a user of role r in organ user_organ may open organ's back office. */
int role_may_enter(enum role r, int64_t user_organ, int64_t organ);
/* 1 when role r may manage organs, users and read the audit log. */
int role_is_admin(enum role r);
/* Password policy: 8 to 128 bytes, not all one character class when
 * shorter than 12, and not equal to the login. */
int role_password_ok(const char *login, const char *password,
		     struct err *e);

#endif
