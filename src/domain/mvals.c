/*
 * mvals.c - named metric values and the names' grammar (see mvals.h).
 */
#include "domain/mvals.h"

#include "base/str.h"
#include "domain/application.h"
#include "domain/item.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mvals_add(struct mvals *m, const char *name, int64_t v)
{
	for (size_t i = 0; i < m->n; i++) {
		if (strcmp(m->v[i].name, name) == 0) {
			m->v[i].v += v;
			return;
		}
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 128;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	snprintf(m->v[m->n].name, sizeof m->v[m->n].name, "%s", name);
	m->v[m->n++].v = v;
}

void mvals_free(struct mvals *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

static int in_vocab(const struct vocab *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].code, s) == 0) {
			return 1;
		}
	}
	return 0;
}

static int is_ak(const char *s)
{
	return strcmp(s, "total") == 0 || in_vocab(app_kinds, AK_COUNT, s);
}

static int is_item_kind(const char *s)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		if (strcmp(item_kind_code(k), s) == 0) {
			return 1;
		}
	}
	return 0;
}

/* The text after prefix p in s, or NULL. */
static const char *after(const char *s, const char *p)
{
	size_t n = strlen(p);
	return strncmp(s, p, n) == 0 ? s + n : NULL;
}

/* Splits "X.AK" at its last dot: X into head (size n), AK checked. */
static int split_ak(const char *s, char *head, size_t n)
{
	const char *dot = strrchr(s, '.');
	if (!dot || (size_t)(dot - s) >= n || !is_ak(dot + 1)) {
		return 0;
	}
	memcpy(head, s, (size_t)(dot - s));
	head[dot - s] = 0;
	return 1;
}

int metric_name_valid(const char *name)
{
	const char *r;
	char head[96];
	if (strcmp(name, "items.published") == 0 ||
	    strcmp(name, "items.display") == 0) {
		return 1;
	}
	if ((r = after(name, "items.channel."))) {
		for (int c = 0; c < CH_COUNT; c++) {
			if (strcmp(item_channel_code(c), r) == 0) {
				return 1;
			}
		}
		return 0;
	}
	if ((r = after(name, "items.issued.")) ||
	    (r = after(name, "items.written.")) ||
	    (r = after(name, "items.abolished.")) ||
	    (r = after(name, "items.valid."))) {
		return is_item_kind(r);
	}
	if ((r = after(name, "apps.channel."))) {
		return in_vocab(app_channels, CHAN_COUNT, r);
	}
	if ((r = after(name, "apps.new.")) ||
	    (r = after(name, "apps.carried_in.")) ||
	    (r = after(name, "apps.carried_out."))) {
		return is_ak(r);
	}
	if ((r = after(name, "apps.result."))) {
		if (!split_ak(r, head, sizeof head)) {
			return 0;
		}
		if (strcmp(head, "total") == 0) {
			return 1;
		}
		for (int f = 0; f < OF_COUNT; f++) {
			if (strcmp(outcome_families[f].code, head) == 0) {
				return 1;
			}
		}
		for (size_t k = 0; k < app_noutcomes; k++) {
			if (strcmp(app_outcomes[k].code, head) == 0) {
				return 1;
			}
		}
		return 0;
	}
	if ((r = after(name, "cases."))) {
		static const char *const kinds[] = {
			"review.", "litigation_direct.",
			"litigation_after_review."};
		static const char *const results[] = {
			"upheld", "corrected", "other", "pending", "total"};
		for (size_t k = 0; k < 3; k++) {
			const char *x = after(r, kinds[k]);
			for (size_t j = 0; x && j < 5; j++) {
				if (strcmp(x, results[j]) == 0) {
					return 1;
				}
			}
		}
		return 0;
	}
	if ((r = after(name, "activity."))) {
		const char *dot = strrchr(r, '.');
		if (!dot || dot == r) {
			return 0;
		}
		for (const char *p = r; p < dot; p++) {
			if (!((*p >= 'a' && *p <= 'z') ||
			      (*p >= '0' && *p <= '9') || *p == '_')) {
				return 0;
			}
		}
		return strcmp(dot, ".count") == 0 ||
		       strcmp(dot, ".latest") == 0 ||
		       strcmp(dot, ".amount") == 0 ||
		       strcmp(dot, ".wanyuan") == 0;
	}
	return 0;
}

