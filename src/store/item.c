/*
 * item.c - every statement that touches item, item_channel, item_review
 * and index_serial (see item.h). Workflow decisions come from
 * domain/item.c; this file applies them with the review trail and the
 * audit row in the same transaction.
 */
#include "store/item.h"

#include "base/date.h"
#include "base/str.h"
#include "domain/ident.h"
#include "store/audit.h"
#include "store/organ.h"
#include "store/store_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/*---- Rows ----*/

#define ITEM_COLS                                                           \
	"i.id, i.organ_id, o.slug, o.name, i.index_no, i.title, i.doc_no, " \
	"i.category_id, c.name, i.kind, i.summary, "                       \
	"CASE WHEN ?20 THEN i.body END, i.written_date, i.published_date, " \
	"i.abolished_date, i.validity, i.status, i.publish_at, "           \
	"i.interprets_id, t.title, t.index_no, i.created_by, "             \
	"i.reviewed_by, i.ever_published, i.created_at, i.updated_at, "    \
	"(SELECT group_concat(channel, ';') FROM item_channel ch "         \
	"WHERE ch.item_id = i.id), "                                       \
	"(SELECT count(*) FROM attachment a WHERE a.item_id = i.id) "

#define ITEM_FROM                                                          \
	"FROM item i JOIN organ o ON o.id = i.organ_id "                   \
	"JOIN category c ON c.id = i.category_id "                        \
	"LEFT JOIN item t ON t.id = i.interprets_id "

static void fill(sqlite3_stmt *s, struct item *it)
{
	memset(it, 0, sizeof *it);
	struct err ignore = {0};
	it->id = st_col_int(s, 0);
	it->organ_id = st_col_int(s, 1);
	it->organ_slug = st_col_text(s, 2);
	it->organ_name = st_col_text(s, 3);
	it->index_no = st_col_text(s, 4);
	it->title = st_col_text(s, 5);
	it->doc_no = st_col_text(s, 6);
	it->category_id = st_col_int(s, 7);
	it->category_name = st_col_text(s, 8);
	const char *kind = (const char *)sqlite3_column_text(s, 9);
	item_kind_parse("", kind, &it->kind, &ignore);
	it->summary = st_col_text(s, 10);
	it->body = st_col_text(s, 11);
	it->written_date = st_col_text(s, 12);
	it->published_date = st_col_text(s, 13);
	it->abolished_date = st_col_text(s, 14);
	item_validity_parse("", (const char *)sqlite3_column_text(s, 15),
			    &it->validity, &ignore);
	item_status_parse((const char *)sqlite3_column_text(s, 16),
			  &it->status, &ignore);
	it->publish_at = st_col_text(s, 17);
	it->interprets_id = st_col_int(s, 18);
	it->interprets_title = st_col_text(s, 19);
	it->interprets_index = st_col_text(s, 20);
	it->created_by = st_col_int(s, 21);
	it->reviewed_by = st_col_int(s, 22);
	it->ever_published = (int)st_col_int(s, 23);
	it->created_at = st_col_text(s, 24);
	it->updated_at = st_col_text(s, 25);
	item_channels_parse("", (const char *)sqlite3_column_text(s, 26),
			    &it->channels, &ignore);
	it->attachments = st_col_int(s, 27);
}

static void fill_any(sqlite3_stmt *s, void *p)
{
	fill(s, p);
}

static void clear_any(void *p)
{
	item_clear(p);
}

