/* edit.c - the editor's actions: e and d on the journey's step, which first ask which of its
 * parts is meant (a gap's actions among them) when it has more than the step itself; the
 * question before a delete and its y (undo brings the record back); undo and redo; search and
 * jump to the hits. */
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
	case RK_CASE: /* the cases, the catalogue and the names screen open their own forms */
	case RK_ACTOR:
	case RK_CATEGORY:
	case RK_NAME:
	case RK_NONE:
		break;
	}
}

void edit_ask_delete(struct app *a, enum rec_kind kind, m_id id, const char *label)
{
	a->del.kind = kind;
	a->del.id = id;
	snprintf(a->del.question, sizeof a->del.question,
	         _("Delete %s? y deletes it (u undoes), another key keeps it"), label);
}

unsigned edit_key_confirm(struct app *a, int key)
{
	enum rec_kind kind = a->del.kind;
	m_id id = a->del.id;
	a->del.kind = RK_NONE;
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
	const struct part *picked; /* what was chosen, acted on once the chooser is closed */
};

static void free_chooser(void *p)
{
	struct chooser *c = p;
	free(c->parts.items);
	free(c);
}

static void act(struct app *a, enum rec_kind kind, m_id id, const char *label, bool del)
{
	if (del)
		edit_ask_delete(a, kind, id, label);
	else
		open_edit(a, kind, id);
}

static enum mstatus chosen(struct form *f, struct merr *err)
{
	(void)err;
	struct chooser *c = f->ctx;
	int64_t v = form_pick(f, 0);
	if (v >= 1 && (size_t)v <= c->parts.n)
		c->picked = &c->parts.items[v - 1];
	return M_OK;
}

/* Another form or a question takes the chooser's place: only once it is closed. */
static void after_choice(struct form *f)
{
	struct chooser *c = f->ctx;
	if (c->picked)
		act(f->app, c->picked->kind, c->picked->id, c->picked->label, c->del);
}

unsigned edit_step_parts(struct app *a, bool del)
{
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
	f->hints = del ? _("Up Down choose  Enter delete it (asks first)  Esc cancel")
	               : _("Up Down choose  Enter edit it  Esc cancel");
	f->after = after_choice;
	app_show_form(a, f);
	return CH_REDRAW;
}

/* ---- undo, redo ----------------------------------------------------------------------------- */

/* After an undo or redo that brought a step of the open journey back (a delete undone, an add
 * redone), that step is the one selected: the change is in front of the room, not the step
 * after it. `before` holds the journey's steps before the change. */
static void select_returned_step(struct app *a, const m_id *before, size_t n)
{
	for (size_t i = 0; i < a->journey.n_steps; i++) {
		bool known = false;
		for (size_t k = 0; k < n && !known; k++)
			known = before[k] == a->journey.steps[i].id;
		if (!known) {
			a->step_sel = i;
			return;
		}
	}
}

unsigned edit_undo(struct app *a, bool redo)
{
	char what[256] = "";
	struct merr err = {0};
	size_t n = a->journey_case ? a->journey.n_steps : 0;
	m_id *before = xcalloc(n ? n : 1, sizeof *before);
	for (size_t i = 0; i < n; i++)
		before[i] = a->journey.steps[i].id;
	enum mstatus st = redo ? store_redo(a->store, what, sizeof what, &err)
	                       : store_undo(a->store, what, sizeof what, &err);
	if (st != M_OK) {
		free(before);
		if (err.reason == MR_NOT_FOUND)
			app_note(a, "%s", redo ? _("nothing to redo") : _("nothing to undo"));
		else
			app_message(a, &err);
		return CH_REDRAW;
	}
	app_note(a, "%s", what); /* "undid: step ... edited" */
	app_reload(a);
	if (a->journey_case)
		select_returned_step(a, before, n);
	free(before);
	return CH_REDRAW;
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
	f->hints = _("Enter search  Esc cancel");
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
