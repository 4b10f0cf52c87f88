/* schema.c - the database schema, version 1, as one commented constant, the triggers that keep
 * `updated` and the history, and the migrations that bring an older file up to date.
 *
 * Conventions of every record table: an integer `id` for joins inside this file, a random v4
 * `uuid` that names the record across laptops (merge goes by it), and `created`/`updated` in UTC
 * ISO-8601 with milliseconds. Enumerations are stored as the stable codes of core/model.c and
 * checked here, so another tool writing the file cannot put in what mellan cannot read. Times of
 * the story are fuzzy-time codes (core/fuzzytime.h); the derived sort keys are ISO dates. */
#include "private.h"

#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define RECORD                                                                                     \
	"id INTEGER PRIMARY KEY,\n"                                                                \
	"uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"                                   \
	"created TEXT NOT NULL DEFAULT (" NOW "),\n"                                               \
	"updated TEXT NOT NULL DEFAULT (" NOW "),\n"

/* One statement per element: C compilers need not take one string this long. */
static const char *const schema_v1[] = {
    /* The catalogue: organisations and functions that can act. One catalogue for all cases. */
    "CREATE TABLE actor (\n" RECORD "  name TEXT NOT NULL CHECK (name <> ''),\n"
    "  short_label TEXT,              -- for narrow columns: 'Soc'\n"
    "  sector TEXT NOT NULL CHECK (sector IN ('municipality', 'state', 'region', 'civil',\n"
    "                              'business', 'academia', 'network')),\n"
    "  colour INTEGER NOT NULL DEFAULT 0 CHECK (colour BETWEEN 0 AND 7), -- theme palette index\n"
    "  description TEXT\n"
    ");\n",
    /* Gap categories, in the order the workshops walk through them. */
    "CREATE TABLE category (\n" RECORD
    "  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- stable: 'handover-broke'\n"
    "  name TEXT NOT NULL CHECK (name <> ''),\n"
    "  description TEXT,\n"
    "  sort_order INTEGER NOT NULL DEFAULT 0\n"
    ");\n",
    /* Ages where rules change, and whose responsibility starts or ends there. */
    "CREATE TABLE threshold (\n" RECORD "  age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 30),\n"
    "  label TEXT NOT NULL CHECK (label <> ''),\n"
    "  actor_id INTEGER REFERENCES actor (id) ON DELETE SET NULL,\n"
    "  starts INTEGER NOT NULL DEFAULT 0 CHECK (starts IN (0, 1)) -- 1 starts, 0 ends\n"
    ");\n",
    /* One anonymised young person ('case' is an SQL keyword). Never a name, an identity
     * number, an address or a birth date: the birth year is a year. */
    "CREATE TABLE kase (\n" RECORD
    "  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- the pseudonym\n"
    "  birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),\n"
    "  gender TEXT,\n"
    "  area TEXT,                     -- kind of area, 'storstad'\n"
    "  summary TEXT,\n"
    "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'reviewed'))\n"
    ");\n",
    /* One event or period of the story. sort_from/sort_to are derived from time and the
     * case's birth year when the step is written; seq is the facilitator's order and breaks
     * ties between equal or missing times. */
    "CREATE TABLE step (\n" RECORD
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
    ");\n",
    "CREATE INDEX step_timeline ON step (case_id, sort_from, sort_to, seq);\n",
    /* Risk and protective factors present at a step. */
    "CREATE TABLE factor (\n" RECORD
    "  step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('risk', 'protective')),\n"
    "  text TEXT NOT NULL CHECK (text <> '')\n"
    ");\n",
    "CREATE INDEX factor_step ON factor (step_id);\n",
    /* What one actor did, or could have done, at a step or over a span of steps. */
    "CREATE TABLE intervention (\n" RECORD
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
    "  effect INTEGER NOT NULL DEFAULT 0 CHECK (effect BETWEEN -2 AND 2) -- the group's view\n"
    ");\n",
    "CREATE INDEX intervention_case ON intervention (case_id);\n",
    /* A referral or hand-over between actors. received/acted NULL: it never happened, a gap
     * the program can see by itself. */
    "CREATE TABLE handover (\n" RECORD
    "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
    "  step_id INTEGER REFERENCES step (id) ON DELETE SET NULL,\n"
    "  from_actor INTEGER NOT NULL REFERENCES actor (id),\n"
    "  to_actor INTEGER NOT NULL REFERENCES actor (id),\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('referral', 'transfer')),\n"
    "  sent TEXT,                     -- fuzzy-time codes\n"
    "  received TEXT,\n"
    "  acted TEXT,\n"
    "  note TEXT\n"
    ");\n",
    "CREATE INDEX handover_case ON handover (case_id);\n",
    /* Where the young person fell between the chairs: at a step, or between two. */
    "CREATE TABLE gap (\n" RECORD
    "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
    "  step_id INTEGER REFERENCES step (id) ON DELETE CASCADE,\n"
    "  step_to INTEGER REFERENCES step (id) ON DELETE SET NULL,\n"
    "  category_id INTEGER NOT NULL REFERENCES category (id),\n"
    "  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),\n"
    "  what_happened TEXT,\n"
    "  what_must_change TEXT,\n"
    "  level TEXT NOT NULL DEFAULT 'practice' CHECK (level IN ('practice', 'organisation',\n"
    "                              'policy')),\n"
    "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'lifted', 'addressed'))\n"
    ");\n",
    "CREATE INDEX gap_case ON gap (case_id);\n",
    "CREATE INDEX gap_category ON gap (category_id);\n",
    /* The actors that were involved in a gap, or could have acted. */
    "CREATE TABLE gap_actor (\n" RECORD
    "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
    "  actor_id INTEGER NOT NULL REFERENCES actor (id),\n"
    "  role TEXT NOT NULL CHECK (role IN ('involved', 'could')),\n"
    "  UNIQUE (gap_id, actor_id, role)\n"
    ");\n",
    /* What must be done about a gap, by whom, who holds the thread, and when to follow up. */
    "CREATE TABLE action (\n" RECORD
    "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
    "  what TEXT NOT NULL CHECK (what <> ''),\n"
    "  actor_id INTEGER REFERENCES actor (id),\n"
    "  lead_id INTEGER REFERENCES actor (id),\n"
    "  follow_up TEXT,                -- fuzzy-time code, usually a date\n"
    "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped'))\n"
    ");\n",
    "CREATE INDEX action_gap ON action (gap_id);\n",
    /* A session of the alliance. sectors: comma-separated sector codes, never names. */
    "CREATE TABLE workshop (\n" RECORD "  date TEXT NOT NULL CHECK (date <> ''),\n"
    "  place TEXT,\n"
    "  sectors TEXT,\n"
    "  notes TEXT\n"
    ");\n",
    "CREATE TABLE workshop_case (\n" RECORD
    "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,\n"
    "  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,\n"
    "  UNIQUE (workshop_id, case_id)\n"
    ");\n",
    /* What a workshop noted and decided, so the next one can see it. Append-only (triggers
     * below), so no cascade: a workshop with a log is never deleted. */
    "CREATE TABLE workshop_log (\n" RECORD
    "  workshop_id INTEGER NOT NULL REFERENCES workshop (id),\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('note', 'decision')),\n"
    "  text TEXT NOT NULL CHECK (text <> '')\n"
    ");\n",
    "CREATE TRIGGER workshop_log_no_update BEFORE UPDATE ON workshop_log\n"
    "BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;\n",
    "CREATE TRIGGER workshop_log_no_delete BEFORE DELETE ON workshop_log\n"
    "BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;\n",
    /* The group's priorities: dots on gaps. */
    "CREATE TABLE vote (\n" RECORD
    "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,\n"
    "  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,\n"
    "  dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 100)\n"
    ");\n",
    /* Names the privacy scanner must catch in any text: the alliance's own list. */
    "CREATE TABLE name_block (\n" RECORD "  name TEXT NOT NULL UNIQUE CHECK (name <> '')\n"
    ");\n",
    /* Every change to a record table, written by triggers: what, old and new values as JSON
     * objects of the row's columns, when and by whose initials. Undo and merge read it. */
    "CREATE TABLE history (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL,\n"
    "  row_uuid TEXT NOT NULL,\n"
    "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
    "  old TEXT,                      -- json_object of the row before; NULL for insert\n"
    "  new TEXT,                      -- json_object of the row after; NULL for delete\n"
    "  at TEXT NOT NULL DEFAULT (" NOW "),\n"
    "  editor TEXT                    -- initials\n"
    ");\n",
    "CREATE INDEX history_row ON history (row_uuid);\n",
    /* The initials of whoever writes now. Triggers may read only main-schema tables, so the db
     * layer sets this row at the start of every write transaction. */
    "CREATE TABLE editor (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  initials TEXT\n"
    ");\n",
    "INSERT INTO editor (id, initials) VALUES (1, NULL);\n",
    "CREATE TABLE settings (\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT\n"
    ") WITHOUT ROWID;\n",
};

