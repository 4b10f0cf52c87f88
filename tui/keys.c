/* keys.c - the one key table of the TUI and the functions that walk it. The table is the only
 * place a key is bound; the help screen and the hints are generated from it. */
#include "keys.h"

#include "core/i18n.h"
#include "core/text.h"

#include <curses.h>
#include <term.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* One binding a row, so the table reads as a table. */
/* clang-format off */
static const struct key_binding table[] = {
	/* Everywhere. */
	{ACT_HELP, SCR_LISTS | SCR_GAPS | SCR_LANES | SCR_WORKSHOP | SCR_IMPORT | SCR_WORKED, {'?'},
	 N_("?"), N_("help"),
	 N_("show the keys of the current screen")},
	{ACT_HELP, SCR_FORM, {KEY_F(1)}, N_("F1"), N_("help"), N_("show the keys of a form")},
	{ACT_REDRAW, SCR_ALL, {CTRL_KEY('l')}, N_("Ctrl-L"), NULL, N_("redraw the screen")},
	{ACT_UNDO, SCR_LISTS | SCR_LANES, {'u'}, N_("u"), NULL,
	 N_("undo the latest change, also one made before a restart")},
	{ACT_REDO, SCR_LISTS, {CTRL_KEY('r')}, N_("Ctrl-R"), NULL, N_("redo what was undone")},
	{ACT_SEARCH, SCR_CASES | SCR_JOURNEY, {'/'}, N_("/"), NULL,
	 N_("search every case's steps, interventions and gaps, and go to the first hit")},
	{ACT_NEXT_HIT, SCR_CASES | SCR_JOURNEY, {'n'}, N_("n"), NULL, N_("go to the next hit")},

	/* The help screen. */
	{ACT_PAGE_UP, SCR_HELP, {KEY_PPAGE, KEY_UP, 'k'}, N_("PgUp PgDn, k j"), NULL,
	 N_("scroll the keys when they do not fit the screen; any other key goes back")},
	{ACT_PAGE_DOWN, SCR_HELP, {KEY_NPAGE, KEY_DOWN, 'j'}, NULL, NULL, NULL},

	/* The cases screen. */
	{ACT_PREV, SCR_CASES, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("move"),
	 N_("select the previous or next case")},
	{ACT_NEXT, SCR_CASES, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_CASES, {KEY_HOME}, N_("Home End"), NULL,
	 N_("select the first or last case")},
	{ACT_LAST, SCR_CASES, {KEY_END}, NULL, NULL, NULL},
	{ACT_OPEN, SCR_CASES, {'\n', '\r', KEY_ENTER}, N_("Enter"), NC_("key hint", "open"),
	 N_("open the selected case's journey")},
	{ACT_ADD, SCR_CASES, {'a'}, N_("a"), N_("add"), N_("add a case")},
	{ACT_EDIT, SCR_CASES, {'e'}, N_("e"), NULL, N_("edit the selected case")},
	{ACT_DELETE, SCR_CASES, {'d'}, N_("d"), NULL,
	 N_("delete the selected case with its journey (asks first; u undoes it)")},
	{ACT_CATALOGUE, SCR_CASES | SCR_JOURNEY, {'c'}, N_("c"), NULL,
	 N_("the catalogue of actors and gap categories")},
	{ACT_GAPS, SCR_CASES, {'g'}, N_("g"), N_("gaps"),
	 N_("the gaps across all cases: the recurring patterns")},
	{ACT_WORKED, SCR_CASES | SCR_GAPS, {'h'}, N_("h"), NULL,
	 N_("what worked across all cases: what helped, the lasting adults, the protective "
	    "factors")},
	{ACT_CONFLICTS, SCR_CASES, {'m'}, N_("m"), NULL,
	 N_("the fields two laptops both changed, found by mellan merge, to decide")},
	{ACT_WORKSHOP, SCR_CASES, {'w'}, N_("w"), NULL,
	 N_("the workshops: date, place, the sectors that took part, and their notes and decisions")},
	{ACT_IMPORT, SCR_CASES, {'i'}, N_("i"), NULL,
	 N_("import a chronology from a spreadsheet (CSV or .xlsx): its columns and actor names "
	    "said, a preview, then all of it at once")},
	{ACT_QUIT, SCR_CASES, {'q'}, N_("q"), N_("quit"), N_("quit")},

	/* The journey screen. The hints leave out the moves so the editing keys fit 60 columns. */
	{ACT_PREV, SCR_JOURNEY, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("the previous or next step")},
	{ACT_NEXT, SCR_JOURNEY, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_JOURNEY, {KEY_HOME}, N_("Home End"), NULL, N_("the first or last step")},
	{ACT_LAST, SCR_JOURNEY, {KEY_END}, NULL, NULL, NULL},
	{ACT_PAGE_UP, SCR_JOURNEY, {KEY_PPAGE}, N_("PgUp PgDn"), NULL,
	 N_("scroll the step's card when it is taller than the screen")},
	{ACT_PAGE_DOWN, SCR_JOURNEY, {KEY_NPAGE}, NULL, NULL, NULL},
	{ACT_ADD, SCR_JOURNEY, {'a'}, N_("a"), N_("add"), N_("add a step")},
	{ACT_ADD_IV, SCR_JOURNEY, {'i'}, N_("i"), N_("intervention"),
	 N_("add an intervention at the selected step")},
	{ACT_ADD_HO, SCR_JOURNEY, {'r'}, N_("r"), NULL, N_("add a hand-over at the selected step")},
	{ACT_ADD_GAP, SCR_JOURNEY, {'f'}, N_("f"), N_("gap"),
	 N_("flag a gap at the selected step")},
	{ACT_ADD_FACTOR, SCR_JOURNEY, {'+'}, N_("+"), NULL,
	 N_("add a risk or protective factor to the selected step")},
	{ACT_EDIT, SCR_JOURNEY, {'e'}, N_("e"), NULL,
	 N_("edit the selected step, or one of its factors, interventions, hand-overs, gaps or "
	    "their actions")},
	{ACT_DELETE, SCR_JOURNEY, {'d'}, N_("d"), NULL,
	 N_("delete the selected step or one of its parts (asks first; u undoes it)")},
	{ACT_MOVE_UP, SCR_JOURNEY, {'K'}, N_("K J"), NULL,
	 N_("move the selected step one place earlier or later, where the times leave the order "
	    "open")},
	{ACT_MOVE_DOWN, SCR_JOURNEY, {'J'}, NULL, NULL, NULL},
	{ACT_LANES, SCR_JOURNEY, {'v'}, N_("v"), N_("lanes"),
	 N_("the lanes view: actors as rows, time as columns")},
	{ACT_PRESENT, SCR_JOURNEY, {'p'}, N_("p"), N_("present"),
	 N_("present the journey to the room, from the selected step")},
	{ACT_BACK, SCR_JOURNEY, {'q', ESC_KEY}, N_("q, Esc"), N_("back"),
	 N_("back to the cases, or to the gaps when it was opened from there")},

	/* The gaps screen. The hints leave out the moves so the rest fits 60 columns. */
	{ACT_PREV, SCR_GAPS, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("select the previous or next pattern or step")},
	{ACT_NEXT, SCR_GAPS, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_GAPS, {KEY_HOME}, N_("Home End"), NULL, N_("the first or last line")},
	{ACT_LAST, SCR_GAPS, {KEY_END}, NULL, NULL, NULL},
	{ACT_PAGE_UP, SCR_GAPS, {KEY_PPAGE}, N_("PgUp PgDn"), NULL, N_("a screenful up or down")},
	{ACT_PAGE_DOWN, SCR_GAPS, {KEY_NPAGE}, NULL, NULL, NULL},
	{ACT_OPEN, SCR_GAPS, {'\n', '\r', KEY_ENTER}, N_("Enter"), N_("open"),
	 N_("open the step in its journey (a pattern: its first step)")},
	{ACT_SORT, SCR_GAPS, {'s'}, N_("s"), N_("sort"),
	 N_("sort the patterns by count, by severity or by votes")},
	{ACT_FILTER, SCR_GAPS, {'f'}, N_("f"), N_("filter"),
	 N_("show the patterns of the next category, then all again")},
	{ACT_OPEN_ONLY, SCR_GAPS, {'o'}, N_("o"), N_("status"),
	 N_("only gaps still open, or every status")},
	{ACT_BACK, SCR_GAPS, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back to the cases")},

	/* The what worked screen, beside the gaps. */
	{ACT_PREV, SCR_WORKED, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("select the previous or next line")},
	{ACT_NEXT, SCR_WORKED, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_WORKED, {KEY_HOME}, N_("Home End"), NULL, N_("the first or last line")},
	{ACT_LAST, SCR_WORKED, {KEY_END}, NULL, NULL, NULL},
	{ACT_PAGE_UP, SCR_WORKED, {KEY_PPAGE}, N_("PgUp PgDn"), NULL, N_("a screenful up or down")},
	{ACT_PAGE_DOWN, SCR_WORKED, {KEY_NPAGE}, NULL, NULL, NULL},
	{ACT_OPEN, SCR_WORKED, {'\n', '\r', KEY_ENTER}, N_("Enter"), N_("open"),
	 N_("open the journey at the intervention's step (a pattern: its first; a lasting adult: "
	    "where the span begins)")},
	{ACT_BACK, SCR_WORKED, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back")},

	/* The catalogue of actors and gap categories. */
	{ACT_PREV, SCR_CATALOGUE, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("move"),
	 N_("select the previous or next actor or category")},
	{ACT_NEXT, SCR_CATALOGUE, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_CATALOGUE, {KEY_HOME}, N_("Home End"), NULL,
	 N_("select the first or last line")},
	{ACT_LAST, SCR_CATALOGUE, {KEY_END}, NULL, NULL, NULL},
	{ACT_ADD, SCR_CATALOGUE, {'a'}, N_("a"), N_("add"),
	 N_("add an actor, or a category when a category is selected")},
	{ACT_EDIT, SCR_CATALOGUE, {'e'}, N_("e"), N_("edit"), N_("edit the selected line")},
	{ACT_DELETE, SCR_CATALOGUE, {'d'}, N_("d"), NULL,
	 N_("delete the selected line when nothing uses it (asks first; u undoes it)")},
	{ACT_BACK, SCR_CATALOGUE, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back")},

	/* The list of names not to use: real names, so it opens only from the facilitator's own
	 * screens. */
	{ACT_NAMES, SCR_CASES | SCR_CATALOGUE, {'N'}, N_("N"), NULL,
	 N_("the list of names not to use, which the privacy scan finds (real names: not for the "
	    "projector)")},
	{ACT_PREV, SCR_NAMES, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("move"),
	 N_("select the previous or next name")},
	{ACT_NEXT, SCR_NAMES, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_NAMES, {KEY_HOME}, N_("Home End"), NULL,
	 N_("select the first or last name")},
	{ACT_LAST, SCR_NAMES, {KEY_END}, NULL, NULL, NULL},
	{ACT_ADD, SCR_NAMES, {'a'}, N_("a"), N_("add"), N_("add a name to the list")},
	{ACT_EDIT, SCR_NAMES, {'e'}, N_("e"), N_("edit"), N_("change the selected name")},
	{ACT_DELETE, SCR_NAMES, {'d'}, N_("d"), N_("delete"),
	 N_("take the selected name off the list (asks first; u undoes it)")},
	{ACT_BACK, SCR_NAMES, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back")},
	/* The workshops and their logs. The log is append-only: nothing edits or deletes in it. */
	{ACT_PREV, SCR_WORKSHOP, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("select the previous or next workshop")},
	{ACT_NEXT, SCR_WORKSHOP, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_WORKSHOP, {KEY_HOME}, N_("Home End"), NULL,
	 N_("select the first or last workshop")},
	{ACT_LAST, SCR_WORKSHOP, {KEY_END}, NULL, NULL, NULL},
	{ACT_ADD, SCR_WORKSHOP, {'a'}, N_("a"), N_("add"), N_("add a workshop")},
	{ACT_EDIT, SCR_WORKSHOP, {'e'}, N_("e"), N_("edit"),
	 N_("edit the selected workshop: its date, place and the sectors that took part")},
	{ACT_OPEN, SCR_WORKSHOP, {'\n', '\r', KEY_ENTER}, N_("Enter"), N_("current"),
	 N_("make the selected workshop the current one, the one the room's votes go to; on the "
	    "current one, today's again")},
	{ACT_NOTE, SCR_WORKSHOP, {'n'}, N_("n"), N_("note"),
	 N_("add a note to the selected workshop's log")},
	{ACT_DECISION, SCR_WORKSHOP, {'D'}, N_("D"), N_("decision"),
	 N_("add a decision of the group to the selected workshop's log")},
	{ACT_LENGTHS, SCR_WORKSHOP, {'L'}, N_("L"), NULL,
	 N_("set how long a silence, and a hand-over's wait, must be to be proposed as a gap")},
	{ACT_BACK, SCR_WORKSHOP, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back to the cases")},

	/* Importing a chronology from a spreadsheet. */
	{ACT_PREV, SCR_IMPORT, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("select the previous or next column or actor name")},
	{ACT_NEXT, SCR_IMPORT, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_PAGE_UP, SCR_IMPORT, {KEY_PPAGE}, N_("PgUp PgDn"), NULL,
	 N_("scroll when the preview is longer than the screen")},
	{ACT_PAGE_DOWN, SCR_IMPORT, {KEY_NPAGE}, NULL, NULL, NULL},
	{ACT_OPEN, SCR_IMPORT, {'\n', '\r', KEY_ENTER}, N_("Enter"), N_("say what"),
	 N_("say what the selected column is (a field of mellan's, or left out), which actor the "
	    "selected name is (or a new one in a sector), or the case of every row")},
	{ACT_IMPORT_FILE, SCR_IMPORT, {'o'}, N_("o"), N_("file"),
	 N_("choose another file, or read the same one again after changing it (Tab completes a "
	    "path)")},
	{ACT_IMPORT_RUN, SCR_IMPORT, {'i'}, N_("i"), N_("import"),
	 N_("import what the preview shows, all in one transaction")},
	{ACT_BACK, SCR_IMPORT, {'q', ESC_KEY}, N_("q, Esc"), N_("back"),
	 N_("back to the cases, importing nothing")},

	/* The merge conflicts. */
	{ACT_PREV, SCR_CONFLICTS, {KEY_UP, 'k'}, N_("Up Down, k j"), N_("move"),
	 N_("select the previous or next conflict")},
	{ACT_NEXT, SCR_CONFLICTS, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_KEEP, SCR_CONFLICTS, {'h'}, N_("h"), N_("keep here"),
	 N_("keep the value here and close the conflict")},
	{ACT_TAKE, SCR_CONFLICTS, {'t'}, N_("t"), N_("take there"),
	 N_("take the other laptop's value and close the conflict")},
	{ACT_BACK, SCR_CONFLICTS, {'q', ESC_KEY}, N_("q, Esc"), N_("back"), N_("back to the cases")},

	/* A form. Typed characters go into the field; these keys do the rest. */
	{ACT_FIELD_NEXT, SCR_FORM, {'\t'}, N_("Tab"), N_("next"), N_("the next field")},
	{ACT_FIELD_PREV, SCR_FORM, {KEY_BTAB}, N_("Shift-Tab"), NULL, N_("the previous field")},
	{ACT_SAVE, SCR_FORM, {CTRL_KEY('s'), KEY_F(2)}, N_("Ctrl-S, F2"), N_("save"),
	 N_("save the form")},
	{ACT_BACK, SCR_FORM, {ESC_KEY}, N_("Esc"), N_("cancel"),
	 N_("cancel the form, asking first when something was typed")},
	{ACT_OPEN, SCR_FORM, {'\n', '\r', KEY_ENTER}, N_("Enter"), NULL,
	 N_("in a picker, choose (or tick, when several may be chosen); in a text of several lines, "
	    "a new line; elsewhere the next field")},
	{ACT_PREV, SCR_FORM, {KEY_UP}, N_("Up Down"), NULL,
	 N_("the choices of a picker, the lines of a text, or the previous or next field")},
	{ACT_NEXT, SCR_FORM, {KEY_DOWN}, NULL, NULL, NULL},
	{ACT_CHAR_LEFT, SCR_FORM, {KEY_LEFT, CTRL_KEY('b')}, N_("Left Right, Ctrl-B Ctrl-F"), NULL,
	 N_("one character back or on")},
	{ACT_CHAR_RIGHT, SCR_FORM, {KEY_RIGHT, CTRL_KEY('f')}, NULL, NULL, NULL},
	{ACT_WORD_LEFT, SCR_FORM, {KEYX_WORD_LEFT}, N_("Ctrl-Left Ctrl-Right, Alt-b Alt-f"), NULL,
	 N_("one word back or on")},
	{ACT_WORD_RIGHT, SCR_FORM, {KEYX_WORD_RIGHT}, NULL, NULL, NULL},
	{ACT_LINE_START, SCR_FORM, {KEY_HOME, CTRL_KEY('a')}, N_("Home End, Ctrl-A Ctrl-E"), NULL,
	 N_("the start or end of the line")},
	{ACT_LINE_END, SCR_FORM, {KEY_END, CTRL_KEY('e')}, NULL, NULL, NULL},
	{ACT_DEL_BACK, SCR_FORM, {KEY_BACKSPACE, 127, CTRL_KEY('h')}, N_("Backspace"), NULL,
	 N_("delete the character before the cursor")},
	{ACT_DEL_FWD, SCR_FORM, {KEY_DC, CTRL_KEY('d')}, N_("Delete, Ctrl-D"), NULL,
	 N_("delete the character under the cursor")},
	{ACT_KILL_WORD, SCR_FORM, {CTRL_KEY('w')}, N_("Ctrl-W"), NULL,
	 N_("delete the word before the cursor")},
	{ACT_KILL_LINE, SCR_FORM, {CTRL_KEY('u')}, N_("Ctrl-U"), NULL,
	 N_("delete from the start of the line to the cursor")},

	/* The lanes view. */
	{ACT_PREV, SCR_LANES, {KEY_LEFT, 'h'}, N_("Left Right, h l"), N_("step"),
	 N_("the previous or next step")},
	{ACT_NEXT, SCR_LANES, {KEY_RIGHT, 'l'}, NULL, NULL, NULL},
	{ACT_SCROLL_UP, SCR_LANES, {KEY_UP, 'k'}, N_("Up Down, k j"), NULL,
	 N_("scroll the lanes when they are more than the screen holds")},
	{ACT_SCROLL_DOWN, SCR_LANES, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_FIRST, SCR_LANES, {KEY_HOME}, N_("Home End"), NULL, N_("the first or last step")},
	{ACT_LAST, SCR_LANES, {KEY_END}, NULL, NULL, NULL},
	{ACT_ZOOM_IN, SCR_LANES, {'+', '='}, N_("+ -"), N_("zoom"), N_("zoom in or out")},
	{ACT_ZOOM_OUT, SCR_LANES, {'-'}, NULL, NULL, NULL},
	{ACT_SCALE, SCR_LANES, {'t'}, N_("t"), N_("scale"),
	 N_("time by step, or to true scale so that a long wait looks long")},
	{ACT_COLOUR, SCR_LANES, {'c'}, N_("c"), NULL,
	 N_("colour the interventions by actor, or by the theme of the step they start at")},
	{ACT_PRESENT, SCR_LANES, {'p'}, N_("p"), NULL,
	 N_("present the journey to the room, from the selected step")},
	{ACT_PROPOSAL, SCR_LANES, {'o'}, N_("o"), N_("proposed"),
	 N_("the next gap the program proposes: a silence, or a hand-over never received or "
	    "acted on")},
	{ACT_CONFIRM, SCR_LANES, {'y'}, N_("y"), NULL,
	 N_("confirm the proposal: it becomes a gap of the fitting category")},
	{ACT_DISMISS, SCR_LANES, {'x'}, N_("x"), NULL,
	 N_("dismiss the proposal: it is not proposed again")},
	{ACT_LANES, SCR_LANES, {'v', 'q', ESC_KEY}, N_("v, q, Esc"), N_("journey"),
	 N_("back to the journey, on the same step")},

	/* The presentation: a presenter's remote sends PgDn and PgUp, or Right and Left. */
	{ACT_NEXT, SCR_PRESENT, {' ', KEY_RIGHT, KEY_NPAGE}, N_("Space, Right, PgDn"), N_("next"),
	 N_("reveal the next step")},
	{ACT_PREV, SCR_PRESENT, {KEY_LEFT, KEY_PPAGE, KEY_BACKSPACE}, N_("Left, PgUp"), N_("back"),
	 N_("go back one step")},
	{ACT_FIRST, SCR_PRESENT, {KEY_HOME}, N_("Home End"), NULL,
	 N_("the first or last step")},
	{ACT_LAST, SCR_PRESENT, {KEY_END}, NULL, NULL, NULL},
	{ACT_SCROLL_UP, SCR_PRESENT, {KEY_UP, 'k'}, N_("Up Down"), NULL,
	 N_("scroll a card taller than the screen")},
	{ACT_SCROLL_DOWN, SCR_PRESENT, {KEY_DOWN, 'j'}, NULL, NULL, NULL},
	{ACT_VOTE, SCR_PRESENT, {'1', '2', '3', '4'}, N_("1 … 9"), NULL,
	 N_("add that many of the room's dots to the selected gap, in the current workshop")},
	{ACT_VOTE, SCR_PRESENT, {'5', '6', '7', '8'}, NULL, NULL, NULL},
	{ACT_VOTE, SCR_PRESENT, {'9'}, NULL, NULL, NULL},
	{ACT_UNVOTE, SCR_PRESENT, {'-'}, N_("-"), NULL,
	 N_("take back the dots last given to the selected gap in the current workshop, a slip of "
	    "the finger")},
	{ACT_GAP_NEXT, SCR_PRESENT, {'\t'}, N_("Tab"), NULL,
	 N_("select the next gap of the step, to vote on")},
	{ACT_BLANK, SCR_PRESENT, {'b', '.'}, N_("b ."), NULL,
	 N_("blank the screen, so the room looks at the people; any key shows it again")},
	{ACT_BACK, SCR_PRESENT, {'q', ESC_KEY}, N_("q, Esc"), N_("end"),
	 N_("end the presentation")},
};
/* clang-format on */

#define TABLE_LEN (sizeof table / sizeof table[0])

void keys_define(void)
{
	/* The terminal's own strings where terminfo has them, xterm's (what tmux and most
	 * terminals send) in any case. */
	static const struct {
		const char *cap, *fallback;
		int code;
	} defs[] = {
	    {"PS", "\033[200~", KEYX_PASTE_BEGIN},
	    {"PE", "\033[201~", KEYX_PASTE_END},
	    {"kLFT5", "\033[1;5D", KEYX_WORD_LEFT},
	    {"kRIT5", "\033[1;5C", KEYX_WORD_RIGHT},
	};
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
		char *s = tigetstr(defs[i].cap);
		if (s && s != (char *)-1 && strcmp(s, defs[i].fallback) != 0)
			define_key(s, defs[i].code);
		define_key(defs[i].fallback, defs[i].code);
	}
	/* Home and End as every common terminal sends them, also where TERM names another
	 * (xterm's description inside tmux knows neither \E[1~ nor \E[4~): the first and last of
	 * every list are on these keys alone. */
	static const struct {
		const char *seq;
		int code;
	} home_end[] = {
	    {"\033[1~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
	    {"\033[7~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[F", KEY_END},
	    {"\033OF", KEY_END},   {"\033[8~", KEY_END},
	};
	for (size_t i = 0; i < sizeof home_end / sizeof home_end[0]; i++)
		if (key_defined(home_end[i].seq) <= 0)
			define_key(home_end[i].seq, home_end[i].code);
}

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

enum fit { FITS, TOO_WIDE, NO_ROOM };

/* Appends "label hint" to buf when it fits `cols` columns (TOO_WIDE when not) and n bytes
 * (NO_ROOM when not: nothing more goes in). */
static enum fit add_hint(const struct key_binding *b, char *buf, size_t n, size_t *len, int *used,
                         int cols)
{
	const char *label = _(b->label), *hint = i18n_pgettext("key hint", b->hint);
	int w = (*len ? 2 : 0) + text_width(label) + 1 + text_width(hint);
	if (*used + w > cols)
		return TOO_WIDE;
	int k = snprintf(buf + *len, n - *len, "%s%s %s", *len ? "  " : "", label, hint);
	if (k < 0 || (size_t)k >= n - *len) {
		buf[*len] = '\0';
		return NO_ROOM;
	}
	*len += (size_t)k;
	*used += w;
	return FITS;
}

void keys_hints_fit(enum tui_screen screen, int cols, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	/* The help is always last and always there: it names every key the line leaves out. */
	const struct key_binding *help = NULL;
	for (size_t i = 0; i < TABLE_LEN && !help; i++)
		if (table[i].action == ACT_HELP && table[i].hint &&
		    (table[i].screens & (unsigned)screen))
			help = &table[i];
	int help_w = help ? 2 + text_width(_(help->label)) + 1 +
	                        text_width(i18n_pgettext("key hint", help->hint))
	                  : 0;
	size_t len = 0;
	int used = 0;
	/* In the table's order, which puts what matters most on a screen first: a hint that does
	 * not fit is left out whole, never cut, and a shorter one after it may still fit. */
	for (size_t i = 0; i < TABLE_LEN; i++) {
		const struct key_binding *b = &table[i];
		if (b == help || !b->hint || !(b->screens & (unsigned)screen))
			continue;
		if (add_hint(b, buf, n, &len, &used, cols - help_w) == NO_ROOM)
			return;
	}
	if (help)
		add_hint(help, buf, n, &len, &used, cols);
}

void keys_hints(enum tui_screen screen, char *buf, size_t n)
{
	keys_hints_fit(screen, INT_MAX, buf, n);
}
