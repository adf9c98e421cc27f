/*
 * search.c - the FTS5 side of search (search.h): the "gongkai" tokenizer
 * and the gk_plain() SQL function registered on every connection, the
 * ranked and dated queries, rebuild and check, attachment text.
 */
#include "store/search.h"

#include "base/str.h"
#include "search/tokenizer_cjk.h"
#include "store/store_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*---- The tokenizer, as FTS5 sees it ----*/

/* The characters one document has given the single-character index so
 * far: an open-addressing set of their UTF-8 bytes, each slot marked with
 * the document's number (gen) so that a new document starts empty
 * without clearing the table. That index keeps no positions or counts
 * (detail=none) and no query ranks by it, so each character needs to
 * reach FTS5 once per document: the rest of its occurrences (more than
 * half of a Chinese text) would each cost FTS5 a hash lookup. Past
 * SEEN_MAX characters the set stops growing and the others pass
 * through, which is still right. */
#define SEEN_SLOTS 4096 /* a power of two */
#define SEEN_MAX 2048

struct gk_tokenizer {
	int uni;
	uint32_t gen;	/* the current document's mark in seen */
	uint64_t *seen; /* see tk_call; NULL unless uni */
};

static int tk_create(void *ctx, const char **arg, int narg,
		     Fts5Tokenizer **out)
{
	(void)ctx;
	int uni = 0;
	if (narg == 1 && strcmp(arg[0], "unigram") == 0) {
		uni = 1;
	} else if (narg != 0) {
		return SQLITE_ERROR;
	}
	struct gk_tokenizer *t = sqlite3_malloc(sizeof *t);
	if (!t) {
		return SQLITE_NOMEM;
	}
	t->uni = uni;
	t->gen = 0;
	t->seen = NULL;
	if (uni) {
		t->seen = sqlite3_malloc64(SEEN_SLOTS * sizeof *t->seen);
		if (!t->seen) {
			sqlite3_free(t);
			return SQLITE_NOMEM;
		}
		memset(t->seen, 0, SEEN_SLOTS * sizeof *t->seen);
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tk_delete(Fts5Tokenizer *tp)
{
	struct gk_tokenizer *t = (struct gk_tokenizer *)tp;
	sqlite3_free(t->seen);
	sqlite3_free(t);
}

struct tk_call {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	struct gk_tokenizer *dedup; /* NULL: every token goes to FTS5 */
	int nseen;
};

/* 1 when the document has given tok before; otherwise notes it. */
static int seen_before(struct tk_call *c, const char *tok, int ntok)
{
	uint32_t key = 0;
	memcpy(&key, tok, (size_t)ntok);
	uint64_t mark = (uint64_t)c->dedup->gen << 32 | key;
	uint64_t *seen = c->dedup->seen;
	uint32_t i = (key * 2654435761u) >> 20; /* 12 bits: SEEN_SLOTS */
	while (seen[i] >> 32 == c->dedup->gen) {
		if (seen[i] == mark) {
			return 1;
		}
		i = (i + 1) & (SEEN_SLOTS - 1);
	}
	if (c->nseen < SEEN_MAX) {
		seen[i] = mark;
		c->nseen++;
	}
	return 0;
}

static int tk_emit(void *ctx, enum tok_kind kind, const char *tok, int ntok,
		   int start, int end)
{
	struct tk_call *c = ctx;
	if (c->dedup && kind == TOKK_CHAR && ntok <= 4 &&
	    seen_before(c, tok, ntok)) {
		return SQLITE_OK;
	}
	return c->token(c->ctx, 0, tok, ntok, start, end);
}

static int tk_tokenize(Fts5Tokenizer *tp, void *ctx, int flags,
		       const char *text, int n,
		       int (*token)(void *, int, const char *, int, int, int))
{
	struct gk_tokenizer *t = (struct gk_tokenizer *)tp;
	struct tk_call c = {ctx, token, NULL, 0};
	if (t->uni && (flags & FTS5_TOKENIZE_DOCUMENT)) {
		if (++t->gen == 0) { /* wrapped: clear the old marks */
			memset(t->seen, 0, SEEN_SLOTS * sizeof *t->seen);
			t->gen = 1;
		}
		c.dedup = t;
	}
	enum tok_mode m = t->uni			  ? TOK_UNI
			  : (flags & FTS5_TOKENIZE_QUERY) ? TOK_QUERY
							  : TOK_DOC;
	return tok_run(text, n, m, tk_emit, &c);
}

static void fn_plain(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	Buf b = BUF_INIT;
	tok_html_text(s, (size_t)sqlite3_value_bytes(argv[0]), &b);
	sqlite3_result_text(cx, buf_str(&b), (int)b.n, SQLITE_TRANSIENT);
	buf_free(&b);
}

/*---- The rank function ----*/

/* gk_rank(index, nranked, weight, ...): FTS5's bm25 (k1 1.2, b 0.75, a
 * weight per column) over the query's first nranked phrases, the wanted
 * words; the filters and exclusions after them score nothing. bm25 reads
 * every match of every phrase once more for its document frequency
 * before the first row is scored. gk_rank does that only when two or
 * more phrases are scored: with one, its IDF would multiply every score
 * alike and could not change the order, so it is left out. Lower is
 * better, as for bm25. */
#define RANK_K1 1.2
#define RANK_B 0.75

struct rank_data {
	int nranked, ncol;
	double avgdl;
	double *idf, *w, *freq; /* by phrase, by column, by phrase */
};

static int rank_count_row(const Fts5ExtensionApi *api, Fts5Context *fts,
			  void *ctx)
{
	(void)api, (void)fts;
	(*(int64_t *)ctx)++;
	return SQLITE_OK;
}

static void rank_data_free(void *p)
{
	struct rank_data *d = p;
	if (d) {
		free(d->idf);
		free(d->w);
		free(d->freq);
		free(d);
	}
}

/* The data of the whole query, made at its first row. NULL on error. */
static struct rank_data *rank_data_new(const Fts5ExtensionApi *api,
				       Fts5Context *fts, int nval,
				       sqlite3_value **val)
{
	int nphrase = api->xPhraseCount(fts);
	int nranked = nval > 0 ? sqlite3_value_int(val[0]) : nphrase;
	nranked = nranked < 0 ? 0 : nranked > nphrase ? nphrase : nranked;
	sqlite3_int64 nrow = 0, ntok = 0;
	if (api->xRowCount(fts, &nrow) != SQLITE_OK ||
	    api->xColumnTotalSize(fts, -1, &ntok) != SQLITE_OK) {
		return NULL;
	}
	struct rank_data *d = xmalloc(sizeof *d);
	d->nranked = nranked;
	d->ncol = api->xColumnCount(fts);
	d->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	d->idf = xmalloc(((size_t)nranked + 1) * sizeof *d->idf);
	d->freq = xmalloc(((size_t)nranked + 1) * sizeof *d->freq);
	d->w = xmalloc((size_t)d->ncol * sizeof *d->w);
	for (int c = 0; c < d->ncol; c++) {
		d->w[c] = c + 1 < nval ? sqlite3_value_double(val[c + 1]) : 1.0;
	}
	for (int i = 0; i < nranked; i++) {
		d->idf[i] = 1.0;
	}
	for (int i = 0; nranked > 1 && i < nranked; i++) {
		int64_t nhit = 0;
		if (api->xQueryPhrase(fts, i, &nhit, rank_count_row) !=
		    SQLITE_OK) {
			rank_data_free(d);
			return NULL;
		}
		double idf = log(((double)(nrow - nhit) + 0.5) /
				 ((double)nhit + 0.5));
		d->idf[i] = idf > 0 ? idf : 1e-6;
	}
	return d;
}

static void fn_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
		    sqlite3_context *cx, int nval, sqlite3_value **val)
{
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	if (!d) {
		d = rank_data_new(api, fts, nval, val);
		if (!d) {
			sqlite3_result_error(
				cx, "gk_rank: cannot read the index", -1);
			return;
		}
		if (api->xSetAuxdata(fts, d, rank_data_free) != SQLITE_OK) {
			/* it has freed d */
			sqlite3_result_error_nomem(cx);
			return;
		}
	}
	for (int i = 0; i < d->nranked; i++) {
		d->freq[i] = 0;
	}
	int ninst = 0, dl = 0;
	if (api->xInstCount(fts, &ninst) != SQLITE_OK ||
	    api->xColumnSize(fts, -1, &dl) != SQLITE_OK) {
		sqlite3_result_error(cx, "gk_rank: cannot read the row", -1);
		return;
	}
	for (int k = 0; k < ninst; k++) {
		int ph, col, off;
		if (api->xInst(fts, k, &ph, &col, &off) == SQLITE_OK &&
		    ph < d->nranked && col < d->ncol) {
			d->freq[ph] += d->w[col];
		}
	}
	double norm = RANK_K1 * (1 - RANK_B + RANK_B * dl / d->avgdl);
	double score = 0;
	for (int i = 0; i < d->nranked; i++) {
		double f = d->freq[i];
		score += d->idf[i] * (f * (RANK_K1 + 1)) / (f + norm);
	}
	sqlite3_result_double(cx, -score);
}

/* Called by store_open before the migrations: the view and triggers of
 * migration 6 need both. */
int search_register(store *st, struct err *e)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (!api || api->iVersion < 2) {
		return err_set(e, ERR_INTERNAL, "SQLite has no FTS5");
	}
	static fts5_tokenizer tk = {tk_create, tk_delete, tk_tokenize};
	if (api->xCreateTokenizer(api, "gongkai", NULL, &tk, NULL) !=
	    SQLITE_OK) {
		return st_fail(st, e, "register tokenizer");
	}
	if (api->xCreateFunction(api, "gk_rank", NULL, fn_rank, NULL) !=
	    SQLITE_OK) {
		return st_fail(st, e, "register gk_rank");
	}
	if (sqlite3_create_function(st->db, "gk_plain", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					    SQLITE_INNOCUOUS,
				    NULL, fn_plain, NULL, NULL) != SQLITE_OK) {
		return st_fail(st, e, "register gk_plain");
	}
	return 0;
}

