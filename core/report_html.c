/* report_html.c - the report as one self-contained HTML page: the styles inline, the charts
 * inline SVG (report_svg.c), and a Content-Security-Policy that forbids loading anything, so the
 * file shows the same on a laptop with no network and can never call out. Print styles make A4
 * pages with a page break before each section; greys and patterns, never colour alone. */
#include "report.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char style[] =
    "body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;font-size:11pt;"
    "color:#000;background:#fff;max-width:190mm;margin:1em auto;line-height:1.35}\n"
    "h1{font-size:18pt;margin:0 0 .3em}h2{font-size:15pt;border-bottom:2px solid #000;"
    "padding-bottom:2px}h3{font-size:12pt;margin:1em 0 .3em}h4{font-size:11pt;margin:.9em 0 .2em}"
    "\n"
    "table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{border-bottom:1px solid "
    "#999;padding:2px 6px;text-align:left;vertical-align:top}th{border-bottom:2px solid #000}"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    "dl{margin:.2em 0 .6em 1em}dt{font-weight:bold;float:left;clear:left;margin-right:.4em}"
    "dd{margin:0 0 .15em 0}blockquote{margin:.2em 0 .4em 1em;font-style:italic}\n"
    ".meta{margin:.1em 0}.note{border:1px solid #000;padding:.3em .6em}"
    "svg{max-width:100%;height:auto;display:block;margin:.5em 0}\n"
    "ol.legend{columns:2;font-size:9.5pt}\n"
    "@page{size:A4;margin:15mm 14mm 16mm}\n"
    "@media print{body{max-width:none;margin:0;font-size:10pt}section{break-before:page}"
    "header+section{break-before:auto}"
    "tr,dl,blockquote,svg,.gap{break-inside:avoid}h2,h3,h4{break-after:avoid}}\n";

static void esc(const char *s, FILE *out)
{
	char *clean = text_sanitize(s ? s : "", 0);
	report_put_xml(clean, out);
	free(clean);
}

/* esc() of a string this file made, which it then frees. */
static void esc_free(char *s, FILE *out)
{
	esc(s, out);
	free(s);
}

