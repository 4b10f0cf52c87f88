/* model.c - codes, labels and clean-up for the domain records and lists of model.h. */
#include "model.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

struct code_label {
	const char *code;
	const char *label; /* N_() marked; translated at use */
};

static const struct code_label sectors[SECTOR_COUNT] = {
    {"municipality", N_("Municipality")},
    {"state", N_("State agency")},
    {"region", N_("Region")},
    {"civil", N_("Civil society")},
    {"business", N_("Business")},
    {"academia", N_("Academia")},
    {"network", N_("The young person and their network")},
};

static const struct code_label case_statuses[CASE_STATUS_COUNT] = {
    {"draft", N_("draft")},
    {"ready", N_("ready")},
    {"reviewed", N_("reviewed")},
};

static const struct code_label domains[DOMAIN_COUNT] = {
    {"none", N_("no domain")},       {"family", N_("Family and parents")},
    {"school", N_("School")},        {"housing", N_("Neighbourhood and housing")},
    {"health", N_("Health")},        {"leisure", N_("Friends and leisure")},
    {"work", N_("Work and income")}, {"justice", N_("Justice")},
};

static const struct code_label certainties[CERT_COUNT] = {
    {"observed", N_("observed")},
    {"reported", N_("reported")},
    {"inferred", N_("inferred")},
    {"disputed", N_("disputed")},
};

static const struct code_label iv_kinds[IV_KIND_COUNT] = {
    {"made", N_("made")},
    {"possible", N_("possible, not made")},
    {"declined", N_("declined by the young person")},
    {"refused", N_("refused by the actor")},
    {"waiting", N_("waiting in a queue")},
};

static const struct code_label ho_kinds[HO_KIND_COUNT] = {
    {"referral", N_("referral")},
    {"transfer", N_("hand-over")},
};

static const struct code_label levels[LEVEL_COUNT] = {
    {"practice", N_("practice")},
    {"organisation", N_("organisation")},
    {"policy", N_("policy")},
};

static const struct code_label gap_statuses[GAP_STATUS_COUNT] = {
    {"open", N_("open")},
    {"lifted", N_("lifted to decision makers")},
    {"addressed", N_("addressed")},
};

static const struct code_label gap_roles[GAR_COUNT] = {
    {"involved", N_("involved")},
    {"could", N_("could have acted")},
};

static const struct code_label factor_kinds[FACTOR_KIND_COUNT] = {
    {"risk", N_("risk")},
    {"protective", N_("protective")},
};

static const struct code_label action_statuses[ACTION_STATUS_COUNT] = {
    {"open", N_("open")},
    {"done", N_("done")},
    {"dropped", N_("dropped")},
};

static int from_code(const struct code_label *t, int n, const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return i;
	return -1;
}

static const char *code_of(const struct code_label *t, int n, int v)
{
	return v >= 0 && v < n ? t[v].code : "?";
}

static const char *label_of(const struct code_label *t, int n, int v)
{
	return v >= 0 && v < n ? gettext(t[v].label) : "?";
}

#define ENUM_FUNCS(prefix, type, table, count)                                                     \
	const char *prefix##_code(type v)                                                          \
	{                                                                                          \
		return code_of(table, count, (int)v);                                              \
	}                                                                                          \
	const char *prefix##_label(type v)                                                         \
	{                                                                                          \
		return label_of(table, count, (int)v);                                             \
	}                                                                                          \
	int prefix##_from_code(const char *code)                                                   \
	{                                                                                          \
		return from_code(table, count, code);                                              \
	}

ENUM_FUNCS(m_sector, enum m_sector, sectors, SECTOR_COUNT)
ENUM_FUNCS(m_case_status, enum m_case_status, case_statuses, CASE_STATUS_COUNT)
ENUM_FUNCS(m_domain, enum m_domain, domains, DOMAIN_COUNT)
ENUM_FUNCS(m_certainty, enum m_certainty, certainties, CERT_COUNT)
ENUM_FUNCS(m_iv_kind, enum m_intervention_kind, iv_kinds, IV_KIND_COUNT)
ENUM_FUNCS(m_ho_kind, enum m_handover_kind, ho_kinds, HO_KIND_COUNT)
ENUM_FUNCS(m_level, enum m_gap_level, levels, LEVEL_COUNT)
ENUM_FUNCS(m_gap_status, enum m_gap_status, gap_statuses, GAP_STATUS_COUNT)
ENUM_FUNCS(m_factor_kind, enum m_factor_kind, factor_kinds, FACTOR_KIND_COUNT)

