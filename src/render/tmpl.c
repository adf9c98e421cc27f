/*
 * tmpl.c - the logic-less template engine (see tmpl.h for the syntax).
 *
 * Parsing walks the source once. Literal bytes feed a small HTML state
 * machine (text, tag, attribute name, quoted/unquoted value, comment,
 * <script>/<style> raw text, <textarea>/<title> RCDATA) so that every
 * template tag is checked against, and stamped with, the context it sits
 * in. A tag where escaping cannot keep a value inert is a parse error; so is
 * a section whose end is in another context than its start, since a false
 * section would then leave the browser and the parser disagreeing.
 *
 * URL attributes: a variable that may come first in the value (only tags
 * and literal text without ':', '/', '?' or '#' before it, counting text
 * inside sections as possibly absent) is checked with html_url_safe() at
 * render time and replaced by "#" when it fails. Literal text that could
 * complete a scheme after such a variable (a ':' or a character reference)
 * is a parse error, so pieces cannot be joined into "javascript:".
 *
 * The parse is a flat array of nodes; sections hold the index of their end
 * and the end the index of its start, so rendering is a loop with a fixed
 * stack of TMPL_MAX_DEPTH frames and no recursion.
 */
#include "render/tmpl.h"

#include "base/str.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/*---- Values ----*/

enum tv_kind { TV_TEXT, TV_HTML, TV_INT, TV_BOOL, TV_LIST };

struct tv_entry {
	char *name;
	enum tv_kind kind;
	char *s;        /* TEXT, HTML: heap copy, NUL-terminated */
	size_t n;       /* its length */
	long long i;    /* INT, BOOL */
	tvars **rows;   /* LIST */
	size_t nrows, caprows;
};

struct tvars {
	struct tv_entry *e;
	size_t n, cap;
};

tvars *tvars_new(void)
{
	return xcalloc(1, sizeof(tvars));
}

/* Frees the value of x (not its name) and leaves it an empty text. */
static void entry_clear(struct tv_entry *x)
{
	free(x->s);
	x->s = NULL;
	x->n = 0;
	x->i = 0;
	for (size_t k = 0; k < x->nrows; k++) {
		tvars_free(x->rows[k]);
	}
	free(x->rows);
	x->rows = NULL;
	x->nrows = x->caprows = 0;
	x->kind = TV_TEXT;
}

void tvars_free(tvars *v)
{
	if (!v) {
		return;
	}
	for (size_t k = 0; k < v->n; k++) {
		entry_clear(&v->e[k]);
		free(v->e[k].name);
	}
	free(v->e);
	free(v);
}

static struct tv_entry *entry_find(const tvars *v, const char *name)
{
	for (size_t k = 0; k < v->n; k++) {
		if (strcmp(v->e[k].name, name) == 0) {
			return &v->e[k];
		}
	}
	return NULL;
}

/* The entry for name, cleared (existing) or new. */
static struct tv_entry *entry_put(tvars *v, const char *name)
{
	struct tv_entry *x = entry_find(v, name);
	if (x) {
		entry_clear(x);
		return x;
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->e = xrealloc(v->e, v->cap * sizeof v->e[0]);
	}
	x = &v->e[v->n++];
	memset(x, 0, sizeof *x);
	x->name = xstrdup(name);
	return x;
}

void tv_set(tvars *v, const char *name, const char *text)
{
	if (!text) {
		struct tv_entry *x = entry_find(v, name);
		if (x) {
			entry_clear(x);
			free(x->name);
			*x = v->e[--v->n];
		}
		return;
	}
	struct tv_entry *x = entry_put(v, name);
	x->kind = TV_TEXT;
	x->s = xstrdup(text);
	x->n = strlen(text);
}

void tv_setf(tvars *v, const char *name, const char *fmt, ...)
{
	Buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	struct tv_entry *x = entry_put(v, name);
	x->kind = TV_TEXT;
	x->n = b.n;
	x->s = buf_detach(&b);
}

void tv_set_int(tvars *v, const char *name, long long n)
{
	struct tv_entry *x = entry_put(v, name);
	x->kind = TV_INT;
	x->i = n;
}

