/*
 * cmd_import.c - `gongkai import --db FILE --organ NAME KIND FILE.csv`
 * (DESIGN.md §6). The file is UTF-8 CSV with a header row naming the
 * columns in any order. Import is all-or-nothing: every row is checked
 * inside one transaction, each bad row is reported as FILE:LINE: column:
 * problem (LINE = physical line, header = 1), and if any row is bad
 * nothing is stored and the exit code is 2.
 *
 * One table per kind below lists its columns; a kind's row function turns
 * a record into a stored row.
 */
#include "cli/cli.h"

#include "base/csv.h"
#include "base/str.h"
#include "domain/item.h"
#include "render/sanitize.h"
#include "base/date.h"
#include "domain/application.h"
#include "domain/ident.h"
#include "render/report_doc.h"
#include "store/activity.h"
#include "store/application.h"
#include "store/baseline.h"
#include "store/holiday.h"
#include "store/item.h"
#include "store/lawcase.h"
#include "store/organ.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"gongkai import --db FILE --organ NAME KIND FILE.csv\n"
	"  KIND: items, applications, cases, activities, baseline";

/* A column of a kind's CSV: name, and whether it must be in the header. */
struct column {
	const char *name;
	int required;
};

/* The fields of one record by column index of the kind's table (NULL
 * when the column is absent from the file). */
struct record {
	const char **v;
	long line;
};

/* What a row function reports: the column at fault and why. */
struct row_err {
	const char *column;
	struct err e;
};

/*---- Items ----*/

static const struct column item_cols[] = {
	{"index_no", 0},     {"title", 1},          {"doc_no", 0},
	{"category", 1},     {"kind", 1},           {"written_date", 0},
	{"published_date", 0}, {"abolished_date", 0}, {"channels", 0},
	{"body", 0},         {NULL, 0},
};
enum {
	I_INDEX, I_TITLE, I_DOC, I_CATEGORY, I_KIND, I_WRITTEN,
	I_PUBLISHED, I_ABOLISHED, I_CHANNELS, I_BODY
};

static char *dup_or_null(const char *s)
{
	return str_empty(s) ? NULL : xstrdup(s);
}

/* What rows of every kind may need, loaded once per file. */
struct import_ctx {
	struct calendar cal;
	struct app_env env;
	const char *file; /* the CSV file's name as given */
	int this_year;
	struct metric_reg reg; /* the formats' cumulative metrics */
};

static int item_row(store *st, const struct actor *who,
		    const struct organ *o, const struct record *rec,
		    struct import_ctx *ctx, struct row_err *re)
{
	(void)ctx;
	const char *const *v = rec->v;
	struct item it = {0};
	struct category c = {0};
	Buf body = BUF_INIT;
	int rc = -1;
	it.organ_id = o->id;
	it.title = (char *)(v[I_TITLE] ? v[I_TITLE] : "");
	it.doc_no = (char *)(v[I_DOC] ? v[I_DOC] : "");
	it.index_no = dup_or_null(v[I_INDEX]);
	it.written_date = dup_or_null(v[I_WRITTEN]);
	it.published_date = dup_or_null(v[I_PUBLISHED]);
	it.abolished_date = dup_or_null(v[I_ABOLISHED]);
	re->column = "index_no";
	if (it.index_no && item_indexno_valid(it.index_no, &re->e)) {
		goto done;
	}
	re->column = "kind";
	if (item_kind_parse("kind", v[I_KIND], &it.kind, &re->e)) {
		goto done;
	}
	re->column = "channels";
	if (item_channels_parse("channels", v[I_CHANNELS], &it.channels,
				&re->e)) {
		goto done;
	}
	re->column = "category";
	int found = category_find(st, o->id, v[I_CATEGORY] ? v[I_CATEGORY]
							   : "",
				  &c, &re->e);
	if (found <= 0) {
		if (found == 0) {
			err_set(&re->e, ERR_INPUT, "本机关没有主题分类“%s”",
				v[I_CATEGORY] ? v[I_CATEGORY] : "");
		}
		goto done;
	}
	it.category_id = c.id;
	re->column = "body";
	const char *raw = v[I_BODY] ? v[I_BODY] : "";
	if (sanitize_html(raw, strlen(raw), &body, &re->e)) {
		goto done;
	}
	it.body = (char *)buf_str(&body);
	if (str_empty(it.published_date) && !str_empty(it.abolished_date)) {
		re->column = "abolished_date";
		err_set(&re->e, ERR_INPUT, "有废止日期的信息须有发布日期");
		goto done;
	}
	if (item_check(st, &it, &re->column, &re->e)) {
		goto done;
	}
	re->column = "index_no";
	rc = item_create(st, who, &it, 1, &re->e);
done:
	free(it.index_no);
	free(it.written_date);
	free(it.published_date);
	free(it.abolished_date);
	free(c.name);
	buf_free(&body);
	return rc;
}

