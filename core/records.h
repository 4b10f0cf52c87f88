/* records.h - every kind of record mellan keeps, each described once: its fields, the C member
 * that holds each one, its column in the file, its key in an export, and what a value must be.
 * The tables are in records.c. Everything that handles records field by field reads them
 * instead of listing the fields again:
 *   core/record.c         clearing and deep-copying a record (m_step_clear, m_step_copy, ...)
 *   core/privacy_walk.c   the free texts the privacy scan reads (RF_FREE), and what it calls them
 *   db/valid.c            the checks of every value before it is written
 *   db/bind.c             a record bound to a statement and read back from a row; its SQL
 *   db/store_write.c      adding (db_add), db/store_edit.c updating (db_update)
 *   db/schema.c           the history triggers of every record table
 *   db/undo.c             what undo calls a record ("step 'Flyttar' edited")
 *   db/portable.c         export, import and merge: every kind with an export key travels,
 *                         in the order of records[]
 *
 * To add a field to a kind:
 *   1. its member in the kind's struct (model.h);
 *   2. one line in the kind's table in records.c, at the place of its column: an export writes
 *      the keys in table order, so a field added to a kind that travels goes last;
 *   3. the column in db/schema.c as a new schema version, and in db/migrate.c whatever the
 *      statements alone do not do.
 *   Nothing else: clearing, copying, checking, binding, reading, export, import, merge and undo
 *   follow. A text that is someone's words is flagged RF_FREE with a label, and the privacy scan
 *   reads it.
 *
 * To add a kind:
 *   1. its struct in model.h: m_id id, char uuid[M_UUID_LEN + 1], char updated[M_STAMP_LEN + 1]
 *      when edits are guarded, then its fields; m_x_clear and m_x_copy in model.h and model.c
 *      (one RECORD_FUNCS line);
 *   2. R_X in enum record_id below, after every kind it refers to (the order of records[] is
 *      the order a file is written and read back in);
 *   3. its table and its entry in records[] (records.c): a `key` makes it travel;
 *   4. its table in db/schema.c, with RECORD for id, uuid, created and updated, as a new
 *      version, and the migration;
 *   5. its store functions, one line each over db_add() and db_update() (db/private.h).
 *   It then has its history, undo and checks, and with a key it is exported, imported and merged.
 *   tests/unit/test_coverage.c walks the schema of a new file and fails while a table or a column
 *   of it is described nowhere here. */
#ifndef MELLAN_RECORDS_H
#define MELLAN_RECORDS_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every kind, in dependency order: a kind comes after every kind it refers to. */
enum record_id {
	R_ACTOR,
	R_CATEGORY,
	R_THRESHOLD,
	R_CASE,
	R_STEP,
	R_FACTOR,
	R_INTERVENTION,
	R_HANDOVER,
	R_GAP,
	R_GAP_ACTOR,
	R_ACTION,
	R_WORKSHOP,
	R_WORKSHOP_CASE,
	R_WORKSHOP_LOG,
	R_VOTE,
	R_NAME,
	R_DISMISSAL,
	R_COUNT
};

enum record_type {
	RT_UUID,  /* the record's identity: char[M_UUID_LEN + 1] */
	RT_STAMP, /* created, updated: char[M_STAMP_LEN + 1], written by the store */
	RT_TEXT,  /* char *, NULL for none */
	RT_TIME,  /* char *, a fuzzy-time code (fuzzytime.h), NULL for none */
	RT_CODES, /* char *, comma-separated codes of `codes`, NULL for none */
	RT_INT,   /* int, between lo and hi */
	RT_BOOL,  /* bool; 0 or 1 in the file */
	RT_ENUM,  /* an enumeration's value in C, its stable code in the file */
	RT_REF,   /* m_id of a record of kind `ref` in C, 0 for none; its uuid in an export */
};

enum record_flag {
	RF_REQUIRED = 1 << 0, /* a text that is not blank, a reference that is not 0 */
	RF_FREE = 1 << 1,     /* someone's own words: the privacy scan reads it, calls it `label` */
	RF_NULL0 = 1 << 2,    /* an int whose 0 in C is NULL in the file (an unknown birth year);
	                         every other int, enum and bool is always there */
	RF_AUTO = 1 << 3,     /* an int whose 0 in C asks the store to choose (a step's place) */
	RF_DERIVED = 1 << 4,  /* the store derives it (a step's sort keys): never checked or
	                         exchanged, its value given by the write (db_vals) */
	RF_OWNER = 1 << 5,    /* the reference to the record this one belongs to: set when it is
	                         added, never changed by an edit; an export follows it to the case */
	RF_UNIQUE = 1 << 6,   /* no two records here share the value (the schema's UNIQUE): a
	                         clash is named with the kind's `taken`, and merge makes it a
	                         conflict */
	RF_MATCH = 1 << 7,    /* import and merge: a record of another file with the same values
	                         of every RF_MATCH field is the one here (an actor by its name) */
	RF_FOLD = 1 << 8,     /* with RF_MATCH: compared trimmed and without regard to case */
};

