/*
 * mailer.h - the sender of the mail outbox: takes the due messages of
 * store/outbox, sends each with base/smtp and records the result, with
 * retries by the rule of domain/mail.h until a message fails for good.
 *
 * It lives in cli/ because only cli/ runs it - the server's periodic tick
 * (cli/jobs.c) and `gongkai mail` (cmd_mail.c) - and because it logs each
 * attempt, which base/log reserves for web/ and cli/. Web pages only read
 * the outbox and put failed messages back in it (store/outbox.h); code that
 * wants a message sent queues it with outbox_add and never waits for SMTP.
 * The web page tells whether mail is configured from conf.smtp_host.
 */
#ifndef GK_MAILER_H
#define GK_MAILER_H

#include "base/conf.h"
#include "base/smtp.h"
#include "store/outbox.h"

#include <stdint.h>
#include <time.h>

/* Messages one server tick sends at most. */
#define MAILER_TICK_BATCH 20
/* Seconds to connect to the SMTP server, and for one whole message. */
#define MAILER_TIMEOUT 20

/* What sends one message; smtp_send, or a stand-in in the unit tests. */
typedef int (*mailer_send_fn)(const struct smtp_conf *c, const char *to,
			      const char *subject, const char *body,
			      struct err *e);

struct mailer_result {
	int64_t sent;     /* accepted by the server */
	int64_t retrying; /* failed this time; tried again later */
	int64_t gave_up;  /* failed for the last time: now failed */
	int stopped;      /* the server could not be used: the rest of the
			     due messages were left for later, untouched */
};

/* 1 when smtp_host is set; else messages stay queued. */
int mailer_configured(const struct conf *c);

/* Sends one pending message m (as outbox_due read it) with send (NULL:
 * smtp_send) and records the outcome at `now`, adding it to *res. The
 * message is claimed first (outbox_claim): one that another sender took
 * meanwhile is skipped. Outcomes: sent; or failed, with the next
 * attempt mail_backoff seconds later; or failed for good after the last
 * attempt, or at once when the message itself cannot be sent (a bad
 * address, say). A failed attempt is not an error: it is recorded and
 * counted. -1 with e only when the outbox cannot be written. */
int mailer_send_one(store *st, const struct conf *c, time_t now,
		    const struct outbox_msg *m, mailer_send_fn send,
		    struct mailer_result *res, struct err *e);

/* Sends the messages due at `now`, at most max, longest waiting first;
 * stops early when the server cannot be used at all (res->stopped). Does
 * nothing when mail is not configured. *res is zeroed first. 0, or -1 with
 * e when the outbox cannot be read or written. */
int mailer_run(store *st, const struct conf *c, time_t now, int64_t max,
	       mailer_send_fn send, struct mailer_result *res, struct err *e);

#endif
