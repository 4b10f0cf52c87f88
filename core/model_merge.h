/* model_merge.h - what a merge of another laptop's file reports: how many records it added,
 * updated, deleted, matched or left as they were, and the fields changed on both sides since the
 * two files last agreed, kept as here until someone decides (store_exchange.h). */
#ifndef MELLAN_MODEL_MERGE_H
#define MELLAN_MODEL_MERGE_H

#include "model.h"

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
struct m_merge_report {
	long added, updated, deleted, matched, unchanged;
	struct m_conflict *conflicts; /* the open conflicts with the other file */
	size_t n_conflicts;
};
void m_merge_report_clear(struct m_merge_report *r);

#endif
