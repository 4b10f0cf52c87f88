/* model.c - codes, labels, clean-up and copies for the domain records and lists of model.h. */
#include "model.h"
#include "i18n.h"
#include "records.h"

#include <stdlib.h>
#include <string.h>

/* The codes of each enumeration, indexed by its value. */
static const struct m_code sectors[SECTOR_COUNT] = {
    {"municipality", N_("Municipality")},
    {"state", N_("State agency")},
    {"region", N_("Region")},
    {"civil", N_("Civil society")},
    {"business", N_("Business")},
    {"academia", N_("Academia")},
    {"network", N_("The young person and their network")},
};

static const struct m_code case_statuses[CASE_STATUS_COUNT] = {
    {"draft", N_("draft")},
    {"ready", N_("ready")},
    {"reviewed", N_("reviewed")},
};

static const struct m_code domains[DOMAIN_COUNT] = {
    {"none", N_("no domain")},       {"family", N_("Family and parents")},
    {"school", N_("School")},        {"housing", N_("Neighbourhood and housing")},
    {"health", N_("Health")},        {"leisure", N_("Friends and leisure")},
    {"work", N_("Work and income")}, {"justice", N_("Justice")},
};

static const struct m_code certainties[CERT_COUNT] = {
    {"observed", N_("observed")},
    {"reported", N_("reported")},
    {"inferred", N_("inferred")},
    {"disputed", N_("disputed")},
};

static const struct m_code iv_kinds[IV_KIND_COUNT] = {
    {"made", N_("made")},
    {"possible", N_("possible, not made")},
    {"declined", N_("declined by the young person")},
    {"refused", N_("refused by the actor")},
    {"waiting", N_("waiting in a queue")},
};

static const struct m_code ho_kinds[HO_KIND_COUNT] = {
    {"referral", N_("referral")},
    {"transfer", N_("hand-over")},
};

static const struct m_code levels[LEVEL_COUNT] = {
    {"practice", N_("practice")},
    {"organisation", N_("organisation")},
    {"policy", N_("policy")},
};

static const struct m_code gap_statuses[GAP_STATUS_COUNT] = {
    {"open", N_("open")},
    {"lifted", N_("lifted to decision makers")},
    {"addressed", N_("addressed")},
};

static const struct m_code gap_roles[GAR_COUNT] = {
    {"involved", N_("involved")},
    {"could", N_("could have acted")},
};

static const struct m_code factor_kinds[FACTOR_KIND_COUNT] = {
    {"risk", N_("risk")},
    {"protective", N_("protective")},
};

static const struct m_code action_statuses[ACTION_STATUS_COUNT] = {
    {"open", N_("open")},
    {"done", N_("done")},
    {"dropped", N_("dropped")},
};

/* A workshop's log holds notes and decisions (model_workshop.h); C keeps the code itself. */
static const struct m_code log_kinds[] = {
    {"note", N_("note")},
    {"decision", N_("decision")},
};

#define ENUM(name, table) const struct m_enum name = {table, (int)(sizeof table / sizeof *table)}
ENUM(m_sectors, sectors);
ENUM(m_case_statuses, case_statuses);
ENUM(m_domains, domains);
ENUM(m_certainties, certainties);
ENUM(m_iv_kinds, iv_kinds);
ENUM(m_ho_kinds, ho_kinds);
ENUM(m_levels, levels);
ENUM(m_gap_statuses, gap_statuses);
ENUM(m_gap_roles, gap_roles);
ENUM(m_factor_kinds, factor_kinds);
ENUM(m_action_statuses, action_statuses);
ENUM(m_log_kinds, log_kinds);

int m_enum_value(const struct m_enum *e, const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->items[i].code, code) == 0)
			return i;
	return -1;
}

const char *m_enum_code(const struct m_enum *e, int v)
{
	return v >= 0 && v < e->n ? e->items[v].code : "?";
}

static const char *label_of(const struct m_enum *e, int v)
{
	return v >= 0 && v < e->n ? gettext(e->items[v].label) : "?";
}

#define ENUM_FUNCS(prefix, type, e)                                                                \
	const char *prefix##_code(type v)                                                          \
	{                                                                                          \
		return m_enum_code(&e, (int)v);                                                    \
	}                                                                                          \
	const char *prefix##_label(type v)                                                         \
	{                                                                                          \
		return label_of(&e, (int)v);                                                       \
	}                                                                                          \
	int prefix##_from_code(const char *code)                                                   \
	{                                                                                          \
		return m_enum_value(&e, code);                                                     \
	}

