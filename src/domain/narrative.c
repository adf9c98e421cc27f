/*
 * narrative.c - the placeholders of a report's text sections (checked
 * against the format, filled with the year's values) and the first draft
 * of each section written from the year's records (see narrative.h).
 *
 * The draft is for a clerk to edit: it states the figures the records
 * hold as placeholders, one sentence per figure that is not 0, in the
 * style of the seed report (沙县应急管理局2018年度报告), and it never
 * invents a figure or a problem: what only the clerk knows is asked for
 * in a bracketed note.
 */
#include "domain/narrative.h"

#include "base/utf8.h"
#include "domain/activity.h"

#include <stdio.h>
#include <string.h>

/*---- Placeholders ----*/

/* The longest placeholder name, and the characters one may hold. */
#define PH_MAX 200
#define PH_CHARS                                                             \
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/"

/* One placeholder found by ph_next, and the text before it. */
struct ph {
	const char *lit;
	size_t nlit;
	char name[PH_MAX + 1];
	int line;
};

enum ph_kind { PH_ORGAN, PH_YEAR, PH_METRIC, PH_CELL };

/* A cell placeholder's parts. */
struct ph_cell {
	char table[PH_MAX + 1], row[PH_MAX + 1], col[PH_MAX + 1];
};

static int count_lines(const char *p, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		k += p[i] == '\n';
	}
	return k;
}

/* The byte count <= max of s[0..n) that ends on a code-point boundary
 * (for quoting possibly cut text in a message). */
static int quote_len(const char *s, size_t n, size_t max)
{
	if (n <= max) {
		return (int)n;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
		max--;
	}
	return (int)max;
}

/* Finds the next placeholder at or after *pp: 1 (ph set, *pp just past
 * it), 0 when there is none (ph->lit is the rest, *pp at its end), -1
 * when it is unterminated or malformed (e set). *line is the line at *pp
 * and is kept up to date. */
static int ph_next(const char **pp, int *line, struct ph *ph, struct err *e)
{
	const char *p = *pp;
	const char *o = strstr(p, "{{");
	ph->lit = p;
	if (!o) {
		ph->nlit = strlen(p);
		*pp = p + ph->nlit;
		return 0;
	}
	while (o[2] == '{') { /* "{{{x}}}": the first brace is text */
		o++;
	}
	ph->nlit = (size_t)(o - p);
	*line += count_lines(p, ph->nlit);
	ph->line = *line;
	const char *s = o + 2, *c = s;
	while (*c && *c != '\n' && !(c[0] == '}' && c[1] == '}')) {
		c++;
	}
	if (*c != '}') {
		return err_set(e, ERR_INPUT, "第%d行：“{{”没有对应的“}}”",
			       *line);
	}
	const char *end = c;
	while (s < end && *s == ' ') {
		s++;
	}
	while (end > s && end[-1] == ' ') {
		end--;
	}
	size_t n = (size_t)(end - s);
	size_t ok = 0;
	while (ok < n && strchr(PH_CHARS, s[ok])) {
		ok++;
	}
	if (n == 0 || n > PH_MAX || ok < n) {
		return err_set(e, ERR_INPUT,
			       "第%d行：占位符“{{%.*s}}”的写法不对（应为指标名、"
			       "表/行/列、organ 或 year）",
			       *line, quote_len(s, n, 80), s);
	}
	memcpy(ph->name, s, n);
	ph->name[n] = 0;
	*pp = c + 2;
	return 1;
}

/* What the placeholder name is; a cell's parts go into cell. -1 when it
 * has slashes but is not TABLE/ROW/COL. */
static int ph_kind(const char *name, struct ph_cell *cell)
{
	if (strcmp(name, "organ") == 0) {
		return PH_ORGAN;
	}
	if (strcmp(name, "year") == 0) {
		return PH_YEAR;
	}
	const char *s1 = strchr(name, '/');
	if (!s1) {
		return PH_METRIC;
	}
	const char *s2 = strchr(s1 + 1, '/');
	if (!s2 || strchr(s2 + 1, '/') || s1 == name || s2 == s1 + 1 ||
	    !s2[1]) {
		return -1;
	}
	snprintf(cell->table, sizeof cell->table, "%.*s", (int)(s1 - name),
		 name);
	snprintf(cell->row, sizeof cell->row, "%.*s", (int)(s2 - s1 - 1),
		 s1 + 1);
	snprintf(cell->col, sizeof cell->col, "%s", s2 + 1);
	return PH_CELL;
}

