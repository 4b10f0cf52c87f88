/* store_edit.h - the port for editing the journeys and the catalogue: adding, updating and
 * deleting records, moving a step, and undo and redo. Every update and delete is one change in
 * the history, with the editor's initials (store_set_editor). */
#ifndef MELLAN_STORE_EDIT_H
#define MELLAN_STORE_EDIT_H

#include "store.h"

#include <stddef.h>

/* ---- adding --------------------------------------------------------------------------------
 * Each fills in the record's id, and its uuid when it was empty (a record coming from another
 * laptop keeps the uuid it has). */
enum mstatus store_actor_add(struct store *s, struct m_actor *a, struct merr *err);
enum mstatus store_category_add(struct store *s, struct m_category *c, struct merr *err);
enum mstatus store_threshold_add(struct store *s, struct m_threshold *t, struct merr *err);
enum mstatus store_case_add(struct store *s, struct m_case *c, struct merr *err);
/* Derives sort_from/sort_to from the time and the case's birth year; seq 0 means "last". */
enum mstatus store_step_add(struct store *s, struct m_step *st, struct merr *err);
enum mstatus store_factor_add(struct store *s, struct m_factor *f, struct merr *err);
enum mstatus store_intervention_add(struct store *s, struct m_intervention *iv, struct merr *err);
enum mstatus store_handover_add(struct store *s, struct m_handover *h, struct merr *err);
/* Adds the gap with its actors and actions (whose gap_id it sets). */
enum mstatus store_gap_add(struct store *s, struct m_gap *g, struct merr *err);

/* ---- updating and deleting -----------------------------------------------------------------
 * An update writes every field of the record as the caller holds it, but only while the row is
 * as the caller read it: each record carries the `updated` stamp it was loaded with, and when
 * another mellan has changed the row since, nothing is written and MR_CONFLICT comes back, so
 * the caller can tell the user and keep their edit to try again. A step's sort keys are derived
 * again; a gap's actors and actions are replaced by the gap's lists. A delete removes what belongs
 * to the record (a case's steps, a step's factors, ...); an actor or a category still in use is
 * refused with MR_EXISTS and a line that says where it is used. */
enum mstatus store_case_update(struct store *s, struct m_case *c, struct merr *err);
enum mstatus store_step_update(struct store *s, struct m_step *st, struct merr *err);
enum mstatus store_factor_update(struct store *s, struct m_factor *f, struct merr *err);
enum mstatus store_intervention_update(struct store *s, struct m_intervention *iv,
                                       struct merr *err);
enum mstatus store_handover_update(struct store *s, struct m_handover *h, struct merr *err);
enum mstatus store_gap_update(struct store *s, struct m_gap *g, struct merr *err);
enum mstatus store_actor_update(struct store *s, struct m_actor *a, struct merr *err);
enum mstatus store_category_update(struct store *s, struct m_category *c, struct merr *err);
enum mstatus store_case_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_step_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_factor_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_intervention_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_handover_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_gap_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_actor_delete(struct store *s, m_id id, struct merr *err);
enum mstatus store_category_delete(struct store *s, m_id id, struct merr *err);
/* Moves a step one place earlier (delta -1) or later (+1) in the facilitator's order; only
 * steps whose times do not decide the order between them can change places. */
enum mstatus store_step_move(struct store *s, m_id step, int delta, struct merr *err);

/* ---- undo and redo -------------------------------------------------------------------------
 * A change is everything one write transaction wrote: a form saved (a gap with its actors and
 * actions is one change), a delete with what it took along. Undo reverts the latest change not
 * yet undone; redo re-applies the latest undone change, until a new change is made. Both live in
 * the file, so they work after a restart. `what` receives a short translated description for the
 * message line ("undid: step 'Flyttar till Rosengård' edited"). MR_NOT_FOUND: nothing to undo or
 * redo. MR_CONFLICT: a later change by another mellan touched the same rows; nothing is done. */
enum mstatus store_undo(struct store *s, char *what, size_t n, struct merr *err);
enum mstatus store_redo(struct store *s, char *what, size_t n, struct merr *err);

#endif
