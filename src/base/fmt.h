/*
 * fmt.h - the printf engine behind html_printf and json_printf: standard
 * conversions, with every %s passed through a caller-given escaper. Numbers
 * are formatted by the C library, so -Wformat checks every call site.
 */
#ifndef GK_FMT_H
#define GK_FMT_H

#include "base/buf.h"

#include <stdarg.h>

/* Writes s (NUL-terminated; NULL prints as "") to out, escaped. */
typedef void (*fmt_escape_fn)(Buf *out, const char *s);

/* Formats like vprintf into out, sending each %s argument through esc
 * (esc NULL: copied raw). Supports flags, width, precision (also `*`),
 * the length modifiers hh h l ll z j t L and conversions d i u o x X c s p
 * e E f F g G a A %. A %s precision limits bytes before escaping. */
void fmt_vformat(Buf *out, fmt_escape_fn esc, const char *fmt, va_list ap);

#endif
