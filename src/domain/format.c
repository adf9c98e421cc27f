/*
 * format.c - parsing report format files (see format.h). Strict: every
 * key is known, every id is unique where it must be, every check names
 * cells that exist, so a typo in a format file is an error at load time
 * rather than a wrong report.
 */
#include "domain/format.h"

#include "base/str.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*---- Freeing ----*/

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i]);
	}
	free(v);
}

static void node_free(struct fmt_node *n)
{
	free(n->id);
	free(n->label);
	free(n->metric);
	free(n->unit);
	strv_free(n->cell_col, n->ncells);
	strv_free(n->cell_metric, n->ncells);
	for (size_t i = 0; i < n->nkids; i++) {
		node_free(&n->kids[i]);
	}
	free(n->kids);
}

void format_free(struct format *f)
{
	free(f->id);
	free(f->name);
	free(f->basis);
	free(f->title);
	for (size_t i = 0; i < f->nsections; i++) {
		free(f->sections[i].id);
		free(f->sections[i].title);
		strv_free(f->sections[i].tables, f->sections[i].ntables);
	}
	free(f->sections);
	for (size_t i = 0; i < f->ntables; i++) {
		struct fmt_table *t = &f->tables[i];
		for (size_t b = 0; b < t->nblocks; b++) {
			struct fmt_block *k = &t->blocks[b];
			free(k->title);
			free(k->corner);
			free(k->unit_label);
			for (size_t j = 0; j < k->ncols; j++) {
				node_free(&k->cols[j]);
			}
			for (size_t j = 0; j < k->nrows; j++) {
				node_free(&k->rows[j]);
			}
			free(k->cols);
			free(k->rows);
			free(k->lcols);
			free(k->lrows);
		}
		free(t->blocks);
		free(t->id);
		free(t->caption);
	}
	free(f->tables);
	for (size_t i = 0; i < f->nchecks; i++) {
		struct fmt_check *c = &f->checks[i];
		free(c->id);
		free(c->label);
		free(c->table);
		strv_free(c->left, c->nleft);
		strv_free(c->right, c->nright);
	}
	free(f->checks);
	memset(f, 0, sizeof *f);
}

/*---- Reading JSON ----*/

/* Refuses keys of o not in the NULL-terminated list. */
static int keys_only(json_t *o, const char *where, const char *const *keys,
		     struct err *e)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		size_t i = 0;
		while (keys[i] && strcmp(keys[i], k) != 0) {
			i++;
		}
		if (!keys[i]) {
			return err_set(e, ERR_INPUT, "%s: unknown key \"%s\"",
				       where, k);
		}
	}
	return 0;
}

/* Optional string member (NULL when absent); -1 if not a string. */
static int get_str(json_t *o, const char *key, const char *where,
		   int required, char **out, struct err *e)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required) {
			return err_set(e, ERR_INPUT, "%s: \"%s\" is required",
				       where, key);
		}
		return 0;
	}
	if (!json_is_string(v)) {
		return err_set(e, ERR_INPUT, "%s: \"%s\" must be a string",
			       where, key);
	}
	*out = xstrdup(json_string_value(v));
	return 0;
}

static int get_strv(json_t *o, const char *key, const char *where,
		    char ***out, size_t *n, struct err *e)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	*n = 0;
	if (!v) {
		return 0;
	}
	if (!json_is_array(v)) {
		return err_set(e, ERR_INPUT, "%s: \"%s\" must be a list",
			       where, key);
	}
	*out = xcalloc(json_array_size(v) + 1, sizeof **out);
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		if (!json_is_string(x)) {
			return err_set(e, ERR_INPUT,
				       "%s: \"%s\" must list strings", where,
				       key);
		}
		(*out)[(*n)++] = xstrdup(json_string_value(x));
	}
	return 0;
}

static int get_int(json_t *o, const char *key, const char *where, int lo,
		   int hi, int *out, struct err *e)
{
	json_t *v = json_object_get(o, key);
	if (!v) {
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi) {
		return err_set(e, ERR_INPUT,
			       "%s: \"%s\" must be a whole number %d..%d",
			       where, key, lo, hi);
	}
	*out = (int)json_integer_value(v);
	return 0;
}

