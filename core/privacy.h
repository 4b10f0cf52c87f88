/* privacy.h - keeping the young person anonymous: a scanner over UTF-8 text that finds what could
 * identify a real person (Swedish personal identity and coordination numbers, also typed with a
 * wrong check digit, birth dates, phone numbers, e-mail addresses, street addresses, postal codes
 * with a place, and the alliance's own list of names), and the walk over a database's free texts
 * that `mellan check`, the export and report gate and the editor's warning on save are built on.
 *
 * The scanner errs on the side of few false alarms: numbers must have the shape *and* pass the
 * checks of what they look like (a valid date and check digit, a Swedish number plan), so dates,
 * years, amounts, ages, counts and reference numbers stay quiet.
 *
 * Made of:
 *   privacy.c         kinds, findings, masking, keys, the scan driver
 *   privacy_number.c  identity and coordination numbers, phone numbers, postal codes
 *   privacy_birth.c   birth dates
 *   privacy_text.c    e-mail and street addresses
 *   privacy_names.c   the alliance's list of names
 *   privacy_walk.c    every free text of a database, kept findings, the gate
 *   privacy_int.h     what these files share */
#ifndef MELLAN_PRIVACY_H
#define MELLAN_PRIVACY_H

#include "error.h"
#include "model.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum privacy_kind {
	PRIV_PNR,     /* personnummer */
	PRIV_COORD,   /* samordningsnummer: the day plus 60 */
	PRIV_PNR_BAD, /* either of them with a wrong check digit: most likely typed wrong */
	PRIV_BIRTH,   /* a date next to a word of birth */
	PRIV_PHONE,   /* Swedish mobile and landline forms, +46 */
	PRIV_EMAIL,
	PRIV_ADDRESS,  /* a street name and a number */
	PRIV_POSTCODE, /* a postal code with a place */
	PRIV_NAME,     /* a word on the alliance's list */
	PRIV_KIND_COUNT
};

/* A stable code ("pnr", "phone", ...) and a translated label ("personal identity number"). */
const char *privacy_kind_code(enum privacy_kind k);
const char *privacy_kind_label(enum privacy_kind k);

struct privacy_finding {
	enum privacy_kind kind;
	size_t off, len; /* bytes of the scanned text */
	char *masked;    /* a display form that does not give the text away: "19******-**12" */
};

struct privacy_findings {
	struct privacy_finding *items; /* in order of offset, never overlapping */
	size_t n, cap;
};
void privacy_findings_clear(struct privacy_findings *f);

/* The alliance's names prepared for matching: whole words, case-insensitive also for å ä ö and
 * other European letters, several words of a name separated by any white space, with the
 * Swedish and English genitive ("Åsas", "Max:s", "Anna's") counted as the name. */
struct privacy_names;
struct privacy_names *privacy_names_new(const char *const *names, size_t n);
void privacy_names_free(struct privacy_names **p);
/* The same name in any case and spacing: "Åsa  Berg" and "åsa berg". */
bool privacy_same_name(const char *a, const char *b);
/* The list kept in the database (store_name_list). */
enum mstatus privacy_names_load(struct store *s, struct privacy_names **out, struct merr *err);

/* Scans text (NULL scans nothing) and replaces *out with what it finds; names may be NULL. */
void privacy_scan(const char *text, const struct privacy_names *names,
                  struct privacy_findings *out);

/* n bytes of s with letters and digits starred out, except the first two and last two when
 * there are eight or more, the first one when three or more: enough to find it again, not
 * enough to read it. Separators stay. A new string. */
char *privacy_mask(const char *s, size_t n);
/* text with every finding replaced by its masked form, sanitised for a terminal. A new string. */
char *privacy_masked_text(const char *text, const struct privacy_findings *f);

/* What a finding kept on purpose is remembered by: a hash of the record, the field, the kind and
 * the found text, so the kept table never repeats the identifying text itself. (It hides the
 * text from a reader of the file; identity numbers are few enough to guess by trying.) */
#define PRIVACY_KEY_LEN 16
void privacy_key(const char *record_uuid, const char *field, const char *text,
                 const struct privacy_finding *f, char out[PRIVACY_KEY_LEN + 1]);

/* ---- the editor's warning on save ---------------------------------------------------------
 * The findings in one field's text that were not kept on purpose: what the form shows before
 * it saves. record_uuid may be empty for a record not yet saved. */
enum mstatus privacy_check_text(struct store *s, const struct privacy_names *names,
                                const char *record_uuid, const char *field, const char *text,
                                struct privacy_findings *out, struct merr *err);
/* Records that the facilitator keeps a finding in this field on purpose (with the editor's
 * initials and the time): it is not reported again while the text stays. */
enum mstatus privacy_keep(struct store *s, const char *record_uuid, const char *field,
                          const char *text, const struct privacy_finding *f, struct merr *err);

/* ---- every free text of a database -------------------------------------------------------- */
struct privacy_where {
	const char *case_code;   /* NULL outside a case (workshops, the catalogue) */
	const char *record;      /* translated: "gap", "workshop log", ...; NULL for a step's own */
	int step_no;             /* the step's place in story order, 1-based; 0 for none */
	const char *step_title;  /* the step's title, NULL for none */
	const char *label;       /* the record's own short label when it is not a step: a date */
	const char *field;       /* stable field name: "narrative" (privacy_key uses it) */
	const char *field_label; /* translated */
	const char *uuid;        /* the record holding the text */
	const char *text;
};
typedef void (*privacy_found_fn)(void *ctx, const struct privacy_where *w,
                                 const struct privacy_findings *f);

struct privacy_tally {
	size_t findings; /* reported */
	size_t kept;     /* kept on purpose, not reported */
	size_t texts;    /* texts that had a reported finding */
	size_t earlier;  /* in earlier versions of texts that the history keeps for undo */
	size_t by_kind[PRIV_KIND_COUNT];
};

/* Scans the cases (their ids; all cases and the workshops when n is 0) and the catalogue, and
 * calls fn (may be NULL) once for each text with findings not kept on purpose, in story order.
 * With n 0 it also counts the findings in the earlier versions the history keeps
 * (tally->earlier). */
enum mstatus privacy_scan_store(struct store *s, const m_id *cases, size_t n, privacy_found_fn fn,
                                void *ctx, struct privacy_tally *tally, struct merr *err);

/* One line: "Sam, step 4 "Flyttar till ...", narrative: phone number 07*-*** ** 67"; the
 * location and the text are masked and sanitised. */
void privacy_print_finding(FILE *out, const struct privacy_where *w,
                           const struct privacy_finding *f);

/* The gate before anything leaves the machine (export, report): the cases named by their codes
 * (all cases and the workshops when n is 0) and the catalogue. When they have findings and allow is
 * false: writes one line per finding to out (may be NULL) and returns M_FINDINGS with a one-line
 * summary in err naming the kinds and the cases, and how to go on. Codes that name no case are
 * passed over: the command refuses them in its own words. allow true: M_OK without looking. */
enum mstatus privacy_gate(struct store *s, const char *const *codes, size_t n, bool allow,
                          FILE *out, struct merr *err);

#endif
