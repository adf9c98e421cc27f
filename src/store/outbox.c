/*
 * outbox.c - every statement that touches the outbox table.
 */
#include "store/outbox.h"

#include "base/date.h"
#include "store/store_int.h"

#include <time.h>

int outbox_add(store *st, int64_t organ_id, int64_t application_id,
	       const char *to, const char *subject, const char *body,
	       const char *dedupe, struct err *e)
{
	char now[21];
	time_t t = time(NULL);
	date_timestamp(t, now);
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO outbox (organ_id, application_id, to_addr, "
		"subject, body, dedupe, created_at, next_at) VALUES "
		"(nullif(?1, 0), nullif(?2, 0), ?3, ?4, ?5, ?6, ?7, ?8) "
		"ON CONFLICT(dedupe) DO NOTHING",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, application_id, e) ||
	    st_bind_text(st, s, 3, to, e) ||
	    st_bind_text(st, s, 4, subject, e) ||
	    st_bind_text(st, s, 5, body, e) ||
	    st_bind_text(st, s, 6, dedupe, e) ||
	    st_bind_text(st, s, 7, now, e) ||
	    st_bind_int(st, s, 8, (int64_t)t, e) || st_exec(st, s, e)) {
		return -1;
	}
	return sqlite3_changes(st->db) > 0;
}
