/* report_build.c - the report's outline (report_doc.h) from an analysis, each section one
 * function, and rules_for(): the one place that says what the public variant leaves out. Every
 * string taken from the file is sanitised here, once, into the outline (rb_clean); every count
 * goes through rb_count(). One pass over the data: records are found by index, never searched. */
#include "report.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "report_build.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The public variant, as mellan(1) promises it: no narratives, quotes, notes, summaries, times
 * or birth years; ages in bands; any count below 3 shown as "<3"; and, in all but the CSV, none
 * of the single gaps (the steps behind each pattern, the cases one by one), which would count
 * what must not be counted. The builder asks these rules, never the variant. */
static struct rules rules_for(bool public)
{
	if (!public)
		return (struct rules){
		    .title = _("Gaps between the chairs: summary for the workshop"),
		    .stories = true,
		    .times = true,
		    .single_gaps = true,
		};
	return (struct rules){
	    .is_public = true,
	    .title = _("Gaps between the chairs: public summary"),
	    .note = _("Public version: no narratives, quotes or notes, no single gaps or "
	              "steps, ages in bands, and any count below 3 shown as <3."),
	    .small = 3,
	    .bands = true,
	};
}

/* ---- cells ---------------------------------------------------------------------------------- */

const char *rb_clean(struct build *b, const char *s)
{
	return rd_own(b->doc, text_sanitize(s ? s : "", 0));
}

struct rd_cell rb_count(struct build *b, int n)
{
	if (n < b->rules.small)
		return (struct rd_cell){.kind = RD_SUPPRESSED, .text = b->less};
	return (struct rd_cell){
	    .kind = RD_COUNT, .n = n, .text = rd_own(b->doc, xasprintf("%d", n))};
}

struct rd_cell rb_text(const char *key, const char *s)
{
	return (struct rd_cell){.kind = RD_TEXT, .key = key, .text = s};
}

static struct rd_cell number(struct build *b, const char *key, int n, const char *shown)
{
	return (struct rd_cell){.kind = RD_NUMBER,
	                        .key = key,
	                        .n = n,
	                        .text = shown ? shown : rd_own(b->doc, xasprintf("%d", n))};
}

static struct rd_cell keyed(const char *key, struct rd_cell c)
{
	c.key = key;
	return c;
}

static const char *severity_label(int severity)
{
	return severity >= 3 ? _("high") : severity == 2 ? _("medium") : _("low");
}

/* The texts joined with sep, in one pass. */
static const char *join(struct build *b, const char *const *v, size_t n, const char *sep)
{
	size_t len = 1, ls = strlen(sep);
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + (i ? ls : 0);
	char *s = xmalloc(len), *p = s;
	for (size_t i = 0; i < n; i++) {
		if (i) {
			memcpy(p, sep, ls);
			p += ls;
		}
		size_t l = strlen(v[i]);
		memcpy(p, v[i], l);
		p += l;
	}
	*p = '\0';
	return rd_own(b->doc, s);
}

struct rd_cell rb_list(struct build *b, const char *key, const char *const *v, size_t n)
{
	struct rd_cell *sub = rd_alloc(b->doc, n, sizeof *sub);
	for (size_t i = 0; i < n; i++)
		sub[i] = rb_text(NULL, v[i]);
	return (struct rd_cell){
	    .kind = RD_LIST, .key = key, .text = join(b, v, n, ", "), .sub = sub, .n_sub = n};
}

/* ---- blocks --------------------------------------------------------------------------------- */

struct rd_block *rb_section(struct build *b, struct rd_block *in, const char *heading,
                            const char *id, unsigned flags)
{
	struct rd_block *s = rd_add(b->doc, in, RD_SECTION);
	s->section.heading = heading;
	s->section.id = id;
	s->section.flags = flags;
	return s;
}

void rb_paragraph(struct build *b, struct rd_block *in, const char *text, bool meta)
{
	struct rd_block *p = rd_add(b->doc, in, RD_PARAGRAPH);
	p->paragraph.text = text;
	p->paragraph.meta = meta;
}

