/* keys.c - the one key table of the TUI and the functions that walk it. The table is the only
 * place a key is bound; the help screen and the hints are generated from it. */
#include "keys.h"

#include "core/i18n.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define CTRL_KEY(c) ((c)&0x1f)
#define ESC_KEY 27

/* One binding a row, so the table reads as a table. */
/* clang-format off */
static const struct key_binding table[] = {
	/* Everywhere. */
	{ACT_HELP, SCR_CASES | SCR_JOURNEY, {'?'}, N_("?"), N_("help"),
	 N_("show the keys of the current screen")},
	{ACT_REDRAW, SCR_ALL, {CTRL_KEY('l')}, N_("Ctrl-L"), NULL, N_("redraw the screen")},

	/* The cases screen. */
	{ACT_PREV, SCR_CASES, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("move"),
	 N_("select the previous or next case")},
	{ACT_NEXT, SCR_CASES, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_CASES, {'g', KEY_HOME}, N_("g G"), NULL,
	 N_("select the first or last case")},
	{ACT_LAST, SCR_CASES, {'G', KEY_END}, NULL, NULL, NULL},
	{ACT_OPEN, SCR_CASES, {'\n', '\r', KEY_ENTER}, N_("Enter"), N_("open"),
	 N_("open the selected case's journey")},
	{ACT_QUIT, SCR_CASES, {'q'}, N_("q"), N_("quit"), N_("quit")},

	/* The journey screen. The hints leave out g G so the rest fits 60 columns. */
	{ACT_PREV, SCR_JOURNEY, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("step"),
	 N_("the previous or next step")},
	{ACT_NEXT, SCR_JOURNEY, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_JOURNEY, {'g', KEY_HOME}, N_("g G"), NULL, N_("the first or last step")},
	{ACT_LAST, SCR_JOURNEY, {'G', KEY_END}, NULL, NULL, NULL},
	{ACT_PAGE_UP, SCR_JOURNEY, {KEY_PPAGE}, N_("PgUp PgDn"), N_("scroll"),
	 N_("scroll the step's card when it is taller than the screen")},
	{ACT_PAGE_DOWN, SCR_JOURNEY, {KEY_NPAGE}, NULL, NULL, NULL},
	{ACT_BACK, SCR_JOURNEY, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back to the cases")},
};
/* clang-format on */

#define TABLE_LEN (sizeof table / sizeof table[0])

size_t keys_count(void)
{
	return TABLE_LEN;
}

const struct key_binding *keys_at(size_t i)
{
	return i < TABLE_LEN ? &table[i] : NULL;
}

enum action keys_lookup(enum tui_screen screen, int key)
{
	for (size_t i = 0; i < TABLE_LEN; i++) {
		if (!(table[i].screens & (unsigned)screen))
			continue;
		for (int k = 0; k < KEYS_MAX && table[i].keys[k]; k++)
			if (table[i].keys[k] == key)
				return table[i].action;
	}
	return ACT_NONE;
}

void keys_hints(enum tui_screen screen, char *buf, size_t n)
{
	size_t len = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	/* The screen's own keys first, then those shared by every screen. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < TABLE_LEN; i++) {
			const struct key_binding *b = &table[i];
			bool shared = b->screens != (unsigned)screen;
			if (!b->hint || !(b->screens & (unsigned)screen) || shared != (pass == 1))
				continue;
			int w = snprintf(buf + len, n - len, "%s%s %s", len ? "  " : "",
			                 _(b->label), _(b->hint));
			if (w < 0 || (size_t)w >= n - len) {
				buf[len] = '\0';
				return;
			}
			len += (size_t)w;
		}
	}
}
