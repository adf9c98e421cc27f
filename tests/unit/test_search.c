/*
 * test_search.c - the search tokenizer, the query parser (including a
 * fuzz loop whose every accepted query is run against a real FTS5 index),
 * highlighting, and recall and consistency on a small catalog in a real
 * database file.
 */
#include "t.h"
#include "tdb.h"

#include "base/buf.h"
#include "base/utf8.h"
#include "search/query.h"
#include "search/tokenizer_cjk.h"
#include "store/search.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/*---- Tokenizer ----*/

struct toks {
	Buf b;
	int n;
	int bad_offsets;
	const char *src;
	int srclen;
};

static int collect(void *ctx, enum tok_kind kind, const char *tok, int ntok,
		   int start, int end)
{
	(void)kind;
	struct toks *t = ctx;
	if (t->n++) {
		buf_putc(&t->b, '|');
	}
	buf_append(&t->b, tok, (size_t)ntok);
	if (start < 0 || end > t->srclen || start >= end ||
	    ((unsigned char)t->src[start] & 0xC0) == 0x80 ||
	    (end < t->srclen && ((unsigned char)t->src[end] & 0xC0) == 0x80)) {
		t->bad_offsets++;
	}
	return 0;
}

/* The tokens of s in mode m joined with '|' (static buffer). */
static const char *toks(const char *s, enum tok_mode m)
{
	static char out[1024];
	struct toks t = {BUF_INIT, 0, 0, s, (int)strlen(s)};
	tok_run(s, (int)strlen(s), m, collect, &t);
	snprintf(out, sizeof out, "%s%s", t.bad_offsets ? "BAD:" : "",
		 buf_str(&t.b));
	buf_free(&t.b);
	return out;
}

static void test_cjk_bigrams(void)
{
	T_EQ_STR(toks("应急管理局", TOK_DOC), "应急|急管|管理|理局|局");
	T_EQ_STR(toks("应急管理", TOK_QUERY), "应急|急管|管理");
	T_EQ_STR(toks("安", TOK_QUERY), "安");
	T_EQ_STR(toks("安", TOK_DOC), "安");
	T_EQ_STR(toks("应急 管理", TOK_QUERY), "应急|急|管理");
	T_EQ_STR(toks("应急管理", TOK_UNI), "应|急|管|理");
	T_EQ_STR(toks("二〇一八年", TOK_DOC), "二〇|〇一|一八|八年|年");
}

static void test_words_and_folding(void)
{
	T_EQ_STR(toks("ＧＢ／Ｔ 9704-2012 Hello", TOK_DOC),
		 "gb|t|9704|2012|hello");
	T_EQ_STR(toks("2018年度", TOK_DOC), "2018|年度|度");
	T_EQ_STR(toks("2018年", TOK_QUERY), "2018|年");
	/* document-number brackets, full- and half-width */
	T_EQ_STR(toks("沙应急〔2018〕12号", TOK_DOC),
		 "沙应|应急|急|2018|12|号");
	T_EQ_STR(toks("沙应急［2018］12号", TOK_DOC),
		 "沙应|应急|急|2018|12|号");
	T_EQ_STR(toks("沙应急[2018]12号", TOK_DOC), "沙应|应急|急|2018|12|号");
	T_EQ_STR(toks("沙应急(2018)12号", TOK_DOC), "沙应|应急|急|2018|12|号");
	/* compatibility ideograph and Kangxi radical fold to the unified */
	T_EQ_STR(toks("\xef\xa4\x80", TOK_DOC), "\xe8\xb1\x88");
	T_EQ_STR(toks("\xe2\xbc\x80", TOK_DOC), "一");
	T_EQ_STR(toks("Ünïcödé ÄÖ", TOK_DOC), "unicode|ao");
	/* punctuation only */
	T_EQ_STR(toks("《》,。!?", TOK_DOC), "");
}

