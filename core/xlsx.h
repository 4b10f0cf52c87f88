/* xlsx.h - an Excel workbook (.xlsx, Office Open XML) read a row at a time into cells
 * (import_source.h): the first sheet or the one named, shared and inline strings, numbers,
 * booleans, gaps in a row placed by their cell references, and numbers in a date style as dates.
 * Nothing of the zip or XML libraries shows here: xlsx.c and xlsx_sheet.c alone include them
 * (xlsx_int.h). The pure parts (cell references, Excel's serial dates, which number formats are
 * dates) are in xlsx_cell.c. */
#ifndef MELLAN_XLSX_H
#define MELLAN_XLSX_H

#include "error.h"
#include "import_source.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* What a workbook may hold before it is refused as damaged or hostile (a zip bomb: a few
 * kilobytes that unpack to gigabytes). Sizes are unpacked bytes. */
struct xlsx_limits {
	uint64_t sheet;   /* the sheet read */
	uint64_t strings; /* the shared strings, which are held in memory */
	uint64_t part;    /* each other part read: the workbook, its relations, the styles */
	uint64_t cell;    /* one cell's text */
	long rows;        /* the last row number */
};
extern const struct xlsx_limits xlsx_limits_default;

struct xlsx;
/* Opens the workbook in `in` (left open: the reader reads a duplicate of it), the sheet named
 * `sheet` (compared without case) or the first. Refuses, naming the file: not a zip, a zip that is
 * not a workbook, no such sheet (listing the sheets), a part over its limit. lim NULL: defaults. */
enum mstatus xlsx_open(const char *name, FILE *in, const char *sheet, const struct xlsx_limits *lim,
                       struct xlsx **out, struct merr *err);
/* The next row that has a value; *more is false at the end. row->line is the sheet's row. */
enum mstatus xlsx_next(struct xlsx *x, struct imp_cells *row, bool *more, struct merr *err);
enum mstatus xlsx_rewind(struct xlsx *x, struct merr *err);
const char *xlsx_sheet(const struct xlsx *x);
bool xlsx_date1904(const struct xlsx *x);
void xlsx_close(struct xlsx **x);

/* ---- the pure parts (xlsx_cell.c) ---------------------------------------------------------- */
/* A cell reference ("C7", "AA10"): 0-based column and 1-based row; false when it is none. */
bool xlsx_ref(const char *ref, long *col, long *row);

/* How much of a date a number format shows. */
enum xlsx_date { XD_NONE, XD_DATE, XD_MONTH, XD_YEAR };
/* A cell style's number format: a built-in one by id (14-17 and 22 are dates, 18-21 times),
 * or a custom one by its code ("yyyy-mm-dd", "mmm yy", "[$-41D]d mmmm yyyy"); code NULL for a
 * built-in. */
enum xlsx_date xlsx_format_date(int id, const char *code);
/* Excel's serial day number (its integer part) as a time code of mellan ("2020-01-31",
 * "2020-01", "2020"), counting from 1900 as Excel does (with its 29 February 1900) or from 1904.
 * False for a number that is no date from 1900 to 9999. */
bool xlsx_serial_date(double serial, bool date1904, enum xlsx_date kind, char out[11]);

#endif