void item_clear(struct item *it)
{
	char **f[] = {&it->organ_slug,    &it->organ_name,
		      &it->index_no,      &it->title,
		      &it->doc_no,        &it->category_name,
		      &it->summary,       &it->body,
		      &it->written_date,  &it->published_date,
		      &it->abolished_date, &it->publish_at,
		      &it->interprets_title, &it->interprets_index,
		      &it->created_at,    &it->updated_at};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

void item_list_free(struct item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		item_clear(&v[i]);
	}
	free(v);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* NULL for an empty date, so the column stays NULL. */
static int bind_date(store *st, sqlite3_stmt *s, int i, const char *d,
		     struct err *e)
{
	return str_empty(d) ? st_bind_null(st, s, i, e)
			    : st_bind_text(st, s, i, d, e);
}

/* The audit snapshot of an item. Caller frees. */
static char *snapshot(const struct item *it)
{
	char ch[128];
	item_channels_format(it->channels, ch, sizeof ch);
	json_t *j = json_pack(
		"{s:I, s:s?, s:s, s:s, s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, "
		"s:s, s:s, s:s?, s:I, s:s}",
		"id", (json_int_t)it->id, "index_no", it->index_no, "title",
		nz(it->title), "doc_no", nz(it->doc_no), "category_id",
		(json_int_t)it->category_id, "kind", item_kind_code(it->kind),
		"summary", nz(it->summary), "body", nz(it->body),
		"written_date", it->written_date, "published_date",
		it->published_date, "abolished_date", it->abolished_date,
		"validity", item_validity_code(it->validity), "status",
		item_status_code(it->status), "publish_at", it->publish_at,
		"interprets_id", (json_int_t)it->interprets_id, "channels", ch);
	char *t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return t;
}

/*---- Validation ----*/

/* A date field: empty, or a real YYYY-MM-DD from 1900 up to today. */
static int check_date(const char *field, const char *d, int64_t *days,
		      struct err *e)
{
	*days = 0;
	if (str_empty(d)) {
		return 0;
	}
	if (date_parse(d, days)) {
		return err_set(e, ERR_INPUT,
			       "%s“%s”不是有效日期(格式 YYYY-MM-DD)。", field,
			       d);
	}
	if (*days < date_days(1900, 1, 1)) {
		return err_set(e, ERR_INPUT, "%s“%s”早于 1900 年。", field, d);
	}
	if (*days > date_today()) {
		return err_set(e, ERR_INPUT, "%s“%s”晚于今天。", field, d);
	}
	return 0;
}

/* Names the CSV column of a failed check (see item_check). */
#define FAIL(col, call) ((*field = (col)), (call))

int item_check(store *st, const struct item *it, const char **field,
	       struct err *e)
{
	int64_t w, p, a;
	const char *ignore;
	if (!field) {
		field = &ignore;
	}
	if (FAIL("title", ident_text("标题", it->title, 300, 1, e)) ||
	    FAIL("doc_no", ident_text("文号", it->doc_no, 100, 0, e)) ||
	    FAIL("summary", ident_para("内容概述", it->summary, 2000, e)) ||
	    FAIL("written_date",
		 check_date("成文日期", it->written_date, &w, e)) ||
	    FAIL("published_date",
		 check_date("发布日期", it->published_date, &p, e)) ||
	    FAIL("abolished_date",
		 check_date("废止日期", it->abolished_date, &a, e))) {
		return -1;
	}
	*field = "body";
	if (it->body && strlen(it->body) > 4 * 1024 * 1024) {
		return err_set_http(e, ERR_LIMIT, 413, "正文过长(最多 4 MB)。");
	}
	*field = "written_date";
	if (w && p && w > p) {
		return err_set(e, ERR_INPUT, "成文日期不能晚于发布日期。");
	}
	*field = "abolished_date";
	if (a && !p) {
		return err_set(e, ERR_INPUT, "有废止日期的信息须有发布日期。");
	}
	if (a && a < p) {
		return err_set(e, ERR_INPUT, "废止日期不能早于发布日期。");
	}
	*field = "kind";
	if ((unsigned)it->kind >= KIND_COUNT) {
		return err_set(e, ERR_INPUT, "信息类型无效。");
	}
	*field = "category";
	struct category c;
	int rc = category_get(st, it->organ_id, it->category_id, &c, e);
	if (rc < 0) {
		return -1;
	}
	if (rc == 0) {
		return err_set(e, ERR_INPUT, "主题分类不存在。");
	}
	free(c.name);
	*field = "interprets";
	if (it->interprets_id) {
		if (it->kind != KIND_INTERPRETATION) {
			return err_set(e, ERR_INPUT,
				       "只有政策解读可以关联被解读的文件。");
		}
		sqlite3_stmt *s = st_prepare(
			st,
			"SELECT 1 FROM item WHERE id = ?1 AND organ_id = ?2 "
			"AND id <> ?3",
			e);
		if (!s || st_bind_int(st, s, 1, it->interprets_id, e) ||
		    st_bind_int(st, s, 2, it->organ_id, e) ||
		    st_bind_int(st, s, 3, it->id, e)) {
			return -1;
		}
		rc = st_step(st, s, e);
		sqlite3_reset(s);
		if (rc < 0) {
			return -1;
		}
		if (rc == 0) {
			return err_set(e, ERR_INPUT,
				       "被解读的文件不存在或不属于本机关。");
		}
	}
	*field = NULL;
	return 0;
}

static int validate(store *st, const struct item *it, struct err *e)
{
	return item_check(st, it, NULL, e);
}

/*---- Index numbers ----*/

/* Raises the organ's counter for `year` to at least `serial`. */
static int serial_bump(store *st, int64_t organ_id, int year, int64_t serial,
		       struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO index_serial(organ_id, year, last) "
		"VALUES (?1, ?2, ?3) ON CONFLICT(organ_id, year) DO UPDATE "
		"SET last = max(last, excluded.last)",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, year, e) ||
	    st_bind_int(st, s, 3, serial, e)) {
		return -1;
	}
	return st_exec(st, s, e);
}

