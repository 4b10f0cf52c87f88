/* import_source.h - a spreadsheet's rows as cells of text, whichever file they come from: a CSV
 * file (import_csv.h) or an .xlsx workbook (xlsx.h), told apart by the file's first bytes. The
 * chronology import (import_rows.h) reads every file through this, so both readers feed the
 * same pipeline. */
#ifndef MELLAN_IMPORT_SOURCE_H
#define MELLAN_IMPORT_SOURCE_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum cell_kind {
	CELL_TEXT,
	CELL_NUMBER, /* a workbook's number, as it stores it ("43831", "2.5") */
	CELL_DATE,   /* a workbook's number in a date style, as a time code ("2020-01-01") */
};

/* One row: cell i is column i (A is 0); a gap in a workbook's row is an empty cell. */
struct imp_cells {
	char **v; /* NUL-terminated; len[i] tells a NUL inside, which the pipeline refuses */
	size_t *len;
	unsigned char *kind; /* enum cell_kind */
	size_t n, cap;
	long line; /* the CSV file's line or the sheet's row where the row starts */
};
/* Sets cell `col`, with empty cells before it where there are none yet. */
void imp_cells_set(struct imp_cells *c, size_t col, const char *s, size_t len, enum cell_kind kind);
/* Empties the row, keeping its memory for the next one. */
void imp_cells_reset(struct imp_cells *c);
void imp_cells_free(struct imp_cells *c);
/* True when every cell is empty or blanks. */
bool imp_cells_blank(const struct imp_cells *c);
/* A column as spreadsheets name it: 0 "A", 25 "Z", 26 "AA". */
void imp_column_name(size_t col, char buf[8]);

enum imp_format { IMP_CSV, IMP_XLSX };

struct imp_source;
/* Opens `in` (a regular file, left open for the caller to close) by what it holds: an .xlsx
 * workbook (sheet: the sheet of that name, NULL for the first), else CSV. A workbook of another
 * kind (.xls, .ods) is refused, saying how to save it. `name` is the file's name for messages. */
enum mstatus imp_source_open(const char *name, FILE *in, const char *sheet, struct imp_source **out,
                             struct merr *err);
/* The next row, blank or not; *more is false at the end. */
enum mstatus imp_source_next(struct imp_source *s, struct imp_cells *row, bool *more,
                             struct merr *err);
/* Back to the first row, to read the file again. */
enum mstatus imp_source_rewind(struct imp_source *s, struct merr *err);
enum imp_format imp_source_format(const struct imp_source *s);
/* A workbook's sheet being read; NULL for CSV. */
const char *imp_source_sheet(const struct imp_source *s);
/* A workbook's dates count from 1904 (a Mac's old default) rather than from 1900. */
bool imp_source_date1904(const struct imp_source *s);
void imp_source_close(struct imp_source **s);

#endif
