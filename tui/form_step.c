/* form_step.c - the form of a step: it opens on "when" (a fuzzy time, shown as understood
 * before it is saved), then the title, what happened, the life domain, how certain it is, the
 * young person's own words and the facilitator's note (never projected). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_step rec;
	size_t when, title, narrative, domain, certainty, voice, note;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_step_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_step *st = &c->rec;
	form_take(&st->time, form_time(f, c->when));
	form_take(&st->title, form_text(f, c->title));
	form_take(&st->narrative, form_text(f, c->narrative));
	form_take(&st->voice, form_text(f, c->voice));
	form_take(&st->note, form_text(f, c->note));
	st->domain = (enum m_domain)pick_enum(form_pick(f, c->domain), DOMAIN_NONE);
	st->certainty = (enum m_certainty)pick_enum(form_pick(f, c->certainty), CERT_REPORTED);
	bool is_new = st->id == 0;
	enum mstatus r = is_new ? store_step_add(f->app->store, st, err)
	                        : store_step_update(f->app->store, st, err);
	if (r != M_OK)
		return r;
	f->app->want_step = st->id;
	app_note(f->app, is_new ? _("saved: new step '%s'") : _("saved: step '%s'"), st->title);
	return M_OK;
}

void form_step_open(struct app *a, const struct m_step *step)
{
	if (!a->journey_case)
		return;
	struct ctx *c = xcalloc(1, sizeof *c);
	if (step) {
		m_step_copy(&c->rec, step); /* its factors too: the step's save leaves them be */
	} else {
		c->rec.case_id = a->journey_case;
		c->rec.certainty = CERT_REPORTED;
	}
	struct form *f =
	    form_new(a, step ? _("Edit the step") : _("A new step"), save, c, free_ctx);
	c->when = form_add_time(f, _("When"), c->rec.time);
	c->title = form_add_text(f, _("Title"), c->rec.title, true);
	c->narrative = form_add_multi(f, _("What happened"), c->rec.narrative);
	struct pick_list l = {0};
	picker_enum(PK_DOMAIN, &l);
	c->domain = form_add_pick(f, _("Life domain"), &l, PICK_ENUM(c->rec.domain), true);
	picker_enum(PK_CERTAINTY, &l);
	c->certainty = form_add_pick(f, _("Certainty"), &l, PICK_ENUM(c->rec.certainty), true);
	c->voice = form_add_multi(f, _("In their own words"), c->rec.voice);
	c->note = form_add_multi(f, _("Note (never shown)"), c->rec.note);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->title, "title");
	form_privacy_field(f, c->narrative, "narrative");
	form_privacy_field(f, c->voice, "voice");
	form_privacy_field(f, c->note, "note");
	if (c->rec.id)
		form_track(f, RK_STEP, c->rec.case_id, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
