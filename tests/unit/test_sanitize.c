/*
 * test_sanitize.c - unit tests of the rich-text sanitiser
 * (render/sanitize.c): scripts, event handlers, dangerous URLs behind
 * entities and white space, styles, svg/math, comments, unquoted and
 * unterminated markup, tables, links, Chinese text, the plain-text path,
 * invalid UTF-8, valid nesting, idempotence (also over generated tag soup)
 * and sanitize_text.
 *
 * The helpers sanitise into static buffers and free everything before the
 * test asserts, so a failing assertion leaks nothing.
 */
#include "render/sanitize.h"

#include "t.h"

#include <stdio.h>
#include <string.h>

static char out_[16384];

/* Sanitises the n bytes at in; returns the output (a static buffer), or
 * "ERR " and the message. */
static const char *san_n(const char *in, size_t n)
{
	Buf b = BUF_INIT;
	struct err e;
	err_clear(&e);
	if (sanitize_html(in, n, &b, &e) < 0) {
		snprintf(out_, sizeof out_, "ERR %s", e.msg);
	} else {
		snprintf(out_, sizeof out_, "%s", buf_str(&b));
	}
	buf_free(&b);
	return out_;
}

static const char *san(const char *in)
{
	return san_n(in, strlen(in));
}

/* 1 when sanitising in gives want, and sanitising that gives it again. */
static int san_is(const char *in, const char *want)
{
	const char *got = san(in);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "  for  %s\n  got  %s\n  want %s\n", in, got,
			want);
		return 0;
	}
	char once[sizeof out_];
	snprintf(once, sizeof once, "%s", got);
	got = san(once);
	if (strcmp(got, once) != 0) {
		fprintf(stderr, "  not idempotent: %s\n  gives %s\n", once,
			got);
		return 0;
	}
	return 1;
}

static void t_san_script(void)
{
	T_ASSERT(san_is("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"));
	T_ASSERT(san_is("<scr<script>ipt>alert(1)</script>",
			"<p>ipt&gt;alert(1)</p>"));
	T_ASSERT(san_is("<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok",
			"<p>ok</p>"));
	T_ASSERT(san_is("<script>document.write(\"</scr\"+\"ipt>\")"
			"</script >z",
			"<p>z</p>"));
	T_ASSERT(san_is("<p>x</p><script>alert(1)", "<p>x</p>"));
	T_ASSERT(san_is("<<script>alert(1)//<</script>", "<p>&lt;</p>"));
	T_ASSERT(san_is("</script><p>y</p>", "<p>y</p>"));
}

static void t_san_handlers(void)
{
	T_ASSERT(san_is("<p onclick=\"alert(1)\">a</p>", "<p>a</p>"));
	T_ASSERT(san_is("<img src=x onerror=alert(1)>", ""));
	T_ASSERT(san_is("<img/src=x/onerror=alert(1)>i", "<p>i</p>"));
	T_ASSERT(san_is("<b/onmouseover=alert(1)>x</b>", "<p><b>x</b></p>"));
	T_ASSERT(san_is("<p ONCLICK = 'alert(1)' >y</p>", "<p>y</p>"));
	T_ASSERT(san_is("<p\tonclick\n=\nalert(1)>y</p>", "<p>y</p>"));
	T_ASSERT(san_is("<a href=\"/x\" onclick=alert(1)>z</a>",
			"<p><a href=\"/x\">z</a></p>"));
	T_ASSERT(san_is("<body onload=alert(1)><p>w</p></body>",
			"<p>w</p>"));
	T_ASSERT(san_is("<p title=\"\" onclick=\"a\"onmouseover='b'>v</p>",
			"<p>v</p>"));
}

