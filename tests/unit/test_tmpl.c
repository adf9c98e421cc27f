/*
 * test_tmpl.c - unit tests for the template engine (render/tmpl.c): default
 * escaping, raw output only for html values, sections over lists and
 * scopes, the parse-time errors with line numbers, and the HTML context
 * rules (script, tags, URL attributes).
 *
 * The helpers parse and render into static buffers and free everything
 * before the test asserts, so a failing assertion leaks nothing.
 */
#include "render/tmpl.h"

#include "base/str.h"

#include "t.h"

#include <stdio.h>
#include <string.h>

/* Every name the test templates may use. */
static const char *const names[] = {
	"x", "y", "u", "h", "n", "flag", "items", "name", "sub", "label",
	"title", "empty", "a", "b", "page.title", NULL,
};

static char out_[4096];
static char msg_[256];

/* Parses src as "t.html" and renders it with v. Returns the output (a
 * static buffer) or NULL, with the error message in msg_. */
static const char *run(const char *src, const tvars *v)
{
	struct err e;
	tmpl *t = NULL;
	err_clear(&e);
	msg_[0] = 0;
	if (tmpl_parse("t.html", src, strlen(src), names, &t, &e) < 0) {
		snprintf(msg_, sizeof msg_, "%s", e.msg);
		return NULL;
	}
	Buf b = BUF_INIT;
	int rc = tmpl_render(t, v, &b, &e);
	tmpl_free(t);
	snprintf(out_, sizeof out_, "%s", buf_str(&b));
	buf_free(&b);
	if (rc < 0) {
		snprintf(msg_, sizeof msg_, "%s", e.msg);
		return NULL;
	}
	return out_;
}

/* The parse error for src (n bytes), or "" when it parses. */
static const char *parse_err_n(const char *src, size_t n)
{
	struct err e;
	tmpl *t = NULL;
	err_clear(&e);
	if (tmpl_parse("t.html", src, n, names, &t, &e) == 0) {
		tmpl_free(t);
		return "";
	}
	snprintf(msg_, sizeof msg_, "%s", e.msg);
	return msg_;
}

static const char *parse_err(const char *src)
{
	return parse_err_n(src, strlen(src));
}

/* 1 when the parse error for src contains want. */
static int err_has(const char *src, const char *want)
{
	const char *m = parse_err(src);
	if (!strstr(m, want)) {
		fprintf(stderr, "  for %s\n  got \"%s\"\n", src, m);
		return 0;
	}
	return 1;
}

static HtmlFrag frag(const char *s)
{
	HtmlFrag f = {s, strlen(s)};
	return f;
}

static void t_escape_text_and_attr(void)
{
	tvars *v = tvars_new();
	tv_set(v, "x", "<b>&\"'");
	const char *r = run("<p title=\"{{x}}\">{{x}}</p>"
			    "<p title='{{ x }}'></p>", v);
	tvars_free(v);
	T_EQ_STR(r, "<p title=\"&lt;b&gt;&amp;&quot;&#39;\">"
		 "&lt;b&gt;&amp;&quot;&#39;</p>"
		 "<p title='&lt;b&gt;&amp;&quot;&#39;'></p>");
}

static void t_raw_only_for_html(void)
{
	tvars *v = tvars_new();
	tv_set(v, "x", "<i>x</i>");
	tv_set_html(v, "h", frag("<b class=\"c\">a &amp; b</b>"));
	const char *r = run("{{{x}}}|{{h}}|{{{h}}}|<p title=\"{{h}}\"></p>",
			    v);
	tvars_free(v);
	T_EQ_STR(r, "&lt;i&gt;x&lt;/i&gt;|<b class=\"c\">a &amp; b</b>|"
		 "<b class=\"c\">a &amp; b</b>|"
		 "<p title=\"&lt;b class=&quot;c&quot;&gt;a &amp; "
		 "b&lt;/b&gt;\"></p>");
	T_ASSERT(err_has("<p title=\"{{{h}}}\">", "t.html:1: {{{...}}} "
			 "inside an attribute value"));
}

static void t_int_bool_unset(void)
{
	tvars *v = tvars_new();
	tv_set_int(v, "n", -42);
	tv_set_bool(v, "flag", 1);
	tv_set_bool(v, "a", 0);
	const char *r = run("[{{n}}][{{flag}}][{{a}}][{{y}}]", v);
	tvars_free(v);
	T_EQ_STR(r, "[-42][1][][]");
}

static void t_setf(void)
{
	tvars *v = tvars_new();
	tv_setf(v, "x", "%d<%s>", 7, "a&b");
	const char *r = run("{{x}}", v);
	tvars_free(v);
	T_EQ_STR(r, "7&lt;a&amp;b&gt;");
}

