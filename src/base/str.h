/*
 * str.h - memory and string helpers: allocation that aborts on OOM, safe
 * integer parsing with range checks, small predicates. No domain words.
 */
#ifndef GK_STR_H
#define GK_STR_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Allocation wrappers: abort on out-of-memory, never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
/* Heap copy of s (NULL gives NULL); the caller frees it. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Parses a whole decimal integer in [min, max]; no spaces, no trailing
 * characters. Returns 0 and sets *out, or -1. */
int str_to_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* 1 when s starts with prefix. */
int str_has_prefix(const char *s, const char *prefix);
/* 1 when both strings are equal; NULLs compare equal only to each other. */
int str_eq(const char *a, const char *b);
/* 1 when s is NULL or "". */
int str_empty(const char *s);
/* 1 when s is NULL, "" or only ASCII white space. */
int str_blank(const char *s);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);
/* Constant-time comparison of two equal-length byte strings: 1 if equal. */
int str_ct_eq(const void *a, const void *b, size_t n);

#endif
