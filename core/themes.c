/* themes.c - the four themes of themes.h, and where each life domain falls. */
#include "themes.h"

#include "i18n.h"

#include <string.h>

static const struct {
	const char *code, *label;
} themes[THEME_COUNT] = {
    [THEME_NONE] = {"none", N_("no theme")},
    [THEME_COMMUNITY] = {"community", N_("Neighbourhood")},
    [THEME_FAMILY] = {"family", N_("Family and parents")},
    [THEME_SCHOOL] = {"school", N_("School")},
    [THEME_INDIVIDUAL] = {"individual", N_("Individual and peers")},
};

const char *m_theme_code(enum m_theme t)
{
	return t < THEME_COUNT ? themes[t].code : themes[THEME_NONE].code;
}

const char *m_theme_label(enum m_theme t)
{
	return _(themes[t < THEME_COUNT ? t : THEME_NONE].label);
}

int m_theme_from_code(const char *code)
{
	for (int t = 0; code && t < THEME_COUNT; t++)
		if (strcmp(themes[t].code, code) == 0)
			return t;
	return -1;
}

/* Housing is where the neighbourhood is; work and studies after school stand where school
 * stood (Länsstyrelsen Skåne's school domain speaks of both); health, leisure and the justice
 * system are about the young person and their peers, as CTC's individual domain is. */
enum m_theme m_theme_of_domain(enum m_domain d)
{
	switch (d) {
	case DOMAIN_HOUSING:
		return THEME_COMMUNITY;
	case DOMAIN_FAMILY:
		return THEME_FAMILY;
	case DOMAIN_SCHOOL:
	case DOMAIN_WORK:
		return THEME_SCHOOL;
	case DOMAIN_HEALTH:
	case DOMAIN_LEISURE:
	case DOMAIN_JUSTICE:
		return THEME_INDIVIDUAL;
	case DOMAIN_NONE:
	case DOMAIN_COUNT:
		break;
	}
	return THEME_NONE;
}
