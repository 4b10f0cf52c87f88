/* private.h - what the files of db/ share and nobody else may use: the store's state, the thin
 * statement layer (db.c), write transactions, the schema (schema.c) and value checks.
 *
 * db/ is made of:
 *   db.c           prepare/bind/step/finish with one error path; transactions
 *   prepared.c     statements an import or a merge keeps prepared, in the store
 *   json.c         json_object() for the history triggers
 *   schema.c       the schema as one commented document at the current version, its triggers
 *   migrate.c      an older file brought up to it, one version at a time
 *   open.c         opening (and refusing) a file, closing, whole-file checks
 *   valid.c        the checks of every value, from the kinds' tables (core/records.h)
 *   bind.c         a record's columns, bound to a statement and read back, from the same
 *   write.c        the one skeleton of adding and of updating any kind of record
 *   store_write.c  the add functions of core/store_edit.h, over write.c
 *   store_edit.c   the update, delete and move functions of core/store_edit.h
 *   store_read.c   the list and load functions of core/store_read.h
 *   change.c       each write transaction's change: the history rows it wrote
 *   undo.c         undo and redo of changes, from the history
 *   search.c       the full-text index and store_search
 *   follow.c       presenter follow, dismissed and confirmed gap proposals
 *   store_votes.c  the dot votes summed per gap, for the gap analysis
 *   store_privacy.c the list of names, kept findings and workshop texts (core/store_privacy.h)
 *   portable.c     records as they travel between files (portable.h), for the next four
 *   bulk.c         many steps added in one transaction, as a chronology import adds them
 *   exchange.c     the JSON export and import (mellan(5))
 *   merge.c        another laptop's file brought in, read as untrusted
 *   conflict.c     the fields merge found changed on both sides, and deciding them
 *   backup.c       a consistent private copy of the file
 *   salvage.c      ... and what can still be read of a damaged one */
#ifndef MELLAN_DB_PRIVATE_H
#define MELLAN_DB_PRIVATE_H

#include "core/error.h"
#include "core/fuzzytime.h"
#include "core/model.h"
#include "core/records.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

/* "MLLN": recognises our files among other SQLite files. */
#define DB_APPLICATION_ID 0x4D4C4C4E
#define DB_SCHEMA_VERSION 4
#define DB_BUSY_TIMEOUT_MS 5000

struct store {
	sqlite3 *db;
	char *path;
	int version;
	bool readonly;
	char *editor;   /* initials recorded in history; NULL for none */
	int depth;      /* store_begin() nesting; 0 outside a caller's transaction */
	int savepoints; /* open savepoints of single writes inside a caller's transaction */
	int64_t data_version;
	bool tidy_on_close; /* read-only and the -wal was made by us: see store_close() */
	bool immutable;     /* read as it is on disk: nothing could be made beside it (open.c) */
	bool damaged;       /* opened with STORE_DAMAGED_OK, and the integrity check failed */
	/* The change the current write transaction makes (change.c). */
	int64_t history_mark;    /* the last history row before it */
	const char *change_kind; /* "undo" or "redo" while one runs; NULL for an edit */
	int64_t change_target;
	/* Statements an import or a merge runs once per record, kept prepared until pq_clear()
	 * (prepared.c); NULL while none are. */
	struct pq_cache *pq;
	/* While set, q_prepare() and q_finish() go through that cache too: for reads run once per
	 * case, as a report loads one journey after another (store_journey_load). */
	bool keep_prepared;
	/* The one query that finds any record by its uuid, made from the schema once per import or
	 * merge (portable.c); freed by pq_clear(). */
	char *uuid_sql;
};

/* ---- statements (db.c) ----------------------------------------------------------------------
 * A query remembers the first thing that went wrong (a failed prepare, a misspelled parameter, a
 * failed step); later calls do nothing, and q_finish() turns it into one line in err. So callers
 * bind and step without checking each call, and check once at the end. */
struct q {
	struct store *s;
	sqlite3_stmt *st;
	int rc;          /* first SQLite error, SQLITE_OK while all is well */
	const char *bad; /* a parameter name that does not exist in the statement */
	char msg[256];   /* SQLite's message at the moment of the first error */
	bool pooled;     /* its statement is the cache's: q_finish() gives it back */
};

void q_prepare(struct q *q, struct store *s, const char *sql);
/* q_prepare() that always compiles the statement, whatever keep_prepared says. */
void q_prepare_new(struct q *q, struct store *s, const char *sql);
void q_text(struct q *q, const char *name, const char *v); /* NULL or "" binds NULL */
void q_int(struct q *q, const char *name, int64_t v);
void q_id(struct q *q, const char *name, m_id v); /* 0 binds NULL */
/* True while a row is there; false at the end or after an error. */
bool q_row(struct q *q);
/* Steps a statement that returns no rows. */
void q_exec(struct q *q);
/* Finalizes; returns M_OK or fills err from the first error. */
enum mstatus q_finish(struct q *q, struct merr *err);

