/* model_workshop.h - what the workshops keep besides the journeys: the sessions in a list, each
 * one's log of notes and decisions, and the room's dots on gaps, per workshop and summed over all
 * of them for the gap analysis. Plain structs as in model.h, each list with one clear function. */
#ifndef MELLAN_MODEL_WORKSHOP_H
#define MELLAN_MODEL_WORKSHOP_H

#include "model.h"

#include <stddef.h>

/* The workshops in date order, then as added. */
struct m_workshop_list {
	struct m_workshop *items;
	size_t n;
};
void m_workshop_list_clear(struct m_workshop_list *l);

/* One entry of a workshop's log, which is append-only. */
struct m_log_entry {
	m_id id;
	char *kind; /* "note" or "decision" */
	char *text;
	char *at;       /* "YYYY-MM-DD HH:MM", local time */
	char *initials; /* NULL when none were given */
};
struct m_log_list {
	struct m_log_entry *items; /* oldest first */
	size_t n;
};
void m_log_list_clear(struct m_log_list *l);

/* The dots each gap of a case got in one workshop. */
struct m_gap_dots {
	m_id gap_id;
	int dots;
};
struct m_gap_dots_list {
	struct m_gap_dots *items;
	size_t n;
};
void m_gap_dots_list_clear(struct m_gap_dots_list *l);
/* The dots of one gap in the list, 0 when it has none. */
int m_gap_dots_of(const struct m_gap_dots_list *l, m_id gap);

/* The group's priorities as the gap analysis needs them: for every gap that has votes, the dots
 * it got over all workshops and in how many workshops. Gaps without votes are absent. */
struct m_vote_total {
	m_id gap_id;
	int dots;
	int workshops;
};
struct m_vote_total_list {
	struct m_vote_total *items; /* in gap id order */
	size_t n;
};
void m_vote_total_list_clear(struct m_vote_total_list *l);
/* The votes of one gap in a loaded list; 0 when it has none. */
int m_vote_total_dots(const struct m_vote_total_list *l, m_id gap);

#endif