static void t_list_nested_outer_scope(void)
{
	tvars *v = tvars_new();
	tv_set(v, "title", "T");
	tv_set(v, "label", "outer");
	for (int i = 1; i <= 2; i++) {
		tvars *row = tv_add_row(v, "items");
		tv_setf(row, "name", "n%d", i);
		if (i == 2) {
			tv_set(row, "label", "inner");
		}
		for (int j = 1; j <= i; j++) {
			tvars *s = tv_add_row(row, "sub");
			tv_set_int(s, "n", i * 10 + j);
		}
	}
	const char *r = run("<ul>{{#items}}<li>{{name}} {{title}} {{label}}:"
			    "{{#sub}} {{n}}/{{name}}{{/sub}}</li>{{/items}}"
			    "</ul>{{label}}", v);
	tvars_free(v);
	T_EQ_STR(r, "<ul><li>n1 T outer: 11/n1</li>"
		 "<li>n2 T inner: 21/n2 22/n2</li></ul>outer");
}

static void t_inverted(void)
{
	tvars *v = tvars_new();
	tv_set_list_empty(v, "items");
	tv_set_bool(v, "flag", 0);
	tv_set(v, "x", "");
	tv_set_int(v, "n", 0);
	const char *r = run("{{^items}}none{{/items}}|{{^flag}}off{{/flag}}|"
			    "{{^x}}empty{{/x}}|{{^n}}zero{{/n}}|"
			    "{{^y}}unset{{/y}}", v);
	char first[64];
	snprintf(first, sizeof first, "%s", r ? r : "(error)");
	tv_add_row(v, "items");
	tv_set_bool(v, "flag", 1);
	tv_set(v, "x", "a");
	tv_set_int(v, "n", 3);
	r = run("{{^items}}none{{/items}}|{{^flag}}off{{/flag}}|"
		"{{^x}}empty{{/x}}|{{^n}}zero{{/n}}", v);
	tvars_free(v);
	T_EQ_STR(first, "none|off|empty|zero|unset");
	T_EQ_STR(r, "|||");
}

static void t_bool_and_empty_sections(void)
{
	tvars *v = tvars_new();
	tv_set_bool(v, "flag", 1);
	tv_set(v, "x", "");
	tv_set(v, "y", "txt");
	tv_set_int(v, "n", 5);
	tv_set_html(v, "h", frag(""));
	tv_set_list_empty(v, "items");
	const char *r = run("{{#flag}}A{{y}}{{/flag}}{{#x}}B{{/x}}"
			    "{{#y}}C{{y}}{{/y}}{{#n}}D{{/n}}{{#h}}E{{/h}}"
			    "{{#items}}F{{/items}}{{#empty}}G{{/empty}}", v);
	tvars_free(v);
	T_EQ_STR(r, "AtxtCtxtD");
}

static void t_null_vars(void)
{
	const char *r = run("a{{x}}{{#flag}}b{{/flag}}{{^flag}}c{{/flag}}",
			    NULL);
	T_EQ_STR(r, "ac");
}

static void t_replace_value(void)
{
	tvars *v = tvars_new();
	tv_set(v, "x", "one");
	tv_set(v, "x", "two");
	tv_add_row(v, "items");
	tv_set(v, "items", "now text");
	tv_set(v, "y", "gone");
	tv_set(v, "y", NULL);
	tv_set_int(v, "n", 1);
	tvars *row = tv_add_row(v, "n"); /* int replaced by a list */
	tv_set(row, "name", "r");
	const char *r = run("{{x}}|{{items}}|{{y}}|{{#n}}{{name}}{{/n}}", v);
	tvars_free(v);
	T_EQ_STR(r, "two|now text||r");
}

static void t_unknown_name_line(void)
{
	T_EQ_STR(parse_err("<p>\n{{x}}\n  {{nope}}</p>"),
		 "t.html:3: unknown name 'nope'");
	T_EQ_STR(parse_err("{{#nope}}{{/nope}}"),
		 "t.html:1: unknown name 'nope'");
	T_EQ_STR(parse_err("{{page.title}}"), "");
}

static void t_bad_tags(void)
{
	T_ASSERT(err_has("a\n{{Title}}", "t.html:2: bad tag 'Title'"));
	T_ASSERT(err_has("{{x y}}", "t.html:1: bad tag"));
	T_ASSERT(err_has("a\n\n{{x\n}}", "t.html:3: unterminated tag"));
	T_ASSERT(err_has("{{{h}}", "t.html:1: unterminated tag"));
	T_ASSERT(err_has("x\n{{! never closed", "t.html:2: unterminated "
			 "comment"));
}

