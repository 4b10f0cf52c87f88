/* form_factor.c - the form of a risk or protective factor of a step: its kind and its text. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_factor rec;
	size_t kind, text;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_factor_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_factor *fc = &c->rec;
	form_take(&fc->text, form_text(f, c->text));
	fc->kind = (enum m_factor_kind)pick_enum(form_pick(f, c->kind), FACTOR_RISK);
	bool is_new = fc->id == 0;
	enum mstatus r = is_new ? store_factor_add(f->app->store, fc, err)
	                        : store_factor_update(f->app->store, fc, err);
	if (r != M_OK)
		return r;
	f->app->want_step = fc->step_id;
	app_note(f->app, _("saved: factor '%s' (%s)"), fc->text, m_factor_kind_label(fc->kind));
	return M_OK;
}

void form_factor_open(struct app *a, const struct m_factor *factor)
{
	const struct m_step *st = app_selected_step(a);
	if (!factor && !st)
		return;
	struct ctx *c = xcalloc(1, sizeof *c);
	if (factor) {
		m_factor_copy(&c->rec, factor);
	} else {
		c->rec.step_id = st->id;
	}
	struct form *f = form_new(
	    a, factor ? _("Edit the factor") : _("A risk or protective factor"), save, c, free_ctx);
	struct pick_list l = {0};
	picker_enum(PK_FACTOR_KIND, &l);
	c->kind = form_add_pick(f, _("Kind"), &l, PICK_ENUM(c->rec.kind), true);
	c->text = form_add_text(f, _("Factor"), c->rec.text, true);
	form_focus(f, c->text);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->text, "text");
	if (c->rec.id)
		form_track(f, RK_FACTOR, a->journey_case, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
