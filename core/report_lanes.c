/* report_lanes.c - the data of one case's lanes chart in the report's outline: which actors get a
 * lane, the ages along the axis (in bands when the rules say so), the interventions as spans,
 * the hand-overs as arrows and the gaps as marks, each placed at its step. report_svg.c draws
 * it. Steps and actors are found through an index, so a case costs its own size. */
#include "report_build.h"

#include "i18n.h"
#include "xalloc.h"

#include <stdlib.h>

struct lanes_build {
	struct build *b;
	const struct m_journey *j;
	struct rb_index steps;
	long *lane; /* per actor index, -1: none */
};

static long step_at(const struct lanes_build *l, m_id id)
{
	return rb_index_get(&l->steps, id);
}

static long lane_of(const struct lanes_build *l, m_id actor)
{
	long a = rb_index_get(&l->b->actors, actor);
	return a < 0 ? -1 : l->lane[a];
}

static void use(struct lanes_build *l, m_id actor)
{
	long a = rb_index_get(&l->b->actors, actor);
	if (a >= 0)
		l->lane[a] = 0;
}

/* The axis: a label where the age (or its band) changes, a line at an age where rules change. */
static void ticks(struct lanes_build *l, struct rd_lanes *out)
{
	const struct analysis *an = l->b->an;
	const struct m_journey *j = l->j;
	int top = 0;
	for (size_t t = 0; t < an->thresholds.n; t++)
		if (an->thresholds.items[t].age > top)
			top = an->thresholds.items[t].age;
	bool *at = xcalloc((size_t)top + 1, sizeof *at);
	for (size_t t = 0; t < an->thresholds.n; t++)
		if (an->thresholds.items[t].age >= 0)
			at[an->thresholds.items[t].age] = true;
	struct rd_tick *v = rd_alloc(l->b->doc, j->n_steps, sizeof *v);
	int last = -1;
	for (size_t s = 0; s < j->n_steps; s++) {
		const struct m_step *st = &j->steps[s];
		int age = st->sort_from && j->kase.birth_year
		              ? atoi(st->sort_from) - j->kase.birth_year
		              : -1;
		if (age < 0 || age == last)
			continue;
		struct rd_tick k = {.step = s};
		k.threshold = age <= top && at[age] && last >= 0 && age > last;
		if (!l->b->rules.bands)
			k.label = rd_own(l->b->doc, xasprintf("%d", age));
		else if (an_age_band_of(age) != an_age_band_of(last))
			k.label = an_age_band_code(an_age_band_of(age));
		if (k.label || k.threshold)
			v[out->n_ticks++] = k;
		last = age;
	}
	free(at);
	out->ticks = v;
	out->axis = l->b->rules.bands ? _("age band") : _("age");
}

void rb_lanes(struct build *b, struct rd_block *in, size_t c)
{
	const struct analysis *an = b->an;
	const struct m_journey *j = &an->journeys[c];
	struct lanes_build l = {.b = b, .j = j};
	rb_index_init(&l.steps, j->n_steps);
	for (size_t i = 0; i < j->n_steps; i++)
		rb_index_put(&l.steps, j->steps[i].id, i);
	l.lane = xmalloc((an->actors.n + 1) * sizeof *l.lane);
	for (size_t a = 0; a < an->actors.n; a++)
		l.lane[a] = -1;
	for (size_t i = 0; i < j->n_interventions; i++)
		use(&l, j->interventions[i].actor_id);
	for (size_t i = 0; i < j->n_handovers; i++) {
		use(&l, j->handovers[i].from_actor);
		use(&l, j->handovers[i].to_actor);
	}
	struct rd_lanes *out = &rd_add(b->doc, in, RD_LANES)->lanes;
	const char **names = rd_alloc(b->doc, an->actors.n, sizeof *names);
	for (size_t a = 0; a < an->actors.n; a++)
		if (l.lane[a] == 0) {
			l.lane[a] = (long)out->n_lanes;
			names[out->n_lanes++] = b->actor_names[a];
		}
	out->lanes = names;
	out->n_steps = j->n_steps;
	out->title =
	    rd_own(b->doc, xasprintf(_("The lanes of %s: actors over the steps of the story"),
	                             b->case_codes[c]));
	ticks(&l, out);

	struct rd_span *spans = rd_alloc(b->doc, j->n_interventions, sizeof *spans);
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		long from = step_at(&l, iv->step_from), to = step_at(&l, iv->step_to);
		long lane = lane_of(&l, iv->actor_id);
		if (from < 0 || lane < 0)
			continue;
		spans[out->n_spans++] = (struct rd_span){
		    (size_t)from, (size_t)(to < from ? from : to), (size_t)lane, (int)iv->kind};
	}
	out->spans = spans;
	struct rd_arrow *arrows = rd_alloc(b->doc, j->n_handovers, sizeof *arrows);
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		long s = step_at(&l, h->step_id);
		long from = lane_of(&l, h->from_actor), to = lane_of(&l, h->to_actor);
		if (s < 0 || from < 0 || to < 0)
			continue;
		arrows[out->n_arrows++] = (struct rd_arrow){(size_t)s, (size_t)from, (size_t)to,
		                                            !h->received || !h->acted};
	}
	out->arrows = arrows;
	size_t *marks = rd_alloc(b->doc, j->n_gaps, sizeof *marks);
	for (size_t i = 0; i < j->n_gaps; i++) {
		long s = step_at(&l, j->gaps[i].step_id);
		if (s >= 0)
			marks[out->n_marks++] = (size_t)s;
	}
	out->marks = marks;
	free(l.lane);
	rb_index_clear(&l.steps);
}
