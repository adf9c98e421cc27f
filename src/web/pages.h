/*
 * pages.h - the handlers route.c's table points to, one block per page
 * family file. Each handler has the shape of handler_fn (route.h): it
 * fills r->out and r->status, or returns -1 with e for the error page.
 */
#ifndef GK_PAGES_H
#define GK_PAGES_H

#include "web/route.h"

/* portal_home.c: the public front page and each organ's page. */
int portal_home_page(struct req *r, struct err *e);
int portal_organ_page(struct req *r, struct err *e);

/* portal_catalog.c: an organ's 政府信息公开 home, catalog, item pages
 * and attachment downloads. */
int portal_xxgk_page(struct req *r, struct err *e);
int portal_xxgk_list_page(struct req *r, struct err *e);
int portal_item_page(struct req *r, struct err *e);
int portal_attachment_page(struct req *r, struct err *e);

/* portal_feed.c: an organ's feeds (RSS, Atom), LED texts, the printable
 * bulletin-board sheet and the open-data catalog (JSON, CSV). */
int portal_feed_rss_page(struct req *r, struct err *e);
int portal_feed_atom_page(struct req *r, struct err *e);
int portal_led_txt_page(struct req *r, struct err *e);
int portal_led_json_page(struct req *r, struct err *e);
int portal_bulletin_page(struct req *r, struct err *e);
int portal_catalog_json_page(struct req *r, struct err *e);
int portal_catalog_csv_page(struct req *r, struct err *e);

/* portal_apply.c: disclosure on application, the public side: an
 * organ's online application form, the confirmation with the tracking
 * code, and the status lookup by tracking code and contact. */
int portal_apply_page(struct req *r, struct err *e);
int portal_apply_post(struct req *r, struct err *e);
int portal_apply_done_page(struct req *r, struct err *e);
int portal_apply_status_page(struct req *r, struct err *e);
int portal_apply_status_post(struct req *r, struct err *e);

/* portal_message.c: public messages (网上留言): an organ's answered
 * messages with the form to leave one, the confirmation with the query
 * code, and the lookup of a message's reply by its query code. */
int portal_messages_page(struct req *r, struct err *e);
int portal_messages_post(struct req *r, struct err *e);
int portal_message_done_page(struct req *r, struct err *e);
int portal_message_status_page(struct req *r, struct err *e);
int portal_message_status_post(struct req *r, struct err *e);

/* admin_login.c: sign in and out. */
int admin_login_page(struct req *r, struct err *e);
int admin_login_post(struct req *r, struct err *e);
int admin_logout_post(struct req *r, struct err *e);
int admin_password_page(struct req *r, struct err *e);
int admin_password_post(struct req *r, struct err *e);

/* admin_organ.c: back-office home, an organ's workbench, organ records. */
int admin_home_page(struct req *r, struct err *e);
int admin_organ_page(struct req *r, struct err *e);
int admin_organ_edit_page(struct req *r, struct err *e);
int admin_organ_edit_post(struct req *r, struct err *e);
int admin_organs_page(struct req *r, struct err *e);
int admin_organ_new_page(struct req *r, struct err *e);
int admin_organ_new_post(struct req *r, struct err *e);

/* admin_item.c: items of proactive disclosure, their workflow,
 * attachments and the review queue. */
int admin_items_page(struct req *r, struct err *e);
int admin_items_bulk_post(struct req *r, struct err *e);
int admin_item_new_page(struct req *r, struct err *e);
int admin_item_new_post(struct req *r, struct err *e);
int admin_item_page(struct req *r, struct err *e);
int admin_item_edit_page(struct req *r, struct err *e);
int admin_item_edit_post(struct req *r, struct err *e);
int admin_item_act_post(struct req *r, struct err *e);
int admin_item_delete_post(struct req *r, struct err *e);
int admin_item_upload_post(struct req *r, struct err *e);
int admin_item_unattach_post(struct req *r, struct err *e);
int admin_attachment_page(struct req *r, struct err *e);
int admin_queue_page(struct req *r, struct err *e);

/* admin_application.c: the register of applications, registering,
 * an application's page with its events, files and letters. */
int admin_apps_page(struct req *r, struct err *e);
int admin_app_new_page(struct req *r, struct err *e);
int admin_app_new_post(struct req *r, struct err *e);
int admin_app_page(struct req *r, struct err *e);
int admin_app_act_post(struct req *r, struct err *e);
int admin_app_upload_post(struct req *r, struct err *e);
int admin_app_file_page(struct req *r, struct err *e);
int admin_app_letter_page(struct req *r, struct err *e);
int admin_app_letter_docx_page(struct req *r, struct err *e);

/* admin_baseline.c: opening balances of cumulative metrics. */
int admin_baselines_page(struct req *r, struct err *e);
int admin_baselines_post(struct req *r, struct err *e);
int admin_baseline_delete_post(struct req *r, struct err *e);
/* admin_case.c: review and litigation cases (行政复议 / 行政诉讼): the
 * register, registering and editing, a case's page, closing, deleting,
 * its documents. */
