/* schema.c - the database schema, as one commented document at the current version: every
 * table, index and trigger a mellan file has, each statement marked with the version that
 * brought it. A new file is made from all of it at once (db_schema_create); an older file is
 * brought up by migrate.c, one version at a time, with the statements of that version.
 *
 * Conventions of every record table: an integer `id` for joins inside this file, a random v4
 * `uuid` that names the record across laptops (merge goes by it), and `created`/`updated` in UTC
 * ISO-8601 with milliseconds (RECORD below). Enumerations are stored as the stable codes of
 * core/model.c and checked here, so another tool writing the file cannot put in what mellan
 * cannot read. Times of the story are fuzzy-time codes (core/fuzzytime.h); the derived sort keys
 * are ISO dates. The comments inside the SQL stay in the file; the ones around it say what every
 * other column is.
 *
 * A statement's text never changes once it has shipped, not even a comment inside it: SQLite
 * keeps the text, and merge refuses a file whose schema is not, to the letter, the one mellan
 * makes. A new file and an old one brought up must end with the same text (test_schema.c checks
 * it against files the earlier versions made). So a change is a new version: its statements
 * appended below with the next number, DB_SCHEMA_VERSION raised, and a function in migrate.c for
 * whatever the statements alone do not do. A version that adds a column to a record table also
 * recreates that table's triggers there, since a new file gets them with the column. */
#include "private.h"

#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define RECORD                                                                                     \
	"id INTEGER PRIMARY KEY,\n"                                                                \
	"uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"                                   \
	"created TEXT NOT NULL DEFAULT (" NOW "),\n"                                               \
	"updated TEXT NOT NULL DEFAULT (" NOW "),\n"

struct schema_stmt {
	int version; /* the version that brought it */
	const char *sql;
};

