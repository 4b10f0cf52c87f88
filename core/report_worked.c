/* report_worked.c - the report's section on what worked (worked.h), built into the outline as
 * the rest is (report_doc.h): its patterns, what helped by actor and by theme, the protective
 * factors and who was there, the lasting adults; and, for spreadsheets, each helpful
 * intervention as a row after the gaps'. The rules decide, as everywhere: counts through
 * rb_count(), the records one by one only where single gaps may be shown, words of the stories
 * only where stories may be told, times only where times may. */
#include "report_build.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "worked.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static struct rd_cell number(struct build *b, int n)
{
	return (struct rd_cell){
	    .kind = RD_NUMBER, .n = n, .text = rd_own(b->doc, xasprintf("%d", n))};
}

/* When a step was, as the rules allow: its time, or the age band. */
static const char *when(struct build *b, const struct m_journey *j, const struct m_step *st)
{
	if (b->rules.times) {
		char buf[FT_BUFSZ];
		ft_code_to_display(st ? st->time : NULL, buf);
		return rb_clean(b, buf);
	}
	return an_age_band_label(an_age_band_of(analysis_age_at(j, st)));
}

static const char *effect_label(int effect)
{
	return effect >= 2 ? _("helped a lot") : _("helped");
}

/* The columns of a count of helpful interventions after its label. */
static void help_heads(struct rb_tab *t, size_t at)
{
	static const char *const keys[] = {"interventions", "cases", "helped_a_lot"};
	const char *heads[] = {_("Interventions"), _("Cases"), _("Helped a lot")};
	for (size_t i = 0; i < 3; i++) {
		t->keys[at + i] = keys[i];
		t->heads[at + i] = heads[i];
	}
}

static void help_cells(struct build *b, struct rd_cell *c, int helped, int cases, int strong)
{
	c[0] = rb_count(b, helped);
	c[1] = rb_count(b, cases);
	c[2] = rb_count(b, strong);
}

/* One helpful intervention in a line: "DEMO-1 Sam, 2016-02:" and "Fryshuset: what (helped)". */
static struct rd_field help_field(struct build *b, const struct wk_help *h)
{
	const char *lead = rd_own(b->doc, xasprintf("%s, %s:", b->case_codes[h->case_index],
	                                            when(b, h->journey, h->step)));
	const char *actor = h->actor ? rb_clean(b, h->actor->name) : "?";
	const char *text;
	if (b->rules.stories && h->iv->what && *h->iv->what)
		text = rd_own(b->doc, xasprintf("%s: %s (%s)", actor, rb_clean(b, h->iv->what),
		                                effect_label(h->iv->effect)));
	else
		text = rd_own(b->doc, xasprintf("%s (%s)", actor, effect_label(h->iv->effect)));
	return (struct rd_field){lead, text, false};
}

/* A protective factor is free words of the stories: where counts below the rules' threshold are
 * withheld, a factor noted in fewer cases is not named at all, alone or in a pattern. */
static bool factor_shown(const struct build *b, const struct wk_factor *f)
{
	return f->cases >= b->rules.small;
}

static bool pattern_shown(const struct build *b, const struct worked *w, const struct wk_pattern *p)
{
	for (size_t i = 0; i < p->n_features; i++)
		if (p->features[i].kind == WKF_FACTOR &&
		    !factor_shown(b, &w->factors[p->features[i].id - 1]))
			return false;
	return true;
}

