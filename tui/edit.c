/* edit.c - the editor's actions on what is selected: edit it, delete it (after asking; undo
 * brings it back), undo and redo, search and jump to the hits. On the journey, e and d first
 * ask which of the selected step's parts is meant (a gap's actions among them) when it has more
 * than the step itself. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/store_privacy.h"
#include "core/store_read.h"
#include "core/xalloc.h"
#include "picker.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- what the selection is -------------------------------------------------------------- */

struct part {
	enum rec_kind kind;
	m_id id;
	char label[600];
};

struct parts {
	struct part *items;
	size_t n;
};

static void parts_add(struct parts *p, enum rec_kind kind, m_id id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void parts_add(struct parts *p, enum rec_kind kind, m_id id, const char *fmt, ...)
{
	p->items = xreallocarray(p->items, p->n + 1, sizeof *p->items);
	struct part *it = &p->items[p->n++];
	it->kind = kind;
	it->id = id;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(it->label, sizeof it->label, fmt, ap);
	va_end(ap);
}

static const char *actor_name(const struct app *a, m_id id)
{
	const struct m_actor *ac = m_actor_find(&a->actors, id);
	return ac ? ac->name : "?";
}

/* The selected step and everything that starts at it. */
static void step_parts(const struct app *a, struct parts *p)
{
	const struct m_step *st = app_selected_step(a);
	const struct m_journey *j = &a->journey;
	if (!st)
		return;
	parts_add(p, RK_STEP, st->id, _("the step: %s"), st->title);
	for (size_t i = 0; i < st->n_factors; i++)
		parts_add(p, RK_FACTOR, st->factors[i].id, "%s: %s",
		          m_factor_kind_label(st->factors[i].kind), st->factors[i].text);
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		if (iv->step_from == st->id)
			parts_add(p, RK_INTERVENTION, iv->id, _("intervention: %s, %s"),
			          actor_name(a, iv->actor_id), iv->what ? iv->what : "");
	}
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		if (h->step_id == st->id)
			parts_add(p, RK_HANDOVER, h->id, _("hand-over: %s → %s"),
			          actor_name(a, h->from_actor), actor_name(a, h->to_actor));
	}
	for (size_t i = 0; i < j->n_gaps; i++) {
		const struct m_gap *g = &j->gaps[i];
		const struct m_category *c = m_category_find(&a->categories, g->category_id);
		if (g->step_id != st->id)
			continue;
		parts_add(p, RK_GAP, g->id, _("gap: %s"), c ? c->name : "?");
		for (size_t k = 0; k < g->n_actions; k++)
			parts_add(p, RK_ACTION, g->actions[k].id, _("action of the gap %s: %s"),
			          c ? c->name : "?", g->actions[k].what ? g->actions[k].what : "");
	}
}

/* ---- acting on one record ----------------------------------------------------------------- */

static const struct m_factor *find_factor(const struct app *a, m_id id)
{
	for (size_t i = 0; i < a->journey.n_steps; i++)
		for (size_t k = 0; k < a->journey.steps[i].n_factors; k++)
			if (a->journey.steps[i].factors[k].id == id)
				return &a->journey.steps[i].factors[k];
	return NULL;
}

#define FIND(arr, n, want)                                                                         \
	do {                                                                                       \
		for (size_t i_ = 0; i_ < (n); i_++)                                                \
			if ((arr)[i_].id == (want))                                                \
				found = &(arr)[i_];                                                \
	} while (0)

