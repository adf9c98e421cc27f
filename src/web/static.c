/*
 * static.c - static assets (see static.h).
 */
#include "web/static.h"

#include "base/crypto.h"
#include "base/res.h"
#include "base/str.h"
#include "domain/item.h"
#include "render/html.h"
#include "store/item.h"
#include "web/auth.h"

#include <stdio.h>
#include <string.h>

struct asset {
	char *name; /* without the "static/" prefix */
	Buf body;
	char etag[24];
	const char *ctype;
};

struct static_set {
	struct asset *v;
	size_t n;
};

static const char *ctype_of(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".ico", "image/x-icon"},
		{".txt", "text/plain; charset=utf-8"},
		{".woff2", "font/woff2"},
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(dot, types[i].ext) == 0) {
			return types[i].type;
		}
	}
	return "application/octet-stream";
}

int static_load(const char *data_dir, struct static_set **out,
		struct err *e)
{
	struct static_set *s = xcalloc(1, sizeof *s);
	s->v = xcalloc(res_nfiles ? res_nfiles : 1, sizeof *s->v);
	for (size_t i = 0; i < res_nfiles; i++) {
		const char *name = res_files[i].name;
		if (!str_has_prefix(name, "static/")) {
			continue;
		}
		struct asset *a = &s->v[s->n++];
		a->name = xstrdup(name + strlen("static/"));
		a->ctype = ctype_of(name);
		if (res_load(data_dir, name, &a->body, e)) {
			static_free(s);
			return -1;
		}
		char h[65];
		crypto_sha256_hex(a->body.p ? a->body.p : "", a->body.n, h);
		snprintf(a->etag, sizeof a->etag, "\"%.16s\"", h);
	}
	*out = s;
	return 0;
}

void static_free(struct static_set *s)
{
	if (!s) {
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		buf_free(&s->v[i].body);
	}
	free(s->v);
	free(s);
}

int static_file_page(struct req *r, struct err *e)
{
	const struct static_set *s = r->app->statics;
	const char *name = r->cap[0];
	for (size_t i = 0; name && i < s->n; i++) {
		const struct asset *a = &s->v[i];
		if (strcmp(a->name, name) != 0) {
			continue;
		}
		r->no_store = 0;
		resp_header(r, "ETag", a->etag);
		resp_header(r, "Cache-Control", "public, max-age=3600");
		const char *inm = req_header(r, "If-None-Match");
		if (inm && strstr(inm, a->etag)) {
			r->status = 304;
			return 0;
		}
		r->status = 200;
		r->ctype = a->ctype;
		buf_append(&r->out, a->body.p ? a->body.p : "", a->body.n);
		return 0;
	}
	return err_set(e, ERR_NOTFOUND, "找不到文件。");
}

void static_attachment(struct req *r, const struct attachment *a,
		       const Buf *data, int public_cache)
{
	char etag[72];
	snprintf(etag, sizeof etag, "\"%s\"", a->sha256);
	r->no_store = 0;
	resp_header(r, "ETag", etag);
	resp_header(r, "Cache-Control", public_cache ? "public, max-age=3600"
						     : "private, max-age=300");
	const char *inm = req_header(r, "If-None-Match");
	if (inm && strstr(inm, etag)) {
		r->status = 304;
		return;
	}
	/* ASCII fallback: the name with every non-ASCII or unsafe byte as
	 * '_', keeping the extension readable. */
	Buf cd = BUF_INIT;
	buf_puts(&cd, item_attachment_inline(a->ctype) ? "inline"
						     : "attachment");
	buf_puts(&cd, "; filename=\"");
	for (const char *p = a->name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		buf_putc(&cd, c < 0x80 && c >= ' ' && c != '"' && c != '\\' &&
				      c != ';'
				      ? (char)c
				      : '_');
	}
	buf_puts(&cd, "\"; filename*=UTF-8''");
	url_encode(&cd, a->name);
	resp_header(r, "Content-Disposition", buf_str(&cd));
	buf_free(&cd);
	r->status = 200;
	r->ctype = item_attachment_ctype(a->ctype);
	buf_append(&r->out, data->p ? data->p : "", data->n);
}

int static_upload(struct req *r, static_add_fn add, int64_t owner_id,
		  struct err *e)
{
	const struct upload *u = req_upload(r, "file");
	const char *ctype = NULL;
	struct actor who = auth_actor(r);
	int64_t id;
	if (!u) {
		return err_set(e, ERR_INPUT, "请选择要上传的文件");
	}
	if (item_attachment_check(u->filename, u->data.p, u->data.n,
				  r->app->conf.max_attachment, &ctype, e) ||
	    add(r->st, &who, owner_id, u->filename, ctype, u->data.p,
		u->data.n, &id, e)) {
		return -1;
	}
	return 0;
}

int static_send(struct req *r, static_get_fn get, int64_t owner_id,
		const char *id_text, struct err *e)
{
	struct attachment f = {0};
	Buf data = BUF_INIT;
	int64_t id;
	int rc = str_to_i64(id_text, 1, INT64_MAX, &id)
			 ? 0
			 : get(r->st, owner_id, id, &f, &data, e);
	if (rc == 0) {
		err_set(e, ERR_NOTFOUND, "没有这个文件。");
	}
	if (rc == 1) {
		static_attachment(r, &f, &data, 0);
		attachment_clear(&f);
	}
	buf_free(&data);
	return rc == 1 ? 0 : -1;
}
