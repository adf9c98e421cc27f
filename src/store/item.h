/*
 * item.h - proactively disclosed information (主动公开) in the database:
 * items, their categories, review trail, channels and attachments. The
 * rules (vocabularies, workflow, index numbers) are domain/item.h; this
 * file stores what those rules decide, always with an audit row in the
 * same transaction.
 */
#ifndef GK_ITEM_H
#define GK_ITEM_H

#include "base/buf.h"
#include "domain/item.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/*---- Categories (主题分类), a two-level tree per organ ----*/

enum cat_section {
	CAT_CONTENT, /* 法定主动公开内容 */
	CAT_SYSTEM,  /* 政府信息公开制度 */
};

struct category {
	int64_t id, organ_id, parent_id; /* parent 0 = top level */
	char *name;
	enum cat_section section;
	int position;
	int64_t published; /* published items in it (category_list only) */
};

/* The organ's categories, parents each followed by their children, in
 * position order; free with category_list_free. */
int category_list(store *st, int64_t organ_id, struct category **out,
		  size_t *n, struct err *e);
void category_list_free(struct category *v, size_t n);
/* By id within an organ: 1 found (out filled; free out->name), 0 not. */
int category_get(store *st, int64_t organ_id, int64_t id,
		 struct category *out, struct err *e);
/* By exact name within an organ: 1 found, 0 not found, -1 error. */
int category_find(store *st, int64_t organ_id, const char *name,
		  struct category *out, struct err *e);
/* Adds a category (name unique in the organ; parent must be top level
 * and of the organ). Sets c->id. */
int category_create(store *st, const struct actor *who, struct category *c,
		    struct err *e);
/* Renames / moves (name, parent_id, section, position of c->id). */
int category_update(store *st, const struct actor *who,
		    const struct category *c, struct err *e);
/* Deletes a category that holds no items and has no children. */
int category_delete(store *st, const struct actor *who, int64_t organ_id,
		    int64_t id, struct err *e);
/* Inserts the default preset (domain/item.h) for an organ that has no
 * categories yet; called in organ_create's transaction. */
int category_seed(store *st, int64_t organ_id, struct err *e);

/*---- Items ----*/

struct item {
	int64_t id, organ_id, category_id, interprets_id;
	int64_t created_by, reviewed_by;
	char *organ_slug, *organ_name;
	char *index_no; /* NULL until first published (or given) */
	char *title, *doc_no, *category_name, *summary;
	char *body;     /* sanitised HTML */
	char *written_date, *published_date, *abolished_date; /* or NULL */
	char *publish_at;  /* scheduled "YYYY-MM-DDTHH:MM" local, or NULL */
	char *interprets_title, *interprets_index; /* the interpreted item */
	char *created_at, *updated_at;
	enum item_kind kind;
	enum item_status status;
	enum item_validity validity;
	unsigned channels; /* bit set of enum item_channel */
	int ever_published;
	int64_t attachments; /* number of attachments (lists only) */
};

void item_clear(struct item *it);
void item_list_free(struct item *v, size_t n);

/* Validates the fields people type (title, doc_no, dates, body size,
 * category of the organ, interpreted item of the organ) and inserts a
 * draft, or, when it->published_date is set and `as_published` is on
 * (imports), a published item with its index number (given, or generated
 * from the published year). body must already be sanitised. Sets it->id
 * and it->index_no. `field` errors name the field in Chinese. */
int item_create(store *st, const struct actor *who, struct item *it,
		int as_published, struct err *e);
/* The checks item_create and item_update make of the fields (text
 * lengths, real dates not after today and in order, category and
 * interpreted item of the organ). On failure *field (when not NULL) is the
 * CSV column at fault ("title", "published_date", ...). */
int item_check(store *st, const struct item *it, const char **field,
	       struct err *e);
/* Updates the editable fields of item it->id (title, doc_no, category,
 * kind, summary, body, dates, channels, interprets), with before/after in
 * the audit row. The caller checked item_may_edit. */
int item_update(store *st, const struct actor *who, const struct item *it,
		struct err *e);
/* Deletes a never-published draft (and its attachments). */
int item_delete(store *st, const struct actor *who, int64_t organ_id,
		int64_t id, struct err *e);