static int index_taken(store *st, const char *idx, struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "SELECT 1 FROM item WHERE index_no = ?1", e);
	if (!s || st_bind_text(st, s, 1, idx, e)) {
		return -1;
	}
	int rc = st_step(st, s, e);
	sqlite3_reset(s);
	return rc;
}

struct numbering {
	char *pattern, *code;
};

static int numbering_of(store *st, int64_t organ_id, struct numbering *nb,
			struct err *e)
{
	struct organ o;
	int rc = organ_get(st, organ_id, &o, e);
	if (rc <= 0) {
		return rc == 0 ? err_set(e, ERR_NOTFOUND, "机关不存在。") : -1;
	}
	nb->pattern = xstrdup(nz(o.index_pattern));
	nb->code = xstrdup(str_empty(o.code) ? o.slug : o.code);
	organ_clear(&o);
	return 0;
}

static void numbering_clear(struct numbering *nb)
{
	free(nb->pattern);
	free(nb->code);
}

/* The year key of the counter: the year, or 0 when the pattern has none. */
static int counter_year(const char *pattern, int year)
{
	const char *p = str_empty(pattern) ? INDEXNO_DEFAULT : pattern;
	return strstr(p, "{year}") ? year : 0;
}

/* Hands out the next free index number for a publication on `date`. */
static int index_next(store *st, int64_t organ_id, const char *date,
		      char out[96], struct err *e)
{
	struct numbering nb;
	if (numbering_of(st, organ_id, &nb, e)) {
		return -1;
	}
	int y = 0, m = 0, d = 0;
	int64_t days;
	if (date_parse(date, &days) == 0) {
		date_civil(days, &y, &m, &d);
	}
	int key = counter_year(nb.pattern, y);
	int rc = -1;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT coalesce((SELECT last FROM index_serial WHERE "
		"organ_id = ?1 AND year = ?2), 0)",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e) ||
	    st_bind_int(st, s, 2, key, e) || st_step(st, s, e) != 1) {
		goto done;
	}
	int64_t serial = st_col_int(s, 0);
	sqlite3_reset(s);
	for (;;) {
		serial++;
		if (item_indexno_format(nb.pattern, nb.code, y, m, serial, out,
					96, e)) {
			goto done;
		}
		int taken = index_taken(st, out, e);
		if (taken < 0) {
			goto done;
		}
		if (!taken) {
			break;
		}
	}
	rc = serial_bump(st, organ_id, key, serial, e);
done:
	numbering_clear(&nb);
	return rc;
}

/* Accepts an index number given by an import: valid, unused, and if it
 * follows the organ's pattern the counter moves past it. */
static int index_given(store *st, int64_t organ_id, const char *idx,
		       const char *date, struct err *e)
{
	if (item_indexno_valid(idx, e)) {
		return -1;
	}
	int taken = index_taken(st, idx, e);
	if (taken) {
		return taken < 0 ? -1
				 : err_set(e, ERR_CONFLICT,
					   "索引号“%s”已存在。", idx);
	}
	struct numbering nb;
	if (numbering_of(st, organ_id, &nb, e)) {
		return -1;
	}
	int y = 0, m, d;
	int64_t days, serial;
	if (date_parse(date, &days) == 0) {
		date_civil(days, &y, &m, &d);
	}
	int rc = 0;
	if (item_indexno_match(nb.pattern, nb.code, y, idx, &serial)) {
		rc = serial_bump(st, organ_id, counter_year(nb.pattern, y),
				 serial, e);
	}
	numbering_clear(&nb);
	return rc;
}

/*---- Writing ----*/

static int set_channels(store *st, int64_t id, unsigned bits, struct err *e)
{
	sqlite3_stmt *s =
		st_prepare(st, "DELETE FROM item_channel WHERE item_id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e)) {
		return -1;
	}
	for (int c = 0; c < CH_COUNT; c++) {
		if (!(bits & (1u << c))) {
			continue;
		}
		s = st_prepare(st,
			       "INSERT INTO item_channel(item_id, channel) "
			       "VALUES (?1, ?2)",
			       e);
		if (!s || st_bind_int(st, s, 1, id, e) ||
		    st_bind_text(st, s, 2, item_channel_code(c), e) ||
		    st_exec(st, s, e)) {
			return -1;
		}
	}
	return 0;
}

