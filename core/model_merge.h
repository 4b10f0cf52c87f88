/* model_merge.h - what a merge of another laptop's file reports: how many records it added,
 * updated, deleted, matched or left as they were, and the fields changed on both sides since the
 * two files last agreed, kept as here until someone decides (store_exchange.h). */
#ifndef MELLAN_MODEL_MERGE_H
#define MELLAN_MODEL_MERGE_H

#include "model.h"
#include "records.h"

#include <stdbool.h>
#include <stddef.h>

/* A field changed on both sides: kept here, the other side's value remembered. */
struct m_conflict {
	m_id id;      /* what store_conflict_resolve() takes */
	char *what;   /* "step 'Flyttar till Rosengård' of case Amir" */
	char *field;  /* the exchange key: "title" */
	char *ours;   /* the value here, NULL for none */
	char *theirs; /* the other file's */
	bool new_now; /* found by this merge (false: found by an earlier one, still open) */
};
/* What became of one kind's records from the other file: each is counted once. */
struct m_tally {
	long added;     /* not here before */
	long updated;   /* here, and brought up to the other file's values */
	long same;      /* already here as there (or changed only here) */
	long matched;   /* the same as one here by its name or natural key (an actor by name) */
	long conflicts; /* changed on both sides, or a value only one record may have: kept */
	long deleted;   /* deleted here, as the other file deleted it */
	long gone;      /* deleted here before, so not brought back */
	long left;      /* part of a record that was not brought over (a conflict says which) */
};
struct m_merge_report {
	long added, updated, deleted, matched, unchanged;
	struct m_tally kinds[R_COUNT]; /* per kind of record, in the order of records[] */
	struct m_tally kept;           /* privacy findings kept on purpose, by their hashes */
	struct m_tally settings;       /* the alliance's settings */
	bool names_asked;              /* --with-names: the names not to use came too */
	long names_left;               /* without it: how many the other file has */
	struct m_conflict *conflicts;  /* the open conflicts with the other file */
	size_t n_conflicts;
};
void m_merge_report_clear(struct m_merge_report *r);

#endif
