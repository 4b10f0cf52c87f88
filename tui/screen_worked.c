/* screen_worked.c - what worked across all cases, beside the gaps screen: the patterns of what
 * helped (core/worked.h), each followed by the interventions behind it; the lasting adults; what
 * helped by actor and by theme; the protective factors and who was there. Enter on an
 * intervention opens its journey at its step; on a pattern, at its first; on a lasting adult,
 * where its span begins. Back from that journey comes back here. */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/load.h"
#include "core/worked.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of line in the list; headings are not selected. */
enum kind { K_HEAD, K_PATTERN, K_HELP, K_ADULT, K_ACTOR, K_THEME, K_FACTOR };

struct row {
	enum kind kind;
	size_t i;         /* into worked.patterns, helps, adults, factors or a table's rows */
	const char *head; /* K_HEAD: its words, already translated */
};

struct worked_view {
	struct screen base;
	struct analysis an;
	struct worked w;
	bool loaded;
	struct row *rows;
	size_t n_rows, cap, sel, top;
};

static void add(struct worked_view *v, enum kind k, size_t i, const char *head)
{
	if (v->n_rows == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->rows = xreallocarray(v->rows, v->cap, sizeof *v->rows);
	}
	v->rows[v->n_rows++] = (struct row){k, i, head};
}

static void build_rows(struct worked_view *v)
{
	const struct worked *w = &v->w;
	v->n_rows = 0;
	add(v, K_HEAD, 0, _("Patterns of what worked"));
	for (size_t p = 0; p < w->n_patterns; p++) {
		add(v, K_PATTERN, p, NULL);
		for (size_t k = 0; k < w->patterns[p].n_helps; k++)
			add(v, K_HELP, w->patterns[p].helps[k], NULL);
	}
	add(v, K_HEAD, 0, _("Lasting adults"));
	for (size_t i = 0; i < w->n_adults; i++)
		add(v, K_ADULT, i, NULL);
	add(v, K_HEAD, 0, wk_dim_label(WK_ACTOR));
	for (size_t i = 0; i < w->tables[WK_ACTOR].n; i++)
		add(v, K_ACTOR, i, NULL);
	add(v, K_HEAD, 0, wk_dim_label(WK_THEME));
	for (size_t i = 0; i < w->tables[WK_THEME].n; i++)
		add(v, K_THEME, i, NULL);
	add(v, K_HEAD, 0, _("Protective factors and who was there"));
	for (size_t i = 0; i < w->n_factors; i++)
		add(v, K_FACTOR, i, NULL);
}

/* The selection on a line that is not a heading: the next one in direction dir (+1 or -1) from
 * `from`, or where it was when there is none that way. */
static void select_from(struct worked_view *v, long from, int dir)
{
	for (long i = from; i >= 0 && i < (long)v->n_rows; i += dir)
		if (v->rows[i].kind != K_HEAD) {
			v->sel = (size_t)i;
			return;
		}
}

static void reload(struct app *a, struct screen *s)
{
	struct worked_view *v = (struct worked_view *)s;
	size_t keep = v->sel;
	worked_clear(&v->w);
	analysis_clear(&v->an);
	struct merr err = {0};
	struct an_input in;
	v->loaded = load_analysis(a->store, NULL, 0, NULL, NULL, &in, &err) == M_OK;
	if (v->loaded) {
		analysis_run(&in, &v->an);
		worked_run(&v->an, &v->w);
	} else {
		app_message(a, &err);
	}
	build_rows(v);
	v->sel = keep < v->n_rows ? keep : 0;
	select_from(v, (long)v->sel, 1);
	select_from(v, (long)v->sel, -1);
}

static void free_view(struct screen *s)
{
	struct worked_view *v = (struct worked_view *)s;
	worked_clear(&v->w);
	analysis_clear(&v->an);
	free(v->rows);
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	const struct worked_view *v = (const struct worked_view *)s;
	snprintf(buf, n, _("What worked across the cases (%zu)"), v->w.n_patterns);
}

/* "3 interventions in 2 cases · 1 helped a lot" */
static void counts(char *buf, size_t n, size_t helped, int cases, int strong)
{
	char h[48], c[48];
	snprintf(h, sizeof h, ngettext("%zu intervention", "%zu interventions", helped), helped);
	snprintf(c, sizeof c, ngettext("in %d case", "in %d cases", (unsigned long)cases), cases);
	snprintf(buf, n, _("%s %s · %d helped a lot"), h, c, strong);
}

/* A line with words on the left and counts on the right, the counts dropped when narrow. */
static void two_sided(int y, int indent, bool sel, enum role left_role, const char *left,
                      const char *right)
{
	enum role r = sel ? ROLE_SELECTED : left_role;
	draw_line(y, 0, COLS, r, "");
	int cw = draw_width(right) + 1;
	int lw = COLS - cw - indent - 1 > 10 ? COLS - cw - indent - 1 : COLS - indent - 1;
	draw_text(y, indent, lw, r, left);
	if (lw < COLS - indent - 1)
		draw_text(y, COLS - cw, cw, sel ? ROLE_SELECTED : ROLE_DIM, right);
}

static const char *when(const struct m_step *st, char buf[FT_BUFSZ])
{
	ft_code_to_display(st ? st->time : NULL, buf);
	return buf;
}