static void patterns(struct build *b, const struct worked *w, struct rd_block *s)
{
	size_t nc = b->rules.single_gaps ? 5 : 4, n = 0;
	const struct wk_pattern **shown = rd_alloc(b->doc, w->n_patterns, sizeof *shown);
	for (size_t i = 0; i < w->n_patterns; i++)
		if (pattern_shown(b, w, &w->patterns[i]))
			shown[n++] = &w->patterns[i];
	struct rb_tab t = rb_table(b, s, RD_TABLE, nc, n);
	t.t->key = "worked_patterns";
	t.t->rank = RANK_WORKED;
	t.t->empty = _("Nothing that helped recurs in two or more cases.");
	t.keys[0] = "label";
	t.heads[0] = _("Pattern");
	help_heads(&t, 1);
	if (b->rules.single_gaps)
		t.keys[4] = "intervention_uuids"; /* for data formats only */
	for (size_t i = 0; i < n; i++) {
		const struct wk_pattern *p = shown[i];
		struct rd_cell *row = t.cells + i * nc;
		row[0] = rb_text(NULL, rb_clean(b, p->label));
		help_cells(b, row + 1, (int)p->n_helps, p->cases, p->strong);
		if (!b->rules.single_gaps)
			continue;
		const char **uuids = rd_alloc(b->doc, p->n_helps, sizeof *uuids);
		for (size_t k = 0; k < p->n_helps; k++)
			uuids[k] = rd_strdup(b->doc, w->helps[p->helps[k]].iv->uuid);
		row[4] = rb_list(b, NULL, uuids, p->n_helps);
	}
	if (!b->rules.single_gaps || !n)
		return;
	struct rd_block *behind =
	    rb_section(b, s, _("The interventions behind each pattern"), NULL, 0);
	for (size_t i = 0; i < n; i++) {
		const struct wk_pattern *p = shown[i];
		struct rd_entry *e = &rd_add(b->doc, behind, RD_ENTRY)->entry;
		e->title = t.cells[i * nc].text;
		e->meta =
		    rd_own(b->doc, xasprintf(_("%s interventions in %s cases, %s helped a lot."),
		                             t.cells[i * nc + 1].text, t.cells[i * nc + 2].text,
		                             t.cells[i * nc + 3].text));
		struct rd_field *f = rd_alloc(b->doc, p->n_helps, sizeof *f);
		for (size_t k = 0; k < p->n_helps; k++)
			f[k] = help_field(b, &w->helps[p->helps[k]]);
		e->fields = f;
		e->n_fields = p->n_helps;
	}
}

static void counts(struct build *b, const struct worked *w, struct rd_block *s)
{
	static const char *const keys[WK_DIM_COUNT] = {"helped_by_actor", "helped_by_theme"};
	for (int d = 0; d < WK_DIM_COUNT; d++) {
		const struct wk_table *a = &w->tables[d];
		struct rd_block *sub = rb_section(b, s, wk_dim_label(d), NULL, 0);
		struct rb_tab t = rb_table(b, sub, RD_TABLE, 5, a->n);
		t.t->key = keys[d];
		t.t->rank = RANK_WORKED;
		t.t->empty = _("None.");
		t.keys[0] = "code"; /* for data formats only */
		t.keys[1] = "label";
		t.heads[1] = "";
		help_heads(&t, 2);
		for (size_t i = 0; i < a->n; i++) {
			const struct wk_row *r = &a->rows[i];
			struct rd_cell *row = t.cells + i * 5;
			row[0] = rb_text(NULL, rb_clean(b, r->code));
			row[1] = rb_text(NULL, rb_clean(b, r->label));
			help_cells(b, row + 2, r->helped, r->cases, r->strong);
		}
	}
}

/* Who was there where protective factors were noted: each actor, at how many such steps of how
 * many factors. */
static void present_at(struct build *b, const struct worked *w, struct rd_block *in)
{
	const struct analysis *an = b->an;
	int *steps = xcalloc(an->actors.n + 1, sizeof *steps);
	int *nf = xcalloc(an->actors.n + 1, sizeof *nf);
	size_t n = 0;
	for (size_t i = 0; i < w->n_factors; i++)
		for (size_t a = 0; a < w->factors[i].n_actors; a++) {
			size_t at = w->factors[i].actors[a].actor;
			n += nf[at]++ == 0;
			steps[at] += w->factors[i].actors[a].steps;
		}
	struct rb_tab t = rb_table(b, in, RD_TABLE, 4, n);
	t.t->key = "present_at_protective_factors";
	t.t->rank = RANK_WORKED;
	t.t->empty = _("No actor was there at any of them.");
	t.keys[0] = "code";
	t.keys[1] = "label";
	t.heads[1] = _("Actor there");
	t.keys[2] = "steps";
	t.heads[2] = _("Steps");
	t.keys[3] = "factors";
	t.heads[3] = _("Factors");
	/* Most steps first, then the catalogue's order. */
	size_t r = 0;
	for (int most = INT_MAX; r < n;) {
		int next = 0;
		for (size_t a = 0; a < an->actors.n; a++) {
			if (nf[a] && steps[a] == most) {
				struct rd_cell *row = t.cells + r++ * 4;
				row[0] = rb_text(NULL, rd_strdup(b->doc, an->actors.items[a].uuid));
				row[1] = rb_text(NULL, b->actor_names[a]);
				row[2] = rb_count(b, steps[a]);
				row[3] = rb_count(b, nf[a]);
			} else if (nf[a] && steps[a] < most && steps[a] > next) {
				next = steps[a];
			}
		}
		most = next;
	}
	free(steps);
	free(nf);
}

