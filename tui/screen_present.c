/* screen_present.c - the presentation: the journey told to the room one step at a time. A large,
 * calm card for the step (time and age, title, what happened, the young person's own words, the
 * gaps, who acted and the hand-overs), "step 7 of 24" and a small timeline of where we are. The
 * facilitator's note is never drawn here. The card keeps a readable measure on wide screens and
 * fills the screen on a 60x20 projector. */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/lanes.h"
#include "core/store_workshop.h"
#include "core/story.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines longer than this are hard to follow from the back of a room. */
#define PRESENT_MAX_COLS 72

/* Kept between visits, as the room left it: the gap its dots go to, blank or not. */
struct present_view {
	struct screen base;
	size_t card_scroll; /* the first line of the card shown */
	m_id card_step;     /* the step card_scroll is of: another step starts at its top */
	size_t gap_sel;     /* which of the step's gaps the room votes on */
	bool reveal_gap;    /* scroll the card to that gap at the next draw */
	bool blank;         /* the screen blanked, so the room looks at the people */
};

/* The room reads the actor's whole name; its colour marks its lane. */
static const char *actor_name(const struct app *a, m_id id)
{
	const struct m_actor *ac = m_actor_find(&a->actors, id);
	return ac ? ac->name : "?";
}

/* "2016-02 · 13 years": the age only where the time does not already say it. */
static void when_line(const struct app *a, const struct m_step *st, char *buf, size_t n)
{
	char when[FT_BUFSZ] = "";
	if (st->time && *st->time)
		ft_code_to_display(st->time, when);
	struct fuzzy_time ft;
	struct merr err = {0};
	int lo, hi;
	bool age = st->time && ft_parse(st->time, &ft, &err) == M_OK && ft.from.kind != FT_AGE &&
	           ft_age_span(&ft, a->journey.kase.birth_year, &lo, &hi);
	char ages[48] = "";
	if (age && lo == hi)
		snprintf(ages, sizeof ages, _("age %d"), lo);
	else if (age)
		snprintf(ages, sizeof ages, _("age %d–%d"), lo, hi);
	snprintf(buf, n, "%s%s%s", when[0] ? when : _("time unknown"), ages[0] ? " · " : "", ages);
}

static void add_who_acted(const struct app *a, size_t sel, struct block *b)
{
	const struct m_journey *j = &a->journey;
	bool head = false;
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		if (!story_covers(j, iv->step_from, iv->step_to, sel))
			continue;
		if (!head) {
			block_blank(b);
			block_add(b, ROLE_NORMAL, NULL, ROLE_HEADING, _("Who acted"));
			head = true;
		}
		char lead[16], line[1024];
		snprintf(lead, sizeof lead, "%s ", lanes_kind_mark(iv->kind));
		snprintf(line, sizeof line, "%s — %s%s%s", actor_name(a, iv->actor_id),
		         m_iv_kind_label(iv->kind), iv->what && *iv->what ? ": " : "",
		         iv->what ? iv->what : "");
		const struct m_actor *ac = m_actor_find(&a->actors, iv->actor_id);
		block_add(b, ac ? theme_actor_role(ac->colour) : ROLE_NORMAL, lead, ROLE_NORMAL,
		          line);
	}
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		if (story_step_index(j, h->step_id) != (int)sel)
			continue;
		char line[600];
		snprintf(line, sizeof line, "%s → %s: %s%s", actor_name(a, h->from_actor),
		         actor_name(a, h->to_actor), m_ho_kind_label(h->kind),
		         !h->received ? _(", never received")
		         : !h->acted  ? _(", never acted on")
		                      : "");
		block_add(b, ROLE_NORMAL, "→ ",
		          h->received && h->acted ? ROLE_NORMAL : ROLE_WARNING, line);
	}
}

/* The gaps at step `sel`, in the journey's order: the k-th one, or NULL; *n gets how many. */
static const struct m_gap *gap_at(const struct m_journey *j, size_t sel, size_t k, size_t *n)
{
	const struct m_gap *found = NULL;
	size_t c = 0;
	for (size_t i = 0; i < j->n_gaps; i++) {
		if (!story_covers(j, j->gaps[i].step_id, j->gaps[i].step_to, sel))
			continue;
		if (c++ == k)
			found = &j->gaps[i];
	}
	if (n)
		*n = c;
	return found;
}