/*---- Queries ----*/

/* Binds what every statement below takes: the expressions (?1, ?2, ?3)
 * and the number of matches read (?4). 0, or -1 with e. */
static int bind_query(store *st, sqlite3_stmt *s, const struct search_query *q,
		      struct err *e)
{
	const char *pos = q->other_pos.n ? buf_str(&q->other_pos) : NULL;
	const char *neg = q->other_neg.n ? buf_str(&q->other_neg) : NULL;
	if (st_bind_text(st, s, 1, buf_str(&q->expr), e) ||
	    st_bind_text(st, s, 2, pos, e) || st_bind_text(st, s, 3, neg, e) ||
	    st_bind_int(st, s, 4, SEARCH_CAP + 1, e)) {
		return -1;
	}
	return 0;
}

static int run(store *st, sqlite3_stmt *s, const struct search_query *q,
	       int64_t limit, int64_t offset, struct search_result *out,
	       struct err *e)
{
	if (bind_query(st, s, q, e) ||
	    st_bind_int(st, s, 5, SEARCH_CAP + 1, e) ||
	    st_bind_int(st, s, 6, limit, e) ||
	    st_bind_int(st, s, 7, offset, e)) {
		return -1;
	}
	size_t cap = 0;
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->ids = xrealloc(out->ids, cap * sizeof *out->ids);
		}
		out->ids[out->n++] = st_col_int(s, 0);
		out->total = st_col_int(s, 1);
	}
	if (rc < 0) {
		search_result_free(out);
		return -1;
	}
	return 0;
}

