/* app.c - the main loop of the TUI: terminal set-up and restore, signals, resize, the top and
 * bottom lines, key dispatch through the key table, and reloading when another mellan writes.
 * Handlers return what changed; only this loop draws. */
#include "private.h"

#include "core/i18n.h"
#include "draw.h"
#include "keys.h"
#include "theme.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set by the signal handler, read by the loop: the handler does nothing else. */
static volatile sig_atomic_t quit_signal;
/* Whether curses owns the terminal, so every way out can give it back. */
static bool curses_on;
static SCREEN *term_screen;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void restore_terminal(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
}

static void install_signals(struct sigaction *old_int, struct sigaction *old_term,
                            struct sigaction *old_hup)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key, so the loop sees it at once. */
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, old_int);
	sigaction(SIGTERM, &sa, old_term);
	sigaction(SIGHUP, &sa, old_hup);
}

void app_message(struct app *a, const struct merr *err)
{
	snprintf(a->message, sizeof a->message, "%s", err->msg);
}

void app_reload(struct app *a)
{
	struct merr err = {0};
	/* Keep the same case selected by id: another mellan may have added or renamed one. */
	m_id case_id = a->case_sel < a->cases.n ? a->cases.items[a->case_sel].id : 0;
	m_case_list_clear(&a->cases);
	m_actor_list_clear(&a->actors);
	m_category_list_clear(&a->categories);
	if (store_case_list(a->store, &a->cases, &err) != M_OK ||
	    store_actor_list(a->store, &a->actors, &err) != M_OK ||
	    store_category_list(a->store, &a->categories, &err) != M_OK)
		app_message(a, &err);
	for (size_t i = 0; i < a->cases.n; i++)
		if (a->cases.items[i].id == case_id)
			a->case_sel = i;
	if (a->case_sel >= a->cases.n)
		a->case_sel = a->cases.n ? a->cases.n - 1 : 0;
	if (!a->journey_case)
		return;

	/* Keep the same step selected when it is still there, by id, not by position. */
	m_id step_id = a->step_sel < a->journey.n_steps ? a->journey.steps[a->step_sel].id : 0;
	m_journey_clear(&a->journey);
	if (store_journey_load(a->store, a->journey_case, &a->journey, &err) != M_OK) {
		/* The case went away under us (another mellan deleted it): back to the list. */
		app_message(a, &err);
		a->journey_case = 0;
		if (a->screen == SCR_JOURNEY)
			a->screen = SCR_CASES;
		return;
	}
	for (size_t i = 0; i < a->journey.n_steps; i++)
		if (a->journey.steps[i].id == step_id)
			a->step_sel = i;
	if (a->step_sel >= a->journey.n_steps)
		a->step_sel = a->journey.n_steps ? a->journey.n_steps - 1 : 0;
}

void app_open_journey(struct app *a, m_id case_id)
{
	struct merr err = {0};
	m_journey_clear(&a->journey);
	if (store_journey_load(a->store, case_id, &a->journey, &err) != M_OK) {
		app_message(a, &err);
		a->journey_case = 0;
		return;
	}
	a->journey_case = case_id;
	a->step_sel = a->step_top = a->card_scroll = 0;
	a->screen = SCR_JOURNEY;
}

static void draw_top(struct app *a)
{
	char title[256];
	switch (a->screen) {
	case SCR_JOURNEY:
		journey_title(a, title, sizeof title);
		break;
	case SCR_HELP:
		snprintf(title, sizeof title, "%s",
		         a->help_from == SCR_JOURNEY ? _("Keys of the journey screen")
		                                     : _("Keys of the cases screen"));
		break;
	default:
		snprintf(title, sizeof title, _("%zu cases"), a->cases.n);
		break;
	}
	char line[400];
	if (a->opt && a->opt->title && *a->opt->title)
		snprintf(line, sizeof line, "mellan (%s) — %s", a->opt->title, title);
	else
		snprintf(line, sizeof line, "mellan — %s", title);
	draw_line(0, 0, COLS, ROLE_TITLE, line);
}

