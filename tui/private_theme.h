/* private_theme.h - between theme.c and theme_rgb.c: how a palette becomes curses attributes. */
#ifndef MELLAN_TUI_PRIVATE_THEME_H
#define MELLAN_TUI_PRIVATE_THEME_H

#include "palette.h"

#include <stdbool.h>

/* Sets up the palette's colours and pairs and fills each role's attributes; false when the
 * terminal has too few colours or pairs, and the caller falls back. */
bool theme_rgb_init(const struct palette *p, unsigned long attrs[ROLE_COUNT]);

#endif
