/* store.h - the port: what core/ and tui/ need from storage, and nothing about how it is kept.
 * db/ implements it on SQLite. Every function returns M_OK or fills err with one translated line
 * naming the file. Records passed in are the caller's; records and lists filled out become the
 * caller's and are released with their m_*_clear function (model.h).
 *
 * Writes: each add/update call is atomic on its own. A caller that needs several writes to land
 * together brackets them with store_begin()/store_commit(); store_rollback() undoes them. */
#ifndef MELLAN_STORE_H
#define MELLAN_STORE_H

#include "error.h"
#include "model.h"

#include <stdbool.h>

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,    /* create the file (and its directory) when missing */
	STORE_EXCLUSIVE = 1 << 1, /* with CREATE: refuse a file that already exists */
	STORE_READONLY = 1 << 2,  /* never write, never migrate */
	/* with READONLY: open a file whose integrity check fails, for check to report it and
	 * backup to copy out what can still be read */
	STORE_DAMAGED_OK = 1 << 3,
};

/* Opens or creates a mellan database. Refuses, leaving the file byte-for-byte as it was: a file
 * that is not SQLite (also empty or truncated) -> M_DATA/MR_NOT_DB, another program's SQLite
 * file -> M_DATA/MR_FOREIGN, a newer mellan's -> M_DATA/MR_NEWER. An older schema is migrated,
 * one version per transaction. The file, its -wal/-shm and created directories are private. */
enum mstatus store_open(const char *path, unsigned flags, struct store **out, struct merr *err);
void store_close(struct store **s);

const char *store_path(const struct store *s);
/* Whether path is the file s reads, or a file that belongs to it (its -wal, -shm, journal), also
 * when it does not exist yet, and by any name: another spelling, a link. */
bool store_owns_file(const struct store *s, const char *path);
int store_schema_version(const struct store *s);
/* The schema version this program writes. */
int store_current_schema_version(void);

/* The initials recorded with every change from now on (NULL or "" for none). */
void store_set_editor(struct store *s, const char *initials);

/* True when another connection (another mellan on the same file) committed a change since the
 * last call: a screen then reloads what it shows. */
bool store_changed_elsewhere(struct store *s);

enum mstatus store_begin(struct store *s, struct merr *err);
enum mstatus store_commit(struct store *s, struct merr *err);
void store_rollback(struct store *s);

/* ---- adding records ------------------------------------------------------------------------
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
enum mstatus store_workshop_add(struct store *s, struct m_workshop *w, struct merr *err);
enum mstatus store_workshop_case_add(struct store *s, m_id workshop, m_id case_id,
                                     struct merr *err);
/* kind is "note" or "decision"; the log is append-only. */
enum mstatus store_workshop_log_add(struct store *s, m_id workshop, const char *kind,
                                    const char *text, struct merr *err);
enum mstatus store_vote_add(struct store *s, m_id workshop, m_id gap, int dots, struct merr *err);

/* ---- reading -------------------------------------------------------------------------------- */
/* All cases in Swedish alphabetical order of their code, with their counts. */
enum mstatus store_case_list(struct store *s, struct m_case_list *out, struct merr *err);
/* The case whose code is exactly `code`: MR_NOT_FOUND when there is none. */
enum mstatus store_case_find(struct store *s, const char *code, struct m_case *out,
                             struct merr *err);
/* A whole journey: the case, its steps in story order with their factors, its interventions,
 * hand-overs and gaps (with actors and actions). */
enum mstatus store_journey_load(struct store *s, m_id case_id, struct m_journey *out,
                                struct merr *err);
/* The actor catalogue grouped by sector, then by name in Swedish order. */
enum mstatus store_actor_list(struct store *s, struct m_actor_list *out, struct merr *err);
enum mstatus store_category_list(struct store *s, struct m_category_list *out, struct merr *err);
enum mstatus store_threshold_list(struct store *s, struct m_threshold_list *out, struct merr *err);

