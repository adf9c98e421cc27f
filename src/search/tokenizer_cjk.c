/*
 * tokenizer_cjk.c - the search tokenizer: folding (NFKC + case folding
 * through utf8proc, document-number brackets mapped), Latin/digit words,
 * CJK bigrams. See tokenizer_cjk.h for the rules.
 */
#include "search/tokenizer_cjk.h"

#include <string.h>
#include <utf8proc.h>

#define WORD_MAX 64

/* Decodes one UTF-8 code point at s[*pos]; an invalid byte is returned as
 * -1 and skipped. */
static int32_t decode(const unsigned char *s, int n, int *pos)
{
	int i = *pos;
	unsigned c = s[i];
	int len;
	int32_t cp;
	if (c < 0x80) {
		*pos = i + 1;
		return (int32_t)c;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, cp = c & 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, cp = c & 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, cp = c & 0x07;
	} else {
		*pos = i + 1;
		return -1;
	}
	if (i + len > n) {
		*pos = i + 1;
		return -1;
	}
	for (int k = 1; k < len; k++) {
		if ((s[i + k] & 0xC0) != 0x80) {
			*pos = i + 1;
			return -1;
		}
		cp = (cp << 6) | (s[i + k] & 0x3F);
	}
	*pos = i + len;
	return cp;
}

static int encode(int32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static int is_cjk(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) ||
	       (c >= 0xAC00 && c <= 0xD7AF) || c == 0x3007 || c == 0x3005;
}

/* The brackets 文号 are written with, mapped before folding. */
static int32_t bracket(int32_t c)
{
	switch (c) {
	case 0x3014: /* 〔 */
	case 0xFF3B: /* ［ */
	case 0x3010: /* 【 */
	case 0x3016: /* 〖 */
	case 0xFF08: /* （ */
	case 0x3018: /* 〘 */
	case '(':
		return '[';
	case 0x3015:
	case 0xFF3D:
	case 0x3011:
	case 0x3017:
	case 0xFF09:
	case 0x3019:
	case ')':
		return ']';
	}
	return c;
}

static unsigned char classify(int32_t c)
{
	if (c < 0x80) {
		return ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			       ? TOKC_WORD
			       : TOKC_SEP;
	}
	if (is_cjk(c)) {
		return TOKC_CJK;
	}
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return TOKC_WORD;
	default:
		return TOKC_SEP;
	}
}

int tok_next(const char *s, int n, int *pos, struct tok_unit *u)
{
	if (*pos >= n) {
		return 0;
	}
	u->start = *pos;
	int32_t c = decode((const unsigned char *)s, n, pos);
	u->end = *pos;
	u->n = 1;
	if (c < 0) {
		u->cp[0] = 0xFFFD;
		u->cls[0] = TOKC_SEP;
		return 1;
	}
	c = bracket(c);
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z') {
			c += 'a' - 'A';
		}
		u->cp[0] = c;
		u->cls[0] = classify(c);
		return 1;
	}
	if (is_cjk(c) && !(c >= 0xF900 && c <= 0xFAFF)) {
		/* NFKC and folding keep these (and would split Hangul) */
		u->cp[0] = c;
		u->cls[0] = TOKC_CJK;
		return 1;
	}
	int last = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char(
		c, u->cp, 8,
		UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
			UTF8PROC_STRIPMARK |
			UTF8PROC_IGNORE,
		&last);
	if (k < 0 || k > 8) {
		u->cp[0] = c;
		k = 1;
	}
	u->n = (int)k;
	for (int i = 0; i < u->n; i++) {
		u->cp[i] = bracket(u->cp[i]);
		u->cls[i] = classify(u->cp[i]);
	}
	return 1;
}

struct run {
	enum tok_mode mode;
	tok_emit emit;
	void *ctx;
	char word[WORD_MAX + 4];
	int nword, wstart, wend;
	char prev[4]; /* the previous CJK character of the run */
	int nprev, pstart, pend, runlen;
};

static int flush_word(struct run *r)
{
	if (r->nword == 0) {
		return 0;
	}
	int rc = r->emit(r->ctx, TOKK_WORD, r->word, r->nword, r->wstart,
			 r->wend);
	r->nword = 0;
	return rc;
}

/* Ends a CJK run: its last character alone, except in TOK_UNI (already
 * given) and for a query's final run of two or more, which the text may
 * go on (so the bigrams must do). */
static int flush_cjk(struct run *r, int at_end)
{
	int rc = 0;
	if (r->runlen > 0 && r->mode != TOK_UNI &&
	    (r->mode == TOK_DOC || !at_end || r->runlen == 1)) {
		rc = r->emit(r->ctx, TOKK_CHAR, r->prev, r->nprev, r->pstart,
			     r->pend);
	}
	r->runlen = 0;
	return rc;
}

