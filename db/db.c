/* db.c - the thin, strict layer over SQLite: statements that remember their first error and
 * report it once, named parameters that fail loudly when misspelled, and the transactions every
 * write runs in. */
#include "private.h"

#include "core/i18n.h"
#include "core/store.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

/* What to do keeps what is intact: the file is kept, and backup copies out what can be read. */
enum mstatus db_damaged(const char *path, const char *detail, struct merr *err)
{
	return merr_set(err, M_DATA, MR_NOT_DB,
	                _("%s: the database is damaged (%s); keep the file as it is, and copy out "
	                  "what can still be read with 'mellan backup'"),
	                path, detail);
}

static enum mstatus error_line(const struct store *s, int rc, const char *detail, struct merr *err)
{
	const char *path = s->path;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return merr_set(
		    err, M_OTHER, MR_BUSY,
		    _("%s: another mellan is writing to this file; try again in a moment"), path);
	case SQLITE_FULL:
		return merr_set(err, M_OTHER, MR_IO,
		                _("%s: the disk is full; free some space and try again"), path);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_READONLY:
		return merr_set(err, M_OTHER, MR_IO,
		                _("%s: cannot read or write the file (%s); check the disk and the "
		                  "file's permissions"),
		                path, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return db_damaged(path, detail, err);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return merr_set(err, M_USAGE, MR_EXISTS,
			                _("%s: that value is already in use (%s); choose another"),
			                path, detail);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return merr_set(err, M_USAGE, MR_INVALID,
			                _("%s: refers to a record that does not exist (%s)"), path,
			                detail);
		return merr_set(err, M_USAGE, MR_INVALID,
		                _("%s: the database refuses this value (%s)"), path, detail);
	default:
		return merr_set(err, M_OTHER, MR_NONE, _("%s: database error: %s"), path, detail);
	}
}

enum mstatus db_error(struct store *s, int rc, struct merr *err)
{
	return error_line(s, rc, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc), err);
}

/* ---- statements ------------------------------------------------------------------------------ */

/* The message is kept at the moment of failure: finalize and later calls may replace it. */
static void q_fail(struct q *q, int rc)
{
	if (q->rc == SQLITE_OK) {
		q->rc = sqlite3_extended_errcode(q->s->db);
		if ((q->rc & 0xff) != (rc & 0xff))
			q->rc = rc;
		snprintf(q->msg, sizeof q->msg, "%s", sqlite3_errmsg(q->s->db));
	}
}

void q_prepare(struct q *q, struct store *s, const char *sql)
{
	if (s->keep_prepared)
		pq_prepare(q, s, sql);
	else
		q_prepare_new(q, s, sql);
}

void q_prepare_new(struct q *q, struct store *s, const char *sql)
{
	memset(q, 0, sizeof *q);
	q->s = s;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &q->st, NULL);
	if (rc != SQLITE_OK)
		q_fail(q, rc);
}

static int param(struct q *q, const char *name)
{
	if (q->rc != SQLITE_OK)
		return 0;
	int i = sqlite3_bind_parameter_index(q->st, name);
	if (i == 0) {
		q->rc = SQLITE_MISUSE;
		q->bad = name;
	}
	return i;
}

static void bound(struct q *q, int rc)
{
	if (rc != SQLITE_OK)
		q_fail(q, rc);
}

void q_text(struct q *q, const char *name, const char *v)
{
	int i = param(q, name);
	if (i)
		bound(q, v && *v ? sqlite3_bind_text(q->st, i, v, -1, SQLITE_TRANSIENT)
		                 : sqlite3_bind_null(q->st, i));
}

void q_int(struct q *q, const char *name, int64_t v)
{
	int i = param(q, name);
	if (i)
		bound(q, sqlite3_bind_int64(q->st, i, v));
}

void q_id(struct q *q, const char *name, m_id v)
{
	int i = param(q, name);
	if (i)
		bound(q, v ? sqlite3_bind_int64(q->st, i, v) : sqlite3_bind_null(q->st, i));
}

bool q_row(struct q *q)
{
	if (q->rc != SQLITE_OK)
		return false;
	int rc = sqlite3_step(q->st);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		q_fail(q, rc);
	return false;
}

void q_exec(struct q *q)
{
	while (q_row(q))
		;
}

