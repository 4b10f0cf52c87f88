-- Another program's SQLite database: a notes app with one table. mellan must refuse it untouched.
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
INSERT INTO notes (body) VALUES ('buy milk'), ('call Åsa');
