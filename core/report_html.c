/* report_html.c - the report as one self-contained HTML page: the styles inline, the charts
 * inline SVG (report_svg.c), and a Content-Security-Policy that forbids loading anything, so the
 * file shows the same on a laptop with no network and can never call out. Print styles make A4
 * pages that the sections fill one after the other, never splitting a gap, a table's row or a
 * chart, nor leaving a heading at the foot of a page; greys and patterns, never colour alone.
 *
 * It renders the outline (report_doc.h): each section marked as a page is one <section>, whose
 * first heading is h2 and whose further headings h3; a heading over such sections of their own
 * (the cases) is not printed, as each of them has its own. */
#include "report_doc.h"

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
    "@media print{body{max-width:none;margin:0;font-size:10pt}"
    "tr,dt,blockquote,svg,.gap,.lead{break-inside:avoid}.gap.long{break-inside:auto}"
    "h2,h3,h4,dt,.meta{break-after:avoid}}\n";

static void esc(const char *s, FILE *out)
{
	char *clean = text_sanitize(s ? s : "", 0);
	report_put_xml(clean, out);
	free(clean);
}

/* An element around text: open, the text escaped, close. */
static void el(const char *open, const char *s, const char *close, FILE *out)
{
	fputs(open, out);
	esc(s, out);
	fputs(close, out);
}

struct html {
	FILE *out;
	bool in_header, in_page;
	int page_headings; /* headings so far on this page */
	int charts;        /* lanes charts so far, which number their patterns' ids */
};

