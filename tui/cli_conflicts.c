/* cli_conflicts.c - `mellan conflicts [--db FILE] [--keep N | --take N]`: the open merge
 * conflicts, or deciding one of them. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"

#include <errno.h>
#include <stdlib.h>

int cli_conflicts(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"keep", required_argument, NULL, 'k'},
	    {"take", required_argument, NULL, 't'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *number = NULL;
	bool take = false;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if ((c == 'k' || c == 't') && number)
			return cli_usage_error(_("%s: give one of --keep and --take, once"),
			                       "conflicts");
		else if (c == 'k' || c == 't') {
			number = optarg;
			take = c == 't';
		} else
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n > 0)
		return cli_usage_error(_("unexpected argument '%s'"), rest[0]);
	long long id = 0;
	if (number) {
		char *end = NULL;
		errno = 0;
		id = strtoll(number, &end, 10);
		if (errno || !*number || *end || id <= 0)
			return cli_usage_error(_("%s: '%s' is not a conflict number"), "conflicts",
			                       number);
	}
	struct store *s = NULL;
	int rc = cli_open_store(db, 0, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		enum mstatus st = cmd_conflicts(s, (m_id)id, take, o.fp, &err);
		rc = st == M_OK || st == M_FINDINGS ? (int)st : cli_fail(&err);
		int crc = cli_output_close(&o, true);
		if (crc != M_OK)
			rc = crc;
	}
	store_close(&s);
	return rc;
}
