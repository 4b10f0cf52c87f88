/* memutil.h - what the tests of core/'s computations (the analysis, proposed gaps, the lanes)
 * share on top of testutil.h: journeys built in memory as the store would read them back (steps
 * in story order with their sort keys), the default catalogue and the demo in memory, and finding
 * a proposal. These tests link without db/ and without SQLite, so nothing here may reach the
 * store; the store's tests may use it too. */
#ifndef MELLAN_MEMUTIL_H
#define MELLAN_MEMUTIL_H

#include "testutil.h"

#include "core/analysis.h"
#include "core/catalogue.h"
#include "core/demo.h"
#include "core/silence.h"
#include "core/story.h"

#include <stdbool.h>

/* ---- a journey built by hand ---------------------------------------------------------------
 * Records get ids from *next on, unique in the test; mu_done() puts the steps in story order. */

static inline char *mu_dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static inline void mu_case(struct m_journey *j, m_id *next, const char *code, int birth_year)
{
	memset(j, 0, sizeof *j);
	j->kase = (struct m_case){.id = (*next)++, .code = strdup(code), .birth_year = birth_year};
}

/* A step at the end of the facilitator's order, with one risk factor when risk is set. */
static inline m_id mu_step(struct m_journey *j, m_id *next, const char *time, const char *title,
                           bool risk)
{
	j->steps = realloc(j->steps, (j->n_steps + 1) * sizeof *j->steps);
	assert_non_null(j->steps);
	struct m_step *st = &j->steps[j->n_steps++];
	*st = (struct m_step){.id = (*next)++,
	                      .case_id = j->kase.id,
	                      .time = mu_dup(time),
	                      .seq = (int)j->n_steps,
	                      .title = strdup(title)};
	story_sort_keys(st, j->kase.birth_year);
	if (risk) {
		st->factors = calloc(1, sizeof *st->factors);
		assert_non_null(st->factors);
		st->factors[st->n_factors++] = (struct m_factor){
		    .id = (*next)++, .step_id = st->id, .kind = FACTOR_RISK, .text = strdup("Oro")};
	}
	return st->id;
}

static inline m_id mu_intervention(struct m_journey *j, m_id *next, m_id actor, m_id step,
                                   enum m_intervention_kind kind, const char *start,
                                   const char *end)
{
	j->interventions =
	    realloc(j->interventions, (j->n_interventions + 1) * sizeof *j->interventions);
	assert_non_null(j->interventions);
	struct m_intervention *iv = &j->interventions[j->n_interventions++];
	*iv = (struct m_intervention){.id = (*next)++,
	                              .case_id = j->kase.id,
	                              .actor_id = actor,
	                              .step_from = step,
	                              .kind = kind,
	                              .start = mu_dup(start),
	                              .end = mu_dup(end)};
	return iv->id;
}

static inline m_id mu_handover(struct m_journey *j, m_id *next, m_id step, m_id from, m_id to,
                               const char *sent, const char *received, const char *acted)
{
	j->handovers = realloc(j->handovers, (j->n_handovers + 1) * sizeof *j->handovers);
	assert_non_null(j->handovers);
	struct m_handover *h = &j->handovers[j->n_handovers++];
	*h = (struct m_handover){.id = (*next)++,
	                         .case_id = j->kase.id,
	                         .step_id = step,
	                         .from_actor = from,
	                         .to_actor = to,
	                         .sent = mu_dup(sent),
	                         .received = mu_dup(received),
	                         .acted = mu_dup(acted)};
	return h->id;
}

static inline m_id mu_gap(struct m_journey *j, m_id *next, m_id step, m_id category, int severity)
{
	j->gaps = realloc(j->gaps, (j->n_gaps + 1) * sizeof *j->gaps);
	assert_non_null(j->gaps);
	struct m_gap *g = &j->gaps[j->n_gaps++];
	*g = (struct m_gap){.id = (*next)++,
	                    .case_id = j->kase.id,
	                    .step_id = step,
	                    .category_id = category,
	                    .severity = severity};
	return g->id;
}

static inline void mu_done(struct m_journey *j)
{
	story_sort(j);
}

/* The proposal of that kind at that step, NULL when there is none. */
static inline const struct m_proposal *mu_proposal(const struct m_proposal_list *l,
                                                   enum m_proposal_kind kind, m_id step)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].kind == kind && l->items[i].step_id == step)
			return &l->items[i];
	return NULL;
}

/* ---- the catalogue and the demo ------------------------------------------------------------ */

static inline void mu_catalogue(struct catalogue_set *c)
{
	struct merr err = {0};
	if (catalogue_build("memory", c, &err) != M_OK)
		fail_msg("catalogue: %s", err.msg);
}

/* One demo journey, by its code, as the store reads it back. */
static inline void mu_demo_journey(const struct catalogue_set *c, const char *code,
                                   struct m_journey *j)
{
	size_t k = 0;
	while (k < demo_n_cases && strcmp(demo_cases[k]->code, code) != 0)
		k++;
	if (k == demo_n_cases)
		fail_msg("no demo case %s", code);
	m_id next = 1;
	struct merr err = {0};
	if (demo_journey(demo_cases[k], code, &c->actors, &c->categories, "memory", &next, j,
	                 &err) != M_OK)
		fail_msg("demo %s: %s", code, err.msg);
	story_sort(j);
}

static int mu_cmp_vote(const void *a, const void *b)
{
	m_id x = ((const struct m_vote_total *)a)->gap_id,
	     y = ((const struct m_vote_total *)b)->gap_id;
	return (x > y) - (x < y);
}

/* The whole demo with the default catalogue as the analysis reads it: all journeys in Swedish
 * order of their codes, the votes summed per gap. */
static inline void mu_demo_input(struct an_input *in)
{
	struct catalogue_set c;
	struct demo_set d;
	struct merr err = {0};
	mu_catalogue(&c);
	if (demo_build(&c.actors, &c.categories, "memory", &d, &err) != M_OK)
		fail_msg("demo: %s", err.msg);
	memset(in, 0, sizeof *in);
	in->journeys = d.journeys;
	in->n_journeys = d.n_journeys;
	d.journeys = NULL;
	d.n_journeys = 0;
	for (size_t i = 0; i < in->n_journeys; i++)
		story_sort(&in->journeys[i]);
	in->actors = c.actors;
	in->categories = c.categories;
	in->thresholds = c.thresholds;
	/* One workshop: each voted gap once. */
	in->votes.items = calloc(d.votes.n + 1, sizeof *in->votes.items);
	assert_non_null(in->votes.items);
	for (size_t i = 0; i < d.votes.n; i++)
		in->votes.items[in->votes.n++] =
		    (struct m_vote_total){d.votes.items[i].gap_id, d.votes.items[i].dots, 1};
	qsort(in->votes.items, in->votes.n, sizeof *in->votes.items, mu_cmp_vote);
	demo_set_clear(&d);
}

#endif
