/*
 * cmd_version.c - `gongkai version`: the release and the schema version.
 */
#include "cli/cli.h"

#include <stdio.h>

#ifndef GK_VERSION
#define GK_VERSION "0.1.0"
#endif

int cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		return cli_usage("version", "gongkai version",
				 "takes no arguments");
	}
	printf("gongkai %s (schema %d)\n", GK_VERSION, store_schema_latest());
	return 0;
}
