/* app.c - the main loop of the TUI: terminal set-up and restore, signals, resize, the top and
 * bottom lines around the top screen (or the open form), key dispatch through the key table to
 * the app's own actions and the top screen's, and reloading when another mellan writes.
 * Handlers return what changed; only this loop draws. */
#include "private.h"

#include "core/i18n.h"
#include "core/model_merge.h"
#include "core/store_read.h"
#include "core/xalloc.h"
#include "draw.h"
#include "keys.h"
#include "palette.h"
#include "theme.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Set by the signal handler, read by the loop: the handler does nothing else. */
static volatile sig_atomic_t quit_signal;
/* Whether curses owns the terminal, so every way out can give it back. */
static bool curses_on;
static SCREEN *term_screen;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

/* Bracketed paste: the terminal marks a paste, so a pasted newline is text, not Enter. */
static void bracketed_paste(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

static void restore_terminal(void)
{
	if (curses_on) {
		bracketed_paste(false);
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
	a->message_ok = false;
}

void app_note(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_ok = true;
}

void app_show_form(struct app *a, struct form *f)
{
	if (a->form) /* only the initials' form opens over another, and it is pending then */
		form_free(&a->form);
	a->form = f;
}

void app_open_form(struct app *a, struct form *f)
{
	if (!a->initials[0]) {
		form_free(&a->pending);
		a->pending = f;
		form_initials_open(a);
		return;
	}
	app_show_form(a, f);
}

const struct m_step *app_selected_step(const struct app *a)
{
	if (!a->journey_case || a->step_sel >= a->journey.n_steps)
		return NULL;
	return &a->journey.steps[a->step_sel];
}

/* The form is over the top screen, unless the help that describes it is. */
static bool form_on_top(const struct app *a)
{
	return a->form && !screen_top(a)->ops->modal;
}

enum tui_screen app_shown(const struct app *a)
{
	return form_on_top(a) ? SCR_FORM : screen_top(a)->ops->id;
}

static void close_form(struct app *a)
{
	form_free(&a->form);
	curs_set(0);
}

/* Reads the open journey again, keeping the same step selected when it is still there. */
static void reload_journey(struct app *a)
{
	struct merr err = {0};
	m_id step_id = a->step_sel < a->journey.n_steps ? a->journey.steps[a->step_sel].id : 0;
	if (a->want_step)
		step_id = a->want_step;
	a->want_step = 0;
	m_journey_clear(&a->journey);
	a->journey_gen++;
	if (store_journey_load(a->store, a->journey_case, &a->journey, &err) != M_OK) {
		/* The case went away under us (another mellan deleted it): back to what was under
		 * its journey. The presentation stays and says so, in the room's words. */
		app_message(a, &err);
		a->journey_case = 0;
		if (screen_top(a)->ops != &screen_present)
			screen_close(a, &screen_journey);
		return;
	}
	/* By id, not by position: another mellan may have added or moved steps. */
	for (size_t i = 0; i < a->journey.n_steps; i++)
		if (a->journey.steps[i].id == step_id)
			a->step_sel = i;
	if (a->step_sel >= a->journey.n_steps)
		a->step_sel = a->journey.n_steps ? a->journey.n_steps - 1 : 0;
}

void app_reload(struct app *a)
{
	struct merr err = {0};
	m_actor_list_clear(&a->actors);
	m_category_list_clear(&a->categories);
	if (store_actor_list(a->store, &a->actors, &err) != M_OK ||
	    store_category_list(a->store, &a->categories, &err) != M_OK)
		app_message(a, &err);
	if (a->journey_case)
		reload_journey(a);
	struct screen *top = screen_top(a);
	if (top->ops->reload)
		top->ops->reload(a, top);
}

/* Loads the journey of a case as the open one, from its first step. */
static bool load_journey(struct app *a, m_id case_id)
{
	struct merr err = {0};
	m_journey_clear(&a->journey);
	a->journey_gen++;
	if (store_journey_load(a->store, case_id, &a->journey, &err) != M_OK) {
		app_message(a, &err);
		a->journey_case = 0;
		return false;
	}
	a->journey_case = case_id;
	a->step_sel = 0;
	return true;
}

void app_open_journey(struct app *a, m_id case_id)
{
	if (!load_journey(a, case_id))
		return;
	screen_reset(a);
	screen_push(a, &screen_journey);
}

void app_open_journey_over(struct app *a, m_id case_id)
{
	if (load_journey(a, case_id))
		screen_push(a, &screen_journey);
}

static void draw_top(struct app *a)
{
	char title[256] = "";
	struct screen *top = screen_top(a);
	if (form_on_top(a))
		snprintf(title, sizeof title, "%s", a->form->title);
	else
		top->ops->title(a, top, title, sizeof title);
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
	struct screen *top = screen_top(a);
	if (form_on_top(a) && a->form->asking) {
		form_bottom(a->form, hints, sizeof hints);
		draw_line(LINES - 1, 0, COLS, ROLE_WARNING, hints);
		return;
	}
	if (a->del.kind) {
		draw_line(LINES - 1, 0, COLS, ROLE_WARNING, a->del.question);
		return;
	}
	if (a->message[0]) {
		draw_line(LINES - 1, 0, COLS, a->message_ok ? ROLE_HINT : ROLE_WARNING, a->message);
		return;
	}
	if (form_on_top(a))
		form_bottom(a->form, hints, sizeof hints);
	else if (top->ops->hints)
		top->ops->hints(a, top, hints, sizeof hints);
	else
		keys_hints_fit(top->ops->id, COLS, hints, sizeof hints);
	draw_line(LINES - 1, 0, COLS, ROLE_HINT, hints);
}

/* The presentation is for the projector: in the projector's theme, as mellan present shows it,
 * unless mellan was started with a theme of the user's choosing. */
static void theme_for(const struct app *a)
{
	int want = a->opt ? a->opt->theme : THEME_TERMINAL;
	if (want == THEME_TERMINAL && screen_top(a)->ops == &screen_present)
		want = THEME_PROJECTOR;
	if (want == theme_chosen())
		return;
	theme_choose(want);
	theme_init();
	clearok(curscr, TRUE); /* every cell in the new colours */
}

/* The one place the terminal's size is looked at before drawing: too small, a notice instead. */
void app_draw(struct app *a)
{
	theme_for(a);
	erase();
	curs_set(0);
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS) {
		/* Wrapped, so it reads whole even at 20x6; a form stays open behind it. */
		char msg[128];
		snprintf(msg, sizeof msg, _("terminal too small (need %d×%d)"), TUI_MIN_COLS,
		         TUI_MIN_ROWS);
		struct block b;
		block_init(&b, COLS > 2 ? COLS - 2 : 1);
		block_add(&b, ROLE_NORMAL, NULL, ROLE_WARNING, msg);
		int y = LINES > (int)b.n ? (LINES - (int)b.n) / 2 : 0;
		block_draw(&b, y, 1, LINES - y, 0);
		block_clear(&b);
		refresh();
		return;
	}
	struct screen *top = screen_top(a);
	bool form = form_on_top(a);
	if (!form && !top->ops->title) {
		top->ops->draw(a, top, 0, LINES); /* the whole screen is the room's */
		refresh();
		return;
	}
	draw_top(a);
	if (form)
		form_draw(a->form, 1, LINES - 2);
	else
		top->ops->draw(a, top, 1, LINES - 2);
	draw_bottom(a);
	if (form && !a->form->asking)
		form_place_cursor(a->form);
	refresh();
}

static unsigned form_dispatch(struct app *a, int key, uint32_t cp)
{
	bool typed = cp >= 0x20 && cp != 0x7F;
	enum action act = typed ? ACT_NONE : keys_lookup(SCR_FORM, key);
	if (act == ACT_HELP) {
		screen_push(a, &screen_help);
		return CH_REDRAW;
	}
	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return CH_REDRAW;
	}
	struct form *done = a->form;
	switch (form_key(done, key, cp)) {
	case FORM_SAVED:
		a->form = NULL;
		curs_set(0);
		if (a->pending) { /* the initials are given: on to what was asked for */
			struct form *next = a->pending;
			a->pending = NULL;
			app_show_form(a, next);
		}
		if (done->after)
			done->after(done);
		form_free(&done);
		return CH_RELOAD;
	case FORM_CANCELLED:
		close_form(a);
		form_free(&a->pending);
		return CH_REDRAW;
	default:
		return CH_REDRAW;
	}
}

