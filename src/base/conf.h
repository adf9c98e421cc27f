/*
 * conf.h - the server's settings. One table in conf.c lists every key with
 * its default and check; docs/config.md documents the same keys. Values come,
 * later ones winning, from the defaults, a config file (`key = value` lines,
 * `#` comments), GONGKAI_<KEY> environment variables, and command-line flags.
 * docs/operating.md documents every key.
 */
#ifndef GK_CONF_H
#define GK_CONF_H

#include "base/err.h"
#include "base/smtp.h"

#include <stdint.h>

enum cookie_secure { COOKIE_SECURE_AUTO, COOKIE_SECURE_ON, COOKIE_SECURE_OFF };

struct conf {
	char db[1024];          /* SQLite file */
	char listen[128];       /* ADDR:PORT; port 0 picks a free one */
	char data_dir[1024];    /* overrides for templates/ static/ data/ */
	char log_file[1024];    /* empty: stderr */
	char log_level[16];     /* debug|info|warn|error */
	int64_t threads;        /* worker threads; 0 = one per CPU */
	int64_t max_connections;
	int64_t max_body;       /* bytes in a request body */
	int64_t max_upload;     /* bytes in a multipart (file upload) body */
	int64_t max_attachment; /* bytes in one attachment file */
	int64_t max_headers;    /* header lines in a request */
	int64_t timeout;        /* seconds a connection may idle */
	int64_t session_hours;  /* login session lifetime */
	int64_t login_max_failures;  /* failed logins allowed per window */
	int64_t login_window_minutes;
	enum cookie_secure cookie_secure;
	/* disclosure on application */
	int64_t fee_stops_clock;  /* 1: an unpaid fee notice stops the clock */
	int64_t fee_payment_days; /* working days to pay a fee notice */
	int64_t apply_per_hour;   /* online applications per address/hour */
	int64_t reminder_days;    /* remind staff this many days ahead */
	char base_url[256];       /* public address for links in mail */
	int64_t message_flag_months; /* unanswered messages flagged after */
	int64_t message_per_hour; /* public messages per address and hour */
	int64_t tick_seconds;   /* how often the server runs its periodic jobs */
	/* outgoing mail (smtp_host empty: messages stay queued) */
	char smtp_host[256];
	int64_t smtp_port;
	enum smtp_tls smtp_tls; /* none|starttls|tls */
	char smtp_user[256];
	char smtp_password[256];
	char mail_from[256];    /* envelope sender and From: */
};

/* Fills c with the defaults. */
void conf_defaults(struct conf *c);
/* Sets one key from its text form: 0, or -1 (unknown key or bad value). */
int conf_set(struct conf *c, const char *key, const char *value,
	     struct err *e);
/* Applies a config file's text (for messages, named `name`): 0 or -1 with
 * "name:LINE: problem". */
int conf_parse(struct conf *c, const char *name, const char *text,
	       struct err *e);
/* Reads and applies a config file: 0 or -1. */
int conf_load_file(struct conf *c, const char *path, struct err *e);
/* Applies every GONGKAI_<KEY> variable present in the environment. */
int conf_load_env(struct conf *c, struct err *e);
/* The NULL-terminated list of known keys. */
const char *const *conf_keys(void);

#endif
