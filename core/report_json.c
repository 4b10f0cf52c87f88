/* report_json.c - the analysis as data, for other tools: the counts of every dimension, the
 * actor x category matrix, the patterns with their gaps, and every gap. Codes are the stable
 * ones (model.h); labels are as the report prints them. A count too small to show is the string
 * "<3" instead of a number, and what the outline leaves out is absent.
 *
 * It renders what the outline (report_doc.h) gives a key: the title, the facts, tables, the
 * matrix, and sections that gather tables into an object or entries into an array. Members go
 * in the order of their rank, the order the JSON's readers have always had; a new one after. */
#include "report_doc.h"

#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Every string of the report passes here, sanitised as every other format's text is (the
 * actors' and categories' names come straight from the file). */
static void str(const char *s, FILE *out)
{
	char *clean = text_sanitize(s, TEXT_KEEP_NEWLINES);
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
	free(clean);
}

static void key(const char *k, FILE *out)
{
	str(k, out);
	fputs(": ", out);
}

static void cell(const struct rd_cell *c, FILE *out)
{
	switch (c->kind) {
	case RD_COUNT:
	case RD_NUMBER:
		fprintf(out, "%d", c->n);
		break;
	case RD_FLAG:
		fputs(c->n ? "true" : "false", out);
		break;
	case RD_LIST:
		fputs("[", out);
		for (size_t i = 0; i < c->n_sub; i++) {
			fputs(i ? ", " : "", out);
			str(c->sub[i].text, out);
		}
		fputs("]", out);
		break;
	case RD_GROUP:
		fputs("{", out);
		for (size_t i = 0; i < c->n_sub; i++) {
			fputs(i ? ", " : "", out);
			key(c->sub[i].key, out);
			cell(&c->sub[i], out);
		}
		fputs("}", out);
		break;
	case RD_TEXT:
	case RD_BAND:
	case RD_SUPPRESSED:
	case RD_EMPTY:
		str(c->text, out);
		break;
	}
}

/* Whether an object leaves the cell out: nothing to say. */
static bool silent(const struct rd_cell *c)
{
	return c->kind == RD_EMPTY || (c->kind == RD_LIST && !c->n_sub);
}

/* An array's items one a line; at the top level it closes on a line of its own. */
static void item(size_t i, int depth, FILE *out)
{
	fprintf(out, "%s\n%*s", i ? "," : "", 2 * depth + 2, "");
}

static void close_array(int depth, FILE *out)
{
	fputs(depth == 1 ? "\n  ]" : "]", out);
}

static void table(const struct rd_table *t, int depth, FILE *out)
{
	fputs("[", out);
	for (size_t r = 0; r < t->n_rows; r++) {
		item(r, depth, out);
		fputs("{", out);
		const char *sep = "";
		for (size_t c = 0; c < t->n_cols; c++) {
			const struct rd_cell *v = &t->cells[r * t->n_cols + c];
			if (silent(v))
				continue;
			fputs(sep, out);
			sep = ", ";
			key(t->keys[c], out);
			cell(v, out);
		}
		fputs("}", out);
	}
	close_array(depth, out);
}

static void matrix(const struct rd_matrix *m, FILE *out)
{
	fputs("[", out);
	size_t n = 0;
	for (size_t r = 0; r < m->n_rows; r++)
		for (size_t c = 0; c < m->n_cols; c++) {
			const struct rd_cell *v = &m->cells[r * m->n_cols + c];
			if (silent(v))
				continue;
			item(n++, 1, out);
			fputs("{", out);
			key(m->row_key, out);
			str(m->rows[r], out);
			fputs(", ", out);
			key(m->col_key, out);
			str(m->col_codes[c], out);
			fputs(", ", out);
			key(m->cell_key, out);
			cell(v, out);
			fputs("}", out);
		}
	close_array(1, out);
}

/* An entry as one object: what it has something to say about. */
static void entry(const struct rd_entry *e, FILE *out)
{
	fputs("{", out);
	const char *sep = "";
	for (size_t i = 0; i < e->n_data; i++) {
		const struct rd_cell *v = &e->data[i];
		if (silent(v) || ((v->kind == RD_TEXT || v->kind == RD_BAND) && !*v->text))
			continue;
		fputs(sep, out);
		sep = ", ";
		key(v->key, out);
		cell(v, out);
	}
	fputs("}", out);
}