char *q_col_text(struct q *q, int col); /* a new string, NULL for NULL */
int64_t q_col_int(struct q *q, int col);
bool q_col_null(struct q *q, int col);

/* q_prepare/q_finish for statements run once per record (prepared.c): kept prepared in the
 * store until pq_clear(), which an import or a merge calls before it returns, and store_close()
 * in any case. */
void pq_prepare(struct q *q, struct store *s, const char *sql);
enum mstatus pq_finish(struct q *q, struct merr *err);
void pq_clear(struct store *s);

/* Runs SQL without results (several statements allowed). */
enum mstatus db_exec(struct store *s, const char *sql, struct merr *err);
/* One line from an SQLite result code and the connection's message. */
enum mstatus db_error(struct store *s, int rc, struct merr *err);
/* The line for a file whose integrity check fails (M_DATA/MR_NOT_DB), detail being SQLite's. */
enum mstatus db_damaged(const char *path, const char *detail, struct merr *err);

/* ---- writes (db.c) ----------------------------------------------------------------------------
 * Each single write runs inside w_begin()/w_end(): its own BEGIN IMMEDIATE transaction, or a
 * savepoint inside the caller's store_begin(), so a failure in the middle of a gap with its
 * actors undoes the whole gap and nothing else. */
enum mstatus w_begin(struct store *s, struct merr *err);
/* Commits when st is M_OK, rolls back otherwise; returns the final status. */
enum mstatus w_end(struct store *s, enum mstatus st, struct merr *err);

/* ---- a record and its statements (bind.c) ---------------------------------------------------
 * A kind's columns, its INSERT and UPDATE, binding a record to them and reading it back, all
 * from the kind's table (core/records.h). A write binds what the record holds, except where
 * db_vals gives a value: each time as its code (made by db_check), and what the store derives or
 * assigns (a step's sort keys and place, a gap's actions' identities). Parameters are named by
 * their column (":title"). */
struct db_vals {
	const char *text[RECORD_FIELDS_MAX]; /* by field index; NULL: the record's own */
	bool has_num[RECORD_FIELDS_MAX];
	int64_t num[RECORD_FIELDS_MAX];
	char buf[RECORD_FIELDS_MAX][FT_BUFSZ]; /* where the texts above are kept */
	struct fuzzy_time ft;                  /* the first time field, parsed (a step's) */
};
/* Gives field col the text v (copied into v's buffer; "" binds NULL), or the number n. */
void db_vals_text(struct db_vals *v, const struct record_kind *k, const char *col, const char *t);
void db_vals_num(struct db_vals *v, const struct record_kind *k, const char *col, int64_t n);

/* "t.id, t.uuid, t.updated, t.title, ...": every column the kind's struct holds, its id first,
 * in the order db_read() reads them; alias may be "" for none. The caller frees it. */
char *db_columns(const struct record_kind *k, const char *alias);
/* Fills rec from the columns of db_columns() starting at col; returns the column after them. */
int db_read(struct q *q, const struct record_kind *k, void *rec, int col);
/* INSERT of every column the record holds or v gives (not created and updated: the schema's). */
char *db_insert_sql(const struct record_kind *k, const struct db_vals *v);
/* The same columns but the record's identity and owner, as "col = :col, ..." for an UPDATE
 * (prefix "excluded." for the SET of an upsert: "col = excluded.col"). */
char *db_set_sql(const struct record_kind *k, const struct db_vals *v, bool excluded);
/* Binds every column of db_insert_sql() (a statement may use fewer: db_set_sql). */
void db_bind(struct q *q, const struct record_kind *k, const void *rec, const struct db_vals *v);

/* ---- adding and updating a record (write.c) ---------------------------------------------------
 * One skeleton for every kind: the record is checked (db_check), given a uuid when it has none,
 * written in its own write transaction (or savepoint), with the records it holds that are written
 * with it (a gap's actors and actions: the rows become the lists, by uuid or by their RF_MATCH
 * fields); its id, and theirs, are filled in only once it is all committed. An update is
 * guarded by the record's `updated` stamp (core/store_edit.h) and gets the new one. A kind whose
 * store derives values gives hooks, all optional: */
struct db_hooks {
	/* Inside the write, before the row: what the store derives or assigns, into v. */
	enum mstatus (*before)(struct store *s, void *rec, struct db_vals *v, struct merr *err);
	/* Inside the write, after the row: what follows it (the case's steps' sort keys). */
	enum mstatus (*after)(struct store *s, void *rec, struct merr *err);
	/* Once it is committed: what the store gives back to the record. */
	void (*done)(void *rec, const struct db_vals *v);
};
enum mstatus db_add(struct store *s, const struct record_kind *k, void *rec,
                    const struct db_hooks *h, struct merr *err);