static int add(struct run *r, int32_t cp, unsigned char cls, int start,
	       int end)
{
	int rc;
	if (cls == TOKC_WORD) {
		if ((rc = flush_cjk(r, 0))) {
			return rc;
		}
		char b[4];
		int k = encode(cp, b);
		if (r->nword + k > WORD_MAX && (rc = flush_word(r))) {
			return rc;
		}
		if (r->nword == 0) {
			r->wstart = start;
		}
		memcpy(r->word + r->nword, b, (size_t)k);
		r->nword += k;
		r->wend = end;
		return 0;
	}
	if ((rc = flush_word(r))) {
		return rc;
	}
	if (cls == TOKC_SEP) {
		rc = flush_cjk(r, 0);
		if (cp == TOK_MARK) { /* a filter token: the mark begins it */
			r->word[0] = (char)TOK_MARK;
			r->nword = 1;
			r->wstart = start;
			r->wend = end;
		}
		return rc;
	}
	char b[8];
	int k = encode(cp, b);
	if (r->mode == TOK_UNI) {
		r->runlen = 1;
		return r->emit(r->ctx, TOKK_CHAR, b, k, start, end);
	}
	if (r->runlen > 0) {
		char bi[8];
		memcpy(bi, r->prev, (size_t)r->nprev);
		memcpy(bi + r->nprev, b, (size_t)k);
		if ((rc = r->emit(r->ctx, TOKK_BIGRAM, bi, r->nprev + k,
				  r->pstart, end))) {
			return rc;
		}
	}
	memcpy(r->prev, b, (size_t)k);
	r->nprev = k;
	r->pstart = start;
	r->pend = end;
	r->runlen++;
	return 0;
}

int tok_run(const char *s, int n, enum tok_mode mode, tok_emit emit,
	    void *ctx)
{
	struct run r = {.mode = mode, .emit = emit, .ctx = ctx};
	int pos = 0, rc;
	struct tok_unit u;
	while (tok_next(s, n, &pos, &u)) {
		for (int i = 0; i < u.n; i++) {
			if ((rc = add(&r, u.cp[i], u.cls[i], u.start, u.end))) {
				return rc;
			}
		}
	}
	if ((rc = flush_word(&r))) {
		return rc;
	}
	return flush_cjk(&r, 1);
}

/*---- Visible text of sanitised HTML ----*/

static size_t entity(const char *s, size_t n, Buf *out)
{
	static const struct {
		const char *name;
		const char *text;
	} named[] = {
		{"amp;", "&"},	{"lt;", "<"},	 {"gt;", ">"},
		{"quot;", "\""}, {"apos;", "'"}, {"nbsp;", " "},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		size_t k = strlen(named[i].name);
		if (n >= k && memcmp(s, named[i].name, k) == 0) {
			buf_puts(out, named[i].text);
			return k;
		}
	}
	if (n > 2 && s[0] == '#') {
		int hex = s[1] == 'x' || s[1] == 'X';
		size_t i = hex ? 2 : 1;
		int32_t cp = 0;
		size_t digits = 0;
		for (; i < n && digits < 7; i++, digits++) {
			char c = s[i];
			int d;
			if (c >= '0' && c <= '9') {
				d = c - '0';
			} else if (hex && c >= 'a' && c <= 'f') {
				d = c - 'a' + 10;
			} else if (hex && c >= 'A' && c <= 'F') {
				d = c - 'A' + 10;
			} else {
				break;
			}
			cp = cp * (hex ? 16 : 10) + d;
		}
		if (digits > 0 && i < n && s[i] == ';' && cp > 0 &&
		    cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
			char b[4];
			if (cp == TOK_MARK) {
				cp = ' ';
			}
			buf_append(out, b, (size_t)encode(cp, b));
			return i + 1;
		}
	}
	buf_putc(out, '&');
	return 0;
}

void tok_html_text(const char *s, size_t n, Buf *out)
{
	buf_grow(out, n);
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == '<') {
			while (i < n && s[i] != '>') {
				i++;
			}
			i++;
			buf_putc(out, ' ');
		} else if (c == '&') {
			i++;
			i += entity(s + i, n - i, out);
		} else if (c == TOK_MARK) {
			buf_putc(out, ' ');
			i++;
		} else { /* a run of text, copied at once */
			size_t j = i + 1;
			while (j < n && s[j] != '<' && s[j] != '&' &&
			       s[j] != TOK_MARK) {
				j++;
			}
			buf_append(out, s + i, j - i);
			i = j;
		}
	}
}