static void table(struct rep_table *t, FILE *out)
{
	fputs("<table><thead><tr>", out);
	for (int c = 0; c < REP_COLS; c++) {
		fputs(c ? "<th class=\"n\">" : "<th>", out);
		esc(t->head[c], out);
		fputs("</th>", out);
	}
	fputs("</tr></thead><tbody>\n", out);
	for (size_t r = 0; r < t->n; r++) {
		fputs("<tr>", out);
		for (int c = 0; c < REP_COLS; c++) {
			fputs(c ? "<td class=\"n\">" : "<td>", out);
			esc(t->cells[r * REP_COLS + (size_t)c], out);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
	report_table_clear(t);
}

static void patterns(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fprintf(out, "<section id=\"patterns\">\n<h2>%s</h2>\n", report_patterns_heading());
	if (an->n_patterns == 0) {
		fprintf(out, "<p>%s</p>\n</section>\n", _("No gap recurs in two or more cases."));
		return;
	}
	struct rep_table t;
	report_table_patterns(r, &t);
	table(&t, out);
	/* Listing the steps would count what the public variant must not. */
	for (size_t i = 0; !r->public && i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		char g[16], c[16];
		fputs("<div class=\"gap\"><h3>", out);
		esc(p->label, out);
		fputs("</h3>\n<p>", out);
		esc_free(xasprintf(_("%s gaps in %s cases:"), report_count(r, (int)p->n_gaps, g),
		                   report_count(r, p->cases, c)),
		         out);
		fputs("</p>\n<ul>\n", out);
		for (size_t k = 0; k < p->n_gaps; k++) {
			fputs("<li>", out);
			esc_free(report_gap_ref(&r->gaps[p->gaps[k]]), out);
			fputs("</li>\n", out);
		}
		fputs("</ul></div>\n", out);
	}
	fputs("</section>\n", out);
}

static void counts(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fprintf(out, "<section id=\"counts\">\n<h2>%s</h2>\n", an_dim_label(AN_CATEGORY));
	report_svg_categories(r, out);
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		const struct an_table *t = &an->tables[d];
		if (d > 0)
			fprintf(out, "<h3>%s</h3>\n", an_dim_label(d));
		if (!t->n) {
			fprintf(out, "<p>%s</p>\n", _("None."));
			continue;
		}
		struct rep_table rt;
		report_table_dim(r, d, &rt);
		table(&rt, out);
	}
	fputs("</section>\n", out);
}

static void matrix(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fprintf(out, "<section id=\"matrix\">\n<h2>%s</h2>\n<p>%s</p>\n", report_matrix_heading(),
	        _("Gaps where the actor was involved or could have acted, by category (numbered "
	          "below)."));
	report_svg_matrix(r, out);
	fputs("<ol class=\"legend\">\n", out);
	for (size_t c = 0; c < an->categories.n; c++) {
		fputs("<li>", out);
		esc(an->categories.items[c].name, out);
		fputs("</li>\n", out);
	}
	fputs("</ol>\n</section>\n", out);
}

static void one_case(const struct report *r, size_t c, size_t *gi, FILE *out)
{
	const struct m_journey *j = &r->an->journeys[c];
	fputs("<section class=\"case\">\n<h2>", out);
	esc(j->kase.code, out);
	fputs("</h2>\n<p class=\"meta\">", out);
	esc_free(report_case_meta(r, c), out);
	fputs("</p>\n", out);
	if (!r->public && j->kase.summary && *j->kase.summary) {
		fputs("<p>", out);
		esc(j->kase.summary, out);
		fputs("</p>\n", out);
	}
	report_svg_lanes(r, c, out);
	for (; *gi < r->n_gaps && r->gaps[*gi].ag->case_index == c; (*gi)++) {
		const struct rep_gap *rg = &r->gaps[*gi];
		fputs("<div class=\"gap\"><h4>", out);
		esc_free(report_gap_title(rg), out);
		fputs("</h4>\n<p class=\"meta\">", out);
		esc_free(report_gap_meta(r, rg), out);
		fputs("</p>\n<dl>\n", out);
		struct rep_field f[REP_FIELDS];
		size_t n = report_gap_fields(rg, f);
		for (size_t i = 0; i < n; i++) {
			if (f[i].quote) {
				fputs("</dl>\n<blockquote>", out);
				esc(f[i].text, out);
				fputs("</blockquote>\n<dl>\n", out);
				continue;
			}
			fprintf(out, "<dt>%s</dt><dd>", f[i].label);
			esc(f[i].text, out);
			fputs("</dd>\n", out);
		}
		fputs("</dl></div>\n", out);
	}
	fputs("</section>\n", out);
}

bool report_write_html(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	fputs("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n<meta name=\"viewport\" "
	      "content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	esc(report_title(r), out);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
	esc(report_title(r), out);
	fprintf(out, "</h1>\n<p class=\"meta\">%s %s</p>\n<p class=\"meta\">%s ", _("Date:"),
	        r->date, _("Covers:"));
	esc_free(report_scope(r), out);
	fprintf(out, "</p>\n<p class=\"meta\">%s ", _("Cases:"));
	for (size_t i = 0; i < an->n_journeys; i++) {
		fputs(i ? ", " : "", out);
		esc(an->journeys[i].kase.code, out);
	}
	fputs("</p>\n", out);
	if (r->public) {
		fputs("<p class=\"note\">", out);
		esc(report_public_note(r), out);
		fputs("</p>\n", out);
	}
	fputs("</header>\n", out);
	patterns(r, out);
	counts(r, out);
	matrix(r, out);
	size_t gi = 0;
	for (size_t c = 0; !r->public && c < an->n_journeys; c++)
		one_case(r, c, &gi, out);
	fputs("</body>\n</html>\n", out);
	return !ferror(out);
}
