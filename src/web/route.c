/*
 * route.c - THE route table and the dispatcher (see route.h). Read this
 * file to know every URL gongkai answers and who may call it.
 */
#include "web/route.h"

#include "base/log.h"
#include "base/str.h"
#include "base/utf8.h"
#include "store/organ.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#include <stdint.h>
#include <string.h>

/*---- Declared parameters ----*/

#define P(...) ((const struct param_def[]){__VA_ARGS__, {NULL, 0, 0, 0, 0}})

static const struct param_def p_login[] = {
	{"login", PK_TEXT, 64, 0, 0},
	{"password", PK_SECRET, 256, 0, 0},
	{"next", PK_PATH, 512, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_organ[] = {
	{"name", PK_TEXT, 400, 0, 0},
	{"short_name", PK_TEXT, 200, 0, 0},
	{"slug", PK_TEXT, 64, 0, 0},
	{"parent", PK_TEXT, 64, 0, 0},
	{"code", PK_TEXT, 64, 0, 0},
	{"credit_code", PK_TEXT, 64, 0, 0},
	{"office", PK_TEXT, 400, 0, 0},
	{"phone", PK_TEXT, 64, 0, 0},
	{"email", PK_TEXT, 254, 0, 0},
	{"address", PK_TEXT, 800, 0, 0},
	{"office_hours", PK_TEXT, 400, 0, 0},
	{"guide", PK_PARA, 80000, 0, 0},
	{"index_pattern", PK_TEXT, 80, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_user_new[] = {
	{"login", PK_TEXT, 64, 0, 0},
	{"display_name", PK_TEXT, 200, 0, 0},
	{"organ", PK_SLUG, 64, 0, 0},
	{"role", PK_SLUG, 16, 0, 0},
	{"password", PK_SECRET, 256, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_item[] = {
	{"title", PK_TEXT, 1200, 0, 0},
	{"doc_no", PK_TEXT, 400, 0, 0},
	{"category", PK_INT, 20, 1, INT64_MAX},
	{"kind", PK_TEXT, 32, 0, 0},
	{"summary", PK_PARA, 8000, 0, 0},
	{"body", PK_PARA, 4194304, 0, 0},
	{"written_date", PK_TEXT, 10, 0, 0},
	{"interprets", PK_TEXT, 20, 0, 0},
	{"channel", PK_SLUG, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_items[] = {
	{"status", PK_TEXT, 32, 0, 0},
	{"category", PK_TEXT, 20, 0, 0},
	{"kind", PK_TEXT, 32, 0, 0},
	{"year", PK_TEXT, 4, 0, 0},
	{"q", PK_TEXT, 200, 0, 0},
	{"page", PK_INT, 10, 1, 1000000},
	{"done", PK_SLUG, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_act[] = {
	{"action", PK_TEXT, 32, 0, 0},
	{"note", PK_PARA, 8000, 0, 0},
	{"when", PK_TEXT, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_bulk[] = {
	{"action", PK_TEXT, 32, 0, 0},
	{"note", PK_PARA, 8000, 0, 0},
	{"id", PK_INT, 20, 1, INT64_MAX},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_category[] = {
	{"name", PK_TEXT, 200, 0, 0},
	{"parent", PK_TEXT, 20, 0, 0},
	{"section", PK_SLUG, 16, 0, 0},
	{"position", PK_INT, 6, 0, 99999},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_catalog[] = {
	{"category", PK_TEXT, 32, 0, 0},
	{"year", PK_TEXT, 32, 0, 0},
	{"kind", PK_TEXT, 32, 0, 0},
	{"validity", PK_TEXT, 32, 0, 0},
	{"page", PK_INT, 10, 1, 1000000000},
	{NULL, 0, 0, 0, 0},
};

/* Search (portal_search.c): every value is checked there, so the API can
 * answer a bad one in JSON. */
static const struct param_def p_search[] = {
	{"q", PK_PARA, 2000, 0, 0},
	{"organ", PK_TEXT, 64, 0, 0},
	{"category", PK_TEXT, 32, 0, 0},
	{"kind", PK_TEXT, 32, 0, 0},
	{"year", PK_TEXT, 32, 0, 0},
	{"validity", PK_TEXT, 32, 0, 0},
	{"sort", PK_TEXT, 32, 0, 0},
	{"page", PK_TEXT, 32, 0, 0},
	{"per_page", PK_TEXT, 32, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_apps[] = {
	{"status", PK_TEXT, 32, 0, 0},
	{"channel", PK_TEXT, 32, 0, 0},
	{"kind", PK_TEXT, 32, 0, 0},
	{"outcome", PK_TEXT, 32, 0, 0},
	{"year", PK_TEXT, 4, 0, 0},
	{"q", PK_TEXT, 200, 0, 0},
	{"due", PK_SLUG, 16, 0, 0},
	{"page", PK_INT, 10, 1, 1000000},
	{"done", PK_SLUG, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/* The applicant fields; the public form (portal_apply.c) uses the same
 * names. */
#define APPLICANT_PARAMS                                                   \
	{"applicant_kind", PK_TEXT, 32, 0, 0},                             \
	{"applicant_name", PK_TEXT, 400, 0, 0},                            \
	{"id_type", PK_TEXT, 32, 0, 0}, {"id_number", PK_TEXT, 160, 0, 0}, \
	{"legal_rep", PK_TEXT, 200, 0, 0},                                 \
	{"contact_person", PK_TEXT, 200, 0, 0},                            \
	{"phone", PK_TEXT, 160, 0, 0}, {"email", PK_TEXT, 254, 0, 0},      \
	{"address", PK_TEXT, 800, 0, 0}, {"postcode", PK_TEXT, 40, 0, 0},  \
	{"request", PK_PARA, 20000, 0, 0},                                 \
	{"doc_no", PK_TEXT, 800, 0, 0}, {"purpose", PK_PARA, 4000, 0, 0},  \
	{"delivery", PK_TEXT, 32, 0, 0}

static const struct param_def p_app_new[] = {
	APPLICANT_PARAMS,
	{"channel", PK_TEXT, 32, 0, 0},
	{"submitted", PK_TEXT, 10, 0, 0},
	{"received", PK_TEXT, 10, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_app_act[] = {
	{"action", PK_TEXT, 32, 0, 0},
	{"date", PK_TEXT, 10, 0, 0},
	{"until", PK_TEXT, 10, 0, 0},
	{"days", PK_TEXT, 4, 0, 0},
	{"units", PK_TEXT, 8, 0, 0},
	{"outcome", PK_TEXT, 64, 0, 0},
	{"consult_kind", PK_TEXT, 32, 0, 0},
	{"consult", PK_TEXT, 20, 0, 0},
	{"method", PK_TEXT, 16, 0, 0},
	{"text", PK_PARA, 80000, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_cases[] = {
	{"kind", PK_TEXT, 32, 0, 0},
	{"result", PK_TEXT, 32, 0, 0},
	{"year", PK_TEXT, 4, 0, 0},
	{"page", PK_INT, 10, 1, 1000000},
	{"done", PK_SLUG, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/* A case's form (admin_case.c); lengths in bytes: up to four per
 * character of the limits of lawcase_check. */
static const struct param_def p_case[] = {
	{"kind", PK_TEXT, 32, 0, 0},
	{"result", PK_TEXT, 32, 0, 0},
	{"filed_date", PK_TEXT, 40, 0, 0},
	{"closed_date", PK_TEXT, 40, 0, 0},
	{"case_no", PK_TEXT, 400, 0, 0},
	{"authority", PK_TEXT, 400, 0, 0},
	{"party", PK_TEXT, 800, 0, 0},
	{"subject", PK_TEXT, 2000, 0, 0},
	{"note", PK_PARA, 8000, 0, 0},
	{"application", PK_TEXT, 160, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/* The online application form (portal_apply.c); `website` is the
 * honeypot, which people leave empty. Lengths in bytes: up to four per
 * character of the limits of app_check. */
static const struct param_def p_apply[] = {
	{"kind", PK_TEXT, 32, 0, 0},
	{"name", PK_TEXT, 400, 0, 0},
	{"id_type", PK_TEXT, 32, 0, 0},
	{"id_number", PK_TEXT, 160, 0, 0},
	{"legal_rep", PK_TEXT, 200, 0, 0},
	{"contact_person", PK_TEXT, 200, 0, 0},
	{"phone", PK_TEXT, 160, 0, 0},
	{"email", PK_TEXT, 1016, 0, 0},
	{"address", PK_TEXT, 800, 0, 0},
	{"postcode", PK_TEXT, 40, 0, 0},
	{"request", PK_PARA, 20000, 0, 0},
	{"doc_no", PK_TEXT, 800, 0, 0},
	{"purpose", PK_PARA, 4000, 0, 0},
	{"delivery", PK_TEXT, 16, 0, 0},
	{"website", PK_TEXT, 1000, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/* An activity entry (admin_activity.c). count and amount are text so
 * that the rules of domain/activity say what is wrong with them. */
static const struct param_def p_activity[] = {
	{"date", PK_TEXT, 32, 0, 0},
	{"count", PK_TEXT, 32, 0, 0},
	{"amount", PK_TEXT, 64, 0, 0},
	{"title", PK_TEXT, 800, 0, 0},
	{"note", PK_PARA, 20000, 0, 0},
	{"reply", PK_PARA, 20000, 0, 0},
	{"reply_date", PK_TEXT, 32, 0, 0},
	{NULL, 0, 0, 0, 0},
};

static const struct param_def p_activities[] = {
	{"year", PK_INT, 4, 0, 9999},
	{"page", PK_INT, 10, 1, 1000000},
	{"done", PK_SLUG, 16, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/* The public message form (portal_message.c); `website` is the
 * honeypot. Lengths in bytes: four per character of act_message_check's
 * limits. */
static const struct param_def p_message[] = {
	{"name", PK_TEXT, 200, 0, 0},
	{"phone", PK_TEXT, 160, 0, 0},
	{"email", PK_TEXT, 1016, 0, 0},
	{"subject", PK_TEXT, 400, 0, 0},
	{"question", PK_PARA, 8000, 0, 0},
	{"consent", PK_TEXT, 8, 0, 0},
	{"website", PK_TEXT, 1000, 0, 0},
	{NULL, 0, 0, 0, 0},
};

/*---- The table ----*/

static const struct route {
	const char *method;
	/* {x} matches one non-empty path segment; {*x} at the end matches
	 * the rest of the path, '/' included */
	const char *pattern;
	enum perm perm;
	const struct param_def *params;
	handler_fn fn;
} routes[] = {
	{"GET", "/", PERM_PUBLIC, NULL, portal_home_page},
	{"GET", "/organ/{slug}/", PERM_PUBLIC, NULL, portal_organ_page},
	{"GET", "/organ/{slug}/xxgk/", PERM_PUBLIC, NULL, portal_xxgk_page},
	{"GET", "/organ/{slug}/xxgk/list", PERM_PUBLIC, p_catalog,
	 portal_xxgk_list_page},
	{"GET", "/organ/{slug}/item/{*index}", PERM_PUBLIC,
	 P({"view", PK_SLUG, 16, 0, 0}), portal_item_page},
	{"GET", "/organ/{slug}/attachment/{id}", PERM_PUBLIC, NULL,
	 portal_attachment_page},
	{"GET", "/organ/{slug}/feed.rss", PERM_PUBLIC,
	 P({"category", PK_TEXT, 32, 0, 0}), portal_feed_rss_page},
	{"GET", "/organ/{slug}/feed.atom", PERM_PUBLIC,
	 P({"category", PK_TEXT, 32, 0, 0}), portal_feed_atom_page},
	{"GET", "/organ/{slug}/led.txt", PERM_PUBLIC,
	 P({"n", PK_INT, 4, 1, 50}), portal_led_txt_page},
	{"GET", "/organ/{slug}/led.json", PERM_PUBLIC,
	 P({"n", PK_INT, 4, 1, 50}), portal_led_json_page},
	{"GET", "/organ/{slug}/bulletin", PERM_PUBLIC,
	 P({"week", PK_TEXT, 32, 0, 0}), portal_bulletin_page},
	{"GET", "/organ/{slug}/catalog.json", PERM_PUBLIC, NULL,
	 portal_catalog_json_page},
	{"GET", "/organ/{slug}/catalog.csv", PERM_PUBLIC, NULL,
	 portal_catalog_csv_page},
	{"GET", "/organ/{slug}/reports", PERM_PUBLIC, NULL,
	 portal_reports_page},
	{"GET", "/organ/{slug}/report/{year}", PERM_PUBLIC,
	 P({"v", PK_INT, 4, 1, 999}), portal_report_page},
	{"GET", "/organ/{slug}/report/{year}/report.json", PERM_PUBLIC,
	 P({"v", PK_INT, 4, 1, 999}), portal_report_json_page},
	/* the office files (render/report_office.c: docx, ...) */
	{"GET", "/organ/{slug}/report/{year}/report.{ext}", PERM_PUBLIC,
	 P({"v", PK_INT, 4, 1, 999}), portal_report_file_page},
	{"GET", "/organ/{slug}/apply", PERM_PUBLIC, NULL, portal_apply_page},
	{"POST", "/organ/{slug}/apply", PERM_PUBLIC, p_apply,
	 portal_apply_post},
	{"GET", "/apply/done", PERM_PUBLIC, NULL, portal_apply_done_page},
	{"GET", "/apply/status", PERM_PUBLIC, P({"code", PK_TEXT, 64, 0, 0}),
	 portal_apply_status_page},
	{"POST", "/apply/status", PERM_PUBLIC,
	 P({"code", PK_TEXT, 64, 0, 0}, {"contact", PK_TEXT, 1016, 0, 0}),
	 portal_apply_status_post},
	{"GET", "/organ/{slug}/messages", PERM_PUBLIC,
	 P({"page", PK_INT, 10, 1, 1000000000}), portal_messages_page},
	{"POST", "/organ/{slug}/messages", PERM_PUBLIC, p_message,
	 portal_messages_post},
	{"GET", "/messages/done", PERM_PUBLIC, NULL, portal_message_done_page},
	{"GET", "/messages/status", PERM_PUBLIC,
	 P({"code", PK_TEXT, 64, 0, 0}), portal_message_status_page},
	{"POST", "/messages/status", PERM_PUBLIC,
	 P({"code", PK_TEXT, 64, 0, 0}), portal_message_status_post},
	{"GET", "/static/{file}", PERM_PUBLIC, NULL, static_file_page},
	{"GET", "/api/v1/organs", PERM_PUBLIC, NULL, api_organ_list_page},
	{"GET", "/search", PERM_PUBLIC, p_search, portal_search_page},
	{"GET", "/api/v1/search", PERM_PUBLIC, p_search, api_search_page},
	{"GET", "/login", PERM_PUBLIC, P({"next", PK_PATH, 512, 0, 0}),
	 admin_login_page},
	{"POST", "/login", PERM_PUBLIC, p_login, admin_login_post},
	{"POST", "/logout", PERM_PUBLIC, NULL, admin_logout_post},
	{"GET", "/admin/", PERM_STAFF, NULL, admin_home_page},
	{"GET", "/admin/password", PERM_STAFF, NULL, admin_password_page},
	{"POST", "/admin/password", PERM_STAFF,
	 P({"current", PK_SECRET, 256, 0, 0}, {"password", PK_SECRET, 256, 0, 0},
	   {"confirm", PK_SECRET, 256, 0, 0}),
	 admin_password_post},
	{"GET", "/admin/o/{slug}/", PERM_ORGAN, P({"done", PK_SLUG, 16, 0, 0}),
	 admin_organ_page},
	{"GET", "/admin/o/{slug}/edit", PERM_ORGAN, NULL,
	 admin_organ_edit_page},
	{"POST", "/admin/o/{slug}/edit", PERM_ORGAN, p_organ,
	 admin_organ_edit_post},
	{"GET", "/admin/o/{slug}/items", PERM_ORGAN, p_items,
	 admin_items_page},
	{"POST", "/admin/o/{slug}/items/bulk", PERM_ORGAN, p_bulk,
	 admin_items_bulk_post},
	{"GET", "/admin/o/{slug}/items/new", PERM_ORGAN, NULL,
	 admin_item_new_page},
	{"POST", "/admin/o/{slug}/items/new", PERM_ORGAN, p_item,
	 admin_item_new_post},
	{"GET", "/admin/o/{slug}/items/{id}", PERM_ORGAN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_item_page},
	{"GET", "/admin/o/{slug}/items/{id}/edit", PERM_ORGAN, NULL,
	 admin_item_edit_page},
	{"POST", "/admin/o/{slug}/items/{id}/edit", PERM_ORGAN, p_item,
	 admin_item_edit_post},
	{"POST", "/admin/o/{slug}/items/{id}/act", PERM_ORGAN, p_act,
	 admin_item_act_post},
	{"POST", "/admin/o/{slug}/items/{id}/delete", PERM_ORGAN, NULL,
	 admin_item_delete_post},
	{"POST", "/admin/o/{slug}/items/{id}/attachments", PERM_ORGAN, NULL,
	 admin_item_upload_post},
	{"POST", "/admin/o/{slug}/items/{id}/attachments/{aid}/delete",
	 PERM_ORGAN, NULL, admin_item_unattach_post},
	{"GET", "/admin/o/{slug}/attachment/{aid}", PERM_ORGAN, NULL,
	 admin_attachment_page},
	{"GET", "/admin/o/{slug}/queue", PERM_ORGAN, NULL, admin_queue_page},
	{"GET", "/admin/o/{slug}/categories", PERM_ORGAN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_categories_page},
	{"POST", "/admin/o/{slug}/categories", PERM_ORGAN, p_category,
	 admin_category_new_post},
	{"POST", "/admin/o/{slug}/categories/{id}", PERM_ORGAN, p_category,
	 admin_category_edit_post},
	{"POST", "/admin/o/{slug}/categories/{id}/delete", PERM_ORGAN, NULL,
	 admin_category_delete_post},
	{"GET", "/admin/o/{slug}/applications", PERM_ORGAN, p_apps,
	 admin_apps_page},
	{"GET", "/admin/o/{slug}/applications/new", PERM_ORGAN, NULL,
	 admin_app_new_page},
	{"POST", "/admin/o/{slug}/applications/new", PERM_ORGAN, p_app_new,
	 admin_app_new_post},
	{"GET", "/admin/o/{slug}/applications/{id}", PERM_ORGAN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_app_page},
	{"POST", "/admin/o/{slug}/applications/{id}/act", PERM_ORGAN,
	 p_app_act, admin_app_act_post},
	{"POST", "/admin/o/{slug}/applications/{id}/files", PERM_ORGAN, NULL,
	 admin_app_upload_post},
	{"GET", "/admin/o/{slug}/applications/{id}/files/{fid}", PERM_ORGAN,
	 NULL, admin_app_file_page},
	{"GET", "/admin/o/{slug}/applications/{id}/letter", PERM_ORGAN,
	 P({"kind", PK_SLUG, 16, 0, 0}), admin_app_letter_page},
	{"GET", "/admin/o/{slug}/applications/{id}/letter.docx", PERM_ORGAN,
	 P({"kind", PK_SLUG, 16, 0, 0}), admin_app_letter_docx_page},
	{"GET", "/admin/o/{slug}/baselines", PERM_ORGAN,
	 P({"year", PK_TEXT, 4, 0, 0}, {"done", PK_SLUG, 16, 0, 0}),
	 admin_baselines_page},
	{"POST", "/admin/o/{slug}/baselines", PERM_ORGAN,
	 P({"metric", PK_TEXT, 64, 0, 0}, {"year", PK_TEXT, 8, 0, 0},
	   {"value", PK_TEXT, 20, 0, 0}, {"note", PK_TEXT, 400, 0, 0}),
	 admin_baselines_post},
	{"POST", "/admin/o/{slug}/baselines/{id}/delete", PERM_ORGAN, NULL,
	 admin_baseline_delete_post},
	{"GET", "/admin/o/{slug}/cases", PERM_ORGAN, p_cases,
	 admin_cases_page},
	{"GET", "/admin/o/{slug}/cases/new", PERM_ORGAN,
	 P({"application", PK_TEXT, 160, 0, 0}), admin_case_new_page},
	{"POST", "/admin/o/{slug}/cases/new", PERM_ORGAN, p_case,
	 admin_case_new_post},
	{"GET", "/admin/o/{slug}/cases/{id}", PERM_ORGAN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_case_page},
	{"GET", "/admin/o/{slug}/cases/{id}/edit", PERM_ORGAN, NULL,
	 admin_case_edit_page},
	{"POST", "/admin/o/{slug}/cases/{id}/edit", PERM_ORGAN, p_case,
	 admin_case_edit_post},
	{"POST", "/admin/o/{slug}/cases/{id}/close", PERM_ORGAN,
	 P({"result", PK_TEXT, 32, 0, 0}, {"closed_date", PK_TEXT, 40, 0, 0}),
	 admin_case_close_post},
	{"POST", "/admin/o/{slug}/cases/{id}/delete", PERM_ORGAN, NULL,
	 admin_case_delete_post},
	{"POST", "/admin/o/{slug}/cases/{id}/files", PERM_ORGAN, NULL,
	 admin_case_upload_post},
	{"GET", "/admin/o/{slug}/cases/{id}/files/{fid}", PERM_ORGAN, NULL,
	 admin_case_file_page},
	{"GET", "/admin/o/{slug}/activities", PERM_ORGAN, p_activities,
	 admin_acts_page},
	{"GET", "/admin/o/{slug}/activities/{kind}", PERM_ORGAN, p_activities,
	 admin_act_kind_page},
	{"POST", "/admin/o/{slug}/activities/{kind}", PERM_ORGAN, p_activity,
	 admin_act_new_post},
	{"GET", "/admin/o/{slug}/activities/{kind}/{id}/edit", PERM_ORGAN,
	 p_activities, admin_act_edit_page},
	{"POST", "/admin/o/{slug}/activities/{kind}/{id}/edit", PERM_ORGAN,
	 p_activity, admin_act_edit_post},
	{"GET", "/admin/o/{slug}/activities/{kind}/{id}/delete", PERM_ORGAN,
	 NULL, admin_act_delete_page},
	{"POST", "/admin/o/{slug}/activities/{kind}/{id}/delete", PERM_ORGAN,
	 NULL, admin_act_delete_post},
	{"GET", "/admin/o/{slug}/messages/{id}", PERM_ORGAN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_msg_page},
	{"POST", "/admin/o/{slug}/messages/{id}/reply", PERM_ORGAN,
	 P({"reply", PK_PARA, 20000, 0, 0}, {"reply_date", PK_TEXT, 32, 0, 0}),
	 admin_msg_reply_post},
	{"POST", "/admin/o/{slug}/messages/{id}/visibility", PERM_ORGAN,
	 P({"hidden", PK_INT, 1, 0, 1}), admin_msg_visibility_post},
	{"GET", "/admin/activity-kinds", PERM_ADMIN,
	 P({"done", PK_SLUG, 16, 0, 0}), admin_act_kinds_page},
	{"POST", "/admin/activity-kinds", PERM_ADMIN,
	 P({"code", PK_TEXT, 64, 0, 0}, {"label", PK_TEXT, 200, 0, 0},
	   {"measure", PK_SLUG, 16, 0, 0}, {"has_reply", PK_TEXT, 8, 0, 0}),
	 admin_act_kinds_post},
	{"GET", "/admin/o/{slug}/reports", PERM_ORGAN, NULL,
	 admin_reports_page},
	{"GET", "/admin/o/{slug}/reports/open", PERM_ORGAN,
	 P({"year", PK_TEXT, 4, 0, 0}, {"format", PK_SLUG, 64, 0, 0}),
	 admin_reports_open_page},
	{"GET", "/admin/o/{slug}/reports/{year}", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}, {"done", PK_SLUG, 16, 0, 0}),
	 admin_report_page},
	{"POST", "/admin/o/{slug}/reports/{year}/sections", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}, {"action", PK_SLUG, 16, 0, 0},
	   {"s_overview", PK_PARA, 80000, 0, 0},
	   {"s_active", PK_PARA, 80000, 0, 0},
	   {"s_applications", PK_PARA, 80000, 0, 0},
	   {"s_cases", PK_PARA, 80000, 0, 0},
	   {"s_problems", PK_PARA, 80000, 0, 0},
	   {"s_other", PK_PARA, 80000, 0, 0}),
	 admin_report_sections_post},
	{"POST", "/admin/o/{slug}/reports/{year}/publish", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}, {"override", PK_PARA, 4000, 0, 0}),
	 admin_report_publish_post},
	{"GET", "/admin/o/{slug}/reports/{year}/report.json", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_report_json_page},
	{"GET", "/admin/o/{slug}/reports/{year}/report.md", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_report_md_page},
	{"GET", "/admin/o/{slug}/reports/{year}/report.{ext}", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_report_file_page},
	{"GET", "/admin/o/{slug}/rollup", PERM_ORGAN,
	 P({"year", PK_TEXT, 4, 0, 0}, {"format", PK_SLUG, 64, 0, 0}),
	 admin_rollup_page},
	{"GET", "/admin/o/{slug}/rollup/{year}", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_rollup_year_page},
	{"GET", "/admin/o/{slug}/rollup/{year}/rollup.json", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_rollup_json_page},
	{"GET", "/admin/o/{slug}/rollup/{year}/rollup.{ext}", PERM_ORGAN,
	 P({"format", PK_SLUG, 64, 0, 0}), admin_rollup_file_page},
	{"GET", "/admin/organs", PERM_ADMIN, P({"done", PK_SLUG, 16, 0, 0}),
	 admin_organs_page},
	{"GET", "/admin/organs/new", PERM_ADMIN, NULL, admin_organ_new_page},
	{"POST", "/admin/organs/new", PERM_ADMIN, p_organ,
	 admin_organ_new_post},
	{"GET", "/admin/users", PERM_ADMIN, P({"done", PK_SLUG, 16, 0, 0}),
	 admin_users_page},
	{"POST", "/admin/users", PERM_ADMIN, p_user_new, admin_users_post},
	{"POST", "/admin/users/{id}/disable", PERM_ADMIN, NULL,
	 admin_user_disable_post},
	{"POST", "/admin/users/{id}/enable", PERM_ADMIN, NULL,
	 admin_user_enable_post},
	{"POST", "/admin/users/{id}/password", PERM_ADMIN,
	 P({"password", PK_SECRET, 256, 0, 0}), admin_user_password_post},
	{"GET", "/admin/calendar", PERM_ADMIN, P({"done", PK_SLUG, 16, 0, 0}),
	 admin_calendar_page},
	{"POST", "/admin/calendar", PERM_ADMIN,
	 P({"csv", PK_PARA, 200000, 0, 0}), admin_calendar_post},
	{"GET", "/admin/audit", PERM_ADMIN,
	 P({"page", PK_INT, 10, 1, 1000000000}), admin_audit_page},
	{"GET", "/admin/mail", PERM_ADMIN,
	 P({"state", PK_SLUG, 16, 0, 0}, {"page", PK_INT, 10, 1, 1000000000},
	   {"done", PK_SLUG, 16, 0, 0}),
	 admin_mail_page},
	{"POST", "/admin/mail/{id}/retry", PERM_ADMIN, NULL,
	 admin_mail_retry_post},
};
#define NROUTES (sizeof routes / sizeof routes[0])

/*---- Matching ----*/

/* Matches path against pattern; on success stores captures in r->cap. */
static int match(const char *pattern, const char *path, struct req *r)
{
	char *caps[REQ_MAXCAP] = {0};
	int ncap = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			/* {*name}: the rest of the path, slashes and all */
			size_t n = p[1] == '*' ? strlen(s) : strcspn(s, "/");
			if (!pe || n == 0 || ncap == REQ_MAXCAP) {
				goto no;
			}
			caps[ncap++] = xstrndup(s, n);
			p = pe + 1;
			s += n;
			continue;
		}
		if (*p != *s) {
			goto no;
		}
		p++;
		s++;
	}
	if (*p || *s) {
		goto no;
	}
	for (int i = 0; i < REQ_MAXCAP; i++) {
		free(r->cap[i]);
		r->cap[i] = caps[i];
	}
	return 1;
no:
	for (int i = 0; i < ncap; i++) {
		free(caps[i]);
	}
	return 0;
}

static int method_is(const struct req *r, const char *m)
{
	if (strcmp(m, "GET") == 0 && strcmp(r->method, "HEAD") == 0) {
		return 1;
	}
	return strcmp(r->method, m) == 0;
}

/*---- Parameters ----*/

static int check_param(const struct param_def *d, const char *v,
		       struct err *e)
{
	size_t n = strlen(v);
	if (n > d->max) {
		return err_set_http(e, ERR_LIMIT, 413,
				    "字段“%s”过长(最多 %zu 字节)。", d->name,
				    d->max);
	}
	if (!utf8_valid(v, n)) {
		return err_set(e, ERR_INPUT, "字段“%s”不是有效的 UTF-8 文本。",
			       d->name);
	}
	switch (d->kind) {
	case PK_TEXT:
		if (strpbrk(v, "\r\n")) {
			return err_set(e, ERR_INPUT, "字段“%s”不能换行。",
				       d->name);
		}
		break;
	case PK_PARA:
	case PK_SECRET:
		break;
	case PK_INT: {
		int64_t x;
		if (str_to_i64(v, d->min, d->maxv, &x)) {
			return err_set(e, ERR_INPUT,
				       "字段“%s”须为 %lld 到 %lld 之间的整数。",
				       d->name, d->min, d->maxv);
		}
		break;
	}
	case PK_SLUG:
		if (n && strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
				 n) {
			return err_set(e, ERR_INPUT, "字段“%s”格式不正确。",
				       d->name);
		}
		break;
	case PK_PATH:
		if (n && (v[0] != '/' || v[1] == '/' || v[1] == '\\' ||
			  strpbrk(v, "\r\n\\"))) {
			return err_set(e, ERR_INPUT, "字段“%s”不是本站地址。",
				       d->name);
		}
		break;
	}
	return 0;
}

/* Copies the declared parameters from the query (GET) or form (POST). */
static int collect(struct req *r, const struct param_def *defs,
		   struct err *e)
{
	const struct kvlist *src =
		method_is(r, "GET") ? &r->query : &r->form;
	for (const struct param_def *d = defs; d && d->name; d++) {
		/* every occurrence (check boxes, multiple selections) */
		for (size_t i = 0; i < src->n; i++) {
			if (strcmp(src->v[i].k, d->name) != 0) {
				continue;
			}
			if (check_param(d, src->v[i].v, e)) {
				return -1;
			}
			kv_add(&r->params, d->name, src->v[i].v);
		}
	}
	return 0;
}

/*---- Permission ----*/

static int allowed(struct req *r, const struct route *rt, struct err *e)
{
	if (rt->perm == PERM_PUBLIC) {
		return 1;
	}
	if (!r->logged_in) {
		return 0;
	}
	switch (rt->perm) {
	case PERM_STAFF:
		return 1;
	case PERM_ADMIN:
		if (!role_is_admin(r->user.role)) {
			return err_set(e, ERR_DENIED,
				       "此页面仅限系统管理员访问。");
		}
		return 1;
	case PERM_ORGAN: {
		struct organ o;
		int rc = organ_by_slug(r->st, r->cap[0], &o, e);
		if (rc <= 0) {
			return rc < 0 ? -1
				      : err_set(e, ERR_NOTFOUND, "没有这个机关。");
		}
		int ok = role_may_enter(r->user.role, r->user.organ_id, o.id);
		organ_clear(&o);
		if (!ok) {
			return err_set(e, ERR_DENIED,
				       "您只能进入本机关的后台。");
		}
		return 1;
	}
	default:
		return 0;
	}
}

int route_organ(struct req *r, struct organ *o, struct err *e)
{
	memset(o, 0, sizeof *o);
	int rc = organ_by_slug(r->st, r->cap[0] ? r->cap[0] : "", o, e);
	if (rc == 0) {
		return err_set(e, ERR_NOTFOUND, "没有这个机关。");
	}
	return rc < 0 ? -1 : 0;
}

/*---- Dispatch ----*/

void route_dispatch(struct req *r)
{
	struct err e = {0};
	const struct route *rt = NULL;
	int path_known = 0;
	Buf allow = BUF_INIT;
	r->no_store = 1;

	if (!utf8_valid(r->path, strlen(r->path))) {
		err_set(&e, ERR_INPUT, "请求地址不是有效的 UTF-8。");
		goto fail;
	}
	for (size_t i = 0; i < NROUTES; i++) {
		if (!match(routes[i].pattern, r->path, r)) {
			continue;
		}
		path_known = 1;
		buf_printf(&allow, "%s%s", allow.n ? ", " : "",
			   routes[i].method);
		if (!rt && method_is(r, routes[i].method)) {
			rt = &routes[i];
		}
	}
	if (rt) {
		/* captures of the chosen route */
		match(rt->pattern, r->path, r);
	}
	if (auth_load(r, &e)) {
		goto fail;
	}
	if (!path_known) {
		/* One trailing slash more or less: redirect to the real URL. */
		Buf alt = BUF_INIT;
		size_t n = strlen(r->path);
		if (n > 1 && r->path[n - 1] == '/') {
			buf_append(&alt, r->path, n - 1);
		} else {
			buf_printf(&alt, "%s/", r->path);
		}
		int found = 0;
		for (size_t i = 0; i < NROUTES && !found; i++) {
			found = method_is(r, "GET") &&
				strcmp(routes[i].method, "GET") == 0 &&
				match(routes[i].pattern, buf_str(&alt), r);
		}
		if (found) {
			Buf loc = BUF_INIT;
			/* re-encode the path segment by segment */
			const char *p = buf_str(&alt);
			while (*p) {
				size_t k = strcspn(p, "/");
				char *seg = xstrndup(p, k);
				url_printf(&loc, "%s", seg);
				free(seg);
				p += k;
				if (*p == '/') {
					buf_putc(&loc, '/');
					p++;
				}
			}
			resp_redirect(r, buf_str(&loc));
			r->status = 308;
			buf_free(&loc);
			buf_free(&alt);
			goto done;
		}
		buf_free(&alt);
		err_set(&e, ERR_NOTFOUND, "您访问的页面不存在,可能已被移动或删除。");
		goto fail;
	}
	if (!rt) {
		resp_header(r, "Allow", buf_str(&allow));
		err_set_http(&e, ERR_INPUT, 405, "此地址不支持 %s 请求。",
			     r->method);
		goto fail;
	}
	if (!method_is(r, "GET") && !auth_csrf_ok(r)) {
		log_msg(LOG_WARN, r->rid, "CSRF check failed: %s %s",
			r->method, r->path);
		err_set(&e, ERR_DENIED,
			"表单已过期或来源无法验证,请返回上一页刷新后重新提交。");
		goto fail;
	}
	int ok = allowed(r, rt, &e);
	if (ok < 0) {
		goto fail;
	}
	if (ok == 0) {
		if (method_is(r, "GET")) {
			Buf loc = BUF_INIT;
			url_printf(&loc, "/login?next=%s", r->path);
			resp_redirect(r, buf_str(&loc));
			buf_free(&loc);
			goto done;
		}
		err_set(&e, ERR_DENIED, "请先登录。");
		goto fail;
	}
	if (collect(r, rt->params, &e) || rt->fn(r, &e)) {
		goto fail;
	}
	goto done;
fail:
	layout_error_page(r, &e);
done:
	buf_free(&allow);
}
