/* demo.c - turns the demo tables (demo_*.c) into records in memory. Names in the tables are
 * resolved against the catalogue given, so a catalogue the alliance has edited still works as
 * long as the names the demo uses are there. seed.c writes what this builds into a file. */
#include "demo.h"

#include "i18n.h"
#include "story.h"
#include "uuid.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const struct demo_case *const demo_cases[] = {
    &demo_case_sam,
    &demo_case_noor,
    &demo_case_kim,
};
const size_t demo_n_cases = DEMO_LEN(demo_cases);

struct builder {
	const struct m_actor_list *actors;
	const struct m_category_list *categories;
	const char *name; /* for messages: the file it is meant for */
	struct merr *err;
	const struct demo_case *dc;
	struct m_journey *j;
	m_id *next_id;
};

static enum mstatus bad_table(const struct builder *b, const char *what, const char *value)
{
	/* The tables ship with the program; this can only mean the catalogue lacks what they use.
	 */
	return merr_set(b->err, M_DATA, MR_NOT_FOUND,
	                _("%s: the demo needs the %s \"%s\", which the catalogue does not have; "
	                  "load the demo into a new database"),
	                b->name, what, value ? value : "");
}

static enum mstatus actor(const struct builder *b, const char *name, m_id *out)
{
	*out = 0;
	if (!name)
		return M_OK;
	for (size_t i = 0; i < b->actors->n; i++)
		if (strcmp(b->actors->items[i].name, name) == 0) {
			*out = b->actors->items[i].id;
			return M_OK;
		}
	return bad_table(b, _("actor"), name);
}

static enum mstatus category(const struct builder *b, const char *code, m_id *out)
{
	for (size_t i = 0; i < b->categories->n; i++)
		if (strcmp(b->categories->items[i].code, code) == 0) {
			*out = b->categories->items[i].id;
			return M_OK;
		}
	return bad_table(b, _("gap category"), code);
}

/* A record's identity: the next id, and a new uuid as the store would give it. */
static m_id identity(m_id *next_id, char uuid[M_UUID_LEN + 1])
{
	m_uuid_new(uuid);
	return (*next_id)++;
}

/* The id of step `number` (from 1; 0 for none): the steps are still in the table's order. */
static enum mstatus step(const struct builder *b, int number, m_id *out)
{
	if (number < 0 || (size_t)number > b->dc->n_steps)
		return merr_set(b->err, M_OTHER, MR_INVALID, _("%s: demo case %s has no step %d"),
		                b->name, b->dc->code, number);
	*out = number ? b->j->steps[number - 1].id : 0;
	return M_OK;
}

static void add_factors(struct builder *b, struct m_step *st, enum m_factor_kind kind,
                        const char *const *texts)
{
	for (int i = 0; i < DEMO_MAX_FACTORS && texts[i]; i++) {
		struct m_factor *f = &st->factors[st->n_factors++];
		*f = (struct m_factor){.step_id = st->id, .kind = kind, .text = xstrdup(texts[i])};
		f->id = identity(b->next_id, f->uuid);
	}
}

static void add_steps(struct builder *b)
{
	b->j->steps = xcalloc(b->dc->n_steps + 1, sizeof *b->j->steps);
	for (size_t i = 0; i < b->dc->n_steps; i++) {
		const struct demo_step *d = &b->dc->steps[i];
		struct m_step *st = &b->j->steps[b->j->n_steps++];
		st->id = identity(b->next_id, st->uuid);
		st->case_id = b->j->kase.id;
		st->time = xstrdup_or_null(d->time);
		st->seq = (int)i + 1;
		st->title = xstrdup(d->title);
		st->narrative = xstrdup_or_null(d->narrative);
		st->domain = d->domain;
		st->certainty = d->certainty;
		st->voice = xstrdup_or_null(d->voice);
		st->note = xstrdup_or_null(d->note);
		story_sort_keys(st, b->dc->birth_year);
		st->factors = xcalloc(2 * DEMO_MAX_FACTORS, sizeof *st->factors);
		add_factors(b, st, FACTOR_RISK, d->risk);
		add_factors(b, st, FACTOR_PROTECTIVE, d->protective);
	}
}

