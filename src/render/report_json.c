/*
 * report_json.c - the report JSON writer (see report_json.h), with
 * jansson.
 */
#include "render/report_json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t cell_round(int64_t v, int d)
{
	int64_t unit = 1;
	for (int i = d; i < 4; i++) {
		unit *= 10;
	}
	int64_t half = unit / 2;
	int64_t q = v >= 0 ? (v + half) / unit : -((-v + half) / unit);
	return q * unit;
}

void report_fill(const char *tpl, const char *organ, int year, Buf *out)
{
	for (const char *p = tpl; *p; p++) {
		if (strncmp(p, "{organ}", 7) == 0) {
			buf_puts(out, organ);
			p += 6;
		} else if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(out, "%d", year);
			p += 5;
		} else {
			buf_putc(out, *p);
		}
	}
}

int report_cell_text(const struct cellset *cells, const char *table,
		     const char *row, const struct fmt_node *col, char *buf,
		     size_t n)
{
	int64_t v;
	if (cellset_get(cells, table, row, col->id, &v)) {
		snprintf(buf, n, "%s", "");
		return 0;
	}
	cell_format(cell_round(v, col->decimals), buf, n);
	return 1;
}

void report_json(const struct format *f, const char *organ, int year,
		 const struct cellset *cells, const struct check_result *res,
		 size_t nres, report_text_fn text, void *arg, Buf *out)
{
	json_t *j = json_object();
	Buf title = BUF_INIT;
	report_fill(f->title, organ, year, &title);
	json_object_set_new(j, "format", json_string(f->id));
	json_object_set_new(j, "organ", json_string(organ));
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "title", json_string(buf_str(&title)));
	json_t *cs = json_array();
	for (size_t t = 0; t < f->ntables; t++) {
		const struct fmt_table *tb = &f->tables[t];
		for (size_t b = 0; b < tb->nblocks; b++) {
			const struct fmt_block *k = &tb->blocks[b];
			for (size_t r = 0; r < k->nlrows; r++) {
				for (size_t c = 0; c < k->nlcols; c++) {
					const char *row = k->lrows[r]->id;
					const char *col = k->lcols[c]->id;
					int d = k->lcols[c]->decimals;
					int64_t v;
					if (cellset_get(cells, tb->id, row, col,
							&v)) {
						continue;
					}
					v = cell_round(v, d);
					json_t *val =
						d == 0 ? json_integer(
								 v / CELL_SCALE)
						       : json_real(
								 (double)v /
								 CELL_SCALE);
					json_array_append_new(
						cs, json_pack("{s:s, s:s, s:s, "
							      "s:o}",
							      "table", tb->id,
							      "row", row, "col",
							      col, "value", val));
				}
			}
		}
	}
	json_object_set_new(j, "cells", cs);
	json_t *ch = json_array();
	for (size_t i = 0; i < nres; i++) {
		json_array_append_new(ch, json_pack("{s:s, s:b, s:s}", "rule",
						    res[i].rule, "ok",
						    res[i].ok, "detail",
						    res[i].detail));
	}
	json_object_set_new(j, "checks", ch);
	json_t *ss = json_array();
	for (size_t i = 0; i < f->nsections; i++) {
		const char *t = text ? text(f->sections[i].id, arg) : NULL;
		json_array_append_new(
			ss, json_pack("{s:s, s:s, s:s}", "id", f->sections[i].id,
				      "title", f->sections[i].title, "text",
				      t ? t : ""));
	}
	json_object_set_new(j, "sections", ss);
	char *s = json_dumps(j, JSON_INDENT(1) | JSON_REAL_PRECISION(12));
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(j);
	buf_free(&title);
}
