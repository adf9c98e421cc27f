/*
 * html.c - escaping HTML writer (see html.h for the rules it enforces).
 */
#include "render/html.h"

#include "base/str.h"

#include "base/fmt.h"

#include <ctype.h>
#include <strings.h>
#include <string.h>

void html_escape(Buf *out, const char *s)
{
	if (!s) {
		return;
	}
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: break;
		}
		if (rep) {
			buf_append(out, run, (size_t)(p - run));
			buf_puts(out, rep);
			run = p + 1;
		}
	}
	buf_puts(out, run);
}

void html_printf(Buf *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(out, html_escape, fmt, ap);
	va_end(ap);
}

void html_raw_(Buf *out, const char *p, size_t n)
{
	buf_append(out, p, n);
}

void html_frag(Buf *out, HtmlFrag f)
{
	buf_append(out, f.p ? f.p : "", f.n);
}

HtmlFrag html_frag_of(const Buf *b)
{
	HtmlFrag f = {buf_str(b), b->n};
	return f;
}

void html_attr(Buf *out, const char *name, const char *value)
{
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_puts(out, "=\"");
	html_escape(out, value);
	buf_putc(out, '"');
}

void url_encode(Buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s) {
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' ||
		    *p == '~') {
			buf_putc(out, (char)*p);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hex[*p >> 4]);
			buf_putc(out, hex[*p & 15]);
		}
	}
}

void html_href(Buf *out, const char *fmt, ...)
{
	Buf url = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(&url, url_encode, fmt, ap);
	va_end(ap);
	html_escape(out, buf_str(&url));
	buf_free(&url);
}

void url_printf(Buf *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(out, url_encode, fmt, ap);
	va_end(ap);
}

void url_item_path(Buf *out, const char *slug, const char *index_no)
{
	url_printf(out, "/organ/%s/item", slug);
	const char *p = index_no ? index_no : "";
	do {
		size_t k = strcspn(p, "/");
		char *seg = xstrndup(p, k);
		url_printf(out, "/%s", seg);
		free(seg);
		p += k;
	} while (*p++ == '/');
}

int html_url_safe(const char *url)
{
	if (!url) {
		return 0;
	}
	/* A scheme is letters/digits/+-. before the first ':' that comes
	 * before any '/', '?' or '#'. */
	size_t i = strcspn(url, ":/?#");
	if (url[i] != ':') {
		return 1; /* relative reference */
	}
	static const char *const ok[] = {"http:", "https:", "mailto:", "tel:"};
	for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
		if (strncasecmp(url, ok[k], strlen(ok[k])) == 0) {
			return 1;
		}
	}
	return 0;
}
