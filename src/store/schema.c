/*
 * schema.c - the database schema as an ordered list of migrations. Entry i
 * takes a database from PRAGMA user_version i to i+1, inside one
 * transaction. Never edit a released entry: append a new one.
 */
#include "store/store_int.h"

/* From migration 7: the statements that take the items matching a
 * condition on item_search_src out of both search indexes (before a
 * change, while the view still shows their old text) and put them back
 * (after it). */
#define SEARCH_COLS "title, doc_no, body, attach, facets"
#define SEARCH_DEL(where)                                                \
	"  INSERT INTO item_fts(item_fts, rowid, " SEARCH_COLS ")\n"      \
	"    SELECT 'delete', id, " SEARCH_COLS " FROM item_search_src\n" \
	"    WHERE " where ";\n"                                          \
	"  INSERT INTO item_fts1(item_fts1, rowid, " SEARCH_COLS ")\n"    \
	"    SELECT 'delete', id, " SEARCH_COLS " FROM item_search_src\n" \
	"    WHERE " where ";\n"
#define SEARCH_ADD(where)                                                \
	"  INSERT INTO item_fts(rowid, " SEARCH_COLS ")\n"                 \
	"    SELECT id, " SEARCH_COLS " FROM item_search_src\n"           \
	"    WHERE " where ";\n"                                          \
	"  INSERT INTO item_fts1(rowid, " SEARCH_COLS ")\n"                \
	"    SELECT id, " SEARCH_COLS " FROM item_search_src\n"           \
	"    WHERE " where ";\n"

/* From migration 7: the view the search indexes are built from (their
 * external content), the published items' text and filter tokens;
 * status is "" or, from migration 9, "+" (see there). */