static void table(const struct rd_table *t, FILE *out)
{
	if (!t->n_rows) {
		el("<p>", t->empty, "</p>\n", out);
		return;
	}
	fputs("<table><thead><tr>", out);
	bool first = true;
	for (size_t c = 0; c < t->n_cols; c++) {
		if (!t->heads[c])
			continue;
		fputs(first ? "<th>" : "<th class=\"n\">", out);
		first = false;
		esc(t->heads[c], out);
		fputs("</th>", out);
	}
	fputs("</tr></thead><tbody>\n", out);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputs("<tr>", out);
		first = true;
		for (size_t c = 0; c < t->n_cols; c++) {
			if (!t->heads[c])
				continue;
			fputs(first ? "<td>" : "<td class=\"n\">", out);
			first = false;
			esc(t->cells[r * t->n_cols + c].text, out);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void matrix(const struct rd_matrix *m, FILE *out)
{
	el("<p>", m->caption, "</p>\n", out);
	report_svg_matrix(m, out);
	fputs("<ol class=\"legend\">\n", out);
	for (size_t c = 0; c < m->n_cols; c++) {
		el("<li>", m->cols[c], "</li>\n", out);
	}
	fputs("</ol>\n", out);
}

static void heading(int level, const char *text, FILE *out)
{
	fprintf(out, "<h%d>", level);
	esc(text, out);
	fprintf(out, "</h%d>\n", level);
}

static void pattern(const struct rd_pattern *p, int level, FILE *out)
{
	fputs("<div class=\"gap\">", out);
	heading(level, p->label, out);
	char *line = xasprintf(_("%s gaps in %s cases:"), p->gaps.text, p->cases.text);
	el("<p>", line, "</p>\n<ul>\n", out);
	free(line);
	for (size_t k = 0; k < p->n_refs; k++)
		el("<li>", p->refs[k], "</li>\n", out);
	fputs("</ul></div>\n", out);
}

/* A gap is printed on one page, unless it says so much that moving it whole to the next page
 * could leave most of this one empty: about a third of a page of text. */
#define LONG_GAP 1500

static void entry(const struct rd_entry *e, int level, FILE *out)
{
	size_t chars = strlen(e->title) + strlen(e->meta);
	for (size_t i = 0; i < e->n_fields; i++)
		chars += strlen(e->fields[i].label ? e->fields[i].label : "") +
		         strlen(e->fields[i].text ? e->fields[i].text : "");
	fputs(chars > LONG_GAP ? "<div class=\"gap long\">" : "<div class=\"gap\">", out);
	heading(level, e->title, out);
	el("<p class=\"meta\">", e->meta, "</p>\n<dl>\n", out);
	for (size_t i = 0; i < e->n_fields; i++) {
		const struct rd_field *f = &e->fields[i];
		if (f->quote) {
			el("</dl>\n<blockquote>", f->text, "</blockquote>\n<dl>\n", out);
			continue;
		}
		el("<dt>", f->label, "</dt>", out);
		el("<dd>", f->text, "</dd>\n", out);
	}
	fputs("</dl></div>\n", out);
}

static void head(const char *title, FILE *out)
{
	fputs("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n<meta name=\"viewport\" "
	      "content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	esc(title, out);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
	esc(title, out);
	fputs("</h1>\n", out);
}

static void block(struct html *h, const struct rd_block *b, int depth);

/* Does a section's lead, its heading with what introduces it, end before block b? Paragraphs
 * belong to it and a chart ends it; a table, an entry or a pattern starts the body. */
static bool lead_ends_before(const struct rd_block *b, const struct rd_block *prev)
{
	if (prev && (prev->kind == RD_BARS || prev->kind == RD_MATRIX || prev->kind == RD_LANES))
		return true;
	return b->kind != RD_PARAGRAPH && b->kind != RD_NOTE && b->kind != RD_BARS &&
	       b->kind != RD_MATRIX && b->kind != RD_LANES;
}

/* Sections flow from page to page; a section's lead is printed whole on one page, and gaps,
 * tables' rows and charts are never split, so no heading ends a page and no page is left
 * mostly empty by a break that had to be there. */
static void section(struct html *h, const struct rd_section *s, int depth)
{
	FILE *out = h->out;
	bool page = s->flags & RD_PAGE && !h->in_page;
	if (page) {
		fprintf(out, "<section %s=\"%s\">\n", s->flags & RD_EACH ? "class" : "id", s->id);
		h->in_page = true;
		h->page_headings = 0;
	}
	/* Only a heading with a chart or a paragraph under it is a lead; a table's rows each
	 * avoid a break, and break-after keeps a heading with the first of them. */
	bool lead = s->heading && h->in_page && s->first && !lead_ends_before(s->first, NULL);
	if (lead)
		fputs("<div class=\"lead\">", out);
	if (s->heading && h->in_page)
		heading(h->page_headings++ ? 3 : 2, s->heading, out);
	const struct rd_block *prev = NULL;
	for (const struct rd_block *c = s->first; c; prev = c, c = c->next) {
		if (lead && lead_ends_before(c, prev)) {
			fputs("</div>\n", out);
			lead = false;
		}
		block(h, c, s->heading ? depth + 1 : depth);
	}
	if (lead)
		fputs("</div>\n", out);
	if (page) {
		fputs("</section>\n", out);
		h->in_page = false;
	}
}

/* depth: the headed sections around the block, for the headings of patterns and entries. */
static void block(struct html *h, const struct rd_block *b, int depth)
{
	FILE *out = h->out;
	if (h->in_header && b->kind != RD_TITLE && b->kind != RD_FACTS && b->kind != RD_NOTE) {
		fputs("</header>\n", out);
		h->in_header = false;
	}
	switch (b->kind) {
	case RD_TITLE:
		head(b->title.text, out);
		h->in_header = true;
		break;
	case RD_FACTS:
		for (size_t i = 0; i < b->facts.n; i++) {
			const struct rd_fact *f = &b->facts.v[i];
			if (!f->label)
				continue;
			el("<p class=\"meta\">", f->label, " ", out);
			el("", f->value.text, "</p>\n", out);
		}
		break;
	case RD_NOTE:
		el("<p class=\"note\">", b->note, "</p>\n", out);
		break;
	case RD_SECTION:
		section(h, &b->section, depth);
		break;
	case RD_PARAGRAPH:
		el(b->paragraph.meta ? "<p class=\"meta\">" : "<p>", b->paragraph.text, "</p>\n",
		   out);
		break;
	case RD_TABLE:
		table(&b->table, out);
		break;
	case RD_BARS:
		report_svg_bars(&b->bars, out);
		break;
	case RD_MATRIX:
		matrix(&b->matrix, out);
		break;
	case RD_LANES:
		report_svg_lanes(&b->lanes, ++h->charts, out);
		break;
	case RD_PATTERN:
		pattern(&b->pattern, depth + 2, out);
		break;
	case RD_ENTRY:
		entry(&b->entry, depth + 2, out);
		break;
	case RD_RECORDS: /* a spreadsheet's */
		break;
	}
}

bool report_write_html(const struct rd_doc *d, FILE *out)
{
	struct html h = {.out = out};
	for (const struct rd_block *b = d->first; b; b = b->next)
		block(&h, b, 0);
	if (h.in_header)
		fputs("</header>\n", out);
	fputs("</body>\n</html>\n", out);
	return !ferror(out);
}
