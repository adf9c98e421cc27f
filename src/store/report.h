/*
 * report.h - annual reports (年度报告) in the database: the draft of an
 * organ's report for a year in a format (its narrative sections), and
 * publication, which freezes the computed report (the JSON of DESIGN.md
 * §6 with the narrative filled in) so that later changes to the records
 * never change a published report, and adds the annual_report catalog
 * item in the same transaction. A correction is a new version, published
 * over the old one.
 */
#ifndef GK_STORE_REPORT_H
#define GK_STORE_REPORT_H

#include "store/item.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

enum report_status { RS_DRAFT, RS_PUBLISHED, RS_SUPERSEDED };

struct report {
	int64_t id, organ_id;
	int year, version;
	char *format;
	enum report_status status;
	char *sections;      /* JSON object: section id -> narrative text */
	char *frozen;        /* published report JSON, or NULL */
	char *override_note; /* "" unless published over failing checks */
	int64_t item_id;     /* the catalog item, 0 for drafts */
	char *item_index_no; /* its index number, or NULL */
	char *published_at;  /* UTC timestamp, or NULL */
	int64_t published_by;
	char *created_at, *updated_at;
};

void report_clear(struct report *r);
void report_list_free(struct report *v, size_t n);
const char *report_status_label(enum report_status s);

/* The open draft of the organ's report for year in format, created when
 * there is none (version: one more than the latest; narrative copied
 * from the latest published version). */
int report_draft(store *st, const struct actor *who, int64_t organ_id,
		 int year, const char *format, struct report *out,
		 struct err *e);

/* One of the organ's reports; ERR_NOTFOUND when it has no such id. */
int report_get(store *st, int64_t organ_id, int64_t id, struct report *out,
	       struct err *e);

/* Replaces a draft's narrative (a JSON object of section texts, checked
 * by the caller); audited. ERR_CONFLICT when it is not a draft. */
int report_set_sections(store *st, const struct actor *who, int64_t organ_id,
			int64_t id, const char *sections, struct err *e);

/* A file attached to the catalog item of a published report (the
 * report as DOCX, ...): all borrowed for the call. */
struct report_file {
	const char *name, *ctype; /* checked with item_attachment_check */
	const void *data;
	size_t size;
};

/* Publishes draft id: stores frozen (the report JSON) and override_note
 * (required by the caller when a check failed), marks the earlier
 * published version superseded, creates the catalog item it (kind
 * annual_report, published today; it->organ_id set by the caller) and
 * attaches files[0..nfiles) to it, all in one transaction. Audited as
 * report.publish with the note (and attachment.add per file).
 * ERR_CONFLICT when id is not a draft. */
int report_publish(store *st, const struct actor *who, int64_t organ_id,
		   int64_t id, const char *frozen, const char *override_note,
		   struct item *it, const struct report_file *files,
		   size_t nfiles, struct err *e);

/* The organ's reports (organ_id 0: every organ's), newest year first,
 * then format and version (newest first); published_only skips drafts
 * and superseded versions. */
int report_list(store *st, int64_t organ_id, int published_only,
		struct report **out, size_t *n, struct err *e);

/* The published (current) version of the organ's report for year: the
 * latest published in any format. 1 found, 0 none, -1 error. */
int report_published(store *st, int64_t organ_id, int year,
		     struct report *out, struct err *e);

#endif