static void open_edit(struct app *a, enum rec_kind kind, m_id id)
{
	const struct m_journey *j = &a->journey;
	switch (kind) {
	case RK_CASE: {
		const struct m_case *found = NULL;
		FIND(a->cases.items, a->cases.n, id);
		if (found)
			form_case_open(a, found);
		break;
	}
	case RK_STEP: {
		const struct m_step *found = NULL;
		FIND(j->steps, j->n_steps, id);
		if (found)
			form_step_open(a, found);
		break;
	}
	case RK_FACTOR: {
		const struct m_factor *found = find_factor(a, id);
		if (found)
			form_factor_open(a, found);
		break;
	}
	case RK_INTERVENTION: {
		const struct m_intervention *found = NULL;
		FIND(j->interventions, j->n_interventions, id);
		if (found)
			form_intervention_open(a, found);
		break;
	}
	case RK_HANDOVER: {
		const struct m_handover *found = NULL;
		FIND(j->handovers, j->n_handovers, id);
		if (found)
			form_handover_open(a, found);
		break;
	}
	case RK_GAP: {
		const struct m_gap *found = NULL;
		FIND(j->gaps, j->n_gaps, id);
		if (found)
			form_gap_open(a, found);
		break;
	}
	case RK_ACTION:
		for (size_t i = 0; i < j->n_gaps; i++)
			for (size_t k = 0; k < j->gaps[i].n_actions; k++)
				if (j->gaps[i].actions[k].id == id) {
					form_action_open(a, &j->gaps[i], &j->gaps[i].actions[k]);
					return;
				}
		break;
	case RK_ACTOR: {
		const struct m_actor *found = NULL;
		FIND(a->actors.items, a->actors.n, id);
		if (found)
			form_actor_open(a, found);
		break;
	}
	case RK_CATEGORY: {
		const struct m_category *found = NULL;
		FIND(a->categories.items, a->categories.n, id);
		if (found)
			form_category_open(a, found);
		break;
	}
	case RK_NAME: /* the names screen opens its own form (names_edit) */
	case RK_NONE:
		break;
	}
}

static void ask_delete(struct app *a, enum rec_kind kind, m_id id, const char *label)
{
	a->del_kind = kind;
	a->del_id = id;
	snprintf(a->del_question, sizeof a->del_question,
	         _("Delete %s? y deletes it (u undoes), another key keeps it"), label);
}

unsigned edit_key_confirm(struct app *a, int key)
{
	enum rec_kind kind = a->del_kind;
	m_id id = a->del_id;
	a->del_kind = RK_NONE;
	if (key != 'y' && key != 'Y') {
		app_note(a, "%s", _("nothing was deleted"));
		return CH_REDRAW;
	}
	struct merr err = {0};
	enum mstatus st = M_OK;
	switch (kind) {
	case RK_CASE:
		st = store_case_delete(a->store, id, &err);
		break;
	case RK_STEP:
		st = store_step_delete(a->store, id, &err);
		break;
	case RK_FACTOR:
		st = store_factor_delete(a->store, id, &err);
		break;
	case RK_INTERVENTION:
		st = store_intervention_delete(a->store, id, &err);
		break;
	case RK_HANDOVER:
		st = store_handover_delete(a->store, id, &err);
		break;
	case RK_GAP:
		st = store_gap_delete(a->store, id, &err);
		break;
	case RK_ACTOR:
		st = store_actor_delete(a->store, id, &err);
		break;
	case RK_CATEGORY:
		st = store_category_delete(a->store, id, &err);
		break;
	case RK_NAME:
		st = store_name_delete(a->store, id, &err);
		break;
	case RK_ACTION:
		st = action_delete(a, id, &err);
		break;
	case RK_NONE:
		return CH_REDRAW;
	}
	if (st != M_OK)
		app_message(a, &err);
	else
		app_note(a, "%s", _("deleted (u undoes it)"));
	return CH_RELOAD;
}

/* ---- the chooser: which part of the step ------------------------------------------------- */

struct chooser {
	struct parts parts;
	bool del;
};

static void free_chooser(void *p)
{
	struct chooser *c = p;
	free(c->parts.items);
	free(c);
}

static enum mstatus chosen(struct form *f, struct merr *err)
{
	(void)err;
	struct chooser *c = f->ctx;
	int64_t v = form_pick(f, 0);
	if (v < 1 || (size_t)v > c->parts.n)
		return M_OK;
	const struct part *p = &c->parts.items[v - 1];
	/* Acted on once this form is closed: another form or a question takes its place. */
	f->app->choice_kind = p->kind;
	f->app->choice_id = p->id;
	f->app->choice_del = c->del;
	snprintf(f->app->choice_label, sizeof f->app->choice_label, "%s", p->label);
	return M_OK;
}

void edit_after_choice(struct app *a)
{
	enum rec_kind kind = a->choice_kind;
	a->choice_kind = RK_NONE;
	if (kind == RK_NONE)
		return;
	if (a->choice_del)
		ask_delete(a, kind, a->choice_id, a->choice_label);
	else
		open_edit(a, kind, a->choice_id);
}

static void act(struct app *a, enum rec_kind kind, m_id id, const char *label, bool del)
{
	if (del)
		ask_delete(a, kind, id, label);
	else
		open_edit(a, kind, id);
}