/* The total when the page is past the end (no rows to read it from). */
static int count(store *st, sqlite3_stmt *s, const struct search_query *q,
		 struct err *e)
{
	int64_t v;
	if (bind_query(st, s, q, e) || st_scalar(st, s, &v, e)) {
		return -1;
	}
	return (int)v;
}

/* The statements of search_run, by the index that drives the query (d)
 * and the other one (o). Each first takes up to SEARCH_CAP + 1 matches,
 * which are all of them unless the query is capped, in ascending rowid
 * order (FTS5 reads a doclist backwards more slowly), and gives their
 * number in column 1. HITS: those matches in date order, the dates read
 * from item_id_date, not from the item rows. RANKED: by gk_rank, ties
 * newest id first, with no item row read; dir DESC for the newest-id
 * matches of a capped query. DATED: the published items newest first,
 * in item_published's order (the plan must follow it: sorting first
 * would test every item), skipping those the filters exclude by the
 * index's columns and testing the rest against the FTS index; for a term
 * too common for the hits to hold the newest. COUNT: the matches, for a
 * page past the end. Each is used as "" NAME(...): the empty literal
 * before it lets the compiler accept nothing but a string literal (the
 * rule of literal SQL). */
/* clang-format off */
#define OTHER(d, o)                                                     \
	"(?2 IS NULL OR EXISTS (SELECT 1 FROM " o " WHERE " o " MATCH ?2 " \
	"AND " o ".rowid = " d ".rowid)) AND (?3 IS NULL OR NOT EXISTS "   \
	"(SELECT 1 FROM " o " WHERE " o " MATCH ?3 AND " o ".rowid = " d   \
	".rowid))"
