/* story.h - where the records of a journey sit in its story order: the index of a step, and
 * whether an intervention or gap that starts at one step (and ends at another) covers a step.
 * Shared by the screens and the lanes layout, so they never disagree about what is "at" a step.
 *
 * Story order is the order of the steps' sort keys (the calendar days their times cover; steps
 * whose time places no date come last), then the facilitator's seq. The store keeps the keys and
 * reads steps in that order; a journey built in memory gets both here. */
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

/* A step's sort_from and sort_to from its time and the young person's birth year (0 unknown),
 * as the store derives them when it writes the step: NULL both when the time places no date. */
void story_sort_keys(struct m_step *st, int birth_year);
/* The steps in story order: by sort_from (none last), sort_to, seq, then id. */
void story_sort(struct m_journey *j);

#endif
