/*
 * query.c - libFuzzer target for the search query parser (search/query.c)
 * and the statements it feeds (store/search.c). Built and run by
 * `make fuzz` (clang, -fsanitize=fuzzer,address,undefined).
 *
 * Each input is split at its first NUL byte, if any: the bytes before it
 * are the query, the byte after it picks the filters and the sort. Every
 * input must either parse or fail with ERR_INPUT (the 400 of the portal
 * and the API); every parsed query must run on a real FTS5 index without
 * an error, so no FTS5 syntax error can reach a user. Anything else
 * aborts, which libFuzzer reports with the input.
 */
#include "search/query.h"
#include "store/search.h"
#include "store/store_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static store *st;

/* A small catalog in a database of its own, created once per process. */
static store *catalog(void)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/gk-fuzz-%d.db", (int)getpid());
	unlink(path);
	store *s = NULL;
	struct err e = {0};
	if (store_open(path, STORE_OPEN_CREATE, &s, &e) ||
	    sqlite3_exec(
		    s->db,
		    "INSERT INTO organ(name, slug, code, created_at) VALUES "
		    "('沙县应急管理局', 'yjj', '003510427', 'x');"
		    "INSERT INTO category(organ_id, name) VALUES (1, '工作动态');"
		    "INSERT INTO item(organ_id, title, doc_no, category_id, kind,"
		    " body, summary, published_date, status, ever_published,"
		    " created_at, updated_at) VALUES (1, '沙县应急管理局2018年"
		    "工作总结', '沙应急〔2018〕12号', 1, 'normative', '<p>安全"
		    "生产 GB/T 9704 全年发布信息 259 条</p>', '', '2019-01-10',"
		    " 'published', 1, 'x', 'x'), (1, '防汛防台风工作预案', '', 1,"
		    " 'normal', '<p>应急预案启动</p>', '', '2018-07-01',"
		    " 'published', 1, 'x', 'x');",
		    NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz: catalog: %s\n",
			s ? sqlite3_errmsg(s->db) : e.msg);
		abort();
	}
	unlink(path); /* the open connection keeps it until exit */
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!st) {
		st = catalog();
	}
	const char *q = (const char *)data;
	const uint8_t *nul = memchr(data, 0, size);
	size_t n = nul ? (size_t)(nul - data) : size;
	unsigned opt = nul && n + 1 < size ? nul[1] : 0;
	struct search_filter f = {0};
	if (opt & 1) {
		f.organ_id = 1;
	}
	if (opt & 2) {
		f.year = 2019;
	}
	if (opt & 4) {
		f.kind = "normative";
	}
	if (opt & 8) {
		f.validity = "valid";
	}
	struct search_query sq;
	struct err e = {0};
	if (search_query_parse(q, n, &f, &sq, &e)) {
		if (e.code != ERR_INPUT || !e.msg[0]) {
			fprintf(stderr, "fuzz: parse error %d: %s\n", e.code,
				e.msg);
			abort();
		}
		search_query_free(&sq);
		return 0;
	}
	struct search_result r;
	if (search_run(st, &sq, (opt >> 4) & 1, 20, (opt >> 5) & 1 ? 20 : 0,
		       &r, &e)) {
		fprintf(stderr, "fuzz: %s -> %s\n", buf_str(&sq.expr), e.msg);
		abort();
	}
	struct search_mark *m;
	size_t nm;
	search_marks(&sq, q, n, &m, &nm);
	for (size_t i = 0; i < nm; i++) {
		if (m[i].start < 0 || m[i].end > (int)n ||
		    m[i].start >= m[i].end) {
			abort();
		}
	}
	free(m);
	search_result_free(&r);
	search_query_free(&sq);
	return 0;
}
