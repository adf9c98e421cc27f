/*
 * sanitize.c - the rich-text sanitiser (see sanitize.h for what survives).
 *
 * How it works: a small HTML tokenizer (start and end tags with their
 * attributes, comments, raw-text elements, character references) feeds a
 * tree builder that keeps a stack of the allow-listed elements it has
 * opened. Nothing of the input's markup is copied: every tag is written
 * anew from the element table, every attribute value is decoded, checked
 * and re-escaped, and all text is decoded and then escaped with
 * html_escape. So if this tokenizer reads some odd markup differently from
 * a browser, the only effect is on what content is kept, never that markup
 * gets through. The tree builder closes what it must so that the allowed
 * elements always nest validly, and closes everything at the end.
 */
#include "render/sanitize.h"

#include "base/utf8.h"
#include "render/html.h"

#include <string.h>
#include <strings.h>

/*---- Elements ----*/

/* What an open element accepts as children. */
enum model {
	M_ROOT,     /* blocks; other content gets an implicit p */
	M_FLOW,     /* blocks and phrasing: blockquote li td th */
	M_PHRASING, /* text and inline elements only */
	M_LIST,     /* li: ul ol */
	M_TABLE,    /* caption thead tbody tfoot */
	M_SECTION,  /* tr: thead tbody tfoot */
	M_ROW,      /* td th: tr */
	M_VOID,     /* nothing: br hr */
};

/* What an element is, for the insertion rules. */
enum {
	F_INLINE = 1,  /* phrasing content */
	F_BLOCK = 2,   /* flow content that closes an open p */
	F_PART = 4,    /* table part: needs an open table */
	F_PARA = 8,    /* p, headings, pre: phrasing-only blocks */
	F_EMPTY = 16,  /* left out when it ends up empty */
};

enum el {
	E_ROOT, E_P, E_H2, E_H3, E_H4, E_PRE, E_BLOCKQUOTE, E_UL, E_OL,
	E_TABLE, E_HR, E_LI, E_CAPTION, E_THEAD, E_TBODY, E_TFOOT, E_TR,
	E_TH, E_TD, E_BR, E_A, E_STRONG, E_B, E_EM, E_I, E_U, E_SUB, E_SUP,
	E_SPAN, E_COUNT
};

static const struct {
	const char *name;
	unsigned char model;
	unsigned char flags;
} els[E_COUNT] = {
	[E_ROOT] = {"", M_ROOT, 0},
	[E_P] = {"p", M_PHRASING, F_BLOCK | F_PARA | F_EMPTY},
	[E_H2] = {"h2", M_PHRASING, F_BLOCK | F_PARA | F_EMPTY},
	[E_H3] = {"h3", M_PHRASING, F_BLOCK | F_PARA | F_EMPTY},
	[E_H4] = {"h4", M_PHRASING, F_BLOCK | F_PARA | F_EMPTY},
	[E_PRE] = {"pre", M_PHRASING, F_BLOCK | F_PARA},
	[E_BLOCKQUOTE] = {"blockquote", M_FLOW, F_BLOCK},
	[E_UL] = {"ul", M_LIST, F_BLOCK},
	[E_OL] = {"ol", M_LIST, F_BLOCK},
	[E_TABLE] = {"table", M_TABLE, F_BLOCK},
	[E_HR] = {"hr", M_VOID, F_BLOCK},
	[E_LI] = {"li", M_FLOW, 0},
	[E_CAPTION] = {"caption", M_PHRASING, F_PART},
	[E_THEAD] = {"thead", M_SECTION, F_PART},
	[E_TBODY] = {"tbody", M_SECTION, F_PART},
	[E_TFOOT] = {"tfoot", M_SECTION, F_PART},
	[E_TR] = {"tr", M_ROW, F_PART},
	[E_TH] = {"th", M_FLOW, F_PART},
	[E_TD] = {"td", M_FLOW, F_PART},
	[E_BR] = {"br", M_VOID, F_INLINE},
	[E_A] = {"a", M_PHRASING, F_INLINE | F_EMPTY},
	[E_STRONG] = {"strong", M_PHRASING, F_INLINE | F_EMPTY},
	[E_B] = {"b", M_PHRASING, F_INLINE | F_EMPTY},
	[E_EM] = {"em", M_PHRASING, F_INLINE | F_EMPTY},
	[E_I] = {"i", M_PHRASING, F_INLINE | F_EMPTY},
	[E_U] = {"u", M_PHRASING, F_INLINE | F_EMPTY},
	[E_SUB] = {"sub", M_PHRASING, F_INLINE | F_EMPTY},
	[E_SUP] = {"sup", M_PHRASING, F_INLINE | F_EMPTY},
	[E_SPAN] = {"span", M_PHRASING, F_INLINE | F_EMPTY},
};

