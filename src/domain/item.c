/*
 * item.c - vocabularies, the review workflow, index numbers and attachment
 * types of proactively disclosed information (see item.h).
 */
#include "domain/item.h"

#include "base/buf.h"
#include "base/str.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/*---- Vocabularies ----*/

struct vocab {
	const char *code, *label;
};

static const struct vocab kinds[KIND_COUNT] = {
	[KIND_NORMAL] = {"normal", "一般信息"},
	[KIND_RULE] = {"rule", "规章"},
	[KIND_NORMATIVE] = {"normative", "行政规范性文件"},
	[KIND_INTERPRETATION] = {"interpretation", "政策解读"},
	[KIND_ANNUAL_REPORT] = {"annual_report", "政府信息公开年报"},
};

static const struct vocab statuses[ST_COUNT] = {
	[ST_DRAFT] = {"draft", "草稿"},
	[ST_PENDING_REVIEW] = {"pending_review", "待审查"},
	[ST_REVIEWED] = {"reviewed", "已审查"},
	[ST_APPROVED] = {"approved", "已审批"},
	[ST_PUBLISHED] = {"published", "已公开"},
	[ST_WITHDRAWN] = {"withdrawn", "已撤回"},
};

static const struct vocab validities[VAL_COUNT] = {
	[VAL_VALID] = {"valid", "有效"},
	[VAL_ABOLISHED] = {"abolished", "已废止"},
	[VAL_EXPIRED] = {"expired", "已失效"},
};

static const struct vocab channels[CH_COUNT] = {
	[CH_WEBSITE] = {"website", "政府网站"},
	[CH_GAZETTE] = {"gazette", "政府公报"},
	[CH_BULLETIN] = {"bulletin", "政务公开栏"},
	[CH_LED] = {"led", "LED 显示屏"},
	[CH_SMS] = {"sms", "短信平台"},
	[CH_WECHAT] = {"wechat", "微信"},
	[CH_WEIBO] = {"weibo", "微博"},
	[CH_PRESS] = {"press", "新闻发布会"},
};

static const struct vocab actions[ACT_COUNT] = {
	[ACT_SUBMIT] = {"submit", "提交审查"},
	[ACT_REVIEW] = {"review", "保密审查通过"},
	[ACT_RETURN] = {"return", "退回修改"},
	[ACT_APPROVE] = {"approve", "审批同意"},
	[ACT_REJECT] = {"reject", "审批退回"},
	[ACT_PUBLISH] = {"publish", "立即公开"},
	[ACT_SCHEDULE] = {"schedule", "定时公开"},
	[ACT_UNSCHEDULE] = {"unschedule", "取消定时"},
	[ACT_WITHDRAW] = {"withdraw", "撤回"},
	[ACT_REDRAFT] = {"redraft", "重新编辑"},
	[ACT_ABOLISH] = {"abolish", "废止"},
	[ACT_EXPIRE] = {"expire", "标记失效"},
};

static int vocab_find(const struct vocab *v, int n, const char *s)
{
	for (int i = 0; s && i < n; i++) {
		if (strcmp(v[i].code, s) == 0) {
			return i;
		}
	}
	return -1;
}

/* "a、b 或 c" list of the codes, for messages. */
static void vocab_codes(const struct vocab *v, int n, char *out, size_t sz)
{
	size_t used = 0;
	out[0] = 0;
	for (int i = 0; i < n && used < sz; i++) {
		const char *sep = i == 0 ? "" : (i == n - 1 ? " 或 " : "、");
		int w = snprintf(out + used, sz - used, "%s%s", sep,
				 v[i].code);
		if (w < 0) {
			break;
		}
		used += (size_t)w;
	}
}

static int vocab_parse(const struct vocab *v, int n, const char *field,
		       const char *s, int *out, struct err *e)
{
	int i = vocab_find(v, n, s);
	if (i < 0) {
		char codes[200];
		vocab_codes(v, n, codes, sizeof codes);
		return err_set(e, ERR_INPUT, "%s须为 %s,不是“%s”", field,
			       codes, s ? s : "");
	}
	*out = i;
	return 0;
}

const char *item_kind_code(enum item_kind k)
{
	return kinds[k].code;
}

const char *item_kind_label(enum item_kind k)
{
	return kinds[k].label;
}

int item_kind_parse(const char *field, const char *s, enum item_kind *out,
		    struct err *e)
{
	int i;
	if (vocab_parse(kinds, KIND_COUNT, field, s, &i, e)) {
		return -1;
	}
	*out = (enum item_kind)i;
	return 0;
}

