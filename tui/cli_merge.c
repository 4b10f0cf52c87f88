/* cli_merge.c - `mellan merge [--db FILE] [--with-names] OTHER`: another laptop's database into this one. */
#include "cli.h"
#include "cli_progress.h"

#include "core/commands.h"
#include "core/i18n.h"

int cli_merge(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"with-names", no_argument, NULL, 'N'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	unsigned flags = 0;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'N')
			flags |= STORE_WITH_NAMES;
		else
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n != 1)
		return cli_usage_error(
		    _("%s needs one file: mellan merge [--db FILE] [--with-names] OTHER"), "merge");
	struct store *s = NULL;
	int rc = cli_open_store(db, 0, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		enum mstatus st = cmd_merge(s, rest[0], flags, o.fp, cli_progress(), NULL, &err);
		cli_progress_done();
		rc = st == M_OK || st == M_FINDINGS ? (int)st : cli_fail(&err);
		int crc = cli_output_close(&o, true);
		if (crc != M_OK)
			rc = crc;
	}
	store_close(&s);
	return rc;
}
