/* private.h - what the files of tui/ share and nothing outside tui/ may use: the application
 * state, what a key handler says changed, and each screen's draw and key functions. */
#ifndef MELLAN_TUI_PRIVATE_H
#define MELLAN_TUI_PRIVATE_H

#include "core/error.h"
#include "core/model.h"
#include "core/store.h"
#include "form.h"
#include "keys.h"
#include "tui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	size_t help_scroll;        /* the first line of the help shown */
	int help_rows;             /* rows and lines of the help at its last draw */
	size_t help_lines;

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

	/* The lanes view: its scale and zoom (-1: fit the screen), what is scrolled away, and the
	 * age thresholds it draws (loaded when it first opens). */
	int lanes_scale, lanes_zoom, lanes_zoom_shown;
	size_t lanes_top;
	int lanes_left;
	bool thresholds_loaded;
	struct m_threshold_list thresholds;
	size_t proposal_sel; /* the proposal shown, counting from 1; 0: none */

	int key;        /* the key being handled, for actions that read it (a vote's digit) */
	size_t gap_sel; /* which of the presented step's gaps the room votes on */
	enum tui_screen present_from; /* the journey or the lanes, where q goes back to */
	bool reveal_gap;              /* scroll the card to that gap at the next draw */

	/* Presenter follow: what was last published to (or, following, read from) the file. */
	m_id shown_case, shown_step;
	bool blank, shown_blank; /* the presentation blanked */
	bool publish_pending;

	char message[sizeof(((struct merr *)0)->msg)]; /* one line for the user (an error from the
	                                                  store), "" for none */
	bool message_ok; /* the message confirms something done, it is not an error */

	/* The editor. */
	struct form *form;         /* the open form, NULL for none */
	struct form *pending;      /* a form waiting for the initials to be given first */
	enum tui_screen form_from; /* the screen under the form */
	char initials[16];         /* the facilitator's, "" until asked */
	m_id want_case;            /* after a reload: select this case (and open it, want_open) */
	bool want_open;
	m_id want_step;          /* after a reload: select this step */
	size_t cat_sel, cat_top; /* the catalogue screen's selection */
	/* A delete waiting for its y (del_kind an enum rec_kind, 0 for none). */
	int del_kind;
	m_id del_id;
	char del_question[800];
	/* What the "Edit what?" chooser picked, acted on once it is closed. */
	int choice_kind;
	m_id choice_id;
	bool choice_del;
	char choice_label[600];
	/* The gaps screen's analysis and list (screen_gaps.c); NULL until it is first opened. */
	struct gaps_view *gaps;
	enum tui_screen journey_back; /* where q on the journey goes; 0: the cases */
	/* The open merge conflicts (screen_conflicts.c) and the one selected. */
	struct store_merge_report conflicts;
	size_t conf_sel, conf_top;
	/* The list of names not to use (screen_names.c) while it is open, NULL otherwise. */
	struct names_view *names;
	/* The last search's hits and the one shown. */
	struct m_hit_list hits;
	size_t hit;
	size_t ws_sel, ws_top; /* the workshop screen's selection */
};

/* The main loop's parts, so the screens can also be driven without a terminal: the state on a
 * store (curses set up already), one key handled as the loop handles it (what changed comes
 * back: reload and draw are the caller's), a whole draw, and the state released. */
void app_init(struct app *a, struct store *s, const struct tui_options *opt);
unsigned app_key(struct app *a, int key, uint32_t cp);
void app_draw(struct app *a);
void app_free(struct app *a);
/* Reads the cases and catalogues again and, when a journey is open, that journey; keeps the
 * selections where they were as far as the data allows. */
