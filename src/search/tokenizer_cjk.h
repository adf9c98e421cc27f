/*
 * tokenizer_cjk.h - how gongkai cuts text into search tokens. Pure code,
 * no I/O and no SQL: store/search.c registers it as the FTS5 tokenizer
 * "gongkai" on every connection, search/query.c uses it to turn what a
 * citizen typed into the same tokens, and the highlighter folds text the
 * same way. It depends on base/ and libutf8proc only, so store/ may use it.
 *
 * Folding, per code point: Unicode NFKC with case folding and marks
 * stripped (utf8proc), so full-width Ａ１ matches A1 and Kangxi or
 * compatibility ideographs match the unified ones. Every bracket and
 * other punctuation is a separator, and the brackets of document numbers
 * (〔〕 ［］ 【】 〖〗 （） and their ASCII forms, which NFKC does not
 * all fold) are mapped to ASCII [ ] explicitly first, so 〔2018〕,
 * ［2018］ and [2018] give the same tokens.
 *
 * Tokens:
 *   - a run of letters and digits other than CJK (Latin words, numbers,
 *     Greek or Cyrillic words) is one token, case-folded (longer than 64
 *     bytes: cut into 64-byte pieces);
 *   - a run of CJK characters (Han, kana, Hangul, 〇) c0 c1 ... cn-1 gives,
 *     in TOK_DOC mode, the overlapping bigrams c0c1, c1c2, ... and the
 *     run's last character alone, so token i starts at character i and
 *     every character begins a token: a 2-character query is one token, a
 *     longer one a phrase of bigrams, a 1-character one the prefix query
 *     "c*"; TOK_QUERY mode gives the same tokens, except that the input's
 *     final run of two or more ends with its last bigram (the text may go
 *     on after it), so the tokens of a query are consecutive positions of
 *     every text that contains it; TOK_UNI mode gives every character
 *     alone (the single-character index, store/search.c);
 *   - TOK_MARK (U+0001) and the letters and digits right after it are
 *     one token that keeps the mark: the filter tokens of an item
 *     (organ, category, year ...), which no text can give, since
 *     tok_html_text and the index's view turn the mark into a space.
 * start/end of a token are byte offsets in the input, on code-point
 * boundaries.
 */
#ifndef GK_TOKENIZER_CJK_H
#define GK_TOKENIZER_CJK_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* The byte that begins a filter token (see above). */
#define TOK_MARK 0x01

enum tok_mode {
	TOK_DOC,   /* indexing: bigrams and each run's last character */
	TOK_QUERY, /* query text: bigrams, or the lone character */
	TOK_UNI,   /* indexing and querying the single-character index */
};

/* What a token is (the flags argument of the callback). */
enum tok_kind {
	TOKK_WORD,   /* letters/digits */
	TOKK_BIGRAM, /* two CJK characters */
	TOKK_CHAR,   /* one CJK character */
};

/* Called for each token; tok is NUL-free UTF-8 of ntok bytes, valid only
 * during the call. A non-zero return stops tok_run, which returns it. */
typedef int (*tok_emit)(void *ctx, enum tok_kind kind, const char *tok,
			int ntok, int start, int end);

/* Tokenizes the n bytes at s (invalid UTF-8 bytes are separators).
 * Returns 0 or the callback's non-zero value. */
int tok_run(const char *s, int n, enum tok_mode mode, tok_emit emit,
	    void *ctx);

/* Character classes after folding. */
enum tok_class { TOKC_SEP, TOKC_WORD, TOKC_CJK };

/* One input code point, folded: up to 8 code points (cp), each with its
 * class; start/end are its bytes in the input. */
struct tok_unit {
	int32_t cp[8];
	unsigned char cls[8];
	int n;
	int start, end;
};
/* Reads the code point at s[*pos] (n bytes in all), folds it into u and
 * advances *pos. Returns 0 at the end of input, else 1. */
int tok_next(const char *s, int n, int *pos, struct tok_unit *u);

/* Appends the visible text of sanitised HTML (render/sanitize.c output):
 * tags dropped, a space for each tag, the character references it writes
 * (&amp; &lt; &gt; &quot; &#39; &#N; &#xN; &nbsp;) decoded. For indexing
 * item bodies (the SQL function gk_plain). The caller owns out. */
void tok_html_text(const char *s, size_t n, Buf *out);

#endif