static int trail(store *st, const struct actor *who, int64_t item_id,
		 const char *action, enum item_status from,
		 enum item_status to, const char *note, const char *now,
		 struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO item_review(item_id, at, user_id, actor, action, "
		"from_status, to_status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8)",
		e);
	if (!s || st_bind_int(st, s, 1, item_id, e) ||
	    st_bind_text(st, s, 2, now, e) ||
	    st_bind_int(st, s, 3, who->user_id, e) ||
	    st_bind_text(st, s, 4, who->label, e) ||
	    st_bind_text(st, s, 5, action, e) ||
	    st_bind_text(st, s, 6, item_status_code(from), e) ||
	    st_bind_text(st, s, 7, item_status_code(to), e) ||
	    st_bind_text(st, s, 8, nz(note), e)) {
		return -1;
	}
	return st_exec(st, s, e);
}

int item_create(store *st, const struct actor *who, struct item *it,
		int as_published, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	char *snap = NULL;
	char now[21], idx[96];
	date_timestamp(time(NULL), now);
	int published = as_published && !str_empty(it->published_date);
	if (!published) {
		free(it->published_date);
		it->published_date = NULL;
		if (!str_empty(it->abolished_date)) {
			err_set(e, ERR_INPUT,
				"草稿不能有废止日期(请同时填写发布日期)。");
			goto fail;
		}
	}
	if (validate(st, it, e)) {
		goto fail;
	}
	if (published) {
		if (str_empty(it->index_no)) {
			if (index_next(st, it->organ_id, it->published_date,
				       idx, e)) {
				goto fail;
			}
			free(it->index_no);
			it->index_no = xstrdup(idx);
		} else if (index_given(st, it->organ_id, it->index_no,
				       it->published_date, e)) {
			goto fail;
		}
	} else if (!str_empty(it->index_no)) {
		char today[11];
		date_format(date_today(), today);
		if (index_given(st, it->organ_id, it->index_no, today, e)) {
			goto fail;
		}
	} else {
		free(it->index_no);
		it->index_no = NULL;
	}
	it->status = published ? ST_PUBLISHED : ST_DRAFT;
	it->validity = str_empty(it->abolished_date) ? VAL_VALID
						     : VAL_ABOLISHED;
	sqlite3_stmt *s = st_prepare(
		st,
		"INSERT INTO item(organ_id, index_no, title, doc_no, "
		"category_id, kind, summary, body, written_date, "
		"published_date, abolished_date, validity, status, "
		"interprets_id, created_by, ever_published, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
		e);
	if (!s || st_bind_int(st, s, 1, it->organ_id, e) ||
	    bind_date(st, s, 2, it->index_no, e) ||
	    st_bind_text(st, s, 3, it->title, e) ||
	    st_bind_text(st, s, 4, nz(it->doc_no), e) ||
	    st_bind_int(st, s, 5, it->category_id, e) ||
	    st_bind_text(st, s, 6, item_kind_code(it->kind), e) ||
	    st_bind_text(st, s, 7, nz(it->summary), e) ||
	    st_bind_text(st, s, 8, nz(it->body), e) ||
	    bind_date(st, s, 9, it->written_date, e) ||
	    bind_date(st, s, 10, it->published_date, e) ||
	    bind_date(st, s, 11, it->abolished_date, e) ||
	    st_bind_text(st, s, 12, item_validity_code(it->validity), e) ||
	    st_bind_text(st, s, 13, item_status_code(it->status), e) ||
	    (it->interprets_id ? st_bind_int(st, s, 14, it->interprets_id, e)
			       : st_bind_null(st, s, 14, e)) ||
	    st_bind_int(st, s, 15, who->user_id, e) ||
	    st_bind_int(st, s, 16, published, e) ||
	    st_bind_text(st, s, 17, now, e) || st_exec(st, s, e)) {
		goto fail;
	}
	it->id = sqlite3_last_insert_rowid(st->db);
	it->created_by = who->user_id;
	snap = snapshot(it);
	if (set_channels(st, it->id, it->channels, e) ||
	    trail(st, who, it->id, published ? "import" : "create", ST_DRAFT,
		  it->status, NULL, now, e) ||
	    audit_append(st, who, "item.create", "item", it->id, NULL, snap,
			 e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(snap);
	return 0;
fail:
	free(snap);
	store_tx_rollback(st);
	return -1;
}

int item_update(store *st, const struct actor *who, const struct item *it,
		struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct item old = {0};
	char *before = NULL, *after = NULL;
	char now[21];
	date_timestamp(time(NULL), now);
	int rc = item_get(st, it->organ_id, it->id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "信息不存在。");
		}
		goto fail;
	}
	struct item upd = *it;
	/* Dates that belong to the workflow stay as they are. */
	upd.published_date = old.published_date;
	upd.abolished_date = old.abolished_date;
	if (validate(st, &upd, e)) {
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st,
		"UPDATE item SET title = ?2, doc_no = ?3, category_id = ?4, "
		"kind = ?5, summary = ?6, body = ?7, written_date = ?8, "
		"interprets_id = ?9, updated_at = ?10 WHERE id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, it->id, e) ||
	    st_bind_text(st, s, 2, it->title, e) ||
	    st_bind_text(st, s, 3, nz(it->doc_no), e) ||
	    st_bind_int(st, s, 4, it->category_id, e) ||
	    st_bind_text(st, s, 5, item_kind_code(it->kind), e) ||
	    st_bind_text(st, s, 6, nz(it->summary), e) ||
	    st_bind_text(st, s, 7, nz(it->body), e) ||
	    bind_date(st, s, 8, it->written_date, e) ||
	    (it->interprets_id ? st_bind_int(st, s, 9, it->interprets_id, e)
			       : st_bind_null(st, s, 9, e)) ||
	    st_bind_text(st, s, 10, now, e) || st_exec(st, s, e) ||
	    set_channels(st, it->id, it->channels, e)) {
		goto fail;
	}
	upd.index_no = old.index_no;
	upd.status = old.status;
	upd.validity = old.validity;
	upd.publish_at = old.publish_at;
	before = snapshot(&old);
	after = snapshot(&upd);
	if (audit_append(st, who, "item.update", "item", it->id, before,
			 after, e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	free(after);
	item_clear(&old);
	return 0;
fail:
	free(before);
	free(after);
	item_clear(&old);
	store_tx_rollback(st);
	return -1;
}

int item_delete(store *st, const struct actor *who, int64_t organ_id,
		int64_t id, struct err *e)
{
	if (store_tx_begin(st, e)) {
		return -1;
	}
	struct item old = {0};
	char *before = NULL;
	int rc = item_get(st, organ_id, id, &old, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "信息不存在。");
		}
		goto fail;
	}
	if (!item_may_delete(old.status, old.ever_published)) {
		err_set(e, ERR_CONFLICT,
			"只能删除从未公开过的草稿;已公开的信息请撤回。");
		goto fail;
	}
	sqlite3_stmt *s = st_prepare(
		st, "UPDATE item SET interprets_id = NULL WHERE interprets_id = ?1",
		e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e)) {
		goto fail;
	}
	s = st_prepare(st, "DELETE FROM item WHERE id = ?1", e);
	if (!s || st_bind_int(st, s, 1, id, e) || st_exec(st, s, e)) {
		goto fail;
	}
	before = snapshot(&old);
	if (audit_append(st, who, "item.delete", "item", id, before, NULL,
			 e) ||
	    store_tx_commit(st, e)) {
		goto fail;
	}
	free(before);
	item_clear(&old);
	return 0;
