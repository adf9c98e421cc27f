/*
 * report_doc.c - format loading and report JSON reading (see
 * report_doc.h).
 */
#include "render/report_doc.h"

#include "base/res.h"
#include "base/str.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char prefix[] = "data/report-formats/";

void report_formats_known(Buf *out)
{
	size_t first = out->n;
	for (size_t i = 0; i < res_nfiles; i++) {
		const char *n = res_files[i].name;
		size_t len = strlen(n);
		if (strncmp(n, prefix, sizeof prefix - 1) == 0 &&
		    len > sizeof prefix + 4 &&
		    strcmp(n + len - 5, ".json") == 0) {
			buf_printf(out, "%s%.*s", out->n > first ? ", " : "",
				   (int)(len - (sizeof prefix - 1) - 5),
				   n + sizeof prefix - 1);
		}
	}
}

int report_format_load(const char *data_dir, const char *id,
		       struct format *f, struct err *e)
{
	Buf path = BUF_INIT, text = BUF_INIT;
	int ok = !str_empty(id) && strlen(id) <= 64;
	for (const char *p = id; ok && *p; p++) {
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		     *p == '-';
	}
	struct err le = {0};
	int rc = -1;
	memset(f, 0, sizeof *f);
	if (ok) {
		buf_printf(&path, "%s%s.json", prefix, id);
		ok = res_load(data_dir, buf_str(&path), &text, &le) == 0;
	}
	if (!ok) {
		Buf known = BUF_INIT;
		report_formats_known(&known);
		err_set(e, ERR_NOTFOUND, "unknown format \"%.64s\" (known: %s)",
			id ? id : "", buf_str(&known));
		buf_free(&known);
	} else if ((rc = format_parse(text.p, text.n, f, e)) != 0) {
		e->code = ERR_INTERNAL; /* a shipped file is broken */
	}
	buf_free(&path);
	buf_free(&text);
	return rc;
}

int report_metric_reg(const char *data_dir, struct metric_reg *r,
		      struct err *e)
{
	Buf known = BUF_INIT;
	report_formats_known(&known);
	int rc = 0;
	for (char *p = known.p; rc == 0 && p && *p;) {
		char *comma = strstr(p, ", ");
		if (comma) {
			*comma = 0;
		}
		struct format f;
		rc = report_format_load(data_dir, p, &f, e);
		if (rc == 0 && metric_reg_add(r, &f, e)) {
			e->code = ERR_INTERNAL;
			rc = -1;
		}
		format_free(&f);
		p = comma ? comma + 2 : NULL;
	}
	buf_free(&known);
	return rc;
}

void report_doc_free(struct report_doc *d)
{
	free(d->format);
	free(d->organ);
	free(d->title);
	cellset_free(&d->cells);
	for (size_t i = 0; i < d->nsections; i++) {
		free(d->section_ids[i]);
		free(d->section_texts[i]);
	}
	free(d->section_ids);
	free(d->section_texts);
	memset(d, 0, sizeof *d);
}

/* A cell value: 0 ok, 1 blank, -1 not a number. */
static int cell_value(json_t *v, int64_t *out)
{
	double d;
	if (!v || json_is_null(v)) {
		return 1;
	}
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		if (i > INT64_MAX / CELL_SCALE || i < -(INT64_MAX / CELL_SCALE)) {
			return -1;
		}
		*out = (int64_t)i * CELL_SCALE;
		return 0;
	}
	if (json_is_real(v)) {
		d = json_real_value(v);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;
		if (str_blank(s)) {
			return 1;
		}
		d = strtod(s, &end);
		while (*end == ' ') {
			end++;
		}
		if (end == s || *end) {
			return -1;
		}
	} else {
		return -1;
	}
	if (!isfinite(d) || fabs(d) > 1e14) {
		return -1;
	}
	*out = (int64_t)llround(d * CELL_SCALE);
	return 0;
}

static char *dup_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? xstrdup(s) : NULL;
}

int report_doc_parse(const char *text, size_t n, struct report_doc *d,
		     struct err *e)
{
	memset(d, 0, sizeof *d);
	json_error_t je;
	json_t *j = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	int rc = -1;
	if (!j) {
		return err_set(e, ERR_INPUT, "line %d: %s", je.line, je.text);
	}
	if (!json_is_object(j) ||
	    !(d->format = dup_str(j, "format"))) {
		err_set(e, ERR_INPUT, "no \"format\" named");
		goto done;
	}
	d->organ = dup_str(j, "organ");
	d->title = dup_str(j, "title");
	d->year = (int)json_integer_value(json_object_get(j, "year"));
	json_t *cells = json_object_get(j, "cells");
	if (!json_is_array(cells)) {
		err_set(e, ERR_INPUT, "\"cells\" must be a list");
		goto done;
	}
	size_t i;
	json_t *c;
	json_array_foreach(cells, i, c) {
		const char *t = json_string_value(json_object_get(c, "table"));
		const char *r = json_string_value(json_object_get(c, "row"));
		const char *k = json_string_value(json_object_get(c, "col"));
		int64_t v = 0, old;
		if (!json_is_object(c) || !t || !r || !k) {
			err_set(e, ERR_INPUT,
				"cells[%zu]: needs table, row and col (strings)",
				i);
			goto done;
		}
		int got = cell_value(json_object_get(c, "value"), &v);
		if (got < 0) {
			err_set(e, ERR_INPUT,
				"cells[%zu] (%.40s/%.60s/%.60s): value is not a "
				"number",
				i, t, r, k);
			goto done;
		}
		if (cellset_get(&d->cells, t, r, k, &old) == 0) {
			err_set(e, ERR_INPUT,
				"cells[%zu]: %.40s/%.60s/%.60s appears twice", i,
				t, r, k);
			goto done;
		}
		if (got == 0) {
			cellset_put(&d->cells, t, r, k, v);
		}
	}
	json_t *secs = json_object_get(j, "sections");
	size_t ns = json_is_array(secs) ? json_array_size(secs) : 0;
	d->section_ids = xcalloc(ns + 1, sizeof *d->section_ids);
	d->section_texts = xcalloc(ns + 1, sizeof *d->section_texts);
	json_array_foreach(secs, i, c) {
		char *id = dup_str(c, "id");
		if (!id) {
			continue;
		}
		char *tx = dup_str(c, "text");
		d->section_ids[d->nsections] = id;
		d->section_texts[d->nsections++] = tx ? tx : xstrdup("");
	}
	rc = 0;
done:
	json_decref(j);
	return rc;
}