static enum mstatus add_interventions(struct builder *b)
{
	b->j->interventions = xcalloc(b->dc->n_interventions + 1, sizeof *b->j->interventions);
	for (size_t i = 0; i < b->dc->n_interventions; i++) {
		const struct demo_intervention *d = &b->dc->interventions[i];
		struct m_intervention *iv = &b->j->interventions[b->j->n_interventions++];
		*iv = (struct m_intervention){
		    .case_id = b->j->kase.id, .kind = d->kind, .effect = d->effect};
		iv->id = identity(b->next_id, iv->uuid);
		enum mstatus st = actor(b, d->actor, &iv->actor_id);
		if (st == M_OK)
			st = step(b, d->from, &iv->step_from);
		if (st == M_OK)
			st = step(b, d->to, &iv->step_to);
		if (st != M_OK)
			return st;
		iv->start = xstrdup_or_null(d->start);
		iv->end = xstrdup_or_null(d->end);
		iv->what = xstrdup_or_null(d->what);
		iv->outcome = xstrdup_or_null(d->outcome);
	}
	return M_OK;
}

static enum mstatus add_handovers(struct builder *b)
{
	b->j->handovers = xcalloc(b->dc->n_handovers + 1, sizeof *b->j->handovers);
	for (size_t i = 0; i < b->dc->n_handovers; i++) {
		const struct demo_handover *d = &b->dc->handovers[i];
		struct m_handover *h = &b->j->handovers[b->j->n_handovers++];
		*h = (struct m_handover){.case_id = b->j->kase.id, .kind = d->kind};
		h->id = identity(b->next_id, h->uuid);
		enum mstatus st = step(b, d->step, &h->step_id);
		if (st == M_OK)
			st = actor(b, d->from, &h->from_actor);
		if (st == M_OK)
			st = actor(b, d->to, &h->to_actor);
		if (st != M_OK)
			return st;
		h->sent = xstrdup_or_null(d->sent);
		h->received = xstrdup_or_null(d->received);
		h->acted = xstrdup_or_null(d->acted);
		h->note = xstrdup_or_null(d->note);
	}
	return M_OK;
}