#define HITS(d, o)                                                      \
	"WITH hit AS MATERIALIZED (SELECT rowid AS id FROM " d " WHERE " d \
	" MATCH ?1 AND " OTHER(d, o) " ORDER BY rowid LIMIT ?4) SELECT "    \
	"h.id, (SELECT count(*) FROM hit) FROM hit h JOIN item i INDEXED "  \
	"BY item_id_date ON i.id = h.id AND i.status = 'published' ORDER "  \
	"BY i.published_date DESC, i.id DESC LIMIT ?6 OFFSET ?7"
#define RANKED(d, o, dir)                                               \
	"WITH hit AS MATERIALIZED (SELECT rowid AS id, gk_rank(" d ", ?8, " \
	"1.0, 10.0, 8.0, 0.5, 0.0) AS r FROM " d " WHERE " d " MATCH ?1 "   \
	"AND " OTHER(d, o) " ORDER BY rowid " dir " LIMIT ?4) SELECT id, "  \
	"(SELECT count(*) FROM hit) FROM hit ORDER BY r, id DESC LIMIT ?6 " \
	"OFFSET ?7"
#define DATED(d, o)                                                     \
	"SELECT i.id, ?5 FROM item i INDEXED BY item_published WHERE "      \
	"i.status = 'published' AND i.published_date >= ?12 AND "           \
	"i.published_date < ?13 AND (?8 = 0 OR i.organ_id = ?8) AND "       \
	"(?9 = 0 OR i.category_id = ?9 OR i.category_id IN (SELECT id "     \
	"FROM category WHERE parent_id = ?9)) AND (?10 = '' OR i.kind = "  \
	"?10) AND (?11 = '' OR i.validity = ?11) AND EXISTS (SELECT 1 FROM " \
	d                                                                   \
	" WHERE " d " MATCH ?1 AND " d ".rowid = i.id AND " OTHER(d, o)    \
	") ORDER BY i.published_date DESC, i.id DESC LIMIT ?6 OFFSET ?7"
#define COUNT(d, o)                                                     \
	"SELECT count(*) FROM (SELECT rowid FROM " d " WHERE " d           \
	" MATCH ?1 AND " OTHER(d, o) " LIMIT ?4)"
/* clang-format on */
#define FTS_N "item_fts"  /* the n-gram index */
#define FTS_1 "item_fts1" /* the single-character index */

enum stmt_kind { SQ_HITS, SQ_RANKED, SQ_NEWEST, SQ_DATED, SQ_COUNT };

/* The statement of a kind for the index that drives the query (ng: the
 * n-gram index); only it is ranked. */
static sqlite3_stmt *stmt_for(store *st, enum stmt_kind k, int ng,
			      struct err *e)
{
	switch (k) {
	case SQ_HITS:
		return ng ? st_prepare(st, "" HITS(FTS_N, FTS_1), e)
			  : st_prepare(st, "" HITS(FTS_1, FTS_N), e);
	case SQ_RANKED:
		return st_prepare(st, "" RANKED(FTS_N, FTS_1, "ASC"), e);
	case SQ_NEWEST:
		return st_prepare(st, "" RANKED(FTS_N, FTS_1, "DESC"), e);
	case SQ_DATED:
		return ng ? st_prepare(st, "" DATED(FTS_N, FTS_1), e)
			  : st_prepare(st, "" DATED(FTS_1, FTS_N), e);
	case SQ_COUNT:
		break;
	}
	return ng ? st_prepare(st, "" COUNT(FTS_N, FTS_1), e)
		  : st_prepare(st, "" COUNT(FTS_1, FTS_N), e);
}

