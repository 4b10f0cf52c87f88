/* demo.h - the built-in demo: fictional, anonymised journeys and one workshop, good enough to
 * rehearse a real workshop. Each journey is a set of readable tables in its own demo_*.c;
 * demo.c turns them into records in memory, and seed.h writes those into a file.
 *
 * In the tables, steps are numbered from 1 in story order (the number is also the step's seq),
 * 0 means "no step"; actors are named as in the catalogue and categories by their code. */
#ifndef MELLAN_DEMO_H
#define MELLAN_DEMO_H

#include "error.h"
#include "model.h"
#include "model_workshop.h"

#include <stddef.h>

/* ---- the shape of a demo journey ---------------------------------------------------------- */

#define DEMO_MAX_FACTORS 3
#define DEMO_MAX_GAP_ACTORS 4
#define DEMO_MAX_ACTIONS 2

struct demo_step {
	const char *time; /* fuzzy-time code */
	const char *title;
	const char *narrative;
	enum m_domain domain;
	enum m_certainty certainty;
	const char *voice;
	const char *note;
	const char *risk[DEMO_MAX_FACTORS];
	const char *protective[DEMO_MAX_FACTORS];
};

struct demo_intervention {
	const char *actor;
	int from, to; /* step numbers; to 0 for a single step */
	enum m_intervention_kind kind;
	const char *start, *end;
	const char *what, *outcome;
	int effect;
};

struct demo_handover {
	int step;
	const char *from, *to;
	enum m_handover_kind kind;
	const char *sent, *received, *acted; /* NULL: it never happened */
	const char *note;
};

struct demo_gap_actor {
	const char *actor;
	enum m_gap_actor_role role;
};

struct demo_action {
	const char *what;
	const char *actor, *lead;
	const char *follow_up;
	enum m_action_status status;
};

struct demo_gap {
	int step, to; /* to 0 when at one step */
	const char *category;
	int severity;
	const char *what_happened, *what_must_change;
	enum m_gap_level level;
	enum m_gap_status status;
	struct demo_gap_actor actors[DEMO_MAX_GAP_ACTORS];
	struct demo_action actions[DEMO_MAX_ACTIONS];
};

struct demo_case {
	const char *code;
	int birth_year;
	const char *gender, *area, *summary;
	enum m_case_status status;
	const struct demo_step *steps;
	size_t n_steps;
	const struct demo_intervention *interventions;
	size_t n_interventions;
	const struct demo_handover *handovers;
	size_t n_handovers;
	const struct demo_gap *gaps;
	size_t n_gaps;
};

struct demo_log {
	const char *kind; /* "note" or "decision" */
	const char *text;
};

struct demo_vote {
	const char *case_code;
	int gap; /* number from 1 in the case's gap table */
	int dots;
};

struct demo_workshop {
	const char *date, *place, *sectors, *notes;
	const char *const *cases; /* codes, NULL-terminated */
	const struct demo_log *log;
	size_t n_log;
	const struct demo_vote *votes;
	size_t n_votes;
};

#define DEMO_LEN(a) (sizeof(a) / sizeof((a)[0]))

extern const struct demo_case demo_case_sam;
extern const struct demo_case demo_case_noor;
extern const struct demo_case demo_case_kim;
extern const struct demo_workshop demo_workshop;
/* The cases in the order they are loaded. */
extern const struct demo_case *const demo_cases[];
extern const size_t demo_n_cases;

/* ---- the demo in memory ------------------------------------------------------------------
 * Names are resolved against the catalogue given (actors by name, categories by code); one the
 * catalogue lacks is refused with M_DATA/MR_NOT_FOUND, naming `name` (the file the demo is meant
 * for). Records get ids from *next_id on, one count for all of them, in the order a file would
 * give them theirs, and new uuids as a file would. Steps stay in the tables' order (seq 1, 2, ...) with their sort keys derived;
 * story_sort() (story.h) puts them in story order as the store reads them. */

/* One demo case as a journey under the given code. */
enum mstatus demo_journey(const struct demo_case *dc, const char *code,
                          const struct m_actor_list *actors,
                          const struct m_category_list *categories, const char *name, m_id *next_id,
                          struct m_journey *out, struct merr *err);

/* The whole demo: every case's journey, and the workshop with its cases, log and votes. */
struct demo_set {
	struct m_journey *journeys; /* as demo_cases */
	size_t n_journeys;
	struct m_workshop workshop;
	size_t *cases; /* the cases the workshop took up: indexes into journeys */
	size_t n_cases;
	const struct demo_log *log; /* the table's own */
	size_t n_log;
	struct m_gap_dots_list votes; /* the room's dots, in the table's order */
};
enum mstatus demo_build(const struct m_actor_list *actors, const struct m_category_list *categories,
                        const char *name, struct demo_set *out, struct merr *err);
void demo_set_clear(struct demo_set *d);

#endif