const char *item_status_code(enum item_status s)
{
	return statuses[s].code;
}

const char *item_status_label(enum item_status s)
{
	return statuses[s].label;
}

int item_status_parse(const char *s, enum item_status *out, struct err *e)
{
	int i;
	if (vocab_parse(statuses, ST_COUNT, "状态", s, &i, e)) {
		return -1;
	}
	*out = (enum item_status)i;
	return 0;
}

const char *item_validity_code(enum item_validity v)
{
	return validities[v].code;
}

const char *item_validity_label(enum item_validity v)
{
	return validities[v].label;
}

int item_validity_parse(const char *field, const char *s,
			enum item_validity *out, struct err *e)
{
	int i;
	if (vocab_parse(validities, VAL_COUNT, field, s, &i, e)) {
		return -1;
	}
	*out = (enum item_validity)i;
	return 0;
}

const char *item_channel_code(enum item_channel c)
{
	return channels[c].code;
}

const char *item_channel_label(enum item_channel c)
{
	return channels[c].label;
}

int item_channels_parse(const char *field, const char *s, unsigned *out,
			struct err *e)
{
	*out = 0;
	const char *p = s ? s : "";
	while (*p) {
		size_t n = strcspn(p, ";");
		char tok[32];
		const char *a = p, *b = p + n;
		while (a < b && (*a == ' ' || *a == '\t')) {
			a++;
		}
		while (b > a && (b[-1] == ' ' || b[-1] == '\t')) {
			b--;
		}
		if (b > a) {
			if ((size_t)(b - a) >= sizeof tok) {
				return err_set(e, ERR_INPUT,
					       "%s中有未知的渠道", field);
			}
			memcpy(tok, a, (size_t)(b - a));
			tok[b - a] = 0;
			int i;
			if (vocab_parse(channels, CH_COUNT, field, tok, &i,
					e)) {
				return -1;
			}
			*out |= 1u << i;
		}
		p += n;
		if (*p == ';') {
			p++;
		}
	}
	return 0;
}

void item_channels_format(unsigned bits, char *out, size_t n)
{
	size_t used = 0;
	out[0] = 0;
	for (int i = 0; i < CH_COUNT; i++) {
		if (!(bits & (1u << i))) {
			continue;
		}
		int w = snprintf(out + used, n - used, "%s%s",
				 used ? ";" : "", channels[i].code);
		if (w < 0 || (size_t)w >= n - used) {
			break;
		}
		used += (size_t)w;
	}
}

const char *item_action_code(enum item_action a)
{
	return actions[a].code;
}

const char *item_action_label(enum item_action a)
{
	return actions[a].label;
}

int item_action_parse(const char *s, enum item_action *out, struct err *e)
{
	int i;
	if (vocab_parse(actions, ACT_COUNT, "操作", s, &i, e)) {
		return -1;
	}
	*out = (enum item_action)i;
	return 0;
}

/*---- Workflow ----*/

/* Who may act: anyone of the organ, a reviewer or above, a leader. */
enum who { ANY, REVIEWER, LEADER };

static const struct rule {
	unsigned from;         /* bit set of states the action starts in */
	enum item_status to;   /* ST_COUNT: stays where it is */
	enum who who;
	int note_required;
} rules[ACT_COUNT] = {
	[ACT_SUBMIT] = {1u << ST_DRAFT, ST_PENDING_REVIEW, ANY, 0},
	[ACT_REVIEW] = {1u << ST_PENDING_REVIEW, ST_REVIEWED, REVIEWER, 0},
	[ACT_RETURN] = {1u << ST_PENDING_REVIEW, ST_DRAFT, REVIEWER, 1},
	[ACT_APPROVE] = {1u << ST_REVIEWED, ST_APPROVED, LEADER, 0},
	[ACT_REJECT] = {1u << ST_REVIEWED | 1u << ST_APPROVED, ST_DRAFT,
			LEADER, 1},
	[ACT_PUBLISH] = {1u << ST_APPROVED, ST_PUBLISHED, ANY, 0},
	[ACT_SCHEDULE] = {1u << ST_APPROVED, ST_APPROVED, ANY, 0},
	[ACT_UNSCHEDULE] = {1u << ST_APPROVED, ST_APPROVED, ANY, 0},
	[ACT_WITHDRAW] = {1u << ST_PUBLISHED, ST_WITHDRAWN, LEADER, 1},
	[ACT_REDRAFT] = {1u << ST_WITHDRAWN, ST_DRAFT, ANY, 0},
	[ACT_ABOLISH] = {1u << ST_PUBLISHED, ST_PUBLISHED, LEADER, 0},
	[ACT_EXPIRE] = {1u << ST_PUBLISHED, ST_PUBLISHED, LEADER, 0},
};

