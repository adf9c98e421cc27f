/*
 * log.h - leveled logging to stderr (or a file set at start). One line per
 * event: time, level, request id (0 outside requests), message. Used only by
 * web/ and cli/ (and main), never below them.
 */
#ifndef GK_LOG_H
#define GK_LOG_H

#include <stdint.h>

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* Sets the minimum level and the output file (NULL path: stderr). Returns 0
 * or -1 if the file cannot be opened. Call once before threads start. */
int log_setup(enum log_level min, const char *path);
/* Parses "debug|info|warn|error": 0, or -1. */
int log_level_parse(const char *s, enum log_level *out);
/* Writes one line; thread-safe. */
void log_msg(enum log_level lv, uint64_t rid, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Releases the log file. */
void log_close(void);

#endif
