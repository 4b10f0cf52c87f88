/* report_svg.c - the charts of the HTML report as inline SVG: gaps by category, the actor x
 * category matrix, and each case's lanes as a timeline. Drawn in black, white and greys with
 * hatching and dash patterns instead of colours, so a black-and-white printer loses nothing.
 * Each draws one block of the outline (report_doc.h) as it is: what a chart may show was decided
 * when the outline was built. */
#include "report_doc.h"

#include "model.h"

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

void report_svg_bars(const struct rd_bars *b, FILE *out)
{
	const int row = 20, label_w = 250, bar_w = WIDTH - label_w - 60;
	int max = 1;
	for (size_t i = 0; i < b->n; i++)
		if (b->cells[i].kind == RD_COUNT && b->cells[i].n > max)
			max = b->cells[i].n;
	int height = (int)b->n * row + 10;
	svg_open(out, height, b->title);
	for (size_t i = 0; i < b->n; i++) {
		const struct rd_cell *c = &b->cells[i];
		int y = 5 + (int)i * row;
		svg_text(out, label_w - 8, y + 14, "end", "", b->labels[i]);
		/* A suppressed count draws no bar: its length would tell the number. */
		int len = c->kind == RD_COUNT ? c->n * bar_w / max : 0;
		if (len > 0)
			fprintf(
			    out,
			    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#444\"/>\n",
			    label_w, y + 3, len, row - 6);
		svg_text(out, label_w + len + 6, y + 14, "start", "", c->text);
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

void report_svg_matrix(const struct rd_matrix *m, FILE *out)
{
	size_t nc = m->n_cols;
	const int label_w = 230, head_h = 24, row = 20;
	int cell_w = nc ? (WIDTH - label_w) / (int)nc : 1;
	if (cell_w > 40)
		cell_w = 40;
	int max = 1;
	for (size_t i = 0; i < m->n_rows * nc; i++)
		if (m->cells[i].kind == RD_COUNT && m->cells[i].n > max)
			max = m->cells[i].n;
	svg_open(out, head_h + (int)m->n_rows * row + 6, m->title);
	for (size_t c = 0; c < nc; c++) {
		char num[24];
		snprintf(num, sizeof num, "%zu", c + 1);
		svg_text(out, label_w + (int)c * cell_w + cell_w / 2, head_h - 8, "middle",
		         " font-weight=\"bold\"", num);
	}
	int y = head_h;
	for (size_t r = 0; r < m->n_rows; r++) {
		char *name = cut(m->rows[r], 36);
		svg_text(out, label_w - 8, y + 14, "end", "", name);
		free(name);
		for (size_t c = 0; c < nc; c++) {
			const struct rd_cell *v = &m->cells[r * nc + c];
			int x = label_w + (int)c * cell_w;
			bool dark = false;
			/* Suppressed counts share one shade, so the grey does not tell them apart. */
			const char *fill = v->kind == RD_EMPTY        ? "#ffffff"
			                   : v->kind == RD_SUPPRESSED ? "#e0e0e0"
			                                              : shade(v->n, max, &dark);
			fprintf(out,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			        "stroke=\"#999\" stroke-width=\"0.5\"/>\n",
			        x, y, cell_w, row, fill);
			if (v->kind != RD_EMPTY)
				svg_text(out, x + cell_w / 2, y + 14, "middle",
				         dark ? " fill=\"#fff\"" : "", v->text);
		}
		y += row;
	}
	fputs("</svg>\n", out);
}

/* ---- lanes -------------------------------------------------------------------------------- */

/* The kinds of intervention as fills whose greys stay apart when printed in black and white: from
 * dark to light, made (solid), refused (crossed over grey), declined (hatched), waiting (pale,
 * dotted edge), possible (white, dashed edge). The patterns' ids carry the chart's number, as
 * one page holds the charts of every case and an id must be unique in it. */
static void iv_style(FILE *out, int kind, int chart)
{
	switch (kind) {
	case IV_MADE:
		fputs("fill=\"#404040\"", out);
		break;
	case IV_POSSIBLE:
		fputs("fill=\"#ffffff\" stroke=\"#000\" stroke-dasharray=\"3 2\"", out);
		break;
	case IV_DECLINED:
		fprintf(out, "fill=\"url(#hatch-%d)\" stroke=\"#000\"", chart);
		break;
	case IV_REFUSED:
		fprintf(out, "fill=\"url(#cross-%d)\" stroke=\"#000\"", chart);
		break;
	default: /* IV_WAITING */
		fputs("fill=\"#d0d0d0\" stroke=\"#000\" stroke-dasharray=\"1 2\"", out);
		break;
	}
}

static void lanes_legend(FILE *out, int y, int chart)
{
	/* Three kinds a row: the labels are long in Swedish too. */
	for (int k = 0; k < IV_KIND_COUNT; k++) {
		int x = (k % 3) * 226;
		if (k && k % 3 == 0)
			y += 16;
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"10\" ", x, y);
		iv_style(out, k, chart);
		fputs("/>\n", out);
		svg_text(out, x + 22, y + 9, "start", "", m_iv_kind_label(k));
	}
	y += 16;
	fprintf(out, "<path d=\"M0 %d l8 -10 l8 10 z\" fill=\"#000\"/>\n", y + 10);
	svg_text(out, 22, y + 9, "start", "", _("gap"));
	fprintf(out,
	        "<line x1=\"70\" y1=\"%d\" x2=\"100\" y2=\"%d\" stroke=\"#000\" "
	        "marker-end=\"url(#arrow-%d)\"/>\n",
	        y + 5, y + 5, chart);
	svg_text(out, 106, y + 9, "start", "", _("hand-over"));
	fprintf(out,
	        "<line x1=\"190\" y1=\"%d\" x2=\"220\" y2=\"%d\" stroke=\"#000\" "
	        "stroke-dasharray=\"4 3\" marker-end=\"url(#arrow-%d)\"/>\n",
	        y + 5, y + 5, chart);
	svg_text(out, 226, y + 9, "start", "", _("broken hand-over"));
	fprintf(out,
	        "<line x1=\"350\" y1=\"%d\" x2=\"350\" y2=\"%d\" stroke=\"#000\" "
	        "stroke-dasharray=\"2 2\"/>\n",
	        y - 2, y + 12);
	svg_text(out, 356, y + 9, "start", "", _("age threshold"));
}

/* Columns of 11-unit DejaVu Sans in a width of chart units, and the other way round: its letters
 * average under 6 units; 6.5 leaves room for capitals. */
#define UNITS_PER_COL 6.5

void report_svg_lanes(const struct rd_lanes *l, int chart, FILE *out)
{
	const int row = 18, top = 22;
	/* The labels' column is as wide as the longest actor's name needs, up to a third of the
	 * chart; only a name longer than that is cut, with an ellipsis. */
	int cols = 12;
	for (size_t i = 0; i < l->n_lanes; i++)
		if (text_width(l->lanes[i]) > cols)
			cols = text_width(l->lanes[i]);
	if (cols > 36)
		cols = 36;
	const int label_w = (int)(cols * UNITS_PER_COL) + 12;
	int n = l->n_steps ? (int)l->n_steps : 1;
	double col = (double)(WIDTH - label_w - 4) / n;
	int axis_y = top + (int)l->n_lanes * row + 4;
	int height = axis_y + 30 + 56;
	svg_open(out, height, l->title);
	fprintf(
	    out,
	    "<defs><pattern id=\"hatch-%d\" width=\"4\" height=\"4\" "
	    "patternUnits=\"userSpaceOnUse\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/>"
	    "<path d=\"M0 4 L4 0\" stroke=\"#000\" stroke-width=\"1.4\"/></pattern>"
	    "<pattern id=\"cross-%d\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"4\" height=\"4\" fill=\"#909090\"/>"
	    "<path d=\"M0 4 L4 0 M0 0 L4 4\" stroke=\"#000\" stroke-width=\"0.6\"/></pattern>"
	    "<marker id=\"arrow-%d\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"6\" "
	    "markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L6 3 L0 6 z\"/></marker></defs>\n",
	    chart, chart, chart);
	/* Lanes: a label and a faint rule per actor. */
	for (size_t i = 0; i < l->n_lanes; i++) {
		int y = top + (int)i * row;
		char *name = cut(l->lanes[i], cols);
		svg_text(out, label_w - 6, y + 13, "end", "", name);
		free(name);
		fprintf(out,
		        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\" "
		        "stroke-width=\"0.5\"/>\n",
		        label_w, y + row, WIDTH, y + row);
	}
	/* The ages along the axis, each where it begins unless the one before would touch it; a
	 * dotted line where the young person reaches a threshold, labelled or not. */
	fputs("<g class=\"ages\">\n", out);
	int free_x = label_w;
	for (size_t i = 0; i < l->n_ticks; i++) {
		const struct rd_tick *t = &l->ticks[i];
		int x = label_w + (int)((double)t->step * col);
		if (t->threshold)
			fprintf(out,
			        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" "
			        "stroke-dasharray=\"2 2\"/>\n",
			        x, top - 4, x, axis_y);
		if (t->label && x + 2 >= free_x) {
			svg_text(out, x + 2, axis_y + 14, "start", "", t->label);
			free_x = x + 2 + (int)(text_width(t->label) * UNITS_PER_COL) + 10;
		}
	}
	fputs("</g>\n", out);
	svg_text(out, label_w - 6, axis_y + 14, "end", " font-style=\"italic\"", l->axis);
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", label_w,
	        axis_y, WIDTH, axis_y);
	/* Interventions as bars over the steps they span. */
	for (size_t i = 0; i < l->n_spans; i++) {
		const struct rd_span *s = &l->spans[i];
		int x = label_w + (int)((double)s->from * col) + 1;
		int w = (int)((double)(s->to - s->from + 1) * col) - 2;
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" ", x,
		        top + (int)s->lane * row + 4, w > 2 ? w : 2, row - 8);
		iv_style(out, s->kind, chart);
		fputs("/>\n", out);
	}
	/* Hand-overs as arrows from lane to lane; a broken one dashed. */
	for (size_t i = 0; i < l->n_arrows; i++) {
		const struct rd_arrow *a = &l->arrows[i];
		int x = label_w + (int)(((double)a->step + 0.5) * col);
		int y1 = top + (int)a->from * row + row / 2, y2 = top + (int)a->to * row + row / 2;
		fprintf(out,
		        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" "
		        "stroke-width=\"1.2\"%s marker-end=\"url(#arrow-%d)\"/>\n",
		        x, y1, x, y2 + (y2 > y1 ? -3 : 3),
		        a->broken ? " stroke-dasharray=\"4 3\"" : "", chart);
	}
	/* Gaps as triangles above the lanes. */
	for (size_t i = 0; i < l->n_marks; i++) {
		int x = label_w + (int)(((double)l->marks[i] + 0.5) * col);
		fprintf(out, "<path d=\"M%d %d l-6 12 h12 z\" fill=\"#000\"/>\n", x, top - 16);
	}
	svg_text(out, label_w - 6, top - 5, "end", " font-style=\"italic\"", _("gaps"));
	lanes_legend(out, axis_y + 24, chart);
	fputs("</svg>\n", out);
}