/* Checks that placeholder ph names something known (a cell of f). */
static int ph_known(const struct ph *ph, const struct format *f,
		    struct err *e)
{
	struct ph_cell cell;
	const struct fmt_table *t;
	const struct fmt_node *r, *c;
	switch (ph_kind(ph->name, &cell)) {
	case PH_ORGAN:
	case PH_YEAR:
		return 0;
	case PH_METRIC:
		if (metric_name_valid(ph->name)) {
			return 0;
		}
		return err_set(e, ERR_INPUT,
			       "第%d行：未知的指标“{{%.80s}}”（指标名见报表格式"
			       "说明）",
			       ph->line, ph->name);
	case PH_CELL:
		if (f && (t = format_table(f, cell.table)) &&
		    format_cell(t, cell.row, cell.col, &r, &c)) {
			return 0;
		}
		return err_set(e, ERR_INPUT,
			       "第%d行：报表中没有单元格“{{%.80s}}”", ph->line,
			       ph->name);
	default:
		return err_set(e, ERR_INPUT,
			       "第%d行：单元格占位符“{{%.80s}}”应写作“{{表/行/"
			       "列}}”",
			       ph->line, ph->name);
	}
}

int narrative_check(const char *text, const struct format *f,
		    struct err *e)
{
	size_t n = strlen(text);
	if (n > NARRATIVE_MAX) {
		return err_set(e, ERR_INPUT,
			       "文字过长：%zu 字节，每部分最多 %d 字节", n,
			       NARRATIVE_MAX);
	}
	if (!utf8_valid(text, n)) {
		int line = 1;
		for (const char *p = text; *p;) {
			size_t len = strcspn(p, "\n");
			if (!utf8_valid(p, len)) {
				break;
			}
			p += len + (p[len] == '\n');
			line++;
		}
		return err_set(e, ERR_INPUT, "第%d行：不是有效的 UTF-8 文字",
			       line);
	}
	const char *p = text;
	int line = 1, rc;
	struct ph ph;
	while ((rc = ph_next(&p, &line, &ph, e)) == 1) {
		if (ph_known(&ph, f, e)) {
			return -1;
		}
	}
	return rc;
}

/* Appends the value of placeholder ph to out. */
static int ph_value(const struct ph *ph, const struct mvals *m,
		    const struct cellset *cells, const char *organ, int year,
		    Buf *out, struct err *e)
{
	static const struct mvals none;
	struct ph_cell cell;
	int64_t v = 0;
	char num[32];
	switch (ph_kind(ph->name, &cell)) {
	case PH_ORGAN:
		buf_puts(out, organ ? organ : "");
		return 0;
	case PH_YEAR:
		buf_printf(out, "%d", year);
		return 0;
	case PH_METRIC:
		if (ph_known(ph, NULL, e) ||
		    mvals_eval(m ? m : &none, ph->name, &v, e)) {
			return -1;
		}
		break;
	case PH_CELL:
		if (!cells ||
		    cellset_get(cells, cell.table, cell.row, cell.col, &v) <
			    0) {
			v = 0; /* blank */
		}
		break;
	default:
		return ph_known(ph, NULL, e);
	}
	cell_format(v, num, sizeof num);
	buf_puts(out, num);
	return 0;
}

int narrative_fill(const char *text, const struct mvals *m,
		   const struct cellset *cells, const char *organ, int year,
		   Buf *out, struct err *e)
{
	size_t start = out->n;
	const char *p = text;
	int line = 1, rc;
	struct ph ph;
	while ((rc = ph_next(&p, &line, &ph, e)) == 1) {
		buf_append(out, ph.lit, ph.nlit);
		if (ph_value(&ph, m, cells, organ, year, out, e)) {
			rc = -1;
			break;
		}
	}
	if (rc == 0) {
		buf_append(out, ph.lit, ph.nlit);
		return 0;
	}
	out->n = start;
	if (out->p) {
		out->p[start] = 0;
	}
	return -1;
}

/*---- Facts from the format ----*/