void tv_set_html(tvars *v, const char *name, HtmlFrag f)
{
	struct tv_entry *x = entry_put(v, name);
	x->kind = TV_HTML;
	x->n = f.p ? f.n : 0;
	x->s = xmalloc(x->n + 1);
	if (x->n) {
		memcpy(x->s, f.p, x->n);
	}
	x->s[x->n] = 0;
}

void tv_set_bool(tvars *v, const char *name, int on)
{
	struct tv_entry *x = entry_put(v, name);
	x->kind = TV_BOOL;
	x->i = on != 0;
}

tvars *tv_add_row(tvars *v, const char *list)
{
	struct tv_entry *x = entry_find(v, list);
	if (!x || x->kind != TV_LIST) {
		x = entry_put(v, list);
		x->kind = TV_LIST;
	}
	if (x->nrows == x->caprows) {
		x->caprows = x->caprows ? x->caprows * 2 : 8;
		x->rows = xrealloc(x->rows, x->caprows * sizeof x->rows[0]);
	}
	tvars *row = tvars_new();
	x->rows[x->nrows++] = row;
	return row;
}

void tv_set_list_empty(tvars *v, const char *list)
{
	struct tv_entry *x = entry_put(v, list);
	x->kind = TV_LIST;
}

/*---- Parsed form ----*/

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SEC, N_INV, N_END };

/* Where a variable's value lands. */
enum node_ctx { C_TEXT, C_ATTR, C_URL };

struct tnode {
	unsigned char kind;  /* enum node_kind */
	unsigned char ctx;   /* enum node_ctx, for N_VAR and N_RAW */
	size_t a;            /* N_TEXT: offset in src; others: name index */
	size_t len;          /* N_TEXT: length */
	size_t jump;         /* N_SEC/N_INV: its N_END; N_END: its start */
};

struct tmpl {
	char *name;
	char *src;
	struct tnode *nodes;
	size_t nnodes, capnodes;
	char **names;        /* distinct names used, by index */
	size_t nnames, capnames;
};

void tmpl_free(tmpl *t)
{
	if (!t) {
		return;
	}
	for (size_t k = 0; k < t->nnames; k++) {
		free(t->names[k]);
	}
	free(t->names);
	free(t->nodes);
	free(t->src);
	free(t->name);
	free(t);
}

/*---- Parser ----*/

/* HTML states the literal bytes move through. */
enum hstate {
	H_TEXT,        /* element content */
	H_TAGNAME,     /* after "<" or "</": the element name */
	H_TAG,         /* inside a tag, between attributes */
	H_ANAME,       /* an attribute name */
	H_AFTER_ANAME, /* white space after an attribute name */
	H_BEFORE_AVAL, /* after "=" */
	H_AVAL_Q,      /* a quoted attribute value */
	H_AVAL_UQ,     /* an unquoted attribute value */
	H_COMMENT,     /* <!-- ... --> */
	H_DECL,        /* <!DOCTYPE ...>, <?...> */
	H_RAW,         /* <script>, <style> content */
	H_RCDATA,      /* <textarea>, <title> (and the like) content */
};

/* What kind of attribute the current value belongs to. */
enum akind { A_PLAIN, A_URL, A_FORBID };

/* The context a section starts in; its end must be in the same one. */
struct hctx {
	enum hstate st;
	unsigned id; /* attribute value or raw element instance */
};

struct open_sec {
	size_t node;
	size_t name;
	int line;
	struct hctx ctx;
};

struct parser {
	const char *tname;
	const char *s;
	size_t n, i;
	int line;
	const char *const *allowed;
	tmpl *t;
	struct err *e;

