/* present_follow.c - presenter follow, the screen side: the facilitator's mellan publishes the
 * case and step it shows each time they change; the follower (mellan present --follow) reads
 * them from the file and shows the same step, read-only. */
#include "private.h"

#include "core/store_follow.h"

/* After every key of the facilitator: publish the journey's selection when it changed, from the
 * screens that show it (not from a form or the help over them). */
void follow_publish(struct app *a)
{
	if (!a->journey_case || a->step_sel >= a->journey.n_steps || a->form)
		return;
	const struct screen_ops *top = screen_top(a)->ops;
	if (top != &screen_journey && top != &screen_present && top != &screen_lanes)
		return;
	struct follow *fw = &a->follow;
	m_id step = a->journey.steps[a->step_sel].id;
	bool blank = present_blanked(a);
	if (!fw->pending && fw->shown_case == a->journey_case && fw->shown_step == step &&
	    fw->shown_blank == blank)
		return;
	struct merr err = {0};
	enum mstatus st = M_OK;
	if (fw->pending || fw->shown_case != a->journey_case || fw->shown_step != step)
		st = store_follow_publish(a->store, a->journey_case, step, &err);
	if (st == M_OK && (fw->pending || fw->shown_blank != blank))
		st = store_follow_blank_set(a->store, blank, &err);
	fw->shown_case = a->journey_case;
	fw->shown_step = step;
	fw->shown_blank = blank;
	/* Busy: another mellan is writing; the next turn of the loop tries again. */
	fw->pending = st != M_OK && err.reason == MR_BUSY;
}

static bool select_step(struct app *a, m_id step)
{
	for (size_t i = 0; i < a->journey.n_steps; i++) {
		if (a->journey.steps[i].id == step) {
			a->step_sel = i;
			return true;
		}
	}
	return false;
}

/* At every turn of the follower's loop: what does the facilitator show now? */
unsigned follow_poll(struct app *a)
{
	struct merr err = {0};
	m_id kase = 0, step = 0;
	/* Nothing published, or a case since removed, reads as case 0: keep what is shown. */
	store_follow_read(a->store, &kase, &step, &err);
	if (!kase)
		return CH_NONE;
	if (present_set_blank(a, store_follow_blanked(a->store)))
		return CH_REDRAW;
	struct follow *fw = &a->follow;
	if (kase == fw->shown_case && step == fw->shown_step && kase == a->journey_case)
		return CH_NONE;
	if (kase != a->journey_case) {
		app_open_journey(a, kase);
		if (!a->journey_case)
			return CH_REDRAW; /* not (yet) readable: the message says why */
		screen_push(a, &screen_present);
	}
	/* A step added just now is not in what we loaded: read the journey again once. */
	if (!select_step(a, step)) {
		app_reload(a);
		if (!select_step(a, step))
			return CH_REDRAW; /* the next turn tries again */
	}
	fw->shown_case = kase;
	fw->shown_step = step;
	return CH_REDRAW;
}
