/* theme_rgb.c - an RGB palette (palette.h) as curses colours: each colour exactly, with
 * init_color, where the terminal lets us set colours; otherwise the nearest of the colours it
 * has (the palettes use xterm's cube, so 256 colours show them exactly). The theme's background
 * fills the whole screen. */
#include "private_theme.h"

#include "core/xterm.h"

#include <curses.h>

/* Colour numbers for the palette's colours: found by value, so a theme uses each once. */
struct slots {
	m_rgb rgb[2 * ROLE_COUNT + 2];
	short num[2 * ROLE_COUNT + 2];
	int n;
	bool exact;
};

static short colour_for(struct slots *s, m_rgb c)
{
	for (int i = 0; i < s->n; i++)
		if (s->rgb[i] == c)
			return s->num[i];
	short num = (short)xterm_nearest(c, COLORS >= 256 ? 256 : COLORS);
	if (s->exact && num >= 16) {
		/* curses counts each channel 0..1000. */
		init_color(num, (short)((c >> 16 & 0xff) * 1000 / 255),
		           (short)((c >> 8 & 0xff) * 1000 / 255), (short)((c & 0xff) * 1000 / 255));
	}
	if (s->n < (int)(sizeof s->num / sizeof s->num[0])) {
		s->rgb[s->n] = c;
		s->num[s->n++] = num;
	}
	return num;
}

bool theme_rgb_init(const struct palette *p, unsigned long attrs[ROLE_COUNT])
{
	if (!p->rgb || COLORS < 8 || COLOR_PAIRS < ROLE_COUNT + 2)
		return false;
	struct slots s = {.n = 0, .exact = can_change_color() && COLORS >= 256};
	short normal = (short)(ROLE_COUNT + 1);
	init_pair(normal, colour_for(&s, p->fg), colour_for(&s, p->bg));
	bkgd((chtype)(COLOR_PAIR(normal) | ' '));
	for (int r = 0; r < ROLE_COUNT; r++) {
		m_rgb fg, bg;
		palette_role_colours(p, (enum role)r, &fg, &bg);
		short pair = (short)(r + 1);
		init_pair(pair, colour_for(&s, fg), colour_for(&s, bg));
		attr_t a = COLOR_PAIR(pair);
		if (p->roles[r].bold)
			a |= A_BOLD;
		if (p->roles[r].underline)
			a |= A_UNDERLINE;
		attrs[r] = a;
	}
	return true;
}
