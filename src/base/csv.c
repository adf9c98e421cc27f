/*
 * csv.c - RFC 4180 CSV reader and writer (see csv.h).
 *
 * The reader walks the caller's buffer once. It checks UTF-8 one physical
 * line at a time, when it first enters the line, so a bad byte is reported
 * on its own line even inside a multi-line quoted field. The fields of a
 * record are collected NUL-separated in a scratch Buf and then handed out
 * as one allocation: the pointer array followed by the text.
 */
#include "base/csv.h"

#include "base/str.h"
#include "base/utf8.h"

#include <string.h>

struct csv_reader {
	const char *p;
	size_t n;
	size_t pos;       /* next byte to read */
	long line;        /* physical line of pos */
	size_t checked;   /* bytes before this offset are valid UTF-8 */
	Buf text;         /* the current record's fields, each NUL-ended */
	size_t *offs;     /* start of each field in text */
	size_t noffs, capoffs;
	struct err fail;  /* set once reading failed */
	long fail_line;
};

struct csv_reader *csv_open(const char *data, size_t n)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->p = data;
	r->n = n;
	r->line = 1;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		r->pos = 3;
	}
	r->checked = r->pos;
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r) {
		return;
	}
	buf_free(&r->text);
	free(r->offs);
	free(r);
}

void csv_row_clear(struct csv_row *row)
{
	free(row->f);
	row->f = NULL;
	row->n = 0;
	row->line = 0;
}

/* Records the error what on line and reports it. */
static int fail(struct csv_reader *r, long line, const char *what)
{
	r->fail_line = line;
	return err_set(&r->fail, ERR_INPUT, "第 %ld 行: %s", line, what);
}

/* Checks the UTF-8 of the physical line starting at r->pos. */
static int check_line(struct csv_reader *r)
{
	if (r->pos < r->checked) {
		return 0;
	}
	const char *nl = memchr(r->p + r->pos, '\n', r->n - r->pos);
	size_t end = nl ? (size_t)(nl - r->p) : r->n;
	if (!utf8_valid(r->p + r->pos, end - r->pos)) {
		return fail(r, r->line, "不是有效的 UTF-8 文本");
	}
	r->checked = end;
	return 0;
}

/* Reads a quoted field (r->pos at its opening quote) into r->text. */
static int quoted_field(struct csv_reader *r)
{
	long first = r->line;
	r->pos++;
	for (;;) {
		if (r->pos >= r->n) {
			return fail(r, first, "引号没有闭合（直到文件结尾）");
		}
		char c = r->p[r->pos++];
		if (c == '"') {
			if (r->pos < r->n && r->p[r->pos] == '"') {
				r->pos++;
			} else {
				return 0;
			}
		}
		buf_putc(&r->text, c);
		if (c == '\n') {
			r->line++;
			if (check_line(r) < 0) {
				return -1;
			}
		}
	}
}

/* Reads an unquoted field into r->text, up to ',', LF, CRLF or the end. */
static int plain_field(struct csv_reader *r)
{
	size_t start = r->pos;
	for (; r->pos < r->n; r->pos++) {
		char c = r->p[r->pos];
		if (c == ',' || c == '\n') {
			break;
		}
		if (c == '\r') {
			if (r->pos + 1 < r->n && r->p[r->pos + 1] == '\n') {
				break;
			}
			return fail(r, r->line,
				    "字段中有单独的回车符（CR），"
				    "请用 CRLF 或 LF 换行");
		}
		if (c == '"') {
			return fail(r, r->line,
				    "未加引号的字段中出现引号，含引号的"
				    "字段须整体加引号并把引号写作 \"\"");
		}
	}
	buf_append(&r->text, r->p + start, r->pos - start);
	return 0;
}

/* Reads the fields of one record; r->pos is at its first byte. */
static int read_record(struct csv_reader *r)
{
	for (;;) {
		if (r->noffs == r->capoffs) {
			r->capoffs = r->capoffs ? 2 * r->capoffs : 16;
			r->offs = xrealloc(r->offs,
					   r->capoffs * sizeof *r->offs);
		}
		r->offs[r->noffs++] = r->text.n;
		int quoted = r->pos < r->n && r->p[r->pos] == '"';
		if ((quoted ? quoted_field(r) : plain_field(r)) < 0) {
			return -1;
		}
		buf_putc(&r->text, 0);
		if (r->pos >= r->n) {
			return 0;
		}
		const char *c = r->p + r->pos;
		if (*c == ',') {
			r->pos++;
		} else if (*c == '\n' || (*c == '\r' && r->pos + 1 < r->n &&
					  c[1] == '\n')) {
			r->pos += *c == '\n' ? 1 : 2;
			r->line++;
			return 0;
		} else {
			return fail(r, r->line, "引号结束后还有多余的字符");
		}
	}
}

int csv_next(struct csv_reader *r, struct csv_row *row, struct err *e)
{
	csv_row_clear(row);
	if (r->fail.code == ERR_NONE) {
		/* Skip completely empty lines. */
		for (;;) {
			const char *c = r->p + r->pos;
			if (r->pos < r->n && *c == '\n') {
				r->pos++;
			} else if (r->pos + 1 < r->n && c[0] == '\r' &&
				   c[1] == '\n') {
				r->pos += 2;
			} else {
				break;
			}
			r->line++;
		}
		if (r->pos >= r->n) {
			return 0;
		}
		row->line = r->line;
		buf_reset(&r->text);
		r->noffs = 0;
		if (check_line(r) == 0 && read_record(r) == 0) {
			size_t nf = r->noffs;
			char **f = xmalloc((nf + 1) * sizeof *f + r->text.n);
			char *t = (char *)(f + nf + 1);
			memcpy(t, r->text.p, r->text.n);
			for (size_t k = 0; k < nf; k++) {
				f[k] = t + r->offs[k];
			}
			f[nf] = NULL;
			row->f = f;
			row->n = nf;
			return 1;
		}
	}
	if (e) {
		*e = r->fail;
	}
	row->line = r->fail_line;
	return -1;
}

/*---- Writer ----*/

void csv_bom(Buf *out)
{
	buf_append(out, "\xEF\xBB\xBF", 3);
}

void csv_field(Buf *out, const char *s, int first)
{
	if (!s) {
		s = "";
	}
	if (!first) {
		buf_putc(out, ',');
	}
	size_t len = strlen(s);
	int quote = (first && len == 0) || strpbrk(s, ",\"\r\n") != NULL ||
		    (len > 0 && (s[0] == ' ' || s[0] == '\t' ||
				 s[len - 1] == ' ' || s[len - 1] == '\t')) ||
		    strncmp(s, "\xEF\xBB\xBF", 3) == 0;
	if (!quote) {
		buf_append(out, s, len);
		return;
	}
	buf_putc(out, '"');
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		buf_append(out, s, (size_t)(q - s) + 1);
		buf_putc(out, '"');
	}
	buf_puts(out, s);
	buf_putc(out, '"');
}

void csv_end_row(Buf *out)
{
	buf_append(out, "\r\n", 2);
}
