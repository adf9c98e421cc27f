/*
 * test_mail.c - outgoing mail: the message base/smtp writes (headers,
 * RFC 2047 subject, base64 body in 76-column lines, header injection
 * refused), the outbox on a real database (dedupe, transactions, due
 * messages, attempts, retry, listing) and the mailer with a stand-in
 * sender (the back-off schedule, giving up, stopping when the server is
 * unusable, nothing sent while mail is not configured).
 */
#include "t.h"
#include "tdb.h"

#include "base/log.h"
#include "base/smtp.h"
#include "base/str.h"
#include "cli/mailer.h"
#include "domain/mail.h"
#include "store/audit.h"
#include "store/outbox.h"

#include <stdlib.h>

/*---- Helpers ----*/

/* Decodes base64 text (ignoring CR and LF) into out; 0 or -1. */
static int unbase64(const char *s, Buf *out)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq"
				 "rstuvwxyz0123456789+/";
	unsigned v = 0;
	int bits = 0;
	for (; *s; s++) {
		if (*s == '\r' || *s == '\n') {
			continue;
		}
		if (*s == '=') {
			break;
		}
		const char *p = strchr(al, *s);
		if (!p) {
			return -1;
		}
		v = (v << 6) | (unsigned)(p - al);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(out, (char)((v >> bits) & 0xff));
		}
	}
	return 0;
}

/* Decodes the value of an RFC 2047 "B" header (encoded words separated
 * by folding white space) into out; 0 or -1. */
static int unword(const char *v, Buf *out)
{
	while (*v) {
		while (*v == '\r' || *v == '\n' || *v == ' ') {
			v++;
		}
		if (!*v) {
			break;
		}
		if (strncmp(v, "=?UTF-8?B?", 10) != 0) {
			return -1;
		}
		const char *end = strstr(v + 10, "?=");
		if (!end) {
			return -1;
		}
		char *word = strndup(v + 10, (size_t)(end - v - 10));
		int rc = unbase64(word, out);
		free(word);
		if (rc) {
			return -1;
		}
		v = end + 2;
	}
	return 0;
}

static const struct smtp_conf conf_sample = {
	.host = "127.0.0.1",
	.port = 1,
	.tls = SMTP_TLS_NONE,
	.from = "gongkai@shaxian.gov.cn",
	.timeout = 2,
};

/* The value of header `name` (with its folded lines), heap, or NULL. */
static char *header(const char *msg, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = msg; p && *p && strncmp(p, "\r\n", 2) != 0;) {
		const char *eol = strstr(p, "\r\n");
		if (strncmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 2, *end = eol;
			while (end && end[2] == ' ') {
				end = strstr(end + 2, "\r\n");
			}
			return end ? strndup(v, (size_t)(end - v)) : NULL;
		}
		p = eol ? eol + 2 : NULL;
	}
	return NULL;
}

/*---- The message ----*/

