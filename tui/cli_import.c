/* cli_import.c - `mellan import [--db FILE] [OPTIONS] IN`: a JSON export, or a chronology from a
 * spreadsheet (CSV or .xlsx) with what its columns and actor names are. A database that does not
 * exist yet is created for the import, and removed again if the import fails, with the
 * directories made for it. A dry run writes nothing: it reads the database read-only, or, when
 * there is none yet, a scratch one with the default catalogue that is removed again. */
#include "cli.h"
#include "cli_progress.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/import_rows.h"
#include "core/paths.h"
#include "core/xalloc.h"

#include <errno.h>
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

/* "COLUMN=FIELD" split at its last '=' (a field's or an actor's name has none); false when
 * either side is empty. */
static bool split(char *arg, char **left, char **right)
{
	char *eq = strrchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return false;
	*eq = '\0';
	*left = arg;
	*right = eq + 1;
	return true;
}

/* One option of the spreadsheet's into o; M_USAGE after saying what is wrong. */
static int sheet_option(int c, char *arg, struct imp_options *o)
{
	char *left, *right;
	char fields[300];
	switch (c) {
	case 'm':
		imp_field_list(fields, sizeof fields);
		if (!split(arg, &left, &right))
			return cli_usage_error(_("--map takes 'COLUMN=FIELD', a column of the file "
			                         "and one of: %s"),
			                       fields);
		if (imp_field_by_name(right) == IMP_UNKNOWN)
			return cli_usage_error(_("--map '%s=%s': '%s' is not a field mellan reads; "
			                         "it reads: %s"),
			                       left, right, right, fields);
		imp_options_column(o, left, imp_field_by_name(right));
		return M_OK;
	case 'i':
		imp_options_column(o, arg, IMP_IGNORE);
		return M_OK;
	case 'a':
		if (!split(arg, &left, &right))
			return cli_usage_error(
			    _("--actor takes 'NAME=ACTOR', a name the file writes "
			      "and an actor of the catalogue"));
		imp_options_actor_named(o, left, right);
		return M_OK;
	case 'n':
		o->new_sector = imp_sector_by_name(arg);
		if (o->new_sector < 0)
			return cli_usage_error(_("--new-actors '%s': not a sector; give one of "
			                         "municipality, state, region, civil, business, "
			                         "academia, network (or its Swedish name)"),
			                       arg);
		return M_OK;
	case 's':
		free(o->sheet);
		o->sheet = xstrdup(arg);
		return M_OK;
	case 'c':
		free(o->case_code);
		o->case_code = xstrdup(arg);
		return M_OK;
	default:
		return M_USAGE;
	}
}

/* A dry run on a database that is not there yet: a scratch one, with the catalogue the real
 * one would get. */
static int scratch_store(char **dir, struct store **s)
{
	*dir = m_make_scratch_dir("mellan-dry-run");
	if (!*dir) {
		struct merr err = {0};
		merr_set(&err, M_OTHER, MR_IO,
		         _("cannot make a scratch directory for the dry run (%s)"),
		         strerror(errno));
		return cli_fail(&err);
	}
	char *path = xasprintf("%s/dry-run.db", *dir);
	int rc = cli_open_store(path, STORE_CREATE, s);
	free(path);
	return rc;
}

int cli_import(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"map", required_argument, NULL, 'm'},
	    {"ignore", required_argument, NULL, 'i'},
	    {"actor", required_argument, NULL, 'a'},
	    {"new-actors", required_argument, NULL, 'n'},
	    {"sheet", required_argument, NULL, 's'},
	    {"case", required_argument, NULL, 'c'},
	    {"dry-run", no_argument, NULL, 'D'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	bool dry_run = false;
	struct imp_options io;
	imp_options_init(&io);
	int c, rc = M_OK;
	cli_getopt_reset();
	while (rc == M_OK && (c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'D')
			dry_run = true;
		else
			rc = sheet_option(c, optarg, &io);
	}
	int n;
	char **rest = rc == M_OK ? cli_operands(argc, argv, &n) : NULL;
	if (rc == M_OK && n != 1)
		rc = cli_usage_error(_("%s needs one file: mellan import [--db FILE] [OPTIONS] IN"),
		                     "import");
	char *path = rc == M_OK ? cli_db_path(db) : NULL;
	if (rc == M_OK && !path)
		rc = M_USAGE;
	struct merr err = {0};
	FILE *in = NULL;
	if (rc == M_OK && cmd_import_open(rest[0], &in, &err) != M_OK)
		rc = cli_fail(&err);
	bool fresh = path && access(path, F_OK) != 0;
	char **dirs = NULL, *scratch = NULL;
	size_t n_dirs = rc == M_OK && fresh && !dry_run ? missing_dirs(path, &dirs) : 0;
	struct store *s = NULL;
	if (rc == M_OK && dry_run && fresh)
		rc = scratch_store(&scratch, &s);
	else if (rc == M_OK)
		rc = cli_open_store(path, dry_run ? STORE_READONLY : STORE_CREATE, &s);
	struct cli_output o;
	if (rc == M_OK)
		rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		enum mstatus st = cmd_import(s, rest[0], in, fresh, &io, dry_run, o.fp,
		                             cli_progress(), NULL, &err);
		cli_progress_done();
		/* A dry run's preview is kept when the import would be refused, and comes before
		 * the line that says why. */
		int crc = cli_output_close(&o, st == M_OK || dry_run);
		rc = st != M_OK ? cli_fail(&err) : crc;
	}
	if (in)
		fclose(in);
	store_close(&s);
	if (scratch) {
		m_remove_scratch_dir(scratch);
		free(scratch);
	} else if (rc != M_OK && fresh && !dry_run) {
		remove_new(path, dirs, n_dirs);
	}
	for (size_t i = 0; i < n_dirs; i++)
		free(dirs[i]);
	free(dirs);
	free(path);
	imp_options_clear(&io);
	return rc;
}