static void factors(struct build *b, const struct worked *w, struct rd_block *s)
{
	struct rd_block *sub = rb_section(b, s, _("Protective factors and who was there"), NULL, 0);
	rb_paragraph(b, sub,
	             _("The protective factors noted at the steps, and the actors who had made an "
	               "intervention that reached each step where one was noted."),
	             true);
	size_t n = 0;
	const struct wk_factor **shown = rd_alloc(b->doc, w->n_factors, sizeof *shown);
	for (size_t i = 0; i < w->n_factors; i++)
		if (factor_shown(b, &w->factors[i]))
			shown[n++] = &w->factors[i];
	if (n < w->n_factors)
		rb_paragraph(
		    b, sub,
		    rd_own(b->doc, xasprintf(_("Factors noted in fewer than %d cases are not "
		                               "named."),
		                             b->rules.small)),
		    true);
	struct rb_tab t = rb_table(b, sub, RD_TABLE, 4, n);
	t.t->key = "protective_factors";
	t.t->rank = RANK_WORKED;
	t.t->empty = _("No protective factor is noted at any step.");
	t.keys[0] = "label";
	t.heads[0] = _("Protective factor");
	t.keys[1] = "steps";
	t.heads[1] = _("Steps");
	t.keys[2] = "cases";
	t.heads[2] = _("Cases");
	t.keys[3] = "actors"; /* for data formats; people read the table of actors below */
	for (size_t i = 0; i < n; i++) {
		const struct wk_factor *f = shown[i];
		struct rd_cell *row = t.cells + i * 4;
		row[0] = rb_text(NULL, rb_clean(b, f->label));
		row[1] = rb_count(b, f->steps);
		row[2] = rb_count(b, f->cases);
		struct rd_cell *sub_cells = rd_alloc(b->doc, f->n_actors, sizeof *sub_cells);
		const char **said = rd_alloc(b->doc, f->n_actors, sizeof *said);
		for (size_t a = 0; a < f->n_actors; a++) {
			struct rd_cell c = rb_count(b, f->actors[a].steps);
			c.key = b->actor_names[f->actors[a].actor];
			sub_cells[a] = c;
			said[a] = rd_own(b->doc, xasprintf("%s (%s)", c.key, c.text));
		}
		row[3] = (struct rd_cell){.kind = RD_GROUP,
		                          .text = rb_list(b, NULL, said, f->n_actors).text,
		                          .sub = sub_cells,
		                          .n_sub = f->n_actors};
	}
	present_at(b, w, sub);
}

