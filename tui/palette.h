/* palette.h - the themes of --theme as data: for each colour role, the RGB values of its text
 * and background. No curses here, so a unit test can measure every theme's contrast from the
 * very values the screen uses (core/contrast.h). theme.c turns a palette into curses colours. */
#ifndef MELLAN_TUI_PALETTE_H
#define MELLAN_TUI_PALETTE_H

#include "core/contrast.h" /* m_rgb */
#include "theme.h"

#include <stdbool.h>

enum theme_id {
	THEME_TERMINAL,  /* the terminal's own colours: the TUI without --theme */
	THEME_PROJECTOR, /* dark text on white, every text colour at least 7:1 */
	THEME_DARK,      /* light text on black */
	THEME_LIGHT,     /* softer dark text on a light grey */
	THEME_MONO,      /* no colour: bold, reverse and underline only */
	THEME_COUNT
};

struct palette_role {
	bool set; /* false: drawn as the theme's normal text */
	m_rgb fg;
	bool has_bg; /* false: the theme's background */
	m_rgb bg;
	bool bold, underline;
};

struct palette {
	const char *code; /* what --theme takes */
	bool rgb;         /* false: THEME_TERMINAL and THEME_MONO, which set no colours */
	m_rgb fg, bg;
	double min_contrast; /* what every text colour of the theme keeps against its background */
	struct palette_role roles[ROLE_COUNT];
};

const struct palette *palette_get(enum theme_id t);
/* The theme --theme names ("projector", "dark", "light", "mono"); -1 for anything else. */
int palette_from_code(const char *code);
/* The colours a role is drawn in under p (its own, or the theme's normal ones). */
void palette_role_colours(const struct palette *p, enum role r, m_rgb *fg, m_rgb *bg);

#endif
