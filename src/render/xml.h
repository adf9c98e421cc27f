/*
 * xml.h - escaping text for XML 1.0 documents we write ourselves (feeds,
 * the parts of a .docx). The one place that knows which characters XML
 * allows: & < > " ' become references, and what XML 1.0 forbids even as a
 * reference (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF) is
 * dropped. Input is UTF-8 already checked by the caller.
 */
#ifndef GK_XML_H
#define GK_XML_H

#include "base/buf.h"

#include <stddef.h>

/* Appends the n bytes at s as XML character data or a quoted attribute
 * value. */
void xml_escape_n(Buf *out, const char *s, size_t n);
/* Same for a NUL-terminated string; NULL appends nothing. */
void xml_escape(Buf *out, const char *s);

#endif
