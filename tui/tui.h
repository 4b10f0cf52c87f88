/* tui.h - the terminal interface: what the command line calls to open the screens.
 * Files of tui/: main.c (command line), app.c (main loop, signals, resize), keys.c (the key
 * table), theme.c (colour roles), draw.c (wide-character drawing), screen.c (the stack of
 * screens, screen.h), screen_*.c (one per screen), form*.c (the editor's forms). */
#ifndef MELLAN_TUI_H
#define MELLAN_TUI_H

#include "core/error.h"
#include "core/store.h"

#include <stdbool.h>

struct tui_options {
	const char *open_case; /* start on this case's journey (NULL: the cases screen) */
	const char *title;     /* shown on the top line, e.g. "demo" for --demo */
	int theme;             /* an enum theme_id of palette.h; 0: the terminal's own colours */
	bool present;          /* open_case straight into the presentation (mellan present) */
	bool follow;           /* read-only: show whatever the facilitator's mellan shows */
};

/* Runs the TUI on an open store until the user quits. Restores the terminal on every way out
 * (q, Ctrl-C, SIGTERM, SIGHUP). Returns M_OK, or an error for the caller to print. */
enum mstatus tui_run(struct store *s, const struct tui_options *opt, struct merr *err);

#endif
