/* report_svg.c - the charts of the HTML report as inline SVG: gaps by category, the actor x
 * category matrix, and each case's lanes as a timeline. Drawn in black, white and greys with
 * hatching and dash patterns instead of colours, so a black-and-white printer loses nothing. */
#include "report.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define WIDTH 680

void report_put_xml(const char *s, FILE *out)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*p, out);
		}
	}
}

/* A text element with user text escaped; anchor "start", "middle" or "end". */
static void svg_text(FILE *out, int x, int y, const char *anchor, const char *extra, const char *s)
{
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s>", x, y, anchor, extra);
	char *clean = text_sanitize(s, 0);
	report_put_xml(clean, out);
	free(clean);
	fputs("</text>\n", out);
}

/* A name cut to `cols` columns with an ellipsis, so a long actor name never runs off the chart. */
static char *cut(const char *s, int cols)
{
	int used = 0;
	size_t n = text_fit(s, cols, &used);
	if (s[n] == '\0')
		return xstrdup(s);
	n = text_fit(s, cols - 1, &used);
	return xasprintf("%.*s…", (int)n, s);
}

static void svg_open(FILE *out, int height, const char *label)
{
	fprintf(out,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	        "height=\"%d\" role=\"img\" aria-label=\"",
	        WIDTH, height, WIDTH, height);
	char *clean = text_sanitize(label, 0);
	report_put_xml(clean, out);
	free(clean);
	fputs("\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" "
	      "font-size=\"11\">\n",
	      out);
}

void report_svg_categories(const struct report *r, FILE *out)
{
	const struct an_table *t = &r->an->tables[AN_CATEGORY];
	const int row = 20, label_w = 250, bar_w = WIDTH - label_w - 60;
	int max = 1;
	for (size_t i = 0; i < t->n; i++)
		if (t->rows[i].gaps > max)
			max = t->rows[i].gaps;
	int height = (int)t->n * row + 10;
	svg_open(out, height, an_dim_label(AN_CATEGORY));
	for (size_t i = 0; i < t->n; i++) {
		const struct an_row *w = &t->rows[i];
		int y = 5 + (int)i * row;
		char buf[16];
		const char *shown = report_count(r, w->gaps, buf);
		svg_text(out, label_w - 8, y + 14, "end", "", w->label);
		/* A suppressed count draws no bar: its length would tell the number. */
		int len = strcmp(shown, "<3") == 0 ? 0 : w->gaps * bar_w / max;
		if (len > 0)
			fprintf(
			    out,
			    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#444\"/>\n",
			    label_w, y + 3, len, row - 6);
		svg_text(out, label_w + len + 6, y + 14, "start", "", shown);
	}
	fputs("</svg>\n", out);
}

/* Grey levels for a count, light to dark; text turns white on the dark ones. */
static const char *shade(int v, int max, bool *dark)
{
	static const char *const greys[] = {"#f2f2f2", "#d0d0d0", "#a8a8a8", "#707070", "#404040"};
	int i = max > 0 ? (v * 4 + max - 1) / max : 0;
	if (i > 4)
		i = 4;
	*dark = i >= 3;
	return greys[i];
}

void report_svg_matrix(const struct report *r, FILE *out)
{
	const struct analysis *an = r->an;
	size_t nc = an->categories.n;
	const int label_w = 230, head_h = 24, row = 20;
	int cell_w = nc ? (WIDTH - label_w) / (int)nc : 1;
	if (cell_w > 40)
		cell_w = 40;
	int max = 1, rows = 0;
	for (size_t a = 0; a < an->actors.n; a++) {
		for (size_t c = 0; c < nc; c++)
			if (an->matrix[a * nc + c] > max)
				max = an->matrix[a * nc + c];
		rows += analysis_matrix_row(an, a) > 0;
	}
	svg_open(out, head_h + rows * row + 6, report_matrix_heading());
	for (size_t c = 0; c < nc; c++) {
		char num[24];
		snprintf(num, sizeof num, "%zu", c + 1);
		svg_text(out, label_w + (int)c * cell_w + cell_w / 2, head_h - 8, "middle",
		         " font-weight=\"bold\"", num);
	}
	int y = head_h;
	for (size_t a = 0; a < an->actors.n; a++) {
		if (!analysis_matrix_row(an, a))
			continue;
		char *name = cut(an->actors.items[a].name, 36);
		svg_text(out, label_w - 8, y + 14, "end", "", name);
		free(name);
		for (size_t c = 0; c < nc; c++) {
			int v = an->matrix[a * nc + c];
			int x = label_w + (int)c * cell_w;
			char buf[16];
			const char *shown = report_count(r, v, buf);
			bool dark = false;
			/* Suppressed counts share one shade, so the grey does not tell them apart. */
			const char *fill = v == 0                     ? "#ffffff"
			                   : strcmp(shown, "<3") == 0 ? "#e0e0e0"
			                                              : shade(v, max, &dark);
			fprintf(out,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			        "stroke=\"#999\" stroke-width=\"0.5\"/>\n",
			        x, y, cell_w, row, fill);
			if (v)
				svg_text(out, x + cell_w / 2, y + 14, "middle",
				         dark ? " fill=\"#fff\"" : "", shown);
		}
		y += row;
	}
	fputs("</svg>\n", out);
}

