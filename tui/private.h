/* private.h - what the files of tui/ share and nothing outside tui/ may use: the application
 * state the screens share, what a key handler says changed, the editor's forms and actions, and
 * what the screens offer one another. The screens themselves are objects (screen.h). */
#ifndef MELLAN_TUI_PRIVATE_H
#define MELLAN_TUI_PRIVATE_H

#include "core/error.h"
#include "core/model.h"
#include "core/store.h"
#include "form.h"
#include "keys.h"
#include "screen.h"
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

/* What was last published to the follow file (mellan present --follow), or, following, read
 * from it. */
struct follow {
	m_id shown_case, shown_step;
	bool shown_blank; /* the presentation blanked */
	bool pending;     /* a publish the file was too busy for: the next turn tries again */
};

/* A delete waiting for its y on the bottom line. */
struct delete_question {
	int kind; /* an enum rec_kind, 0 for none */
	m_id id;
	char question[800];
};

/* What the screens share; what only one screen needs is that screen's own (screen.h). */
struct app {
	struct store *store;           /* every screen and form reads and writes through it */
	const struct tui_options *opt; /* how mellan was started: title, follow, present */
	struct screens screens;        /* the open screens, the top one drawn (screen.h) */
	/* The catalogue: the journey, its lanes, the presentation, the catalogue screen, the
	 * editor and its pickers all read it. */
	struct m_actor_list actors;
	struct m_category_list categories;
	/* The open journey (journey_case 0: none) and its selected step: the journey, its lanes
	 * and the presentation show the same step, the forms add to it, follow publishes it. */
	m_id journey_case;
	struct m_journey journey;
	unsigned
	    journey_gen; /* counts the loads: what a screen derives from a load is kept until then */
	size_t step_sel;
	m_id want_step; /* after a reload: select this step (a form saved it, a search found it) */
	/* One line for the user under any screen (an error from the store), "" for none. */
	char message[sizeof(((struct merr *)0)->msg)];
	bool message_ok; /* the message confirms something done, it is not an error */
	/* The open form, NULL for none: any screen opens one, over the top screen, which keeps
	 * its place under it (what a save opens, a journey, lands under the form). */
	struct form *form;
	struct form *pending; /* the form asked for, waiting for the initials to be given first */
	char initials[16];    /* the facilitator's, for the history of every edit; "" until asked */
	struct delete_question del; /* asked on the bottom line of whichever screen asks it */
	/* The last search's hits and the one shown: n goes on from the cases or the journey. */
	struct m_hit_list hits;
	size_t hit;
	struct follow follow; /* published after every key, whatever the screen */
};

/* Reads the catalogues, the open journey and what the top screen shows again; keeps the
 * selections where they were as far as the data allows. */
void app_reload(struct app *a);
/* Opens the journey of a case over the cases screen alone (q goes back to the cases), or over
 * the top screen (the gaps, to come back to). Nothing changes when it cannot be read. */
void app_open_journey(struct app *a, m_id case_id);
void app_open_journey_over(struct app *a, m_id case_id);
/* Puts an error for the user on the message line. */
void app_message(struct app *a, const struct merr *err);
/* Puts a confirmation on the message line ("saved: step 'Flytt'"). */
void app_note(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Opens a form over the current screen, asking for the facilitator's initials first when they
 * are not known yet. The app owns the form from here. */
void app_open_form(struct app *a, struct form *f);
/* Opens a form at once (the initials' own form). */
void app_show_form(struct app *a, struct form *f);
/* The main loop's parts, so the screens can also be driven without a terminal: the state on a
 * store (the cases screen open; curses set up already when it is to be drawn), one key handled
 * as the loop handles it (an ncurses key code or ASCII character and the character typed, 0 for
 * a function key; what changed comes back: reload and draw are the caller's), a whole draw, the
 * screen being shown (the top screen's id, SCR_FORM when a form is over it), and the state
 * released. */
void app_init(struct app *a, struct store *s, const struct tui_options *opt);
unsigned app_key(struct app *a, int key, uint32_t cp);
void app_draw(struct app *a);
enum tui_screen app_shown(const struct app *a);
void app_free(struct app *a);

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
/* The stamp record `id` (of case case_id, for the parts of a journey) has in the file now, into
 * out; *gone when the record is not there any more. A file that cannot be read (another mellan
 * holds it: MR_BUSY) is an error, never taken for a deleted record. */
enum mstatus stamp_fresh(struct store *s, enum rec_kind kind, m_id case_id, m_id id,
                         char out[M_STAMP_LEN + 1], bool *gone, struct merr *err);

/* edit.c: e and d on the journey's step (asking which of its parts when it has more than the
 * step itself), the question before a delete and its y, undo and redo, search and the next hit. */
unsigned edit_step_parts(struct app *a, bool del);
void edit_ask_delete(struct app *a, enum rec_kind kind, m_id id, const char *label);
unsigned edit_key_confirm(struct app *a, int key);
unsigned edit_undo(struct app *a, bool redo);
unsigned edit_search(struct app *a);
unsigned edit_next_hit(struct app *a);

/* The selected step of the open journey, NULL when it has none. */
const struct m_step *app_selected_step(const struct app *a);

/* What the screens offer one another and the forms. */
/* screen_cases.c: select a case after the next reload (a form saved it), and open its journey;
 * open the case with that code (mellan CODE), false when there is none. */
void cases_select(struct app *a, m_id case_id, bool open);
bool cases_open_code(struct app *a, const char *code);
/* screen_journey.c: the top line's title of the journey and of its lanes (a title op). */
void journey_title(const struct app *a, const struct screen *s, char *buf, size_t n);
/* screen_present.c: whether the presentation is on top and blank; blank it or show it again
 * (the follower, as the facilitator does), true when that changed anything. */
bool present_blanked(const struct app *a);
bool present_set_blank(struct app *a, bool blank);
/* The gaps the program proposes, in the lanes (lanes_proposals.c); *sel is the lanes' proposal
 * shown, counting from 1, 0 for none. */
struct m_proposal_list;
struct m_proposal;
void proposals_load(struct app *a, struct m_proposal_list *out);
const struct m_proposal *proposal_shown(size_t sel, const struct m_proposal_list *l);
unsigned proposals_key(struct app *a, size_t *sel, enum action act);
/* Presenter follow (present_follow.c): the facilitator publishes its selection, the follower reads it. */
void follow_publish(struct app *a);
unsigned follow_poll(struct app *a);
/* The workshops' forms (form_workshop.c, form_lengths.c). */
void form_workshop_open(struct app *a, const struct m_workshop *w);
void form_log_open(struct app *a, const struct m_workshop *w, bool decision);
void form_lengths_open(struct app *a);

#endif