/* The text of a bracketed paste, read straight from the terminal in large reads up to the end
 * marker: ncurses would take it a byte and a system call at a time, seconds for a long journal.
 * What arrives after the marker goes back to ncurses. The caller frees the text. */
static char *read_paste(size_t *len)
{
	static const char end[] = "\033[201~";
	size_t n = 0, cap = 65536;
	char *buf = xmalloc(cap + 1);
	char *mark = NULL;
	for (;;) {
		struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
		/* A terminal that never sends the end marker loses nothing but a pause. */
		if (poll(&pfd, 1, 2000) <= 0)
			break;
		if (n + 65536 > cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(STDIN_FILENO, buf + n, 65536);
		if (r <= 0)
			break;
		size_t from = n >= sizeof end ? n - sizeof end : 0;
		n += (size_t)r;
		buf[n] = '\0';
		for (size_t i = from; !mark && i + sizeof end - 1 <= n; i++)
			if (memcmp(buf + i, end, sizeof end - 1) == 0)
				mark = buf + i;
		if (mark)
			break;
	}
	size_t text = mark ? (size_t)(mark - buf) : n;
	if (mark) {
		/* Keys typed after the paste, in order: ungetch pushes onto a stack. */
		size_t after = text + sizeof end - 1;
		for (size_t i = n; i > after; i--)
			ungetch((unsigned char)buf[i - 1]);
	}
	buf[text] = '\0';
	*len = text;
	return buf;
}

static unsigned paste(struct app *a)
{
	size_t n;
	char *text = read_paste(&n);
	unsigned change = CH_REDRAW;
	if (form_on_top(a))
		form_paste(a->form, text, n);
	else /* pasted text is never taken for keys */
		app_note(a, "%s", _("a paste goes into a form's field; it was left out here"));
	free(text);
	return change;
}

static unsigned dispatch(struct app *a, int key, uint32_t cp)
{
	if (key == KEYX_PASTE_BEGIN)
		return paste(a);
	if (key == KEYX_PASTE_END)
		return CH_NONE;
	struct screen *top = screen_top(a);
	if (top->ops->modal)
		return top->ops->key(a, top, keys_lookup(top->ops->id, key), key);
	if (form_on_top(a))
		return form_dispatch(a, key, cp);
	if (a->del.kind)
		return edit_key_confirm(a, key);
	/* A blanked presentation comes back at any key, which does nothing else; a follower's is
	 * the facilitator's to show. */
	if (!(a->opt && a->opt->follow) && present_set_blank(a, false))
		return CH_REDRAW;
	if (cp >= 0x80)
		return CH_NONE; /* a letter outside ASCII binds nothing */
	enum action act = keys_lookup(top->ops->id, key);
	if (a->opt && a->opt->follow && act != ACT_BACK && act != ACT_REDRAW)
		return CH_NONE; /* the follower shows what the facilitator shows, nothing else */
	/* The app's own actions, the same on every screen that binds them. */
	switch (act) {
	case ACT_NONE:
		return CH_NONE;
	case ACT_UNDO:
	case ACT_REDO:
		return edit_undo(a, act == ACT_REDO);
	case ACT_SEARCH:
		return edit_search(a);
	case ACT_NEXT_HIT:
		return edit_next_hit(a);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return CH_REDRAW;
	default:
		break;
	}
	unsigned change = screen_open_action(a, act);
	return change != CH_NONE ? change : top->ops->key(a, top, act, key);
}

unsigned app_key(struct app *a, int key, uint32_t cp)
{
	unsigned change = CH_NONE;
	if (a->message[0]) {
		a->message[0] = '\0';
		change |= CH_REDRAW;
	}
	return change | dispatch(a, key, cp);
}

/* One key: an ncurses key code or an ASCII character in *key, the character typed in *cp
 * (0 for a function key). Alt-b and Alt-f become word moves; any other escape sequence ncurses
 * does not know is swallowed whole, so no part of it is taken for keys or text. */
static bool read_key(int *key, uint32_t *cp, int wait_ms)
{
	wint_t wc;
	timeout(wait_ms);
	int r = get_wch(&wc);
	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES) {
		*key = (int)wc;
		*cp = 0;
		return true;
	}
	*cp = (uint32_t)wc;
	*key = wc < 0x80 ? (int)wc : 0;
	if (wc != ESC_KEY)
		return true;
	/* Esc alone, or the start of something: ncurses has waited ESCDELAY already. */
	timeout(0);
	wint_t next;
	int rn = get_wch(&next);
	if (rn == OK && (next == 'b' || next == 'f')) {
		*key = next == 'b' ? KEYX_WORD_LEFT : KEYX_WORD_RIGHT;
		*cp = 0;
	} else if (rn == OK && (next == '[' || next == 'O')) {
		while (get_wch(&next) == OK && !(next >= 0x40 && next <= 0x7E))
			;
		*key = 0;
		*cp = 0;
	} else if (rn == KEY_CODE_YES && next == KEY_RESIZE) {
		ungetch(KEY_RESIZE); /* Esc alone; the resize right after it still redraws */
	} else if (rn != ERR) {
		*key = 0; /* Alt and a key we do not use */
		*cp = 0;
	}
	timeout(wait_ms);
	return true;
}

