/* factors.h - the catalogue of risk and protective factors a new database starts with, and how a
 * factor typed as free text finds its entry in such a catalogue.
 *
 * The factors follow Communities That Care and Länsstyrelsen Skåne (the reference list the
 * alliances use): each in one of the four themes (themes.h), risk or protective, with its
 * Swedish name, the English one and a short label for narrow columns. Two entries more, one of
 * each kind and of no theme, hold what matches nothing: "Annan riskfaktor", "Annan
 * skyddsfaktor", with the typed words kept as the factor's note, so nothing typed is lost.
 * These are data in Swedish, not program messages. */
#ifndef MELLAN_FACTORS_H
#define MELLAN_FACTORS_H

#include "model.h"
#include "themes.h"

#include <stdbool.h>
#include <stddef.h>

struct catalogue_factor {
	enum m_theme theme; /* THEME_NONE only for the two "other" entries */
	enum m_factor_kind kind;
	const char *name;        /* Swedish, as the reference list has it */
	const char *name_en;     /* English, as the reference list has it */
	const char *short_label; /* at most 16 columns */
};

extern const struct catalogue_factor catalogue_factors[];
extern const size_t catalogue_n_factors;

/* What a factor as typed becomes: the entry it matches, or the "other" entry of its kind with
 * the typed words as its note. */
struct factor_match {
	size_t entry;   /* index into the catalogue searched */
	bool matched;   /* false: the "other" entry */
	bool keep_note; /* the typed words differ from the entry's name: keep them as the note */
};

/* Finds the entry of `kind` whose Swedish name, English name or short label the text is, with
 * case, blanks and the punctuation around words not counting ("konflikter i familjen." is
 * "Konflikter i familjen"). Without one: the entry named `other` of that kind. The catalogue
 * is any array of n entries laid out as catalogue_factors (the file's may have grown); false
 * when it has no "other" entry of that kind. */
bool factor_match(const struct catalogue_factor *v, size_t n, enum m_factor_kind kind,
                  const char *text, struct factor_match *out);

/* The names of the two entries for what matches nothing. */
const char *factor_other_name(enum m_factor_kind kind);

#endif