static void t_message_headers(void)
{
	Buf m = BUF_INIT;
	struct err e = {0};
	int rc = smtp_message(&conf_sample, "zhang.san@example.org",
			      "Hello there", "line 1\nline 2\n", 86400 * 365,
			      &m, &e);
	char *subject = header(buf_str(&m), "Subject");
	char *date = header(buf_str(&m), "Date");
	char *mid = header(buf_str(&m), "Message-ID");
	const char *s = buf_str(&m);
	int bare_lf = 0;
	for (size_t i = 0; i < m.n; i++) {
		bare_lf |= s[i] == '\n' && (i == 0 || s[i - 1] != '\r');
	}
	int ok_from = strstr(s, "\r\nFrom: gongkai@shaxian.gov.cn\r\n") != 0;
	int ok_to = strstr(s, "\r\nTo: zhang.san@example.org\r\n") != 0;
	int ok_mime = strstr(s, "\r\nMIME-Version: 1.0\r\n") != 0;
	int ok_ct = strstr(s, "\r\nContent-Type: text/plain; "
			      "charset=UTF-8\r\n") != 0;
	int ok_cte = strstr(s, "\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		     != 0;
	int mid_ok = mid && mid[0] == '<' &&
		     strstr(mid, "@shaxian.gov.cn>") != NULL;
	int date_ok = date && strcmp(date, "Fri, 01 Jan 1971 00:00:00 +0000")
			   == 0;
	int subj_ok = subject && strcmp(subject, "Hello there") == 0;
	free(subject);
	free(date);
	free(mid);
	buf_free(&m);
	T_EQ_INT(rc, 0);
	T_ASSERT(ok_from && ok_to && ok_mime && ok_ct && ok_cte);
	T_ASSERT(mid_ok);
	T_ASSERT(date_ok);
	T_ASSERT(subj_ok);
	T_ASSERT(!bare_lf);
}

static void t_message_subject_rfc2047(void)
{
	static const char *const subjects[] = {
		"政府信息公开申请答复告知",
		/* long: several encoded words, folded */
		"关于沙县应急管理局政府信息公开申请(2024)第0001号的补正告知书"
		"及答复期限延长告知书,请于收到之日起十五个工作日内补正",
		/* ASCII that looks like an encoded word is encoded too */
		"Re: =?x?",
	};
	for (size_t i = 0; i < 3; i++) {
		Buf m = BUF_INIT, dec = BUF_INIT;
		struct err e = {0};
		int rc = smtp_message(&conf_sample, "a@example.org",
				      subjects[i], "x", 0, &m, &e);
		char *v = header(buf_str(&m), "Subject");
		int dec_rc = v ? unword(v, &dec) : -1;
		/* every header line within 76 columns */
		size_t longest = 0;
		const char *p = buf_str(&m);
		const char *body = strstr(p, "\r\n\r\n");
		while (p < body) {
			const char *eol = strstr(p, "\r\n");
			size_t n = (size_t)(eol - p);
			if (strncmp(p, "Message-ID", 10) != 0 && n > longest) {
				longest = n;
			}
			p = eol + 2;
		}
		int same = str_eq(buf_str(&dec), subjects[i]);
		int words_valid = v && strstr(v, "=?UTF-8?B?") == v;
		free(v);
		buf_free(&m);
		buf_free(&dec);
		T_EQ_INT(rc, 0);
		T_EQ_INT(dec_rc, 0);
		T_ASSERT(words_valid);
		T_ASSERT(same);
		T_ASSERT(longest <= 76);
	}
}

static void t_message_body_base64(void)
{
	/* 400 Chinese characters with line breaks, and a line that starts
	 * with a dot */
	Buf body = BUF_INIT, want = BUF_INIT;
	for (int i = 0; i < 40; i++) {
		buf_puts(&body, "依申请公开答复期限为二十个工作日。\n");
		buf_puts(&want, "依申请公开答复期限为二十个工作日。\r\n");
	}
	buf_puts(&body, ".\n");
	buf_puts(&want, ".\r\n");
	Buf m = BUF_INIT, dec = BUF_INIT;
	struct err e = {0};
	int rc = smtp_message(&conf_sample, "a@example.org", "s",
			      buf_str(&body), 0, &m, &e);
	const char *b = strstr(buf_str(&m), "\r\n\r\n");
	size_t nlines = 0, bad_len = 0;
	for (const char *p = b ? b + 4 : ""; *p;) {
		const char *eol = strstr(p, "\r\n");
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		nlines++;
		/* every line but the last is exactly 76 columns */
		if (n > 76 || (eol && eol[2] && n != 76) || !eol) {
			bad_len++;
		}
		p = eol ? eol + 2 : p + n;
	}
	int drc = b ? unbase64(b + 4, &dec) : -1;
	int same = str_eq(buf_str(&dec), buf_str(&want));
	size_t expect_lines = (want.n + 56) / 57;
	buf_free(&body);
	buf_free(&want);
	buf_free(&m);
	buf_free(&dec);
	T_EQ_INT(rc, 0);
	T_EQ_INT(drc, 0);
	T_ASSERT(same);
	T_EQ_INT(bad_len, 0);
	T_EQ_INT(nlines, expect_lines);
}

static void t_header_injection(void)
{
	Buf m = BUF_INIT;
	struct err e = {0};
	int to_rc = smtp_message(&conf_sample,
				 "a@example.org\r\nBcc: b@example.org", "s",
				 "x", 0, &m, &e);
	enum err_code to_code = e.code;
	int subj_rc = smtp_message(&conf_sample, "a@example.org",
				   "s\r\nBcc: b@example.org", "x", 0, &m, &e);
	int lf_rc = smtp_message(&conf_sample, "a@example.org", "s\nx", "x",
				 0, &m, &e);
	int bad_body = smtp_message(&conf_sample, "a@example.org", "s",
				    "\xff\xfe", 0, &m, &e);
	struct smtp_conf bad_from = conf_sample;
	bad_from.from = "gongkai@localhost\r\nX: y";
	int from_rc = smtp_message(&bad_from, "a@example.org", "s", "x", 0,
				   &m, &e);
	size_t written = m.n;
	/* refused before any connection is made */
	int send_rc = smtp_send(&conf_sample, "a@b.org\nRCPT TO:<c@d.org>",
				"s", "x", &e);
	enum err_code send_code = e.code;
	buf_free(&m);
	T_EQ_INT(to_rc, -1);
	T_EQ_INT(to_code, ERR_INPUT);
	T_EQ_INT(subj_rc, -1);
	T_EQ_INT(lf_rc, -1);
	T_EQ_INT(bad_body, -1);
	T_EQ_INT(from_rc, -1);
	T_EQ_INT(written, 0);
	T_EQ_INT(send_rc, -1);
	T_EQ_INT(send_code, ERR_INPUT);
}

static void t_address_check(void)
{
	static const char *const good[] = {
		"a@b", "zhang.san+gk@mail.example.org", "o'brien@x-y.cn",
	};
	static const char *const bad[] = {
		"",          "a",         "@b",           "a@",
		"a b@c.org", "<a@b.org>", "a@b.org,c@d", "a@b.org;c@d",
		"a@b..org",  ".a@b.org",  "a@-b.org",     "\"a\"@b.org",
		"张三@b.org", "a@b.org\n", "a@b@c",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (smtp_addr_check(good[i], NULL) != 0) {
			T_FAIL_("refused good address '%s'", good[i]);
			return;
		}
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (smtp_addr_check(bad[i], NULL) != -1) {
			T_FAIL_("accepted bad address '%s'", bad[i]);
			return;
		}
	}
	T_EQ_INT(smtp_host_check("smtp.example.org", NULL), 0);
	T_EQ_INT(smtp_host_check("::1", NULL), 0);
	T_EQ_INT(smtp_host_check("host/path", NULL), -1);
	T_EQ_INT(smtp_host_check("a@b", NULL), -1);
	T_EQ_INT(smtp_host_check("", NULL), -1);
}

void suite_smtp(void)
{
	T_RUN(t_message_headers);
	T_RUN(t_message_subject_rfc2047);
	T_RUN(t_message_body_base64);
	T_RUN(t_header_injection);
	T_RUN(t_address_check);
}

/*---- The outbox ----*/

static int64_t count_rows(store *st)
{
	struct outbox_counts k;
	struct err e = {0};
	if (outbox_count(st, &k, &e)) {
		return -1;
	}
	return k.pending + k.sent + k.failed;
}

static void t_outbox_add_dedupe(void)
{
	struct err e = {0};
	store *st = tdb_open();
	T_ASSERT(st);
	int a = outbox_add(st, 0, 0, "a@example.org", "提醒", "正文",
			   "remind:1:2024-05-01", &e);
	int again = outbox_add(st, 0, 0, "other@example.org", "提醒2", "x",
			       "remind:1:2024-05-01", &e);
	int other = outbox_add(st, 0, 0, "a@example.org", "提醒", "正文",
			       "remind:1:2024-05-02", &e);
	int none1 = outbox_add(st, 0, 0, "a@example.org", "s", "b", NULL, &e);
	int none2 = outbox_add(st, 0, 0, "a@example.org", "s", "b", NULL, &e);
	int bad = outbox_add(st, 0, 0, "a@example.org\r\nBcc: x@y.org", "s",
			     "b", NULL, &e);
	enum err_code bad_code = e.code;
	int bad_subj = outbox_add(st, 0, 0, "a@example.org", "a\nb", "b",
				  NULL, &e);
	int64_t n = count_rows(st);
	struct outbox_msg m = {0};
	int got = outbox_get(st, 1, &m, &e);
	int fields = got == 1 && m.organ_id == 0 && m.application_id == 0 &&
		     str_eq(m.to_addr, "a@example.org") &&
		     str_eq(m.subject, "提醒") && str_eq(m.body, "正文") &&
		     str_eq(m.dedupe, "remind:1:2024-05-01") &&
		     m.attempts == 0 && !m.sent_at && !m.failed &&
		     str_eq(m.last_error, "");
	outbox_msg_clear(&m);
	tdb_close(st);
	T_EQ_INT(a, 1);
	T_EQ_INT(again, 0);
	T_EQ_INT(other, 1);
	T_EQ_INT(none1, 1);
	T_EQ_INT(none2, 1);
	T_EQ_INT(bad, -1);
	T_EQ_INT(bad_code, ERR_INPUT);
	T_EQ_INT(bad_subj, -1);
	T_EQ_INT(n, 4);
	T_ASSERT(fields);
}

static void t_outbox_in_transaction(void)
{
	struct err e = {0};
	store *st = tdb_open();
	T_ASSERT(st);
	/* rolled back with the caller's change */
	int b1 = store_tx_begin(st, &e);
	int a1 = outbox_add(st, 0, 0, "a@example.org", "s", "b", "k1", &e);
	store_tx_rollback(st);
	int64_t after_rollback = count_rows(st);
	/* committed with it; a nested savepoint undone alone */
	int b2 = store_tx_begin(st, &e);
	int a2 = outbox_add(st, 0, 0, "a@example.org", "s", "b", "k2", &e);
	int b3 = store_tx_begin(st, &e);
	int a3 = outbox_add(st, 0, 0, "a@example.org", "s", "b", "k3", &e);
	store_tx_rollback(st);
	int c2 = store_tx_commit(st, &e);
	int64_t after_commit = count_rows(st);
	/* the rolled-back key is free again */
	int again = outbox_add(st, 0, 0, "a@example.org", "s", "b", "k1", &e);
	tdb_close(st);
	T_ASSERT(b1 == 0 && a1 == 1 && b2 == 0 && a2 == 1 && b3 == 0 &&
		 a3 == 1 && c2 == 0);
	T_EQ_INT(after_rollback, 0);
	T_EQ_INT(after_commit, 1);
	T_EQ_INT(again, 1);
}

static void t_outbox_lifecycle(void)
{
	struct err e = {0};
	store *st = tdb_open();
	T_ASSERT(st);
	time_t t0 = time(NULL);
	int64_t id1, id2, id3;
	outbox_insert(st, 0, 0, "a@example.org", "one", "b", NULL, &id1, &e);
	outbox_insert(st, 0, 0, "b@example.org", "two", "b", NULL, &id2, &e);
	outbox_insert(st, 0, 0, "c@example.org", "three", "b", NULL, &id3,
		      &e);
	struct outbox_msg *v = NULL;
	size_t n = 0;
	int due_rc = outbox_due(st, t0, 10, &v, &n, &e);
	size_t ndue = n;
	outbox_list_free(v, n);
	int not_yet = outbox_due(st, t0 - 100, 10, &v, &n, &e);
	size_t nearly = n;
	outbox_list_free(v, n);

	int sent = outbox_mark_sent(st, id1, t0, &e);
	int sent_twice = outbox_mark_sent(st, id1, t0, &e);
	enum err_code twice_code = e.code;
	int retry = outbox_mark_failure(st, id2, "connection refused",
					t0 + 60, 0, &e);
	int gave_up = outbox_mark_failure(st, id3, "550 no such user",
					  t0 + 60, 1, &e);
	outbox_due(st, t0, 10, &v, &n, &e);
	size_t due_now = n;
	outbox_list_free(v, n);
	outbox_due(st, t0 + 60, 10, &v, &n, &e);
	int64_t due_later = n == 1 ? v[0].id : 0;
	int64_t attempts2 = n == 1 ? v[0].attempts : 0;
	int err2 = n == 1 && str_eq(v[0].last_error, "connection refused");
	outbox_list_free(v, n);

	struct outbox_counts k;
	outbox_count(st, &k, &e);
	int64_t total = 0;
	outbox_list(st, OUTBOX_FAILED, 10, 0, &v, &n, &total, &e);
	int64_t failed_id = n == 1 ? v[0].id : 0;
	outbox_list_free(v, n);
	outbox_list(st, OUTBOX_ALL, 2, 0, &v, &n, &total, &e);
	int newest_first = n == 2 && v[0].id == id3 && v[1].id == id2;
	int64_t all_total = total;
	outbox_list_free(v, n);
	outbox_list(st, OUTBOX_ALL, 2, 2, &v, &n, &total, &e);
	int page2 = n == 1 && v[0].id == id1;
	outbox_list_free(v, n);
	outbox_list(st, OUTBOX_UNSENT, 10, 0, &v, &n, &total, &e);
	size_t unsent = n;
	outbox_list_free(v, n);

	/* an admin puts the failed one back */
	struct actor admin = {1, "admin"};
	int not_failed = outbox_retry(st, &admin, id2, t0, &e);
	enum err_code nf_code = e.code;
	int missing = outbox_retry(st, &admin, 999, t0, &e);
	enum err_code missing_code = e.code;
	int retried = outbox_retry(st, &admin, id3, t0 + 5, &e);
	struct outbox_msg m = {0};
	outbox_get(st, id3, &m, &e);
	int back = !m.failed && m.next_at == t0 + 5 && m.attempts == 1;
	outbox_msg_clear(&m);
	struct audit_row *rows = NULL;
	size_t nrows = 0;
	int64_t atotal = 0;
	audit_list(st, "outbox", 10, 0, &rows, &nrows, &atotal, &e);
	int audited = nrows == 1 && str_eq(rows[0].action, "outbox.retry") &&
		      rows[0].entity_id == id3;
	audit_rows_free(rows, nrows);
	tdb_close(st);

	T_EQ_INT(due_rc, 0);
	T_EQ_INT(ndue, 3);
	T_EQ_INT(not_yet, 0);
	T_EQ_INT(nearly, 0);
	T_EQ_INT(sent, 0);
	T_EQ_INT(sent_twice, -1);
	T_EQ_INT(twice_code, ERR_NOTFOUND);
	T_EQ_INT(retry, 0);
	T_EQ_INT(gave_up, 0);
	T_EQ_INT(due_now, 0);
	T_EQ_INT(due_later, id2);
	T_EQ_INT(attempts2, 1);
	T_ASSERT(err2);
	T_ASSERT(k.pending == 1 && k.sent == 1 && k.failed == 1);
	T_EQ_INT(failed_id, id3);
	T_ASSERT(newest_first);
	T_EQ_INT(all_total, 3);
	T_ASSERT(page2);
	T_EQ_INT(unsent, 2);
	T_EQ_INT(not_failed, -1);
	T_EQ_INT(nf_code, ERR_CONFLICT);
	T_EQ_INT(missing, -1);
	T_EQ_INT(missing_code, ERR_NOTFOUND);
	T_EQ_INT(retried, 0);
	T_ASSERT(back);
	T_ASSERT(audited);
}

/* Two senders that read the same due message: only one may send it. */
static void t_outbox_claim(void)
{
	struct err e = {0};
	store *st = tdb_open();
	T_ASSERT(st);
	time_t now = time(NULL);
	outbox_add(st, 0, 0, "a@example.org", "s", "b", NULL, &e);
	struct outbox_msg *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	outbox_due(st, now, 10, &a, &na, &e);
	outbox_due(st, now, 10, &b, &nb, &e);
	int first = na == 1 ? outbox_claim(st, a[0].id, a[0].next_at,
					   now + 100, &e)
			    : -1;
	int second = nb == 1 ? outbox_claim(st, b[0].id, b[0].next_at,
					    now + 100, &e)
			     : -1;
	outbox_list_free(a, na);
	outbox_list_free(b, nb);
	/* a claimed message is not due until the claim runs out */
	outbox_due(st, now + 99, 10, &a, &na, &e);
	size_t during = na;
	outbox_list_free(a, na);
	outbox_due(st, now + 100, 10, &a, &na, &e);
	size_t after = na;
	outbox_list_free(a, na);
	tdb_close(st);
	T_EQ_INT(first, 1);
	T_EQ_INT(second, 0);
	T_EQ_INT(during, 0);
	T_EQ_INT(after, 1);
}

void suite_outbox(void)
{
	T_RUN(t_outbox_add_dedupe);
	T_RUN(t_outbox_in_transaction);
	T_RUN(t_outbox_lifecycle);
	T_RUN(t_outbox_claim);
}

/*---- The mailer ----*/

/* The stand-in sender: answers fake_rc (with fake_code) and counts. */
static int fake_rc;
static enum err_code fake_code;
static int fake_calls;

static int fake_send(const struct smtp_conf *c, const char *to,
		     const char *subject, const char *body, struct err *e)
{
	(void)c;
	(void)to;
	(void)subject;
	(void)body;
	fake_calls++;
	if (fake_rc) {
		err_set(e, fake_code, "fake failure %d", fake_calls);
	}
	return fake_rc;
}

static void t_backoff_schedule(void)
{
	static const int64_t want[][2] = {
		{1, 60},     {2, 120},    {3, 240},    {4, 480},
		{5, 960},    {6, 1920},   {7, 3840},   {8, 7680},
		{9, 15360},  {10, 21600}, {11, 21600}, {1000, 21600},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		T_EQ_INT(mail_backoff(want[i][0]), want[i][1]);
	}
	T_ASSERT(!mail_give_up(MAIL_MAX_ATTEMPTS - 1));
	T_ASSERT(mail_give_up(MAIL_MAX_ATTEMPTS));
}

static void mail_conf(struct conf *c)
{
	conf_defaults(c);
	snprintf(c->smtp_host, sizeof c->smtp_host, "127.0.0.1");
}

static void t_mailer_retries_then_fails(void)
{
	struct err e = {0};
	struct conf c;
	mail_conf(&c);
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t id;
	outbox_insert(st, 0, 0, "a@example.org", "s", "b", NULL, &id, &e);
	fake_rc = -1;
	fake_code = ERR_INTERNAL;
	fake_calls = 0;
	time_t now = time(NULL);
	int schedule_ok = 1, rc = 0;
	int64_t retrying = 0, gave_up = 0;
	for (int i = 1; i <= MAIL_MAX_ATTEMPTS + 3 && rc == 0; i++) {
		struct mailer_result res;
		rc = mailer_run(st, &c, now, 10, fake_send, &res, &e);
		retrying += res.retrying;
		gave_up += res.gave_up;
		struct outbox_msg m = {0};
		outbox_get(st, id, &m, &e);
		if (!m.failed) {
			schedule_ok &= m.attempts == i &&
				       m.next_at == now + mail_backoff(i);
			/* not due a second before */
			struct mailer_result early;
			int calls = fake_calls;
			mailer_run(st, &c, (time_t)m.next_at - 1, 10,
				   fake_send, &early, &e);
			schedule_ok &= fake_calls == calls;
			now = (time_t)m.next_at;
		}
		outbox_msg_clear(&m);
	}
	struct outbox_msg m = {0};
	outbox_get(st, id, &m, &e);
	int failed = m.failed && m.attempts == MAIL_MAX_ATTEMPTS &&
		     !m.sent_at && strstr(m.last_error, "fake failure") != 0;
	outbox_msg_clear(&m);
	tdb_close(st);
	T_EQ_INT(rc, 0);
	T_ASSERT(schedule_ok);
	T_EQ_INT(fake_calls, MAIL_MAX_ATTEMPTS);
	T_EQ_INT(retrying, MAIL_MAX_ATTEMPTS - 1);
	T_EQ_INT(gave_up, 1);
	T_ASSERT(failed);
}

static void t_mailer_sends_and_stops(void)
{
	struct err e = {0};
	struct conf c;
	mail_conf(&c);
	store *st = tdb_open();
	T_ASSERT(st);
	for (int i = 0; i < 3; i++) {
		outbox_add(st, 0, 0, "a@example.org", "s", "b", NULL, &e);
	}
	time_t now = time(NULL);
	/* not configured: nothing is tried */
	struct conf off;
	conf_defaults(&off);
	struct mailer_result r0;
	fake_rc = 0;
	fake_calls = 0;
	int rc0 = mailer_run(st, &off, now, 10, fake_send, &r0, &e);
	int calls0 = fake_calls;
	/* the server is unusable: one attempt, the rest wait untouched */
	fake_rc = -2;
	fake_code = ERR_INTERNAL;
	struct mailer_result r1;
	int rc1 = mailer_run(st, &c, now, 10, fake_send, &r1, &e);
	int calls1 = fake_calls;
	/* a message the server refuses as such is given up at once */
	fake_rc = -1;
	fake_code = ERR_INPUT;
	struct mailer_result r2;
	mailer_run(st, &c, now, 1, fake_send, &r2, &e);
	/* the server is back: the last one goes, the batch limit holds */
	fake_rc = 0;
	struct mailer_result r3;
	int rc3 = mailer_run(st, &c, now, 10, fake_send, &r3, &e);
	struct outbox_counts k;
	outbox_count(st, &k, &e);
	tdb_close(st);
	T_EQ_INT(rc0, 0);
	T_EQ_INT(calls0, 0);
	T_EQ_INT(rc1, 0);
	T_EQ_INT(calls1, 1);
	T_ASSERT(r1.stopped && r1.retrying == 1 && r1.sent == 0);
	T_ASSERT(r2.gave_up == 1 && !r2.stopped);
	T_EQ_INT(rc3, 0);
	T_ASSERT(r3.sent == 1 && r3.retrying == 0);
	T_ASSERT(k.sent == 1 && k.failed == 1 && k.pending == 1);
}

void suite_mailer(void)
{
	/* the mailer logs every attempt: keep the expected failures quiet */
	log_setup(LOG_ERROR, NULL);
	T_RUN(t_backoff_schedule);
	T_RUN(t_mailer_retries_then_fails);
	T_RUN(t_mailer_sends_and_stops);
	log_setup(LOG_INFO, NULL);
}