static int parse_node(json_t *j, const char *where, int is_row,
		      struct fmt_node *n, struct err *e)
{
	static const char *const keys[] = {
		"id", "label", "metric", "unit", "decimals", "hide_label",
		"period", "cells", "children", NULL};
	char w[200];
	if (!json_is_object(j)) {
		return err_set(e, ERR_INPUT, "%s: a header must be an object",
			       where);
	}
	if (keys_only(j, where, keys, e) ||
	    get_str(j, "id", where, 0, &n->id, e) ||
	    get_str(j, "label", where, 1, &n->label, e) ||
	    get_str(j, "metric", where, 0, &n->metric, e) ||
	    get_str(j, "unit", where, 0, &n->unit, e) ||
	    get_int(j, "decimals", where, 0, 6, &n->decimals, e)) {
		return -1;
	}
	snprintf(w, sizeof w, "%s \"%s\"", where, n->label);
	n->hide_label = json_is_true(json_object_get(j, "hide_label"));
	char *period = NULL;
	if (get_str(j, "period", w, 0, &period, e)) {
		return -1;
	}
	static const char *const periods[] = {
		[FP_YEAR] = "year", [FP_CUMULATIVE] = "cumulative",
		[FP_PREVIOUS] = "previous", [FP_CHANGE] = "change"};
	size_t pi = 0;
	while (period && pi < sizeof periods / sizeof periods[0] &&
	       strcmp(periods[pi], period) != 0) {
		pi++;
	}
	if (period && pi == sizeof periods / sizeof periods[0]) {
		free(period);
		return err_set(e, ERR_INPUT,
			       "%s: period must be \"year\", \"cumulative\", "
			       "\"previous\" or \"change\"",
			       w);
	}
	n->period = period ? (enum fmt_period)pi : FP_YEAR;
	free(period);
	json_t *cells = json_object_get(j, "cells");
	if (cells) {
		if (!is_row || !json_is_object(cells)) {
			return err_set(e, ERR_INPUT,
				       "%s: \"cells\" is a row's map of column "
				       "id to metric",
				       w);
		}
		size_t cap = json_object_size(cells);
		n->cell_col = xcalloc(cap + 1, sizeof *n->cell_col);
		n->cell_metric = xcalloc(cap + 1, sizeof *n->cell_metric);
		const char *k;
		json_t *v;
		json_object_foreach(cells, k, v) {
			if (!json_is_string(v)) {
				return err_set(e, ERR_INPUT,
					       "%s: cell \"%s\" needs a metric",
					       w, k);
			}
			n->cell_col[n->ncells] = xstrdup(k);
			n->cell_metric[n->ncells++] =
				xstrdup(json_string_value(v));
		}
	}
	json_t *kids = json_object_get(j, "children");
	if (kids) {
		if (!json_is_array(kids) || json_array_size(kids) == 0) {
			return err_set(e, ERR_INPUT,
				       "%s: \"children\" must be a non-empty "
				       "list",
				       w);
		}
		if (n->id) {
			return err_set(e, ERR_INPUT,
				       "%s: a group has children, not an id",
				       w);
		}
		n->kids = xcalloc(json_array_size(kids), sizeof *n->kids);
		size_t i;
		json_t *x;
		json_array_foreach(kids, i, x) {
			if (parse_node(x, w, is_row, &n->kids[n->nkids++],
				       e)) {
				return -1;
			}
		}
	} else if (str_empty(n->id)) {
		return err_set(e, ERR_INPUT, "%s: a leaf needs an id", w);
	}
	return 0;
}

static int parse_nodes(json_t *arr, const char *where, int is_row,
		       struct fmt_node **out, size_t *n, struct err *e)
{
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		return err_set(e, ERR_INPUT, "%s: must be a non-empty list",
			       where);
	}
	*out = xcalloc(json_array_size(arr), sizeof **out);
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) {
		if (parse_node(x, where, is_row, &(*out)[(*n)++], e)) {
			return -1;
		}
	}
	return 0;
}

/* Collects leaves in order and the tree's depth. */
static void leaves(const struct fmt_node *v, size_t n, int depth,
		   const struct fmt_node ***out, size_t *nout, int *maxd)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].nkids) {
			leaves(v[i].kids, v[i].nkids, depth + 1, out, nout,
			       maxd);
		} else {
			*out = xrealloc(*out, (*nout + 1) * sizeof **out);
			(*out)[(*nout)++] = &v[i];
			if (depth > *maxd) {
				*maxd = depth;
			}
		}
	}
}