int admin_cases_page(struct req *r, struct err *e);
int admin_case_new_page(struct req *r, struct err *e);
int admin_case_new_post(struct req *r, struct err *e);
int admin_case_page(struct req *r, struct err *e);
int admin_case_edit_page(struct req *r, struct err *e);
int admin_case_edit_post(struct req *r, struct err *e);
int admin_case_close_post(struct req *r, struct err *e);
int admin_case_delete_post(struct req *r, struct err *e);
int admin_case_upload_post(struct req *r, struct err *e);
int admin_case_file_page(struct req *r, struct err *e);
/* admin_activity.c: activities (工作记录): the overview of a year, a
 * kind's list and entry form, editing, deleting; the admins' kinds page;
 * an organ's public messages: one message, its reply and visibility. */
int admin_acts_page(struct req *r, struct err *e);
int admin_act_kind_page(struct req *r, struct err *e);
int admin_act_new_post(struct req *r, struct err *e);
int admin_act_edit_page(struct req *r, struct err *e);
int admin_act_edit_post(struct req *r, struct err *e);
int admin_act_delete_page(struct req *r, struct err *e);
int admin_act_delete_post(struct req *r, struct err *e);
int admin_act_kinds_page(struct req *r, struct err *e);
int admin_act_kinds_post(struct req *r, struct err *e);
int admin_msg_page(struct req *r, struct err *e);
int admin_msg_reply_post(struct req *r, struct err *e);
int admin_msg_visibility_post(struct req *r, struct err *e);

/* admin_report.c: annual reports - the list, a year's workspace (live
 * tables, checks, narrative, publication), its live files. */
int admin_reports_page(struct req *r, struct err *e);
int admin_reports_open_page(struct req *r, struct err *e);
int admin_report_page(struct req *r, struct err *e);
int admin_report_sections_post(struct req *r, struct err *e);
int admin_report_publish_post(struct req *r, struct err *e);
int admin_report_json_page(struct req *r, struct err *e);
int admin_report_md_page(struct req *r, struct err *e);
int admin_report_file_page(struct req *r, struct err *e);

/* admin_rollup.c: the roll-up of an organ and its descendant organs - a
 * year's summed report and the status of each organ's report, and the
 * roll-up's files. */
int admin_rollup_page(struct req *r, struct err *e);
int admin_rollup_year_page(struct req *r, struct err *e);
int admin_rollup_json_page(struct req *r, struct err *e);
int admin_rollup_file_page(struct req *r, struct err *e);
struct organ;
struct tvars;
/* Sets "rollup_href" in v to the organ's roll-up for year (0: last year)
 * when the organ has descendant organs and the user may see it. */
int admin_rollup_link(struct req *r, const struct organ *o, int year,
		      struct tvars *v, struct err *e);
/* Sets due_year/due_date/due_overdue/due_who/due_href in v when the
 * organ's report on last year is not out yet (the workbench's warning). */
int admin_organ_report_warning(struct req *r, const struct organ *o,
			       struct tvars *v, struct err *e);
/* portal_report.c: published reports - by organ, and one report. */
int portal_reports_page(struct req *r, struct err *e);
int portal_report_page(struct req *r, struct err *e);
int portal_report_json_page(struct req *r, struct err *e);
int portal_report_file_page(struct req *r, struct err *e);

/* admin_calendar.c: the working-day calendar (admins). */
int admin_calendar_page(struct req *r, struct err *e);
int admin_calendar_post(struct req *r, struct err *e);

/* admin_category.c: an organ's category tree. */
int admin_categories_page(struct req *r, struct err *e);
int admin_category_new_post(struct req *r, struct err *e);
int admin_category_edit_post(struct req *r, struct err *e);
int admin_category_delete_post(struct req *r, struct err *e);

/* admin_user.c: staff accounts. */
int admin_users_page(struct req *r, struct err *e);
int admin_users_post(struct req *r, struct err *e);
int admin_user_disable_post(struct req *r, struct err *e);
int admin_user_enable_post(struct req *r, struct err *e);
int admin_user_password_post(struct req *r, struct err *e);

/* admin_audit.c: the audit log. */
int admin_audit_page(struct req *r, struct err *e);

/* admin_mail.c: the mail outbox. */
int admin_mail_page(struct req *r, struct err *e);
int admin_mail_retry_post(struct req *r, struct err *e);

/* api_organ.c: GET /api/v1/organs. */
int api_organ_list_page(struct req *r, struct err *e);
/* portal_search.c */
int portal_search_page(struct req *r, struct err *e);
int api_search_page(struct req *r, struct err *e);

/* static.c */
int static_file_page(struct req *r, struct err *e);

#endif
