/*
 * bench/search.c - benchmark of full-text search (store/search.c,
 * search/query.c, search/tokenizer_cjk.c) against SQLite's plain FTS5
 * "trigram" tokenizer on the same data in the same run.
 *
 * It creates a fresh gongkai database (store_open, so the real schema,
 * triggers and tokenizer), generates N published items with Chinese text
 * sampled from the seed annual report and the 2019 Regulation (sentences
 * shuffled and varied: organ names, years, numbers, document numbers,
 * names of enterprises, villages, people and projects drawn from a Zipf
 * vocabulary so that terms have a realistic long tail), and reports:
 *
 *   - index build rate: inserting the items with the search triggers,
 *     search_rebuild(), and an external-content trigram table's 'rebuild';
 *   - index size / text size (dbstat);
 *   - query latency p50/p99 (warm cache) for 1-, 2-, 3- and 6-character
 *     queries, selective (in under 1% of items) and common, and filtered
 *     ones, through search_query_parse + search_run (ranked and newest
 *     first), beside the trigram table's equivalent MATCH queries;
 *   - recall against a ground truth (instr() over the indexed text) for a
 *     sample of the items, ours and the trigram table's;
 *   - the targets (meant for N = 1,000,000 on 2 cores) with PASS/FAIL.
 *
 * Usage: bench-search [--db DIR] [--keep] [--seed FILE] [--reference FILE]
 *                     [--rng N] [--skip-rebuild] [--fast-load]
 *                     [--pragma SQL] N
 *        bench-search --open FILE [--organ ID] [--year Y]
 *                     --q TERM [--q TERM ...]
 * --fast-load inserts the items without the search trigger and builds
 * the indexes with search_rebuild only (quicker at 1M items);
 * --skip-rebuild leaves out search_rebuild (long at 1M items); --open
 * times chosen queries through search_run on a database kept from a run
 * (--keep), ranked and by date; --pragma
 * runs SQL on the connection first, for experiments with settings that
 * store_open does not make (cache_size, mmap_size).
 * Without --db the database goes to a fresh directory under $TMPDIR (or
 * /tmp), removed at the end unless --keep. Run with `make bench`.
 */
#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"
#include "search/query.h"
#include "store/search.h"
#include "store/store.h"
#include "store/store_int.h"

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_SEED "/work/shared/seed/000_85c6d25b55c87b10.txt"
#define DEFAULT_REF "/work/shared/reference/regulation-2019.md"

#define TX_ROWS 5000       /* items per insert transaction */
#define NENT 60000         /* entity vocabulary (Zipf, s = 1) */
#define NTAIL 2500         /* rare CJK characters for entity names */
#define MAXCAND 400        /* 3- and 6-character candidate terms, each */
#define RECALL_SAMPLE 20000 /* items (ids 1..) of the recall ground truth */
#define PAGE 20
#define QUERY_TIMEOUT 5.0 /* seconds; a query running longer is cut off */

/*---- Small helpers ----*/

static void die(const char *what, const struct err *e)
{
	fprintf(stderr, "bench-search: %s: %s\n", what, e ? e->msg : "");
	exit(1);
}

static void die_db(sqlite3 *db, const char *what)
{
	fprintf(stderr, "bench-search: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t rn(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static double rf(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static void put_cp(Buf *b, uint32_t c)
{
	char u[4];
	int n;
	if (c < 0x80) {
		u[0] = (char)c, n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
	}
	buf_append(b, u, (size_t)n);
}

/* Decodes the code point at s[*i] (valid UTF-8 assumed; bad bytes give
 * U+FFFD) and advances *i. */
static uint32_t get_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = n - *i;
	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0 && left >= 2) {
		*i += 2;
		return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && left >= 3) {
		*i += 3;
		return ((uint32_t)(u[0] & 0x0F) << 12) |
		       ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && left >= 4) {
		*i += 4;
		return ((uint32_t)(u[0] & 0x07) << 18) |
		       ((uint32_t)(u[1] & 0x3F) << 12) |
		       ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*i += 1;
	return 0xFFFD;
}

static int is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static size_t nchars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	}
	return k;
}

/*---- String pools ----*/

struct pool {
	char **s;
	size_t n, cap;
};

static void pool_add(struct pool *p, const char *s, size_t n)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 256;
		p->s = xrealloc(p->s, p->cap * sizeof *p->s);
	}
	char *c = xmalloc(n + 1);
	memcpy(c, s, n);
	c[n] = 0;
	p->s[p->n++] = c;
}

static void pool_free(struct pool *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->s[i]);
	}
	free(p->s);
	memset(p, 0, sizeof *p);
}

static struct pool sentences, clauses;

static int starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0;
}

/* Splits one line of prose into sentences (at 。；！？) and clauses (at
 * ，、：), keeping lines without a sentence end (headings) as clauses. */
static void add_line(const char *s, size_t n)
{
	static const char *const ends[] = {"。", "；", "！", "？"};
	static const char *const cuts[] = {"，", "、", "：", ",", ":"};
	size_t start = 0, i = 0, cstart = 0;
	int any_end = 0;
	while (i < n) {
		size_t step = 1, cut = 0;
		int end = 0;
		for (size_t k = 0; k < 4; k++) {
			if (starts(s + i, n - i, ends[k])) {
				end = 1, step = strlen(ends[k]);
			}
		}
		for (size_t k = 0; !end && k < 5; k++) {
			if (starts(s + i, n - i, cuts[k])) {
				cut = 1, step = strlen(cuts[k]);
			}
		}
		if (end || cut) {
			size_t cn = nchars(s + cstart, i - cstart);
			if (cn >= 4 && cn <= 20) {
				pool_add(&clauses, s + cstart, i - cstart);
			}
			cstart = i + step;
		}
		if (end) {
			size_t sn = nchars(s + start, i + step - start);
			if (sn >= 8 && sn <= 220) {
				pool_add(&sentences, s + start, i + step - start);
			}
			start = i + step;
			any_end = 1;
		}
		i += step;
	}
	size_t rest = nchars(s + start, n - start);
	if (!any_end && rest >= 4 && rest <= 30) {
		pool_add(&clauses, s + start, n - start);
	} else if (rest >= 8 && rest <= 220) {
		pool_add(&sentences, s + start, n - start);
	}
}

/* Reads a text file of prose: markdown headings, tables, comments and
 * (in the regulation) the developer index after the text are skipped;
 * <, > and & are dropped so the text can go into HTML as is. */
static void load_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "bench-search: %s: %s\n", path,
			strerror(errno));
		exit(1);
	}
	Buf all = BUF_INIT;
	char chunk[8192];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_append(&all, chunk, k);
	}
	fclose(f);
	char *t = all.p ? all.p : (char *)"";
	char *cut = strstr(t, "## 开发者索引");
	if (cut) {
		*cut = 0;
	}
	int in_comment = 0;
	for (char *line = t; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		char *next = nl ? nl + 1 : line + n;
		/* Trim ASCII and ideographic spaces, \r. */
		while (n > 0 && (*line == ' ' || *line == '\t')) {
			line++, n--;
		}
		while (n >= 3 && memcmp(line, "\xe3\x80\x80", 3) == 0) {
			line += 3, n -= 3;
		}
		while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ')) {
			n--;
		}
		if (starts(line, n, "<!--")) {
			in_comment = 1;
		}
		int skip = in_comment || n == 0 || line[0] == '#' ||
			   line[0] == '|' || line[0] == '-' || line[0] == '>' ||
			   starts(line, n, "发布时间");
		if (in_comment && memmem(line, n, "-->", 3)) {
			in_comment = 0;
		}
		if (!skip) {
			Buf clean = BUF_INIT;
			for (size_t i = 0; i < n; i++) {
				if (line[i] != '<' && line[i] != '>' &&
				    line[i] != '&') {
					buf_putc(&clean, line[i]);
				}
			}
			if (clean.n) {
				add_line(clean.p, clean.n);
			}
			buf_free(&clean);
		}
		line = next;
	}
	buf_free(&all);
}

/*---- Organs, categories, entities ----*/

struct organ {
	const char *slug, *name, *abbr;
	int weight;
};

