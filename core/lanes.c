/* lanes.c - the layout of the lanes view (lanes.h): which actors get a lane, where each step,
 * intervention, hand-over, gap, age threshold and silence falls in columns, by step or to true
 * scale. Pure computation on a loaded journey; the screen only draws it. */
#include "lanes.h"

#include "fuzzytime.h"
#include "story.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns per step by step; days per column to scale. From the closest view to the widest. */
static const int step_cells[LANES_ZOOMS] = {8, 6, 4, 3, 2, 1};
static const int day_units[LANES_ZOOMS] = {7, 14, 30, 61, 122, 365};

const char *lanes_kind_mark(enum m_intervention_kind k)
{
	static const char *const marks[IV_KIND_COUNT] = {
	    [IV_MADE] = "█",    [IV_POSSIBLE] = "╌", [IV_DECLINED] = "▒",
	    [IV_REFUSED] = "✕", [IV_WAITING] = "░",
	};
	return (int)k >= 0 && k < IV_KIND_COUNT ? marks[k] : "?";
}

static int clamp_zoom(int zoom)
{
	return zoom < 0 ? 0 : zoom >= LANES_ZOOMS ? LANES_ZOOMS - 1 : zoom;
}

int lanes_zoom_unit(enum lanes_scale scale, int zoom)
{
	zoom = clamp_zoom(zoom);
	return scale == LANES_BY_STEP ? step_cells[zoom] : day_units[zoom];
}

/* The first and last day a fuzzy-time code covers, given the case's birth year. */
static bool code_days(const char *code, int birth_year, long *from, long *to)
{
	struct fuzzy_time ft;
	struct merr err = {0};
	char a[11], b[11];
	if (!code || !*code || ft_parse(code, &ft, &err) != M_OK || !ft_span(&ft, birth_year, a, b))
		return false;
	return ft_iso_day(a, from) && ft_iso_day(b, to);
}

/* Where each step sits. */
static void place_steps(const struct m_journey *j, enum lanes_scale scale, int zoom, int *from,
                        int *to, int *width, long *origin, int *unit)
{
	int u = lanes_zoom_unit(scale, zoom);
	*unit = u;
	*origin = 0;
	*width = 0;
	if (scale == LANES_BY_STEP) {
		for (size_t i = 0; i < j->n_steps; i++) {
			from[i] = (int)i * u;
			to[i] = from[i] + u - 1;
		}
		*width = (int)j->n_steps * u;
		return;
	}
	bool have_origin = false;
	for (size_t i = 0; i < j->n_steps && !have_origin; i++)
		have_origin = ft_iso_day(j->steps[i].sort_from, origin);
	int prev = 0;
	for (size_t i = 0; i < j->n_steps; i++) {
		long a, b;
		if (have_origin && ft_iso_day(j->steps[i].sort_from, &a)) {
			if (!ft_iso_day(j->steps[i].sort_to, &b) || b < a)
				b = a;
			from[i] = (int)((a - *origin) / u);
			to[i] = (int)((b - *origin) / u);
		} else {
			/* No date: where the story puts it, at the step before. */
			from[i] = to[i] = prev;
		}
		if (from[i] < 0)
			from[i] = 0;
		if (to[i] < from[i])
			to[i] = from[i];
		prev = to[i];
		if (to[i] + 1 > *width)
			*width = to[i] + 1;
	}
}

int lanes_fit_zoom(const struct m_journey *j, enum lanes_scale scale, int cols)
{
	size_t n = j->n_steps ? j->n_steps : 1;
	int *from = xcalloc(n, sizeof *from), *to = xcalloc(n, sizeof *to);
	int zoom = LANES_ZOOMS - 1;
	for (int z = 0; z < LANES_ZOOMS; z++) {
		int width, unit;
		long origin;
		place_steps(j, scale, z, from, to, &width, &origin, &unit);
		if (width <= cols) {
			zoom = z;
			break;
		}
	}
	free(from);
	free(to);
	return zoom;
}

int lanes_date_col(const struct lanes_layout *l, const char *iso)
{
	long day;
	if (!ft_iso_day(iso, &day))
		return -1;
	if (l->scale == LANES_BY_TIME)
		return day < l->origin ? 0 : (int)((day - l->origin) / l->unit);
	return -1;
}

static int row_of(const struct lanes_layout *l, m_id actor)
{
	for (size_t r = 0; r < l->n_rows; r++)
		if (l->rows[r].actor_id == actor)
			return (int)r;
	return -1;
}

