/*
 * gk_sql.c - test aid: `gk_sql DB SQL` runs SQL on a gongkai database
 * through a store connection, so the search tokenizer that the item
 * triggers need is registered (the sqlite3 shell has not got it and
 * cannot change items). For e2e tests that set up records directly.
 */
#include "store/store_int.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gk_sql DB SQL\n");
		return 2;
	}
	store *st = NULL;
	struct err e = {0};
	if (store_open(argv[1], STORE_OPEN_EXISTING, &st, &e)) {
		fprintf(stderr, "gk_sql: %s\n", e.msg);
		return 1;
	}
	int rc = sqlite3_exec(st->db, argv[2], NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "gk_sql: %s\n", sqlite3_errmsg(st->db));
	}
	store_close(st);
	return rc == SQLITE_OK ? 0 : 1;
}