static const struct organ organs[] = {
	{"szf", "沙县人民政府", "沙政", 10},
	{"yjj", "沙县应急管理局", "沙应急", 20},
	{"czj", "沙县财政局", "沙财", 10},
	{"jyj", "沙县教育局", "沙教", 10},
	{"zrzyj", "沙县自然资源局", "沙自然资源", 8},
	{"wjj", "沙县卫生健康局", "沙卫健", 8},
	{"scjgj", "沙县市场监督管理局", "沙市监", 8},
	{"zjj", "沙县住房和城乡建设局", "沙建", 6},
	{"jtj", "沙县交通运输局", "沙交", 6},
	{"nyj", "沙县农业农村局", "沙农", 6},
	{"sthjj", "三明市沙县生态环境局", "沙环", 4},
	{"gaj", "沙县公安局", "沙公", 4},
};
#define NORGAN ((int)(sizeof organs / sizeof organs[0]))
#define CAT_PER_ORGAN 11

static const char *const cat_names[CAT_PER_ORGAN] = {
	"工作动态", "政务公开",	  "通知公告",	 "安全监管",
	"政策法规", "机构职能",	  "部门文件",	 "其他应主动公开信息",
	"政府信息公开制度", "财政预决算", "重大建设项目",
};

static const char *const towns[] = {
	"凤岗街道", "虬江街道", "青州镇", "夏茂镇", "高砂镇", "高桥镇",
	"富口镇",   "大洛镇",   "南霞乡", "南阳乡", "郑湖乡", "湖源乡",
};
#define NTOWN (sizeof towns / sizeof towns[0])

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
	"徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑",
	"梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾",
};
static const char *const co_suffix[] = {
	"有限公司",	"化工有限公司",	    "矿业有限公司", "木业有限公司",
	"建筑工程有限公司", "商贸有限公司", "烟花爆竹店",	"加油站",
	"竹业专业合作社", "食品厂",
};
static const char *const proj_suffix[] = {
	"路改造工程", "安置小区", "水库除险加固工程", "大桥", "工业园区",
	"中心小学",   "卫生院",   "农贸市场",	      "污水处理厂",
};

static uint32_t *common_cp; /* CJK characters of the source text */
static size_t ncommon;
static uint32_t tail_cp[NTAIL];
static char *ent[NENT];
static double ent_cdf[NENT];

static uint32_t name_char(void)
{
	return rf() < 0.7 && ncommon ? common_cp[rn(ncommon)]
				     : tail_cp[rn(NTAIL)];
}

static void build_entities(void)
{
	/* The source's distinct CJK characters. */
	static unsigned char seen[0x10000];
	size_t cap = 0;
	for (size_t p = 0; p < sentences.n + clauses.n; p++) {
		const char *s = p < sentences.n ? sentences.s[p]
						: clauses.s[p - sentences.n];
		size_t n = strlen(s), i = 0;
		while (i < n) {
			uint32_t c = get_cp(s, n, &i);
			if (is_han(c) && c < 0x10000 && !seen[c]) {
				seen[c] = 1;
				if (ncommon == cap) {
					cap = cap ? 2 * cap : 1024;
					common_cp = xrealloc(
						common_cp,
						cap * sizeof *common_cp);
				}
				common_cp[ncommon++] = c;
			}
		}
	}
	for (size_t i = 0; i < NTAIL; i++) {
		tail_cp[i] = 0x4E00 + (uint32_t)rn(0x9FA5 - 0x4E00);
	}
	double h = 0;
	for (size_t i = 0; i < NENT; i++) {
		Buf b = BUF_INIT;
		switch (rn(4)) {
		case 0: /* enterprise */
			if (rn(3) == 0) {
				buf_puts(&b, towns[rn(NTOWN)]);
			}
			buf_puts(&b, "沙县");
			put_cp(&b, name_char());
			put_cp(&b, name_char());
			buf_puts(&b, co_suffix[rn(sizeof co_suffix /
						  sizeof co_suffix[0])]);
			break;
		case 1: /* village */
			buf_puts(&b, towns[rn(NTOWN)]);
			put_cp(&b, name_char());
			put_cp(&b, name_char());
			buf_puts(&b, "村");
			break;
		case 2: /* person */
			buf_puts(&b, surnames[rn(sizeof surnames /
						 sizeof surnames[0])]);
			put_cp(&b, name_char());
			if (rn(3)) {
				put_cp(&b, name_char());
			}
			buf_puts(&b, "同志");
			break;
		default: /* project */
			put_cp(&b, name_char());
			put_cp(&b, name_char());
			if (rn(2)) {
				put_cp(&b, name_char());
			}
			buf_puts(&b, proj_suffix[rn(sizeof proj_suffix /
						    sizeof proj_suffix[0])]);
			break;
		}
		ent[i] = buf_detach(&b);
		h += 1.0 / (double)(i + 1);
		ent_cdf[i] = h;
	}
	for (size_t i = 0; i < NENT; i++) {
		ent_cdf[i] /= h;
	}
}

static const char *entity(void)
{
	double x = rf();
	size_t lo = 0, hi = NENT - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ent_cdf[mid] < x) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return ent[lo];
}

/*---- Candidate terms of 3 and 6 characters ----*/

struct cand {
	char *t[MAXCAND];
	size_t n;
};
static struct cand cand3, cand6;

/* Records a window of len CJK characters of s (starting at or after
 * character from, inside one run of CJK characters), if there is one. */
static void record(struct cand *c, const char *s, size_t len, size_t from)
{
	if (c->n >= MAXCAND) {
		return;
	}
	size_t n = strlen(s), i = 0, k = 0;
	uint32_t cps[512];
	size_t off[513];
	while (i < n && k < 512) {
		off[k] = i;
		cps[k++] = get_cp(s, n, &i);
	}
	off[k] = i;
	for (size_t tries = 0; tries < 8; tries++) {
		size_t at = from + rn(from ? 2 : k);
		if (at + len > k) {
			continue;
		}
		size_t j = 0;
		while (j < len && is_han(cps[at + j])) {
			j++;
		}
		if (j == len) {
			c->t[c->n++] =
				xstrndup(s + off[at], off[at + len] - off[at]);
			return;
		}
	}
}

/*---- Item generation ----*/

struct item {
	int64_t id;
	int organ, cat;
	const char *kind, *validity;
	char date[24];
	int year;
	Buf title, doc_no, summary, body;
};

static void civil(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* A sentence or clause, varied: the seed organ replaced by the item's,
 * years moved to the item's, other numbers changed. */
static void vary(Buf *out, const char *s, const struct item *it)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		if (starts(s + i, n - i, "沙县应急管理局")) {
			buf_puts(out, organs[it->organ - 1].name);
			i += strlen("沙县应急管理局");
			continue;
		}
		if (s[i] >= '0' && s[i] <= '9') {
			size_t j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9') {
				j++;
			}
			if (j - i == 4 && (s[i] == '2' || s[i] == '1')) {
				int y = it->year - (int)rn(3);
				buf_printf(out, "%d", y < 2005 ? 2005 : y);
			} else if (j - i <= 9 && rn(2)) {
				buf_putc(out, (char)('1' + rn(9)));
				for (size_t k = i + 1; k < j; k++) {
					buf_putc(out, (char)('0' + rn(10)));
				}
			} else {
				buf_append(out, s + i, j - i);
			}
			i = j;
			continue;
		}
		buf_putc(out, s[i++]);
	}
}

static const char *const ent_lead[] = {
	"%s", "经核查，%s", "会同%s", "%s负责人表示，", "针对%s，", "督促%s",
};

/* One varied body sentence into out (plain text); sometimes with an
 * entity mention, which may become a candidate term. */
static void body_sentence(Buf *out, const struct item *it, int cand_item)
{
	Buf v = BUF_INIT;
	vary(&v, sentences.s[rn(sentences.n)], it);
	if (rn(100) < 40) {
		const char *en = entity();
		Buf lead = BUF_INIT;
		buf_printf(&lead, ent_lead[rn(sizeof ent_lead /
					      sizeof ent_lead[0])],
			   en);
		if (cand_item) {
			Buf w = BUF_INIT;
			buf_puts(&w, en);
			buf_append(&w, v.p, v.n);
			size_t ne = nchars(en, strlen(en));
			int six = (int)rn(2);
			record(six ? &cand6 : &cand3, buf_str(&w), six ? 6 : 3,
			       ne > 2 ? ne - 2 - rn(2) : 0);
			buf_free(&w);
		}
		buf_append(out, lead.p, lead.n);
		buf_free(&lead);
	} else if (cand_item) {
		int six = (int)rn(2);
		record(six ? &cand6 : &cand3, buf_str(&v), six ? 6 : 3, 0);
	}
	buf_append(out, v.p, v.n);
	buf_free(&v);
}