fail:
	free(before);
	item_clear(&old);
	store_tx_rollback(st);
	return -1;
}

/*---- Workflow ----*/

/* Applies action a inside an open transaction. */
static int act_in_tx(store *st, const struct actor *who, int64_t user_id,
		     enum role role, struct item *it, enum item_action a,
		     const char *note, const char *when, struct err *e)
{
	struct item_wf w = {it->status, !str_empty(it->publish_at),
			    it->validity, it->created_by, it->reviewed_by};
	enum item_status next;
	if (item_transition(&w, a, user_id, role, note, &next, e)) {
		return -1;
	}
	char now[21], nowmin[17], today[11];
	time_t t = time(NULL);
	date_timestamp(t, now);
	date_local_minute(t, nowmin);
	date_format(date_today(), today);
	char *before = snapshot(it);
	char *after = NULL;
	int rc = -1;
	sqlite3_stmt *s = NULL;
	enum item_status from = it->status;
	switch (a) {
	case ACT_PUBLISH: {
		char idx[96];
		if (str_empty(it->index_no)) {
			const char *pd = str_empty(it->published_date)
						 ? today
						 : it->published_date;
			if (index_next(st, it->organ_id, pd, idx, e)) {
				goto done;
			}
			free(it->index_no);
			it->index_no = xstrdup(idx);
		}
		if (str_empty(it->published_date)) {
			free(it->published_date);
			it->published_date = xstrdup(today);
		}
		free(it->publish_at);
		it->publish_at = NULL;
		s = st_prepare(st,
			       "UPDATE item SET status = 'published', "
			       "index_no = ?2, published_date = ?3, "
			       "publish_at = NULL, ever_published = 1, "
			       "updated_at = ?4 WHERE id = ?1",
			       e);
		if (!s || st_bind_int(st, s, 1, it->id, e) ||
		    st_bind_text(st, s, 2, it->index_no, e) ||
		    st_bind_text(st, s, 3, it->published_date, e) ||
		    st_bind_text(st, s, 4, now, e) || st_exec(st, s, e)) {
			goto done;
		}
		break;
	}
	case ACT_SCHEDULE: {
		char at[17];
		if (date_minute_parse(when, at)) {
			err_set(e, ERR_INPUT,
				"定时公开时间须为 YYYY-MM-DDTHH:MM 格式。");
			goto done;
		}
		if (strcmp(at, nowmin) <= 0) {
			err_set(e, ERR_INPUT, "定时公开时间须晚于现在。");
			goto done;
		}
		free(it->publish_at);
		it->publish_at = xstrdup(at);
		s = st_prepare(st,
			       "UPDATE item SET publish_at = ?2, "
			       "updated_at = ?3 WHERE id = ?1",
			       e);
		if (!s || st_bind_int(st, s, 1, it->id, e) ||
		    st_bind_text(st, s, 2, at, e) ||
		    st_bind_text(st, s, 3, now, e) || st_exec(st, s, e)) {
			goto done;
		}
		break;
	}
	case ACT_ABOLISH:
	case ACT_EXPIRE: {
		const char *d = str_empty(when) ? today : when;
		int64_t days, pub = 0;
		if (date_parse(d, &days) || days > date_today()) {
			err_set(e, ERR_INPUT,
				"%s日期须为今天或以前的有效日期(YYYY-MM-DD)。",
				item_action_label(a));
			goto done;
		}
		if (!str_empty(it->published_date) &&
		    date_parse(it->published_date, &pub) == 0 && days < pub) {
			err_set(e, ERR_INPUT, "%s日期不能早于发布日期。",
				item_action_label(a));
			goto done;
		}
		it->validity = a == ACT_ABOLISH ? VAL_ABOLISHED : VAL_EXPIRED;
		free(it->abolished_date);
		it->abolished_date = xstrdup(d);
		s = st_prepare(st,
			       "UPDATE item SET validity = ?2, "
			       "abolished_date = ?3, updated_at = ?4 "
			       "WHERE id = ?1",
			       e);
		if (!s || st_bind_int(st, s, 1, it->id, e) ||
		    st_bind_text(st, s, 2, item_validity_code(it->validity),
				 e) ||
		    st_bind_text(st, s, 3, d, e) ||
		    st_bind_text(st, s, 4, now, e) || st_exec(st, s, e)) {
			goto done;
		}
		break;
	}
	default: {
		/* A plain status change; a review records the reviewer,
		 * going back to draft forgets it. */
		int64_t reviewer = a == ACT_REVIEW ? user_id
				   : next == ST_DRAFT ? 0
						      : it->reviewed_by;
		s = st_prepare(st,
			       "UPDATE item SET status = ?2, reviewed_by = ?3, "
			       "publish_at = CASE WHEN ?2 = 'approved' THEN "
			       "?4 END, updated_at = ?5 WHERE id = ?1",
			       e);
		const char *keep_at = a == ACT_UNSCHEDULE ? NULL
							  : it->publish_at;
		if (!s || st_bind_int(st, s, 1, it->id, e) ||
		    st_bind_text(st, s, 2, item_status_code(next), e) ||
		    st_bind_int(st, s, 3, reviewer, e) ||
		    bind_date(st, s, 4, keep_at, e) ||
		    st_bind_text(st, s, 5, now, e) || st_exec(st, s, e)) {
			goto done;
		}
		it->reviewed_by = reviewer;
		free(it->publish_at);
		it->publish_at = next == ST_APPROVED && keep_at
					 ? xstrdup(keep_at)
					 : NULL;
		break;
	}
	}
	it->status = next;
	char action[32];
	snprintf(action, sizeof action, "item.%s", item_action_code(a));
	after = snapshot(it);
	if (trail(st, who, it->id, item_action_code(a), from, next,
		  a == ACT_SCHEDULE ? when : note, now, e) ||
	    audit_append(st, who, action, "item", it->id, before, after, e)) {
		goto done;
	}
	rc = 0;
done:
	free(before);
	free(after);
	return rc;
}

