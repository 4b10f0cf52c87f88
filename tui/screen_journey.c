/* screen_journey.c - one case's journey, told one step at a time: the list of steps and the
 * selected step's card (time and age, title, narrative, factors, the young person's voice, the
 * interventions, hand-overs and gaps at that step, and the facilitator's note). Side by side on
 * wide terminals; on narrow ones a short strip of the list above the card, or the card alone. */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/step_index.h"
#include "core/store_edit.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where an intervention or a gap lies in the list: from step lo to step hi (lo -1: nowhere). */
struct span {
	long lo, hi;
};

struct journey_view {
	struct screen base;
	size_t top;         /* the first step of the list shown */
	size_t card_scroll; /* the first line of the card shown */
	m_id card_step;     /* the step card_scroll is of: another step starts at its top */
	int card_rows;      /* rows the card had at the last draw, for PgUp/PgDn */
	/* Worked out once for each load of the journey (app.journey_gen), not at every key, so a
	 * key costs the same on a journey of any length. */
	bool derived;
	unsigned gen;
	int time_w;                  /* the widest time in the list */
	struct span *iv_at, *gap_at; /* of each intervention and gap */
};

#define SEP " · "
#define ARROW " → "
#define NARROW_LIST_ROWS 5
/* The columns of a step's title the list keeps beside its time. */
#define LIST_TITLE_MIN 16

static void time_display(const char *code, char buf[FT_BUFSZ]);

/* The span [from, to] (to 0: from alone) as places in the list; an end before the start, or
 * missing, is the start alone. */
static struct span span_of(const struct step_index *ix, m_id from, m_id to)
{
	struct span sp = {step_index_find(ix, from), -1};
	sp.hi = to ? step_index_find(ix, to) : sp.lo;
	if (sp.hi < sp.lo)
		sp.hi = sp.lo;
	return sp;
}

static bool covers(struct span sp, size_t i)
{
	return sp.lo >= 0 && (long)i >= sp.lo && (long)i <= sp.hi;
}

static void derive(const struct app *a, struct journey_view *v)
{
	if (v->derived && v->gen == a->journey_gen)
		return;
	const struct m_journey *j = &a->journey;
	free(v->iv_at);
	free(v->gap_at);
	struct step_index ix = {0};
	step_index_build(&ix, j);
	v->iv_at = xcalloc(j->n_interventions + 1, sizeof *v->iv_at);
	for (size_t i = 0; i < j->n_interventions; i++)
		v->iv_at[i] =
		    span_of(&ix, j->interventions[i].step_from, j->interventions[i].step_to);
	v->gap_at = xcalloc(j->n_gaps + 1, sizeof *v->gap_at);
	for (size_t i = 0; i < j->n_gaps; i++)
		v->gap_at[i] = span_of(&ix, j->gaps[i].step_id, j->gaps[i].step_to);
	step_index_clear(&ix);
	char when[FT_BUFSZ];
	v->time_w = 0;
	for (size_t i = 0; i < j->n_steps; i++) {
		time_display(j->steps[i].time, when);
		int w = draw_width(when);
		v->time_w = w > v->time_w ? w : v->time_w;
	}
	v->derived = true;
	v->gen = a->journey_gen;
}

static void free_view(struct screen *s)
{
	struct journey_view *v = (struct journey_view *)s;
	free(v->iv_at);
	free(v->gap_at);
	v->iv_at = v->gap_at = NULL;
	v->derived = false;
}

static const char *actor_label(const struct app *a, m_id id, bool full)
{
	const struct m_actor *ac = m_actor_find(&a->actors, id);
	if (!ac)
		return "?";
	if (!full && ac->short_label && *ac->short_label)
		return ac->short_label;
	return ac->name;
}

static enum role actor_role(const struct app *a, m_id id)
{
	const struct m_actor *ac = m_actor_find(&a->actors, id);
	return ac ? theme_actor_role(ac->colour) : ROLE_NORMAL;
}

static void time_display(const char *code, char buf[FT_BUFSZ])
{
	if (!code || !*code) {
		buf[0] = '\0';
		return;
	}
	ft_code_to_display(code, buf);
}

