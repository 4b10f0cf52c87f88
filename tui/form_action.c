/* form_action.c - the form of one action of a gap: what must be done, by which actor, who holds
 * the thread, when to follow up and whether it is open, done or dropped; and the delete of one
 * action. An action is part of its gap: both rewrite the gap (store_gap_update keeps the uuid of
 * every action left unchanged), so a save or a delete is one change for undo and a conflict with
 * another mellan is the gap's. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	m_id gap_id;
	char action_uuid[M_UUID_LEN + 1]; /* "" for a new action until it is saved */
	char stamp[M_STAMP_LEN + 1];      /* the gap's, when the form opened */
	size_t what, actor, lead, follow, status;
};

static const struct m_gap *find_gap(const struct app *a, m_id id)
{
	for (size_t i = 0; i < a->journey.n_gaps; i++)
		if (a->journey.gaps[i].id == id)
			return &a->journey.gaps[i];
	return NULL;
}

static enum mstatus gap_gone(struct merr *err)
{
	return merr_set(err, M_DATA, MR_NOT_FOUND, "%s",
	                _("the gap of this action is gone (another mellan may have deleted it)"));
}

/* The gap is written whole, as a copy of the journey's with the one action changed. */
static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	const struct m_gap *g = find_gap(f->app, c->gap_id);
	if (!g)
		return gap_gone(err);
	struct m_gap w;
	m_gap_copy(&w, g);
	snprintf(w.updated, sizeof w.updated, "%s", c->stamp);
	size_t k = 0;
	while (k < w.n_actions && (!*c->action_uuid || strcmp(w.actions[k].uuid, c->action_uuid)))
		k++;
	if (k == w.n_actions) { /* new, or gone meanwhile: added (again) */
		w.actions = xreallocarray(w.actions, w.n_actions + 1, sizeof *w.actions);
		memset(&w.actions[w.n_actions++], 0, sizeof *w.actions);
	}
	struct m_action *ac = &w.actions[k];
	form_take(&ac->what, form_text(f, c->what));
	form_take(&ac->follow_up, form_time(f, c->follow));
	ac->actor_id = form_pick(f, c->actor);
	ac->lead_id = form_pick(f, c->lead);
	ac->status = (enum m_action_status)pick_enum(form_pick(f, c->status), ACTION_OPEN);
	enum mstatus r = store_gap_update(f->app->store, &w, err);
	if (r == M_OK) {
		snprintf(c->action_uuid, sizeof c->action_uuid, "%s", ac->uuid);
		f->app->want_step = g->step_id;
		app_note(f->app, _("saved: action '%s'"), ac->what);
	}
	m_gap_clear(&w);
	return r;
}

enum mstatus action_delete(struct app *a, m_id action_id, struct merr *err)
{
	for (size_t i = 0; i < a->journey.n_gaps; i++) {
		const struct m_gap *g = &a->journey.gaps[i];
		for (size_t k = 0; k < g->n_actions; k++) {
			if (g->actions[k].id != action_id)
				continue;
			struct m_gap w;
			m_gap_copy(&w, g);
			m_action_clear(&w.actions[k]);
			memmove(&w.actions[k], &w.actions[k + 1],
			        (w.n_actions - k - 1) * sizeof *w.actions);
			w.n_actions--;
			enum mstatus r = store_gap_update(a->store, &w, err);
			m_gap_clear(&w);
			return r;
		}
	}
	return gap_gone(err);
}

void form_action_open(struct app *a, const struct m_gap *g, const struct m_action *given)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	c->gap_id = g->id;
	snprintf(c->stamp, sizeof c->stamp, "%s", g->updated);
	if (given)
		snprintf(c->action_uuid, sizeof c->action_uuid, "%s", given->uuid);
	struct form *f =
	    form_new(a, given ? _("Edit the action") : _("Add an action"), save, c, free);
	struct pick_list l = {0};
	c->what = form_add_text(f, _("What must be done"), given ? given->what : NULL, true);
	picker_actors(a, &l);
	c->actor = form_add_pick(f, _("To be done by"), &l, given ? given->actor_id : 0, false);
	picker_actors(a, &l);
	c->lead = form_add_pick(f, _("Thread held by"), &l, given ? given->lead_id : 0, false);
	c->follow = form_add_time(f, _("Follow up"), given ? given->follow_up : NULL);
	picker_enum(PK_ACTION_STATUS, &l);
	c->status =
	    form_add_pick(f, _("Status"), &l, PICK_ENUM(given ? given->status : ACTION_OPEN), true);
	form_privacy_record(f, c->action_uuid);
	form_privacy_field(f, c->what, "what");
	form_track(f, RK_GAP, g->case_id, g->id, c->stamp);
	app_open_form(a, f);
}
