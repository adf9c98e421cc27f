/*
 * mail.c - the outbox's retry rule (see mail.h).
 */
#include "domain/mail.h"

int64_t mail_backoff(int64_t attempts)
{
	int64_t wait = MAIL_FIRST_WAIT;
	for (int64_t i = 1; i < attempts && wait < MAIL_LONGEST_WAIT; i++) {
		wait *= 2;
	}
	return wait < MAIL_LONGEST_WAIT ? wait : MAIL_LONGEST_WAIT;
}

int mail_give_up(int64_t attempts)
{
	return attempts >= MAIL_MAX_ATTEMPTS;
}