enum mstatus q_finish(struct q *q, struct merr *err)
{
	if (q->pooled)
		return pq_finish(q, err);
	sqlite3_finalize(q->st);
	q->st = NULL;
	if (q->rc == SQLITE_OK)
		return M_OK;
	if (q->bad)
		return merr_set(err, M_OTHER, MR_NONE, _("%s: internal error: no SQL parameter %s"),
		                q->s->path, q->bad);
	return error_line(q->s, q->rc, q->msg, err);
}

char *q_col_text(struct q *q, int col)
{
	const unsigned char *t = sqlite3_column_text(q->st, col);
	return t ? xstrdup((const char *)t) : NULL;
}

int64_t q_col_int(struct q *q, int col)
{
	return sqlite3_column_int64(q->st, col);
}

bool q_col_null(struct q *q, int col)
{
	return sqlite3_column_type(q->st, col) == SQLITE_NULL;
}

enum mstatus db_exec(struct store *s, const char *sql, struct merr *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		return M_OK;
	int xrc = sqlite3_extended_errcode(s->db);
	enum mstatus st = error_line(s, (xrc & 0xff) == (rc & 0xff) ? xrc : rc,
	                             msg ? msg : sqlite3_errstr(rc), err);
	sqlite3_free(msg);
	return st;
}

/* ---- transactions ------------------------------------------------------------------------- */

/* IMMEDIATE takes the write lock now, so two mellans on one file wait for each other (up to the
 * busy timeout) instead of failing half-way. The editor row is per transaction because another
 * process with other initials may have written it since our last write. */
static enum mstatus begin_write(struct store *s, struct merr *err)
{
	if (s->readonly)
		return merr_set(err, M_OTHER, MR_IO,
		                _("%s: opened read-only; close the other view to edit"), s->path);
	enum mstatus st = db_exec(s, "BEGIN IMMEDIATE", err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s, "UPDATE editor SET initials = :initials WHERE id = 1");
	q_text(&q, ":initials", s->editor);
	q_exec(&q);
	st = q_finish(&q, err);
	if (st == M_OK)
		st = db_change_begin(s, err);
	if (st != M_OK)
		db_exec(s, "ROLLBACK", NULL);
	return st;
}

enum mstatus store_begin(struct store *s, struct merr *err)
{
	if (s->depth > 0) {
		s->depth++;
		return M_OK;
	}
	enum mstatus st = begin_write(s, err);
	if (st == M_OK)
		s->depth = 1;
	return st;
}

enum mstatus store_commit(struct store *s, struct merr *err)
{
	if (s->depth == 0)
		return M_OK;
	if (--s->depth > 0)
		return M_OK;
	s->savepoints = 0;
	if (sqlite3_get_autocommit(s->db))
		return merr_set(err, M_OTHER, MR_IO,
		                _("%s: the changes were undone after an error; try again"),
		                s->path);
	enum mstatus st = db_change_end(s, err);
	if (st == M_OK)
		st = db_exec(s, "COMMIT", err);
	if (st != M_OK && !sqlite3_get_autocommit(s->db))
		db_exec(s, "ROLLBACK", NULL);
	return st;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		db_exec(s, "ROLLBACK", NULL);
	s->depth = 0;
	s->savepoints = 0;
}

enum mstatus w_begin(struct store *s, struct merr *err)
{
	if (s->depth == 0)
		return begin_write(s, err);
	enum mstatus st = db_exec(s, "SAVEPOINT w", err);
	if (st == M_OK)
		s->savepoints++;
	return st;
}

enum mstatus w_end(struct store *s, enum mstatus st, struct merr *err)
{
	if (s->depth == 0) {
		if (sqlite3_get_autocommit(s->db))
			return st; /* SQLite already rolled back after a hard error */
		if (st == M_OK)
			st = db_change_end(s, err);
		if (st == M_OK) {
			st = db_exec(s, "COMMIT", err);
			if (st == M_OK)
				return M_OK;
		}
		db_exec(s, "ROLLBACK", NULL);
		return st;
	}
	if (s->savepoints == 0 || sqlite3_get_autocommit(s->db))
		return st;
	s->savepoints--;
	if (st != M_OK)
		db_exec(s, "ROLLBACK TO w", NULL);
	enum mstatus rel = db_exec(s, "RELEASE w", st == M_OK ? err : NULL);
	return st == M_OK ? rel : st;
}