int item_transition(const struct item_wf *w, enum item_action a,
		    int64_t user_id, enum role role, const char *note,
		    enum item_status *next, struct err *e)
{
	if ((unsigned)a >= ACT_COUNT) {
		return err_set(e, ERR_INPUT, "未知的操作");
	}
	const struct rule *r = &rules[a];
	if (!(r->from & (1u << w->status))) {
		return err_set(e, ERR_CONFLICT, "状态为“%s”的信息不能%s。",
			       statuses[w->status].label, actions[a].label);
	}
	if (a == ACT_UNSCHEDULE && !w->scheduled) {
		return err_set(e, ERR_CONFLICT, "这条信息没有设定定时公开。");
	}
	if ((a == ACT_ABOLISH || a == ACT_EXPIRE) &&
	    w->validity != VAL_VALID) {
		return err_set(e, ERR_CONFLICT, "这条信息已是“%s”。",
			       validities[w->validity].label);
	}
	if (r->who == REVIEWER && role == ROLE_CLERK) {
		return err_set(e, ERR_DENIED,
			       "保密审查须由审核人、分管领导或管理员进行。");
	}
	if (r->who == LEADER && role != ROLE_LEADER && role != ROLE_ADMIN) {
		return err_set(e, ERR_DENIED, "只有分管领导或管理员可以%s。",
			       actions[a].label);
	}
	if ((a == ACT_REVIEW || a == ACT_APPROVE) && w->created_by != 0 &&
	    w->created_by == user_id) {
		return err_set(e, ERR_DENIED, "不能%s自己起草的信息。",
			       a == ACT_REVIEW ? "审查" : "审批");
	}
	if (r->note_required && str_blank(note)) {
		return err_set(e, ERR_INPUT, "%s须填写意见或理由。",
			       actions[a].label);
	}
	*next = r->to == ST_COUNT ? w->status : r->to;
	return 0;
}

int item_may_edit(enum item_status s, enum role role)
{
	if (s == ST_DRAFT || s == ST_WITHDRAWN) {
		return 1;
	}
	return s == ST_PUBLISHED &&
	       (role == ROLE_LEADER || role == ROLE_ADMIN);
}

int item_may_delete(enum item_status s, int was_published)
{
	return s == ST_DRAFT && !was_published;
}

/*---- Index numbers ----*/

/* Checks every {name} field of a pattern. Returns how many {serial}
 * fields it has, or -1 (with e) when a field is unknown or malformed. */
static int pattern_scan(const char *p, struct err *e)
{
	int serials = 0;
	while (*p) {
		if (*p != '{') {
			p++;
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end) {
			return err_set(e, ERR_INPUT, "索引号规则中的“{”没有闭合。");
		}
		size_t n = (size_t)(end - p - 1);
		const char *name = p + 1;
		if ((n == 4 && memcmp(name, "code", 4) == 0) ||
		    (n == 4 && memcmp(name, "year", 4) == 0) ||
		    (n == 5 && memcmp(name, "month", 5) == 0)) {
			/* fine */
		} else if (n >= 6 && memcmp(name, "serial", 6) == 0) {
			if (n > 6) {
				int64_t w;
				char digits[8];
				if (name[6] != ':' || n - 7 == 0 ||
				    n - 7 >= sizeof digits) {
					goto bad;
				}
				memcpy(digits, name + 7, n - 7);
				digits[n - 7] = 0;
				if (str_to_i64(digits, 1, 12, &w)) {
					goto bad;
				}
			}
			serials++;
		} else {
			goto bad;
		}
		p = end + 1;
	}
	return serials;
bad:
	return err_set(e, ERR_INPUT,
		       "索引号规则中有未知的占位符(可用 {code} {year} "
		       "{month} {serial} {serial:N})。");
}

int item_indexno_check(const char *pattern, struct err *e)
{
	if (str_empty(pattern)) {
		return 0;
	}
	if (strlen(pattern) > 80) {
		return err_set(e, ERR_INPUT, "索引号规则过长(最多 80 字节)。");
	}
	int n = pattern_scan(pattern, e);
	if (n < 0) {
		return -1;
	}
	if (n != 1) {
		return err_set(e, ERR_INPUT,
			       "索引号规则须恰好包含一个 {serial}。");
	}
	return 0;
}

