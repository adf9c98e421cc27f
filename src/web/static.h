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

/* How a record stores a file and reads one back (appfile_add/_get,
 * lawcase_file_add/_get: store/application.h, store/lawcase.h). */
typedef int (*static_add_fn)(store *st, const struct actor *who,
			     int64_t owner_id, const char *name,
			     const char *ctype, const void *data, size_t size,
			     int64_t *id, struct err *e);
typedef int (*static_get_fn)(store *st, int64_t owner_id, int64_t id,
			     struct attachment *out, Buf *data,
			     struct err *e);
/* Stores the file uploaded in form field "file" for record owner_id with
 * add, after the attachment checks (type, content, conf max_attachment),
 * as the signed-in user: 0, or -1 with e. */
int static_upload(struct req *r, static_add_fn add, int64_t owner_id,
		  struct err *e);
/* Answers with file id_text (a path segment) of record owner_id read
 * with get, as static_attachment does (private cache): 0, or -1 with
 * ERR_NOTFOUND when the record has no such file. */
int static_send(struct req *r, static_get_fn get, int64_t owner_id,
		const char *id_text, struct err *e);

#endif
