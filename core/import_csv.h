/* import_csv.h - a chronology as people keep it in a spreadsheet, saved as CSV: one row per
 * event with the case code, when, which actor, what happened and what was done (mellan(5)). */
#ifndef MELLAN_IMPORT_CSV_H
#define MELLAN_IMPORT_CSV_H

#include "error.h"
#include "store.h"

#include <stddef.h>

struct csv_row {
	long line; /* where the row starts in the file, for messages */
	char *case_code, *date, *actor, *happened, *done, *note;
};

struct csv_rows {
	struct csv_row *items;
	size_t n;
};
void csv_rows_clear(struct csv_rows *r);

/* Splits text (UTF-8 with or without BOM; CRLF or LF; comma, semicolon or tab, as the header
 * line uses; fields quoted with "" may hold newlines) into rows by the header's column names,
 * Swedish or English. Refuses, naming the line: a broken quote, invalid UTF-8, an unknown or
 * missing column, a row with more fields than the header. Blank rows are skipped. */
enum mstatus csv_read(const char *name, const char *text, size_t len, struct csv_rows *out,
                      struct merr *err);

/* Writes the rows in one transaction: the case by its code (made when new), a step for what
 * happened, an intervention by the actor for what was done. Each row's records get an identity
 * made from its content, so importing the same file again adds nothing. An actor must be in the
 * catalogue (by name or short label, in any case); an unknown actor or an unreadable time refuses
 * the whole file, naming the line. */
enum mstatus csv_import(struct store *s, const char *name, const struct csv_rows *rows,
                        struct store_exchange_report *rep, struct merr *err);

#endif
