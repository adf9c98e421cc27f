/*
 * log.c - the log sink (see log.h). A single process-wide sink is the one
 * piece of state outside struct app, set once at start-up like stderr itself.
 */
#include "base/log.h"

#include "base/buf.h"
#include "base/date.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static FILE *log_file;
static enum log_level log_min = LOG_INFO;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

int log_setup(enum log_level min, const char *path)
{
	log_min = min;
	if (path && *path) {
		FILE *f = fopen(path, "a");
		if (!f) {
			return -1;
		}
		log_file = f;
	}
	return 0;
}

int log_level_parse(const char *s, enum log_level *out)
{
	static const char *const names[] = {"debug", "info", "warn", "error"};
	for (int i = 0; i < 4; i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*out = (enum log_level)i;
			return 0;
		}
	}
	return -1;
}

void log_msg(enum log_level lv, uint64_t rid, const char *fmt, ...)
{
	static const char *const tag[] = {"debug", "info", "warn", "error"};
	if (lv < log_min) {
		return;
	}
	char ts[21];
	date_timestamp(time(NULL), ts);
	Buf b = BUF_INIT;
	buf_printf(&b, "%s %s rid=%llu ", ts, tag[lv], (unsigned long long)rid);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	pthread_mutex_lock(&log_lock);
	FILE *f = log_file ? log_file : stderr;
	fwrite(b.p, 1, b.n, f);
	fflush(f);
	pthread_mutex_unlock(&log_lock);
	buf_free(&b);
}

void log_close(void)
{
	if (log_file) {
		fclose(log_file);
		log_file = NULL;
	}
}