/*---- Kinds ----*/

/*---- Applications ----*/

static const struct column app_cols[] = {
	{"tracking_code", 0},  {"received_date", 1}, {"channel", 1},
	{"applicant_kind", 1}, {"applicant_name", 0}, {"applicant_contact", 0},
	{"request", 0},	       {"outcome", 0},	     {"replied_date", 0},
	{NULL, 0},
};
enum { A_CODE, A_RECEIVED, A_CHANNEL, A_KIND, A_NAME, A_CONTACT, A_REQUEST,
       A_OUTCOME, A_REPLIED };

/* A date column: 0 and *d = 0 when empty, -1 when not a date. */
static int opt_day(const char *s, int64_t *d, struct row_err *re,
		   const char *col)
{
	*d = 0;
	re->column = col;
	if (str_empty(s)) {
		return 0;
	}
	if (date_parse(s, d)) {
		return err_set(&re->e, ERR_INPUT, "日期须为 YYYY-MM-DD");
	}
	return 0;
}

static int app_row(store *st, const struct actor *who, const struct organ *o,
		   const struct record *rec, struct import_ctx *ctx,
		   struct row_err *re)
{
	const char *const *v = rec->v;
	struct application a;
	app_init(&a);
	int rc = -1;
	int64_t received, replied;
	a.organ_id = o->id;
	a.organ_name = xstrdup(o->name);
	a.organ_slug = xstrdup(o->slug);
	a.tracking_code = xstrdup(v[A_CODE] ? v[A_CODE] : "");
	if (opt_day(v[A_RECEIVED], &received, re, "received_date") ||
	    opt_day(v[A_REPLIED], &replied, re, "replied_date")) {
		goto done;
	}
	re->column = "received_date";
	if (!received) {
		err_set(&re->e, ERR_INPUT, "必须填写");
		goto done;
	}
	re->column = "tracking_code";
	if (!str_empty(a.tracking_code) &&
	    ident_text("tracking_code", a.tracking_code, 40, 1, &re->e)) {
		goto done;
	}
	int k;
	re->column = "channel";
	if ((k = vocab_parse(app_channels, CHAN_COUNT, "channel",
			     v[A_CHANNEL], &re->e)) < 0) {
		goto done;
	}
	a.channel = k;
	re->column = "applicant_kind";
	if ((k = vocab_parse(app_kinds, AK_COUNT, "applicant_kind", v[A_KIND],
			     &re->e)) < 0) {
		goto done;
	}
	a.kind = k;
	re->column = "outcome";
	if (!str_empty(v[A_OUTCOME]) &&
	    (a.outcome = app_outcome_parse(v[A_OUTCOME], &re->e)) < 0) {
		goto done;
	}
	if (a.outcome >= 0 && !replied) {
		re->column = "replied_date";
		err_set(&re->e, ERR_INPUT, "有办理结果时必须填写答复日期");
		goto done;
	}
	if (a.outcome < 0 && replied) {
		re->column = "outcome";
		err_set(&re->e, ERR_INPUT, "有答复日期时必须填写办理结果");
		goto done;
	}
	if (replied && replied < received) {
		re->column = "replied_date";
		err_set(&re->e, ERR_INPUT, "答复日期早于收到申请日期");
		goto done;
	}
	const char *contact = v[A_CONTACT] ? v[A_CONTACT] : "";
	re->column = "applicant_contact";
	if (ident_text("applicant_contact", contact, 200, 0, &re->e) ||
	    ident_text("applicant_name", v[A_NAME], 100, 0, &re->e) ||
	    ident_para("request", v[A_REQUEST], 5000, &re->e)) {
		goto done;
	}
	/* one contact column: an e-mail, a phone number or an address */
	a.email = xstrdup(strchr(contact, '@') ? contact : "");
	a.phone = xstrdup(!strchr(contact, '@') && !ident_phone(contact, NULL)
				  ? contact
				  : "");
	a.address = xstrdup(!a.email[0] && !a.phone[0] ? contact : "");
	a.name = xstrdup(v[A_NAME] ? v[A_NAME] : "");
	a.request = xstrdup(v[A_REQUEST] ? v[A_REQUEST] : "");
	char day[11];
	date_format(received, day);
	a.submitted_at = xstrdup(day);
	a.submitted = a.received = received;
	a.replied = replied;
	a.reply_text = xstrdup("");
	re->column = "tracking_code";
	rc = application_create(st, who, &a, &ctx->env, &re->e);
	if (rc && re->e.code != ERR_CONFLICT) {
		re->column = "received_date";
	}
done:
	app_clear(&a);
	return rc;
}