	enum hstate st;
	char tag[16];          /* element name, lower case */
	size_t ntag;
	int tag_long, endtag;
	char attr[32];         /* attribute name, lower case */
	size_t nattr;
	int attr_long;
	enum akind akind;
	char quote;
	char rawend[16];       /* element that ends H_RAW/H_RCDATA */
	size_t comment_at;     /* first byte after "<!--" */
	unsigned aval_id, elem_id;
	int lt_run;            /* literal "<" or "</" + name just before */
	/* URL attribute values */
	int lead;              /* a variable here may start the URL */
	int var_seen;          /* a checked variable came already */
	int amp_open;          /* a literal character reference is open */
	int colon_open;        /* a ':' in a section may precede a variable */
	int aval_depth;        /* section depth where the value began */

	struct open_sec stack[TMPL_MAX_DEPTH];
	int depth;
};

static const char *const url_attrs[] = {
	"href", "src", "action", "formaction", "poster", "cite",
	"xlink:href", "data", "background", "manifest", "longdesc",
	"codebase", "ping", "icon",
};

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.';
}

/* The byte k after the current one, or 0 past the end. */
static char peek(const struct parser *p, size_t k)
{
	return p->i + k < p->n ? p->s[p->i + k] : 0;
}

/* Sets e to "NAME:LINE: message" and returns -1. */
static int perr(struct parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int perr(struct parser *p, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(p->e, ERR_INPUT, "%s:%d: %s", p->tname, line, msg);
}

/* Offset of the first byte that is not valid UTF-8 (or is NUL), else n. */
static size_t utf8_bad_at(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t need;
		unsigned lo = 0x80, hi = 0xBF;
		if (c == 0) {
			return i;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0) {
				lo = 0xA0;
			} else if (c == 0xED) {
				hi = 0x9F; /* no surrogates */
			}
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0) {
				lo = 0x90;
			} else if (c == 0xF4) {
				hi = 0x8F; /* up to U+10FFFF */
			}
		} else {
			return i;
		}
		if (n - i <= need) {
			return i;
		}
		if (s[i + 1] < lo || s[i + 1] > hi) {
			return i;
		}
		for (size_t k = 2; k <= need; k++) {
			if (s[i + k] < 0x80 || s[i + k] > 0xBF) {
				return i;
			}
		}
		i += need + 1;
	}
	return n;
}

static size_t add_node(struct parser *p, enum node_kind kind, size_t a,
		       size_t len)
{
	tmpl *t = p->t;
	if (t->nnodes == t->capnodes) {
		t->capnodes = t->capnodes ? t->capnodes * 2 : 32;
		t->nodes = xrealloc(t->nodes,
				    t->capnodes * sizeof t->nodes[0]);
	}
	struct tnode *nd = &t->nodes[t->nnodes];
	memset(nd, 0, sizeof *nd);
	nd->kind = (unsigned char)kind;
	nd->a = a;
	nd->len = len;
	return t->nnodes++;
}

/* Index of name (len bytes) in t->names, adding it if new. */
static size_t intern(tmpl *t, const char *name, size_t len)
{
	for (size_t k = 0; k < t->nnames; k++) {
		if (strlen(t->names[k]) == len &&
		    memcmp(t->names[k], name, len) == 0) {
			return k;
		}
	}
	if (t->nnames == t->capnames) {
		t->capnames = t->capnames ? t->capnames * 2 : 16;
		t->names = xrealloc(t->names,
				    t->capnames * sizeof t->names[0]);
	}
	t->names[t->nnames] = xstrndup(name, len);
	return t->nnames++;
}

static int name_allowed(const struct parser *p, const char *name, size_t len)
{
	if (!p->allowed) {
		return 0;
	}
	for (const char *const *a = p->allowed; *a; a++) {
		if (strlen(*a) == len && memcmp(*a, name, len) == 0) {
			return 1;
		}
	}
	return 0;
}

static void start_tag(struct parser *p, int end)
{
	p->st = H_TAGNAME;
	p->ntag = 0;
	p->tag_long = 0;
	p->endtag = end;
}

