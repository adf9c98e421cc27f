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

/* Answers with a stored attachment: its Content-Type, ETag (its SHA-256),
 * 304 on a matching If-None-Match, Content-Disposition inline for PDF and
 * images and attachment otherwise, with an ASCII fallback name and the
 * real (Chinese) name as filename*=UTF-8''... (RFC 6266/5987).
 * public_cache: shared caches may keep it (published items' files). */
struct attachment;
void static_attachment(struct req *r, const struct attachment *a,
		       const Buf *data, int public_cache);

#endif