/* Elements whose content is raw text up to their end tag, all dropped. */
static const char *const raw_names[] = {
	"script", "style", "textarea", "title", "iframe", "noscript",
	"xmp", "noembed", "noframes",
};
/* Elements whose parsed content is dropped up to the matching end tag. */
static const char *const drop_names[] = {
	"object", "embed", "template", "svg", "math", "select", "head",
	"applet", "frameset",
};

/* Allowed elements nested deeper than this are removed (text kept); the
 * implicit wrappers may add a few more levels, up to STACK_CAP. */
#define NEST_LIMIT 64
#define STACK_CAP (NEST_LIMIT + 8)

static int name_in(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(name, list[i]) == 0) {
			return (int)i;
		}
	}
	return -1;
}

/* The allowed element called name (lower case), or -1. */
static int el_lookup(const char *name)
{
	for (int i = 1; i < E_COUNT; i++) {
		if (strcmp(name, els[i].name) == 0) {
			return i;
		}
	}
	return -1;
}

static int is_heading(int el)
{
	return el == E_H2 || el == E_H3 || el == E_H4;
}

/*---- Characters and references ----*/

/* Appends code point cp as UTF-8. */
static void put_cp(Buf *b, unsigned long cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_append(b, u, n);
}

/* The common named references (others stay literal text). */
static const struct {
	const char *name;
	unsigned cp;
} named[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'},
	{"apos", '\''}, {"nbsp", 0xA0}, {"Tab", '\t'}, {"NewLine", '\n'},
	{"colon", ':'}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122},
	{"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
	{"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
	{"rdquo", 0x201D}, {"middot", 0xB7}, {"bull", 0x2022},
	{"times", 0xD7}, {"divide", 0xF7}, {"deg", 0xB0}, {"plusmn", 0xB1},
	{"yen", 0xA5}, {"euro", 0x20AC}, {"laquo", 0xAB}, {"raquo", 0xBB},
	{"sect", 0xA7}, {"para", 0xB6}, {"ensp", 0x2002}, {"emsp", 0x2003},
	{"thinsp", 0x2009}, {"shy", 0xAD}, {"le", 0x2264}, {"ge", 0x2265},
	{"ne", 0x2260}, {"permil", 0x2030}, {"micro", 0xB5},
	{"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192},
	{"darr", 0x2193}, {"frac12", 0xBD}, {"frac14", 0xBC},
	{"frac34", 0xBE}, {"sup2", 0xB2}, {"sup3", 0xB3},
};

/* What numeric references to 0x80-0x9F mean (windows-1252, as browsers
 * read them; Word pastes &#146; for a right quote). */
static const unsigned short cp1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
};

static int digit_val(char c, int base)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (base == 16 && c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (base == 16 && c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* Reads the character reference at s (s[0] == '&', n bytes available):
 * &#DDD; &#xHH; (the ';' optional) or a named one from the table (';'
 * required). Returns the bytes it spans and sets *cp, or 0 when s does not
 * start a known reference. */
static size_t charref(const char *s, size_t n, unsigned long *cp)
{
	if (n < 3) {
		return 0;
	}
	if (s[1] == '#') {
		size_t i = 2;
		int base = 10;
		if (s[i] == 'x' || s[i] == 'X') {
			base = 16;
			i++;
		}
		size_t first = i;
		unsigned long v = 0;
		int d;
		while (i < n && (d = digit_val(s[i], base)) >= 0) {
			v = v * (unsigned long)base + (unsigned long)d;
			if (v > 0x10FFFF) {
				v = 0x110000;
			}
			i++;
		}
		if (i == first) {
			return 0;
		}
		if (i < n && s[i] == ';') {
			i++;
		}
		if (v >= 0x80 && v <= 0x9F) {
			v = cp1252[v - 0x80];
		}
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
			v = 0xFFFD;
		}
		*cp = v;
		return i;
	}
	size_t len = 1;
	while (len < n && len < 10 &&
	       ((s[len] >= 'a' && s[len] <= 'z') ||
		(s[len] >= 'A' && s[len] <= 'Z') ||
		(s[len] >= '0' && s[len] <= '9'))) {
		len++;
	}
	if (len == n || s[len] != ';') {
		return 0;
	}
	for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
		if (strlen(named[k].name) == len - 1 &&
		    memcmp(named[k].name, s + 1, len - 1) == 0) {
			*cp = named[k].cp;
			return len + 1;
		}
	}
	return 0;
}

