/* form_actor.c - the form of an actor of the catalogue: name, short label (for narrow columns
 * and quick picking), sector, colour in the lanes (0-7) and a description. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_actor rec;
	size_t name, short_label, sector, colour, description;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_actor_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_actor *ac = &c->rec;
	form_take(&ac->name, form_text(f, c->name));
	form_take(&ac->short_label, form_text(f, c->short_label));
	form_take(&ac->description, form_text(f, c->description));
	ac->sector = (enum m_sector)pick_enum(form_pick(f, c->sector), SECTOR_MUNICIPALITY);
	ac->colour = form_number(f, c->colour);
	bool is_new = ac->id == 0;
	enum mstatus r = is_new ? store_actor_add(f->app->store, ac, err)
	                        : store_actor_update(f->app->store, ac, err);
	if (r == M_OK)
		app_note(f->app, _("saved: actor '%s'"), ac->name);
	return r;
}

void form_actor_open(struct app *a, const struct m_actor *given)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given)
		m_actor_copy(&c->rec, given);
	struct form *f =
	    form_new(a, given ? _("Edit the actor") : _("A new actor"), save, c, free_ctx);
	c->name = form_add_text(f, _("Name"), c->rec.name, true);
	c->short_label = form_add_text(f, _("Short label"), c->rec.short_label, false);
	struct pick_list l = {0};
	picker_enum(PK_SECTOR, &l);
	c->sector = form_add_pick(f, _("Sector"), &l, PICK_ENUM(c->rec.sector), true);
	c->colour = form_add_number(f, _("Colour (0-7)"), c->rec.colour, 0, 7);
	c->description = form_add_multi(f, _("Description"), c->rec.description);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->name, "name");
	form_privacy_field(f, c->short_label, "short_label");
	form_privacy_field(f, c->description, "description");
	if (c->rec.id)
		form_track(f, RK_ACTOR, 0, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
