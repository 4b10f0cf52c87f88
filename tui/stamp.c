/* stamp.c - the `updated` stamp a record has in the file now. After another mellan changed a
 * record being edited here, the user may choose to save their version over it: the form takes
 * the fresh stamp and saves again, a deliberate second Ctrl-S, never a silent overwrite. */
#include "private.h"

#include "core/store_read.h"

#include <stdio.h>
#include <string.h>

static bool copy(char out[M_STAMP_LEN + 1], const char *stamp)
{
	snprintf(out, M_STAMP_LEN + 1, "%s", stamp);
	return true;
}

static bool in_journey(const struct m_journey *j, enum rec_kind kind, m_id id,
                       char out[M_STAMP_LEN + 1])
{
	for (size_t i = 0; i < j->n_steps; i++) {
		const struct m_step *st = &j->steps[i];
		if (kind == RK_STEP && st->id == id)
			return copy(out, st->updated);
		for (size_t k = 0; kind == RK_FACTOR && k < st->n_factors; k++)
			if (st->factors[k].id == id)
				return copy(out, st->factors[k].updated);
	}
	for (size_t i = 0; kind == RK_INTERVENTION && i < j->n_interventions; i++)
		if (j->interventions[i].id == id)
			return copy(out, j->interventions[i].updated);
	for (size_t i = 0; kind == RK_HANDOVER && i < j->n_handovers; i++)
		if (j->handovers[i].id == id)
			return copy(out, j->handovers[i].updated);
	for (size_t i = 0; kind == RK_GAP && i < j->n_gaps; i++)
		if (j->gaps[i].id == id)
			return copy(out, j->gaps[i].updated);
	if (kind == RK_CASE && j->kase.id == id)
		return copy(out, j->kase.updated);
	return false;
}

enum mstatus stamp_fresh(struct store *s, enum rec_kind kind, m_id case_id, m_id id,
                         char out[M_STAMP_LEN + 1], bool *gone, struct merr *err)
{
	enum mstatus st;
	bool found = false;
	if (kind == RK_ACTOR) {
		struct m_actor_list l = {0};
		st = store_actor_list(s, &l, err);
		for (size_t i = 0; st == M_OK && i < l.n && !found; i++)
			if (l.items[i].id == id)
				found = copy(out, l.items[i].updated);
		m_actor_list_clear(&l);
	} else if (kind == RK_CATEGORY) {
		struct m_category_list l = {0};
		st = store_category_list(s, &l, err);
		for (size_t i = 0; st == M_OK && i < l.n && !found; i++)
			if (l.items[i].id == id)
				found = copy(out, l.items[i].updated);
		m_category_list_clear(&l);
	} else {
		struct m_journey j = {0};
		st = store_journey_load(s, case_id, &j, err);
		if (st == M_OK)
			found = in_journey(&j, kind, id, out);
		else if (err->reason == MR_NOT_FOUND)
			st = M_OK; /* the case is gone, and its parts with it */
		m_journey_clear(&j);
	}
	*gone = st == M_OK && !found;
	return st;
}