/* 1 for the control characters that never reach the output. */
static int dropped_cp(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') ||
	       (cp >= 0x7F && cp <= 0x9F);
}

/* Appends the n bytes at p to b as clean text: CR LF and CR become LF,
 * control characters (C0 but tab and LF, DEL, C1) are dropped, and with
 * refs set character references are decoded. */
static void clean_text(Buf *b, const char *p, size_t n, int refs)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		unsigned long cp;
		size_t k;
		if (c == '&' && refs && (k = charref(p + i, n - i, &cp)) > 0) {
			if (cp == '\r') {
				cp = '\n';
			}
			if (!dropped_cp(cp)) {
				put_cp(b, cp);
			}
			i += k;
		} else if (c == '\r') {
			buf_putc(b, '\n');
			i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
		} else if (c == 0xC2 && i + 1 < n &&
			   (unsigned char)p[i + 1] <= 0x9F) {
			i += 2; /* a C1 control, U+0080..U+009F */
		} else {
			if (c >= 0x80 || !dropped_cp(c)) {
				buf_putc(b, (char)c);
			}
			i++;
		}
	}
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Trims ASCII white space at both ends of the content of b, in place.
 * Returns the trimmed C string, which lives in b (or is a static ""). */
static const char *trim_buf(Buf *b)
{
	if (b->n == 0) {
		return "";
	}
	char *p = b->p, *end = b->p + b->n;
	while (p < end && is_space(*p)) {
		p++;
	}
	while (end > p && is_space(end[-1])) {
		end--;
	}
	*end = 0;
	return p;
}

/*---- Attributes ----*/

struct span {
	const char *p;
	size_t n;
	int set;
};

/* One tag as read by the tokenizer: its lower-case name (empty when too
 * long to be anything we know) and the few attributes we may keep. */
struct tag {
	char name[16];
	int self_closing;
	struct span href, colspan, rowspan, scope;
};

/* Records attribute name=value of tg if it is one we may keep; the first
 * occurrence wins, as in browsers. */
static void tag_attr(struct tag *tg, const char *name, size_t len,
		     const char *v, size_t vn)
{
	static const char *const keep[] = {"href", "colspan", "rowspan",
					   "scope"};
	struct span *slot[] = {&tg->href, &tg->colspan, &tg->rowspan,
			       &tg->scope};
	for (size_t k = 0; k < 4; k++) {
		if (strlen(keep[k]) == len &&
		    strncasecmp(keep[k], name, len) == 0 && !slot[k]->set) {
			slot[k]->p = v;
			slot[k]->n = vn;
			slot[k]->set = 1;
		}
	}
}

/* Writes ` href="URL"` (and rel for absolute http(s) links) to attrs when
 * the href of tg is safe. The value is decoded, tabs and newlines are
 * removed and white space trimmed, as a browser's URL parser does, and the
 * scheme (what comes before a ':' that precedes any '/', '?' or '#') must
 * be http, https or mailto. Returns 1 when written, else 0. */
