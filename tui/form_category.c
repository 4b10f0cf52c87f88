/* form_category.c - the form of a gap category: the name people read, its stable short code
 * (made from the name when left empty), a description and its place in the list. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	struct m_category rec;
	size_t name, code, description, order;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_category_clear(&c->rec);
	free(c);
}

/* "Överlämningen brast" -> "overlamningen-brast": ASCII letters and digits, dashes between. */
static char *code_from_name(const char *name)
{
	size_t n = strlen(name);
	char *out = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(name + i, n - i, &cp);
		char c = 0;
		if (cp < 0x80 && isalnum((int)cp))
			c = (char)tolower((int)cp);
		else if (cp == 0xE5 || cp == 0xE4 || cp == 0xC5 || cp == 0xC4)
			c = 'a';
		else if (cp == 0xF6 || cp == 0xD6)
			c = 'o';
		else if (o > 0 && out[o - 1] != '-')
			c = '-';
		if (c)
			out[o++] = c;
	}
	while (o > 0 && out[o - 1] == '-')
		o--;
	out[o] = '\0';
	return out;
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_category *cat = &c->rec;
	form_take(&cat->name, form_text(f, c->name));
	form_take(&cat->code, form_text(f, c->code));
	if (!cat->code && cat->name)
		cat->code = code_from_name(cat->name);
	form_take(&cat->description, form_text(f, c->description));
	cat->sort_order = form_number(f, c->order);
	bool is_new = cat->id == 0;
	enum mstatus r = is_new ? store_category_add(f->app->store, cat, err)
	                        : store_category_update(f->app->store, cat, err);
	if (r == M_OK)
		app_note(f->app, _("saved: gap category '%s'"), cat->name);
	return r;
}

void form_category_open(struct app *a, const struct m_category *given)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given) {
		m_category_copy(&c->rec, given);
	} else {
		c->rec.sort_order = (int)a->categories.n + 1;
	}
	struct form *f = form_new(a, given ? _("Edit the gap category") : _("A new gap category"),
	                          save, c, free_ctx);
	c->name = form_add_text(f, _("Name"), c->rec.name, true);
	c->code = form_add_text(f, _("Code"), c->rec.code, false);
	c->description = form_add_multi(f, _("Description"), c->rec.description);
	c->order = form_add_number(f, _("Place in the list"), c->rec.sort_order, 0, 9999);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->name, "name");
	form_privacy_field(f, c->description, "description");
	if (c->rec.id)
		form_track(f, RK_CATEGORY, 0, c->rec.id, c->rec.updated);
	app_open_form(a, f);
}