static void test_offsets_never_split(void)
{
	/* random bytes, CJK and ASCII: offsets always on code points of
	 * valid input, and no crash on invalid input */
	unsigned seed = 7;
	const char *parts[] = {"应", "急", "a", "Z", "1", " ", "〔", "Ａ",
			       "\xef\xa4\x80", "é", "\xf0\x9f\x98\x80", "，"};
	for (int round = 0; round < 2000; round++) {
		char s[256];
		size_t n = 0;
		int k = (int)((seed = seed * 1103515245 + 12345) >> 16) % 30;
		for (int i = 0; i < k; i++) {
			const char *p = parts[((seed = seed * 1103515245 +
						       12345) >>
					       16) %
					      (sizeof parts / sizeof parts[0])];
			size_t l = strlen(p);
			memcpy(s + n, p, l);
			n += l;
		}
		s[n] = 0;
		for (int m = TOK_DOC; m <= TOK_UNI; m++) {
			const char *t = toks(s, (enum tok_mode)m);
			T_ASSERT(strncmp(t, "BAD:", 4) != 0);
			T_ASSERT(utf8_valid(t, strlen(t)));
		}
		/* garbage bytes */
		for (size_t i = 0; i < n; i++) {
			s[i] = (char)((seed = seed * 1103515245 + 12345) >> 16);
			if (!s[i]) {
				s[i] = 1;
			}
		}
		(void)toks(s, TOK_DOC);
	}
}

/*---- Query parser ----*/

static const char *expr(const char *q)
{
	static char out[2048];
	struct search_query sq;
	struct err e = {0};
	if (search_query_parse(q, strlen(q), NULL, &sq, &e)) {
		snprintf(out, sizeof out, "ERR:%s", e.msg);
	} else {
		snprintf(out, sizeof out, "%s%s|%s|%s",
			 sq.driver == SX_UNI ? "U:" : "N:", buf_str(&sq.expr),
			 buf_str(&sq.other_pos), buf_str(&sq.other_neg));
	}
	search_query_free(&sq);
	return out;
}

static void test_query_syntax(void)
{
	T_EQ_STR(expr("应急"), "N:((\"应急\"))||");
	T_EQ_STR(expr("安"), "U:((\"安\"))||");
	T_EQ_STR(expr("2018年"),
		 "N:((\"2018\" + \"年\" *))||");
	T_EQ_STR(expr("应急 安 -通知"),
		 "N:((\"应急\") NOT "
		 "((\"通知\")))|((\"安\"))|");
	T_EQ_STR(expr("\"安全 生产\""),
		 "N:((\"安全\" + \"全生\" + "
		 "\"生产\"))||");
	T_EQ_STR(expr("“GB/T 9704”"),
		 "N:((\"gb\" + \"t\" + "
		 "\"9704\"))||");
	/* quotes and operators typed by the user are only separators */
	T_EQ_STR(expr("a\"b"), "N:((\"a\" + "
			       "\"b\"))||");
	/* filters are marked tokens (U+0001) of the driving index */
	struct search_query sq;
	struct err e = {0};
	struct search_filter f = {.organ_id = 2, .year = 2018};
	T_EQ_INT(search_query_parse("安", 3, &f, &sq, &e), 0);
	T_EQ_STR(buf_str(&sq.expr),
		 "((\"安\")) AND (\"\001o2\" AND \"\001y2018\")");
	search_query_free(&sq);
	T_EQ_STR(expr("NOT OR AND *"),
		 "N:((\"not\") AND (\"or\") "
		 "AND (\"and\"))||");
}

static void test_query_errors(void)
{
	T_ASSERT(strncmp(expr(""), "ERR:请输入", 10) == 0);
	T_ASSERT(strncmp(expr("   。,"), "ERR:请输入", 10) == 0);
	T_ASSERT(strstr(expr("-应急"), "只有排除词") != NULL);
	T_ASSERT(strstr(expr("\xff\xfe"), "UTF-8") != NULL);
	char big[400];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	T_ASSERT(strstr(expr(big), "太长") != NULL);
	T_ASSERT(strstr(expr("a b c d e f g h i j k l m"), "太多") != NULL);
}