static void t_san_bad_urls(void)
{
	static const char *const hrefs[] = {
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		"java&#x09;script:alert(1)",
		"java&#9;script:alert(1)",
		"jav&Tab;ascript:alert(1)",
		"java&NewLine;script:alert(1)",
		"&#106;avascript:alert(1)",
		"&#x6A;avascript:alert(1)",
		"&#0000106avascript:alert(1)",
		"&#X6a&#X61vascript:alert(1)",
		"javascript&colon;alert(1)",
		"  \tjavascript:alert(1)",
		"java\nscript:alert(1)",
		"java\rscript:alert(1)",
		"\x01javascript:alert(1)",
		"vbscript:msgbox(1)",
		"VBScript:msgbox(1)",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"DATA:text/html,<script>alert(1)</script>",
		"file:///etc/passwd",
		"",
	};
	for (size_t i = 0; i < sizeof hrefs / sizeof hrefs[0]; i++) {
		char in[256];
		snprintf(in, sizeof in, "<a href=\"%s\">x</a>", hrefs[i]);
		T_ASSERT(san_is(in, "<p>x</p>"));
		snprintf(in, sizeof in, "<a href='%s'>x</a>", hrefs[i]);
		T_ASSERT(san_is(in, "<p>x</p>"));
	}
	T_ASSERT(san_is("<a href=javascript:alert(1)>u</a>", "<p>u</p>"));
}

static void t_san_links(void)
{
	T_ASSERT(san_is("<a href=\"https://www.gov.cn/\">国务院</a>",
			"<p><a href=\"https://www.gov.cn/\" "
			"rel=\"noopener noreferrer\">国务院</a></p>"));
	T_ASSERT(san_is("<A HREF=HTTP://a.cn/x?y=1&amp;z=2 target=_blank>l</A>",
			"<p><a href=\"HTTP://a.cn/x?y=1&amp;z=2\" "
			"rel=\"noopener noreferrer\">l</a></p>"));
	T_ASSERT(san_is("<a href=\"mailto:xxgk@shaxian.gov.cn\">信箱</a>",
			"<p><a href=\"mailto:xxgk@shaxian.gov.cn\">信箱</a>"
			"</p>"));
	T_ASSERT(san_is("<a href=\" /organ/x/item/1 \">i</a>"
			"<a href=\"#sec2\">s</a><a href=\"../a.pdf\">f</a>",
			"<p><a href=\"/organ/x/item/1\">i</a>"
			"<a href=\"#sec2\">s</a><a href=\"../a.pdf\">f</a>"
			"</p>"));
	/* Tabs and newlines go, as in a browser's URL parser. */
	T_ASSERT(san_is("<a href=\"/a\n/b\t.pdf\r\n\">n</a>",
			"<p><a href=\"/a/b.pdf\">n</a></p>"));
	T_ASSERT(san_is("<a href=//evil.example/>p</a>",
			"<p><a href=\"//evil.example/\" "
			"rel=\"noopener noreferrer\">p</a></p>"));
	/* A quote in the URL stays inside the attribute. */
	T_ASSERT(san_is("<a href='/q?a=\"x\"><b>'>q</a>",
			"<p><a href=\"/q?a=&quot;x&quot;&gt;&lt;b&gt;\">q</a>"
			"</p>"));
	/* A link without a usable href is removed, its text kept. */
	T_ASSERT(san_is("<a name=\"_Toc1\"></a><a>t</a>", "<p>t</p>"));
	/* No link inside a link. */
	T_ASSERT(san_is("<a href=1>x<b><a href=2>y</a></b>",
			"<p><a href=\"1\">x</a><a href=\"2\">y</a></p>"));
}

static void t_san_style(void)
{
	T_ASSERT(san_is("<p style=\"width:expression(alert(1))\" "
			"class=\"MsoNormal\" id=x>t</p>",
			"<p>t</p>"));
	T_ASSERT(san_is("<style>p{background:url(javascript:alert(1))}"
			"</style><p>u</p>",
			"<p>u</p>"));
	T_ASSERT(san_is("<span style=\"font-family:仿宋_GB2312\">s</span>",
			"<p><span>s</span></p>"));
	T_ASSERT(san_is("<link rel=stylesheet href=x.css><meta charset=x>m",
			"<p>m</p>"));
}

