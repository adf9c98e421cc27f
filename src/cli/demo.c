/*
 * demo.c - the demo installation: 沙县人民政府 and three of its departments,
 * among them 沙县应急管理局, whose 2018 annual report is the project's seed,
 * with one admin and one clerk per organ. Contact details are plausible
 * values for a demo (the seed's own phone number was garbled in
 * extraction); every change goes through the store and the audit log like
 * any other.
 */
#include "cli/cli.h"

#include "base/str.h"
#include "store/organ.h"
#include "store/user.h"

#include <stdio.h>

/* The password of every demo account; docs/ and `make run` print it. */
#define DEMO_PASSWORD "gongkai2026"

static const struct demo_organ {
	const char *slug, *name, *short_name, *parent, *code, *office, *phone;
	const char *email, *address, *clerk, *clerk_name, *guide;
} organs[] = {
	{"shaxian", "沙县人民政府", "县政府", NULL, "003510400",
	 "沙县人民政府办公室", "0598-5822316", "sxzfb@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道府前西路", "zf-clerk", "县政府办经办人",
	 "一、公开主体\n\n沙县人民政府办公室是县政府信息公开工作的主管部门,"
	 "负责推进、指导、协调、监督全县政府信息公开工作。\n\n"
	 "二、公开方式\n\n主动公开的政府信息通过本平台、政府公报、"
	 "政务公开栏等渠道发布;公民、法人或者其他组织可以通过网上、"
	 "当面、信函等方式向县政府申请获取政府信息。\n\n"
	 "三、办理时限\n\n能够当场答复的当场答复;不能当场答复的,"
	 "自收到申请之日起 20 个工作日内予以答复;需要延长答复期限的,"
	 "经政府信息公开工作机构负责人同意并告知申请人,"
	 "延长的期限最长不超过 20 个工作日。"},
	{"shaxian-yjj", "沙县应急管理局", "县应急局", "shaxian", "003510427",
	 "沙县应急管理局办公室", "0598-5845276", "fjsxajj@163.com",
	 "福建省三明市沙县凤岗街道城南路", "yjj-clerk", "应急局经办人",
	 "一、公开主体\n\n沙县应急管理局(原沙县安全生产监督管理局)"
	 "办公室负责本局政府信息公开的日常工作,指定一名专门人员和一名"
	 "协助人员具体办理。\n\n"
	 "二、主动公开\n\n本局主动公开机构职能、政策法规、部门文件、"
	 "工作动态、通知公告、安全监管等信息,通过本平台、"
	 "局政务公开栏、LED 电子显示屏和短信平台发布。\n\n"
	 "三、依申请公开\n\n申请人可通过本平台在线提交申请,或到本局办公室"
	 "当面提交、以信函或传真方式提交。本局自收到申请之日起 20 "
	 "个工作日内答复。\n\n"
	 "四、监督和救济\n\n申请人认为本局在政府信息公开工作中侵犯其合法权益"
	 "的,可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报,"
	 "也可以依法申请行政复议或者提起行政诉讼。"},
	{"shaxian-czj", "沙县财政局", "县财政局", "shaxian", "003510411",
	 "沙县财政局办公室", "0598-5822470", "sxczj@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道府前东路", "czj-clerk", "财政局经办人",
	 NULL},
	{"shaxian-jyj", "沙县教育局", "县教育局", "shaxian", "003510415",
	 "沙县教育局办公室", "0598-5832015", "sxjyj@fjsx.gov.cn",
	 "福建省三明市沙县凤岗街道东门路", "jyj-clerk", "教育局经办人", NULL},
};

int demo_fill(store *st, struct err *e)
{
	struct actor who = cli_actor();
	for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
		const struct demo_organ *d = &organs[i];
		struct organ o = {0};
		o.slug = xstrdup(d->slug);
		o.name = (char *)d->name;
		o.short_name = (char *)d->short_name;
		o.parent_name = (char *)d->parent;
		o.code = (char *)d->code;
		o.office = (char *)d->office;
		o.phone = (char *)d->phone;
		o.email = (char *)d->email;
		o.address = (char *)d->address;
		o.office_hours = "工作日 8:00-12:00,15:00-18:00";
		o.guide = (char *)(d->guide ? d->guide : "");
		int rc = organ_create(st, &who, &o, e);
		free(o.slug);
		if (rc) {
			return -1;
		}
		if (i == 0) {
			struct user a = {0};
			a.organ_id = o.id;
			a.login = "admin";
			a.display_name = "系统管理员";
			a.role = ROLE_ADMIN;
			if (user_create(st, &who, &a, DEMO_PASSWORD, e)) {
				return -1;
			}
		}
		struct user u = {0};
		u.organ_id = o.id;
		u.login = (char *)d->clerk;
		u.display_name = (char *)d->clerk_name;
		u.role = ROLE_CLERK;
		if (user_create(st, &who, &u, DEMO_PASSWORD, e)) {
			return -1;
		}
	}
	if (store_tx_begin(st, e) ||
	    store_config_set(st, "site_organ", "shaxian", e) ||
	    store_tx_commit(st, e)) {
		return -1;
	}
	printf("demo accounts (password %s):\n  admin       系统管理员\n",
	       DEMO_PASSWORD);
	for (size_t i = 0; i < sizeof organs / sizeof organs[0]; i++) {
		printf("  %-11s 经办人, %s\n", organs[i].clerk,
		       organs[i].name);
	}
	return 0;
}
