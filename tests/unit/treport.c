/*
 * treport.c - the office writers' test report (see treport.h).
 */
#include "treport.h"

#include "render/report_doc.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

int treport_make(struct treport *x)
{
	struct err e = {0};
	memset(x, 0, sizeof *x);
	if (report_format_load(NULL, "cn-2021", &x->f, &e)) {
		return -1;
	}
	cellset_put(&x->cells, "applications", "new", "natural",
		    3 * CELL_SCALE);
	cellset_put(&x->cells, "applications", "carried_out", "natural",
		    3 * CELL_SCALE);
	cellset_put(&x->cells, "applications", "new", "total",
		    2 * CELL_SCALE);
	cellset_put(&x->cells, "applications", "carried_out", "total",
		    2 * CELL_SCALE);
	cellset_put(&x->cells, "active", "penalty", "decisions",
		    7 * CELL_SCALE);
	cellset_put(&x->cells, "active", "fees", "amount", 12346);
	cellset_put(&x->cells, "cases", "all", "review.upheld", CELL_SCALE);
	cellset_put(&x->cells, "cases", "all", "review.total", CELL_SCALE);
	x->bad = crosscheck_run(&x->f, &x->cells, &x->res, &x->nres);
	return 0;
}

void treport_free(struct treport *x)
{
	free(x->res);
	cellset_free(&x->cells);
	format_free(&x->f);
}

char *treport_member(const Buf *b, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(b->p, b->n, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		zip_source_free(src);
		return NULL;
	}
	zip_stat_t st;
	char *out = NULL;
	zip_file_t *f = NULL;
	if (zip_stat(za, name, 0, &st) == 0 &&
	    (f = zip_fopen(za, name, 0)) != NULL) {
		out = calloc(1, (size_t)st.size + 1);
		if (zip_fread(f, out, st.size) != (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		zip_fclose(f);
	}
	zip_close(za);
	return out;
}
