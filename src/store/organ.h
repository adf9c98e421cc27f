/*
 * organ.h - organs (机关): the county government and its departments, each
 * with its own staff, catalog and report.
 */
#ifndef GK_ORGAN_H
#define GK_ORGAN_H

#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

struct organ {
	int64_t id;
	int64_t parent_id;  /* 0 = none */
	char *slug, *name, *short_name, *parent_name, *code, *credit_code;
	char *office, *phone, *email, *address, *office_hours, *guide;
	char *created_at;
	char *index_pattern; /* 索引号 pattern (domain/item.h); "" = default */
};

/* Validates o's fields (ident.h rules) and inserts it with an audit row in
 * one transaction. An empty slug is generated as org-N. o->parent_name, if
 * set, names the parent by name or slug. Sets o->id and o->slug (heap). */
int organ_create(store *st, const struct actor *who, struct organ *o,
		 struct err *e);
/* Updates the editable fields (everything but id, slug, created_at) of the
 * organ with id o->id, with an audit row holding before and after. */
int organ_update(store *st, const struct actor *who, const struct organ *o,
		 struct err *e);
/* Looks up by slug or exact name: 1 found (out filled, free with
 * organ_clear), 0 not found, -1 error. */
int organ_find(store *st, const char *key, struct organ *out, struct err *e);
int organ_get(store *st, int64_t id, struct organ *out, struct err *e);
/* By slug only (URLs): 1 found, 0 not found, -1 error. */
int organ_by_slug(store *st, const char *slug, struct organ *out,
		  struct err *e);
/* Every organ, government first then by name; free with organ_list_free. */
int organ_list(store *st, struct organ **out, size_t *n, struct err *e);
/* The organ id and all its descendants (children, their children, ...):
 * the organ first, then by depth and name; none when id does not exist.
 * Free with organ_list_free. */
int organ_subtree(store *st, int64_t id, struct organ **out, size_t *n,
		  struct err *e);
/* Number of organs: >= 0, or -1. */
int64_t organ_count(store *st, struct err *e);
void organ_clear(struct organ *o);
void organ_list_free(struct organ *v, size_t n);

#endif
