/* portable.h - records as they travel between files: every table export, import and merge carry,
 * its columns in a fixed order, references written as the uuid of the record they point to (row
 * ids mean nothing in another file), and the checks a row from outside must pass before it is
 * written (the same as our own writes: required text, UTF-8, known codes, fuzzy-time codes).
 * Shared by exchange.c (export, import) and merge.c. */
#ifndef MELLAN_DB_PORTABLE_H
#define MELLAN_DB_PORTABLE_H

#include "private.h"

#include "core/store_exchange.h"

enum pkind {
	P_UUID,  /* the record's own identity */
	P_STAMP, /* created, updated: "2026-11-22T19:37:37.123Z" */
	P_TEXT,  /* optional text */
	P_REQ,   /* required text */
	P_CODE,  /* required stable code, checked by `code` */
	P_TIME,  /* optional fuzzy-time code */
	P_INT,   /* required whole number between lo and hi */
	P_INTN,  /* optional whole number between lo and hi */
	P_REF,   /* uuid of a record of table `ref`, required */
	P_REFN,  /* the same, optional */
};

struct pcol {
	const char *col; /* the column in the database */
	const char *key; /* the key in the export */
	enum pkind kind;
	const char *ref; /* P_REF/P_REFN: the table referred to */
	int (*code)(const char *);
	long lo, hi;
};

#define PCOLS_MAX 16

struct ptable {
	const char *table; /* in the database */
	const char *key;   /* the array in the export */
	const char *what;  /* N_(): "step", for messages */
	const struct pcol *cols;
	size_t n;
};

/* In the order a file must be written: what a record refers to comes before it. */
extern const struct ptable ptables[];
extern const size_t n_ptables;
const struct ptable *ptable_find(const char *table);

/* One record in portable form: each value NULL (absent), or text; integers as decimal text. */
struct prow {
	char *v[PCOLS_MAX];
	bool is_int[PCOLS_MAX];
};
void prow_clear(struct prow *r);
/* Whether column i has the same value in a and b. */
bool prow_same(const struct prow *a, const struct prow *b, size_t i);

/* SQL selecting the portable columns of table t (aliased t) in order, each as typeof() and
 * value pairs, from schema `db` ("main" or another): references become the uuid they point to.
 * `where` (may be "") is appended. The caller frees the result. */
char *ptable_select_sql(const struct ptable *t, const char *db, const char *where);
/* Fills r from a row of ptable_select_sql (columns 2*i: type, 2*i+1: value). Refuses types
 * that do not fit the column; `where` names the record in messages ("steps[3]"). */
enum mstatus prow_from_stmt(const struct ptable *t, sqlite3_stmt *st, struct prow *r,
                            const char *where, struct merr *err);
/* The checks our own writes make, naming `where` and the field. */
enum mstatus prow_check(const struct ptable *t, const struct prow *r, const char *where,
                        struct merr *err);

/* The work tables below live in memory (they hold only uuids); outside a transaction. */
enum mstatus ptemp_memory(struct store *s, struct merr *err);
/* temp.x_map maps another file's uuids to ours (actors matched by name, categories by code). */
enum mstatus pmap_setup(struct store *s, struct merr *err);
void pmap_drop(struct store *s);
/* Our row id for the record t/uuid (through the map); 0 when there is none. */
m_id plocal_id(struct store *s, const char *table, const char *uuid, enum mstatus *st,
               struct merr *err);
/* Our uuid for another file's actor or category: matched by uuid, then by name or code;
 * NULL when it is new here. Records a match by name in the map. */
char *pmatch(struct store *s, const struct ptable *t, const struct prow *r, enum mstatus *st,
             struct merr *err);
/* A step's sort keys from its time code and its case's birth year, as store_step_add derives
 * them ("" and "" when the time has none). */
enum mstatus psort_keys(struct store *s, const char *time, m_id case_id, char from[11], char to[11],
                        struct merr *err);
/* Inserts r as a new record (its uuid, created and updated kept); `where` for messages. */
enum mstatus prow_insert(struct store *s, const struct ptable *t, const struct prow *r,
                         const char *where, struct merr *err);
/* Our own record as a prow (references as uuids); found false when it is not here. */
enum mstatus prow_load(struct store *s, const struct ptable *t, const char *uuid, struct prow *r,
                       bool *found, struct merr *err);
/* Sets column i of our record uuid to r's value (a step's sort keys follow its time). */
enum mstatus prow_set(struct store *s, const struct ptable *t, const char *uuid,
                      const struct prow *r, size_t i, const char *where, struct merr *err);

/* The open merge conflicts into r; those with an id above `before` are marked new. */
enum mstatus db_conflicts_open(struct store *s, int64_t before, struct m_merge_report *r,
                               struct merr *err);

#endif
