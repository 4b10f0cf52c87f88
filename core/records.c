/* records.c - the table of every kind of record (records.h says what follows from them and how to
 * add a field or a kind). A kind's fields are in the order of its columns in the file, which is
 * also the order of the keys in an export: keep it. Each line names the C member it describes,
 * and the compiler checks that the member exists and has the type the line says. */
#include "records.h"

#include "i18n.h"

#include <limits.h>
#include <stddef.h>

/* The offset of member m of struct T, which must have type `ty` (or: an error here). */
#define AT(m, ty) (offsetof(T, m) + 0 * sizeof(_Generic(((T *)0)->m, ty : 1)))
/* ... of an array member of n chars. */
#define ARR(m, n) (offsetof(T, m) + 0 * sizeof(char[sizeof(((T *)0)->m) == (n) ? 1 : -1]))
/* ... of an enumeration, held in the size of an int (record.c reads it as one). */
#define ENUM_AT(m, ty) (AT(m, ty) + 0 * sizeof(char[sizeof(((T *)0)->m) == sizeof(int) ? 1 : -1]))

/* A field: col, key, and for a held one the member. A `_` variant describes a column that the
 * kind's struct does not hold (a link row's, `created`). */
#define UUID .col = "uuid", .key = "uuid", .type = RT_UUID, .off = ARR(uuid, M_UUID_LEN + 1)
#define UUID_ .col = "uuid", .key = "uuid", .type = RT_UUID, .off = RECORD_NOWHERE
#define CREATED .col = "created", .key = "created", .type = RT_STAMP, .off = RECORD_NOWHERE
#define UPDATED                                                                                    \
	.col = "updated", .key = "updated", .type = RT_STAMP, .off = ARR(updated, M_STAMP_LEN + 1)
#define UPDATED_ .col = "updated", .key = "updated", .type = RT_STAMP, .off = RECORD_NOWHERE
#define TEXT(m, c, k, fl) .col = c, .key = k, .type = RT_TEXT, .flags = (fl), .off = AT(m, char *)
#define TEXT_(c, k, fl) .col = c, .key = k, .type = RT_TEXT, .flags = (fl), .off = RECORD_NOWHERE
#define TIME(m, c, k) .col = c, .key = k, .type = RT_TIME, .off = AT(m, char *)
#define CODES(m, c, k, e) .col = c, .key = k, .type = RT_CODES, .off = AT(m, char *), .codes = &(e)
#define INT(m, c, k, fl, l, h)                                                                     \
	.col = c, .key = k, .type = RT_INT, .flags = (fl), .off = AT(m, int), .lo = (l), .hi = (h)
#define INT_(c, k, l, h)                                                                           \
	.col = c, .key = k, .type = RT_INT, .off = RECORD_NOWHERE, .lo = (l), .hi = (h)
#define BOOL(m, c, k) .col = c, .key = k, .type = RT_BOOL, .off = AT(m, bool), .lo = 0, .hi = 1
#define ENUM(m, ty, c, k, e)                                                                       \
	.col = c, .key = k, .type = RT_ENUM, .off = ENUM_AT(m, ty), .codes = &(e)
#define ENUM_(c, k, e) .col = c, .key = k, .type = RT_ENUM, .off = RECORD_NOWHERE, .codes = &(e)
#define REF(m, c, k, fl, kind)                                                                     \
	.col = c, .key = k, .type = RT_REF, .flags = (fl), .off = AT(m, m_id), .ref = &records[kind]
#define REF_(c, k, fl, kind)                                                                       \
	.col = c, .key = k, .type = RT_REF, .flags = (fl), .off = RECORD_NOWHERE,                  \
	.ref = &records[kind]

#define REQ RF_REQUIRED
#define FREE RF_FREE

/* ---- the catalogue ------------------------------------------------------------------------- */

#define T struct m_actor
static const struct record_field actor_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {TEXT(name, "name", "name", REQ | FREE | RF_MATCH | RF_FOLD), .label = N_("name"),
     .bad = N_("an actor needs a name")},
    {TEXT(short_label, "short_label", "short_label", FREE), .label = N_("short label")},
    {ENUM(sector, enum m_sector, "sector", "sector", m_sectors),
     .bad = N_("an actor's sector is not one of the known sectors")},
    {INT(colour, "colour", "colour", 0, 0, 7),
     .bad = N_("an actor's colour must be between 0 and 7")},
    {TEXT(description, "description", "description", FREE), .label = N_("description")},
};
#undef T

