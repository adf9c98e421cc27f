/*
 * t.h - the unit test helper. A suite is a function that calls T_RUN(fn) for
 * each test function; assertions record a failure and return from the test.
 * tests/unit/run.c holds the suite table and prints "unit: N passed, N failed".
 */
#ifndef GK_T_H
#define GK_T_H

#include <stdio.h>
#include <string.h>

extern int t_passed, t_failed, t_case_failed;
extern const char *t_suite;

#define T_FAIL_(fmt, ...)                                                    \
	do {                                                                 \
		fprintf(stderr, "  FAIL %s:%d: " fmt "\n", __FILE__,         \
			__LINE__, __VA_ARGS__);                              \
		t_case_failed = 1;                                           \
	} while (0)

/* Fails the current test (and returns from it) unless cond holds. */
#define T_ASSERT(cond)                                                       \
	do {                                                                 \
		if (!(cond)) {                                               \
			T_FAIL_("%s", #cond);                                \
			return;                                              \
		}                                                            \
	} while (0)

#define T_EQ_INT(a, b)                                                       \
	do {                                                                 \
		long long a_ = (long long)(a), b_ = (long long)(b);          \
		if (a_ != b_) {                                              \
			T_FAIL_("%s == %lld, expected %lld", #a, a_, b_);    \
			return;                                              \
		}                                                            \
	} while (0)

#define T_EQ_STR(a, b)                                                       \
	do {                                                                 \
		const char *a_ = (a), *b_ = (b);                             \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                     \
			T_FAIL_("%s == \"%s\", expected \"%s\"", #a,         \
				a_ ? a_ : "(null)", b_ ? b_ : "(null)");     \
			return;                                              \
		}                                                            \
	} while (0)

/* Runs one test function and counts it. */
#define T_RUN(fn)                                                            \
	do {                                                                 \
		t_case_failed = 0;                                           \
		fn();                                                        \
		if (t_case_failed) {                                         \
			t_failed++;                                          \
			fprintf(stderr, "not ok - %s/%s\n", t_suite, #fn);   \
		} else {                                                     \
			t_passed++;                                          \
		}                                                            \
	} while (0)

#endif
