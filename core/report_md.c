/* report_md.c - the report as Markdown: the outline (report_doc.h) as headings, pipe tables and
 * lists, for a wiki or a document to edit further. Every block is set off by a blank line. Text
 * is escaped so a story can never make a heading, a link or a table cell of its own; only the
 * program's own note and the counts of the matrix are written as they are. */
#include "report_doc.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void md(const char *s, FILE *out)
{
	char *clean = text_sanitize(s ? s : "", 0);
	for (const char *p = clean; *p; p++) {
		if (strchr("\\`*_[]<>|#", *p))
			fputc('\\', out);
		fputc(*p, out);
	}
	free(clean);
}

static void heading(int level, const char *text, FILE *out)
{
	fprintf(out, "\n%.*s ", level, "######");
	md(text, out);
	fputs("\n", out);
}

static void paragraph(const char *text, FILE *out)
{
	fputs("\n", out);
	md(text, out);
	fputs("\n", out);
}

static void table(const struct rd_table *t, FILE *out)
{
	if (!t->n_rows) {
		paragraph(t->empty, out);
		return;
	}
	fputs("\n", out);
	for (size_t r = 0; r <= t->n_rows; r++) {
		const char *sep = "| ";
		for (size_t c = 0; c < t->n_cols; c++) {
			if (!t->heads[c])
				continue;
			fputs(sep, out);
			sep = " | ";
			md(r == 0 ? t->heads[c] : t->cells[(r - 1) * t->n_cols + c].text, out);
		}
		fputs(" |\n", out);
		if (r > 0)
			continue;
		/* Counts to the right, words to the left. */
		fputs("|", out);
		for (size_t c = 0; c < t->n_cols; c++) {
			enum rd_cell_kind k = t->cells[c].kind;
			if (t->heads[c])
				fputs(k == RD_COUNT || k == RD_SUPPRESSED ? "--:|" : "---|", out);
		}
		fputs("\n", out);
	}
}

static void matrix(const struct rd_matrix *m, FILE *out)
{
	fputs("\n|  |", out);
	for (size_t c = 0; c < m->n_cols; c++) {
		fputs(" ", out);
		md(m->cols[c], out);
		fputs(" |", out);
	}
	fputs("\n|---|", out);
	for (size_t c = 0; c < m->n_cols; c++)
		fputs("--:|", out);
	fputs("\n", out);
	for (size_t r = 0; r < m->n_rows; r++) {
		fputs("| ", out);
		md(m->rows[r], out);
		fputs(" |", out);
		for (size_t c = 0; c < m->n_cols; c++)
			fprintf(out, " %s |", m->cells[r * m->n_cols + c].text);
		fputs("\n", out);
	}
}

static void pattern(const struct rd_pattern *p, int level, FILE *out)
{
	heading(level, p->label, out);
	char *line = xasprintf(_("%s gaps in %s cases:"), p->gaps.text, p->cases.text);
	paragraph(line, out);
	free(line);
	fputs("\n", out);
	for (size_t k = 0; k < p->n_refs; k++) {
		fputs("- ", out);
		md(p->refs[k], out);
		fputs("\n", out);
	}
}

static void entry(const struct rd_entry *e, int level, FILE *out)
{
	heading(level, e->title, out);
	paragraph(e->meta, out);
	fputs("\n", out);
	for (size_t i = 0; i < e->n_fields; i++) {
		const struct rd_field *f = &e->fields[i];
		fprintf(out, f->quote ? "- %s *" : "- **%s** ", f->label);
		md(f->text, out);
		fputs(f->quote ? "*\n" : "\n", out);
	}
}

/* depth: the headed sections around the block; their headings are ## and deeper. */
static void block(const struct rd_block *b, int depth, FILE *out)
{
	switch (b->kind) {
	case RD_TITLE:
		fputs("# ", out);
		md(b->title.text, out);
		fputs("\n", out);
		break;
	case RD_FACTS: {
		const char *sep = "\n";
		for (size_t i = 0; i < b->facts.n; i++) {
			const struct rd_fact *f = &b->facts.v[i];
			if (!f->label)
				continue;
			fprintf(out, "%s%s ", sep, f->label);
			md(f->value.text, out);
			sep = "  \n"; /* a line break that is no new paragraph */
		}
		fputs("\n", out);
		break;
	}
	case RD_NOTE:
		fprintf(out, "\n*%s*\n", b->note);
		break;
	case RD_SECTION: {
		const struct rd_section *s = &b->section;
		if (s->heading)
			heading(depth + 2, s->heading, out);
		for (const struct rd_block *c = s->first; c; c = c->next)
			block(c, s->heading ? depth + 1 : depth, out);
		break;
	}
	case RD_PARAGRAPH:
		paragraph(b->paragraph.text, out);
		break;
	case RD_TABLE:
		table(&b->table, out);
		break;
	case RD_MATRIX: /* the columns are named: no numbers to explain */
		matrix(&b->matrix, out);
		break;
	case RD_PATTERN:
		pattern(&b->pattern, depth + 2, out);
		break;
	case RD_ENTRY:
		entry(&b->entry, depth + 2, out);
		break;
	case RD_BARS:    /* the tables beside them have the numbers */
	case RD_LANES:   /* Markdown has no charts of its own */
	case RD_RECORDS: /* a spreadsheet's */
		break;
	}
}

bool report_write_md(const struct rd_doc *d, FILE *out)
{
	for (const struct rd_block *b = d->first; b; b = b->next)
		block(b, 0, out);
	return !ferror(out);
}
