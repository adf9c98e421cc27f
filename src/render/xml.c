/*
 * xml.c - XML 1.0 text escaping (see xml.h).
 */
#include "render/xml.h"

#include <string.h>

void xml_escape_n(Buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&apos;"); break;
		default:
			/* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
			if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBF &&
			    (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) {
				i += 2;
			} else if (c >= 0x20 || c == '\t' || c == '\n' ||
				   c == '\r') {
				buf_putc(out, (char)c);
			}
		}
	}
}

void xml_escape(Buf *out, const char *s)
{
	if (s) {
		xml_escape_n(out, s, strlen(s));
	}
}