static void t_san_dropped_content(void)
{
	T_ASSERT(san_is("<svg onload=alert(1)><script>alert(2)</script>"
			"<text>t</text></svg>after",
			"<p>after</p>"));
	T_ASSERT(san_is("<svg><svg></svg>in</svg>out", "<p>out</p>"));
	T_ASSERT(san_is("<svg/>x", "<p>x</p>"));
	T_ASSERT(san_is("<math><mi>x</mi></math>y", "<p>y</p>"));
	T_ASSERT(san_is("<iframe src=\"javascript:alert(1)\"><p>i</p>"
			"</iframe>k",
			"<p>k</p>"));
	T_ASSERT(san_is("<object data=x.swf>fallback</object>"
			"<embed src=x.swf>e",
			"<p>e</p>"));
	T_ASSERT(san_is("<template><p>t</p></template>"
			"<textarea><script>alert(1)</script></textarea>"
			"<select><option>o</select>"
			"<noscript><p>n</p></noscript>z",
			"<p>z</p>"));
	T_ASSERT(san_is("<html><head><title>标题</title>"
			"<meta name=x></head><body><p>正文</p></body></html>",
			"<p>正文</p>"));
}

static void t_san_comments(void)
{
	T_ASSERT(san_is("a<!-- <script>alert(1)</script> -->b", "<p>ab</p>"));
	T_ASSERT(san_is("<!--[if gte mso 9]><xml><w:x/></xml><![endif]-->"
			"<p>w</p>",
			"<p>w</p>"));
	T_ASSERT(san_is("<![CDATA[<script>alert(1)</script>]]>c", "<p>c</p>"));
	T_ASSERT(san_is("<?xml version=\"1.0\"?><!DOCTYPE html>d",
			"<p>d</p>"));
	T_ASSERT(san_is("<!-->x<!--->y</>z", "<p>xyz</p>"));
	T_ASSERT(san_is("<p>a<!-- b <p>c</p>", "<p>a</p>"));
}

static void t_san_unterminated(void)
{
	T_ASSERT(san_is("<p>hello<a href=\"x", "<p>hello</p>"));
	T_ASSERT(san_is("<b>bold<i", "<p><b>bold</b></p>"));
	T_ASSERT(san_is("<p>x<", "<p>x&lt;</p>"));
	T_ASSERT(san_is("<p>x</", "<p>x&lt;/</p>"));
	T_ASSERT(san_is("<ul><li>a<li>b", "<ul><li>a</li><li>b</li></ul>"));
	T_ASSERT(san_is("<table><tr><td>a", "<table><tbody><tr><td>a</td>"
			"</tr></tbody></table>"));
}

static void t_san_table(void)
{
	T_ASSERT(san_is(
		"<table border=1 cellpadding=0 "
		"style='border-collapse:collapse'>"
		"<caption>2018年收支</caption>"
		"<thead><tr><th scope=col>项目</th>"
		"<th colspan=2 scope=\"COLGROUP\">金额</th></tr></thead>"
		"<tr><td rowspan=\"2\" width=100>收入</td><td>1</td><td>2</td>"
		"</tr><tr><td colspan=' 2 '>3</td></tr>"
		"</table>",
		"<table><caption>2018年收支</caption>"
		"<thead><tr><th scope=\"col\">项目</th>"
		"<th colspan=\"2\" scope=\"colgroup\">金额</th></tr></thead>"
		"<tbody><tr><td rowspan=\"2\">收入</td><td>1</td><td>2</td>"
		"</tr><tr><td colspan=\"2\">3</td></tr></tbody>"
		"</table>"));
	/* Bad spans and scopes are dropped; scope is for th only. */
	T_ASSERT(san_is("<table><tr><td colspan=0 rowspan=101>a</td>"
			"<td colspan=2x rowspan=-1 scope=row>b</td>"
			"<th colspan=007 scope=all>c</th></tr></table>",
			"<table><tbody><tr><td>a</td><td>b</td>"
			"<th colspan=\"7\">c</th></tr></tbody></table>"));
	/* Table parts outside a table are removed, text in a table gets a
	 * cell, and a cell closes what is open in the one before. */
	T_ASSERT(san_is("<td>stray</td><tr><th>x</th></tr>", "<p>strayx</p>"));
	T_ASSERT(san_is("<table>\n<tr>\n<td><ul><li>a<td>b</table>",
			"<table>\n<tbody><tr>\n<td><ul><li>a</li></ul></td>"
			"<td>b</td></tr></tbody></table>"));
	T_ASSERT(san_is("<table>t<p>u</p></table>",
			"<table><tbody><tr><td>t<p>u</p></td></tr></tbody>"
			"</table>"));
	T_ASSERT(san_is("<table><tr><td><table><tr><td>in</table>out"
			"<td>c2</table>",
			"<table><tbody><tr><td><table><tbody><tr><td>in</td>"
			"</tr></tbody></table>out</td><td>c2</td></tr></tbody>"
			"</table>"));
}