/* A leaf id of table t, rows or columns, or NULL. */
static const struct fmt_node *find_leaf(const struct fmt_table *t, int row,
					const char *id)
{
	for (size_t b = 0; b < t->nblocks; b++) {
		const struct fmt_block *k = &t->blocks[b];
		size_t n = row ? k->nlrows : k->nlcols;
		for (size_t i = 0; i < n; i++) {
			const struct fmt_node *x = row ? k->lrows[i] : k->lcols[i];
			if (strcmp(x->id, id) == 0) {
				return x;
			}
		}
	}
	return NULL;
}

static int parse_table(json_t *j, struct fmt_table *t, struct err *e)
{
	static const char *const keys[] = {"id", "caption", "blocks", NULL};
	static const char *const bkeys[] = {"title", "corner", "unit_label",
					    "cols", "rows", NULL};
	if (!json_is_object(j) || keys_only(j, "table", keys, e) ||
	    get_str(j, "id", "table", 1, &t->id, e) ||
	    get_str(j, "caption", t->id, 1, &t->caption, e)) {
		return e->code ? -1 : err_set(e, ERR_INPUT, "bad table");
	}
	json_t *blocks = json_object_get(j, "blocks");
	if (!json_is_array(blocks) || json_array_size(blocks) == 0) {
		return err_set(e, ERR_INPUT, "table %s: \"blocks\" is required",
			       t->id);
	}
	t->blocks = xcalloc(json_array_size(blocks), sizeof *t->blocks);
	size_t i;
	json_t *x;
	char w[160];
	json_array_foreach(blocks, i, x) {
		struct fmt_block *k = &t->blocks[t->nblocks++];
		snprintf(w, sizeof w, "table %s block %zu", t->id, i + 1);
		if (!json_is_object(x) || keys_only(x, w, bkeys, e) ||
		    get_str(x, "title", w, 0, &k->title, e) ||
		    get_str(x, "corner", w, 0, &k->corner, e) ||
		    get_str(x, "unit_label", w, 0, &k->unit_label, e) ||
		    parse_nodes(json_object_get(x, "cols"), w, 0, &k->cols,
				&k->ncols, e) ||
		    parse_nodes(json_object_get(x, "rows"), w, 1, &k->rows,
				&k->nrows, e)) {
			return e->code ? -1
				       : err_set(e, ERR_INPUT, "%s: bad", w);
		}
		leaves(k->cols, k->ncols, 1, &k->lcols, &k->nlcols,
		       &k->col_depth);
		leaves(k->rows, k->nrows, 1, &k->lrows, &k->nlrows,
		       &k->row_depth);
	}
	/* row ids are unique in the table (a column id may recur in
	 * another block, e.g. 本年处理决定数量), and so is a block's column */
	for (size_t b = 0; b < t->nblocks; b++) {
		const struct fmt_block *k = &t->blocks[b];
		for (size_t a = 0; a < k->nlrows; a++) {
			if (find_leaf(t, 1, k->lrows[a]->id) != k->lrows[a]) {
				return err_set(e, ERR_INPUT,
					       "table %s: row \"%s\" repeated",
					       t->id, k->lrows[a]->id);
			}
		}
		for (size_t a = 0; a < k->nlcols; a++) {
			for (size_t z = 0; z < a; z++) {
				if (strcmp(k->lcols[z]->id,
					   k->lcols[a]->id) == 0) {
					return err_set(
						e, ERR_INPUT,
						"table %s: column \"%s\" "
						"repeated",
						t->id, k->lcols[a]->id);
				}
			}
		}
	}
	return 0;
}

