/* picker.c - what the editor's pickers offer; see picker.h. */
#include "picker.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "private.h"

#include <stdio.h>
#include <string.h>

int pick_enum(int64_t picked, int fallback)
{
	return picked > 0 ? (int)(picked - 1) : fallback;
}

const char *actor_alias(const struct m_actor *ac)
{
	if (!ac->short_label || !*ac->short_label ||
	    (ac->name && strstr(ac->name, ac->short_label)))
		return NULL;
	return ac->short_label;
}

void picker_actors(const struct app *a, struct pick_list *l)
{
	/* The catalogue comes grouped by sector, so the groups are contiguous. A short label the
	 * name holds is found by the name. */
	for (size_t i = 0; i < a->actors.n; i++) {
		const struct m_actor *ac = &a->actors.items[i];
		pick_list_add(l, ac->id, ac->name, actor_alias(ac), m_sector_label(ac->sector));
	}
}

void picker_categories(const struct app *a, struct pick_list *l)
{
	for (size_t i = 0; i < a->categories.n; i++)
		pick_list_add(l, a->categories.items[i].id, a->categories.items[i].name, NULL,
		              NULL);
}

/* The number of values of an enumeration and the label of one. */
static int enum_count(enum picker_enum which)
{
	static const int counts[] = {
	    [PK_IV_KIND] = IV_KIND_COUNT,
	    [PK_HO_KIND] = HO_KIND_COUNT,
	    [PK_DOMAIN] = DOMAIN_COUNT,
	    [PK_SECTOR] = SECTOR_COUNT,
	    [PK_CERTAINTY] = CERT_COUNT,
	    [PK_CASE_STATUS] = CASE_STATUS_COUNT,
	    [PK_LEVEL] = LEVEL_COUNT,
	    [PK_GAP_STATUS] = GAP_STATUS_COUNT,
	    [PK_FACTOR_KIND] = FACTOR_KIND_COUNT,
	    [PK_SEVERITY] = 3,
	    [PK_ACTION_STATUS] = ACTION_STATUS_COUNT,
	};
	return counts[which];
}

static const char *enum_label(enum picker_enum which, int i)
{
	static const char *const severities[] = {N_("1 low"), N_("2 medium"), N_("3 high")};
	static const char *const action_statuses[] = {N_("open"), N_("done"), N_("dropped")};
	switch (which) {
	case PK_IV_KIND:
		return m_iv_kind_label((enum m_intervention_kind)i);
	case PK_HO_KIND:
		return m_ho_kind_label((enum m_handover_kind)i);
	case PK_DOMAIN:
		return m_domain_label((enum m_domain)i);
	case PK_SECTOR:
		return m_sector_label((enum m_sector)i);
	case PK_CERTAINTY:
		return m_certainty_label((enum m_certainty)i);
	case PK_CASE_STATUS:
		return m_case_status_label((enum m_case_status)i);
	case PK_LEVEL:
		return m_level_label((enum m_gap_level)i);
	case PK_GAP_STATUS:
		return m_gap_status_label((enum m_gap_status)i);
	case PK_FACTOR_KIND:
		return m_factor_kind_label((enum m_factor_kind)i);
	case PK_SEVERITY:
		return _(severities[i]);
	case PK_ACTION_STATUS:
		return _(action_statuses[i]);
	}
	return "";
}

void picker_enum(enum picker_enum which, struct pick_list *l)
{
	for (int i = 0; i < enum_count(which); i++)
		pick_list_add(l, which == PK_SEVERITY ? i + 1 : PICK_ENUM(i), enum_label(which, i),
		              NULL, NULL);
}

void picker_steps(const struct app *a, m_id from, struct pick_list *l)
{
	size_t first = 0;
	for (size_t i = 0; i < a->journey.n_steps; i++)
		if (a->journey.steps[i].id == from)
			first = i;
	for (size_t i = first; i < a->journey.n_steps; i++) {
		const struct m_step *st = &a->journey.steps[i];
		char when[FT_BUFSZ] = "", label[600];
		if (st->time && *st->time)
			ft_code_to_display(st->time, when);
		snprintf(label, sizeof label, "%zu. %s%s%s", i + 1, when, when[0] ? " · " : "",
		         st->title ? st->title : "");
		pick_list_add(l, st->id, label, NULL, NULL);
	}
}
