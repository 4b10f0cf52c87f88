/* screen_catalogue.c - the catalogue: the actors grouped by sector, then the gap categories, one
 * line each; a adds (an actor, or a category when a category is selected). */
#include "private.h"

#include "core/i18n.h"
#include "draw.h"
#include "picker.h"

#include <curses.h>
#include <stdio.h>

/* Kept between visits: the selection is where it was left. */
struct catalogue_view {
	struct screen base;
	size_t sel, top;
};

/* Lines: actors first, then categories. */
static size_t lines(const struct app *a)
{
	return a->actors.n + a->categories.n;
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	struct catalogue_view *v = (struct catalogue_view *)s;
	size_t n = lines(a);
	if (v->sel >= n)
		v->sel = n ? n - 1 : 0;
	/* Headings take a row each: the actors', each sector's and the categories'. */
	int list_rows = rows;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)(list_rows / 2))
		v->top = v->sel - (size_t)(list_rows / 2) + 1;
	int y = top;
	int last_sector = -1;
	for (size_t i = v->top; i < n && y < top + rows; i++) {
		enum role r = i == v->sel ? ROLE_SELECTED : ROLE_NORMAL;
		char line[600];
		if (i < a->actors.n) {
			const struct m_actor *ac = &a->actors.items[i];
			if ((int)ac->sector != last_sector) {
				last_sector = (int)ac->sector;
				draw_line(y++, 0, COLS, ROLE_HEADING, m_sector_label(ac->sector));
				if (y >= top + rows)
					break;
			}
			const char *alias = actor_alias(ac);
			snprintf(line, sizeof line, "  %s%s%s%s", ac->name, alias ? " (" : "",
			         alias ? alias : "", alias ? ")" : "");
			draw_line(y++, 0, COLS, r, "");
			draw_text(y - 1, 0, COLS, r, line);
		} else {
			if (i == a->actors.n || i == v->top) {
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

/* e edits the selected actor or category, d asks before deleting it. */
static unsigned edit(struct app *a, const struct catalogue_view *v, bool del)
{
	char label[600];
	if (v->sel < a->actors.n) {
		const struct m_actor *ac = &a->actors.items[v->sel];
		snprintf(label, sizeof label, _("the actor %s"), ac->name);
		if (del)
			edit_ask_delete(a, RK_ACTOR, ac->id, label);
		else
			form_actor_open(a, ac);
	} else if (v->sel - a->actors.n < a->categories.n) {
		const struct m_category *c = &a->categories.items[v->sel - a->actors.n];
		snprintf(label, sizeof label, _("the gap category %s"), c->name);
		if (del)
			edit_ask_delete(a, RK_CATEGORY, c->id, label);
		else
			form_category_open(a, c);
	}
	return CH_REDRAW;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct catalogue_view *v = (struct catalogue_view *)s;
	size_t n = lines(a);
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
		if (v->sel >= a->actors.n && a->categories.n)
			form_category_open(a, NULL);
		else
			form_actor_open(a, NULL);
		return CH_REDRAW;
	case ACT_EDIT:
	case ACT_DELETE:
		return edit(a, v, act == ACT_DELETE);
	case ACT_BACK:
		return screen_pop(a); /* to the journey or the cases it was opened from */
	default:
		return CH_NONE;
	}
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	(void)s;
	snprintf(buf, n, "%s", _("Actors and gap categories"));
}

const struct screen_ops screen_catalogue = {
    .id = SCR_CATALOGUE,
    .help_title = N_("Keys of the catalogue"),
    .size = sizeof(struct catalogue_view),
    .keep = true,
    .draw = draw,
    .key = key,
    .title = title,
};
