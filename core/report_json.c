/* report_json.c - the analysis as data, for other tools: the counts of every dimension, the
 * actor x category matrix, the patterns with their gaps, and every gap. Codes are the stable
 * ones (model.h); labels are as the report prints them. In the public variant a count below 3
 * is the string "<3" instead of a number, and what it leaves out is absent. */
#include "report.h"

#include "text.h"

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

static void count(const struct report *r, int n, FILE *out)
{
	char buf[16];
	const char *s = report_count(r, n, buf);
	if (strcmp(s, "<3") == 0)
		str(s, out);
	else
		fputs(s, out);
}

static void key(const char *k, FILE *out)
{
	str(k, out);
	fputs(": ", out);
}

static void row(const struct report *r, const struct an_row *w, bool actor, FILE *out)
{
	fputs("{", out);
	key("code", out);
	str(w->code, out);
	fputs(", ", out);
	key("label", out);
	str(w->label, out);
	fputs(", \"gaps\": ", out);
	count(r, w->gaps, out);
	fputs(", \"cases\": ", out);
	count(r, w->cases, out);
	fputs(", \"votes\": ", out);
	count(r, w->votes, out);
	fprintf(out, ", \"severity_max\": %d", w->severity_max);
	if (actor) {
		fputs(", \"involved\": ", out);
		count(r, w->involved, out);
		fputs(", \"could\": ", out);
		count(r, w->could, out);
	}
	fputs("}", out);
}

static void gap(const struct report *r, const struct rep_gap *g, FILE *out)
{
	const struct {
		const char *k, *v;
	} f[] = {
	    {"uuid", g->ag->gap->uuid},
	    {"case", g->case_code},
	    {"time", g->when},
	    {"age", g->age},
	    {"step", g->step},
	    {"category", g->ag->category ? g->ag->category->code : ""},
	    {"category_label", g->category},
	    {"status", m_gap_status_code(g->ag->gap->status)},
	    {"level", m_level_code(g->ag->gap->level)},
	    {"domain", m_domain_code(g->ag->step ? g->ag->step->domain : DOMAIN_NONE)},
	    {"involved", g->involved},
	    {"could", g->could},
	    {"handover", g->pair},
	    {"what_happened", g->what_happened},
	    {"voice", g->voice},
	    {"what_must_change", g->what_must_change},
	    {"actions", g->actions},
	};
	fputs("    {", out);
	bool first = true;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (!*f[i].v)
			continue;
		fputs(first ? "" : ", ", out);
		first = false;
		key(f[i].k, out);
		str(f[i].v, out);
	}
	fprintf(out, ", \"severity\": %d, \"votes\": ", g->severity);
	count(r, g->votes, out);
	fputs("}", out);
}

bool report_write_json(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fputs("{\n  ", out);
	key("title", out);
	str(report_title(r), out);
	fputs(",\n  ", out);
	key("date", out);
	str(r->date, out);
	fprintf(out, ",\n  \"public\": %s,\n  \"cases\": [", r->public ? "true" : "false");
	for (size_t i = 0; i < an->n_journeys; i++) {
		fputs(i ? ", " : "", out);
		char *c = text_sanitize(an->journeys[i].kase.code, 0);
		str(c, out);
		free(c);
	}
	fputs("],\n  \"totals\": {\"cases\": ", out);
	count(r, (int)an->n_journeys, out);
	fputs(", \"steps\": ", out);
	count(r, (int)an->n_steps, out);
	fputs(", \"gaps\": ", out);
	count(r, (int)an->n_gaps, out);
	fprintf(out, ", \"patterns\": %zu},\n  \"tables\": {", an->n_patterns);
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		fputs(d ? ",\n    " : "\n    ", out);
		key(an_dim_code(d), out);
		fputs("[", out);
		for (size_t i = 0; i < an->tables[d].n; i++) {
			fputs(i ? ",\n      " : "\n      ", out);
			row(r, &an->tables[d].rows[i], d == AN_ACTOR, out);
		}
		fputs("]", out);
	}
	fputs("\n  },\n  \"matrix\": [", out);
	bool first = true;
	for (size_t a = 0; a < an->actors.n; a++)
		for (size_t c = 0; c < an->categories.n; c++) {
			int v = an->matrix[a * an->categories.n + c];
			if (!v)
				continue;
			fputs(first ? "\n    {" : ",\n    {", out);
			first = false;
			key("actor", out);
			str(an->actors.items[a].name, out);
			fputs(", ", out);
			key("category", out);
			str(an->categories.items[c].code, out);
			fputs(", \"gaps\": ", out);
			count(r, v, out);
			fputs("}", out);
		}
	fputs("\n  ],\n  \"patterns\": [", out);
	for (size_t i = 0; i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		fputs(i ? ",\n    {" : "\n    {", out);
		key("label", out);
		str(p->label, out);
		fputs(", \"gaps\": ", out);
		count(r, (int)p->n_gaps, out);
		fputs(", \"cases\": ", out);
		count(r, p->cases, out);
		fputs(", \"votes\": ", out);
		count(r, p->votes, out);
		fprintf(out, ", \"severity_max\": %d", p->severity_max);
		/* Which gaps would count what the public variant must not. */
		for (size_t k = 0; !r->public && k < p->n_gaps; k++) {
			fputs(k ? ", " : ", \"gap_uuids\": [", out);
			str(an->gaps[p->gaps[k]].gap->uuid, out);
		}
		fputs(r->public || !p->n_gaps ? "}" : "]}", out);
	}
	if (r->public) {
		fputs("\n  ]\n}\n", out);
		return !ferror(out);
	}
	fputs("\n  ],\n  \"gaps\": [\n", out);
	for (size_t i = 0; i < r->n_gaps; i++) {
		gap(r, &r->gaps[i], out);
		fputs(i + 1 < r->n_gaps ? ",\n" : "\n", out);
	}
	fputs("  ]\n}\n", out);
	return !ferror(out);
}
