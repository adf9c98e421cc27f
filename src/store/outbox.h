/*
 * outbox.h - mail waiting to be sent (table outbox).
 */
#ifndef GK_OUTBOX_H
#define GK_OUTBOX_H

#include "store/store.h"

#include <stdint.h>

/* Queues a message inside the caller's transaction. organ_id and
 * application_id 0 = none; dedupe NULL = none. 1 queued, 0 a message
 * with that dedupe key exists already, -1 error. */
int outbox_add(store *st, int64_t organ_id, int64_t application_id,
	       const char *to, const char *subject, const char *body,
	       const char *dedupe, struct err *e);

#endif
