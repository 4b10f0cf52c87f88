/* form_intervention.c - the form of an intervention: it opens on the actor (type a few letters of
 * the name or short label), then what was done, its kind (made, possible, declined, refused,
 * waiting), the step it lasted until, its times, what came of it and the group's judgement. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_intervention rec;
	size_t actor, what, kind, until, start, end, outcome, effect;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_intervention_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_intervention *iv = &c->rec;
	iv->actor_id = form_pick(f, c->actor);
	form_take(&iv->what, form_text(f, c->what));
	iv->kind = (enum m_intervention_kind)pick_enum(form_pick(f, c->kind), IV_MADE);
	iv->step_to = form_pick(f, c->until);
	if (iv->step_to == iv->step_from)
		iv->step_to = 0;
	form_take(&iv->start, form_time(f, c->start));
	form_take(&iv->end, form_time(f, c->end));
	form_take(&iv->outcome, form_text(f, c->outcome));
	iv->effect = form_number(f, c->effect);
	bool is_new = iv->id == 0;
	enum mstatus r = is_new ? store_intervention_add(f->app->store, iv, err)
	                        : store_intervention_update(f->app->store, iv, err);
	if (r != M_OK)
		return r;
	const struct m_actor *ac = m_actor_find(&f->app->actors, iv->actor_id);
	f->app->want_step = iv->step_from;
	app_note(f->app, _("saved: intervention by %s"), ac ? ac->name : "?");
	return M_OK;
}

void form_intervention_open(struct app *a, const struct m_intervention *given)
{
	const struct m_step *st = app_selected_step(a);
	if (!given && !st)
		return;
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given) {
		m_intervention_copy(&c->rec, given);
	} else {
		c->rec.case_id = a->journey_case;
		c->rec.step_from = st->id;
		c->rec.kind = IV_MADE;
	}
	struct form *f = form_new(a, given ? _("Edit the intervention") : _("A new intervention"),
	                          save, c, free_ctx);
	struct pick_list l = {0};
	picker_actors(a, &l);
	c->actor = form_add_pick(f, _("Actor"), &l, c->rec.actor_id, true);
	c->what = form_add_multi(f, _("What was done"), c->rec.what);
	picker_enum(PK_IV_KIND, &l);
	c->kind = form_add_pick(f, _("Kind"), &l, PICK_ENUM(c->rec.kind), true);
	picker_steps(a, c->rec.step_from, &l);
	c->until = form_add_pick(f, _("Until step"), &l, c->rec.step_to, false);
	c->start = form_add_time(f, _("From"), c->rec.start);
	c->end = form_add_time(f, _("To"), c->rec.end);
	c->outcome = form_add_multi(f, _("What came of it"), c->rec.outcome);
	c->effect = form_add_number(f, _("Effect (-2 to 2)"), c->rec.effect, -2, 2);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->what, "what");
	form_privacy_field(f, c->outcome, "outcome");
	if (c->rec.id)
		form_track(f, RK_INTERVENTION, c->rec.case_id, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