/* ---- lanes -------------------------------------------------------------------------------- */

static long step_at(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; id && i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return (long)i;
	return -1;
}

static void uses(bool *used, const struct analysis *an, m_id actor)
{
	const struct m_actor *a = m_actor_find(&an->actors, actor);
	if (a)
		used[a - an->actors.items] = true;
}

static int lane_of(const int *lane, const struct analysis *an, m_id actor)
{
	const struct m_actor *a = m_actor_find(&an->actors, actor);
	return a ? lane[a - an->actors.items] : -1;
}

static const char *const iv_style[IV_KIND_COUNT] = {
    [IV_MADE] = "fill=\"#404040\"",
    [IV_POSSIBLE] = "fill=\"#ffffff\" stroke=\"#000\" stroke-dasharray=\"3 2\"",
    [IV_DECLINED] = "fill=\"url(#hatch)\" stroke=\"#000\"",
    [IV_REFUSED] = "fill=\"url(#cross)\" stroke=\"#000\"",
    [IV_WAITING] = "fill=\"#c8c8c8\" stroke=\"#000\" stroke-dasharray=\"1 2\"",
};

static void lanes_legend(FILE *out, int y)
{
	/* Three kinds a row: the labels are long in Swedish too. */
	for (int k = 0; k < IV_KIND_COUNT; k++) {
		int x = (k % 3) * 226;
		if (k && k % 3 == 0)
			y += 16;
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"10\" %s/>\n", x, y,
		        iv_style[k]);
		svg_text(out, x + 22, y + 9, "start", "", m_iv_kind_label(k));
	}
	y += 16;
	fprintf(out, "<path d=\"M0 %d l8 -10 l8 10 z\" fill=\"#000\"/>\n", y + 10);
	svg_text(out, 22, y + 9, "start", "", _("gap"));
	fprintf(out,
	        "<line x1=\"70\" y1=\"%d\" x2=\"100\" y2=\"%d\" stroke=\"#000\" "
	        "marker-end=\"url(#arrow)\"/>\n",
	        y + 5, y + 5);
	svg_text(out, 106, y + 9, "start", "", _("hand-over"));
	fprintf(out,
	        "<line x1=\"190\" y1=\"%d\" x2=\"220\" y2=\"%d\" stroke=\"#000\" "
	        "stroke-dasharray=\"4 3\" marker-end=\"url(#arrow)\"/>\n",
	        y + 5, y + 5);
	svg_text(out, 226, y + 9, "start", "", _("broken hand-over"));
	fprintf(out,
	        "<line x1=\"350\" y1=\"%d\" x2=\"350\" y2=\"%d\" stroke=\"#000\" "
	        "stroke-dasharray=\"2 2\"/>\n",
	        y - 2, y + 12);
	svg_text(out, 356, y + 9, "start", "", _("age threshold"));
}

