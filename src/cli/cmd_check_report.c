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
#include "render/report_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "gongkai check-report PATH.json";

/* Warns of the file's cells the format does not have; they take no part
 * in the checks. */
static void list_unknown(const struct format *f, const struct cellset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct cell *c = &s->v[i];
		const struct fmt_table *t = format_table(f, c->table);
		if (!t || !format_cell(t, c->row, c->col, NULL, NULL)) {
			printf("unknown: %s/%s/%s\n", c->table, c->row, c->col);
		}
	}
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
	struct report_doc d = {0};
	Buf text = BUF_INIT;
	int rc = 2;
	int got = buf_read_file(&text, argv[1], &e);
	if (got <= 0) {
		if (got == 0) {
			err_set(&e, ERR_INPUT, "no such file: %s", argv[1]);
		}
		goto done;
	}
	struct err pe = {0};
	if (report_doc_parse(text.p, text.n, &d, &pe)) {
		err_set(&e, ERR_INPUT, "%.60s: %s", argv[1], pe.msg);
		goto done;
	}
	if (report_format_load(NULL, d.format, &f, &e)) {
		goto done;
	}
	list_unknown(&f, &d.cells);
	list_blanks(&f, &d.cells);
	struct check_result *res = NULL;
	size_t n = 0;
	size_t bad = crosscheck_run(&f, &d.cells, &res, &n);
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
	buf_free(&text);
	format_free(&f);
	report_doc_free(&d);
	return rc;
}
