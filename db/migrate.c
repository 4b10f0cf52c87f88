/* migrate.c - bringing a file up to the schema of this program (schema.c), one version per
 * transaction: each version's statements, and below what they alone do not do. A file at version
 * 0 (new, or one whose making never finished) gets the whole schema at once instead. Another
 * mellan may be doing the same: each step looks again once it holds the write lock. */
#include "private.h"

#include "core/xalloc.h"

#include <stdlib.h>

/* Version 2: what the file holds already is searchable at once. */
static enum mstatus to_2(struct store *s, struct merr *err)
{
	enum mstatus st = db_schema_add(s, 2, err);
	if (st == M_OK)
		st = db_search_rebuild(s, err);
	return st;
}

/* Version 3: merge's conflicts. */
static enum mstatus to_3(struct store *s, struct merr *err)
{
	return db_schema_add(s, 3, err);
}

/* Version 4: privacy findings kept on purpose. */
static enum mstatus to_4(struct store *s, struct merr *err)
{
	return db_schema_add(s, 4, err);
}

/* migrations[v] brings a file from version v - 1 to v; [0] and [1] are never used (a file below
 * version 1 is made anew). */
static enum mstatus (*const migrations[DB_SCHEMA_VERSION + 1])(struct store *, struct merr *) = {
    [2] = to_2,
    [3] = to_3,
    [4] = to_4,
};

static enum mstatus read_version(struct store *s, int *v, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "PRAGMA user_version");
	*v = q_row(&q) ? (int)q_col_int(&q, 0) : 0;
	return q_finish(&q, err);
}

enum mstatus db_migrate(struct store *s, struct merr *err)
{
	enum mstatus st = read_version(s, &s->version, err);
	while (st == M_OK && s->version < DB_SCHEMA_VERSION) {
		st = db_exec(s, "BEGIN IMMEDIATE", err);
		if (st != M_OK)
			break;
		/* Another mellan may have migrated while we waited for the lock. */
		int v = 0, to = DB_SCHEMA_VERSION;
		st = read_version(s, &v, err);
		if (st == M_OK && v < DB_SCHEMA_VERSION) {
			to = v < 1 ? DB_SCHEMA_VERSION : v + 1;
			st = v < 1 ? db_schema_create(s, err) : migrations[to](s, err);
			if (st == M_OK) {
				char *sql = xasprintf("PRAGMA user_version = %d; "
				                      "PRAGMA application_id = %d;",
				                      to, DB_APPLICATION_ID);
				st = db_exec(s, sql, err);
				free(sql);
			}
		}
		if (st == M_OK)
			st = db_exec(s, "COMMIT", err);
		if (st != M_OK) {
			if (!sqlite3_get_autocommit(s->db))
				db_exec(s, "ROLLBACK", NULL);
			break;
		}
		st = read_version(s, &s->version, err);
	}
	return st;
}