/* One statement per element: C compilers need not take one string this long. */
static const struct schema_stmt schema[] = {
    /* ---- version 1: the journeys, the catalogue, the workshops, the history ---------------- */

    /* The catalogue: organisations and functions that can act. One catalogue for all cases.
     * name: as people in the room say it ("Socialtjänsten"); sector: which of the seven sectors
     * of the alliance it belongs to; description: what it does, for whoever does not know. */
    {1, "CREATE TABLE actor (\n" RECORD "  name TEXT NOT NULL CHECK (name <> ''),\n"
        "  short_label TEXT,              -- for narrow columns: 'Soc'\n"
        "  sector TEXT NOT NULL CHECK (sector IN ('municipality', 'state', 'region', 'civil',\n"
        "                              'business', 'academia', 'network')),\n"
        "  colour INTEGER NOT NULL DEFAULT 0 CHECK (colour BETWEEN 0 AND 7), -- theme palette "
        "index\n"
        "  description TEXT\n"
        ");\n"},
    /* Gap categories, in the order the workshops walk through them (sort_order). name: what
     * people read ("Överlämningen brast"); description: when a gap is of this kind. */
    {1, "CREATE TABLE category (\n" RECORD
        "  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- stable: 'handover-broke'\n"
        "  name TEXT NOT NULL CHECK (name <> ''),\n"
        "  description TEXT,\n"
        "  sort_order INTEGER NOT NULL DEFAULT 0\n"
        ");\n"},
    /* Ages where rules change, and whose responsibility starts or ends there. age: in whole
     * years; label: what changes ("Myndig"); actor_id: whose responsibility, NULL when it
     * concerns no one actor. */
    {1, "CREATE TABLE threshold (\n" RECORD "  age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 30),\n"
        "  label TEXT NOT NULL CHECK (label <> ''),\n"
        "  actor_id INTEGER REFERENCES actor (id) ON DELETE SET NULL,\n"
        "  starts INTEGER NOT NULL DEFAULT 0 CHECK (starts IN (0, 1)) -- 1 starts, 0 ends\n"
        ");\n"},
    /* One anonymised young person ('case' is an SQL keyword). Never a name, an identity
     * number, an address or a birth date: the birth year is a year. gender: optional free short
     * text; summary: the story in a few lines; status: how far the case has come in the
     * alliance's work. */
    {1, "CREATE TABLE kase (\n" RECORD
        "  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- the pseudonym\n"
        "  birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),\n"
        "  gender TEXT,\n"
        "  area TEXT,                     -- kind of area, 'storstad'\n"
        "  summary TEXT,\n"
        "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', "
        "'reviewed'))\n"
        ");\n"},
    /* One event or period of the story. sort_from/sort_to are derived from time and the
     * case's birth year when the step is written (core/story.h); seq is the facilitator's order
     * and breaks ties between equal or missing times. title: one line; narrative: what happened;
     * domain: the part of life it is about; certainty: how the alliance knows it. */
    {1, "CREATE TABLE step (\n" RECORD
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  time TEXT,                     -- fuzzy-time code: '2015-HT', 'AGE15/AGE16?'\n"
        "  sort_from TEXT,                -- ISO date, NULL when the time places no date\n"
        "  sort_to TEXT,\n"
        "  seq INTEGER NOT NULL CHECK (seq >= 1),\n"
        "  title TEXT NOT NULL CHECK (title <> ''),\n"
        "  narrative TEXT,\n"
        "  domain TEXT NOT NULL DEFAULT 'none' CHECK (domain IN ('none', 'family', 'school',\n"
        "                              'housing', 'health', 'leisure', 'work', 'justice')),\n"
        "  certainty TEXT NOT NULL DEFAULT 'observed' CHECK (certainty IN ('observed',\n"
        "                              'reported', 'inferred', 'disputed')),\n"
        "  voice TEXT,                    -- the young person's own words\n"
        "  note TEXT                      -- for the facilitator only, never projected\n"
        ");\n"},
    {1, "CREATE INDEX step_timeline ON step (case_id, sort_from, sort_to, seq);\n"},
    /* Risk and protective factors present at a step: kind and what it is, in a few words. */
    {1, "CREATE TABLE factor (\n" RECORD
        "  step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,\n"
        "  kind TEXT NOT NULL CHECK (kind IN ('risk', 'protective')),\n"
        "  text TEXT NOT NULL CHECK (text <> '')\n"
        ");\n"},
    {1, "CREATE INDEX factor_step ON factor (step_id);\n"},
    /* What one actor did, or could have done, at a step or over a span of steps: from
     * step_from to step_to. kind: made, possible but not made, declined by the young person,
     * refused by the actor, or waiting in a queue; what: what was done; outcome: what came of
     * it. */
    {1, "CREATE TABLE intervention (\n" RECORD
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  actor_id INTEGER NOT NULL REFERENCES actor (id),\n"
        "  step_from INTEGER REFERENCES step (id) ON DELETE CASCADE,\n"
        "  step_to INTEGER REFERENCES step (id) ON DELETE SET NULL, -- NULL: a single step\n"
        "  kind TEXT NOT NULL CHECK (kind IN ('made', 'possible', 'declined', 'refused',\n"
        "                              'waiting')),\n"
        "  start_time TEXT,               -- fuzzy-time codes\n"
        "  end_time TEXT,\n"
        "  what TEXT,\n"
        "  outcome TEXT,\n"
        "  effect INTEGER NOT NULL DEFAULT 0 CHECK (effect BETWEEN -2 AND 2) -- the group's "
        "view\n"
        ");\n"},
    {1, "CREATE INDEX intervention_case ON intervention (case_id);\n"},
    /* A referral or hand-over between actors, at the step where it was sent, from_actor to
     * to_actor. kind: a referral (remiss) or a transfer (överlämning). received/acted NULL: it
     * never happened, a gap the program can see by itself. note: what the facilitator knows of
     * it. */
    {1, "CREATE TABLE handover (\n" RECORD
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  step_id INTEGER REFERENCES step (id) ON DELETE SET NULL,\n"
        "  from_actor INTEGER NOT NULL REFERENCES actor (id),\n"
        "  to_actor INTEGER NOT NULL REFERENCES actor (id),\n"
        "  kind TEXT NOT NULL CHECK (kind IN ('referral', 'transfer')),\n"
        "  sent TEXT,                     -- fuzzy-time codes\n"
        "  received TEXT,\n"
        "  acted TEXT,\n"
        "  note TEXT\n"
        ");\n"},
    {1, "CREATE INDEX handover_case ON handover (case_id);\n"},
    /* Where the young person fell between the chairs: at step_id, or between it and step_to.
     * category_id: what kind of gap; severity: 1 low to 3 high; what_happened and
     * what_must_change: the group's words; level: where the change is needed (practice,
     * organisation, policy); status: open, lifted to decision makers, or addressed. */
    {1, "CREATE TABLE gap (\n" RECORD
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  step_id INTEGER REFERENCES step (id) ON DELETE CASCADE,\n"
        "  step_to INTEGER REFERENCES step (id) ON DELETE SET NULL,\n"
        "  category_id INTEGER NOT NULL REFERENCES category (id),\n"
        "  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),\n"
        "  what_happened TEXT,\n"
        "  what_must_change TEXT,\n"
        "  level TEXT NOT NULL DEFAULT 'practice' CHECK (level IN ('practice', "
        "'organisation',\n"
        "                              'policy')),\n"
        "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'lifted', "
        "'addressed'))\n"
        ");\n"},
    {1, "CREATE INDEX gap_case ON gap (case_id);\n"},
    {1, "CREATE INDEX gap_category ON gap (category_id);\n"},
    /* The actors that were involved in a gap (role 'involved'), or could have acted
     * ('could'). */
    {1, "CREATE TABLE gap_actor (\n" RECORD
        "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
        "  actor_id INTEGER NOT NULL REFERENCES actor (id),\n"
        "  role TEXT NOT NULL CHECK (role IN ('involved', 'could')),\n"
        "  UNIQUE (gap_id, actor_id, role)\n"
        ");\n"},
    /* What must be done about a gap (what), by whom (actor_id), who holds the thread (lead_id),
     * and when to follow up; status: open, done or dropped. */
    {1, "CREATE TABLE action (\n" RECORD
        "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
        "  what TEXT NOT NULL CHECK (what <> ''),\n"
        "  actor_id INTEGER REFERENCES actor (id),\n"
        "  lead_id INTEGER REFERENCES actor (id),\n"
        "  follow_up TEXT,                -- fuzzy-time code, usually a date\n"
        "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped'))\n"
        ");\n"},
    {1, "CREATE INDEX action_gap ON action (gap_id);\n"},
    /* A session of the alliance: its ISO date, place and notes. sectors: comma-separated
     * sector codes that took part, never names. */
    {1, "CREATE TABLE workshop (\n" RECORD "  date TEXT NOT NULL CHECK (date <> ''),\n"
        "  place TEXT,\n"
        "  sectors TEXT,\n"
        "  notes TEXT\n"
        ");\n"},
    /* The cases a workshop took up. */
    {1, "CREATE TABLE workshop_case (\n" RECORD
        "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,\n"
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  UNIQUE (workshop_id, case_id)\n"
        ");\n"},
    /* What a workshop noted and decided (kind), so the next one can see it. Append-only
     * (triggers below), so no cascade: a workshop with a log is never deleted. */
    {1, "CREATE TABLE workshop_log (\n" RECORD
        "  workshop_id INTEGER NOT NULL REFERENCES workshop (id),\n"
        "  kind TEXT NOT NULL CHECK (kind IN ('note', 'decision')),\n"
        "  text TEXT NOT NULL CHECK (text <> '')\n"
        ");\n"},
    {1, "CREATE TRIGGER workshop_log_no_update BEFORE UPDATE ON workshop_log\n"
        "BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;\n"},
    {1, "CREATE TRIGGER workshop_log_no_delete BEFORE DELETE ON workshop_log\n"
        "BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;\n"},
    /* The group's priorities: the dots a workshop put on a gap. */
    {1, "CREATE TABLE vote (\n" RECORD
        "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,\n"
        "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
        "  dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 100)\n"
        ");\n"},
    /* Names the privacy scanner must catch in any text: the alliance's own list. */
    {1, "CREATE TABLE name_block (\n" RECORD "  name TEXT NOT NULL UNIQUE CHECK (name <> '')\n"
        ");\n"},
    /* Every change to a record table, written by the triggers below: the table (tbl) and the
     * row's uuid, what was done (op), old and new values as JSON objects of the row's columns,
     * when (at) and by whose initials. Undo and merge read it. */
    {1, "CREATE TABLE history (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  tbl TEXT NOT NULL,\n"
        "  row_uuid TEXT NOT NULL,\n"
        "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
        "  old TEXT,                      -- json_object of the row before; NULL for insert\n"
        "  new TEXT,                      -- json_object of the row after; NULL for delete\n"
        "  at TEXT NOT NULL DEFAULT (" NOW "),\n"
        "  editor TEXT                    -- initials\n"
        ");\n"},
    {1, "CREATE INDEX history_row ON history (row_uuid);\n"},
    /* The initials of whoever writes now, in its one row. Triggers may read only main-schema
     * tables, so the db layer sets this row at the start of every write transaction. */
    {1, "CREATE TABLE editor (\n"
        "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
        "  initials TEXT\n"
        ");\n"},
    {1, "INSERT INTO editor (id, initials) VALUES (1, NULL);\n"},
    /* What the file remembers besides records, one value per key: 'follow' and 'follow-blank'
     * (presenter follow, follow.c), 'search_history' (how far the search index has read the
     * history, search.c), 'workshop-current', 'proposal-silence-days' and
     * 'proposal-handover-days' (workshop.c). */
    {1, "CREATE TABLE settings (\n"
        "  key TEXT PRIMARY KEY,\n"
        "  value TEXT\n"
        ") WITHOUT ROWID;\n"},

    /* ---- version 2: what editing needs besides the records ------------------------------- */

    /* One row per write transaction that left history behind, naming its history rows by their
     * id range (writes are serialised by the write lock, so a transaction's rows are one
     * unbroken range). Undo and redo go by it; they are changes of their own (kind) that point
     * at the edit they undo or redo (target), so the history says who undid what. Each editor's
     * initials have their own stack: undo takes that editor's latest edit still done, redo the
     * earliest one undone, and a new edit drops what could still be redone (state). at: when
     * it was made. */
    {2, "CREATE TABLE change (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  first_history INTEGER NOT NULL, -- its history rows: first_history..last_history\n"
        "  last_history INTEGER NOT NULL CHECK (last_history >= first_history),\n"
        "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),\n"
        "  target INTEGER REFERENCES change (id), -- undo, redo: the edit undone or redone\n"
        "  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),\n"
        "  editor TEXT,                   -- initials\n"
        "  at TEXT NOT NULL DEFAULT (" NOW ")\n"
        ");\n"},
    {2, "CREATE INDEX change_stack ON change (editor, kind, state);\n"},
    /* The full-text index of the texts of steps, interventions and gaps (body). SQLite refuses
     * FTS5 in triggers while trusted_schema is OFF, so db/search.c keeps it current from the
     * history at the end of every write transaction, and catches up after other programs'
     * writes. rowid: the step's, intervention's or gap's id times 4, plus 1, 2 or 3 (search.c).
     * Diacritics are kept: å, ä and ö are letters of their own in Swedish. */
    {2, "CREATE VIRTUAL TABLE search USING fts5 (body, prefix = '2 3',\n"
        "  tokenize = 'unicode61 remove_diacritics 0');\n"},
    /* Deleting a step, and undoing its adding, looks up what refers to it: without these,
     * each step deleted read every intervention, hand-over and gap of the file. */
    {2, "CREATE INDEX intervention_step_from ON intervention (step_from);\n"},
    {2, "CREATE INDEX intervention_step_to ON intervention (step_to);\n"},
    {2, "CREATE INDEX handover_step ON handover (step_id);\n"},
    {2, "CREATE INDEX gap_step ON gap (step_id);\n"},
    {2, "CREATE INDEX gap_step_to ON gap (step_to);\n"},
    /* The proposed gaps (core/silence.h) a facilitator dismissed in a case, by their key: not
     * proposed again. A record table, so a dismissal is in the history and can be undone. */
    {2, "CREATE TABLE dismissal (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
        "  created TEXT NOT NULL DEFAULT (" NOW "),\n"
        "  updated TEXT NOT NULL DEFAULT (" NOW "),\n"
        "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
        "  key TEXT NOT NULL CHECK (key <> ''), -- what was proposed (core/silence.h)\n"
        "  UNIQUE (case_id, key)\n"
        ");\n"},

    /* ---- version 3: merge's conflicts ------------------------------------------------------ */

    /* The fields a merge found changed on both sides, kept until someone decides: the record
     * (tbl, row_uuid), the field and both values (ours, theirs), what people call the record,
     * the file it came from, when it was found and when it was resolved. A conflict is found
     * again by the next merge of the same file, so it is recorded once (the unique index). */
    {3, "CREATE TABLE merge_conflict (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  tbl TEXT NOT NULL,               -- the record's table\n"
        "  row_uuid TEXT NOT NULL,\n"
        "  field TEXT NOT NULL,             -- the exchange key (mellan(5)): 'title'\n"
        "  ours TEXT,                       -- the values as exchanged: references as uuids\n"
        "  theirs TEXT,\n"
        "  what TEXT NOT NULL,              -- the record as people know it, when found\n"
        "  source TEXT NOT NULL,            -- the other file, as it was named\n"
        "  found TEXT NOT NULL DEFAULT (" NOW "),\n"
        "  resolved TEXT                    -- when someone decided; NULL while open\n"
        ");\n"},
    {3, "CREATE UNIQUE INDEX merge_conflict_once ON merge_conflict (tbl, row_uuid, field,\n"
        "  coalesce(theirs, ''));\n"},

    /* ---- version 4: privacy findings kept on purpose --------------------------------------- */

    /* When the facilitator keeps a privacy finding (a name the story needs, a public phone
     * number), it is recorded here and not reported again: the record it is in (record_uuid),
     * the field, and when (created). The found text itself is never stored, only a hash of the
     * record, the field, the kind and the text (core/privacy.h, privacy_key), so this table does
     * not become one more place where the identifying text lives after the story has been
     * rewritten. */
    {4, "CREATE TABLE privacy_kept (\n"
        "  id INTEGER PRIMARY KEY,\n"
        "  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
        "  created TEXT NOT NULL DEFAULT (" NOW "),\n"
        "  record_uuid TEXT NOT NULL CHECK (length(record_uuid) = 36),\n"
        "  field TEXT NOT NULL CHECK (field <> ''),       -- 'narrative'\n"
        "  key TEXT NOT NULL CHECK (length(key) = 16),    -- privacy_key(), a hash\n"
        "  editor TEXT,                                   -- who kept it: initials\n"
        "  UNIQUE (record_uuid, field, key)\n"
        ");\n"},
    {4, "CREATE INDEX privacy_kept_record ON privacy_kept (record_uuid);\n"},
};

