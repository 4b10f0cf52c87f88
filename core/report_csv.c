/* report_csv.c - the report as one row per gap, for spreadsheets: RFC 4180 (CRLF line ends, a
 * field quoted when it holds the separator, a quote or a line break, quotes doubled), UTF-8.
 * The separator may be ';' for spreadsheets set up for Swedish, where ',' is the decimal mark.
 * Of the outline (report_doc.h) it writes the records, and only them: first the gaps, then after
 * an empty line the interventions that helped, each table with its own header row. */
#include "report_doc.h"

#include <string.h>

static void field(const char *s, char sep, bool last, FILE *out)
{
	/* A leading = + - @ would be a formula to a spreadsheet: text that came from a story must
	 * stay text, so such a field starts with a quote-protected apostrophe. */
	bool formula = strchr("=+-@", s[0]) && s[0];
	bool quote = formula || strchr(s, sep) || strpbrk(s, "\"\r\n");
	if (quote) {
		fputc('"', out);
		if (formula)
			fputc('\'', out);
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else {
		fputs(s, out);
	}
	fputs(last ? "\r\n" : (char[]){sep, '\0'}, out);
}

static void records(const struct rd_table *t, char sep, bool *first, FILE *out)
{
	if (!*first)
		fputs("\r\n", out);
	*first = false;
	for (size_t c = 0; c < t->n_cols; c++)
		field(t->keys[c], sep, c + 1 == t->n_cols, out);
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < t->n_cols; c++)
			field(t->cells[r * t->n_cols + c].text, sep, c + 1 == t->n_cols, out);
}

static void block(const struct rd_block *b, char sep, bool *first, FILE *out)
{
	switch (b->kind) {
	case RD_RECORDS:
		records(&b->table, sep, first, out);
		break;
	case RD_SECTION:
		for (const struct rd_block *c = b->section.first; c; c = c->next)
			block(c, sep, first, out);
		break;
	case RD_TITLE: /* the rest is for people to read, or for the JSON */
	case RD_FACTS:
	case RD_NOTE:
	case RD_PARAGRAPH:
	case RD_TABLE:
	case RD_BARS:
	case RD_MATRIX:
	case RD_LANES:
	case RD_PATTERN:
	case RD_ENTRY:
		break;
	}
}

bool report_write_csv(const struct rd_doc *d, char sep, FILE *out)
{
	bool first = true;
	for (const struct rd_block *b = d->first; b; b = b->next)
		block(b, sep, &first, out);
	return !ferror(out);
}
