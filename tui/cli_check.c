/* cli_check.c - `mellan check [--db FILE]`: integrity and privacy findings; exit status 1 when
 * there are any. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"

int cli_check(int argc, char **argv);

int cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n > 0)
		return cli_usage_error(_("unexpected argument '%s'"), rest[0]);
	struct store *s = NULL;
	int rc = cli_open_store(db, STORE_READONLY, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(NULL, &o);
	if (rc == M_OK) {
		rc = cmd_check(s, o.fp, &err);
		if (rc != M_OK && rc != M_FINDINGS)
			rc = cli_fail(&err);
		int crc = cli_output_close(&o, rc == M_OK || rc == M_FINDINGS);
		if (crc != M_OK)
			rc = crc;
	}
	store_close(&s);
	return rc;
}
