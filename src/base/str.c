/*
 * str.c - allocation that cannot fail silently and the string parsing every
 * layer needs (see str.h).
 */
#include "base/str.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void oom(void)
{
	fputs("gongkai: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		oom();
	}
	return p;
}

void *xcalloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);
	if (!p) {
		oom();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		oom();
	}
	return q;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

int str_to_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	if (!s || !*s) {
		return -1;
	}
	const char *p = s;
	if (*p == '-' || *p == '+') {
		p++;
	}
	if (*p < '0' || *p > '9') {
		return -1;
	}
	errno = 0;
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max) {
		return -1;
	}
	*out = v;
	return 0;
}

int str_has_prefix(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

int str_eq(const char *a, const char *b)
{
	if (!a || !b) {
		return a == b;
	}
	return strcmp(a, b) == 0;
}

int str_empty(const char *s)
{
	return !s || !*s;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

int str_blank(const char *s)
{
	while (s && *s) {
		if (!is_space(*s)) {
			return 0;
		}
		s++;
	}
	return 1;
}

char *str_trim(char *s)
{
	size_t n = strlen(s);
	while (n && is_space(s[n - 1])) {
		s[--n] = 0;
	}
	size_t i = 0;
	while (is_space(s[i])) {
		i++;
	}
	if (i) {
		memmove(s, s + i, n - i + 1);
	}
	return s;
}

int str_ct_eq(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	unsigned char d = 0;
	for (size_t i = 0; i < n; i++) {
		d |= x[i] ^ y[i];
	}
	return d == 0;
}
