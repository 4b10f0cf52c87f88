/* report_text.c - the report as A4 pages for a printer: at most 80 columns, 66 lines a page with a
 * header, a footer and the page number, a form feed between pages. Black on white only: emphasis
 * is capitals and rules, never colour. The body is laid out as lines first, then cut into pages,
 * so each footer can say "page 2 of 5" and a heading never ends a page without what it heads.
 * It renders the outline (report_doc.h) and nothing else: charts and the spreadsheet's records
 * are other formats'. */
#include "report_doc.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define COLS 80
#define PAGE_LINES 66
#define HEAD_LINES 3 /* title and date, a rule, a blank line */
#define FOOT_LINES 3 /* a blank line, a rule, the page number */
#define BODY_LINES (PAGE_LINES - HEAD_LINES - FOOT_LINES)

struct line {
	char *text;
	int keep; /* this many following lines must stay on the same page */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void add(struct lines *l, int keep, char *text)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = (struct line){text, keep};
}

static void blank(struct lines *l)
{
	add(l, 0, xstrdup(""));
}

static char *spaces(int n)
{
	char *s = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	memset(s, ' ', (size_t)(n > 0 ? n : 0));
	s[n > 0 ? n : 0] = '\0';
	return s;
}

static char *repeat(char c, int n)
{
	char *s = spaces(n);
	memset(s, c, (size_t)n);
	return s;
}

/* Wraps text to the page, the first line after `first`, the others indented by `indent`. Each
 * line is filled to the width its own lead leaves, so a long label ("What must change: ") does
 * not narrow the lines below it. */
static void wrap(struct lines *l, const char *first, int indent, const char *text)
{
	int fw = text_width(first);
	size_t *st = NULL, *len = NULL;
	size_t n = text_wrap(text, COLS - fw, &st, &len);
	const char *rest = n > 1 ? text + st[1] : NULL;
	add(l, 0,
	    n ? xasprintf("%s%.*s", first, (int)len[0], text + st[0]) : xasprintf("%s", first));
	free(st);
	free(len);
	if (!rest)
		return;
	n = text_wrap(rest, COLS - indent, &st, &len);
	char *pad = spaces(indent);
	for (size_t i = 0; i < n; i++)
		add(l, 0, xasprintf("%s%.*s", pad, (int)len[i], rest + st[i]));
	free(pad);
	free(st);
	free(len);
}

/* The line at `at` keeps everything after it on its page, when that fits in a third of one. */
static void keep_together(struct lines *l, size_t at)
{
	size_t n = l->n - at - 1;
	if (n < BODY_LINES / 3 && (int)n > l->v[at].keep)
		l->v[at].keep = (int)n;
}

/* The line at `at` keeps everything after it on its page, when that fits on a page at all: an
 * entry is read as one piece. */
static void keep_whole(struct lines *l, size_t at)
{
	size_t n = l->n - at - 1;
	if (n < BODY_LINES && (int)n > l->v[at].keep)
		l->v[at].keep = (int)n;
}

/* Returns the index of the heading line, for keep_together(). */
static size_t heading(struct lines *l, const char *text)
{
	blank(l);
	char *t = xstrdup(text);
	/* Capitals, a printer's bold: ASCII and Latin-1's letters (å ä ö é ü), whose capitals are
	 * U+0020 below them and so one byte below in UTF-8 (not ÷ U+00F7, nor ÿ U+00FF). */
	for (unsigned char *p = (unsigned char *)t; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (unsigned char)(*p - 'a' + 'A');
		else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7)
			*++p -= 0x20;
	add(l, 6, t);
	add(l, 5, repeat('-', text_width(t) < COLS ? text_width(t) : COLS));
	return l->n - 2;
}

/* A table whose first column takes what the number columns leave and wraps. A number column is
 * 9 wide, or wider where a translated head (Allvarsgrad) or a value needs it. */
