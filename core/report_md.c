/* report_md.c - the report as Markdown: the same sections as the printed text, as headings, pipe
 * tables and lists, for a wiki or a document to edit further. User text is escaped so a story
 * can never make a heading, a link or a table cell of its own. */
#include "report.h"

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

/* md() of a string this file made, which it then frees. */
static void md_free(char *s, FILE *out)
{
	md(s, out);
	free(s);
}

static void table(struct rep_table *t, FILE *out)
{
	for (size_t r = 0; r <= t->n; r++) {
		for (int c = 0; c < REP_COLS; c++) {
			fputs(c ? " | " : "| ", out);
			md(r == 0 ? t->head[c] : t->cells[(r - 1) * REP_COLS + (size_t)c], out);
		}
		fputs(" |\n", out);
		if (r == 0)
			fputs("|---|--:|--:|--:|---|\n", out);
	}
	report_table_clear(t);
}

static void patterns(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fprintf(out, "\n## %s\n\n", report_patterns_heading());
	if (an->n_patterns == 0) {
		fprintf(out, "%s\n", _("No gap recurs in two or more cases."));
		return;
	}
	struct rep_table t;
	report_table_patterns(r, &t);
	table(&t, out);
	/* Listing the steps would count what the public variant must not. */
	for (size_t i = 0; !r->public && i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		char g[16], c[16];
		fputs("\n### ", out);
		md(p->label, out);
		fputs("\n\n", out);
		md_free(xasprintf(_("%s gaps in %s cases:"), report_count(r, (int)p->n_gaps, g),
		                  report_count(r, p->cases, c)),
		        out);
		fputs("\n\n", out);
		for (size_t k = 0; k < p->n_gaps; k++) {
			fputs("- ", out);
			md_free(report_gap_ref(&r->gaps[p->gaps[k]]), out);
			fputs("\n", out);
		}
	}
}

static void matrix(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	size_t nc = an->categories.n;
	fprintf(out, "\n## %s\n\n|  |", report_matrix_heading());
	for (size_t c = 0; c < nc; c++) {
		fputs(" ", out);
		md(an->categories.items[c].name, out);
		fputs(" |", out);
	}
	fputs("\n|---|", out);
	for (size_t c = 0; c < nc; c++)
		fputs("--:|", out);
	fputs("\n", out);
	for (size_t a = 0; a < an->actors.n; a++) {
		if (!analysis_matrix_row(an, a))
			continue;
		fputs("| ", out);
		md(an->actors.items[a].name, out);
		fputs(" |", out);
		for (size_t c = 0; c < nc; c++) {
			char buf[16];
			int v = an->matrix[a * nc + c];
			fprintf(out, " %s |", v ? report_count(r, v, buf) : "");
		}
		fputs("\n", out);
	}
}

static void cases(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fprintf(out, "\n## %s\n", report_cases_heading());
	size_t gi = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_case *k = &an->journeys[c].kase;
		fputs("\n### ", out);
		md_free(text_sanitize(k->code, 0), out);
		fputs("\n\n", out);
		md_free(report_case_meta(r, c), out);
		fputs("\n", out);
		if (!r->public && k->summary && *k->summary) {
			fputs("\n", out);
			md_free(text_sanitize(k->summary, 0), out);
			fputs("\n", out);
		}
		for (; gi < r->n_gaps && r->gaps[gi].ag->case_index == c; gi++) {
			const struct rep_gap *rg = &r->gaps[gi];
			fputs("\n#### ", out);
			md_free(report_gap_title(rg), out);
			fputs("\n\n", out);
			md_free(report_gap_meta(r, rg), out);
			fputs("\n\n", out);
			struct rep_field f[REP_FIELDS];
			size_t n = report_gap_fields(rg, f);
			for (size_t i = 0; i < n; i++) {
				fprintf(out, f[i].quote ? "- %s *" : "- **%s** ", f[i].label);
				md(f[i].text, out);
				fputs(f[i].quote ? "*\n" : "\n", out);
			}
		}
	}
}

bool report_write_md(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fputs("# ", out);
	md(report_title(r), out);
	fprintf(out, "\n\n%s %s  \n%s ", _("Date:"), r->date, _("Covers:"));
	md_free(report_scope(r), out);
	fprintf(out, "  \n%s ", _("Cases:"));
	for (size_t i = 0; i < an->n_journeys; i++) {
		fputs(i ? ", " : "", out);
		md_free(text_sanitize(an->journeys[i].kase.code, 0), out);
	}
	fputs("\n", out);
	if (r->public)
		fprintf(out, "\n*%s*\n", report_public_note(r));
	patterns(r, out);
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		fprintf(out, "\n## %s\n\n", an_dim_label(d));
		if (!an->tables[d].n) {
			fprintf(out, "%s\n", _("None."));
			continue;
		}
		struct rep_table t;
		report_table_dim(r, d, &t);
		table(&t, out);
	}
	matrix(r, out);
	if (!r->public)
		cases(r, out);
	return !ferror(out);
}