static int href_attr(Buf *attrs, const struct tag *tg)
{
	if (!tg->href.set) {
		return 0;
	}
	Buf d = BUF_INIT, u = BUF_INIT;
	clean_text(&d, tg->href.p, tg->href.n, 1);
	for (size_t i = 0; i < d.n; i++) {
		if (d.p[i] != '\t' && d.p[i] != '\n') {
			buf_putc(&u, d.p[i]);
		}
	}
	buf_free(&d);
	const char *url = trim_buf(&u);
	size_t n = strlen(url), k = strcspn(url, ":/?#");
	int ok = n > 0, absolute = 0;
	if (ok && url[k] == ':') {
		absolute = (k == 4 && strncasecmp(url, "http", 4) == 0) ||
			   (k == 5 && strncasecmp(url, "https", 5) == 0);
		ok = absolute ||
		     (k == 6 && strncasecmp(url, "mailto", 6) == 0);
	} else if (n >= 2) {
		absolute = (url[0] == '/' || url[0] == '\\') &&
			   (url[1] == '/' || url[1] == '\\');
	}
	if (ok) {
		html_attr(attrs, "href", url);
		if (absolute) {
			html_attr(attrs, "rel", "noopener noreferrer");
		}
	}
	buf_free(&u);
	return ok;
}

/* The value of a colspan/rowspan attribute when it is 1..100 in decimal
 * (white space around allowed), else 0. */
static int span_num(const struct span *sp)
{
	if (!sp->set) {
		return 0;
	}
	Buf d = BUF_INIT;
	clean_text(&d, sp->p, sp->n, 1);
	const char *s = trim_buf(&d);
	int v = 0;
	size_t i = 0;
	while (s[i] >= '0' && s[i] <= '9' && v <= 100) {
		v = v * 10 + (s[i] - '0');
		i++;
	}
	int ok = i > 0 && s[i] == 0 && v >= 1 && v <= 100;
	buf_free(&d);
	return ok ? v : 0;
}

/* Writes the kept attributes of a th or td to attrs, in a fixed order. */
static void cell_attrs(Buf *attrs, int el, const struct tag *tg)
{
	static const char *const scopes[] = {"row", "col", "rowgroup",
					     "colgroup"};
	int c = span_num(&tg->colspan), r = span_num(&tg->rowspan);
	if (c) {
		buf_printf(attrs, " colspan=\"%d\"", c);
	}
	if (r) {
		buf_printf(attrs, " rowspan=\"%d\"", r);
	}
	if (el != E_TH || !tg->scope.set) {
		return;
	}
	Buf d = BUF_INIT;
	clean_text(&d, tg->scope.p, tg->scope.n, 1);
	const char *v = trim_buf(&d);
	for (size_t k = 0; k < sizeof scopes / sizeof scopes[0]; k++) {
		if (strcasecmp(v, scopes[k]) == 0) {
			html_attr(attrs, "scope", scopes[k]);
		}
	}
	buf_free(&d);
}

/*---- Tree builder ----*/

struct san {
	Buf *out;
	struct open {
		int el;
		size_t at;   /* out->n before the start tag */
		size_t body; /* out->n after it */
	} st[STACK_CAP];
	size_t depth;      /* open elements; the root is not on the stack */
	int drop;          /* index in drop_names being skipped, or -1 */
	size_t drop_depth; /* nesting of that element inside itself */
	Buf tmp;           /* scratch for decoded text */
};

static int top_el(const struct san *s)
{
	return s->depth ? s->st[s->depth - 1].el : E_ROOT;
}

/* Writes the start tag of el with attrs (pre-escaped ` name="value"`
 * pairs, may be NULL) and pushes it. Returns -1 when the stack is full. */
static int open_el(struct san *s, int el, const Buf *attrs)
{
	if (s->depth == STACK_CAP) {
		return -1;
	}
	struct open *o = &s->st[s->depth++];
	o->el = el;
	o->at = s->out->n;
	buf_putc(s->out, '<');
	buf_puts(s->out, els[el].name);
	if (attrs && attrs->n) {
		buf_append(s->out, attrs->p, attrs->n);
	}
	buf_putc(s->out, '>');
	o->body = s->out->n;
	return 0;
}

/* Writes a void element (br, hr). */
static void void_el(struct san *s, int el)
{
	buf_putc(s->out, '<');
	buf_puts(s->out, els[el].name);
	buf_putc(s->out, '>');
}

/* Pops the current element: writes its end tag, or takes its start tag
 * back when it is empty and of a kind left out then. */
