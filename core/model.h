/* model.h - what the things of a journey are: actors, cases, steps, interventions, hand-overs,
 * gaps, factors, thresholds, workshops. Plain structs owned by whoever loaded them; each list
 * type has one free function. Enumerations carry a stable code (what the database and exports
 * store, never translated) and a label (what people read, translated at use).
 *
 * The domain's types live in core/ with their clean-up, so everything that computes on them
 * links without the store. Besides this file:
 *   model_workshop.h  the workshops in a list, their logs, the room's dots and vote totals
 *   model_privacy.h   the list of names, findings kept on purpose, the free texts to scan
 *   model_merge.h     what a merge found changed on both sides */
#ifndef MELLAN_MODEL_H
#define MELLAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define M_UUID_LEN 36 /* textual form, without the NUL */
/* The `updated` stamp of a record as loaded, "2026-11-22T19:37:37.123Z": an update is written
 * only while the row still has it (store_edit.h). */
#define M_STAMP_LEN 24

typedef int64_t m_id; /* row id inside one database file; 0 means "none" */

/* ---- enumerations ------------------------------------------------------------------------ */

enum m_sector {
	SECTOR_MUNICIPALITY,
	SECTOR_STATE,
	SECTOR_REGION,
	SECTOR_CIVIL,
	SECTOR_BUSINESS,
	SECTOR_ACADEMIA,
	SECTOR_NETWORK, /* the young person and their family and informal network */
	SECTOR_COUNT
};

enum m_case_status { CASE_DRAFT, CASE_READY, CASE_REVIEWED, CASE_STATUS_COUNT };

enum m_domain {
	DOMAIN_NONE,
	DOMAIN_FAMILY,
	DOMAIN_SCHOOL,
	DOMAIN_HOUSING, /* neighbourhood and housing */
	DOMAIN_HEALTH,
	DOMAIN_LEISURE, /* friends and leisure */
	DOMAIN_WORK,    /* work and income */
	DOMAIN_JUSTICE,
	DOMAIN_COUNT
};

enum m_certainty { CERT_OBSERVED, CERT_REPORTED, CERT_INFERRED, CERT_DISPUTED, CERT_COUNT };

enum m_intervention_kind {
	IV_MADE,     /* made */
	IV_POSSIBLE, /* possible but not made */
	IV_DECLINED, /* declined by the young person */
	IV_REFUSED,  /* refused by the actor */
	IV_WAITING,  /* waiting in a queue */
	IV_KIND_COUNT
};

enum m_handover_kind { HO_REFERRAL, HO_TRANSFER, HO_KIND_COUNT }; /* remiss, överlämning */

enum m_gap_level { LEVEL_PRACTICE, LEVEL_ORGANISATION, LEVEL_POLICY, LEVEL_COUNT };

enum m_gap_status { GAP_OPEN, GAP_LIFTED, GAP_ADDRESSED, GAP_STATUS_COUNT };

enum m_gap_actor_role { GAR_INVOLVED, GAR_COULD_HAVE_ACTED, GAR_COUNT };

enum m_factor_kind { FACTOR_RISK, FACTOR_PROTECTIVE, FACTOR_KIND_COUNT };

enum m_action_status { ACTION_OPEN, ACTION_DONE, ACTION_DROPPED, ACTION_STATUS_COUNT };

/* Stable codes ("municipality", "made", ...) and translated labels for each enumeration.
 * *_from_code returns -1 for an unknown code. */
const char *m_sector_code(enum m_sector v);
const char *m_sector_label(enum m_sector v);
int m_sector_from_code(const char *code);
const char *m_case_status_code(enum m_case_status v);
const char *m_case_status_label(enum m_case_status v);
int m_case_status_from_code(const char *code);
const char *m_domain_code(enum m_domain v);
const char *m_domain_label(enum m_domain v);
int m_domain_from_code(const char *code);
const char *m_certainty_code(enum m_certainty v);
const char *m_certainty_label(enum m_certainty v);
int m_certainty_from_code(const char *code);
const char *m_iv_kind_code(enum m_intervention_kind v);
const char *m_iv_kind_label(enum m_intervention_kind v);
int m_iv_kind_from_code(const char *code);
const char *m_ho_kind_code(enum m_handover_kind v);
const char *m_ho_kind_label(enum m_handover_kind v);
int m_ho_kind_from_code(const char *code);
const char *m_level_code(enum m_gap_level v);
const char *m_level_label(enum m_gap_level v);
int m_level_from_code(const char *code);
const char *m_gap_status_code(enum m_gap_status v);
const char *m_gap_status_label(enum m_gap_status v);
int m_gap_status_from_code(const char *code);
const char *m_gap_actor_role_code(enum m_gap_actor_role v);
int m_gap_actor_role_from_code(const char *code);
const char *m_factor_kind_code(enum m_factor_kind v);
const char *m_factor_kind_label(enum m_factor_kind v);
int m_factor_kind_from_code(const char *code);
const char *m_action_status_code(enum m_action_status v);
int m_action_status_from_code(const char *code);

