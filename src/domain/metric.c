/*
 * metric.c - the named figures of the annual report and the rules of
 * opening balances (see metric.h).
 */
#include "domain/metric.h"

#include "base/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*---- The registry ----*/

static struct metric_def *reg_get(const struct metric_reg *r, const char *name)
{
	for (size_t i = 0; name && i < r->n; i++) {
		if (str_eq(r->v[i].name, name)) {
			return &r->v[i];
		}
	}
	return NULL;
}

/* Sets the parent of part to total when both are registered rows of the
 * same format table and part has none yet. */
static void reg_part(struct metric_reg *r, const struct fmt_table *t,
		     const char *part, const char *total)
{
	struct metric_def *p = reg_get(r, part);
	const struct fmt_node *a = NULL, *b = NULL;
	for (size_t k = 0; k < t->nblocks; k++) {
		for (size_t i = 0; i < t->blocks[k].nlrows; i++) {
			const struct fmt_node *x = t->blocks[k].lrows[i];
			if (str_eq(x->id, part)) {
				a = x;
			} else if (str_eq(x->id, total)) {
				b = x;
			}
		}
	}
	if (p && a && b && !p->parent && reg_get(r, total)) {
		p->parent = xstrdup(total);
	}
}

/* 1 when id is one of the ", "-separated ids of list. */
static int in_list(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, id, n) == 0) {
			return 1;
		}
		p = end ? end + 2 : NULL;
	}
	return 0;
}

/* Registers one cumulative row of format f whose yearly figure is
 * expr. */
static int reg_row(struct metric_reg *r, const struct format *f,
		   const struct fmt_node *row, const char *expr,
		   struct err *e)
{
	struct metric_def *d = reg_get(r, row->id);
	if (d && !str_eq(d->expr, expr)) {
		return err_set(e, ERR_INPUT,
			       "%s: cumulative row \"%s\" counts \"%s\", but "
			       "in %s \"%s\"",
			       f->id, row->id, expr, d->formats, d->expr);
	}
	if (d) {
		if (!in_list(d->formats, f->id)) {
			size_t n = strlen(d->formats) + strlen(f->id) + 3;
			char *x = xmalloc(n);
			snprintf(x, n, "%s, %s", d->formats, f->id);
			free(d->formats);
			d->formats = x;
		}
		return 0;
	}
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	d = &r->v[r->n++];
	memset(d, 0, sizeof *d);
	d->name = xstrdup(row->id);
	d->label = xstrdup(row->label);
	d->unit = row->unit ? xstrdup(row->unit) : NULL;
	d->expr = xstrdup(expr);
	d->formats = xstrdup(f->id);
	return 0;
}

int metric_reg_add(struct metric_reg *r, const struct format *f,
		   struct err *e)
{
	for (size_t t = 0; t < f->ntables; t++) {
		const struct fmt_table *tb = &f->tables[t];
		for (size_t b = 0; b < tb->nblocks; b++) {
			const struct fmt_block *k = &tb->blocks[b];
			for (size_t x = 0; x < k->nlcols * k->nlrows; x++) {
				const struct fmt_node *col =
					k->lcols[x / k->nlrows];
				const struct fmt_node *row =
					k->lrows[x % k->nlrows];
				char expr[256];
				if (col->period == FP_CUMULATIVE &&
				    format_cell_metric(row, col, expr,
						       sizeof expr) == 0 &&
				    reg_row(r, f, row, expr, e)) {
					return -1;
				}
			}
		}
	}
	for (size_t i = 0; i < f->nchecks; i++) {
		const struct fmt_check *c = &f->checks[i];
		const struct fmt_table *t = format_table(f, c->table);
		if (c->each != FE_COL || !t) {
			continue;
		}
		if (c->op == FO_LE && c->nleft == 1 && c->nright == 1) {
			reg_part(r, t, c->left[0], c->right[0]);
		} else if (c->op == FO_EQ && c->nleft == 1) {
			for (size_t j = 0; c->nright > 1 && j < c->nright;
			     j++) {
				reg_part(r, t, c->right[j], c->left[0]);
			}
		}
	}
	return 0;
}

