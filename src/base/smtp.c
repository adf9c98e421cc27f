/*
 * smtp.c - one e-mail over SMTP with libcurl (see smtp.h): the checks that
 * keep header injection out, the RFC 5322 message (RFC 2045 base64 body,
 * RFC 2047 subject) and the transfer itself. libcurl speaks the protocol:
 * EHLO, STARTTLS, AUTH (it picks PLAIN or LOGIN as the server offers),
 * MAIL FROM, RCPT TO, DATA with dot-stuffing.
 */
#include "base/smtp.h"

#include "base/crypto.h"
#include "base/str.h"
#include "base/utf8.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

int smtp_setup(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

/*---- Checks ----*/

/* RFC 5322 atext, and '.' between atoms */
static const char local_chars[] = "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				  "!#$%&'*+/=?^_`{|}~-.";
static const char host_chars[] = "abcdefghijklmnopqrstuvwxyz"
				 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";

int smtp_addr_check(const char *addr, struct err *e)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	size_t n = addr ? strlen(addr) : 0;
	if (n == 0) {
		return err_set(e, ERR_INPUT, "no e-mail address");
	}
	if (strpbrk(addr, "\r\n")) {
		return err_set(e, ERR_INPUT,
			       "e-mail address contains a line break");
	}
	if (!at || at == addr || n > 254) {
		return err_set(e, ERR_INPUT, "'%.80s' is not an e-mail address",
			       addr);
	}
	size_t nl = (size_t)(at - addr), nd = n - nl - 1;
	const char *dom = at + 1;
	if (strspn(addr, local_chars) != nl || nd == 0 ||
	    strspn(dom, host_chars) != nd || addr[0] == '.' ||
	    addr[nl - 1] == '.' || dom[0] == '.' || dom[0] == '-' ||
	    dom[nd - 1] == '.' || strstr(dom, "..")) {
		return err_set(e, ERR_INPUT, "'%.80s' is not an e-mail address",
			       addr);
	}
	return 0;
}

int smtp_host_check(const char *host, struct err *e)
{
	size_t n = host ? strlen(host) : 0;
	/* a name, an IPv4 address, or an IPv6 address (hex and colons) */
	if (n == 0 || n > 253 ||
	    (strspn(host, host_chars) != n &&
	     strspn(host, "0123456789abcdefABCDEF:.") != n)) {
		return err_set(e, ERR_INPUT,
			       "smtp_host: '%.80s' is not a host name or "
			       "address",
			       host ? host : "");
	}
	return 0;
}

int smtp_subject_check(const char *subject, struct err *e)
{
	size_t n = subject ? strlen(subject) : 0;
	if (n > 1000) {
		return err_set(e, ERR_INPUT, "subject too long");
	}
	if (!utf8_valid(subject ? subject : "", n)) {
		return err_set(e, ERR_INPUT, "subject is not valid UTF-8");
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)subject[i];
		if (c == '\r' || c == '\n') {
			return err_set(e, ERR_INPUT,
				       "subject contains a line break");
		}
		if (c < 0x20 || c == 0x7f) {
			return err_set(e, ERR_INPUT,
				       "subject contains a control character");
		}
	}
	return 0;
}

/*---- The message ----*/

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Appends the base64 of n bytes at p (no line breaks). */
static void base64(Buf *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n) {
			v |= (unsigned)p[i + 1] << 8;
		}
		if (i + 2 < n) {
			v |= p[i + 2];
		}
		char q[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63],
			     i + 1 < n ? b64[(v >> 6) & 63] : '=',
			     i + 2 < n ? b64[v & 63] : '='};
		buf_append(out, q, 4);
	}
}

/* Plain ASCII that needs no encoding: printable, no "=?" that a reader
 * could take for an encoded word, and short enough for one line. */
static int plain_ascii(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e) {
			return 0;
		}
	}
	return n <= 900 && !strstr(s, "=?");
}

/* "Subject: " and the subject, as RFC 2047 "B" encoded words of at most
 * 39 bytes of text each (so every line stays under 76 columns), cut on
 * code-point boundaries and folded onto continuation lines. */
static void subject_header(Buf *out, const char *subject)
{
	buf_puts(out, "Subject: ");
	if (plain_ascii(subject)) {
		buf_puts(out, subject);
		buf_puts(out, "\r\n");
		return;
	}
	const char *p = subject;
	do {
		size_t k = utf8_cut(p, 39);
		if (p != subject) {
			buf_puts(out, "\r\n ");
		}
		buf_puts(out, "=?UTF-8?B?");
		base64(out, (const unsigned char *)p, k);
		buf_puts(out, "?=");
		p += k;
	} while (*p);
	buf_puts(out, "\r\n");
}