static void t_san_chinese(void)
{
	T_ASSERT(san_is("<p>沙政办〔2018〕52号　关于印发《沙县政务公开"
			"实施细则》的通知</p>",
			"<p>沙政办〔2018〕52号　关于印发《沙县政务公开"
			"实施细则》的通知</p>"));
	T_ASSERT(san_is("<p>&#27801;&#x53BF;&#146;&nbsp;&mdash;</p>",
			"<p>沙县’\xC2\xA0—</p>"));
	T_ASSERT(san_is("沙政办〔2018〕52号", "<p>沙政办〔2018〕52号</p>"));
}

static void t_san_entities(void)
{
	T_ASSERT(san_is("<p>&lt;b&gt; &amp;amp; &quot;q&quot; &#39; "
			"&unknown; AT&T &#0; &#xD800;</p>",
			"<p>&lt;b&gt; &amp;amp; &quot;q&quot; &#39; "
			"&amp;unknown; AT&amp;T \xEF\xBF\xBD "
			"\xEF\xBF\xBD</p>"));
	/* Control characters go, CR LF becomes LF. */
	T_ASSERT(san_is("<p>a\x01\x7F\xC2\x85" "b&#1;c\r\nd</p>",
			"<p>abc\nd</p>"));
}

static void t_san_plain(void)
{
	T_ASSERT(san_is("第一段第一行\r\n第一段第二行\r\n\r\n\r\n"
			"第二段 AT&T > 0\n",
			"<p>第一段第一行<br>第一段第二行</p>\n"
			"<p>第二段 AT&amp;T &gt; 0</p>"));
	T_ASSERT(san_is("\n\n  一  \n \t\n二", "<p>  一</p>\n<p>二</p>"));
	T_ASSERT(san_is("  \n\n \t", ""));
	T_ASSERT(san_is("", ""));
	T_ASSERT(san_is("&lt;", "<p>&amp;lt;</p>"));
}

static void t_san_invalid_utf8(void)
{
	static const char *const bad[] = {
		"<p>\xFF</p>", "\xC0\xAF", "ab\xE6\xB2", "\xED\xA0\x80",
		"\xF4\x90\x80\x80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *got = san(bad[i]);
		T_ASSERT(strncmp(got, "ERR ", 4) == 0);
		T_ASSERT(strstr(got, "正文") != NULL);
	}
	T_ASSERT(strncmp(san_n("a\0b", 3), "ERR ", 4) == 0);
	/* The output buffer is left as it was. */
	Buf b = BUF_INIT;
	buf_puts(&b, "keep");
	struct err e;
	int rc = sanitize_html("\xFF", 1, &b, &e);
	int ok = rc == -1 && e.code == ERR_INPUT &&
		 strcmp(buf_str(&b), "keep") == 0;
	buf_free(&b);
	T_ASSERT(ok);
}

