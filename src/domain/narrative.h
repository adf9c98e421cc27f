/*
 * narrative.h - the text sections of an annual report (一 to 六: overview,
 * active, applications, cases, problems, other) as the clerk writes them,
 * with placeholders that stay live until publication:
 *
 *   {{items.published}}            a metric of docs/report-formats.md, the
 *                                  year's value (mvals.h)
 *   {{stats/items/cumulative}}     a cell TABLE/ROW/COL of the report's
 *                                  tables (the only way to reach 历年累计)
 *   {{organ}}  {{year}}            the organ's name, the report's year
 *
 * Spaces just inside the braces are ignored ({{ year }}); a placeholder
 * stays on one line. "{{" always opens a placeholder: in a run of three or
 * more braces the first ones are text ("{{{year}}}" gives "{2018}"), and a
 * lone "{" or "}}" is text. Numbers print as cell_format does (no trailing
 * zeros). This module also writes a first draft of each section from the
 * year's records, with its figures as placeholders. Pure: no I/O.
 */
#ifndef GK_NARRATIVE_H
#define GK_NARRATIVE_H

#include "base/buf.h"
#include "base/err.h"
#include "domain/crosscheck.h"
#include "domain/format.h"
#include "domain/mvals.h"

#include <stddef.h>
#include <stdint.h>

/* The most bytes of one section's text. */
#define NARRATIVE_MAX 20000

/* Checks a section's text (NUL-terminated): at most NARRATIVE_MAX bytes,
 * valid UTF-8, every placeholder well formed and known: a well-formed
 * metric name (metric_name_valid), a cell that format f has (f NULL: no
 * cell is known), organ or year. 0, or -1 with ERR_INPUT naming the
 * first bad placeholder and its line ("第3行：…"). */
int narrative_check(const char *text, const struct format *f,
		    struct err *e);

/* Appends text to out with every placeholder replaced: metrics from m
 * (NULL: all 0), cells from cells (NULL or a blank cell: 0), organ and
 * year. 0, or -1 with ERR_INPUT as narrative_check says (an unknown cell
 * is not an error here: it is blank); on error out is as it was. */
int narrative_fill(const char *text, const struct mvals *m,
		   const struct cellset *cells, const char *organ, int year,
		   Buf *out, struct err *e);

/* One activity entry of the year, as the draft states it. The strings
 * are the caller's (e.g. a store row's and the kind's) and need only
 * live through narrative_draft. */
struct narrative_entry {
	const char *kind;  /* kind code: "article", "penalty", ... */
	const char *label; /* the kind's label: 信息稿件 */
	const char *unit;  /* the kind's unit: 篇 */
	const char *title; /* or NULL */
	const char *note;  /* or NULL */
	int64_t count;
	int64_t amount_fen; /* -1: none */
};

/* What a draft needs beyond the metrics' names. */
struct narrative_facts {
	const char *organ; /* the organ's name: says 我局, 我委, 本机关... */
	int year;          /* the report's year (the text says {{year}}) */
	const char *format_id; /* points into the format: lives as long */
	/* cells TABLE/ROW/COL of the format's 历年累计 column for all items
	 * (items.published) and website items (items.channel.website);
	 * "" when the format has none (narrative_facts_format fills them) */
	char cum_items[128], cum_website[128];
	int annex; /* the format's "other" section carries tables (附表) */
	const struct mvals *m; /* the year's values: which sentences apply */
	const struct narrative_entry *entries; /* the year's activities */
	size_t nentries;
};

/* Sets format_id, cum_items, cum_website and annex of facts from f. */
void narrative_facts_format(struct narrative_facts *facts,
			    const struct format *f);

/* Appends a first draft of section section_id (overview, active,
 * applications, cases, problems, other; anything else writes nothing)
 * in Simplified Chinese: paragraphs separated by blank lines, figures as
 * placeholders (the count of each entry that is stated on its own is a
 * literal number), sentences only for the figures that are not 0, and
 * the "none" sentences (no messages, proposals, applications, cases).
 * Passes narrative_check for the format facts was filled from. */
void narrative_draft(const char *section_id,
		     const struct narrative_facts *facts, Buf *out);

#endif
