/* store_exchange.h - the port for fieldwork between laptops: export, import (of an export, or in
 * bulk from a chronology), merge of another laptop's file and the conflicts it leaves, and
 * backup. The exchange format is described in mellan(5). Records travel by uuid: what is already
 * here is recognised, so doing any of these twice changes nothing the second time. */
#ifndef MELLAN_STORE_EXCHANGE_H
#define MELLAN_STORE_EXCHANGE_H

#include "model_merge.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Called now and then during long work: `done` of `total` records of the kind `what`. */
typedef void (*store_progress_fn)(void *arg, const char *what, long done, long total);

struct store_exchange_report {
	long added;   /* records that were not here */
	long same;    /* already here, as in the file */
	long kept;    /* already here but different: kept as here (merge brings changes over) */
	long matched; /* actors matched by name, categories by code */
	long history; /* history entries added */
	/* The same per kind (`conflicts`: different here and kept as here), then the privacy
	 * findings kept on purpose and the alliance's settings. */
	struct m_tally kinds[R_COUNT], kept_findings, settings;
};

/* What export and merge carry besides what always travels. */
enum store_exchange_flag {
	STORE_WITH_NAMES = 1 << 0, /* the list of names not to use (records.h, on_request) */
};
/* The settings that belong to the alliance rather than to one laptop, which travel; NULL-ended. */
extern const char *const store_alliance_settings[];

/* ---- export and import ---------------------------------------------------------------------- */
/* Writes the chosen cases (codes; all when n is 0) with the actor catalogue, the gap categories,
 * the cases' records and their history as JSON, in a stable order: the same data gives the same
 * bytes. A code that names no case is refused with MR_NOT_FOUND. */
enum mstatus store_export_json(struct store *s, const char *const *codes, size_t n, FILE *out,
                               struct merr *err);
/* The same, with the kinds that travel only when asked (flags: enum store_exchange_flag). */
enum mstatus store_export_json_with(struct store *s, const char *const *codes, size_t n,
                                    unsigned flags, FILE *out, struct merr *err);
/* Reads an export (name is the file's name, for messages). All or nothing: any invalid record is
 * refused naming the line or the record and field, and nothing is written. */
enum mstatus store_import_json(struct store *s, const char *name, const char *text, size_t len,
                               struct store_exchange_report *r, store_progress_fn progress,
                               void *arg, struct merr *err);

/* ---- adding in bulk: a chronology import ---------------------------------------------------
 * Inside store_begin()/store_commit(): each statement is prepared once for the whole import and
 * no call reads more than its own record's index entries, so a row takes the same time however
 * many came before it. Values are checked as the single adds check them. store_bulk_end() after
 * the commit or the rollback. */
/* The case with this code, made when it is not here (*made), and the next place in its story:
 * the caller counts on from there for the steps it adds to it. */
enum mstatus store_bulk_case(struct store *s, const char *code, m_id *id, int *next_seq, bool *made,
                             struct merr *err);
/* A step with its uuid, case and seq given. */
enum mstatus store_bulk_step(struct store *s, struct m_step *stp, struct merr *err);
/* An intervention with its uuid given. */
enum mstatus store_bulk_intervention(struct store *s, struct m_intervention *iv, struct merr *err);
/* Whether a step, intervention or case with this uuid is here. */
enum mstatus store_record_exists(struct store *s, const char *uuid, bool *yes, struct merr *err);
void store_bulk_end(struct store *s);

/* ---- merge ---------------------------------------------------------------------------------- */
/* Brings the database `other` into this one (by uuid, as above; mellan(1), merge). `other` is
 * opened read-only and never written; it is refused unless it is an intact mellan file of this
 * schema with nothing in it that mellan did not make. All or nothing. */
enum mstatus store_merge(struct store *s, const char *other, struct m_merge_report *r,
                         store_progress_fn progress, void *arg, struct merr *err);
/* The same, with the kinds that travel only when asked (flags: enum store_exchange_flag). */
enum mstatus store_merge_with(struct store *s, const char *other, unsigned flags,
                              struct m_merge_report *r, store_progress_fn progress, void *arg,
                              struct merr *err);
/* The open conflicts of all merges, oldest first (report counts stay 0). */
enum mstatus store_conflict_list(struct store *s, struct m_merge_report *r, struct merr *err);
/* Decides conflict id: keep this side's value, or take the other side's (written like any
 * edit, one change in the history). Either way the conflict is closed. MR_NOT_FOUND when there
 * is no open conflict with that id; MR_INVALID for taking the other side of a case code clash
 * (rename one of the cases and merge again instead). */
enum mstatus store_conflict_resolve(struct store *s, m_id id, bool take_theirs, struct merr *err);

/* ---- backup --------------------------------------------------------------------------------- */
/* A consistent copy of the whole file at `out` (0600), made beside it and renamed into place,
 * while other mellans may be writing. `out` is checked as output_open() (output.h) does with
 * flags. */
enum mstatus store_backup(struct store *s, const char *out, unsigned flags, struct merr *err);

#endif