static void table(struct lines *l, const char *const *head, int ncols, const char *const *cells,
                  size_t nrows)
{
	int *num_w = xcalloc((size_t)ncols + 1, sizeof *num_w);
	int first_w = COLS - 2;
	for (int c = 1; c < ncols; c++) {
		num_w[c] = 9;
		for (size_t r = 0; r <= nrows; r++) {
			const char *cell =
			    r == 0 ? head[c] : cells[(r - 1) * (size_t)ncols + (size_t)c];
			if (text_width(cell) + 1 > num_w[c])
				num_w[c] = text_width(cell) + 1;
		}
		first_w -= num_w[c];
	}
	size_t start = l->n;
	for (size_t r = 0; r <= nrows; r++) {
		const char *const *row = r == 0 ? head : cells + (r - 1) * (size_t)ncols;
		size_t *st = NULL, *len = NULL;
		size_t n = text_wrap(row[0], first_w, &st, &len);
		for (size_t i = 0; i < n || i == 0; i++) {
			char *s =
			    n ? xasprintf("  %.*s", (int)len[i], row[0] + st[i]) : xstrdup("  ");
			if (i + 1 == n || n == 0) {
				char *fill = spaces(2 + first_w - text_width(s));
				char *next = xasprintf("%s%s", s, fill);
				free(s);
				free(fill);
				s = next;
				for (int c = 1; c < ncols; c++) {
					/* By display width: a translated head may hold å ä ö. */
					char *pad = spaces(num_w[c] - text_width(row[c]));
					next = xasprintf("%s%s%s", s, pad, row[c]);
					free(pad);
					free(s);
					s = next;
				}
			}
			add(l, 0, s);
		}
		free(st);
		free(len);
		if (r == 0) {
			char *rule = repeat('-', COLS - 2);
			add(l, 0, xasprintf("  %s", rule));
			free(rule);
		}
	}
	free(num_w);
	/* Small tables stay whole; a long one at least keeps its head with some rows. */
	size_t n = l->n - start;
	l->v[start].keep = (int)(n <= 20 ? n - 1 : 4);
}

/* The writer's state while it walks the outline. */
struct text {
	struct lines l;
	const char *title, *aside;
	size_t head;       /* the line of the last heading of a section */
	enum rd_kind last; /* the kind of the block before */
};

/* The front matter's values start in this column, or after a longer label. */
#define FACT_COL 7

static void facts(struct lines *l, const struct rd_block *b)
{
	for (size_t i = 0; i < b->facts.n; i++) {
		const struct rd_fact *f = &b->facts.v[i];
		if (!f->label)
			continue;
		int w = text_width(f->label) + 1;
		char *pad = spaces(w < FACT_COL ? FACT_COL - w : 0);
		char *lead = xasprintf("%s %s", f->label, pad);
		wrap(l, lead, text_width(lead), f->value.text);
		free(lead);
		free(pad);
	}
}

static void table_block(struct lines *l, const struct rd_table *t)
{
	if (!t->n_rows) {
		wrap(l, "", 0, t->empty);
		return;
	}
	size_t *col = xcalloc(t->n_cols + 1, sizeof *col), nc = 0;
	for (size_t c = 0; c < t->n_cols; c++)
		if (t->heads[c])
			col[nc++] = c;
	const char **head = xcalloc(nc + 1, sizeof *head);
	const char **cells = xcalloc(nc * t->n_rows + 1, sizeof *cells);
	for (size_t c = 0; c < nc; c++) {
		head[c] = t->heads[col[c]];
		for (size_t r = 0; r < t->n_rows; r++)
			cells[r * nc + c] = t->cells[r * t->n_cols + col[c]].text;
	}
	table(l, head, (int)nc, cells, t->n_rows);
	free(cells);
	free(head);
	free(col);
}

static void pattern(struct text *w, const struct rd_pattern *p)
{
	struct lines *l = &w->l;
	if (w->last != RD_PATTERN) {
		blank(l);
		wrap(l, "", 0, _("The steps behind each pattern:"));
	}
	char *title =
	    xasprintf(_("%s: %s gaps in %s cases"), p->label, p->gaps.text, p->cases.text);
	blank(l);
	size_t at = l->n;
	wrap(l, "* ", 2, title);
	l->v[at].keep = (int)(l->n - at) + 1;
	free(title);
	for (size_t k = 0; k < p->n_refs; k++)
		wrap(l, "    - ", 6, p->refs[k]);
	keep_whole(l, at);
}