/* ---- editing ---------------------------------------------------------------------------------
 * An update writes every field of the record as the caller holds it, but only while the row is
 * as the caller read it: each record carries the `updated` stamp it was loaded with, and when
 * another mellan has changed the row since, nothing is written and MR_CONFLICT comes back, so
 * the caller can tell the user and keep their edit to try again. A step's sort keys are derived
 * again; a gap's actors and actions are replaced by the gap's lists. A delete removes what belongs
 * to the record (a case's steps, a step's factors, ...); an actor or a category still in use is
 * refused with MR_EXISTS and a line that says where it is used. Every update and delete is one
 * change in the history, with the editor's initials. */
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

/* ---- search --------------------------------------------------------------------------------
 * Full-text search (FTS5) over every case's steps, interventions and gaps: titles, narratives,
 * voices, what was done, outcomes, what happened and what must change. Words are matched as
 * prefixes, å ä ö as themselves; hits in story order within each case. */
enum m_hit_kind { HIT_STEP, HIT_INTERVENTION, HIT_GAP };
struct m_hit {
	enum m_hit_kind kind;
	m_id id;      /* the step, intervention or gap */
	m_id case_id; /* and where to jump: the case and the step */
	m_id step_id;
	char *case_code;
	char *snippet; /* a piece of the text around the match, one line */
};
struct m_hit_list {
	struct m_hit *items;
	size_t n;
};
enum mstatus store_search(struct store *s, const char *query, struct m_hit_list *out,
                          struct merr *err);
void m_hit_list_clear(struct m_hit_list *l);

/* ---- whole-file operations ------------------------------------------------------------------ */
/* PRAGMA integrity_check and foreign_key_check: M_OK when both are clean, M_DATA otherwise. */
enum mstatus store_check_integrity(struct store *s, struct merr *err);

/* ---- projecting the journey: presenter follow, proposed gaps --------------------------------
 * Presenter follow: the facilitator's mellan publishes the case and step it has selected; a
 * follower on the same file (read-only is fine) notices the commit with store_changed_elsewhere()
 * and reads it. The database is the channel; publishing is no change to undo. */
enum mstatus store_follow_publish(struct store *s, m_id case_id, m_id step_id, struct merr *err);
/* What was last published (0 for none); MR_NOT_FOUND when nothing ever was, or the case or step
 * is no longer there (then *case_id and *step_id say what is left of it, 0 otherwise). */
enum mstatus store_follow_read(struct store *s, m_id *case_id, m_id *step_id, struct merr *err);

/* Proposed gaps (core/silence.h) the facilitator dismissed, by their keys: not proposed again.
 * A dismissal is a change like any other, so it can be undone. */
struct m_key_list {
	char **keys;
	size_t n;
};
void m_key_list_clear(struct m_key_list *l);
enum mstatus store_dismissal_add(struct store *s, m_id case_id, const char *key, struct merr *err);
enum mstatus store_dismissal_list(struct store *s, m_id case_id, struct m_key_list *out,
                                  struct merr *err);
/* Confirms a proposal: adds the gap (as store_gap_add) and remembers the proposal's key as
 * handled, together as one change. */
enum mstatus store_proposal_confirm(struct store *s, const char *key, struct m_gap *g,
                                    struct merr *err);
/* ---- analysis --------------------------------------------------------------------------------
 * The group's priorities as the gap analysis needs them: for every gap that has votes, the dots
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
enum mstatus store_vote_totals(struct store *s, struct m_vote_total_list *out, struct merr *err);
void m_vote_total_list_clear(struct m_vote_total_list *l);
/* The votes of one gap in a loaded list; 0 when it has none. */
int m_vote_total_dots(const struct m_vote_total_list *l, m_id gap);
/* ---- fieldwork: export, import, merge, backup -----------------------------------------------
 * The exchange format is described in mellan(5). Records travel by uuid: what is already here is
 * recognised, so doing any of these twice changes nothing the second time. */
#include <stdio.h>

/* Called now and then during long work: `done` of `total` records of the kind `what`. */
typedef void (*store_progress_fn)(void *arg, const char *what, long done, long total);

struct store_exchange_report {
	long added;   /* records that were not here */
	long same;    /* already here, as in the file */
	long kept;    /* already here but different: kept as here (merge brings changes over) */
	long matched; /* actors matched by name, categories by code */
	long history; /* history entries added */
};

/* Writes the chosen cases (codes; all when n is 0) with the actor catalogue, the gap categories,
 * the cases' records and their history as JSON, in a stable order: the same data gives the same
 * bytes. A code that names no case is refused with MR_NOT_FOUND. */