static void t_mismatched_sections(void)
{
	T_ASSERT(err_has("{{#a}}\n{{#b}}\n{{/a}}{{/b}}",
			 "t.html:3: {{/a}} does not match {{#b}} opened at "
			 "line 2"));
	T_ASSERT(err_has("x\n{{^a}}\nno end", "t.html:2: unclosed section "
			 "{{^a}}"));
	T_ASSERT(err_has("{{/a}}", "t.html:1: {{/a}} without an open "
			 "section"));
	T_ASSERT(err_has("{{#flag}}<a href=\"{{/flag}}\">",
			 "t.html:1: section 'flag' starts in HTML text"));
}

static void t_script_and_style(void)
{
	T_ASSERT(err_has("<p>{{x}}</p>\n<script>var a = \"{{x}}\";</script>",
			 "t.html:2: template tag inside <script>"));
	T_ASSERT(err_has("<STYLE type=\"text/css\">\n{{{h}}}</style>",
			 "t.html:2: template tag inside <style>"));
	tvars *v = tvars_new();
	tv_set(v, "x", "<");
	const char *r = run("<script>if (a < b) {}</script >{{x}}"
			    "<textarea>{{x}}</textarea><title>{{x}}</title>",
			    v);
	tvars_free(v);
	T_EQ_STR(r, "<script>if (a < b) {}</script >&lt;"
		 "<textarea>&lt;</textarea><title>&lt;</title>");
}

static void t_tag_inside_html_tag(void)
{
	T_ASSERT(err_has("<p>\n<a {{x}}>", "t.html:2: template tag inside "
			 "an HTML tag"));
	T_ASSERT(err_has("<a{{x}}>", "inside an HTML tag"));
	T_ASSERT(err_has("<a href=\"/\" {{#flag}}class=\"on\"{{/flag}}>",
			 "inside an HTML tag"));
	T_ASSERT(err_has("<a href={{u}}>", "unquoted attribute value"));
	T_ASSERT(err_has("<a href=x{{u}}>", "unquoted attribute value"));
	T_ASSERT(err_has("<{{x}}>", "right after '<'"));
	T_ASSERT(err_has("</{{x}}>", "right after '<'"));
	T_ASSERT(err_has("<textarea></text{{x}}>", "right after '<'"));
	T_ASSERT(err_has("<!-- {{x}} -->", "inside an HTML comment"));
	T_ASSERT(err_has("<b onclick=\"f('{{x}}')\">", "attribute 'onclick'"));
	T_ASSERT(err_has("<iframe srcdoc=\"{{x}}\">", "attribute 'srcdoc'"));
	T_ASSERT(err_has("<p title=\"{{x}}", "t.html:1: template ends "
			 "inside an HTML tag"));
	T_EQ_STR(parse_err("<!-- c --><!DOCTYPE html><p class=\"{{x}}\" "
			   "title='{{#flag}}on{{/flag}}'>{{x}}</p>"), "");
}

static void t_url_attributes(void)
{
	tvars *v = tvars_new();
	tv_set(v, "u", "javascript:alert(1)");
	tv_set(v, "x", "/organ/x/");
	tv_set(v, "y", " JavaScript:alert(1)");
	tv_set_html(v, "h", frag("javascript&#58;alert(1)"));
	const char *r = run("<a href=\"{{u}}\">a</a><a href=\"{{x}}\">b</a>"
			    "<img src='{{ y }}'><a href=\"{{h}}\"></a>"
			    "<form action=\"{{#flag}}{{/flag}} {{u}}\"></form>"
			    "<a href=\"/go/{{u}}\"></a>"
			    "<a href=\"{{x}}?q={{u}}\"></a>"
			    "<a title=\"{{u}}\"></a>", v);
	tvars_free(v);
	T_EQ_STR(r, "<a href=\"#\">a</a><a href=\"/organ/x/\">b</a>"
		 "<img src='#'><a href=\"#\"></a>"
		 "<form action=\" #\"></form>"
		 "<a href=\"/go/javascript:alert(1)\"></a>"
		 "<a href=\"/organ/x/?q=javascript:alert(1)\"></a>"
		 "<a title=\"javascript:alert(1)\"></a>");
}

