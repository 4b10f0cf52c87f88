/* xlsx_int.h - what the two files of the .xlsx reader share and nothing else may see: the
 * reader's state and its helpers over libzip and expat (xlsx.c the workbook and its parts,
 * xlsx_sheet.c the sheet read a chunk at a time). Only xlsx.c and xlsx_sheet.c include it, and
 * with it the two libraries (see xlsx.c on why they are in core/). */
#ifndef MELLAN_XLSX_INT_H
#define MELLAN_XLSX_INT_H

#include "xlsx.h"

#include <expat.h>
#include <zip.h>

/* Text growing as the parser hands it over. */
struct buf {
	char *s;
	size_t n, cap;
};

/* What the relations part being read is looking for. */
struct rels_want {
	const char *id;     /* a relation by its id; or */
	const char *suffix; /* by the end of its type */
	char *target;       /* found: the target as written */
};

struct book_sheet {
	char *name, *rid;
};

struct xlsx {
	const char *name;
	struct xlsx_limits lim;
	zip_t *zip;
	char *sheet_name, *sheet_path, *strings_path, *styles_path, *book_path;
	bool date1904;
	/* The shared strings, in one buffer: string i is text + at[i], len[i] bytes. */
	struct buf strings;
	size_t *at, *len, n_strings, cap_strings;
	/* How much of a date the number format of each cell style shows (enum xlsx_date). */
	unsigned char *xf_date;
	size_t n_xf;
	/* The sheet being read. */
	zip_file_t *zf;
	XML_Parser p;
	uint64_t read;
	bool at_end;
	struct imp_cells *queue; /* rows parsed, not yet handed out */
	size_t q_head, q_n, q_cap;
	struct imp_cells row; /* the row being parsed */
	long row_num, last_row;
	long col;      /* of the cell being parsed; the next cell's without a reference */
	char type[12]; /* its t attribute */
	long style;    /* its s attribute */
	int in_value;  /* inside <v>, or <t> of an inline string */
	int in_phonetic;
	struct buf cell;
	struct merr err; /* a refusal from inside a callback */
	bool failed;
	/* What the parts read whole are parsed into on the way. */
	struct rels_want *rels;
	struct book_sheet *sheets;
	size_t n_sheets;
	int *fmt_id; /* the custom number formats */
	char **fmt_code;
	size_t n_fmts;
	bool in_xfs;
};

void xlsx_buf_add(struct buf *b, const char *s, size_t n);
/* "x:row" and "row" alike: some writers give SpreadsheetML a prefix. */
const char *xlsx_local(const char *name);
/* An attribute by its local name; NULL when it is not there. */
const char *xlsx_attr(const char **atts, const char *name);
/* A refusal from inside a callback, fmt taking the file's name, a text and a number; the first
 * one counts. */
enum mstatus xlsx_fail(struct xlsx *x, enum mstatus st, const char *fmt, const char *a, long b);
/* A parser with x as its user data and DOCTYPEs refused; NULL (x->err set) when it cannot be had. */
XML_Parser xlsx_parser(struct xlsx *x);
/* Excel's _xHHHH_ escapes undone and line ends made LF, in place; the new length. */
size_t xlsx_unescape(char *s, size_t n);
/* Opens a part after checking the size its entry declares against limit; a part that is not there
 * is NULL with no error when optional. */
zip_file_t *xlsx_open_part(struct xlsx *x, const char *path, uint64_t limit, bool optional,
                           enum mstatus *st);
/* Feeds a part to x->p a chunk at a time, counting what it unpacks against limit, until its end
 * or until *enough is non-zero (rows are waiting). */
enum mstatus xlsx_feed(struct xlsx *x, zip_file_t *f, const char *path, uint64_t limit,
                       uint64_t *read, bool *end, const size_t *enough);
/* The sheet read from its start again; its reading stopped. */
enum mstatus xlsx_sheet_begin(struct xlsx *x);
void xlsx_sheet_stop(struct xlsx *x);

#endif