static void draw_bottom(struct app *a)
{
	char hints[512];
	if (a->message[0]) {
		draw_line(LINES - 1, 0, COLS, ROLE_WARNING, a->message);
		return;
	}
	if (a->screen == SCR_HELP)
		snprintf(hints, sizeof hints, "%s", _("any key: back"));
	else
		keys_hints(a->screen, hints, sizeof hints);
	draw_line(LINES - 1, 0, COLS, ROLE_HINT, hints);
}

static void draw_all(struct app *a)
{
	erase();
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS) {
		char msg[128];
		snprintf(msg, sizeof msg, _("terminal too small (need %d×%d)"), TUI_MIN_COLS,
		         TUI_MIN_ROWS);
		draw_centered(LINES / 2, ROLE_WARNING, msg);
		refresh();
		return;
	}
	draw_top(a);
	int top = 1, rows = LINES - 2;
	switch (a->screen) {
	case SCR_JOURNEY:
		journey_draw(a, top, rows);
		break;
	case SCR_HELP:
		help_draw(a, top, rows);
		break;
	default:
		cases_draw(a, top, rows);
		break;
	}
	draw_bottom(a);
	refresh();
}

static unsigned dispatch(struct app *a, int key)
{
	if (a->screen == SCR_HELP)
		return help_key(a, key);
	enum action act = keys_lookup(a->screen, key);
	switch (act) {
	case ACT_NONE:
		return CH_NONE;
	case ACT_HELP:
		a->help_from = a->screen;
		a->screen = SCR_HELP;
		return CH_REDRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return CH_REDRAW;
	default:
		break;
	}
	return a->screen == SCR_JOURNEY ? journey_key(a, act) : cases_key(a, act);
}

/* Opens the case the options ask for, by code. */
static void open_start_case(struct app *a)
{
	if (!a->opt || !a->opt->open_case)
		return;
	for (size_t i = 0; i < a->cases.n; i++) {
		if (strcmp(a->cases.items[i].code, a->opt->open_case) == 0) {
			a->case_sel = i;
			app_open_journey(a, a->cases.items[i].id);
			return;
		}
	}
}

static void loop(struct app *a)
{
	unsigned change = CH_REDRAW;
	while (!quit_signal) {
		if (change & CH_RELOAD)
			app_reload(a);
		if (change & (CH_REDRAW | CH_RELOAD))
			draw_all(a);
		change = CH_NONE;
		/* Waits at most a second, so a change by another mellan shows within one. */
		int key = getch();
		if (quit_signal)
			break;
		if (store_changed_elsewhere(a->store))
			change |= CH_RELOAD;
		if (key == ERR)
			continue;
		if (key == KEY_RESIZE) {
			/* ncursesw has already resized stdscr; lay everything out again. */
			change |= CH_REDRAW;
			continue;
		}
		if (a->message[0]) {
			a->message[0] = '\0';
			change |= CH_REDRAW;
		}
		change |= dispatch(a, key);
		if (change & CH_QUIT)
			break;
	}
}

enum mstatus tui_run(struct store *s, const struct tui_options *opt, struct merr *err)
{
	static bool atexit_done;
	struct sigaction old_int, old_term, old_hup;
	quit_signal = 0;
	/* Before curses starts, so it keeps our handlers instead of installing its own. */
	install_signals(&old_int, &old_term, &old_hup);
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGHUP, &old_hup, NULL);
		return merr_set(
		    err, M_OTHER, MR_IO,
		    _("cannot use this terminal (TERM is unset or unknown); the commands "
		      "of mellan --help work without one"));
	}
	set_term(term_screen);
	curses_on = true;
	if (!atexit_done) {
		/* Whatever way the process ends, the terminal is given back. */
		atexit(restore_terminal);
		atexit_done = true;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(1000);
	theme_init();

	struct app a;
	memset(&a, 0, sizeof a);
	a.store = s;
	a.opt = opt;
	a.screen = SCR_CASES;
	app_reload(&a);
	store_changed_elsewhere(s); /* what we just read is the baseline */
	open_start_case(&a);
	loop(&a);

	restore_terminal();
	delscreen(term_screen);
	term_screen = NULL;
	m_journey_clear(&a.journey);
	m_case_list_clear(&a.cases);
	m_actor_list_clear(&a.actors);
	m_category_list_clear(&a.categories);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	return M_OK;
}
