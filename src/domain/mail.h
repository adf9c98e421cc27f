/*
 * mail.h - the retry rule of the mail outbox: how long to wait after a
 * failed attempt and when to give up. Pure; the sender (cli/mailer.c)
 * applies it and the outbox page (web/admin_mail.c) explains it.
 */
#ifndef GK_MAIL_H
#define GK_MAIL_H

#include <stdint.h>

/* Attempts before a message is marked failed. With the waits below, the
 * attempts span about 20 hours: a mail server that is down overnight
 * does not lose a notice, and one that stays down gets noticed. */
#define MAIL_MAX_ATTEMPTS 12
/* The wait after the first failure, and the longest wait (seconds). */
#define MAIL_FIRST_WAIT 60
#define MAIL_LONGEST_WAIT (6 * 3600)

/* Seconds from the attempts-th failed attempt (1, 2, ...) to the next:
 * MAIL_FIRST_WAIT, doubling each time, at most MAIL_LONGEST_WAIT. */
int64_t mail_backoff(int64_t attempts);
/* 1 when a message whose attempts-th attempt just failed is given up. */
int mail_give_up(int64_t attempts);

#endif
