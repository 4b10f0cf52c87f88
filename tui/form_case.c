/* form_case.c - the form of a case: it opens on the case's code (the pseudonym everyone in the
 * room uses), then birth year, gender, kind of area, status and summary. A new case opens its
 * journey when saved, so the facilitator goes on with its first step. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdlib.h>

struct ctx {
	struct m_case rec;
	size_t code, born, gender, area, status, summary;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_case_clear(&c->rec);
	free(c);
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_case *k = &c->rec;
	form_take(&k->code, form_text(f, c->code));
	form_take(&k->gender, form_text(f, c->gender));
	form_take(&k->area, form_text(f, c->area));
	form_take(&k->summary, form_text(f, c->summary));
	k->birth_year = form_number(f, c->born);
	k->status = (enum m_case_status)pick_enum(form_pick(f, c->status), CASE_DRAFT);
	bool is_new = k->id == 0;
	enum mstatus st = is_new ? store_case_add(f->app->store, k, err)
	                         : store_case_update(f->app->store, k, err);
	if (st != M_OK)
		return st;
	cases_select(f->app, k->id, is_new);
	app_note(f->app, is_new ? _("saved: new case '%s'") : _("saved: case '%s'"), k->code);
	return M_OK;
}

void form_case_open(struct app *a, const struct m_case *kase)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	if (kase)
		m_case_copy(&c->rec, kase);
	struct form *f =
	    form_new(a, kase ? _("Edit the case") : _("A new case"), save, c, free_ctx);
	c->code = form_add_text(f, _("Code"), c->rec.code, true);
	c->born = form_add_number(f, _("Born (year)"), c->rec.birth_year, 1900, 2100);
	c->gender = form_add_text(f, _("Gender"), c->rec.gender, false);
	c->area = form_add_text(f, _("Kind of area"), c->rec.area, false);
	struct pick_list l = {0};
	picker_enum(PK_CASE_STATUS, &l);
	c->status = form_add_pick(f, _("Status"), &l, PICK_ENUM(c->rec.status), true);
	c->summary = form_add_multi(f, _("Summary"), c->rec.summary);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->code, "code");
	form_privacy_field(f, c->gender, "gender");
	form_privacy_field(f, c->area, "area");
	form_privacy_field(f, c->summary, "summary");
	if (c->rec.id)
		form_track(f, RK_CASE, c->rec.id, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
