/*
 * date.h - civil dates (proleptic Gregorian) as day numbers, ISO 8601
 * parsing and printing, and wall-clock timestamps. No workday rules here:
 * those are domain/workday.
 */
#ifndef GK_DATE_H
#define GK_DATE_H

#include <stdint.h>
#include <time.h>

/* Days since 1970-01-01 for a valid y-m-d. */
int64_t date_days(int y, int m, int d);
/* The civil date of a day number. */
void date_civil(int64_t days, int *y, int *m, int *d);
/* 1 when y-m-d is a real date (year 1..9999). */
int date_valid(int y, int m, int d);
/* Parses exactly "YYYY-MM-DD" into a day number: 0, or -1 if malformed or
 * not a real date. */
int date_parse(const char *s, int64_t *days);
/* Writes "YYYY-MM-DD" (11 bytes with NUL) into out. */
void date_format(int64_t days, char out[11]);
/* The same, or "" for day 0 (a date that is not set). */
void date_format_opt(int64_t days, char out[11]);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(int64_t days);
/* Today's day number in the local time zone (TZ). */
int64_t date_today(void);
/* UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" of t (21 bytes with NUL). */
void date_timestamp(time_t t, char out[21]);
/* Local wall-clock minute "YYYY-MM-DDTHH:MM" of t (17 bytes with NUL). */
void date_local_minute(time_t t, char out[17]);
/* 1 when s is exactly "YYYY-MM-DDTHH:MM" (or with a space for the T) and a
 * real date and time; normalises a space to 'T' in out (17 bytes). */
int date_minute_parse(const char *s, char out[17]);
/* Monotonic clock in microseconds. */
int64_t date_mono_us(void);

#endif
