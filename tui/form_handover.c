/* form_handover.c - the form of a hand-over (a referral or a transfer): it opens on "from", then
 * "to", the kind, when it was sent, received and acted on (left empty when it never was), and a
 * note. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_handover rec;
	size_t from, to, kind, sent, received, acted, note;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_handover_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_handover *h = &c->rec;
	h->from_actor = form_pick(f, c->from);
	h->to_actor = form_pick(f, c->to);
	h->kind = (enum m_handover_kind)pick_enum(form_pick(f, c->kind), HO_REFERRAL);
	form_take(&h->sent, form_time(f, c->sent));
	form_take(&h->received, form_time(f, c->received));
	form_take(&h->acted, form_time(f, c->acted));
	form_take(&h->note, form_text(f, c->note));
	bool is_new = h->id == 0;
	enum mstatus r = is_new ? store_handover_add(f->app->store, h, err)
	                        : store_handover_update(f->app->store, h, err);
	if (r != M_OK)
		return r;
	const struct m_actor *from = m_actor_find(&f->app->actors, h->from_actor);
	const struct m_actor *to = m_actor_find(&f->app->actors, h->to_actor);
	f->app->want_step = h->step_id;
	app_note(f->app, _("saved: hand-over from %s to %s"), from ? from->name : "?",
	         to ? to->name : "?");
	return M_OK;
}

void form_handover_open(struct app *a, const struct m_handover *given)
{
	const struct m_step *st = app_selected_step(a);
	if (!given && !st)
		return;
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given) {
		m_handover_copy(&c->rec, given);
	} else {
		c->rec.case_id = a->journey_case;
		c->rec.step_id = st->id;
		c->rec.sent = xstrdup_or_null(st->time);
	}
	struct form *f =
	    form_new(a, given ? _("Edit the hand-over") : _("A new hand-over"), save, c, free_ctx);
	struct pick_list l = {0};
	picker_actors(a, &l);
	c->from = form_add_pick(f, _("From"), &l, c->rec.from_actor, true);
	picker_actors(a, &l);
	c->to = form_add_pick(f, _("To"), &l, c->rec.to_actor, true);
	picker_enum(PK_HO_KIND, &l);
	c->kind = form_add_pick(f, _("Kind"), &l, PICK_ENUM(c->rec.kind), true);
	c->sent = form_add_time(f, _("Sent"), c->rec.sent);
	c->received = form_add_time(f, _("Received"), c->rec.received);
	c->acted = form_add_time(f, _("Acted on"), c->rec.acted);
	c->note = form_add_multi(f, _("Note"), c->rec.note);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->note, "note");
	if (c->rec.id)
		form_track(f, RK_HANDOVER, c->rec.case_id, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