const char *m_gap_actor_role_code(enum m_gap_actor_role v)
{
	return code_of(gap_roles, GAR_COUNT, (int)v);
}

int m_gap_actor_role_from_code(const char *code)
{
	return from_code(gap_roles, GAR_COUNT, code);
}

const char *m_action_status_code(enum m_action_status v)
{
	return code_of(action_statuses, ACTION_STATUS_COUNT, (int)v);
}

int m_action_status_from_code(const char *code)
{
	return from_code(action_statuses, ACTION_STATUS_COUNT, code);
}

/* ---- clean-up ---------------------------------------------------------------------------- */

#define FREE_NULL(p)                                                                               \
	do {                                                                                       \
		free(p);                                                                           \
		(p) = NULL;                                                                        \
	} while (0)

void m_actor_clear(struct m_actor *a)
{
	FREE_NULL(a->name);
	FREE_NULL(a->short_label);
	FREE_NULL(a->description);
	memset(a, 0, sizeof *a);
}

void m_category_clear(struct m_category *c)
{
	FREE_NULL(c->code);
	FREE_NULL(c->name);
	FREE_NULL(c->description);
	memset(c, 0, sizeof *c);
}

void m_case_clear(struct m_case *c)
{
	FREE_NULL(c->code);
	FREE_NULL(c->gender);
	FREE_NULL(c->area);
	FREE_NULL(c->summary);
	memset(c, 0, sizeof *c);
}

void m_factor_clear(struct m_factor *f)
{
	FREE_NULL(f->text);
	memset(f, 0, sizeof *f);
}

void m_step_clear(struct m_step *s)
{
	FREE_NULL(s->time);
	FREE_NULL(s->sort_from);
	FREE_NULL(s->sort_to);
	FREE_NULL(s->title);
	FREE_NULL(s->narrative);
	FREE_NULL(s->voice);
	FREE_NULL(s->note);
	for (size_t i = 0; i < s->n_factors; i++)
		m_factor_clear(&s->factors[i]);
	FREE_NULL(s->factors);
	memset(s, 0, sizeof *s);
}

void m_intervention_clear(struct m_intervention *iv)
{
	FREE_NULL(iv->start);
	FREE_NULL(iv->end);
	FREE_NULL(iv->what);
	FREE_NULL(iv->outcome);
	memset(iv, 0, sizeof *iv);
}

void m_handover_clear(struct m_handover *h)
{
	FREE_NULL(h->sent);
	FREE_NULL(h->received);
	FREE_NULL(h->acted);
	FREE_NULL(h->note);
	memset(h, 0, sizeof *h);
}

void m_action_clear(struct m_action *a)
{
	FREE_NULL(a->what);
	FREE_NULL(a->follow_up);
	memset(a, 0, sizeof *a);
}

void m_gap_clear(struct m_gap *g)
{
	FREE_NULL(g->what_happened);
	FREE_NULL(g->what_must_change);
	FREE_NULL(g->actors);
	for (size_t i = 0; i < g->n_actions; i++)
		m_action_clear(&g->actions[i]);
	FREE_NULL(g->actions);
	memset(g, 0, sizeof *g);
}

void m_threshold_clear(struct m_threshold *t)
{
	FREE_NULL(t->label);
	memset(t, 0, sizeof *t);
}

void m_workshop_clear(struct m_workshop *w)
{
	FREE_NULL(w->date);
	FREE_NULL(w->place);
	FREE_NULL(w->sectors);
	FREE_NULL(w->notes);
	memset(w, 0, sizeof *w);
}

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
