/*
 * report_html.c - an annual report's tables as HTML with the official
 * merged-cell layout, and the report as a standalone document (see
 * report_html.h). Every byte goes through render/html.h.
 *
 * Each header tree of a block (cols, rows) is flattened in preorder into
 * struct hnode rows that know their level, the leaves they span and the
 * id of their <th>; the spans, the `headers` lists of the data cells and
 * the placement of each <th> all follow from that.
 */
#include "render/report_html.h"

#include "base/res.h"
#include "base/str.h"
#include "render/html.h"

#include <stdlib.h>
#include <string.h>

/*---- Header trees ----*/

struct hnode {
	const struct fmt_node *n;
	int parent;          /* index of the group above; -1 at the top */
	int level;           /* 0 = the outermost headers */
	size_t first, nleaf; /* the leaves spanned, in lcols/lrows order */
	char *id;            /* the <th>'s id */
};

struct htree {
	struct hnode *v; /* preorder */
	size_t n;
	size_t *leaf; /* leaf number -> index in v */
	size_t nleaf;
};

/* A block laid out: its trees, the ids of its other headers, and how many
 * columns its last column spans beyond its own to fill the table. */
struct blay {
	const struct fmt_block *k;
	struct htree cols, rows;
	char *title_id, *corner_id, *unit_id;
	size_t stretch;
};

/* Appends s with every byte outside [A-Za-z0-9._] as ~XX: an id without
 * spaces, whose parts cannot run together. */
static void put_ident(Buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_') {
			buf_putc(b, (char)*p);
		} else {
			buf_printf(b, "~%02X", *p);
		}
	}
}

static size_t count_nodes(const struct fmt_node *v, size_t n)
{
	size_t c = n;
	for (size_t i = 0; i < n; i++) {
		c += count_nodes(v[i].kids, v[i].nkids);
	}
	return c;
}

/* Adds v[0..n) and their descendants in preorder. A leaf's id is
 * leaf_pre + its id, a group's group_pre + its index. */
static void tree_walk(struct htree *t, const struct fmt_node *v, size_t n,
		      int parent, int level, const char *leaf_pre,
		      const char *group_pre)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = t->n++;
		struct hnode *h = &t->v[k];
		Buf id = BUF_INIT;
		h->n = &v[i];
		h->parent = parent;
		h->level = level;
		h->first = t->nleaf;
		if (v[i].nkids) {
			buf_printf(&id, "%s%zu", group_pre, k);
		} else {
			buf_puts(&id, leaf_pre);
			put_ident(&id, v[i].id);
			t->leaf[t->nleaf++] = k;
		}
		h->id = buf_detach(&id);
		tree_walk(t, v[i].kids, v[i].nkids, (int)k, level + 1,
			  leaf_pre, group_pre);
		t->v[k].nleaf = t->nleaf - t->v[k].first;
	}
}

static void tree_build(struct htree *t, const struct fmt_node *v, size_t n,
		       const char *leaf_pre, const char *group_pre)
{
	size_t total = count_nodes(v, n);
	t->v = xcalloc(total ? total : 1, sizeof *t->v);
	t->leaf = xcalloc(total ? total : 1, sizeof *t->leaf);
	t->n = t->nleaf = 0;
	tree_walk(t, v, n, -1, 0, leaf_pre, group_pre);
}

static void tree_free(struct htree *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].id);
	}
	free(t->v);
	free(t->leaf);
}

/* Appends " ID" for node k and each group above it, outermost first. */
static void tree_chain(const struct htree *t, size_t k, Buf *b)
{
	if (t->v[k].parent >= 0) {
		tree_chain(t, (size_t)t->v[k].parent, b);
	}
	buf_putc(b, ' ');
	buf_puts(b, t->v[k].id);
}

static size_t block_width(const struct fmt_block *k)
{
	return (size_t)k->row_depth + (k->unit_label ? 1 : 0) + k->nlcols;
}

static char *block_id(const char *pre, const char *what)
{
	Buf b = BUF_INIT;
	buf_printf(&b, "%s%s", pre, what);
	return buf_detach(&b);
}