unsigned edit_selected(struct app *a, bool del)
{
	char label[600];
	if (a->screen == SCR_NAMES)
		return names_edit(a, del);
	if (a->screen == SCR_CASES) {
		if (a->case_sel >= a->cases.n)
			return CH_NONE;
		const struct m_case *c = &a->cases.items[a->case_sel];
		snprintf(label, sizeof label, _("the case %s"), c->code);
		act(a, RK_CASE, c->id, label, del);
		return CH_REDRAW;
	}
	if (a->screen == SCR_CATALOGUE) {
		if (a->cat_sel < a->actors.n) {
			const struct m_actor *ac = &a->actors.items[a->cat_sel];
			snprintf(label, sizeof label, _("the actor %s"), ac->name);
			act(a, RK_ACTOR, ac->id, label, del);
		} else if (a->cat_sel - a->actors.n < a->categories.n) {
			const struct m_category *c = &a->categories.items[a->cat_sel - a->actors.n];
			snprintf(label, sizeof label, _("the gap category %s"), c->name);
			act(a, RK_CATEGORY, c->id, label, del);
		}
		return CH_REDRAW;
	}
	struct chooser *c = xcalloc(1, sizeof *c);
	c->del = del;
	step_parts(a, &c->parts);
	if (c->parts.n <= 1) {
		if (c->parts.n == 1)
			act(a, c->parts.items[0].kind, c->parts.items[0].id,
			    c->parts.items[0].label, del);
		free_chooser(c);
		return CH_REDRAW;
	}
	struct form *f =
	    form_new(a, del ? _("Delete what?") : _("Edit what?"), chosen, c, free_chooser);
	struct pick_list l = {0};
	for (size_t i = 0; i < c->parts.n; i++)
		pick_list_add(&l, (int64_t)i + 1, c->parts.items[i].label, NULL, NULL);
	form_add_pick(f, _("Which"), &l, 0, true);
	f->choose_saves = true;
	app_show_form(a, f);
	return CH_REDRAW;
}

/* ---- undo, redo ----------------------------------------------------------------------------- */

unsigned edit_undo(struct app *a, bool redo)
{
	char what[256] = "";
	struct merr err = {0};
	enum mstatus st = redo ? store_redo(a->store, what, sizeof what, &err)
	                       : store_undo(a->store, what, sizeof what, &err);
	if (st != M_OK) {
		if (err.reason == MR_NOT_FOUND)
			app_note(a, "%s", redo ? _("nothing to redo") : _("nothing to undo"));
		else
			app_message(a, &err);
		return CH_REDRAW;
	}
	app_note(a, "%s", what); /* "undid: step ... edited" */
	return CH_RELOAD;
}

/* ---- search --------------------------------------------------------------------------------- */

/* Opens the journey of the hit and selects its step. */
static void jump(struct app *a)
{
	const struct m_hit *h = &a->hits.items[a->hit];
	if (a->journey_case != h->case_id)
		app_open_journey(a, h->case_id);
	a->want_step = h->step_id;
	app_note(a, _("hit %zu of %zu (n: next): %s"), a->hit + 1, a->hits.n,
	         h->snippet ? h->snippet : "");
}

static enum mstatus search(struct form *f, struct merr *err)
{
	struct app *a = f->app;
	char *q = form_text(f, 0);
	m_hit_list_clear(&a->hits);
	enum mstatus st = store_search(a->store, q ? q : "", &a->hits, err);
	free(q);
	if (st != M_OK)
		return st;
	if (a->hits.n == 0) {
		snprintf(f->fields[0].error, sizeof f->fields[0].error, "%s", _("nothing found"));
		return merr_set(err, M_FINDINGS, MR_NOT_FOUND, "%s",
		                _("Nothing found: try fewer or shorter words."));
	}
	a->hit = 0;
	jump(a);
	return M_OK;
}

unsigned edit_search(struct app *a)
{
	struct form *f = form_new(a, _("Search every case"), search, NULL, NULL);
	form_add_text(f, _("Words"), NULL, true);
	app_show_form(a, f);
	return CH_REDRAW;
}

unsigned edit_next_hit(struct app *a)
{
	if (a->hits.n == 0) {
		app_note(a, "%s", _("no search yet: / searches"));
		return CH_REDRAW;
	}
	a->hit = (a->hit + 1) % a->hits.n;
	jump(a);
	return CH_RELOAD;
}