/* The tables whose rows are records: each gets the `updated` and history triggers. */
static const char *const record_tables[] = {
    "actor",         "category",     "threshold", "kase",       "step",   "factor",
    "intervention",  "handover",     "gap",       "gap_actor",  "action", "workshop",
    "workshop_case", "workshop_log", "vote",      "name_block",
};

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

static enum mstatus migrate_0_to_1(struct store *s, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < sizeof schema_v1 / sizeof *schema_v1; i++)
		st = db_exec(s, schema_v1[i], err);
	struct sbuf b = {0};
	sb_add(&b, "");
	for (size_t i = 0; st == M_OK && i < sizeof record_tables / sizeof *record_tables; i++)
		st = record_triggers(s, record_tables[i], &b, err);
	if (st == M_OK)
		st = db_exec(s, b.p, err);
	free(b.p);
	return st;
}

enum mstatus db_record_triggers(struct store *s, const char *tbl, struct merr *err)
{
	struct sbuf b = {0};
	sb_add(&b, "");
	enum mstatus st = record_triggers(s, tbl, &b, err);
	if (st == M_OK)
		st = db_exec(s, b.p, err);
	free(b.p);
	return st;
}

/* migrations[v] brings a file from version v to v + 1. */
static enum mstatus (*const migrations[DB_SCHEMA_VERSION])(struct store *, struct merr *) = {
    migrate_0_to_1,
    db_migrate_edit,
    migrate_merge,
    db_migrate_privacy,
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
		int v = 0;
		st = read_version(s, &v, err);
		if (st == M_OK && v < DB_SCHEMA_VERSION) {
			st = migrations[v](s, err);
			if (st == M_OK) {
				char *sql = xasprintf("PRAGMA user_version = %d; "
				                      "PRAGMA application_id = %d;",
				                      v + 1, DB_APPLICATION_ID);
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
