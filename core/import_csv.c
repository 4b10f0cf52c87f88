/* import_csv.c - reading a spreadsheet saved as CSV into cells (import_csv.h), a record at a
 * time: the time a record takes does not depend on how many came before it. */
#include "import_csv.h"

#include "i18n.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A single record (one row, its quoted newlines included) larger than this is refused: it is
 * almost always a quote that was never closed, swallowing the rest of the file. */
#define MAX_RECORD (16L * 1024 * 1024)

struct csv_reader {
	FILE *in;
	const char *name;
	char sep;
	long start; /* where the first record begins, after a BOM */
	long line;  /* of the next byte read */
	char *buf;  /* the field being read */
	size_t bn, cap;
	size_t record; /* bytes of the record being read */
};

static int peek(FILE *in)
{
	int c = getc(in);
	if (c != EOF)
		ungetc(c, in);
	return c;
}

static enum mstatus push(struct csv_reader *r, int c, long start, struct merr *err)
{
	if (++r->record > (size_t)MAX_RECORD)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: a row longer than 16 MiB (is a closing quote "
		                  "missing?); nothing was imported"),
		                r->name, start);
	if (r->bn + 1 >= r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->buf = xrealloc(r->buf, r->cap);
	}
	r->buf[r->bn++] = (char)c;
	return M_OK;
}

/* One record: fields split at the separator, quotes honoured, a quoted field may hold newlines.
 * The caller has seen that the file does not end here. */
static enum mstatus next_record(struct csv_reader *r, struct imp_cells *out, struct merr *err)
{
	FILE *in = r->in;
	long start = r->line;
	enum mstatus st = M_OK;
	r->record = 0;
	out->line = start;
	for (size_t col = 0;; col++) {
		r->bn = 0;
		bool quoted = false;
		int c = getc(in);
		if (c == '"') {
			quoted = true;
			for (;;) {
				c = getc(in);
				if (c == EOF)
					return merr_set(
					    err, M_DATA, MR_INVALID,
					    _("%s: line %ld: a quoted field has no closing "
					      "quote; nothing was imported"),
					    r->name, start);
				if (c == '"' && peek(in) != '"')
					break;
				if (c == '"')
					getc(in); /* "" stands for " */
				if (c == '\n')
					r->line++;
				if (c == '\r' && peek(in) == '\n')
					continue; /* CR LF inside a field is a newline */
				if ((st = push(r, c, start, err)) != M_OK)
					return st;
			}
			c = getc(in);
		}
		for (; c != EOF && c != r->sep && c != '\n' && c != '\r'; c = getc(in)) {
			if (quoted && c != ' ' && c != '\t')
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: line %ld: text after a closing quote; "
				                  "nothing was imported"),
				                r->name, r->line);
			if (c == '"')
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: line %ld: a quote inside a field that does "
				                  "not start with one; nothing was imported"),
				                r->name, r->line);
			if (!quoted && (st = push(r, c, start, err)) != M_OK)
				return st;
		}
		if (r->bn + 1 >= r->cap) {
			r->cap *= 2;
			r->buf = xrealloc(r->buf, r->cap);
		}
		r->buf[r->bn] = '\0';
		imp_cells_set(out, col, r->buf, r->bn, CELL_TEXT);
		if (c == r->sep)
			continue;
		if (c == '\r' && peek(in) == '\n')
			getc(in);
		r->line++;
		return M_OK;
	}
}

/* The separator the first line that has any uses most, outside quotes: a title line above the
 * header may have none. The file is left where it was. */
static char separator(FILE *in)
{
	const char seps[3] = {',', ';', '\t'};
	long at = ftell(in);
	int best = 0;
	bool q = false;
	for (int lines = 0, c = 0; lines < 20 && c != EOF; lines++) {
		size_t counts[3] = {0};
		for (c = getc(in); c != EOF && (q || (c != '\n' && c != '\r')); c = getc(in)) {
			if (c == '"')
				q = !q;
			for (int k = 0; !q && k < 3; k++)
				counts[k] += c == seps[k];
		}
		for (int k = 1; k < 3; k++)
			if (counts[k] > counts[best])
				best = k;
		if (counts[best])
			break;
	}
	if (at >= 0)
		fseek(in, at, SEEK_SET);
	return seps[best];
}

enum mstatus csv_open(const char *name, FILE *in, struct csv_reader **out, struct merr *err)
{
	(void)err;
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->in = in;
	r->name = name;
	r->line = 1;
	r->cap = 256;
	r->buf = xmalloc(r->cap); /* never NULL, even for a file of empty fields */
	long at = ftell(in);
	unsigned char bom[3];
	if (fread(bom, 1, 3, in) != 3 || memcmp(bom, "\xEF\xBB\xBF", 3) != 0)
		fseek(in, at < 0 ? 0 : at, SEEK_SET);
	r->start = ftell(in);
	r->sep = separator(in);
	*out = r;
	return M_OK;
}

enum mstatus csv_rewind(struct csv_reader *r, struct merr *err)
{
	r->line = 1;
	if (fseek(r->in, r->start < 0 ? 0 : r->start, SEEK_SET) != 0)
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), r->name);
	return M_OK;
}

void csv_close(struct csv_reader **r)
{
	if (!*r)
		return;
	free((*r)->buf);
	free(*r);
	*r = NULL;
}

enum mstatus csv_next(struct csv_reader *r, struct imp_cells *row, bool *more, struct merr *err)
{
	imp_cells_reset(row);
	*more = peek(r->in) != EOF;
	enum mstatus st = *more ? next_record(r, row, err) : M_OK;
	if (st == M_OK && ferror(r->in))
		st = merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), r->name);
	if (st != M_OK)
		*more = false;
	return st;
}
