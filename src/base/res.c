/*
 * res.c - embedded resources with per-installation overrides (see res.h).
 */
#include "base/res.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int res_load(const char *data_dir, const char *name, Buf *out,
	     struct err *e)
{
	if (strstr(name, "..")) {
		return err_set(e, ERR_INPUT, "bad resource name %s", name);
	}
	if (data_dir && *data_dir) {
		char path[2048];
		snprintf(path, sizeof path, "%s/%s", data_dir, name);
		int rc = buf_read_file(out, path, e);
		if (rc != 0) {
			return rc < 0 ? -1 : 0;
		}
	}
	for (size_t i = 0; i < res_nfiles; i++) {
		if (strcmp(res_files[i].name, name) == 0) {
			buf_append(out, res_files[i].data, res_files[i].size);
			return 0;
		}
	}
	return err_set(e, ERR_NOTFOUND, "no resource %s", name);
}
