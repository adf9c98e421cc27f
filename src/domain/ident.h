/*
 * ident.h - rules for the identifiers and contact fields people type:
 * organ slugs and codes, logins, display text, e-mail addresses. Pure
 * functions; each returns 0 when the value is acceptable, else -1 with a
 * message (Simplified Chinese) in e naming the field.
 */
#ifndef GK_IDENT_H
#define GK_IDENT_H

#include "base/err.h"

#include <stddef.h>

/* [a-z0-9-]+, 1 to 64 characters, no leading or trailing '-'. */
int ident_slug(const char *s, struct err *e);
/* Index-number prefix: 1 to 32 of [A-Za-z0-9-]; empty allowed. */
int ident_code(const char *s, struct err *e);
/* Login: 2 to 32 of [A-Za-z0-9._-], starting with a letter or digit. */
int ident_login(const char *s, struct err *e);
/* A line of text: valid UTF-8, no control characters, at most max code
 * points; `required` rejects empty (after trimming spaces). */
int ident_text(const char *field, const char *s, size_t max, int required,
	       struct err *e);
/* Multi-line text: like ident_text but newlines and tabs allowed. */
int ident_para(const char *field, const char *s, size_t max, struct err *e);
/* Empty, or local@domain with a dot in the domain and no spaces. */
int ident_email(const char *s, struct err *e);
/* Empty, or digits, spaces and + - ( ) only, at most 40 characters. */
int ident_phone(const char *s, struct err *e);

#endif