/*---- Highlighting ----*/

static const char *marks(const char *q, const char *text)
{
	static char out[1024];
	struct search_query sq;
	struct err e = {0};
	out[0] = 0;
	if (search_query_parse(q, strlen(q), NULL, &sq, &e)) {
		return "ERR";
	}
	struct search_mark *m;
	size_t n;
	search_marks(&sq, text, strlen(text), &m, &n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		k += (size_t)snprintf(out + k, sizeof out - k, "[%.*s]",
				      m[i].end - m[i].start,
				      text + m[i].start);
	}
	free(m);
	search_query_free(&sq);
	return out;
}

static void test_marks(void)
{
	T_EQ_STR(marks("应急", "沙县应急管理局应急"), "[应急][应急]");
	T_EQ_STR(marks("ab", "ＡＢ ab abc"), "[ＡＢ][ab]");
	T_EQ_STR(marks("沙应急[2018]12号", "文号 沙应急〔2018〕12号。"),
		 "[沙应急〔2018〕12号]");
	T_EQ_STR(marks("安 全", "安全"), "[安全]");
	T_EQ_STR(marks("-安 全", "安全"), "[全]");
	T_EQ_STR(marks("x", "无"), "");
}

/*---- Recall and consistency on a real database ----*/

static const char catalog[] =
	"INSERT INTO item(organ_id, title, doc_no, category_id, kind, body,"
	" summary, published_date, status, ever_published, created_at,"
	" updated_at) SELECT 1, t, dn, (SELECT min(id) FROM category WHERE "
	"organ_id = 1), k, b, '', d, 'published', 1, 'x', 'x' FROM ("
	"SELECT '沙县应急管理局2018年工作总结' t, '' dn, 'normal' k, "
	"'<p>全年发布信息 259 条</p>' b, '2019-01-10' d "
	"UNION ALL SELECT '关于开展安全生产月活动的通知', '沙应急〔2018〕12号',"
	" 'normative', '<p>各乡镇&amp;单位:安全第一</p>', '2018-06-01' "
	"UNION ALL SELECT '防汛防台风工作预案', '', 'normal', "
	"'<p>应急预案启动</p>', '2018-07-01' "
	"UNION ALL SELECT '预算公开说明', '', 'normal', '<p>部门预算</p>', "
	"'2017-03-01' "
	"UNION ALL SELECT 'GB/T 9704 公文格式', '', 'normal', '<p>Word "
	"WPS</p>', '2016-05-05');"
	"INSERT INTO item(organ_id, title, category_id, kind, body, status,"
	" created_at, updated_at) SELECT 1, '应急草稿', min(id), 'normal', "
	"'应急', 'draft', 'x', 'x' FROM category WHERE organ_id = 1;";

/* The titles a query finds (sorted by id), or "ERR: ...". */
static const char *find(store *st, const char *q,
			const struct search_filter *f, int by_date)
{
	static char out[2048];
	struct search_query sq;
	struct err e = {0};
	if (search_query_parse(q, strlen(q), f, &sq, &e)) {
		snprintf(out, sizeof out, "ERR:%s", e.msg);
		return out;
	}
	struct search_result r;
	if (search_run(st, &sq, by_date, 20, 0, &r, &e)) {
		search_query_free(&sq);
		snprintf(out, sizeof out, "ERR:%s", e.msg);
		return out;
	}
	size_t k = 0;
	out[0] = 0;
	for (size_t i = 0; i < r.n; i++) {
		k += (size_t)snprintf(out + k, sizeof out - k, "%s%lld",
				      i ? "," : "", (long long)r.ids[i]);
	}
	if ((int64_t)r.n != r.total) {
		snprintf(out + k, sizeof out - k, " total=%lld",
			 (long long)r.total);
	}
	search_result_free(&r);
	search_query_free(&sq);
	return out;
}