#define T struct m_category
static const struct record_field category_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {TEXT(code, "code", "code", REQ | RF_UNIQUE | RF_MATCH),
     .bad = N_("a gap category needs a code and a name")},
    {TEXT(name, "name", "name", REQ | FREE), .label = N_("name"),
     .bad = N_("a gap category needs a code and a name")},
    {TEXT(description, "description", "description", FREE), .label = N_("description")},
    {INT(sort_order, "sort_order", "sort_order", 0, INT_MIN, INT_MAX)},
};
#undef T

#define T struct m_threshold
static const struct record_field threshold_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED_},
    {INT(age, "age", "age", RF_MATCH, 0, 30),
     .bad = N_("a threshold's age must be between 0 and 30")},
    {TEXT(label, "label", "label", REQ | FREE | RF_MATCH | RF_FOLD), .label = N_("label"),
     .bad = N_("a threshold needs a label")},
    {REF(actor_id, "actor_id", "actor", 0, R_ACTOR)},
    {BOOL(starts, "starts", "starts")},
};
#undef T

/* ---- a case and its journey ---------------------------------------------------------------- */

#define T struct m_case
static const struct record_field case_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {TEXT(code, "code", "code", REQ | FREE | RF_UNIQUE), .label = N_("code"),
     .bad = N_("a case needs a code")},
    {INT(birth_year, "birth_year", "birth_year", RF_NULL0, 1900, 2100),
     .bad = N_("a birth year must be a year between 1900 and 2100")},
    {TEXT(gender, "gender", "gender", FREE), .label = N_("gender")},
    {TEXT(area, "area", "area", FREE), .label = N_("area")},
    {TEXT(summary, "summary", "summary", FREE), .label = N_("summary")},
    {ENUM(status, enum m_case_status, "status", "status", m_case_statuses),
     .bad = N_("a case's status is not one of the known ones")},
};
#undef T

#define T struct m_step
static const struct record_field step_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {REF(case_id, "case_id", "case", REQ | RF_OWNER, R_CASE),
     .bad = N_("a step must belong to a case")},
    {TIME(time, "time", "time")},
    {TEXT(sort_from, "sort_from", NULL, RF_DERIVED)},
    {TEXT(sort_to, "sort_to", NULL, RF_DERIVED)},
    {INT(seq, "seq", "seq", RF_AUTO, 1, INT_MAX),
     .bad = N_("a step's place in the story cannot be negative")},
    {TEXT(title, "title", "title", REQ | FREE), .label = N_("title"),
     .bad = N_("a step needs a title")},
    {TEXT(narrative, "narrative", "narrative", FREE), .label = N_("narrative")},
    {ENUM(domain, enum m_domain, "domain", "domain", m_domains),
     .bad = N_("a step's life domain is not one of the known ones")},
    {ENUM(certainty, enum m_certainty, "certainty", "certainty", m_certainties),
     .bad = N_("a step's certainty is not one of the known ones")},
    {TEXT(voice, "voice", "voice", FREE), .label = N_("their own words")},
    {TEXT(note, "note", "note", FREE), .label = N_("facilitator's note")},
};
static const struct record_child step_children[] = {
    {&records[R_FACTOR], offsetof(T, factors), offsetof(T, n_factors), false},
};
#undef T

#define T struct m_factor
static const struct record_field factor_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {REF(step_id, "step_id", "step", REQ | RF_OWNER, R_STEP),
     .bad = N_("a factor must belong to a step")},
    {ENUM(kind, enum m_factor_kind, "kind", "kind", m_factor_kinds),
     .bad = N_("a factor is either a risk or a protective factor")},
    {TEXT(text, "text", "text", REQ | FREE), .label = N_("text"),
     .bad = N_("a factor needs a text")},
};
#undef T