/* Applies a workflow action for user (id, role): checks item_transition,
 * records the review trail row (with note), assigns the index number on
 * first publication, and audits. `when` is the publication time for
 * ACT_SCHEDULE ("YYYY-MM-DDTHH:MM", must be in the future) or the date of
 * ACT_ABOLISH/ACT_EXPIRE ("YYYY-MM-DD"; NULL = today). */
int item_act(store *st, const struct actor *who, int64_t user_id,
	     enum role role, int64_t organ_id, int64_t id,
	     enum item_action a, const char *note, const char *when,
	     struct err *e);
/* Publishes every approved item whose publish_at is at or before now
 * ("YYYY-MM-DDTHH:MM" local). *count = items published. */
int item_publish_due(store *st, const char *now, int64_t *count,
		     struct err *e);

/* One item by id within an organ (organ_id 0: any organ). 1/0/-1. */
int item_get(store *st, int64_t organ_id, int64_t id, struct item *out,
	     struct err *e);
/* One item by its index number within an organ. 1/0/-1. */
int item_by_index(store *st, int64_t organ_id, const char *index_no,
		  struct item *out, struct err *e);

enum item_order {
	ORDER_PUBLISHED, /* newest publication first (public lists) */
	ORDER_UPDATED,   /* newest change first (back office) */
};

struct item_filter {
	int64_t organ_id;       /* 0: every organ */
	int public_only;        /* published (any validity) only */
	int status;             /* enum item_status, or -1 for any */
	int64_t category_id;    /* 0: any; else it and its children */
	int year;               /* publication year, 0: any */
	int kind;               /* enum item_kind, or -1 */
	int validity;           /* enum item_validity, or -1 */
	int64_t interprets_id;  /* 0: any; else items interpreting it */
	unsigned channel;       /* 0: any; else items with one of these bits */
	const char *since;      /* published on or after (YYYY-MM-DD) */
	const char *until;      /* published on or before */
	const char *title_like; /* substring of title or doc_no, or NULL */
	enum item_order order;
	int64_t limit, offset;  /* limit 0: no limit */
	int with_body;          /* fill body (feeds, exports) */
};

/* A filter that matches everything of one organ, any status. */
struct item_filter item_filter_all(int64_t organ_id);
/* Items matching f, and *total = all matches ignoring limit/offset. Free
 * with item_list_free. */
int item_list(store *st, const struct item_filter *f, struct item **out,
	      size_t *n, int64_t *total, struct err *e);
/* Years (newest first) in which the organ published items. *out is a heap
 * array the caller frees. */
int item_years(store *st, int64_t organ_id, int **out, size_t *n,
	       struct err *e);
/* Items per status for an organ's workbench: counts[ST_COUNT]. */
int item_status_counts(store *st, int64_t organ_id,
		       int64_t counts[ST_COUNT], struct err *e);

/* The review trail, oldest first. */
struct item_review {
	char *at, *actor, *action, *note;
	enum item_status from, to;
};
int item_reviews(store *st, int64_t item_id, struct item_review **out,
		 size_t *n, struct err *e);
void item_reviews_free(struct item_review *v, size_t n);

/*---- Attachments ----*/

struct attachment {
	int64_t id, item_id, size;
	char *name, *ctype, *sha256, *created_at;
};

/* Stores data (size bytes) under its SHA-256 (one copy per content) and
 * links it to the item as `name` with content type ctype (the caller has
 * checked both with item_attachment_check). Sets *id. */
int attachment_add(store *st, const struct actor *who, int64_t item_id,
		   const char *name, const char *ctype, const void *data,
		   size_t size, int64_t *id, struct err *e);
int attachment_list(store *st, int64_t item_id, struct attachment **out,
		    size_t *n, struct err *e);
void attachment_list_free(struct attachment *v, size_t n);
void attachment_clear(struct attachment *a);
/* One attachment; when data is not NULL its bytes are appended to it.
 * 1/0/-1. */
int attachment_get(store *st, int64_t id, struct attachment *out,
		   Buf *data, struct err *e);
int attachment_delete(store *st, const struct actor *who, int64_t item_id,
		      int64_t id, struct err *e);

#endif