ENUM_FUNCS(m_sector, enum m_sector, m_sectors)
ENUM_FUNCS(m_case_status, enum m_case_status, m_case_statuses)
ENUM_FUNCS(m_domain, enum m_domain, m_domains)
ENUM_FUNCS(m_certainty, enum m_certainty, m_certainties)
ENUM_FUNCS(m_iv_kind, enum m_intervention_kind, m_iv_kinds)
ENUM_FUNCS(m_ho_kind, enum m_handover_kind, m_ho_kinds)
ENUM_FUNCS(m_level, enum m_gap_level, m_levels)
ENUM_FUNCS(m_gap_status, enum m_gap_status, m_gap_statuses)
ENUM_FUNCS(m_factor_kind, enum m_factor_kind, m_factor_kinds)

const char *m_gap_actor_role_code(enum m_gap_actor_role v)
{
	return m_enum_code(&m_gap_roles, (int)v);
}

int m_gap_actor_role_from_code(const char *code)
{
	return m_enum_value(&m_gap_roles, code);
}

const char *m_action_status_code(enum m_action_status v)
{
	return m_enum_code(&m_action_statuses, (int)v);
}

int m_action_status_from_code(const char *code)
{
	return m_enum_value(&m_action_statuses, code);
}

/* ---- clean-up and copies, by the kinds' tables (records.c) -------------------------------- */

#define FREE_NULL(p)                                                                               \
	do {                                                                                       \
		free(p);                                                                           \
		(p) = NULL;                                                                        \
	} while (0)

#define RECORD_FUNCS(name, type, kind)                                                             \
	void m_##name##_clear(type *r)                                                             \
	{                                                                                          \
		record_clear(&records[kind], r);                                                   \
	}                                                                                          \
	void m_##name##_copy(type *to, const type *from)                                           \
	{                                                                                          \
		record_copy(&records[kind], to, from);                                             \
	}

RECORD_FUNCS(actor, struct m_actor, R_ACTOR)
RECORD_FUNCS(category, struct m_category, R_CATEGORY)
RECORD_FUNCS(threshold, struct m_threshold, R_THRESHOLD)
RECORD_FUNCS(case, struct m_case, R_CASE)
RECORD_FUNCS(step, struct m_step, R_STEP)
RECORD_FUNCS(factor, struct m_factor, R_FACTOR)
RECORD_FUNCS(intervention, struct m_intervention, R_INTERVENTION)
RECORD_FUNCS(handover, struct m_handover, R_HANDOVER)
RECORD_FUNCS(gap, struct m_gap, R_GAP)
RECORD_FUNCS(action, struct m_action, R_ACTION)
RECORD_FUNCS(workshop, struct m_workshop, R_WORKSHOP)

#define CLEAR_ARRAY(arr, n, fn)                                                                    \
	do {                                                                                       \
		for (size_t i_ = 0; i_ < (n); i_++)                                                \
			fn(&(arr)[i_]);                                                            \
		FREE_NULL(arr);                                                                    \
		(n) = 0;                                                                           \
	} while (0)

void m_journey_clear(struct m_journey *j)
{
	m_case_clear(&j->kase);
	CLEAR_ARRAY(j->steps, j->n_steps, m_step_clear);
	CLEAR_ARRAY(j->interventions, j->n_interventions, m_intervention_clear);
	CLEAR_ARRAY(j->handovers, j->n_handovers, m_handover_clear);
	CLEAR_ARRAY(j->gaps, j->n_gaps, m_gap_clear);
}

void m_case_list_clear(struct m_case_list *l)
{
	CLEAR_ARRAY(l->items, l->n, m_case_clear);
}

void m_actor_list_clear(struct m_actor_list *l)
{
	CLEAR_ARRAY(l->items, l->n, m_actor_clear);
}

void m_category_list_clear(struct m_category_list *l)
{
	CLEAR_ARRAY(l->items, l->n, m_category_clear);
}

void m_threshold_list_clear(struct m_threshold_list *l)
{
	CLEAR_ARRAY(l->items, l->n, m_threshold_clear);
}

const struct m_actor *m_actor_find(const struct m_actor_list *l, m_id id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

const struct m_category *m_category_find(const struct m_category_list *l, m_id id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

void m_hit_list_clear(struct m_hit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].case_code);
		free(l->items[i].snippet);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void m_key_list_clear(struct m_key_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->keys[i]);
	free(l->keys);
	l->keys = NULL;
	l->n = 0;
}
