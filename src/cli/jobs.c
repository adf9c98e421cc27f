/*
 * jobs.c - the server's periodic work. server_run calls jobs_tick (as
 * app->tick) at start and then every tick_seconds from its main thread;
 * the tick runs every job of `jobs` below in order, on one connection of
 * the pool, with the same clock reading. A job that fails is logged and
 * the next still runs. To add a job: write a job_fn and add a row.
 *
 * Jobs run one after the other on the main thread, so each keeps its
 * round short (the mailer sends at most MAILER_TICK_BATCH messages) and
 * a stop signal waits at most for the round in progress.
 */
#include "cli/cli.h"

#include "app.h"
#include "base/date.h"
#include "base/log.h"
#include "cli/mailer.h"
#include "store/application.h"
#include "store/holiday.h"
#include "store/item.h"
#include "store/search.h"

#include <time.h>

/* One job: 0, or -1 with e (logged by the tick). */
typedef int (*job_fn)(struct app *app, store *st, time_t now,
		      struct err *e);

/* Publishes the approved items whose scheduled time has come. */
static int job_publish(struct app *app, store *st, time_t now,
		       struct err *e)
{
	(void)app;
	char minute[17];
	date_local_minute(now, minute);
	int64_t n = 0;
	if (item_publish_due(st, minute, &n, e)) {
		return -1;
	}
	if (n) {
		log_msg(LOG_INFO, 0, "scheduled publication: %lld item(s)",
			(long long)n);
	}
	return 0;
}

/* Applications: closes those whose supplement or fee period ran out
 * (other.no_supplement / other.fee_unpaid) and queues the staff's
 * reminders of what is due within reminder_days or overdue (one a day
 * each, so running every tick is harmless). */
static int job_deadlines(struct app *app, store *st, time_t now,
			 struct err *e)
{
	(void)now;
	struct calendar cal = {0};
	if (holiday_load(st, &cal, e)) {
		cal_free(&cal);
		return -1;
	}
	struct app_env env = {&cal, date_today(),
			      (int)app->conf.fee_stops_clock,
			      app->conf.base_url, "", 0};
	int64_t closed = 0, reminded = 0;
	int rc = application_sweep(st, &env, (int)app->conf.reminder_days,
				   &closed, &reminded, e);
	cal_free(&cal);
	if (rc == 0 && (closed || reminded)) {
		log_msg(LOG_INFO, 0,
			"deadlines: %lld application(s) closed, %lld "
			"reminder(s) queued",
			(long long)closed, (long long)reminded);
	}
	return rc;
}

/* Sends the due messages of the mail outbox (none while smtp_host is
 * empty: they wait in the queue). */
static int job_mail(struct app *app, store *st, time_t now, struct err *e)
{
	struct mailer_result res;
	return mailer_run(st, &app->conf, now, MAILER_TICK_BATCH, NULL, &res,
			  e);
}

/* Extracts the text of new attachments of published items for the search
 * index (a few per tick: pdftotext may take seconds each). */
#define EXTRACT_TICK_BATCH 5
static int job_extract(struct app *app, store *st, time_t now,
		       struct err *e)
{
	(void)app, (void)now;
	for (int i = 0; i < EXTRACT_TICK_BATCH; i++) {
		int64_t id = 0;
		int got = search_attachment_next(st, &id, e);
		if (got <= 0) {
			return got;
		}
		struct attachment a = {0};
		Buf data = BUF_INIT, text = BUF_INIT;
		int rc = attachment_get(st, id, &a, &data, e);
		if (rc == 1) {
			rc = extract_text(a.ctype, &data, &text, e) ? -1 : 0;
			if (rc == 0) {
				rc = search_attachment_text(st, id, buf_str(&text),
							    e);
			}
			if (rc == 0) {
				log_msg(LOG_INFO, 0,
					"search: attachment %lld (%s): %zu "
					"bytes of text",
					(long long)id, a.name, text.n);
			}
		}
		attachment_clear(&a);
		buf_free(&data);
		buf_free(&text);
		if (rc < 0) {
			return -1;
		}
	}
	return 0;
}

static const struct job {
	const char *name;
	job_fn fn;
} jobs[] = {
	{"scheduled publication", job_publish},
	{"application deadlines", job_deadlines},
	{"mail", job_mail},
	{"attachment text", job_extract},
};

void jobs_tick(struct app *app)
{
	struct err e = {0};
	store *st = store_pool_get(app->pool, &e);
	if (!st) {
		log_msg(LOG_ERROR, 0, "scheduler: %s", e.msg);
		return;
	}
	time_t now = time(NULL);
	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		err_clear(&e);
		if (jobs[i].fn(app, st, now, &e)) {
			log_msg(LOG_ERROR, 0, "%s: %s", jobs[i].name, e.msg);
		}
	}
	store_pool_put(app->pool, st);
}
