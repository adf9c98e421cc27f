/*
 * test_item.c - the rules of proactive disclosure (index numbers, the
 * workflow state machine, attachment types) and the item store on a real
 * database: drafts, the review chain, numbering that never reuses a
 * number, scheduled publication, imports, categories, attachments.
 */
#include "t.h"
#include "tdb.h"

#include "base/date.h"
#include "base/str.h"
#include "store/application.h"
#include "store/item.h"
#include "store/organ.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/*---- Index numbers ----*/

static void t_indexno_default(void)
{
	char out[96];
	struct err e = {0};
	T_EQ_INT(item_indexno_format("", "003510427", 2018, 3, 1, out,
				     sizeof out, &e),
		 0);
	T_EQ_STR(out, "003510427/2018-00001");
	T_EQ_INT(item_indexno_format("", "003510427", 2018, 3, 123456, out,
				     sizeof out, &e),
		 0);
	T_EQ_STR(out, "003510427/2018-123456");
}

static void t_indexno_pattern(void)
{
	char out[96];
	struct err e = {0};
	T_EQ_INT(item_indexno_format("{code}-{year}{month}-{serial:3}", "bgs01",
				     2023, 7, 11, out, sizeof out, &e),
		 0);
	T_EQ_STR(out, "bgs01-202307-011");
	T_EQ_INT(item_indexno_format("X/{serial:8}", "c", 2023, 7, 5, out,
				     sizeof out, &e),
		 0);
	T_EQ_STR(out, "X/00000005");
	/* bad patterns */
	T_EQ_INT(item_indexno_check("{code}/{year}", &e), -1);
	T_EQ_INT(item_indexno_check("{serial}{serial}", &e), -1);
	T_EQ_INT(item_indexno_check("{code}/{yr}-{serial}", &e), -1);
	T_EQ_INT(item_indexno_check("{serial:0}", &e), -1);
	T_EQ_INT(item_indexno_check("{serial:13}", &e), -1);
	T_EQ_INT(item_indexno_check("{serial", &e), -1);
	T_EQ_INT(item_indexno_check("", &e), 0);
}

static void t_indexno_match(void)
{
	int64_t serial = 0;
	T_EQ_INT(item_indexno_match("", "003510427", 2018,
				    "003510427/2018-00042", &serial),
		 1);
	T_EQ_INT(serial, 42);
	T_EQ_INT(item_indexno_match("", "003510427", 2019,
				    "003510427/2018-00042", &serial),
		 0);
	T_EQ_INT(item_indexno_match("", "003510427", 2018,
				    "003510427/2018-00042x", &serial),
		 0);
	T_EQ_INT(item_indexno_match("", "0035", 2018, "003510427/2018-1",
				    &serial),
		 0);
}

static void t_indexno_valid(void)
{
	struct err e = {0};
	T_EQ_INT(item_indexno_valid("003510427/2018-00001", &e), 0);
	T_EQ_INT(item_indexno_valid("11341702486344515H/202110-00013", &e), 0);
	T_EQ_INT(item_indexno_valid("沙县/2018-1", &e), 0);
	T_EQ_INT(item_indexno_valid("", &e), -1);
	T_EQ_INT(item_indexno_valid("/a", &e), -1);
	T_EQ_INT(item_indexno_valid("a/", &e), -1);
	T_EQ_INT(item_indexno_valid("a//b", &e), -1);
	T_EQ_INT(item_indexno_valid("a/../b", &e), -1);
	T_EQ_INT(item_indexno_valid("a b", &e), -1);
	T_EQ_INT(item_indexno_valid("a?b", &e), -1);
	T_EQ_INT(item_indexno_valid("a%2Fb", &e), -1);
}

/*---- Workflow ----*/

/* Expected outcome of every (state, action) pair for a leader who did not
 * write the item: the next state, or -1 when refused. */
