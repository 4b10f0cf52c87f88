/* silence.h - gaps the program can see by itself, proposed to the facilitator: stretches of
 * silence (risk factors recorded and no actor acting, for longer than a settable length) and
 * hand-overs never received or never acted on within a settable time. The facilitator confirms
 * one (it becomes a gap of the fitting category: store_proposal_confirm) or dismisses it
 * (store_dismissal_add: remembered, not proposed again). Works on a loaded journey only. */
#ifndef MELLAN_SILENCE_H
#define MELLAN_SILENCE_H

#include "model.h"

#include <stddef.h>

#define SILENCE_DEFAULT_DAYS 90  /* a silence shorter than about a school term is not shown */
#define HANDOVER_DEFAULT_DAYS 30 /* a referral should be received, and acted on, within this */
#define SILENCE_KEY_LEN 64

struct silence_settings {
	int silence_days;  /* propose silences at least this long */
	int handover_days; /* propose hand-overs received or acted on later than this */
};

enum m_proposal_kind {
	PROPOSE_SILENCE,      /* risk factors and no actor acting */
	PROPOSE_NOT_RECEIVED, /* a hand-over never received, or received too late */
	PROPOSE_NOT_ACTED,    /* received, but never acted on, or too late */
};

struct m_proposal {
	enum m_proposal_kind kind;
	char key[SILENCE_KEY_LEN]; /* stable across edits: what a dismissal remembers */
	m_id step_id;              /* where: the first step of the silence, the hand-over's step */
	m_id step_to;              /* the last step of the silence; 0 for a hand-over */
	m_id handover_id;          /* for a hand-over, 0 otherwise */
	int days;                  /* how long: the silence, or the hand-over's wait; -1 never */
	const char *category;      /* the code of the fitting gap category (catalogue.c) */
};

struct m_proposal_list {
	struct m_proposal *items;
	size_t n;
};

/* The proposals for a journey, in story order, leaving out the dismissed keys. cfg NULL: the
 * defaults. */
void silence_propose(const struct m_journey *j, const struct silence_settings *cfg,
                     const struct m_key_list *dismissed, struct m_proposal_list *out);
void m_proposal_list_clear(struct m_proposal_list *l);

/* One translated line saying what was seen, with actor names from the catalogue: what the
 * proposal shows, and what happened in the gap it becomes. */
void silence_describe(const struct m_proposal *p, const struct m_journey *j,
                      const struct m_actor_list *actors, char *buf, size_t n);

/* The gap a confirmed proposal becomes: the fitting category from the list (by code, else the
 * first), the steps, the hand-over's actors, severity 2 and the description. The gap is the
 * caller's (m_gap_clear). */
void silence_gap(const struct m_proposal *p, const struct m_journey *j,
                 const struct m_actor_list *actors, const struct m_category_list *categories,
                 struct m_gap *out);

#endif