int mvals_eval(const struct mvals *m, const char *expr, int64_t *out,
	       struct err *e)
{
	int64_t sum = 0;
	int sign = 1;
	const char *p = expr;
	*out = 0;
	for (;;) {
		while (*p == ' ') {
			p++;
		}
		const char *end = p;
		while (*end && *end != ' ' && *end != '+' && *end != '-') {
			end++;
		}
		char name[96];
		size_t len = (size_t)(end - p);
		if (len == 0 || len >= sizeof name) {
			return err_set(e, ERR_INPUT, "bad metric expression \"%.80s\"",
				       expr);
		}
		memcpy(name, p, len);
		name[len] = 0;
		if (!metric_name_valid(name)) {
			return err_set(e, ERR_INPUT, "unknown metric \"%s\"",
				       name);
		}
		for (size_t i = 0; i < m->n; i++) {
			if (strcmp(m->v[i].name, name) == 0) {
				sum += sign * m->v[i].v;
				break;
			}
		}
		p = end;
		while (*p == ' ') {
			p++;
		}
		if (!*p) {
			break;
		}
		if (*p != '+' && *p != '-') {
			return err_set(e, ERR_INPUT, "bad metric expression \"%.80s\"",
				       expr);
		}
		sign = *p == '-' ? -1 : 1;
		p++;
	}
	*out = sum;
	return 0;
}

void metric_fold(struct mvals *m, const char *name, int64_t raw)
{
	char buf[200];
	const char *r;
	if ((r = after(name, "activity.")) && strlen(r) > 4 &&
	    strcmp(r + strlen(r) - 4, ".fen") == 0) {
		/* amounts: fen -> yuan (2 decimals) and 万元 (4 decimals,
		 * i.e. whole yuan rounded half up) */
		int len = (int)(strlen(name) - 4);
		snprintf(buf, sizeof buf, "%.*s.amount", len, name);
		mvals_add(m, buf, raw * (CELL_SCALE / 100));
		snprintf(buf, sizeof buf, "%.*s.wanyuan", len, name);
		mvals_add(m, buf, (raw + 50) / 100);
		return;
	}
	int64_t v = raw * CELL_SCALE;
	mvals_add(m, name, v);
	if ((r = after(name, "apps."))) {
		const char *dot = strrchr(name, '.');
		char head[96];
		int hl = (int)(dot - name);
		snprintf(head, sizeof head, "%.*s", hl, name);
		if (strcmp(dot + 1, "total") != 0 &&
		    strncmp(r, "channel.", 8) != 0) {
			snprintf(buf, sizeof buf, "%s.total", head);
			mvals_add(m, buf, v);
		}
		const char *oc = after(head, "apps.result.");
		if (oc) {
			for (size_t k = 0; k < app_noutcomes; k++) {
				if (strcmp(app_outcomes[k].code, oc) != 0) {
					continue;
				}
				const char *fam = outcome_families
					[app_outcomes[k].family].code;
				if (strcmp(fam, oc) != 0) {
					snprintf(buf, sizeof buf,
						 "apps.result.%s%s", fam, dot);
					mvals_add(m, buf, v);
					snprintf(buf, sizeof buf,
						 "apps.result.%s.total", fam);
					mvals_add(m, buf, v);
				}
				snprintf(buf, sizeof buf, "apps.result.total%s",
					 dot);
				mvals_add(m, buf, v);
				snprintf(buf, sizeof buf,
					 "apps.result.total.total");
				mvals_add(m, buf, v);
			}
		}
	} else if ((r = after(name, "cases."))) {
		const char *dot = strrchr(name, '.');
		snprintf(buf, sizeof buf, "%.*s.total", (int)(dot - name),
			 name);
		mvals_add(m, buf, v);
	}
}