void metric_reg_free(struct metric_reg *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].label);
		free(r->v[i].unit);
		free(r->v[i].parent);
		free(r->v[i].expr);
		free(r->v[i].formats);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

const struct metric_def *metric_find(const struct metric_reg *r,
				     const char *field, const char *name,
				     struct err *e)
{
	const struct metric_def *d = reg_get(r, name);
	if (d) {
		return d;
	}
	if (str_empty(name)) {
		err_set(e, ERR_INPUT, "%s不能为空", field);
	} else {
		err_set(e, ERR_INPUT,
			"%s“%.64s”不是可累计的指标（可用的指标见“期初累计值”"
			"页面或 docs/import.md）",
			field, name);
	}
	return NULL;
}

int baseline_check(const struct metric_reg *r, const char *metric,
		   int64_t year, int64_t value, int this_year,
		   const char **field, struct err *e)
{
	*field = "metric";
	if (!metric_find(r, "指标", metric, e)) {
		return -1;
	}
	*field = "year";
	if (year < BASELINE_MIN_YEAR || year > this_year) {
		return err_set(e, ERR_INPUT, "年份须在 %d 至 %d 之间",
			       BASELINE_MIN_YEAR, this_year);
	}
	*field = "value";
	if (value < 0 || value > 1000000000) {
		return err_set(e, ERR_INPUT,
			       "累计值须是 0 至 1000000000 之间的整数");
	}
	*field = NULL;
	return 0;
}

void baseline_clear(struct baseline *b)
{
	free(b->metric);
	free(b->source);
	free(b->origin);
	free(b->note);
	free(b->created_at);
	memset(b, 0, sizeof *b);
}

static const char *metric_parent(const struct metric_reg *r,
				 const char *name)
{
	const struct metric_def *d = reg_get(r, name);
	return d ? d->parent : NULL;
}

int baseline_consistent(const struct metric_reg *r,
			const struct baseline *nb, const struct baseline *all,
			size_t n, struct err *e)
{
	const char *parent = metric_parent(r, nb->metric);
	for (size_t i = 0; i < n; i++) {
		const struct baseline *b = &all[i];
		if (b->organ_id != nb->organ_id) {
			continue;
		}
		if (str_eq(b->metric, nb->metric)) {
			if (b->year == nb->year) {
				return err_set(e, ERR_CONFLICT,
					       "指标 %s 已有 %d 年的期初值 %lld，"
					       "如需更正请先删除原值",
					       nb->metric, nb->year,
					       (long long)b->value);
			}
			if (b->year < nb->year && b->value > nb->value) {
				return err_set(e, ERR_INPUT,
					       "累计值不会减少：%d 年已是 %lld，"
					       "%d 年不能是 %lld",
					       b->year, (long long)b->value,
					       nb->year, (long long)nb->value);
			}
			if (b->year > nb->year && b->value < nb->value) {
				return err_set(e, ERR_INPUT,
					       "累计值不会减少：%d 年才 %lld，"
					       "%d 年不能是 %lld",
					       b->year, (long long)b->value,
					       nb->year, (long long)nb->value);
			}
		} else if (b->year == nb->year) {
			if (parent && str_eq(b->metric, parent) &&
			    nb->value > b->value) {
				return err_set(e, ERR_INPUT,
					       "%d 年 %s 的 %lld 超过了其总数 "
					       "%s 的 %lld",
					       nb->year, nb->metric,
					       (long long)nb->value, b->metric,
					       (long long)b->value);
			}
			if (str_eq(metric_parent(r, b->metric), nb->metric) &&
			    b->value > nb->value) {
				return err_set(e, ERR_INPUT,
					       "%d 年 %s 的 %lld 小于其中 %s 的 "
					       "%lld",
					       nb->year, nb->metric,
					       (long long)nb->value, b->metric,
					       (long long)b->value);
			}
		}
	}
	return 0;
}

const struct baseline *baseline_for(const struct baseline *all, size_t n,
				    const char *metric, int year)
{
	const struct baseline *best = NULL;
	for (size_t i = 0; i < n; i++) {
		if (str_eq(all[i].metric, metric) && all[i].year <= year - 1 &&
		    (!best || all[i].year > best->year)) {
			best = &all[i];
		}
	}
	return best;
}
