/* store_weak.c - weak stand-ins for the undo and search part of the store port, so the editor
 * builds while db/ does not yet define these; each refuses with one clear line. A strong
 * definition in db/ replaces them at link time, and then this file goes. */
#include "core/i18n.h"
#include "core/store.h"

#define WEAK __attribute__((weak))

static enum mstatus unavailable(struct merr *err)
{
	return merr_set(err, M_OTHER, MR_NONE, "%s",
	                _("this build of mellan cannot undo, redo or search yet"));
}

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
