/*
 * test_domain.c - unit tests of the identifier rules and the roles,
 * permissions and password policy.
 */
#include "t.h"

#include "domain/ident.h"
#include "domain/role.h"

static void t_slug(void)
{
	struct err e = {0};
	T_EQ_INT(ident_slug("shaxian-yjj", &e), 0);
	T_EQ_INT(ident_slug("org-7", &e), 0);
	T_EQ_INT(ident_slug("", &e), -1);
	T_EQ_INT(ident_slug("Shaxian", &e), -1);
	T_EQ_INT(ident_slug("sha xian", &e), -1);
	T_EQ_INT(ident_slug("-x", &e), -1);
	T_EQ_INT(ident_slug("x-", &e), -1);
	T_EQ_INT(ident_slug("沙县", &e), -1);
	char long_slug[70];
	memset(long_slug, 'a', 65);
	long_slug[65] = 0;
	T_EQ_INT(ident_slug(long_slug, &e), -1);
}

static void t_code_login(void)
{
	struct err e = {0};
	T_EQ_INT(ident_code("003510427", &e), 0);
	T_EQ_INT(ident_code("", &e), 0);
	T_EQ_INT(ident_code("0035/10427", &e), -1);
	T_EQ_INT(ident_login("yjj-clerk", &e), 0);
	T_EQ_INT(ident_login("a.b_c", &e), 0);
	T_EQ_INT(ident_login("x", &e), -1);
	T_EQ_INT(ident_login("-abc", &e), -1);
	T_EQ_INT(ident_login("a b", &e), -1);
	T_EQ_INT(ident_login("张三", &e), -1);
}

static void t_text_email_phone(void)
{
	struct err e = {0};
	T_EQ_INT(ident_text("名称", "沙县应急管理局", 10, 1, &e), 0);
	T_EQ_INT(ident_text("名称", "沙县应急管理局", 6, 1, &e), -1);
	T_ASSERT(strstr(e.msg, "名称") != NULL);
	T_EQ_INT(ident_text("名称", "  ", 10, 1, &e), -1);
	T_EQ_INT(ident_text("名称", "", 10, 0, &e), 0);
	T_EQ_INT(ident_text("名称", "a\nb", 10, 0, &e), -1);
	T_EQ_INT(ident_para("指南", "a\n\nb\tc", 10, &e), 0);
	T_EQ_INT(ident_para("指南", "a\x01", 10, &e), -1);
	T_EQ_INT(ident_text("名称", "\xff", 10, 0, &e), -1);
	T_EQ_INT(ident_email("fjsxajj@163.com", &e), 0);
	T_EQ_INT(ident_email("", &e), 0);
	T_EQ_INT(ident_email("no-at.example", &e), -1);
	T_EQ_INT(ident_email("a@b", &e), -1);
	T_EQ_INT(ident_email("a b@c.d", &e), -1);
	T_EQ_INT(ident_phone("0598-5845276", &e), 0);
	T_EQ_INT(ident_phone("(0598) 584 5276", &e), 0);
	T_EQ_INT(ident_phone("call me", &e), -1);
}

void suite_ident(void)
{
	T_RUN(t_slug);
	T_RUN(t_code_login);
	T_RUN(t_text_email_phone);
}

static void t_roles(void)
{
	struct err e = {0};
	enum role r;
	T_EQ_INT(role_parse("reviewer", &r, &e), 0);
	T_EQ_INT(r, ROLE_REVIEWER);
	T_EQ_STR(role_label(r), "审核人");
	T_EQ_STR(role_code(ROLE_LEADER), "leader");
	T_EQ_INT(role_parse("boss", &r, &e), -1);
	T_EQ_INT(role_parse(NULL, &r, &e), -1);
}

static void t_permissions(void)
{
	T_ASSERT(role_may_enter(ROLE_CLERK, 3, 3));
	T_ASSERT(!role_may_enter(ROLE_CLERK, 3, 4));
	T_ASSERT(!role_may_enter(ROLE_LEADER, 3, 4));
	T_ASSERT(role_may_enter(ROLE_ADMIN, 3, 4));
	T_ASSERT(role_is_admin(ROLE_ADMIN));
	T_ASSERT(!role_is_admin(ROLE_REVIEWER));
}

static void t_password_policy(void)
{
	struct err e = {0};
	T_EQ_INT(role_password_ok("bob", "gongkai2026", &e), 0);
	T_EQ_INT(role_password_ok("bob", "short1", &e), -1);
	T_EQ_INT(role_password_ok("bob", "abcdefgh", &e), -1);
	T_EQ_INT(role_password_ok("bob", "abcdefghijkl", &e), 0);
	T_EQ_INT(role_password_ok("yjj-clerk1", "YJJ-CLERK1", &e), -1);
	char big[200];
	memset(big, 'a', 150);
	big[150] = 0;
	T_EQ_INT(role_password_ok("bob", big, &e), -1);
}

void suite_role(void)
{
	T_RUN(t_roles);
	T_RUN(t_permissions);
	T_RUN(t_password_policy);
}
