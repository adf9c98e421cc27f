/*
 * test_csv.c - unit tests of the CSV reader and writer (base/csv.c): the
 * byte-order mark, quoted commas and newlines with the physical line of
 * each record, CRLF and LF, empty fields and lines, a last record without
 * a newline, the malformed cases with their line numbers, and writing then
 * reading back.
 *
 * dump() reads everything into a static string and frees what it used, so
 * a failing assertion leaks nothing.
 */
#include "base/csv.h"

#include "t.h"

#include <stdio.h>
#include <string.h>

static char out_[4096];

/* Reads the n bytes at data and describes them: each record as
 * LINE[field|field], then "!LINE msg" after an error. */
static const char *dump_n(const char *data, size_t n)
{
	struct csv_reader *r = csv_open(data, n);
	struct csv_row row = {0};
	struct err e;
	int rc;
	size_t len = 0;
	out_[0] = 0;
	while ((rc = csv_next(r, &row, &e)) == 1) {
		len += (size_t)snprintf(out_ + len, sizeof out_ - len, "%ld[",
					row.line);
		for (size_t i = 0; i < row.n; i++) {
			len += (size_t)snprintf(out_ + len, sizeof out_ - len,
						"%s%s", i ? "|" : "", row.f[i]);
		}
		len += (size_t)snprintf(out_ + len, sizeof out_ - len, "]");
	}
	if (rc < 0) {
		snprintf(out_ + len, sizeof out_ - len, "!%ld %s", row.line,
			 e.msg);
	}
	csv_row_clear(&row);
	csv_close(r);
	return out_;
}

static const char *dump(const char *data)
{
	return dump_n(data, strlen(data));
}

static void t_csv_basic(void)
{
	T_EQ_STR(dump("a,b,c\r\n1,2,3\r\n"), "1[a|b|c]2[1|2|3]");
	T_EQ_STR(dump("a,b\n1,2\r\n3,4\n"), "1[a|b]2[1|2]3[3|4]");
	T_EQ_STR(dump("a,b\nlast,row"), "1[a|b]2[last|row]");
	T_EQ_STR(dump(""), "");
	T_EQ_STR(dump("only"), "1[only]");
	T_EQ_STR(dump("沙县,政务公开\n"), "1[沙县|政务公开]");
}

static void t_csv_bom(void)
{
	T_EQ_STR(dump("\xEF\xBB\xBFindex_no,title\r\nx,y\r\n"),
		 "1[index_no|title]2[x|y]");
	T_EQ_STR(dump("\xEF\xBB\xBF"), "");
	/* Only a leading BOM is skipped. */
	T_EQ_STR(dump("a\n\xEF\xBB\xBF" "b\n"), "1[a]2[\xEF\xBB\xBF" "b]");
}

static void t_csv_quoted(void)
{
	T_EQ_STR(dump("\"a,b\",\"c\"\"d\",e\n"
		      "\"multi\nline\",x\r\n"
		      "next,\"three\r\nline\nfield\"\n"
		      "after,it\n"),
		 "1[a,b|c\"d|e]"
		 "2[multi\nline|x]"
		 "4[next|three\r\nline\nfield]"
		 "7[after|it]");
	T_EQ_STR(dump("\"\",\"\"\"\",\" spaced \"\n"), "1[|\"| spaced ]");
	T_EQ_STR(dump("\"end\""), "1[end]");
	T_EQ_STR(dump("\"a\"\r\n\"b\""), "1[a]2[b]");
}

static void t_csv_empty(void)
{
	T_EQ_STR(dump(",,\n"), "1[||]");
	T_EQ_STR(dump("a,,b,\n"), "1[a||b|]");
	T_EQ_STR(dump("a,"), "1[a|]");
	T_EQ_STR(dump("\"\"\n"), "1[]");
	/* Empty lines are skipped but still counted; spaces are content. */
	T_EQ_STR(dump("\n\r\na\n\n\r\n\nb\n \n\n"), "3[a]7[b]8[ ]");
}

static void t_csv_errors(void)
{
	T_EQ_STR(dump("a,b\"c\n"),
		 "!1 第 1 行: 未加引号的字段中出现引号，含引号的"
		 "字段须整体加引号并把引号写作 \"\"");
	T_EQ_STR(dump("ok\n\"x\"y,z\n"),
		 "1[ok]!2 第 2 行: 引号结束后还有多余的字符");
	T_EQ_STR(dump("ok\n\n\"x\" ,z\n"),
		 "1[ok]!3 第 3 行: 引号结束后还有多余的字符");
	/* An open quote is reported where the field starts. */
	T_EQ_STR(dump("ok\n\"unterminated\nmore\nlines\n"),
		 "1[ok]!2 第 2 行: 引号没有闭合（直到文件结尾）");
	T_EQ_STR(dump("a\rb\n"),
		 "!1 第 1 行: 字段中有单独的回车符（CR），"
		 "请用 CRLF 或 LF 换行");
	/* Bad UTF-8 is reported on its own line, even inside a field. */
	T_EQ_STR(dump("a\n\"b\nc\xFF\"\nd\n"),
		 "1[a]!3 第 3 行: 不是有效的 UTF-8 文本");
	T_EQ_STR(dump("\xEF\xBB\xBF\xC0\xAF\n"),
		 "!1 第 1 行: 不是有效的 UTF-8 文本");
	T_EQ_STR(dump_n("a\nb\0c\n", 6),
		 "1[a]!2 第 2 行: 不是有效的 UTF-8 文本");
	/* A bad byte after the record that is read does not stop it. */
	T_EQ_STR(dump("a\nb\n\xFF\n"),
		 "1[a]2[b]!3 第 3 行: 不是有效的 UTF-8 文本");
}