static void end_of_tag(struct parser *p)
{
	static const char *const raw[] = {"script", "style"};
	static const char *const rcdata[] = {
		"textarea", "title", "xmp", "iframe", "noembed", "noframes",
	};
	p->tag[p->ntag] = 0;
	p->st = H_TEXT;
	if (p->endtag || p->tag_long) {
		return;
	}
	for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++) {
		if (strcmp(p->tag, raw[k]) == 0) {
			p->st = H_RAW;
		}
	}
	for (size_t k = 0; k < sizeof rcdata / sizeof rcdata[0]; k++) {
		if (strcmp(p->tag, rcdata[k]) == 0) {
			p->st = H_RCDATA;
		}
	}
	if (p->st != H_TEXT) {
		memcpy(p->rawend, p->tag, p->ntag + 1);
		p->elem_id++;
	}
}

static void attr_char(struct parser *p, char c)
{
	if (p->nattr + 1 < sizeof p->attr) {
		p->attr[p->nattr++] = lower(c);
	} else {
		p->attr_long = 1;
	}
}

static void begin_attr(struct parser *p, char c)
{
	p->nattr = 0;
	p->attr_long = 0;
	attr_char(p, c);
	p->st = H_ANAME;
}

/* Entering an attribute value: classify the attribute. */
static void begin_value(struct parser *p)
{
	p->attr[p->nattr] = 0;
	p->aval_id++;
	p->akind = A_PLAIN;
	if (str_has_prefix(p->attr, "on") || strcmp(p->attr, "srcdoc") == 0) {
		p->akind = A_FORBID;
	} else if (!p->attr_long) {
		for (size_t k = 0; k < sizeof url_attrs / sizeof url_attrs[0];
		     k++) {
			if (strcmp(p->attr, url_attrs[k]) == 0) {
				p->akind = A_URL;
			}
		}
	}
	p->lead = p->akind == A_URL;
	p->var_seen = 0;
	p->amp_open = 0;
	p->colon_open = 0;
	p->aval_depth = p->depth;
}

/* A literal byte of a quoted URL attribute value while a variable could
 * still start the URL (see the file comment). */
static int url_lead_byte(struct parser *p, char c)
{
	int nested = p->depth > p->aval_depth;
	if (p->amp_open && !is_alnum(c) && c != '#') {
		p->amp_open = 0;
	}
	switch (c) {
	case '/':
	case '?':
	case '#':
		if (!nested) {
			p->lead = 0;
		}
		break;
	case ':':
		if (p->var_seen) {
			return perr(p, p->line, "':' after a variable at the "
				    "start of URL attribute '%s'", p->attr);
		}
		if (nested) {
			p->colon_open = 1; /* a later variable is an error */
		} else {
			p->lead = 0;
		}
		break;
	case '&':
		if (!p->var_seen) {
			p->amp_open = 1;
		} else if (strncmp(p->s + p->i + 1, "amp;", 4) == 0 &&
			   p->i + 5 <= p->n) {
			p->i += 4; /* a plain '&', no delimiter */
		} else {
			return perr(p, p->line, "character reference after a "
				    "variable at the start of URL attribute "
				    "'%s' (write &amp; for '&')", p->attr);
		}
		break;
	default:
		break;
	}
	return 0;
}

/* 1 when "</" + rawend + a tag-ending byte starts at the current '<'. */
static int at_raw_end(const struct parser *p)
{
	size_t len = strlen(p->rawend);
	if (peek(p, 1) != '/' || p->i + 2 + len > p->n ||
	    strncasecmp(p->s + p->i + 2, p->rawend, len) != 0) {
		return 0;
	}
	char c = peek(p, 2 + len);
	return is_ws(c) || c == '/' || c == '>';
}

/* Moves the HTML state machine over the literal byte c at p->i. It may
 * consume a few more known bytes (never '{' or '\n') by advancing p->i. */
