/* private.h - what the files of tui/ share and nothing outside tui/ may use: the application
 * state, what a key handler says changed, and each screen's draw and key functions. */
#ifndef MELLAN_TUI_PRIVATE_H
#define MELLAN_TUI_PRIVATE_H

#include "core/error.h"
#include "core/model.h"
#include "core/store.h"
#include "keys.h"
#include "tui.h"

#include <stdbool.h>
#include <stddef.h>

/* What a handler changed; only the main loop draws. */
enum change {
	CH_NONE = 0,
	CH_REDRAW = 1 << 0, /* the same data, drawn again */
	CH_RELOAD = 1 << 1, /* read again from the store, then draw */
	CH_QUIT = 1 << 2,
};

/* The smallest screen anything is drawn on. */
#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 10
/* From this width the journey shows its list of steps and the card side by side. */
#define TUI_WIDE_COLS 100

struct app {
	struct store *store;
	const struct tui_options *opt;
	enum tui_screen screen;
	enum tui_screen help_from; /* the screen the help screen describes */

	struct m_case_list cases;
	size_t case_sel, case_top;
	struct m_actor_list actors;
	struct m_category_list categories;

	m_id journey_case; /* 0: no journey open */
	struct m_journey journey;
	size_t step_sel, step_top;
	size_t card_scroll; /* first line of the card shown */
	int card_rows;      /* rows the card had at the last draw, for PgUp/PgDn */
	size_t card_lines;  /* lines the card had at the last draw */

	char message[sizeof(((struct merr *)0)->msg)]; /* one line for the user (an error from the
	                                                  store), "" for none */
};

/* Reads the cases and catalogues again and, when a journey is open, that journey; keeps the
 * selections where they were as far as the data allows. */
void app_reload(struct app *a);
/* Opens the journey of a case: loads it and switches screens. */
void app_open_journey(struct app *a, m_id case_id);
/* Puts an error for the user on the message line. */
void app_message(struct app *a, const struct merr *err);

/* One draw and one key function per screen. Draw functions get the rows they may use
 * (the top line and the bottom hint line are the main loop's). */
void cases_draw(struct app *a, int top, int rows);
unsigned cases_key(struct app *a, enum action act);
void journey_draw(struct app *a, int top, int rows);
unsigned journey_key(struct app *a, enum action act);
/* The top line's title of the journey screen. */
void journey_title(const struct app *a, char *buf, size_t n);
void help_draw(struct app *a, int top, int rows);
unsigned help_key(struct app *a, int key);

#endif