void report_svg_lanes(const struct report *r, size_t case_index, FILE *out)
{
	const struct analysis *an = r->an;
	const struct m_journey *j = &an->journeys[case_index];
	bool *used = xcalloc(an->actors.n + 1, sizeof *used);
	int *lane = xcalloc(an->actors.n + 1, sizeof *lane);
	for (size_t i = 0; i < j->n_interventions; i++)
		uses(used, an, j->interventions[i].actor_id);
	for (size_t i = 0; i < j->n_handovers; i++) {
		uses(used, an, j->handovers[i].from_actor);
		uses(used, an, j->handovers[i].to_actor);
	}
	int n_lanes = 0;
	for (size_t a = 0; a < an->actors.n; a++)
		lane[a] = used[a] ? n_lanes++ : -1;

	const int label_w = 190, row = 18, top = 22;
	int n = j->n_steps ? (int)j->n_steps : 1;
	double col = (double)(WIDTH - label_w - 4) / n;
	int axis_y = top + n_lanes * row + 4;
	int height = axis_y + 30 + 56;
	char *title =
	    xasprintf(_("The lanes of %s: actors over the steps of the story"), j->kase.code);
	svg_open(out, height, title);
	free(title);
	fputs(
	    "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
	    "<path d=\"M0 4 L4 0\" stroke=\"#000\" stroke-width=\"0.8\"/></pattern>"
	    "<pattern id=\"cross\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
	    "<path d=\"M0 4 L4 0 M0 0 L4 4\" stroke=\"#000\" stroke-width=\"0.6\"/></pattern>"
	    "<marker id=\"arrow\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"6\" "
	    "markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L6 3 L0 6 z\"/></marker></defs>\n",
	    out);
	/* Lanes: a label and a faint rule per actor. */
	for (size_t a = 0; a < an->actors.n; a++) {
		if (lane[a] < 0)
			continue;
		int y = top + lane[a] * row;
		char *name = cut(an->actors.items[a].name, 30);
		svg_text(out, label_w - 6, y + 13, "end", "", name);
		free(name);
		fprintf(out,
		        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\" "
		        "stroke-width=\"0.5\"/>\n",
		        label_w, y + row, WIDTH, y + row);
	}
	/* Age thresholds: a dotted line where the young person first reaches each age. */
	int last_age = -1;
	for (size_t s = 0; s < j->n_steps; s++) {
		const struct m_step *st = &j->steps[s];
		int age = st->sort_from && j->kase.birth_year
		              ? atoi(st->sort_from) - j->kase.birth_year
		              : -1;
		if (age < 0 || age == last_age)
			continue;
		bool threshold = false;
		for (size_t t = 0; t < an->thresholds.n; t++)
			threshold |= an->thresholds.items[t].age == age;
		int x = label_w + (int)(s * col);
		if (threshold && last_age >= 0 && age > last_age)
			fprintf(out,
			        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" "
			        "stroke-dasharray=\"2 2\"/>\n",
			        x, top - 4, x, axis_y);
		char label[32];
		if (r->public)
			snprintf(label, sizeof label, "%s", an_age_band_code(an_age_band_of(age)));
		else
			snprintf(label, sizeof label, "%d", age);
		if (!r->public || an_age_band_of(age) != an_age_band_of(last_age))
			svg_text(out, x + 2, axis_y + 14, "start", "", label);
		last_age = age;
	}
	svg_text(out, label_w - 6, axis_y + 14, "end", " font-style=\"italic\"",
	         r->public ? _("age band") : _("age"));
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", label_w,
	        axis_y, WIDTH, axis_y);
	/* Interventions as bars over the steps they span. */
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		long from = step_at(j, iv->step_from), to = step_at(j, iv->step_to);
		int l = lane_of(lane, an, iv->actor_id);
		if (from < 0 || l < 0)
			continue;
		if (to < from)
			to = from;
		int x = label_w + (int)(from * col) + 1;
		int w = (int)((to - from + 1) * col) - 2;
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" %s/>\n", x,
		        top + l * row + 4, w > 2 ? w : 2, row - 8, iv_style[iv->kind]);
	}
	/* Hand-overs as arrows from lane to lane; a broken one dashed. */
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		long s = step_at(j, h->step_id);
		int lf = lane_of(lane, an, h->from_actor), lt = lane_of(lane, an, h->to_actor);
		if (s < 0 || lf < 0 || lt < 0)
			continue;
		int x = label_w + (int)((s + 0.5) * col);
		int y1 = top + lf * row + row / 2, y2 = top + lt * row + row / 2;
		fprintf(out,
		        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" "
		        "stroke-width=\"1.2\"%s marker-end=\"url(#arrow)\"/>\n",
		        x, y1, x, y2 + (y2 > y1 ? -3 : 3),
		        !h->received || !h->acted ? " stroke-dasharray=\"4 3\"" : "");
	}
	/* Gaps as triangles above the lanes. */
	for (size_t i = 0; i < j->n_gaps; i++) {
		long s = step_at(j, j->gaps[i].step_id);
		if (s < 0)
			continue;
		int x = label_w + (int)((s + 0.5) * col);
		fprintf(out, "<path d=\"M%d %d l-6 12 h12 z\" fill=\"#000\"/>\n", x, top - 16);
	}
	svg_text(out, label_w - 6, top - 5, "end", " font-style=\"italic\"", _("gaps"));
	lanes_legend(out, axis_y + 24);
	fputs("</svg>\n", out);
	free(used);
	free(lane);
}
