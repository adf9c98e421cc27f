/*
 * conf.c - settings table, parsing and validation (see conf.h). To add a
 * key: add a field to struct conf, a row to `keys`, a default in
 * conf_defaults() and a line to the settings table of docs/operating.md.
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

/* K_CHOICE: an enum field; the value is the index of its word in
 * `choices`, so the list follows the enum's order. */
enum kind { K_STR, K_INT, K_CHOICE };

static const struct key {
	const char *name; /* also the field's name in struct conf */
	enum kind kind;
	size_t off;
	size_t size;       /* K_STR: buffer size */
	int64_t min, max;  /* K_INT */
	const char *const *choices; /* K_CHOICE */
} keys[] = {
#define STR(f)                                                               \
	{#f, K_STR, offsetof(struct conf, f), sizeof((struct conf *)0)->f,   \
	 0, 0, NULL}
#define INT(f, lo, hi) {#f, K_INT, offsetof(struct conf, f), 0, lo, hi, NULL}
#define CHOICE(f, ...)                                                       \
	{#f, K_CHOICE, offsetof(struct conf, f), 0, 0, 0,                    \
	 (const char *const[]){__VA_ARGS__, NULL}}
	STR(db),
	STR(listen),
	STR(data_dir),
	STR(log_file),
	STR(log_level),
	INT(threads, 0, 256),
	INT(max_connections, 1, 65536),
	INT(max_body, 1024, 1073741824),
	INT(max_upload, 1024, 1073741824),
	INT(max_attachment, 1, 1073741824),
	INT(max_headers, 8, 1000),
	INT(timeout, 1, 3600),
	INT(session_hours, 1, 720),
	INT(login_max_failures, 1, 1000),
	INT(login_window_minutes, 1, 1440),
	CHOICE(cookie_secure, "auto", "on", "off"),
	INT(tick_seconds, 1, 3600),
	STR(smtp_host),
	INT(smtp_port, 1, 65535),
	CHOICE(smtp_tls, "none", "starttls", "tls"),
	STR(smtp_user),
	STR(smtp_password),
	STR(mail_from),
	INT(fee_stops_clock, 0, 1),
	INT(fee_payment_days, 1, 60),
	INT(apply_per_hour, 0, 1000),
	INT(reminder_days, 0, 20),
	STR(base_url),
	INT(message_flag_months, 1, 36),
	INT(message_per_hour, 0, 1000),
#undef STR
#undef INT
#undef CHOICE
};
_Static_assert(sizeof(enum cookie_secure) == sizeof(int) &&
		       sizeof(enum smtp_tls) == sizeof(int),
	       "K_CHOICE fields are stored as int");
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
	c->message_flag_months = 3;
	c->message_per_hour = 5;
	c->tick_seconds = 30;
	c->smtp_port = 25;
	c->smtp_tls = SMTP_TLS_STARTTLS;
	snprintf(c->mail_from, sizeof c->mail_from, "gongkai@localhost");
}

/* Checks of particular string keys: 0, or -1 with e. */
static int check_str(const char *key, const char *value, struct err *e)
{
	if (str_eq(key, "log_level") && !str_eq(value, "debug") &&
	    !str_eq(value, "info") && !str_eq(value, "warn") &&
	    !str_eq(value, "error")) {
		return err_set(e, ERR_INPUT,
			       "log_level: expected debug, info, warn or "
			       "error, not '%s'",
			       value);
	}
	if (str_eq(key, "smtp_host") && *value) {
		return smtp_host_check(value, e);
	}
	if (str_eq(key, "mail_from")) {
		struct err sub = {0};
		if (smtp_addr_check(value, &sub)) {
			return err_set(e, ERR_INPUT, "mail_from: %s", sub.msg);
		}
	}
	return 0;
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
			if (check_str(key, value, e)) {
				return -1;
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
		case K_CHOICE: {
			Buf words = BUF_INIT;
			for (int v = 0; k->choices[v]; v++) {
				if (str_eq(value, k->choices[v])) {
					memcpy(field, &v, sizeof v);
					buf_free(&words);
					return 0;
				}
				const char *sep = v == 0 ? ""
						  : k->choices[v + 1] ? ", "
								      : " or ";
				buf_printf(&words, "%s%s", sep, k->choices[v]);
			}
			err_set(e, ERR_INPUT, "%s: expected %s, not '%s'", key,
				buf_str(&words), value);
			buf_free(&words);
			return -1;
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
