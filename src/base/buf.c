/*
 * buf.c - growable byte buffer (see buf.h). Every piece of output in gongkai,
 * HTML pages, JSON, CSV and log lines, is assembled in a Buf first.
 */
#include "base/buf.h"

#include "base/err.h"
#include <errno.h>
#include "base/str.h"

#include <stdio.h>
#include <string.h>

void buf_grow(Buf *b, size_t extra)
{
	size_t need = b->n + extra + 1;
	if (need <= b->cap) {
		return;
	}
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap *= 2;
	}
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_append(Buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n) {
		memcpy(b->p + b->n, p, n);
	}
	b->n += n;
	b->p[b->n] = 0;
}

void buf_puts(Buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_append(b, small, (size_t)n);
		return;
	}
	buf_grow(b, (size_t)n);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	b->n += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_reset(Buf *b)
{
	b->n = 0;
	if (b->p) {
		b->p[0] = 0;
	}
}

void buf_free(Buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

const char *buf_str(const Buf *b)
{
	return b->p ? b->p : "";
}

char *buf_detach(Buf *b)
{
	char *p = b->p ? b->p : xstrdup("");
	b->p = NULL;
	b->n = b->cap = 0;
	return p;
}

int buf_read_file(Buf *b, const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT) {
			return 0;
		}
		return err_set(e, ERR_INTERNAL, "cannot read %s: %s", path,
			       strerror(errno));
	}
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_append(b, chunk, n);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		return err_set(e, ERR_INTERNAL, "cannot read %s", path);
	}
	return 1;
}