/* The dots the gaps of the case have in today's workshop (none when there is none yet). */
static void load_dots(struct app *a, struct m_gap_dots_list *dots)
{
	struct merr err = {0};
	m_id w = 0;
	memset(dots, 0, sizeof *dots);
	if (store_workshop_today(a->store, false, &w, &err) != M_OK || !w ||
	    store_case_dots(a->store, w, a->journey_case, dots, &err) != M_OK)
		memset(dots, 0, sizeof *dots);
}

/* *chosen gets the line after the selected gap's dots, so a vote can keep them in view. */
static void add_gaps(struct app *a, const struct present_view *v, size_t sel, struct block *b,
                     size_t *chosen)
{
	const struct m_journey *j = &a->journey;
	struct m_gap_dots_list dots;
	load_dots(a, &dots);
	size_t n = 0;
	gap_at(j, sel, 0, &n);
	for (size_t k = 0; k < n; k++) {
		const struct m_gap *g = gap_at(j, sel, k, NULL);
		const struct m_category *cat = m_category_find(&a->categories, g->category_id);
		char line[512];
		snprintf(line, sizeof line, _("Fell between the chairs: %s"),
		         cat ? cat->name : "?");
		block_blank(b);
		/* With several gaps, the one the room's dots go to is marked. */
		bool marked = n > 1 && k == v->gap_sel % n;
		block_add(b, marked ? ROLE_SELECTED : ROLE_GAP, marked ? "▶ " : "▲ ", ROLE_GAP,
		          line);
		int d = m_gap_dots_of(&dots, g->id);
		if (d > 0) {
			/* The dots as dots, as on the wall; the number says what a row cannot. */
			char votes[160] = "";
			size_t len = 0;
			for (int k2 = 0; k2 < d && k2 < 20; k2++)
				len += (size_t)snprintf(votes + len, sizeof votes - len, "●");
			snprintf(votes + len, sizeof votes - len, " %s",
			         ngettext("%d dot", "%d dots", (unsigned long)d));
			char text[200];
			snprintf(text, sizeof text, votes, d);
			block_add(b, ROLE_NORMAL, "  ", ROLE_HEADING, text);
		}
		if (k == v->gap_sel % n)
			*chosen = b->n;
		if (g->what_happened && *g->what_happened)
			block_add(b, ROLE_NORMAL, "  ", ROLE_NORMAL, g->what_happened);
	}
	m_gap_dots_list_clear(&dots);
}

/* A digit: that many dots on the selected gap of this step, in today's workshop (made now when
 * the facilitator has not made it), which the case then belongs to. */
static void vote(struct app *a, const struct present_view *v, int digit)
{
	struct merr err = {0};
	size_t n = 0;
	gap_at(&a->journey, a->step_sel, 0, &n);
	if (n == 0) {
		snprintf(a->message, sizeof a->message, "%s", _("no gap at this step to vote on"));
		return;
	}
	const struct m_gap *g = gap_at(&a->journey, a->step_sel, v->gap_sel % n, NULL);
	m_id w = 0;
	if (store_workshop_today(a->store, true, &w, &err) != M_OK) {
		app_message(a, &err);
		return;
	}
	if (store_workshop_case_add(a->store, w, a->journey_case, &err) != M_OK &&
	    err.reason != MR_EXISTS) {
		app_message(a, &err);
		return;
	}
	if (store_vote_add(a->store, w, g->id, digit, &err) != M_OK)
		app_message(a, &err);
}

