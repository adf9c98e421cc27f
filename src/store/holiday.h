/*
 * holiday.h - the working-day calendar in the database (table holiday):
 * loaded into a domain/workday.h calendar for every deadline computed,
 * seeded from data/cn-holidays.csv when the table is created, and extended
 * a year at a time by admins from the State Council's notice.
 */
#ifndef GK_HOLIDAY_H
#define GK_HOLIDAY_H

#include "domain/workday.h"
#include "store/store.h"

/* Fills c (zeroed by the caller, cal_free after) with every listed date,
 * cal_finish done. */
int holiday_load(store *st, struct calendar *c, struct err *e);
/* Replaces the arrangements of every year that `from` lists a date in
 * with exactly the dates of `from` (so a corrected notice replaces the
 * old one), audited as one change per year; *nyears = years replaced.
 * A year without any holiday row is refused (ERR_INPUT): it would not
 * count as covered. Runs in its own transaction (or the caller's). */
int holiday_replace_years(store *st, const struct actor *who,
			  const struct calendar *from, int *nyears,
			  struct err *e);
/* Removes one year's arrangements (audited); 0 rows is ERR_NOTFOUND. */
int holiday_delete_year(store *st, const struct actor *who, int year,
			struct err *e);
/* Loads the calendar shipped in data/cn-holidays.csv (embedded) into an
 * empty table; called by the migration that creates it. */
int holiday_seed(store *st, struct err *e);
/* The calendar shipped with the binary, without a database (the CLI's
 * `workday` without --db). */
int holiday_shipped(struct calendar *c, struct err *e);

#endif