static int serial_width(const char *ph, size_t n)
{
	if (n == 6) {
		return 5;
	}
	return (int)strtol(ph + 7, NULL, 10);
}

int item_indexno_format(const char *pattern, const char *code, int year,
			int month, int64_t serial, char *out, size_t n,
			struct err *e)
{
	if (item_indexno_check(pattern, e)) {
		return -1;
	}
	const char *p = str_empty(pattern) ? INDEXNO_DEFAULT : pattern;
	Buf b = BUF_INIT;
	while (*p) {
		if (*p != '{') {
			buf_append(&b, p, 1);
			p++;
			continue;
		}
		const char *end = strchr(p, '}');
		size_t len = (size_t)(end - p - 1);
		const char *name = p + 1;
		if (len == 4 && memcmp(name, "code", 4) == 0) {
			buf_puts(&b, code ? code : "");
		} else if (len == 4 && memcmp(name, "year", 4) == 0) {
			buf_printf(&b, "%04d", year);
		} else if (len == 5) {
			buf_printf(&b, "%02d", month);
		} else {
			buf_printf(&b, "%0*lld", serial_width(name, len),
				   (long long)serial);
		}
		p = end + 1;
	}
	int rc = 0;
	if (b.n + 1 > n || b.n > 80) {
		rc = err_set(e, ERR_INPUT, "生成的索引号过长。");
	} else {
		memcpy(out, buf_str(&b), b.n + 1);
	}
	buf_free(&b);
	return rc;
}

int item_indexno_match(const char *pattern, const char *code, int year,
		       const char *idx, int64_t *serial)
{
	struct err e = {0};
	if (item_indexno_check(pattern, &e)) {
		return 0;
	}
	const char *p = str_empty(pattern) ? INDEXNO_DEFAULT : pattern;
	const char *s = idx;
	int64_t found = -1;
	while (*p) {
		if (*p != '{') {
			if (*s != *p) {
				return 0;
			}
			p++;
			s++;
			continue;
		}
		const char *end = strchr(p, '}');
		size_t len = (size_t)(end - p - 1);
		const char *name = p + 1;
		if (len == 4 && memcmp(name, "code", 4) == 0) {
			size_t cl = strlen(code ? code : "");
			if (strncmp(s, code ? code : "", cl) != 0) {
				return 0;
			}
			s += cl;
		} else if (len == 4 && memcmp(name, "year", 4) == 0) {
			char y[8];
			snprintf(y, sizeof y, "%04d", year);
			if (strncmp(s, y, 4) != 0) {
				return 0;
			}
			s += 4;
		} else if (len == 5) {
			if (!(s[0] >= '0' && s[0] <= '1' && s[1] >= '0' &&
			      s[1] <= '9')) {
				return 0;
			}
			s += 2;
		} else {
			int64_t v = 0;
			int digits = 0;
			while (*s >= '0' && *s <= '9' && digits < 15) {
				v = v * 10 + (*s - '0');
				s++;
				digits++;
			}
			if (digits == 0) {
				return 0;
			}
			found = v;
		}
		p = end + 1;
	}
	if (*s || found < 0) {
		return 0;
	}
	*serial = found;
	return 1;
}

int item_indexno_valid(const char *idx, struct err *e)
{
	size_t n = idx ? strlen(idx) : 0;
	if (n == 0 || n > 80) {
		return err_set(e, ERR_INPUT, "索引号须为 1 到 80 字节。");
	}
	if (!utf8_valid(idx, n) || idx[0] == '/' || idx[n - 1] == '/') {
		goto bad;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)idx[i];
		if (c <= ' ' || c == 0x7f || strchr("?#%\\\"<>", c)) {
			goto bad;
		}
	}
	/* no empty, "." or ".." segments */
	for (const char *seg = idx; seg;) {
		const char *sl = strchr(seg, '/');
		size_t len = sl ? (size_t)(sl - seg) : strlen(seg);
		if (len == 0 || (len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.')) {
			goto bad;
		}
		seg = sl ? sl + 1 : NULL;
	}
	return 0;
bad:
	return err_set(e, ERR_INPUT,
		       "索引号“%s”含有不允许的字符(空格、? # %% \\ 引号或"
		       "多余的 /)。",
		       idx);
}

/*---- Attachments ----*/

