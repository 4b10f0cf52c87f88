/* story.c - positions of records in a journey's story order (story.h). */
#include "story.h"

int story_step_index(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return (int)i;
	return -1;
}

bool story_covers(const struct m_journey *j, m_id from, m_id to, size_t i)
{
	int lo = story_step_index(j, from);
	int hi = to ? story_step_index(j, to) : lo;
	if (lo < 0)
		return false;
	if (hi < lo)
		hi = lo;
	return (int)i >= lo && (int)i <= hi;
}