static void t_san_nesting(void)
{
	T_ASSERT(san_is("<p>a<p>b", "<p>a</p><p>b</p>"));
	T_ASSERT(san_is("<p><b>x<ul><li>y</ul>z",
			"<p><b>x</b></p><ul><li>y</li></ul><p>z</p>"));
	T_ASSERT(san_is("<b><i>x</b>y</i>", "<p><b><i>x</i></b>y</p>"));
	T_ASSERT(san_is("<li>one<li>two", "<ul><li>one</li><li>two</li></ul>"));
	T_ASSERT(san_is("<ul>text<li>a</li><p>b</p></ul>",
			"<ul><li>text</li><li>a</li><li><p>b</p></li></ul>"));
	T_ASSERT(san_is("<ol><li>a<ol><li>b</li></ol></li><li>c</ol>",
			"<ol><li>a<ol><li>b</li></ol></li><li>c</li></ol>"));
	T_ASSERT(san_is("<div>a</div><div>b<div>c</div>d</div>",
			"<p>a</p><p>b</p><p>c</p><p>d</p>"));
	T_ASSERT(san_is("<p></p><b></b><p><span> </span></p>x",
			"<p><span> </span></p><p>x</p>"));
	T_ASSERT(san_is("<h1>T</h1><h2>s</h3>x<h5>y</h5>",
			"<p>T</p><h2>s</h2><p>xy</p>"));
	T_ASSERT(san_is("<blockquote>q<hr/>r<br/>s</p></blockquote>",
			"<blockquote>q<hr>r<br>s</blockquote>"));
	T_ASSERT(san_is("<pre>\n a  b\n</pre>", "<pre>\n a  b\n</pre>"));
	T_ASSERT(san_is("<sub>2</sub><sup>3</sup><u>u</u><em>e</em>"
			"<strong>s</strong>",
			"<p><sub>2</sub><sup>3</sup><u>u</u><em>e</em>"
			"<strong>s</strong></p>"));
	T_ASSERT(san_is("</p></li></td></ul>x</b>", "<p>x</p>"));
}

static void t_san_deep(void)
{
	static char in[20000];
	char *p = in;
	for (int i = 0; i < 300; i++) {
		p += sprintf(p, "<blockquote><b>x");
	}
	static char once[sizeof out_];
	snprintf(once, sizeof once, "%s", san(in));
	T_ASSERT(san_is(in, once));
	/* At most NEST_LIMIT (64) open elements. */
	int depth = 0, max = 0;
	for (const char *q = once; *q; q++) {
		if (*q == '<') {
			depth += q[1] == '/' ? -1 : 1;
			max = depth > max ? depth : max;
		}
	}
	T_EQ_INT(max, 64);
	T_EQ_INT(depth, 0);
}

/* Checks that html is well formed: every end tag closes the element on
 * top, li is in ul/ol, tr in a table section, td/th in tr. Returns NULL or
 * what is wrong. */
static const char *malformed(const char *html)
{
	char st[128][12];
	int d = 0;
	for (const char *p = html; (p = strchr(p, '<')) != NULL;) {
		int end = p[1] == '/';
		const char *nm = p + 1 + end;
		size_t len = strcspn(nm, " >");
		char name[12];
		if (len >= sizeof name) {
			return "long name";
		}
		memcpy(name, nm, len);
		name[len] = 0;
		const char *top = d ? st[d - 1] : "";
		p = strchr(p, '>');
		if (!p) {
			return "unterminated tag";
		}
		if (end) {
			if (!d || strcmp(top, name) != 0) {
				return "mismatched end tag";
			}
			d--;
			continue;
		}
		if (strcmp(name, "li") == 0 && strcmp(top, "ul") != 0 &&
		    strcmp(top, "ol") != 0) {
			return "li outside a list";
		}
		if (strcmp(name, "tr") == 0 && strcmp(top, "tbody") != 0 &&
		    strcmp(top, "thead") != 0 && strcmp(top, "tfoot") != 0) {
			return "tr outside a section";
		}
		if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) &&
		    strcmp(top, "tr") != 0) {
			return "cell outside a row";
		}
		if (strcmp(name, "br") != 0 && strcmp(name, "hr") != 0) {
			if (d == 128) {
				return "too deep";
			}
			snprintf(st[d++], sizeof st[0], "%s", name);
		}
	}
	return d ? "unclosed element" : NULL;
}

