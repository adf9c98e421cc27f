/*
 * query.h - what a citizen types into the search box, turned into FTS5
 * query expressions for the two indexes of store/search.c, and the places
 * in a text to highlight. Pure code: any byte string either parses or
 * gives an ERR_INPUT with a message for the page; the expressions built
 * here are always valid FTS5 syntax (every token is quoted), so no FTS5
 * syntax error can reach a user.
 *
 * Syntax: words separated by spaces (ASCII or full-width) must all occur
 * (AND); "a quoted phrase" (ASCII or “ ” quotes) must occur as written;
 * -word or -"phrase" must not occur. Inside a word the tokens must be
 * adjacent, so 应急管理 finds 应急管理 and not 应急 ... 管理. A word that
 * is a single CJK character (安) is answered by the single-character
 * index; everything else by the n-gram index, a lone character at the end
 * of a longer word as a prefix (2018年 finds 2018年度).
 */
#ifndef GK_SEARCH_QUERY_H
#define GK_SEARCH_QUERY_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>
#include <stdint.h>

/* The filters, as the facet tokens of the index (0 / NULL: any). */
struct search_filter {
	int64_t organ_id;
	int64_t category_id; /* it or its children */
	const char *kind;     /* item kind code, e.g. "normative" */
	const char *validity; /* valid | abolished | expired */
	int year;             /* publication year */
};

enum search_index {
	SX_NGRAM, /* item_fts: bigrams, words (detail=full) */
	SX_UNI,   /* item_fts1: single characters, words (detail=none) */
};

/* A highlight pattern: the folded letters of one wanted word. */
struct search_pat {
	int32_t *cp;
	size_t n;
};

struct search_query {
	/* The index that drives the query and its full expression (words,
	 * exclusions, filters). */
	enum search_index driver;
	Buf expr;
	/* Conditions on the other index for the same row: must match
	 * (other_pos) / must not match (other_neg); empty when none. */
	Buf other_pos, other_neg;
	struct search_pat *pat;
	size_t npat;
	int nwords; /* wanted words */
	/* Of them, those in the driver's expression: its first phrases,
	 * the ones a ranked query scores (exclusions and filters follow). */
	int nranked;
	/* The filters again, as item columns, for the dated walk of
	 * store/search.c (0 / "": any). */
	int64_t organ_id, category_id;
	int year;
	char kind[32], validity[16];
};

#define SEARCH_QUERY_MAX 200 /* bytes of query text */
#define SEARCH_WORDS_MAX 12

/* Parses q (n bytes, any content) with the filters f into out, which the
 * caller frees with search_query_free (also after an error). Returns 0,
 * or -1 with ERR_INPUT and a message in Chinese (empty query, nothing but
 * exclusions, too long, not UTF-8). */
int search_query_parse(const char *q, size_t n, const struct search_filter *f,
		       struct search_query *out, struct err *e);
void search_query_free(struct search_query *q);

/* A byte range [start, end) of a text to mark. */
struct search_mark {
	int start, end;
};
/* The places in text (n bytes of plain UTF-8) where a wanted word occurs,
 * folded as the index folds (so ＡＢ marks ab, 〔2018〕 marks [2018]),
 * sorted and merged, on code-point boundaries. *out is a heap array the
 * caller frees; *nout may be 0. */
void search_marks(const struct search_query *q, const char *text, size_t n,
		  struct search_mark **out, size_t *nout);

#endif
