/* cmd_import.c - `mellan import FILE`: a JSON export (mellan(5)) or a CSV chronology, told apart
 * by the first character that is not a BOM or a blank: '{' is JSON. All or nothing. */
#include "catalogue.h"
#include "commands.h"
#include "i18n.h"
#include "import_csv.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Larger than any chronology or export of a workshop's cases, small enough to hold at once. */
#define MAX_IMPORT (512L * 1024 * 1024)

static enum mstatus read_all(const char *path, char **text, size_t *len, struct merr *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file (%s)"), path,
		                strerror(errno));
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= (size_t)MAX_IMPORT) {
				fclose(f);
				free(buf);
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: too large to import"), path);
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), path);
	}
	*text = buf;
	*len = n;
	return M_OK;
}

static bool looks_like_json(const char *t, size_t n)
{
	size_t i = n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
		i++;
	return i < n && (t[i] == '{' || t[i] == '[');
}

enum mstatus cmd_import(struct store *s, const char *path, bool fresh, FILE *out,
                        store_progress_fn progress, void *arg, struct merr *err)
{
	char *text = NULL;
	size_t len = 0;
	enum mstatus st = read_all(path, &text, &len, err);
	if (st != M_OK)
		return st;
	struct store_exchange_report rep = {0};
	if (looks_like_json(text, len)) {
		st = store_import_json(s, path, text, len, &rep, progress, arg, err);
	} else {
		struct csv_rows rows = {0};
		st = csv_read(path, text, len, &rows, err);
		if (st == M_OK && fresh)
			st = catalogue_load_defaults(s, err);
		if (st == M_OK)
			st = csv_import(s, path, &rows, &rep, err);
		csv_rows_clear(&rows);
	}
	free(text);
	if (st != M_OK)
		return st;
	fprintf(out, _("%s: %ld added, %ld already here"), path, rep.added, rep.same);
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
	return M_OK;
}
