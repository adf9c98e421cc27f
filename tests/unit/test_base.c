/*
 * test_base.c - unit tests of src/base: buffers, escaping printf, UTF-8,
 * dates, integer parsing, settings and the crypto wrappers.
 */
#include "t.h"

#include "base/buf.h"
#include "base/conf.h"
#include "base/crypto.h"
#include "base/date.h"
#include "base/str.h"
#include "base/utf8.h"
#include "render/html.h"

#include <stdlib.h>

static void t_buf_grow_and_printf(void)
{
	Buf b = BUF_INIT;
	T_EQ_STR(buf_str(&b), "");
	for (int i = 0; i < 1000; i++) {
		buf_printf(&b, "%d,", i);
	}
	int ok = b.n == 3890 && strncmp(b.p, "0,1,2,", 6) == 0 &&
		 b.p[b.n] == 0;
	char *s = buf_detach(&b);
	int empty = b.n == 0 && b.p == NULL;
	free(s);
	T_ASSERT(ok);
	T_ASSERT(empty);
}

static void t_buf_long_printf(void)
{
	Buf b = BUF_INIT;
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	buf_printf(&b, "[%s]", big);
	int ok = b.n == 1001 && b.p[0] == '[' && b.p[1000] == ']';
	buf_free(&b);
	T_ASSERT(ok);
}

void suite_buf(void)
{
	T_RUN(t_buf_grow_and_printf);
	T_RUN(t_buf_long_printf);
}

static void t_html_printf_escapes(void)
{
	Buf b = BUF_INIT;
	html_printf(&b, "<p title=\"%s\">%s %d %.2f %lld %5.3s|</p>",
		    "a\"b'c", "<script>&", -7, 1.5, 1234567890123LL, "abcdef");
	int ok = strcmp(buf_str(&b),
			"<p title=\"a&quot;b&#39;c\">&lt;script&gt;&amp; -7 "
			"1.50 1234567890123 abc|</p>") == 0;
	if (!ok) {
		fprintf(stderr, "got %s\n", buf_str(&b));
	}
	buf_free(&b);
	T_ASSERT(ok);
}

static void t_html_null_and_percent(void)
{
	Buf b = BUF_INIT;
	const char *volatile none = NULL;
	html_printf(&b, "%s|100%%|%c|%x|%zu", none, 'A', 255, (size_t)42);
	int ok = strcmp(buf_str(&b), "|100%|A|ff|42") == 0;
	buf_free(&b);
	T_ASSERT(ok);
}

static void t_html_href_and_url(void)
{
	Buf b = BUF_INIT;
	html_href(&b, "/organ/%s/?q=%s", "沙县 yjj", "a&b<");
	int ok = strcmp(buf_str(&b), "/organ/%E6%B2%99%E5%8E%BF%20yjj/"
				     "?q=a%26b%3C") == 0;
	buf_free(&b);
	T_ASSERT(ok);
	T_ASSERT(html_url_safe("/x"));
	T_ASSERT(html_url_safe("https://example.org/"));
	T_ASSERT(html_url_safe("mailto:a@b.c"));
	T_ASSERT(html_url_safe("a/b:c"));
	T_ASSERT(!html_url_safe("javascript:alert(1)"));
	T_ASSERT(!html_url_safe("JavaScript:alert(1)"));
	T_ASSERT(!html_url_safe("data:text/html,x"));
}

void suite_html(void)
{
	T_RUN(t_html_printf_escapes);
	T_RUN(t_html_null_and_percent);
	T_RUN(t_html_href_and_url);
}

