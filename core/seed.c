/* seed.c - writes the catalogue and the demo built in memory (catalogue.c, demo.c) into a file
 * through the store, record by record in the order of the tables, so a new file's ids and
 * history are what they have always been. The ids the records had in memory are mapped to the
 * ones the file gives them as they are written. */
#include "seed.h"

#include "catalogue.h"
#include "demo.h"
#include "store_edit.h"
#include "store_read.h"
#include "store_workshop.h"
#include "xalloc.h"

#include <stdlib.h>

/* Ids in memory (old) and in the file (new) of the records written so far. */
struct id_map {
	m_id *old, *new;
	size_t n;
};

static void map_init(struct id_map *m, size_t cap)
{
	m->old = xcalloc(cap + 1, sizeof *m->old);
	m->new = xcalloc(cap + 1, sizeof *m->new);
	m->n = 0;
}

static void map_free(struct id_map *m)
{
	free(m->old);
	free(m->new);
}

static m_id mapped(const struct id_map *m, m_id old)
{
	for (size_t i = 0; old && i < m->n; i++)
		if (m->old[i] == old)
			return m->new[i];
	return 0;
}

/* Runs write(s, arg, err) in one transaction: all of it lands, or nothing. */
static enum mstatus all_or_nothing(struct store *s,
                                   enum mstatus (*write)(struct store *, void *, struct merr *),
                                   void *arg, struct merr *err)
{
	enum mstatus st = store_begin(s, err);
	if (st != M_OK)
		return st;
	st = write(s, arg, err);
	if (st == M_OK)
		return store_commit(s, err);
	store_rollback(s);
	return st;
}

/* ---- the catalogue ------------------------------------------------------------------------ */

static enum mstatus write_catalogue(struct store *s, void *arg, struct merr *err)
{
	struct catalogue_set *c = arg;
	struct id_map actors;
	map_init(&actors, c->actors.n);
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < c->actors.n; i++) {
		struct m_actor *a = &c->actors.items[i];
		actors.old[actors.n] = a->id;
		st = store_actor_add(s, a, err);
		actors.new[actors.n++] = a->id;
	}
	for (size_t i = 0; st == M_OK && i < c->categories.n; i++)
		st = store_category_add(s, &c->categories.items[i], err);
	for (size_t i = 0; st == M_OK && i < c->thresholds.n; i++) {
		struct m_threshold *t = &c->thresholds.items[i];
		t->actor_id = mapped(&actors, t->actor_id);
		st = store_threshold_add(s, t, err);
	}
	map_free(&actors);
	return st;
}

enum mstatus catalogue_load_defaults(struct store *s, struct merr *err)
{
	struct catalogue_set c;
	enum mstatus st = catalogue_build(store_path(s), &c, err);
	if (st != M_OK)
		return st;
	st = all_or_nothing(s, write_catalogue, &c, err);
	catalogue_set_clear(&c);
	return st;
}

/* ---- the demo ------------------------------------------------------------------------------- */

/* One journey, its steps still in the tables' order; gaps gets its gaps' ids, for the votes. */
static enum mstatus write_journey(struct store *s, struct m_journey *j, struct id_map *gaps,
                                  struct merr *err)
{
	enum mstatus st = store_case_add(s, &j->kase, err);
	struct id_map steps;
	map_init(&steps, j->n_steps);
	for (size_t i = 0; st == M_OK && i < j->n_steps; i++) {
		struct m_step *stp = &j->steps[i];
		stp->case_id = j->kase.id;
		steps.old[steps.n] = stp->id;
		st = store_step_add(s, stp, err);
		steps.new[steps.n++] = stp->id;
		for (size_t k = 0; st == M_OK && k < stp->n_factors; k++) {
			stp->factors[k].step_id = stp->id;
			st = store_factor_add(s, &stp->factors[k], err);
		}
	}
	for (size_t i = 0; st == M_OK && i < j->n_interventions; i++) {
		struct m_intervention *iv = &j->interventions[i];
		iv->case_id = j->kase.id;
		iv->step_from = mapped(&steps, iv->step_from);
		iv->step_to = mapped(&steps, iv->step_to);
		st = store_intervention_add(s, iv, err);
	}
	for (size_t i = 0; st == M_OK && i < j->n_handovers; i++) {
		struct m_handover *h = &j->handovers[i];
		h->case_id = j->kase.id;
		h->step_id = mapped(&steps, h->step_id);
		st = store_handover_add(s, h, err);
	}
	for (size_t i = 0; st == M_OK && i < j->n_gaps; i++) {
		struct m_gap *g = &j->gaps[i];
		g->case_id = j->kase.id;
		g->step_id = mapped(&steps, g->step_id);
		g->step_to = mapped(&steps, g->step_to);
		gaps->old[gaps->n] = g->id;
		st = store_gap_add(s, g, err);
		gaps->new[gaps->n++] = g->id;
	}
	map_free(&steps);
	return st;
}