/*---- Baselines ----*/

static const struct column baseline_cols[] = {
	{"metric", 1}, {"year", 1}, {"value", 1}, {"note", 0}, {NULL, 0},
};
enum { B_METRIC, B_YEAR, B_VALUE, B_NOTE };

static int baseline_row(store *st, const struct actor *who,
			const struct organ *o, const struct record *rec,
			struct import_ctx *ctx, struct row_err *re)
{
	const char *const *v = rec->v;
	int64_t year, value;
	re->column = "year";
	if (str_to_i64(v[B_YEAR] ? v[B_YEAR] : "", 0, 9999, &year)) {
		return err_set(&re->e, ERR_INPUT, "年份须是四位数字");
	}
	re->column = "value";
	if (str_to_i64(v[B_VALUE] ? v[B_VALUE] : "", 0, INT64_MAX, &value)) {
		return err_set(&re->e, ERR_INPUT, "累计值须是不小于 0 的整数");
	}
	struct baseline b = {0};
	b.organ_id = o->id;
	b.metric = (char *)(v[B_METRIC] ? v[B_METRIC] : "");
	b.year = (int)year;
	b.value = value;
	b.source = "import";
	b.origin = (char *)ctx->file;
	b.note = (char *)(v[B_NOTE] ? v[B_NOTE] : "");
	return baseline_add(st, &ctx->reg, who, &b, ctx->this_year,
			    &re->column, &re->e);
}

/*---- Review and litigation cases ----*/

static const struct column case_cols[] = {
	{"kind", 1},	    {"filed_date", 1}, {"result", 1},
	{"closed_date", 0}, {"application", 0}, {NULL, 0},
};
enum { C_KIND, C_FILED, C_RESULT, C_CLOSED, C_APP };

/* The same check as the back office form (lawcase_check); the link to
 * an application is resolved within the organ by lawcase_create. */
static int case_row(store *st, const struct actor *who,
		    const struct organ *o, const struct record *rec,
		    struct import_ctx *ctx, struct row_err *re)
{
	const char *const *v = rec->v;
	struct lawcase c = {0};
	struct lawcase_input in = {0};
	in.kind = v[C_KIND];
	in.filed_date = v[C_FILED];
	in.result = v[C_RESULT];
	in.closed_date = v[C_CLOSED];
	in.application = v[C_APP];
	c.organ_id = o->id;
	int rc = lawcase_check(&in, ctx->env.today, &c, &re->column, &re->e);
	if (rc == 0) {
		re->column = "application";
		rc = lawcase_create(st, who, &c, &re->e);
	}
	lawcase_clear(&c);
	return rc;
}

/*---- Activities ----*/

static const struct column act_cols[] = {
	{"date", 1},  {"kind", 1},  {"count", 0},     {"amount", 0},
	{"title", 0}, {"note", 0},  {"reply", 0},     {"reply_date", 0},
	{NULL, 0},
};
enum { W_DATE, W_KIND, W_COUNT, W_AMOUNT, W_TITLE, W_NOTE, W_REPLY,
       W_REPLY_DATE };