void narrative_facts_format(struct narrative_facts *facts,
			    const struct format *f)
{
	facts->format_id = f->id;
	facts->cum_items[0] = facts->cum_website[0] = 0;
	facts->annex = 0;
	for (size_t i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].id, "other") == 0 &&
		    f->sections[i].ntables > 0) {
			facts->annex = 1;
		}
	}
	for (size_t i = 0; i < f->ntables; i++) {
		const struct fmt_table *t = &f->tables[i];
		for (size_t b = 0; b < t->nblocks; b++) {
			const struct fmt_block *bl = &t->blocks[b];
			for (size_t c = 0; c < bl->nlcols; c++) {
				const struct fmt_node *col = bl->lcols[c];
				if (col->period != FP_CUMULATIVE) {
					continue;
				}
				for (size_t r = 0; r < bl->nlrows; r++) {
					const struct fmt_node *row =
						bl->lrows[r];
					char metric[256];
					char *dst = NULL;
					if (format_cell_metric(row, col, metric,
							       sizeof metric)) {
						continue;
					}
					if (strcmp(metric, "items.published") ==
					    0) {
						dst = facts->cum_items;
					} else if (strcmp(metric,
							  "items.channel."
							  "website") == 0) {
						dst = facts->cum_website;
					}
					if (!dst || dst[0] ||
					    strlen(t->id) + strlen(row->id) +
							    strlen(col->id) +
							    3 >
						    sizeof facts->cum_items) {
						continue;
					}
					snprintf(dst, sizeof facts->cum_items,
						 "%s/%s/%s", t->id, row->id,
						 col->id);
				}
			}
		}
	}
}

/*---- First draft ----*/

/* At most this many entries or notes are stated one by one, each cut to
 * TEXT_MAX code points, so that a draft stays far below NARRATIVE_MAX. */
#define ENTRIES_MAX 20
#define NOTES_MAX 5
#define TEXT_MAX 60

struct draft {
	Buf *out;
	size_t start; /* where this draft began in out */
	const struct narrative_facts *f;
	const char *we; /* how the organ names itself: 我局, 本机关 ... */
	int nsec;       /* paragraphs numbered （一）（二）... so far */
};

/* A sentence that lists figures: lead before the first, sep between. */
struct list {
	struct draft *d;
	const char *lead, *sep;
	int n;
};

/* How an organ names itself in its own report, by the end of its name. */
static const struct {
	const char *suffix, *we;
} selves[] = {
	{"镇人民政府", "我镇"}, {"乡人民政府", "我乡"},
	{"县人民政府", "我县"}, {"区人民政府", "我区"},
	{"市人民政府", "我市"}, {"街道办事处", "我街道"},
	{"办公室", "我办"},     {"委员会", "我委"},
	{"中心", "我中心"},     {"局", "我局"},
	{"委", "我委"},         {"办", "我办"},
	{"院", "我院"},         {"厅", "我厅"},
	{"所", "我所"},         {"站", "我站"},
	{"队", "我队"},         {"馆", "我馆"},
	{"处", "我处"},
};

static const char *self_name(const char *organ)
{
	size_t n = organ ? strlen(organ) : 0;
	for (size_t i = 0; i < sizeof selves / sizeof selves[0]; i++) {
		size_t k = strlen(selves[i].suffix);
		if (n >= k && strcmp(organ + n - k, selves[i].suffix) == 0) {
			return selves[i].we;
		}
	}
	return "本机关";
}

static int64_t val(const struct draft *d, const char *name)
{
	int64_t v = 0;
	if (!d->f->m || mvals_eval(d->f->m, name, &v, NULL)) {
		return 0;
	}
	return v;
}

static void put(struct draft *d, const char *s)
{
	buf_puts(d->out, s);
}

static void put_ph(struct draft *d, const char *name)
{
	buf_printf(d->out, "{{%s}}", name);
}

/* Starts a paragraph (a blank line after the previous one). */
static void par(struct draft *d)
{
	if (d->out->n > d->start) {
		put(d, "\n\n");
	}
}

/* Starts a numbered paragraph: "（三）" + heading. */
static void par_num(struct draft *d, const char *heading)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五",
					 "六", "七", "八", "九", "十"};
	int k = d->nsec++;
	par(d);
	if (k < 10) {
		buf_printf(d->out, "（%s）%s", cn[k], heading);
	} else {
		buf_printf(d->out, "（%d）%s", k + 1, heading);
	}
}

