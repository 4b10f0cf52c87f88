/* store_follow.h - the port for presenter follow: the facilitator's mellan publishes the case and
 * step it has selected; a follower on the same file (read-only is fine) notices the commit with
 * store_changed_elsewhere() and reads it. The database is the channel; publishing is no change
 * to undo, and neither is blanking the presentation. */
#ifndef MELLAN_STORE_FOLLOW_H
#define MELLAN_STORE_FOLLOW_H

#include "store.h"

#include <stdbool.h>

enum mstatus store_follow_publish(struct store *s, m_id case_id, m_id step_id, struct merr *err);
/* What was last published (0 for none); MR_NOT_FOUND when nothing ever was, or the case or step
 * is no longer there (then *case_id and *step_id say what is left of it, 0 otherwise). */
enum mstatus store_follow_read(struct store *s, m_id *case_id, m_id *step_id, struct merr *err);

/* The facilitator blanks the presentation (b) so the room talks rather than reads; a follower
 * goes blank with it. */
enum mstatus store_follow_blank_set(struct store *s, bool blank, struct merr *err);
bool store_follow_blanked(struct store *s);

#endif
