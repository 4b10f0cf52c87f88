/* cli_backup.c - `mellan backup [--db FILE] [--force] OUT`: a consistent private copy. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"

int cli_backup(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"force", no_argument, NULL, 'F'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	unsigned flags = 0;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'F')
			flags |= OUTPUT_FORCE;
		else
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n != 1)
		return cli_usage_error(
		    _("%s needs one file name: mellan backup [--db FILE] [--force] OUT"), "backup");
	struct store *s = NULL;
	int rc = cli_open_store(db, STORE_READONLY | STORE_DAMAGED_OK, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	if (cmd_backup(s, rest[0], flags, &err) != M_OK)
		rc = cli_fail(&err);
	store_close(&s);
	return rc;
}