static int feed(struct parser *p, char c)
{
	int was_lt = p->lt_run;
	p->lt_run = 0;
	switch (p->st) {
	case H_TEXT:
		if (c == '<') {
			char d = peek(p, 1);
			if (is_alpha(d)) {
				start_tag(p, 0);
			} else if (d == '/' && is_alpha(peek(p, 2))) {
				start_tag(p, 1);
				p->i++;
			} else if (d == '!' && peek(p, 2) == '-' &&
				   peek(p, 3) == '-') {
				p->st = H_COMMENT;
				p->i += 3;
				p->comment_at = p->i + 1;
			} else if (d == '!' || d == '?') {
				p->st = H_DECL;
			} else {
				p->lt_run = 1;
			}
		} else if (c == '/' && was_lt) {
			p->lt_run = 1;
		}
		break;
	case H_TAGNAME:
		if (is_ws(c) || c == '/') {
			p->tag[p->ntag] = 0;
			p->st = H_TAG;
		} else if (c == '>') {
			end_of_tag(p);
		} else if (p->ntag + 1 < sizeof p->tag) {
			p->tag[p->ntag++] = lower(c);
		} else {
			p->tag_long = 1;
		}
		break;
	case H_TAG:
		if (c == '>') {
			end_of_tag(p);
		} else if (!is_ws(c) && c != '/') {
			begin_attr(p, c);
		}
		break;
	case H_ANAME:
		if (is_ws(c)) {
			p->st = H_AFTER_ANAME;
		} else if (c == '/') {
			p->st = H_TAG;
		} else if (c == '>') {
			end_of_tag(p);
		} else if (c == '=') {
			p->st = H_BEFORE_AVAL;
		} else {
			attr_char(p, c);
		}
		break;
	case H_AFTER_ANAME:
		if (c == '/') {
			p->st = H_TAG;
		} else if (c == '=') {
			p->st = H_BEFORE_AVAL;
		} else if (c == '>') {
			end_of_tag(p);
		} else if (!is_ws(c)) {
			begin_attr(p, c);
		}
		break;
	case H_BEFORE_AVAL:
		if (c == '"' || c == '\'') {
			p->quote = c;
			begin_value(p);
			p->st = H_AVAL_Q;
		} else if (c == '>') {
			end_of_tag(p);
		} else if (!is_ws(c)) {
			p->st = H_AVAL_UQ;
		}
		break;
	case H_AVAL_Q:
		if (c == p->quote) {
			p->st = H_TAG;
			p->lead = 0;
		} else if (p->lead) {
			return url_lead_byte(p, c);
		}
		break;
	case H_AVAL_UQ:
		if (is_ws(c)) {
			p->st = H_TAG;
		} else if (c == '>') {
			end_of_tag(p);
		}
		break;
	case H_COMMENT:
		if (c == '>') {
			size_t i = p->i, at = p->comment_at;
			const char *s = p->s;
			if (i == at || (i == at + 1 && s[i - 1] == '-') ||
			    (i >= at + 2 && s[i - 1] == '-' &&
			     s[i - 2] == '-') ||
			    (i >= at + 3 && s[i - 1] == '!' &&
			     s[i - 2] == '-' && s[i - 3] == '-')) {
				p->st = H_TEXT;
			}
		}
		break;
	case H_DECL:
		if (c == '>') {
			p->st = H_TEXT;
		}
		break;
	case H_RAW:
	case H_RCDATA:
		if (c == '<' && at_raw_end(p)) {
			start_tag(p, 1);
			p->i++;
		} else if (c == '<' || (was_lt && (c == '/' || is_alnum(c)))) {
			p->lt_run = 1;
		}
		break;
	}
	return 0;
}

static struct hctx cur_ctx(const struct parser *p)
{
	struct hctx c = {p->st, 0};
	if (p->st == H_AVAL_Q) {
		c.id = p->aval_id;
	} else if (p->st == H_RCDATA || p->st == H_RAW) {
		c.id = p->elem_id;
	}
	return c;
}

/* Checks that a template tag of the given kind (N_VAR, N_RAW, N_SEC...,
 * or N_TEXT for a comment) may stand here; returns its enum node_ctx or
 * -1 after setting the error. */
