/* xlsx_sheet.c - the sheet of a workbook read a chunk at a time (xlsx.h): expat hands over the
 * rows as the chunk that ends them is parsed, and each cell becomes text as the pipeline reads
 * it, placed by its reference, a number in a date style a date. */
#include "xlsx_int.h"

#include "i18n.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (x->failed)
		return;
	if (strcmp(l, "row") == 0) {
		const char *r = xlsx_attr(atts, "r");
		long n = r ? atol(r) : x->last_row + 1;
		if (n <= x->last_row || n > x->lim.rows) {
			xlsx_fail(
			    x, M_DATA,
			    _("%s: the sheet '%s' has a row numbered %ld, out of order or past the "
			      "last row a sheet can have; nothing was imported"),
			    x->sheet_name, n);
			return;
		}
		x->row_num = x->last_row = n;
		x->col = 0;
		imp_cells_reset(&x->row);
		x->row.line = n;
	} else if (strcmp(l, "c") == 0) {
		const char *r = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t"),
		           *s = xlsx_attr(atts, "s");
		long col, row;
		if (r && !xlsx_ref(r, &col, &row)) {
			xlsx_fail(x, M_DATA,
			          _("%s: the sheet '%s' has a cell whose place is not a cell "
			            "reference, in "
			            "row %ld; nothing was imported"),
			          x->sheet_name, x->row_num);
			return;
		}
		if (r)
			x->col = col;
		snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
		x->style = s ? atol(s) : 0;
		x->cell.n = 0;
	} else if (strcmp(l, "v") == 0 || (strcmp(l, "t") == 0 && !x->in_phonetic)) {
		x->in_value = 1;
	} else if (strcmp(l, "rPh") == 0) {
		x->in_phonetic++;
	}
}

/* The finished cell into the row, as the pipeline reads it. */
static void cell_done(struct xlsx *x)
{
	char *v = x->cell.s ? x->cell.s : "";
	size_t n = x->cell.n;
	enum cell_kind kind = CELL_TEXT;
	char date[11];
	if (n == 0)
		return; /* a styled cell with no value is an empty one */
	if (strcmp(x->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (*end || end == v || i >= x->n_strings) {
			xlsx_fail(
			    x, M_DATA,
			    _("%s: the sheet '%s' refers to a shared text the workbook does not "
			      "have, in row %ld; nothing was imported"),
			    x->sheet_name, x->row_num);
			return;
		}
		imp_cells_set(&x->row, (size_t)x->col, x->strings.s + x->at[i], x->len[i],
		              CELL_TEXT);
		return;
	}
	if (strcmp(x->type, "b") == 0) {
		const char *b = strcmp(v, "1") == 0 ? _("TRUE") : _("FALSE");
		imp_cells_set(&x->row, (size_t)x->col, b, strlen(b), CELL_TEXT);
		return;
	}
	if (strcmp(x->type, "n") == 0) {
		char *end;
		double d = strtod(v, &end);
		kind = CELL_NUMBER;
		enum xlsx_date dk = x->style >= 0 && (size_t)x->style < x->n_xf
		                        ? (enum xlsx_date)x->xf_date[x->style]
		                        : XD_NONE;
		if (!*end && dk != XD_NONE && xlsx_serial_date(d, x->date1904, dk, date)) {
			imp_cells_set(&x->row, (size_t)x->col, date, strlen(date), CELL_DATE);
			return;
		}
	} else if (strcmp(x->type, "d") == 0 && n >= 10) {
		kind = CELL_DATE; /* ISO 8601: the day is its first ten characters */
		n = v[10] == 'T' || v[10] == '\0' || v[10] == ' ' ? 10 : n;
	} else {
		n = xlsx_unescape(v, n); /* "str", "inlineStr", "e" */
	}
	imp_cells_set(&x->row, (size_t)x->col, v, n, kind);
}

static void sheet_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *l = xlsx_local(name);
	if (x->failed)
		return;
	if (strcmp(l, "v") == 0 || (strcmp(l, "t") == 0 && !x->in_phonetic)) {
		x->in_value = 0;
	} else if (strcmp(l, "rPh") == 0 && x->in_phonetic) {
		x->in_phonetic--;
	} else if (strcmp(l, "c") == 0) {
		cell_done(x);
		x->col++;
	} else if (strcmp(l, "row") == 0 && !imp_cells_blank(&x->row)) {
		if (x->q_n == x->q_cap) {
			x->q_cap = x->q_cap ? 2 * x->q_cap : 64;
			x->queue = xreallocarray(x->queue, x->q_cap, sizeof *x->queue);
			memset(x->queue + x->q_n, 0, (x->q_cap - x->q_n) * sizeof *x->queue);
		}
		struct imp_cells t = x->queue[x->q_n];
		x->queue[x->q_n++] = x->row;
		x->row = t; /* the emptied row's memory comes back for the next */
	}
}

static void sheet_text(void *ud, const XML_Char *s, int n)
{
	struct xlsx *x = ud;
	if (!x->in_value || x->failed)
		return;
	if (x->cell.n + (size_t)n > x->lim.cell) {
		xlsx_fail(
		    x, M_DATA,
		    _("%s: the sheet '%s' has a cell longer than 16 MiB, in row %ld; nothing was "
		      "imported"),
		    x->sheet_name, x->row_num);
		return;
	}
	xlsx_buf_add(&x->cell, s, (size_t)n);
}

void xlsx_sheet_stop(struct xlsx *x)
{
	if (x->p)
		XML_ParserFree(x->p);
	x->p = NULL;
	if (x->zf)
		zip_fclose(x->zf);
	x->zf = NULL;
}

enum mstatus xlsx_sheet_begin(struct xlsx *x)
{
	xlsx_sheet_stop(x);
	x->read = 0;
	x->at_end = false;
	x->last_row = x->row_num = 0;
	for (size_t i = 0; i < x->q_n; i++)
		imp_cells_reset(&x->queue[i]);
	x->q_head = x->q_n = 0;
	enum mstatus st;
	x->zf = xlsx_open_part(x, x->sheet_path, x->lim.sheet, false, &st);
	if (!x->zf)
		return st;
	XML_Parser p = xlsx_parser(x);
	if (!p)
		return M_OTHER;
	XML_SetElementHandler(p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(p, sheet_text);
	return M_OK;
}

enum mstatus xlsx_next(struct xlsx *x, struct imp_cells *row, bool *more, struct merr *err)
{
	enum mstatus st = M_OK;
	imp_cells_reset(row);
	while (st == M_OK && x->q_head == x->q_n && !x->at_end) {
		x->q_head = x->q_n = 0;
		/* A chunk at a time, until a row is waiting: rows come out as the chunk that ends
		 * them is parsed. */
		st =
		    xlsx_feed(x, x->zf, x->sheet_path, x->lim.sheet, &x->read, &x->at_end, &x->q_n);
	}
	if (st != M_OK) {
		*err = x->err;
		*more = false;
		return err->status ? err->status : st;
	}
	*more = x->q_head < x->q_n;
	if (*more) {
		struct imp_cells t = *row;
		*row = x->queue[x->q_head];
		x->queue[x->q_head++] = t;
	}
	return M_OK;
}

enum mstatus xlsx_rewind(struct xlsx *x, struct merr *err)
{
	enum mstatus st = xlsx_sheet_begin(x);
	if (st != M_OK)
		*err = x->err;
	return st;
}