enum mstatus store_export_json(struct store *s, const char *const *codes, size_t n, FILE *out,
                               struct merr *err);
/* Reads an export (name is the file's name, for messages). All or nothing: any invalid record is
 * refused naming the line or the record and field, and nothing is written. */
enum mstatus store_import_json(struct store *s, const char *name, const char *text, size_t len,
                               struct store_exchange_report *r, store_progress_fn progress,
                               void *arg, struct merr *err);

/* ---- adding in bulk: a chronology import ---------------------------------------------------
 * Inside store_begin()/store_commit(): each statement is prepared once for the whole import and
 * no call reads more than its own record's index entries, so a row takes the same time however
 * many came before it. Values are checked as the single adds check them. store_bulk_end() after
 * the commit or the rollback. */
/* The case with this code, made when it is not here (*made), and the next place in its story:
 * the caller counts on from there for the steps it adds to it. */
enum mstatus store_bulk_case(struct store *s, const char *code, m_id *id, int *next_seq, bool *made,
                             struct merr *err);
/* A step with its uuid, case and seq given. */
enum mstatus store_bulk_step(struct store *s, struct m_step *stp, struct merr *err);
/* An intervention with its uuid given. */
enum mstatus store_bulk_intervention(struct store *s, struct m_intervention *iv, struct merr *err);
/* Whether a step, intervention or case with this uuid is here. */
enum mstatus store_record_exists(struct store *s, const char *uuid, bool *yes, struct merr *err);
void store_bulk_end(struct store *s);

/* A field changed on both sides since they last agreed: kept here, the other side's value
 * remembered until someone decides. */
struct store_conflict {
	m_id id;      /* what store_conflict_resolve() takes */
	char *what;   /* "step 'Flyttar till Rosengård' of case Amir" */
	char *field;  /* the exchange key: "title" */
	char *ours;   /* the value here, NULL for none */
	char *theirs; /* the other file's */
	bool new_now; /* found by this merge (false: found by an earlier one, still open) */
};
struct store_merge_report {
	long added, updated, deleted, matched, unchanged;
	struct store_conflict *conflicts; /* the open conflicts with the other file */
	size_t n_conflicts;
};
void store_merge_report_clear(struct store_merge_report *r);
/* Brings the database `other` into this one (store.h top: by uuid; mellan(1), merge). `other` is
 * opened read-only and never written; it is refused unless it is an intact mellan file of this
 * schema with nothing in it that mellan did not make. All or nothing. */
enum mstatus store_merge(struct store *s, const char *other, struct store_merge_report *r,
                         store_progress_fn progress, void *arg, struct merr *err);
/* The open conflicts of all merges, oldest first (report counts stay 0). */
enum mstatus store_conflict_list(struct store *s, struct store_merge_report *r, struct merr *err);
/* Decides conflict id: keep this side's value, or take the other side's (written like any
 * edit, one change in the history). Either way the conflict is closed. MR_NOT_FOUND when there
 * is no open conflict with that id; MR_INVALID for taking the other side of a case code clash
 * (rename one of the cases and merge again instead). */
enum mstatus store_conflict_resolve(struct store *s, m_id id, bool take_theirs, struct merr *err);
/* A consistent copy of the whole file at `out` (0600), made beside it and renamed into place,
 * while other mellans may be writing. `out` is checked as output_open() (output.h) does with
 * flags. */
enum mstatus store_backup(struct store *s, const char *out, unsigned flags, struct merr *err);
/* ---- presenter follow: a blanked presentation -------------------------------------------------
 * The facilitator blanks the presentation (b) so the room talks rather than reads; a follower
 * goes blank with it. Beside the follow row, outside history and undo like it. */
enum mstatus store_follow_blank_set(struct store *s, bool blank, struct merr *err);
bool store_follow_blanked(struct store *s);

/* ---- the workshop's dots ---------------------------------------------------------------------
 * The room votes on gaps during a workshop: store_vote_add above adds dots. Today's workshop is
 * the one dated today (the local date); with create, one is made (date only: place and sectors
 * are the facilitator's to fill in) when there is none, else *out is 0. store_case_dots gives
 * the dots each gap of a case has in one workshop. */
