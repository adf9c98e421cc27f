/*
 * report.h - what the back office's report pages (admin_report.c) and
 * the portal's (portal_report.c) share: choosing and loading a format,
 * computing a year's report live, filling the narrative, the body of a
 * report page (sections with their text and tables), and the legal date
 * of a year's report (art. 49).
 */
#ifndef GK_WEB_REPORT_H
#define GK_WEB_REPORT_H

#include "domain/crosscheck.h"
#include "domain/format.h"
#include "domain/mvals.h"
#include "render/report_doc.h"
#include "render/report_office.h"
#include "render/tmpl.h"
#include "web/http.h"

#include <jansson.h>

struct organ;

/* The format a year's report uses unless one is chosen: the national
 * 2021 format from 2021 on, the 2019 trial format for 2019 and 2020,
 * else the seed's county format. */
const char *report_default_format(int year);

/* Adds the shipped formats as the options "formats" of v (value and
 * label the id), `sel` selected. */
void report_format_options(tvars *v, const char *sel);

/* Loads format id through the installation's data directory. */
int report_load_format(struct req *r, const char *id, struct format *f,
		       struct err *e);

/* A year's report computed from the records now: *m the year's metrics,
 * *cells every cell (both empty before; the caller frees). */
int report_compute(struct req *r, const struct organ *o,
		   const struct format *f, int year, struct mvals *m,
		   struct cellset *cells, struct err *e);

/* Section texts (JSON object id -> text) with placeholders filled for
 * year, as a JSON object the caller decrefs; NULL with e when a text does
 * not fill (a stored text is checked on saving, so this is rare). */
json_t *report_fill_sections(const char *sections, const struct mvals *m,
			     const struct cellset *cells, const char *organ,
			     int year, struct err *e);

/* A report_text_fn reading section texts from a JSON object (arg). */
const char *report_json_text(const char *id, void *arg);

/* Appends the body of a report: each section's title (h2), its text as
 * paragraphs (texts: JSON object id -> filled text; NULL = none) and
 * its tables. */
void report_body(const struct format *f, const char *organ, int year,
		 const struct cellset *cells, json_t *texts, Buf *out);

/* The last day for the organ's report on year (art. 49: departments by
 * 31 January, the government at the top of the tree by 31 March of the
 * next year), as a day number. */
int64_t report_due(const struct organ *o, int year);

/* When the organ's report on year came out: the first day (local time)
 * any version of it was published in gongkai, or an annual_report
 * catalog item was published in the following year (a report made
 * outside gongkai and posted as an item, e.g. imported from CSV with its
 * published_date), whichever is earlier. */
struct report_pub {
	int64_t day;         /* day number; 0 = not published */
	int in_gongkai;      /* a version was published in gongkai (its
				public report page exists) */
	char *item_index_no; /* the earliest such item's index number, if
				it came first, or NULL (heap) */
};

/* Fills *p (report_pub_clear after, in every case): 1 published, 0 not,
 * -1 error. */
int report_publication(struct req *r, const struct organ *o, int year,
		       struct report_pub *p, struct err *e);
void report_pub_clear(struct report_pub *p);

/* 1 when the organ has published its report on year (as
 * report_publication finds it), 0 when not, -1 on error. */
int report_done(struct req *r, const struct organ *o, int year,
		struct err *e);

/*---- Office files (report.EXT downloads, published reports' files) ----*/

/* A published report's frozen copy read back for the writers: out is
 * what report_out they take (the frozen cells, texts and checks; the note
 * names a corrected version and a publication over failing checks). */
struct report_frozen {
	struct report_doc d;
	struct format f;
	json_t *texts;
	struct check_result *res;
	size_t nres, bad;
	char *title; /* the report's title, filled */
	Buf note;
	struct report_out out;
};

/* Reads frozen (the report JSON of format_id, as published as version
 * with override_note) into *p, which the caller frees with
 * report_frozen_free in every case. ERR_INTERNAL when the copy is broken. */
int report_frozen_load(struct req *r, const char *format_id,
		       const char *frozen, int version,
		       const char *override_note, struct report_frozen *p,
		       struct err *e);
void report_frozen_free(struct report_frozen *p);

/* Appends a report file's name: its title, "（第N版）" for version > 1,
 * what (e.g. "（未发布稿）", may be NULL), "." ext. */
void report_file_name(const char *title, int version, const char *what,
		      const char *ext, Buf *out);

/* Writes o with w and answers with it as a download named name
 * (Content-Disposition attachment with the UTF-8 name, ETag; shared
 * caches may keep it when public_cache). 0, or -1 with e. */
int report_send(struct req *r, const struct report_writer *w,
		const struct report_out *o, const char *name, int public_cache,
		struct err *e);

/* The writer of the {ext} capture (r->cap[2]); ERR_NOTFOUND (404) when
 * gongkai writes no such type. */
const struct report_writer *report_writer_of(struct req *r, struct err *e);

/* Sets list "downloads" of v: one row per writer with "href" (base, the
 * URL-encoded path up to the extension, e.g. "/organ/x/report/2023/
 * report.", then the extension and query, "" or "?v=2"), "label", "ext"
 * and "ctype". */
void report_downloads(tvars *v, const char *path, const char *query);

#endif