static void adults(struct build *b, const struct worked *w, struct rd_block *s)
{
	const struct analysis *an = b->an;
	struct rd_block *sub = rb_section(b, s, _("Lasting adults"), NULL, 0);
	rb_paragraph(
	    b, sub,
	    rd_own(b->doc, xasprintf(_("An actor whose interventions span %d years or more "
	                               "of one story and reach past an age threshold or a "
	                               "hand-over between others."),
	                             WK_LASTING_YEARS)),
	    true);
	/* By actor: in how many cases each lasted. */
	int *cases = xcalloc(an->actors.n + 1, sizeof *cases);
	size_t n = 0;
	for (size_t i = 0; i < w->n_adults; i++)
		n += cases[w->adults[i].actor]++ == 0;
	struct rb_tab t = rb_table(b, sub, RD_TABLE, 3, n);
	t.t->key = "lasting_adults";
	t.t->rank = RANK_WORKED;
	t.t->empty = _("No actor lasted so long in any story.");
	t.keys[0] = "code";
	t.keys[1] = "label";
	t.heads[1] = _("Actor");
	t.keys[2] = "cases";
	t.heads[2] = _("Cases");
	size_t r = 0;
	for (int most = (int)an->n_journeys; most > 0; most--)
		for (size_t a = 0; a < an->actors.n; a++) {
			if (cases[a] != most)
				continue;
			struct rd_cell *row = t.cells + r++ * 3;
			row[0] = rb_text(NULL, rd_strdup(b->doc, an->actors.items[a].uuid));
			row[1] = rb_text(NULL, b->actor_names[a]);
			row[2] = rb_count(b, most);
		}
	free(cases);
	if (!b->rules.single_gaps)
		return;
	for (size_t i = 0; i < w->n_adults; i++) {
		const struct wk_adult *ad = &w->adults[i];
		const struct m_journey *j = &an->journeys[ad->case_index];
		struct rd_entry *e = &rd_add(b->doc, sub, RD_ENTRY)->entry;
		e->title = rd_own(b->doc, xasprintf("%s: %s", b->case_codes[ad->case_index],
		                                    b->actor_names[ad->actor]));
		e->meta = rd_own(
		    b->doc,
		    xasprintf(_("From %s to %s, %d years; age thresholds passed: %d; hand-overs "
		                "between others: %d."),
		              when(b, j, ad->first), when(b, j, ad->last), ad->years,
		              ad->thresholds, ad->handovers));
	}
}

void rb_worked(struct build *b)
{
	struct worked w;
	worked_run(b->an, &w);
	struct rd_block *s = rb_section(b, NULL, _("What worked"), "worked", RD_PAGE);
	rb_paragraph(b, s,
	             _("The interventions the group judged to have helped, what recurs among them "
	               "in two or more cases, the protective factors and the adults who stayed."),
	             true);
	patterns(b, &w, s);
	counts(b, &w, s);
	factors(b, &w, s);
	adults(b, &w, s);
	worked_clear(&w);
}

/* ---- the rows for spreadsheets -------------------------------------------------------------- */

void rb_worked_records(struct build *b)
{
	static const char *const keys[] = {"case", "time",    "age",    "step",    "actor", "theme",
	                                   "what", "outcome", "effect", "lasting", "uuid"};
	enum { N = sizeof keys / sizeof keys[0] };
	struct worked w;
	worked_run(b->an, &w);
	struct rb_tab t = rb_table(b, NULL, RD_RECORDS, N, w.n_helps);
	t.t->key = "helped";
	memcpy(t.keys, keys, sizeof keys);
	const char *none = "";
	for (size_t i = 0; i < w.n_helps; i++) {
		const struct wk_help *h = &w.helps[i];
		enum rd_cell_kind tk = b->rules.bands ? RD_BAND : RD_TEXT;
		const char *age =
		    b->rules.bands ? (h->band >= 0 ? an_age_band_code(h->band) : none)
		                   : (h->age >= 0 ? rd_own(b->doc, xasprintf("%d", h->age)) : none);
		const char *step = none;
		if (b->rules.stories && h->step)
			step = rd_own(b->doc,
			              xasprintf("%ld. %s", (long)(h->step - h->journey->steps) + 1,
			                        rb_clean(b, h->step->title)));
		const struct rd_cell row[N] = {
		    rb_text(NULL, b->case_codes[h->case_index]),
		    {.kind = tk, .text = when(b, h->journey, h->step)},
		    /* A band is written as the time column writes it, as the gaps' rows do. */
		    {.kind = tk,
		     .text = tk == RD_BAND && *age ? when(b, h->journey, h->step) : age},
		    rb_text(NULL, step),
		    rb_text(NULL, h->actor ? rb_clean(b, h->actor->name) : none),
		    rb_text(NULL, m_theme_label(h->theme)),
		    rb_text(NULL, b->rules.stories ? rb_clean(b, h->iv->what) : none),
		    rb_text(NULL, b->rules.stories ? rb_clean(b, h->iv->outcome) : none),
		    number(b, h->iv->effect),
		    {.kind = RD_FLAG, .n = h->lasting, .text = h->lasting ? _("yes") : _("no")},
		    rb_text(NULL, rd_strdup(b->doc, h->iv->uuid)),
		};
		memcpy(t.cells + i * N, row, sizeof row);
	}
	worked_clear(&w);
}
