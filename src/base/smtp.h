/*
 * smtp.h - sending one e-mail over SMTP with libcurl, and the RFC 5322
 * message it sends: UTF-8 plain text, base64 body in 76-column lines, the
 * subject as RFC 2047 encoded words when it is not plain ASCII. No domain
 * words: the outbox (store/outbox.h) and the mailer (cli/mailer.h) decide
 * what goes out and when.
 *
 * Addresses and the subject go into header lines, so CR, LF and other
 * control characters in them are refused (header injection), as are
 * addresses that could name more than one mailbox.
 */
#ifndef GK_SMTP_H
#define GK_SMTP_H

#include "base/buf.h"
#include "base/err.h"

#include <time.h>

enum smtp_tls {
	SMTP_TLS_NONE,     /* plain SMTP (a relay on the same host) */
	SMTP_TLS_STARTTLS, /* plain connection upgraded with STARTTLS; required */
	SMTP_TLS_IMPLICIT, /* TLS from the first byte (smtps://, port 465) */
};

struct smtp_conf {
	const char *host;     /* name or address; empty = not configured */
	int port;
	enum smtp_tls tls;
	const char *user;     /* empty: no AUTH */
	const char *password;
	const char *from;     /* the envelope and From: address */
	long timeout;         /* seconds, for connecting and for the whole */
};

/* Initialises libcurl; call once at program start, before any thread
 * exists. 0 or -1. */
int smtp_setup(void);

/* Checks one mailbox address (local@domain, printable ASCII, at most 254
 * bytes, no spaces, quotes, angle brackets, commas or semicolons):
 * 0, or -1 with ERR_INPUT. */
int smtp_addr_check(const char *addr, struct err *e);
/* Checks a server name: letters, digits, '.', '-' and ':' (an IPv6
 * address), 1 to 253 bytes: 0, or -1 with ERR_INPUT. */
int smtp_host_check(const char *host, struct err *e);
/* Checks a subject: valid UTF-8, no control characters (CR, LF, ...), at
 * most 1000 bytes: 0, or -1 with ERR_INPUT. */
int smtp_subject_check(const char *subject, struct err *e);

/* Appends the whole message (headers, blank line, base64 body; CRLF line
 * ends) for c->from to `to` dated `now` to out. The body's line ends are
 * made CRLF before encoding. 0, or -1 with ERR_INPUT for a bad address,
 * subject or a body that is not UTF-8 (out is then unchanged). */
int smtp_message(const struct smtp_conf *c, const char *to,
		 const char *subject, const char *body, time_t now, Buf *out,
		 struct err *e);

/* Sends one message to `to` through the server of c and waits for the
 * answer (at most c->timeout seconds to connect and c->timeout in all).
 * 0 when the server accepted it. -1 with e when this message failed: a
 * bad address, subject or body (ERR_INPUT; nothing was sent) or the server
 * refused it (ERR_INTERNAL). -2 with e (ERR_INTERNAL) when the server
 * could not be used at all - not reached, timed out, TLS failed, login
 * refused: every other message would fail the same way now. */
int smtp_send(const struct smtp_conf *c, const char *to, const char *subject,
	      const char *body, struct err *e);

#endif