/* A numbered paragraph that goes on "{{year}}年，我局". */
static void par_we(struct draft *d, const char *heading)
{
	par_num(d, heading);
	put(d, "{{year}}年，");
	put(d, d->we);
}

static void list_item(struct list *l)
{
	put(l->d, l->n++ ? l->sep : l->lead);
}

/* Lists "pre{{metric}}unit" when the metric is not 0; 1 if it did. */
static int list_part(struct list *l, const char *pre, const char *metric,
		     const char *unit)
{
	if (!val(l->d, metric)) {
		return 0;
	}
	list_item(l);
	put(l->d, pre);
	put_ph(l->d, metric);
	put(l->d, unit);
	return 1;
}

/* Ends the sentence with tail if anything was listed. */
static void list_end(struct list *l, const char *tail)
{
	if (l->n) {
		put(l->d, tail);
	}
}

/* Appends s (NUL-terminated, of one line) as plain text: braces become
 * full-width ones, so that it cannot open a placeholder, control
 * characters become spaces, surrounding spaces go, and at most max code
 * points are kept ("…" when cut). Invalid UTF-8 writes nothing. */
static void put_text(Buf *out, const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || !utf8_valid(s, n)) {
		return;
	}
	while (*s == ' ') {
		s++;
	}
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ') {
		n--;
	}
	size_t cp = 0;
	for (size_t i = 0; i < n; cp++) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (cp == max) {
			buf_puts(out, "…");
			return;
		}
		if (c == '{') {
			buf_puts(out, "｛");
		} else if (c == '}') {
			buf_puts(out, "｝");
		} else if (c < 0x20 || c == 0x7f) {
			buf_putc(out, ' ');
		} else {
			buf_append(out, s + i, len);
		}
		i += len;
	}
}

/* The clauses of the penalty entries' notes that mention 企业 (e.g.
 * 全年共涉及7家企业), in brackets: at most NOTES_MAX, each once. */
static void penalty_notes(struct draft *d)
{
	static const char *const seps[] = {"；", "。", ";", "\n"};
	char seen[NOTES_MAX][256];
	int nseen = 0;
	for (size_t i = 0; i < d->f->nentries && nseen < NOTES_MAX; i++) {
		const struct narrative_entry *en = &d->f->entries[i];
		const char *p = en->note;
		if (!p || !en->kind || strcmp(en->kind, "penalty") != 0 ||
		    !utf8_valid(p, strlen(p))) {
			continue;
		}
		while (*p && nseen < NOTES_MAX) {
			const char *end = p + strlen(p);
			size_t seplen = 0;
			for (size_t k = 0; k < sizeof seps / sizeof seps[0];
			     k++) {
				const char *q = strstr(p, seps[k]);
				if (q && q < end) {
					end = q;
					seplen = strlen(seps[k]);
				}
			}
			char clause[256];
			size_t len = (size_t)(end - p);
			if (len < sizeof clause) {
				memcpy(clause, p, len);
				clause[len] = 0;
			} else {
				clause[0] = 0; /* too long to be a clause */
			}
			p = end + seplen;
			if (!strstr(clause, "企业")) {
				continue;
			}
			int dup = 0;
			for (int k = 0; k < nseen; k++) {
				dup |= strcmp(seen[k], clause) == 0;
			}
			if (dup) {
				continue;
			}
			put(d, nseen ? "；" : "（");
			put_text(d->out, clause, TEXT_MAX);
			memcpy(seen[nseen++], clause, sizeof clause);
		}
	}
	if (nseen) {
		put(d, "）");
	}
}

static int is_kind(const struct narrative_entry *en, const char *kind)
{
	return en->kind && strcmp(en->kind, kind) == 0;
}

/* "“TITLE”49篇" for each entry of kind, after lead, at most
 * ENTRIES_MAX ("等" after them when there are more). */
