/*
 * http.c - request lookups and response helpers (see http.h).
 */
#include "web/http.h"

#include "base/str.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void kv_add(struct kvlist *l, const char *k, const char *v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].k = xstrdup(k ? k : "");
	l->v[l->n].v = xstrdup(v ? v : "");
	l->n++;
}

const char *kv_get(const struct kvlist *l, const char *k)
{
	for (size_t i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].k, k) == 0) {
			return l->v[i].v;
		}
	}
	return NULL;
}

const char *kv_get_ci(const struct kvlist *l, const char *k)
{
	for (size_t i = 0; i < l->n; i++) {
		if (strcasecmp(l->v[i].k, k) == 0) {
			return l->v[i].v;
		}
	}
	return NULL;
}

void kv_free(struct kvlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].k);
		free(l->v[i].v);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

const char *req_header(const struct req *r, const char *name)
{
	return kv_get_ci(&r->headers, name);
}

const char *req_cookie(const struct req *r, const char *name)
{
	return kv_get(&r->cookies, name);
}

const char *req_param(const struct req *r, const char *name)
{
	return kv_get(&r->params, name);
}

const char *req_param_s(const struct req *r, const char *name)
{
	const char *v = kv_get(&r->params, name);
	return v ? v : "";
}

const char *req_param_nth(const struct req *r, const char *name, size_t i)
{
	for (size_t k = 0; k < r->params.n; k++) {
		if (strcmp(r->params.v[k].k, name) == 0 && i-- == 0) {
			return r->params.v[k].v;
		}
	}
	return NULL;
}

const struct upload *req_upload(const struct req *r, const char *field)
{
	for (size_t i = 0; i < r->nuploads; i++) {
		if (strcmp(r->uploads[i].field, field) == 0) {
			return &r->uploads[i];
		}
	}
	return NULL;
}

void resp_header(struct req *r, const char *name, const char *value)
{
	/* Header values never carry CR/LF: drop the header instead. */
	if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n")) {
		return;
	}
	buf_printf(&r->hdrs, "%s: %s\r\n", name, value);
}

void resp_cookie(struct req *r, const char *name, const char *value,
		 int64_t max_age)
{
	Buf c = BUF_INIT;
	buf_printf(&c, "%s=%s; Path=/; HttpOnly; SameSite=Strict", name,
		   value);
	if (max_age >= 0) {
		buf_printf(&c, "; Max-Age=%lld", (long long)max_age);
	}
	int secure = r->app->conf.cookie_secure == COOKIE_SECURE_ON ||
		     (r->app->conf.cookie_secure == COOKIE_SECURE_AUTO &&
		      r->https);
	if (secure) {
		buf_puts(&c, "; Secure");
	}
	resp_header(r, "Set-Cookie", buf_str(&c));
	buf_free(&c);
}

void resp_redirect(struct req *r, const char *location)
{
	r->status = 303;
	resp_header(r, "Location", location);
	buf_reset(&r->out);
	r->ctype = "text/plain; charset=utf-8";
}

void resp_json(struct req *r, int status, const char *json)
{
	r->status = status;
	r->ctype = "application/json; charset=utf-8";
	buf_reset(&r->out);
	buf_puts(&r->out, json);
	buf_putc(&r->out, '\n');
}

void req_free(struct req *r)
{
	free(r->path);
	kv_free(&r->headers);
	kv_free(&r->query);
	kv_free(&r->form);
	kv_free(&r->cookies);
	kv_free(&r->params);
	for (int i = 0; i < REQ_MAXCAP; i++) {
		free(r->cap[i]);
	}
	buf_free(&r->body_in);
	for (size_t i = 0; i < r->nuploads; i++) {
		free(r->uploads[i].field);
		free(r->uploads[i].filename);
		free(r->uploads[i].ctype);
		buf_free(&r->uploads[i].data);
	}
	free(r->uploads);
	buf_free(&r->out);
	buf_free(&r->hdrs);
	user_clear(&r->user);
}
