/* places.h - where a case is and who the young person is, as codes a report can count by: the
 * municipality and local area from a catalogue (the municipalities of Skåne, and the areas the
 * alliances in Malmö and Helsingborg name, to which the facilitator adds), and gender as one of
 * four codes. The gender typed as free text in files from before the codes finds its code
 * here, and what matches none is kept as it was typed beside "okänt": nothing typed is lost. */
#ifndef MELLAN_PLACES_H
#define MELLAN_PLACES_H

#include <stdbool.h>
#include <stddef.h>

enum m_gender { GENDER_UNKNOWN, GENDER_GIRL, GENDER_BOY, GENDER_OTHER, GENDER_COUNT };

/* The stable code ("okant", "flicka", "pojke", "annat"), the translated label; -1 from an
 * unknown code. */
const char *m_gender_code(enum m_gender g);
const char *m_gender_label(enum m_gender g);
int m_gender_from_code(const char *code);

/* The code of a gender typed as free text, in Swedish or English, whatever its case: "Tjej",
 * "flicka", "F", "girl" are GENDER_GIRL. Returns false for words it does not know, with *out
 * GENDER_UNKNOWN: the caller keeps those words. An empty text is GENDER_UNKNOWN, and true. */
bool m_gender_from_text(const char *text, enum m_gender *out);

struct catalogue_place {
	const char *municipality; /* one of Skåne's 33 */
	const char *area;         /* NULL: the municipality itself */
};

/* The municipalities of Skåne in Swedish order, each once with area NULL, then the local
 * areas the seed documents name, by municipality. */
extern const struct catalogue_place catalogue_places[];
extern const size_t catalogue_n_places;

#endif