static void entries_each(struct draft *d, const char *kind,
			 const char *lead)
{
	int n = 0;
	for (size_t i = 0; i < d->f->nentries; i++) {
		const struct narrative_entry *en = &d->f->entries[i];
		if (!is_kind(en, kind) || en->count <= 0) {
			continue;
		}
		if (n == ENTRIES_MAX) {
			put(d, "等");
			break;
		}
		put(d, n++ ? "；" : lead);
		if (en->title && en->title[0]) {
			put(d, "“");
			put_text(d->out, en->title, TEXT_MAX);
			put(d, "”");
		} else {
			put_text(d->out, en->label, TEXT_MAX);
		}
		buf_printf(d->out, "%lld", (long long)en->count);
		put_text(d->out, en->unit, 8);
	}
}

static void draft_overview(struct draft *d)
{
	par(d);
	put(d, "{{year}}年，{{organ}}认真贯彻落实《中华人民共和国政府信息"
	       "公开条例》和上级关于政务公开工作的部署要求，进一步健全完善"
	       "政府信息公开工作制度，明确工作分工，细化岗位职责，坚持以公开"
	       "为常态、不公开为例外，依法依规做好主动公开、依申请公开、政策"
	       "解读和回应社会关切等工作，切实保障人民群众的知情权、参与权和"
	       "监督权。");
	par(d);
	put(d, "（请根据本年度工作实际，补充组织领导、制度建设、平台建设、"
	       "考核监督等方面的具体做法和成效。）");
}

/* "3．" + text + "{{metric}}条。" when the metric is not 0. */
static void channel_par(struct draft *d, int *k, const char *text,
			const char *metric)
{
	if (!val(d, metric)) {
		return;
	}
	par(d);
	buf_printf(d->out, "%d．", ++*k);
	put(d, text);
	put_ph(d, metric);
	put(d, "条。");
}

/* 公开形式: one numbered paragraph per channel that carried items. */
static void draft_channels(struct draft *d)
{
	static const char *const ch[] = {
		"items.channel.website", "items.channel.gazette",
		"items.channel.bulletin", "items.channel.led",
		"items.channel.wechat", "items.channel.weibo",
		"items.channel.sms", "items.channel.press"};
	int any = 0, k = 0;
	int display = metric_name_valid("items.display") &&
		      val(d, "items.display");
	for (size_t i = 0; i < sizeof ch / sizeof ch[0]; i++) {
		any |= val(d, ch[i]) != 0;
	}
	if (!any && !display) {
		return;
	}
	par_num(d, "公开形式");
	if (val(d, "items.channel.website")) {
		par(d);
		buf_printf(d->out, "%d．政府网站。通过政府门户网站公开政府信息",
			   ++k);
		put_ph(d, "items.channel.website");
		put(d, "条");
		if (d->f->cum_website[0]) {
			put(d, "，历年累计公开");
			put_ph(d, d->f->cum_website);
			put(d, "条");
		}
		put(d, "。");
	}
	channel_par(d, &k, "政府公报。在政府公报刊登政府信息",
		    "items.channel.gazette");
	if (display) {
		par(d);
		buf_printf(d->out,
			   "%d．信息公开栏和LED电子显示屏。在办公场所设立信息"
			   "公开栏和LED电子显示屏，本年度共公布各类信息",
			   ++k);
		put_ph(d, "items.display");
		put(d, "条。");
	} else if (val(d, "items.channel.bulletin") ||
		   val(d, "items.channel.led")) {
		int both = val(d, "items.channel.bulletin") &&
			   val(d, "items.channel.led");
		par(d);
		buf_printf(d->out, "%d．", ++k);
		put(d, both ? "信息公开栏和LED电子显示屏。在办公场所设立信息"
			      "公开栏和LED电子显示屏，"
		    : val(d, "items.channel.bulletin") ? "信息公开栏。"
						       : "LED电子显示屏。");
		struct list l = {d, "本年度", "，", 0};
		list_part(&l, "通过信息公开栏公布各类信息",
			  "items.channel.bulletin", "条");
		list_part(&l, "通过LED电子显示屏公布各类信息",
			  "items.channel.led", "条");
		list_end(&l, "。");
	}
	if (val(d, "items.channel.wechat") || val(d, "items.channel.weibo")) {
		par(d);
		buf_printf(d->out, "%d．政务新媒体。", ++k);
		struct list l = {d, "", "，", 0};
		list_part(&l, "通过政务微信发布信息", "items.channel.wechat",
			  "条");
		list_part(&l, "通过政务微博发布信息", "items.channel.weibo",
			  "条");
		list_end(&l, "。");
	}
	channel_par(d, &k,
		    "短信平台。对时效性要求较高、群众关注度高的信息通过短信"
		    "平台即时发布，本年度共发布信息",
		    "items.channel.sms");
	channel_par(d, &k,
		    "新闻发布会和新闻媒体。通过新闻发布会等形式发布信息",
		    "items.channel.press");
}

