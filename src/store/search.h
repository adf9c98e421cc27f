/*
 * search.h - the full-text index of published items (SQLite FTS5) and
 * the queries on it. Two external-content indexes over the view
 * item_search_src (schema.c migration 6), kept in step by triggers in
 * the transaction of every change: item_fts (the "gongkai" tokenizer:
 * words, CJK bigrams; positions, so phrases) and item_fts1 (single
 * characters; columns only), which answers one-character words. Their
 * rowid orders by publication date, so "newest first" and the capped
 * ranking below never sort the whole match set.
 */
#ifndef GK_STORE_SEARCH_H
#define GK_STORE_SEARCH_H

#include "search/query.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/* At most this many matches (the newest) are ranked and counted; more
 * are reported as capped, as large engines report an estimate. */
#define SEARCH_CAP 10000

struct search_result {
	int64_t *ids; /* item ids of the page, in order */
	size_t n;
	int64_t total; /* matches, at most SEARCH_CAP */
	int capped;    /* more than SEARCH_CAP matched */
};

/* Runs q: by relevance (BM25 over the wanted words, title weighted 10,
 * document number 8, body 1, attachments 0.5; when capped, among the
 * SEARCH_CAP + 1 newest-id matches) or, with by_date, newest first; the
 * page [offset, offset + limit) of the first SEARCH_CAP matches. out is
 * the caller's (search_result_free). */
int search_run(store *st, const struct search_query *q, int by_date,
	       int64_t limit, int64_t offset, struct search_result *out,
	       struct err *e);
void search_result_free(struct search_result *r);

/* Rebuilds both indexes from the items in one transaction, calling
 * progress (may be NULL) after each batch with items done and in all. */
int search_rebuild(store *st, void (*progress)(void *ctx, int64_t done,
					       int64_t total),
		   void *ctx, struct err *e);
/* FTS5's integrity check of both indexes against the items: 0 when they
 * agree, -1 with e otherwise. */
int search_check(store *st, struct err *e);
/* Bytes the two indexes take on disk (their shadow tables), when the
 * database has the dbstat table; -1 otherwise. For bench/search. */
int64_t search_index_bytes(store *st, struct err *e);

/* Attachment text extraction (done after upload, outside the request):
 * the next attachment of a published item whose text is not extracted
 * yet. 1 found (*id set; read it with attachment_get), 0 none. */
int search_attachment_next(store *st, int64_t *id, struct err *e);
/* Stores the extracted text ("" when none could be had); the triggers
 * put it into the item's index row. */
int search_attachment_text(store *st, int64_t id, const char *text,
			   struct err *e);

#endif