static int tag_ctx(struct parser *p, enum node_kind kind, int line)
{
	switch (p->st) {
	case H_TEXT:
	case H_RCDATA:
		if (p->lt_run) {
			return perr(p, line, "template tag right after '<'");
		}
		return C_TEXT;
	case H_AVAL_Q:
		if (p->akind == A_FORBID) {
			return perr(p, line, "template tag inside attribute "
				    "'%s' (script or HTML context)", p->attr);
		}
		if (kind == N_RAW) {
			return perr(p, line, "{{{...}}} inside an attribute "
				    "value");
		}
		if (kind == N_VAR && p->lead) {
			if (p->amp_open) {
				return perr(p, line, "template tag inside a "
					    "character reference");
			}
			if (p->colon_open) {
				return perr(p, line, "variable after a ':' in "
					    "a section at the start of URL "
					    "attribute '%s'", p->attr);
			}
			p->var_seen = 1;
			return C_URL;
		}
		return C_ATTR;
	case H_RAW:
		return perr(p, line, "template tag inside <%s>", p->rawend);
	case H_COMMENT:
		return perr(p, line, "template tag inside an HTML comment");
	case H_BEFORE_AVAL:
	case H_AVAL_UQ:
		return perr(p, line, "template tag in an unquoted attribute "
			    "value (put the value in quotes)");
	default:
		return perr(p, line, "template tag inside an HTML tag, "
			    "outside a quoted attribute value");
	}
}

static const char *ctx_word(enum hstate st)
{
	switch (st) {
	case H_TEXT: return "HTML text";
	case H_AVAL_Q: return "an attribute value";
	case H_RCDATA: return "a text element";
	default: return "an HTML tag";
	}
}

static int open_section(struct parser *p, enum node_kind kind, size_t name,
			int line)
{
	if (p->depth == TMPL_MAX_DEPTH) {
		return perr(p, line, "sections nested deeper than %d",
			    TMPL_MAX_DEPTH);
	}
	struct open_sec *o = &p->stack[p->depth++];
	o->node = add_node(p, kind, name, 0);
	o->name = name;
	o->line = line;
	o->ctx = cur_ctx(p);
	return 0;
}

static int close_section(struct parser *p, size_t name, int line)
{
	tmpl *t = p->t;
	if (p->depth == 0) {
		return perr(p, line, "{{/%s}} without an open section",
			    t->names[name]);
	}
	struct open_sec *o = &p->stack[p->depth - 1];
	if (o->name != name) {
		return perr(p, line, "{{/%s}} does not match {{%c%s}} "
			    "opened at line %d", t->names[name],
			    t->nodes[o->node].kind == N_INV ? '^' : '#',
			    t->names[o->name], o->line);
	}
	struct hctx now = cur_ctx(p);
	if (now.st != o->ctx.st || now.id != o->ctx.id) {
		return perr(p, line, "section '%s' starts in %s at line %d "
			    "but ends in %s; keep a section's HTML balanced",
			    t->names[name], ctx_word(o->ctx.st), o->line,
			    ctx_word(now.st));
	}
	size_t end = add_node(p, N_END, name, 0);
	t->nodes[end].jump = o->node;
	t->nodes[o->node].jump = end;
	p->depth--;
	return 0;
}

/* Quotes up to 32 bytes of a bad tag at s for a message, cut on a UTF-8
 * boundary. */
static int quote_len(const char *s, size_t avail)
{
	size_t k = 0;
	while (k < avail && k < 32 && s[k] != '\n' && s[k] != '}') {
		k++;
	}
	while (k > 0 && k < avail && ((unsigned char)s[k] & 0xC0) == 0x80) {
		k--;
	}
	return (int)k;
}

