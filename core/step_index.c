/* step_index.c - the look-up of step_index.h: the journey's (id, place) pairs sorted by id. */
#include "step_index.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static int cmp_entry(const void *pa, const void *pb)
{
	const struct step_index_entry *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

void step_index_build(struct step_index *ix, const struct m_journey *j)
{
	step_index_clear(ix);
	if (!j->n_steps)
		return;
	ix->v = xcalloc(j->n_steps, sizeof *ix->v);
	for (size_t i = 0; i < j->n_steps; i++)
		ix->v[i] = (struct step_index_entry){j->steps[i].id, i};
	ix->n = j->n_steps;
	/* Loaded journeys come ordered by time, not by id: sorted once here. */
	qsort(ix->v, ix->n, sizeof *ix->v, cmp_entry);
}

long step_index_find(const struct step_index *ix, m_id id)
{
	if (!id)
		return -1;
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->n && ix->v[lo].id == id ? (long)ix->v[lo].at : -1;
}

void step_index_clear(struct step_index *ix)
{
	free(ix->v);
	memset(ix, 0, sizeof *ix);
}