struct rb_tab rb_table(struct build *b, struct rd_block *in, enum rd_kind kind, size_t n_cols,
                       size_t n_rows)
{
	struct rd_block *blk = rd_add(b->doc, in, kind);
	struct rb_tab t = {&blk->table, rd_alloc(b->doc, n_cols, sizeof(char *)),
	                   rd_alloc(b->doc, n_cols, sizeof(char *)),
	                   rd_alloc(b->doc, n_cols * n_rows, sizeof(struct rd_cell))};
	t.t->n_cols = n_cols;
	t.t->n_rows = n_rows;
	t.t->keys = t.keys;
	t.t->heads = t.heads;
	t.t->cells = t.cells;
	return t;
}

/* The columns every table of counts has after its label: gaps, cases, votes, severity. */
static void count_heads(struct rb_tab *t, size_t at)
{
	static const char *const keys[] = {"gaps", "cases", "votes", "severity_max"};
	const char *heads[] = {_("Gaps"), _("Cases"), _("Votes"), _("Severity")};
	for (size_t i = 0; i < 4; i++) {
		t->keys[at + i] = keys[i];
		t->heads[at + i] = heads[i];
	}
}

static void count_cells(struct build *b, struct rd_cell *c, int gaps, int cases, int votes, int sev)
{
	c[0] = rb_count(b, gaps);
	c[1] = rb_count(b, cases);
	c[2] = rb_count(b, votes);
	c[3] = number(b, NULL, sev, sev ? severity_label(sev) : "-");
}

/* ---- the document's head -------------------------------------------------------------------- */

static void head(struct build *b, const char *date)
{
	const struct analysis *an = b->an;
	struct rd_block *t = rd_add(b->doc, NULL, RD_TITLE);
	t->title.text = b->rules.title;
	t->title.aside = rd_strdup(b->doc, date);
	t->title.key = "title";
	t->title.rank = RANK_TITLE;

	struct rd_cell *totals = rd_alloc(b->doc, 4, sizeof *totals);
	totals[0] = keyed("cases", rb_count(b, (int)an->n_journeys));
	totals[1] = keyed("steps", rb_count(b, (int)an->n_steps));
	totals[2] = keyed("gaps", rb_count(b, (int)an->n_gaps));
	/* The number of patterns is no count of people: never suppressed. */
	totals[3] = number(b, "patterns", (int)an->n_patterns, NULL);
	const char *scope = rd_own(
	    b->doc, xasprintf(_("%s cases, %s steps, %s gaps, %zu recurring patterns"),
	                      totals[0].text, totals[1].text, totals[2].text, an->n_patterns));

	struct rd_fact *f = rd_alloc(b->doc, 4, sizeof *f);
	f[0] = (struct rd_fact){_("Date:"), rb_text("date", t->title.aside), RANK_DATE};
	f[1] = (struct rd_fact){NULL,
	                        {.kind = RD_FLAG,
	                         .key = "public",
	                         .n = b->rules.is_public,
	                         .text = b->rules.is_public ? "true" : "false"},
	                        RANK_VARIANT};
	f[2] = (struct rd_fact){
	    _("Covers:"),
	    {.kind = RD_GROUP, .key = "totals", .text = scope, .sub = totals, .n_sub = 4},
	    RANK_TOTALS};
	f[3] = (struct rd_fact){_("Cases:"), rb_list(b, "cases", b->case_codes, an->n_journeys),
	                        RANK_CASES};
	struct rd_block *facts = rd_add(b->doc, NULL, RD_FACTS);
	facts->facts.v = f;
	facts->facts.n = 4;
	if (b->rules.note)
		rd_add(b->doc, NULL, RD_NOTE)->note = b->rules.note;
}

/* ---- recurring patterns --------------------------------------------------------------------- */