static store *catalog_db(void)
{
	store *st = tdb_open();
	if (!st) {
		return NULL;
	}
	if (tdb_exec("INSERT INTO organ(name, slug, code, created_at) "
		     "VALUES ('沙县应急管理局', 'yjj', '003510427',"
		     " 'x')") != SQLITE_OK) {
		tdb_close(st);
		return NULL;
	}
	if (tdb_exec("INSERT INTO category(organ_id, name) VALUES (1, '工作动态')") !=
		    SQLITE_OK ||
	    tdb_exec(catalog) != SQLITE_OK) {
		tdb_close(st);
		return NULL;
	}
	return st;
}

/* The ids search_run ranks first for q (up to 20, comma-separated, as
 * find gives them without the total) and, into want, those FTS5's own
 * bm25 ranks first for the same expression with the same weights and
 * ties, for gk_rank to be checked against. */
static void ranked_both(store *st, const char *q, const struct search_filter *f,
			char *got, char *want, size_t n)
{
	snprintf(got, n, "%s", find(st, q, f, 0));
	char *total = strstr(got, " total=");
	if (total) {
		*total = 0;
	}
	struct search_query sq;
	struct err e = {0};
	want[0] = 0;
	if (search_query_parse(q, strlen(q), f, &sq, &e) == 0) {
		tdb_join(st,
			 "SELECT rowid FROM item_fts WHERE item_fts MATCH ?1 "
			 "ORDER BY bm25(item_fts, 1.0, 10.0, 8.0, 0.5, 0.0), "
			 "rowid DESC LIMIT 20",
			 buf_str(&sq.expr), 0, ",", want, n);
		search_query_free(&sq);
	}
}

/* gk_rank orders every kind of query as bm25 does: one word (scored
 * without the document frequency), several (with it), exclusions and
 * filters (not scored), over items whose counts, lengths and titles
 * differ. */
static void test_ranking(void)
{
	store *st = catalog_db();
	T_ASSERT(st != NULL);
	T_EQ_INT(tdb_exec(
			 "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT "
			 "k + 1 FROM n WHERE k < 60) INSERT INTO item(organ_id,"
			 " title, category_id, kind, body, status, "
			 "published_date, created_at, updated_at) SELECT 1, "
			 "CASE WHEN k % 7 = 0 THEN '应急通知' WHEN k % 11 = 0 "
			 "THEN '管理办法' ELSE '通知' END || k, 1, 'normal', "
			 "'<p>' || replace(hex(zeroblob((k % 2 = 0) * (k * 7 % "
			 "5 + 1))), '00', '应急') || replace(hex(zeroblob((k % 6 = "
			 "0) * (k * 3 % 4 + 1))), '00', '预警') || "
			 "replace(hex(zeroblob(k * 3 % 4)), '00', '管理') || "
			 "replace(hex(zeroblob(k * 13 % 9)), '00', '工作部署') "
			 "|| '</p>', 'published', '2020-01-0' || "
			 "(k % 9 + 1), 'x', 'x' FROM n"),
		 SQLITE_OK);
	const char *qs[] = {"应急", "管理", "工作部署", "应急 管理", "应急 预警",
			    "管理 工作部署 应急", "应急 -部署", "应急 -管理", "通知"};
	char got[512], want[512];
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		ranked_both(st, qs[i], NULL, got, want, sizeof got);
		T_EQ_STR(got, want);
		T_ASSERT(strchr(got, ',') != NULL); /* more than one found */
	}
	struct search_filter f = {.organ_id = 1, .year = 2020};
	ranked_both(st, "应急 管理", &f, got, want, sizeof got);
	T_EQ_STR(got, want);
	T_ASSERT(strchr(got, ',') != NULL);
	tdb_close(st);
}