/* Parses the template tag at p->i (which starts with "{{"). */
static int parse_tag(struct parser *p)
{
	const char *s = p->s;
	size_t n = p->n, i = p->i + 2;
	int line = p->line, triple = 0;
	char sigil = 0;
	if (i < n && s[i] == '{') {
		triple = 1;
		i++;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		i++;
	}
	if (!triple && i < n && strchr("#^/!", s[i])) {
		sigil = s[i++];
	}
	if (sigil == '!') {
		const char *end = memmem(s + i, n - i, "}}", 2);
		if (!end) {
			return perr(p, line, "unterminated comment");
		}
		if (tag_ctx(p, N_TEXT, line) < 0) {
			return -1;
		}
		for (const char *c = s + i; c < end; c++) {
			p->line += *c == '\n';
		}
		p->i = (size_t)(end - s) + 2;
		return 0;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		i++;
	}
	size_t name_at = i;
	while (i < n && is_name_char(s[i])) {
		i++;
	}
	size_t name_len = i - name_at;
	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		i++;
	}
	const char *close = triple ? "}}}" : "}}";
	size_t close_len = triple ? 3 : 2;
	if (name_len == 0 || n - i < close_len ||
	    memcmp(s + i, close, close_len) != 0) {
		const char *eol = memchr(s + p->i, '\n', n - p->i);
		size_t rest = (eol ? (size_t)(eol - s) : n) - p->i;
		if (!memmem(s + p->i, rest, close, close_len)) {
			return perr(p, line, "unterminated tag (no %s on the "
				    "same line)", close);
		}
		return perr(p, line, "bad tag '%.*s' (names are lower-case "
			    "[a-z0-9_.])", quote_len(s + name_at, n - name_at),
			    s + name_at);
	}
	if (!name_allowed(p, s + name_at, name_len)) {
		return perr(p, line, "unknown name '%.*s'", (int)name_len,
			    s + name_at);
	}
	size_t name = intern(p->t, s + name_at, name_len);
	p->i = i + close_len;
	if (sigil == '#' || sigil == '^') {
		if (tag_ctx(p, N_SEC, line) < 0) {
			return -1;
		}
		return open_section(p, sigil == '#' ? N_SEC : N_INV, name,
				    line);
	}
	if (sigil == '/') {
		if (tag_ctx(p, N_END, line) < 0) {
			return -1;
		}
		return close_section(p, name, line);
	}
	enum node_kind kind = triple ? N_RAW : N_VAR;
	int ctx = tag_ctx(p, kind, line);
	if (ctx < 0) {
		return -1;
	}
	size_t k = add_node(p, kind, name, 0);
	p->t->nodes[k].ctx = (unsigned char)ctx;
	return 0;
}

static void flush_text(struct parser *p, size_t from)
{
	if (p->i > from) {
		add_node(p, N_TEXT, from, p->i - from);
	}
}

int tmpl_parse(const char *name, const char *src, size_t n,
	       const char *const *names, tmpl **out, struct err *e)
{
	struct parser p;
	memset(&p, 0, sizeof p);
	p.tname = name ? name : "template";
	p.s = src;
	p.n = src ? n : 0;
	p.line = 1;
	p.allowed = names;
	p.e = e;
	*out = NULL;

	size_t bad = utf8_bad_at((const unsigned char *)src, p.n);
	if (bad < p.n) {
		int line = 1;
		for (size_t k = 0; k < bad; k++) {
			line += src[k] == '\n';
		}
		return perr(&p, line, "%s", src[bad] ? "invalid UTF-8" :
			    "NUL byte");
	}

	tmpl *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(p.tname);
	t->src = xmalloc(p.n + 1);
	if (p.n) {
		memcpy(t->src, src, p.n);
	}
	t->src[p.n] = 0;
	p.t = t;
	p.s = t->src;

	size_t text_at = 0;
	while (p.i < p.n) {
		char c = p.s[p.i];
		if (c == '{' && peek(&p, 1) == '{') {
			flush_text(&p, text_at);
			if (parse_tag(&p) < 0) {
				goto fail;
			}
			text_at = p.i;
			continue;
		}
		if (feed(&p, c) < 0) {
			goto fail;
		}
		p.line += c == '\n';
		p.i++;
	}
	flush_text(&p, text_at);
	if (p.depth > 0) {
		struct open_sec *o = &p.stack[p.depth - 1];
		perr(&p, o->line, "unclosed section {{%c%s}}",
		     t->nodes[o->node].kind == N_INV ? '^' : '#',
		     t->names[o->name]);
		goto fail;
	}
	if (p.st != H_TEXT) {
		perr(&p, p.line, "template ends inside %s",
		     p.st == H_COMMENT ? "an HTML comment" :
		     p.st == H_RAW || p.st == H_RCDATA ? "a raw-text element"
						       : "an HTML tag");
		goto fail;
	}
	*out = t;
	return 0;
fail:
	tmpl_free(t);
	return -1;
}

