/* present_follow.c - presenter follow, the screen side: the facilitator's mellan publishes the
 * case and step it shows each time they change; the follower (mellan present --follow) reads
 * them from the file and shows the same step, read-only. */
#include "private.h"

#include "core/store_follow.h"

/* After every key of the facilitator: publish the journey's selection when it changed. */
void follow_publish(struct app *a)
{
	if (!a->journey_case || a->step_sel >= a->journey.n_steps)
		return;
	if (a->screen != SCR_JOURNEY && a->screen != SCR_PRESENT && a->screen != SCR_LANES)
		return;
	m_id step = a->journey.steps[a->step_sel].id;
	bool blank = a->blank && a->screen == SCR_PRESENT;
	if (!a->publish_pending && a->shown_case == a->journey_case && a->shown_step == step &&
	    a->shown_blank == blank)
		return;
	struct merr err = {0};
	enum mstatus st = M_OK;
	if (a->publish_pending || a->shown_case != a->journey_case || a->shown_step != step)
		st = store_follow_publish(a->store, a->journey_case, step, &err);
	if (st == M_OK && (a->publish_pending || a->shown_blank != blank))
		st = store_follow_blank_set(a->store, blank, &err);
	a->shown_case = a->journey_case;
	a->shown_step = step;
	a->shown_blank = blank;
	/* Busy: another mellan is writing; the next turn of the loop tries again. */
	a->publish_pending = st != M_OK && err.reason == MR_BUSY;
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
	bool blank = store_follow_blanked(a->store);
	if (blank != a->blank) {
		a->blank = blank;
		return CH_REDRAW;
	}
	if (kase == a->shown_case && step == a->shown_step && kase == a->journey_case)
		return CH_NONE;
	if (kase != a->journey_case) {
		app_open_journey(a, kase);
		a->screen = SCR_PRESENT;
		if (!a->journey_case)
			return CH_REDRAW; /* not (yet) readable: the message says why */
	}
	/* A step added just now is not in what we loaded: read the journey again once. */
	if (!select_step(a, step)) {
		app_reload(a);
		if (!select_step(a, step))
			return CH_REDRAW; /* the next turn tries again */
	}
	a->shown_case = kase;
	a->shown_step = step;
	a->card_scroll = 0;
	return CH_REDRAW;
}
