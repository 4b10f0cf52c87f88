/* import_csv.h - a chronology as people keep it in a spreadsheet, saved as CSV: one row per
 * event with the case code, when, which actor, what happened and what was done (mellan(5)). */
#ifndef MELLAN_IMPORT_CSV_H
#define MELLAN_IMPORT_CSV_H

#include "error.h"
#include "store_exchange.h"

#include <stddef.h>

#include <stdbool.h>
#include <stdio.h>

struct csv_row {
	long line; /* where the row starts in the file, for messages */
	char *case_code, *date, *actor, *happened, *done, *note;
};
void csv_row_clear(struct csv_row *r);

/* Reads a chronology a row at a time: UTF-8 with or without BOM; CRLF or LF; comma, semicolon
 * or tab, as the header line uses; fields quoted with "" may hold newlines. The columns are
 * found by the header's names, Swedish or English. `in` must be seekable (a file): the header
 * line is looked at twice. */
struct csv_reader;
/* Reads the header. Refuses, naming the line: an unknown, doubled or missing column. */
enum mstatus csv_open(const char *name, FILE *in, struct csv_reader **out, struct merr *err);
/* The next row that is not blank; *more is false at the end. Refuses, naming the line: a broken
 * quote, text that is not UTF-8 or holds a NUL (naming the column), more fields than the header,
 * a row over 16 MiB. */
enum mstatus csv_next(struct csv_reader *r, struct csv_row *row, bool *more, struct merr *err);
void csv_close(struct csv_reader **r);

/* Reads `in` and writes each row in one transaction as it comes: the case by its code (made when
 * new), a step for what happened, an intervention by the actor for what was done. Each row's
 * records get an identity made from its content, so importing the same file again adds nothing.
 * An actor must be in the catalogue (by name or short label, in any case); an unknown actor, an
 * unreadable time, or anything csv_next refuses rolls the whole file back, naming the line. */
enum mstatus csv_import(struct store *s, const char *name, FILE *in,
                        struct store_exchange_report *rep, store_progress_fn progress, void *arg,
                        struct merr *err);

#endif