static void t_workflow_table(void)
{
	static const int next[ST_COUNT][ACT_COUNT] = {
		/* submit review return approve reject publish schedule
		 * unschedule withdraw redraft abolish expire */
		[ST_DRAFT] = {ST_PENDING_REVIEW, -1, -1, -1, -1, -1, -1, -1,
			      -1, -1, -1, -1},
		[ST_PENDING_REVIEW] = {-1, ST_REVIEWED, ST_DRAFT, -1, -1, -1,
				       -1, -1, -1, -1, -1, -1},
		[ST_REVIEWED] = {-1, -1, -1, ST_APPROVED, ST_DRAFT, -1, -1,
				 -1, -1, -1, -1, -1},
		[ST_APPROVED] = {-1, -1, -1, -1, ST_DRAFT, ST_PUBLISHED,
				 ST_APPROVED, -1, -1, -1, -1, -1},
		[ST_PUBLISHED] = {-1, -1, -1, -1, -1, -1, -1, -1,
				  ST_WITHDRAWN, -1, ST_PUBLISHED,
				  ST_PUBLISHED},
		[ST_WITHDRAWN] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, ST_DRAFT,
				  -1, -1},
	};
	for (int s = 0; s < ST_COUNT; s++) {
		for (int a = 0; a < ACT_COUNT; a++) {
			struct item_wf w = {(enum item_status)s, 0, VAL_VALID,
					    7, 0};
			enum item_status to = ST_COUNT;
			struct err e = {0};
			int rc = item_transition(&w, (enum item_action)a, 9,
						 ROLE_LEADER, "意见", &to, &e);
			if (next[s][a] < 0) {
				if (rc != -1) {
					fprintf(stderr, "  %s + %s allowed\n",
						item_status_code(s),
						item_action_code(a));
				}
				T_EQ_INT(rc, -1);
				T_EQ_INT(e.code, ERR_CONFLICT);
			} else {
				if (rc != 0) {
					fprintf(stderr, "  %s + %s: %s\n",
						item_status_code(s),
						item_action_code(a), e.msg);
				}
				T_EQ_INT(rc, 0);
				T_EQ_INT(to, next[s][a]);
			}
		}
	}
}

static void t_workflow_roles(void)
{
	struct item_wf w = {ST_PENDING_REVIEW, 0, VAL_VALID, 7, 0};
	enum item_status to;
	struct err e = {0};
	/* a clerk cannot review */
	T_EQ_INT(item_transition(&w, ACT_REVIEW, 8, ROLE_CLERK, "", &to, &e),
		 -1);
	T_EQ_INT(e.code, ERR_DENIED);
	/* a reviewer can, but not their own item */
	T_EQ_INT(item_transition(&w, ACT_REVIEW, 8, ROLE_REVIEWER, "", &to,
				 &e),
		 0);
	T_EQ_INT(item_transition(&w, ACT_REVIEW, 7, ROLE_REVIEWER, "", &to,
				 &e),
		 -1);
	T_EQ_INT(e.code, ERR_DENIED);
	/* returning needs a note */
	T_EQ_INT(item_transition(&w, ACT_RETURN, 8, ROLE_REVIEWER, "  ", &to,
				 &e),
		 -1);
	T_EQ_INT(e.code, ERR_INPUT);
	/* approval: leader or admin, never the author */
	w.status = ST_REVIEWED;
	T_EQ_INT(item_transition(&w, ACT_APPROVE, 8, ROLE_REVIEWER, "", &to,
				 &e),
		 -1);
	T_EQ_INT(item_transition(&w, ACT_APPROVE, 8, ROLE_CLERK, "", &to, &e),
		 -1);
	T_EQ_INT(item_transition(&w, ACT_APPROVE, 7, ROLE_LEADER, "", &to,
				 &e),
		 -1);
	T_EQ_INT(e.code, ERR_DENIED);
	T_EQ_INT(item_transition(&w, ACT_APPROVE, 8, ROLE_ADMIN, "", &to, &e),
		 0);
	/* a clerk publishes an approved item, but cannot withdraw it */
	w.status = ST_APPROVED;
	T_EQ_INT(item_transition(&w, ACT_PUBLISH, 7, ROLE_CLERK, "", &to, &e),
		 0);
	T_EQ_INT(item_transition(&w, ACT_UNSCHEDULE, 7, ROLE_CLERK, "", &to,
				 &e),
		 -1);
	w.status = ST_PUBLISHED;
	T_EQ_INT(item_transition(&w, ACT_WITHDRAW, 7, ROLE_CLERK, "理由", &to,
				 &e),
		 -1);
	T_EQ_INT(item_transition(&w, ACT_WITHDRAW, 8, ROLE_LEADER, "", &to,
				 &e),
		 -1);
	w.validity = VAL_ABOLISHED;
	T_EQ_INT(item_transition(&w, ACT_ABOLISH, 8, ROLE_LEADER, "", &to,
				 &e),
		 -1);
}

