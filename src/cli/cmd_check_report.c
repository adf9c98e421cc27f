/*
 * cmd_check_report.c - `gongkai check-report PATH.json` (DESIGN.md §6):
 * recomputes every cross-check of the format a report JSON names from its
 * cells, so a county office can audit any department's report, including
 * one typed in from a published page. Prints `RULE: detail` per
 * violation and `blank: TABLE/ROW/COL` per cell the file leaves out
 * (counted as 0); exit 0 when all checks hold, 1 when one does not, 2
 * when the file is unreadable or names no known format.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/res.h"
#include "base/str.h"
#include "domain/crosscheck.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "gongkai check-report PATH.json";

/* A cell value: a JSON number, or a string holding one ("1,234" is not
 * one); NULL = blank. 0 ok, 1 blank, -1 not a number. */
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

/* Reads the file's cells into s (after checking each names a cell of f,
 * warning otherwise). -1 with e when the file is unreadable. */
static int read_cells(json_t *cells, const struct format *f,
		      struct cellset *s, struct err *e)
{
	if (!json_is_array(cells)) {
		return err_set(e, ERR_INPUT, "\"cells\" must be a list");
	}
	size_t i;
	json_t *c;
	json_array_foreach(cells, i, c) {
		const char *t = json_string_value(json_object_get(c, "table"));
		const char *r = json_string_value(json_object_get(c, "row"));
		const char *k = json_string_value(json_object_get(c, "col"));
		int64_t v = 0;
		if (!json_is_object(c) || !t || !r || !k) {
			return err_set(e, ERR_INPUT,
				       "cells[%zu]: needs table, row and col "
				       "(strings)",
				       i);
		}
		int got = cell_value(json_object_get(c, "value"), &v);
		if (got < 0) {
			return err_set(e, ERR_INPUT,
				       "cells[%zu] (%.40s/%.60s/%.60s): value is "
				       "not a number",
				       i, t, r, k);
		}
		const struct fmt_table *ft = format_table(f, t);
		if (!ft || !format_cell(ft, r, k, NULL, NULL)) {
			printf("unknown: %s/%s/%s\n", t, r, k);
			continue;
		}
		int64_t old;
		if (cellset_get(s, t, r, k, &old) == 0) {
			return err_set(e, ERR_INPUT,
				       "cells[%zu]: %.40s/%.60s/%.60s appears "
				       "twice",
				       i, t, r, k);
		}
		if (got == 0) {
			cellset_put(s, t, r, k, v);
		}
	}
	return 0;
}

static void list_blanks(const struct format *f, const struct cellset *s)
{
	for (size_t i = 0; i < f->ntables; i++) {
		const struct fmt_table *t = &f->tables[i];
		for (size_t b = 0; b < t->nblocks; b++) {
			const struct fmt_block *k = &t->blocks[b];
			for (size_t r = 0; r < k->nlrows; r++) {
				for (size_t c = 0; c < k->nlcols; c++) {
					int64_t v;
					if (cellset_get(s, t->id,
							k->lrows[r]->id,
							k->lcols[c]->id,
							&v) < 0) {
						printf("blank: %s/%s/%s\n",
						       t->id, k->lrows[r]->id,
						       k->lcols[c]->id);
					}
				}
			}
		}
	}
}

int cmd_check_report(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		return cli_usage("check-report", usage,
				 "expected one report file");
	}
	struct err e = {0};
	struct format f = {0};
	struct cellset s = {0};
	json_error_t je;
	int rc = 2;
	json_t *j = json_load_file(argv[1], JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		err_set(&e, ERR_INPUT, "%s: line %d: %s", argv[1], je.line,
			je.text);
		goto done;
	}
	const char *fid = json_string_value(json_object_get(j, "format"));
	if (!json_is_object(j) || !fid) {
		err_set(&e, ERR_INPUT, "%s: no \"format\" named", argv[1]);
		goto done;
	}
	if (cli_load_format(fid, &f, &e) ||
	    read_cells(json_object_get(j, "cells"), &f, &s, &e)) {
		goto done;
	}
	list_blanks(&f, &s);
	struct check_result *res = NULL;
	size_t n = 0;
	size_t bad = crosscheck_run(&f, &s, &res, &n);
	for (size_t i = 0; i < n; i++) {
		if (!res[i].ok) {
			printf("%s: %s\n", res[i].rule, res[i].detail);
		}
	}
	free(res);
	rc = bad ? 1 : 0;
done:
	if (rc == 2) {
		rc = cli_fail("check-report", &e);
		if (rc != 2 && e.code != ERR_INTERNAL) {
			rc = 2;
		}
	}
	json_decref(j);
	format_free(&f);
	cellset_free(&s);
	return rc;
}
