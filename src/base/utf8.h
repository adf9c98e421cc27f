/*
 * utf8.h - UTF-8 validation, code-point counting, truncation on code-point
 * boundaries and display width (CJK characters count two columns).
 */
#ifndef GK_UTF8_H
#define GK_UTF8_H

#include <stddef.h>

/* 1 when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF) and hold no NUL; else 0. */
int utf8_valid(const char *s, size_t n);
/* Number of code points in the valid UTF-8 string s. */
size_t utf8_len(const char *s);
/* The largest byte count <= max that ends on a code-point boundary of the
 * valid UTF-8 string s. */
size_t utf8_cut(const char *s, size_t max);
/* Display columns: East Asian wide and full-width characters count 2. */
size_t utf8_width(const char *s);

#endif