static void t_vocab(void)
{
	unsigned bits;
	struct err e = {0};
	char out[128];
	T_EQ_INT(item_channels_parse("channels", " led ;website;;", &bits, &e),
		 0);
	item_channels_format(bits, out, sizeof out);
	T_EQ_STR(out, "website;led");
	T_EQ_INT(item_channels_parse("channels", "website;fax", &bits, &e),
		 -1);
	T_ASSERT(strstr(e.msg, "fax") != NULL);
	enum item_kind k;
	T_EQ_INT(item_kind_parse("kind", "normative", &k, &e), 0);
	T_EQ_INT(k, KIND_NORMATIVE);
	T_EQ_INT(item_kind_parse("kind", "Normative", &k, &e), -1);
}

static void t_attachment_types(void)
{
	const char *ct = NULL;
	struct err e = {0};
	T_EQ_INT(item_attachment_check("通知.pdf", "%PDF-1.4\n", 9, 100, &ct,
				       &e),
		 0);
	T_EQ_STR(ct, "application/pdf");
	T_EQ_INT(item_attachment_check("表.XLSX", "PK\x03\x04zz", 6, 100, &ct,
				       &e),
		 0);
	T_EQ_INT(item_attachment_check("a.exe", "MZ", 2, 100, &ct, &e), -1);
	T_EQ_INT(item_attachment_check("a.pdf", "<html>", 6, 100, &ct, &e),
		 -1);
	T_EQ_INT(item_attachment_check("a.pdf", "%PDF-1.4\n", 9, 5, &ct, &e),
		 -1);
	T_EQ_INT(e.code, ERR_LIMIT);
	T_EQ_INT(item_attachment_check("../a.pdf", "%PDF-", 5, 100, &ct, &e),
		 -1);
	T_EQ_INT(item_attachment_check("a.pdf", "", 0, 100, &ct, &e), -1);
}

/*---- Store ----*/

static const struct actor clerk = {2, "clerk"};
static const struct actor reviewer = {3, "reviewer"};
static const struct actor leader = {4, "leader"};

static int64_t organ(store *st, const char *slug, const char *code)
{
	struct organ o = {0};
	o.slug = strdup(slug);
	o.name = (char *)slug;
	o.code = (char *)code;
	struct err e = {0};
	int rc = organ_create(st, &clerk, &o, &e);
	free(o.slug);
	return rc ? -1 : o.id;
}

static int64_t first_category(store *st, int64_t organ_id)
{
	struct category *c = NULL;
	size_t n = 0;
	struct err e = {0};
	if (category_list(st, organ_id, &c, &n, &e) || n == 0) {
		return -1;
	}
	int64_t id = c[0].id;
	category_list_free(c, n);
	return id;
}

static int64_t draft(store *st, int64_t organ_id, const char *title)
{
	struct item it = {0};
	it.organ_id = organ_id;
	it.title = (char *)title;
	it.doc_no = (char *)"沙政办〔2018〕52号";
	it.category_id = first_category(st, organ_id);
	it.channels = 1u << CH_WEBSITE | 1u << CH_LED;
	struct err e = {0};
	if (item_create(st, &clerk, &it, 0, &e)) {
		fprintf(stderr, "  create: %s\n", e.msg);
		return -1;
	}
	return it.id;
}

