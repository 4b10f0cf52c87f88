/* screen_help.c - the help screen: every key of the screen it was opened from, generated from
 * the key table so it can never disagree with what the keys do. */
#include "private.h"

#include "core/i18n.h"
#include "draw.h"

#include <curses.h>

void help_draw(struct app *a, int top, int rows)
{
	int label_w = 0;
	for (size_t i = 0; i < keys_count(); i++) {
		const struct key_binding *b = keys_at(i);
		if (b->label && (b->screens & (unsigned)a->help_from)) {
			int w = draw_width(_(b->label));
			label_w = w > label_w ? w : label_w;
		}
	}
	int x = 2, desc_x = x + label_w + 3;
	struct block b;
	block_init(&b, COLS - desc_x - 1);
	/* The screen's own keys first, then those it shares with others. */
	for (size_t pass = 0; pass < 2 * keys_count(); pass++) {
		size_t i = pass % keys_count();
		const struct key_binding *k = keys_at(i);
		bool own = k->screens == (unsigned)a->help_from;
		if (!k->label || !(k->screens & (unsigned)a->help_from) ||
		    own != (pass < keys_count()))
			continue;
		size_t first = b.n;
		block_add(&b, ROLE_NORMAL, NULL, ROLE_NORMAL, _(k->desc));
		if (first < b.n && first >= a->help_scroll) {
			/* The key goes in the column before the description's first line. */
			int y = top + 1 + (int)(first - a->help_scroll);
			if (y < top + rows - 1)
				draw_text(y, x, label_w, ROLE_HEADING, _(k->label));
		}
	}
	/* Taller than the screen (a projector at 60x20): it scrolls, and says so. */
	int shown = rows - 2;
	size_t max = b.n > (size_t)shown ? b.n - (size_t)shown : 0;
	if (a->help_scroll > max)
		a->help_scroll = max;
	a->help_rows = shown;
	a->help_lines = b.n;
	block_draw(&b, top + 1, desc_x, shown, a->help_scroll);
	if (a->help_scroll < max)
		draw_text(top + rows - 1, x, COLS - x, ROLE_DIM, _("▼ more keys (PgDn)"));
	block_clear(&b);
}

unsigned help_key(struct app *a, int key)
{
	size_t page = a->help_rows > 1 ? (size_t)a->help_rows - 1 : 1;
	switch (keys_lookup(SCR_HELP, key)) {
	case ACT_PAGE_UP:
		a->help_scroll = a->help_scroll > page ? a->help_scroll - page : 0;
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		if (a->help_scroll + (size_t)a->help_rows < a->help_lines)
			a->help_scroll += page; /* clamped when drawn */
		return CH_REDRAW;
	default:
		a->screen = a->help_from;
		a->help_scroll = 0;
		return CH_REDRAW;
	}
}
