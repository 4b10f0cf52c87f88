/* screen_names.c - the alliance's list of names not to use (the real young people, their
 * families, the staff in the room), which the privacy scan finds in every text: listed in
 * Swedish order; a adds, e renames, d takes a name off (after asking; u undoes it). It holds
 * real names, so its top line says it is not for the projector, and neither the presentation
 * nor a follower ever shows it. */
#include "private.h"

#include "core/i18n.h"
#include "core/privacy.h"
#include "core/store_privacy.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct names_view {
	struct screen base;
	struct m_name_list list;
	size_t sel, top;
	char *want; /* after a reload: select this name (the one just saved) */
};

static void reload(struct app *a, struct screen *s)
{
	struct names_view *v = (struct names_view *)s;
	m_id sel_id = v->sel < v->list.n ? v->list.items[v->sel].id : 0;
	m_name_list_clear(&v->list);
	struct merr err = {0};
	if (store_name_list(a->store, &v->list, &err) != M_OK)
		app_message(a, &err);
	for (size_t i = 0; i < v->list.n; i++)
		if ((v->want && privacy_same_name(v->list.items[i].name, v->want)) ||
		    (!v->want && v->list.items[i].id == sel_id))
			v->sel = i;
	free(v->want);
	v->want = NULL;
	if (v->sel >= v->list.n)
		v->sel = v->list.n ? v->list.n - 1 : 0;
}

static void free_view(struct screen *s)
{
	struct names_view *v = (struct names_view *)s;
	m_name_list_clear(&v->list);
	free(v->want);
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	snprintf(buf, n, _("%zu names not to use — real names, not for the projector"),
	         ((const struct names_view *)s)->list.n);
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct names_view *v = (struct names_view *)s;
	draw_line(top, 0, COLS, ROLE_DIM,
	          _("The privacy scan finds these names in every text, in any case."));
	top++;
	rows--;
	if (v->list.n == 0) {
		draw_centered(top + rows / 2, ROLE_DIM, _("No names on the list yet: a adds one."));
		return;
	}
	if (v->sel < v->top)
		v->top = v->sel;
	if (rows > 0 && v->sel >= v->top + (size_t)rows)
		v->top = v->sel - (size_t)rows + 1;
	for (size_t i = v->top; i < v->list.n && (int)(i - v->top) < rows; i++) {
		int y = top + (int)(i - v->top);
		enum role r = i == v->sel ? ROLE_SELECTED : ROLE_NORMAL;
		draw_line(y, 0, COLS, r, "");
		draw_text(y, 2, COLS - 2, r, v->list.items[i].name);
	}
}

/* ---- the form: one name ---------------------------------------------------------------------- */

struct ctx {
	m_id id; /* 0: a new name */
};

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct app *a = f->app;
	char *name = form_text(f, 0);
	enum mstatus st = c->id ? store_name_update(a->store, c->id, name, err)
	                        : store_name_add(a->store, name, err);
	struct names_view *v = (struct names_view *)screen_find(a, &screen_names);
	if (st == M_OK && v) {
		free(v->want);
		v->want = name;
		app_note(a, "%s", c->id ? _("saved: the name is changed") : _("saved: a new name"));
	} else {
		free(name);
	}
	return st;
}

static void open_form(struct app *a, const struct m_name *given)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	c->id = given ? given->id : 0;
	struct form *f = form_new(a,
	                          given ? _("Change a name not to use — not for the projector")
	                                : _("A name not to use — not for the projector"),
	                          save, c, free);
	form_add_text(f, _("Name"), given ? given->name : NULL, true);
	app_open_form(a, f);
}

static unsigned edit(struct app *a, struct names_view *v, bool del)
{
	if (v->sel >= v->list.n)
		return CH_NONE;
	const struct m_name *m = &v->list.items[v->sel];
	if (!del) {
		open_form(a, m);
		return CH_REDRAW;
	}
	a->del.kind = RK_NAME;
	a->del.id = m->id;
	snprintf(
	    a->del.question, sizeof a->del.question,
	    _("Take %s off the list of names? y takes it off (u undoes), another key keeps it"),
	    m->name);
	return CH_REDRAW;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct names_view *v = (struct names_view *)s;
	size_t n = v->list.n;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (v->sel + 1 < n)
			v->sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		v->sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		v->sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_ADD:
		open_form(a, NULL);
		return CH_REDRAW;
	case ACT_EDIT:
	case ACT_DELETE:
		return edit(a, v, act == ACT_DELETE);
	case ACT_BACK:
		return screen_pop(a); /* to the cases or the catalogue it was opened from */
	default:
		return CH_NONE;
	}
}

/* Opened only from the facilitator's own screens (the key table binds N on the cases and the
 * catalogue alone): the presentation and a follower are the room's, and real names never go
 * there. Closed, nothing of the list stays in memory. */
const struct screen_ops screen_names = {
    .id = SCR_NAMES,
    .help_title = N_("Keys of the names not to use"),
    .size = sizeof(struct names_view),
    .open = reload,
    .reload = reload,
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
