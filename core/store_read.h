/* store_read.h - the port for reading the journeys: the cases, one case's whole journey, the
 * catalogue, full-text search, and the votes' totals the gap analysis counts. What the screens
 * show and what core/load.h hands to the analysis comes from here. */
#ifndef MELLAN_STORE_READ_H
#define MELLAN_STORE_READ_H

#include "model_workshop.h"
#include "store.h"

/* All cases in Swedish alphabetical order of their code, with their counts. */
enum mstatus store_case_list(struct store *s, struct m_case_list *out, struct merr *err);
/* The case whose code is exactly `code`: MR_NOT_FOUND when there is none. */
enum mstatus store_case_find(struct store *s, const char *code, struct m_case *out,
                             struct merr *err);
/* A whole journey: the case, its steps in story order (story.h) with their factors, its
 * interventions, hand-overs and gaps (with actors and actions). */
enum mstatus store_journey_load(struct store *s, m_id case_id, struct m_journey *out,
                                struct merr *err);
/* The actor catalogue grouped by sector, then by name in Swedish order. */
enum mstatus store_actor_list(struct store *s, struct m_actor_list *out, struct merr *err);
enum mstatus store_category_list(struct store *s, struct m_category_list *out, struct merr *err);
enum mstatus store_threshold_list(struct store *s, struct m_threshold_list *out, struct merr *err);

/* Full-text search (FTS5) over every case's steps, interventions and gaps: titles, narratives,
 * voices, what was done, outcomes, what happened and what must change. Words are matched as
 * prefixes, å ä ö as themselves; hits in story order within each case. */
enum mstatus store_search(struct store *s, const char *query, struct m_hit_list *out,
                          struct merr *err);

/* The dots every voted gap got over all workshops (model_workshop.h). */
enum mstatus store_vote_totals(struct store *s, struct m_vote_total_list *out, struct merr *err);

#endif