#define SEARCH_VIEW(status)                                             \
	"CREATE VIEW item_search_src AS SELECT\n"                       \
	"  i.id AS id, replace(i.title, char(1), ' ') AS title,\n"      \
	"  replace(i.doc_no, char(1), ' ') AS doc_no,\n"                \
	"  replace(i.summary, char(1), ' ') || ' ' || "                 \
	"gk_plain(i.body) AS body,\n"                                   \
	"  ifnull((SELECT replace(group_concat(a.text, ' '), "          \
	"char(1), ' ')\n"                                               \
	"    FROM attachment a WHERE a.item_id = i.id AND "             \
	"a.text IS NOT NULL),\n"                                        \
	"    '') AS attach,\n"                                          \
	"  char(1) || 'o' || i.organ_id || ' ' || char(1) || 'c' ||\n"  \
	"  i.category_id || ifnull(' ' || char(1) || 'c' || "           \
	"c.parent_id, '') ||\n"                                         \
	"  ' ' || char(1) || 'k' || replace(i.kind, '_', '') || "       \
	"' ' || char(1)\n"                                              \
	"  || 'v' || i.validity || ' ' || char(1) || 'y' ||\n"          \
	"  substr(i.published_date, 1, 4) AS facets\n"                  \
	"FROM item i JOIN category c ON c.id = i.category_id\n"         \
	"WHERE " status "i.status = 'published' AND "                   \
	"i.published_date IS NOT NULL;\n"

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
	/* 2: proactive disclosure - categories, items, review trail,
	 * channels, attachments, index-number counters. */
	"ALTER TABLE organ ADD COLUMN index_pattern TEXT NOT NULL "
	"DEFAULT '';\n"
	/* 主题分类: a two-level tree per organ. section 'system' holds the
	 * organ's 政府信息公开制度 column, 'content' the 法定主动公开内容. */
	"CREATE TABLE category (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  parent_id INTEGER REFERENCES category(id),\n"
	"  name TEXT NOT NULL,\n"
	"  section TEXT NOT NULL DEFAULT 'content' CHECK (section IN "
	"('content','system')),\n"
	"  position INTEGER NOT NULL DEFAULT 0,\n"
	"  UNIQUE (organ_id, name)\n"
	");\n"
	"INSERT INTO category (organ_id, name, section, position)\n"
	"  SELECT o.id, p.name, p.section, p.pos FROM organ o, (\n"
	"    SELECT '工作动态' AS name, 'content' AS section, 1 AS pos\n"
	"    UNION ALL SELECT '政务公开', 'content', 2\n"
	"    UNION ALL SELECT '通知公告', 'content', 3\n"
	"    UNION ALL SELECT '安全监管', 'content', 4\n"
	"    UNION ALL SELECT '政策法规', 'content', 5\n"
	"    UNION ALL SELECT '机构职能', 'content', 6\n"
	"    UNION ALL SELECT '部门文件', 'content', 7\n"
	"    UNION ALL SELECT '其他应主动公开信息', 'content', 8\n"
	"    UNION ALL SELECT '政府信息公开制度', 'system', 9) p;\n"
	/* The last serial handed out per organ and year (year 0 when the
	 * organ's pattern has no {year}). Only ever increases: an index
	 * number is never reused, even after withdrawal or deletion. */
	"CREATE TABLE index_serial (\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  year INTEGER NOT NULL,\n"
	"  last INTEGER NOT NULL,\n"
	"  PRIMARY KEY (organ_id, year)\n"
	");\n"
	/* One piece of proactively disclosed information. index_no is
	 * assigned at first publication (NULL before, unless imported);
	 * dates are YYYY-MM-DD; publish_at is a scheduled local time
	 * YYYY-MM-DDTHH:MM on an approved item. body is sanitised HTML. */
	"CREATE TABLE item (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  index_no TEXT UNIQUE,\n"
	"  title TEXT NOT NULL,\n"
	"  doc_no TEXT NOT NULL DEFAULT '',\n"
	"  category_id INTEGER NOT NULL REFERENCES category(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('normal','rule','normative',"
	"'interpretation','annual_report')),\n"
	/* 内容概述 (regulation art. 12) */
	"  summary TEXT NOT NULL DEFAULT '',\n"
	"  body TEXT NOT NULL DEFAULT '',\n"
	"  written_date TEXT,\n"
	"  published_date TEXT,\n"
	"  abolished_date TEXT,\n"
	"  validity TEXT NOT NULL DEFAULT 'valid' CHECK (validity IN "
	"('valid','abolished','expired')),\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft',"
	"'pending_review','reviewed','approved','published','withdrawn')),\n"
	"  publish_at TEXT,\n"
	/* a 解读 points at the policy it interprets */
	"  interprets_id INTEGER REFERENCES item(id),\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  reviewed_by INTEGER NOT NULL DEFAULT 0,\n"
	"  ever_published INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX item_public ON item(organ_id, status, "
	"published_date DESC, id DESC);\n"
	"CREATE INDEX item_category ON item(category_id);\n"
	"CREATE INDEX item_updated ON item(organ_id, updated_at DESC);\n"
	"CREATE INDEX item_interprets ON item(interprets_id);\n"
	"CREATE INDEX item_due ON item(status, publish_at);\n"
	/* Channels an item went out on (website, gazette, bulletin, led,
	 * sms, wechat, weibo, press): one row each, so reports can count. */
	"CREATE TABLE item_channel (\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  channel TEXT NOT NULL,\n"
	"  PRIMARY KEY (item_id, channel)\n"
	") WITHOUT ROWID;\n"
	/* The review trail (申请、审核、审批、公开): who did what, when,
	 * with which note. */
	"CREATE TABLE item_review (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  at TEXT NOT NULL,\n"
	"  user_id INTEGER NOT NULL DEFAULT 0,\n"
	"  actor TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  from_status TEXT NOT NULL,\n"
	"  to_status TEXT NOT NULL,\n"
	"  note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX item_review_item ON item_review(item_id);\n"
	/* File contents, one copy per SHA-256. */
	"CREATE TABLE blob (\n"
	"  sha256 TEXT PRIMARY KEY,\n"
	"  size INTEGER NOT NULL,\n"
	"  data BLOB NOT NULL\n"
	");\n"
	"CREATE TABLE attachment (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL,\n"
	"  ctype TEXT NOT NULL,\n"
	"  sha256 TEXT NOT NULL REFERENCES blob(sha256),\n"
	"  size INTEGER NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX attachment_item ON attachment(item_id);\n",
	/* 3: disclosure on application (依申请公开) - the workday calendar,
	 * applications, consultations, their event log and files, the mail
	 * outbox; users get an e-mail address for reminders. */
	"ALTER TABLE user ADD COLUMN email TEXT NOT NULL DEFAULT '';\n"
	/* The official holiday arrangements: a listed date is either a day
	 * off (holiday) or a weekend working day (workday, 调休). A year
	 * is covered when it has at least one holiday row. */
	"CREATE TABLE holiday (\n"
	"  date TEXT PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),\n"
	"  name TEXT NOT NULL DEFAULT ''\n"
	") WITHOUT ROWID;\n"
	/* One application. Dates are YYYY-MM-DD; NULL = not yet. The
	 * applicant columns are personal data: never on public pages. */
	"CREATE TABLE application (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  tracking_code TEXT NOT NULL UNIQUE,\n"
	"  channel TEXT NOT NULL CHECK (channel IN ('in_person','online',"
	"'letter','fax','email')),\n"
	"  applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('natural',"
	"'commercial','research','public_interest','legal_service','other')),\n"
	"  applicant_name TEXT NOT NULL DEFAULT '',\n"
	"  id_type TEXT NOT NULL DEFAULT '',\n"
	"  id_number TEXT NOT NULL DEFAULT '',\n"
	/* legal persons: 法定代表人 and 联系人 */
	"  legal_rep TEXT NOT NULL DEFAULT '',\n"
	"  contact_person TEXT NOT NULL DEFAULT '',\n"
	"  phone TEXT NOT NULL DEFAULT '',\n"
	"  email TEXT NOT NULL DEFAULT '',\n"
	"  address TEXT NOT NULL DEFAULT '',\n"
	"  postcode TEXT NOT NULL DEFAULT '',\n"
	"  request TEXT NOT NULL DEFAULT '',\n"
	"  doc_no TEXT NOT NULL DEFAULT '',\n"
	"  purpose TEXT NOT NULL DEFAULT '',\n"
	/* preferred form: paper, email, electronic (data carrier), onsite */
	"  delivery TEXT NOT NULL DEFAULT '',\n"
	/* when it reached us (timestamp), and the legal receipt date of
	 * art. 31 (签收 / 双方确认 for online, fax, ordinary mail) */
	"  submitted_at TEXT NOT NULL,\n"
	"  received_date TEXT,\n"
	/* 补正 (art. 30): request date, the period's last day, arrival */
	"  supplement_requested TEXT,\n"
	"  supplement_deadline TEXT,\n"
	"  supplement_received TEXT,\n"
	"  supplement_note TEXT NOT NULL DEFAULT '',\n"
	/* extension (art. 33): one, at most 20 working days */
	"  extension_days INTEGER NOT NULL DEFAULT 0,\n"
	"  extension_date TEXT,\n"
	"  extension_reason TEXT NOT NULL DEFAULT '',\n"
	"  extension_by INTEGER NOT NULL DEFAULT 0,\n"
	/* 信息处理费: method item|volume, units (items or pages), yuan */
	"  fee_method TEXT NOT NULL DEFAULT '',\n"
	"  fee_units INTEGER NOT NULL DEFAULT 0,\n"
	"  fee_amount INTEGER NOT NULL DEFAULT 0,\n"
	"  fee_notice_date TEXT,\n"
	"  fee_deadline TEXT,\n"
	"  fee_paid_date TEXT,\n"
	/* the answer: an outcome code of DESIGN.md §6, its date, the text
	 * the letter carries (reasons, where to obtain), delivery */
	"  outcome TEXT,\n"
	"  replied_date TEXT,\n"
	"  reply_text TEXT NOT NULL DEFAULT '',\n"
	"  delivered_date TEXT,\n"
	"  delivered_how TEXT NOT NULL DEFAULT '',\n"
	/* derived by domain/application from the columns above, kept for
	 * the register's filters and the dashboard */
	"  status TEXT NOT NULL DEFAULT 'open',\n"
	"  due_date TEXT,\n"
	/* SHA-256 of the submitting address (online rate limit) */
	"  submit_ip TEXT NOT NULL DEFAULT '',\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX application_organ ON application(organ_id, status, "
	"due_date);\n"
	"CREATE INDEX application_received ON application(organ_id, "
	"received_date);\n"
	"CREATE INDEX application_replied ON application(organ_id, "
	"replied_date);\n"
	"CREATE INDEX application_ip ON application(submit_ip, submitted_at);\n"
	"CREATE INDEX application_idno ON application(organ_id, id_number);\n"
	/* Consultations whose time does not count (arts. 32-34): of a
	 * third party or another organ, from the day the letter went out
	 * to the day the opinion came back (NULL while waiting). */
	"CREATE TABLE consultation (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  application_id INTEGER NOT NULL REFERENCES application(id) "
	"ON DELETE CASCADE,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('third_party','organ')),\n"
	"  party TEXT NOT NULL DEFAULT '',\n"
	"  started TEXT NOT NULL,\n"
	"  ended TEXT,\n"
	"  note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX consultation_app ON consultation(application_id);\n"
	/* The timeline shown per application: every event, in order. */
	"CREATE TABLE application_event (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  application_id INTEGER NOT NULL REFERENCES application(id) "
	"ON DELETE CASCADE,\n"
	"  at TEXT NOT NULL,\n"
	"  date TEXT,\n"
	"  kind TEXT NOT NULL,\n"
	"  user_id INTEGER NOT NULL DEFAULT 0,\n"
	"  actor TEXT NOT NULL,\n"
	"  note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX application_event_app ON "
	"application_event(application_id, id);\n"
	/* Scanned letters, faxes and the like (contents in blob). */
	"CREATE TABLE application_file (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  application_id INTEGER NOT NULL REFERENCES application(id) "
	"ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL,\n"
	"  ctype TEXT NOT NULL,\n"
	"  sha256 TEXT NOT NULL REFERENCES blob(sha256),\n"
	"  size INTEGER NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX application_file_app ON "
	"application_file(application_id);\n"
	/* Outgoing mail, written in the same transaction as the change it
	 * tells about and sent by the server with retries, so nothing is
	 * lost on restart. dedupe makes a reminder go out once. */
	"CREATE TABLE outbox (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER REFERENCES organ(id),\n"
	"  application_id INTEGER REFERENCES application(id) "
	"ON DELETE SET NULL,\n"
	"  to_addr TEXT NOT NULL,\n"
	"  subject TEXT NOT NULL,\n"
	"  body TEXT NOT NULL,\n"
	"  dedupe TEXT UNIQUE,\n"
	"  created_at TEXT NOT NULL,\n"
	/* unix seconds of the next attempt */
	"  next_at INTEGER NOT NULL,\n"
	"  attempts INTEGER NOT NULL DEFAULT 0,\n"
	"  last_error TEXT NOT NULL DEFAULT '',\n"
	"  sent_at TEXT,\n"
	/* 1 after the last retry failed: shown to admins, not retried */
	"  failed INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX outbox_due ON outbox(sent_at, failed, next_at);\n",
	/* 4: oversight and work records - review and litigation cases,
	 * activities (other work the annual report counts) and their
	 * admin-added kinds, public messages (留言), opening balances. */
	/* 行政复议 / 行政诉讼 against the organ. A case is pending until it
	 * has a closing date; every other result needs one. */
	"CREATE TABLE lawcase (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('review','litigation_direct',"
	"'litigation_after_review')),\n"
	/* the application the case is about, when there is one */
	"  application_id INTEGER REFERENCES application(id) "
	"ON DELETE SET NULL,\n"
	/* 案号 or 复议决定书文号; 复议机关 or court; applicant / plaintiff;
	 * 案由 */
	"  case_no TEXT NOT NULL DEFAULT '',\n"
	"  authority TEXT NOT NULL DEFAULT '',\n"
	"  party TEXT NOT NULL DEFAULT '',\n"
	"  subject TEXT NOT NULL DEFAULT '',\n"
	"  filed_date TEXT NOT NULL,\n"
	"  result TEXT NOT NULL CHECK (result IN ('upheld','corrected',"
	"'other','pending')),\n"
	"  closed_date TEXT,\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  CHECK ((result = 'pending') = (closed_date IS NULL)),\n"
	"  CHECK (closed_date IS NULL OR closed_date >= filed_date)\n"
	");\n"
	"CREATE INDEX lawcase_organ ON lawcase(organ_id, filed_date);\n"
	"CREATE INDEX lawcase_app ON lawcase(application_id);\n"
	/* Decisions, judgments and other documents of a case. */
	"CREATE TABLE lawcase_file (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  lawcase_id INTEGER NOT NULL REFERENCES lawcase(id) "
	"ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL,\n"
	"  ctype TEXT NOT NULL,\n"
	"  sha256 TEXT NOT NULL REFERENCES blob(sha256),\n"
	"  size INTEGER NOT NULL,\n"
	"  created_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX lawcase_file_case ON lawcase_file(lawcase_id);\n"
	/* Activity kinds an admin added beside the built-in ones of
	 * domain/activity.c. measure: what an entry records (count, or an
	 * amount in yuan); has_reply: entries carry a reply and its date. */
	"CREATE TABLE activity_kind (\n"
	"  code TEXT PRIMARY KEY,\n"
	"  label TEXT NOT NULL UNIQUE,\n"
	"  measure TEXT NOT NULL CHECK (measure IN ('count','amount')),\n"
	"  has_reply INTEGER NOT NULL DEFAULT 0,\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL\n"
	") WITHOUT ROWID;\n"
	/* One piece of other work on a date: count (default 1) and/or an
	 * amount in fen (0.01 yuan; NULL = none), what it was, and for
	 * the kinds with replies (12345 referrals, public messages) the
	 * reply and its date. source: staff (form), import, public (the
	 * portal's message form). */
	"CREATE TABLE activity (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  kind TEXT NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),\n"
	"  amount_fen INTEGER CHECK (amount_fen >= 0),\n"
	"  title TEXT NOT NULL DEFAULT '',\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  reply TEXT NOT NULL DEFAULT '',\n"
	"  reply_date TEXT,\n"
	"  source TEXT NOT NULL DEFAULT 'staff' CHECK (source IN "
	"('staff','import','public')),\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX activity_organ ON activity(organ_id, kind, date);\n"
	/* The asker of a public message (an activity of kind
	 * public_message): personal data, never shown publicly. code lets
	 * the asker read the reply; consent: the asker agrees to the
	 * message being shown (without personal data) once replied;
	 * hidden: staff keep it off the public list all the same. */
	"CREATE TABLE message (\n"
	"  activity_id INTEGER PRIMARY KEY REFERENCES activity(id) "
	"ON DELETE CASCADE,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL DEFAULT '',\n"
	"  phone TEXT NOT NULL DEFAULT '',\n"
	"  email TEXT NOT NULL DEFAULT '',\n"
	"  consent INTEGER NOT NULL DEFAULT 1,\n"
	"  hidden INTEGER NOT NULL DEFAULT 0,\n"
	"  submit_ip TEXT NOT NULL DEFAULT '',\n"
	"  submitted_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX message_ip ON message(submit_ip, submitted_at);\n"
	/* Opening balances: the cumulative value of a metric (a row id of
	 * a format's cumulative column, e.g. items, items.website) up to
	 * the end of year, for the years before the installation. source:
	 * entered (by created_by on a page) or import (origin: file). */
	"CREATE TABLE baseline (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  metric TEXT NOT NULL,\n"
	"  year INTEGER NOT NULL,\n"
	"  value INTEGER NOT NULL CHECK (value >= 0),\n"
	"  source TEXT NOT NULL CHECK (source IN ('entered','import')),\n"
	"  origin TEXT NOT NULL DEFAULT '',\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  created_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  UNIQUE (organ_id, metric, year)\n"
	");\n",
	/* 5: annual reports (年度报告). One row per organ, year, format and
	 * version: a draft holds the narrative; publishing freezes the
	 * computed report (JSON of DESIGN.md §6 with the narrative filled
	 * in) and links the annual_report catalog item; a correction is a
	 * new version, published over the old one (then superseded). */
	"CREATE TABLE report (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  organ_id INTEGER NOT NULL REFERENCES organ(id),\n"
	"  year INTEGER NOT NULL,\n"
	"  format TEXT NOT NULL,\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft',"
	"'published','superseded')),\n"
	/* narrative: JSON object, section id -> text with {{metric}}
	 * placeholders */
	"  sections TEXT NOT NULL DEFAULT '{}',\n"
	/* the published report JSON, frozen */
	"  frozen TEXT,\n"
	/* why it was published although a cross-check failed (audited) */
	"  override_note TEXT NOT NULL DEFAULT '',\n"
	"  item_id INTEGER REFERENCES item(id),\n"
	"  published_at TEXT,\n"
	"  published_by INTEGER NOT NULL DEFAULT 0,\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  UNIQUE (organ_id, year, format, version)\n"
	");\n"
	"CREATE INDEX report_organ ON report(organ_id, year, status);\n",
	/* 6: full-text search (store/search.c). item_search_src is what the
	 * two indexes hold, one row per published item: sk is the index's
	 * rowid, the publication day shifted left 24 bits plus the item id,
	 * so rowid order is date order (newest = highest); body is the
	 * visible text of the sanitised HTML with the summary; attach the
	 * text extracted from attachments; facets the filter tokens (organ,
	 * category and its parent, kind, validity, year). Both indexes use
	 * it as external content, so the text is stored once, in item.
	 * Triggers keep them in step with every change in the changing
	 * statement's transaction: the old row's tokens are deleted before
	 * a change (while the view still shows them), the new ones added
	 * after it. */
	"ALTER TABLE attachment ADD COLUMN text TEXT;\n"
	"CREATE VIEW item_search_src AS SELECT\n"
	"  (CAST(julianday(i.published_date) AS INTEGER) << 24) + i.id AS sk,\n"
	"  i.id AS id, i.title AS title, i.doc_no AS doc_no,\n"
	"  i.summary || ' ' || gk_plain(i.body) AS body,\n"
	"  ifnull((SELECT group_concat(a.text, ' ') FROM attachment a\n"
	"    WHERE a.item_id = i.id AND a.text IS NOT NULL), '') AS attach,\n"
	"  'o' || i.organ_id || ' c' || i.category_id ||\n"
	"  ifnull(' c' || c.parent_id, '') || ' k' || replace(i.kind, '_', '')\n"
	"  || ' v' || i.validity || ' y' || substr(i.published_date, 1, 4)\n"
	"  AS facets\n"
	"FROM item i JOIN category c ON c.id = i.category_id\n"
	"WHERE i.status = 'published' AND i.published_date IS NOT NULL;\n"
	"CREATE VIRTUAL TABLE item_fts USING fts5(title, doc_no, body, attach,\n"
	"  facets, content = 'item_search_src', content_rowid = 'sk',\n"
	"  tokenize = 'gongkai');\n"
	"CREATE VIRTUAL TABLE item_fts1 USING fts5(title, doc_no, body, attach,\n"
	"  facets, content = 'item_search_src', content_rowid = 'sk',\n"
	"  tokenize = 'gongkai unigram', detail = column);\n"
	"CREATE TRIGGER item_search_bu BEFORE UPDATE OF organ_id, title,\n"
	"  doc_no, category_id, kind, summary, body, published_date,\n"
	"  validity, status ON item WHEN old.status = 'published' BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', sk, title, doc_no, body, attach,\n"
	"    facets FROM item_search_src WHERE id = old.id;\n"
	"END;\n"
	"CREATE TRIGGER item_search_au AFTER UPDATE OF organ_id, title,\n"
	"  doc_no, category_id, kind, summary, body, published_date,\n"
	"  validity, status ON item WHEN new.status = 'published' BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.id;\n"
	"END;\n"
	"CREATE TRIGGER item_search_ai AFTER INSERT ON item\n"
	"  WHEN new.status = 'published' BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.id;\n"
	"END;\n"
	"CREATE TRIGGER item_search_bd BEFORE DELETE ON item\n"
	"  WHEN old.status = 'published' BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', sk, title, doc_no, body, attach,\n"
	"    facets FROM item_search_src WHERE id = old.id;\n"
	"END;\n"
	/* An attachment's text joins its item's row: the row is taken out
	 * before the attachment changes and put back after. */
	"CREATE TRIGGER attachment_search_bi BEFORE INSERT ON attachment\n"
	"  WHEN new.text IS NOT NULL BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.item_id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', sk, title, doc_no, body, attach,\n"
	"    facets FROM item_search_src WHERE id = new.item_id;\n"
	"END;\n"
	"CREATE TRIGGER attachment_search_ai AFTER INSERT ON attachment\n"
	"  WHEN new.text IS NOT NULL BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.item_id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.item_id;\n"
	"END;\n"
	"CREATE TRIGGER attachment_search_bu BEFORE UPDATE OF text, item_id\n"
	"  ON attachment WHEN old.text IS NOT NULL OR new.text IS NOT NULL\n"
	"  BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.item_id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', sk, title, doc_no, body, attach,\n"
	"    facets FROM item_search_src WHERE id = old.item_id;\n"
	"END;\n"
	"CREATE TRIGGER attachment_search_au AFTER UPDATE OF text, item_id\n"
	"  ON attachment WHEN old.text IS NOT NULL OR new.text IS NOT NULL\n"
	"  BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.item_id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = new.item_id;\n"
	"END;\n"
	"CREATE TRIGGER attachment_search_bd BEFORE DELETE ON attachment\n"
	"  WHEN old.text IS NOT NULL BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.item_id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', sk, title, doc_no, body, attach,\n"
	"    facets FROM item_search_src WHERE id = old.item_id;\n"
	"END;\n"
	"CREATE TRIGGER attachment_search_ad AFTER DELETE ON attachment\n"
	"  WHEN old.text IS NOT NULL BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.item_id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT sk, title, doc_no, body, attach, facets\n"
	"    FROM item_search_src WHERE id = old.item_id;\n"
	"END;\n"
	/* A category moved under another parent changes its items'
	 * facets. */
	"CREATE TRIGGER category_search_bu BEFORE UPDATE OF parent_id\n"
	"  ON category BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, title, doc_no, body, attach,\n"
	"    facets) SELECT 'delete', s.sk, s.title, s.doc_no, s.body,\n"
	"    s.attach, s.facets FROM item_search_src s JOIN item i\n"
	"    ON i.id = s.id WHERE i.category_id = old.id;\n"
	"  INSERT INTO item_fts1(item_fts1, rowid, title, doc_no, body,\n"
	"    attach, facets) SELECT 'delete', s.sk, s.title, s.doc_no, s.body,\n"
	"    s.attach, s.facets FROM item_search_src s JOIN item i\n"
	"    ON i.id = s.id WHERE i.category_id = old.id;\n"
	"END;\n"
	"CREATE TRIGGER category_search_au AFTER UPDATE OF parent_id\n"
	"  ON category BEGIN\n"
	"  INSERT INTO item_fts(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT s.sk, s.title, s.doc_no, s.body, s.attach, s.facets\n"
	"    FROM item_search_src s JOIN item i ON i.id = s.id\n"
	"    WHERE i.category_id = new.id;\n"
	"  INSERT INTO item_fts1(rowid, title, doc_no, body, attach, facets)\n"
	"    SELECT s.sk, s.title, s.doc_no, s.body, s.attach, s.facets\n"
	"    FROM item_search_src s JOIN item i ON i.id = s.id\n"
	"    WHERE i.category_id = new.id;\n"
	"END;\n"
	"INSERT INTO item_fts(item_fts) VALUES ('rebuild');\n"
	"INSERT INTO item_fts1(item_fts1) VALUES ('rebuild');\n",
	/* 7: the indexes keyed by item id (dense rowids: their doclists
	 * are about a fifth smaller than with 6's date-shifted key, and
	 * FTS5's content lookups use the item's primary key), the body as
	 * column 0 (FTS5 writes no column marker for it in a position
	 * list), and the single-character index with detail=none (only
	 * which items hold a character: one-character terms are matched,
	 * not ranked, and never column-filtered). The filter tokens are in
	 * both indexes, each marked by a leading U+0001 that the tokenizer
	 * keeps and the view removes from the text, so a filter is a term
	 * of the driving index's own query and needs no column filter.
	 * Date order comes from item_published. */
	"DROP TRIGGER item_search_bu;\n"
	"DROP TRIGGER item_search_au;\n"
	"DROP TRIGGER item_search_ai;\n"
	"DROP TRIGGER item_search_bd;\n"
	"DROP TRIGGER attachment_search_bi;\n"
	"DROP TRIGGER attachment_search_ai;\n"
	"DROP TRIGGER attachment_search_bu;\n"
	"DROP TRIGGER attachment_search_au;\n"
	"DROP TRIGGER attachment_search_bd;\n"
	"DROP TRIGGER attachment_search_ad;\n"
	"DROP TRIGGER category_search_bu;\n"
	"DROP TRIGGER category_search_au;\n"
	"DROP TABLE item_fts;\n"
	"DROP TABLE item_fts1;\n"
	"DROP VIEW item_search_src;\n"
	SEARCH_VIEW("")
	"CREATE VIRTUAL TABLE item_fts USING fts5(body, title, doc_no, attach,\n"
	"  facets, content = 'item_search_src', content_rowid = 'id',\n"
	"  tokenize = 'gongkai');\n"
	"CREATE VIRTUAL TABLE item_fts1 USING fts5(body, title, doc_no, attach,\n"
	"  facets, content = 'item_search_src', content_rowid = 'id',\n"
	"  tokenize = 'gongkai unigram', detail = none);\n"
	"CREATE INDEX item_published ON item(published_date, id)\n"
	"  WHERE status = 'published';\n"
	"CREATE TRIGGER item_search_bu BEFORE UPDATE OF organ_id, title,\n"
	"  doc_no, category_id, kind, summary, body, published_date,\n"
	"  validity, status ON item WHEN old.status = 'published' BEGIN\n"
	SEARCH_DEL("id = old.id") "END;\n"
	"CREATE TRIGGER item_search_au AFTER UPDATE OF organ_id, title,\n"
	"  doc_no, category_id, kind, summary, body, published_date,\n"
	"  validity, status ON item WHEN new.status = 'published' BEGIN\n"
	SEARCH_ADD("id = new.id") "END;\n"
	"CREATE TRIGGER item_search_ai AFTER INSERT ON item\n"
	"  WHEN new.status = 'published' BEGIN\n"
	SEARCH_ADD("id = new.id") "END;\n"
	"CREATE TRIGGER item_search_bd BEFORE DELETE ON item\n"
	"  WHEN old.status = 'published' BEGIN\n"
	SEARCH_DEL("id = old.id") "END;\n"
	"CREATE TRIGGER attachment_search_bi BEFORE INSERT ON attachment\n"
	"  WHEN new.text IS NOT NULL BEGIN\n"
	SEARCH_DEL("id = new.item_id") "END;\n"
	"CREATE TRIGGER attachment_search_ai AFTER INSERT ON attachment\n"
	"  WHEN new.text IS NOT NULL BEGIN\n"
	SEARCH_ADD("id = new.item_id") "END;\n"
	"CREATE TRIGGER attachment_search_bu BEFORE UPDATE OF text, item_id\n"
	"  ON attachment WHEN old.text IS NOT NULL OR new.text IS NOT NULL\n"
	"  BEGIN\n"
	SEARCH_DEL("id = old.item_id") "END;\n"
	"CREATE TRIGGER attachment_search_au AFTER UPDATE OF text, item_id\n"
	"  ON attachment WHEN old.text IS NOT NULL OR new.text IS NOT NULL\n"
	"  BEGIN\n"
	SEARCH_ADD("id = new.item_id") "END;\n"
	"CREATE TRIGGER attachment_search_bd BEFORE DELETE ON attachment\n"
	"  WHEN old.text IS NOT NULL BEGIN\n"
	SEARCH_DEL("id = old.item_id") "END;\n"
	"CREATE TRIGGER attachment_search_ad AFTER DELETE ON attachment\n"
	"  WHEN old.text IS NOT NULL BEGIN\n"
	SEARCH_ADD("id = old.item_id") "END;\n"
	"CREATE TRIGGER category_search_bu BEFORE UPDATE OF parent_id\n"
	"  ON category BEGIN\n"
	SEARCH_DEL("id IN (SELECT id FROM item WHERE category_id = old.id)")
	"END;\n"
	"CREATE TRIGGER category_search_au AFTER UPDATE OF parent_id\n"
	"  ON category BEGIN\n"
	SEARCH_ADD("id IN (SELECT id FROM item WHERE category_id = new.id)")
	"END;\n"
	"INSERT INTO item_fts(item_fts) VALUES ('rebuild');\n"
	"INSERT INTO item_fts1(item_fts1) VALUES ('rebuild');\n",
	/* 8: the filter columns in item_published, so the dated walk of
	 * store/search.c skips the items a filter excludes without reading
	 * their rows or testing them against the index. */
	"DROP INDEX item_published;\n"
	"CREATE INDEX item_published ON item(published_date, id, organ_id,\n"
	"  category_id, kind, validity) WHERE status = 'published';\n",
	/* 9: each published item's date by id, for store/search.c to order
	 * a term's matches by date without reading their item rows (the
	 * date is stored after the body, often on overflow pages). The view
	 * tests the status without an index (+), so that its rows are read
	 * by id: the planner took item_due's status for the better key and
	 * scanned every published item for each batch of a rebuild. */
	"CREATE INDEX item_id_date ON item(id, published_date)\n"
	"  WHERE status = 'published';\n"
	"DROP VIEW item_search_src;\n"
	SEARCH_VIEW("+"),
};

const int store_nmigrations =
	(int)(sizeof store_migrations / sizeof store_migrations[0]);
