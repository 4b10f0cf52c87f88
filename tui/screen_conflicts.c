/* screen_conflicts.c - the fields two laptops both changed, as `mellan merge` left them: each
 * with the record, the field and both values; h keeps the value here, t takes the other
 * laptop's (an edit like any other, so u undoes it). Either closes the conflict. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_exchange.h"
#include "core/text.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS_EACH 3 /* the record and field, the value here, the value there */

struct conflicts_view {
	struct screen base;
	struct m_merge_report conflicts;
	size_t sel, top;
};

static void load(struct app *a, struct screen *s)
{
	struct conflicts_view *v = (struct conflicts_view *)s;
	struct merr err = {0};
	m_merge_report_clear(&v->conflicts);
	if (store_conflict_list(a->store, &v->conflicts, &err) != M_OK)
		app_message(a, &err);
	if (v->sel >= v->conflicts.n_conflicts)
		v->sel = v->conflicts.n_conflicts ? v->conflicts.n_conflicts - 1 : 0;
}

static const char *shown(const char *v)
{
	return v ? v : _("(nothing)");
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct conflicts_view *v = (struct conflicts_view *)s;
	size_t n = v->conflicts.n_conflicts, fit = (size_t)(rows / ROWS_EACH);
	if (n == 0) {
		draw_centered(top + rows / 2, ROLE_DIM,
		              _("No open merge conflicts: everything merged agrees."));
		return;
	}
	if (fit == 0)
		fit = 1;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + fit)
		v->top = v->sel - fit + 1;
	int y = top;
	for (size_t i = v->top; i < n && y + ROWS_EACH <= top + rows; i++) {
		const struct m_conflict *c = &v->conflicts.conflicts[i];
		enum role r = i == v->sel ? ROLE_SELECTED : ROLE_NORMAL;
		char line[800];
		snprintf(line, sizeof line, "%s: %s", c->what, c->field);
		draw_line(y++, 0, COLS, r, line);
		snprintf(line, sizeof line, _("    here:  %s"), shown(c->ours));
		draw_line(y++, 0, COLS, ROLE_NORMAL, line);
		snprintf(line, sizeof line, _("    there: %s"), shown(c->theirs));
		draw_line(y++, 0, COLS, ROLE_NORMAL, line);
	}
}

static unsigned decide(struct app *a, struct conflicts_view *v, bool take)
{
	if (v->sel >= v->conflicts.n_conflicts)
		return CH_NONE;
	const struct m_conflict *c = &v->conflicts.conflicts[v->sel];
	struct merr err = {0};
	if (store_conflict_resolve(a->store, c->id, take, &err) != M_OK) {
		app_message(a, &err);
		return CH_REDRAW;
	}
	char *field = text_sanitize(c->field, 0);
	app_note(a, take ? _("took the other laptop's %s") : _("kept the %s here"), field);
	free(field);
	load(a, &v->base);
	return CH_RELOAD;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct conflicts_view *v = (struct conflicts_view *)s;
	size_t n = v->conflicts.n_conflicts;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (v->sel + 1 < n)
			v->sel++;
		return CH_REDRAW;
	case ACT_KEEP:
		return decide(a, v, false);
	case ACT_TAKE:
		return decide(a, v, true);
	case ACT_BACK:
		return screen_pop(a);
	default:
		return CH_NONE;
	}
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	const struct conflicts_view *v = (const struct conflicts_view *)s;
	snprintf(buf, n, _("%zu merge conflicts"), v->conflicts.n_conflicts);
}

static void free_view(struct screen *s)
{
	m_merge_report_clear(&((struct conflicts_view *)s)->conflicts);
}

const struct screen_ops screen_conflicts = {
    .id = SCR_CONFLICTS,
    .help_title = N_("Keys of the merge conflicts"),
    .size = sizeof(struct conflicts_view),
    .open = load,
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
