/*
 * rollup.h - where an organ's annual report stands for the county
 * roll-up's status list (art. 49): published on time (by the legal date),
 * published late, or missing - overdue once the legal date has passed,
 * not yet due before. Whether its figures fail a cross-check is told
 * apart from these (a report on time may still fail one). Pure.
 */
#ifndef GK_DOMAIN_ROLLUP_H
#define GK_DOMAIN_ROLLUP_H

#include <stdint.h>

enum rollup_state {
	RU_ON_TIME, /* published on or before the legal date */
	RU_LATE,    /* published after it */
	RU_OVERDUE, /* not published, and the legal date has passed */
	RU_NOT_DUE, /* not published, the legal date still ahead */
};

/* The state of a report due on day `due`, first published on day
 * `published` (0: not published), as seen on day `today` (all day
 * numbers, base/date.h). */
enum rollup_state rollup_state_of(int64_t due, int64_t published,
				  int64_t today);

/* "按时发布", "逾期发布", "未发布（已逾期）", "未发布（未到期）"; static. */
const char *rollup_state_label(enum rollup_state s);

/* 1 for the states counted as missing (not published). */
int rollup_state_missing(enum rollup_state s);

#endif