/* ---- the triggers of a record table ---------------------------------------------------------- */

struct sbuf {
	char *p;
	size_t n, cap;
};

static void sb_add(struct sbuf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		b->cap = (b->n + k + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, k + 1);
	b->n += k;
}

static void sb_json(struct sbuf *b, const char *row, char **cols, size_t n)
{
	sb_add(b, "json_object(");
	for (size_t i = 0; i < n; i++) {
		sb_add(b, i ? ", '" : "'");
		sb_add(b, cols[i]);
		sb_add(b, "', ");
		sb_add(b, row);
		sb_add(b, ".");
		sb_add(b, cols[i]);
	}
	sb_add(b, ")");
}

static void sb_history(struct sbuf *b, const char *t, const char *op, const char *when, char **cols,
                       size_t n)
{
	const bool ins = strcmp(op, "insert") == 0, del = strcmp(op, "delete") == 0;
	sb_add(b, "CREATE TRIGGER ");
	sb_add(b, t);
	sb_add(b, "_history_");
	sb_add(b, op);
	sb_add(b, ins ? " AFTER INSERT ON " : del ? " AFTER DELETE ON " : " AFTER UPDATE ON ");
	sb_add(b, t);
	sb_add(b, when);
	sb_add(b, "\nBEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('");
	sb_add(b, t);
	sb_add(b, "', ");
	sb_add(b, del ? "OLD" : "NEW");
	sb_add(b, ".uuid, '");
	sb_add(b, op);
	sb_add(b, "', ");
	if (ins)
		sb_add(b, "NULL");
	else
		sb_json(b, "OLD", cols, n);
	sb_add(b, ", ");
	if (del)
		sb_add(b, "NULL");
	else
		sb_json(b, "NEW", cols, n);
	sb_add(b, ", (SELECT initials FROM editor WHERE id = 1)); END;\n");
}

