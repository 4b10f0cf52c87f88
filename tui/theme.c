/* theme.c - the role table: each role has a colour pair and a monochrome attribute, so a screen
 * without colour still carries the same information. Calm and high-contrast: the default
 * background, few colours, bold for what matters. */
#include "theme.h"

#include "private_theme.h"

#include <curses.h>
#include <stdlib.h>

struct role_style {
	short fg, bg;       /* -1: the terminal's default */
	attr_t colour_attr; /* added to the pair in colour */
	attr_t mono;        /* used alone without colour */
};

static const struct role_style styles[ROLE_COUNT] = {
    [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_TITLE] = {-1, -1, A_BOLD, A_BOLD},
    [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
    [ROLE_GAP] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [ROLE_WARNING] = {COLOR_YELLOW, -1, A_NORMAL, A_BOLD},
    [ROLE_GOOD] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [ROLE_VOICE] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [ROLE_NOTE] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
    [ROLE_HINT] = {-1, -1, A_REVERSE, A_REVERSE},
    [ROLE_ACTOR0 + 0] = {COLOR_BLUE, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 1] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 2] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 3] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 4] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 5] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [ROLE_ACTOR0 + 6] = {-1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [ROLE_ACTOR0 + 7] = {-1, -1, A_BOLD, A_BOLD},
};

static unsigned long attrs[ROLE_COUNT];
static bool colour;
static int chosen = THEME_TERMINAL;

void theme_choose(int theme)
{
	chosen = theme;
}

int theme_chosen(void)
{
	return chosen;
}

void theme_init(void)
{
	const char *no_colour = getenv("NO_COLOR");
	colour = has_colors() && !(no_colour && *no_colour) && chosen != THEME_MONO;
	if (colour && start_color() != OK)
		colour = false;
	if (colour && theme_rgb_init(palette_get((enum theme_id)chosen), attrs))
		return;
	bkgd((chtype)' '); /* another theme's background, when the theme changes */
	if (colour)
		use_default_colors();
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct role_style *st = &styles[r];
		if (!colour) {
			attrs[r] = st->mono;
		} else if (st->fg == -1 && st->bg == -1) {
			attrs[r] = st->colour_attr;
		} else {
			short pair = (short)(r + 1);
			init_pair(pair, st->fg, st->bg);
			attrs[r] = COLOR_PAIR(pair) | st->colour_attr;
		}
	}
}

bool theme_has_colour(void)
{
	return colour;
}

unsigned long theme_attr(enum role r)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		r = ROLE_NORMAL;
	return attrs[r];
}

enum role theme_actor_role(int c)
{
	if (c < 0 || c > 7)
		return ROLE_NORMAL;
	return (enum role)(ROLE_ACTOR0 + c);
}
