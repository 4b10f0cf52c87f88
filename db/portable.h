/* portable.h - records as they travel between files: every kind export, import and merge carry
 * (core/records.h), its columns in the order of its table, references written as the uuid of the
 * record they point to (row ids mean nothing in another file), and the checks a row from outside
 * must pass before it is written (the same as our own writes: required text, UTF-8, known codes,
 * fuzzy-time codes). Shared by exchange.c (export, import) and merge.c. */
#ifndef MELLAN_DB_PORTABLE_H
#define MELLAN_DB_PORTABLE_H

#include "private.h"

#include "core/store_exchange.h"

/* The kinds that travel are those with an export key (core/records.h), in the order of
 * records[]: what a record refers to comes before it. Of a kind, the fields with a key travel;
 * a record in portable form has the kind's fields in their slots (the others stay NULL). */
bool ptravels(const struct record_field *f);
bool pref(const struct record_field *f);
bool pint(const struct record_field *f);

/* One record in portable form: each value NULL (absent), or text; integers as decimal text. */
struct prow {
	char *v[RECORD_FIELDS_MAX];
	bool is_int[RECORD_FIELDS_MAX];
};
void prow_clear(struct prow *r);
/* Whether column i has the same value in a and b. */
bool prow_same(const struct prow *a, const struct prow *b, size_t i);

/* SQL selecting the travelling columns of kind t (aliased t) in order, each as typeof() and
 * value pairs, from schema `db` ("main" or another): references become the uuid they point to.
 * `where` (may be "") is appended. The caller frees the result. */
char *ptable_select_sql(const struct record_kind *t, const char *db, const char *where);
/* Fills r from a row of ptable_select_sql (a pair of columns, type and value, for each field
 * that travels). Refuses types that do not fit the field; `where` names the record in messages
 * ("steps[3]"). */
enum mstatus prow_from_stmt(const struct record_kind *t, sqlite3_stmt *st, struct prow *r,
                            const char *where, struct merr *err);
/* The checks our own writes make, naming `where` and the field. */
enum mstatus prow_check(const struct record_kind *t, const struct prow *r, const char *where,
                        struct merr *err);

/* The work tables below live in memory (they hold only uuids); outside a transaction. */
enum mstatus ptemp_memory(struct store *s, struct merr *err);
/* temp.x_map maps another file's uuids to ours (actors matched by name, categories by code). */
enum mstatus pmap_setup(struct store *s, struct merr *err);
void pmap_drop(struct store *s);
/* Our row id for the record t/uuid (through the map); 0 when there is none. */
m_id plocal_id(struct store *s, const char *table, const char *uuid, enum mstatus *st,
               struct merr *err);
/* Our uuid for another file's record: matched by uuid, then by its RF_MATCH fields (an actor by
 * its name, a category by its code); NULL when it is new here. Records a match by name in the
 * map. */
char *pmatch(struct store *s, const struct record_kind *t, const struct prow *r, enum mstatus *st,
             struct merr *err);
/* A step's sort keys from its time code and its case's birth year, as store_step_add derives
 * them ("" and "" when the time has none). */
enum mstatus psort_keys(struct store *s, const char *time, m_id case_id, char from[11], char to[11],
                        struct merr *err);
/* Inserts r as a new record (its uuid, created and updated kept); `where` for messages. */
enum mstatus prow_insert(struct store *s, const struct record_kind *t, const struct prow *r,
                         const char *where, struct merr *err);
/* Our own record as a prow (references as uuids); found false when it is not here. */
enum mstatus prow_load(struct store *s, const struct record_kind *t, const char *uuid,
                       struct prow *r, bool *found, struct merr *err);
/* Sets column i of our record uuid to r's value (a step's sort keys follow its time). */
enum mstatus prow_set(struct store *s, const struct record_kind *t, const char *uuid,
                      const struct prow *r, size_t i, const char *where, struct merr *err);

/* The open merge conflicts into r; those with an id above `before` are marked new. */
enum mstatus db_conflicts_open(struct store *s, int64_t before, struct m_merge_report *r,
                               struct merr *err);

#endif
