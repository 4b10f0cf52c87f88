/* screen_catalogue.c - the catalogue: the actors grouped by sector, then the gap categories, one
 * line each; a adds (an actor, or a category when a category is selected). */
#include "private.h"

#include "core/i18n.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>

/* Lines: actors first, then categories. */
static size_t lines(const struct app *a)
{
	return a->actors.n + a->categories.n;
}

void catalogue_draw(struct app *a, int top, int rows)
{
	size_t n = lines(a);
	if (a->cat_sel >= n)
		a->cat_sel = n ? n - 1 : 0;
	/* Headings take a row each: the actors', each sector's and the categories'. */
	int list_rows = rows;
	if (a->cat_sel < a->cat_top)
		a->cat_top = a->cat_sel;
	if (a->cat_sel >= a->cat_top + (size_t)(list_rows / 2))
		a->cat_top = a->cat_sel - (size_t)(list_rows / 2) + 1;
	int y = top;
	int last_sector = -1;
	for (size_t i = a->cat_top; i < n && y < top + rows; i++) {
		enum role r = i == a->cat_sel ? ROLE_SELECTED : ROLE_NORMAL;
		char line[600];
		if (i < a->actors.n) {
			const struct m_actor *ac = &a->actors.items[i];
			if ((int)ac->sector != last_sector) {
				last_sector = (int)ac->sector;
				draw_line(y++, 0, COLS, ROLE_HEADING, m_sector_label(ac->sector));
				if (y >= top + rows)
					break;
			}
			snprintf(line, sizeof line, "  %s%s%s%s", ac->name,
			         ac->short_label && *ac->short_label ? " (" : "",
			         ac->short_label ? ac->short_label : "",
			         ac->short_label && *ac->short_label ? ")" : "");
			draw_line(y++, 0, COLS, r, "");
			draw_text(y - 1, 0, COLS, r, line);
		} else {
			if (i == a->actors.n || i == a->cat_top) {
				draw_line(y++, 0, COLS, ROLE_HEADING, _("Gap categories"));
				if (y >= top + rows)
					break;
			}
			const struct m_category *c = &a->categories.items[i - a->actors.n];
			snprintf(line, sizeof line, "  %s", c->name);
			draw_line(y++, 0, COLS, r, "");
			draw_text(y - 1, 0, COLS, r, line);
		}
	}
	if (n == 0)
		draw_centered(top + rows / 2, ROLE_DIM, _("No actors or categories yet."));
}

unsigned catalogue_key(struct app *a, enum action act)
{
	size_t n = lines(a);
	switch (act) {
	case ACT_PREV:
		if (a->cat_sel > 0)
			a->cat_sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (a->cat_sel + 1 < n)
			a->cat_sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		a->cat_sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		a->cat_sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_ADD:
		if (a->cat_sel >= a->actors.n && a->categories.n)
			form_category_open(a, NULL);
		else
			form_actor_open(a, NULL);
		return CH_REDRAW;
	case ACT_BACK:
		a->screen = a->journey_case ? SCR_JOURNEY : SCR_CASES;
		return CH_REDRAW;
	default:
		return CH_NONE;
	}
}
