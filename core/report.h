/* report.h - the printed gap summary as one model that every format writes: the analysis, and for
 * each gap the words every format shows, already chosen for the public variant or not. So text,
 * Markdown, HTML, CSV and JSON can never disagree about what a report says.
 *
 * The formats, each in its own file:
 *   report_text.c  A4 pages for a printer: 80 columns, 66 lines, header, footer, form feeds
 *   report_md.c    the same content as Markdown
 *   report_html.c  one self-contained page with print CSS for A4; charts from report_svg.c
 *   report_csv.c   one row per gap, RFC 4180
 *   report_json.c  the analysis as data
 *
 * The public variant (for decision makers and publication) carries no narratives, quotes or
 * notes, no times or birth years (ages in bands only), and shows any count below 3 as "<3".
 * Its text, Markdown, HTML and JSON leave out the single gaps (the steps behind the patterns,
 * the cases one by one): listing them would count what must not be counted. Its CSV keeps one
 * row per gap, as a CSV must, with only what the public variant may say about each. */
#ifndef MELLAN_REPORT_H
#define MELLAN_REPORT_H

#include "analysis.h"

#include <stdbool.h>
#include <stdio.h>

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_HTML, REPORT_CSV, REPORT_JSON };

/* One gap in words. Strings are never NULL ("" when there is nothing to say). */
struct rep_gap {
	const struct an_gap *ag;
	char *case_code;
	char *when; /* the step's time as people read it; the age band when public */
	char *age;  /* "18", or the age band when public; "" unknown */
	char *step; /* "19. Title of the step"; "" when public */
	char *category;
	char *domain, *level, *status;
	char *involved, *could; /* actor names, ", " between */
	char *pair;             /* the broken hand-over "BUP → Vuxenpsykiatrin" */
	char *what_happened;    /* "" when public */
	char *voice;            /* the young person's words at the step; "" when public */
	char *what_must_change;
	char *actions; /* "what (by X, lead Y, follow up Z, open)", "; " between */
	int severity, votes;
};

struct report {
	const struct analysis *an;
	bool public;
	char date[11];        /* YYYY-MM-DD */
	struct rep_gap *gaps; /* as an->gaps */
	size_t n_gaps;
};

/* Fills r from an analysis (which must outlive it). date is "YYYY-MM-DD". */
void report_build(const struct analysis *an, bool public, const char *date, struct report *r);
void report_clear(struct report *r);

/* A count as the report prints it: "<3" for 1 and 2 when public. */
const char *report_count(const struct report *r, int n, char buf[16]);
/* The report's title and a line saying what it covers ("3 cases, 77 steps, 21 gaps"). */
const char *report_title(const struct report *r);
char *report_scope(const struct report *r);
/* What the public variant leaves out, one sentence; "" when not public. */
const char *report_public_note(const struct report *r);
/* "High", "medium", "low" for severity 3, 2, 1. */
const char *report_severity_label(int severity);
/* The headings of the sections that are not dimension tables. */
const char *report_patterns_heading(void);
const char *report_matrix_heading(void);
const char *report_cases_heading(void);

/* A table of counts as every format shows it: a label column, then gaps, cases, votes and the
 * highest severity, already formatted (suppressed when public). */
#define REP_COLS 5
struct rep_table {
	const char *head[REP_COLS];
	size_t n;
	char **cells; /* n * REP_COLS strings, owned */
};
void report_table_patterns(const struct report *r, struct rep_table *t);
void report_table_dim(const struct report *r, enum an_dim d, struct rep_table *t);
void report_table_clear(struct rep_table *t);

/* One of the steps behind a pattern: "DEMO-1 Sam, 2020-09: 22. Remissen avvisas". */
char *report_gap_ref(const struct rep_gap *g);
/* A case's line under its heading: "Status reviewed, born 2002, 28 steps, 9 gaps." */
char *report_case_meta(const struct report *r, size_t case_index);
/* A gap's heading and the line under it. */
char *report_gap_title(const struct rep_gap *g);
char *report_gap_meta(const struct report *r, const struct rep_gap *g);
/* The labelled fields of a gap that have something to say, in the order every format shows
 * them; `quote` marks the young person's own words. Returns how many were filled. */
struct rep_field {
	const char *label, *text;
	bool quote;
};
#define REP_FIELDS 10
size_t report_gap_fields(const struct rep_gap *g, struct rep_field out[REP_FIELDS]);

/* Each writes the whole report; false when writing failed (the caller reports it). */
bool report_write_text(const struct report *r, FILE *out);
bool report_write_md(const struct report *r, FILE *out);
bool report_write_html(const struct report *r, FILE *out);
bool report_write_csv(const struct report *r, char sep, FILE *out);
bool report_write_json(const struct report *r, FILE *out);

/* Inline SVG charts for the HTML report (report_svg.c). */
void report_svg_categories(const struct report *r, FILE *out);
void report_svg_matrix(const struct report *r, FILE *out);
void report_svg_lanes(const struct report *r, size_t case_index, FILE *out);
/* Writes s with & < > " ' escaped, for HTML and SVG. */
void report_put_xml(const char *s, FILE *out);

#endif