static int parse_check(json_t *j, const struct format *f,
		       struct fmt_check *c, struct err *e)
{
	static const char *const keys[] = {"id", "label", "table", "each",
					   "op", "left", "right", NULL};
	char *each = NULL, *op = NULL;
	int rc = -1;
	if (!json_is_object(j) || keys_only(j, "check", keys, e) ||
	    get_str(j, "id", "check", 1, &c->id, e) ||
	    get_str(j, "label", c->id, 1, &c->label, e) ||
	    get_str(j, "table", c->id, 1, &c->table, e) ||
	    get_str(j, "each", c->id, 0, &each, e) ||
	    get_str(j, "op", c->id, 0, &op, e) ||
	    get_strv(j, "left", c->id, &c->left, &c->nleft, e) ||
	    get_strv(j, "right", c->id, &c->right, &c->nright, e)) {
		if (!e->code) {
			err_set(e, ERR_INPUT, "a check must be an object");
		}
		goto done;
	}
	const struct fmt_table *t = format_table(f, c->table);
	if (!t) {
		err_set(e, ERR_INPUT, "check %s: no table \"%s\"", c->id,
			c->table);
		goto done;
	}
	if (!each || strcmp(each, "col") == 0) {
		c->each = FE_COL;
	} else if (strcmp(each, "row") == 0) {
		c->each = FE_ROW;
	} else if (strcmp(each, "once") == 0) {
		c->each = FE_ONCE;
	} else {
		err_set(e, ERR_INPUT, "check %s: each must be col, row or once",
			c->id);
		goto done;
	}
	if (!op || strcmp(op, "=") == 0) {
		c->op = FO_EQ;
	} else if (strcmp(op, "<=") == 0) {
		c->op = FO_LE;
	} else {
		err_set(e, ERR_INPUT, "check %s: op must be = or <=", c->id);
		goto done;
	}
	if (!c->nleft || !c->nright) {
		err_set(e, ERR_INPUT, "check %s: left and right are required",
			c->id);
		goto done;
	}
	for (int side = 0; side < 2; side++) {
		char **v = side ? c->right : c->left;
		size_t n = side ? c->nright : c->nleft;
		for (size_t i = 0; i < n; i++) {
			const char *slash = strchr(v[i], '/');
			int ok;
			if (c->each == FE_ONCE) {
				char row[128];
				ok = slash && (size_t)(slash - v[i]) < sizeof row;
				if (ok) {
					memcpy(row, v[i], (size_t)(slash - v[i]));
					row[slash - v[i]] = 0;
					ok = format_cell(t, row, slash + 1, NULL,
							 NULL) != NULL;
				}
			} else {
				ok = find_leaf(t, c->each == FE_COL, v[i]) !=
				     NULL;
			}
			if (!ok) {
				err_set(e, ERR_INPUT,
					"check %s: no %s \"%s\" in table %s",
					c->id,
					c->each == FE_ONCE  ? "cell"
					: c->each == FE_COL ? "row"
							    : "column",
					v[i], c->table);
				goto done;
			}
		}
	}
	rc = 0;
done:
	free(each);
	free(op);
	return rc;
}

