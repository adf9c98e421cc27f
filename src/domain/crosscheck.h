/*
 * crosscheck.h - the cross-checks (勾稽关系) of a report format evaluated
 * on a report's cells, whether gongkai computed them or somebody typed
 * them in from a published report (`gongkai check-report`). Pure.
 *
 * Values are fixed-point: the number times 10^4, so the 4 decimals of
 * 万元 add up exactly.
 */
#ifndef GK_CROSSCHECK_H
#define GK_CROSSCHECK_H

#include "domain/format.h"

#include <stddef.h>
#include <stdint.h>

#define CELL_SCALE 10000

struct cell {
	char *table, *row, *col;
	int64_t v; /* × CELL_SCALE */
};

/* A report's cells, in any order. */
struct cellset {
	struct cell *v;
	size_t n, cap;
};

/* Adds a copy of the names. */
void cellset_put(struct cellset *s, const char *table, const char *row,
		 const char *col, int64_t v);
/* The cell's value, or -1 when it is absent (blank). */
int cellset_get(const struct cellset *s, const char *table, const char *row,
		const char *col, int64_t *v);
void cellset_free(struct cellset *s);

struct check_result {
	const char *rule; /* the check's id (owned by the format) */
	int ok;
	char detail[512];
};

/* Evaluates every check of f on s, one result per column (each=col), row
 * (each=row) or check (once), blanks counting as 0. Heap array *out of
 * *n results; free(). Returns the number of violations. */
size_t crosscheck_run(const struct format *f, const struct cellset *s,
		      struct check_result **out, size_t *n);

/* Writes "12", "0.5", "1.2345" for a fixed-point value into buf. */
void cell_format(int64_t v, char *buf, size_t n);

#endif
