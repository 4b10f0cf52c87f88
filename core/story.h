/* story.h - where the records of a journey sit in its story order: the index of a step, and
 * whether an intervention or gap that starts at one step (and ends at another) covers a step.
 * Shared by the screens and the lanes layout, so they never disagree about what is "at" a step. */
#ifndef MELLAN_STORY_H
#define MELLAN_STORY_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* The index of step `id` in j->steps, -1 when it is not in the journey. */
int story_step_index(const struct m_journey *j, m_id id);
/* True when the span [from, to] (to 0: from alone; an end before the start: the start alone)
 * covers step i. */
bool story_covers(const struct m_journey *j, m_id from, m_id to, size_t i);

#endif
