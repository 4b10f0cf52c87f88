/* picker.h - the choices of the editor's pickers: actors (grouped by sector, found by name or
 * short label), gap categories, and each enumeration of the model with its translated labels.
 * An enumeration's value is stored plus one, because 0 means "nothing chosen" in a picker. */
#ifndef MELLAN_TUI_PICKER_H
#define MELLAN_TUI_PICKER_H

#include "core/model.h"
#include "form.h"

struct app;

enum picker_enum {
	PK_IV_KIND,
	PK_HO_KIND,
	PK_DOMAIN,
	PK_SECTOR,
	PK_CERTAINTY,
	PK_CASE_STATUS,
	PK_LEVEL,
	PK_GAP_STATUS,
	PK_FACTOR_KIND,
	PK_SEVERITY, /* 1 low .. 3 high: stored as itself */
	PK_ACTION_STATUS,
};

#define PICK_ENUM(v) ((int64_t)(v) + 1)
/* The enumeration value of a picker's choice; `fallback` when nothing is chosen. */
int pick_enum(int64_t picked, int fallback);

/* An actor's short label where it adds to its name ("SocBU"), NULL where the name says it
 * already ("Kommunala aktivitetsansvaret (KAA)") or there is none: shown after the name. */
const char *actor_alias(const struct m_actor *ac);
void picker_actors(const struct app *a, struct pick_list *l);
void picker_categories(const struct app *a, struct pick_list *l);
void picker_enum(enum picker_enum which, struct pick_list *l);
/* The steps of the open journey in story order, "3. ht 2015 · Title", from step `from` on (the
 * first when it is not in the journey): what a span that starts there can last until. */
void picker_steps(const struct app *a, m_id from, struct pick_list *l);

#endif
