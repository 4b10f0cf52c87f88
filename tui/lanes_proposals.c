/* lanes_proposals.c - the gaps the program proposes (core/silence.c) in the lanes view: marked
 * in the gap lane, gone through with o, confirmed with y (a gap of the fitting category) or
 * dismissed with x (remembered, not proposed again). Both are changes u undoes. */
#include "private.h"

#include "core/i18n.h"
#include "core/silence.h"
#include "core/store_propose.h"
#include "core/story.h"

#include <string.h>

void proposals_load(struct app *a, struct m_proposal_list *out)
{
	struct m_key_list dismissed = {0};
	struct merr err = {0};
	memset(out, 0, sizeof *out);
	if (!a->journey_case)
		return;
	if (store_dismissal_list(a->store, a->journey_case, &dismissed, &err) != M_OK)
		app_message(a, &err);
	/* The lengths the facilitator set (the workshop screen), else the defaults. */
	struct silence_settings cfg = {SILENCE_DEFAULT_DAYS, HANDOVER_DEFAULT_DAYS};
	if (store_proposal_lengths(a->store, &cfg.silence_days, &cfg.handover_days, &err) != M_OK)
		app_message(a, &err);
	silence_propose(&a->journey, &cfg, &dismissed, out);
	m_key_list_clear(&dismissed);
}

const struct m_proposal *proposal_shown(size_t sel, const struct m_proposal_list *l)
{
	return sel && sel <= l->n ? &l->items[sel - 1] : NULL;
}

static void confirm(struct app *a, const struct m_proposal *p)
{
	struct merr err = {0};
	struct m_gap g;
	silence_gap(p, &a->journey, &a->actors, &a->categories, &g);
	if (store_proposal_confirm(a->store, p->key, &g, &err) != M_OK)
		app_message(a, &err);
	else
		app_note(a, "%s", _("confirmed: it is a gap of the journey now (u undoes it)"));
	m_gap_clear(&g);
}

unsigned proposals_key(struct app *a, size_t *sel, enum action act)
{
	struct m_proposal_list l;
	proposals_load(a, &l);
	unsigned change = CH_REDRAW;
	const struct m_proposal *p = proposal_shown(*sel, &l);
	if (l.n == 0) {
		app_note(a, "%s", _("the program proposes no gaps in this journey"));
		*sel = 0;
	} else if (act == ACT_PROPOSAL) {
		*sel = *sel % l.n + 1;
		int i = story_step_index(&a->journey, l.items[*sel - 1].step_id);
		if (i >= 0)
			a->step_sel = (size_t)i;
	} else if (!p) {
		app_note(a, "%s", _("o first, to choose a proposed gap"));
	} else if (act == ACT_CONFIRM) {
		confirm(a, p);
		*sel = 0;
		change = CH_RELOAD;
	} else {
		struct merr err = {0};
		if (store_dismissal_add(a->store, a->journey_case, p->key, &err) != M_OK)
			app_message(a, &err);
		else
			app_note(a, "%s", _("dismissed: it is not proposed again (u undoes it)"));
		*sel = 0;
		change = CH_RELOAD;
	}
	m_proposal_list_clear(&l);
	return change;
}
