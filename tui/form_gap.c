/* form_gap.c - the form of a gap, where the young person fell between the chairs: it opens on
 * the category, then what happened, what must change, how severe, at what level, its status,
 * the actors involved and those who could have acted, the step it lasted until, and an action
 * to add (what must be done, by whom, who holds the thread, when to follow up). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>
#include <string.h>

struct ctx {
	struct m_gap rec;
	size_t category, happened, must_change, severity, level, status, involved, could, until;
	size_t act_what, act_actor, act_lead, act_follow;
	char act_uuid[M_UUID_LEN + 1]; /* the new action's, once saved: its kept findings' record */
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_gap_clear(&c->rec);
	free(c);
}

/* The gap's actors from the two pickers: "could have acted" wins for one in both. */
static void collect_actors(struct form *f, struct ctx *c)
{
	struct m_gap *g = &c->rec;
	const struct field *inv = &f->fields[c->involved];
	free(g->actors);
	g->actors = xcalloc(inv->items.n ? inv->items.n : 1, sizeof *g->actors);
	g->n_actors = 0;
	for (size_t k = 0; k < inv->items.n; k++) {
		m_id id = inv->items.items[k].value;
		bool could = form_multipick_has(f, c->could, id);
		if (!could && !form_multipick_has(f, c->involved, id))
			continue;
		g->actors[g->n_actors].actor_id = id;
		g->actors[g->n_actors].role = could ? GAR_COULD_HAVE_ACTED : GAR_INVOLVED;
		g->n_actors++;
	}
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_gap *g = &c->rec;
	g->category_id = form_pick(f, c->category);
	form_take(&g->what_happened, form_text(f, c->happened));
	form_take(&g->what_must_change, form_text(f, c->must_change));
	g->severity = (int)form_pick(f, c->severity);
	if (g->severity < 1)
		g->severity = 2;
	g->level = (enum m_gap_level)pick_enum(form_pick(f, c->level), LEVEL_PRACTICE);
	g->status = (enum m_gap_status)pick_enum(form_pick(f, c->status), GAP_OPEN);
	g->step_to = form_pick(f, c->until);
	if (g->step_to == g->step_id)
		g->step_to = 0;
	collect_actors(f, c);
	size_t kept_actions = g->n_actions;
	char *what = form_text(f, c->act_what);
	if (what) {
		g->actions = xreallocarray(g->actions, g->n_actions + 1, sizeof *g->actions);
		struct m_action *ac = &g->actions[g->n_actions++];
		memset(ac, 0, sizeof *ac);
		ac->what = what;
		ac->actor_id = form_pick(f, c->act_actor);
		ac->lead_id = form_pick(f, c->act_lead);
		ac->follow_up = form_time(f, c->act_follow);
		ac->status = ACTION_OPEN;
	}
	bool is_new = g->id == 0;
	enum mstatus r =
	    is_new ? store_gap_add(f->app->store, g, err) : store_gap_update(f->app->store, g, err);
	if (r != M_OK) {
		/* The action typed stays in its fields for the next try, not twice in the list. */
		while (g->n_actions > kept_actions)
			m_action_clear(&g->actions[--g->n_actions]);
		return r;
	}
	if (what)
		memcpy(c->act_uuid, g->actions[g->n_actions - 1].uuid, sizeof c->act_uuid);
	const struct m_category *cat = m_category_find(&f->app->categories, g->category_id);
	f->app->want_step = g->step_id;
	app_note(f->app, _("saved: gap '%s'"), cat ? cat->name : "?");
	return M_OK;
}

void form_gap_open(struct app *a, const struct m_gap *given)
{
	const struct m_step *st = app_selected_step(a);
	if (!given && !st)
		return;
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given) {
		m_gap_copy(&c->rec, given);
	} else {
		c->rec.case_id = a->journey_case;
		c->rec.step_id = st->id;
		c->rec.severity = 2;
	}
	struct form *f =
	    form_new(a, given ? _("Edit the gap") : _("Flag a gap"), save, c, free_ctx);
	struct pick_list l = {0};
	picker_categories(a, &l);
	c->category = form_add_pick(f, _("Category"), &l, c->rec.category_id, true);
	c->happened = form_add_multi(f, _("What happened"), c->rec.what_happened);
	c->must_change = form_add_multi(f, _("What must change"), c->rec.what_must_change);
	picker_enum(PK_SEVERITY, &l);
	c->severity = form_add_pick(f, _("Severity"), &l, c->rec.severity, true);
	picker_enum(PK_LEVEL, &l);
	c->level = form_add_pick(f, _("Level"), &l, PICK_ENUM(c->rec.level), true);
	picker_enum(PK_GAP_STATUS, &l);
	c->status = form_add_pick(f, _("Status"), &l, PICK_ENUM(c->rec.status), true);
	picker_actors(a, &l);
	c->involved = form_add_multipick(f, _("Actors involved"), &l);
	picker_actors(a, &l);
	c->could = form_add_multipick(f, _("Could have acted"), &l);
	for (size_t i = 0; i < c->rec.n_actors; i++)
		form_multipick_set(
		    f, c->rec.actors[i].role == GAR_COULD_HAVE_ACTED ? c->could : c->involved,
		    c->rec.actors[i].actor_id, true);
	picker_steps(a, c->rec.step_id, &l);
	c->until = form_add_pick(f, _("Until step"), &l, c->rec.step_to, false);
	c->act_what = form_add_text(f, _("Add an action"), NULL, false);
	picker_actors(a, &l);
	c->act_actor = form_add_pick(f, _("... to be done by"), &l, 0, false);
	picker_actors(a, &l);
	c->act_lead = form_add_pick(f, _("... thread held by"), &l, 0, false);
	c->act_follow = form_add_time(f, _("... follow up"), NULL);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->happened, "what_happened");
	form_privacy_field(f, c->must_change, "what_must_change");
	/* The action typed here becomes a record of its own: its findings are kept under it. */
	form_privacy_field(f, c->act_what, "what");
	f->fields[c->act_what].priv_uuid = c->act_uuid;
	if (c->rec.id)
		form_track(f, RK_GAP, c->rec.case_id, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
