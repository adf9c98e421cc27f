/*
 * cmd_export.c - `gongkai export --db FILE --organ NAME KIND [--format
 * csv|json] [--out FILE]`. Items are written with the columns `gongkai
 * import` reads (so an export imports into another installation as it
 * is); JSON adds status, validity and the public URL. Withdrawn items are
 * left out: they are not public and would import as published.
 */
#include "cli/cli.h"

#include "base/csv.h"
#include "base/str.h"
#include "render/html.h"
#include "store/item.h"
#include "store/organ.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai export --db FILE --organ NAME items [--format csv|json] "
	"[--out FILE]";

static void write_csv(Buf *out, const struct item *v, size_t n)
{
	static const char *const hdr[] = {
		"index_no",       "title",          "doc_no",   "category",
		"kind",           "written_date",   "published_date",
		"abolished_date", "channels",       "body"};
	csv_bom(out);
	for (size_t i = 0; i < sizeof hdr / sizeof hdr[0]; i++) {
		csv_field(out, hdr[i], i == 0);
	}
	csv_end_row(out);
	for (size_t i = 0; i < n; i++) {
		char ch[128];
		item_channels_format(v[i].channels, ch, sizeof ch);
		const char *f[] = {v[i].index_no,       v[i].title,
				   v[i].doc_no,         v[i].category_name,
				   item_kind_code(v[i].kind),
				   v[i].written_date,   v[i].published_date,
				   v[i].abolished_date, ch,
				   v[i].body};
		for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
			csv_field(out, f[k], k == 0);
		}
		csv_end_row(out);
	}
}

static void write_json(Buf *out, const struct organ *o, const struct item *v,
		       size_t n)
{
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		char ch[128];
		item_channels_format(v[i].channels, ch, sizeof ch);
		Buf url = BUF_INIT;
		if (v[i].status == ST_PUBLISHED) {
			url_item_path(&url, o->slug, v[i].index_no);
		}
		json_array_append_new(
			items,
			json_pack("{s:s?, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, "
				  "s:s, s:s, s:s, s:s, s:s?}",
				  "index_no", v[i].index_no, "title",
				  v[i].title, "doc_no", v[i].doc_no,
				  "category", v[i].category_name, "kind",
				  item_kind_code(v[i].kind), "written_date",
				  v[i].written_date, "published_date",
				  v[i].published_date, "abolished_date",
				  v[i].abolished_date, "channels", ch, "body",
				  v[i].body ? v[i].body : "", "status",
				  item_status_code(v[i].status), "validity",
				  item_validity_code(v[i].validity), "url",
				  url.n ? buf_str(&url) : NULL));
		buf_free(&url);
	}
	json_t *doc = json_pack("{s:s, s:o}", "organ", o->name, "items", items);
	char *t = json_dumps(doc, JSON_INDENT(1));
	buf_puts(out, t);
	buf_putc(out, '\n');
	free(t);
	json_decref(doc);
}

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"organ", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"out", required_argument, NULL, 'O'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *organ_key = NULL, *format = "csv";
	const char *out_path = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': organ_key = optarg; break;
		case 'f': format = optarg; break;
		case 'O': out_path = optarg; break;
		case ':':
			return cli_usage("export", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("export", usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (!db || !organ_key) {
		return cli_usage("export", usage,
				 "--db FILE and --organ NAME are required");
	}
	if (argc - optind != 1 || strcmp(argv[optind], "items") != 0) {
		return cli_usage("export", usage, "expected KIND: items");
	}
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "csv") != 0) {
		return cli_usage("export", usage,
				 "--format must be csv or json, not '%s'",
				 format);
	}
	struct err e = {0};
	store *st = NULL;
	struct organ o = {0};
	struct item *v = NULL;
	size_t n = 0;
	Buf out = BUF_INIT;
	int rc;
	if (cli_open_organ(db, organ_key, &st, &o, &e)) {
		rc = cli_fail("export", &e);
		goto done;
	}
	struct item_filter f = item_filter_all(o.id);
	f.with_body = 1;
	if (item_list(st, &f, &v, &n, NULL, &e)) {
		rc = cli_fail("export", &e);
		goto done;
	}
	/* withdrawn items are not exported (see the file comment) */
	size_t keep = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].status == ST_WITHDRAWN) {
			item_clear(&v[i]);
		} else {
			v[keep++] = v[i];
		}
	}
	n = keep;
	if (json) {
		write_json(&out, &o, v, n);
	} else {
		write_csv(&out, v, n);
	}
	if (cli_write(out_path, &out, &e)) {
		rc = cli_fail("export", &e);
		goto done;
	}
	rc = 0;
done:
	item_list_free(v, n);
	organ_clear(&o);
	buf_free(&out);
	store_close(st);
	return rc;
}
