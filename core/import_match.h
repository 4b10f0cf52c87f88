/* import_match.h - what a spreadsheet's words mean to mellan: a header cell is one of the fields
 * mellan reads (matched generously, Swedish and English, by one table of words), and an actor
 * name is an actor of the catalogue (by name, short label or a unique beginning). Pure: no file,
 * no store; the chronology import (import_rows.h) and its tests use it. */
#ifndef MELLAN_IMPORT_MATCH_H
#define MELLAN_IMPORT_MATCH_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* The fields of a chronology's row, in the order mellan(5) lists them. */
enum imp_field {
	IMP_UNNAMED = -3, /* a column with no name in the header: it must stay empty */
	IMP_IGNORE = -2,  /* a column left out on purpose */
	IMP_UNKNOWN = -1, /* a column nobody has said anything about */
	IMP_CASE = 0,
	IMP_DATE,
	IMP_ACTOR,
	IMP_HAPPENED,
	IMP_DONE,
	IMP_OUTCOME,
	IMP_NOTE,
	IMP_FIELDS
};

/* Lower case (ASCII, Latin-1 and Latin Extended-A: Å Ä Ö É Ü...), blanks (also no-break spaces,
 * tabs, newlines) run together into one space, trimmed; with `plain`, accents are dropped too
 * (å ä → a, ö → o, é → e). The caller frees it. */
char *imp_fold(const char *s, bool plain);

/* The field a header cell names, IMP_UNKNOWN when none: compared without case, accents, blanks
 * around, a trailing ':', '?', '.' or '*'; "Datum/tid" is a date when each part is. */
enum imp_field imp_header_field(const char *header);
/* The k-th word of the table that names field f, NULL past the last: what mellan(5) lists. */
const char *imp_header_word(enum imp_field f, size_t k);
/* A field by the name mellan(5) gives it, English or Swedish ("what was done", "vad gjordes");
 * IMP_UNKNOWN for another name. */
enum imp_field imp_field_by_name(const char *name);
/* The field's name, translated ("vad hände" in Swedish). */
const char *imp_field_label(enum imp_field f);
/* The fields' names, translated, joined by ", " into buf. */
void imp_field_list(char *buf, size_t n);

/* The catalogue's names and short labels, folded once, so that a file's many rows are matched
 * without folding the catalogue again for each. */
struct imp_actors {
	char **name, **label;        /* folded */
	const struct m_actor *actor; /* the list's own (not copied) */
	size_t n;
};
void imp_actors_load(struct imp_actors *ix, const struct m_actor_list *l);
void imp_actors_clear(struct imp_actors *ix);
/* Which actors `name` means: one whose name or short label it is, in any case; otherwise those
 * whose name or short label begins with it (at least three letters). Returns how many, with up
 * to `max` of their indexes in cands: 1 is a match, more is ambiguous, 0 is no actor. */
size_t imp_actors_find(const struct imp_actors *ix, const char *name, size_t *cands, size_t max);

/* A sector by its code ("municipality") or its name in English or Swedish ("kommun",
 * "civilsamhället"); -1 when none. */
int imp_sector_by_name(const char *name);

#endif