static void draft_interpretation(struct draft *d)
{
	int items = val(d, "items.issued.interpretation") != 0;
	int rel = val(d, "activity.interpretation_release.count") != 0;
	if (!items && !rel && !val(d, "activity.interpretation_event.count") &&
	    !val(d, "activity.materials.count")) {
		return;
	}
	par_we(d, "政策解读工作情况。");
	put(d, "加强重点工作政策解读");
	struct list l = {d, "，", "，", 0};
	list_part(&l, "开展解读培训和宣传活动",
		  "activity.interpretation_event.count", "场");
	list_part(&l, "发布解读信息", "items.issued.interpretation", "条");
	list_part(&l, items ? "另通过其他渠道发布解读信息" : "发布解读信息",
		  "activity.interpretation_release.count", "条");
	list_part(&l, "发放宣传材料", "activity.materials.count", "份");
	put(d, "。");
}

static void draft_concerns(struct draft *d)
{
	par_num(d, "回应社会关切情况。");
	if (val(d, "activity.press_conference.count") ||
	    val(d, "activity.online_interview.count") ||
	    val(d, "activity.public_concern_response.count")) {
		put(d, "{{year}}年，");
		put(d, d->we);
	}
	struct list l = {d, "", "，", 0};
	list_part(&l, "召开新闻发布会", "activity.press_conference.count",
		  "场");
	list_part(&l, "开展在线访谈", "activity.online_interview.count",
		  "场");
	list_part(&l, "回应社会关切", "activity.public_concern_response.count",
		  "次");
	list_end(&l, "。");
	if (val(d, "activity.hotline_referral.count")) {
		put(d, "本年度共收到12345平台群众诉求转办件");
		put_ph(d, "activity.hotline_referral.count");
		put(d, "件。");
	}
	if (val(d, "activity.public_message.count")) {
		put(d, "通过政府网站收到网上留言");
		put_ph(d, "activity.public_message.count");
		put(d, "条。");
	} else {
		put(d, "本年度未收到网上留言。");
	}
}

static void draft_services(struct draft *d)
{
	static const char *const m[] = {
		"activity.online_approval.count",
		"activity.licence_decision.count", "activity.penalty.count",
		"activity.coercion.count", "activity.fee_income.amount",
		"activity.complaint.count"};
	int any = 0;
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		any |= val(d, m[i]) != 0;
	}
	if (!any) {
		return;
	}
	par_we(d, "政务服务和监管执法信息公开情况。");
	struct list l = {d, "", "，", 0};
	list_part(&l, "完成网上审批事项", m[0], "件");
	list_part(&l, "公开行政许可决定", m[1], "件");
	if (list_part(&l, "公开行政处罚决定", m[2], "件")) {
		penalty_notes(d);
	}
	list_part(&l, "公开行政强制决定", m[3], "件");
	list_part(&l, "收取行政事业性收费", m[4], "元");
	list_part(&l, "受理行政申诉、举报", m[5], "件");
	put(d, "。");
}

static void draft_articles(struct draft *d)
{
	if (!val(d, "activity.article.count")) {
		return;
	}
	par_we(d, "信息稿件报送情况。");
	put(d, "加强政府网站内容建设，共撰写信息稿件");
	put_ph(d, "activity.article.count");
	put(d, "篇");
	entries_each(d, "article", "，其中");
	put(d, "。");
}

