-- A database a newer mellan made: our application_id (0x4D4C4C4E, "MLLN"), schema version 99.
PRAGMA application_id = 1296845902;
PRAGMA user_version = 99;
CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT);