#define T struct m_intervention
static const struct record_field intervention_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {REF(case_id, "case_id", "case", REQ | RF_OWNER, R_CASE),
     .bad = N_("an intervention needs a case and an actor")},
    {REF(actor_id, "actor_id", "actor", REQ, R_ACTOR),
     .bad = N_("an intervention needs a case and an actor")},
    {REF(step_from, "step_from", "step_from", 0, R_STEP)},
    {REF(step_to, "step_to", "step_to", 0, R_STEP)},
    {ENUM(kind, enum m_intervention_kind, "kind", "kind", m_iv_kinds),
     .bad = N_("an intervention's kind is not one of the known ones")},
    {TIME(start, "start_time", "start")},
    {TIME(end, "end_time", "end")},
    {TEXT(what, "what", "what", FREE), .label = N_("what was done")},
    {TEXT(outcome, "outcome", "outcome", FREE), .label = N_("outcome")},
    {INT(effect, "effect", "effect", 0, -2, 2),
     .bad = N_("an intervention's effect must be between -2 and +2")},
};
#undef T

#define T struct m_handover
static const struct record_field handover_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {REF(case_id, "case_id", "case", REQ | RF_OWNER, R_CASE),
     .bad = N_("a hand-over needs a case, a sender and a receiver")},
    {REF(step_id, "step_id", "step", 0, R_STEP)},
    {REF(from_actor, "from_actor", "from", REQ, R_ACTOR),
     .bad = N_("a hand-over needs a case, a sender and a receiver")},
    {REF(to_actor, "to_actor", "to", REQ, R_ACTOR),
     .bad = N_("a hand-over needs a case, a sender and a receiver")},
    {ENUM(kind, enum m_handover_kind, "kind", "kind", m_ho_kinds),
     .bad = N_("a hand-over's kind is not one of the known ones")},
    {TIME(sent, "sent", "sent")},
    {TIME(received, "received", "received")},
    {TIME(acted, "acted", "acted")},
    {TEXT(note, "note", "note", FREE), .label = N_("note")},
};
#undef T

#define T struct m_gap
static const struct record_field gap_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED},
    {REF(case_id, "case_id", "case", REQ | RF_OWNER, R_CASE),
     .bad = N_("a gap needs a case and a category")},
    {REF(step_id, "step_id", "step", 0, R_STEP)},
    {REF(step_to, "step_to", "step_to", 0, R_STEP)},
    {REF(category_id, "category_id", "category", REQ, R_CATEGORY),
     .bad = N_("a gap needs a case and a category")},
    {INT(severity, "severity", "severity", 0, 1, 3),
     .bad = N_("a gap's severity must be 1, 2 or 3")},
    {TEXT(what_happened, "what_happened", "what_happened", FREE), .label = N_("what happened")},
    {TEXT(what_must_change, "what_must_change", "what_must_change", FREE),
     .label = N_("what must change")},
    {ENUM(level, enum m_gap_level, "level", "level", m_levels),
     .bad = N_("a gap's level or status is not one of the known ones")},
    {ENUM(status, enum m_gap_status, "status", "status", m_gap_statuses),
     .bad = N_("a gap's level or status is not one of the known ones")},
};
static const struct record_child gap_children[] = {
    {&records[R_GAP_ACTOR], offsetof(T, actors), offsetof(T, n_actors), true},
    {&records[R_ACTION], offsetof(T, actions), offsetof(T, n_actions), true},
};
#undef T

/* In C a gap's actor is its place in the gap's list: no identity of its own. */
#define T struct m_gap_actor
static const struct record_field gap_actor_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {REF_("gap_id", "gap", REQ | RF_OWNER | RF_MATCH, R_GAP)},
    {REF(actor_id, "actor_id", "actor", REQ | RF_MATCH, R_ACTOR),
     .bad = N_("a gap's actor needs an actor and a role")},
    {ENUM(role, enum m_gap_actor_role, "role", "role", m_gap_roles), .flags = RF_MATCH,
     .bad = N_("a gap's actor needs an actor and a role")},
};
#undef T

#define T struct m_action
static const struct record_field action_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED_},
    {REF(gap_id, "gap_id", "gap", REQ | RF_OWNER, R_GAP),
     .bad = N_("an action must belong to a gap")},
    {TEXT(what, "what", "what", REQ | FREE), .label = N_("what must be done"),
     .bad = N_("an action needs to say what must be done")},
    {REF(actor_id, "actor_id", "actor", 0, R_ACTOR)},
    {REF(lead_id, "lead_id", "lead", 0, R_ACTOR)},
    {TIME(follow_up, "follow_up", "follow_up")},
    {ENUM(status, enum m_action_status, "status", "status", m_action_statuses),
     .bad = N_("an action's status is not one of the known ones")},
};
#undef T

