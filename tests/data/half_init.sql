-- A file mellan began to create and never finished: our application_id, schema version 0, no
-- tables. Opening it must bring it to the current schema.
PRAGMA application_id = 1296845902;
PRAGMA user_version = 0;