/* Whether the input has ended (a closed pipe, /dev/null, a terminal gone): asked after the wait
 * for a key came back empty. ncurses says only "no key" then, at once and forever, so without
 * this the loop would spin. A byte that arrives just now is handed back to ncurses. */
static bool input_ended(void)
{
	struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&pfd, 1, 0) <= 0)
		return false;
	if (pfd.revents & POLLNVAL)
		return true;
	if (!(pfd.revents & POLLIN))
		return (pfd.revents & (POLLHUP | POLLERR)) != 0;
	unsigned char c;
	ssize_t r = read(STDIN_FILENO, &c, 1);
	if (r == 1) {
		ungetch(c);
		return false;
	}
	return r == 0 || (errno != EINTR && errno != EAGAIN);
}

/* Ctrl-C in a form asks, like Esc, instead of throwing what was typed away (the keys typed
 * before it are handled first, so the form knows what it holds); SIGTERM and SIGHUP (the
 * terminal gone) always end mellan. */
static bool interrupted;

static bool quitting(struct app *a)
{
	if (!quit_signal)
		return false;
	if (quit_signal == SIGINT && form_on_top(a)) {
		quit_signal = 0;
		interrupted = true;
		return false;
	}
	return true;
}

static unsigned interrupt_form(struct app *a)
{
	interrupted = false;
	if (!form_on_top(a))
		return CH_NONE;
	if (form_dirty(a->form)) {
		a->form->asking = true;
	} else {
		close_form(a);
		form_free(&a->pending);
	}
	return CH_REDRAW;
}

