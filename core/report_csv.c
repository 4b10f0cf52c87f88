/* report_csv.c - the report as one row per gap, for spreadsheets: RFC 4180 (CRLF line ends, a
 * field quoted when it holds the separator, a quote or a line break, quotes doubled), UTF-8.
 * The separator may be ';' for spreadsheets set up for Swedish, where ',' is the decimal mark. */
#include "report.h"

#include "i18n.h"

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

bool report_write_csv(const struct report *r, char sep, FILE *out)
{
	static const char *const head[] = {
	    "case",     "time",     "age",   "step",          "category",
	    "severity", "status",   "level", "domain",        "involved",
	    "could",    "handover", "votes", "what_happened", "what_must_change",
	    "actions",  "uuid",
	};
	enum { N = sizeof head / sizeof head[0] };
	for (size_t i = 0; i < N; i++)
		field(head[i], sep, i + 1 == N, out);
	for (size_t i = 0; i < r->n_gaps; i++) {
		const struct rep_gap *g = &r->gaps[i];
		char sev[16], votes[16];
		snprintf(sev, sizeof sev, "%d", g->severity);
		const char *shown = report_count(r, g->votes, votes);
		const char *cells[N] = {
		    g->case_code, g->when,          g->age,   g->step,          g->category,
		    sev,          g->status,        g->level, g->domain,        g->involved,
		    g->could,     g->pair,          shown,    g->what_happened, g->what_must_change,
		    g->actions,   g->ag->gap->uuid,
		};
		for (size_t k = 0; k < N; k++)
			field(cells[k], sep, k + 1 == N, out);
	}
	return !ferror(out);
}