/* The same codes and labels as data, for what handles every enumeration alike (records.h). */
struct m_code {
	const char *code;
	const char *label; /* N_() marked; translated at use */
};
struct m_enum {
	const struct m_code *items; /* indexed by the enumeration's value */
	int n;
};
extern const struct m_enum m_sectors, m_case_statuses, m_domains, m_certainties, m_iv_kinds,
    m_ho_kinds, m_levels, m_gap_statuses, m_gap_roles, m_factor_kinds, m_action_statuses,
    m_log_kinds;
/* "?" for a value out of range; -1 for an unknown code. */
const char *m_enum_code(const struct m_enum *e, int v);
int m_enum_value(const struct m_enum *e, const char *code);

/* ---- records ----------------------------------------------------------------------------- */
/* Text fields are heap strings owned by the record; optional ones may be NULL.
 * Time fields hold fuzzy-time codes (see fuzzytime.h), NULL when unknown. */

struct m_actor {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	char *name;        /* "Socialtjänsten" */
	char *short_label; /* "Soc", for narrow columns */
	enum m_sector sector;
	int colour; /* index into the themes' actor palette, 0..7 */
	char *description;
};

struct m_category {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	char *code; /* stable short name, "handover-broke" */
	char *name; /* what people read, "Överlämningen brast" */
	char *description;
	int sort_order;
};

struct m_case {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	char *code;     /* the pseudonym: "Amir", "Fall 3" */
	int birth_year; /* 0 when unknown: a year, never a date */
	char *gender;   /* optional, free short text */
	char *area;     /* optional kind of area, "storstad", "mindre ort" */
	char *summary;
	enum m_case_status status;
	/* Counts, filled by list queries (0 elsewhere). */
	int n_steps, n_interventions, n_handovers, n_gaps;
};

struct m_factor {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	m_id step_id;
	enum m_factor_kind kind;
	char *text;
};

struct m_step {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	m_id case_id;
	char *time;      /* fuzzy-time code, NULL when unknown */
	char *sort_from; /* ISO date derived from time (and the case's birth year), NULL if none */
	char *sort_to;
	int seq; /* the facilitator's order: the tie-break for equal or missing times */
	char *title;
	char *narrative;
	enum m_domain domain;
	enum m_certainty certainty;
	char *voice; /* the young person's own words */
	char *note;  /* for the facilitator only: never projected */
	/* Filled by store_case_load(); owned by the step. */
	struct m_factor *factors;
	size_t n_factors;
};

struct m_intervention {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	m_id case_id;
	m_id actor_id;
	m_id step_from; /* the step it starts at */
	m_id step_to;   /* the step it ends at; 0 when it is a single step */
	enum m_intervention_kind kind;
	char *start; /* fuzzy-time codes */
	char *end;
	char *what;    /* what was done or could have been done */
	char *outcome; /* what came of it */
	int effect;    /* the group's judgement: -2 harmful .. +2 helped a lot; 0 none/unknown */
};

struct m_handover {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	m_id case_id;
	m_id step_id; /* where in the story it was sent */
	m_id from_actor;
	m_id to_actor;
	enum m_handover_kind kind;
	char *sent; /* fuzzy-time codes; received/acted NULL when it never happened */
	char *received;
	char *acted;
	char *note;
};

struct m_gap_actor {
	m_id actor_id;
	enum m_gap_actor_role role;
};