static void blay_init(struct blay *l, const struct fmt_table *t, size_t b,
		      size_t width)
{
	Buf pre = BUF_INIT, leaf = BUF_INIT, group = BUF_INIT;
	memset(l, 0, sizeof *l);
	l->k = &t->blocks[b];
	buf_puts(&pre, "rpt-");
	put_ident(&pre, t->id);
	buf_printf(&pre, "-%zu-", b);
	buf_printf(&leaf, "%sc-", buf_str(&pre));
	buf_printf(&group, "%scg", buf_str(&pre));
	tree_build(&l->cols, l->k->cols, l->k->ncols, buf_str(&leaf),
		   buf_str(&group));
	buf_reset(&leaf);
	buf_reset(&group);
	buf_puts(&leaf, "rpt-");
	put_ident(&leaf, t->id);
	buf_puts(&leaf, "-r-");
	buf_printf(&group, "%srg", buf_str(&pre));
	tree_build(&l->rows, l->k->rows, l->k->nrows, buf_str(&leaf),
		   buf_str(&group));
	l->title_id = block_id(buf_str(&pre), "title");
	l->corner_id = block_id(buf_str(&pre), "corner");
	l->unit_id = block_id(buf_str(&pre), "unit");
	l->stretch = width - block_width(l->k);
	buf_free(&pre);
	buf_free(&leaf);
	buf_free(&group);
}

static void blay_free(struct blay *l)
{
	tree_free(&l->cols);
	tree_free(&l->rows);
	free(l->title_id);
	free(l->corner_id);
	free(l->unit_id);
}

/*---- Cells ----*/

/* Writes ` colspan="n"` / ` rowspan="n"` when n > 1. */
static void spans(Buf *out, size_t colspan, size_t rowspan)
{
	if (colspan > 1) {
		html_printf(out, " colspan=\"%zu\"", colspan);
	}
	if (rowspan > 1) {
		html_printf(out, " rowspan=\"%zu\"", rowspan);
	}
}

/* The header's label, placeholders filled; visually hidden text when the
 * format says the label is for screen readers only. */
static void label(Buf *out, const struct fmt_node *n, const char *organ,
		  int year)
{
	Buf t = BUF_INIT;
	report_fill(n->label ? n->label : "", organ, year, &t);
	if (n->hide_label) {
		html_printf(out, "<span class=\"sr-only\">%s</span>",
			    buf_str(&t));
	} else {
		html_printf(out, "%s", buf_str(&t));
	}
	buf_free(&t);
}

static void fill_text(Buf *out, const char *tpl, const char *organ,
		      int year)
{
	Buf t = BUF_INIT;
	report_fill(tpl, organ, year, &t);
	html_printf(out, "%s", buf_str(&t));
	buf_free(&t);
}

/* The title row and the column header rows of a block. */
static void head_rows(const struct blay *l, size_t width, const char *organ,
		      int year, Buf *out)
{
	const struct fmt_block *k = l->k;
	size_t depth = (size_t)k->col_depth;
	if (k->title) {
		html_printf(out, "<tr><th id=\"%s\"", l->title_id);
		spans(out, width, 1);
		html_lit(out, " scope=\"colgroup\">");
		fill_text(out, k->title, organ, year);
		html_lit(out, "</th></tr>\n");
	}
	for (size_t lev = 0; lev < depth; lev++) {
		html_lit(out, "<tr>");
		if (lev == 0 && k->corner) {
			html_printf(out, "<th id=\"%s\"", l->corner_id);
			spans(out, (size_t)k->row_depth, depth);
			html_lit(out, ">");
			fill_text(out, k->corner, organ, year);
			html_lit(out, "</th>");
		} else if (lev == 0) {
			html_lit(out, "<td");
			spans(out, (size_t)k->row_depth, depth);
			html_lit(out, "></td>");
		}
		if (lev == 0 && k->unit_label) {
			html_printf(out, "<th id=\"%s\" scope=\"col\"",
				    l->unit_id);
			spans(out, 1, depth);
			html_lit(out, ">");
			fill_text(out, k->unit_label, organ, year);
			html_lit(out, "</th>");
		}
		for (size_t i = 0; i < l->cols.n; i++) {
			const struct hnode *h = &l->cols.v[i];
			if ((size_t)h->level != lev) {
				continue;
			}
			int last = h->first + h->nleaf == k->nlcols;
			size_t cs = h->nleaf + (last ? l->stretch : 0);
			html_printf(out, "<th id=\"%s\"", h->id);
			spans(out, cs, h->n->nkids ? 1 : depth - lev);
			if (h->n->nkids) {
				html_lit(out, " scope=\"colgroup\">");
			} else {
				html_lit(out, " scope=\"col\">");
			}
			label(out, h->n, organ, year);
			html_lit(out, "</th>");
		}
		html_lit(out, "</tr>\n");
	}
}