static void loop(struct app *a)
{
	unsigned change = CH_REDRAW;
	while (!quitting(a)) {
		if (change & CH_RELOAD)
			app_reload(a);
		if (change & (CH_REDRAW | CH_RELOAD))
			app_draw(a);
		change = CH_NONE;
		/* Waits at most a second, so a change by another mellan shows within one. */
		int key;
		uint32_t cp;
		/* A follower looks at the file often, to follow within half a second. */
		bool got = read_key(&key, &cp, a->opt && a->opt->follow ? 100 : 1000);
		if (quitting(a))
			break;
		/* A form being typed in keeps what it holds; the screens behind it reload. */
		if (store_changed_elsewhere(a->store))
			change |= CH_RELOAD;
		if (a->opt && a->opt->follow)
			change |= follow_poll(a);
		if (!got) {
			if (input_ended())
				break; /* nothing more can come: mellan ends as if q were pressed */
			if (interrupted)
				change |= interrupt_form(a);
			continue;
		}
		/* Every key already waiting is handled before drawing: a long paste or a burst
		 * of typing costs one draw, not one per character. */
		do {
			if (key == KEY_RESIZE) {
				/* ncursesw has already resized stdscr; lay everything out again. What
				 * the terminal now shows is unknown (tmux moves lines to and from its
				 * history, others reflow, a frame may have been cut in half), so the
				 * next draw repaints all of it instead of only what changed. */
				clearok(curscr, TRUE);
				change |= CH_REDRAW;
				continue;
			}
			if (key == 0 && cp == 0)
				continue;
			change |= app_key(a, key, cp);
		} while (!(change & CH_QUIT) && !quitting(a) && read_key(&key, &cp, 0));
		if (change & CH_QUIT)
			break;
		if (interrupted)
			change |= interrupt_form(a);
		if (!a->opt || !a->opt->follow)
			follow_publish(a);
	}
}

void app_init(struct app *a, struct store *s, const struct tui_options *opt)
{
	memset(a, 0, sizeof *a);
	a->store = s;
	a->opt = opt;
	if (initials_load(a->initials, sizeof a->initials))
		store_set_editor(s, a->initials);
	screen_push(a, &screen_cases);
	app_reload(a);
	store_changed_elsewhere(s); /* what we just read is the baseline */
	/* The case the options ask for, by code; mellan present straight into presenting it. */
	if (opt && opt->open_case && cases_open_code(a, opt->open_case) && opt->present &&
	    a->journey_case)
		screen_push(a, &screen_present);
	if (opt && opt->follow) {
		screen_push(a, &screen_present);
		follow_poll(a);
	}
}

void app_free(struct app *a)
{
	screens_free(a);
	form_free(&a->form);
	form_free(&a->pending);
	m_hit_list_clear(&a->hits);
	m_journey_clear(&a->journey);
	m_actor_list_clear(&a->actors);
	m_category_list_clear(&a->categories);
}

enum mstatus tui_run(struct store *s, const struct tui_options *opt, struct merr *err)
{
	static bool atexit_done;
	struct sigaction old_int, old_term, old_hup;
	quit_signal = 0;
	interrupted = false;
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
	theme_choose(opt ? opt->theme : 0);
	theme_init();
	keys_define();
	/* Ctrl-S saves a form: the terminal must not take it for flow control. */
	struct termios tio;
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		def_prog_mode();
	}
	bracketed_paste(true);

	struct app a;
	app_init(&a, s, opt);
	loop(&a);

	restore_terminal();
	delscreen(term_screen);
	term_screen = NULL;
	app_free(&a);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	return M_OK;
}
