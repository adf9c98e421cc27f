/*
 * fmt.c - a printf that escapes strings. It walks the format, copies literal
 * text, and formats each conversion by handing a one-conversion format to
 * snprintf with the argument taken at its proper type; only %s differs: the
 * string goes through the escaper. This keeps the conversions standard (so
 * the compiler type-checks them) while making escaping the default.
 */
#include "base/fmt.h"
#include "base/str.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <wchar.h>

enum len { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_J, L_T, L_BIGL };

/* Formats one conversion `spec` (e.g. "%-08.3lld") holding at most two int
 * stars, already consumed into star[]. */
#define EMIT(T)                                                               \
	do {                                                                  \
		T v_ = va_arg(*ap, T);                                        \
		if (nstar == 0) {                                             \
			n = snprintf(tmp, sizeof tmp, spec, v_);              \
		} else if (nstar == 1) {                                      \
			n = snprintf(tmp, sizeof tmp, spec, star[0], v_);     \
		} else {                                                      \
			n = snprintf(tmp, sizeof tmp, spec, star[0], star[1], \
				     v_);                                     \
		}                                                             \
	} while (0)

static void one(Buf *out, fmt_escape_fn esc, const char *spec, char conv,
		enum len len, int nstar, const int *star, int has_prec,
		va_list *ap)
{
	char tmp[512];
	int n = 0;
	switch (conv) {
	case 'd':
	case 'i':
		switch (len) {
		case L_LL: EMIT(long long); break;
		case L_L: EMIT(long); break;
		case L_Z: EMIT(ssize_t); break;
		case L_J: EMIT(intmax_t); break;
		case L_T: EMIT(ptrdiff_t); break;
		default: EMIT(int); break;
		}
		break;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		switch (len) {
		case L_LL: EMIT(unsigned long long); break;
		case L_L: EMIT(unsigned long); break;
		case L_Z: EMIT(size_t); break;
		case L_J: EMIT(uintmax_t); break;
		case L_T: EMIT(ptrdiff_t); break;
		default: EMIT(unsigned int); break;
		}
		break;
	case 'c':
		EMIT(int);
		break;
	case 'p':
		EMIT(void *);
		break;
	case 'e': case 'E': case 'f': case 'F':
	case 'g': case 'G': case 'a': case 'A':
		if (len == L_BIGL) {
			EMIT(long double);
		} else {
			EMIT(double);
		}
		break;
	case 's': {
		const char *s = va_arg(*ap, const char *);
		if (!s) {
			s = "";
		}
		/* Width and flags are ignored for %s (they would count
		 * escaped bytes); precision limits the source bytes. */
		int prec = -1;
		if (has_prec) {
			prec = star[nstar - 1];
		}
		if (prec >= 0 && strnlen(s, (size_t)prec) == (size_t)prec) {
			char *cut = xstrndup(s, (size_t)prec);
			if (esc) {
				esc(out, cut);
			} else {
				buf_puts(out, cut);
			}
			free(cut);
		} else if (esc) {
			esc(out, s);
		} else {
			buf_puts(out, s);
		}
		return;
	}
	default:
		return;
	}
	if (n < 0) {
		return;
	}
	if ((size_t)n >= sizeof tmp) {
		n = sizeof tmp - 1;
	}
	buf_append(out, tmp, (size_t)n);
}

void fmt_vformat(Buf *out, fmt_escape_fn esc, const char *fmt, va_list ap0)
{
	va_list ap;
	va_copy(ap, ap0);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(out, p);
			break;
		}
		buf_append(out, p, (size_t)(pct - p));
		p = pct + 1;
		if (*p == '%') {
			buf_putc(out, '%');
			p++;
			continue;
		}
		char spec[64];
		size_t sn = 0;
		spec[sn++] = '%';
		int star[2] = {0, 0};
		int nstar = 0;
		int has_prec = 0;
		int prec_val = -1;
		/* flags */
		while (*p && strchr("-+ #0'", *p) && sn < 40) {
			spec[sn++] = *p++;
		}
		/* width */
		if (*p == '*') {
			star[nstar++] = va_arg(ap, int);
			spec[sn++] = *p++;
		} else {
			while (*p >= '0' && *p <= '9' && sn < 40) {
				spec[sn++] = *p++;
			}
		}
		/* precision */
		if (*p == '.') {
			has_prec = 1;
			spec[sn++] = *p++;
			if (*p == '*') {
				star[nstar++] = va_arg(ap, int);
				spec[sn++] = *p++;
			} else {
				prec_val = 0;
				while (*p >= '0' && *p <= '9' && sn < 48) {
					prec_val = prec_val * 10 + (*p - '0');
					spec[sn++] = *p++;
				}
			}
		}
		/* length */
		enum len len = L_NONE;
		if (p[0] == 'h' && p[1] == 'h') {
			len = L_HH;
		} else if (p[0] == 'h') {
			len = L_H;
		} else if (p[0] == 'l' && p[1] == 'l') {
			len = L_LL;
		} else if (p[0] == 'l') {
			len = L_L;
		} else if (p[0] == 'z') {
			len = L_Z;
		} else if (p[0] == 'j') {
			len = L_J;
		} else if (p[0] == 't') {
			len = L_T;
		} else if (p[0] == 'L') {
			len = L_BIGL;
		}
		int lenchars = (len == L_HH || len == L_LL) ? 2 : len ? 1 : 0;
		for (int i = 0; i < lenchars; i++) {
			spec[sn++] = *p++;
		}
		char conv = *p;
		if (!conv) {
			break;
		}
		p++;
		spec[sn++] = conv;
		spec[sn] = 0;
		if (conv == 's' && has_prec && prec_val >= 0) {
			/* literal precision: pass it as the last "star" */
			star[nstar] = prec_val;
			one(out, esc, spec, conv, len, nstar + 1, star, 1, &ap);
		} else {
			one(out, esc, spec, conv, len, nstar, star,
			    has_prec, &ap);
		}
	}
	va_end(ap);
}