static const char *pick_kind(void)
{
	size_t r = rn(100);
	return r < 80 ? "normal"
	       : r < 88 ? "normative"
	       : r < 90 ? "rule"
	       : r < 97 ? "interpretation"
			: "annual_report";
}

static int64_t total_items = 1; /* N, for the dates */

static void gen_item(struct item *it, int64_t id, int cand_item)
{
	static int wsum;
	if (!wsum) {
		for (int i = 0; i < NORGAN; i++) {
			wsum += organs[i].weight;
		}
	}
	it->id = id;
	int w = (int)rn((size_t)wsum);
	it->organ = 1;
	for (int i = 0; i < NORGAN; i++) {
		if (w < organs[i].weight) {
			it->organ = i + 1;
			break;
		}
		w -= organs[i].weight;
	}
	static const int content_cat[] = {1, 2, 3, 4, 5, 6, 7, 8, 10, 11};
	it->cat = (it->organ - 1) * CAT_PER_ORGAN + content_cat[rn(10)];
	it->kind = pick_kind();
	size_t v = rn(100);
	it->validity = v < 90 ? "valid" : v < 96 ? "abolished" : "expired";
	/* 2010-01-01 .. 2026-11-30. Items are mostly entered in the order
	 * they are published (the date follows the id, within two weeks);
	 * 5% are back-filled with any date, as imports of old years are. */
	int64_t d0 = 14610, d1 = 20787, day;
	if (rn(100) < 5) {
		day = d0 + (int64_t)rn((size_t)(d1 - d0 + 1));
	} else {
		day = d0 + (id - 1) * (d1 - d0) / total_items +
		      (int64_t)rn(29) - 14;
		day = day < d0 ? d0 : day > d1 ? d1 : day;
	}
	int y, m, d;
	civil(day, &y, &m, &d);
	snprintf(it->date, sizeof it->date, "%04d-%02d-%02d", y, m, d);
	it->year = y;
	const struct organ *o = &organs[it->organ - 1];
	buf_reset(&it->title);
	buf_reset(&it->doc_no);
	buf_reset(&it->summary);
	buf_reset(&it->body);

	Buf cl = BUF_INIT;
	vary(&cl, clauses.s[rn(clauses.n)], it);
	if (strcmp(it->kind, "annual_report") == 0) {
		buf_printf(&it->title, "%s%d年政府信息公开工作年度报告",
			   o->name, y - 1);
	} else if (strcmp(it->kind, "interpretation") == 0) {
		buf_printf(&it->title, "关于《%s》的政策解读", buf_str(&cl));
	} else if (strcmp(it->kind, "normal") != 0) {
		buf_printf(&it->title, "%s关于印发%s的通知", o->name,
			   buf_str(&cl));
	} else {
		switch (rn(5)) {
		case 0:
			buf_printf(&it->title, "%s关于%s的通知", o->name,
				   buf_str(&cl));
			break;
		case 1:
			buf_printf(&it->title, "%s%s", entity(), buf_str(&cl));
			break;
		case 2:
			buf_printf(&it->title, "%s%s工作情况", towns[rn(NTOWN)],
				   buf_str(&cl));
			break;
		case 3:
			buf_printf(&it->title, "关于%s的公示", entity());
			break;
		default:
			buf_append(&it->title, cl.p, cl.n);
			break;
		}
	}
	buf_free(&cl);
	int want_no = strcmp(it->kind, "normal") == 0		? rn(100) < 40
		      : strcmp(it->kind, "interpretation") == 0 ? rn(2)
								: 1;
	if (want_no) {
		static const char *const mid[] = {"", "文", "办", "综"};
		buf_printf(&it->doc_no, "%s%s〔%d〕%d号", o->abbr,
			   mid[rn(4)], y, 1 + (int)rn(200));
	}
	/* Body: paragraphs of 1-4 sentences, 300-800 characters. */
	size_t target = 300 + rn(501), have = 0;
	Buf para = BUF_INIT;
	int first = 1;
	while (have < target) {
		buf_reset(&para);
		size_t ns = 1 + rn(4);
		for (size_t k = 0; k < ns && have < target; k++) {
			size_t before = para.n;
			body_sentence(&para, it, cand_item && k == 0);
			have += nchars(para.p + before, para.n - before);
		}
		if (first && rn(100) < 40) {
			/* The summary: the first clause of the text. */
			const char *p = buf_str(&para);
			const char *c = strstr(p, "，");
			size_t len = c ? (size_t)(c - p) : para.n;
			if (nchars(p, len) <= 60) {
				buf_append(&it->summary, p, len);
			}
		}
		first = 0;
		buf_puts(&it->body, "<p>");
		buf_append(&it->body, para.p, para.n);
		buf_puts(&it->body, "</p>\n");
	}
	buf_free(&para);
}

/*---- Database ----*/

/* Statements kept for the whole run (static in their functions), all
 * finalized before the store is closed. */
static sqlite3_stmt *kept[32];
static size_t nkept;

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		die_db(db, sql);
	}
	return s;
}

static sqlite3_stmt *prep_kept(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = prep(db, sql);
	if (nkept == sizeof kept / sizeof kept[0]) {
		fprintf(stderr, "bench-search: too many kept statements\n");
		exit(1);
	}
	kept[nkept++] = s;
	return s;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench-search: %s: %s\n", sql,
			msg ? msg : "?");
		exit(1);
	}
}

static int64_t scalar_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = prep(db, sql);
	int64_t v = 0;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
	} else if (rc != SQLITE_DONE) {
		die_db(db, sql);
	}
	sqlite3_finalize(s);
	return v;
}