/* RFC 5322 date-time of t in UTC. */
static void date_header(Buf *out, time_t t)
{
	static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed",
					 "Thu", "Fri", "Sat"};
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr",
					  "May", "Jun", "Jul", "Aug",
					  "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
		   wd[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon],
		   tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int smtp_message(const struct smtp_conf *c, const char *to,
		 const char *subject, const char *body, time_t now, Buf *out,
		 struct err *e)
{
	if (smtp_addr_check(c->from, e) || smtp_addr_check(to, e) ||
	    smtp_subject_check(subject, e)) {
		return -1;
	}
	if (!utf8_valid(body, strlen(body))) {
		return err_set(e, ERR_INPUT, "message body is not valid UTF-8");
	}
	date_header(out, now);
	buf_printf(out, "From: %s\r\nTo: %s\r\n", c->from, to);
	subject_header(out, subject);
	char id[CRYPTO_HEX32];
	crypto_random_hex(id);
	buf_printf(out, "Message-ID: <%.32s.%lld@%s>\r\n", id, (long long)now,
		   strrchr(c->from, '@') + 1);
	buf_puts(out, "MIME-Version: 1.0\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: base64\r\n\r\n");
	/* canonical text: CRLF line ends (RFC 2045 section 6.8) */
	Buf text = BUF_INIT;
	for (const char *p = body; *p; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r')) {
			buf_putc(&text, '\r');
		}
		buf_putc(&text, *p);
	}
	for (size_t i = 0; i < text.n; i += 57) {
		size_t k = text.n - i < 57 ? text.n - i : 57;
		base64(out, (const unsigned char *)text.p + i, k);
		buf_puts(out, "\r\n");
	}
	buf_free(&text);
	return 0;
}

/*---- Sending ----*/

struct reader {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct reader *r = arg;
	size_t n = size * nmemb;
	if (n > r->left) {
		n = r->left;
	}
	memcpy(dst, r->p, n);
	r->p += n;
	r->left -= n;
	return n;
}

/* Failures that say nothing about this message but about the server. */
static int server_failure(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_LOGIN_DENIED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_GOT_NOTHING:
		return 1;
	default:
		return 0;
	}
}

int smtp_send(const struct smtp_conf *c, const char *to, const char *subject,
	      const char *body, struct err *e)
{
	/* settings that would fail every message */
	if (smtp_host_check(c->host, e) || smtp_addr_check(c->from, e)) {
		return -2;
	}
	Buf msg = BUF_INIT, url = BUF_INIT, addr = BUF_INIT;
	if (smtp_message(c, to, subject, body, time(NULL), &msg, e)) {
		return -1;
	}
	CURL *h = curl_easy_init();
	if (!h) {
		buf_free(&msg);
		return err_set(e, ERR_INTERNAL, "smtp: cannot start libcurl");
	}
	int v6 = strchr(c->host, ':') != NULL;
	/* the path is the name we give in EHLO: our address's domain */
	buf_printf(&url, "%s://%s%s%s:%d/%s",
		   c->tls == SMTP_TLS_IMPLICIT ? "smtps" : "smtp",
		   v6 ? "[" : "", c->host, v6 ? "]" : "", c->port,
		   strrchr(c->from, '@') + 1);
	char errbuf[CURL_ERROR_SIZE] = "";
	struct reader rd = {msg.p, msg.n};
	struct curl_slist *rcpt = NULL;
	buf_printf(&addr, "<%s>", to);
	rcpt = curl_slist_append(rcpt, buf_str(&addr));
	buf_reset(&addr);
	buf_printf(&addr, "<%s>", c->from);
	curl_easy_setopt(h, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, c->timeout);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(h, CURLOPT_USE_SSL, c->tls == SMTP_TLS_NONE
						     ? (long)CURLUSESSL_NONE
						     : (long)CURLUSESSL_ALL);
	if (!str_empty(c->user)) {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
		curl_easy_setopt(h, CURLOPT_PASSWORD,
				 c->password ? c->password : "");
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, buf_str(&addr));
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &rd);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)msg.n);
	CURLcode rc = curl_easy_perform(h);
	int result = 0;
	if (rc != CURLE_OK) {
		long code = 0;
		char reply[32] = "";
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
		if (code) {
			snprintf(reply, sizeof reply, " (reply %ld)", code);
		}
		err_set(e, ERR_INTERNAL, "smtp %s:%d: %s%s", c->host, c->port,
			errbuf[0] ? errbuf : curl_easy_strerror(rc), reply);
		result = server_failure(rc) ? -2 : -1;
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	buf_free(&msg);
	buf_free(&url);
	buf_free(&addr);
	return result;
}
