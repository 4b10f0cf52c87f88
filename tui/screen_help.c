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
		if (first < b.n) {
			/* The key goes in the column before the description's first line. */
			int y = top + 1 + (int)first;
			if (y < top + rows)
				draw_text(y, x, label_w, ROLE_HEADING, _(k->label));
		}
	}
	block_draw(&b, top + 1, desc_x, rows - 1, 0);
	block_clear(&b);
}

unsigned help_key(struct app *a, int key)
{
	(void)key;
	a->screen = a->help_from;
	return CH_REDRAW;
}
