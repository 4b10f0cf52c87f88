/* report_text.c - the report as A4 pages for a printer: at most 80 columns, 66 lines a page with a
 * header, a footer and the page number, a form feed between pages. Black on white only: emphasis
 * is capitals and rules, never colour. The body is laid out as lines first, then cut into pages,
 * so each footer can say "page 2 of 5" and a heading never ends a page without what it heads. */
#include "report.h"

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
	size_t n;
};

static void add(struct lines *l, int keep, char *text)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
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

/* Wraps text to the page, the first line after `first`, the others indented by `indent`. */
static void wrap(struct lines *l, const char *first, int indent, const char *text)
{
	int fw = text_width(first);
	int width = COLS - (fw > indent ? fw : indent);
	size_t *st = NULL, *len = NULL;
	size_t n = text_wrap(text, width, &st, &len);
	char *pad = spaces(indent);
	for (size_t i = 0; i < n || i == 0; i++) {
		const char *lead = i == 0 ? first : pad;
		char *fill = spaces((i == 0 ? fw : indent) - text_width(lead));
		add(l, 0,
		    n ? xasprintf("%s%s%.*s", lead, fill, (int)len[i], text + st[i])
		      : xasprintf("%s", lead));
		free(fill);
	}
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

/* A table whose first column takes what the number columns leave and wraps. */
static void table(struct lines *l, const char *const *head, int ncols, const char *const *cells,
                  size_t nrows)
{
	const int num_w = 9;
	int first_w = COLS - 2 - (ncols - 1) * num_w;
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
					char *pad = spaces(num_w - text_width(row[c]));
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
	/* Small tables stay whole; a long one at least keeps its head with some rows. */
	size_t n = l->n - start;
	l->v[start].keep = (int)(n <= 20 ? n - 1 : 4);
}

static void rep_table(struct lines *l, struct rep_table *t)
{
	table(l, t->head, REP_COLS, (const char *const *)t->cells, t->n);
	report_table_clear(t);
}

static void front(struct lines *l, const struct report *r)
{
	const struct analysis *an = r->an;
	char *scope = report_scope(r);
	wrap(l, _("Date:  "), 7, r->date);
	wrap(l, _("Covers: "), 8, scope);
	free(scope);
	char *codes = xstrdup("");
	for (size_t i = 0; i < an->n_journeys; i++) {
		char *c = text_sanitize(an->journeys[i].kase.code, 0);
		char *next = xasprintf("%s%s%s", codes, i ? ", " : "", c);
		free(codes);
		free(c);
		codes = next;
	}
	wrap(l, _("Cases: "), 7, codes);
	free(codes);
	if (r->public) {
		blank(l);
		wrap(l, "", 0, report_public_note(r));
	}
}

static void patterns(struct lines *l, const struct report *r)
{
	const struct analysis *an = r->an;
	size_t head = heading(l, report_patterns_heading());
	if (an->n_patterns == 0) {
		wrap(l, "", 0, _("No gap recurs in two or more cases."));
		return;
	}
	struct rep_table t;
	report_table_patterns(r, &t);
	rep_table(l, &t);
	keep_together(l, head);

	if (r->public) /* listing the steps would count what must not be counted */
		return;
	blank(l);
	wrap(l, "", 0, _("The steps behind each pattern:"));
	for (size_t i = 0; i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		char g[16], c[16];
		char *title =
		    xasprintf(_("%s: %s gaps in %s cases"), p->label,
		              report_count(r, (int)p->n_gaps, g), report_count(r, p->cases, c));
		blank(l);
		size_t at = l->n;
		wrap(l, "* ", 2, title);
		l->v[at].keep = (int)(l->n - at) + 1;
		free(title);
		for (size_t k = 0; k < p->n_gaps; k++) {
			char *item = report_gap_ref(&r->gaps[p->gaps[k]]);
			wrap(l, "    - ", 6, item);
			free(item);
		}
	}
}

static void matrix(struct lines *l, const struct report *r)
{
	const struct analysis *an = r->an;
	size_t head_at = heading(l, report_matrix_heading());
	wrap(l, "", 0,
	     _("Gaps where the actor was involved or could have acted, by category (numbered "
	       "below)."));
	blank(l);
	const int label_w = 22, cell_w = 4;
	size_t nc = an->categories.n;
	char *head = spaces(2 + label_w);
	for (size_t c = 0; c < nc && 2 + label_w + (int)(c + 1) * cell_w <= COLS; c++) {
		char *next = xasprintf("%s%*zu", head, cell_w, c + 1);
		free(head);
		head = next;
	}
	add(l, 0, head);
	for (size_t a = 0; a < an->actors.n; a++) {
		if (!analysis_matrix_row(an, a))
			continue;
		char *name = text_sanitize(an->actors.items[a].name, 0);
		size_t fit = text_fit(name, label_w - 1, NULL);
		int used = 0;
		text_fit(name, label_w - 1, &used);
		char *fill = spaces(label_w - used);
		char *s = xasprintf("  %.*s%s", (int)fit, name, fill);
		free(fill);
		free(name);
		for (size_t c = 0; c < nc && 2 + label_w + (int)(c + 1) * cell_w <= COLS; c++) {
			char buf[16];
			int v = an->matrix[a * nc + c];
			char *next =
			    xasprintf("%s%*s", s, cell_w, v ? report_count(r, v, buf) : ".");
			free(s);
			s = next;
		}
		add(l, 0, s);
	}
	size_t n = l->n - head_at;
	l->v[head_at].keep = (int)(n <= 40 ? n - 1 : 6);
	blank(l);
	for (size_t c = 0; c < nc; c++) {
		char *num = xasprintf("%4zu  ", c + 1);
		char *name = text_sanitize(an->categories.items[c].name, 0);
		wrap(l, num, 6, name);
		free(num);
		free(name);
	}
}

static void one_gap(struct lines *l, const struct report *r, const struct rep_gap *g)
{
	char *title = report_gap_title(g);
	blank(l);
	size_t at = l->n;
	wrap(l, "* ", 2, title);
	free(title);
	char *meta = report_gap_meta(r, g);
	wrap(l, "  ", 2, meta);
	free(meta);
	l->v[at].keep = (int)(l->n - at) + 1;
	struct rep_field f[REP_FIELDS];
	size_t n = report_gap_fields(g, f);
	for (size_t i = 0; i < n; i++) {
		char *lead = xasprintf("    %s ", f[i].label);
		if (f[i].quote) {
			char *q = xasprintf("\"%s\"", f[i].text);
			wrap(l, lead, 6, q);
			free(q);
		} else {
			wrap(l, lead, 6, f[i].text);
		}
		free(lead);
	}
}

static void cases(struct lines *l, const struct report *r)
{
	const struct analysis *an = r->an;
	heading(l, report_cases_heading());
	size_t gi = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_case *k = &an->journeys[c].kase;
		char *title = text_sanitize(k->code, 0);
		blank(l);
		size_t at = l->n;
		add(l, 0, title);
		add(l, 0, repeat('~', text_width(title) < COLS ? text_width(title) : COLS));
		char *meta = report_case_meta(r, c);
		wrap(l, "", 0, meta);
		free(meta);
		l->v[at].keep = (int)(l->n - at) + 3;
		if (!r->public && k->summary && *k->summary) {
			char *sum = text_sanitize(k->summary, 0);
			wrap(l, "", 0, sum);
			free(sum);
		}
		for (; gi < r->n_gaps && r->gaps[gi].ag->case_index == c; gi++)
			one_gap(l, r, &r->gaps[gi]);
	}
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

static void put_page_head(const struct report *r, FILE *out)
{
	int dw = text_width(r->date);
	char *title = fit(report_title(r), COLS - dw - 2);
	fprintf(out, "%s  %s\n", title, r->date);
	free(title);
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

bool report_write_text(const struct report *r, FILE *out)
{
	struct lines l = {0};
	front(&l, r);
	patterns(&l, r);
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		size_t head = heading(&l, an_dim_label(d));
		if (r->an->tables[d].n) {
			struct rep_table t;
			report_table_dim(r, d, &t);
			rep_table(&l, &t);
		} else {
			wrap(&l, "", 0, _("None."));
		}
		keep_together(&l, head);
	}
	matrix(&l, r);
	if (!r->public)
		cases(&l, r);

	size_t *starts, *ends;
	size_t pages = paginate(&l, &starts, &ends);
	if (pages == 0)
		pages = 1; /* starts[0] == ends[0] == 0: one empty page */
	for (size_t p = 0; p < pages; p++) {
		if (p)
			fputc('\f', out);
		put_page_head(r, out);
		size_t n = 0;
		for (size_t i = starts[p]; i < ends[p]; i++, n++)
			fprintf(out, "%s\n", l.v[i].text);
		for (; n < BODY_LINES; n++)
			fputc('\n', out);
		put_page_foot((int)p + 1, (int)pages, out);
	}
	free(starts);
	free(ends);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].text);
	free(l.v);
	return !ferror(out);
}