static void t_url_pieces_cannot_join(void)
{
	/* Each piece alone looks harmless; together they would not be. */
	tvars *v = tvars_new();
	tv_set(v, "a", "java");
	tv_set(v, "b", "script:alert(1)");
	const char *r = run("<a href=\"{{a}}{{b}}\"></a>"
			    "<a href=\"{{a}}x{{b}}\"></a>", v);
	tvars_free(v);
	T_EQ_STR(r, "<a href=\"java#\"></a><a href=\"javax#\"></a>");
	T_ASSERT(err_has("<a href=\"{{a}}:{{b}}\">", "':' after a variable"));
	T_ASSERT(err_has("<a href=\"{{#items}}{{#flag}}:{{/flag}}{{u}}"
			 "{{/items}}\">", "variable after a ':' in a section"));
	T_ASSERT(err_has("<a href=\"{{#items}}{{u}}{{#flag}}:{{/flag}}"
			 "{{/items}}\">", "':' after a variable"));
	T_ASSERT(err_has("<a href=\"{{a}}&#58;x\">", "character reference"));
	T_ASSERT(err_has("<a href=\"javascript&{{a}}\">",
			 "inside a character reference"));
	T_EQ_STR(parse_err("<a href=\"mailto:{{a}}\"></a>"
			   "<a href=\"{{a}}&amp;x=1\"></a>"
			   "<a href=\"{{#flag}}https://e.org/{{/flag}}"
			   "{{^flag}}/local/{{/flag}}\"></a>"), "");
}

static void t_comment_dropped(void)
{
	tvars *v = tvars_new();
	tv_set(v, "x", "X");
	const char *r = run("a{{! a comment }}b{{!\nspans\nlines }}{{x}}", v);
	tvars_free(v);
	T_EQ_STR(r, "abX");
	T_ASSERT(err_has("{{! one\ntwo }}\n{{nope}}", "t.html:3: unknown"));
}

static void t_invalid_utf8(void)
{
	T_EQ_STR(parse_err("\xe5\x85\xac\xe5\xbc\x80 {{x}}"), "");
	T_EQ_STR(parse_err("ok\nbad \xff"), "t.html:2: invalid UTF-8");
	T_EQ_STR(parse_err("\xc0\xaf"), "t.html:1: invalid UTF-8");
	T_EQ_STR(parse_err("\xed\xa0\x80"), "t.html:1: invalid UTF-8");
	T_EQ_STR(parse_err("\xf4\x90\x80\x80"), "t.html:1: invalid UTF-8");
	T_EQ_STR(parse_err("cut \xe5\x85"), "t.html:1: invalid UTF-8");
	T_EQ_STR(parse_err_n("a\0b", 3), "t.html:1: NUL byte");
}

static void t_nesting_limit(void)
{
	char src[600];
	size_t n = 0;
	for (int i = 0; i < TMPL_MAX_DEPTH; i++) {
		n += (size_t)snprintf(src + n, sizeof src - n, "{{#a}}");
	}
	n += (size_t)snprintf(src + n, sizeof src - n, "deep");
	for (int i = 0; i < TMPL_MAX_DEPTH; i++) {
		n += (size_t)snprintf(src + n, sizeof src - n, "{{/a}}");
	}
	tvars *v = tvars_new();
	tv_add_row(v, "a");
	const char *r = run(src, v);
	tvars_free(v);
	T_EQ_STR(r, "deep");
	char deeper[620];
	snprintf(deeper, sizeof deeper, "{{#b}}%s{{/b}}", src);
	T_ASSERT(err_has(deeper, "t.html:1: sections nested deeper than 32"));
}

static void t_many_rows(void)
{
	tvars *v = tvars_new();
	for (int i = 0; i < 300; i++) {
		tv_set_int(tv_add_row(v, "items"), "n", i);
	}
	const char *r = run("{{#items}}{{n}},{{/items}}", v);
	tvars_free(v);
	T_ASSERT(r != NULL);
	T_ASSERT(str_has_prefix(r, "0,1,2,"));
	T_ASSERT(strstr(r, ",299,") != NULL);
	T_EQ_INT(strlen(r), 10 * 2 + 90 * 3 + 200 * 4);
}

void suite_tmpl(void)
{
	T_RUN(t_escape_text_and_attr);
	T_RUN(t_raw_only_for_html);
	T_RUN(t_int_bool_unset);
	T_RUN(t_setf);
	T_RUN(t_list_nested_outer_scope);
	T_RUN(t_inverted);
	T_RUN(t_bool_and_empty_sections);
	T_RUN(t_null_vars);
	T_RUN(t_replace_value);
	T_RUN(t_unknown_name_line);
	T_RUN(t_bad_tags);
	T_RUN(t_mismatched_sections);
	T_RUN(t_script_and_style);
	T_RUN(t_tag_inside_html_tag);
	T_RUN(t_url_attributes);
	T_RUN(t_url_pieces_cannot_join);
	T_RUN(t_comment_dropped);
	T_RUN(t_invalid_utf8);
	T_RUN(t_nesting_limit);
	T_RUN(t_many_rows);
}