int item_act(store *st, const struct actor *who, int64_t user_id,
	     enum role role, int64_t organ_id, int64_t id,
	     enum item_action a, const char *note, const char *when,
	     struct err *e)
{
	if (ident_para("意见", note, 2000, e) || store_tx_begin(st, e)) {
		return -1;
	}
	struct item it;
	int rc = item_get(st, organ_id, id, &it, e);
	if (rc <= 0) {
		if (rc == 0) {
			err_set(e, ERR_NOTFOUND, "信息不存在。");
		}
		store_tx_rollback(st);
		return -1;
	}
	rc = act_in_tx(st, who, user_id, role, &it, a, note, when, e);
	item_clear(&it);
	if (rc || store_tx_commit(st, e)) {
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

int item_publish_due(store *st, const char *now, int64_t *count,
		     struct err *e)
{
	*count = 0;
	for (;;) {
		sqlite3_stmt *s = st_prepare(
			st,
			"SELECT id, organ_id FROM item WHERE status = "
			"'approved' AND publish_at IS NOT NULL AND publish_at "
			"<= ?1 ORDER BY publish_at, id LIMIT 1",
			e);
		if (!s || st_bind_text(st, s, 1, now, e)) {
			return -1;
		}
		int rc = st_step(st, s, e);
		if (rc <= 0) {
			return rc;
		}
		int64_t id = st_col_int(s, 0), organ_id = st_col_int(s, 1);
		sqlite3_reset(s);
		struct actor sys = {0, "system:scheduler"};
		if (item_act(st, &sys, 0, ROLE_ADMIN, organ_id, id,
			     ACT_PUBLISH, "定时公开", NULL, e)) {
			return -1;
		}
		(*count)++;
	}
}

/*---- Reading ----*/

int item_get(store *st, int64_t organ_id, int64_t id, struct item *out,
	     struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " ITEM_COLS ITEM_FROM
				     "WHERE i.id = ?1 AND (?2 = 0 OR "
				     "i.organ_id = ?2)",
				     e);
	if (!s || st_bind_int(st, s, 1, id, e) ||
	    st_bind_int(st, s, 2, organ_id, e) ||
	    st_bind_int(st, s, 20, 1, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

int item_by_index(store *st, int64_t organ_id, const char *index_no,
		  struct item *out, struct err *e)
{
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT " ITEM_COLS ITEM_FROM
				     "WHERE i.index_no = ?1 AND "
				     "i.organ_id = ?2",
				     e);
	if (!s || st_bind_text(st, s, 1, index_no, e) ||
	    st_bind_int(st, s, 2, organ_id, e) ||
	    st_bind_int(st, s, 20, 1, e)) {
		return -1;
	}
	return st_one(st, s, fill_any, out, e);
}

struct item_filter item_filter_all(int64_t organ_id)
{
	struct item_filter f = {0};
	f.organ_id = organ_id;
	f.status = -1;
	f.kind = -1;
	f.validity = -1;
	return f;
}

/* The filter conditions shared by the list and count statements. */
#define ITEM_WHERE                                                         \
	"WHERE (?1 = 0 OR i.organ_id = ?1) "                               \
	"AND (?2 IS NULL OR i.status = ?2) "                               \
	"AND (?3 = 0 OR i.category_id = ?3 OR c.parent_id = ?3) "          \
	"AND (?4 IS NULL OR i.published_date >= ?4) "                      \
	"AND (?5 IS NULL OR i.published_date <= ?5) "                      \
	"AND (?6 IS NULL OR i.kind = ?6) "                                 \
	"AND (?7 IS NULL OR i.validity = ?7) "                             \
	"AND (?8 = 0 OR i.interprets_id = ?8) "                            \
	"AND (?9 IS NULL OR EXISTS (SELECT 1 FROM item_channel ch WHERE "  \
	"ch.item_id = i.id AND instr(?9, ';' || ch.channel || ';') > 0)) " \
	"AND (?10 IS NULL OR instr(i.title, ?10) > 0 OR "                  \
	"instr(i.doc_no, ?10) > 0) "

static int bind_filter(store *st, sqlite3_stmt *s,
		       const struct item_filter *f, struct err *e)
{
	char since[11] = "", until[11] = "", ch[160] = "";
	if (f->since) {
		snprintf(since, sizeof since, "%s", f->since);
	}
	if (f->until) {
		snprintf(until, sizeof until, "%s", f->until);
	}
	if (f->year > 0) {
		char ys[24], ye[24];
		int y = f->year > 9999 ? 9999 : f->year;
		snprintf(ys, sizeof ys, "%04d-01-01", y);
		snprintf(ye, sizeof ye, "%04d-12-31", y);
		if (!since[0] || strcmp(ys, since) > 0) {
			memcpy(since, ys, sizeof since);
		}
		if (!until[0] || strcmp(ye, until) < 0) {
			memcpy(until, ye, sizeof until);
		}
	}
	if (f->channel) {
		char codes[128];
		item_channels_format(f->channel, codes, sizeof codes);
		snprintf(ch, sizeof ch, ";%s;", codes);
	}
	int status = f->public_only ? ST_PUBLISHED : f->status;
	return st_bind_int(st, s, 1, f->organ_id, e) ||
	       (status >= 0 ? st_bind_text(st, s, 2,
					  item_status_code(status), e)
			    : st_bind_null(st, s, 2, e)) ||
	       st_bind_int(st, s, 3, f->category_id, e) ||
	       bind_date(st, s, 4, since, e) || bind_date(st, s, 5, until, e) ||
	       (f->kind >= 0 ? st_bind_text(st, s, 6,
					   item_kind_code(f->kind), e)
			     : st_bind_null(st, s, 6, e)) ||
	       (f->validity >= 0
			? st_bind_text(st, s, 7,
				       item_validity_code(f->validity), e)
			: st_bind_null(st, s, 7, e)) ||
	       st_bind_int(st, s, 8, f->interprets_id, e) ||
	       bind_date(st, s, 9, ch, e) ||
	       bind_date(st, s, 10, f->title_like, e);
}

int item_list(store *st, const struct item_filter *f, struct item **out,
	      size_t *n, int64_t *total, struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	if (total) {
		s = st_prepare(st,
			       "SELECT count(*) FROM item i JOIN category c ON "
			       "c.id = i.category_id " ITEM_WHERE,
			       e);
		if (!s || bind_filter(st, s, f, e) || st_step(st, s, e) != 1) {
			return -1;
		}
		*total = st_col_int(s, 0);
		sqlite3_reset(s);
	}
	if (f->order == ORDER_UPDATED) {
		s = st_prepare(st,
			       "SELECT " ITEM_COLS ITEM_FROM ITEM_WHERE
			       "ORDER BY i.updated_at DESC, i.id DESC "
			       "LIMIT ?11 OFFSET ?12",
			       e);
	} else {
		s = st_prepare(st,
			       "SELECT " ITEM_COLS ITEM_FROM ITEM_WHERE
			       "ORDER BY i.published_date DESC, i.id DESC "
			       "LIMIT ?11 OFFSET ?12",
			       e);
	}
	if (!s || bind_filter(st, s, f, e) ||
	    st_bind_int(st, s, 11, f->limit > 0 ? f->limit : -1, e) ||
	    st_bind_int(st, s, 12, f->offset, e) ||
	    st_bind_int(st, s, 20, f->with_body, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_any, clear_any,
			  (void **)out, n, e);
}

int item_years(store *st, int64_t organ_id, int **out, size_t *n,
	       struct err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT DISTINCT CAST(substr(published_date, 1, 4) AS INTEGER) "
		"AS y FROM item WHERE organ_id = ?1 AND status = 'published' "
		"ORDER BY y DESC",
		e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	int rc;
	size_t cap = 0;
	while ((rc = st_step(st, s, e)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = (int)st_col_int(s, 0);
	}
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int item_status_counts(store *st, int64_t organ_id,
		       int64_t counts[ST_COUNT], struct err *e)
{
	memset(counts, 0, sizeof(int64_t) * ST_COUNT);
	sqlite3_stmt *s = st_prepare(st,
				     "SELECT status, count(*) FROM item WHERE "
				     "organ_id = ?1 GROUP BY status",
				     e);
	if (!s || st_bind_int(st, s, 1, organ_id, e)) {
		return -1;
	}
	int rc;
	while ((rc = st_step(st, s, e)) == 1) {
		enum item_status x;
		struct err ignore = {0};
		if (item_status_parse((const char *)sqlite3_column_text(s, 0),
				      &x, &ignore) == 0) {
			counts[x] = st_col_int(s, 1);
		}
	}
	return rc < 0 ? -1 : 0;
}

/*---- Review trail ----*/

static void fill_review(sqlite3_stmt *s, void *p)
{
	struct item_review *r = p;
	struct err ignore = {0};
	memset(r, 0, sizeof *r);
	r->at = st_col_text(s, 0);
	r->actor = st_col_text(s, 1);
	r->action = st_col_text(s, 2);
	item_status_parse((const char *)sqlite3_column_text(s, 3), &r->from,
			  &ignore);
	item_status_parse((const char *)sqlite3_column_text(s, 4), &r->to,
			  &ignore);
	r->note = st_col_text(s, 5);
}

static void review_clear(void *p)
{
	struct item_review *r = p;
	free(r->at);
	free(r->actor);
	free(r->action);
	free(r->note);
}

int item_reviews(store *st, int64_t item_id, struct item_review **out,
		 size_t *n, struct err *e)
{
	sqlite3_stmt *s = st_prepare(
		st,
		"SELECT at, actor, action, from_status, to_status, note FROM "
		"item_review WHERE item_id = ?1 ORDER BY id",
		e);
	if (!s || st_bind_int(st, s, 1, item_id, e)) {
		return -1;
	}
	return st_collect(st, s, sizeof **out, fill_review, review_clear,
			  (void **)out, n, e);
}

void item_reviews_free(struct item_review *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		review_clear(&v[i]);
	}
	free(v);
}