static void test_recall(void)
{
	store *st = catalog_db();
	T_ASSERT(st != NULL);
	/* newest first when sorted by date */
	/* 应急 in 1's title, 2's document number, 3's body */
	T_EQ_STR(find(st, "应急", NULL, 1), "1,3,2");
	T_EQ_STR(find(st, "应", NULL, 1), "1,3,2");
	T_EQ_STR(find(st, "预", NULL, 1), "3,4");
	T_EQ_STR(find(st, "预案", NULL, 1), "3");
	T_EQ_STR(find(st, "管理局", NULL, 1), "1");
	T_EQ_STR(find(st, "局", NULL, 1), "1");
	T_EQ_STR(find(st, "2018年", NULL, 1), "1");
	T_EQ_STR(find(st, "2018", NULL, 1), "1,2");
	T_EQ_STR(find(st, "259", NULL, 0), "1");
	T_EQ_STR(find(st, "安全生产", NULL, 0), "2");
	T_EQ_STR(find(st, "\"安全 生产\"", NULL, 0), "2");
	T_EQ_STR(find(st, "安全 -生产", NULL, 0), "");
	T_EQ_STR(find(st, "安 -生产", NULL, 0), "");
	T_EQ_STR(find(st, "工作 -应急", NULL, 0), "");
	T_EQ_STR(find(st, "工作 -草稿", NULL, 1), "1,3");
	T_EQ_STR(find(st, "沙应急〔2018〕12号", NULL, 0), "2");
	T_EQ_STR(find(st, "沙应急[2018]12号", NULL, 0), "2");
	T_EQ_STR(find(st, "沙应急［２０１８］１２号", NULL, 0), "2");
	T_EQ_STR(find(st, "gb/t 9704", NULL, 0), "5");
	T_EQ_STR(find(st, "wps", NULL, 0), "5");
	T_EQ_STR(find(st, "&amp", NULL, 0), "");
	T_EQ_STR(find(st, "各乡镇", NULL, 0), "2");
	T_EQ_STR(find(st, "草稿", NULL, 0), ""); /* a draft is not public */
	/* filters */
	struct search_filter f = {.year = 2018};
	T_EQ_STR(find(st, "工作", &f, 1), "3");
	f = (struct search_filter){.kind = "normative"};
	T_EQ_STR(find(st, "安", &f, 1), "2");
	f = (struct search_filter){.organ_id = 2};
	T_EQ_STR(find(st, "应急", &f, 1), "");
	f = (struct search_filter){.organ_id = 1, .validity = "valid"};
	T_EQ_STR(find(st, "应急", &f, 1), "1,3,2");
	/* ranked: title over document number over body */
	T_EQ_STR(find(st, "应急", NULL, 0), "1,2,3");
	struct err e = {0};
	T_EQ_INT(search_check(st, &e), 0);
	tdb_close(st);
}

