/* keys.h - the key bindings as data: one table of actions, the screens they belong to, the keys
 * that trigger them, the label people read and what they do. The same table drives dispatch, the
 * help screen, the bottom-line hints and (through a test) the key list of mellan(1).
 * Nothing here calls ncurses, so the table can be walked without a terminal. */
#ifndef MELLAN_TUI_KEYS_H
#define MELLAN_TUI_KEYS_H

#include <stddef.h>

/* Screens, as a mask, so one binding can serve several. */
enum tui_screen {
	SCR_CASES = 1 << 0,
	SCR_JOURNEY = 1 << 1,
	SCR_HELP = 1 << 2,
};
#define SCR_ALL (SCR_CASES | SCR_JOURNEY | SCR_HELP)

enum action {
	ACT_NONE,
	ACT_PREV,
	ACT_NEXT,
	ACT_FIRST,
	ACT_LAST,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_OPEN,
	ACT_BACK,
	ACT_QUIT,
	ACT_HELP,
	ACT_REDRAW,
	ACT_COUNT
};

#define KEYS_MAX 4

struct key_binding {
	enum action action;
	unsigned screens;   /* enum tui_screen mask */
	int keys[KEYS_MAX]; /* ncurses key codes or characters; 0 ends the list */
	/* Label and description, N_() marked: translate at use. A row whose label is NULL is
	 * described together with the labelled row before it (Up and Down share "Up Down, k j"). */
	const char *label;
	const char *hint; /* a word or two for the bottom line; NULL: help only */
	const char *desc; /* for the help screen and the man page */
};

size_t keys_count(void);
const struct key_binding *keys_at(size_t i);

/* The action `key` triggers on `screen`, ACT_NONE when it is not bound there. */
enum action keys_lookup(enum tui_screen screen, int key);

/* The bottom line's hints for a screen, "label hint" pairs from the table, translated, written
 * into buf (always NUL-terminated). */
void keys_hints(enum tui_screen screen, char *buf, size_t n);

#endif
