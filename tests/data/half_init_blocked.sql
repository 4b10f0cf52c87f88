-- Like half_init.sql, but a table named like one of ours is in the way, so the migration to
-- version 1 fails half-way: it must roll back and leave the file at version 0.
PRAGMA application_id = 1296845902;
PRAGMA user_version = 0;
CREATE TABLE actor (stray TEXT);
INSERT INTO actor (stray) VALUES ('left behind');
