/* salvage.c - the copy backup makes of a damaged file that VACUUM INTO cannot read whole. Every
 * table is read row by row, from the front up to the damage and from the back down to it, into a
 * new file made from the old one's schema; indexes and triggers are made after the rows (so no
 * trigger writes history for a copied row), and the search index is built anew. What lies
 * between two damaged places of one table is lost; everything else is kept. */
#include "private.h"

#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	char *type, *name, *sql;
};

/* Rows of src's table into the table of the same name in dst, from the first rowid up: false
 * when the damage stopped the reading. *last is the last rowid read. WITHOUT ROWID tables are
 * read once, in key order. */
static bool copy_pass(sqlite3 *src, sqlite3 *dst, const char *table, bool desc, sqlite3_int64 *last,
                      bool *rowid)
{
	char *sql = desc
	                ? sqlite3_mprintf("SELECT rowid, * FROM main.\"%w\" WHERE rowid > ?1 "
	                                  "ORDER BY rowid DESC",
	                                  table)
	                : sqlite3_mprintf("SELECT rowid, * FROM main.\"%w\" ORDER BY rowid", table);
	sqlite3_stmt *sel = NULL, *ins = NULL;
	*rowid = sqlite3_prepare_v2(src, sql, -1, &sel, NULL) == SQLITE_OK;
	sqlite3_free(sql);
	if (!*rowid) {
		sql = sqlite3_mprintf("SELECT NULL, * FROM main.\"%w\"", table);
		int rc = sqlite3_prepare_v2(src, sql, -1, &sel, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			return false;
	}
	int n = sqlite3_column_count(sel) - 1;
	char *marks = xmalloc((size_t)n * 2 + 1);
	for (int i = 0; i < n; i++)
		memcpy(marks + i * 2, "?,", 2);
	marks[n > 0 ? n * 2 - 1 : 0] = '\0';
	sql = sqlite3_mprintf("INSERT OR IGNORE INTO main.\"%w\" VALUES (%s)", table, marks);
	free(marks);
	bool ok = sqlite3_prepare_v2(dst, sql, -1, &ins, NULL) == SQLITE_OK;
	sqlite3_free(sql);
	if (ok && desc)
		sqlite3_bind_int64(sel, 1, *last);
	int rc = SQLITE_ROW;
	while (ok && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i + 1));
		ok = sqlite3_step(ins) == SQLITE_DONE;
		sqlite3_reset(ins);
		if (!desc)
			*last = sqlite3_column_int64(sel, 0);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return ok && rc == SQLITE_DONE;
}

/* Whole, or both ends up to the damage: false when rows were lost. */
static bool copy_table(sqlite3 *src, sqlite3 *dst, const char *table)
{
	sqlite3_int64 last = 0;
	bool rowid;
	if (copy_pass(src, dst, table, false, &last, &rowid))
		return true;
	if (rowid)
		copy_pass(src, dst, table, true, &last, &rowid);
	return false;
}

static bool exists_in(sqlite3 *db, const char *name)
{
	sqlite3_stmt *q = NULL;
	bool yes = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", -1, &q, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
		yes = sqlite3_step(q) == SQLITE_ROW;
	}
	sqlite3_finalize(q);
	return yes;
}

/* The schema as the old file has it, in the order it was made. */
static bool read_schema(sqlite3 *src, struct entry **out, size_t *n)
{
	sqlite3_stmt *q = NULL;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(src,
	                       "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
	                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
	                       -1, &q, NULL) != SQLITE_OK)
		return false;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		struct entry *e = &(*out)[(*n)++];
		e->type = xstrdup((const char *)sqlite3_column_text(q, 0));
		e->name = xstrdup((const char *)sqlite3_column_text(q, 1));
		e->sql = xstrdup((const char *)sqlite3_column_text(q, 2));
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE;
}

static void free_schema(struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].type);
		free(e[i].name);
		free(e[i].sql);
	}
	free(e);
}

static bool is_virtual(const struct entry *e)
{
	return strncmp(e->sql, "CREATE VIRTUAL TABLE", 20) == 0;
}

/* Tables first: the virtual ones, which make their own shadow tables (those are not copied, the
 * search index is built anew), then the others; then the rows; then indexes, triggers, views. */
static enum mstatus rebuild(struct store *s, struct store *d, const struct entry *e, size_t n,
                            long *lost, struct merr *err)
{
	enum mstatus st = M_OK;
	bool *made = xcalloc(n ? n : 1, sizeof *made);
	for (size_t i = 0; i < n && st == M_OK; i++)
		if (strcmp(e[i].type, "table") == 0 && is_virtual(&e[i]))
			st = db_exec(d, e[i].sql, err);
	for (size_t i = 0; i < n && st == M_OK; i++)
		if (strcmp(e[i].type, "table") == 0 && !is_virtual(&e[i]) &&
		    !exists_in(d->db, e[i].name)) {
			st = db_exec(d, e[i].sql, err);
			made[i] = true;
		}
	for (size_t i = 0; i < n && st == M_OK; i++)
		if (made[i] && !copy_table(s->db, d->db, e[i].name))
			(*lost)++;
	for (size_t i = 0; i < n && st == M_OK; i++)
		if (strcmp(e[i].type, "table") != 0)
			st = db_exec(d, e[i].sql, err);
	free(made);
	return st;
}

enum mstatus db_salvage(struct store *s, const char *tmp, long *lost, struct merr *err)
{
	*lost = 0;
	struct store d = {.path = (char *)tmp};
	struct entry *e = NULL;
	size_t n = 0;
	int rc = sqlite3_open_v2(tmp, &d.db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = db_register(d.db);
	enum mstatus st = rc == SQLITE_OK ? M_OK : db_error(&d, rc, err);
	if (st == M_OK && !read_schema(s->db, &e, &n))
		st = db_error(s, sqlite3_errcode(s->db), err);
	/* Not in place until it is whole and synced (output.h): no journal is needed. */
	if (st == M_OK)
		st = db_exec(&d,
		             "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = OFF; "
		             "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN",
		             err);
	if (st == M_OK)
		st = rebuild(s, &d, e, n, lost, err);
	if (st == M_OK) {
		char *sql = sqlite3_mprintf("PRAGMA application_id = %d; PRAGMA user_version = %d",
		                            DB_APPLICATION_ID, s->version);
		st = db_exec(&d, sql, err);
		sqlite3_free(sql);
	}
	if (st == M_OK)
		st = db_search_rebuild(&d, err);
	if (st == M_OK)
		st = db_exec(&d, "COMMIT", err);
	free_schema(e, n);
	sqlite3_close(d.db);
	return st;
}