/* The triggers of one record table, written from its columns so they can never miss one. */
static enum mstatus record_triggers(struct store *s, const char *t, struct sbuf *b,
                                    struct merr *err)
{
	char **cols = NULL;
	size_t n = 0;
	struct q q;
	q_prepare(&q, s, "SELECT name FROM pragma_table_info(:t) ORDER BY cid");
	q_text(&q, ":t", t);
	while (q_row(&q)) {
		cols = xreallocarray(cols, n + 1, sizeof *cols);
		cols[n++] = q_col_text(&q, 0);
	}
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK) {
		/* The touch below changes only `updated`: it must not be recorded as an edit. */
		struct sbuf w = {0};
		sb_add(&w, "\nWHEN NOT (");
		bool first = true;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(cols[i], "updated") == 0)
				continue;
			sb_add(&w, first ? "OLD." : " AND OLD.");
			sb_add(&w, cols[i]);
			sb_add(&w, " IS NEW.");
			sb_add(&w, cols[i]);
			first = false;
		}
		sb_add(&w, ")");
		sb_history(b, t, "insert", "", cols, n);
		sb_history(b, t, "update", w.p, cols, n);
		sb_history(b, t, "delete", "", cols, n);
		free(w.p);
		/* An update that sets `updated` itself (a merge keeping the other laptop's time)
		 * is left as it is. */
		sb_add(b, "CREATE TRIGGER ");
		sb_add(b, t);
		sb_add(b, "_touch AFTER UPDATE ON ");
		sb_add(b, t);
		sb_add(b, " WHEN NEW.updated IS OLD.updated\nBEGIN UPDATE ");
		sb_add(b, t);
		sb_add(b, " SET updated = " NOW " WHERE id = NEW.id; END;\n");
	}
	for (size_t i = 0; i < n; i++)
		free(cols[i]);
	free(cols);
	return st;
}

/* ---- making it ------------------------------------------------------------------------------- */

/* The statements of the versions from..to, then the triggers of their record tables. */
static enum mstatus make(struct store *s, int from, int to, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < sizeof schema / sizeof *schema; i++)
		if (schema[i].version >= from && schema[i].version <= to)
			st = db_exec(s, schema[i].sql, err);
	struct sbuf b = {0};
	sb_add(&b, "");
	/* The tables whose rows are records, every kind of core/records.h, get the `updated` and
	 * history triggers in the version that made the table. */
	for (size_t i = 0; st == M_OK && i < R_COUNT; i++)
		if (records[i].since >= from && records[i].since <= to)
			st = record_triggers(s, records[i].table, &b, err);
	if (st == M_OK)
		st = db_exec(s, b.p, err);
	free(b.p);
	return st;
}

enum mstatus db_schema_create(struct store *s, struct merr *err)
{
	return make(s, 1, DB_SCHEMA_VERSION, err);
}

enum mstatus db_schema_add(struct store *s, int version, struct merr *err)
{
	return make(s, version, version, err);
}
