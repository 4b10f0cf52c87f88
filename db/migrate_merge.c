/* migrate_merge.c - a schema version of its own: where merge keeps the fields that were changed on both
 * sides, until someone decides. A conflict is found again by the next merge of the same file,
 * so it is recorded once (the unique index), and stays until it is resolved. */
#include "private.h"

static const char merge_schema[] =
    "CREATE TABLE merge_conflict (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL,               -- the record's table\n"
    "  row_uuid TEXT NOT NULL,\n"
    "  field TEXT NOT NULL,             -- the exchange key (mellan(5)): 'title'\n"
    "  ours TEXT,                       -- the values as exchanged: references as uuids\n"
    "  theirs TEXT,\n"
    "  what TEXT NOT NULL,              -- the record as people know it, when found\n"
    "  source TEXT NOT NULL,            -- the other file, as it was named\n"
    "  found TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),\n"
    "  resolved TEXT                    -- when someone decided; NULL while open\n"
    ");\n"
    "CREATE UNIQUE INDEX merge_conflict_once ON merge_conflict (tbl, row_uuid, field,\n"
    "  coalesce(theirs, ''));\n";

enum mstatus migrate_merge(struct store *s, struct merr *err)
{
	return db_exec(s, merge_schema, err);
}