static void draw_row(struct worked_view *v, const struct row *w, int y, bool sel)
{
	const struct worked *wk = &v->w;
	char line[512], right[160], t1[FT_BUFSZ], t2[FT_BUFSZ];
	switch (w->kind) {
	case K_HEAD:
		draw_line(y, 0, COLS, ROLE_TITLE, w->head);
		return;
	case K_PATTERN: {
		const struct wk_pattern *p = &wk->patterns[w->i];
		counts(right, sizeof right, p->n_helps, p->cases, p->strong);
		two_sided(y, 1, sel, ROLE_HEADING, p->label, right);
		return;
	}
	case K_HELP: {
		const struct wk_help *h = &wk->helps[w->i];
		snprintf(line, sizeof line, "%s · %s · %s · %s", h->journey->kase.code,
		         when(h->step, t1), h->actor ? h->actor->name : "?",
		         h->iv->what ? h->iv->what : "");
		draw_line(y, 0, COLS, sel ? ROLE_SELECTED : ROLE_NORMAL, "");
		draw_text(y, 4, COLS - 5, sel ? ROLE_SELECTED : ROLE_NORMAL, line);
		return;
	}
	case K_ADULT: {
		const struct wk_adult *ad = &wk->adults[w->i];
		snprintf(line, sizeof line, "%s · %s", v->an.journeys[ad->case_index].kase.code,
		         v->an.actors.items[ad->actor].name);
		snprintf(
		    right, sizeof right,
		    ngettext("%s – %s · %d year", "%s – %s · %d years", (unsigned long)ad->years),
		    when(ad->first, t1), when(ad->last, t2), ad->years);
		two_sided(y, 1, sel, ROLE_NORMAL, line, right);
		return;
	}
	case K_ACTOR:
	case K_THEME: {
		const struct wk_row *r =
		    &wk->tables[w->kind == K_ACTOR ? WK_ACTOR : WK_THEME].rows[w->i];
		counts(right, sizeof right, (size_t)r->helped, r->cases, r->strong);
		two_sided(y, 1, sel, ROLE_NORMAL, r->label, right);
		return;
	}
	case K_FACTOR: {
		const struct wk_factor *f = &wk->factors[w->i];
		size_t at = (size_t)snprintf(line, sizeof line, "%s:", f->label);
		for (size_t k = 0; k < f->n_actors && at < sizeof line; k++)
			at += (size_t)snprintf(line + at, sizeof line - at, "%s %s", k ? "," : "",
			                       v->an.actors.items[f->actors[k].actor].name);
		if (!f->n_actors && at < sizeof line)
			snprintf(line + at, sizeof line - at, " %s", _("no one there"));
		snprintf(right, sizeof right,
		         ngettext("%d step", "%d steps", (unsigned long)f->steps), f->steps);
		two_sided(y, 1, sel, ROLE_NORMAL, line, right);
		return;
	}
	}
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct worked_view *v = (struct worked_view *)s;
	if (!v->loaded)
		return;
	if (v->w.n_helps == 0) {
		draw_centered(top + rows / 2, ROLE_DIM,
		              _("No intervention is judged to have helped yet."));
		return;
	}
	if (v->sel < v->top)
		v->top = v->sel;
	/* A heading just above the selection shows with it. */
	if (v->top == v->sel && v->top > 0 && v->rows[v->top - 1].kind == K_HEAD)
		v->top--;
	if (v->sel >= v->top + (size_t)rows)
		v->top = v->sel - (size_t)rows + 1;
	for (int r = 0; r < rows && v->top + (size_t)r < v->n_rows; r++) {
		size_t i = v->top + (size_t)r;
		draw_row(v, &v->rows[i], top + r, i == v->sel);
	}
}

/* Opens the journey of a case at one of its steps, over this screen. */
static void open_at(struct app *a, const struct m_journey *j, const struct m_step *st)
{
	m_id step = st ? st->id : 0;
	app_open_journey_over(a, j->kase.id);
	if (a->journey_case != j->kase.id)
		return;
	for (size_t i = 0; i < a->journey.n_steps; i++)
		if (a->journey.steps[i].id == step)
			a->step_sel = i;
}

static void open_selected(struct app *a, const struct worked_view *v)
{
	const struct row *w = &v->rows[v->sel];
	const struct wk_help *h = NULL;
	if (w->kind == K_HELP)
		h = &v->w.helps[w->i];
	else if (w->kind == K_PATTERN)
		h = &v->w.helps[v->w.patterns[w->i].helps[0]];
	if (h) {
		open_at(a, h->journey, h->step);
	} else if (w->kind == K_ADULT) {
		const struct wk_adult *ad = &v->w.adults[w->i];
		open_at(a, &v->an.journeys[ad->case_index], ad->first);
	}
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct worked_view *v = (struct worked_view *)s;
	long n = (long)v->n_rows, sel = (long)v->sel;
	long page = LINES - 4 > 1 ? LINES - 4 : 1;
	switch (act) {
	case ACT_PREV:
		select_from(v, sel - 1, -1);
		return CH_REDRAW;
	case ACT_NEXT:
		select_from(v, sel + 1, 1);
		return CH_REDRAW;
	case ACT_FIRST:
		select_from(v, 0, 1);
		return CH_REDRAW;
	case ACT_LAST:
		select_from(v, n - 1, -1);
		return CH_REDRAW;
	case ACT_PAGE_UP:
		select_from(v, sel > page ? sel - page : 0, 1);
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		select_from(v, sel + page < n ? sel + page : n - 1, -1);
		return CH_REDRAW;
	case ACT_OPEN:
		if (v->sel < v->n_rows && v->w.n_helps)
			open_selected(a, v);
		return CH_REDRAW;
	case ACT_BACK:
		return screen_pop(a);
	default:
		return CH_NONE;
	}
}

const struct screen_ops screen_worked = {
    .id = SCR_WORKED,
    .help_title = N_("Keys of the what worked screen"),
    .size = sizeof(struct worked_view),
    .keep = true,
    .open = reload, /* analysed again each time it opens */
    .reload = reload,
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