static void test_consistency(void)
{
	store *st = catalog_db();
	T_ASSERT(st != NULL);
	struct err e = {0};
	/* edit, withdraw, republish, abolish, delete, attachment text */
	T_EQ_INT(tdb_exec("UPDATE item SET title = '防汛抗旱预案' WHERE id = 3"),
		 SQLITE_OK);
	T_EQ_STR(find(st, "台风", NULL, 0), "");
	T_EQ_STR(find(st, "抗旱", NULL, 0), "3");
	T_EQ_INT(tdb_exec("UPDATE item SET status = 'withdrawn' WHERE id = 1"),
		 SQLITE_OK);
	T_EQ_STR(find(st, "应急", NULL, 1), "3,2");
	T_EQ_STR(find(st, "局", NULL, 1), "");
	T_EQ_INT(search_check(st, &e), 0);
	T_EQ_INT(tdb_exec("UPDATE item SET status = 'published' WHERE id = 1"),
		 SQLITE_OK);
	T_EQ_STR(find(st, "局", NULL, 1), "1");
	T_EQ_INT(tdb_exec("UPDATE item SET validity = 'abolished' WHERE id = 1"),
		 SQLITE_OK);
	struct search_filter f = {.validity = "abolished"};
	T_EQ_STR(find(st, "应急", &f, 1), "1");
	/* a filter token typed into the text does not make a filter
	 * match: the view and gk_plain turn the mark into a space */
	T_EQ_INT(tdb_exec("UPDATE item SET title = title || char(1) || "
			  "'y2018', summary = char(1) || 'y2018', body = "
			  "'<p>&#1;y2018 预</p>' WHERE id = 4"),
		 SQLITE_OK);
	f = (struct search_filter){.year = 2018};
	T_EQ_STR(find(st, "预", &f, 1), "3");
	T_EQ_STR(find(st, "y2018", NULL, 1), "4");
	f = (struct search_filter){.year = 2017};
	T_EQ_STR(find(st, "预", &f, 1), "4");
	T_EQ_INT(tdb_exec("UPDATE item SET status = 'published', "
			  "published_date = '2019-02-02' WHERE id = 6"),
		 SQLITE_OK);
	T_EQ_STR(find(st, "草稿", NULL, 1), "6");
	T_EQ_INT(tdb_exec("INSERT INTO blob(sha256, size, data) VALUES "
			  "('s1', 1, x'00'); INSERT INTO attachment(item_id, "
			  "name, ctype, sha256, size, created_at) VALUES (4, "
			  "'a.pdf', 'application/pdf', 's1', 1, 'x')"),
		 SQLITE_OK);
	int64_t id = 0;
	T_EQ_INT(search_attachment_next(st, &id, &e), 1);
	T_EQ_INT(search_attachment_text(st, id, "附件里的乡村振兴规划", &e), 0);
	T_EQ_INT(search_attachment_next(st, &id, &e), 0);
	T_EQ_STR(find(st, "乡村振兴", NULL, 0), "4");
	T_EQ_INT(tdb_exec("DELETE FROM attachment"), SQLITE_OK);
	T_EQ_STR(find(st, "乡村振兴", NULL, 0), "");
	T_EQ_INT(tdb_exec("UPDATE category SET parent_id = NULL"), SQLITE_OK);
	T_EQ_INT(search_check(st, &e), 0);
	T_EQ_INT(tdb_exec("DELETE FROM item WHERE id = 5"), SQLITE_OK);
	T_EQ_STR(find(st, "wps", NULL, 0), "");
	T_EQ_INT(search_check(st, &e), 0);
	/* The rebuild reads the view by id ranges, by the primary key
	 * (not by scanning every published item for each range). */
	char plan[512];
	tdb_join(st,
		 "EXPLAIN QUERY PLAN SELECT id FROM item_search_src WHERE id > "
		 "1 AND id <= 9",
		 NULL, 3, "; ", plan, sizeof plan);
	T_ASSERT(strstr(plan, "SEARCH i USING INTEGER PRIMARY KEY (rowid>? "
			      "AND rowid<?)") != NULL);
	/* The rebuild's larger page cache ends with it. */
	long long cache = tdb_scalar(st, "PRAGMA cache_size");
	T_EQ_INT(search_rebuild(st, NULL, NULL, &e), 0);
	T_EQ_INT(tdb_scalar(st, "PRAGMA cache_size"), cache);
	T_EQ_INT(search_check(st, &e), 0);
	T_EQ_STR(find(st, "预", NULL, 1), "3,4");
	tdb_close(st);
}

/* The single-character index is given each character of a text once:
 * a text with more distinct characters than that set holds (3,000 of
 * Extension A, each twice) is found by its first and its last, edited
 * away cleanly, and both indexes pass FTS5's integrity check. */