struct m_gap_dots {
	m_id gap_id;
	int dots;
};
struct m_gap_dots_list {
	struct m_gap_dots *items;
	size_t n;
};
enum mstatus store_workshop_today(struct store *s, bool create, m_id *out, struct merr *err);
enum mstatus store_case_dots(struct store *s, m_id workshop, m_id case_id,
                             struct m_gap_dots_list *out, struct merr *err);
/* The dots last given to a gap in a workshop taken back, a slip of the finger: *dots gets how
 * many. A change like any other, so u gives them back. MR_NOT_FOUND when it has none there. */
enum mstatus store_vote_take_back(struct store *s, m_id workshop, m_id gap, int *dots,
                                  struct merr *err);
void m_gap_dots_list_clear(struct m_gap_dots_list *l);
/* The dots of one gap in the list, 0 when it has none. */
int m_gap_dots_of(const struct m_gap_dots_list *l, m_id gap);

/* ---- privacy: the list of names, findings kept on purpose, workshop texts -------------------
 * The alliance's own list of names the privacy scan catches (core/privacy.h): the real young
 * people, their families, the staff in the room. Listed in Swedish order. */
struct m_name {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char *name;
};
struct m_name_list {
	struct m_name *items;
	size_t n;
};
void m_name_list_clear(struct m_name_list *l);
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

/* A finding the facilitator keeps on purpose: the record and field it is in, privacy_key() of
 * the finding (a hash, never the text), who kept it (the editor's initials) and when. */
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
/* Keeping what is kept already changes nothing. */
enum mstatus store_kept_add(struct store *s, const char *record_uuid, const char *field,
                            const char *key, struct merr *err);
/* MR_NOT_FOUND when it was not kept. */
enum mstatus store_kept_remove(struct store *s, const char *record_uuid, const char *field,
                               const char *key, struct merr *err);
/* All of them, or (record_uuid not NULL) those of one record. */
enum mstatus store_kept_list(struct store *s, const char *record_uuid, struct m_kept_list *out,
                             struct merr *err);

/* The free texts of the workshops, for the privacy scan: each workshop's place and notes, and
 * its log, oldest workshop first. */
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
enum mstatus store_workshop_texts(struct store *s, struct m_free_text_list *out, struct merr *err);
/* The texts the history keeps for undo that are no longer in the records: each value of a free
 * text column before it was changed, or of a record before it was deleted. */
enum mstatus store_history_texts(struct store *s, struct m_free_text_list *out, struct merr *err);

/* ---- the workshops: the sessions, their log, the current one, the proposals' lengths --------
 * The workshops in date order (then as added); store_workshop_update changes date, place,
 * sectors and notes. The log of a workshop is append-only (store_workshop_log_add above): it is
 * read oldest first, each entry with when and by whose initials it was written. The current
 * workshop (the one votes go to, what store_workshop_today gives) is the one chosen with
 * store_workshop_current_set while it exists, else today's; 0 chooses today's again. The
 * lengths the program proposes gaps by (core/silence.h) are kept in the file; days outside
 * 1..3650 are refused, and unset ones read as the defaults given. */
struct m_workshop_list {
	struct m_workshop *items;
	size_t n;
};
struct m_log_entry {
	m_id id;
	char *kind; /* "note" or "decision" */
	char *text;
	char *at;       /* "YYYY-MM-DD HH:MM", local time */
	char *initials; /* NULL when none were given */
};
struct m_log_list {
	struct m_log_entry *items;
	size_t n;
};
enum mstatus store_workshop_list(struct store *s, struct m_workshop_list *out, struct merr *err);
void m_workshop_list_clear(struct m_workshop_list *l);
enum mstatus store_workshop_update(struct store *s, const struct m_workshop *w, struct merr *err);
enum mstatus store_workshop_log(struct store *s, m_id workshop, struct m_log_list *out,
                                struct merr *err);
void m_log_list_clear(struct m_log_list *l);
enum mstatus store_workshop_current_set(struct store *s, m_id workshop, struct merr *err);
enum mstatus store_proposal_lengths(struct store *s, int *silence_days, int *handover_days,
                                    struct merr *err);
enum mstatus store_proposal_lengths_set(struct store *s, int silence_days, int handover_days,
                                        struct merr *err);

#endif
