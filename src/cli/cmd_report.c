/*
 * cmd_report.c - `gongkai report --db FILE --organ NAME --year YYYY
 * --format ID --out PATH` (DESIGN.md §6): computes an organ's annual
 * report for a year in a format from its records and baselines, runs the
 * format's cross-checks, and writes the file; the type comes from PATH's
 * extension. The file is always written, with `checks` saying what
 * failed. With --rollup every cell is the sum over the organ and all its
 * descendant organs (the county roll-up, store/metric.h). Types: .json
 * (DESIGN.md §6), .html (a standalone document with the official
 * merged-cell tables), .md (Markdown, tables flattened) and the office
 * files of render/report_office.h's writer table (.docx: Word in
 * GB/T 9704-2012 layout; .pdf: the same pages, fonts embedded; .xlsx:
 * a sheet per table, numbers as numbers).
 */
#include "cli/cli.h"

#include "base/date.h"
#include "base/str.h"
#include "render/report_html.h"
#include "render/report_doc.h"
#include "render/report_json.h"
#include "render/report_md.h"
#include "render/report_office.h"
#include "store/metric.h"
#include "store/organ.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"gongkai report --db FILE --organ NAME --year YYYY --format ID "
	"--out PATH [--rollup]\n"
	"  PATH ends in .json, .html, .md, .docx, .pdf or .xlsx";

enum out_type { OUT_JSON, OUT_HTML, OUT_MD, OUT_OFFICE };

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"organ", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, 'y'},
		{"format", required_argument, NULL, 'f'},
		{"out", required_argument, NULL, 'p'},
		{"rollup", no_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *organ_key = NULL, *ys = NULL, *fid = NULL,
		   *out = NULL;
	int c, rollup = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': organ_key = optarg; break;
		case 'y': ys = optarg; break;
		case 'f': fid = optarg; break;
		case 'p': out = optarg; break;
		case 'r': rollup = 1; break;
		case ':':
			return cli_usage("report", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("report", usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (!db || !organ_key || !ys || !fid || !out || optind != argc) {
		return cli_usage("report", usage,
				 "--db, --organ, --year, --format and --out "
				 "are required");
	}
	int64_t year;
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	if (str_to_i64(ys, 1990, y, &year)) {
		return cli_usage("report", usage,
				 "--year must be a year from 1990 to %d", y);
	}
	const char *ext = strrchr(out, '.');
	const struct report_writer *w = ext ? report_writer_find(ext + 1) : NULL;
	enum out_type type;
	if (ext && strcmp(ext, ".json") == 0) {
		type = OUT_JSON;
	} else if (ext && strcmp(ext, ".html") == 0) {
		type = OUT_HTML;
	} else if (ext && strcmp(ext, ".md") == 0) {
		type = OUT_MD;
	} else if (w) {
		type = OUT_OFFICE;
	} else {
		return cli_usage("report", usage,
				 "%s: the output type comes from the "
				 "extension: .json, .html, .md, .docx, .pdf "
				 "or .xlsx",
				 out);
	}
	struct err e = {0};
	struct format f = {0};
	struct cellset cells = {0};
	struct mvals mv = {0};
	struct organ o = {0};
	struct check_result *res = NULL;
	size_t nres = 0;
	store *st = NULL;
	Buf text = BUF_INIT, css = BUF_INIT;
	int rc;
	if (report_format_load(NULL, fid, &f, &e) ||
	    cli_open_organ(db, organ_key, &st, &o, &e) ||
	    metric_report_cells(st, o.id, rollup, &f, (int)year, &mv, &cells,
				&e)) {
		rc = cli_fail("report", &e);
		goto done;
	}
	crosscheck_run(&f, &cells, &res, &nres);
	if (type == OUT_JSON) {
		report_json(&f, o.name, (int)year, &cells, res, nres, NULL,
			    NULL, &text);
	} else if (type == OUT_MD) {
		report_md(&f, o.name, (int)year, &cells, NULL, NULL, &text);
	} else if (type == OUT_OFFICE) {
		struct report_out ro = {.f = &f,
					.organ = o.name,
					.year = (int)year,
					.cells = &cells,
					.res = res,
					.nres = nres};
		if (w->fn(&ro, &text, &e)) {
			rc = cli_fail("report", &e);
			goto done;
		}
	} else {
		if (report_html_css(NULL, &css, &e)) {
			rc = cli_fail("report", &e);
			goto done;
		}
		report_html_document(&f, o.name, (int)year, &cells, NULL,
				     NULL, buf_str(&css), &text);
	}
	if (cli_write(out, &text, &e)) {
		rc = cli_fail("report", &e);
		goto done;
	}
	size_t bad = 0;
	for (size_t i = 0; i < nres; i++) {
		bad += !res[i].ok;
	}
	printf("wrote %s: %s %lld, %s, %zu cells, %zu of %zu checks failed\n",
	       out, o.name, (long long)year, f.id, cells.n, bad, nres);
	rc = 0;
done:
	free(res);
	buf_free(&text);
	buf_free(&css);
	cellset_free(&cells);
	mvals_free(&mv);
	format_free(&f);
	organ_clear(&o);
	store_close(st);
	return rc;
}
