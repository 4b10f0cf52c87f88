/* cli_import.c - `mellan import [--db FILE] IN`: a JSON export or a CSV chronology. A database
 * that does not exist yet is created for the import, and removed again if the import fails. */
#include "cli.h"
#include "cli_progress.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <unistd.h>

int cli_import(int argc, char **argv);

static void remove_new(const char *path)
{
	static const char *const sides[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
		char *p = xasprintf("%s%s", path, sides[i]);
		unlink(p);
		free(p);
	}
}

int cli_import(int argc, char **argv)
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
	if (n != 1)
		return cli_usage_error(_("%s needs one file: mellan import [--db FILE] IN"),
		                       "import");
	char *path = db ? xstrdup(db) : m_default_db_path();
	if (!path)
		return cli_open_store(NULL, 0, NULL);
	bool fresh = access(path, F_OK) != 0;
	if (fresh && access(rest[0], R_OK) != 0) {
		free(path);
		return cli_usage_error(_("%s: cannot read the file"), rest[0]);
	}
	struct store *s = NULL;
	int rc = cli_open_store(path, STORE_CREATE, &s);
	if (rc != M_OK) {
		free(path);
		return rc;
	}
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		if (cmd_import(s, rest[0], fresh, o.fp, cli_progress(), NULL, &err) != M_OK) {
			cli_progress_done();
			rc = cli_fail(&err);
		}
		cli_progress_done();
		int crc = cli_output_close(&o, rc == M_OK);
		if (rc == M_OK)
			rc = crc;
	}
	store_close(&s);
	if (rc != M_OK && fresh)
		remove_new(path);
	free(path);
	return rc;
}
