/* cli_export.c - `mellan export [--db FILE] [--case CODE]... [--allow-findings] [--with-names]
 * [-o OUT]`: cases as JSON, refused while they hold privacy findings. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>

int cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"case", required_argument, NULL, 'c'},
	    {"output", required_argument, NULL, 'o'},
	    {"allow-findings", no_argument, NULL, 'A'},
	    {"force", no_argument, NULL, 'F'},
	    {"with-names", no_argument, NULL, 'N'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *path = NULL;
	const char **codes = xcalloc((size_t)argc + 1, sizeof *codes);
	size_t n_codes = 0;
	bool allow = false;
	unsigned flags = 0, with = 0;
	int c, rc = M_OK;
	cli_getopt_reset();
	while (rc == M_OK && (c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'o')
			path = optarg;
		else if (c == 'c')
			codes[n_codes++] = optarg;
		else if (c == 'A')
			allow = true;
		else if (c == 'F')
			flags |= OUTPUT_FORCE;
		else if (c == 'N')
			with |= STORE_WITH_NAMES;
		else
			rc = M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (rc == M_OK && n > 0)
		rc = cli_usage_error(_("unexpected argument '%s'; name cases with --case CODE"),
		                     rest[0]);
	struct store *s = NULL;
	if (rc == M_OK)
		rc = cli_open_store(db, STORE_READONLY, &s);
	if (rc != M_OK) {
		free(codes);
		return rc;
	}
	rc = cli_privacy_gate(s, codes, n_codes, allow);
	if (rc != M_OK) {
		store_close(&s);
		free(codes);
		return rc;
	}
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(path, flags, s, &o);
	if (rc == M_OK) {
		if (cmd_export(s, codes, n_codes, with, o.fp, &err) != M_OK)
			rc = cli_fail(&err);
		int crc = cli_output_close(&o, rc == M_OK);
		if (rc == M_OK)
			rc = crc;
	}
	store_close(&s);
	free(codes);
	return rc;
}