/* Fills g's actors and actions from the table. */
static enum mstatus gap_people(struct builder *b, const struct demo_gap *d, struct m_gap *g)
{
	g->actors = xcalloc(DEMO_MAX_GAP_ACTORS, sizeof *g->actors);
	for (int i = 0; i < DEMO_MAX_GAP_ACTORS && d->actors[i].actor; i++) {
		enum mstatus st = actor(b, d->actors[i].actor, &g->actors[i].actor_id);
		if (st != M_OK)
			return st;
		g->actors[i].role = d->actors[i].role;
		g->n_actors++;
	}
	g->actions = xcalloc(DEMO_MAX_ACTIONS, sizeof *g->actions);
	for (int i = 0; i < DEMO_MAX_ACTIONS && d->actions[i].what; i++) {
		const struct demo_action *da = &d->actions[i];
		struct m_action *a = &g->actions[g->n_actions++];
		m_uuid_new(a->uuid);
		a->gap_id = g->id;
		a->what = xstrdup(da->what);
		a->follow_up = xstrdup_or_null(da->follow_up);
		a->status = da->status;
		enum mstatus st = actor(b, da->actor, &a->actor_id);
		if (st == M_OK)
			st = actor(b, da->lead, &a->lead_id);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

static enum mstatus add_gaps(struct builder *b)
{
	b->j->gaps = xcalloc(b->dc->n_gaps + 1, sizeof *b->j->gaps);
	for (size_t i = 0; i < b->dc->n_gaps; i++) {
		const struct demo_gap *d = &b->dc->gaps[i];
		struct m_gap *g = &b->j->gaps[b->j->n_gaps++];
		g->id = identity(b->next_id, g->uuid);
		g->case_id = b->j->kase.id;
		g->severity = d->severity;
		g->level = d->level;
		g->status = d->status;
		enum mstatus st = step(b, d->step, &g->step_id);
		if (st == M_OK)
			st = step(b, d->to, &g->step_to);
		if (st == M_OK)
			st = category(b, d->category, &g->category_id);
		if (st == M_OK)
			st = gap_people(b, d, g);
		if (st != M_OK)
			return st;
		g->what_happened = xstrdup_or_null(d->what_happened);
		g->what_must_change = xstrdup_or_null(d->what_must_change);
	}
	return M_OK;
}

enum mstatus demo_journey(const struct demo_case *dc, const char *code,
                          const struct m_actor_list *actors,
                          const struct m_category_list *categories, const char *name, m_id *next_id,
                          struct m_journey *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct builder b = {actors, categories, name, err, dc, out, next_id};
	out->kase = (struct m_case){
	    .code = xstrdup(code),
	    .birth_year = dc->birth_year,
	    .gender = xstrdup_or_null(dc->gender),
	    .area = xstrdup_or_null(dc->area),
	    .summary = xstrdup_or_null(dc->summary),
	    .status = dc->status,
	};
	out->kase.id = identity(next_id, out->kase.uuid);
	add_steps(&b);
	enum mstatus st = add_interventions(&b);
	if (st == M_OK)
		st = add_handovers(&b);
	if (st == M_OK)
		st = add_gaps(&b);
	if (st != M_OK)
		m_journey_clear(out);
	return st;
}

/* The index of the demo case with this code, demo_n_cases when there is none. */
static size_t case_index(const char *code)
{
	size_t k = 0;
	while (k < demo_n_cases && strcmp(demo_cases[k]->code, code) != 0)
		k++;
	return k;
}

static enum mstatus add_workshop(struct builder *b, const struct demo_workshop *dw,
                                 struct demo_set *d)
{
	d->workshop = (struct m_workshop){
	    .date = xstrdup(dw->date),
	    .place = xstrdup(dw->place),
	    .sectors = xstrdup(dw->sectors),
	    .notes = xstrdup_or_null(dw->notes),
	};
	d->workshop.id = identity(b->next_id, d->workshop.uuid);
	while (dw->cases[d->n_cases])
		d->n_cases++;
	d->cases = xcalloc(d->n_cases + 1, sizeof *d->cases);
	for (size_t i = 0; i < d->n_cases; i++) {
		d->cases[i] = case_index(dw->cases[i]);
		if (d->cases[i] == demo_n_cases)
			return bad_table(b, _("case"), dw->cases[i]);
	}
	d->log = dw->log;
	d->n_log = dw->n_log;
	d->votes.items = xcalloc(dw->n_votes + 1, sizeof *d->votes.items);
	for (size_t i = 0; i < dw->n_votes; i++) {
		const struct demo_vote *v = &dw->votes[i];
		size_t k = case_index(v->case_code);
		if (k == demo_n_cases || v->gap < 1 || (size_t)v->gap > demo_cases[k]->n_gaps)
			return bad_table(b, _("gap"), v->case_code);
		d->votes.items[d->votes.n++] =
		    (struct m_gap_dots){d->journeys[k].gaps[v->gap - 1].id, v->dots};
	}
	return M_OK;
}

enum mstatus demo_build(const struct m_actor_list *actors, const struct m_category_list *categories,
                        const char *name, struct demo_set *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	m_id next_id = 1;
	out->journeys = xcalloc(demo_n_cases, sizeof *out->journeys);
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < demo_n_cases; i++) {
		st = demo_journey(demo_cases[i], demo_cases[i]->code, actors, categories, name,
		                  &next_id, &out->journeys[i], err);
		if (st == M_OK)
			out->n_journeys++;
	}
	struct builder b = {actors, categories, name, err, NULL, NULL, &next_id};
	if (st == M_OK)
		st = add_workshop(&b, &demo_workshop, out);
	if (st != M_OK)
		demo_set_clear(out);
	return st;
}

void demo_set_clear(struct demo_set *d)
{
	for (size_t i = 0; i < d->n_journeys; i++)
		m_journey_clear(&d->journeys[i]);
	free(d->journeys);
	m_workshop_clear(&d->workshop);
	free(d->cases);
	m_gap_dots_list_clear(&d->votes);
	memset(d, 0, sizeof *d);
}
