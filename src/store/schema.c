/*
 * schema.c - the database schema as an ordered list of migrations. Entry i
 * takes a database from PRAGMA user_version i to i+1, inside one
 * transaction. Never edit a released entry: append a new one.
 */
#include "store/store_int.h"

const char *const store_migrations[] = {
	/* 1: organs, users, sessions, login throttling, audit, settings. */
	"CREATE TABLE organ (\n"
	"  id INTEGER PRIMARY KEY,\n"
	/* slug: the organ's name in URLs and --organ; [a-z0-9-]+ */
	"  slug TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL UNIQUE,\n"
	"  short_name TEXT NOT NULL DEFAULT '',\n"
	/* parent: a department's government (roll-ups follow this) */
	"  parent_id INTEGER REFERENCES organ(id),\n"
	/* code: the prefix of index numbers (索引号); empty = slug */
	"  code TEXT NOT NULL DEFAULT '',\n"
	/* 统一社会信用代码 */
	"  credit_code TEXT NOT NULL DEFAULT '',\n"
	"  office TEXT NOT NULL DEFAULT '',\n"
	"  phone TEXT NOT NULL DEFAULT '',\n"
	"  email TEXT NOT NULL DEFAULT '',\n"
	"  address TEXT NOT NULL DEFAULT '',\n"
	"  office_hours TEXT NOT NULL DEFAULT '',\n"
	/* 公开指南: plain text, paragraphs separated by blank lines */
	"  guide TEXT NOT NULL DEFAULT '',\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE user (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  login TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
	"  display_name TEXT NOT NULL DEFAULT '',\n"
	/* argon2id encoded hash (libsodium crypto_pwhash_str) */
	"  pw_hash TEXT NOT NULL,\n"
	"  role TEXT NOT NULL CHECK (role IN "
	"('clerk','reviewer','leader','admin')),\n"
	"  disabled INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  pw_changed_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX user_organ ON user(organ_id);\n"
	/* A login session. Only the SHA-256 of the cookie token is kept, so
	 * a copy of the database does not let anyone in. */
	"CREATE TABLE session (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  token_hash TEXT NOT NULL UNIQUE,\n"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,\n"
	"  created_at TEXT NOT NULL,\n"
	/* unix seconds */
	"  expires INTEGER NOT NULL,\n"
	"  ip TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX session_user ON session(user_id);\n"
	/* Failed logins, for rate limiting by login and by address. */
	"CREATE TABLE login_failure (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  login TEXT NOT NULL COLLATE NOCASE,\n"
	"  ip TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX login_failure_login ON login_failure(login, at);\n"
	"CREATE INDEX login_failure_ip ON login_failure(ip, at);\n"
	/* Append-only, hash-chained log of every change. hash =
	 * SHA-256(prev_hash || '\\n' || canonical JSON of the row); the
	 * first row's prev_hash is 64 zeros. 'gongkai audit verify'
	 * recomputes the chain. */
	"CREATE TABLE audit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  actor_id INTEGER NOT NULL DEFAULT 0,\n"
	"  actor TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  entity TEXT NOT NULL,\n"
	"  entity_id INTEGER NOT NULL,\n"
	"  before TEXT,\n"
	"  after TEXT,\n"
	"  prev_hash TEXT NOT NULL,\n"
	"  hash TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);\n"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN\n"
	"  SELECT RAISE(ABORT, 'audit rows are append-only');\n"
	"END;\n"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN\n"
	"  SELECT RAISE(ABORT, 'audit rows are append-only');\n"
	"END;\n"
	/* Installation settings: secret (CSRF key), site_organ (slug of the
	 * organ that heads the portal). */
	"CREATE TABLE config (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	");\n",
};

const int store_nmigrations =
	(int)(sizeof store_migrations / sizeof store_migrations[0]);
