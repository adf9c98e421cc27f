/*
 * conf.c - settings table, parsing and validation (see conf.h). To add a
 * key: add a field to struct conf, a row to `keys`, a default in
 * conf_defaults() and a line in docs/config.md.
 */
#include "base/conf.h"

#include "base/buf.h"
#include "base/str.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_STR, K_INT, K_COOKIE };

static const struct key {
	const char *name;
	enum kind kind;
	size_t off;
	size_t size;       /* K_STR: buffer size */
	int64_t min, max;  /* K_INT */
} keys[] = {
	{"db", K_STR, offsetof(struct conf, db), 1024, 0, 0},
	{"listen", K_STR, offsetof(struct conf, listen), 128, 0, 0},
	{"data_dir", K_STR, offsetof(struct conf, data_dir), 1024, 0, 0},
	{"log_file", K_STR, offsetof(struct conf, log_file), 1024, 0, 0},
	{"log_level", K_STR, offsetof(struct conf, log_level), 16, 0, 0},
	{"threads", K_INT, offsetof(struct conf, threads), 0, 0, 256},
	{"max_connections", K_INT, offsetof(struct conf, max_connections), 0,
	 1, 65536},
	{"max_body", K_INT, offsetof(struct conf, max_body), 0, 1024,
	 1073741824},
	{"max_upload", K_INT, offsetof(struct conf, max_upload), 0, 1024,
	 1073741824},
	{"max_attachment", K_INT, offsetof(struct conf, max_attachment), 0, 1,
	 1073741824},
	{"max_headers", K_INT, offsetof(struct conf, max_headers), 0, 8, 1000},
	{"timeout", K_INT, offsetof(struct conf, timeout), 0, 1, 3600},
	{"session_hours", K_INT, offsetof(struct conf, session_hours), 0, 1,
	 720},
	{"login_max_failures", K_INT,
	 offsetof(struct conf, login_max_failures), 0, 1, 1000},
	{"login_window_minutes", K_INT,
	 offsetof(struct conf, login_window_minutes), 0, 1, 1440},
	{"cookie_secure", K_COOKIE, offsetof(struct conf, cookie_secure), 0, 0,
	 0},
	{"fee_stops_clock", K_INT, offsetof(struct conf, fee_stops_clock), 0,
	 0, 1},
	{"fee_payment_days", K_INT, offsetof(struct conf, fee_payment_days),
	 0, 1, 60},
	{"apply_per_hour", K_INT, offsetof(struct conf, apply_per_hour), 0, 0,
	 1000},
	{"reminder_days", K_INT, offsetof(struct conf, reminder_days), 0, 0,
	 20},
	{"base_url", K_STR, offsetof(struct conf, base_url), 256, 0, 0},
};
#define NKEYS (sizeof keys / sizeof keys[0])

void conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->db, sizeof c->db, "gongkai.db");
	snprintf(c->listen, sizeof c->listen, "127.0.0.1:8080");
	snprintf(c->log_level, sizeof c->log_level, "info");
	c->threads = 0;
	c->max_connections = 512;
	c->max_body = 1048576;
	c->max_upload = 62914560;
	c->max_attachment = 52428800;
	c->max_headers = 64;
	c->timeout = 30;
	c->session_hours = 8;
	c->login_max_failures = 5;
	c->login_window_minutes = 15;
	c->cookie_secure = COOKIE_SECURE_AUTO;
	c->fee_payment_days = 20;
	c->apply_per_hour = 5;
	c->reminder_days = 3;
}

int conf_set(struct conf *c, const char *key, const char *value,
	     struct err *e)
{
	for (size_t i = 0; i < NKEYS; i++) {
		const struct key *k = &keys[i];
		if (strcmp(k->name, key) != 0) {
			continue;
		}
		char *field = (char *)c + k->off;
		switch (k->kind) {
		case K_STR:
			if (strlen(value) >= k->size) {
				return err_set(e, ERR_INPUT,
					       "%s: value too long", key);
			}
			if (strcmp(key, "log_level") == 0 &&
			    !str_eq(value, "debug") && !str_eq(value, "info") &&
			    !str_eq(value, "warn") && !str_eq(value, "error")) {
				return err_set(e, ERR_INPUT,
					       "log_level: expected debug, info, "
					       "warn or error, not '%s'",
					       value);
			}
			memcpy(field, value, strlen(value) + 1);
			return 0;
		case K_INT: {
			int64_t v;
			if (str_to_i64(value, k->min, k->max, &v)) {
				return err_set(e, ERR_INPUT,
					       "%s: expected a whole number "
					       "from %lld to %lld, not '%s'",
					       key, (long long)k->min,
					       (long long)k->max, value);
			}
			memcpy(field, &v, sizeof v);
			return 0;
		}
		case K_COOKIE: {
			enum cookie_secure v;
			if (str_eq(value, "auto")) {
				v = COOKIE_SECURE_AUTO;
			} else if (str_eq(value, "on")) {
				v = COOKIE_SECURE_ON;
			} else if (str_eq(value, "off")) {
				v = COOKIE_SECURE_OFF;
			} else {
				return err_set(e, ERR_INPUT,
					       "cookie_secure: expected auto, "
					       "on or off, not '%s'",
					       value);
			}
			memcpy(field, &v, sizeof v);
			return 0;
		}
		}
	}
	return err_set(e, ERR_INPUT, "unknown setting '%s'", key);
}

int conf_parse(struct conf *c, const char *name, const char *text,
	       struct err *e)
{
	char *copy = xstrdup(text);
	int line = 0, rc = 0;
	char *save = NULL;
	for (char *ln = copy; ln; ln = save) {
		char *nl = strchr(ln, '\n');
		save = nl ? nl + 1 : NULL;
		if (nl) {
			*nl = 0;
		}
		line++;
		str_trim(ln);
		if (!*ln || *ln == '#') {
			continue;
		}
		char *eq = strchr(ln, '=');
		if (!eq) {
			rc = err_set(e, ERR_INPUT,
				     "%s:%d: expected 'key = value'", name,
				     line);
			break;
		}
		*eq = 0;
		char *key = str_trim(ln);
		char *val = str_trim(eq + 1);
		struct err sub = {0};
		if (conf_set(c, key, val, &sub)) {
			rc = err_set(e, ERR_INPUT, "%s:%d: %s", name, line,
				     sub.msg);
			break;
		}
	}
	free(copy);
	return rc;
}

int conf_load_file(struct conf *c, const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		return err_set(e, ERR_INPUT, "cannot read config file %s: %s",
			       path, strerror(errno));
	}
	Buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_append(&b, chunk, n);
	}
	fclose(f);
	int rc = conf_parse(c, path, buf_str(&b), e);
	buf_free(&b);
	return rc;
}

int conf_load_env(struct conf *c, struct err *e)
{
	for (size_t i = 0; i < NKEYS; i++) {
		char var[64] = "GONGKAI_";
		size_t n = strlen(var);
		for (const char *p = keys[i].name; *p && n < sizeof var - 1;
		     p++) {
			var[n++] = (char)toupper((unsigned char)*p);
		}
		var[n] = 0;
		const char *v = getenv(var);
		if (v && conf_set(c, keys[i].name, v, e)) {
			return -1;
		}
	}
	return 0;
}

const char *const *conf_keys(void)
{
	static const char *names[NKEYS + 1];
	for (size_t i = 0; i < NKEYS; i++) {
		names[i] = keys[i].name;
	}
	names[NKEYS] = NULL;
	return names;
}
