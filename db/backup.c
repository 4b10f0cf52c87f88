/* backup.c - `mellan backup OUT`: a consistent copy of the whole file, also while a TUI or
 * another mellan writes to it. VACUUM INTO reads one snapshot in one read transaction and
 * writes a compact new file; it is written into a private temporary file beside OUT (output.h),
 * checked, synced and only then renamed into place, so OUT is always either the old file or a
 * whole new copy. */
#include "private.h"

#include "core/i18n.h"
#include "core/output.h"
#include "core/store_exchange.h"
#include "core/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The copy, read back through a connection of its own: intact and ours. */
static enum mstatus check_copy(const char *tmp, const char *out, struct merr *err)
{
	sqlite3 *db = NULL;
	char *uri = db_immutable_uri(tmp);
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	sqlite3_stmt *q = NULL;
	bool ok = false;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(
		    db,
		    "SELECT (SELECT integrity_check FROM pragma_integrity_check) = "
		    "'ok' AND (SELECT application_id FROM pragma_application_id) "
		    "= ?1",
		    -1, &q, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_int64(q, 1, DB_APPLICATION_ID);
	if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		ok = sqlite3_column_int(q, 0) != 0;
	sqlite3_finalize(q);
	sqlite3_close(db);
	if (!ok)
		return merr_set(err, M_OTHER, MR_IO,
		                _("%s: the copy did not read back intact; the old copy, if any, is "
		                  "kept"),
		                out);
	return M_OK;
}

/* VACUUM INTO reads every row in one go and stops at the first damaged page; then the rows are
 * read one by one instead (salvage.c), and the copy says how much it holds. */
static enum mstatus salvage(struct store *s, struct output *o, struct merr *err)
{
	long lost = 0;
	enum mstatus st = ftruncate(fileno(o->fp), 0) == 0
	                      ? db_salvage(s, o->tmp, &lost, err)
	                      : merr_set(err, M_OTHER, MR_IO, _("%s: cannot write the copy (%s)"),
	                                 o->name, strerror(errno));
	if (st == M_OK)
		st = check_copy(o->tmp, o->name, err);
	char *keep = st == M_OK && lost ? xstrdup(o->name) : NULL; /* output_commit frees o */
	if (st == M_OK)
		st = output_commit(o, err);
	else
		output_discard(o);
	if (st == M_OK && keep)
		st = merr_set(
		    err, M_DATA, MR_NOT_DB,
		    ngettext("%s: the database is damaged; %s holds all that could still be "
		             "read, but rows of %ld table could not be",
		             "%s: the database is damaged; %s holds all that could still be "
		             "read, but rows of %ld tables could not be",
		             (unsigned long)lost),
		    s->path, keep, lost);
	free(keep);
	return st;
}

enum mstatus store_backup(struct store *s, const char *out, unsigned flags, struct merr *err)
{
	struct output o;
	enum mstatus st = output_open(&o, out, flags, s, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s, "VACUUM main INTO :tmp"); /* the new file is empty, as it wants */
	q_text(&q, ":tmp", o.tmp);
	q_exec(&q);
	st = q_finish(&q, err);
	if (st == M_DATA && err && err->reason == MR_NOT_DB)
		return salvage(s, &o, err);
	if (st == M_OK)
		st = check_copy(o.tmp, out, err);
	if (st == M_OK)
		return output_commit(&o, err);
	output_discard(&o);
	return st;
}
