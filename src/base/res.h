/*
 * res.h - resource files: templates/, static/ and data/ are compiled into
 * the binary (tools/embed.c) and an installation may override any of them
 * by placing a file of the same relative name under its data directory
 * (--data-dir / data_dir).
 */
#ifndef GK_RES_H
#define GK_RES_H

#include "base/buf.h"
#include "base/err.h"

#include <stddef.h>

struct res_file {
	const char *name;          /* e.g. "templates/layout.html" */
	const unsigned char *data; /* NUL-terminated */
	size_t size;
};

extern const struct res_file res_files[];
extern const size_t res_nfiles;

/* Appends the content of resource `name` to out: the data_dir copy when
 * data_dir is set and holds one, else the embedded one. 0, or -1 with e
 * (ERR_NOTFOUND when neither exists). */
int res_load(const char *data_dir, const char *name, Buf *out,
	     struct err *e);

#endif