static void entries(const struct rd_block *b, size_t *n, FILE *out)
{
	for (; b; b = b->next) {
		if (b->kind == RD_ENTRY) {
			item((*n)++, 1, out);
			entry(&b->entry, out);
		} else if (b->kind == RD_SECTION) {
			entries(b->section.first, n, out);
		}
	}
}

static void tables(const struct rd_block *b, size_t *n, FILE *out)
{
	for (; b; b = b->next) {
		if (b->kind == RD_TABLE && b->table.key) {
			item((*n)++, 1, out);
			key(b->table.key, out);
			table(&b->table, 2, out);
		} else if (b->kind == RD_SECTION) {
			tables(b->section.first, n, out);
		}
	}
}

/* One member of the document: a fact, or a block with a key. */
struct member {
	int rank;
	const char *key;
	const struct rd_cell *fact;
	const struct rd_block *block;
};

struct members {
	struct member *v;
	size_t n, cap;
};

static void add(struct members *m, struct member x)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	/* Kept in rank order as they come; equal ranks in the outline's order. */
	size_t at = m->n++;
	while (at > 0 && m->v[at - 1].rank > x.rank) {
		m->v[at] = m->v[at - 1];
		at--;
	}
	m->v[at] = x;
}

static void collect(const struct rd_block *b, struct members *m)
{
	for (; b; b = b->next) {
		switch (b->kind) {
		case RD_TITLE:
			add(m, (struct member){b->title.rank, b->title.key, NULL, b});
			break;
		case RD_FACTS:
			for (size_t i = 0; i < b->facts.n; i++)
				add(m, (struct member){b->facts.v[i].rank, b->facts.v[i].value.key,
				                       &b->facts.v[i].value, NULL});
			break;
		case RD_SECTION:
			if (b->section.key)
				add(m, (struct member){b->section.rank, b->section.key, NULL, b});
			else
				collect(b->section.first, m);
			break;
		case RD_TABLE:
			if (b->table.key)
				add(m, (struct member){b->table.rank, b->table.key, NULL, b});
			break;
		case RD_MATRIX:
			if (b->matrix.key)
				add(m, (struct member){b->matrix.rank, b->matrix.key, NULL, b});
			break;
		case RD_NOTE:      /* for people; the data says what it leaves out by leaving it */
		case RD_PARAGRAPH: /* words for people */
		case RD_BARS:      /* the tables have the numbers */
		case RD_LANES:     /* a picture of the cases' data */
		case RD_PATTERN:   /* the patterns' table has their gaps' uuids */
		case RD_ENTRY:     /* only within a section that gathers them */
		case RD_RECORDS:   /* the spreadsheet's rows */
			break;
		}
	}
}

static void member(const struct member *m, FILE *out)
{
	key(m->key, out);
	if (m->fact) {
		cell(m->fact, out);
		return;
	}
	const struct rd_block *b = m->block;
	size_t n = 0;
	switch (b->kind) {
	case RD_TITLE:
		str(b->title.text, out);
		break;
	case RD_TABLE:
		table(&b->table, 1, out);
		break;
	case RD_MATRIX:
		matrix(&b->matrix, out);
		break;
	case RD_SECTION:
		if (b->section.list) {
			fputs("[", out);
			entries(b->section.first, &n, out);
			close_array(1, out);
		} else {
			fputs("{", out);
			tables(b->section.first, &n, out);
			fputs("\n  }", out);
		}
		break;
	default:
		break;
	}
}

bool report_write_json(const struct rd_doc *d, FILE *out)
{
	struct members m = {0};
	collect(d->first, &m);
	fputs("{", out);
	for (size_t i = 0; i < m.n; i++) {
		fputs(i ? ",\n  " : "\n  ", out);
		member(&m.v[i], out);
	}
	fputs("\n}\n", out);
	free(m.v);
	return !ferror(out);
}
