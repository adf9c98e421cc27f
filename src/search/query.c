/*
 * query.c - the search box's syntax (query.h) into FTS5 expressions, and
 * highlighting. Every token goes into the expression inside double quotes
 * (tokens never hold a quote: it is a separator), so the expressions are
 * valid whatever was typed.
 */
#include "search/query.h"

#include "base/str.h"
#include "base/utf8.h"
#include "search/tokenizer_cjk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PHRASE_MAX 64

struct word {
	const char *s;
	size_t n;
	int neg, quoted;
};

static int space_at(const char *s, size_t n, size_t i, size_t *len)
{
	if (i < n && (s[i] == ' ' || s[i] == '\t')) {
		*len = 1;
		return 1;
	}
	if (i + 3 <= n && memcmp(s + i, "\xe3\x80\x80", 3) == 0) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* A quoted phrase without the spaces between two non-ASCII characters:
 * Chinese is written without spaces, so "安全 生产" means 安全生产. */
static void squeeze(const char *s, size_t n, Buf *out)
{
	size_t i = 0, len;
	while (i < n) {
		if (space_at(s, n, i, &len)) {
			size_t j = i;
			while (space_at(s, n, j, &len)) {
				j += len;
			}
			int before = i > 0 && ((unsigned char)s[i - 1] & 0x80);
			int after = j < n && ((unsigned char)s[j] & 0x80);
			if (!(before && after)) {
				buf_putc(out, ' ');
			}
			i = j;
			continue;
		}
		buf_putc(out, s[i++]);
	}
}

/* The tokens of one word, as an FTS5 phrase: "t1" + "t2" [*]. */
struct phrase {
	Buf out;
	int ntok;
	enum tok_kind last;
};

static int on_token(void *ctx, enum tok_kind kind, const char *tok, int ntok,
		    int start, int end)
{
	(void)start, (void)end;
	struct phrase *p = ctx;
	if (p->ntok >= PHRASE_MAX) {
		return 1;
	}
	if (p->ntok > 0) {
		buf_puts(&p->out, " + ");
	}
	buf_putc(&p->out, '"');
	buf_append(&p->out, tok, (size_t)ntok);
	buf_putc(&p->out, '"');
	p->ntok++;
	p->last = kind;
	return 0;
}

/* Joins a condition onto an expression list with op. */
static void join(Buf *b, const char *op, const Buf *x)
{
	if (b->n > 0) {
		buf_puts(b, op);
	}
	buf_putc(b, '(');
	buf_append(b, x->p, x->n);
	buf_putc(b, ')');
}

static void add_pattern(struct search_query *q, const char *s, size_t n)
{
	int32_t *cp = xmalloc((n + 1) * 8 * sizeof *cp);
	size_t k = 0;
	int pos = 0;
	struct tok_unit u;
	while (tok_next(s, (int)n, &pos, &u)) {
		for (int i = 0; i < u.n; i++) {
			if (u.cls[i] != TOKC_SEP) {
				cp[k++] = u.cp[i];
			}
		}
	}
	if (k == 0) {
		free(cp);
		return;
	}
	q->pat = xrealloc(q->pat, (q->npat + 1) * sizeof *q->pat);
	q->pat[q->npat].cp = cp;
	q->pat[q->npat].n = k;
	q->npat++;
}

/* Splits the query into words: spaces (ASCII, U+3000) separate, quotes
 * (" or “ ”) group, a leading - (or －) excludes. */
static size_t split(const char *q, size_t n, struct word *w, size_t max,
		    int *toomany)
{
	size_t nw = 0, i = 0;
	*toomany = 0;
	while (i < n) {
		unsigned char c = (unsigned char)q[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (i + 3 <= n && memcmp(q + i, "\xe3\x80\x80", 3) == 0) {
			i += 3;
			continue;
		}
		int neg = 0;
		if (c == '-') {
			neg = 1, i++;
		} else if (i + 3 <= n && memcmp(q + i, "\xef\xbc\x8d", 3) == 0) {
			neg = 1, i += 3;
		}
		size_t start = i, end;
		int quoted = 0;
		if (i < n && q[i] == '"') {
			quoted = 1;
			start = ++i;
			while (i < n && q[i] != '"') {
				i++;
			}
			end = i;
			if (i < n) {
				i++;
			}
		} else if (i + 3 <= n && memcmp(q + i, "\xe2\x80\x9c", 3) == 0) {
			quoted = 1;
			start = i += 3;
			while (i < n && !(i + 3 <= n &&
					  memcmp(q + i, "\xe2\x80\x9d", 3) == 0)) {
				i++;
			}
			end = i;
			if (i < n) {
				i += 3;
			}
		} else {
			while (i < n && q[i] != ' ' && q[i] != '\t' &&
			       q[i] != '\n' && q[i] != '\r' &&
			       !(i + 3 <= n &&
				 memcmp(q + i, "\xe3\x80\x80", 3) == 0)) {
				i++;
			}
			end = i;
		}
		if (end == start) {
			continue;
		}
		if (nw == max) {
			*toomany = 1;
			return nw;
		}
		w[nw].s = q + start;
		w[nw].n = end - start;
		w[nw].neg = neg;
		w[nw].quoted = quoted;
		nw++;
	}
	return nw;
}

static void facet(Buf *f, char tag, const char *v)
{
	if (f->n > 0) {
		buf_puts(f, " AND ");
	}
	buf_putc(f, '"');
	buf_putc(f, TOK_MARK);
	buf_putc(f, tag);
	for (; *v; v++) {
		char c = *v;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			buf_putc(f, c);
		} else if (c >= 'A' && c <= 'Z') {
			buf_putc(f, (char)(c - 'A' + 'a'));
		}
	}
	buf_putc(f, '"');
}

int search_query_parse(const char *q, size_t n, const struct search_filter *f,
		       struct search_query *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (!utf8_valid(q, n)) {
		return err_set(e, ERR_INPUT, "查询词不是有效的 UTF-8 文本");
	}
	if (n > SEARCH_QUERY_MAX) {
		return err_set(e, ERR_INPUT,
			       "查询词太长(最多 %d 字节,约 %d 个汉字)",
			       SEARCH_QUERY_MAX, SEARCH_QUERY_MAX / 3);
	}
	struct word w[SEARCH_WORDS_MAX];
	int toomany;
	size_t nw = split(q, n, w, SEARCH_WORDS_MAX, &toomany);
	if (toomany) {
		return err_set(e, ERR_INPUT, "查询词太多(最多 %d 个)",
			       SEARCH_WORDS_MAX);
	}
	/* Per index: wanted words (AND) and excluded ones (OR). */
	Buf pos[2] = {BUF_INIT, BUF_INIT}, neg[2] = {BUF_INIT, BUF_INIT};
	int npos[2] = {0, 0};
	for (size_t i = 0; i < nw; i++) {
		struct phrase p = {BUF_INIT, 0, TOKK_WORD};
		Buf text = BUF_INIT;
		if (w[i].quoted) {
			squeeze(w[i].s, w[i].n, &text);
		} else {
			buf_append(&text, w[i].s, w[i].n);
		}
		tok_run(buf_str(&text), (int)text.n, TOK_QUERY, on_token, &p);
		if (p.ntok == 0) { /* punctuation only */
			buf_free(&p.out);
			buf_free(&text);
			continue;
		}
		enum search_index ix = SX_NGRAM;
		if (p.ntok == 1 && p.last == TOKK_CHAR) {
			ix = SX_UNI;
		} else if (p.last == TOKK_CHAR) {
			buf_puts(&p.out, " *");
		}
		join(w[i].neg ? &neg[ix] : &pos[ix],
		     w[i].neg ? " OR " : " AND ", &p.out);
		buf_free(&p.out);
		if (!w[i].neg) {
			add_pattern(out, buf_str(&text), text.n);
			out->nwords++;
			npos[ix]++;
		}
		buf_free(&text);
	}
	int rc = 0;
	if (out->nwords == 0) {
		if (neg[0].n || neg[1].n) {
			rc = err_set(e, ERR_INPUT,
				     "只有排除词(-),请至少输入一个要查找的词");
		} else {
			rc = err_set(e, ERR_INPUT, "请输入要查找的词");
		}
		goto done;
	}
	enum search_index d = pos[SX_NGRAM].n > 0 ? SX_NGRAM : SX_UNI;
	enum search_index o = d == SX_NGRAM ? SX_UNI : SX_NGRAM;
	out->driver = d;
	out->nranked = npos[d];
	/* The single-character index (detail=none) takes no column
	 * filter; the filter tokens are marked (TOK_MARK), so no text
	 * matches them and they join the driver's expression as they are,
	 * for FTS5 to intersect them with the words. */
	Buf *x = &out->expr;
	buf_putc(x, '(');
	buf_append(x, pos[d].p, pos[d].n);
	if (neg[d].n > 0) {
		buf_puts(x, " NOT (");
		buf_append(x, neg[d].p, neg[d].n);
		buf_putc(x, ')');
	}
	buf_putc(x, ')');
	Buf fa = BUF_INIT;
	char num[32];
	if (f && f->organ_id > 0) {
		snprintf(num, sizeof num, "%lld", (long long)f->organ_id);
		facet(&fa, 'o', num);
	}
	if (f && f->category_id > 0) {
		snprintf(num, sizeof num, "%lld", (long long)f->category_id);
		facet(&fa, 'c', num);
	}
	if (f && f->kind && *f->kind) {
		facet(&fa, 'k', f->kind);
	}
	if (f && f->validity && *f->validity) {
		facet(&fa, 'v', f->validity);
	}
	if (f && f->year > 0) {
		snprintf(num, sizeof num, "%d", f->year);
		facet(&fa, 'y', num);
	}
	if (f) {
		out->organ_id = f->organ_id > 0 ? f->organ_id : 0;
		out->category_id = f->category_id > 0 ? f->category_id : 0;
		out->year = f->year > 0 ? f->year : 0;
		snprintf(out->kind, sizeof out->kind, "%s",
			 f->kind ? f->kind : "");
		snprintf(out->validity, sizeof out->validity, "%s",
			 f->validity ? f->validity : "");
	}
	if (fa.n > 0) {
		buf_puts(x, " AND (");
		buf_append(x, fa.p, fa.n);
		buf_putc(x, ')');
	}
	buf_free(&fa);
	if (pos[o].n > 0) {
		buf_putc(&out->other_pos, '(');
		buf_append(&out->other_pos, pos[o].p, pos[o].n);
		buf_putc(&out->other_pos, ')');
	}
	if (neg[o].n > 0) {
		buf_putc(&out->other_neg, '(');
		buf_append(&out->other_neg, neg[o].p, neg[o].n);
		buf_putc(&out->other_neg, ')');
	}
done:
	for (int k = 0; k < 2; k++) {
		buf_free(&pos[k]);
		buf_free(&neg[k]);
	}
	return rc;
}

void search_query_free(struct search_query *q)
{
	buf_free(&q->expr);
	buf_free(&q->other_pos);
	buf_free(&q->other_neg);
	for (size_t i = 0; i < q->npat; i++) {
		free(q->pat[i].cp);
	}
	free(q->pat);
	memset(q, 0, sizeof *q);
}

/*---- Highlighting ----*/

struct fcp {
	int32_t cp;
	unsigned char cls;
	int start, end;
};

static int mark_cmp(const void *a, const void *b)
{
	const struct search_mark *x = a, *y = b;
	return x->start != y->start ? (x->start < y->start ? -1 : 1)
				    : (x->end < y->end ? -1 : x->end > y->end);
}

void search_marks(const struct search_query *q, const char *text, size_t n,
		  struct search_mark **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (q->npat == 0 || n == 0) {
		return;
	}
	/* The folded text, and the indexes of its non-separators. */
	size_t cap = n + 8, nf = 0, nl = 0;
	struct fcp *f = xmalloc(cap * sizeof *f);
	size_t *let = xmalloc(cap * sizeof *let);
	int pos = 0;
	struct tok_unit u;
	while (tok_next(text, (int)n, &pos, &u)) {
		if (nf + (size_t)u.n > cap) {
			cap = 2 * cap + (size_t)u.n;
			f = xrealloc(f, cap * sizeof *f);
			let = xrealloc(let, cap * sizeof *let);
		}
		for (int i = 0; i < u.n; i++) {
			f[nf] = (struct fcp){u.cp[i], u.cls[i], u.start, u.end};
			if (u.cls[i] != TOKC_SEP) {
				let[nl++] = nf;
			}
			nf++;
		}
	}
	size_t nm = 0, capm = 0;
	struct search_mark *m = NULL;
	for (size_t p = 0; p < q->npat; p++) {
		const struct search_pat *pt = &q->pat[p];
		for (size_t j = 0; j + pt->n <= nl; j++) {
			size_t k = 0;
			while (k < pt->n && f[let[j + k]].cp == pt->cp[k]) {
				k++;
			}
			if (k < pt->n) {
				continue;
			}
			size_t a = let[j], b = let[j + pt->n - 1];
			/* A word matches whole words only. */
			if (f[a].cls == TOKC_WORD && a > 0 &&
			    f[a - 1].cls == TOKC_WORD) {
				continue;
			}
			if (f[b].cls == TOKC_WORD && b + 1 < nf &&
			    f[b + 1].cls == TOKC_WORD) {
				continue;
			}
			if (nm == capm) {
				capm = capm ? 2 * capm : 8;
				m = xrealloc(m, capm * sizeof *m);
			}
			m[nm++] = (struct search_mark){f[a].start, f[b].end};
		}
	}
	free(f);
	free(let);
	if (nm == 0) {
		free(m);
		return;
	}
	qsort(m, nm, sizeof *m, mark_cmp);
	size_t w = 0;
	for (size_t i = 1; i < nm; i++) {
		if (m[i].start <= m[w].end) {
			if (m[i].end > m[w].end) {
				m[w].end = m[i].end;
			}
		} else {
			m[++w] = m[i];
		}
	}
	*out = m;
	*nout = w + 1;
}