/* Training and the kinds an admin added, with their totals. */
static void draft_other_work(struct draft *d)
{
	static const char *const heading = "其他工作情况。";
	struct list l = {d, "", "，", 0};
	size_t ncustom = 0;
	if (val(d, "activity.training.count")) {
		par_we(d, heading);
		list_part(&l, "组织开展政府信息公开相关培训",
			  "activity.training.count", "场");
	}
	for (size_t i = 0; i < d->f->nentries && ncustom < ENTRIES_MAX; i++) {
		const struct narrative_entry *en = &d->f->entries[i];
		if (!en->kind || act_builtin(en->kind)) {
			continue;
		}
		int first = 1;
		for (size_t k = 0; k < i; k++) {
			first &= !is_kind(&d->f->entries[k], en->kind);
		}
		char name[128];
		int amount = en->amount_fen >= 0;
		snprintf(name, sizeof name, "activity.%.60s.%s", en->kind,
			 amount ? "amount" : "count");
		if (!first || !metric_name_valid(name) || !val(d, name)) {
			continue;
		}
		if (!l.n) {
			par_we(d, heading);
		}
		list_item(&l);
		put_text(d->out, en->label ? en->label : en->kind, TEXT_MAX);
		put_ph(d, name);
		if (amount) {
			put(d, "元");
		} else {
			put_text(d->out, en->unit, 8);
		}
		ncustom++;
	}
	list_end(&l, "。");
}

static void draft_proposals(struct draft *d)
{
	par_num(d, "人大代表建议和政协委员提案办理情况。");
	if (val(d, "activity.proposal_handled.count")) {
		put(d, "{{year}}年，");
		put(d, d->we);
		put(d, "共办理人大代表建议和政协委员提案");
		put_ph(d, "activity.proposal_handled.count");
		put(d, "件。");
	} else {
		put(d, "本年度未收到由");
		put(d, d->we);
		put(d, "主办的人大代表建议和政协委员提案。");
	}
}

static void draft_active(struct draft *d)
{
	if (val(d, "items.published")) {
		par_num(d, "{{year}}年度，{{organ}}共主动公开政府信息");
		put_ph(d, "items.published");
		put(d, "条");
		if (d->f->cum_items[0]) {
			put(d, "，历年累计");
			put_ph(d, d->f->cum_items);
			put(d, "条");
		}
		struct list l = {d, "，其中", "、", 0};
		list_part(&l, "规章", "items.issued.rule", "件");
		list_part(&l, "规范性文件", "items.issued.normative", "件");
		put(d, "。");
	}
	draft_channels(d);
	draft_interpretation(d);
	draft_concerns(d);
	draft_services(d);
	draft_articles(d);
	draft_other_work(d);
	draft_proposals(d);
}

static void draft_applications(struct draft *d)
{
	static const char *const ak[][2] = {
		{"自然人提出", "apps.new.natural"},
		{"商业企业提出", "apps.new.commercial"},
		{"科研机构提出", "apps.new.research"},
		{"社会公益组织提出", "apps.new.public_interest"},
		{"法律服务机构提出", "apps.new.legal_service"},
		{"其他申请人提出", "apps.new.other"}};
	static const char *const fam[][2] = {
		{"予以公开", "apps.result.disclosed.total"},
		{"部分公开", "apps.result.partial.total"},
		{"不予公开", "apps.result.withheld.total"},
		{"无法提供", "apps.result.unavailable.total"},
		{"不予处理", "apps.result.not_processed.total"},
		{"其他处理", "apps.result.other.total"}};
	int any_new = val(d, "apps.new.total") != 0;
	if (!any_new && !val(d, "apps.carried_in.total") &&
	    !val(d, "apps.result.total.total") &&
	    !val(d, "apps.carried_out.total")) {
		par(d);
		put(d, "本年度未收到政府信息公开申请，亦无上年度结转的申请。");
		return;
	}
	par(d);
	if (any_new) {
		put(d, "{{year}}年度，");
		put(d, d->we);
		put(d, "共收到政府信息公开申请");
		put_ph(d, "apps.new.total");
		put(d, "件");
		struct list l = {d, "，其中", "、", 0};
		list_part(&l, "当面申请", "apps.channel.in_person", "件");
		list_part(&l, "网上申请", "apps.channel.online", "件");
		list_part(&l, "电子邮件申请", "apps.channel.email", "件");
		list_part(&l, "信函申请", "apps.channel.letter", "件");
		list_part(&l, "传真申请", "apps.channel.fax", "件");
		put(d, "。");
		struct list k = {d, "从申请人类型看，", "，", 0};
		for (size_t i = 0; i < sizeof ak / sizeof ak[0]; i++) {
			list_part(&k, ak[i][0], ak[i][1], "件");
		}
		list_end(&k, "。");
	} else {
		put(d, "本年度未收到新的政府信息公开申请。");
	}
	if (val(d, "apps.carried_in.total")) {
		put(d, "上年度结转申请");
		put_ph(d, "apps.carried_in.total");
		put(d, "件。");
	}
	if (val(d, "apps.result.total.total") ||
	    val(d, "apps.carried_out.total")) {
		par(d);
	}
	if (val(d, "apps.result.total.total")) {
		put(d, "本年度共办结政府信息公开申请");
		put_ph(d, "apps.result.total.total");
		put(d, "件");
		struct list l = {d, "，其中", "、", 0};
		for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++) {
			list_part(&l, fam[i][0], fam[i][1], "件");
		}
		put(d, "。");
	}
	if (val(d, "apps.carried_out.total")) {
		put(d, "结转下年度继续办理");
		put_ph(d, "apps.carried_out.total");
		put(d, "件。");
	}
}

