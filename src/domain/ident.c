/*
 * ident.c - validation of identifiers and contact fields (see ident.h).
 */
#include "domain/ident.h"

#include "base/utf8.h"

#include <string.h>

static int lower_digit(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int alnum(char c)
{
	return lower_digit(c) || (c >= 'A' && c <= 'Z');
}

int ident_slug(const char *s, struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 64) {
		return err_set(e, ERR_INPUT, "简称标识(slug)须为 1 到 64 个字符");
	}
	for (size_t i = 0; i < n; i++) {
		if (!lower_digit(s[i]) && s[i] != '-') {
			return err_set(e, ERR_INPUT,
				       "简称标识(slug)只能包含小写字母、数字和连字符"
				       "(a-z 0-9 -)");
		}
	}
	if (s[0] == '-' || s[n - 1] == '-') {
		return err_set(e, ERR_INPUT, "简称标识(slug)不能以连字符开头或结尾");
	}
	return 0;
}

int ident_code(const char *s, struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	if (n > 32) {
		return err_set(e, ERR_INPUT, "机构代码不能超过 32 个字符");
	}
	for (size_t i = 0; i < n; i++) {
		if (!alnum(s[i]) && s[i] != '-') {
			return err_set(e, ERR_INPUT,
				       "机构代码只能包含字母、数字和连字符");
		}
	}
	return 0;
}

int ident_login(const char *s, struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 2 || n > 32) {
		return err_set(e, ERR_INPUT, "登录名须为 2 到 32 个字符");
	}
	if (!alnum(s[0])) {
		return err_set(e, ERR_INPUT, "登录名须以字母或数字开头");
	}
	for (size_t i = 0; i < n; i++) {
		if (!alnum(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-') {
			return err_set(e, ERR_INPUT,
				       "登录名只能包含字母、数字和 . _ -");
		}
	}
	return 0;
}

static int text_common(const char *field, const char *s, size_t max,
		       int multiline, struct err *e)
{
	size_t n = strlen(s);
	if (!utf8_valid(s, n)) {
		return err_set(e, ERR_INPUT, "%s:不是有效的 UTF-8 文本", field);
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ok_ws = multiline && (c == '\n' || c == '\r' || c == '\t');
		if ((c < 0x20 && !ok_ws) || c == 0x7f) {
			return err_set(e, ERR_INPUT, "%s:含有控制字符", field);
		}
	}
	if (utf8_len(s) > max) {
		return err_set(e, ERR_INPUT, "%s:不能超过 %zu 个字", field, max);
	}
	return 0;
}

int ident_text(const char *field, const char *s, size_t max, int required,
	       struct err *e)
{
	if (!s) {
		s = "";
	}
	if (text_common(field, s, max, 0, e)) {
		return -1;
	}
	if (required && strspn(s, " ") == strlen(s)) {
		return err_set(e, ERR_INPUT, "%s:必须填写", field);
	}
	return 0;
}

int ident_para(const char *field, const char *s, size_t max, struct err *e)
{
	return text_common(field, s ? s : "", max, 1, e);
}

int ident_email(const char *s, struct err *e)
{
	if (!s || !*s) {
		return 0;
	}
	const char *at = strchr(s, '@');
	if (strlen(s) > 254 || !at || at == s || strchr(at + 1, '@') ||
	    strpbrk(s, " \t\r\n<>\"(),;:") || !strchr(at + 1, '.') ||
	    at[1] == '.' || s[strlen(s) - 1] == '.') {
		return err_set(e, ERR_INPUT, "电子邮箱格式不正确");
	}
	return 0;
}

int ident_phone(const char *s, struct err *e)
{
	if (!s || !*s) {
		return 0;
	}
	if (strlen(s) > 40 || strspn(s, "0123456789 +-()") != strlen(s)) {
		return err_set(e, ERR_INPUT,
			       "联系电话只能包含数字、空格和 + - ( )");
	}
	return 0;
}
