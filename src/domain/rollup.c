/*
 * rollup.c - an annual report's standing against its legal date (see
 * rollup.h).
 */
#include "domain/rollup.h"

enum rollup_state rollup_state_of(int64_t due, int64_t published,
				  int64_t today)
{
	if (published > 0) {
		return published <= due ? RU_ON_TIME : RU_LATE;
	}
	return today > due ? RU_OVERDUE : RU_NOT_DUE;
}

const char *rollup_state_label(enum rollup_state s)
{
	switch (s) {
	case RU_ON_TIME:
		return "按时发布";
	case RU_LATE:
		return "逾期发布";
	case RU_OVERDUE:
		return "未发布（已逾期）";
	case RU_NOT_DUE:
		return "未发布（未到期）";
	}
	return "";
}

int rollup_state_missing(enum rollup_state s)
{
	return s == RU_OVERDUE || s == RU_NOT_DUE;
}