/* Runs an item through review and approval to publication. */
static int publish(store *st, int64_t organ_id, int64_t id)
{
	struct err e = {0};
	if (item_act(st, &clerk, 2, ROLE_CLERK, organ_id, id, ACT_SUBMIT,
		     NULL, NULL, &e) ||
	    item_act(st, &reviewer, 3, ROLE_REVIEWER, organ_id, id,
		     ACT_REVIEW, "无涉密内容", NULL, &e) ||
	    item_act(st, &leader, 4, ROLE_LEADER, organ_id, id, ACT_APPROVE,
		     "同意", NULL, &e) ||
	    item_act(st, &clerk, 2, ROLE_CLERK, organ_id, id, ACT_PUBLISH,
		     NULL, NULL, &e)) {
		fprintf(stderr, "  publish: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static void t_store_workflow(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "003510427");
	T_ASSERT(o > 0);
	int64_t id = draft(st, o, "关于做好安全生产工作的通知");
	T_ASSERT(id > 0);
	struct item it;
	struct err e = {0};
	T_EQ_INT(item_get(st, o, id, &it, &e), 1);
	T_ASSERT(it.index_no == NULL);
	T_EQ_INT(it.status, ST_DRAFT);
	T_EQ_STR(it.doc_no, "沙政办〔2018〕52号");
	T_EQ_INT(it.channels, 1u << CH_WEBSITE | 1u << CH_LED);
	item_clear(&it);
	/* the author cannot review */
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_CLERK, o, id, ACT_SUBMIT, NULL,
			  NULL, &e),
		 0);
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_REVIEWER, o, id, ACT_REVIEW,
			  NULL, NULL, &e),
		 -1);
	T_EQ_INT(item_act(st, &reviewer, 3, ROLE_REVIEWER, o, id, ACT_REVIEW,
			  "无涉密内容", NULL, &e),
		 0);
	T_EQ_INT(item_act(st, &leader, 4, ROLE_LEADER, o, id, ACT_APPROVE,
			  NULL, NULL, &e),
		 0);
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_CLERK, o, id, ACT_PUBLISH, NULL,
			  NULL, &e),
		 0);
	T_EQ_INT(item_get(st, o, id, &it, &e), 1);
	char today[11], want[64];
	date_format(date_today(), today);
	snprintf(want, sizeof want, "003510427/%.4s-00001", today);
	T_EQ_STR(it.index_no, want);
	T_EQ_STR(it.published_date, today);
	T_EQ_INT(it.status, ST_PUBLISHED);
	item_clear(&it);
	T_EQ_INT(item_by_index(st, o, want, &it, &e), 1);
	T_EQ_INT(it.id, id);
	item_clear(&it);
	/* the trail: create, submit, review, approve, publish */
	struct item_review *rv = NULL;
	size_t nrv = 0;
	T_EQ_INT(item_reviews(st, id, &rv, &nrv, &e), 0);
	T_EQ_INT(nrv, 5);
	T_EQ_STR(rv[2].action, "review");
	T_EQ_STR(rv[2].note, "无涉密内容");
	item_reviews_free(rv, nrv);
	/* abolish keeps it published */
	T_EQ_INT(item_act(st, &leader, 4, ROLE_LEADER, o, id, ACT_ABOLISH,
			  NULL, NULL, &e),
		 0);
	T_EQ_INT(item_get(st, o, id, &it, &e), 1);
	T_EQ_INT(it.status, ST_PUBLISHED);
	T_EQ_INT(it.validity, VAL_ABOLISHED);
	T_EQ_STR(it.abolished_date, today);
	item_clear(&it);
	tdb_close(st);
}

static void t_store_numbers_never_reused(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "C1");
	int64_t a = draft(st, o, "甲"), b = draft(st, o, "乙");
	T_ASSERT(a > 0 && b > 0);
	T_EQ_INT(publish(st, o, a), 0);
	struct err e = {0};
	/* withdraw a: its number stays with it; b gets the next one */
	T_EQ_INT(item_act(st, &leader, 4, ROLE_LEADER, o, a, ACT_WITHDRAW,
			  "内容有误", NULL, &e),
		 0);
	T_EQ_INT(publish(st, o, b), 0);
	struct item ia, ib;
	T_EQ_INT(item_get(st, o, a, &ia, &e), 1);
	T_EQ_INT(item_get(st, o, b, &ib, &e), 1);
	T_ASSERT(strstr(ia.index_no, "-00001") != NULL);
	T_ASSERT(strstr(ib.index_no, "-00002") != NULL);
	T_EQ_INT(ia.status, ST_WITHDRAWN);
	/* a published item cannot be deleted; a fresh draft can, and its
	 * deletion does not give back a number (it never had one) */
	T_EQ_INT(item_delete(st, &clerk, o, b, &e), -1);
	int64_t c = draft(st, o, "丙");
	T_EQ_INT(item_delete(st, &clerk, o, c, &e), 0);
	T_EQ_INT(item_get(st, o, c, &ib, &e), 0);
	item_clear(&ia);
	item_clear(&ib);
	tdb_close(st);
}

/* Frees what the store allocated in an item the test built from
 * literals (item_create sets index_no; the test strdup'ed dates). */
static void release(struct item *it)
{
	free(it->index_no);
	free(it->published_date);
}

