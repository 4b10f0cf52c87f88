/* demo.c - turns the demo tables (demo_*.c) into records through the store, in one transaction.
 * Names in the tables are resolved against what the store holds, so a catalogue the alliance has
 * edited still works as long as the names the demo uses are there. */
#include "demo.h"
#include "i18n.h"
#include "store_edit.h"
#include "store_read.h"
#include "store_workshop.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const struct demo_case *const demo_cases[] = {
    &demo_case_sam,
    &demo_case_noor,
    &demo_case_kim,
};

struct loader {
	struct store *s;
	struct merr *err;
	struct m_actor_list actors;
	struct m_category_list categories;
	const struct demo_case *dc; /* the case being loaded */
	m_id case_id;
	m_id *step_ids; /* [n_steps + 1], by step number; [0] is 0 */
};

static enum mstatus bad_table(struct loader *l, const char *what, const char *value)
{
	/* The tables ship with the program; this can only mean the catalogue lacks what they use.
	 */
	return merr_set(l->err, M_DATA, MR_NOT_FOUND,
	                _("%s: the demo needs the %s \"%s\", which the catalogue does not have; "
	                  "load the demo into a new database"),
	                store_path(l->s), what, value ? value : "");
}

static enum mstatus actor(struct loader *l, const char *name, m_id *out)
{
	*out = 0;
	if (!name)
		return M_OK;
	for (size_t i = 0; i < l->actors.n; i++)
		if (strcmp(l->actors.items[i].name, name) == 0) {
			*out = l->actors.items[i].id;
			return M_OK;
		}
	return bad_table(l, _("actor"), name);
}

static enum mstatus category(struct loader *l, const char *code, m_id *out)
{
	for (size_t i = 0; i < l->categories.n; i++)
		if (strcmp(l->categories.items[i].code, code) == 0) {
			*out = l->categories.items[i].id;
			return M_OK;
		}
	return bad_table(l, _("gap category"), code);
}

static enum mstatus step(struct loader *l, int number, m_id *out)
{
	if (number < 0 || (size_t)number > l->dc->n_steps)
		return merr_set(l->err, M_OTHER, MR_INVALID, _("%s: demo case %s has no step %d"),
		                store_path(l->s), l->dc->code, number);
	*out = l->step_ids[number];
	return M_OK;
}

