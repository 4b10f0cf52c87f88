/* factors.c - the default catalogue of risk and protective factors, from the reference list of
 * Communities That Care and Länsstyrelsen Skåne, and the matching of typed factors to it. */
#include "factors.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

#define F(theme, kind, sv, en, short_label)                                                        \
	{                                                                                          \
		THEME_##theme, FACTOR_##kind, sv, en, short_label                                  \
	}

const struct catalogue_factor catalogue_factors[] = {
    /* närområde */
    F(COMMUNITY, RISK, "Låg anknytning till bostadsområdet", "Low neighbourhood attachment",
      "Låg anknytning"),
    F(COMMUNITY, RISK, "Social oordning i bostadsområdet", "Community disorganisation",
      "Social oordning"),
    F(COMMUNITY, RISK, "Många flyttar och byten", "Transitions and mobility", "Många flyttar"),
    F(COMMUNITY, RISK, "Normer i området som accepterar droger och brott",
      "Community norms favourable to drugs and crime", "Normer i området"),
    F(COMMUNITY, RISK, "Lätt att få tag på droger", "Availability of drugs", "Droger nära"),
    F(COMMUNITY, RISK, "Lätt att få tag på vapen", "Availability of weapons", "Vapen nära"),
    F(COMMUNITY, RISK, "Ekonomisk utsatthet", "Economic deprivation", "Ekonomisk utsatt"),
    F(COMMUNITY, PROTECTIVE, "Möjligheter att delta i positiva aktiviteter i området",
      "Opportunities for prosocial involvement in the community", "Aktiviteter"),
    F(COMMUNITY, PROTECTIVE, "Uppskattning för att delta",
      "Rewards for prosocial involvement in the community", "Uppskattning"),
    /* familj och föräldrar */
    F(FAMILY, RISK, "Bristande tillsyn och struktur hemma", "Poor family management",
      "Brist tillsyn"),
    F(FAMILY, RISK, "Konflikter i familjen", "Family conflict", "Konflikter"),
    F(FAMILY, RISK, "Problembeteende i familjen", "Family history of antisocial behaviour",
      "Problem i fam."),
    F(FAMILY, RISK, "Föräldrar med tillåtande attityd till droger eller brott",
      "Parental attitudes favourable to drugs or antisocial behaviour", "Tillåtande förä."),
    F(FAMILY, RISK, "Förälder med psykisk ohälsa eller missbruk",
      "Parental mental illness or substance misuse", "Förälder ohälsa"),
    F(FAMILY, RISK, "Våld i nära relationer", "Domestic violence", "Våld i hemmet"),
    F(FAMILY, PROTECTIVE, "Anknytning till familjen", "Family attachment", "Anknytning fam."),
    F(FAMILY, PROTECTIVE, "Möjligheter att bidra i familjen",
      "Opportunities for prosocial involvement in the family", "Bidra i familjen"),
    F(FAMILY, PROTECTIVE, "Uppskattning från föräldrarna",
      "Rewards for prosocial involvement in the family", "Uppskattad hemma"),
    /* skola */
    F(SCHOOL, RISK, "Svaga skolresultat", "Academic failure", "Svaga resultat"),
    F(SCHOOL, RISK, "Lågt engagemang i skolan, frånvaro", "Low commitment to school, absence",
      "Frånvaro"),
    F(SCHOOL, RISK, "Ej utredda inlärningssvårigheter", "Unassessed learning difficulties",
      "Ej utredd"),
    F(SCHOOL, PROTECTIVE, "Möjligheter att delta i skolan",
      "Opportunities for prosocial involvement at school", "Delta i skolan"),
    F(SCHOOL, PROTECTIVE, "Uppskattning i skolan", "Rewards for prosocial involvement at school",
      "Uppskattad skola"),
    F(SCHOOL, PROTECTIVE, "En lärare eller mentor som bryr sig", "A teacher or mentor who cares",
      "Lärare bryr sig"),
    /* individ och kamrater */
    F(INDIVIDUAL, RISK, "Tidig debut av normbrytande beteende",
      "Early initiation of antisocial behaviour", "Tidig normbrytn."),
    F(INDIVIDUAL, RISK, "Tidig debut av droger", "Early initiation of drug use", "Tidiga droger"),
    F(INDIVIDUAL, RISK, "Positiv attityd till normbrytande beteende",
      "Attitudes favourable to antisocial behaviour", "Positiv attityd"),
    F(INDIVIDUAL, RISK, "Kamrater med normbrytande beteende", "Interaction with antisocial peers",
      "Normbr. kamrater"),
    F(INDIVIDUAL, RISK, "Impulsivitet, spänningssökande", "Impulsivity, sensation seeking",
      "Impulsivitet"),
    F(INDIVIDUAL, RISK, "Psykisk ohälsa", "Mental ill-health", "Psykisk ohälsa"),
    F(INDIVIDUAL, RISK, "Funktionsnedsättning utan stöd", "Disability without support",
      "Funktionsneds."),
    F(INDIVIDUAL, PROTECTIVE, "Social kompetens", "Social skills", "Social kompetens"),
    F(INDIVIDUAL, PROTECTIVE, "Tydliga värderingar", "Belief in the moral order", "Värderingar"),
    F(INDIVIDUAL, PROTECTIVE, "Kamrater med positivt beteende", "Interaction with prosocial peers",
      "Goda kamrater"),
    F(INDIVIDUAL, PROTECTIVE, "En fritidsaktivitet som håller", "A lasting leisure activity",
      "Fritidsaktivitet"),
    F(INDIVIDUAL, PROTECTIVE, "En trygg vuxen utanför familjen",
      "A trusted adult outside the family", "Trygg vuxen"),
    /* what matches nothing */
    F(NONE, RISK, "Annan riskfaktor", "Other risk factor", "Annan risk"),
    F(NONE, PROTECTIVE, "Annan skyddsfaktor", "Other protective factor", "Annat skydd"),
};

const size_t catalogue_n_factors = sizeof catalogue_factors / sizeof catalogue_factors[0];

const char *factor_other_name(enum m_factor_kind kind)
{
	return kind == FACTOR_PROTECTIVE ? "Annan skyddsfaktor" : "Annan riskfaktor";
}

static bool same(const char *folded, const char *name)
{
	if (!name)
		return false;
	char *f = text_fold(name);
	bool eq = strcmp(f, folded) == 0;
	free(f);
	return eq;
}

bool factor_match(const struct catalogue_factor *v, size_t n, enum m_factor_kind kind,
                  const char *text, struct factor_match *out)
{
	char *t = text_fold(text ? text : "");
	const char *other = factor_other_name(kind);
	bool found_other = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != kind)
			continue;
		if (!found_other && strcmp(v[i].name, other) == 0) {
			*out = (struct factor_match){i, false, true};
			found_other = true;
		}
		if (*t && strcmp(v[i].name, other) != 0 &&
		    (same(t, v[i].name) || same(t, v[i].name_en) || same(t, v[i].short_label))) {
			/* The very words of the name, blanks aside, need no note. */
			size_t lead = strspn(text, " \t");
			size_t len = strlen(v[i].name);
			bool as_named = strncmp(text + lead, v[i].name, len) == 0 &&
			                text[lead + len + strspn(text + lead + len, " \t")] == '\0';
			*out = (struct factor_match){i, true, !as_named};
			free(t);
			return true;
		}
	}
	free(t);
	return found_other;
}
