/* model_privacy.h - what the privacy scan (privacy.h) works from besides the journeys: the
 * alliance's own list of names, the findings the facilitator keeps on purpose, and the free texts
 * of the workshops and of the history. Plain structs as in model.h, each list with one clear
 * function. */
#ifndef MELLAN_MODEL_PRIVACY_H
#define MELLAN_MODEL_PRIVACY_H

#include "model.h"

#include <stddef.h>

/* A name the scan catches: the real young people, their families, the staff in the room. */
struct m_name {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char *name;
};
struct m_name_list {
	struct m_name *items; /* in Swedish order */
	size_t n;
};
void m_name_list_clear(struct m_name_list *l);

/* A finding kept on purpose: the record and field it is in, privacy_key() of the finding (a
 * hash, never the text), who kept it (the editor's initials) and when. */
struct m_kept {
	char record_uuid[M_UUID_LEN + 1];
	char *field;
	char *key;
	char *editor; /* NULL when no initials were set */
	char *at;     /* UTC ISO-8601 */
};
struct m_kept_list {
	struct m_kept *items;
	size_t n;
};
void m_kept_list_clear(struct m_kept_list *l);

/* A free text outside the journeys, with where it is. */
struct m_free_text {
	char uuid[M_UUID_LEN + 1]; /* the record the text is in */
	char *table;               /* "workshop", "workshop_log"; for the history the record's */
	char *field;               /* "place", "notes", (a log entry) "text"; the column */
	char *label;               /* the workshop's date; for the history when it was changed */
	char *text;
};
struct m_free_text_list {
	struct m_free_text *items;
	size_t n;
};
void m_free_text_list_clear(struct m_free_text_list *l);

#endif