static void t_utf8_valid(void)
{
	T_ASSERT(utf8_valid("沙县应急管理局", strlen("沙县应急管理局")));
	T_ASSERT(utf8_valid("", 0));
	T_ASSERT(!utf8_valid("\xC0\xAF", 2));         /* overlong */
	T_ASSERT(!utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
	T_ASSERT(!utf8_valid("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
	T_ASSERT(!utf8_valid("\xE6\xB2", 2));         /* truncated */
	T_ASSERT(!utf8_valid("a\0b", 3));             /* NUL */
	T_ASSERT(utf8_valid("\xF0\x9F\x98\x80", 4));  /* emoji */
}

static void t_utf8_len_cut_width(void)
{
	T_EQ_INT(utf8_len("沙县abc"), 5);
	T_EQ_INT(utf8_cut("沙县abc", 4), 3);
	T_EQ_INT(utf8_cut("沙县abc", 6), 6);
	T_EQ_INT(utf8_cut("ab", 10), 2);
	T_EQ_INT(utf8_width("沙县ab"), 6);
	T_EQ_INT(utf8_width("\xEF\xBC\x88全角\xEF\xBC\x89"), 8);
}

void suite_utf8(void)
{
	T_RUN(t_utf8_valid);
	T_RUN(t_utf8_len_cut_width);
}

static void t_date_roundtrip(void)
{
	int64_t d;
	T_EQ_INT(date_parse("1970-01-01", &d), 0);
	T_EQ_INT(d, 0);
	T_EQ_INT(date_parse("2019-01-10", &d), 0);
	char s[11];
	date_format(d, s);
	T_EQ_STR(s, "2019-01-10");
	T_EQ_INT(date_weekday(d), 4); /* a Thursday */
	for (int64_t x = -800000; x < 800000; x += 997) {
		int y, m, dd;
		date_civil(x, &y, &m, &dd);
		T_EQ_INT(date_days(y, m, dd), x);
	}
}

static void t_date_invalid(void)
{
	int64_t d;
	T_EQ_INT(date_parse("2023-02-29", &d), -1);
	T_EQ_INT(date_parse("2024-02-29", &d), 0);
	T_EQ_INT(date_parse("1900-02-29", &d), -1);
	T_EQ_INT(date_parse("2000-02-29", &d), 0);
	T_EQ_INT(date_parse("2024-13-01", &d), -1);
	T_EQ_INT(date_parse("2024-1-01", &d), -1);
	T_EQ_INT(date_parse("2024-01-01x", &d), -1);
	T_EQ_INT(date_parse("", &d), -1);
	T_EQ_INT(date_parse(NULL, &d), -1);
}

void suite_date(void)
{
	T_RUN(t_date_roundtrip);
	T_RUN(t_date_invalid);
}

static void t_str_to_i64(void)
{
	int64_t v;
	T_EQ_INT(str_to_i64("42", 0, 100, &v), 0);
	T_EQ_INT(v, 42);
	T_EQ_INT(str_to_i64("-5", -10, 10, &v), 0);
	T_EQ_INT(v, -5);
	T_EQ_INT(str_to_i64("101", 0, 100, &v), -1);
	T_EQ_INT(str_to_i64(" 1", 0, 100, &v), -1);
	T_EQ_INT(str_to_i64("1x", 0, 100, &v), -1);
	T_EQ_INT(str_to_i64("", 0, 100, &v), -1);
	T_EQ_INT(str_to_i64("99999999999999999999", 0, INT64_MAX, &v), -1);
}

static void t_str_trim(void)
{
	char a[] = "  hello \t\n";
	T_EQ_STR(str_trim(a), "hello");
	char b[] = "   ";
	T_EQ_STR(str_trim(b), "");
}

void suite_str(void)
{
	T_RUN(t_str_to_i64);
	T_RUN(t_str_trim);
}

static void t_conf_parse(void)
{
	struct conf c;
	struct err e = {0};
	conf_defaults(&c);
	T_EQ_STR(c.listen, "127.0.0.1:8080");
	T_EQ_INT(conf_parse(&c, "t.conf",
			    "# comment\n\nlisten = 0.0.0.0:9000\n"
			    "threads=4\n cookie_secure = on \n",
			    &e),
		 0);
	T_EQ_STR(c.listen, "0.0.0.0:9000");
	T_EQ_INT(c.threads, 4);
	T_EQ_INT(c.cookie_secure, COOKIE_SECURE_ON);
}

static void t_conf_errors(void)
{
	struct conf c;
	struct err e = {0};
	conf_defaults(&c);
	T_EQ_INT(conf_parse(&c, "t.conf", "listen = x\nbogus = 1\n", &e), -1);
	T_EQ_STR(e.msg, "t.conf:2: unknown setting 'bogus'");
	T_EQ_INT(conf_parse(&c, "t.conf", "threads = many\n", &e), -1);
	T_ASSERT(strstr(e.msg, "t.conf:1: threads") != NULL);
	T_EQ_INT(conf_parse(&c, "t.conf", "no equals sign\n", &e), -1);
	T_EQ_INT(conf_set(&c, "max_body", "10", &e), -1);
	T_EQ_INT(conf_set(&c, "log_level", "loud", &e), -1);
	T_EQ_INT(conf_set(&c, "cookie_secure", "maybe", &e), -1);
	T_EQ_STR(e.msg, "cookie_secure: expected auto, on or off, not 'maybe'");
	T_EQ_INT(c.threads, 0);
}

static void t_conf_mail(void)
{
	struct conf c;
	struct err e = {0};
	conf_defaults(&c);
	T_EQ_STR(c.smtp_host, "");
	T_EQ_INT(c.smtp_port, 25);
	T_EQ_INT(c.smtp_tls, SMTP_TLS_STARTTLS);
	T_EQ_STR(c.mail_from, "gongkai@localhost");
	T_EQ_INT(c.tick_seconds, 30);
	T_EQ_INT(conf_parse(&c, "t.conf",
			    "smtp_host = smtp.example.org\nsmtp_port = 465\n"
			    "smtp_tls = tls\nsmtp_user = gk\n"
			    "smtp_password = p = q\n"
			    "mail_from = xxgk@shaxian.gov.cn\ntick_seconds = 5\n",
			    &e),
		 0);
	T_EQ_STR(c.smtp_host, "smtp.example.org");
	T_EQ_INT(c.smtp_port, 465);
	T_EQ_INT(c.smtp_tls, SMTP_TLS_IMPLICIT);
	T_EQ_STR(c.smtp_password, "p = q");
	T_EQ_STR(c.mail_from, "xxgk@shaxian.gov.cn");
	T_EQ_INT(c.tick_seconds, 5);
	T_EQ_INT(conf_set(&c, "smtp_tls", "ssl", &e), -1);
	T_EQ_STR(e.msg, "smtp_tls: expected none, starttls or tls, not 'ssl'");
	T_EQ_INT(conf_set(&c, "mail_from", "not an address", &e), -1);
	T_EQ_INT(conf_set(&c, "smtp_host", "h/x", &e), -1);
	T_EQ_INT(conf_set(&c, "smtp_port", "0", &e), -1);
	T_EQ_INT(conf_set(&c, "tick_seconds", "0", &e), -1);
	T_EQ_INT(conf_set(&c, "smtp_host", "", &e), 0);
	T_EQ_INT(conf_set(&c, "smtp_tls", "none", &e), 0);
	T_EQ_INT(c.smtp_tls, SMTP_TLS_NONE);
}

static void t_conf_env(void)
{
	struct conf c;
	struct err e = {0};
	conf_defaults(&c);
	setenv("GONGKAI_MAX_CONNECTIONS", "77", 1);
	int rc = conf_load_env(&c, &e);
	unsetenv("GONGKAI_MAX_CONNECTIONS");
	T_EQ_INT(rc, 0);
	T_EQ_INT(c.max_connections, 77);
}

void suite_conf(void)
{
	T_RUN(t_conf_parse);
	T_RUN(t_conf_errors);
	T_RUN(t_conf_env);
	T_RUN(t_conf_mail);
}

static void t_crypto_hashes(void)
{
	char h[CRYPTO_HEX32];
	crypto_sha256_hex("abc", 3, h);
	T_EQ_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
		    "f20015ad");
	crypto_hmac_hex("key", "The quick brown fox jumps over the lazy dog",
			h);
	T_EQ_STR(h, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc"
		    "2d1a3cd8");
	char a[CRYPTO_HEX32], b[CRYPTO_HEX32];
	crypto_random_hex(a);
	crypto_random_hex(b);
	T_EQ_INT(strlen(a), 64);
	T_ASSERT(strcmp(a, b) != 0);
	T_ASSERT(crypto_str_eq("abc", "abc"));
	T_ASSERT(!crypto_str_eq("abc", "abd"));
	T_ASSERT(!crypto_str_eq("abc", "abcd"));
}

static void t_crypto_password(void)
{
	char h[CRYPTO_PWHASH];
	T_EQ_INT(crypto_pw_hash("correct horse", h), 0);
	T_ASSERT(strncmp(h, "$argon2id$", 10) == 0);
	T_ASSERT(crypto_pw_verify(h, "correct horse"));
	T_ASSERT(!crypto_pw_verify(h, "correct horsE"));
	T_ASSERT(!crypto_pw_verify("garbage", "x"));
	char h2[CRYPTO_PWHASH];
	T_EQ_INT(crypto_pw_hash("correct horse", h2), 0);
	T_ASSERT(strcmp(h, h2) != 0); /* salted */
}

void suite_crypto(void)
{
	T_RUN(t_crypto_hashes);
	T_RUN(t_crypto_password);
}
