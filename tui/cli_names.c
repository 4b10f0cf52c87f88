/* cli_names.c - `mellan names [--db FILE] [--add NAME]... [--remove NAME]...`: the list of
 * names the privacy scan catches; without --add or --remove, the list, one name a line. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>

int cli_names(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"add", required_argument, NULL, 'a'},
	    {"remove", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	const char **add = xcalloc((size_t)argc, sizeof *add),
	           **rm = xcalloc((size_t)argc, sizeof *rm);
	size_t n_add = 0, n_rm = 0;
	int c, rc = M_OK;
	cli_getopt_reset();
	while (rc == M_OK && (c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'a')
			add[n_add++] = optarg;
		else if (c == 'r')
			rm[n_rm++] = optarg;
		else
			rc = M_USAGE;
	}
	int n;
	char **rest = rc == M_OK ? cli_operands(argc, argv, &n) : NULL;
	if (rest && n > 0)
		rc = cli_usage_error(_("unexpected argument '%s'"), rest[0]);
	struct store *s = NULL;
	if (rc == M_OK)
		rc = cli_open_store(db, n_add || n_rm ? 0 : STORE_READONLY, &s);
	if (rc == M_OK) {
		struct merr err = {0};
		struct cli_output o;
		rc = cli_output_open(NULL, 0, NULL, &o);
		if (rc == M_OK) {
			if (cmd_names(s, add, n_add, rm, n_rm, o.fp, &err) != M_OK)
				rc = cli_fail(&err);
			int crc = cli_output_close(&o, rc == M_OK);
			if (rc == M_OK)
				rc = crc;
		}
		store_close(&s);
	}
	free(add);
	free(rm);
	return rc;
}