/* Where a C struct holds a field, for a field it does not hold (`created`, a link row's). */
#define RECORD_NOWHERE ((size_t)-1)
/* The most fields a kind has; db/portable.c keeps a record in that many slots. */
#define RECORD_FIELDS_MAX 16

struct record_kind;

struct record_field {
	const char *col; /* the column; also the field's name in the history and in kept findings */
	const char *key; /* in an export; NULL for a column that never travels */
	enum record_type type;
	unsigned flags;                /* enum record_flag */
	size_t off;                    /* of the member in the kind's struct, or RECORD_NOWHERE */
	const struct record_kind *ref; /* RT_REF: the kind referred to */
	const struct m_enum *codes;    /* RT_ENUM, RT_CODES */
	long lo, hi;                   /* RT_INT */
	const char *label; /* N_(): RF_FREE, what findings call it ("their own words") */
	const char *bad;   /* N_(): the sentence when the record's value is refused */
};

/* A list of records a record holds (a step's factors, a gap's actions). */
struct record_child {
	const struct record_kind *kind;
	size_t items, count; /* offsets of the array and of its length in the parent */
	bool written;        /* written with the parent (a gap's actors and actions), not alone */
};

struct record_kind {
	const char *table; /* in the file */
	const char *key;   /* the list in an export; NULL while the kind does not travel */
	bool on_request;   /* travels only when asked (--with-names): the names not to use */
	bool append_only;  /* never changed once written (a vote, a log entry): a merge takes the
	                      union, by uuid */
	const char *what;  /* N_(): "step", for messages */
	int since;         /* the schema version that made its table */
	size_t size;       /* of its struct; 0 when C holds none (a link row) */
	size_t id;         /* offset of its m_id id, or RECORD_NOWHERE */
	const struct record_field *fields; /* in column order; id is implicit */
	size_t n_fields;
	const struct record_child *children;
	size_t n_children;
	/* Undo's words ("undid: step 'Flyttar till Rosengård' edited"): the column that names a
	 * record (NULL: named by its kind alone), or quiet for a part of another record ("a
	 * change"). */
	const char *label;
	bool quiet;
	/* N_(), for store_edit.h: another mellan changed the row since it was read; the row is
	 * gone; an RF_UNIQUE value is taken (both with the path, `taken` then the value). */
	const char *changed, *gone, *taken;
};

extern const struct record_kind records[R_COUNT];

/* The kind of a table, NULL for none. */
const struct record_kind *record_kind_of(const char *table);
/* A kind's field by its column, NULL for none; and its index (n_fields for none). */
const struct record_field *record_field(const struct record_kind *k, const char *col);
size_t record_field_index(const struct record_kind *k, const char *col);
/* The kind whose table the RF_OWNER chain of k reaches last (a factor's: the case); k itself
 * when it has no owner. */
const struct record_kind *record_root(const struct record_kind *k);

/* ---- a record in C, through its kind ------------------------------------------------------- */

bool record_held(const struct record_field *f);
/* The text of an RT_TEXT, RT_TIME or RT_CODES field (the slot, to replace it). */
char **record_text(void *rec, const struct record_field *f);
const char *record_text_of(const void *rec, const struct record_field *f);
/* The value of an RT_INT, RT_BOOL, RT_ENUM or RT_REF field. */
int64_t record_num(const void *rec, const struct record_field *f);
void record_set_num(void *rec, const struct record_field *f, int64_t v);
/* The uuid (char[M_UUID_LEN + 1]) and `updated` stamp of a record, NULL when not held. */
char *record_uuid(const struct record_kind *k, void *rec);
char *record_stamp(const struct record_kind *k, void *rec);
m_id *record_id(const struct record_kind *k, void *rec);

/* A record's list `ch`: its array (the first item) and its length. */
void *record_items(const void *rec, const struct record_child *ch);
size_t record_count(const void *rec, const struct record_child *ch);

/* Frees what the record owns (its texts, its children) and zeroes it. */
void record_clear(const struct record_kind *k, void *rec);
/* Makes `to` a deep copy of `from`: its own texts and children. `to` is overwritten. */
void record_copy(const struct record_kind *k, void *to, const void *from);

#endif
