/* palette.c - the RGB themes. Colours are picked from xterm's 256-colour cube, so a terminal that
 * cannot take exact colours shows the same ones; the contrast test checks both. Projector: black
 * on white and deep, saturated colours, because a projector washes out light text and thin
 * colours, and the back row must read every line. */
#include "palette.h"

#include <string.h>

#define C(r, g, b) ((m_rgb)(((r) << 16) | ((g) << 8) | (b)))
/* A role with its own text colour, one with text and background colours. */
#define FG(r, g, b, bo, un)                                                                        \
	{                                                                                          \
		true, C(r, g, b), false, 0, bo, un                                                 \
	}
#define FGBG(fr, fg_, fb, br, bg_, bb, bo)                                                         \
	{                                                                                          \
		true, C(fr, fg_, fb), true, C(br, bg_, bb), bo, false                              \
	}

/* clang-format off */
static const struct palette palettes[THEME_COUNT] = {
    [THEME_TERMINAL] = {.code = "terminal", .rgb = false},
    [THEME_MONO] = {.code = "mono", .rgb = false},
    [THEME_PROJECTOR] = {
	.code = "projector", .rgb = true, .fg = C(0, 0, 0), .bg = C(255, 255, 255),
	.min_contrast = 7.0,
	.roles = {
	    [ROLE_TITLE] = FG(0, 0, 0, true, false),
	    [ROLE_HEADING] = FG(0, 0, 135, true, false),
	    [ROLE_SELECTED] = FGBG(255, 255, 255, 0, 0, 135, true),
	    [ROLE_DIM] = FG(68, 68, 68, false, false),
	    [ROLE_GAP] = FG(135, 0, 0, true, false),
	    [ROLE_WARNING] = FG(95, 0, 0, true, false),
	    [ROLE_GOOD] = FG(0, 95, 0, true, false),
	    [ROLE_VOICE] = FG(95, 0, 95, true, false),
	    [ROLE_NOTE] = FGBG(0, 0, 0, 255, 255, 175, false),
	    [ROLE_HINT] = FGBG(255, 255, 255, 48, 48, 48, false),
	    [ROLE_ACTOR0 + 0] = FG(0, 0, 135, true, false),
	    [ROLE_ACTOR0 + 1] = FG(0, 95, 0, true, false),
	    [ROLE_ACTOR0 + 2] = FG(0, 95, 95, true, false),
	    [ROLE_ACTOR0 + 3] = FG(95, 0, 95, true, false),
	    [ROLE_ACTOR0 + 4] = FG(95, 0, 135, true, false),
	    [ROLE_ACTOR0 + 5] = FG(135, 0, 0, true, false),
	    [ROLE_ACTOR0 + 6] = FG(0, 0, 0, true, true),
	    [ROLE_ACTOR0 + 7] = FG(68, 68, 68, true, false),
	},
    },
    [THEME_DARK] = {
	.code = "dark", .rgb = true, .fg = C(228, 228, 228), .bg = C(0, 0, 0),
	.min_contrast = 7.0,
	.roles = {
	    [ROLE_TITLE] = FG(255, 255, 255, true, false),
	    [ROLE_HEADING] = FG(135, 215, 255, true, false),
	    [ROLE_SELECTED] = FGBG(0, 0, 0, 135, 215, 255, true),
	    [ROLE_DIM] = FG(168, 168, 168, false, false),
	    [ROLE_GAP] = FG(255, 135, 135, true, false),
	    [ROLE_WARNING] = FG(255, 215, 135, false, false),
	    [ROLE_GOOD] = FG(135, 215, 135, false, false),
	    [ROLE_VOICE] = FG(215, 175, 255, true, false),
	    [ROLE_NOTE] = FGBG(0, 0, 0, 255, 255, 135, false),
	    [ROLE_HINT] = FGBG(0, 0, 0, 188, 188, 188, false),
	    [ROLE_ACTOR0 + 0] = FG(135, 175, 255, true, false),
	    [ROLE_ACTOR0 + 1] = FG(135, 215, 135, true, false),
	    [ROLE_ACTOR0 + 2] = FG(95, 215, 215, true, false),
	    [ROLE_ACTOR0 + 3] = FG(215, 135, 215, true, false),
	    [ROLE_ACTOR0 + 4] = FG(255, 215, 95, true, false),
	    [ROLE_ACTOR0 + 5] = FG(255, 135, 135, true, false),
	    [ROLE_ACTOR0 + 6] = FG(255, 255, 255, true, true),
	    [ROLE_ACTOR0 + 7] = FG(208, 208, 208, true, false),
	},
    },
    [THEME_LIGHT] = {
	.code = "light", .rgb = true, .fg = C(28, 28, 28), .bg = C(238, 238, 238),
	.min_contrast = 4.5,
	.roles = {
	    [ROLE_TITLE] = FG(0, 0, 0, true, false),
	    [ROLE_HEADING] = FG(0, 95, 135, true, false),
	    [ROLE_SELECTED] = FGBG(0, 0, 0, 175, 215, 255, true),
	    [ROLE_DIM] = FG(88, 88, 88, false, false),
	    [ROLE_GAP] = FG(175, 0, 0, true, false),
	    [ROLE_WARNING] = FG(135, 95, 0, false, false),
	    [ROLE_GOOD] = FG(0, 95, 0, false, false),
	    [ROLE_VOICE] = FG(135, 0, 135, true, false),
	    [ROLE_NOTE] = FGBG(0, 0, 0, 255, 255, 175, false),
	    [ROLE_HINT] = FGBG(238, 238, 238, 68, 68, 68, false),
	    [ROLE_ACTOR0 + 0] = FG(0, 0, 175, true, false),
	    [ROLE_ACTOR0 + 1] = FG(0, 95, 0, true, false),
	    [ROLE_ACTOR0 + 2] = FG(0, 95, 135, true, false),
	    [ROLE_ACTOR0 + 3] = FG(135, 0, 135, true, false),
	    [ROLE_ACTOR0 + 4] = FG(135, 95, 0, true, false),
	    [ROLE_ACTOR0 + 5] = FG(175, 0, 0, true, false),
	    [ROLE_ACTOR0 + 6] = FG(0, 0, 0, true, true),
	    [ROLE_ACTOR0 + 7] = FG(78, 78, 78, true, false),
	},
    },
};
/* clang-format on */

const struct palette *palette_get(enum theme_id t)
{
	if ((int)t < 0 || t >= THEME_COUNT)
		t = THEME_TERMINAL;
	return &palettes[t];
}

int palette_from_code(const char *code)
{
	/* "terminal" is what no --theme means; it is not offered by name. */
	for (int t = THEME_PROJECTOR; t < THEME_COUNT; t++)
		if (code && strcmp(palettes[t].code, code) == 0)
			return t;
	return -1;
}

void palette_role_colours(const struct palette *p, enum role r, m_rgb *fg, m_rgb *bg)
{
	*fg = p->fg;
	*bg = p->bg;
	if ((int)r < 0 || r >= ROLE_COUNT || !p->roles[r].set)
		return;
	*fg = p->roles[r].fg;
	if (p->roles[r].has_bg)
		*bg = p->roles[r].bg;
}
