/*
 * server.c - libmicrohttpd glue: the only file that calls the HTTP
 * library. It reads each request (headers, cookies, query, form body via
 * MHD's post processor) into a struct req, takes a database connection
 * from the pool, calls route_dispatch, and sends the buffered response.
 *
 * MHD calls the access handler several times per request: first with the
 * headers (we only set up our context, so keep-alive survives: queueing a
 * response on the first call makes MHD close the connection), then once
 * per body chunk, then a last time with no data, when we answer.
 */
#include "web/server.h"

#include "base/date.h"
#include "base/log.h"
#include "base/str.h"
#include "web/http.h"
#include "web/route.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
	struct req r;
	struct MHD_PostProcessor *pp;
	uint64_t body_bytes;
	int64_t max;  /* body limit: max_upload for multipart, else max_body */
	int too_big;
	int bad_body;
};

static atomic_uint_fast64_t next_rid = 1;

/* Security headers on every response. */
static const char csp[] =
	"default-src 'self'; img-src 'self' data:; style-src 'self'; "
	"script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
	"form-action 'self'; base-uri 'none'";

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	(void)kind;
	kv_add(cls, key, value ? value : "");
	return MHD_YES;
}

static enum MHD_Result on_post(void *cls, enum MHD_ValueKind kind,
			       const char *key, const char *filename,
			       const char *content_type,
			       const char *transfer_encoding, const char *data,
			       uint64_t off, size_t size)
{
	(void)kind;
	(void)transfer_encoding;
	struct conn *c = cls;
	struct req *r = &c->r;
	if (filename) {
		/* A file: bytes kept as they are, NULs and all. */
		struct upload *u = r->nuploads
					   ? &r->uploads[r->nuploads - 1]
					   : NULL;
		if (off == 0 || !u || strcmp(u->field, key) != 0) {
			r->uploads = xrealloc(r->uploads, (r->nuploads + 1) *
								  sizeof *u);
			u = &r->uploads[r->nuploads++];
			memset(u, 0, sizeof *u);
			u->field = xstrdup(key);
			u->filename = xstrdup(filename);
			u->ctype = xstrdup(content_type ? content_type : "");
		}
		buf_append(&u->data, data, size);
		return MHD_YES;
	}
	struct kvlist *f = &r->form;
	if (size && memchr(data, 0, size)) {
		c->bad_body = 1;
		return MHD_YES;
	}
	if (off > 0 && f->n && strcmp(f->v[f->n - 1].k, key) == 0) {
		struct kv *last = &f->v[f->n - 1];
		size_t old = strlen(last->v);
		last->v = xrealloc(last->v, old + size + 1);
		memcpy(last->v + old, data, size);
		last->v[old + size] = 0;
		return MHD_YES;
	}
	char *v = xstrndup(data ? data : "", size);
	kv_add(f, key, v);
	free(v);
	return MHD_YES;
}

static void client_ip(struct MHD_Connection *mc, char *out, size_t n)
{
	snprintf(out, n, "unknown");
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr) {
		return;
	}
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, (socklen_t)n);
	} else if (sa->sa_family == AF_INET6) {
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  (socklen_t)n);
	}
}

static enum MHD_Result send_resp(struct MHD_Connection *mc, struct req *r)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		r->out.n, r->out.p ? r->out.p : (void *)"",
		MHD_RESPMEM_MUST_COPY);
	if (!resp) {
		return MHD_NO;
	}
	if (r->status != 304) {
		MHD_add_response_header(resp, "Content-Type",
					r->ctype ? r->ctype
						 : "text/plain; charset=utf-8");
	}
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	if (r->no_store) {
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	}
	/* extra headers, "Name: value\r\n" lines */
	char *h = r->hdrs.p;
	while (h && *h) {
		char *eol = strstr(h, "\r\n");
		if (!eol) {
			break;
		}
		*eol = 0;
		char *colon = strchr(h, ':');
		if (colon) {
			*colon = 0;
			MHD_add_response_header(resp, h, colon + 2);
		}
		h = eol + 2;
	}
	enum MHD_Result ok =
		MHD_queue_response(mc, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	int64_t us = date_mono_us() - r->start_us;
	log_msg(LOG_INFO, r->rid, "%s %s %d %zu %lldus", r->method,
		r->path ? r->path : "-", r->status, r->out.n, (long long)us);
	return ok;
}