/*---- Rendering ----*/

static const struct tv_entry *lookup(const tvars *const *scope, int n,
				     const char *name)
{
	for (int k = n - 1; k >= 0; k--) {
		const struct tv_entry *x = entry_find(scope[k], name);
		if (x) {
			return x;
		}
	}
	return NULL;
}

static int truthy(const struct tv_entry *x)
{
	if (!x) {
		return 0;
	}
	switch (x->kind) {
	case TV_TEXT:
	case TV_HTML:
		return x->n > 0;
	case TV_INT:
	case TV_BOOL:
		return x->i != 0;
	case TV_LIST:
		return x->nrows > 0;
	}
	return 0;
}

/* Trusted HTML inside a quoted attribute value: its character references
 * stay, but quotes and angle brackets cannot end the value. */
static void put_html_attr(Buf *out, const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		switch (s[k]) {
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		default: buf_putc(out, s[k]); break;
		}
	}
}

static void put_value(Buf *out, const struct tv_entry *x, enum node_ctx ctx)
{
	char num[32];
	const char *txt;
	if (!x) {
		return;
	}
	switch (x->kind) {
	case TV_TEXT:
		txt = x->s;
		break;
	case TV_INT:
		snprintf(num, sizeof num, "%lld", x->i);
		txt = num;
		break;
	case TV_BOOL:
		txt = x->i ? "1" : "";
		break;
	case TV_HTML:
		if (ctx == C_TEXT) {
			buf_append(out, x->s, x->n);
		} else if (ctx == C_URL && (strlen(x->s) != x->n ||
					    memchr(x->s, '&', x->n) ||
					    !html_url_safe(x->s))) {
			buf_putc(out, '#');
		} else {
			put_html_attr(out, x->s, x->n);
		}
		return;
	default:
		return;
	}
	if (ctx == C_URL && !html_url_safe(txt)) {
		buf_putc(out, '#');
		return;
	}
	html_escape(out, txt);
}

/* One open section while rendering. */
struct frame {
	const struct tv_entry *list; /* iterated list, or NULL */
	size_t row;
};

int tmpl_render(const tmpl *t, const tvars *v, Buf *out, struct err *e)
{
	const tvars *scope[TMPL_MAX_DEPTH + 1];
	struct frame fr[TMPL_MAX_DEPTH];
	int nscope = 0, nfr = 0;
	if (v) {
		scope[nscope++] = v;
	}
	size_t i = 0;
	while (i < t->nnodes) {
		const struct tnode *nd = &t->nodes[i];
		const struct tv_entry *x;
		switch ((enum node_kind)nd->kind) {
		case N_TEXT:
			buf_append(out, t->src + nd->a, nd->len);
			i++;
			break;
		case N_VAR:
		case N_RAW:
			x = lookup(scope, nscope, t->names[nd->a]);
			put_value(out, x, (enum node_ctx)nd->ctx);
			i++;
			break;
		case N_SEC:
		case N_INV:
			x = lookup(scope, nscope, t->names[nd->a]);
			if (truthy(x) == (nd->kind == N_INV)) {
				i = nd->jump + 1;
				break;
			}
			if (nfr == TMPL_MAX_DEPTH) {
				return err_set(e, ERR_INTERNAL, "%s: sections "
					       "nested deeper than %d",
					       t->name, TMPL_MAX_DEPTH);
			}
			fr[nfr].list = NULL;
			fr[nfr].row = 0;
			if (nd->kind == N_SEC && x->kind == TV_LIST) {
				fr[nfr].list = x;
				scope[nscope++] = x->rows[0];
			}
			nfr++;
			i++;
			break;
		case N_END: {
			struct frame *f = &fr[nfr - 1];
			if (f->list) {
				nscope--;
				if (++f->row < f->list->nrows) {
					scope[nscope++] = f->list->rows[f->row];
					i = nd->jump + 1;
					break;
				}
			}
			nfr--;
			i++;
			break;
		}
		}
	}
	return 0;
}