static const struct ftype {
	const char *ext, *ctype;
	enum { SIG_PDF, SIG_OLE, SIG_ZIP, SIG_JPEG, SIG_PNG, SIG_GIF } sig;
} ftypes[] = {
	{"pdf", "application/pdf", SIG_PDF},
	{"doc", "application/msword", SIG_OLE},
	{"docx",
	 "application/"
	 "vnd.openxmlformats-officedocument.wordprocessingml.document",
	 SIG_ZIP},
	{"wps", "application/vnd.ms-works", SIG_OLE},
	{"xls", "application/vnd.ms-excel", SIG_OLE},
	{"xlsx",
	 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	 SIG_ZIP},
	{"et", "application/vnd.ms-excel", SIG_OLE},
	{"ofd", "application/ofd", SIG_ZIP},
	{"jpg", "image/jpeg", SIG_JPEG},
	{"jpeg", "image/jpeg", SIG_JPEG},
	{"png", "image/png", SIG_PNG},
	{"gif", "image/gif", SIG_GIF},
};

static int sig_ok(int sig, const unsigned char *d, size_t n)
{
	switch (sig) {
	case SIG_PDF:
		return n >= 5 && memcmp(d, "%PDF-", 5) == 0;
	case SIG_OLE:
		return n >= 8 &&
		       memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
	case SIG_ZIP:
		return n >= 4 && memcmp(d, "PK\x03\x04", 4) == 0;
	case SIG_JPEG:
		return n >= 3 && memcmp(d, "\xFF\xD8\xFF", 3) == 0;
	case SIG_PNG:
		return n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0;
	case SIG_GIF:
		return n >= 6 && (memcmp(d, "GIF87a", 6) == 0 ||
				  memcmp(d, "GIF89a", 6) == 0);
	}
	return 0;
}

int item_attachment_check(const char *name, const void *data, size_t size,
			  int64_t max, const char **ctype, struct err *e)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0) {
		return err_set(e, ERR_INPUT, "请选择要上传的附件。");
	}
	if (n > 200 || !utf8_valid(name, n)) {
		return err_set(e, ERR_INPUT, "附件文件名无效或过长。");
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c < ' ' || c == 0x7f || c == '/' || c == '\\') {
			return err_set(e, ERR_INPUT,
				       "附件文件名含有不允许的字符。");
		}
	}
	const char *dot = strrchr(name, '.');
	const struct ftype *t = NULL;
	for (size_t i = 0; dot && i < sizeof ftypes / sizeof ftypes[0]; i++) {
		if (strcasecmp(dot + 1, ftypes[i].ext) == 0) {
			t = &ftypes[i];
		}
	}
	if (!t) {
		return err_set(e, ERR_INPUT,
			       "附件“%s”的类型不允许(可上传 PDF、DOC、DOCX、"
			       "WPS、XLS、XLSX、ET、OFD、JPG、PNG、GIF)。",
			       name);
	}
	if (size == 0) {
		return err_set(e, ERR_INPUT, "附件“%s”是空文件。", name);
	}
	if ((int64_t)size > max) {
		return err_set_http(e, ERR_LIMIT, 413,
				    "附件“%s”过大(最多 %lld 字节)。", name,
				    (long long)max);
	}
	if (!sig_ok(t->sig, data, size)) {
		return err_set(e, ERR_INPUT,
			       "附件“%s”的内容与扩展名 .%s 不符,类型不允许。",
			       name, t->ext);
	}
	*ctype = t->ctype;
	return 0;
}

const char *item_attachment_ctype(const char *ctype)
{
	for (size_t i = 0; ctype && i < sizeof ftypes / sizeof ftypes[0];
	     i++) {
		if (strcmp(ftypes[i].ctype, ctype) == 0) {
			return ftypes[i].ctype;
		}
	}
	return "application/octet-stream";
}

int item_attachment_inline(const char *ctype)
{
	return ctype && (strcmp(ctype, "application/pdf") == 0 ||
			 strncmp(ctype, "image/", 6) == 0);
}

/*---- Category preset ----*/

const struct item_preset item_category_preset[] = {
	{"工作动态", 0},       {"政务公开", 0},       {"通知公告", 0},
	{"安全监管", 0},       {"政策法规", 0},       {"机构职能", 0},
	{"部门文件", 0},       {"其他应主动公开信息", 0},
	{"政府信息公开制度", 1},
};
const size_t item_category_npreset =
	sizeof item_category_preset / sizeof item_category_preset[0];