/* One activity (store/activity.h checks it like the back office form:
 * the kind must be built in or added by an admin). */
static int act_row(store *st, const struct actor *who, const struct organ *o,
		   const struct record *rec, struct import_ctx *ctx,
		   struct row_err *re)
{
	const char *const *v = rec->v;
	struct activity a;
	act_init(&a);
	int rc = -1;
	a.organ_id = o->id;
	a.source = ACT_SRC_IMPORT;
	a.kind = xstrdup(v[W_KIND] ? v[W_KIND] : "");
	str_trim(a.kind);
	re->column = "date";
	if (act_date_parse("日期", v[W_DATE], &a.date, &re->e)) {
		goto done;
	}
	re->column = "count";
	if (act_count_parse(v[W_COUNT], &a.count, &re->e)) {
		goto done;
	}
	re->column = "amount";
	if (!str_blank(v[W_AMOUNT]) &&
	    act_amount_parse(v[W_AMOUNT], &a.amount_fen, &re->e)) {
		goto done;
	}
	re->column = "reply_date";
	if (act_date_parse("答复日期", v[W_REPLY_DATE], &a.reply_date,
			   &re->e)) {
		goto done;
	}
	a.title = xstrdup(v[W_TITLE] ? v[W_TITLE] : "");
	a.note = xstrdup(v[W_NOTE] ? v[W_NOTE] : "");
	a.reply = xstrdup(v[W_REPLY] ? v[W_REPLY] : "");
	rc = activity_create(st, who, &a, ctx->env.today, &re->column,
			     &re->e);
done:
	act_clear(&a);
	return rc;
}

static const struct kind {
	const char *name;
	const struct column *cols;
	int (*row)(store *st, const struct actor *who, const struct organ *o,
		   const struct record *rec, struct import_ctx *ctx,
		   struct row_err *re);
} kinds[] = {
	{"items", item_cols, item_row},
	{"applications", app_cols, app_row},
	{"baseline", baseline_cols, baseline_row},
	{"cases", case_cols, case_row},
	{"activities", act_cols, act_row},
};

/* Maps header fields to the kind's columns: map[k] = index in the row
 * of column k, or -1. Reports unknown, repeated and missing columns. */
