/*
 * run.c - the unit test runner: the suite table, and `unit [SUITE...]` to
 * run all suites or the named ones. Prints "unit: N passed, N failed".
 */
#include "t.h"

#include "base/crypto.h"
#include "base/smtp.h"

#include <stdio.h>
#include <string.h>

int t_passed, t_failed, t_case_failed;
const char *t_suite = "";

void suite_buf(void);
void suite_html(void);
void suite_utf8(void);
void suite_date(void);
void suite_str(void);
void suite_conf(void);
void suite_crypto(void);
void suite_ident(void);
void suite_role(void);
void suite_tmpl(void);
void suite_store(void);
void suite_audit(void);
void suite_auth(void);
void suite_sanitize(void);
void suite_csv(void);
void suite_item(void);
void suite_deadline(void);
void suite_docx(void);
void suite_smtp(void);
void suite_outbox(void);
void suite_mailer(void);
void suite_metric(void);
void suite_rollup(void);
void suite_lawcase(void);
void suite_format(void);
void suite_activity(void);
void suite_activity_store(void);
void suite_narrative(void);
void suite_report_html(void);
void suite_report_grid(void);
void suite_report_docx(void);
void suite_report_pdf(void);
void suite_report_xlsx(void);
void suite_search(void);
void suite_extract(void);

static const struct {
	const char *name;
	void (*fn)(void);
} suites[] = {
	{"buf", suite_buf},     {"html", suite_html},
	{"utf8", suite_utf8},   {"date", suite_date},
	{"str", suite_str},     {"conf", suite_conf},
	{"crypto", suite_crypto}, {"ident", suite_ident},
	{"role", suite_role},   {"tmpl", suite_tmpl},
	{"store", suite_store}, {"audit", suite_audit},
	{"auth", suite_auth},   {"item", suite_item},
	{"sanitize", suite_sanitize}, {"csv", suite_csv},
	{"deadline", suite_deadline},
	{"docx", suite_docx},
	{"smtp", suite_smtp},   {"outbox", suite_outbox},
	{"mailer", suite_mailer}, {"metric", suite_metric},
	{"rollup", suite_rollup},
	{"lawcase", suite_lawcase},
	{"format", suite_format},
	{"activity", suite_activity},
	{"activity_store", suite_activity_store},
	{"narrative", suite_narrative},
	{"report_html", suite_report_html},
	{"report_grid", suite_report_grid},
	{"report_docx", suite_report_docx},
	{"report_pdf", suite_report_pdf},
	{"report_xlsx", suite_report_xlsx},
	{"search", suite_search},
	{"extract", suite_extract},
};

int main(int argc, char **argv)
{
	if (crypto_setup()) {
		fputs("cannot initialise libsodium\n", stderr);
		return 1;
	}
	if (smtp_setup()) {
		fputs("cannot initialise libcurl\n", stderr);
		return 1;
	}
	size_t n = sizeof suites / sizeof suites[0];
	for (size_t i = 0; i < n; i++) {
		int run = argc < 2;
		for (int k = 1; k < argc; k++) {
			run |= strcmp(argv[k], suites[i].name) == 0;
		}
		if (run) {
			t_suite = suites[i].name;
			suites[i].fn();
		}
	}
	printf("unit: %d passed, %d failed\n", t_passed, t_failed);
	return t_failed ? 1 : 0;
}