/* The rows of numbers of a block, each with its row headers. */
static void body_rows(const struct blay *l, const char *table,
		      const struct cellset *cells, const char *organ,
		      int year, Buf *out)
{
	const struct fmt_block *k = l->k;
	Buf rh = BUF_INIT, hd = BUF_INIT;
	for (size_t r = 0; r < k->nlrows; r++) {
		html_lit(out, "<tr>");
		for (size_t i = 0; i < l->rows.n; i++) {
			const struct hnode *h = &l->rows.v[i];
			if (h->first != r) {
				continue;
			}
			html_printf(out, "<th id=\"%s\"", h->id);
			if (h->n->nkids) {
				spans(out, 1, h->nleaf);
				html_lit(out, ">");
			} else {
				spans(out, (size_t)(k->row_depth - h->level),
				      1);
				if (k->corner) {
					html_printf(out, " headers=\"%s\"",
						    l->corner_id);
				}
				html_lit(out, " scope=\"row\">");
			}
			label(out, h->n, organ, year);
			html_lit(out, "</th>");
		}
		buf_reset(&rh);
		tree_chain(&l->rows, l->rows.leaf[r], &rh);
		if (k->unit_label) {
			const char *u = k->lrows[r]->unit;
			html_printf(out,
				    "<td class=\"unit\" headers=\"%s %s\">",
				    buf_str(&rh) + 1, l->unit_id);
			fill_text(out, u ? u : "", organ, year);
			html_lit(out, "</td>");
		}
		for (size_t c = 0; c < k->nlcols; c++) {
			char num[32];
			buf_reset(&hd);
			buf_puts(&hd, buf_str(&rh) + 1);
			if (k->title) {
				buf_printf(&hd, " %s", l->title_id);
			}
			tree_chain(&l->cols, l->cols.leaf[c], &hd);
			report_cell_text(cells, table, k->lrows[r]->id,
					 k->lcols[c], num, sizeof num);
			html_printf(out, "<td class=\"num\" headers=\"%s\"",
				    buf_str(&hd));
			spans(out, 1 + (c + 1 == k->nlcols ? l->stretch : 0),
			      1);
			html_printf(out, ">%s</td>", num);
		}
		html_lit(out, "</tr>\n");
	}
	buf_free(&rh);
	buf_free(&hd);
}

/*---- Tables ----*/

void report_html_table(const struct fmt_table *t, const char *organ,
		       int year, const struct cellset *cells, Buf *out)
{
	size_t width = 0;
	for (size_t b = 0; b < t->nblocks; b++) {
		size_t w = block_width(&t->blocks[b]);
		width = w > width ? w : width;
	}
	Buf id = BUF_INIT;
	put_ident(&id, t->id);
	/* wide tables scroll inside their own region on narrow screens
	 * (WCAG 1.4.10), which the keyboard can reach */
	html_printf(out,
		    "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"rpt-%s-caption\">\n"
		    "<table class=\"report-table\" id=\"rpt-%s\">\n"
		    "<caption id=\"rpt-%s-caption\">",
		    buf_str(&id), buf_str(&id), buf_str(&id));
	buf_free(&id);
	fill_text(out, t->caption, organ, year);
	html_lit(out, "</caption>\n");
	for (size_t b = 0; b < t->nblocks; b++) {
		struct blay l;
		blay_init(&l, t, b, width);
		/* one block: its headers repeat on each printed page; more:
		 * each block is a row group with its own headers */
		if (t->nblocks == 1) {
			html_lit(out, "<thead>\n");
			head_rows(&l, width, organ, year, out);
			html_lit(out, "</thead>\n<tbody>\n");
		} else {
			html_lit(out, "<tbody class=\"report-block\">\n");
			head_rows(&l, width, organ, year, out);
		}
		body_rows(&l, t->id, cells, organ, year, out);
		html_lit(out, "</tbody>\n");
		blay_free(&l);
	}
	html_lit(out, "</table>\n</div>\n");
}