static void patterns(struct build *b)
{
	const struct analysis *an = b->an;
	struct rd_block *s = rb_section(b, NULL, _("Recurring patterns"), "patterns", RD_PAGE);
	size_t nc = b->rules.single_gaps ? 6 : 5;
	struct rb_tab t = rb_table(b, s, RD_TABLE, nc, an->n_patterns);
	t.t->key = "patterns";
	t.t->rank = RANK_PATTERNS;
	t.t->empty = _("No gap recurs in two or more cases.");
	t.keys[0] = "label";
	t.heads[0] = _("Pattern");
	count_heads(&t, 1);
	if (b->rules.single_gaps)
		t.keys[5] = "gap_uuids"; /* for data formats only */
	for (size_t i = 0; i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		struct rd_cell *row = t.cells + i * nc;
		row[0] = rb_text(NULL, rb_clean(b, p->label));
		count_cells(b, row + 1, (int)p->n_gaps, p->cases, p->votes, p->severity_max);
		if (!b->rules.single_gaps)
			continue;
		const char **uuids = rd_alloc(b->doc, p->n_gaps, sizeof *uuids);
		for (size_t k = 0; k < p->n_gaps; k++)
			uuids[k] = rd_strdup(b->doc, an->gaps[p->gaps[k]].gap->uuid);
		row[5] = rb_list(b, NULL, uuids, p->n_gaps);
	}
	if (!b->rules.single_gaps)
		return;
	for (size_t i = 0; i < an->n_patterns; i++) {
		const struct an_pattern *p = &an->patterns[i];
		struct rd_block *e = rd_add(b->doc, s, RD_PATTERN);
		e->pattern.label = t.cells[i * nc].text;
		e->pattern.gaps = t.cells[i * nc + 1];
		e->pattern.cases = t.cells[i * nc + 2];
		const char **refs = rd_alloc(b->doc, p->n_gaps, sizeof *refs);
		for (size_t k = 0; k < p->n_gaps; k++)
			refs[k] = b->words[p->gaps[k]].ref;
		e->pattern.refs = refs;
		e->pattern.n_refs = p->n_gaps;
	}
}

/* ---- the counts by dimension ---------------------------------------------------------------- */

static void counts(struct build *b)
{
	const struct analysis *an = b->an;
	struct rd_block *group = rb_section(b, NULL, NULL, "counts", RD_PAGE);
	group->section.key = "tables";
	group->section.rank = RANK_TABLES;
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		const struct an_table *a = &an->tables[d];
		struct rd_block *s = rb_section(b, group, an_dim_label(d), NULL, 0);
		struct rd_block *bars = d == AN_CATEGORY ? rd_add(b->doc, s, RD_BARS) : NULL;
		size_t nc = d == AN_ACTOR ? 8 : 6;
		struct rb_tab t = rb_table(b, s, RD_TABLE, nc, a->n);
		t.t->key = an_dim_code(d);
		t.t->empty = _("None.");
		t.keys[0] = "code"; /* for data formats only */
		t.keys[1] = "label";
		t.heads[1] = "";
		count_heads(&t, 2);
		if (d == AN_ACTOR) {
			t.keys[6] = "involved";
			t.keys[7] = "could";
		}
		for (size_t i = 0; i < a->n; i++) {
			const struct an_row *w = &a->rows[i];
			struct rd_cell *row = t.cells + i * nc;
			row[0] = rb_text(NULL, rb_clean(b, w->code));
			row[1] = rb_text(NULL, rb_clean(b, w->label));
			count_cells(b, row + 2, w->gaps, w->cases, w->votes, w->severity_max);
			if (d == AN_ACTOR) {
				row[6] = rb_count(b, w->involved);
				row[7] = rb_count(b, w->could);
			}
		}
		if (!bars)
			continue;
		const char **labels = rd_alloc(b->doc, a->n, sizeof *labels);
		struct rd_cell *cells = rd_alloc(b->doc, a->n, sizeof *cells);
		for (size_t i = 0; i < a->n; i++) {
			labels[i] = t.cells[i * nc + 1].text;
			cells[i] = t.cells[i * nc + 2];
		}
		bars->bars = (struct rd_bars){an_dim_label(d), a->n, labels, cells};
	}
}

/* ---- actors by category --------------------------------------------------------------------- */

