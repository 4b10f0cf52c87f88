/* import_csv.h - the CSV reader of the chronology import: a spreadsheet saved as CSV, read a
 * record at a time into cells (import_source.h). What the cells mean is the pipeline's
 * (import_rows.h); this only splits the text. */
#ifndef MELLAN_IMPORT_CSV_H
#define MELLAN_IMPORT_CSV_H

#include "error.h"
#include "import_source.h"

#include <stdbool.h>
#include <stdio.h>

/* UTF-8 with or without BOM; CRLF or LF; comma, semicolon or tab, whichever the first line that
 * has any uses most; fields quoted with "" may hold separators, newlines and doubled quotes. `in`
 * must be seekable (a file): the first lines are looked at twice. */
struct csv_reader;
enum mstatus csv_open(const char *name, FILE *in, struct csv_reader **out, struct merr *err);
/* The next record, blank or not; *more is false at the end. Refuses, naming the line: a broken
 * quote, text after a closing quote, a quote inside an unquoted field, a record over 16 MiB. */
enum mstatus csv_next(struct csv_reader *r, struct imp_cells *row, bool *more, struct merr *err);
/* Back to the first record. */
enum mstatus csv_rewind(struct csv_reader *r, struct merr *err);
void csv_close(struct csv_reader **r);

#endif
