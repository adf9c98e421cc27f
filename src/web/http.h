/*
 * http.h - the request context handed to every handler, and the response it
 * builds. The whole response is buffered: status, headers and body are
 * decided before anything is sent (so an error can replace a half-built
 * page). server.c fills the request from libmicrohttpd and sends the
 * response; nothing else in gongkai touches the HTTP library.
 */
#ifndef GK_HTTP_H
#define GK_HTTP_H

#include "app.h"
#include "base/buf.h"
#include "base/err.h"
#include "store/user.h"

#include <stddef.h>
#include <stdint.h>

struct kv {
	char *k, *v;
};

struct kvlist {
	struct kv *v;
	size_t n, cap;
};

#define REQ_MAXCAP 4

/* A file sent in a multipart/form-data body. */
struct upload {
	char *field, *filename, *ctype;
	Buf data;
};

struct req {
	struct app *app;
	store *st;            /* this request's connection (from the pool) */
	uint64_t rid;         /* request id, in every log line */
	int64_t start_us;
	const char *method;   /* "GET", "HEAD", "POST", ... */
	char *path;           /* decoded path, no query */
	char ip[64];
	int https;            /* arrived over HTTPS (X-Forwarded-Proto) */
	struct kvlist headers, query, form, cookies;
	struct kvlist params; /* declared, validated parameters only */
	char *cap[REQ_MAXCAP]; /* {name} captures of the route pattern */
	Buf body_in;          /* raw body when it is not a form */
	struct upload *uploads; /* files of a multipart form */
	size_t nuploads;

	/* who is asking */
	int logged_in;
	struct user user;
	int64_t sid;
	char sess_hash[65];   /* SHA-256 hex of the session token */
	char anon[65];        /* anonymous CSRF cookie value */

	/* the response */
	int status;
	const char *ctype;
	Buf out;
	Buf hdrs;             /* extra header lines "Name: value\r\n" */
	int no_store;         /* Cache-Control: no-store (default for HTML) */
};

/* Appends to a kv list (copies both strings). */
void kv_add(struct kvlist *l, const char *k, const char *v);
/* First value for k (case-sensitive), or NULL. */
const char *kv_get(const struct kvlist *l, const char *k);
/* Same, ASCII case-insensitive (header names). */
const char *kv_get_ci(const struct kvlist *l, const char *k);
void kv_free(struct kvlist *l);

/* Lookups on the request. */
const char *req_header(const struct req *r, const char *name);
const char *req_cookie(const struct req *r, const char *name);
/* A declared parameter (route.c validated it), or NULL. */
const char *req_param(const struct req *r, const char *name);
/* A declared parameter, or "" when absent. */
const char *req_param_s(const struct req *r, const char *name);
/* The i-th value (from 0) of a declared parameter sent several times
 * (check boxes), or NULL past the last. */
const char *req_param_nth(const struct req *r, const char *name, size_t i);
/* The first uploaded file of form field `field`, or NULL. */
const struct upload *req_upload(const struct req *r, const char *field);

/* Response helpers. */
void resp_header(struct req *r, const char *name, const char *value);
/* Sets a cookie with HttpOnly; SameSite=Strict; Path=/ (+Secure behind
 * HTTPS or when configured). max_age < 0: session cookie; 0: delete. */
void resp_cookie(struct req *r, const char *name, const char *value,
		 int64_t max_age);
/* 303 See Other to a local path. */
void resp_redirect(struct req *r, const char *location);
/* Sets a JSON body (copied) with status. */
void resp_json(struct req *r, int status, const char *json);

/* Frees everything a request holds. */
void req_free(struct req *r);

#endif
