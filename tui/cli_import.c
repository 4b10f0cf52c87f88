/* cli_import.c - `mellan import [--db FILE] IN`: a JSON export or a CSV chronology. A database
 * that does not exist yet is created for the import, and removed again if the import fails,
 * with the directories made for it. */
#include "cli.h"
#include "cli_progress.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directories above path that are not there yet, deepest first ("a/b/c.db": "a/b", "a"),
 * so that a failed import can take away exactly what it made. */
static size_t missing_dirs(const char *path, char ***out)
{
	*out = NULL;
	size_t n = 0;
	char *d = xstrdup(path);
	for (char *slash = strrchr(d, '/'); slash && slash != d; slash = strrchr(d, '/')) {
		*slash = '\0';
		struct stat sb;
		if (lstat(d, &sb) == 0)
			break;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = xstrdup(d);
	}
	free(d);
	return n;
}

static void remove_new(const char *path, char **dirs, size_t n)
{
	static const char *const sides[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
		char *p = xasprintf("%s%s", path, sides[i]);
		unlink(p);
		free(p);
	}
	for (size_t i = 0; i < n; i++)
		rmdir(dirs[i]); /* only when empty: nothing of anyone else's goes */
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
	struct merr err = {0};
	FILE *in = NULL;
	if (cmd_import_open(rest[0], &in, &err) != M_OK) {
		free(path);
		return cli_fail(&err);
	}
	bool fresh = access(path, F_OK) != 0;
	char **dirs = NULL;
	size_t n_dirs = fresh ? missing_dirs(path, &dirs) : 0;
	struct store *s = NULL;
	int rc = cli_open_store(path, STORE_CREATE, &s);
	struct cli_output o;
	if (rc == M_OK)
		rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		if (cmd_import(s, rest[0], in, fresh, o.fp, cli_progress(), NULL, &err) != M_OK) {
			cli_progress_done();
			rc = cli_fail(&err);
		}
		cli_progress_done();
		int crc = cli_output_close(&o, rc == M_OK);
		if (rc == M_OK)
			rc = crc;
	}
	fclose(in);
	store_close(&s);
	if (rc != M_OK && fresh)
		remove_new(path, dirs, n_dirs);
	for (size_t i = 0; i < n_dirs; i++)
		free(dirs[i]);
	free(dirs);
	free(path);
	return rc;
}