static void t_csv_error_sticks(void)
{
	const char *data = "a\n\"b\"c\nd\n";
	struct csv_reader *r = csv_open(data, strlen(data));
	struct csv_row row = {0};
	struct err e;
	int r1 = csv_next(r, &row, &e);
	int r2 = csv_next(r, &row, &e);
	long line2 = row.line;
	size_t n2 = row.n;
	err_clear(&e);
	int r3 = csv_next(r, &row, &e);
	long line3 = row.line;
	csv_row_clear(&row);
	csv_close(r);
	T_EQ_INT(r1, 1);
	T_EQ_INT(r2, -1);
	T_EQ_INT(line2, 2);
	T_EQ_INT(n2, 0);
	T_EQ_INT(r3, -1);
	T_EQ_INT(line3, 2);
	T_EQ_INT(e.code, ERR_INPUT);
	T_ASSERT(strncmp(e.msg, "第 2 行: ", strlen("第 2 行: ")) == 0);
}

static void t_csv_write(void)
{
	Buf b = BUF_INIT;
	csv_bom(&b);
	csv_field(&b, "plain", 1);
	csv_field(&b, "a,b", 0);
	csv_field(&b, "say \"hi\"", 0);
	csv_field(&b, "two\nlines", 0);
	csv_field(&b, "cr\r", 0);
	csv_field(&b, " lead", 0);
	csv_field(&b, "trail\t", 0);
	csv_field(&b, "", 0);
	csv_field(&b, NULL, 0);
	csv_field(&b, "沙县", 0);
	csv_end_row(&b);
	csv_field(&b, "", 1);
	csv_end_row(&b);
	snprintf(out_, sizeof out_, "%s", buf_str(&b));
	buf_free(&b);
	T_EQ_STR(out_, "\xEF\xBB\xBFplain,\"a,b\",\"say \"\"hi\"\"\","
		       "\"two\nlines\",\"cr\r\",\" lead\",\"trail\t\",,,"
		       "沙县\r\n"
		       "\"\"\r\n");
}

static void t_csv_round_trip(void)
{
	static const char *const rows[][4] = {
		{"index_no", "title", "doc_no", "body"},
		{"003510427/2018-00001",
		 "关于印发《沙县政务公开实施细则》的通知",
		 "沙政办〔2018〕52号", "第一条 \"引号\", 逗号\r\n第二条\n"},
		{"", "", "", ""},
		{"\xEF\xBB\xBF" "bom", " 前后空格 ", "\"", ",\n,"},
	};
	size_t nrows = sizeof rows / sizeof rows[0];
	Buf b = BUF_INIT;
	csv_bom(&b);
	for (size_t i = 0; i < nrows; i++) {
		for (size_t k = 0; k < 4; k++) {
			csv_field(&b, rows[i][k], k == 0);
		}
		csv_end_row(&b);
	}
	struct csv_reader *r = csv_open(b.p, b.n);
	struct csv_row row = {0};
	struct err e;
	size_t got = 0, same = 0;
	long lines[8] = {0};
	while (csv_next(r, &row, &e) == 1 && got < nrows) {
		int eq = row.n == 4;
		for (size_t k = 0; eq && k < 4; k++) {
			eq = strcmp(row.f[k], rows[got][k]) == 0;
		}
		lines[got] = row.line;
		same += (size_t)eq;
		got++;
	}
	csv_row_clear(&row);
	csv_close(r);
	buf_free(&b);
	T_EQ_INT(got, nrows);
	T_EQ_INT(same, nrows);
	/* The body of row 2 spans three lines. */
	T_EQ_INT(lines[1], 2);
	T_EQ_INT(lines[2], 5);
	T_EQ_INT(lines[3], 6);
}

void suite_csv(void)
{
	T_RUN(t_csv_basic);
	T_RUN(t_csv_bom);
	T_RUN(t_csv_quoted);
	T_RUN(t_csv_empty);
	T_RUN(t_csv_errors);
	T_RUN(t_csv_error_sticks);
	T_RUN(t_csv_write);
	T_RUN(t_csv_round_trip);
}
