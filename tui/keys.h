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
	SCR_FORM = 1 << 3,
	SCR_CATALOGUE = 1 << 4,
	SCR_GAPS = 1 << 5, /* the recurring gaps across all cases */
	SCR_PRESENT = 1 << 6,
	SCR_LANES = 1 << 7,
	SCR_CONFLICTS = 1 << 8, /* what merge found changed on both sides */
	SCR_NAMES = 1 << 9,     /* the alliance's list of names not to use */
	SCR_WORKSHOP = 1 << 10, /* the workshops and their logs */
	SCR_IMPORT = 1 << 11,   /* a chronology from a spreadsheet */
	SCR_WORKED = 1 << 12,   /* what worked across all cases */
};
#define SCR_ALL                                                                                    \
	(SCR_CASES | SCR_JOURNEY | SCR_HELP | SCR_FORM | SCR_CATALOGUE | SCR_GAPS | SCR_PRESENT |  \
	 SCR_LANES | SCR_CONFLICTS | SCR_NAMES | SCR_WORKSHOP | SCR_IMPORT | SCR_WORKED)
/* The screens that show records (not the help, not a form). */
#define SCR_LISTS (SCR_CASES | SCR_JOURNEY | SCR_CATALOGUE | SCR_CONFLICTS | SCR_NAMES)

/* Keys of our own, defined from the terminal's descriptions at start (keys_define): the
 * bracketed-paste markers and word moves. Above every code ncurses hands out. */
enum {
	KEYX_PASTE_BEGIN = 0x7000,
	KEYX_PASTE_END,
	KEYX_WORD_LEFT,
	KEYX_WORD_RIGHT,
};
#define CTRL_KEY(c) ((c)&0x1f)
#define ESC_KEY 27

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
	/* Changing the journey. */
	ACT_ADD,
	ACT_ADD_IV,
	ACT_ADD_HO,
	ACT_ADD_GAP,
	ACT_ADD_FACTOR,
	ACT_CATALOGUE,
	ACT_EDIT,
	ACT_DELETE,
	ACT_UNDO,
	ACT_REDO,
	ACT_SEARCH,
	ACT_NEXT_HIT,
	ACT_MOVE_UP,
	ACT_MOVE_DOWN,
	/* Merge conflicts. */
	ACT_CONFLICTS,
	ACT_KEEP,
	ACT_TAKE,
	/* In a form. */
	ACT_FIELD_NEXT,
	ACT_FIELD_PREV,
	ACT_SAVE,
	ACT_CHAR_LEFT,
	ACT_CHAR_RIGHT,
	ACT_WORD_LEFT,
	ACT_WORD_RIGHT,
	ACT_LINE_START,
	ACT_LINE_END,
	ACT_DEL_BACK,
	ACT_DEL_FWD,
	ACT_KILL_WORD,
	ACT_KILL_LINE,
	/* The gaps screen. */
	ACT_GAPS,      /* open it */
	ACT_SORT,      /* the next sort order */
	ACT_FILTER,    /* the next category to filter by */
	ACT_OPEN_ONLY, /* open gaps only, or every status */
	ACT_WORKED,    /* what worked, beside the gaps */
	/* Projecting the journey. */
	ACT_PRESENT,   /* the presentation, from the selected step */
	ACT_SCROLL_UP, /* a line of a card taller than the screen */
	ACT_SCROLL_DOWN,
	ACT_LANES, /* between the journey and its lanes */
	ACT_ZOOM_IN,
	ACT_ZOOM_OUT,
	ACT_SCALE,    /* lanes by step or to true scale */
	ACT_COLOUR,   /* the lanes' bars by actor or by theme */
	ACT_VOTE,     /* the digit pressed: that many dots on the selected gap */
	ACT_UNVOTE,   /* the dots last given to the selected gap taken back */
	ACT_GAP_NEXT, /* the next gap at this step, to vote on */
	ACT_BLANK,    /* the presentation blank, and back */
	ACT_PROPOSAL, /* the next gap the program proposes, in the lanes */
	ACT_CONFIRM,  /* the proposal becomes a gap */
	ACT_DISMISS,  /* the proposal is dismissed, and not proposed again */
	ACT_NAMES,    /* the list of names not to use */
	/* The workshops. */
	ACT_WORKSHOP, /* open the screen */
	ACT_NOTE,     /* a note in the selected workshop's log */
	ACT_DECISION, /* a decision in it */
	ACT_LENGTHS,  /* the lengths the program proposes gaps by */
	/* A chronology from a spreadsheet. */
	ACT_IMPORT,      /* open the import screen */
	ACT_IMPORT_FILE, /* choose the file, or read it again */
	ACT_IMPORT_RUN,  /* import what the preview shows */
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

/* Teaches ncurses the key sequences of KEYX_*; after the terminal is set up. */
void keys_define(void);

size_t keys_count(void);
const struct key_binding *keys_at(size_t i);

/* The action `key` triggers on `screen`, ACT_NONE when it is not bound there. */
enum action keys_lookup(enum tui_screen screen, int key);

/* The bottom line's hints for a screen, "label hint" pairs from the table, translated, written
 * into buf (always NUL-terminated): in the table's order, the help's last. keys_hints_fit keeps
 * to `cols` display columns by leaving out whole hints, never the help's. */
void keys_hints(enum tui_screen screen, char *buf, size_t n);
void keys_hints_fit(enum tui_screen screen, int cols, char *buf, size_t n);

#endif