static void close_top(struct san *s)
{
	struct open *o = &s->st[--s->depth];
	if ((els[o->el].flags & F_EMPTY) && s->out->n == o->body) {
		s->out->n = o->at;
		s->out->p[o->at] = 0;
		return;
	}
	buf_puts(s->out, "</");
	buf_puts(s->out, els[o->el].name);
	buf_putc(s->out, '>');
}

/* Closes open elements until depth are left. */
static void close_to(struct san *s, size_t depth)
{
	while (s->depth > depth) {
		close_top(s);
	}
}

/* Makes the current element one that accepts a block (block set) or
 * phrasing content: closes phrasing elements around a block, and opens
 * the missing p, li, tbody, tr or td. */
static void ensure(struct san *s, int block)
{
	for (;;) {
		int wrap;
		switch (els[top_el(s)].model) {
		case M_FLOW:
			return;
		case M_ROOT:
			if (block) {
				return;
			}
			wrap = E_P;
			break;
		case M_PHRASING:
			if (!block) {
				return;
			}
			close_top(s);
			continue;
		case M_LIST:
			wrap = E_LI;
			break;
		case M_TABLE:
			wrap = E_TBODY;
			break;
		case M_SECTION:
			wrap = E_TR;
			break;
		default:
			wrap = E_TD;
			break;
		}
		if (open_el(s, wrap, NULL) < 0) {
			return;
		}
	}
}

/* <li>: ends the open list item of the current list, or starts a list
 * when there is none. */
static void li_start(struct san *s)
{
	for (size_t i = s->depth; i-- > 0;) {
		int el = s->st[i].el;
		if (el == E_LI || el == E_UL || el == E_OL) {
			close_to(s, el == E_LI ? i : i + 1);
			open_el(s, E_LI, NULL);
			return;
		}
		if (els[el].model != M_PHRASING) {
			break;
		}
	}
	ensure(s, 1);
	open_el(s, E_UL, NULL);
	open_el(s, E_LI, NULL);
}

/* A table part: goes into the innermost open table, closing what is open
 * inside it and opening the missing tbody and tr; without a table it is
 * removed (its content kept). */
static void part_start(struct san *s, int el, const struct tag *tg)
{
	size_t k = s->depth;
	while (k > 0 && s->st[k - 1].el != E_TABLE) {
		k--;
	}
	if (k == 0) {
		return;
	}
	int cell = el == E_TD || el == E_TH;
	if (cell || el == E_TR) {
		if (k < s->depth && els[s->st[k].el].model == M_SECTION) {
			k++;
		}
		if (cell && k < s->depth && s->st[k].el == E_TR) {
			k++;
		}
		close_to(s, k);
		if (top_el(s) == E_TABLE) {
			open_el(s, E_TBODY, NULL);
		}
		if (cell && top_el(s) != E_TR) {
			open_el(s, E_TR, NULL);
		}
	} else {
		close_to(s, k);
	}
	Buf attrs = BUF_INIT;
	if (cell) {
		cell_attrs(&attrs, el, tg);
	}
	open_el(s, el, &attrs);
	buf_free(&attrs);
}

/* An allowed start tag. */
static void start_el(struct san *s, int el, const struct tag *tg)
{
	int flags = els[el].flags;
	if (el == E_LI) {
		li_start(s);
		return;
	}
	if (flags & F_PART) {
		part_start(s, el, tg);
		return;
	}
	Buf attrs = BUF_INIT;
	if (el == E_A) {
		/* No link inside a link: a new one ends the open one. */
		for (size_t i = s->depth;
		     i-- > 0 && (els[s->st[i].el].flags & F_INLINE);) {
			if (s->st[i].el == E_A) {
				close_to(s, i);
				break;
			}
		}
		if (!href_attr(&attrs, tg)) {
			goto done;
		}
	}
	ensure(s, !(flags & F_INLINE));
	/* The depth is checked after ensure, on the stack the output will
	 * show, so that sanitising the output again decides the same. */
	if (els[el].model == M_VOID) {
		void_el(s, el);
	} else if (s->depth < NEST_LIMIT) {
		open_el(s, el, &attrs);
	}
done:
	buf_free(&attrs);
}

/* A pseudo element for </div>, which ends a paragraph (see start_tag). */
#define E_DIV E_COUNT

