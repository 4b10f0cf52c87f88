/* store_weak.c - weak stand-ins for the editing, undo and search part of the store port, so the
 * editor builds and adds records while db/ does not yet define these; each refuses with one clear
 * line. A strong definition in db/ replaces them at link time, and then this file goes. */
#include "core/i18n.h"
#include "core/store.h"

#define WEAK __attribute__((weak))

static enum mstatus unavailable(struct merr *err)
{
	return merr_set(err, M_OTHER, MR_NONE, "%s",
	                _("this build of mellan can add but not yet change, delete, undo or search"));
}

#define WEAK_UPDATE(name, type)                                                                  \
	WEAK enum mstatus name(struct store *s, type *r, struct merr *err);                      \
	WEAK enum mstatus name(struct store *s, type *r, struct merr *err)                       \
	{                                                                                        \
		(void)s;                                                                         \
		(void)r;                                                                         \
		return unavailable(err);                                                         \
	}
#define WEAK_DELETE(name)                                                                        \
	WEAK enum mstatus name(struct store *s, m_id id, struct merr *err);                      \
	WEAK enum mstatus name(struct store *s, m_id id, struct merr *err)                       \
	{                                                                                        \
		(void)s;                                                                         \
		(void)id;                                                                        \
		return unavailable(err);                                                         \
	}

WEAK_UPDATE(store_case_update, struct m_case)
WEAK_UPDATE(store_step_update, struct m_step)
WEAK_UPDATE(store_factor_update, struct m_factor)
WEAK_UPDATE(store_intervention_update, struct m_intervention)
WEAK_UPDATE(store_handover_update, struct m_handover)
WEAK_UPDATE(store_gap_update, struct m_gap)
WEAK_UPDATE(store_actor_update, struct m_actor)
WEAK_UPDATE(store_category_update, struct m_category)
WEAK_DELETE(store_case_delete)
WEAK_DELETE(store_step_delete)
WEAK_DELETE(store_factor_delete)
WEAK_DELETE(store_intervention_delete)
WEAK_DELETE(store_handover_delete)
WEAK_DELETE(store_gap_delete)
WEAK_DELETE(store_actor_delete)
WEAK_DELETE(store_category_delete)

WEAK enum mstatus store_undo(struct store *s, char *what, size_t n, struct merr *err)
{
	(void)s, (void)what, (void)n;
	return unavailable(err);
}

WEAK enum mstatus store_redo(struct store *s, char *what, size_t n, struct merr *err)
{
	(void)s, (void)what, (void)n;
	return unavailable(err);
}

WEAK enum mstatus store_search(struct store *s, const char *query, struct m_hit_list *out,
                               struct merr *err)
{
	(void)s, (void)query;
	out->items = NULL;
	out->n = 0;
	return unavailable(err);
}

WEAK void m_hit_list_clear(struct m_hit_list *l)
{
	l->items = NULL;
	l->n = 0;
}