static void matrix(struct text *w, const struct rd_matrix *m)
{
	struct lines *l = &w->l;
	wrap(l, "", 0, m->caption);
	blank(l);
	const int label_w = 22, cell_w = 4;
	size_t nc = m->n_cols;
	char *head = spaces(2 + label_w);
	for (size_t c = 0; c < nc && 2 + label_w + (int)(c + 1) * cell_w <= COLS; c++) {
		char *next = xasprintf("%s%*zu", head, cell_w, c + 1);
		free(head);
		head = next;
	}
	add(l, 0, head);
	for (size_t r = 0; r < m->n_rows; r++) {
		/* A name cut short says so with an ellipsis. */
		const char *name = m->rows[r];
		int used = 0;
		size_t fit = text_fit(name, label_w - 1, &used);
		const char *more = "";
		if (name[fit]) {
			fit = text_fit(name, label_w - 2, &used);
			while (fit > 0 && name[fit - 1] == ' ')
				fit--, used--;
			more = "…";
			used++;
		}
		char *fill = spaces(label_w - used);
		char *s = xasprintf("  %.*s%s%s", (int)fit, name, more, fill);
		free(fill);
		for (size_t c = 0; c < nc && 2 + label_w + (int)(c + 1) * cell_w <= COLS; c++) {
			const struct rd_cell *v = &m->cells[r * nc + c];
			char *next =
			    xasprintf("%s%*s", s, cell_w, v->kind == RD_EMPTY ? "." : v->text);
			free(s);
			s = next;
		}
		add(l, 0, s);
	}
	/* The heading stays with the whole grid when it fits on a page. */
	size_t n = l->n - w->head;
	l->v[w->head].keep = (int)(n <= 40 ? n - 1 : 6);
	blank(l);
	for (size_t c = 0; c < nc; c++) {
		char *num = xasprintf("%4zu  ", c + 1);
		wrap(l, num, 6, m->cols[c]);
		free(num);
	}
}

static void entry(struct lines *l, const struct rd_entry *e)
{
	blank(l);
	size_t at = l->n;
	wrap(l, "* ", 2, e->title);
	wrap(l, "  ", 2, e->meta);
	/* When the entry is longer than a page, its head stays with its first field. */
	l->v[at].keep = (int)(l->n - at) + 1;
	for (size_t i = 0; i < e->n_fields; i++) {
		const struct rd_field *f = &e->fields[i];
		char *lead = xasprintf("    %s ", f->label);
		size_t fat = l->n;
		if (f->quote) {
			char *q = xasprintf("\"%s\"", f->text);
			wrap(l, lead, 6, q);
			free(q);
		} else {
			wrap(l, lead, 6, f->text);
		}
		/* A field is read as one: its lines are never parted by a page break. */
		if ((int)(l->n - fat) - 1 > l->v[fat].keep)
			l->v[fat].keep = (int)(l->n - fat) - 1;
		free(lead);
	}
	keep_whole(l, at);
}

static void block(struct text *w, const struct rd_block *b, int depth);

/* A section's heading: capitals and a rule at the top level, a line of tildes below it. A
 * heading stays on the page of the table that follows it, a case's with its first lines. */
static void section(struct text *w, const struct rd_section *s, int depth)
{
	struct lines *l = &w->l;
	size_t at = 0;
	if (s->heading && depth == 0) {
		at = w->head = heading(l, s->heading);
	} else if (s->heading) {
		blank(l);
		at = l->n;
		add(l, 0, xstrdup(s->heading));
		int tw = text_width(s->heading);
		add(l, 0, repeat('~', tw < COLS ? tw : COLS));
	}
	int inner = s->heading ? depth + 1 : depth;
	bool first_entry = true;
	for (const struct rd_block *c = s->first; c; c = c->next) {
		block(w, c, inner);
		if (s->heading && c == s->first) {
			if (depth == 0 && c->kind == RD_TABLE)
				keep_together(l, at);
			else if (depth > 0)
				l->v[at].keep = (int)(l->n - at) + 3;
		}
		/* A case's heading goes with its first whole entry, so no heading ends a page. */
		if (s->heading && depth > 0 && c->kind == RD_ENTRY && first_entry) {
			keep_whole(l, at);
			first_entry = false;
		}
	}
}

