/*
 * mailer.c - sending the outbox with retries (see mailer.h for why this
 * is in cli/). No transaction is held while a message is on the wire:
 * each outcome is one UPDATE of its own, so a slow SMTP server never
 * blocks the writers of the web server.
 *
 * The log names messages by outbox id, never by address: recipients are
 * often applicants, whose contact data stays out of log files.
 */
#include "cli/mailer.h"

#include "base/log.h"
#include "domain/mail.h"

#include <string.h>

int mailer_configured(const struct conf *c)
{
	return c->smtp_host[0] != 0;
}

/* The SMTP settings of c (pointing into c). */
static void smtp_conf_of(const struct conf *c, struct smtp_conf *out)
{
	memset(out, 0, sizeof *out);
	out->host = c->smtp_host;
	out->port = (int)c->smtp_port;
	out->tls = c->smtp_tls;
	out->user = c->smtp_user;
	out->password = c->smtp_password;
	out->from = c->mail_from;
	out->timeout = MAILER_TIMEOUT;
}

int mailer_send_one(store *st, const struct conf *c, time_t now,
		    const struct outbox_msg *m, mailer_send_fn send,
		    struct mailer_result *res, struct err *e)
{
	/* a sender that dies mid-attempt leaves the message due again after
	 * a few timeouts */
	int claimed = outbox_claim(st, m->id, m->next_at,
				   now + 5 * MAILER_TIMEOUT, e);
	if (claimed <= 0) {
		return claimed;
	}
	struct smtp_conf sc;
	smtp_conf_of(c, &sc);
	struct err se = {0};
	int rc = (send ? send : smtp_send)(&sc, m->to_addr, m->subject,
					   m->body, &se);
	int64_t attempt = m->attempts + 1;
	if (rc == 0) {
		if (outbox_mark_sent(st, m->id, now, e)) {
			return -1;
		}
		res->sent++;
		log_msg(LOG_INFO, 0, "mail %lld sent (attempt %lld)",
			(long long)m->id, (long long)attempt);
		return 0;
	}
	/* a message the server cannot take as it is never will */
	int give_up = mail_give_up(attempt) ||
		      (rc == -1 && se.code == ERR_INPUT);
	time_t next = now + (time_t)mail_backoff(attempt);
	if (outbox_mark_failure(st, m->id, se.msg, next, give_up, e)) {
		return -1;
	}
	if (give_up) {
		res->gave_up++;
		log_msg(LOG_ERROR, 0,
			"mail %lld failed for good after %lld attempt(s): %s",
			(long long)m->id, (long long)attempt, se.msg);
	} else {
		res->retrying++;
		log_msg(LOG_WARN, 0,
			"mail %lld: attempt %lld failed: %s; next in %lld s",
			(long long)m->id, (long long)attempt, se.msg,
			(long long)(next - now));
	}
	if (rc == -2) {
		res->stopped = 1;
	}
	return 0;
}

int mailer_run(store *st, const struct conf *c, time_t now, int64_t max,
	       mailer_send_fn send, struct mailer_result *res, struct err *e)
{
	memset(res, 0, sizeof *res);
	if (!mailer_configured(c)) {
		return 0;
	}
	struct outbox_msg *due = NULL;
	size_t n = 0;
	if (outbox_due(st, now, max, &due, &n, e)) {
		return -1;
	}
	int rc = 0;
	size_t i = 0;
	while (i < n && !res->stopped && rc == 0) {
		rc = mailer_send_one(st, c, now, &due[i++], send, res, e);
	}
	if (res->stopped && i < n) {
		log_msg(LOG_WARN, 0,
			"mail: server unusable, other due messages wait for "
			"the next round");
	}
	outbox_list_free(due, n);
	return rc;
}