static void t_store_import(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "003510427");
	struct item it = {0};
	it.organ_id = o;
	it.title = (char *)"2018年部门预算说明";
	it.category_id = first_category(st, o);
	it.published_date = strdup("2018-01-20");
	it.index_no = strdup("003510427/2018-00007");
	struct err e = {0};
	T_EQ_INT(item_create(st, &clerk, &it, 1, &e), 0);
	T_EQ_INT(it.status, ST_PUBLISHED);
	/* the counter moved past 7: the next generated 2018 number is 8 */
	struct item g = {0};
	g.organ_id = o;
	g.title = (char *)"生成";
	g.category_id = it.category_id;
	g.published_date = strdup("2018-02-01");
	T_EQ_INT(item_create(st, &clerk, &g, 1, &e), 0);
	T_EQ_STR(g.index_no, "003510427/2018-00008");
	/* a duplicate index number is refused */
	struct item d = {0};
	d.organ_id = o;
	d.title = (char *)"重复";
	d.category_id = it.category_id;
	d.published_date = strdup("2018-02-01");
	d.index_no = strdup("003510427/2018-00007");
	T_EQ_INT(item_create(st, &clerk, &d, 1, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	/* future and impossible dates are refused */
	free(d.index_no);
	d.index_no = NULL;
	free(d.published_date);
	d.published_date = strdup("2999-01-01");
	T_EQ_INT(item_create(st, &clerk, &d, 1, &e), -1);
	T_ASSERT(strstr(e.msg, "发布日期") != NULL);
	free(d.published_date);
	d.published_date = strdup("2018-02-30");
	T_EQ_INT(item_create(st, &clerk, &d, 1, &e), -1);
	/* nested transactions: an inner failure leaves the outer intact */
	T_EQ_INT(store_tx_begin(st, &e), 0);
	free(d.published_date);
	d.published_date = strdup("2018-03-01");
	T_EQ_INT(item_create(st, &clerk, &d, 1, &e), 0);
	store_tx_rollback(st);
	struct item_filter f = item_filter_all(o);
	struct item *v = NULL;
	size_t n = 0;
	int64_t total = 0;
	T_EQ_INT(item_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 2);
	item_list_free(v, n);
	f.year = 2018;
	f.public_only = 1;
	f.channel = 1u << CH_LED;
	T_EQ_INT(item_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 0);
	item_list_free(v, n);
	release(&it);
	release(&g);
	release(&d);
	tdb_close(st);
}

static void t_store_schedule(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "");
	int64_t id = draft(st, o, "定时");
	struct err e = {0};
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_CLERK, o, id, ACT_SUBMIT, NULL,
			  NULL, &e),
		 0);
	T_EQ_INT(item_act(st, &reviewer, 3, ROLE_REVIEWER, o, id, ACT_REVIEW,
			  NULL, NULL, &e),
		 0);
	T_EQ_INT(item_act(st, &leader, 4, ROLE_LEADER, o, id, ACT_APPROVE,
			  NULL, NULL, &e),
		 0);
	/* the past is refused, the future accepted */
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_CLERK, o, id, ACT_SCHEDULE, NULL,
			  "2001-01-01T08:00", &e),
		 -1);
	T_EQ_INT(item_act(st, &clerk, 2, ROLE_CLERK, o, id, ACT_SCHEDULE, NULL,
			  "2999-01-01T08:00", &e),
		 0);
	int64_t count = 0;
	T_EQ_INT(item_publish_due(st, "2998-12-31T23:59", &count, &e), 0);
	T_EQ_INT(count, 0);
	T_EQ_INT(item_publish_due(st, "2999-01-01T08:00", &count, &e), 0);
	T_EQ_INT(count, 1);
	struct item it;
	T_EQ_INT(item_get(st, o, id, &it, &e), 1);
	T_EQ_INT(it.status, ST_PUBLISHED);
	T_ASSERT(it.publish_at == NULL);
	/* no code: the slug starts the number */
	T_ASSERT(strncmp(it.index_no, "yjj/", 4) == 0);
	item_clear(&it);
	tdb_close(st);
}

