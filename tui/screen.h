/* screen.h - a screen of the TUI as an object: its own state and one table of operations. The
 * app holds a stack of screens and draws the top one; a key that opens a screen pushes it, back
 * pops it. The cases screen is always at the bottom. A form is not a screen: it opens over the
 * top screen (app.form), so what a save opens, a journey, lands under it.
 *
 * A new screen is one file and a line or two:
 *   - tui/screen_NAME.c: its state, `struct NAME_view { struct screen base; ... }` (base first,
 *     so a struct screen * is a pointer to it), its operations, and
 *     `const struct screen_ops screen_NAME = {...}`;
 *   - its extern below, and the row of the action that opens it in screen.c's table of openers
 *     (or a screen_push where something else opens it, as Enter opens a journey);
 *   - its SCR_ bit and its keys in keys.h and keys.c, from which come its help and hints.
 *
 * The operations, all given the app and the screen's own state; NULL where there is nothing to do:
 *   open    each time the screen is pushed: a new state is zeroed first; a screen with `keep`
 *           finds its state as it was left (the gaps' sort, the lanes' zoom). Loads what it shows.
 *   reload  the file changed (an edit here, another mellan's): read again what the state owns.
 *           Called on the top screen; a screen that comes back on top is reloaded then.
 *   draw    rows [top, top + rows) of the whole width; the top line and the bottom line of hints
 *           and messages are the app's.
 *   key     an action of the key table for the screen's id, and the key that made it (a vote's
 *           digit); returns what changed (enum change). The app has already handled its own
 *           actions: help, redraw, undo and redo, search, and the screens the table opens.
 *   title   the top line's title. NULL: the screen has the whole terminal, no top line, no
 *           hints, no help (the presentation).
 *   hints   the bottom line's hints; NULL: the key table's for the screen's id.
 *   free    what the state owns (not the state itself): when popped, or at exit when kept. */
#ifndef MELLAN_TUI_SCREEN_H
#define MELLAN_TUI_SCREEN_H

#include "keys.h"

#include <stdbool.h>
#include <stddef.h>

struct app;
struct screen;

struct screen_ops {
	enum tui_screen id;     /* its bit in the key table: its keys, help and hints */
	const char *help_title; /* N_() marked: the title of the help screen that describes it */
	size_t size;            /* of its state, which begins with a struct screen */
	bool keep;              /* the state lives on between visits, freed at exit */
	bool modal;             /* takes every key itself, before the app's own (the help) */
	void (*open)(struct app *a, struct screen *s);
	void (*reload)(struct app *a, struct screen *s);
	void (*draw)(struct app *a, struct screen *s, int top, int rows);
	unsigned (*key)(struct app *a, struct screen *s, enum action act, int key);
	void (*title)(const struct app *a, const struct screen *s, char *buf, size_t n);
	void (*hints)(const struct app *a, const struct screen *s, char *buf, size_t n);
	void (*free)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
};

/* The stack, in the app. */
struct screens {
	struct screen **stack; /* the open screens, the top one last */
	size_t depth, cap;
	struct screen **kept; /* the states of the screens that keep theirs, once made */
	size_t n_kept;
};

extern const struct screen_ops screen_cases, screen_journey, screen_lanes, screen_present,
    screen_help, screen_gaps, screen_catalogue, screen_conflicts, screen_names, screen_workshop,
    screen_import, screen_worked;

/* The top screen; the screen under s (NULL at the bottom); the topmost screen of ops on the
 * stack (NULL when none is open). */
struct screen *screen_top(const struct app *a);
struct screen *screen_under(const struct app *a, const struct screen *s);
struct screen *screen_find(const struct app *a, const struct screen_ops *ops);

/* Opens a screen on top. */
void screen_push(struct app *a, const struct screen_ops *ops);
/* Goes back: the top screen closes (never the bottom one). Returns CH_RELOAD when the screen now
 * on top reloads, CH_REDRAW otherwise. */
unsigned screen_pop(struct app *a);
/* Closes the screens of ops and every screen over it, when it is open. */
void screen_close(struct app *a, const struct screen_ops *ops);
/* Back to the bottom screen. */
void screen_reset(struct app *a);
/* An action that opens a screen (ACT_GAPS, ACT_HELP...) from the table of openers: opens it, or
 * closes it when it is the top screen already (v between the journey and its lanes). Returns
 * what changed, CH_NONE when act opens no screen. */
unsigned screen_open_action(struct app *a, enum action act);
/* Closes every screen and frees every state, at exit. */
void screens_free(struct app *a);

#endif
