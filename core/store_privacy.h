/* store_privacy.h - the port for keeping the young person anonymous (core/privacy.h): the
 * alliance's own list of names the scan catches, the findings the facilitator keeps on purpose,
 * and the free texts outside the journeys that the scan must read too. */
#ifndef MELLAN_STORE_PRIVACY_H
#define MELLAN_STORE_PRIVACY_H

#include "model_privacy.h"
#include "store.h"

/* ---- the list of names ---------------------------------------------------------------------- */
enum mstatus store_name_list(struct store *s, struct m_name_list *out, struct merr *err);
/* Adds a name, without the blanks around it. MR_EXISTS when it is on the list already in any
 * case ("åsa" when "Åsa" is there), MR_INVALID when it is empty or not UTF-8. */
enum mstatus store_name_add(struct store *s, const char *name, struct merr *err);
/* Removes a name, matched in any case. MR_NOT_FOUND when it is not on the list. */
enum mstatus store_name_remove(struct store *s, const char *name, struct merr *err);
/* The TUI's names screen: a name on the list by its id renamed (the same checks as adding), or
 * deleted. MR_NOT_FOUND when the id is gone. Each is one change for undo. */
enum mstatus store_name_update(struct store *s, m_id id, const char *name, struct merr *err);
enum mstatus store_name_delete(struct store *s, m_id id, struct merr *err);

/* ---- findings kept on purpose --------------------------------------------------------------- */
/* Keeping what is kept already changes nothing. */
enum mstatus store_kept_add(struct store *s, const char *record_uuid, const char *field,
                            const char *key, struct merr *err);
/* MR_NOT_FOUND when it was not kept. */
enum mstatus store_kept_remove(struct store *s, const char *record_uuid, const char *field,
                               const char *key, struct merr *err);
/* All of them, or (record_uuid not NULL) those of one record. */
enum mstatus store_kept_list(struct store *s, const char *record_uuid, struct m_kept_list *out,
                             struct merr *err);

/* ---- texts outside the journeys ------------------------------------------------------------- */
/* Each workshop's place and notes, and its log, oldest workshop first. */
enum mstatus store_workshop_texts(struct store *s, struct m_free_text_list *out, struct merr *err);
/* The texts the history keeps for undo that are no longer in the records: each value of a free
 * text column before it was changed, or of a record before it was deleted. */
enum mstatus store_history_texts(struct store *s, struct m_free_text_list *out, struct merr *err);

#endif
