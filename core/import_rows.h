/* import_rows.h - a chronology as people keep it in a spreadsheet, into mellan: one row per
 * event with the case, when, which actor, what happened, what was done, its outcome and a note
 * (mellan(5)). One pipeline for both readers (import_source.h: CSV and .xlsx):
 *
 *   imp_open     finds the header line and says what each column is (import_match.h), with the
 *                user's own word on some (imp_options);
 *   imp_scan     reads every row, checks it, counts what importing would add and gathers the
 *                actor names the catalogue does not have, with their lines; writes nothing;
 *   imp_preview  says what would be added (mellan import --dry-run, the import screen);
 *   imp_write    reads the file again and writes it, new actors first, all in one transaction.
 *
 * Every refusal names the file and the line or the column, and leaves the database as it was.
 * Each row's step and intervention get an identity made from the row's content, so importing
 * the same file twice adds nothing the second time. */
#ifndef MELLAN_IMPORT_ROWS_H
#define MELLAN_IMPORT_ROWS_H

#include "error.h"
#include "import_match.h"
#include "import_source.h"
#include "store_exchange.h"

#include <stdbool.h>
#include <stdio.h>

/* What the user said about the file: --map, --ignore, --actor, --new-actors, --sheet, --case,
 * or their choices on the import screen. Strings are the options' own. */
struct imp_column_choice {
	char *column; /* the header's text, compared as header words are */
	int field;    /* an enum imp_field, IMP_IGNORE to leave the column out */
};
struct imp_actor_choice {
	char *name;   /* as the file writes it, compared without case */
	char *target; /* the catalogue's actor it is, as a name is matched (--actor); or */
	m_id actor;   /* the catalogue's actor it is; or, with both unset: */
	int sector;   /* a new actor in this sector (enum m_sector) */
};
struct imp_options {
	struct imp_column_choice *columns;
	size_t n_columns;
	struct imp_actor_choice *actors;
	size_t n_actors;
	int new_sector;  /* every other name the catalogue does not have is a new actor in this
	                    sector; -1: such a name refuses the file */
	char *sheet;     /* a workbook's sheet; NULL: the first */
	char *case_code; /* the case of the rows that name none (a file without a case column) */
};
void imp_options_init(struct imp_options *o);
void imp_options_clear(struct imp_options *o);
/* Says what a column is (replacing what was said before). */
void imp_options_column(struct imp_options *o, const char *column, int field);
/* Says what an actor name is: an actor of the catalogue, or (actor 0) a new one in sector. */
void imp_options_actor(struct imp_options *o, const char *name, m_id actor, int sector);
/* Says what an actor name is by the name, short label or beginning of an actor of the catalogue
 * (--actor 'Soc=Socialtjänsten (barn och unga)'); imp_open refuses a target it cannot tell. */
void imp_options_actor_named(struct imp_options *o, const char *name, const char *target);

/* An actor name of the file that is no actor of the catalogue by name, short label or a unique
 * beginning. */
struct imp_name {
	char *name;  /* as first written */
	long *lines; /* the first lines it is on (up to IMP_NAME_LINES) */
	size_t n_lines;
	long n_rows; /* every row it is on */
	m_id *cands; /* more than one: the actors it could be (ambiguous) */
	size_t n_cands;
	m_id actor; /* what it was said to be: an actor of the catalogue, or */
	int sector; /* a new actor in this sector; -1 while nobody has said */
};
#define IMP_NAME_LINES 64
/* The first few of a kind of record importing would add. */
#define IMP_SAMPLES 3
struct imp_samples {
	char *v[IMP_SAMPLES];
	size_t n;
};

/* What the file holds, and, once scanned, what importing it would do. */
struct imp_plan {
	enum imp_format format;
	const char *sheet; /* the workbook's sheet read; NULL for CSV */
	long header_line;
	char **columns; /* the header line's cells */
	int *field;     /* each one's enum imp_field; IMP_UNKNOWN: nobody said what it is */
	size_t n_columns;
	bool scanned;
	long rows;
	long cases_new, steps_new, steps_same, ivs_new;
	struct imp_name *names;
	size_t n_names;
	struct imp_samples cases, steps, ivs;
};

struct importer;
/* Opens the file (`in`, the caller's, a regular file) and finds its header line: the first row
 * that names a column mellan reads, after a title of one cell and blank rows, if any. The options
 * are borrowed: they must stay until imp_close. An actor named as the target of a choice that
 * is no actor, or could be several, is refused as a usage error. */
enum mstatus imp_open(struct store *s, const char *name, FILE *in, const struct imp_options *o,
                      struct importer **out, struct merr *err);
const struct imp_plan *imp_plan(const struct importer *im);
/* Refuses, in one line: the columns nobody said anything about (listed by name, with the fields
 * mellan reads), a field two columns give, a required column missing. */
enum mstatus imp_check_columns(const struct importer *im, struct merr *err);
/* Reads every row without writing anything: checks it as the import would, counts what would be
 * added, gathers the names the catalogue does not have. Refuses the first bad row, naming its
 * line. progress: now and then, the rows read. */
enum mstatus imp_scan(struct importer *im, store_progress_fn progress, void *arg, struct merr *err);
/* Refuses, in one line, the actor names nobody has said anything about, with their lines, and
 * the ambiguous ones with the actors they could be. */
enum mstatus imp_check_names(const struct importer *im, struct merr *err);
/* What importing would add, for people: counts and the first few of each kind, the names that
 * stand in the way. After imp_scan. */
void imp_preview(const struct importer *im, FILE *out);
/* Writes it all in one transaction: the new actors, then row by row; a row that fails rolls
 * everything back, naming its line. After imp_scan and both checks. */
enum mstatus imp_write(struct importer *im, struct store_exchange_report *rep,
                       store_progress_fn progress, void *arg, struct merr *err);
void imp_close(struct importer **im);

/* The whole import as `mellan import` does it with default options: open, check, scan, write.
 * Kept for the callers that need no options (tests, fuzz targets). */
enum mstatus csv_import(struct store *s, const char *name, FILE *in,
                        struct store_exchange_report *rep, store_progress_fn progress, void *arg,
                        struct merr *err);

#endif