static enum mstatus add_factors(struct loader *l, m_id step_id, enum m_factor_kind kind,
                                const char *const *texts)
{
	for (int i = 0; i < DEMO_MAX_FACTORS && texts[i]; i++) {
		struct m_factor f = {.step_id = step_id, .kind = kind, .text = xstrdup(texts[i])};
		enum mstatus st = store_factor_add(l->s, &f, l->err);
		m_factor_clear(&f);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

static enum mstatus add_steps(struct loader *l)
{
	for (size_t i = 0; i < l->dc->n_steps; i++) {
		const struct demo_step *d = &l->dc->steps[i];
		struct m_step st = {
		    .case_id = l->case_id,
		    .time = xstrdup_or_null(d->time),
		    .seq = (int)i + 1,
		    .title = xstrdup(d->title),
		    .narrative = xstrdup_or_null(d->narrative),
		    .domain = d->domain,
		    .certainty = d->certainty,
		    .voice = xstrdup_or_null(d->voice),
		    .note = xstrdup_or_null(d->note),
		};
		enum mstatus rc = store_step_add(l->s, &st, l->err);
		l->step_ids[i + 1] = st.id;
		m_step_clear(&st);
		if (rc == M_OK)
			rc = add_factors(l, l->step_ids[i + 1], FACTOR_RISK, d->risk);
		if (rc == M_OK)
			rc = add_factors(l, l->step_ids[i + 1], FACTOR_PROTECTIVE, d->protective);
		if (rc != M_OK)
			return rc;
	}
	return M_OK;
}

static enum mstatus add_interventions(struct loader *l)
{
	for (size_t i = 0; i < l->dc->n_interventions; i++) {
		const struct demo_intervention *d = &l->dc->interventions[i];
		struct m_intervention iv = {
		    .case_id = l->case_id, .kind = d->kind, .effect = d->effect};
		enum mstatus st = actor(l, d->actor, &iv.actor_id);
		if (st == M_OK)
			st = step(l, d->from, &iv.step_from);
		if (st == M_OK)
			st = step(l, d->to, &iv.step_to);
		if (st != M_OK)
			return st;
		iv.start = xstrdup_or_null(d->start);
		iv.end = xstrdup_or_null(d->end);
		iv.what = xstrdup_or_null(d->what);
		iv.outcome = xstrdup_or_null(d->outcome);
		st = store_intervention_add(l->s, &iv, l->err);
		m_intervention_clear(&iv);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

static enum mstatus add_handovers(struct loader *l)
{
	for (size_t i = 0; i < l->dc->n_handovers; i++) {
		const struct demo_handover *d = &l->dc->handovers[i];
		struct m_handover h = {.case_id = l->case_id, .kind = d->kind};
		enum mstatus st = step(l, d->step, &h.step_id);
		if (st == M_OK)
			st = actor(l, d->from, &h.from_actor);
		if (st == M_OK)
			st = actor(l, d->to, &h.to_actor);
		if (st != M_OK)
			return st;
		h.sent = xstrdup_or_null(d->sent);
		h.received = xstrdup_or_null(d->received);
		h.acted = xstrdup_or_null(d->acted);
		h.note = xstrdup_or_null(d->note);
		st = store_handover_add(l->s, &h, l->err);
		m_handover_clear(&h);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

/* Fills g's actors and actions from the table; g owns what it gets even on failure. */
static enum mstatus gap_people(struct loader *l, const struct demo_gap *d, struct m_gap *g)
{
	g->actors = xcalloc(DEMO_MAX_GAP_ACTORS, sizeof *g->actors);
	for (int i = 0; i < DEMO_MAX_GAP_ACTORS && d->actors[i].actor; i++) {
		enum mstatus st = actor(l, d->actors[i].actor, &g->actors[i].actor_id);
		if (st != M_OK)
			return st;
		g->actors[i].role = d->actors[i].role;
		g->n_actors++;
	}
	g->actions = xcalloc(DEMO_MAX_ACTIONS, sizeof *g->actions);
	for (int i = 0; i < DEMO_MAX_ACTIONS && d->actions[i].what; i++) {
		const struct demo_action *da = &d->actions[i];
		struct m_action *a = &g->actions[g->n_actions++];
		a->what = xstrdup(da->what);
		a->follow_up = xstrdup_or_null(da->follow_up);
		a->status = da->status;
		enum mstatus st = actor(l, da->actor, &a->actor_id);
		if (st == M_OK)
			st = actor(l, da->lead, &a->lead_id);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

static enum mstatus add_gaps(struct loader *l, m_id *gap_ids)
{
	for (size_t i = 0; i < l->dc->n_gaps; i++) {
		const struct demo_gap *d = &l->dc->gaps[i];
		struct m_gap g = {
		    .case_id = l->case_id,
		    .severity = d->severity,
		    .level = d->level,
		    .status = d->status,
		};
		enum mstatus st = step(l, d->step, &g.step_id);
		if (st == M_OK)
			st = step(l, d->to, &g.step_to);
		if (st == M_OK)
			st = category(l, d->category, &g.category_id);
		if (st == M_OK)
			st = gap_people(l, d, &g);
		if (st == M_OK) {
			g.what_happened = xstrdup_or_null(d->what_happened);
			g.what_must_change = xstrdup_or_null(d->what_must_change);
			st = store_gap_add(l->s, &g, l->err);
		}
		gap_ids[i] = g.id;
		m_gap_clear(&g);
		if (st != M_OK)
			return st;
	}
	return M_OK;
}

/* gap_ids gets the ids of the case's gaps, for the workshop's votes; the caller frees it. */
static enum mstatus add_case(struct loader *l, const struct demo_case *dc, const char *code,
                             m_id **gap_ids)
{
	struct m_case c = {
	    .code = xstrdup(code),
	    .birth_year = dc->birth_year,
	    .gender = xstrdup_or_null(dc->gender),
	    .area = xstrdup_or_null(dc->area),
	    .summary = xstrdup_or_null(dc->summary),
	    .status = dc->status,
	};
	enum mstatus st = store_case_add(l->s, &c, l->err);
	l->case_id = c.id;
	m_case_clear(&c);
	if (st != M_OK)
		return st;
	l->dc = dc;
	l->step_ids = xcalloc(dc->n_steps + 1, sizeof *l->step_ids);
	*gap_ids = xcalloc(dc->n_gaps + 1, sizeof **gap_ids);
	st = add_steps(l);
	if (st == M_OK)
		st = add_interventions(l);
	if (st == M_OK)
		st = add_handovers(l);
	if (st == M_OK)
		st = add_gaps(l, *gap_ids);
	free(l->step_ids);
	l->step_ids = NULL;
	return st;
}

static enum mstatus add_workshop(struct loader *l, const struct demo_workshop *dw,
                                 const m_id *case_ids, m_id *const *gap_ids)
{
	struct m_workshop w = {
	    .date = xstrdup(dw->date),
	    .place = xstrdup(dw->place),
	    .sectors = xstrdup(dw->sectors),
	    .notes = xstrdup_or_null(dw->notes),
	};
	enum mstatus st = store_workshop_add(l->s, &w, l->err);
	m_id wid = w.id;
	m_workshop_clear(&w);
	const size_t n_cases = DEMO_LEN(demo_cases);
	for (size_t i = 0; st == M_OK && dw->cases[i]; i++) {
		size_t k = 0;
		while (k < n_cases && strcmp(demo_cases[k]->code, dw->cases[i]) != 0)
			k++;
		st = k < n_cases ? store_workshop_case_add(l->s, wid, case_ids[k], l->err)
		                 : bad_table(l, _("case"), dw->cases[i]);
	}
	for (size_t i = 0; st == M_OK && i < dw->n_log; i++)
		st = store_workshop_log_add(l->s, wid, dw->log[i].kind, dw->log[i].text, l->err);
	for (size_t i = 0; st == M_OK && i < dw->n_votes; i++) {
		const struct demo_vote *v = &dw->votes[i];
		size_t k = 0;
		while (k < n_cases && strcmp(demo_cases[k]->code, v->case_code) != 0)
			k++;
		if (k == n_cases || v->gap < 1 || (size_t)v->gap > demo_cases[k]->n_gaps)
			st = bad_table(l, _("gap"), v->case_code);
		else
			st = store_vote_add(l->s, wid, gap_ids[k][v->gap - 1], v->dots, l->err);
	}
	return st;
}

static enum mstatus load_all(struct loader *l)
{
	enum mstatus st = store_actor_list(l->s, &l->actors, l->err);
	if (st == M_OK)
		st = store_category_list(l->s, &l->categories, l->err);
	const size_t n = DEMO_LEN(demo_cases);
	m_id case_ids[DEMO_LEN(demo_cases)] = {0};
	m_id *gap_ids[DEMO_LEN(demo_cases)] = {0};
	for (size_t i = 0; st == M_OK && i < n; i++) {
		st = add_case(l, demo_cases[i], demo_cases[i]->code, &gap_ids[i]);
		case_ids[i] = l->case_id;
	}
	if (st == M_OK)
		st = add_workshop(l, &demo_workshop, case_ids, gap_ids);
	for (size_t i = 0; i < n; i++)
		free(gap_ids[i]);
	return st;
}

enum mstatus demo_load(struct store *s, struct merr *err)
{
	struct loader l = {.s = s, .err = err};
	enum mstatus st = store_begin(s, err);
	if (st != M_OK)
		return st;
	st = load_all(&l);
	m_actor_list_clear(&l.actors);
	m_category_list_clear(&l.categories);
	if (st == M_OK)
		st = store_commit(s, err);
	else
		store_rollback(s);
	return st;
}

/* Copies of the demo journeys under numbered codes, so that benchmarks and tests of large files
 * have realistic data of any size. One transaction per copy keeps memory flat. */
static enum mstatus generate(struct loader *l, size_t copies)
{
	enum mstatus st = store_actor_list(l->s, &l->actors, l->err);
	if (st == M_OK)
		st = store_category_list(l->s, &l->categories, l->err);
	for (size_t k = 1; st == M_OK && k <= copies; k++) {
		st = store_begin(l->s, l->err);
		for (size_t i = 0; st == M_OK && i < DEMO_LEN(demo_cases); i++) {
			char *code = xasprintf("GEN-%06zu %s", k, demo_cases[i]->code);
			m_id *gap_ids = NULL;
			st = add_case(l, demo_cases[i], code, &gap_ids);
			free(gap_ids);
			free(code);
		}
		if (st == M_OK)
			st = store_commit(l->s, l->err);
		else
			store_rollback(l->s);
	}
	return st;
}

enum mstatus demo_generate(struct store *s, size_t copies, struct merr *err)
{
	struct loader l = {.s = s, .err = err};
	enum mstatus st = generate(&l, copies);
	m_actor_list_clear(&l.actors);
	m_category_list_clear(&l.categories);
	return st;
}
