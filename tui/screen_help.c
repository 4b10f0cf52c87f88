/* screen_help.c - the help screen: every key of the screen it was opened over (or of the form
 * open there), generated from the key table so it can never disagree with what the keys do. */
#include "private.h"

#include "core/i18n.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

struct help_view {
	struct screen base;
	enum tui_screen from; /* the screen whose keys it shows */
	const char *title;    /* N_() marked */
	size_t scroll;        /* the first line of the help shown */
	int rows;             /* rows and lines of the help at its last draw */
	size_t lines;
};

/* What it describes: the form when one is open, else the screen under it. */
static void open(struct app *a, struct screen *s)
{
	struct help_view *v = (struct help_view *)s;
	const struct screen *under = screen_under(a, s);
	if (a->form || !under) {
		v->from = SCR_FORM;
		v->title = N_("Keys of a form");
	} else {
		v->from = under->ops->id;
		v->title = under->ops->help_title;
	}
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct help_view *v = (struct help_view *)s;
	int label_w = 0;
	for (size_t i = 0; i < keys_count(); i++) {
		const struct key_binding *b = keys_at(i);
		if (b->label && (b->screens & (unsigned)v->from)) {
			int w = draw_width(_(b->label));
			label_w = w > label_w ? w : label_w;
		}
	}
	int x = 2, desc_x = x + label_w + 3;
	/* One list of rows, each its key (on the first line of a description) and its text, so
	 * the two scroll as one. */
	struct block b;
	block_init(&b, COLS - desc_x - 1);
	const char **keys = NULL;
	/* The screen's own keys first, then those it shares with others. */
	for (size_t pass = 0; pass < 2 * keys_count(); pass++) {
		size_t i = pass % keys_count();
		const struct key_binding *k = keys_at(i);
		bool own = k->screens == (unsigned)v->from;
		if (!k->label || !(k->screens & (unsigned)v->from) || own != (pass < keys_count()))
			continue;
		size_t first = b.n;
		block_add(&b, ROLE_NORMAL, NULL, ROLE_NORMAL, _(k->desc));
		keys = xreallocarray(keys, b.n ? b.n : 1, sizeof *keys);
		for (size_t l = first; l < b.n; l++)
			keys[l] = l == first ? _(k->label) : NULL;
	}
	/* Taller than the screen (a projector at 60x20): it scrolls, and says so. */
	int shown = rows - 2;
	size_t max = b.n > (size_t)shown ? b.n - (size_t)shown : 0;
	if (v->scroll > max)
		v->scroll = max;
	v->rows = shown;
	v->lines = b.n;
	for (int r = 0; r < shown && v->scroll + (size_t)r < b.n; r++) {
		size_t l = v->scroll + (size_t)r;
		if (keys[l])
			draw_text(top + 1 + r, x, label_w, ROLE_HEADING, keys[l]);
		block_draw(&b, top + 1 + r, desc_x, 1, l);
	}
	if (v->scroll < max)
		draw_text(top + rows - 1, x, COLS - x, ROLE_DIM, _("▼ more keys (PgDn)"));
	if (v->scroll > 0)
		draw_text(top, x, COLS - x, ROLE_DIM, _("▲ more keys (PgUp)"));
	free(keys);
	block_clear(&b);
}

/* Every key comes here (a modal screen): PgUp and PgDn scroll, any other goes back. */
static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct help_view *v = (struct help_view *)s;
	size_t page = v->rows > 1 ? (size_t)v->rows - 1 : 1;
	switch (act) {
	case ACT_PAGE_UP:
		v->scroll = v->scroll > page ? v->scroll - page : 0;
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		if (v->scroll + (size_t)v->rows < v->lines)
			v->scroll += page;
		if (v->scroll + (size_t)v->rows > v->lines)
			v->scroll = v->lines > (size_t)v->rows ? v->lines - (size_t)v->rows : 0;
		return CH_REDRAW;
	default:
		return screen_pop(a);
	}
}

/* The screen it describes is reloaded while the help is over it: it is shown again next. */
static void reload(struct app *a, struct screen *s)
{
	struct screen *under = screen_under(a, s);
	if (under && under->ops->reload)
		under->ops->reload(a, under);
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	snprintf(buf, n, "%s", _(((const struct help_view *)s)->title));
}

static void hints(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	(void)s;
	snprintf(buf, n, "%s", _("PgUp PgDn scroll  any other key: back"));
}

const struct screen_ops screen_help = {
    .id = SCR_HELP,
    .size = sizeof(struct help_view),
    .modal = true,
    .open = open,
    .reload = reload,
    .draw = draw,
    .key = key,
    .title = title,
    .hints = hints,
};