/* Generated tag soup: the output is well formed, idempotent and keeps
 * nothing dangerous. */
static void t_san_soup(void)
{
	static const char *const bits[] = {
		"<p>", "</p>", "<b>", "</b>", "<li>", "</li>", "<ul>", "</ul>",
		"<ol>", "<table>", "</table>", "<tr>", "</tr>",
		"<td colspan=2>", "</td>", "<th scope=row>", "<caption>",
		"<thead>", "</tbody>", "<div>", "</div>", "<a href=x>", "</a>",
		"<br>", "<hr>", "<h2>", "</h3>", "<pre>", "<blockquote>",
		"</blockquote>", "<script>", "</script>", "<svg>", "</svg>",
		"<!--", "-->", "text", " ", "\n", "&amp;", "<", ">", "\"",
		"<span>", "<x onclick=y>", "</x>", "中文", "<i>", "</i>",
		"<a href='javascript:x'>", "<style>", "<td>", "<tfoot>", "=",
	};
	unsigned long seed = 12345;
	char in[2048], first[sizeof out_];
	for (int round = 0; round < 3000; round++) {
		size_t len = 0;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		int parts = (int)((seed >> 33) % 40);
		in[0] = 0;
		for (int k = 0; k < parts; k++) {
			seed = seed * 6364136223846793005UL +
			       1442695040888963407UL;
			size_t nbits = sizeof bits / sizeof bits[0];
			const char *b = bits[(seed >> 33) % nbits];
			len += (size_t)snprintf(in + len, sizeof in - len, "%s",
						b);
		}
		snprintf(first, sizeof first, "%s", san(in));
		const char *bad = malformed(first);
		if (bad || strcmp(san(first), first) != 0 ||
		    strstr(first, "javascript") || strstr(first, "<script") ||
		    strstr(first, "onclick")) {
			fprintf(stderr, "  %s\n  in  %s\n  out %s\n",
				bad ? bad : "not idempotent or unsafe", in,
				first);
			T_ASSERT(0);
		}
	}
}

static void t_san_text(void)
{
	Buf b = BUF_INIT;
	const char *html = "<p>通知</p>\n<ul><li>一</li><li>二</li></ul>"
			   "<p>A&amp;B <b>粗</b>体&nbsp;&nbsp; x<br>y</p>"
			   "<table><tr><td>格</td><td>子</td></tr></table>";
	int rc = sanitize_text(html, strlen(html), &b);
	buf_puts(&b, "|");
	const char *plain = "　　第一行\n\n  第二段 a&lt; ";
	rc |= sanitize_text(plain, strlen(plain), &b);
	buf_puts(&b, "|");
	const char *evil = "<script>x</script><p onclick=y>a</p>";
	rc |= sanitize_text(evil, strlen(evil), &b);
	int bad = sanitize_text("\xFF", 1, &b);
	snprintf(out_, sizeof out_, "%s", buf_str(&b));
	buf_free(&b);
	T_EQ_INT(rc, 0);
	T_EQ_INT(bad, -1);
	T_EQ_STR(out_, "通知 一 二 A&B 粗体 x y 格 子|第一行 第二段 a&lt;|a");
}

void suite_sanitize(void)
{
	T_RUN(t_san_script);
	T_RUN(t_san_handlers);
	T_RUN(t_san_bad_urls);
	T_RUN(t_san_links);
	T_RUN(t_san_style);
	T_RUN(t_san_dropped_content);
	T_RUN(t_san_comments);
	T_RUN(t_san_unterminated);
	T_RUN(t_san_table);
	T_RUN(t_san_chinese);
	T_RUN(t_san_entities);
	T_RUN(t_san_plain);
	T_RUN(t_san_invalid_utf8);
	T_RUN(t_san_nesting);
	T_RUN(t_san_deep);
	T_RUN(t_san_soup);
	T_RUN(t_san_text);
}
