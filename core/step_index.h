/* step_index.h - a journey's steps found by their id without searching: built once per journey
 * (n log n), then each look-up is a binary search, so work that looks up the step of every gap,
 * hand-over or intervention stays linear in what it reads rather than growing with its square. */
#ifndef MELLAN_STEP_INDEX_H
#define MELLAN_STEP_INDEX_H

#include "model.h"

#include <stddef.h>

struct step_index_entry {
	m_id id;
	size_t at; /* the step's place in the journey's story order */
};

struct step_index {
	struct step_index_entry *v; /* by id */
	size_t n;
};

/* The index of j's steps as they are now; rebuilt after the journey is loaded again. */
void step_index_build(struct step_index *ix, const struct m_journey *j);
/* The step's place in story order, or -1 when id is 0 or not a step of the journey. */
long step_index_find(const struct step_index *ix, m_id id);
void step_index_clear(struct step_index *ix);

#endif