/* ---- the workshops ------------------------------------------------------------------------- */

#define T struct m_workshop
static const struct record_field workshop_fields[] = {
    {UUID},
    {CREATED},
    {UPDATED_},
    {TEXT(date, "date", "date", REQ), .bad = N_("a workshop needs a date")},
    {TEXT(place, "place", "place", FREE), .label = N_("place")},
    {CODES(sectors, "sectors", "sectors", m_sectors),
     .bad = N_("a workshop's sectors are sector codes, never names")},
    {TEXT(notes, "notes", "notes", FREE), .label = N_("notes")},
};
#undef T

/* The link rows below have no struct: their store functions take their values one by one. */
static const struct record_field workshop_case_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {REF_("workshop_id", "workshop", REQ | RF_OWNER | RF_MATCH, R_WORKSHOP)},
    {REF_("case_id", "case", REQ | RF_MATCH, R_CASE)},
};

static const struct record_field workshop_log_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {REF_("workshop_id", "workshop", REQ | RF_OWNER, R_WORKSHOP)},
    {ENUM_("kind", "kind", m_log_kinds)},
    {TEXT_("text", "text", REQ | FREE), .label = N_("entry")},
};

static const struct record_field vote_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {REF_("workshop_id", "workshop", REQ | RF_OWNER, R_WORKSHOP)},
    {REF_("gap_id", "gap", REQ, R_GAP)},
    {INT_("dots", "dots", 1, 100)},
};

/* ---- the file's own lists ------------------------------------------------------------------ */

/* The names the scan catches are not someone's words in a story: not scanned themselves. */
static const struct record_field name_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {TEXT_("name", "name", REQ | RF_UNIQUE | RF_MATCH)},
};

static const struct record_field dismissal_fields[] = {
    {UUID_},
    {CREATED},
    {UPDATED_},
    {REF_("case_id", "case", REQ | RF_OWNER | RF_MATCH, R_CASE)},
    {TEXT_("key", "key", REQ | RF_MATCH)},
};

/* ---- the kinds ----------------------------------------------------------------------------- */

#define FIELDS(a)                                                                                  \
	.fields = a,                                                                               \
	.n_fields = sizeof a / sizeof *a +                                                         \
	            0 * sizeof(char[sizeof a / sizeof *a <= RECORD_FIELDS_MAX ? 1 : -1])
#define CHILDREN(a) .children = a, .n_children = sizeof a / sizeof *a
#define HELD(T) .size = sizeof(T), .id = offsetof(T, id)