void report_html_tables(const struct format *f, const char *organ, int year,
			const struct cellset *cells,
			const char *const *table_ids, Buf *out)
{
	if (!table_ids) {
		for (size_t i = 0; i < f->ntables; i++) {
			report_html_table(&f->tables[i], organ, year, cells,
					  out);
		}
		return;
	}
	for (size_t i = 0; table_ids[i]; i++) {
		const struct fmt_table *t = format_table(f, table_ids[i]);
		if (t) {
			report_html_table(t, organ, year, cells, out);
		}
	}
}

/*---- The standalone document ----*/

#define CSS_BEGIN "/* == report tables: begin"
#define CSS_END "/* == report tables: end"

int report_html_css(const char *data_dir, Buf *out, struct err *e)
{
	Buf sheet = BUF_INIT;
	int rc = res_load(data_dir, "static/site.css", &sheet, e);
	if (rc == 0) {
		const char *s = buf_str(&sheet);
		const char *a = strstr(s, CSS_BEGIN);
		const char *z = a ? strstr(a, CSS_END) : NULL;
		if (!z) {
			rc = err_set(e, ERR_INTERNAL,
				     "static/site.css: no report tables "
				     "section");
		} else if (memchr(a, '<', (size_t)(z - a))) {
			rc = err_set(e, ERR_INTERNAL,
				     "static/site.css: the report tables "
				     "section holds a '<'");
		} else {
			buf_append(out, a, (size_t)(z - a));
		}
	}
	buf_free(&sheet);
	return rc;
}

static int blank_line(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
			return 0;
		}
	}
	return 1;
}

/* Plain text as <p> paragraphs: blank lines separate paragraphs, other
 * line breaks become <br>. */
static void paragraphs(const char *s, Buf *out)
{
	int open = 0;
	Buf line = BUF_INIT;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (blank_line(s, n)) {
			if (open) {
				html_lit(out, "</p>\n");
			}
			open = 0;
		} else {
			if (open) {
				html_lit(out, "<br>\n");
			} else {
				html_lit(out, "<p>");
			}
			open = 1;
			buf_reset(&line);
			buf_append(&line, s, n && s[n - 1] == '\r' ? n - 1 : n);
			html_printf(out, "%s", buf_str(&line));
		}
		s += n + (nl ? 1 : 0);
	}
	if (open) {
		html_lit(out, "</p>\n");
	}
	buf_free(&line);
}

void report_html_body(const struct format *f, const char *organ, int year,
		      const struct cellset *cells, report_text_fn text,
		      void *arg, Buf *out)
{
	for (size_t i = 0; i < f->nsections; i++) {
		const struct fmt_section *s = &f->sections[i];
		const char *t = text ? text(s->id, arg) : NULL;
		html_lit(out, "<h2>");
		fill_text(out, s->title, organ, year);
		html_lit(out, "</h2>\n");
		if (t) {
			paragraphs(t, out);
		}
		for (size_t k = 0; k < s->ntables; k++) {
			const struct fmt_table *tb =
				format_table(f, s->tables[k]);
			if (tb) {
				report_html_table(tb, organ, year, cells, out);
			}
		}
	}
}

void report_html_document(const struct format *f, const char *organ,
			  int year, const struct cellset *cells,
			  report_text_fn text, void *arg, const char *css,
			  Buf *out)
{
	html_lit(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" "
		      "content=\"width=device-width, initial-scale=1\">\n"
		      "<title>");
	fill_text(out, f->title, organ, year);
	html_lit(out, "</title>\n");
	if (css && !strchr(css, '<')) {
		html_lit(out, "<style>\n");
		html_frag(out, (HtmlFrag){css, strlen(css)});
		html_lit(out, "</style>\n");
	}
	html_lit(out, "</head>\n<body class=\"report-doc\">\n"
		      "<div role=\"main\">\n<h1>");
	fill_text(out, f->title, organ, year);
	html_lit(out, "</h1>\n");
	report_html_body(f, organ, year, cells, text, arg, out);
	html_lit(out, "</div>\n</body>\n</html>\n");
}