void app_reload(struct app *a);
/* Opens the journey of a case: loads it and switches screens. */
void app_open_journey(struct app *a, m_id case_id);
/* Puts an error for the user on the message line. */
void app_message(struct app *a, const struct merr *err);
/* Puts a confirmation on the message line ("saved: step 'Flytt'"). */
void app_note(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Opens a form over the current screen, asking for the facilitator's initials first when they
 * are not known yet. The app owns the form from here. */
void app_open_form(struct app *a, struct form *f);
/* Opens a form at once (the initials' own form). */
void app_show_form(struct app *a, struct form *f);

/* The facilitator's remembered initials into buf; false when none are. */
bool initials_load(char *buf, size_t n);
void form_initials_open(struct app *a);
/* The editor's forms: NULL adds a new record (at the selected case and step), a record edits it. */
void form_case_open(struct app *a, const struct m_case *c);
void form_step_open(struct app *a, const struct m_step *st);
void form_intervention_open(struct app *a, const struct m_intervention *iv);
void form_handover_open(struct app *a, const struct m_handover *h);
void form_gap_open(struct app *a, const struct m_gap *g);
void form_factor_open(struct app *a, const struct m_factor *fc);
void form_actor_open(struct app *a, const struct m_actor *ac);
void form_category_open(struct app *a, const struct m_category *c);
/* An action of gap g: NULL adds one. The delete takes the action out of its gap. */
void form_action_open(struct app *a, const struct m_gap *g, const struct m_action *ac);
enum mstatus action_delete(struct app *a, m_id action_id, struct merr *err);
/* The kinds of record the editor changes. */
enum rec_kind {
	RK_NONE,
	RK_CASE,
	RK_STEP,
	RK_FACTOR,
	RK_INTERVENTION,
	RK_HANDOVER,
	RK_GAP,
	RK_ACTOR,
	RK_CATEGORY,
	RK_NAME,   /* a name on the list not to use */
	RK_ACTION, /* an action of a gap: written by rewriting its gap */
};
/* The stamp record `id` (of case case_id, for the parts of a journey) has in the file now;
 * false when it is gone. */
bool stamp_fresh(struct store *s, enum rec_kind kind, m_id case_id, m_id id,
                 char out[M_STAMP_LEN + 1]);

/* edit.c: e and d on what is selected (the journey asks which part of the step), the y of a
 * delete, what the chooser picked, undo and redo, search and the next hit. */
unsigned edit_selected(struct app *a, bool del);
unsigned edit_key_confirm(struct app *a, int key);
void edit_after_choice(struct app *a);
unsigned edit_undo(struct app *a, bool redo);
unsigned edit_search(struct app *a);
unsigned edit_next_hit(struct app *a);

/* The selected step of the open journey, NULL when it has none. */
const struct m_step *app_selected_step(const struct app *a);

/* One draw and one key function per screen. Draw functions get the rows they may use
 * (the top line and the bottom hint line are the main loop's). */
void cases_draw(struct app *a, int top, int rows);
unsigned cases_key(struct app *a, enum action act);
void journey_draw(struct app *a, int top, int rows);
unsigned journey_key(struct app *a, enum action act);
/* The top line's title of the journey screen. */
void journey_title(const struct app *a, char *buf, size_t n);
/* The gaps screen: opened (and analysed) on demand, analysed again on reload. */
void gaps_open(struct app *a);
void gaps_reload(struct app *a);
void gaps_free(struct app *a);
void gaps_draw(struct app *a, int top, int rows);
unsigned gaps_key(struct app *a, enum action act);
void gaps_title(const struct app *a, char *buf, size_t n);
/* screen_conflicts.c: the open merge conflicts; h keeps this side, t takes the other's. */
void conflicts_open(struct app *a);
void conflicts_draw(struct app *a, int top, int rows);
unsigned conflicts_key(struct app *a, enum action act);
/* screen_names.c: the list of names not to use; names_edit is e and d there. */
void names_open(struct app *a);
void names_reload(struct app *a);
void names_free(struct app *a);
void names_draw(struct app *a, int top, int rows);
unsigned names_key(struct app *a, enum action act);
unsigned names_edit(struct app *a, bool del);
void names_title(const struct app *a, char *buf, size_t n);
void catalogue_draw(struct app *a, int top, int rows);
unsigned catalogue_key(struct app *a, enum action act);
void lanes_draw(struct app *a, int top, int rows);
unsigned lanes_key(struct app *a, enum action act);
/* The gaps the program proposes, in the lanes (lanes_proposals.c). */
struct m_proposal_list;
struct m_proposal;
void proposals_load(struct app *a, struct m_proposal_list *out);
const struct m_proposal *proposal_shown(const struct app *a, const struct m_proposal_list *l);
unsigned proposals_key(struct app *a, enum action act);
void present_draw(struct app *a);
unsigned present_key(struct app *a, enum action act);
/* Presenter follow (present_follow.c): the facilitator publishes its selection, the follower reads it. */
void follow_publish(struct app *a);
unsigned follow_poll(struct app *a);
/* The workshops (screen_workshop.c) and their forms (form_workshop.c, form_lengths.c). */
void workshop_draw(struct app *a, int top, int rows);
unsigned workshop_key(struct app *a, enum action act);
const struct m_workshop *workshop_selected(struct app *a, struct m_workshop_list *l);
void form_workshop_open(struct app *a, const struct m_workshop *w);
void form_log_open(struct app *a, const struct m_workshop *w, bool decision);
void form_lengths_open(struct app *a);
void help_draw(struct app *a, int top, int rows);
unsigned help_key(struct app *a, int key);

#endif
