/* screen_gaps.c - the gaps across all cases: the recurring patterns of the gap analysis
 * (core/analysis.h), each followed by the steps behind it, with a filter by category, a filter
 * to open gaps only, and sorting by count, severity or votes. Enter on a step opens its journey
 * at that step; on a pattern, at its first step. Back from that journey comes back here. */
#include "private.h"

#include "core/analysis.h"
#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/load.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum gaps_sort { SORT_COUNT, SORT_SEVERITY, SORT_VOTES, SORT_N };

/* One line of the list: a pattern, or one of the gaps behind it. */
struct row {
	size_t pattern;
	long gap; /* index into an.gaps; -1 for the pattern's own line */
};

/* Kept between visits: its sort, filters and selection are there again when it next opens. */
struct gaps_view {
	struct screen base;
	struct analysis an;
	bool loaded;
	enum gaps_sort sort;
	size_t category; /* 0: all; else index + 1 into an.categories */
	bool open_only;
	struct row *rows;
	size_t n_rows, sel, top;
};

static bool gap_shown(const struct gaps_view *v, const struct an_gap *g)
{
	return !v->open_only || g->gap->status == GAP_OPEN;
}

static bool pattern_shown(const struct gaps_view *v, const struct an_pattern *p)
{
	if (v->category) {
		m_id want = v->an.categories.items[v->category - 1].id;
		bool has = false;
		for (size_t i = 0; i < p->n_features; i++)
			has |= p->features[i].kind == ANF_CATEGORY && p->features[i].id == want;
		if (!has)
			return false;
	}
	for (size_t k = 0; k < p->n_gaps; k++)
		if (gap_shown(v, &v->an.gaps[p->gaps[k]]))
			return true;
	return false;
}

static bool category_has_pattern(const struct gaps_view *v, size_t c)
{
	m_id id = v->an.categories.items[c].id;
	for (size_t i = 0; i < v->an.n_patterns; i++)
		for (size_t k = 0; k < v->an.patterns[i].n_features; k++)
			if (v->an.patterns[i].features[k].kind == ANF_CATEGORY &&
			    v->an.patterns[i].features[k].id == id)
				return true;
	return false;
}

/* A pattern to sort: its sort key taken out first, so the comparison needs nothing else. */
struct keyed {
	int key; /* larger first */
	size_t pattern;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	/* Then the analysis' own order: most cases, most gaps. */
	return a->pattern < b->pattern ? -1 : 1;
}

static int sort_key(const struct gaps_view *v, const struct an_pattern *p)
{
	return v->sort == SORT_SEVERITY ? p->severity_max : v->sort == SORT_VOTES ? p->votes : 0;
}

/* The list's lines for the current filters and sort, keeping the selection on the same line
 * when it is still there. */
static void build_rows(struct gaps_view *v)
{
	struct row keep = v->sel < v->n_rows ? v->rows[v->sel] : (struct row){0, -2};
	size_t np = v->an.n_patterns, n = 0;
	struct keyed *order = xcalloc(np + 1, sizeof *order);
	for (size_t i = 0; i < np; i++)
		if (pattern_shown(v, &v->an.patterns[i]))
			order[n++] = (struct keyed){sort_key(v, &v->an.patterns[i]), i};
	if (n)
		qsort(order, n, sizeof *order, cmp_keyed);
	free(v->rows);
	v->rows = NULL;
	v->n_rows = 0;
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct an_pattern *p = &v->an.patterns[order[i].pattern];
		for (long k = -1; k < (long)p->n_gaps; k++) {
			if (k >= 0 && !gap_shown(v, &v->an.gaps[p->gaps[k]]))
				continue;
			if (v->n_rows == cap) {
				cap = cap ? cap * 2 : 64;
				v->rows = xreallocarray(v->rows, cap, sizeof *v->rows);
			}
			v->rows[v->n_rows++] =
			    (struct row){order[i].pattern, k < 0 ? -1 : (long)p->gaps[k]};
		}
	}
	free(order);
	v->sel = 0;
	for (size_t i = 0; i < v->n_rows; i++)
		if (v->rows[i].pattern == keep.pattern && v->rows[i].gap == keep.gap)
			v->sel = i;
}

static void reload(struct app *a, struct screen *s)
{
	struct gaps_view *v = (struct gaps_view *)s;
	struct row keep = v->sel < v->n_rows ? v->rows[v->sel] : (struct row){0, -2};
	m_id cat = v->category ? v->an.categories.items[v->category - 1].id : 0;
	analysis_clear(&v->an);
	struct merr err = {0};
	struct an_input in;
	v->loaded = load_analysis(a->store, NULL, 0, NULL, NULL, &in, &err) == M_OK;
	if (v->loaded)
		analysis_run(&in, &v->an);
	else
		app_message(a, &err);
	/* The category filter follows the category, not its place in the list. */
	v->category = 0;
	for (size_t i = 0; cat && i < v->an.categories.n; i++)
		if (v->an.categories.items[i].id == cat)
			v->category = i + 1;
	build_rows(v);
	for (size_t i = 0; i < v->n_rows; i++)
		if (v->rows[i].pattern == keep.pattern && v->rows[i].gap == keep.gap)
			v->sel = i;
}