enum mstatus db_update(struct store *s, const struct record_kind *k, void *rec,
                       const struct db_hooks *h, struct merr *err);
/* The INSERT of one row of kind k, its new row id into id; kept: prepared once for many rows
 * (pq_prepare), as an import does. No transaction of its own, no check. */
enum mstatus db_insert_row(struct store *s, const struct record_kind *k, const void *rec,
                           const struct db_vals *v, bool kept, m_id *id, struct merr *err);
/* The kind's `gone` sentence, for the row that is not there. */
enum mstatus db_gone(struct store *s, const struct record_kind *k, struct merr *err);
/* A step's place (seq, unless it has one) and its sort keys into v: from its time as db_check
 * parsed it and the case's birth year (core/story.h), read by `sql` for :id (the birth year,
 * then the place a step without one gets); found false when that reads no row
 * (store_write.c). */
enum mstatus db_step_derive(struct store *s, struct db_vals *v, const char *sql, m_id id,
                            int64_t seq, bool *found, struct merr *err);
/* A step given back what was written: its place, its time's code, its sort keys. */
void db_step_done(void *rec, const struct db_vals *v);

/* A new `updated` stamp for the row being updated, always later than the one it replaces (two
 * saves within one millisecond, or a clock set back, must still change it). */
#define DB_NEXT_STAMP                                                                              \
	"strftime('%Y-%m-%dT%H:%M:%fZ', "                                                          \
	"max(julianday('now'), julianday(updated) + 1.5 / 86400000.0))"

/* ---- schema (schema.c, migrate.c) ------------------------------------------------------------ */
/* The whole schema of DB_SCHEMA_VERSION, into an empty file. */
enum mstatus db_schema_create(struct store *s, struct merr *err);
/* What `version` brought: its statements, and the triggers of the record tables it made. */
enum mstatus db_schema_add(struct store *s, int version, struct merr *err);
/* Brings the file from its version to DB_SCHEMA_VERSION, one version per transaction. */
enum mstatus db_migrate(struct store *s, struct merr *err);

/* ---- changes (change.c) ---------------------------------------------------------------------
 * Every write transaction notes where the history stood when it began; before it commits, the
 * history rows it wrote become one change (the change table) and the search index follows them. */
enum mstatus db_change_begin(struct store *s, struct merr *err);
enum mstatus db_change_end(struct store *s, struct merr *err);

/* ---- the search index (search.c) ---------------------------------------------------------- */
/* Indexes every step, intervention and gap again. */
enum mstatus db_search_rebuild(struct store *s, struct merr *err);
/* Brings the index up to the history: the rows written since it was last brought up. */
enum mstatus db_search_sync(struct store *s, struct merr *err);
/* file:PATH?mode=ro&immutable=1, for reading a file without creating or locking anything. */
char *db_immutable_uri(const char *path);

/* ---- functions the schema's triggers call (json.c) ------------------------------------------- */
int db_register_json(sqlite3 *db);
/* Those, and the "sv" collation the schema names: what any connection to our files needs
 * (open.c). */
int db_register(sqlite3 *db);

/* ---- a damaged file copied out (salvage.c) ----------------------------------------------------
 * Into the empty file tmp, every row of s that can still be read, under s's schema. *lost counts
 * the tables of which rows could not be read. */
enum mstatus db_salvage(struct store *s, const char *tmp, long *lost, struct merr *err);

/* ---- value checks (valid.c) ----------------------------------------------------------------
 * The same for an add and an update. Each fills err with a sentence naming the field. */
enum mstatus db_invalid(struct store *s, struct merr *err, const char *what);
/* Required text: something other than blanks. */
bool db_filled(const char *t);
/* Every text of one record is valid UTF-8 (NULL is fine). */
enum mstatus db_texts(struct store *s, struct merr *err, const char *const *t, size_t n);
#define DB_TEXTS(s, err, ...)                                                                      \
	db_texts(s, err, (const char *const[]){__VA_ARGS__},                                       \
	         sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
/* A fuzzy time as its stored code ("" when none): display forms are accepted too. */
enum mstatus db_time_code(struct store *s, const char *in, char out[FT_BUFSZ],
                          struct fuzzy_time *ft, struct merr *err);
/* Every value of a record of kind k as its table says (required, in range, a known code, a fuzzy
 * time, UTF-8), and of the records written with it; each time's code goes into v. */
enum mstatus db_check(struct store *s, const struct record_kind *k, const void *rec,
                      struct db_vals *v, struct merr *err);
/* The same for a record written with the one it belongs to, which fills in its owner. */
enum mstatus db_check_part(struct store *s, const struct record_kind *k, const void *rec,
                           struct db_vals *v, struct merr *err);

#endif