int format_parse(const char *text, size_t n, struct format *f,
		 struct err *e)
{
	static const char *const keys[] = {"id", "name", "basis", "title",
					   "from_year", "to_year", "sections",
					   "tables", "checks", NULL};
	memset(f, 0, sizeof *f);
	json_error_t je;
	json_t *j = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	int rc = -1;
	if (!j) {
		return err_set(e, ERR_INPUT, "not JSON: line %d: %s", je.line,
			       je.text);
	}
	if (!json_is_object(j) || keys_only(j, "format", keys, e) ||
	    get_str(j, "id", "format", 1, &f->id, e) ||
	    get_str(j, "name", f->id, 1, &f->name, e) ||
	    get_str(j, "basis", f->id, 0, &f->basis, e) ||
	    get_str(j, "title", f->id, 1, &f->title, e) ||
	    get_int(j, "from_year", f->id, 0, 9999, &f->from_year, e) ||
	    get_int(j, "to_year", f->id, 0, 9999, &f->to_year, e)) {
		if (!e->code) {
			err_set(e, ERR_INPUT, "a format must be an object");
		}
		goto done;
	}
	json_t *tables = json_object_get(j, "tables");
	if (!json_is_array(tables)) {
		err_set(e, ERR_INPUT, "%s: \"tables\" is required", f->id);
		goto done;
	}
	f->tables = xcalloc(json_array_size(tables) + 1, sizeof *f->tables);
	size_t i;
	json_t *x;
	json_array_foreach(tables, i, x) {
		if (parse_table(x, &f->tables[f->ntables++], e)) {
			goto done;
		}
		if (format_table(f, f->tables[i].id) != &f->tables[i]) {
			err_set(e, ERR_INPUT, "%s: table \"%s\" repeated",
				f->id, f->tables[i].id);
			goto done;
		}
	}
	json_t *secs = json_object_get(j, "sections");
	if (!json_is_array(secs)) {
		err_set(e, ERR_INPUT, "%s: \"sections\" is required", f->id);
		goto done;
	}
	f->sections = xcalloc(json_array_size(secs) + 1, sizeof *f->sections);
	json_array_foreach(secs, i, x) {
		static const char *const skeys[] = {"id", "title", "tables",
						    NULL};
		struct fmt_section *s = &f->sections[f->nsections++];
		if (!json_is_object(x) || keys_only(x, "section", skeys, e) ||
		    get_str(x, "id", "section", 1, &s->id, e) ||
		    get_str(x, "title", s->id, 1, &s->title, e) ||
		    get_strv(x, "tables", s->id, &s->tables, &s->ntables, e)) {
			if (!e->code) {
				err_set(e, ERR_INPUT,
					"a section must be an object");
			}
			goto done;
		}
		for (size_t k = 0; k < s->ntables; k++) {
			if (!format_table(f, s->tables[k])) {
				err_set(e, ERR_INPUT,
					"section %s: no table \"%s\"", s->id,
					s->tables[k]);
				goto done;
			}
		}
	}
	json_t *checks = json_object_get(j, "checks");
	if (checks && !json_is_array(checks)) {
		err_set(e, ERR_INPUT, "%s: \"checks\" must be a list", f->id);
		goto done;
	}
	f->checks = xcalloc(json_array_size(checks) + 1, sizeof *f->checks);
	json_array_foreach(checks, i, x) {
		if (parse_check(x, f, &f->checks[f->nchecks++], e)) {
			goto done;
		}
	}
	rc = 0;
done:
	json_decref(j);
	return rc;
}

const struct fmt_table *format_table(const struct format *f,
				     const char *id)
{
	for (size_t i = 0; i < f->ntables; i++) {
		if (f->tables[i].id && strcmp(f->tables[i].id, id) == 0) {
			return &f->tables[i];
		}
	}
	return NULL;
}

const struct fmt_block *format_cell(const struct fmt_table *t,
				    const char *row, const char *col,
				    const struct fmt_node **r,
				    const struct fmt_node **c)
{
	for (size_t b = 0; b < t->nblocks; b++) {
		const struct fmt_block *k = &t->blocks[b];
		const struct fmt_node *fr = NULL, *fc = NULL;
		for (size_t i = 0; i < k->nlrows && !fr; i++) {
			if (strcmp(k->lrows[i]->id, row) == 0) {
				fr = k->lrows[i];
			}
		}
		for (size_t i = 0; i < k->nlcols && !fc; i++) {
			if (strcmp(k->lcols[i]->id, col) == 0) {
				fc = k->lcols[i];
			}
		}
		if (fr && fc) {
			if (r) {
				*r = fr;
			}
			if (c) {
				*c = fc;
			}
			return k;
		}
	}
	return NULL;
}

/* Appends tpl to out with {row} and {col} replaced. */
static int fill_template(const char *tpl, const char *row, const char *col,
			 char *out, size_t n)
{
	size_t o = 0;
	for (const char *p = tpl; *p;) {
		const char *put = NULL;
		size_t skip = 1;
		if (strncmp(p, "{row}", 5) == 0) {
			put = row;
			skip = 5;
		} else if (strncmp(p, "{col}", 5) == 0) {
			put = col;
			skip = 5;
		}
		size_t len = put ? strlen(put) : 1;
		if (o + len + 1 > n) {
			return -1;
		}
		memcpy(out + o, put ? put : p, len);
		o += len;
		p += skip;
	}
	out[o] = 0;
	return 0;
}

int format_cell_metric(const struct fmt_node *r, const struct fmt_node *c,
		       char *out, size_t n)
{
	for (size_t i = 0; i < r->ncells; i++) {
		if (strcmp(r->cell_col[i], c->id) == 0) {
			return fill_template(r->cell_metric[i], r->id, c->id,
					     out, n);
		}
	}
	const char *tpl = r->metric ? r->metric : c->metric;
	if (!tpl) {
		return -1;
	}
	return fill_template(tpl, r->id, c->id, out, n);
}
