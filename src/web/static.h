/*
 * static.h - static assets (static/ in the source tree: CSS, images), held
 * in memory from start-up with a strong ETag each, served under /static/.
 */
#ifndef GK_STATIC_H
#define GK_STATIC_H

#include "web/http.h"

/* Loads every embedded static/ file, preferring data_dir overrides. */
int static_load(const char *data_dir, struct static_set **out,
		struct err *e);
void static_free(struct static_set *s);
/* GET /static/{file}: the file with ETag and caching, 304 when the
 * client's If-None-Match matches, 404 when there is no such file. */
int static_file_page(struct req *r, struct err *e);

#endif