int search_run(store *st, const struct search_query *q, int by_date,
	       int64_t limit, int64_t offset, struct search_result *out,
	       struct err *e)
{
	memset(out, 0, sizeof *out);
	/* Only the first SEARCH_CAP matches are paged (the statements take
	 * one more, to know when there are more). */
	if (limit > SEARCH_CAP - offset) {
		limit = offset < SEARCH_CAP ? SEARCH_CAP - offset : 0;
	}
	int ng = q->driver == SX_NGRAM;
	int ranked = ng && !by_date;
	sqlite3_stmt *s = stmt_for(st, ranked ? SQ_RANKED : SQ_HITS, ng, e);
	if (!s || (ranked && st_bind_int(st, s, 8, q->nranked, e)) ||
	    run(st, s, q, limit, offset, out, e)) {
		return -1;
	}
	if (out->n == 0 && offset > 0) {
		sqlite3_stmt *c = stmt_for(st, SQ_COUNT, ng, e);
		int v = c ? count(st, c, q, e) : -1;
		if (v < 0) {
			return -1;
		}
		out->total = v;
	}
	if (out->total <= SEARCH_CAP) {
		return 0;
	}
	/* Capped: the hits were the lowest ids. A ranked query ranks the
	 * highest instead; the others walk the items by date, since the
	 * highest ids need not be the newest dates (items published late,
	 * imports). */
	free(out->ids);
	out->ids = NULL;
	out->n = 0;
	if (ranked) {
		s = stmt_for(st, SQ_NEWEST, ng, e);
		if (!s || st_bind_int(st, s, 8, q->nranked, e)) {
			return -1;
		}
	} else {
		s = stmt_for(st, SQ_DATED, ng, e);
		/* The filters as a date range and item columns. */
		char lo[32] = "", hi[32] = "9999";
		if (q->year > 0) {
			snprintf(lo, sizeof lo, "%04d-01-01", q->year);
			snprintf(hi, sizeof hi, "%04d-01-01", q->year + 1);
		}
		if (!s || st_bind_int(st, s, 8, q->organ_id, e) ||
		    st_bind_int(st, s, 9, q->category_id, e) ||
		    st_bind_text(st, s, 10, q->kind, e) ||
		    st_bind_text(st, s, 11, q->validity, e) ||
		    st_bind_text(st, s, 12, lo, e) ||
		    st_bind_text(st, s, 13, hi, e)) {
			return -1;
		}
	}
	if (run(st, s, q, limit, offset, out, e)) {
		return -1;
	}
	out->total = SEARCH_CAP;
	out->capped = 1;
	return 0;
}

void search_result_free(struct search_result *r)
{
	free(r->ids);
	memset(r, 0, sizeof *r);
}

/*---- Rebuild, check, size ----*/

/* Item ids per pair of INSERT statements. FTS5 writes the terms it holds
 * in memory out as a new segment at each statement, so this is the size
 * of the segments a rebuild makes. */
#define REBUILD_BATCH 10000
/* The bytes of new terms FTS5 may hold before it writes a segment within
 * a statement (its default, 1 MiB, makes one every few hundred items). */
#define REBUILD_HASH 33554432
#define REBUILD_CACHE "-1048576" /* KiB: at most 1 GiB */
/* FTS5's own merge settings (its defaults), put back after a rebuild. */
#define FTS_AUTOMERGE 4
#define FTS_CRISISMERGE 16

/* Runs the FTS5 command cmd ('delete-all', 'optimize', 'integrity-check'
 * or a setting) on both indexes, with v as its argument or value. */
static int fts_both(store *st, const char *cmd, int64_t v, struct err *e)
{
	sqlite3_stmt *a = st_prepare(
		st, "INSERT INTO item_fts(item_fts, rank) VALUES (?1, ?2)", e);
	if (!a || st_bind_text(st, a, 1, cmd, e) ||
	    st_bind_int(st, a, 2, v, e) || st_exec(st, a, e)) {
		return -1;
	}
	sqlite3_stmt *b = st_prepare(
		st, "INSERT INTO item_fts1(item_fts1, rank) VALUES (?1, ?2)",
		e);
	if (!b || st_bind_text(st, b, 1, cmd, e) ||
	    st_bind_int(st, b, 2, v, e) || st_exec(st, b, e)) {
		return -1;
	}
	return 0;
}

/* Sets the connection's page cache to v (PRAGMA cache_size units); e may
 * be NULL on a path that already failed. */
static int cache_size(store *st, int64_t v, struct err *e)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)v);
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		return e ? st_fail(st, e, "cache_size") : -1;
	}
	return 0;
}