static void free_view(struct screen *s)
{
	struct gaps_view *v = (struct gaps_view *)s;
	analysis_clear(&v->an);
	free(v->rows);
}

static const char *sort_label(enum gaps_sort s)
{
	return s == SORT_SEVERITY ? _("severity") : s == SORT_VOTES ? _("votes") : _("count");
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	const struct gaps_view *v = (const struct gaps_view *)s;
	size_t shown = 0;
	for (size_t i = 0; i < v->n_rows; i++)
		shown += v->rows[i].gap < 0;
	snprintf(buf, n, _("Recurring gaps across the cases (%zu)"), shown);
}

/* "3 gaps in 3 cases · severity 2 · 0 votes": with "open gaps only" the counts are of the gaps
 * shown. */
static void pattern_counts(const struct gaps_view *v, const struct an_pattern *p, char *buf,
                           size_t n)
{
	size_t gaps = 0;
	int cases = 0;
	const struct an_gap *prev = NULL;
	for (size_t k = 0; k < p->n_gaps; k++) {
		const struct an_gap *g = &v->an.gaps[p->gaps[k]];
		if (!gap_shown(v, g))
			continue;
		gaps++;
		cases += !prev || prev->case_index != g->case_index;
		prev = g;
	}
	char g_part[32], c_part[32];
	snprintf(g_part, sizeof g_part, ngettext("%zu gap", "%zu gaps", gaps), gaps);
	snprintf(c_part, sizeof c_part, ngettext("in %d case", "in %d cases", (unsigned long)cases),
	         cases);
	snprintf(buf, n, _("%s %s · severity %d · %d votes"), g_part, c_part, p->severity_max,
	         p->votes);
}

/* The columns of the same prefix two names share. */
static int shared_width(const char *a, const char *b)
{
	size_t k = 0;
	while (a[k] && a[k] == b[k])
		k++;
	while (k > 0 && ((unsigned char)a[k] & 0xC0) == 0x80)
		k--; /* not inside a character */
	char *head = xstrndup(a, k);
	int w = draw_width(head);
	free(head);
	return w;
}

/* The columns of a pattern's name that keep it readable when the counts want the room. */
#define NAME_READABLE 30

/* The column of the patterns' names: as wide as the widest name shown, so the counts stand
 * beside the names, where the counts then still fit whole; else what leaves room for "3 gaps in
 * 3 cases", but never so narrow that two names cut look the same. */
