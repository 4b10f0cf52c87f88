/* backup.c - `mellan backup OUT`: a consistent copy of the whole file, also while a TUI or
 * another mellan writes to it. VACUUM INTO reads one snapshot in one read transaction and
 * writes a compact new file; it is written into a private temporary file beside OUT, checked,
 * synced and only then renamed over OUT, so OUT is always either the old copy or a whole new. */
#include "private.h"

#include "core/i18n.h"
#include "core/store.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static enum mstatus io_error(const char *path, struct merr *err)
{
	return merr_set(err, M_OTHER, MR_IO, _("%s: cannot write the copy (%s)"), path,
	                strerror(errno));
}

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

enum mstatus store_backup(struct store *s, const char *out, struct merr *err)
{
	char *tmp = xasprintf("%s.XXXXXX", out);
	int fd = mkstemp(tmp); /* 0600, and empty, as VACUUM INTO wants it */
	if (fd < 0) {
		enum mstatus st = io_error(out, err);
		free(tmp);
		return st;
	}
	close(fd);
	struct q q;
	q_prepare(&q, s, "VACUUM main INTO :tmp");
	q_text(&q, ":tmp", tmp);
	q_exec(&q);
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK)
		st = check_copy(tmp, out, err);
	if (st == M_OK) {
		fd = open(tmp, O_RDONLY);
		if (fd < 0 || fsync(fd) != 0 || chmod(tmp, 0600) != 0)
			st = io_error(out, err);
		if (fd >= 0)
			close(fd);
	}
	if (st == M_OK && rename(tmp, out) != 0)
		st = io_error(out, err);
	if (st != M_OK)
		unlink(tmp);
	free(tmp);
	return st;
}