int search_rebuild(store *st, void (*progress)(void *ctx, int64_t done,
					       int64_t total),
		   void *ctx, struct err *e)
{
	sqlite3_stmt *s;
	int64_t total = 0, done = 0, cache = 0;
	/* One transaction, so the pages FTS5 writes stay in the page cache
	 * (it grows only as far as needed) instead of spilling to the WAL,
	 * whose lookups then dominate: 182 GB read at 1M items with the
	 * default 2 MB cache. The connection's size comes back at the
	 * end. */
	if (!(s = st_prepare(st, "PRAGMA cache_size", e)) ||
	    st_scalar(st, s, &cache, e) ||
	    !(s = st_prepare(st, "PRAGMA cache_size = " REBUILD_CACHE, e)) ||
	    st_exec(st, s, e)) {
		return -1;
	}
	if (store_tx_begin(st, e)) {
		goto restore;
	}
	/* The items of item_search_src are counted without computing its
	 * text (every item has its category). The batches' segments are
	 * not merged as they come (FTS5 would merge them again and again
	 * as they pile up: half the build time at 1M items) but once, at
	 * the end, into one segment per index, which is also the fastest
	 * to search. A crisis merge comes only near FTS5's limit of 2,000
	 * segments (20M items). */
	int64_t top = 0;
	if (!(s = st_prepare(st,
			     "SELECT count(*) FROM item WHERE status = "
			     "'published' AND published_date IS NOT NULL",
			     e)) ||
	    st_scalar(st, s, &total, e) ||
	    !(s = st_prepare(st, "SELECT ifnull(max(id), 0) FROM item", e)) ||
	    st_scalar(st, s, &top, e) || fts_both(st, "delete-all", 0, e) ||
	    fts_both(st, "hashsize", REBUILD_HASH, e) ||
	    fts_both(st, "automerge", 0, e) ||
	    fts_both(st, "crisismerge", 1999, e)) {
		goto fail;
	}
	if (progress) {
		progress(ctx, 0, total);
	}
	/* The two inserts over each range of REBUILD_BATCH ids. */
	for (int64_t last = 0; last < top; last += REBUILD_BATCH) {
		sqlite3_stmt *a = st_prepare(
			st,
			"INSERT INTO item_fts(rowid, title, doc_no, body, attach, "
			"facets) SELECT id, title, doc_no, body, attach, facets "
			"FROM item_search_src WHERE id > ?1 AND id <= ?2",
			e);
		if (!a || st_bind_int(st, a, 1, last, e) ||
		    st_bind_int(st, a, 2, last + REBUILD_BATCH, e) ||
		    st_exec(st, a, e)) {
			goto fail;
		}
		done += sqlite3_changes(st->db);
		sqlite3_stmt *b = st_prepare(
			st,
			"INSERT INTO item_fts1(rowid, title, doc_no, body, "
			"attach, facets) SELECT id, title, doc_no, body, attach, "
			"facets FROM item_search_src WHERE id > ?1 AND id <= ?2",
			e);
		if (!b || st_bind_int(st, b, 1, last, e) ||
		    st_bind_int(st, b, 2, last + REBUILD_BATCH, e) ||
		    st_exec(st, b, e)) {
			goto fail;
		}
		if (progress) {
			progress(ctx, done, total);
		}
	}
	if (fts_both(st, "optimize", 0, e) ||
	    fts_both(st, "automerge", FTS_AUTOMERGE, e) ||
	    fts_both(st, "crisismerge", FTS_CRISISMERGE, e)) {
		goto fail;
	}
	if (store_tx_commit(st, e)) {
		goto restore;
	}
	return cache_size(st, cache, e);
fail:
	store_tx_rollback(st);
restore:
	cache_size(st, cache, NULL);
	return -1;
}

int search_check(store *st, struct err *e)
{
	return fts_both(st, "integrity-check", 1, e);
}

int64_t search_index_bytes(store *st, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT sum(pgsize) FROM dbstat WHERE name GLOB 'item_fts*' AND "
		"name NOT IN ('item_fts', 'item_fts1')",
		e);
	int64_t v;
	if (!s || st_scalar(st, s, &v, e)) {
		return -1;
	}
	return v;
}

/*---- Attachment text ----*/

int search_attachment_next(store *st, int64_t *id, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT a.id FROM attachment a JOIN item i ON i.id = "
		"a.item_id WHERE a.text IS NULL AND i.status = 'published' "
		"ORDER BY a.id LIMIT 1",
		e);
	if (!s || st_scalar(st, s, id, e)) {
		return -1;
	}
	return *id > 0;
}

int search_attachment_text(store *st, int64_t id, const char *text,
			   struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st, "UPDATE attachment SET text = ?2 WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_text(st, s, 2, text, e)) {
		return -1;
	}
	if (store_tx_begin(st, e)) {
		return -1;
	}
	if (st_exec(st, s, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return store_tx_commit(st, e);
}