struct m_action {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	m_id gap_id;
	char *what;
	m_id actor_id;   /* who must do it */
	m_id lead_id;    /* who holds the thread */
	char *follow_up; /* fuzzy-time code, usually a date */
	enum m_action_status status;
};

struct m_gap {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char updated[M_STAMP_LEN + 1];
	m_id case_id;
	m_id step_id; /* at this step ... */
	m_id step_to; /* ... or between step_id and step_to; 0 when at one step */
	m_id category_id;
	int severity; /* 1 low .. 3 high */
	char *what_happened;
	char *what_must_change;
	enum m_gap_level level;
	enum m_gap_status status;
	struct m_gap_actor *actors;
	size_t n_actors;
	struct m_action *actions;
	size_t n_actions;
};

struct m_threshold {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	int age;
	char *label;   /* "Myndig", "Vuxenpsykiatrin tar över" */
	m_id actor_id; /* 0 when it concerns no one actor */
	bool starts;   /* the actor's responsibility starts (true) or ends (false) here */
};

struct m_workshop {
	m_id id;
	char uuid[M_UUID_LEN + 1];
	char *date; /* ISO date */
	char *place;
	char *sectors; /* comma-separated sector codes that took part: never names */
	char *notes;
};

/* One case's whole journey, as the journey screen and the reports need it. */
struct m_journey {
	struct m_case kase;
	struct m_step *steps; /* in story order: time, then seq */
	size_t n_steps;
	struct m_intervention *interventions;
	size_t n_interventions;
	struct m_handover *handovers;
	size_t n_handovers;
	struct m_gap *gaps;
	size_t n_gaps;
};

struct m_case_list {
	struct m_case *items;
	size_t n;
};

struct m_actor_list {
	struct m_actor *items;
	size_t n;
};

struct m_category_list {
	struct m_category *items;
	size_t n;
};

struct m_threshold_list {
	struct m_threshold *items;
	size_t n;
};

/* Each frees what the record owns and zeroes it; the record itself is the caller's. Each copy
 * makes `to` a deep copy of `from`, with texts and lists of its own (whatever `to` held is
 * overwritten, not freed). Both follow the kind's table (records.h). */
void m_actor_clear(struct m_actor *a);
void m_category_clear(struct m_category *c);
void m_case_clear(struct m_case *c);
void m_factor_clear(struct m_factor *f);
void m_step_clear(struct m_step *s);
void m_intervention_clear(struct m_intervention *iv);
void m_handover_clear(struct m_handover *h);
void m_action_clear(struct m_action *a);
void m_gap_clear(struct m_gap *g);
void m_threshold_clear(struct m_threshold *t);
void m_workshop_clear(struct m_workshop *w);
void m_actor_copy(struct m_actor *to, const struct m_actor *from);
void m_category_copy(struct m_category *to, const struct m_category *from);
void m_case_copy(struct m_case *to, const struct m_case *from);
void m_step_copy(struct m_step *to, const struct m_step *from);
void m_intervention_copy(struct m_intervention *to, const struct m_intervention *from);
void m_handover_copy(struct m_handover *to, const struct m_handover *from);
void m_factor_copy(struct m_factor *to, const struct m_factor *from);
void m_gap_copy(struct m_gap *to, const struct m_gap *from);
void m_action_copy(struct m_action *to, const struct m_action *from);
void m_threshold_copy(struct m_threshold *to, const struct m_threshold *from);
void m_workshop_copy(struct m_workshop *to, const struct m_workshop *from);
void m_journey_clear(struct m_journey *j);
void m_case_list_clear(struct m_case_list *l);
void m_actor_list_clear(struct m_actor_list *l);
void m_category_list_clear(struct m_category_list *l);
void m_threshold_list_clear(struct m_threshold_list *l);

/* Lookups in a loaded list; NULL when absent. */
const struct m_actor *m_actor_find(const struct m_actor_list *l, m_id id);
const struct m_category *m_category_find(const struct m_category_list *l, m_id id);

/* ---- found in the journeys ---------------------------------------------------------------- */

/* Where a search found its words (store_search): the record, and where to jump to. */
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
void m_hit_list_clear(struct m_hit_list *l);

/* Keys of a case's proposed gaps the facilitator dismissed (core/silence.h). */
struct m_key_list {
	char **keys;
	size_t n;
};
void m_key_list_clear(struct m_key_list *l);

#endif