static enum MHD_Result fail_now(struct MHD_Connection *mc, struct conn *c,
				int status, const char *msg)
{
	struct req *r = &c->r;
	r->status = status;
	r->ctype = "text/plain; charset=utf-8";
	buf_reset(&r->out);
	buf_printf(&r->out, "%d %s\n", status, msg);
	return send_resp(mc, r);
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *mc,
				 const char *url, const char *method,
				 const char *version, const char *upload_data,
				 size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct app *app = cls;
	struct conn *c = *con_cls;
	if (!c) {
		c = xcalloc(1, sizeof *c);
		*con_cls = c;
		struct req *r = &c->r;
		r->app = app;
		r->rid = atomic_fetch_add(&next_rid, 1);
		r->start_us = date_mono_us();
		r->method = method;
		r->path = xstrdup(url);
		int nh = MHD_get_connection_values(mc, MHD_HEADER_KIND, NULL,
						   NULL);
		if (nh > app->conf.max_headers) {
			return fail_now(mc, c, 431,
					"Request Header Fields Too Large");
		}
		const char *cl = MHD_lookup_connection_value(
			mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		int64_t len;
		const char *ct = MHD_lookup_connection_value(
			mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
		c->max = ct && strncasecmp(ct, "multipart/form-data", 19) == 0
				 ? app->conf.max_upload
				 : app->conf.max_body;
		if (cl && (str_to_i64(cl, 0, INT64_MAX, &len) || len > c->max)) {
			return fail_now(mc, c, 413, "Payload Too Large");
		}
		c->pp = MHD_create_post_processor(mc, 16384, on_post, c);
		return MHD_YES;
	}
	struct req *r = &c->r;
	if (*upload_data_size) {
		c->body_bytes += *upload_data_size;
		if (c->body_bytes > (uint64_t)c->max) {
			c->too_big = 1;
		} else if (!c->too_big && !c->bad_body) {
			if (c->pp) {
				if (MHD_post_process(c->pp, upload_data,
						     *upload_data_size) !=
				    MHD_YES) {
					c->bad_body = 1;
				}
			} else {
				buf_append(&r->body_in, upload_data,
					   *upload_data_size);
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (c->too_big) {
		return fail_now(mc, c, 413, "Payload Too Large");
	}
	if (c->bad_body) {
		return fail_now(mc, c, 400, "Bad Request: malformed body");
	}
	MHD_get_connection_values(mc, MHD_HEADER_KIND, collect_kv, &r->headers);
	MHD_get_connection_values(mc, MHD_COOKIE_KIND, collect_kv, &r->cookies);
	MHD_get_connection_values(mc, MHD_GET_ARGUMENT_KIND, collect_kv,
				  &r->query);
	client_ip(mc, r->ip, sizeof r->ip);
	const char *proto = req_header(r, "X-Forwarded-Proto");
	r->https = proto && strcmp(proto, "https") == 0;
	struct err e = {0};
	r->st = store_pool_get(app->pool, &e);
	if (!r->st) {
		log_msg(LOG_ERROR, r->rid, "database: %s", e.msg);
		return fail_now(mc, c, 503, "Service Unavailable");
	}
	route_dispatch(r);
	store_pool_put(app->pool, r->st);
	r->st = NULL;
	return send_resp(mc, r);
}

static void on_done(void *cls, struct MHD_Connection *mc, void **con_cls,
		    enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)mc;
	(void)toe;
	struct conn *c = *con_cls;
	if (!c) {
		return;
	}
	if (c->pp) {
		MHD_destroy_post_processor(c->pp);
	}
	req_free(&c->r);
	free(c);
	*con_cls = NULL;
}

/* Parses "ADDR:PORT" / "[V6]:PORT" into a socket address. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss,
			socklen_t *len, struct err *e)
{
	char host[128], port[16];
	const char *colon;
	if (spec[0] == '[') {
		const char *rb = strchr(spec, ']');
		if (!rb || rb[1] != ':') {
			goto bad;
		}
		snprintf(host, sizeof host, "%.*s", (int)(rb - spec - 1),
			 spec + 1);
		colon = rb + 1;
	} else {
		colon = strrchr(spec, ':');
		if (!colon) {
			goto bad;
		}
		snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
	}
	snprintf(port, sizeof port, "%s", colon + 1);
	int64_t pn;
	if (str_to_i64(port, 0, 65535, &pn)) {
		goto bad;
	}
	struct addrinfo hints = {0}, *res = NULL;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host[0] ? host : NULL, port, &hints, &res) != 0 ||
	    !res) {
		goto bad;
	}
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
bad:
	return err_set(e, ERR_INPUT,
		       "listen address '%s': expected ADDR:PORT, e.g. "
		       "127.0.0.1:8080 or [::1]:8080",
		       spec);
}

int server_run(struct app *app, struct err *e)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	if (parse_listen(app->conf.listen, &ss, &sslen, e)) {
		return -1;
	}
	unsigned threads = (unsigned)app->conf.threads;
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 ? (unsigned)n : 2;
	}
	/* Signals are taken by sigwait below; block them in every thread. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 MHD_USE_ERROR_LOG;
	if (ss.ss_family == AF_INET6) {
		flags |= MHD_USE_IPv6;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, 0, NULL, NULL, on_access, app, MHD_OPTION_SOCK_ADDR,
		(struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_LIMIT,
		(unsigned)app->conf.max_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)app->conf.timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
		MHD_OPTION_END);
	if (!d) {
		return err_set(e, ERR_INTERNAL,
			       "cannot listen on %s (address in use or not "
			       "available)",
			       app->conf.listen);
	}
	const union MHD_DaemonInfo *di =
		MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = di ? di->port : 0;
	char host[128];
	if (ss.ss_family == AF_INET6) {
		char a[64];
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr,
			  a, sizeof a);
		snprintf(host, sizeof host, "[%s]", a);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr,
			  host, sizeof host);
	}
	printf("gongkai: serving http://%s:%u/\n", host, port);
	fflush(stdout);
	log_msg(LOG_INFO, 0, "listening on %s:%u with %u threads", host, port,
		threads);

	int sig = -1;
	while (sig < 0) {
		if (app->tick) {
			app->tick(app);
		}
		struct timespec ts = {app->tick_seconds > 0 ? app->tick_seconds
							    : 30,
				      0};
		sig = sigtimedwait(&set, NULL, &ts);
	}
	log_msg(LOG_INFO, 0, "signal %d: finishing requests in flight", sig);
	MHD_stop_daemon(d);
	log_msg(LOG_INFO, 0, "stopped");
	return 0;
}
