/*
 * api_organ.c - GET /api/v1/organs: [{"slug", "name"}, ...] (DESIGN §6).
 */
#include "store/organ.h"
#include "web/pages.h"

#include <jansson.h>
#include <stdlib.h>

int api_organ_list_page(struct req *r, struct err *e)
{
	struct organ *all = NULL;
	size_t n = 0;
	if (organ_list(r->st, &all, &n, e)) {
		return -1;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, json_pack("{s:s, s:s}", "slug",
						     all[i].slug, "name",
						     all[i].name));
	}
	char *text = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	organ_list_free(all, n);
	resp_json(r, 200, text ? text : "[]");
	free(text);
	r->no_store = 0;
	resp_header(r, "Cache-Control", "no-cache");
	return 0;
}
