/* cmd_import.c - `mellan import FILE`: a JSON export (mellan(5)), or a chronology kept in a
 * spreadsheet (CSV or .xlsx), told apart by the first character that is not a BOM or a blank:
 * '{' is JSON. All or nothing; --dry-run says what a spreadsheet would add and writes nothing. */
#include "commands.h"

#include "i18n.h"
#include "import_rows.h"
#include "seed.h"
#include "store_exchange.h"
#include "text.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Larger than any export of a workshop's cases, small enough to hold at once: JSON is parsed
 * whole. A chronology is read a row at a time and has no such limit. */
#define MAX_IMPORT (512L * 1024 * 1024)

enum mstatus cmd_import_open(const char *path, FILE **in, struct merr *err)
{
	*in = NULL;
	/* Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return merr_set(
		    err,
		    e == ENOENT || e == EACCES || e == ENOTDIR || e == ELOOP ? M_DATA : M_OTHER,
		    e == ENOENT ? MR_NOT_FOUND : MR_IO,
		    _("%s: cannot read the file (%s); nothing was imported"), path, strerror(e));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return merr_set(
		    err, M_DATA, MR_INVALID,
		    _("%s: not a regular file (a directory, a pipe or a device); import "
		      "reads a saved JSON, CSV or .xlsx file; nothing was imported"),
		    path);
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	*in = fdopen(fd, "rb");
	if (!*in) {
		close(fd);
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file (%s)"), path,
		                strerror(errno));
	}
	return M_OK;
}

static enum mstatus read_all(const char *path, FILE *f, char **text, size_t *len, struct merr *err)
{
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= (size_t)MAX_IMPORT) {
				free(buf);
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: too large to import"), path);
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	if (ferror(f)) {
		free(buf);
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), path);
	}
	*text = buf;
	*len = n;
	return M_OK;
}

/* JSON starts with '{' or '[' after a BOM and blanks; the file is left at its start. */
static bool looks_like_json(FILE *f)
{
	int c = getc(f);
	if (c == 0xEF && getc(f) == 0xBB && getc(f) == 0xBF)
		c = getc(f);
	while (c == ' ' || c == '\t' || c == '\r' || c == '\n')
		c = getc(f);
	rewind(f);
	return c == '{' || c == '[';
}

static bool options_given(const struct imp_options *o)
{
	return o && (o->n_columns || o->n_actors || o->new_sector >= 0 || o->sheet || o->case_code);
}

/* A spreadsheet: seen whole first, so that everything it lacks is said at once; then, unless this
 * is a dry run, written. */
static enum mstatus import_sheet(struct store *s, const char *path, FILE *in,
                                 const struct imp_options *opts, bool dry_run, FILE *out,
                                 store_progress_fn progress, void *arg,
                                 struct store_exchange_report *rep, long *actors, struct merr *err)
{
	struct importer *im = NULL;
	enum mstatus st = imp_open(s, path, in, opts, &im, err);
	if (st == M_OK)
		st = imp_scan(im, progress, arg, err);
	if (st == M_OK && dry_run)
		imp_preview(im, out);
	if (st == M_OK)
		st = imp_check_names(im, err);
	if (st == M_OK && !dry_run)
		st = imp_write(im, rep, progress, arg, err);
	const struct imp_plan *p = im ? imp_plan(im) : NULL;
	for (size_t i = 0; p && i < p->n_names; i++)
		*actors += p->names[i].sector >= 0;
	imp_close(&im);
	return st;
}

enum mstatus cmd_import(struct store *s, const char *path, FILE *in, bool fresh,
                        const struct imp_options *opts, bool dry_run, FILE *out,
                        store_progress_fn progress, void *arg, struct merr *err)
{
	struct store_exchange_report rep = {0};
	enum mstatus st = M_OK;
	long actors = 0;
	char *name = text_sanitize(path, 0); /* a file name is shown, never obeyed */
	if (looks_like_json(in) && (dry_run || options_given(opts))) {
		st = merr_set(err, M_USAGE, MR_INVALID,
		              _("%s: a JSON export is taken as it is: --dry-run, --map, --ignore, "
		                "--actor, --new-actors, --sheet and --case are for spreadsheets"),
		              name);
	} else if (looks_like_json(in)) {
		char *text = NULL;
		size_t len = 0;
		st = read_all(path, in, &text, &len, err);
		if (st == M_OK)
			st = store_import_json(s, path, text, len, &rep, progress, arg, err);
		free(text);
	} else {
		if (fresh)
			st = catalogue_load_defaults(s, err);
		if (st == M_OK)
			st = import_sheet(s, path, in, opts, dry_run, out, progress, arg, &rep,
			                  &actors, err);
	}
	if (st == M_OK && dry_run)
		fprintf(out, _("%s: nothing was written (--dry-run)\n"), name);
	if (st != M_OK || dry_run) {
		free(name);
		return st;
	}
	fprintf(out, _("%s: %ld added, %ld already here"), name, rep.added, rep.same);
	free(name);
	if (actors)
		fprintf(out,
		        ngettext(", %ld of them a new actor in the catalogue",
		                 ", %ld of them new actors in the catalogue",
		                 (unsigned long)actors),
		        actors);
	if (rep.matched)
		fprintf(out, _(", %ld actors or categories matched by name"), rep.matched);
	if (rep.kept)
		fprintf(out,
		        _(", %ld different here and kept as here (use 'mellan merge' to bring "
		          "changes over)"),
		        rep.kept);
	if (rep.history)
		fprintf(out, _(", %ld history entries"), rep.history);
	fputc('\n', out);
	cmd_tally_print(out, rep.kinds, &rep.kept_findings, &rep.settings, false);
	return M_OK;
}