static int read_header(const char *file, const struct kind *k,
		       const struct csv_row *hdr, int *map)
{
	int bad = 0;
	size_t ncol = 0;
	while (k->cols[ncol].name) {
		map[ncol++] = -1;
	}
	for (size_t i = 0; i < hdr->n; i++) {
		char *name = str_trim(hdr->f[i]);
		size_t c = 0;
		while (c < ncol && strcmp(k->cols[c].name, name) != 0) {
			c++;
		}
		if (c == ncol) {
			fprintf(stderr, "%s:%ld: %s: 未知的列\n", file,
				hdr->line, name);
			bad = 1;
		} else if (map[c] >= 0) {
			fprintf(stderr, "%s:%ld: %s: 列重复\n", file, hdr->line,
				name);
			bad = 1;
		} else {
			map[c] = (int)i;
		}
	}
	for (size_t c = 0; c < ncol; c++) {
		if (k->cols[c].required && map[c] < 0) {
			fprintf(stderr, "%s:%ld: %s: 缺少必需的列\n", file,
				hdr->line, k->cols[c].name);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* Checks and stores every record; returns the number of bad rows, or -1
 * on a storage failure (e set). */
static long import_rows(store *st, const char *file, const struct kind *k,
			const struct organ *o, const char *data, size_t n,
			long *stored, struct err *e)
{
	struct csv_reader *rd = csv_open(data, n);
	struct csv_row row = {0};
	struct err ce = {0};
	struct actor who = cli_actor();
	long bad = 0;
	int map[32];
	const char *vals[32];
	struct import_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	if (holiday_load(st, &ctx.cal, e)) {
		csv_close(rd);
		return -1;
	}
	if (report_metric_reg(NULL, &ctx.reg, e)) {
		cal_free(&ctx.cal);
		metric_reg_free(&ctx.reg);
		csv_close(rd);
		return -1;
	}
	ctx.env.cal = &ctx.cal;
	ctx.env.today = date_today();
	ctx.env.base_url = "";
	ctx.env.no_mail = 1; /* history: nobody is told again */
	const char *slash = strrchr(file, '/');
	ctx.file = slash ? slash + 1 : file;
	int y, m, d;
	date_civil(ctx.env.today, &y, &m, &d);
	ctx.this_year = y;
	int rc = csv_next(rd, &row, &ce);
	if (rc == 0) {
		fprintf(stderr, "%s:1: 文件为空(缺少表头)\n", file);
		bad = 1;
		goto done;
	}
	if (rc < 0) {
		fprintf(stderr, "%s:%ld: %s\n", file, row.line, ce.msg);
		bad = 1;
		goto done;
	}
	if (read_header(file, k, &row, map)) {
		bad = 1;
		goto done;
	}
	size_t nhdr = row.n;
	while ((rc = csv_next(rd, &row, &ce)) == 1) {
		if (row.n != nhdr) {
			fprintf(stderr, "%s:%ld: (row): 有 %zu 个字段,表头有 %zu 个\n",
				file, row.line, row.n, nhdr);
			bad++;
			continue;
		}
		for (size_t c = 0; k->cols[c].name; c++) {
			vals[c] = map[c] >= 0 ? row.f[map[c]] : NULL;
		}
		struct record rec = {vals, row.line};
		struct row_err re = {0};
		if (k->row(st, &who, o, &rec, &ctx, &re)) {
			if (re.e.code == ERR_INTERNAL) {
				*e = re.e;
				bad = -1;
				goto done;
			}
			fprintf(stderr, "%s:%ld: %s: %s\n", file, row.line,
				re.column ? re.column : "(row)", re.e.msg);
			bad++;
		} else {
			(*stored)++;
		}
	}
	if (rc < 0) {
		fprintf(stderr, "%s:%ld: %s\n", file, row.line, ce.msg);
		bad++;
	}
done:
	cal_free(&ctx.cal);
	metric_reg_free(&ctx.reg);
	csv_row_clear(&row);
	csv_close(rd);
	return bad;
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"organ", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *organ_key = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': organ_key = optarg; break;
		case ':':
			return cli_usage("import", usage, "%s needs a value",
					 argv[optind - 1]);
		default:
			return cli_usage("import", usage, "unknown option %s",
					 argv[optind - 1]);
		}
	}
	if (!db || !organ_key) {
		return cli_usage("import", usage,
				 "--db FILE and --organ NAME are required");
	}
	if (argc - optind != 2) {
		return cli_usage("import", usage, "expected KIND FILE.csv");
	}
	const char *kind_name = argv[optind], *file = argv[optind + 1];
	const struct kind *k = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].name, kind_name) == 0) {
			k = &kinds[i];
		}
	}
	if (!k) {
		return cli_usage("import", usage, "unknown KIND '%s'",
				 kind_name);
	}
	struct err e = {0};
	store *st = NULL;
	Buf data = BUF_INIT;
	struct organ o = {0};
	int rc = 2;
	int got = buf_read_file(&data, file, &e);
	if (got == 0) {
		err_set(&e, ERR_INPUT, "no such file: %s", file);
	}
	if (got <= 0 || cli_open_organ(db, organ_key, &st, &o, &e)) {
		rc = cli_fail("import", &e);
		goto done;
	}
	if (store_tx_begin(st, &e)) {
		rc = cli_fail("import", &e);
		goto done;
	}
	long stored = 0;
	long bad = import_rows(st, file, k, &o, data.p ? data.p : "", data.n,
			       &stored, &e);
	if (bad != 0) {
		store_tx_rollback(st);
		if (bad < 0) {
			rc = cli_fail("import", &e);
		} else {
			fprintf(stderr,
				"gongkai import: %ld bad row(s); nothing was "
				"stored\n",
				bad);
			rc = 2;
		}
		goto done;
	}
	if (store_tx_commit(st, &e)) {
		rc = cli_fail("import", &e);
		goto done;
	}
	printf("stored %ld %s for %s\n", stored, k->name, o.name);
	rc = 0;
done:
	organ_clear(&o);
	buf_free(&data);
	store_close(st);
	return rc;
}