static size_t gap_count(const struct demo_set *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_journeys; i++)
		n += d->journeys[i].n_gaps;
	return n;
}

static enum mstatus write_demo(struct store *s, void *arg, struct merr *err)
{
	struct demo_set *d = arg;
	struct id_map gaps;
	map_init(&gaps, gap_count(d));
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < d->n_journeys; i++)
		st = write_journey(s, &d->journeys[i], &gaps, err);
	if (st == M_OK)
		st = store_workshop_add(s, &d->workshop, err);
	m_id w = d->workshop.id;
	for (size_t i = 0; st == M_OK && i < d->n_cases; i++)
		st = store_workshop_case_add(s, w, d->journeys[d->cases[i]].kase.id, err);
	for (size_t i = 0; st == M_OK && i < d->n_log; i++)
		st = store_workshop_log_add(s, w, d->log[i].kind, d->log[i].text, err);
	for (size_t i = 0; st == M_OK && i < d->votes.n; i++)
		st = store_vote_add(s, w, mapped(&gaps, d->votes.items[i].gap_id),
		                    d->votes.items[i].dots, err);
	map_free(&gaps);
	return st;
}

/* The catalogue the demo's names are resolved against: the file's own. */
static enum mstatus catalogue_of(struct store *s, struct m_actor_list *actors,
                                 struct m_category_list *categories, struct merr *err)
{
	enum mstatus st = store_actor_list(s, actors, err);
	if (st == M_OK)
		st = store_category_list(s, categories, err);
	return st;
}

enum mstatus demo_load(struct store *s, struct merr *err)
{
	struct m_actor_list actors = {0};
	struct m_category_list categories = {0};
	struct demo_set d = {0};
	enum mstatus st = catalogue_of(s, &actors, &categories, err);
	if (st == M_OK)
		st = demo_build(&actors, &categories, store_path(s), &d, err);
	if (st == M_OK)
		st = all_or_nothing(s, write_demo, &d, err);
	demo_set_clear(&d);
	m_actor_list_clear(&actors);
	m_category_list_clear(&categories);
	return st;
}

/* Copy number k of every demo journey, under codes "GEN-00000k <code>". */
struct copy {
	const struct m_actor_list *actors;
	const struct m_category_list *categories;
	size_t k;
};

static enum mstatus write_copy(struct store *s, void *arg, struct merr *err)
{
	const struct copy *c = arg;
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < demo_n_cases; i++) {
		char *code = xasprintf("GEN-%06zu %s", c->k, demo_cases[i]->code);
		m_id next_id = 1;
		struct m_journey j;
		st = demo_journey(demo_cases[i], code, c->actors, c->categories, store_path(s),
		                  &next_id, &j, err);
		free(code);
		if (st != M_OK)
			break;
		struct id_map gaps;
		map_init(&gaps, j.n_gaps);
		st = write_journey(s, &j, &gaps, err);
		map_free(&gaps);
		m_journey_clear(&j);
	}
	return st;
}

enum mstatus demo_generate(struct store *s, size_t copies, struct merr *err)
{
	struct m_actor_list actors = {0};
	struct m_category_list categories = {0};
	enum mstatus st = catalogue_of(s, &actors, &categories, err);
	/* One transaction per copy keeps memory flat, however many copies. */
	for (size_t k = 1; st == M_OK && k <= copies; k++) {
		struct copy c = {&actors, &categories, k};
		st = all_or_nothing(s, write_copy, &c, err);
	}
	m_actor_list_clear(&actors);
	m_category_list_clear(&categories);
	return st;
}
