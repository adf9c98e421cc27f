/*
 * server.h - the HTTP server: libmicrohttpd with a thread pool on epoll,
 * request limits, keep-alive, an access log line per request and a
 * graceful stop on SIGINT/SIGTERM.
 */
#ifndef GK_SERVER_H
#define GK_SERVER_H

#include "app.h"

/* Serves app until SIGINT or SIGTERM, then finishes the requests in
 * flight and returns 0; -1 with e if the server cannot start. Prints
 * "gongkai: serving http://ADDR:PORT/" on stdout once listening. */
int server_run(struct app *app, struct err *e);

#endif
