/* migrate_privacy.c - the schema for findings kept on purpose: when the facilitator keeps a
 * privacy finding (a name the story needs, a public phone number), it is recorded here and not
 * reported again. The found text itself is never stored: only a hash of the record, the field,
 * the kind and the text (core/privacy.h, privacy_key), so this table does not become one more
 * place where the identifying text lives after the story has been rewritten. */
#include "private.h"

enum mstatus db_migrate_privacy(struct store *s, struct merr *err)
{
	return db_exec(s,
	               "CREATE TABLE privacy_kept (\n"
	               "  id INTEGER PRIMARY KEY,\n"
	               "  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
	               "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),\n"
	               "  record_uuid TEXT NOT NULL CHECK (length(record_uuid) = 36),\n"
	               "  field TEXT NOT NULL CHECK (field <> ''),       -- 'narrative'\n"
	               "  key TEXT NOT NULL CHECK (length(key) = 16),    -- privacy_key(), a hash\n"
	               "  editor TEXT,                                   -- who kept it: initials\n"
	               "  UNIQUE (record_uuid, field, key)\n"
	               ");\n"
	               "CREATE INDEX privacy_kept_record ON privacy_kept (record_uuid);\n",
	               err);
}