static void matrix(struct build *b)
{
	const struct analysis *an = b->an;
	const char *heading = _("Actors and categories");
	struct rd_block *s = rb_section(b, NULL, heading, "matrix", RD_PAGE);
	size_t nc = an->categories.n, nr = 0;
	size_t *actor = rd_alloc(b->doc, an->actors.n, sizeof *actor);
	for (size_t a = 0; a < an->actors.n; a++)
		if (analysis_matrix_row(an, a))
			actor[nr++] = a;
	const char **rows = rd_alloc(b->doc, nr, sizeof *rows);
	const char **cols = rd_alloc(b->doc, nc, sizeof *cols);
	const char **codes = rd_alloc(b->doc, nc, sizeof *codes);
	struct rd_cell *cells = rd_alloc(b->doc, nr * nc, sizeof *cells);
	for (size_t c = 0; c < nc; c++) {
		cols[c] = rb_clean(b, an->categories.items[c].name);
		codes[c] = rb_clean(b, an->categories.items[c].code);
	}
	for (size_t r = 0; r < nr; r++) {
		rows[r] = b->actor_names[actor[r]];
		for (size_t c = 0; c < nc; c++) {
			int v = an->matrix[actor[r] * nc + c];
			cells[r * nc + c] =
			    v ? rb_count(b, v) : (struct rd_cell){.kind = RD_EMPTY, .text = ""};
		}
	}
	struct rd_block *m = rd_add(b->doc, s, RD_MATRIX);
	m->matrix = (struct rd_matrix){
	    .key = "matrix",
	    .row_key = "actor",
	    .col_key = "category",
	    .cell_key = "gaps",
	    .rank = RANK_MATRIX,
	    .title = heading,
	    .caption = _("Gaps where the actor was involved or could have acted, by category "
	                 "(numbered below)."),
	    .n_rows = nr,
	    .n_cols = nc,
	    .rows = rows,
	    .cols = cols,
	    .col_codes = codes,
	    .cells = cells,
	};
}

/* ---- the gaps case by case ------------------------------------------------------------------ */

static const char *case_meta(struct build *b, const struct m_journey *j)
{
	struct rd_cell steps = rb_count(b, (int)j->n_steps), gaps = rb_count(b, (int)j->n_gaps);
	const char *status = m_case_status_label(j->kase.status);
	if (b->rules.times && j->kase.birth_year)
		return rd_own(b->doc, xasprintf(_("Status %s, born %d, %s steps, %s gaps."), status,
		                                j->kase.birth_year, steps.text, gaps.text));
	return rd_own(b->doc,
	              xasprintf(_("Status %s, %s steps, %s gaps."), status, steps.text, gaps.text));
}

static void entry(struct build *b, struct rd_block *in, size_t gi)
{
	const struct an_gap *ag = &b->an->gaps[gi];
	const struct words *w = &b->words[gi];
	struct rd_entry *e = &rd_add(b->doc, in, RD_ENTRY)->entry;
	e->title = rd_own(b->doc, xasprintf("%s: %s", w->when, w->category));
	e->meta =
	    rd_own(b->doc, xasprintf(_("Severity %s, %s, %s votes."),
	                             severity_label(ag->gap->severity), w->status, w->votes.text));
	const struct rd_field all[] = {
	    {_("Step:"), w->step, false},
	    {_("Life domain:"), w->domain, false},
	    {_("Involved:"), w->involved, false},
	    {_("Could have acted:"), w->could, false},
	    {_("Broken hand-over:"), w->pair, false},
	    {_("What happened:"), w->what_happened, false},
	    {_("In their words:"), w->voice, true},
	    {_("What must change:"), w->what_must_change, false},
	    {_("Level:"), w->level, false},
	    {_("Actions:"), w->actions, false},
	};
	enum { NF = sizeof all / sizeof all[0] };
	struct rd_field *f = rd_alloc(b->doc, NF, sizeof *f);
	for (size_t i = 0; i < NF; i++)
		if (*all[i].text)
			f[e->n_fields++] = all[i];
	e->fields = f;

	const struct m_step *st = ag->step;
	const struct rd_cell data[] = {
	    rb_text("uuid", rd_strdup(b->doc, ag->gap->uuid)),
	    rb_text("case", w->case_code),
	    {.kind = w->time_kind, .key = "time", .text = w->when},
	    {.kind = w->time_kind, .key = "age", .text = w->age},
	    rb_text("step", w->step),
	    rb_text("category", ag->category ? rb_clean(b, ag->category->code) : ""),
	    rb_text("category_label", w->category),
	    rb_text("status", m_gap_status_code(ag->gap->status)),
	    rb_text("level", m_level_code(ag->gap->level)),
	    rb_text("domain", m_domain_code(st ? st->domain : DOMAIN_NONE)),
	    rb_text("involved", w->involved),
	    rb_text("could", w->could),
	    rb_text("handover", w->pair),
	    rb_text("what_happened", w->what_happened),
	    rb_text("voice", w->voice),
	    rb_text("what_must_change", w->what_must_change),
	    rb_text("actions", w->actions),
	    number(b, "severity", ag->gap->severity, NULL),
	    keyed("votes", w->votes),
	};
	enum { ND = sizeof data / sizeof data[0] };
	struct rd_cell *d = rd_alloc(b->doc, ND, sizeof *d);
	memcpy(d, data, sizeof data);
	e->data = d;
	e->n_data = ND;
}

