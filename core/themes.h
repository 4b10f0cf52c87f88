/* themes.h - the four themes the alliances work in: närområde, familj och föräldrar, skola,
 * individ och kamrater. They are the four domains of Communities That Care (Malmö) and
 * Helsingborg's four themes, and the domains of Länsstyrelsen Skåne's risk and protective
 * factors. A step's life domain (model.h) falls in one of them, so what happened at a step can be
 * read by theme without anyone choosing one. */
#ifndef MELLAN_THEMES_H
#define MELLAN_THEMES_H

#include "model.h"

enum m_theme {
	THEME_NONE,
	THEME_COMMUNITY,  /* närområde */
	THEME_FAMILY,     /* familj och föräldrar */
	THEME_SCHOOL,     /* skola */
	THEME_INDIVIDUAL, /* individ och kamrater */
	THEME_COUNT
};

/* A stable code ("community", ...), a translated label; -1 from an unknown code. */
const char *m_theme_code(enum m_theme t);
const char *m_theme_label(enum m_theme t);
int m_theme_from_code(const char *code);

/* The theme a life domain falls in; THEME_NONE for DOMAIN_NONE. */
enum m_theme m_theme_of_domain(enum m_domain d);

#endif
