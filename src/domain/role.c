/*
 * role.c - roles, permissions and password policy (see role.h).
 */
#include "domain/role.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *code, *label;
} roles[] = {
	[ROLE_CLERK] = {"clerk", "经办人"},
	[ROLE_REVIEWER] = {"reviewer", "审核人"},
	[ROLE_LEADER] = {"leader", "分管领导"},
	[ROLE_ADMIN] = {"admin", "系统管理员"},
};

int role_parse(const char *s, enum role *out, struct err *e)
{
	for (int i = 0; i <= ROLE_ADMIN; i++) {
		if (s && strcmp(s, roles[i].code) == 0) {
			*out = (enum role)i;
			return 0;
		}
	}
	return err_set(e, ERR_INPUT,
		       "角色须为 clerk、reviewer、leader 或 admin,不是 '%s'",
		       s ? s : "");
}

const char *role_code(enum role r)
{
	return roles[r].code;
}

const char *role_label(enum role r)
{
	return roles[r].label;
}

int role_may_enter(enum role r, int64_t user_organ, int64_t organ)
{
	return r == ROLE_ADMIN || user_organ == organ;
}

int role_is_admin(enum role r)
{
	return r == ROLE_ADMIN;
}

int role_password_ok(const char *login, const char *password,
		     struct err *e)
{
	size_t n = password ? strlen(password) : 0;
	if (n < 8) {
		return err_set(e, ERR_INPUT, "密码至少需要 8 个字符");
	}
	if (n > 128) {
		return err_set(e, ERR_INPUT, "密码不能超过 128 个字符");
	}
	if (login && strcasecmp(login, password) == 0) {
		return err_set(e, ERR_INPUT, "密码不能与登录名相同");
	}
	int classes = 0, lo = 0, up = 0, dg = 0, ot = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)password[i];
		if (islower(c)) {
			lo = 1;
		} else if (isupper(c)) {
			up = 1;
		} else if (isdigit(c)) {
			dg = 1;
		} else {
			ot = 1;
		}
	}
	classes = lo + up + dg + ot;
	if (n < 12 && classes < 2) {
		return err_set(e, ERR_INPUT,
			       "少于 12 个字符的密码须包含至少两类字符"
			       "(字母、数字、符号)");
	}
	return 0;
}
