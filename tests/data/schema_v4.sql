-- The schema of a file as mellan made it with 'mellan init' at version 4, before the schema was
-- one document: its sqlite3 .dump, with the rows of the default catalogue and their history
-- left out. A new file must get exactly this schema (tests/unit/test_schema.c), or merging it
-- with a file made then would be refused. Never edit it: it stands for files that exist.
PRAGMA application_id = 1296845902;
PRAGMA user_version = 4;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE actor (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  name TEXT NOT NULL CHECK (name <> ''),
  short_label TEXT,              -- for narrow columns: 'Soc'
  sector TEXT NOT NULL CHECK (sector IN ('municipality', 'state', 'region', 'civil',
                              'business', 'academia', 'network')),
  colour INTEGER NOT NULL DEFAULT 0 CHECK (colour BETWEEN 0 AND 7), -- theme palette index
  description TEXT
);
CREATE TABLE category (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- stable: 'handover-broke'
  name TEXT NOT NULL CHECK (name <> ''),
  description TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE threshold (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 30),
  label TEXT NOT NULL CHECK (label <> ''),
  actor_id INTEGER REFERENCES actor (id) ON DELETE SET NULL,
  starts INTEGER NOT NULL DEFAULT 0 CHECK (starts IN (0, 1)) -- 1 starts, 0 ends
);
CREATE TABLE kase (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  code TEXT NOT NULL UNIQUE CHECK (code <> ''), -- the pseudonym
  birth_year INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
  gender TEXT,
  area TEXT,                     -- kind of area, 'storstad'
  summary TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'reviewed'))
);
CREATE TABLE step (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  time TEXT,                     -- fuzzy-time code: '2015-HT', 'AGE15/AGE16?'
  sort_from TEXT,                -- ISO date, NULL when the time places no date
  sort_to TEXT,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  title TEXT NOT NULL CHECK (title <> ''),
  narrative TEXT,
  domain TEXT NOT NULL DEFAULT 'none' CHECK (domain IN ('none', 'family', 'school',
                              'housing', 'health', 'leisure', 'work', 'justice')),
  certainty TEXT NOT NULL DEFAULT 'observed' CHECK (certainty IN ('observed',
                              'reported', 'inferred', 'disputed')),
  voice TEXT,                    -- the young person's own words
  note TEXT                      -- for the facilitator only, never projected
);
CREATE TABLE factor (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('risk', 'protective')),
  text TEXT NOT NULL CHECK (text <> '')
);
CREATE TABLE intervention (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  step_from INTEGER REFERENCES step (id) ON DELETE CASCADE,
  step_to INTEGER REFERENCES step (id) ON DELETE SET NULL, -- NULL: a single step
  kind TEXT NOT NULL CHECK (kind IN ('made', 'possible', 'declined', 'refused',
                              'waiting')),
  start_time TEXT,               -- fuzzy-time codes
  end_time TEXT,
  what TEXT,
  outcome TEXT,
  effect INTEGER NOT NULL DEFAULT 0 CHECK (effect BETWEEN -2 AND 2) -- the group's view
);
CREATE TABLE handover (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  step_id INTEGER REFERENCES step (id) ON DELETE SET NULL,
  from_actor INTEGER NOT NULL REFERENCES actor (id),
  to_actor INTEGER NOT NULL REFERENCES actor (id),
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'transfer')),
  sent TEXT,                     -- fuzzy-time codes
  received TEXT,
  acted TEXT,
  note TEXT
);
CREATE TABLE gap (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  step_id INTEGER REFERENCES step (id) ON DELETE CASCADE,
  step_to INTEGER REFERENCES step (id) ON DELETE SET NULL,
  category_id INTEGER NOT NULL REFERENCES category (id),
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
  what_happened TEXT,
  what_must_change TEXT,
  level TEXT NOT NULL DEFAULT 'practice' CHECK (level IN ('practice', 'organisation',
                              'policy')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'lifted', 'addressed'))
);
CREATE TABLE gap_actor (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  role TEXT NOT NULL CHECK (role IN ('involved', 'could')),
  UNIQUE (gap_id, actor_id, role)
);
CREATE TABLE action (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,
  what TEXT NOT NULL CHECK (what <> ''),
  actor_id INTEGER REFERENCES actor (id),
  lead_id INTEGER REFERENCES actor (id),
  follow_up TEXT,                -- fuzzy-time code, usually a date
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped'))
);
CREATE TABLE workshop (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  date TEXT NOT NULL CHECK (date <> ''),
  place TEXT,
  sectors TEXT,
  notes TEXT
);
CREATE TABLE workshop_case (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  UNIQUE (workshop_id, case_id)
);
CREATE TABLE workshop_log (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  workshop_id INTEGER NOT NULL REFERENCES workshop (id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'decision')),
  text TEXT NOT NULL CHECK (text <> '')
);
CREATE TABLE vote (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
  gap_id INTEGER NOT NULL REFERENCES gap (id) ON DELETE CASCADE,
  dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 100)
);
CREATE TABLE name_block (
id INTEGER PRIMARY KEY,
uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  name TEXT NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_uuid TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  old TEXT,                      -- json_object of the row before; NULL for insert
  new TEXT,                      -- json_object of the row after; NULL for delete
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  editor TEXT                    -- initials
);
CREATE TABLE editor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  initials TEXT
);
INSERT INTO editor VALUES(1,'init');
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
INSERT INTO settings VALUES('search_history','0');
CREATE TABLE change (
  id INTEGER PRIMARY KEY,
  first_history INTEGER NOT NULL, -- its history rows: first_history..last_history
  last_history INTEGER NOT NULL CHECK (last_history >= first_history),
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
  target INTEGER REFERENCES change (id), -- undo, redo: the edit undone or redone
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
  editor TEXT,                   -- initials
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','search','search',0,'CREATE VIRTUAL TABLE search USING fts5 (body, prefix = ''2 3'',
  tokenize = ''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO search_data VALUES(1,X'');
INSERT INTO search_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'search_content'(id INTEGER PRIMARY KEY, c0);
CREATE TABLE IF NOT EXISTS 'search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO search_config VALUES('version',4);
CREATE TABLE dismissal (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  case_id INTEGER NOT NULL REFERENCES kase (id) ON DELETE CASCADE,
  key TEXT NOT NULL CHECK (key <> ''), -- what was proposed (core/silence.h)
  UNIQUE (case_id, key)
);
CREATE TABLE merge_conflict (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,               -- the record's table
  row_uuid TEXT NOT NULL,
  field TEXT NOT NULL,             -- the exchange key (mellan(5)): 'title'
  ours TEXT,                       -- the values as exchanged: references as uuids
  theirs TEXT,
  what TEXT NOT NULL,              -- the record as people know it, when found
  source TEXT NOT NULL,            -- the other file, as it was named
  found TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  resolved TEXT                    -- when someone decided; NULL while open
);
CREATE TABLE privacy_kept (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  record_uuid TEXT NOT NULL CHECK (length(record_uuid) = 36),
  field TEXT NOT NULL CHECK (field <> ''),       -- 'narrative'
  key TEXT NOT NULL CHECK (length(key) = 16),    -- privacy_key(), a hash
  editor TEXT,                                   -- who kept it: initials
  UNIQUE (record_uuid, field, key)
);
CREATE INDEX step_timeline ON step (case_id, sort_from, sort_to, seq);
CREATE INDEX factor_step ON factor (step_id);
CREATE INDEX intervention_case ON intervention (case_id);
CREATE INDEX handover_case ON handover (case_id);
CREATE INDEX gap_case ON gap (case_id);
CREATE INDEX gap_category ON gap (category_id);
CREATE INDEX action_gap ON action (gap_id);
CREATE TRIGGER workshop_log_no_update BEFORE UPDATE ON workshop_log
BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;
CREATE TRIGGER workshop_log_no_delete BEFORE DELETE ON workshop_log
BEGIN SELECT RAISE(ABORT, 'the workshop log is append-only'); END;
CREATE INDEX history_row ON history (row_uuid);
CREATE TRIGGER actor_history_insert AFTER INSERT ON actor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('actor', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'name', NEW.name, 'short_label', NEW.short_label, 'sector', NEW.sector, 'colour', NEW.colour, 'description', NEW.description), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER actor_history_update AFTER UPDATE ON actor
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.name IS NEW.name AND OLD.short_label IS NEW.short_label AND OLD.sector IS NEW.sector AND OLD.colour IS NEW.colour AND OLD.description IS NEW.description)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('actor', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'name', OLD.name, 'short_label', OLD.short_label, 'sector', OLD.sector, 'colour', OLD.colour, 'description', OLD.description), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'name', NEW.name, 'short_label', NEW.short_label, 'sector', NEW.sector, 'colour', NEW.colour, 'description', NEW.description), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER actor_history_delete AFTER DELETE ON actor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('actor', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'name', OLD.name, 'short_label', OLD.short_label, 'sector', OLD.sector, 'colour', OLD.colour, 'description', OLD.description), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER actor_touch AFTER UPDATE ON actor WHEN NEW.updated IS OLD.updated
BEGIN UPDATE actor SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER category_history_insert AFTER INSERT ON category
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('category', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'code', NEW.code, 'name', NEW.name, 'description', NEW.description, 'sort_order', NEW.sort_order), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER category_history_update AFTER UPDATE ON category
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.code IS NEW.code AND OLD.name IS NEW.name AND OLD.description IS NEW.description AND OLD.sort_order IS NEW.sort_order)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('category', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'code', OLD.code, 'name', OLD.name, 'description', OLD.description, 'sort_order', OLD.sort_order), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'code', NEW.code, 'name', NEW.name, 'description', NEW.description, 'sort_order', NEW.sort_order), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER category_history_delete AFTER DELETE ON category
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('category', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'code', OLD.code, 'name', OLD.name, 'description', OLD.description, 'sort_order', OLD.sort_order), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER category_touch AFTER UPDATE ON category WHEN NEW.updated IS OLD.updated
BEGIN UPDATE category SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER threshold_history_insert AFTER INSERT ON threshold
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('threshold', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'age', NEW.age, 'label', NEW.label, 'actor_id', NEW.actor_id, 'starts', NEW.starts), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER threshold_history_update AFTER UPDATE ON threshold
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.age IS NEW.age AND OLD.label IS NEW.label AND OLD.actor_id IS NEW.actor_id AND OLD.starts IS NEW.starts)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('threshold', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'age', OLD.age, 'label', OLD.label, 'actor_id', OLD.actor_id, 'starts', OLD.starts), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'age', NEW.age, 'label', NEW.label, 'actor_id', NEW.actor_id, 'starts', NEW.starts), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER threshold_history_delete AFTER DELETE ON threshold
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('threshold', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'age', OLD.age, 'label', OLD.label, 'actor_id', OLD.actor_id, 'starts', OLD.starts), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER threshold_touch AFTER UPDATE ON threshold WHEN NEW.updated IS OLD.updated
BEGIN UPDATE threshold SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER kase_history_insert AFTER INSERT ON kase
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('kase', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'code', NEW.code, 'birth_year', NEW.birth_year, 'gender', NEW.gender, 'area', NEW.area, 'summary', NEW.summary, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER kase_history_update AFTER UPDATE ON kase
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.code IS NEW.code AND OLD.birth_year IS NEW.birth_year AND OLD.gender IS NEW.gender AND OLD.area IS NEW.area AND OLD.summary IS NEW.summary AND OLD.status IS NEW.status)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('kase', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'code', OLD.code, 'birth_year', OLD.birth_year, 'gender', OLD.gender, 'area', OLD.area, 'summary', OLD.summary, 'status', OLD.status), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'code', NEW.code, 'birth_year', NEW.birth_year, 'gender', NEW.gender, 'area', NEW.area, 'summary', NEW.summary, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER kase_history_delete AFTER DELETE ON kase
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('kase', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'code', OLD.code, 'birth_year', OLD.birth_year, 'gender', OLD.gender, 'area', OLD.area, 'summary', OLD.summary, 'status', OLD.status), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER kase_touch AFTER UPDATE ON kase WHEN NEW.updated IS OLD.updated
BEGIN UPDATE kase SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER step_history_insert AFTER INSERT ON step
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('step', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'time', NEW.time, 'sort_from', NEW.sort_from, 'sort_to', NEW.sort_to, 'seq', NEW.seq, 'title', NEW.title, 'narrative', NEW.narrative, 'domain', NEW.domain, 'certainty', NEW.certainty, 'voice', NEW.voice, 'note', NEW.note), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER step_history_update AFTER UPDATE ON step
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.case_id IS NEW.case_id AND OLD.time IS NEW.time AND OLD.sort_from IS NEW.sort_from AND OLD.sort_to IS NEW.sort_to AND OLD.seq IS NEW.seq AND OLD.title IS NEW.title AND OLD.narrative IS NEW.narrative AND OLD.domain IS NEW.domain AND OLD.certainty IS NEW.certainty AND OLD.voice IS NEW.voice AND OLD.note IS NEW.note)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('step', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'time', OLD.time, 'sort_from', OLD.sort_from, 'sort_to', OLD.sort_to, 'seq', OLD.seq, 'title', OLD.title, 'narrative', OLD.narrative, 'domain', OLD.domain, 'certainty', OLD.certainty, 'voice', OLD.voice, 'note', OLD.note), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'time', NEW.time, 'sort_from', NEW.sort_from, 'sort_to', NEW.sort_to, 'seq', NEW.seq, 'title', NEW.title, 'narrative', NEW.narrative, 'domain', NEW.domain, 'certainty', NEW.certainty, 'voice', NEW.voice, 'note', NEW.note), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER step_history_delete AFTER DELETE ON step
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('step', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'time', OLD.time, 'sort_from', OLD.sort_from, 'sort_to', OLD.sort_to, 'seq', OLD.seq, 'title', OLD.title, 'narrative', OLD.narrative, 'domain', OLD.domain, 'certainty', OLD.certainty, 'voice', OLD.voice, 'note', OLD.note), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER step_touch AFTER UPDATE ON step WHEN NEW.updated IS OLD.updated
BEGIN UPDATE step SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER factor_history_insert AFTER INSERT ON factor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('factor', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'step_id', NEW.step_id, 'kind', NEW.kind, 'text', NEW.text), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER factor_history_update AFTER UPDATE ON factor
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.step_id IS NEW.step_id AND OLD.kind IS NEW.kind AND OLD.text IS NEW.text)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('factor', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'step_id', OLD.step_id, 'kind', OLD.kind, 'text', OLD.text), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'step_id', NEW.step_id, 'kind', NEW.kind, 'text', NEW.text), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER factor_history_delete AFTER DELETE ON factor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('factor', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'step_id', OLD.step_id, 'kind', OLD.kind, 'text', OLD.text), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER factor_touch AFTER UPDATE ON factor WHEN NEW.updated IS OLD.updated
BEGIN UPDATE factor SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER intervention_history_insert AFTER INSERT ON intervention
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('intervention', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'actor_id', NEW.actor_id, 'step_from', NEW.step_from, 'step_to', NEW.step_to, 'kind', NEW.kind, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'what', NEW.what, 'outcome', NEW.outcome, 'effect', NEW.effect), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER intervention_history_update AFTER UPDATE ON intervention
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.case_id IS NEW.case_id AND OLD.actor_id IS NEW.actor_id AND OLD.step_from IS NEW.step_from AND OLD.step_to IS NEW.step_to AND OLD.kind IS NEW.kind AND OLD.start_time IS NEW.start_time AND OLD.end_time IS NEW.end_time AND OLD.what IS NEW.what AND OLD.outcome IS NEW.outcome AND OLD.effect IS NEW.effect)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('intervention', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'actor_id', OLD.actor_id, 'step_from', OLD.step_from, 'step_to', OLD.step_to, 'kind', OLD.kind, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'what', OLD.what, 'outcome', OLD.outcome, 'effect', OLD.effect), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'actor_id', NEW.actor_id, 'step_from', NEW.step_from, 'step_to', NEW.step_to, 'kind', NEW.kind, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'what', NEW.what, 'outcome', NEW.outcome, 'effect', NEW.effect), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER intervention_history_delete AFTER DELETE ON intervention
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('intervention', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'actor_id', OLD.actor_id, 'step_from', OLD.step_from, 'step_to', OLD.step_to, 'kind', OLD.kind, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'what', OLD.what, 'outcome', OLD.outcome, 'effect', OLD.effect), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER intervention_touch AFTER UPDATE ON intervention WHEN NEW.updated IS OLD.updated
BEGIN UPDATE intervention SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER handover_history_insert AFTER INSERT ON handover
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('handover', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'step_id', NEW.step_id, 'from_actor', NEW.from_actor, 'to_actor', NEW.to_actor, 'kind', NEW.kind, 'sent', NEW.sent, 'received', NEW.received, 'acted', NEW.acted, 'note', NEW.note), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER handover_history_update AFTER UPDATE ON handover
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.case_id IS NEW.case_id AND OLD.step_id IS NEW.step_id AND OLD.from_actor IS NEW.from_actor AND OLD.to_actor IS NEW.to_actor AND OLD.kind IS NEW.kind AND OLD.sent IS NEW.sent AND OLD.received IS NEW.received AND OLD.acted IS NEW.acted AND OLD.note IS NEW.note)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('handover', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'step_id', OLD.step_id, 'from_actor', OLD.from_actor, 'to_actor', OLD.to_actor, 'kind', OLD.kind, 'sent', OLD.sent, 'received', OLD.received, 'acted', OLD.acted, 'note', OLD.note), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'step_id', NEW.step_id, 'from_actor', NEW.from_actor, 'to_actor', NEW.to_actor, 'kind', NEW.kind, 'sent', NEW.sent, 'received', NEW.received, 'acted', NEW.acted, 'note', NEW.note), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER handover_history_delete AFTER DELETE ON handover
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('handover', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'step_id', OLD.step_id, 'from_actor', OLD.from_actor, 'to_actor', OLD.to_actor, 'kind', OLD.kind, 'sent', OLD.sent, 'received', OLD.received, 'acted', OLD.acted, 'note', OLD.note), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER handover_touch AFTER UPDATE ON handover WHEN NEW.updated IS OLD.updated
BEGIN UPDATE handover SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER gap_history_insert AFTER INSERT ON gap
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'step_id', NEW.step_id, 'step_to', NEW.step_to, 'category_id', NEW.category_id, 'severity', NEW.severity, 'what_happened', NEW.what_happened, 'what_must_change', NEW.what_must_change, 'level', NEW.level, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_history_update AFTER UPDATE ON gap
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.case_id IS NEW.case_id AND OLD.step_id IS NEW.step_id AND OLD.step_to IS NEW.step_to AND OLD.category_id IS NEW.category_id AND OLD.severity IS NEW.severity AND OLD.what_happened IS NEW.what_happened AND OLD.what_must_change IS NEW.what_must_change AND OLD.level IS NEW.level AND OLD.status IS NEW.status)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'step_id', OLD.step_id, 'step_to', OLD.step_to, 'category_id', OLD.category_id, 'severity', OLD.severity, 'what_happened', OLD.what_happened, 'what_must_change', OLD.what_must_change, 'level', OLD.level, 'status', OLD.status), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'step_id', NEW.step_id, 'step_to', NEW.step_to, 'category_id', NEW.category_id, 'severity', NEW.severity, 'what_happened', NEW.what_happened, 'what_must_change', NEW.what_must_change, 'level', NEW.level, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_history_delete AFTER DELETE ON gap
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'step_id', OLD.step_id, 'step_to', OLD.step_to, 'category_id', OLD.category_id, 'severity', OLD.severity, 'what_happened', OLD.what_happened, 'what_must_change', OLD.what_must_change, 'level', OLD.level, 'status', OLD.status), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_touch AFTER UPDATE ON gap WHEN NEW.updated IS OLD.updated
BEGIN UPDATE gap SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER gap_actor_history_insert AFTER INSERT ON gap_actor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap_actor', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'gap_id', NEW.gap_id, 'actor_id', NEW.actor_id, 'role', NEW.role), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_actor_history_update AFTER UPDATE ON gap_actor
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.gap_id IS NEW.gap_id AND OLD.actor_id IS NEW.actor_id AND OLD.role IS NEW.role)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap_actor', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'gap_id', OLD.gap_id, 'actor_id', OLD.actor_id, 'role', OLD.role), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'gap_id', NEW.gap_id, 'actor_id', NEW.actor_id, 'role', NEW.role), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_actor_history_delete AFTER DELETE ON gap_actor
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('gap_actor', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'gap_id', OLD.gap_id, 'actor_id', OLD.actor_id, 'role', OLD.role), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER gap_actor_touch AFTER UPDATE ON gap_actor WHEN NEW.updated IS OLD.updated
BEGIN UPDATE gap_actor SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER action_history_insert AFTER INSERT ON action
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('action', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'gap_id', NEW.gap_id, 'what', NEW.what, 'actor_id', NEW.actor_id, 'lead_id', NEW.lead_id, 'follow_up', NEW.follow_up, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER action_history_update AFTER UPDATE ON action
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.gap_id IS NEW.gap_id AND OLD.what IS NEW.what AND OLD.actor_id IS NEW.actor_id AND OLD.lead_id IS NEW.lead_id AND OLD.follow_up IS NEW.follow_up AND OLD.status IS NEW.status)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('action', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'gap_id', OLD.gap_id, 'what', OLD.what, 'actor_id', OLD.actor_id, 'lead_id', OLD.lead_id, 'follow_up', OLD.follow_up, 'status', OLD.status), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'gap_id', NEW.gap_id, 'what', NEW.what, 'actor_id', NEW.actor_id, 'lead_id', NEW.lead_id, 'follow_up', NEW.follow_up, 'status', NEW.status), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER action_history_delete AFTER DELETE ON action
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('action', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'gap_id', OLD.gap_id, 'what', OLD.what, 'actor_id', OLD.actor_id, 'lead_id', OLD.lead_id, 'follow_up', OLD.follow_up, 'status', OLD.status), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER action_touch AFTER UPDATE ON action WHEN NEW.updated IS OLD.updated
BEGIN UPDATE action SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER workshop_history_insert AFTER INSERT ON workshop
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'date', NEW.date, 'place', NEW.place, 'sectors', NEW.sectors, 'notes', NEW.notes), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_history_update AFTER UPDATE ON workshop
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.date IS NEW.date AND OLD.place IS NEW.place AND OLD.sectors IS NEW.sectors AND OLD.notes IS NEW.notes)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'date', OLD.date, 'place', OLD.place, 'sectors', OLD.sectors, 'notes', OLD.notes), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'date', NEW.date, 'place', NEW.place, 'sectors', NEW.sectors, 'notes', NEW.notes), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_history_delete AFTER DELETE ON workshop
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'date', OLD.date, 'place', OLD.place, 'sectors', OLD.sectors, 'notes', OLD.notes), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_touch AFTER UPDATE ON workshop WHEN NEW.updated IS OLD.updated
BEGIN UPDATE workshop SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER workshop_case_history_insert AFTER INSERT ON workshop_case
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_case', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'case_id', NEW.case_id), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_case_history_update AFTER UPDATE ON workshop_case
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.workshop_id IS NEW.workshop_id AND OLD.case_id IS NEW.case_id)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_case', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'case_id', OLD.case_id), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'case_id', NEW.case_id), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_case_history_delete AFTER DELETE ON workshop_case
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_case', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'case_id', OLD.case_id), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_case_touch AFTER UPDATE ON workshop_case WHEN NEW.updated IS OLD.updated
BEGIN UPDATE workshop_case SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER workshop_log_history_insert AFTER INSERT ON workshop_log
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_log', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'kind', NEW.kind, 'text', NEW.text), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_log_history_update AFTER UPDATE ON workshop_log
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.workshop_id IS NEW.workshop_id AND OLD.kind IS NEW.kind AND OLD.text IS NEW.text)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_log', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'kind', OLD.kind, 'text', OLD.text), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'kind', NEW.kind, 'text', NEW.text), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_log_history_delete AFTER DELETE ON workshop_log
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('workshop_log', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'kind', OLD.kind, 'text', OLD.text), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER workshop_log_touch AFTER UPDATE ON workshop_log WHEN NEW.updated IS OLD.updated
BEGIN UPDATE workshop_log SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER vote_history_insert AFTER INSERT ON vote
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('vote', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'gap_id', NEW.gap_id, 'dots', NEW.dots), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER vote_history_update AFTER UPDATE ON vote
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.workshop_id IS NEW.workshop_id AND OLD.gap_id IS NEW.gap_id AND OLD.dots IS NEW.dots)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('vote', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'gap_id', OLD.gap_id, 'dots', OLD.dots), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'workshop_id', NEW.workshop_id, 'gap_id', NEW.gap_id, 'dots', NEW.dots), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER vote_history_delete AFTER DELETE ON vote
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('vote', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'workshop_id', OLD.workshop_id, 'gap_id', OLD.gap_id, 'dots', OLD.dots), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER vote_touch AFTER UPDATE ON vote WHEN NEW.updated IS OLD.updated
BEGIN UPDATE vote SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER name_block_history_insert AFTER INSERT ON name_block
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('name_block', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'name', NEW.name), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER name_block_history_update AFTER UPDATE ON name_block
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.name IS NEW.name)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('name_block', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'name', OLD.name), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'name', NEW.name), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER name_block_history_delete AFTER DELETE ON name_block
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('name_block', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'name', OLD.name), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER name_block_touch AFTER UPDATE ON name_block WHEN NEW.updated IS OLD.updated
BEGIN UPDATE name_block SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE INDEX change_stack ON change (editor, kind, state);
CREATE INDEX intervention_step_from ON intervention (step_from);
CREATE INDEX intervention_step_to ON intervention (step_to);
CREATE INDEX handover_step ON handover (step_id);
CREATE INDEX gap_step ON gap (step_id);
CREATE INDEX gap_step_to ON gap (step_to);
CREATE TRIGGER dismissal_history_insert AFTER INSERT ON dismissal
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('dismissal', NEW.uuid, 'insert', NULL, json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'key', NEW.key), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER dismissal_history_update AFTER UPDATE ON dismissal
WHEN NOT (OLD.id IS NEW.id AND OLD.uuid IS NEW.uuid AND OLD.created IS NEW.created AND OLD.case_id IS NEW.case_id AND OLD.key IS NEW.key)
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('dismissal', NEW.uuid, 'update', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'key', OLD.key), json_object('id', NEW.id, 'uuid', NEW.uuid, 'created', NEW.created, 'updated', NEW.updated, 'case_id', NEW.case_id, 'key', NEW.key), (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER dismissal_history_delete AFTER DELETE ON dismissal
BEGIN INSERT INTO history (tbl, row_uuid, op, old, new, editor) VALUES ('dismissal', OLD.uuid, 'delete', json_object('id', OLD.id, 'uuid', OLD.uuid, 'created', OLD.created, 'updated', OLD.updated, 'case_id', OLD.case_id, 'key', OLD.key), NULL, (SELECT initials FROM editor WHERE id = 1)); END;
CREATE TRIGGER dismissal_touch AFTER UPDATE ON dismissal WHEN NEW.updated IS OLD.updated
BEGIN UPDATE dismissal SET updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE UNIQUE INDEX merge_conflict_once ON merge_conflict (tbl, row_uuid, field,
  coalesce(theirs, ''));
CREATE INDEX privacy_kept_record ON privacy_kept (record_uuid);
PRAGMA writable_schema=OFF;
COMMIT;