static void add_when(const struct app *a, const struct m_step *st, struct block *b)
{
	char when[FT_BUFSZ], line[FT_BUFSZ + 64];
	time_display(st->time, when);
	if (!when[0])
		snprintf(when, sizeof when, "%s", _("time unknown"));
	struct fuzzy_time ft;
	struct merr err = {0};
	int lo, hi;
	/* A time given as an age already says it. */
	if (st->time && ft_parse(st->time, &ft, &err) == M_OK && ft.from.kind != FT_AGE &&
	    ft_age_span(&ft, a->journey.kase.birth_year, &lo, &hi)) {
		char age[48];
		if (lo == hi)
			snprintf(age, sizeof age, _("age %d"), lo);
		else
			snprintf(age, sizeof age, _("age %d–%d"), lo, hi);
		snprintf(line, sizeof line, "%s" SEP "%s", when, age);
	} else {
		snprintf(line, sizeof line, "%s", when);
	}
	block_add(b, ROLE_NORMAL, NULL, ROLE_HEADING, line);
}

static void add_factors(const struct m_step *st, struct block *b)
{
	static const struct {
		enum m_factor_kind kind;
		const char *head;
		const char *mark;
		enum role role;
	} groups[] = {
	    {FACTOR_RISK, N_("Risk factors"), "− ", ROLE_WARNING},
	    {FACTOR_PROTECTIVE, N_("Protective factors"), "+ ", ROLE_GOOD},
	};
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		bool head = false;
		for (size_t i = 0; i < st->n_factors; i++) {
			if (st->factors[i].kind != groups[g].kind)
				continue;
			if (!head) {
				block_blank(b);
				block_add(b, ROLE_NORMAL, NULL, ROLE_DIM, _(groups[g].head));
				head = true;
			}
			block_add(b, groups[g].role, groups[g].mark, ROLE_NORMAL,
			          st->factors[i].text);
		}
	}
}

static void add_interventions(const struct app *a, const struct journey_view *v, size_t sel,
                              struct block *b)
{
	const struct m_journey *j = &a->journey;
	bool head = false;
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		if (!covers(v->iv_at[i], sel))
			continue;
		if (!head) {
			block_blank(b);
			block_add(b, ROLE_NORMAL, NULL, ROLE_DIM, _("Interventions"));
			head = true;
		}
		char lead[96], who[200] = "", line[1024];
		const char *short_name = actor_label(a, iv->actor_id, false);
		const char *name = actor_label(a, iv->actor_id, true);
		snprintf(lead, sizeof lead, "%s ", short_name);
		/* The full name only when the short label does not already say it. */
		if (strcmp(short_name, name) != 0)
			snprintf(who, sizeof who, "%s" SEP, name);
		snprintf(line, sizeof line, "%s%s%s%s%s%s", who, m_iv_kind_label(iv->kind),
		         iv->what && *iv->what ? ": " : "", iv->what ? iv->what : "",
		         iv->outcome && *iv->outcome ? ARROW : "", iv->outcome ? iv->outcome : "");
		block_add(b, actor_role(a, iv->actor_id), lead,
		          iv->kind == IV_MADE ? ROLE_NORMAL : ROLE_WARNING, line);
	}
}