/* The dots last given to the selected gap in today's workshop taken back: a digit mistyped. */
static void unvote(struct app *a, const struct present_view *v)
{
	struct merr err = {0};
	size_t n = 0;
	gap_at(&a->journey, a->step_sel, 0, &n);
	if (n == 0) {
		app_note(a, "%s", _("no gap at this step to take dots back from"));
		return;
	}
	const struct m_gap *g = gap_at(&a->journey, a->step_sel, v->gap_sel % n, NULL);
	m_id w = 0;
	int dots = 0;
	if (store_workshop_today(a->store, false, &w, &err) != M_OK) {
		app_message(a, &err);
		return;
	}
	if (!w || store_vote_take_back(a->store, w, g->id, &dots, &err) != M_OK) {
		if (!w || err.reason == MR_NOT_FOUND)
			app_note(a, "%s", _("no dots on this gap in this workshop to take back"));
		else
			app_message(a, &err);
		return;
	}
	const struct m_category *cat = m_category_find(&a->categories, g->category_id);
	app_note(a,
	         ngettext("took back %d dot from '%s' (u on the journey gives it back)",
	                  "took back %d dots from '%s' (u on the journey gives them back)",
	                  (unsigned long)dots),
	         dots, cat ? cat->name : "?");
}

/* The step's card for the room: never the facilitator's note. */
static void build(struct app *a, const struct present_view *v, int width, struct block *b,
                  size_t *chosen)
{
	block_init(b, width);
	const struct m_step *st = &a->journey.steps[a->step_sel];
	char line[256];
	when_line(a, st, line, sizeof line);
	block_add(b, ROLE_NORMAL, NULL, ROLE_HEADING, line);
	block_add(b, ROLE_NORMAL, NULL, ROLE_TITLE, st->title);
	if (st->narrative && *st->narrative) {
		block_blank(b);
		block_add(b, ROLE_NORMAL, NULL, ROLE_NORMAL, st->narrative);
	}
	if (st->voice && *st->voice) {
		block_blank(b);
		char *q = xasprintf("“%s”", st->voice);
		block_add(b, ROLE_NORMAL, NULL, ROLE_VOICE, q);
		free(q);
	}
	/* The gaps before who acted: they are what the room is here for, and must be on the
	 * first screen of a small projector. */
	add_gaps(a, v, a->step_sel, b, chosen);
	add_who_acted(a, a->step_sel, b);
}

/* Where we are: the story as a line, walked so far, gaps marked, this step a dot. */
static void draw_timeline(const struct app *a, int y, int x, int w)
{
	const struct m_journey *j = &a->journey;
	size_t n = j->n_steps;
	if (w < 2 || n == 0)
		return;
#define POS(i) (n > 1 ? (int)((i) * (size_t)(w - 1) / (n - 1)) : 0)
	int here = POS(a->step_sel);
	for (int c = 0; c < w; c++)
		draw_text(y, x + c, 1, c <= here ? ROLE_HEADING : ROLE_DIM, c <= here ? "━" : "─");
	for (size_t g = 0; g < j->n_gaps; g++) {
		int i = story_step_index(j, j->gaps[g].step_id);
		if (i >= 0)
			draw_text(y, x + POS((size_t)i), 1, ROLE_GAP, "▲");
	}
	draw_text(y, x + here, 1, ROLE_HEADING, "●");
#undef POS
	char first[FT_BUFSZ] = "", last[FT_BUFSZ] = "";
	if (j->steps[0].time)
		ft_code_to_display(j->steps[0].time, first);
	if (j->steps[n - 1].time)
		ft_code_to_display(j->steps[n - 1].time, last);
	int lw = draw_width(last);
	draw_text(y + 1, x, w / 2, ROLE_DIM, first);
	if (lw < w / 2)
		draw_text(y + 1, x + w - lw, lw, ROLE_DIM, last);
}

