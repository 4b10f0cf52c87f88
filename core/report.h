/* report.h - the printed gap summary on an analysis the caller has loaded: one outline of the
 * document built from it (report_doc.h), then written in one of five formats by writers that only
 * render the outline. So text, Markdown, HTML, CSV and JSON can never disagree about what a
 * report says, and no format can forget what the public variant leaves out.
 *
 * The public variant (for decision makers and publication) carries no narratives, quotes or
 * notes, no summaries, times or birth years (ages in bands only), and shows any count below 3 as
 * "<3". Its text, Markdown, HTML and JSON leave out the single gaps (the steps behind the
 * patterns, the cases one by one): listing them would count what must not be counted. Its CSV
 * keeps one row per gap, as a CSV must, with only what the public variant may say about each.
 * All of it is decided in one place, rules_for() in report_build.c. */
#ifndef MELLAN_REPORT_H
#define MELLAN_REPORT_H

#include "analysis.h"
#include "report_doc.h"

#include <stdbool.h>
#include <stdio.h>

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_HTML, REPORT_CSV, REPORT_JSON };

/* The outline of the report on an analysis, the public variant or the workshop's; date is
 * "YYYY-MM-DD". The outline keeps copies of what it says: the analysis may go first. */
struct rd_doc *report_build(const struct analysis *an, bool public, const char *date);

/* Writes the outline in one format (csv_sep: the CSV's separator); false when writing failed
 * (the caller reports it). */
bool report_render(const struct rd_doc *d, enum report_format f, char csv_sep, FILE *out);

/* Both in one: the report on an analysis in one format. */
bool report_write(const struct analysis *an, bool public, const char *date, enum report_format f,
                  char csv_sep, FILE *out);

#endif
