/*
 * date.c - civil date arithmetic (Howard Hinnant's days_from_civil
 * algorithm) and time stamps (see date.h).
 */
#include "base/date.h"

#include <stdio.h>
#include <string.h>

int64_t date_days(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (mm <= 2));
	*m = mm;
	*d = dd;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) {
		return 0;
	}
	int max = mdays[m - 1] + (m == 2 && leap(y));
	return d <= max;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, int64_t *days)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) ||
	    digits(s + 8, 2, &d) || !date_valid(y, m, d)) {
		return -1;
	}
	*days = date_days(y, m, d);
	return 0;
}

void date_format(int64_t days, char out[11])
{
	int y, m, d;
	date_civil(days, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", (y % 10000 + 10000) % 10000,
		 (m & 15) % 13, (d & 31) % 32);
}

void date_format_opt(int64_t days, char out[11])
{
	if (days) {
		date_format(days, out);
	} else {
		out[0] = 0;
	}
}

int date_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = (days + 3) % 7;
	if (w < 0) {
		w += 7;
	}
	return (int)w + 1;
}

int64_t date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void date_timestamp(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void date_local_minute(time_t t, char out[17])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%dT%H:%M", &tm);
}

int date_minute_parse(const char *s, char out[17])
{
	int64_t days;
	int h, mi;
	char d[11];
	if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') ||
	    s[13] != ':') {
		return -1;
	}
	memcpy(d, s, 10);
	d[10] = 0;
	if (date_parse(d, &days) || digits(s + 11, 2, &h) ||
	    digits(s + 14, 2, &mi) || h > 23 || mi > 59) {
		return -1;
	}
	memcpy(out, s, 16);
	out[10] = 'T';
	out[16] = 0;
	return 0;
}

int64_t date_mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