static bool involved(const struct m_journey *j, m_id actor)
{
	for (size_t i = 0; i < j->n_interventions; i++)
		if (j->interventions[i].actor_id == actor)
			return true;
	for (size_t i = 0; i < j->n_handovers; i++)
		if (j->handovers[i].from_actor == actor || j->handovers[i].to_actor == actor)
			return true;
	for (size_t i = 0; i < j->n_gaps; i++)
		for (size_t k = 0; k < j->gaps[i].n_actors; k++)
			if (j->gaps[i].actors[k].actor_id == actor)
				return true;
	return false;
}

/* Lanes in the catalogue's order, which is by sector. */
static void make_rows(const struct m_journey *j, const struct m_actor_list *actors,
                      struct lanes_layout *l)
{
	l->rows = xcalloc(actors->n ? actors->n : 1, sizeof *l->rows);
	for (size_t i = 0; i < actors->n; i++) {
		const struct m_actor *a = &actors->items[i];
		if (!involved(j, a->id))
			continue;
		struct lanes_row *r = &l->rows[l->n_rows];
		r->actor_id = a->id;
		r->sector = a->sector;
		r->sector_first = l->n_rows == 0 || l->rows[l->n_rows - 1].sector != a->sector;
		l->n_rows++;
	}
}

/* Columns of the steps from..to (to 0: from alone); false when from is not in the journey. */
static bool step_cols(const struct m_journey *j, const struct lanes_layout *l, m_id from_id,
                      m_id to_id, int *from, int *to)
{
	int a = story_step_index(j, from_id);
	int b = to_id ? story_step_index(j, to_id) : a;
	if (a < 0)
		return false;
	if (b < a)
		b = a;
	*from = l->step_from[a];
	*to = l->step_to[b];
	return true;
}

/* A fuzzy time's first (or last) column to scale; -1 when it places no day. */
static int code_col(const struct lanes_layout *l, const char *code, int birth_year, bool last)
{
	long a, b;
	if (l->scale != LANES_BY_TIME || !code_days(code, birth_year, &a, &b))
		return -1;
	long d = last ? b : a;
	return d < l->origin ? 0 : (int)((d - l->origin) / l->unit);
}

static void make_bars(const struct m_journey *j, struct lanes_layout *l)
{
	int by = j->kase.birth_year;
	l->bars = xcalloc(j->n_interventions ? j->n_interventions : 1, sizeof *l->bars);
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		int row = row_of(l, iv->actor_id), from, to;
		if (row < 0 || !step_cols(j, l, iv->step_from, iv->step_to, &from, &to))
			continue;
		/* To scale, the intervention's own times say how long it lasted. */
		int s = code_col(l, iv->start, by, false), e = -1;
		if (iv->end && *iv->end)
			e = code_col(l, iv->end, by, true);
		else if (!iv->step_to)
			e = code_col(l, iv->start, by, true); /* "2016-SU": the whole summer */
		if (s >= 0)
			from = s;
		if (e >= 0)
			to = e;
		if (to < from)
			to = from;
		struct lanes_bar *b = &l->bars[l->n_bars++];
		b->intervention_id = iv->id;
		b->row = (size_t)row;
		b->kind = iv->kind;
		b->from = from;
		b->to = to;
	}
}

static void make_handovers(const struct m_journey *j, struct lanes_layout *l)
{
	int by = j->kase.birth_year;
	l->handovers = xcalloc(j->n_handovers ? j->n_handovers : 1, sizeof *l->handovers);
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		int fr = row_of(l, h->from_actor), tr = row_of(l, h->to_actor), from, to;
		if (fr < 0 || tr < 0 || !step_cols(j, l, h->step_id, 0, &from, &to))
			continue;
		struct lanes_handover *o = &l->handovers[l->n_handovers++];
		o->handover_id = h->id;
		o->from_row = (size_t)fr;
		o->to_row = (size_t)tr;
		int sent = code_col(l, h->sent, by, false);
		o->sent = sent >= 0 ? sent : from;
		o->received = -1;
		if (h->received) {
			int rc = code_col(l, h->received, by, false);
			o->received = rc >= o->sent ? rc : o->sent;
		}
		o->broken = !h->received || !h->acted;
	}
}

static void make_gaps(const struct m_journey *j, struct lanes_layout *l)
{
	l->gaps = xcalloc(j->n_gaps ? j->n_gaps : 1, sizeof *l->gaps);
	for (size_t i = 0; i < j->n_gaps; i++) {
		const struct m_gap *g = &j->gaps[i];
		int from, to;
		if (!step_cols(j, l, g->step_id, g->step_to, &from, &to))
			continue;
		struct lanes_gap *o = &l->gaps[l->n_gaps++];
		o->gap_id = g->id;
		o->from = from;
		o->to = to;
		o->severity = g->severity;
	}
}