static void block(struct text *w, const struct rd_block *b, int depth)
{
	struct lines *l = &w->l;
	switch (b->kind) {
	case RD_TITLE:
		w->title = b->title.text;
		w->aside = b->title.aside;
		break;
	case RD_FACTS:
		facts(l, b);
		break;
	case RD_NOTE:
		blank(l);
		wrap(l, "", 0, b->note);
		break;
	case RD_SECTION:
		section(w, &b->section, depth);
		break;
	case RD_PARAGRAPH:
		wrap(l, "", 0, b->paragraph.text);
		break;
	case RD_TABLE:
		table_block(l, &b->table);
		break;
	case RD_MATRIX:
		matrix(w, &b->matrix);
		break;
	case RD_PATTERN:
		pattern(w, &b->pattern);
		break;
	case RD_ENTRY:
		entry(l, &b->entry);
		break;
	case RD_BARS:    /* the tables beside them have the numbers */
	case RD_LANES:   /* a printer's text has no charts */
	case RD_RECORDS: /* a spreadsheet's */
		break;
	}
	w->last = b->kind;
}

/* Pads or cuts s to exactly `cols` columns. */
static char *fit(const char *s, int cols)
{
	int used = 0;
	size_t n = text_fit(s, cols, &used);
	char *fill = spaces(cols - used);
	char *out = xasprintf("%.*s%s", (int)n, s, fill);
	free(fill);
	return out;
}

static void put_page_head(const char *title, const char *aside, FILE *out)
{
	int dw = text_width(aside);
	char *t = fit(title, COLS - dw - 2);
	fprintf(out, "%s  %s\n", t, aside);
	free(t);
	char *rule = repeat('=', COLS);
	fprintf(out, "%s\n\n", rule);
	free(rule);
}

static void put_page_foot(int page, int pages, FILE *out)
{
	char *rule = repeat('-', COLS);
	char *num = xasprintf(_("page %d of %d"), page, pages);
	fprintf(out, "\n%s\n%*s%s\n", rule, (COLS - text_width(num)) / 2, "", num);
	free(rule);
	free(num);
}

/* Where each page starts and ends: a line that must stay with the ones after it moves to the next
 * page when they would not fit, unless they could never fit on one page anyway. Blank lines
 * where a page breaks are dropped. */
static size_t paginate(const struct lines *l, size_t **starts, size_t **ends)
{
	size_t np = 0, used = 0;
	*starts = xcalloc(l->n + 2, sizeof **starts);
	*ends = xcalloc(l->n + 2, sizeof **ends);
	for (size_t i = 0; i < l->n; i++) {
		size_t need = 1 + (size_t)l->v[i].keep;
		if (np == 0 || used + 1 > BODY_LINES ||
		    (used > 0 && used + need > BODY_LINES && need <= BODY_LINES)) {
			if (np > 0)
				(*ends)[np - 1] = i;
			while (np > 0 && i < l->n && !*l->v[i].text && l->v[i].keep == 0)
				i++;
			if (i >= l->n)
				return np;
			(*starts)[np++] = i;
			used = 0;
		}
		used++;
	}
	if (np > 0)
		(*ends)[np - 1] = l->n;
	return np;
}

bool report_write_text(const struct rd_doc *d, FILE *out)
{
	struct text w = {.title = "", .aside = "", .last = RD_TITLE};
	for (const struct rd_block *b = d->first; b; b = b->next)
		block(&w, b, 0);

	struct lines *l = &w.l;
	size_t *starts, *ends;
	size_t pages = paginate(l, &starts, &ends);
	if (pages == 0)
		pages = 1; /* starts[0] == ends[0] == 0: one empty page */
	for (size_t p = 0; p < pages; p++) {
		if (p)
			fputc('\f', out);
		put_page_head(w.title, w.aside, out);
		size_t n = 0;
		for (size_t i = starts[p]; i < ends[p]; i++, n++)
			fprintf(out, "%s\n", l->v[i].text);
		for (; n < BODY_LINES; n++)
			fputc('\n', out);
		put_page_foot((int)p + 1, (int)pages, out);
	}
	free(starts);
	free(ends);
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	return !ferror(out);
}
