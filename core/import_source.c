/* import_source.c - a spreadsheet's rows as cells, from CSV or .xlsx (import_source.h): the
 * file's first bytes say which reader reads it. */
#include "import_source.h"

#include "i18n.h"
#include "import_csv.h"
#include "xalloc.h"
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>

void imp_cells_set(struct imp_cells *c, size_t col, const char *s, size_t len, enum cell_kind kind)
{
	if (col >= c->cap) {
		size_t cap = c->cap ? c->cap : 8;
		while (cap <= col)
			cap *= 2;
		c->v = xreallocarray(c->v, cap, sizeof *c->v);
		c->len = xreallocarray(c->len, cap, sizeof *c->len);
		c->kind = xrealloc(c->kind, cap);
		memset(c->v + c->cap, 0, (cap - c->cap) * sizeof *c->v);
		c->cap = cap;
	}
	for (; c->n <= col; c->n++) {
		free(c->v[c->n]);
		c->v[c->n] = xstrdup("");
		c->len[c->n] = 0;
		c->kind[c->n] = CELL_TEXT;
	}
	free(c->v[col]);
	c->v[col] = xstrndup(s, len);
	c->len[col] = len;
	c->kind[col] = (unsigned char)kind;
}

void imp_cells_reset(struct imp_cells *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i]);
		c->v[i] = NULL;
	}
	c->n = 0;
	c->line = 0;
}

void imp_cells_free(struct imp_cells *c)
{
	imp_cells_reset(c);
	free(c->v);
	free(c->len);
	free(c->kind);
	memset(c, 0, sizeof *c);
}

bool imp_cells_blank(const struct imp_cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->len[i]; k++)
			if (c->v[i][k] != ' ' && c->v[i][k] != '\t')
				return false;
	return true;
}

void imp_column_name(size_t col, char buf[8])
{
	char rev[8];
	size_t n = 0;
	for (size_t c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
		rev[n++] = (char)('A' + (c - 1) % 26);
	for (size_t i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
}

struct imp_source {
	struct csv_reader *csv;
	struct xlsx *xlsx;
};

/* A workbook that is not .xlsx, told by its first bytes; NULL when it is none of them. */
static const char *other_workbook(const unsigned char *b, size_t n)
{
	if (n >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return _(
		    "%s: an older Excel workbook (.xls), or one protected by a password; save it "
		    "as .xlsx without a password, or as CSV UTF-8; nothing was imported");
	if (n >= 38 && memcmp(b, "PK\x03\x04", 4) == 0 && memcmp(b + 30, "mimetype", 8) == 0)
		return _(
		    "%s: an OpenDocument spreadsheet (.ods); save it as .xlsx or as CSV UTF-8; "
		    "nothing was imported");
	return NULL;
}

enum mstatus imp_source_open(const char *name, FILE *in, const char *sheet, struct imp_source **out,
                             struct merr *err)
{
	*out = NULL;
	unsigned char head[64];
	long at = ftell(in);
	size_t n = fread(head, 1, sizeof head, in);
	if (fseek(in, at < 0 ? 0 : at, SEEK_SET) != 0 || ferror(in))
		return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), name);
	const char *other = other_workbook(head, n);
	size_t k = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (k < n && (head[k] == ' ' || head[k] == '\t' || head[k] == '\r' || head[k] == '\n'))
		k++;
	if (k < n && (head[k] == '{' || head[k] == '['))
		other = _(
		    "%s: a JSON export, not a chronology: 'mellan import FILE' takes it as it is; "
		    "nothing was imported");
	if (other)
		return merr_set(err, M_DATA, MR_INVALID, other, name);
	struct imp_source *s = xcalloc(1, sizeof *s);
	enum mstatus st = n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0
	                      ? xlsx_open(name, in, sheet, NULL, &s->xlsx, err)
	                      : csv_open(name, in, &s->csv, err);
	if (st != M_OK)
		imp_source_close(&s);
	*out = s;
	return st;
}

enum mstatus imp_source_next(struct imp_source *s, struct imp_cells *row, bool *more,
                             struct merr *err)
{
	return s->xlsx ? xlsx_next(s->xlsx, row, more, err) : csv_next(s->csv, row, more, err);
}

enum mstatus imp_source_rewind(struct imp_source *s, struct merr *err)
{
	return s->xlsx ? xlsx_rewind(s->xlsx, err) : csv_rewind(s->csv, err);
}

enum imp_format imp_source_format(const struct imp_source *s)
{
	return s->xlsx ? IMP_XLSX : IMP_CSV;
}

const char *imp_source_sheet(const struct imp_source *s)
{
	return s->xlsx ? xlsx_sheet(s->xlsx) : NULL;
}

bool imp_source_date1904(const struct imp_source *s)
{
	return s->xlsx && xlsx_date1904(s->xlsx);
}

void imp_source_close(struct imp_source **s)
{
	if (!*s)
		return;
	xlsx_close(&(*s)->xlsx);
	csv_close(&(*s)->csv);
	free(*s);
	*s = NULL;
}