/* The youngest age a step's time allows, -1 when unknown. */
static int step_age(const struct m_journey *j, size_t i)
{
	struct fuzzy_time ft;
	struct merr err = {0};
	int lo, hi;
	const char *t = j->steps[i].time;
	if (!t || !*t || ft_parse(t, &ft, &err) != M_OK ||
	    !ft_age_span(&ft, j->kase.birth_year, &lo, &hi))
		return -1;
	return lo;
}

/* A rule where the journey first reaches each threshold age, when it is younger before. */
static void make_rules(const struct m_journey *j, const struct m_threshold_list *th,
                       struct lanes_layout *l)
{
	size_t n = th ? th->n : 0;
	l->rules = xcalloc(n ? n : 1, sizeof *l->rules);
	for (size_t t = 0; t < n; t++) {
		int age = th->items[t].age;
		bool dup = false;
		for (size_t k = 0; k < l->n_rules && !dup; k++)
			dup = l->rules[k].age == age;
		if (dup)
			continue;
		bool younger = false;
		for (size_t i = 0; i < j->n_steps; i++) {
			int a = step_age(j, i);
			if (a < 0)
				continue;
			if (a < age) {
				younger = true;
				continue;
			}
			if (!younger)
				break; /* the journey starts past this age */
			int col = l->step_from[i];
			if (l->scale == LANES_BY_TIME && j->kase.birth_year > 0) {
				/* The birthday is not known: the middle of the year it falls in. */
				long d = ft_civil_days(j->kase.birth_year + age, 7, 1);
				int c = d < l->origin ? 0 : (int)((d - l->origin) / l->unit);
				col = c < l->width ? c : col;
			}
			l->rules[l->n_rules].col = col;
			l->rules[l->n_rules].age = age;
			l->n_rules++;
			break;
		}
	}
}

/* Steps with a risk recorded and nobody's intervention made there. */
static bool silent(const struct m_journey *j, size_t i)
{
	const struct m_step *st = &j->steps[i];
	bool risk = false;
	for (size_t f = 0; f < st->n_factors && !risk; f++)
		risk = st->factors[f].kind == FACTOR_RISK;
	if (!risk)
		return false;
	for (size_t k = 0; k < j->n_interventions; k++) {
		const struct m_intervention *iv = &j->interventions[k];
		if (iv->kind == IV_MADE && story_covers(j, iv->step_from, iv->step_to, i))
			return false;
	}
	return true;
}

static void make_silences(const struct m_journey *j, struct lanes_layout *l)
{
	l->silences = xcalloc(j->n_steps ? j->n_steps : 1, sizeof *l->silences);
	for (size_t i = 0; i < j->n_steps; i++) {
		if (!silent(j, i))
			continue;
		size_t last = i;
		while (last + 1 < j->n_steps && silent(j, last + 1))
			last++;
		struct lanes_span *s = &l->silences[l->n_silences++];
		s->first_step = i;
		s->last_step = last;
		s->from = l->step_from[i];
		s->to = l->step_to[last];
		i = last;
	}
}

void lanes_build(const struct m_journey *j, const struct m_actor_list *actors,
                 const struct m_threshold_list *thresholds, enum lanes_scale scale, int zoom,
                 struct lanes_layout *out)
{
	memset(out, 0, sizeof *out);
	out->scale = scale;
	out->zoom = clamp_zoom(zoom);
	out->n_steps = j->n_steps;
	size_t n = j->n_steps ? j->n_steps : 1;
	out->step_from = xcalloc(n, sizeof *out->step_from);
	out->step_to = xcalloc(n, sizeof *out->step_to);
	place_steps(j, scale, out->zoom, out->step_from, out->step_to, &out->width, &out->origin,
	            &out->unit);
	make_rows(j, actors, out);
	make_bars(j, out);
	make_handovers(j, out);
	make_gaps(j, out);
	make_rules(j, thresholds, out);
	make_silences(j, out);
	/* Times of interventions may reach past the last step. */
	for (size_t i = 0; i < out->n_bars; i++)
		if (out->bars[i].to + 1 > out->width)
			out->width = out->bars[i].to + 1;
}

void lanes_clear(struct lanes_layout *l)
{
	free(l->step_from);
	free(l->step_to);
	free(l->rows);
	free(l->bars);
	free(l->handovers);
	free(l->gaps);
	free(l->rules);
	free(l->silences);
	memset(l, 0, sizeof *l);
}