static void add_handovers(const struct app *a, const struct m_step *st, struct block *b)
{
	const struct m_journey *j = &a->journey;
	bool head = false;
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		if (h->step_id != st->id)
			continue;
		if (!head) {
			block_blank(b);
			block_add(b, ROLE_NORMAL, NULL, ROLE_DIM, _("Hand-overs"));
			head = true;
		}
		char lead[200], sent[FT_BUFSZ], recv[FT_BUFSZ], acted[FT_BUFSZ], line[600];
		snprintf(lead, sizeof lead, "%s" ARROW "%s ", actor_label(a, h->from_actor, false),
		         actor_label(a, h->to_actor, false));
		time_display(h->sent, sent);
		time_display(h->received, recv);
		time_display(h->acted, acted);
		char part_recv[FT_BUFSZ + 64], part_acted[FT_BUFSZ + 64];
		if (h->received)
			snprintf(part_recv, sizeof part_recv, _("received %s"), recv);
		else
			snprintf(part_recv, sizeof part_recv, "%s", _("never received"));
		if (h->acted)
			snprintf(part_acted, sizeof part_acted, _("acted on %s"), acted);
		else
			snprintf(part_acted, sizeof part_acted, "%s", _("never acted on"));
		char part_sent[FT_BUFSZ + 64];
		snprintf(part_sent, sizeof part_sent, _("sent %s"), sent[0] ? sent : "?");
		snprintf(line, sizeof line, "%s" SEP "%s" SEP "%s" SEP "%s",
		         m_ho_kind_label(h->kind), part_sent, part_recv, part_acted);
		block_add(b, ROLE_NORMAL, lead,
		          h->received && h->acted ? ROLE_NORMAL : ROLE_WARNING, line);
		if (h->note && *h->note)
			block_add(b, ROLE_NORMAL, "  ", ROLE_DIM, h->note);
	}
}

static void add_gaps(const struct app *a, const struct journey_view *v, size_t sel, struct block *b)
{
	const struct m_journey *j = &a->journey;
	bool head = false;
	for (size_t i = 0; i < j->n_gaps; i++) {
		const struct m_gap *g = &j->gaps[i];
		if (!covers(v->gap_at[i], sel))
			continue;
		if (!head) {
			block_blank(b);
			block_add(b, ROLE_NORMAL, NULL, ROLE_GAP, _("Fell between the chairs"));
			head = true;
		}
		const struct m_category *cat = m_category_find(&a->categories, g->category_id);
		char line[512];
		snprintf(line, sizeof line, _("%s (severity %d of 3)"), cat ? cat->name : "?",
		         g->severity);
		block_add(b, ROLE_GAP, "▲ ", ROLE_GAP, line);
		if (g->what_happened && *g->what_happened)
			block_add(b, ROLE_NORMAL, "  ", ROLE_NORMAL, g->what_happened);
		/* Two lists, as the report keeps them: who was involved, who could have acted. */
		static const struct {
			enum m_gap_actor_role role;
			const char *head;
		} lists[] = {
		    {GAR_INVOLVED, N_("Involved:")},
		    {GAR_COULD_HAVE_ACTED, N_("Could have acted:")},
		};
		for (size_t r = 0; r < sizeof lists / sizeof lists[0]; r++) {
			char actors[512] = "";
			size_t len = 0;
			for (size_t k = 0; k < g->n_actors && len < sizeof actors; k++) {
				if (g->actors[k].role != lists[r].role)
					continue;
				int w = snprintf(actors + len, sizeof actors - len, "%s%s",
				                 len ? ", " : "",
				                 actor_label(a, g->actors[k].actor_id, true));
				if (w < 0)
					break;
				len += (size_t)w;
			}
			if (!len)
				continue;
			char with[600];
			snprintf(with, sizeof with, "%s %s", _(lists[r].head), actors);
			block_add(b, ROLE_NORMAL, "  ", ROLE_DIM, with);
		}
	}
}

/* The selected step's card, wrapped to `width` columns. */
static void build_card(const struct app *a, const struct journey_view *v, int width,
                       struct block *b)
{
	block_init(b, width);
	const struct m_journey *j = &a->journey;
	if (a->step_sel >= j->n_steps) {
		block_add(b, ROLE_NORMAL, NULL, ROLE_DIM,
		          _("This journey has no steps yet: a adds the first."));
		return;
	}
	const struct m_step *st = &j->steps[a->step_sel];
	add_when(a, st, b);
	block_add(b, ROLE_NORMAL, NULL, ROLE_TITLE, st->title);
	char line[256];
	snprintf(line, sizeof line, "%s" SEP "%s", m_domain_label(st->domain),
	         m_certainty_label(st->certainty));
	block_add(b, ROLE_NORMAL, NULL, ROLE_DIM, line);
	if (st->narrative && *st->narrative) {
		block_blank(b);
		block_add(b, ROLE_NORMAL, NULL, ROLE_NORMAL, st->narrative);
	}
	add_factors(st, b);
	if (st->voice && *st->voice) {
		block_blank(b);
		size_t n = strlen(st->voice) + 16;
		char *q = xmalloc(n);
		snprintf(q, n, "“%s”", st->voice);
		block_add(b, ROLE_NORMAL, NULL, ROLE_VOICE, q);
		free(q);
	}
	add_interventions(a, v, a->step_sel, b);
	add_handovers(a, st, b);
	add_gaps(a, v, a->step_sel, b);
	if (st->note && *st->note) {
		block_blank(b);
		char lead[64];
		snprintf(lead, sizeof lead, "%s ", _("NOTE"));
		block_add(b, ROLE_NOTE, lead, ROLE_NOTE, st->note);
	}
}

