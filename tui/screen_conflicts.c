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

static void load(struct app *a)
{
	struct merr err = {0};
	m_merge_report_clear(&a->conflicts);
	if (store_conflict_list(a->store, &a->conflicts, &err) != M_OK)
		app_message(a, &err);
	if (a->conf_sel >= a->conflicts.n_conflicts)
		a->conf_sel = a->conflicts.n_conflicts ? a->conflicts.n_conflicts - 1 : 0;
}

void conflicts_open(struct app *a)
{
	a->conf_sel = a->conf_top = 0;
	load(a);
	a->screen = SCR_CONFLICTS;
}

static const char *shown(const char *v)
{
	return v ? v : _("(nothing)");
}

void conflicts_draw(struct app *a, int top, int rows)
{
	size_t n = a->conflicts.n_conflicts, fit = (size_t)(rows / ROWS_EACH);
	if (n == 0) {
		draw_centered(top + rows / 2, ROLE_DIM,
		              _("No open merge conflicts: everything merged agrees."));
		return;
	}
	if (fit == 0)
		fit = 1;
	if (a->conf_sel < a->conf_top)
		a->conf_top = a->conf_sel;
	if (a->conf_sel >= a->conf_top + fit)
		a->conf_top = a->conf_sel - fit + 1;
	int y = top;
	for (size_t i = a->conf_top; i < n && y + ROWS_EACH <= top + rows; i++) {
		const struct m_conflict *c = &a->conflicts.conflicts[i];
		enum role r = i == a->conf_sel ? ROLE_SELECTED : ROLE_NORMAL;
		char line[800];
		snprintf(line, sizeof line, "%s: %s", c->what, c->field);
		draw_line(y++, 0, COLS, r, line);
		snprintf(line, sizeof line, _("    here:  %s"), shown(c->ours));
		draw_line(y++, 0, COLS, ROLE_NORMAL, line);
		snprintf(line, sizeof line, _("    there: %s"), shown(c->theirs));
		draw_line(y++, 0, COLS, ROLE_NORMAL, line);
	}
}

static unsigned decide(struct app *a, bool take)
{
	if (a->conf_sel >= a->conflicts.n_conflicts)
		return CH_NONE;
	const struct m_conflict *c = &a->conflicts.conflicts[a->conf_sel];
	struct merr err = {0};
	if (store_conflict_resolve(a->store, c->id, take, &err) != M_OK) {
		app_message(a, &err);
		return CH_REDRAW;
	}
	char *field = text_sanitize(c->field, 0);
	app_note(a, take ? _("took the other laptop's %s") : _("kept the %s here"), field);
	free(field);
	load(a);
	return CH_RELOAD;
}

unsigned conflicts_key(struct app *a, enum action act)
{
	size_t n = a->conflicts.n_conflicts;
	switch (act) {
	case ACT_PREV:
		if (a->conf_sel > 0)
			a->conf_sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (a->conf_sel + 1 < n)
			a->conf_sel++;
		return CH_REDRAW;
	case ACT_KEEP:
		return decide(a, false);
	case ACT_TAKE:
		return decide(a, true);
	case ACT_BACK:
		a->screen = SCR_CASES;
		return CH_REDRAW;
	default:
		return CH_NONE;
	}
}
