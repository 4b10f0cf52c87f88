/* store_workshop.h - the port for the workshops: the sessions of the alliance, the cases each
 * one took up, its append-only log, the current one, and the dots the room puts on gaps. */
#ifndef MELLAN_STORE_WORKSHOP_H
#define MELLAN_STORE_WORKSHOP_H

#include "model_workshop.h"
#include "store.h"

#include <stdbool.h>

/* ---- the sessions ------------------------------------------------------------------------
 * The workshops in date order (then as added); store_workshop_update changes date, place,
 * sectors and notes. */
enum mstatus store_workshop_add(struct store *s, struct m_workshop *w, struct merr *err);
enum mstatus store_workshop_update(struct store *s, const struct m_workshop *w, struct merr *err);
enum mstatus store_workshop_list(struct store *s, struct m_workshop_list *out, struct merr *err);
enum mstatus store_workshop_case_add(struct store *s, m_id workshop, m_id case_id,
                                     struct merr *err);

/* ---- the log --------------------------------------------------------------------------------
 * kind is "note" or "decision". The log is append-only; it is read oldest first, each entry with
 * when and by whose initials it was written. */
enum mstatus store_workshop_log_add(struct store *s, m_id workshop, const char *kind,
                                    const char *text, struct merr *err);
enum mstatus store_workshop_log(struct store *s, m_id workshop, struct m_log_list *out,
                                struct merr *err);

/* ---- today's, the current one -------------------------------------------------------------
 * Today's workshop is the one dated today (the local date); with create, one is made (date only:
 * place and sectors are the facilitator's to fill in) when there is none, else *out is 0. The
 * current workshop (the one votes go to, what store_workshop_today gives) is the one chosen with
 * store_workshop_current_set while it exists, else today's; 0 chooses today's again. */
enum mstatus store_workshop_today(struct store *s, bool create, m_id *out, struct merr *err);
enum mstatus store_workshop_current_set(struct store *s, m_id workshop, struct merr *err);

/* ---- the dots ------------------------------------------------------------------------------
 * The room votes on gaps during a workshop. store_case_dots gives the dots each gap of a case has
 * in one workshop; the totals over all workshops are store_vote_totals (store_read.h). */
enum mstatus store_vote_add(struct store *s, m_id workshop, m_id gap, int dots, struct merr *err);
enum mstatus store_case_dots(struct store *s, m_id workshop, m_id case_id,
                             struct m_gap_dots_list *out, struct merr *err);
/* The dots last given to a gap in a workshop taken back, a slip of the finger: *dots gets how
 * many. A change like any other, so u gives them back. MR_NOT_FOUND when it has none there. */
enum mstatus store_vote_take_back(struct store *s, m_id workshop, m_id gap, int *dots,
                                  struct merr *err);

#endif
