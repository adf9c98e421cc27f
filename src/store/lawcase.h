/*
 * lawcase.h - review and litigation cases (行政复议 / 行政诉讼) in the
 * database: the register of an organ's cases with its filters, the link
 * to the application a case is about, the open-case count of the
 * workbench, and each case's documents. The rules are domain/lawcase.h;
 * every change here is written with its audit row in one transaction.
 */
#ifndef GK_STORE_LAWCASE_H
#define GK_STORE_LAWCASE_H

#include "base/buf.h"
#include "domain/lawcase.h"
#include "store/item.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/* List filters; -1/0 fields do not filter. */
struct lawcase_filter {
	int64_t organ_id;       /* required */
	int kind;               /* enum lawcase_kind or -1 */
	int result;             /* enum lawcase_result or -1 */
	int closed;             /* 1: only closed (any result but pending) */
	int year;               /* year filed, 0 = any */
	int64_t application_id; /* cases about this application, 0 = any */
	int64_t limit, offset;  /* limit 0 = no limit */
};
void lawcase_filter_init(struct lawcase_filter *f);

/* Stores a new case of c->organ_id checked by lawcase_check. A non-empty
 * c->app_code links the application with that tracking code, which must
 * belong to the same organ (else ERR_INPUT naming 关联申请). Sets c->id,
 * c->application_id and c->created_by; audited as lawcase.create. */
int lawcase_create(store *st, const struct actor *who, struct lawcase *c,
		   struct err *e);
/* Replaces the checked fields (kind, result, dates, texts, link) of case
 * c->id of organ c->organ_id, with before and after in the audit row
 * (lawcase.update). ERR_NOTFOUND when the organ has no such case. Sets
 * c->application_id. */
int lawcase_update(store *st, const struct actor *who, struct lawcase *c,
		   struct err *e);
/* Deletes a case entered by mistake, with its documents (audited with
 * the last state as before). */
int lawcase_delete(store *st, const struct actor *who, int64_t organ_id,
		   int64_t id, struct err *e);
/* One case of the organ: 1 found (free with lawcase_clear), 0 not, -1. */
int lawcase_get(store *st, int64_t organ_id, int64_t id, struct lawcase *out,
		struct err *e);
/* The cases matching f, pending ones first, then the latest filed; *total
 * = all matches ignoring limit/offset. Free with lawcase_list_free. */
int lawcase_list(store *st, const struct lawcase_filter *f,
		 struct lawcase **out, size_t *n, int64_t *total,
		 struct err *e);
void lawcase_list_free(struct lawcase *v, size_t n);
/* The organ's cases still pending (尚未审结). */
int lawcase_open_count(store *st, int64_t organ_id, int64_t *n,
		       struct err *e);
/* Years (newest first) in which the organ's cases were filed; *out is a
 * heap array the caller frees. */
int lawcase_years(store *st, int64_t organ_id, int **out, size_t *n,
		  struct err *e);

/* Documents of a case (decisions, judgments; struct attachment with
 * item_id = the case), stored like item attachments (attachment.c). */
int lawcase_file_add(store *st, const struct actor *who, int64_t case_id,
		     const char *name, const char *ctype, const void *data,
		     size_t size, int64_t *id, struct err *e);
int lawcase_file_list(store *st, int64_t case_id, struct attachment **out,
		      size_t *n, struct err *e);
/* One document of the case; data (when not NULL) gets its bytes. 1/0/-1. */
int lawcase_file_get(store *st, int64_t case_id, int64_t id,
		     struct attachment *out, Buf *data, struct err *e);

#endif