const struct record_kind records[R_COUNT] = {
    [R_ACTOR] = {.table = "actor",
                 .key = "actors",
                 .what = N_("actor"),
                 .since = 1,
                 HELD(struct m_actor),
                 FIELDS(actor_fields),
                 .label = "name",
                 .changed = N_("%s: another mellan changed this actor after you opened it; "
                               "nothing was saved"),
                 .gone = N_("%s: this actor is no longer there; another mellan may have "
                            "deleted it")},
    [R_CATEGORY] = {.table = "category",
                    .key = "categories",
                    .what = N_("gap category"),
                    .since = 1,
                    HELD(struct m_category),
                    FIELDS(category_fields),
                    .label = "name",
                    .changed = N_("%s: another mellan changed this gap category after you "
                                  "opened it; nothing was saved"),
                    .gone = N_("%s: this gap category is no longer there; another mellan may "
                               "have deleted it"),
                    .taken = N_("%s: a gap category with the code %s already exists; choose "
                                "another code")},
    [R_THRESHOLD] = {.table = "threshold",
                     .key = "thresholds",
                     .what = N_("threshold"),
                     .since = 1,
                     HELD(struct m_threshold),
                     FIELDS(threshold_fields),
                     .label = "label"},
    [R_CASE] = {.table = "kase",
                .key = "cases",
                .what = N_("case"),
                .since = 1,
                HELD(struct m_case),
                FIELDS(case_fields),
                .label = "code",
                .changed = N_("%s: another mellan changed this case after you opened it; "
                              "nothing was saved"),
                .gone = N_("%s: this case is no longer there; another mellan may have deleted "
                           "it"),
                .taken = N_("%s: a case with the code %s already exists; choose another "
                            "code")},
    [R_STEP] = {.table = "step",
                .key = "steps",
                .what = N_("step"),
                .since = 1,
                HELD(struct m_step),
                FIELDS(step_fields),
                CHILDREN(step_children),
                .label = "title",
                .changed = N_("%s: another mellan changed this step after you opened it; "
                              "nothing was saved"),
                .gone = N_("%s: this step is no longer there; another mellan may have deleted "
                           "it")},
    [R_FACTOR] = {.table = "factor",
                  .key = "factors",
                  .what = N_("factor"),
                  .since = 1,
                  HELD(struct m_factor),
                  FIELDS(factor_fields),
                  .label = "text",
                  .changed = N_("%s: another mellan changed this factor after you opened it; "
                                "nothing was saved"),
                  .gone = N_("%s: this factor is no longer there; another mellan may have "
                             "deleted it")},
    [R_INTERVENTION] = {.table = "intervention",
                        .key = "interventions",
                        .what = N_("intervention"),
                        .since = 1,
                        HELD(struct m_intervention),
                        FIELDS(intervention_fields),
                        .label = "what",
                        .changed = N_("%s: another mellan changed this intervention after you "
                                      "opened it; nothing was saved"),
                        .gone = N_("%s: this intervention is no longer there; another mellan "
                                   "may have deleted it")},
    [R_HANDOVER] = {.table = "handover",
                    .key = "handovers",
                    .what = N_("hand-over"),
                    .since = 1,
                    HELD(struct m_handover),
                    FIELDS(handover_fields),
                    .label = "note",
                    .changed = N_("%s: another mellan changed this hand-over after you opened "
                                  "it; nothing was saved"),
                    .gone = N_("%s: this hand-over is no longer there; another mellan may have "
                               "deleted it")},
    [R_GAP] = {.table = "gap",
               .key = "gaps",
               .what = N_("gap"),
               .since = 1,
               HELD(struct m_gap),
               FIELDS(gap_fields),
               CHILDREN(gap_children),
               .label = "what_happened",
               .changed = N_("%s: another mellan changed this gap after you opened it; "
                             "nothing was saved"),
               .gone = N_("%s: this gap is no longer there; another mellan may have deleted "
                          "it")},
    [R_GAP_ACTOR] = {.table = "gap_actor",
                     .key = "gap_actors",
                     .what = N_("actor of a gap"),
                     .since = 1,
                     .size = sizeof(struct m_gap_actor),
                     .id = RECORD_NOWHERE,
                     FIELDS(gap_actor_fields),
                     .quiet = true},
    [R_ACTION] = {.table = "action",
                  .key = "actions",
                  .what = N_("action"),
                  .since = 1,
                  HELD(struct m_action),
                  FIELDS(action_fields),
                  .label = "what"},
    [R_WORKSHOP] = {.table = "workshop",
                    .key = "workshops",
                    .what = N_("workshop"),
                    .since = 1,
                    HELD(struct m_workshop),
                    FIELDS(workshop_fields),
                    .label = "date"},
    [R_WORKSHOP_CASE] = {.table = "workshop_case",
                         .key = "workshop_cases",
                         .what = N_("case of a workshop"),
                         .since = 1,
                         .id = RECORD_NOWHERE,
                         FIELDS(workshop_case_fields),
                         .quiet = true},
    [R_WORKSHOP_LOG] = {.table = "workshop_log",
                        .key = "workshop_log",
                        .append_only = true,
                        .what = N_("workshop log"),
                        .since = 1,
                        .id = RECORD_NOWHERE,
                        FIELDS(workshop_log_fields),
                        .quiet = true},
    [R_VOTE] = {.table = "vote",
                .key = "votes",
                .append_only = true,
                .what = N_("vote"),
                .since = 1,
                .id = RECORD_NOWHERE,
                FIELDS(vote_fields),
                .quiet = true},
    /* Not named: the message line may be on a screen others see. The most sensitive list
     * of the file: it travels only when asked (--with-names). */
    [R_NAME] = {.table = "name_block",
                .key = "names",
                .on_request = true,
                .what = N_("name on the list"),
                .since = 1,
                .id = RECORD_NOWHERE,
                FIELDS(name_fields)},
    [R_DISMISSAL] = {.table = "dismissal",
                     .key = "dismissals",
                     .what = N_("dismissed proposal"),
                     .since = 2,
                     .id = RECORD_NOWHERE,
                     FIELDS(dismissal_fields),
                     .label = "key"},
};