static void draft_cases(struct draft *d)
{
	static const char *const kinds[][2] = {
		{"review", "因政府信息公开申请行政复议"},
		{"litigation_direct", "未经复议直接提起行政诉讼"},
		{"litigation_after_review", "复议后提起行政诉讼"}};
	static const char *const results[][2] = {
		{"upheld", "结果维持"},
		{"corrected", "结果纠正"},
		{"other", "其他结果"},
		{"pending", "尚未审结"}};
	char name[96];
	int64_t tot[3];
	for (size_t k = 0; k < 3; k++) {
		snprintf(name, sizeof name, "cases.%s.total", kinds[k][0]);
		tot[k] = val(d, name);
	}
	par(d);
	if (!tot[0] && !tot[1] && !tot[2]) {
		put(d, "本年度未发生因政府信息公开引起的行政复议、行政诉讼。");
		return;
	}
	put(d, "{{year}}年度，");
	for (size_t k = 0; k < 3; k++) {
		if (!tot[k]) {
			continue;
		}
		put(d, kinds[k][1]);
		snprintf(name, sizeof name, "cases.%s.total", kinds[k][0]);
		put_ph(d, name);
		put(d, "件");
		struct list l = {d, "，其中", "、", 0};
		for (size_t r = 0; r < 4; r++) {
			snprintf(name, sizeof name, "cases.%s.%s", kinds[k][0],
				 results[r][0]);
			list_part(&l, results[r][1], name, "件");
		}
		put(d, "。");
	}
	if (!tot[0]) {
		put(d, "本年度未发生因政府信息公开引起的行政复议。");
	} else if (!tot[1] && !tot[2]) {
		put(d, "本年度未发生因政府信息公开引起的行政诉讼。");
	}
}

static void draft_problems(struct draft *d)
{
	par(d);
	put(d, "{{year}}年，");
	put(d, d->we);
	put(d, "政府信息公开工作总体平稳，但仍存在一些不足，主要表现在：（请"
	       "填写本年度存在的主要问题，以及上年度报告所列问题的改进情况。）");
	par(d);
	put(d, "下一步，");
	put(d, d->we);
	put(d, "将从以下几个方面进一步加强和改进政府信息公开工作：（请填写"
	       "具体改进措施。）");
}

static void draft_other(struct draft *d)
{
	par(d);
	if (d->f->annex) {
		put(d, "（一）需要说明的其他事项：无。");
		par(d);
		put(d, "（二）附表：{{organ}}政府信息公开年度统计表。");
	} else {
		put(d, "本年度无其他需要报告的事项。");
	}
}

void narrative_draft(const char *section_id,
		     const struct narrative_facts *facts, Buf *out)
{
	static const struct {
		const char *id;
		void (*fn)(struct draft *);
	} sections[] = {
		{"overview", draft_overview},
		{"active", draft_active},
		{"applications", draft_applications},
		{"cases", draft_cases},
		{"problems", draft_problems},
		{"other", draft_other},
	};
	struct draft d = {out, out->n, facts, self_name(facts->organ), 0};
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (strcmp(sections[i].id, section_id) == 0) {
			sections[i].fn(&d);
			return;
		}
	}
}
