/* store_propose.h - the port for the gaps the program proposes by itself (core/silence.h): which
 * the facilitator dismissed, confirming one as a gap, and the lengths proposals go by. */
#ifndef MELLAN_STORE_PROPOSE_H
#define MELLAN_STORE_PROPOSE_H

#include "store.h"

/* Proposals dismissed, by their keys: not proposed again. A dismissal is a change like any
 * other, so it can be undone. */
enum mstatus store_dismissal_add(struct store *s, m_id case_id, const char *key, struct merr *err);
enum mstatus store_dismissal_list(struct store *s, m_id case_id, struct m_key_list *out,
                                  struct merr *err);
/* Confirms a proposal: adds the gap (as store_gap_add) and remembers the proposal's key as
 * handled, together as one change. */
enum mstatus store_proposal_confirm(struct store *s, const char *key, struct m_gap *g,
                                    struct merr *err);

/* The lengths the program proposes gaps by, kept in the file; days outside 1..3650 are refused,
 * and unset ones read as the defaults given. */
enum mstatus store_proposal_lengths(struct store *s, int *silence_days, int *handover_days,
                                    struct merr *err);
enum mstatus store_proposal_lengths_set(struct store *s, int silence_days, int handover_days,
                                        struct merr *err);

#endif
