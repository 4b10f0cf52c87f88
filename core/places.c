/* places.c - the gender codes and the places of places.h: Skåne's municipalities and the local
 * areas of the seed documents (Malmö's where Communities That Care and the alliances work,
 * Helsingborg's northern districts). The place names are data in Swedish, not messages. */
#include "places.h"

#include "i18n.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *label;
} genders[GENDER_COUNT] = {
    [GENDER_UNKNOWN] = {"okant", N_("unknown")},
    [GENDER_GIRL] = {"flicka", N_("girl")},
    [GENDER_BOY] = {"pojke", N_("boy")},
    [GENDER_OTHER] = {"annat", N_("other gender")},
};

const char *m_gender_code(enum m_gender g)
{
	return genders[g < GENDER_COUNT ? g : GENDER_UNKNOWN].code;
}

const char *m_gender_label(enum m_gender g)
{
	return _(genders[g < GENDER_COUNT ? g : GENDER_UNKNOWN].label);
}

int m_gender_from_code(const char *code)
{
	for (int g = 0; code && g < GENDER_COUNT; g++)
		if (strcmp(genders[g].code, code) == 0)
			return g;
	return -1;
}

/* The words people write, folded (text_fold). */
static const struct {
	const char *word;
	enum m_gender g;
} said[] = {
    {"flicka", GENDER_GIRL},     {"tjej", GENDER_GIRL},
    {"f", GENDER_GIRL},          {"k", GENDER_GIRL},
    {"kvinna", GENDER_GIRL},     {"kvinnlig", GENDER_GIRL},
    {"girl", GENDER_GIRL},       {"female", GENDER_GIRL},
    {"woman", GENDER_GIRL},      {"pojke", GENDER_BOY},
    {"kille", GENDER_BOY},       {"p", GENDER_BOY},
    {"m", GENDER_BOY},           {"man", GENDER_BOY},
    {"manlig", GENDER_BOY},      {"boy", GENDER_BOY},
    {"male", GENDER_BOY},        {"annat", GENDER_OTHER},
    {"annan", GENDER_OTHER},     {"icke-binär", GENDER_OTHER},
    {"ickebinär", GENDER_OTHER}, {"non-binary", GENDER_OTHER},
    {"other", GENDER_OTHER},     {"okänt", GENDER_UNKNOWN},
    {"okänd", GENDER_UNKNOWN},   {"vet ej", GENDER_UNKNOWN},
    {"unknown", GENDER_UNKNOWN}, {"-", GENDER_UNKNOWN},
};

bool m_gender_from_text(const char *text, enum m_gender *out)
{
	*out = GENDER_UNKNOWN;
	char *f = text_fold(text ? text : "");
	bool known = !*f;
	for (size_t i = 0; !known && i < sizeof said / sizeof said[0]; i++)
		if (strcmp(f, said[i].word) == 0) {
			*out = said[i].g;
			known = true;
		}
	free(f);
	return known;
}

const struct catalogue_place catalogue_places[] = {
    {"Bjuv", NULL},
    {"Bromölla", NULL},
    {"Burlöv", NULL},
    {"Båstad", NULL},
    {"Eslöv", NULL},
    {"Helsingborg", NULL},
    {"Hässleholm", NULL},
    {"Höganäs", NULL},
    {"Hörby", NULL},
    {"Höör", NULL},
    {"Klippan", NULL},
    {"Kristianstad", NULL},
    {"Kävlinge", NULL},
    {"Landskrona", NULL},
    {"Lomma", NULL},
    {"Lund", NULL},
    {"Malmö", NULL},
    {"Osby", NULL},
    {"Perstorp", NULL},
    {"Simrishamn", NULL},
    {"Sjöbo", NULL},
    {"Skurup", NULL},
    {"Staffanstorp", NULL},
    {"Svalöv", NULL},
    {"Svedala", NULL},
    {"Tomelilla", NULL},
    {"Trelleborg", NULL},
    {"Vellinge", NULL},
    {"Ystad", NULL},
    {"Åstorp", NULL},
    {"Ängelholm", NULL},
    {"Örkelljunga", NULL},
    {"Östra Göinge", NULL},
    /* Helsingborg: the cluster of northern districts the alliance chose to act in. */
    {"Helsingborg", "Dalhem"},
    {"Helsingborg", "Drottninghög"},
    {"Helsingborg", "Fredriksdal"},
    {"Helsingborg", "Planteringen"},
    {"Helsingborg", "Söder"},
    /* Malmö: the areas of the seed documents. */
    {"Malmö", "Centrum"},
    {"Malmö", "Hermodsdal"},
    {"Malmö", "Herrgården"},
    {"Malmö", "Holma"},
    {"Malmö", "Kroksbäck"},
    {"Malmö", "Lindängen"},
    {"Malmö", "Nydala"},
    {"Malmö", "Rosengård"},
    {"Malmö", "Seved"},
    {"Malmö", "Sofielund"},
    {"Malmö", "Videdal"},
};

const size_t catalogue_n_places = sizeof catalogue_places / sizeof catalogue_places[0];
