/* theme.h - colours as roles. Screens ask for a role ("selected", "gap", "actor-3"), never for a
 * colour number; the theme turns a role into curses attributes, in colour or, with NO_COLOR or a
 * terminal without colours, in bold, reverse, underline and dim alone. */
#ifndef MELLAN_TUI_THEME_H
#define MELLAN_TUI_THEME_H

#include <stdbool.h>

enum role {
	ROLE_NORMAL,
	ROLE_TITLE,    /* the top line and headings */
	ROLE_HEADING,  /* a section inside a card: "Risk", "Interventions" */
	ROLE_SELECTED, /* the selected line */
	ROLE_DIM,      /* secondary information: domain, certainty, column heads */
	ROLE_GAP,      /* fell between the chairs */
	ROLE_WARNING,  /* risk factors, hand-overs never received */
	ROLE_GOOD,     /* protective factors */
	ROLE_VOICE,    /* the young person's own words */
	ROLE_NOTE,     /* the facilitator's note: never projected */
	ROLE_HINT,     /* the bottom line */
	ROLE_ACTOR0,   /* ROLE_ACTOR0 + actor colour 0..7 */
	ROLE_ACTOR7 = ROLE_ACTOR0 + 7,
	ROLE_COUNT
};

/* The theme theme_init sets up: an enum theme_id of palette.h (THEME_TERMINAL by default). */
void theme_choose(int theme);
int theme_chosen(void);
/* Sets up colour pairs after initscr. Colour is used when the terminal has it and NO_COLOR is
 * unset or empty. */
void theme_init(void);
bool theme_has_colour(void);
/* The curses attributes (an attr_t) of a role; an actor colour out of range gives ROLE_NORMAL's. */
unsigned long theme_attr(enum role r);
enum role theme_actor_role(int colour);

#endif