/* The whole terminal is the room's: no top line, no hints. */
static void draw(struct app *a, struct screen *s, int top_line, int lines)
{
	(void)top_line;
	(void)lines;
	struct present_view *v = (struct present_view *)s;
	const struct m_journey *j = &a->journey;
	if (v->blank)
		return; /* the theme's background alone */
	int w = COLS - 4 > PRESENT_MAX_COLS ? PRESENT_MAX_COLS : COLS - 4;
	int x = (COLS - w) / 2;
	if (!a->journey_case || j->n_steps == 0) {
		const char *what = !a->journey_case && a->opt && a->opt->follow
		                       ? _("Waiting for the facilitator to open a journey…")
		                       : _("This journey has no steps yet.");
		draw_centered(LINES / 2, ROLE_DIM, a->message[0] ? a->message : what);
		return;
	}
	char head[160];
	snprintf(head, sizeof head, _("step %zu of %zu"), a->step_sel + 1, j->n_steps);
	int hw = draw_width(head);
	draw_text(0, x, w - hw - 2, ROLE_DIM, j->kase.code);
	draw_text(0, x + w - hw, hw, ROLE_HEADING, head);

	/* A blank line around the card where there is room: calmer, and easier to find. */
	bool roomy = LINES >= 24;
	int top = roomy ? 2 : 1;
	int rows = LINES - top - 2 - (roomy ? 1 : 0);
	struct block b;
	size_t chosen = 0;
	build(a, v, w, &b, &chosen);
	/* The step changed (followed, or chosen in the journey): its card from the top. */
	m_id step = j->steps[a->step_sel].id;
	if (step != v->card_step)
		v->card_scroll = 0;
	v->card_step = step;
	size_t max_scroll = b.n > (size_t)rows ? b.n - (size_t)rows + 1 : 0;
	/* After Tab or a vote, the gap the dots go to is brought into view. */
	if (v->reveal_gap && chosen > v->card_scroll + (size_t)rows - 1)
		v->card_scroll = chosen - (size_t)rows + 1;
	v->reveal_gap = false;
	if (v->card_scroll > max_scroll)
		v->card_scroll = max_scroll;
	bool more = b.n > v->card_scroll + (size_t)rows;
	block_draw(&b, top, x, more ? rows - 1 : rows, v->card_scroll);
	if (more)
		draw_text(top + rows - 1, x, w, ROLE_DIM, _("▼ more (Down)"));
	block_clear(&b);
	draw_timeline(a, LINES - 2, x, w);
	if (a->message[0])
		draw_line(LINES - 1, 0, COLS, ROLE_WARNING, a->message);
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	struct present_view *v = (struct present_view *)s;
	size_t n = a->journey.n_steps;
	switch (act) {
	case ACT_BLANK:
		v->blank = true;
		return CH_REDRAW;
	case ACT_NEXT:
		if (a->step_sel + 1 < n)
			a->step_sel++;
		break;
	case ACT_PREV:
		if (a->step_sel > 0)
			a->step_sel--;
		break;
	case ACT_FIRST:
		a->step_sel = 0;
		break;
	case ACT_LAST:
		a->step_sel = n ? n - 1 : 0;
		break;
	case ACT_SCROLL_UP:
		if (v->card_scroll > 0)
			v->card_scroll--;
		return CH_REDRAW;
	case ACT_VOTE:
		if (k >= '1' && k <= '9')
			vote(a, v, k - '0');
		v->reveal_gap = true;
		return CH_REDRAW;
	case ACT_UNVOTE:
		unvote(a, v);
		v->reveal_gap = true;
		return CH_REDRAW;
	case ACT_GAP_NEXT:
		v->gap_sel++;
		v->reveal_gap = true;
		return CH_REDRAW;
	case ACT_SCROLL_DOWN:
		v->card_scroll++; /* clamped when drawn */
		return CH_REDRAW;
	case ACT_BACK:
		/* mellan present ends here; from the journey or its lanes, back to it on the same
		 * step. */
		if (a->opt && (a->opt->present || a->opt->follow))
			return CH_QUIT;
		v->blank = false;
		return screen_pop(a);
	default:
		return CH_NONE;
	}
	v->card_scroll = 0;
	v->gap_sel = 0;
	return CH_REDRAW;
}

static void open(struct app *a, struct screen *s)
{
	(void)a;
	((struct present_view *)s)->card_scroll = 0;
}

bool present_blanked(const struct app *a)
{
	const struct screen *s = screen_top(a);
	return s->ops == &screen_present && ((const struct present_view *)s)->blank;
}

bool present_set_blank(struct app *a, bool blank)
{
	struct screen *s = screen_top(a);
	struct present_view *v = (struct present_view *)s;
	if (s->ops != &screen_present || v->blank == blank)
		return false;
	v->blank = blank;
	return true;
}

const struct screen_ops screen_present = {
    .id = SCR_PRESENT,
    .size = sizeof(struct present_view),
    .keep = true,
    .open = open,
    .draw = draw,
    .key = key,
};
