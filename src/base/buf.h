/*
 * buf.h - growable byte buffer.
 *
 * A Buf owns its heap memory; buf_free() releases it. The content is always
 * NUL-terminated (b->p[b->n] == 0) once anything was appended, so b->p can be
 * used as a C string when the content has no NUL bytes. Out-of-memory aborts.
 */
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
	char *p;     /* content, NUL-terminated; NULL while empty and unallocated */
	size_t n;    /* bytes used, not counting the terminator */
	size_t cap;  /* bytes allocated */
} Buf;

#define BUF_INIT {NULL, 0, 0}

/* Ensures room for `extra` more bytes plus the terminator. */
void buf_grow(Buf *b, size_t extra);
/* Appends n bytes of p. */
void buf_append(Buf *b, const void *p, size_t n);
/* Appends a NUL-terminated string. */
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
/* printf into the buffer (standard conversions, no escaping). */
void buf_printf(Buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* Empties the buffer but keeps its memory. */
void buf_reset(Buf *b);
/* Releases the memory; the Buf is empty and reusable afterwards. */
void buf_free(Buf *b);
/* Returns the content as a C string ("" when empty); owned by the Buf. */
const char *buf_str(const Buf *b);
/* Hands the heap string to the caller (who frees it); the Buf is emptied. */
char *buf_detach(Buf *b);

/* Appends the whole file at path to b. 1 read, 0 the file does not exist
 * (ENOENT), -1 on any other error (e set: ERR_INTERNAL naming the path). */
struct err;
int buf_read_file(Buf *b, const char *path, struct err *e);

#endif