void journey_title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)s;
	const struct m_journey *j = &a->journey;
	if (j->n_steps)
		snprintf(buf, n, _("%s — step %zu of %zu"), j->kase.code, a->step_sel + 1,
		         j->n_steps);
	else
		snprintf(buf, n, "%s", j->kase.code);
}

static void draw_list(struct app *a, struct journey_view *v, int y, int x, int cols, int rows)
{
	const struct m_journey *j = &a->journey;
	int tw = v->time_w;
	char when[FT_BUFSZ];
	/* The whole time where the pane allows it: "autumn term 2018" without its year says
	 * little. */
	int cap = cols - 4 - LIST_TITLE_MIN;
	cap = cap < cols * 2 / 5 ? cols * 2 / 5 : cap;
	tw = tw > cap ? cap : tw;
	/* Keep the selection away from the edges so the story around it stays in view. */
	size_t margin = rows > 4 ? 1 : 0;
	if (a->step_sel < v->top + margin)
		v->top = a->step_sel > margin ? a->step_sel - margin : 0;
	if (a->step_sel + margin >= v->top + (size_t)rows)
		v->top = a->step_sel + margin + 1 - (size_t)rows;
	if (v->top + (size_t)rows > j->n_steps)
		v->top = j->n_steps > (size_t)rows ? j->n_steps - (size_t)rows : 0;
	for (int r = 0; r < rows && v->top + (size_t)r < j->n_steps; r++) {
		size_t i = v->top + (size_t)r;
		enum role role = i == a->step_sel ? ROLE_SELECTED : ROLE_NORMAL;
		draw_line(y + r, x, cols, role, "");
		time_display(j->steps[i].time, when);
		draw_text(y + r, x + 1, tw, i == a->step_sel ? role : ROLE_DIM, when);
		draw_text(y + r, x + 1 + tw + 2, cols - tw - 4, role, j->steps[i].title);
	}
}

static void draw_card(struct app *a, struct journey_view *v, int y, int x, int cols, int rows)
{
	struct block b;
	build_card(a, v, cols, &b);
	/* The step changed (in the lanes, the presentation, a reload): its card from the top. */
	const struct m_step *st = app_selected_step(a);
	if (!st || st->id != v->card_step)
		v->card_scroll = 0;
	v->card_step = st ? st->id : 0;
	size_t max_scroll = b.n > (size_t)rows ? b.n - (size_t)rows : 0;
	if (v->card_scroll > max_scroll)
		v->card_scroll = max_scroll;
	v->card_rows = rows;
	bool more = v->card_scroll < max_scroll;
	block_draw(&b, y, x, more ? rows - 1 : rows, v->card_scroll);
	if (more) {
		char line[96];
		size_t below = b.n - v->card_scroll - (size_t)(rows - 1);
		snprintf(line, sizeof line,
		         ngettext("▼ %zu more line (PgDn)", "▼ %zu more lines (PgDn)", below),
		         below);
		draw_text(y + rows - 1, x, cols, ROLE_DIM, line);
	}
	block_clear(&b);
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	struct journey_view *v = (struct journey_view *)s;
	derive(a, v);
	if (COLS >= TUI_WIDE_COLS) {
		/* The pane as wide as its widest time and a readable piece of each title, within
		 * a share of the screen that leaves the card its room. */
		int list_w = 1 + v->time_w + 2 + LIST_TITLE_MIN + 1;
		int lo = COLS * 38 / 100 > 48 ? 48 : COLS * 38 / 100, hi = COLS * 45 / 100;
		list_w = list_w < lo ? lo : list_w > hi ? hi : list_w;
		draw_list(a, v, top, 0, list_w, rows);
		for (int r = 0; r < rows; r++)
			draw_text(top + r, list_w, 1, ROLE_DIM, "│");
		draw_card(a, v, top, list_w + 2, COLS - list_w - 3, rows);
	} else if (rows >= 16) {
		int list_rows = (int)a->journey.n_steps < NARROW_LIST_ROWS ? (int)a->journey.n_steps
		                                                           : NARROW_LIST_ROWS;
		draw_list(a, v, top, 0, COLS, list_rows);
		draw_rule(top + list_rows, 0, COLS, ROLE_DIM);
		draw_card(a, v, top + list_rows + 1, 1, COLS - 2, rows - list_rows - 1);
	} else {
		draw_card(a, v, top, 1, COLS - 2, rows);
	}
}

