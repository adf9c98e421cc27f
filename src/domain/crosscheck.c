/*
 * crosscheck.c - evaluating a format's cross-checks (see crosscheck.h).
 */
#include "domain/crosscheck.h"

#include "base/buf.h"
#include "base/str.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cellset_put(struct cellset *s, const char *table, const char *row,
		 const char *col, int64_t v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	struct cell *c = &s->v[s->n++];
	c->table = xstrdup(table);
	c->row = xstrdup(row);
	c->col = xstrdup(col);
	c->v = v;
}

int cellset_get(const struct cellset *s, const char *table, const char *row,
		const char *col, int64_t *v)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct cell *c = &s->v[i];
		if (strcmp(c->row, row) == 0 && strcmp(c->col, col) == 0 &&
		    strcmp(c->table, table) == 0) {
			*v = c->v;
			return 0;
		}
	}
	*v = 0;
	return -1;
}

void cellset_free(struct cellset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].table);
		free(s->v[i].row);
		free(s->v[i].col);
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

void cell_format(int64_t v, char *buf, size_t n)
{
	int neg = v < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t whole = a / CELL_SCALE, frac = a % CELL_SCALE;
	if (frac == 0) {
		snprintf(buf, n, "%s%" PRIu64, neg ? "-" : "", whole);
		return;
	}
	char f[8];
	snprintf(f, sizeof f, "%04" PRIu64, frac);
	for (int i = 3; i > 0 && f[i] == '0'; i--) {
		f[i] = 0;
	}
	snprintf(buf, n, "%s%" PRIu64 ".%s", neg ? "-" : "", whole, f);
}

/* Sums one side; appends "name value + ..." to b. */
static int64_t side(const struct cellset *s, const struct fmt_check *c,
		    char **names, size_t n, const char *fixed, Buf *b)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		char num[32];
		if (c->each == FE_ONCE) {
			const char *slash = strchr(names[i], '/');
			char row[128];
			size_t len = (size_t)(slash - names[i]);
			memcpy(row, names[i], len);
			row[len] = 0;
			cellset_get(s, c->table, row, slash + 1, &v);
		} else if (c->each == FE_COL) {
			cellset_get(s, c->table, names[i], fixed, &v);
		} else {
			cellset_get(s, c->table, fixed, names[i], &v);
		}
		sum += v;
		cell_format(v, num, sizeof num);
		buf_printf(b, "%s%s %s", i ? " + " : "", names[i], num);
	}
	return sum;
}

static void one(const struct cellset *s, const struct fmt_check *c,
		const char *fixed, struct check_result *r)
{
	Buf l = BUF_INIT, rb = BUF_INIT;
	int64_t a = side(s, c, c->left, c->nleft, fixed, &l);
	int64_t b = side(s, c, c->right, c->nright, fixed, &rb);
	r->rule = c->id;
	r->ok = c->op == FO_EQ ? a == b : a <= b;
	char na[32], nb[32];
	cell_format(a, na, sizeof na);
	cell_format(b, nb, sizeof nb);
	const char *rel = c->op == FO_EQ ? (r->ok ? "=" : "≠")
					 : (r->ok ? "≤" : ">");
	snprintf(r->detail, sizeof r->detail, "%s%s%s%s %s %s (%s; %s)",
		 fixed ? (c->each == FE_COL ? "column " : "row ") : "",
		 fixed ? fixed : "", fixed ? ": " : "", na, rel, nb,
		 buf_str(&l), buf_str(&rb));
	buf_free(&l);
	buf_free(&rb);
}

size_t crosscheck_run(const struct format *f, const struct cellset *s,
		      struct check_result **out, size_t *n)
{
	size_t bad = 0, cap = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < f->nchecks; i++) {
		const struct fmt_check *c = &f->checks[i];
		const struct fmt_table *t = format_table(f, c->table);
		/* the columns (or rows) of the blocks the check's names are
		 * in, each once */
		const char *fixed[256];
		size_t nf = 0;
		if (c->each == FE_ONCE) {
			fixed[nf++] = NULL;
		}
		for (size_t b = 0; t && c->each != FE_ONCE && b < t->nblocks;
		     b++) {
			const struct fmt_block *k = &t->blocks[b];
			size_t nl = c->each == FE_COL ? k->nlcols : k->nlrows;
			const struct fmt_node **lv =
				c->each == FE_COL ? k->lcols : k->lrows;
			const struct fmt_node **other =
				c->each == FE_COL ? k->lrows : k->lcols;
			size_t no = c->each == FE_COL ? k->nlrows : k->nlcols;
			int here = 0;
			for (size_t z = 0; z < no && !here; z++) {
				here = strcmp(other[z]->id, c->left[0]) == 0;
			}
			for (size_t z = 0; here && z < nl && nf < 256; z++) {
				fixed[nf++] = lv[z]->id;
			}
		}
		for (size_t z = 0; z < nf; z++) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 32;
				*out = xrealloc(*out, cap * sizeof **out);
			}
			one(s, c, fixed[z], &(*out)[*n]);
			bad += !(*out)[*n].ok;
			(*n)++;
		}
	}
	return bad;
}