static void setup_organs(sqlite3 *db)
{
	sqlite3_stmt *o = prep(db,
			       "INSERT INTO organ(id, slug, name, short_name, "
			       "parent_id, code, created_at) VALUES (?1, ?2, "
			       "?3, ?4, ?5, ?6, '2010-01-01T00:00:00Z')");
	sqlite3_stmt *c = prep(db,
			       "INSERT INTO category(id, organ_id, parent_id, "
			       "name, section, position) VALUES (?1, ?2, ?3, "
			       "?4, ?5, ?6)");
	exec(db, "BEGIN");
	for (int i = 0; i < NORGAN; i++) {
		char code[16];
		snprintf(code, sizeof code, "00351%04d", 427 + i);
		sqlite3_bind_int(o, 1, i + 1);
		sqlite3_bind_text(o, 2, organs[i].slug, -1, SQLITE_STATIC);
		sqlite3_bind_text(o, 3, organs[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(o, 4, organs[i].abbr, -1, SQLITE_STATIC);
		if (i == 0) {
			sqlite3_bind_null(o, 5);
		} else {
			sqlite3_bind_int(o, 5, 1);
		}
		sqlite3_bind_text(o, 6, code, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(o) != SQLITE_DONE) {
			die_db(db, "insert organ");
		}
		sqlite3_reset(o);
		for (int k = 0; k < CAT_PER_ORGAN; k++) {
			int id = i * CAT_PER_ORGAN + k + 1;
			sqlite3_bind_int(c, 1, id);
			sqlite3_bind_int(c, 2, i + 1);
			if (k >= 9) { /* children of 政务公开 */
				sqlite3_bind_int(c, 3, i * CAT_PER_ORGAN + 2);
			} else {
				sqlite3_bind_null(c, 3);
			}
			sqlite3_bind_text(c, 4, cat_names[k], -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(c, 5, k == 8 ? "system" : "content",
					  -1, SQLITE_STATIC);
			sqlite3_bind_int(c, 6, k + 1);
			if (sqlite3_step(c) != SQLITE_DONE) {
				die_db(db, "insert category");
			}
			sqlite3_reset(c);
		}
	}
	exec(db, "COMMIT");
	sqlite3_finalize(o);
	sqlite3_finalize(c);
}

/* Generates and inserts n items (the triggers index them). Returns the
 * seconds spent in SQLite (generation excluded); *gen gets the rest. */
static double insert_items(sqlite3 *db, int64_t n, double *gen)
{
	sqlite3_stmt *s = prep(
		db,
		"INSERT INTO item(id, organ_id, index_no, title, doc_no, "
		"category_id, kind, summary, body, written_date, "
		"published_date, validity, status, ever_published, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?10, ?11, 'published', 1, ?12, ?12)");
	struct item it;
	memset(&it, 0, sizeof it);
	double tdb = 0, tgen = 0;
	int64_t every = n / (MAXCAND * 4) > 0 ? n / (MAXCAND * 4) : 1;
	double tlast = now();
	total_items = n;
	for (int64_t id = 1; id <= n; id++) {
		double t0 = now();
		gen_item(&it, id, id % every == 0);
		char idx[64], ts[48];
		snprintf(idx, sizeof idx, "00351%04d/%d-%07lld",
			 427 + it.organ - 1, it.year, (long long)id);
		snprintf(ts, sizeof ts, "%sT09:00:00Z", it.date);
		double t1 = now();
		tgen += t1 - t0;
		if ((id - 1) % TX_ROWS == 0) {
			exec(db, "BEGIN");
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, it.organ);
		sqlite3_bind_text(s, 3, idx, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, buf_str(&it.title), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, buf_str(&it.doc_no), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int(s, 6, it.cat);
		sqlite3_bind_text(s, 7, it.kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 8, buf_str(&it.summary), -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(s, 9, buf_str(&it.body), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 10, it.date, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 11, it.validity, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 12, ts, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE) {
			die_db(db, "insert item");
		}
		sqlite3_reset(s);
		if (id % TX_ROWS == 0 || id == n) {
			exec(db, "COMMIT");
		}
		tdb += now() - t1;
		if (now() - tlast > 30) {
			tlast = now();
			fprintf(stderr, "  inserted %lld/%lld (%.0f items/s)\n",
				(long long)id, (long long)n,
				(double)id / tdb);
		}
	}
	sqlite3_finalize(s);
	buf_free(&it.title);
	buf_free(&it.doc_no);
	buf_free(&it.summary);
	buf_free(&it.body);
	*gen = tgen;
	return tdb;
}

/* Bytes of the shadow tables of each FTS table: ours (item_fts*), the
 * trigram table (tri_*). One dbstat pass. */
static void index_sizes(sqlite3 *db, int64_t *fts, int64_t *fts1,
			int64_t *tri)
{
	sqlite3_stmt *s = prep(db, "SELECT name, sum(pgsize) FROM dbstat "
				   "GROUP BY name");
	*fts = *fts1 = *tri = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(s, 0);
		int64_t v = sqlite3_column_int64(s, 1);
		if (strncmp(n, "item_fts1_", 10) == 0) {
			*fts1 += v;
		} else if (strncmp(n, "item_fts_", 9) == 0) {
			*fts += v;
		} else if (strncmp(n, "tri_", 4) == 0) {
			*tri += v;
		}
	}
	sqlite3_finalize(s);
}

/*---- Terms ----*/

struct term {
	char *t;
	int64_t df; /* items containing it (exact) */
	int organ, year; /* the filter of a filtered query */
};

struct termset {
	const char *name, *desc;
	int chars;     /* length in characters */
	int selective; /* target class: 1 selective, 0 worst case */
	int filtered;  /* 1: selective filter (term's own organ/year), 2:
			* common filter (organ 2, year 2018) */
	int tri_ok;    /* the trigram table can answer it */
	struct term t[16];
	size_t n;
};

static void ts_add(struct termset *ts, const char *t, int64_t df)
{
	if (ts->n < sizeof ts->t / sizeof ts->t[0]) {
		ts->t[ts->n].t = xstrdup(t);
		ts->t[ts->n].df = df;
		ts->t[ts->n].organ = 2;
		ts->t[ts->n].year = 2018;
		ts->n++;
	}
}

struct vterm {
	char *t;
	int64_t df;
};

static int vterm_cmp(const void *a, const void *b)
{
	const struct vterm *x = a, *y = b;
	return x->df != y->df ? (x->df > y->df ? -1 : 1) : strcmp(x->t, y->t);
}

/* CJK terms of one or two characters of an index's vocabulary, by
 * document frequency, most frequent first. */
static struct vterm *vocab(sqlite3 *db, const char *table, int len,
			   size_t *nout)
{
	Buf sql = BUF_INIT;
	buf_printf(&sql,
		   "CREATE VIRTUAL TABLE temp.v_%s USING fts5vocab(main, %s, "
		   "row)",
		   table, table);
	exec(db, buf_str(&sql));
	buf_reset(&sql);
	buf_printf(&sql, "SELECT term, doc FROM temp.v_%s", table);
	sqlite3_stmt *s = prep(db, buf_str(&sql));
	buf_free(&sql);
	struct vterm *v = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		size_t tn = (size_t)sqlite3_column_bytes(s, 0), i = 0;
		int k = 0, ok = 1;
		while (i < tn) {
			uint32_t c = get_cp(t, tn, &i);
			ok &= is_han(c);
			k++;
		}
		if (!ok || k != len) {
			continue;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n].t = xstrdup(t);
		v[n].df = sqlite3_column_int64(s, 1);
		n++;
	}
	sqlite3_finalize(s);
	qsort(v, n, sizeof *v, vterm_cmp);
	*nout = n;
	return v;
}

/* Picks up to want selective terms (df below 1% of n, preferably in
 * [0.1%, 1%)) at random, and the three most common. */
static void pick_vocab(struct vterm *v, size_t nv, int64_t n,
		       struct termset *sel, struct termset *com, size_t want)
{
	for (size_t i = 0; i < 3 && i < nv; i++) {
		ts_add(com, v[i].t, v[i].df);
	}
	int64_t hi = n / 100, lo = n / 1000;
	for (int pass = 0; pass < 2 && sel->n < want; pass++) {
		size_t *idx = xmalloc((nv + 1) * sizeof *idx), k = 0;
		for (size_t i = 0; i < nv; i++) {
			int64_t df = v[i].df;
			if (pass == 0 ? (df >= lo && df < hi && df >= 2)
				      : (df < lo && df >= 1)) {
				idx[k++] = i;
			}
		}
		for (size_t j = 0; j < k && sel->n < want; j++) {
			size_t r = j + rn(k - j), t = idx[j];
			idx[j] = idx[r], idx[r] = t;
			ts_add(sel, v[idx[j]].t, v[idx[j]].df);
		}
		free(idx);
	}
}

/* Exact document frequency of a term of 3+ characters (trigram table). */
static int64_t tri_df(sqlite3 *db, const char *t)
{
	static sqlite3_stmt *s;
	if (!s) {
		s = prep_kept(db,
			      "SELECT count(*) FROM tri WHERE tri MATCH ?1");
	}
	char q[128];
	snprintf(q, sizeof q, "\"%s\"", t);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_TRANSIENT);
	int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0)
						   : -1;
	sqlite3_reset(s);
	return v;
}

static void pick_cand(sqlite3 *db, struct cand *c, int64_t n,
		      struct termset *sel, struct termset *com, size_t want)
{
	for (size_t i = 0; i < c->n && (sel->n < want || com->n < 3); i++) {
		int dup = 0;
		for (size_t j = 0; j < i; j++) {
			dup |= strcmp(c->t[i], c->t[j]) == 0;
		}
		if (dup) {
			continue;
		}
		int64_t df = tri_df(db, c->t[i]);
		if (df >= 1 && df < n / 100 && sel->n < want) {
			ts_add(sel, c->t[i], df);
		} else if (com && df >= n / 10 && com->n < 3) {
			ts_add(com, c->t[i], df);
		}
	}
}

/* For a filtered selective query: the organ and year of one item that
 * holds the term (the newest, via the trigram table or ours). */
static void term_filter(store *st, struct term *t)
{
	struct search_query q;
	struct err e;
	struct search_result r;
	if (search_query_parse(t->t, strlen(t->t), NULL, &q, &e)) {
		die("parse", &e);
	}
	if (search_run(st, &q, 1, 1, 0, &r, &e)) {
		die("search", &e);
	}
	if (r.n > 0) {
		sqlite3_stmt *s = prep(st->db,
				       "SELECT organ_id, CAST(substr("
				       "published_date, 1, 4) AS INTEGER) "
				       "FROM item WHERE id = ?1");
		sqlite3_bind_int64(s, 1, r.ids[0]);
		if (sqlite3_step(s) == SQLITE_ROW) {
			t->organ = sqlite3_column_int(s, 0);
			t->year = sqlite3_column_int(s, 1);
		}
		sqlite3_finalize(s);
	}
	search_result_free(&r);
	search_query_free(&q);
}

/*---- Timing ----*/

/* A query past this moment (0: none) is interrupted by the progress
 * handler, so a pathological plan cannot stall the run. */
static double deadline;

static int on_progress(void *ctx)
{
	(void)ctx;
	return deadline > 0 && now() > deadline;
}

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct lat {
	double p50, p99;
	int reps;
	int timeout;  /* a run was cut off after QUERY_TIMEOUT */
	double found; /* mean total over the runs */
	int capped;   /* some run reported more than SEARCH_CAP */
	int valid;
};

static struct lat summarise(double *ms, int n, double found, int capped)
{
	struct lat l = {0, 0, n, 0, found, capped, n > 0};
	if (n == 0) {
		return l;
	}
	qsort(ms, (size_t)n, sizeof *ms, dcmp);
	l.p50 = ms[(n - 1) / 2];
	int k = (int)ceil(0.99 * n) - 1;
	l.p99 = ms[k < 0 ? 0 : k];
	return l;
}

static void make_filter(const struct termset *ts, const struct term *t,
			struct search_filter *f)
{
	memset(f, 0, sizeof *f);
	if (ts->filtered) {
		f->organ_id = t->organ;
		f->year = t->year;
	}
}

/* The real code path: parse + search_run, page 1 of 20. */
static double run_ours(store *st, const struct termset *ts,
		       const struct term *t, int by_date, int64_t *total,
		       int *capped)
{
	struct search_filter f;
	make_filter(ts, t, &f);
	struct search_query q;
	struct search_result r;
	struct err e;
	double t0 = now();
	if (search_query_parse(t->t, strlen(t->t), &f, &q, &e)) {
		die("parse", &e);
	}
	deadline = t0 + QUERY_TIMEOUT;
	int rc = search_run(st, &q, by_date, PAGE, 0, &r, &e);
	deadline = 0;
	if (rc) {
		if (now() - t0 < QUERY_TIMEOUT) {
			die("search", &e);
		}
		search_query_free(&q);
		return -1;
	}
	double ms = (now() - t0) * 1000;
	*total = r.total;
	*capped = r.capped;
	search_result_free(&r);
	search_query_free(&q);
	return ms;
}

/* The trigram table's equivalent: page 1 of 20, ranked by its bm25 or
 * by rowid (date); filters by joining item. */
static double run_tri(sqlite3 *db, const struct termset *ts,
		      const struct term *t, int by_date, int64_t *found)
{
	static sqlite3_stmt *s[4];
	static const char *const sql[4] = {
		"SELECT rowid FROM tri WHERE tri MATCH ?1 ORDER BY rank "
		"LIMIT 20",
		"SELECT rowid FROM tri WHERE tri MATCH ?1 ORDER BY rowid DESC "
		"LIMIT 20",
		"SELECT t.rowid FROM tri t JOIN item i ON i.id = t.rowid "
		"WHERE t.tri MATCH ?1 AND i.organ_id = ?2 AND "
		"i.published_date >= ?3 AND i.published_date < ?4 ORDER BY "
		"t.rank LIMIT 20",
		"SELECT t.rowid FROM tri t JOIN item i ON i.id = t.rowid "
		"WHERE t.tri MATCH ?1 AND i.organ_id = ?2 AND "
		"i.published_date >= ?3 AND i.published_date < ?4 ORDER BY "
		"t.rowid DESC LIMIT 20",
	};
	int k = (ts->filtered ? 2 : 0) + by_date;
	if (!s[k]) {
		s[k] = prep_kept(db, sql[k]);
	}
	char q[128], y0[32], y1[32];
	snprintf(q, sizeof q, "\"%s\"", t->t);
	double t0 = now();
	sqlite3_bind_text(s[k], 1, q, -1, SQLITE_TRANSIENT);
	if (ts->filtered) {
		snprintf(y0, sizeof y0, "%04d-01-01", t->year);
		snprintf(y1, sizeof y1, "%04d-01-01", t->year + 1);
		sqlite3_bind_int(s[k], 2, t->organ);
		sqlite3_bind_text(s[k], 3, y0, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s[k], 4, y1, -1, SQLITE_TRANSIENT);
	}
	int64_t n = 0;
	int rc;
	deadline = t0 + QUERY_TIMEOUT;
	while ((rc = sqlite3_step(s[k])) == SQLITE_ROW) {
		n++;
	}
	deadline = 0;
	sqlite3_reset(s[k]);
	if (rc == SQLITE_INTERRUPT) {
		return -1;
	}
	if (rc != SQLITE_DONE) {
		die_db(db, "trigram query");
	}
	*found = n;
	return (now() - t0) * 1000;
}

#define BUDGET_S 40.0 /* per class and mode, so slow baselines end */

static struct lat time_class(store *st, const struct termset *ts, int tri,
			     int by_date)
{
	if (ts->n == 0 || (tri && !ts->tri_ok)) {
		struct lat none = {0, 0, 0, 0, 0, 0, 0};
		return none;
	}
	int want = ts->selective ? 200 : 30;
	int reps = (want + (int)ts->n - 1) / (int)ts->n;
	double *ms = xmalloc((size_t)(reps * (int)ts->n) * sizeof *ms);
	int n = 0, capped = 0;
	double found = 0, t0 = now();
	int timeout = 0;
	for (size_t i = 0; i < ts->n && !timeout; i++) { /* warm-up */
		int64_t tot;
		int c;
		timeout = (tri ? run_tri(st->db, ts, &ts->t[i], by_date, &tot)
			       : run_ours(st, ts, &ts->t[i], by_date, &tot,
					  &c)) < 0;
	}
	for (int r = 0; r < reps && !timeout && now() - t0 < BUDGET_S; r++) {
		for (size_t i = 0; i < ts->n && !timeout; i++) {
			int64_t tot = 0;
			int c = 0;
			double v = tri ? run_tri(st->db, ts, &ts->t[i], by_date,
						 &tot)
				       : run_ours(st, ts, &ts->t[i], by_date,
						  &tot, &c);
			if (v < 0) {
				timeout = 1;
				break;
			}
			ms[n++] = v;
			found += (double)tot;
			capped |= c;
		}
	}
	struct lat l = summarise(ms, n, n ? found / n : 0, capped);
	l.timeout = timeout;
	l.valid |= timeout;
	free(ms);
	return l;
}

/*---- Recall ----*/

struct recall {
	int64_t truth, ours_hit, ours_extra, tri_hit, tri_extra;
	int terms;
};

/* Over the items with id <= sample: the true matches (instr over the
 * indexed text), ours (the parsed expression on the index that drives
 * it, without the cap) and the trigram table's. */
static void recall_class(store *st, const struct termset *ts, int64_t sample,
			 struct recall *rc)
{
	sqlite3 *db = st->db;
	static sqlite3_stmt *truth, *both[2], *only[2], *tboth, *tonly;
	if (!truth) {
		truth = prep_kept(db, "SELECT count(*) FROM item_search_src WHERE "
				 "id <= ?2 AND instr(title || ' ' || doc_no || "
				 "' ' || body, ?1) > 0");
		both[0] = prep_kept(
			db, "SELECT count(*) FROM item_search_src WHERE id <= "
			    "?2 AND instr(title || ' ' || doc_no || ' ' || "
			    "body, ?1) > 0 AND id IN (SELECT rowid FROM "
			    "item_fts WHERE item_fts MATCH ?3)");
		both[1] = prep_kept(
			db, "SELECT count(*) FROM item_search_src WHERE id <= "
			    "?2 AND instr(title || ' ' || doc_no || ' ' || "
			    "body, ?1) > 0 AND id IN (SELECT rowid FROM "
			    "item_fts1 WHERE item_fts1 MATCH ?3)");
		only[0] = prep_kept(db, "SELECT count(*) FROM item_fts WHERE "
				   "item_fts MATCH ?1 AND rowid "
				   "<= ?2");
		only[1] = prep_kept(db, "SELECT count(*) FROM item_fts1 WHERE "
				   "item_fts1 MATCH ?1 AND rowid "
				   "<= ?2");
		tboth = prep_kept(db,
			     "SELECT count(*) FROM item_search_src WHERE id <= "
			     "?2 AND instr(title || ' ' || doc_no || ' ' || "
			     "body, ?1) > 0 AND id IN (SELECT rowid FROM tri "
			     "WHERE tri MATCH ?3)");
		tonly = prep_kept(db, "SELECT count(*) FROM tri WHERE tri MATCH ?1 "
				 "AND rowid <= ?2");
	}
	memset(rc, 0, sizeof *rc);
	for (size_t i = 0; i < ts->n && i < 5; i++) {
		const char *t = ts->t[i].t;
		struct search_query q;
		struct err e;
		if (search_query_parse(t, strlen(t), NULL, &q, &e)) {
			die("parse", &e);
		}
		int d = q.driver == SX_UNI;
		char tq[128];
		snprintf(tq, sizeof tq, "\"%s\"", t);
		int64_t v[5];
		sqlite3_stmt *ss[5] = {truth, both[d], only[d], tboth, tonly};
		for (int k = 0; k < 5; k++) {
			sqlite3_stmt *s = ss[k];
			if (k == 0 || k == 1 || k == 3) {
				sqlite3_bind_text(s, 1, t, -1, SQLITE_STATIC);
				sqlite3_bind_int64(s, 2, sample);
				sqlite3_bind_text(s, 3,
						  k == 1 ? buf_str(&q.expr) : tq,
						  -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_text(s, 1,
						  k == 2 ? buf_str(&q.expr) : tq,
						  -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(s, 2, sample);
			}
			v[k] = sqlite3_step(s) == SQLITE_ROW
				       ? sqlite3_column_int64(s, 0)
				       : 0;
			sqlite3_reset(s);
		}
		rc->truth += v[0];
		rc->ours_hit += v[1];
		rc->ours_extra += v[2] - v[1];
		rc->tri_hit += v[3];
		rc->tri_extra += v[4] - v[3];
		rc->terms++;
		search_query_free(&q);
	}
}

/*---- Probe mode: timings of chosen queries on a kept database ----*/

static void probe(const char *file, char **terms, int nterms, int organ,
		  int year, const char *pragma)
{
	store *st;
	struct err e;
	if (store_open(file, STORE_OPEN_EXISTING, &st, &e)) {
		die("open", &e);
	}
	sqlite3 *db = st->db;
	sqlite3_progress_handler(db, 1000, on_progress, NULL);
	if (pragma) {
		exec(db, pragma);
		printf("extra settings: %s\n", pragma);
	}
	printf("# probe: %s (%lld items)\n", file,
	       (long long)scalar_int(db, "SELECT count(*) FROM item"));
	sqlite3_stmt *pl = prep(db, "EXPLAIN QUERY PLAN SELECT * FROM "
				    "item_search_src WHERE id = ?1");
	printf("content lookup plan:");
	while (sqlite3_step(pl) == SQLITE_ROW) {
		printf(" [%s]", sqlite3_column_text(pl, 3));
	}
	sqlite3_finalize(pl);
	printf("\n\n| query | driver | search_run ranked, ms | search_run by "
	       "date, ms | found |\n|---|---|---:|---:|---:|\n");
	for (int i = 0; i < nterms; i++) {
		struct search_filter f = {0};
		f.organ_id = organ;
		f.year = year;
		struct search_query q;
		if (search_query_parse(terms[i], strlen(terms[i]), &f, &q, &e)) {
			die("parse", &e);
		}
		double best[2] = {1e18, 1e18};
		int64_t found = 0;
		int cut[2] = {0};
		for (int rep = 0; rep < 3; rep++) {
			for (int m = 0; m < 2; m++) {
				if (cut[m]) {
					continue;
				}
				struct search_result r;
				double t0 = now();
				deadline = t0 + 60;
				int rc = search_run(st, &q, m, PAGE, 0, &r, &e);
				deadline = 0;
				double ms = (now() - t0) * 1000;
				if (rc) {
					cut[m] = 1;
					continue;
				}
				found = r.total;
				search_result_free(&r);
				best[m] = ms < best[m] ? ms : best[m];
			}
		}
		char cell[2][32];
		for (int m = 0; m < 2; m++) {
			if (cut[m]) {
				snprintf(cell[m], sizeof cell[m], "> 60 s / n/a");
			} else {
				snprintf(cell[m], sizeof cell[m], "%.1f",
					 best[m]);
			}
		}
		printf("| %s%s | %s | %s | %s | %lld |\n", terms[i],
		       organ || year ? " (filtered)" : "",
		       q.driver == SX_UNI ? "item_fts1" : "item_fts", cell[0],
		       cell[1], (long long)found);
		fflush(stdout);
		search_query_free(&q);
	}
	store_close(st);
}

/*---- Main ----*/

static void usage(void)
{
	fprintf(stderr,
		"usage: bench-search [--db DIR] [--keep] [--seed FILE] "
		"[--reference FILE] [--rng N] [--skip-rebuild] "
		"[--fast-load] [--pragma SQL] N\n"
		"       bench-search --open FILE [--organ ID] "
		"[--year Y] --q TERM...\n");
	exit(2);
}

static const char *pf(int ok)
{
	return ok ? "PASS" : "FAIL";
}

static void fmt_lat(char *b, size_t n, const struct lat *l)
{
	if (!l->valid) {
		snprintf(b, n, "n/a");
	} else if (l->timeout) {
		snprintf(b, n, "TIMEOUT (>%.0f s)", QUERY_TIMEOUT);
	} else {
		snprintf(b, n, "%.2f / %.2f", l->p50, l->p99);
	}
}

static void fmt_found(char *b, size_t n, const struct lat *l)
{
	if (!l->valid) {
		snprintf(b, n, "-");
	} else if (l->capped) {
		snprintf(b, n, ">%d", SEARCH_CAP);
	} else {
		snprintf(b, n, "%.0f", l->found);
	}
}

static void fmt_ratio(char *b, size_t n, const struct lat *ours,
		      const struct lat *tri)
{
	if (!ours->valid || !tri->valid || ours->timeout || tri->timeout ||
	    ours->p99 <= 0) {
		snprintf(b, n, "-");
	} else {
		snprintf(b, n, "%.2f", tri->p99 / ours->p99);
	}
}

static void remove_db(const char *dir, const char *path, int own_dir)
{
	char p[4200];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	if (own_dir) {
		rmdir(dir);
	}
}

int main(int argc, char **argv)
{
	const char *dir = NULL, *seed = DEFAULT_SEED, *ref = DEFAULT_REF;
	int keep = 0, skip_rebuild = 0, fast_load = 0;
	const char *open_file = NULL;
	char *terms[64];
	int nterms = 0, p_organ = 0, p_year = 0;
	const char *pragma = NULL;
	int64_t n = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strcmp(argv[i], "--keep") == 0) {
			keep = 1;
		} else if (strcmp(argv[i], "--pragma") == 0 && i + 1 < argc) {
			pragma = argv[++i];
		} else if (strcmp(argv[i], "--open") == 0 && i + 1 < argc) {
			open_file = argv[++i];
		} else if (strcmp(argv[i], "--q") == 0 && i + 1 < argc &&
			   nterms < 64) {
			terms[nterms++] = argv[++i];
		} else if (strcmp(argv[i], "--organ") == 0 && i + 1 < argc) {
			p_organ = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--year") == 0 && i + 1 < argc) {
			p_year = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--fast-load") == 0) {
			fast_load = 1;
		} else if (strcmp(argv[i], "--skip-rebuild") == 0) {
			skip_rebuild = 1;
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			seed = argv[++i];
		} else if (strcmp(argv[i], "--reference") == 0 &&
			   i + 1 < argc) {
			ref = argv[++i];
		} else if (strcmp(argv[i], "--rng") == 0 && i + 1 < argc) {
			rng_state = strtoull(argv[++i], NULL, 10);
		} else if (argv[i][0] != '-' && n == 0) {
			n = strtoll(argv[i], NULL, 10);
		} else {
			usage();
		}
	}
	if (open_file) {
		probe(open_file, terms, nterms, p_organ, p_year, pragma);
		return 0;
	}
	if (n <= 0 || n >= (1 << 24)) {
		usage();
	}
	load_text(seed);
	load_text(ref);
	if (sentences.n < 20 || clauses.n < 20) {
		fprintf(stderr, "bench-search: too little text in %s, %s\n",
			seed, ref);
		return 1;
	}
	build_entities();

	char tmpl[4096], path[4200];
	int own_dir = 0;
	if (!dir) {
		const char *tmp = getenv("TMPDIR");
		snprintf(tmpl, sizeof tmpl, "%s/gk-bench-XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(tmpl)) {
			perror("mkdtemp");
			return 1;
		}
		dir = tmpl;
		own_dir = 1;
	} else {
		mkdir(dir, 0755);
	}
	snprintf(path, sizeof path, "%s/bench-%lld.db", dir, (long long)n);
	remove_db(dir, path, 0);

	printf("# bench-search: N = %lld items\n", (long long)n);
	printf("database: %s\nsqlite: %s\nsource text: %zu sentences, %zu "
	       "clauses, %zu distinct CJK characters (+%d rare ones in "
	       "names), %d named entities (Zipf)\n",
	       path, sqlite3_libversion(), sentences.n, clauses.n, ncommon,
	       NTAIL, NENT);
	fflush(stdout);

	store *st;
	struct err e;
	if (store_open(path, STORE_OPEN_CREATE, &st, &e)) {
		die("open", &e);
	}
	sqlite3 *db = st->db;
	sqlite3_progress_handler(db, 1000, on_progress, NULL);
	if (pragma) { /* experiments: settings store_open does not make */
		exec(db, pragma);
		printf("extra settings: %s\n", pragma);
	}
	setup_organs(db);
	if (fast_load) {
		/* Items without the insert trigger; search_rebuild then
		 * builds the indexes (and is what is timed). */
		exec(db, "DROP TRIGGER item_search_ai");
		skip_rebuild = 0;
		printf("--fast-load: items inserted without the search "
		       "trigger; the indexes are built by search_rebuild\n");
	}

	/* 1. Build: insert with the triggers. */
	fprintf(stderr, "inserting %lld items...\n", (long long)n);
	double tgen;
	double tins = insert_items(db, n, &tgen);
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	double r_insert = (double)n / tins;

	int64_t text = scalar_int(
		db, "SELECT sum(length(CAST(title AS BLOB)) + "
		    "length(CAST(doc_no AS BLOB)) + length(CAST(body AS BLOB))) "
		    "FROM item_search_src");
	int64_t text_chars = scalar_int(
		db, "SELECT sum(length(title) + length(doc_no) + length(body)) "
		    "FROM item_search_src");
	int64_t s_fts, s_fts1, s_tri;
	index_sizes(db, &s_fts, &s_fts1, &s_tri);
	int64_t s_ours_ins = s_fts + s_fts1;
	int64_t s_check = search_index_bytes(st, &e);
	int64_t fts_ins = s_fts, fts1_ins = s_fts1;

	/* Our rebuild (both indexes, one transaction). */
	double t0 = now(), trb = 0;
	if (!skip_rebuild) {
		fprintf(stderr, "search_rebuild...\n");
		if (search_rebuild(st, NULL, NULL, &e)) {
			die("rebuild", &e);
		}
		trb = now() - t0;
	}
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");

	/* The baseline: trigram, external content over the same view. */
	fprintf(stderr, "trigram rebuild...\n");
	t0 = now();
	/* The page cache search_rebuild uses for its transaction; then
	 * back to the one store_open gave the connection, which the
	 * queries below are timed with. */
	int64_t cache = scalar_int(db, "PRAGMA cache_size");
	exec(db, "PRAGMA cache_size = -1048576");
	exec(db, "BEGIN");
	exec(db, "CREATE VIRTUAL TABLE tri USING fts5(title, doc_no, body, "
		 "content = 'item_search_src', content_rowid = 'id', "
		 "tokenize = 'trigram')");
	exec(db, "INSERT INTO tri(tri) VALUES ('rebuild')");
	exec(db, "COMMIT");
	double ttri = now() - t0;
	char restore[64];
	snprintf(restore, sizeof restore, "PRAGMA cache_size = %lld",
		 (long long)cache);
	exec(db, restore);
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	index_sizes(db, &s_fts, &s_fts1, &s_tri);
	int64_t s_ours_rb = s_fts + s_fts1;

	printf("\n## Build (N = %lld)\n\n", (long long)n);
	printf("| step | seconds | items/s |\n|---|---:|---:|\n");
	printf("| generate text (not counted) | %.1f | |\n", tgen);
	printf("| ours: INSERT %s | %.1f | %.0f |\n",
	       fast_load ? "item rows only (--fast-load, no index)"
			 : "with search triggers (item row + both indexes)",
	       tins, r_insert);
	if (trb > 0) {
		printf("| ours: search_rebuild (both indexes) | %.1f | %.0f "
		       "|\n",
		       trb, (double)n / trb);
	} else {
		printf("| ours: search_rebuild | skipped (--skip-rebuild) | "
		       "|\n");
	}
	printf("| trigram: CREATE + 'rebuild' | %.1f | %.0f |\n", ttri,
	       (double)n / ttri);
	printf("\n## Size (N = %lld)\n\n", (long long)n);
	printf("text indexed (title + doc_no + plain body): %.1f MB, %.0f "
	       "bytes/item, %.0f chars/item\n\n",
	       (double)text / 1e6, (double)text / (double)n,
	       (double)text_chars / (double)n);
	printf("| index | MB | / text |\n|---|---:|---:|\n");
	printf("| ours after inserts: item_fts (bigrams) | %.1f | %.2f |\n",
	       (double)fts_ins / 1e6, (double)fts_ins / (double)text);
	printf("| ours after inserts: item_fts1 (unigrams) | %.1f | %.2f |\n",
	       (double)fts1_ins / 1e6, (double)fts1_ins / (double)text);
	printf("| **ours after inserts, total** (search_index_bytes = %.1f "
	       "MB) | %.1f | %.2f |\n",
	       (double)s_check / 1e6, (double)s_ours_ins / 1e6,
	       (double)s_ours_ins / (double)text);
	printf("| ours after search_rebuild (or inserts), total (fts %.1f + "
	       "fts1 %.1f) | "
	       "%.1f | %.2f |\n",
	       (double)s_fts / 1e6, (double)s_fts1 / 1e6,
	       (double)s_ours_rb / 1e6, (double)s_ours_rb / (double)text);
	printf("| trigram | %.1f | %.2f |\n", (double)s_tri / 1e6,
	       (double)s_tri / (double)text);
	fflush(stdout);

	/* How FTS5 reads a row of the external content by rowid (auxiliary
	 * functions that need the text do, e.g. bm25 on a detail=column
	 * index): its plan and the time of one lookup. */
	{
		sqlite3_stmt *s = prep(db, "EXPLAIN QUERY PLAN SELECT * FROM "
					   "item_search_src WHERE id = ?1");
		printf("\ncontent lookup by rowid (SELECT * FROM "
		       "item_search_src WHERE id = ?), plan:");
		while (sqlite3_step(s) == SQLITE_ROW) {
			printf(" [%s]", sqlite3_column_text(s, 3));
		}
		sqlite3_finalize(s);
		/* As FTS5 does: one step for the row of a given rowid. */
		sqlite3_stmt *k = prep(db, "SELECT id FROM item_search_src "
					   "WHERE id = ?1");
		s = prep(db, "SELECT title FROM item_search_src WHERE id = ?1");
		double tl = 0;
		for (int i = 0; i < 20; i++) {
			sqlite3_bind_int64(k, 1, 1 + (int64_t)rn((size_t)n));
			sqlite3_step(k);
			int64_t sk = sqlite3_column_int64(k, 0);
			sqlite3_reset(k);
			double t1 = now();
			sqlite3_bind_int64(s, 1, sk);
			sqlite3_step(s);
			sqlite3_reset(s);
			tl += now() - t1;
		}
		sqlite3_finalize(k);
		sqlite3_finalize(s);
		printf("; mean of 20 lookups: %.2f ms\n", tl * 1000 / 20);
	}

	/* 3. Terms by document frequency. */
	fprintf(stderr, "choosing terms...\n");
	t0 = now();
	struct termset cls[] = {
		{"1 char, selective", "a character in <1% of items", 1, 1, 0,
		 0, {{0}}, 0},
		{"1 char, common (worst case)", "the most frequent characters",
		 1, 0, 0, 0, {{0}}, 0},
		{"2 chars, selective", "a bigram in <1% of items", 2, 1, 0, 0,
		 {{0}}, 0},
		{"2 chars, common", "the most frequent bigrams", 2, 0, 0, 0,
		 {{0}}, 0},
		{"3 chars, selective", "in <1% of items", 3, 1, 0, 1, {{0}}, 0},
		{"3 chars, common", "in >10% of items", 3, 0, 0, 1, {{0}}, 0},
		{"6 chars, selective", "in <1% of items", 6, 1, 0, 1, {{0}}, 0},
		{"6 chars, common", "in >10% of items", 6, 0, 0, 1, {{0}}, 0},
		{"filtered: 2 chars selective + organ + year",
		 "the organ and year of a matching item", 2, 1, 1, 0, {{0}}, 0},
		{"filtered: 3 chars selective + organ + year",
		 "the organ and year of a matching item", 3, 1, 1, 1, {{0}}, 0},
		{"filtered: 1 char common + organ + year",
		 "沙县应急管理局, 2018", 1, 0, 2, 0, {{0}}, 0},
		{"filtered: 3 chars common + organ + year",
		 "沙县应急管理局, 2018", 3, 0, 2, 1, {{0}}, 0},
	};
	size_t ncls = sizeof cls / sizeof cls[0];
	size_t nv1, nv2;
	struct vterm *v1 = vocab(db, "item_fts1", 1, &nv1);
	struct vterm *v2 = vocab(db, "item_fts", 2, &nv2);
	pick_vocab(v1, nv1, n, &cls[0], &cls[1], 10);
	pick_vocab(v2, nv2, n, &cls[2], &cls[3], 10);
	pick_cand(db, &cand3, n, &cls[4], &cls[5], 10);
	pick_cand(db, &cand6, n, &cls[6], &cls[7], 10);
	/* Filtered: the selective terms with their own organ and year; the
	 * common ones with a fixed organ and year. */
	for (size_t i = 0; i < cls[2].n; i++) {
		ts_add(&cls[8], cls[2].t[i].t, cls[2].t[i].df);
		term_filter(st, &cls[8].t[i]);
	}
	for (size_t i = 0; i < cls[4].n; i++) {
		ts_add(&cls[9], cls[4].t[i].t, cls[4].t[i].df);
		term_filter(st, &cls[9].t[i]);
	}
	for (size_t i = 0; i < cls[1].n; i++) {
		ts_add(&cls[10], cls[1].t[i].t, cls[1].t[i].df);
	}
	for (size_t i = 0; i < cls[5].n; i++) {
		ts_add(&cls[11], cls[5].t[i].t, cls[5].t[i].df);
	}
	double tterms = now() - t0;

	printf("\n## Query terms (chosen in %.1f s)\n\n", tterms);
	printf("| class | terms (items containing) |\n|---|---|\n");
	for (size_t c = 0; c < ncls; c++) {
		printf("| %s | ", cls[c].name);
		for (size_t i = 0; i < cls[c].n; i++) {
			printf("%s%s (%lld", i ? ", " : "", cls[c].t[i].t,
			       (long long)cls[c].t[i].df);
			if (cls[c].filtered == 1) {
				printf("; o%d y%d", cls[c].t[i].organ,
				       cls[c].t[i].year);
			}
			printf(")");
		}
		printf(" |\n");
	}
	fflush(stdout);

	/* 4. Recall on a sample. */
	fprintf(stderr, "recall...\n");
	int64_t sample = n < RECALL_SAMPLE ? n : RECALL_SAMPLE;
	printf("\n## Recall (items 1..%lld, up to 5 terms per class; "
	       "truth = instr() over title, doc_no and plain body)\n\n",
	       (long long)sample);
	printf("| class | true matches | ours found | ours recall | ours "
	       "extra | trigram found | trigram recall |\n"
	       "|---|---:|---:|---:|---:|---:|---:|\n");
	struct recall rec_all[16];
	for (size_t c = 0; c < 8; c++) {
		struct recall *r = &rec_all[c];
		recall_class(st, &cls[c], sample, r);
		if (r->terms == 0) {
			continue;
		}
		printf("| %s | %lld | %lld | %.1f%% | %lld | %lld | %.1f%% "
		       "|\n",
		       cls[c].name, (long long)r->truth,
		       (long long)r->ours_hit,
		       r->truth ? 100.0 * (double)r->ours_hit /
					  (double)r->truth
				: 100.0,
		       (long long)r->ours_extra, (long long)r->tri_hit,
		       r->truth ? 100.0 * (double)r->tri_hit /
					  (double)r->truth
				: 100.0);
	}
	fflush(stdout);

	/* 5. Latency. */
	fprintf(stderr, "timing queries...\n");
	struct lat L[16][4]; /* ours ranked, ours date, tri ranked, tri date */
	printf("\n## Latency (N = %lld), ms p50 / p99, page of %d, warm "
	       "cache (the connection's page cache: %lld KiB, as store_open "
	       "sets it)\n\n",
	       (long long)n, PAGE, (long long)-cache);
	printf("| class | runs | found (ours) | ours ranked | ours by date | "
	       "trigram ranked | trigram by date | trigram/ours p99 "
	       "ranked | by date |\n"
	       "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t c = 0; c < ncls; c++) {
		for (int m = 0; m < 4; m++) {
			L[c][m] = time_class(st, &cls[c], m >= 2, m & 1);
		}
		char a[32], b[32], x[32], y[32], f[32], r1[16], r2[16];
		fmt_lat(a, sizeof a, &L[c][0]);
		fmt_lat(b, sizeof b, &L[c][1]);
		fmt_lat(x, sizeof x, &L[c][2]);
		fmt_lat(y, sizeof y, &L[c][3]);
		fmt_found(f, sizeof f, &L[c][0]);
		fmt_ratio(r1, sizeof r1, &L[c][0], &L[c][2]);
		fmt_ratio(r2, sizeof r2, &L[c][1], &L[c][3]);
		if (!cls[c].tri_ok) {
			snprintf(x, sizeof x, "no answer (<3 chars)");
			snprintf(y, sizeof y, "no answer");
		}
		printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
		       cls[c].name, L[c][0].reps, f, a, b, x, y, r1, r2);
		fflush(stdout);
	}

	/* 6. Targets. */
	double sel99 = 0, worst99 = 0;
	for (size_t c = 0; c < ncls; c++) {
		for (int m = 0; m < 2; m++) {
			if (!L[c][m].valid) {
				continue;
			}
			double p = L[c][m].timeout ? 1e3 * QUERY_TIMEOUT
						   : L[c][m].p99;
			if (cls[c].selective && p > sel99) {
				sel99 = p;
			}
			if (!cls[c].selective && cls[c].chars == 1 && p > worst99) {
				worst99 = p;
			}
		}
	}
	double ratio =
		(double)(fast_load ? s_ours_rb : s_ours_ins) / (double)text;
	printf("\n## Targets (stated for N = 1,000,000 on 2 cores; this run: "
	       "N = %lld)\n\n",
	       (long long)n);
	printf("| target | measured | result |\n|---|---:|---|\n");
	printf("(a timed-out class counts as %.0f ms)\n\n", 1e3 * QUERY_TIMEOUT);
	printf("| selective queries (<1%% of items), filtered or not: p99 < "
	       "30 ms | worst class p99 %.2f ms | %s |\n",
	       sel99, pf(sel99 < 30));
	printf("| worst case (1 very common character, ranked or by date, "
	       "filtered or not): p99 < 300 ms | %.2f ms | %s |\n",
	       worst99, pf(worst99 < 300));
	if (!fast_load) {
		printf("| build >= 5000 items/s (insert with triggers) | %.0f "
		       "| %s |\n",
		       r_insert, pf(r_insert >= 5000));
	}
	if (trb > 0) {
		printf("| build >= 5000 items/s (search_rebuild) | %.0f | %s "
		       "|\n",
		       (double)n / trb, pf((double)n / trb >= 5000));
	}
	printf("| index <= 1.5 x text | %.2f x | %s |\n", ratio,
	       pf(ratio <= 1.5));
	printf("| recall of 1-2 character queries | ours %s, trigram 0%% | "
	       "|\n",
	       rec_all[0].ours_hit == rec_all[0].truth &&
			       rec_all[2].ours_hit == rec_all[2].truth
		       ? "100%"
		       : "below 100% (see above)");

	struct stat sb;
	if (stat(path, &sb) == 0) {
		printf("\ndatabase file: %.1f MB\n", (double)sb.st_size / 1e6);
	}
	for (size_t c = 0; c < ncls; c++) {
		for (size_t i = 0; i < cls[c].n; i++) {
			free(cls[c].t[i].t);
		}
	}
	for (size_t i = 0; i < nv1; i++) {
		free(v1[i].t);
	}
	for (size_t i = 0; i < nv2; i++) {
		free(v2[i].t);
	}
	free(v1);
	free(v2);
	for (size_t i = 0; i < nkept; i++) {
		sqlite3_finalize(kept[i]);
	}
	store_close(st);
	if (!keep) {
		remove_db(dir, path, own_dir);
	} else {
		printf("kept: %s\n", path);
	}
	for (size_t i = 0; i < NENT; i++) {
		free(ent[i]);
	}
	for (size_t i = 0; i < cand3.n; i++) {
		free(cand3.t[i]);
	}
	for (size_t i = 0; i < cand6.n; i++) {
		free(cand6.t[i]);
	}
	free(common_cp);
	pool_free(&sentences);
	pool_free(&clauses);
	return 0;
}