static void cases(struct build *b)
{
	if (!b->rules.single_gaps)
		return;
	const struct analysis *an = b->an;
	struct rd_block *all = rb_section(b, NULL, _("The gaps case by case"), NULL, 0);
	all->section.key = "gaps";
	all->section.rank = RANK_GAPS;
	all->section.list = true;
	size_t gi = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_journey *j = &an->journeys[c];
		struct rd_block *s =
		    rb_section(b, all, b->case_codes[c], "case", RD_PAGE | RD_EACH);
		rb_paragraph(b, s, case_meta(b, j), true);
		if (b->rules.stories && j->kase.summary && *j->kase.summary)
			rb_paragraph(b, s, rb_clean(b, j->kase.summary), false);
		rb_lanes(b, s, c);
		for (; gi < an->n_gaps && an->gaps[gi].case_index == c; gi++)
			entry(b, s, gi);
	}
}

/* ---- the records, for spreadsheets ---------------------------------------------------------- */

static void records(struct build *b)
{
	static const char *const keys[] = {
	    "case",     "time",     "age",   "step",          "category",
	    "severity", "status",   "level", "domain",        "involved",
	    "could",    "handover", "votes", "what_happened", "what_must_change",
	    "actions",  "uuid",
	};
	enum { N = sizeof keys / sizeof keys[0] };
	const struct analysis *an = b->an;
	struct rb_tab t = rb_table(b, NULL, RD_RECORDS, N, an->n_gaps);
	t.t->key = "gaps";
	memcpy(t.keys, keys, sizeof keys);
	for (size_t i = 0; i < an->n_gaps; i++) {
		const struct words *w = &b->words[i];
		const struct m_gap *g = an->gaps[i].gap;
		const struct rd_cell row[N] = {
		    rb_text(NULL, w->case_code),
		    {.kind = w->time_kind, .text = w->when},
		    /* A band is written as the time column writes it, not as its code. */
		    {.kind = w->time_kind,
		     .text = w->time_kind == RD_BAND && *w->age ? w->when : w->age},
		    rb_text(NULL, w->step),
		    rb_text(NULL, w->category),
		    number(b, NULL, g->severity, NULL),
		    rb_text(NULL, w->status),
		    rb_text(NULL, w->level),
		    rb_text(NULL, w->domain),
		    rb_text(NULL, w->involved),
		    rb_text(NULL, w->could),
		    rb_text(NULL, w->pair),
		    w->votes,
		    rb_text(NULL, w->what_happened),
		    rb_text(NULL, w->what_must_change),
		    rb_text(NULL, w->actions),
		    rb_text(NULL, rd_strdup(b->doc, g->uuid)),
		};
		memcpy(t.cells + i * N, row, sizeof row);
	}
}

/* ---- the whole outline ---------------------------------------------------------------------- */

struct rd_doc *report_build(const struct analysis *an, bool public, const char *date)
{
	struct build b = {.doc = rd_doc_new(), .an = an, .rules = rules_for(public)};
	b.less = rd_own(b.doc, xasprintf("<%d", b.rules.small));
	rb_words(&b);
	head(&b, date);
	patterns(&b);
	counts(&b);
	matrix(&b);
	rb_worked(&b);
	rb_places(&b);
	cases(&b);
	records(&b);
	rb_worked_records(&b);
	rb_words_clear(&b);
	return b.doc;
}