/* 1 when the end tag of want closes the open element el. */
static int end_matches(int want, int el)
{
	if (want == E_DIV) {
		return (els[el].flags & F_PARA) != 0;
	}
	if (is_heading(want)) {
		return is_heading(el);
	}
	return want == el;
}

/* 1 when the end tag of want may not close anything beyond el. */
static int end_boundary(int want, int el)
{
	if (want == E_DIV || (els[want].flags & (F_INLINE | F_PARA))) {
		return !(els[el].flags & F_INLINE);
	}
	if (want == E_TABLE || (els[want].flags & F_PART)) {
		return el == E_TABLE;
	}
	if (want == E_LI && (el == E_UL || el == E_OL)) {
		return 1;
	}
	return el == E_TD || el == E_TH || el == E_CAPTION || el == E_TABLE;
}

/* An allowed end tag: closes up to the matching open element; ignored
 * when there is none in scope. */
static void end_el(struct san *s, int want)
{
	for (size_t i = s->depth; i-- > 0;) {
		int el = s->st[i].el;
		if (end_matches(want, el)) {
			close_to(s, i);
			return;
		}
		if (end_boundary(want, el)) {
			return;
		}
	}
}

/* A run of text (references not yet decoded). */
static void text(struct san *s, const char *p, size_t n)
{
	if (s->drop >= 0) {
		return;
	}
	buf_reset(&s->tmp);
	clean_text(&s->tmp, p, n, 1);
	int blank = 1;
	for (size_t i = 0; i < s->tmp.n && blank; i++) {
		blank = is_space(s->tmp.p[i]);
	}
	/* White space alone goes where it is, even between table rows. */
	if (!blank) {
		ensure(s, 0);
	}
	html_escape(s->out, buf_str(&s->tmp));
}

/* 1 for a self-closed svg or math element, which has no content. */
static int foreign_void(const struct tag *tg)
{
	return tg->self_closing &&
	       (strcmp(tg->name, "svg") == 0 || strcmp(tg->name, "math") == 0);
}

static void start_tag(struct san *s, const struct tag *tg)
{
	size_t ndrop = sizeof drop_names / sizeof drop_names[0];
	if (s->drop >= 0) {
		if (strcmp(tg->name, drop_names[s->drop]) == 0 &&
		    !foreign_void(tg)) {
			s->drop_depth++;
		}
		return;
	}
	int d = name_in(tg->name, drop_names, ndrop);
	if (d >= 0) {
		if (strcmp(tg->name, "embed") != 0 && !foreign_void(tg)) {
			s->drop = d;
			s->drop_depth = 1;
		}
		return;
	}
	if (strcmp(tg->name, "div") == 0) {
		start_el(s, E_P, tg);
		return;
	}
	int el = el_lookup(tg->name);
	if (el >= 0) {
		start_el(s, el, tg);
	}
}

static void end_tag(struct san *s, const struct tag *tg)
{
	if (s->drop >= 0) {
		if (strcmp(tg->name, drop_names[s->drop]) == 0 &&
		    --s->drop_depth == 0) {
			s->drop = -1;
		}
		return;
	}
	if (strcmp(tg->name, "div") == 0) {
		end_el(s, E_DIV);
		return;
	}
	int el = el_lookup(tg->name);
	if (el >= 0) {
		end_el(s, el);
	}
}

/*---- Tokenizer ----*/

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The position just after the first needle at or after i, or n. */
static size_t past(const char *in, size_t n, size_t i, const char *needle)
{
	size_t k = strlen(needle);
	const char *f = i < n ? memmem(in + i, n - i, needle, k) : NULL;
	return f ? (size_t)(f - in) + k : n;
}

/* The position after the end tag </name ...> that ends the raw text
 * starting at i, or n when there is none. */
static size_t raw_end(const char *in, size_t n, size_t i, const char *name)
{
	size_t k = strlen(name);
	const char *f;
	while (i < n && (f = memmem(in + i, n - i, "</", 2)) != NULL) {
		size_t j = (size_t)(f - in) + 2;
		if (n - j > k && strncasecmp(in + j, name, k) == 0 &&
		    (is_space(in[j + k]) || in[j + k] == '/' ||
		     in[j + k] == '>')) {
			return past(in, n, j + k, ">");
		}
		i = j;
	}
	return n;
}