static void t_store_categories(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "");
	struct category *c = NULL;
	size_t n = 0;
	struct err e = {0};
	T_EQ_INT(category_list(st, o, &c, &n, &e), 0);
	T_EQ_INT(n, 9);
	T_EQ_STR(c[0].name, "工作动态");
	T_EQ_INT(c[8].section, CAT_SYSTEM);
	int64_t top = c[0].id;
	category_list_free(c, n);
	struct category sub = {0};
	sub.organ_id = o;
	sub.parent_id = top;
	sub.name = (char *)"局动态";
	T_EQ_INT(category_create(st, &clerk, &sub, &e), 0);
	struct category dup = sub;
	dup.id = 0;
	T_EQ_INT(category_create(st, &clerk, &dup, &e), -1);
	T_EQ_INT(e.code, ERR_CONFLICT);
	struct category deep = {0};
	deep.organ_id = o;
	deep.parent_id = sub.id;
	deep.name = (char *)"三级";
	T_EQ_INT(category_create(st, &clerk, &deep, &e), -1);
	/* in use: cannot delete */
	struct item it = {0};
	it.organ_id = o;
	it.title = (char *)"子分类信息";
	it.category_id = sub.id;
	T_EQ_INT(item_create(st, &clerk, &it, 0, &e), 0);
	T_EQ_INT(category_delete(st, &clerk, o, sub.id, &e), -1);
	/* the parent's filter includes the child's items */
	struct item_filter f = item_filter_all(o);
	f.category_id = top;
	struct item *v = NULL;
	int64_t total = 0;
	T_EQ_INT(item_list(st, &f, &v, &n, &total, &e), 0);
	T_EQ_INT(total, 1);
	item_list_free(v, n);
	release(&it);
	tdb_close(st);
}

static void t_store_attachments(void)
{
	store *st = tdb_open();
	T_ASSERT(st);
	int64_t o = organ(st, "yjj", "");
	int64_t id = draft(st, o, "附件");
	struct err e = {0};
	const char bytes[] = "%PDF-1.4\n\0binary\xff";
	int64_t a1, a2;
	T_EQ_INT(attachment_add(st, &clerk, id, "通知.pdf", "application/pdf",
				bytes, sizeof bytes, &a1, &e),
		 0);
	T_EQ_INT(attachment_add(st, &clerk, id, "副本.pdf", "application/pdf",
				bytes, sizeof bytes, &a2, &e),
		 0);
	struct attachment a;
	Buf data = BUF_INIT;
	T_EQ_INT(attachment_get(st, a2, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof bytes);
	T_ASSERT(memcmp(data.p, bytes, sizeof bytes) == 0);
	T_EQ_STR(a.name, "副本.pdf");
	attachment_clear(&a);
	buf_free(&data);
	/* shared content survives deleting one of its names */
	T_EQ_INT(attachment_delete(st, &clerk, id, a1, &e), 0);
	T_EQ_INT(attachment_get(st, a2, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof bytes);
	attachment_clear(&a);
	buf_free(&data);
	T_EQ_INT(attachment_delete(st, &clerk, id + 1, a2, &e), -1);
	/* an application's scan of the same content keeps it alive when the
	 * item's last attachment goes */
	struct calendar cal = {0};
	struct app_env env = {&cal, 0, 0, "", "", 1};
	T_EQ_INT(date_parse("2026-03-02", &env.today), 0);
	struct application ap;
	app_init(&ap);
	ap.organ_id = o;
	ap.submitted_at = xstrdup("2026-03-02");
	ap.submitted = ap.received = env.today;
	int64_t f;
	T_EQ_INT(application_create(st, &clerk, &ap, &env, &e), 0);
	T_EQ_INT(appfile_add(st, &clerk, ap.id, "扫描件.pdf", "application/pdf",
			     bytes, sizeof bytes, &f, &e),
		 0);
	T_EQ_INT(attachment_delete(st, &clerk, id, a2, &e), 0);
	T_EQ_INT(appfile_get(st, ap.id, f, &a, &data, &e), 1);
	T_EQ_INT(data.n, sizeof bytes);
	T_EQ_STR(a.name, "扫描件.pdf");
	attachment_clear(&a);
	buf_free(&data);
	app_clear(&ap);
	tdb_close(st);
}

void suite_item(void)
{
	T_RUN(t_indexno_default);
	T_RUN(t_indexno_pattern);
	T_RUN(t_indexno_match);
	T_RUN(t_indexno_valid);
	T_RUN(t_workflow_table);
	T_RUN(t_workflow_roles);
	T_RUN(t_vocab);
	T_RUN(t_attachment_types);
	T_RUN(t_store_workflow);
	T_RUN(t_store_numbers_never_reused);
	T_RUN(t_store_import);
	T_RUN(t_store_schedule);
	T_RUN(t_store_categories);
	T_RUN(t_store_attachments);
}
