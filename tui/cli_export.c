/* cli_export.c - `mellan export [--db FILE] [--allow-findings] [-o OUT] [CASE...]`: cases as
 * JSON, refused while they hold privacy findings. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"

int cli_export(int argc, char **argv);

int cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"output", required_argument, NULL, 'o'},
	    {"allow-findings", no_argument, NULL, 'A'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *path = NULL;
	bool allow = false;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'o')
			path = optarg;
		else if (c == 'A')
			allow = true;
		else
			return M_USAGE;
	}
	int n;
	char **codes = cli_operands(argc, argv, &n);
	struct store *s = NULL;
	int rc = cli_open_store(db, STORE_READONLY, &s);
	if (rc != M_OK)
		return rc;
	rc = cli_privacy_gate(s, (const char *const *)codes, (size_t)n, allow);
	if (rc != M_OK) {
		store_close(&s);
		return rc;
	}
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(path, &o);
	if (rc == M_OK) {
		if (cmd_export(s, (const char *const *)codes, (size_t)n, o.fp, &err) != M_OK)
			rc = cli_fail(&err);
		int crc = cli_output_close(&o, rc == M_OK);
		if (rc == M_OK)
			rc = crc;
	}
	store_close(&s);
	return rc;
}