static int name_width(const struct gaps_view *v)
{
	int widest = 0, tell_apart = 0, counts_min = 0, counts_all = 0;
	for (size_t i = 0; i < v->n_rows; i++) {
		if (v->rows[i].gap >= 0)
			continue;
		const struct an_pattern *p = &v->an.patterns[v->rows[i].pattern];
		int w = draw_width(p->label);
		widest = w > widest ? w : widest;
		char counts[160];
		pattern_counts(v, p, counts, sizeof counts);
		int cw = draw_width(counts);
		counts_all = cw > counts_all ? cw : counts_all;
		const char *dot = strstr(counts, " · ");
		if (dot) {
			char *first = xstrndup(counts, (size_t)(dot - counts));
			cw = draw_width(first);
			free(first);
		}
		counts_min = cw > counts_min ? cw : counts_min;
	}
	/* A name cut where it still differs from every other name, its "…" after that. */
	for (size_t i = 0; i < v->n_rows; i++) {
		if (v->rows[i].gap >= 0)
			continue;
		const char *a = v->an.patterns[v->rows[i].pattern].label;
		for (size_t k = i + 1; k < v->n_rows; k++) {
			if (v->rows[k].gap >= 0)
				continue;
			const char *b = v->an.patterns[v->rows[k].pattern].label;
			int need = shared_width(a, b) + 2;
			int wa = draw_width(a), wb = draw_width(b);
			int longest = wa > wb ? wa : wb;
			need = need > longest ? longest : need;
			tell_apart = need > tell_apart ? need : tell_apart;
		}
	}
	/* The counts start two columns after the name and keep a column at the right edge: all
	 * of them where the names keep a readable width, else the first whole, then " …". */
	int room = COLS - 4 - counts_all;
	if (room < tell_apart || room < (widest < NAME_READABLE ? widest : NAME_READABLE))
		room = COLS - 4 - counts_min - 2;
	int w = widest < room ? widest : room;
	if (w < tell_apart)
		w = tell_apart < COLS - 4 ? tell_apart : COLS - 4;
	return w < 1 ? 1 : w;
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct gaps_view *v = (struct gaps_view *)s;
	if (!v->loaded)
		return;
	char line[512];
	const char *cat =
	    v->category ? v->an.categories.items[v->category - 1].name : _("all categories");
	snprintf(line, sizeof line, _("%s · %s · sorted by %s"), cat,
	         v->open_only ? _("open gaps only") : _("every status"), sort_label(v->sort));
	draw_line(top, 0, COLS, ROLE_DIM, line);
	if (v->n_rows == 0) {
		draw_centered(top + rows / 2, ROLE_DIM,
		              v->an.n_patterns ? _("No pattern matches the filters.")
		                               : _("No gap recurs in two or more cases."));
		return;
	}
	int list_rows = rows - 1;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)list_rows)
		v->top = v->sel - (size_t)list_rows + 1;
	int name_w = name_width(v);
	for (int r = 0; r < list_rows && v->top + (size_t)r < v->n_rows; r++) {
		size_t i = v->top + (size_t)r;
		const struct row *w = &v->rows[i];
		const struct an_pattern *p = &v->an.patterns[w->pattern];
		bool sel = i == v->sel;
		int y = top + 1 + r;
		if (w->gap < 0) {
			char counts[160];
			pattern_counts(v, p, counts, sizeof counts);
			draw_line(y, 0, COLS, sel ? ROLE_SELECTED : ROLE_HEADING, "");
			draw_text(y, 1, name_w, sel ? ROLE_SELECTED : ROLE_HEADING, p->label);
			/* Beside the name, not at the screen's edge; cut, not the name, when narrow. */
			int cx = 1 + name_w + 2;
			draw_text(y, cx, COLS - cx - 1, sel ? ROLE_SELECTED : ROLE_DIM, counts);
			continue;
		}
		const struct an_gap *g = &v->an.gaps[w->gap];
		char when[FT_BUFSZ];
		ft_code_to_display(g->step ? g->step->time : NULL, when);
		snprintf(line, sizeof line, "%s · %s · %s%s%s", g->journey->kase.code, when,
		         g->step ? g->step->title : "", g->gap->status == GAP_OPEN ? "" : " · ",
		         g->gap->status == GAP_OPEN ? "" : m_gap_status_label(g->gap->status));
		draw_line(y, 0, COLS, sel ? ROLE_SELECTED : ROLE_NORMAL, "");
		draw_text(y, 4, COLS - 5, sel ? ROLE_SELECTED : ROLE_NORMAL, line);
	}
}

/* Opens the journey of the selected line at its step. */
static void open_step(struct app *a, const struct gaps_view *v)
{
	const struct row *w = &v->rows[v->sel];
	const struct an_pattern *p = &v->an.patterns[w->pattern];
	long gi = w->gap >= 0 ? w->gap : (long)p->gaps[0];
	if (w->gap < 0) /* a pattern: its first gap the filters show */
		for (size_t k = 0; k < p->n_gaps; k++)
			if (gap_shown(v, &v->an.gaps[p->gaps[k]])) {
				gi = (long)p->gaps[k];
				break;
			}
	const struct an_gap *g = &v->an.gaps[gi];
	m_id step = g->step ? g->step->id : 0;
	/* Over the gaps, so q comes back here. */
	app_open_journey_over(a, g->journey->kase.id);
	if (a->journey_case != g->journey->kase.id)
		return;
	for (size_t i = 0; i < a->journey.n_steps; i++)
		if (a->journey.steps[i].id == step)
			a->step_sel = i;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct gaps_view *v = (struct gaps_view *)s;
	size_t n = v->n_rows;
	int page = LINES - 4 > 1 ? LINES - 4 : 1;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (v->sel + 1 < n)
			v->sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		v->sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		v->sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_PAGE_UP:
		v->sel = v->sel > (size_t)page ? v->sel - (size_t)page : 0;
		return CH_REDRAW;
	case ACT_PAGE_DOWN:
		v->sel = v->sel + (size_t)page < n ? v->sel + (size_t)page : (n ? n - 1 : 0);
		return CH_REDRAW;
	case ACT_SORT:
		v->sort = (v->sort + 1) % SORT_N;
		build_rows(v);
		return CH_REDRAW;
	case ACT_FILTER:
		/* Only the categories that have a pattern: the others would show nothing. */
		do {
			v->category = (v->category + 1) % (v->an.categories.n + 1);
		} while (v->category && !category_has_pattern(v, v->category - 1));
		build_rows(v);
		return CH_REDRAW;
	case ACT_OPEN_ONLY:
		v->open_only = !v->open_only;
		build_rows(v);
		return CH_REDRAW;
	case ACT_OPEN:
		if (v->sel < n)
			open_step(a, v);
		return CH_REDRAW;
	case ACT_BACK:
		return screen_pop(a);
	default:
		return CH_NONE;
	}
}

const struct screen_ops screen_gaps = {
    .id = SCR_GAPS,
    .help_title = N_("Keys of the gaps screen"),
    .size = sizeof(struct gaps_view),
    .keep = true,
    .open = reload, /* analysed again each time it opens */
    .reload = reload,
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
