/* report_doc.h - the report as one document outline: built once from the analysis
 * (report_build.c), then handed to small writers that only render it, one per format:
 *   report_text.c  A4 pages for a printer: 80 columns, 66 lines, header, footer, form feeds
 *   report_md.c    Markdown
 *   report_html.c  one self-contained page with print CSS; its charts drawn by report_svg.c
 *   report_csv.c   the records, one row each (RFC 4180)
 *   report_json.c  the data: every member with a key, in the order its readers know
 *
 * What the public variant leaves out is decided once, by rules_for() in report_build.c, before
 * any writer sees the outline. A writer is never told which variant it writes and has nothing to
 * leave out: what may not be said is not in the outline, and a count too small to show is a cell
 * of kind RD_SUPPRESSED whose number is not kept at all.
 *
 * ADDING A SECTION (what worked, a brief for decision makers, notes on generalised places):
 * write one function in report_build.c that appends blocks of the kinds below (a section with a
 * heading, paragraphs, tables of typed cells, entries with labelled fields), and call it from
 * report_build(). Make every count with rb_count() and every text from the file with rb_clean(),
 * and ask the rules (struct rules, report_build.h) before saying anything of a story: then the
 * public variant holds for the new section too, and nowhere else needs to know. Nothing in the
 * writers: they render kinds of block, never particular sections. What data formats should carry
 * gets a key and a rank (the order of the members). A new kind of block is the rare case: add
 * it to enum rd_kind; the compiler (-Wswitch) then names each writer that must render it, and
 * tests/unit/test_report.c which formats must show its text.
 *
 * The outline owns every string and array it points to (one list, freed by rd_doc_free), so a
 * builder can share one string between blocks; blocks at one level are linked by `next`. */
#ifndef MELLAN_REPORT_DOC_H
#define MELLAN_REPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One value as the report shows it. `text` is what people read and is never NULL. */
enum rd_cell_kind {
	RD_TEXT,       /* words: a name, a label, a time */
	RD_BAND,       /* an age band, where an age or a time would stand */
	RD_COUNT,      /* a count, shown as it is: n */
	RD_SUPPRESSED, /* a count too small to show: text "<3", n 0, the number withheld */
	RD_NUMBER,     /* a number that counts no one, read as text ("high" for severity 3) */
	RD_FLAG,       /* yes (n 1) or no (n 0), for data formats */
	RD_LIST,       /* several texts (sub); text is them joined */
	RD_GROUP, /* named cells (sub, each with a key), for data formats; text says them all */
	RD_EMPTY, /* nothing here: a matrix cell without gaps */
};

struct rd_cell {
	enum rd_cell_kind kind;
	const char *key; /* its name in data formats, when it is not in a table's column */
	const char *text;
	int n;
	const struct rd_cell *sub;
	size_t n_sub;
};

/* A fact of the document's head ("Date: 2025-11-23"); label NULL: for data formats only. */
struct rd_fact {
	const char *label;
	struct rd_cell value; /* value.key names it in data formats */
	int rank;
};

/* A table of typed cells; a column whose head is NULL is for data formats only. */
struct rd_table {
	const char *key; /* its name in data formats; NULL: people's formats only */
	int rank;
	size_t n_cols, n_rows;
	const char *const *keys;     /* each column's name in data formats */
	const char *const *heads;    /* each column's heading for people, or NULL */
	const struct rd_cell *cells; /* n_rows * n_cols, row by row */
	const char *empty;           /* what people read when there are no rows */
};

struct rd_field {
	const char *label, *text;
	bool quote; /* the young person's own words */
};

enum rd_kind {
	RD_TITLE,     /* the document's title; aside stands beside it on every printed page */
	RD_FACTS,     /* the facts of its head */
	RD_NOTE,      /* what the reader must know before reading on: the program's own words */
	RD_SECTION,   /* a heading and the blocks under it */
	RD_PARAGRAPH, /* text; meta: a line about the heading above it */
	RD_TABLE,
	RD_BARS,    /* a bar chart of counts */
	RD_MATRIX,  /* counts by row and column, with a caption and a numbered legend */
	RD_LANES,   /* one case's actors over the steps of its story, as a chart */
	RD_PATTERN, /* a recurring pattern with the single gaps behind it */
	RD_ENTRY,   /* one record in words (a gap): title, meta line, labelled fields, data */
	RD_RECORDS, /* the records as rows for a spreadsheet; only the CSV carries them */
};

/* Section flags. A page begins on a new page in formats that lay out pages by section (HTML);
 * `each` marks one of a run of alike pages (a case), named by class rather than by id. */