static void test_repeated_characters(void)
{
	store *st = catalog_db();
	T_ASSERT(st != NULL);
	struct err e = {0};
	Buf sql = BUF_INIT;
	buf_puts(&sql, "UPDATE item SET body = '<p>");
	for (int rep = 0; rep < 2; rep++) {
		for (int32_t c = 0x3400; c < 0x3400 + 3000; c++) {
			char b[3] = {(char)(0xE0 | c >> 12),
				     (char)(0x80 | (c >> 6 & 0x3F)),
				     (char)(0x80 | (c & 0x3F))};
			buf_append(&sql, b, 3);
		}
	}
	buf_puts(&sql, "</p>' WHERE id = 4");
	int rc = tdb_exec(buf_str(&sql));
	buf_free(&sql);
	T_EQ_INT(rc, SQLITE_OK);
	T_EQ_STR(find(st, "\xe3\x90\x80", NULL, 1), "4"); /* U+3400 */
	T_EQ_STR(find(st, "\xe3\xbe\xb7", NULL, 1), "4"); /* U+3FB7 */
	T_EQ_STR(find(st, "\xe3\xbe\xb7", NULL, 0), "4");
	T_EQ_STR(find(st, "\xe3\xbe\xb8", NULL, 1), ""); /* U+3FB8 */
	T_EQ_INT(search_check(st, &e), 0);
	T_EQ_INT(tdb_exec("UPDATE item SET body = '<p>部门预算</p>' WHERE "
			  "id = 4"),
		 SQLITE_OK);
	T_EQ_STR(find(st, "\xe3\x90\x80", NULL, 1), "");
	T_EQ_STR(find(st, "\xe3\xbe\xb7", NULL, 1), "");
	T_EQ_STR(find(st, "预", NULL, 1), "3,4");
	T_EQ_INT(search_check(st, &e), 0);
	T_EQ_INT(search_rebuild(st, NULL, NULL, &e), 0);
	T_EQ_STR(find(st, "预", NULL, 1), "3,4");
	T_EQ_INT(search_check(st, &e), 0);
	tdb_close(st);
}

/* Any input: parses or gives ERR_INPUT, and every parsed query runs on a
 * real index without an error. */
static void test_fuzz_queries(void)
{
	store *st = catalog_db();
	T_ASSERT(st != NULL);
	const char *parts[] = {"应急", "安", "\"", "“", "”", "-", "－", " ",
			       "　", "*", "(", ")", "{", "}", ":", "^", "NEAR",
			       "OR", "NOT", "AND", "+", "a", "2018", "〔",
			       "\\", "'", "\xff", "\xe5", "年", "*\"", "\0x"};
	unsigned seed = 99;
	int ok = 0;
	for (int round = 0; round < 3000; round++) {
		char q[300];
		size_t n = 0;
		int k = (int)((seed = seed * 1103515245 + 12345) >> 16) % 14;
		for (int i = 0; i < k; i++) {
			const char *p = parts[((seed = seed * 1103515245 +
						       12345) >>
					       16) %
					      (sizeof parts / sizeof parts[0])];
			size_t l = strlen(p);
			memcpy(q + n, p, l);
			n += l;
		}
		if (round % 3 == 0) { /* raw bytes */
			for (size_t i = 0; i < n; i++) {
				q[i] ^= (char)((seed = seed * 1103515245 +
							12345) >>
					       20);
			}
		}
		struct search_query sq;
		struct err e = {0};
		if (search_query_parse(q, n, NULL, &sq, &e)) {
			T_EQ_INT(e.code, ERR_INPUT);
			search_query_free(&sq);
			continue;
		}
		struct search_result r;
		int rc = search_run(st, &sq, round & 1, 20, 0, &r, &e);
		if (rc) {
			fprintf(stderr, "  query %.*s -> %s: %s\n", (int)n, q,
				buf_str(&sq.expr), e.msg);
		}
		search_query_free(&sq);
		T_EQ_INT(rc, 0);
		search_result_free(&r);
		ok++;
	}
	T_ASSERT(ok > 500);
	tdb_close(st);
}

void suite_search(void)
{
	T_RUN(test_cjk_bigrams);
	T_RUN(test_words_and_folding);
	T_RUN(test_offsets_never_split);
	T_RUN(test_query_syntax);
	T_RUN(test_query_errors);
	T_RUN(test_marks);
	T_RUN(test_recall);
	T_RUN(test_ranking);
	T_RUN(test_consistency);
	T_RUN(test_repeated_characters);
	T_RUN(test_fuzz_queries);
}