/* The facilitator's order among steps whose times leave it open. */
static unsigned move_step(struct app *a, int delta)
{
	const struct m_step *st = app_selected_step(a);
	struct merr err = {0};
	if (!st)
		return CH_NONE;
	if (store_step_move(a->store, st->id, delta, &err) != M_OK) {
		app_message(a, &err);
		return CH_REDRAW;
	}
	a->want_step = st->id;
	app_note(a, "%s", _("moved (u undoes it)"));
	return CH_RELOAD;
}

/* Something added at the selected step; a journey without steps says what to do first. */
static unsigned add_at_step(struct app *a, enum action act)
{
	if (!app_selected_step(a)) {
		app_note(a, "%s", _("add a step first (a)"));
		return CH_REDRAW;
	}
	switch (act) {
	case ACT_ADD_IV:
		form_intervention_open(a, NULL);
		break;
	case ACT_ADD_HO:
		form_handover_open(a, NULL);
		break;
	case ACT_ADD_GAP:
		form_gap_open(a, NULL);
		break;
	default:
		form_factor_open(a, NULL);
		break;
	}
	return CH_REDRAW;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct journey_view *v = (struct journey_view *)s;
	size_t n = a->journey.n_steps;
	size_t page = v->card_rows > 2 ? (size_t)v->card_rows - 2 : 1;
	switch (act) {
	case ACT_PREV:
		if (a->step_sel > 0)
			a->step_sel--;
		break;
	case ACT_NEXT:
		if (a->step_sel + 1 < n)
			a->step_sel++;
		break;
	case ACT_FIRST:
		a->step_sel = 0;
		break;
	case ACT_LAST:
		a->step_sel = n ? n - 1 : 0;
		break;
	case ACT_PAGE_UP:
		v->card_scroll = v->card_scroll > page ? v->card_scroll - page : 0;
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		v->card_scroll += page; /* clamped when drawn */
		return CH_REDRAW;
	case ACT_BACK:
		m_journey_clear(&a->journey);
		a->journey_case = 0;
		return screen_pop(a); /* to the cases, or the gaps it was opened from */
	case ACT_ADD:
		form_step_open(a, NULL);
		return CH_REDRAW;
	case ACT_ADD_IV:
	case ACT_ADD_HO:
	case ACT_ADD_GAP:
	case ACT_ADD_FACTOR:
		return add_at_step(a, act);
	case ACT_EDIT:
	case ACT_DELETE:
		return edit_step_parts(a, act == ACT_DELETE);
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		return move_step(a, act == ACT_MOVE_UP ? -1 : 1);
	default:
		return CH_NONE;
	}
	v->card_scroll = 0; /* a new step starts at the top of its card */
	return CH_REDRAW;
}

const struct screen_ops screen_journey = {
    .id = SCR_JOURNEY,
    .help_title = N_("Keys of the journey screen"),
    .size = sizeof(struct journey_view),
    .draw = draw,
    .key = key,
    .title = journey_title,
    .free = free_view,
};