#define RD_PAGE 1u
#define RD_EACH 2u

struct rd_block;

struct rd_section {
	const char *heading; /* NULL: a group whose own sections carry the headings */
	const char *id;      /* a stable name: the anchor or class in HTML */
	unsigned flags;
	/* In data formats: with a key, one member, the entries inside as an array (`list`) or the
	 * keyed tables inside as an object; without a key the section is not there. */
	const char *key;
	int rank;
	bool list;
	struct rd_block *first, *last;
};

struct rd_bars {
	const char *title; /* what the chart shows, for those who cannot see it */
	size_t n;
	const char *const *labels;
	const struct rd_cell *cells;
};

struct rd_matrix {
	const char *key, *row_key, *col_key, *cell_key; /* names in data formats */
	int rank;
	const char *title, *caption;
	size_t n_rows, n_cols;
	const char *const *rows;      /* row labels */
	const char *const *cols;      /* column labels, numbered in the legend */
	const char *const *col_codes; /* the columns' names in data formats */
	const struct rd_cell *cells;  /* n_rows * n_cols */
};

struct rd_tick {
	size_t step;
	const char *label; /* NULL: none here */
	bool threshold;    /* a line where the rules change */
};
struct rd_span {
	size_t from, to, lane;
	int kind; /* enum m_intervention_kind */
};
struct rd_arrow {
	size_t step, from, to; /* from and to are lanes */
	bool broken;
};
struct rd_lanes {
	const char *title, *axis;
	size_t n_steps, n_lanes, n_ticks, n_spans, n_arrows, n_marks;
	const char *const *lanes; /* the actors' names, one lane each */
	const struct rd_tick *ticks;
	const struct rd_span *spans;
	const struct rd_arrow *arrows;
	const size_t *marks; /* steps with a gap */
};

struct rd_pattern {
	const char *label;
	struct rd_cell gaps, cases;
	size_t n_refs;
	const char *const *refs; /* the single gaps behind it: "DEMO-1 Sam, 2020-09: 22. Title" */
};

struct rd_entry {
	const char *title, *meta;
	size_t n_fields, n_data;
	const struct rd_field *fields; /* only those with something to say */
	const struct rd_cell *data;    /* each with a key, in the order data formats show them */
};

struct rd_block {
	enum rd_kind kind;
	struct rd_block *next;
	union {
		struct {
			const char *text, *aside, *key;
			int rank;
		} title;
		struct {
			size_t n;
			const struct rd_fact *v;
		} facts;
		const char *note;
		struct rd_section section;
		struct {
			const char *text;
			bool meta;
		} paragraph;
		struct rd_table table; /* RD_TABLE and RD_RECORDS */
		struct rd_bars bars;
		struct rd_matrix matrix;
		struct rd_lanes lanes;
		struct rd_pattern pattern;
		struct rd_entry entry;
	};
};

struct rd_doc {
	struct rd_block *first, *last;
	void **owned; /* everything the outline points to */
	size_t n_owned, cap_owned;
};

/* ---- building (report_doc.c): the outline's memory; what goes in is report_build.c's ---- */

struct rd_doc *rd_doc_new(void);
void rd_doc_free(struct rd_doc **d);
/* n zeroed objects of `size` bytes, owned by the outline. */
void *rd_alloc(struct rd_doc *d, size_t n, size_t size);
/* Takes ownership of s (from xmalloc); returns it. */
const char *rd_own(struct rd_doc *d, char *s);
const char *rd_strdup(struct rd_doc *d, const char *s);
/* A new block at the end of `in` (a section block), or of the document when in is NULL. */
struct rd_block *rd_add(struct rd_doc *d, struct rd_block *in, enum rd_kind kind);

/* ---- the writers: each renders the whole outline; false when writing failed ---- */

bool report_write_text(const struct rd_doc *d, FILE *out);
bool report_write_md(const struct rd_doc *d, FILE *out);
bool report_write_html(const struct rd_doc *d, FILE *out);
bool report_write_csv(const struct rd_doc *d, char sep, FILE *out);
bool report_write_json(const struct rd_doc *d, FILE *out);

/* The HTML's inline SVG charts (report_svg.c), and & < > " ' escaped for HTML and SVG. */
void report_svg_bars(const struct rd_bars *b, FILE *out);
void report_svg_matrix(const struct rd_matrix *m, FILE *out);
/* chart: the lanes chart's number in the document, which makes its patterns' ids unique there. */
void report_svg_lanes(const struct rd_lanes *l, int chart, FILE *out);
void report_put_xml(const char *s, FILE *out);

#endif
