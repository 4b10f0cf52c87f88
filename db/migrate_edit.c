/* migrate_edit.c - schema version 2: what editing needs besides the records.
 *
 * change: one row per write transaction that left history behind, naming its history rows by
 *   their id range (writes are serialised by the write lock, so a transaction's rows are one
 *   unbroken range). Undo and redo go by it; they are changes of their own that point at the
 *   edit they undo or redo, so the history says who undid what. Each editor's initials have
 *   their own stack: undo takes that editor's latest edit still done, redo the earliest one
 *   undone, and a new edit drops what could still be redone.
 * search: the FTS5 index of the texts of steps, interventions and gaps. SQLite refuses FTS5 in
 *   triggers while trusted_schema is OFF, so db/search.c keeps it current from the history at
 *   the end of every write transaction, and catches up after other programs' writes.
 * Indexes on the columns that refer to a step, which deletes (and undo) look up.
 * dismissal: the proposed gaps (core/silence.h) a facilitator dismissed, not proposed again. A
 *   record table, so a dismissal is in the history and can be undone. */
#include "private.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

static const char *const schema_v2[] = {
    "CREATE TABLE change (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  first_history INTEGER NOT NULL, -- its history rows: first_history..last_history\n"
    "  last_history INTEGER NOT NULL CHECK (last_history >= first_history),\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),\n"
    "  target INTEGER REFERENCES change (id), -- undo, redo: the edit undone or redone\n"
    "  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),\n"
    "  editor TEXT,                   -- initials\n"
    "  at TEXT NOT NULL DEFAULT (" NOW ")\n"
    ");\n",
    "CREATE INDEX change_stack ON change (editor, kind, state);\n",
    /* rowid: the step's, intervention's or gap's id times 4, plus 1, 2 or 3 (search.c).
     * Diacritics are kept: å, ä and ö are letters of their own in Swedish. */
    "CREATE VIRTUAL TABLE search USING fts5 (body, prefix = '2 3',\n"
    "  tokenize = 'unicode61 remove_diacritics 0');\n",
    /* Deleting a step, and undoing its adding, looks up what refers to it: without these,
     * each step deleted read every intervention, hand-over and gap of the file. */
    "CREATE INDEX intervention_step_from ON intervention (step_from);\n",
    "CREATE INDEX intervention_step_to ON intervention (step_to);\n",
    "CREATE INDEX handover_step ON handover (step_id);\n",
    "CREATE INDEX gap_step ON gap (step_id);\n",
    "CREATE INDEX gap_step_to ON gap (step_to);\n",
    "CREATE TABLE dismissal (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
    "  created TEXT NOT NULL DEFAULT (" NOW "),\n"
    "  updated TEXT NOT NULL DEFAULT (" NOW "),\n"
    "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
    "  key TEXT NOT NULL CHECK (key <> ''), -- what was proposed (core/silence.h)\n"
    "  UNIQUE (case_id, key)\n"
    ");\n",
};

enum mstatus db_migrate_edit(struct store *s, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < sizeof schema_v2 / sizeof *schema_v2; i++)
		st = db_exec(s, schema_v2[i], err);
	if (st == M_OK)
		st = db_record_triggers(s, "dismissal", err);
	/* What the file holds already is searchable at once. */
	if (st == M_OK)
		st = db_search_rebuild(s, err);
	return st;
}