/* Reads the tag whose name starts at i (after "<" or "</") into tg, with
 * the browsers' rules for names, quoted and unquoted values. Returns the
 * position after its '>', or 0 when the input ends inside the tag (which
 * is then dropped, as browsers do). */
static size_t parse_tag(const char *in, size_t n, size_t i, struct tag *tg)
{
	memset(tg, 0, sizeof *tg);
	size_t j = i;
	while (j < n && !is_space(in[j]) && in[j] != '/' && in[j] != '>') {
		j++;
	}
	for (size_t k = 0; j - i < sizeof tg->name && k < j - i; k++) {
		char c = in[i + k];
		tg->name[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	for (;;) {
		while (j < n && (is_space(in[j]) || in[j] == '/')) {
			if (in[j] == '/' && j + 1 < n && in[j + 1] == '>') {
				tg->self_closing = 1;
			}
			j++;
		}
		if (j >= n) {
			return 0;
		}
		if (in[j] == '>') {
			return j + 1;
		}
		size_t a = j++;
		while (j < n && !is_space(in[j]) && in[j] != '/' &&
		       in[j] != '>' && in[j] != '=') {
			j++;
		}
		size_t alen = j - a;
		while (j < n && is_space(in[j])) {
			j++;
		}
		const char *v = in + j;
		size_t vn = 0;
		if (j < n && in[j] == '=') {
			j++;
			while (j < n && is_space(in[j])) {
				j++;
			}
			if (j >= n) {
				return 0;
			}
			if (in[j] == '"' || in[j] == '\'') {
				const char *q = memchr(in + j + 1, in[j],
						       n - j - 1);
				if (!q) {
					return 0;
				}
				v = in + j + 1;
				vn = (size_t)(q - v);
				j = (size_t)(q - in) + 1;
			} else {
				v = in + j;
				while (j < n && !is_space(in[j]) &&
				       in[j] != '>') {
					j++;
				}
				vn = (size_t)(in + j - v);
			}
		}
		tag_attr(tg, in + a, alen, v, vn);
	}
}

/* 1 when the '<' at p (m bytes left) starts markup rather than text. */
static int markup_at(const char *p, size_t m)
{
	if (m < 2) {
		return 0;
	}
	return is_alpha(p[1]) || p[1] == '!' || p[1] == '?' ||
	       (p[1] == '/' && m >= 3);
}

/* Handles the markup at in[t] (markup_at holds); returns the position
 * after it. */
static size_t markup(struct san *s, const char *in, size_t n, size_t t)
{
	const char *p = in + t;
	size_t m = n - t;
	struct tag tg;
	if (p[1] == '!') {
		if (m >= 4 && p[2] == '-' && p[3] == '-') {
			if (m >= 5 && p[4] == '>') {
				return t + 5; /* <!--> */
			}
			if (m >= 6 && p[4] == '-' && p[5] == '>') {
				return t + 6; /* <!---> */
			}
			return past(in, n, t + 4, "-->");
		}
		if (m >= 9 && memcmp(p + 2, "[CDATA[", 7) == 0) {
			return past(in, n, t + 9, "]]>");
		}
		return past(in, n, t + 2, ">"); /* doctype and the like */
	}
	if (p[1] == '?' || (p[1] == '/' && !is_alpha(p[2]))) {
		return past(in, n, t + 2, ">");
	}
	int end = p[1] == '/';
	size_t after = parse_tag(in, n, t + 1 + (size_t)end, &tg);
	if (!after) {
		return n;
	}
	if (end) {
		end_tag(s, &tg);
		return after;
	}
	size_t nraw = sizeof raw_names / sizeof raw_names[0];
	int r = name_in(tg.name, raw_names, nraw);
	if (r >= 0) {
		return raw_end(in, n, after, raw_names[r]);
	}
	start_tag(s, &tg);
	return after;
}

/*---- Entry points ----*/

/* Plain text: blank-line-separated blocks become paragraphs, the other
 * newlines <br>. */
static void plain(const char *in, size_t n, Buf *out)
{
	Buf t = BUF_INIT;
	clean_text(&t, in, n, 0);
	int open = 0, any = 0;
	size_t i = 0;
	while (i < t.n) {
		char *nl = memchr(t.p + i, '\n', t.n - i);
		size_t end = nl ? (size_t)(nl - t.p) : t.n, k = end;
		while (k > i && (t.p[k - 1] == ' ' || t.p[k - 1] == '\t')) {
			k--;
		}
		if (k == i && open) {
			html_lit(out, "</p>");
			open = 0;
		} else if (k > i) {
			if (open) {
				html_lit(out, "<br>");
			} else {
				if (any) {
					html_lit(out, "\n");
				}
				html_lit(out, "<p>");
				open = any = 1;
			}
			t.p[k] = 0;
			html_escape(out, t.p + i);
		}
		i = end + 1;
	}
	if (open) {
		html_lit(out, "</p>");
	}
	buf_free(&t);
}

int sanitize_html(const char *in, size_t n, Buf *out, struct err *e)
{
	if (!utf8_valid(in, n)) {
		return err_set(e, ERR_INPUT, "正文不是有效的 UTF-8 文本");
	}
	if (n == 0) {
		return 0;
	}
	if (!memchr(in, '<', n)) {
		plain(in, n, out);
		return 0;
	}
	struct san s;
	s.out = out;
	s.depth = 0;
	s.drop = -1;
	s.drop_depth = 0;
	s.tmp = (Buf)BUF_INIT;
	size_t start = out->n, i = 0;
	while (i < n) {
		size_t t = i;
		for (;;) {
			const char *lt = memchr(in + t, '<', n - t);
			t = lt ? (size_t)(lt - in) : n;
			if (t == n || markup_at(in + t, n - t)) {
				break;
			}
			t++;
		}
		if (t > i) {
			text(&s, in + i, t - i);
		}
		i = t < n ? markup(&s, in, n, t) : n;
	}
	close_to(&s, 0);
	buf_free(&s.tmp);
	/* Only white space left: nothing (so that the result, sanitised
	 * again, is not taken for plain text). */
	if (out->n > start && !memchr(out->p + start, '<', out->n - start)) {
		out->n = start;
		out->p[start] = 0;
	}
	return 0;
}

/* Bytes of white space at p (m bytes left): ASCII, U+00A0 or U+3000. */
static size_t space_len(const char *p, size_t m)
{
	if (is_space(*p)) {
		return 1;
	}
	if (m >= 2 && memcmp(p, "\xC2\xA0", 2) == 0) {
		return 2;
	}
	if (m >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) {
		return 3;
	}
	return 0;
}

int sanitize_text(const char *in, size_t n, Buf *out)
{
	Buf h = BUF_INIT, t = BUF_INIT;
	if (sanitize_html(in, n, &h, NULL) < 0) {
		return -1;
	}
	/* The sanitised HTML is regular: tags are <name attrs> or </name>,
	 * attribute values hold no '>', text holds only the references
	 * html_escape writes. Tags other than inline ones separate words. */
	const char *p = buf_str(&h), *end = p + h.n;
	while (p < end) {
		unsigned long cp;
		size_t k;
		if (*p == '<') {
			const char *name = p + 1 + (p[1] == '/');
			const char *gt = memchr(p, '>', (size_t)(end - p));
			char nm[16] = "";
			size_t len = strcspn(name, " >");
			if (len < sizeof nm) {
				memcpy(nm, name, len);
				nm[len] = 0;
			}
			int el = el_lookup(nm);
			if (el < 0 || el == E_BR ||
			    !(els[el].flags & F_INLINE)) {
				buf_putc(&t, ' ');
			}
			p = gt ? gt + 1 : end;
		} else if (*p == '&' &&
			   (k = charref(p, (size_t)(end - p), &cp)) > 0) {
			put_cp(&t, cp);
			p += k;
		} else {
			buf_putc(&t, *p++);
		}
	}
	buf_free(&h);
	size_t start = out->n;
	int space = 0;
	for (size_t i = 0; i < t.n;) {
		size_t w = space_len(t.p + i, t.n - i);
		if (w) {
			space = 1;
			i += w;
			continue;
		}
		if (space && out->n > start) {
			buf_putc(out, ' ');
		}
		space = 0;
		buf_putc(out, t.p[i++]);
	}
	buf_free(&t);
	return 0;
}
