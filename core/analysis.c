/* analysis.c - the gap analysis of analysis.h: finds each gap's age, threshold and broken
 * hand-over in the loaded journeys, counts by every dimension and finds the recurring patterns. */
#include "analysis.h"

#include "i18n.h"
#include "step_index.h"
#include "text.h"
#include "xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dimensions and bands ------------------------------------------------------------------- */

static const struct {
	const char *code, *label;
} dims[AN_DIM_COUNT] = {
    [AN_CATEGORY] = {"category", N_("Gaps by category")},
    [AN_ACTOR] = {"actor", N_("Gaps by actor")},
    [AN_PAIR] = {"handover", N_("Gaps at broken hand-overs, by actor pair")},
    [AN_AGE_BAND] = {"age_band", N_("Gaps by age band")},
    [AN_THRESHOLD] = {"threshold", N_("Gaps at age thresholds")},
    [AN_DOMAIN] = {"domain", N_("Gaps by life domain")},
    [AN_LEVEL] = {"level", N_("Gaps by level of the change needed")},
    [AN_STATUS] = {"status", N_("Gaps by status")},
};

const char *an_dim_code(enum an_dim d)
{
	return d < AN_DIM_COUNT ? dims[d].code : "";
}

const char *an_dim_label(enum an_dim d)
{
	return d < AN_DIM_COUNT ? _(dims[d].label) : "";
}

/* Bands whose edges are the thresholds where most rules change: 16, 18 and 21. */
static const struct {
	int lo;
	const char *code, *label;
} bands[AN_AGE_BANDS] = {
    {0, "0-12", N_("0–12 years")},    {13, "13-15", N_("13–15 years")},
    {16, "16-17", N_("16–17 years")}, {18, "18-20", N_("18–20 years")},
    {21, "21-25", N_("21–25 years")}, {26, "26+", N_("26 years and older")},
};

const char *an_age_band_code(int band)
{
	return band >= 0 && band < AN_AGE_BANDS ? bands[band].code : "unknown";
}

const char *an_age_band_label(int band)
{
	return band >= 0 && band < AN_AGE_BANDS ? _(bands[band].label) : _("age unknown");
}

int an_age_band_of(int age)
{
	if (age < 0)
		return -1;
	int b = 0;
	while (b + 1 < AN_AGE_BANDS && age >= bands[b + 1].lo)
		b++;
	return b;
}

/* ---- one gap's facts ------------------------------------------------------------------------ */

long analysis_step_index(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; id && i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return (long)i;
	return -1;
}

int analysis_age_at(const struct m_journey *j, const struct m_step *st)
{
	if (!st || !st->sort_from || !j->kase.birth_year)
		return -1;
	int year = atoi(st->sort_from);
	int age = year - j->kase.birth_year;
	return year > 0 && age >= 0 ? age : -1;
}

static int threshold_at(const struct analysis *an, int age)
{
	for (size_t i = 0; age >= 0 && i < an->thresholds.n; i++)
		if (an->thresholds.items[i].age == age)
			return age;
	return -1;
}

/* The broken hand-overs of one journey (a referral never received or never acted on), by the
 * place of their step in story order: a gap's span is then found by a binary search. */
struct broken_list {
	struct broken {
		long at;      /* the place of the hand-over's step */
		size_t index; /* into the journey's hand-overs */
	} * v;
	size_t n;
};

static int cmp_broken(const void *pa, const void *pb)
{
	const struct broken *a = pa, *b = pb;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void broken_build(struct broken_list *bl, const struct m_journey *j,
                         const struct step_index *ix)
{
	bl->v = xcalloc(j->n_handovers + 1, sizeof *bl->v);
	bl->n = 0;
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		long at = step_index_find(ix, h->step_id);
		if (at >= 0 && (!h->received || !h->acted))
			bl->v[bl->n++] = (struct broken){at, i};
	}
	qsort(bl->v, bl->n, sizeof *bl->v, cmp_broken);
}

/* A referral sent at one of the gap's steps that was never received or never acted on: the first
 * such in the journey's order of hand-overs. */
static const struct m_handover *broken_at(const struct m_journey *j, const struct broken_list *bl,
                                          long from, long to)
{
	if (from < 0)
		return NULL;
	if (to < from)
		to = from;
	size_t lo = 0, hi = bl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (bl->v[mid].at < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	const struct m_handover *first = NULL;
	for (size_t k = lo; k < bl->n && bl->v[k].at <= to; k++)
		if (!first || bl->v[k].index < (size_t)(first - j->handovers))
			first = &j->handovers[bl->v[k].index];
	return first;
}

static int cmp_gap(const void *pa, const void *pb)
{
	const struct an_gap *a = pa, *b = pb;
	if (a->case_index != b->case_index)
		return a->case_index < b->case_index ? -1 : 1;
	long sa = a->step ? (long)(a->step - a->journey->steps) : LONG_MAX;
	long sb = b->step ? (long)(b->step - b->journey->steps) : LONG_MAX;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return a->gap->id < b->gap->id ? -1 : a->gap->id > b->gap->id;
}

static void collect_gaps(struct analysis *an, const struct m_vote_total_list *votes)
{
	size_t n = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		n += an->journeys[c].n_gaps;
		an->n_steps += an->journeys[c].n_steps;
	}
	an->gaps = xcalloc(n + 1, sizeof *an->gaps);
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_journey *j = &an->journeys[c];
		struct step_index ix = {0};
		struct broken_list bl = {0};
		step_index_build(&ix, j);
		broken_build(&bl, j, &ix);
		for (size_t k = 0; k < j->n_gaps; k++) {
			struct an_gap *g = &an->gaps[an->n_gaps++];
			g->gap = &j->gaps[k];
			g->journey = j;
			g->case_index = c;
			long from = step_index_find(&ix, g->gap->step_id),
			     to = step_index_find(&ix, g->gap->step_to);
			g->step = from >= 0 ? &j->steps[from] : NULL;
			g->step_to = to >= 0 ? &j->steps[to] : NULL;
			g->category = m_category_find(&an->categories, g->gap->category_id);
			g->age = analysis_age_at(j, g->step);
			g->band = an_age_band_of(g->age);
			g->threshold = threshold_at(an, g->age);
			g->broken = broken_at(j, &bl, from, to);
			g->votes = m_vote_total_dots(votes, g->gap->id);
		}
		free(bl.v);
		step_index_clear(&ix);
	}
	qsort(an->gaps, an->n_gaps, sizeof *an->gaps, cmp_gap);
}

int analysis_matrix_row(const struct analysis *an, size_t actor)
{
	int n = 0;
	for (size_t c = 0; c < an->categories.n; c++)
		n += an->matrix[actor * an->categories.n + c];
	return n;
}

long analysis_gap_index(const struct analysis *an, m_id gap)
{
	for (size_t i = 0; i < an->n_gaps; i++)
		if (an->gaps[i].gap->id == gap)
			return (long)i;
	return -1;
}

/* ---- counting ------------------------------------------------------------------------------- */

/* A row under construction: the case last counted, so each case counts once, and its place in
 * the seed order, so sorting by count keeps the catalogue's order among equals. */
struct acc {
	struct an_row row;
	size_t last_case; /* case index + 1; 0 for none yet */
	size_t order;
};

struct acc_table {
	struct acc *a;
	size_t n;
};

static struct acc *acc_get(struct acc_table *t, const char *code, const char *label)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->a[i].row.code, code) == 0)
			return &t->a[i];
	t->a = xreallocarray(t->a, t->n + 1, sizeof *t->a);
	struct acc *r = &t->a[t->n];
	memset(r, 0, sizeof *r);
	r->row.code = xstrdup(code);
	/* Names come from the file: no control character of theirs reaches any report. */
	r->row.label = text_sanitize(label ? label : code, 0);
	r->order = t->n++;
	return r;
}

static void acc_count(struct acc *r, const struct an_gap *g)
{
	r->row.gaps++;
	if (r->last_case != g->case_index + 1) {
		r->row.cases++;
		r->last_case = g->case_index + 1;
	}
	r->row.votes += g->votes;
	if (g->gap->severity > r->row.severity_max)
		r->row.severity_max = g->gap->severity;
}

static int cmp_by_gaps(const void *pa, const void *pb)
{
	const struct acc *a = pa, *b = pb;
	if (a->row.gaps != b->row.gaps)
		return a->row.gaps > b->row.gaps ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Moves the rows into the table, most gaps first when by_count, dropping empty ones unless
 * keep_empty. */
static void acc_finish(struct acc_table *t, struct an_table *out, bool by_count, bool keep_empty)
{
	if (by_count && t->n)
		qsort(t->a, t->n, sizeof *t->a, cmp_by_gaps);
	out->rows = xcalloc(t->n + 1, sizeof *out->rows);
	for (size_t i = 0; i < t->n; i++) {
		if (t->a[i].row.gaps == 0 && !keep_empty) {
			free(t->a[i].row.code);
			free(t->a[i].row.label);
			continue;
		}
		out->rows[out->n++] = t->a[i].row;
	}
	free(t->a);
	t->a = NULL;
	t->n = 0;
}

static void count_all(struct analysis *an)
{
	struct acc_table t[AN_DIM_COUNT] = {{0}};
	/* Seeds give each dimension its own order among equal counts. */
	for (size_t i = 0; i < an->categories.n; i++)
		acc_get(&t[AN_CATEGORY], an->categories.items[i].code,
		        an->categories.items[i].name);
	for (size_t i = 0; i < an->actors.n; i++)
		acc_get(&t[AN_ACTOR], an->actors.items[i].uuid, an->actors.items[i].name);
	for (int b = 0; b < AN_AGE_BANDS; b++)
		acc_get(&t[AN_AGE_BAND], an_age_band_code(b), an_age_band_label(b));
	/* One row per age, named by what changes there: "at 18 years: Myndig; BUP slutar". */
	for (size_t i = 0; i < an->thresholds.n; i++) {
		int age = an->thresholds.items[i].age;
		if (i > 0 && an->thresholds.items[i - 1].age == age)
			continue;
		char *what = xstrdup("");
		for (size_t k = i; k < an->thresholds.n && an->thresholds.items[k].age == age;
		     k++) {
			char *next = xasprintf("%s%s%s", what, *what ? "; " : "",
			                       an->thresholds.items[k].label);
			free(what);
			what = next;
		}
		char code[16];
		snprintf(code, sizeof code, "%d", age);
		char *label = xasprintf(_("at %d years: %s"), age, what);
		acc_get(&t[AN_THRESHOLD], code, label);
		free(label);
		free(what);
	}
	for (int d = 0; d < DOMAIN_COUNT; d++)
		acc_get(&t[AN_DOMAIN], m_domain_code(d), m_domain_label(d));
	for (int l = 0; l < LEVEL_COUNT; l++)
		acc_get(&t[AN_LEVEL], m_level_code(l), m_level_label(l));
	for (int s = 0; s < GAP_STATUS_COUNT; s++)
		acc_get(&t[AN_STATUS], m_gap_status_code(s), m_gap_status_label(s));

	an->matrix = xcalloc(an->actors.n * an->categories.n + 1, sizeof *an->matrix);
	for (size_t i = 0; i < an->n_gaps; i++) {
		const struct an_gap *g = &an->gaps[i];
		if (g->category)
			acc_count(acc_get(&t[AN_CATEGORY], g->category->code, NULL), g);
		long ci = g->category ? (long)(g->category - an->categories.items) : -1;
		for (size_t a = 0; a < an->actors.n; a++) {
			const struct m_actor *actor = &an->actors.items[a];
			bool inv = false, could = false;
			for (size_t k = 0; k < g->gap->n_actors; k++) {
				if (g->gap->actors[k].actor_id != actor->id)
					continue;
				if (g->gap->actors[k].role == GAR_INVOLVED)
					inv = true;
				else
					could = true;
			}
			if (!inv && !could)
				continue;
			struct acc *r = acc_get(&t[AN_ACTOR], actor->uuid, NULL);
			acc_count(r, g);
			r->row.involved += inv;
			r->row.could += could;
			if (ci >= 0)
				an->matrix[a * an->categories.n + (size_t)ci]++;
		}
		if (g->broken) {
			const struct m_actor *f = m_actor_find(&an->actors, g->broken->from_actor);
			const struct m_actor *to = m_actor_find(&an->actors, g->broken->to_actor);
			char *code = xasprintf("%s>%s", f ? f->uuid : "?", to ? to->uuid : "?");
			char *label = xasprintf("%s → %s", f ? f->name : "?", to ? to->name : "?");
			acc_count(acc_get(&t[AN_PAIR], code, label), g);
			free(code);
			free(label);
		}
		char *band = xstrdup(an_age_band_code(g->band));
		acc_count(acc_get(&t[AN_AGE_BAND], band, an_age_band_label(g->band)), g);
		free(band);
		if (g->threshold >= 0) {
			char code[16];
			snprintf(code, sizeof code, "%d", g->threshold);
			acc_count(acc_get(&t[AN_THRESHOLD], code, NULL), g);
		}
		enum m_domain d = g->step ? g->step->domain : DOMAIN_NONE;
		acc_count(acc_get(&t[AN_DOMAIN], m_domain_code(d), NULL), g);
		acc_count(acc_get(&t[AN_LEVEL], m_level_code(g->gap->level), NULL), g);
		acc_count(acc_get(&t[AN_STATUS], m_gap_status_code(g->gap->status), NULL), g);
	}
	acc_finish(&t[AN_CATEGORY], &an->tables[AN_CATEGORY], true, true);
	acc_finish(&t[AN_ACTOR], &an->tables[AN_ACTOR], true, false);
	acc_finish(&t[AN_PAIR], &an->tables[AN_PAIR], true, false);
	acc_finish(&t[AN_AGE_BAND], &an->tables[AN_AGE_BAND], false, false);
	acc_finish(&t[AN_THRESHOLD], &an->tables[AN_THRESHOLD], false, false);
	acc_finish(&t[AN_DOMAIN], &an->tables[AN_DOMAIN], true, false);
	acc_finish(&t[AN_LEVEL], &an->tables[AN_LEVEL], false, true);
	acc_finish(&t[AN_STATUS], &an->tables[AN_STATUS], false, true);
}

/* ---- patterns ------------------------------------------------------------------------------- */

/* What one gap is: its category, threshold, broken hand-over and involved actors. f has room for
 * 3 + the gap's actors. */
static size_t gap_features(const struct an_gap *g, struct pt_feature *f)
{
	size_t n = 0;
	f[n++] = (struct pt_feature){ANF_CATEGORY, g->gap->category_id, 0, 0};
	if (g->threshold >= 0)
		f[n++] = (struct pt_feature){ANF_THRESHOLD, 0, 0, g->threshold};
	if (g->broken)
		f[n++] =
		    (struct pt_feature){ANF_PAIR, g->broken->from_actor, g->broken->to_actor, 0};
	for (size_t a = 0; a < g->gap->n_actors; a++)
		if (g->gap->actors[a].role == GAR_INVOLVED)
			f[n++] = (struct pt_feature){ANF_ACTOR, g->gap->actors[a].actor_id, 0, 0};
	return n;
}

/* What gaps are gathered by: the category alone, with an involved actor, with the threshold; a
 * broken hand-over's pair with the category, alone, and with the threshold. k has room for
 * 5 + the gap's actors. */
static size_t gap_keys(const struct an_gap *g, struct pt_key *k)
{
	const struct pt_feature cat = {ANF_CATEGORY, g->gap->category_id, 0, 0};
	const struct pt_feature age = {ANF_THRESHOLD, 0, 0, g->threshold};
	size_t n = 0;
	k[n++] = (struct pt_key){{cat}, 1};
	for (size_t a = 0; a < g->gap->n_actors; a++)
		if (g->gap->actors[a].role == GAR_INVOLVED)
			k[n++] = (struct pt_key){
			    {cat, {ANF_ACTOR, g->gap->actors[a].actor_id, 0, 0}}, 2};
	if (g->threshold >= 0)
		k[n++] = (struct pt_key){{cat, age}, 2};
	if (g->broken) {
		const struct pt_feature pair = {ANF_PAIR, g->broken->from_actor,
		                                g->broken->to_actor, 0};
		k[n++] = (struct pt_key){{cat, pair}, 2};
		k[n++] = (struct pt_key){{pair}, 1};
		if (g->threshold >= 0)
			k[n++] = (struct pt_key){{pair, age}, 2};
	}
	return n;
}

static size_t actor_rank(const struct analysis *an, m_id id)
{
	const struct m_actor *a = m_actor_find(&an->actors, id);
	return a ? (size_t)(a - an->actors.items) : SIZE_MAX;
}

static const struct analysis *sort_an; /* qsort has no context argument in C11 */

static int cmp_feature(const void *pa, const void *pb)
{
	const struct pt_feature *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == ANF_ACTOR) {
		size_t ra = actor_rank(sort_an, a->id), rb = actor_rank(sort_an, b->id);
		return ra < rb ? -1 : ra > rb;
	}
	return 0;
}

static const char *actor_name(const struct analysis *an, m_id id)
{
	const struct m_actor *a = m_actor_find(&an->actors, id);
	return a ? a->name : "?";
}

static char *pattern_label(const struct analysis *an, const struct an_pattern *p)
{
	char *label = xstrdup("");
	bool first_actor = true;
	for (size_t i = 0; i < p->n_features; i++) {
		const struct pt_feature *f = &p->features[i];
		char *part = NULL;
		switch (f->kind) {
		case ANF_CATEGORY: {
			const struct m_category *c = m_category_find(&an->categories, f->id);
			part = xstrdup(c ? c->name : "?");
			break;
		}
		case ANF_THRESHOLD:
			part = xasprintf(_("at %d"), f->age);
			break;
		case ANF_PAIR:
			part = xasprintf(_("hand-over %s → %s"), actor_name(an, f->id),
			                 actor_name(an, f->to));
			break;
		case ANF_ACTOR:
			part = first_actor ? xasprintf(_("involving %s"), actor_name(an, f->id))
			                   : xstrdup(actor_name(an, f->id));
			first_actor = false;
			break;
		}
		label = pattern_label_add(label, part);
	}
	return label;
}

static int cmp_pattern(const void *pa, const void *pb)
{
	const struct an_pattern *a = pa, *b = pb;
	if (a->cases != b->cases)
		return a->cases > b->cases ? -1 : 1;
	if (a->n_gaps != b->n_gaps)
		return a->n_gaps > b->n_gaps ? -1 : 1;
	if (a->severity_max != b->severity_max)
		return a->severity_max > b->severity_max ? -1 : 1;
	if (a->votes != b->votes)
		return a->votes > b->votes ? -1 : 1;
	if (a->n_features != b->n_features)
		return a->n_features > b->n_features ? -1 : 1;
	return strcmp(a->label, b->label);
}

static void find_patterns(struct analysis *an)
{
	struct pt_item *items = xcalloc(an->n_gaps + 1, sizeof *items);
	for (size_t i = 0; i < an->n_gaps; i++) {
		const struct an_gap *g = &an->gaps[i];
		struct pt_feature *f = xcalloc(3 + g->gap->n_actors, sizeof *f);
		struct pt_key *k = xcalloc(5 + g->gap->n_actors, sizeof *k);
		items[i] =
		    (struct pt_item){g->case_index, f, gap_features(g, f), k, gap_keys(g, k)};
	}
	struct pt_list found;
	pattern_find(items, an->n_gaps, &found);
	pattern_items_free(items, an->n_gaps);

	an->patterns = xcalloc(found.n + 1, sizeof *an->patterns);
	sort_an = an;
	for (size_t i = 0; i < found.n; i++) {
		struct pt_pattern *f = &found.items[i];
		struct an_pattern *p = &an->patterns[an->n_patterns++];
		p->features = f->features;
		p->n_features = f->n_features;
		p->gaps = f->items;
		p->n_gaps = f->n_items;
		p->cases = f->cases;
		qsort(p->features, p->n_features, sizeof *p->features, cmp_feature);
		for (size_t k = 0; k < p->n_gaps; k++) {
			const struct an_gap *g = &an->gaps[p->gaps[k]];
			p->votes += g->votes;
			if (g->gap->severity > p->severity_max)
				p->severity_max = g->gap->severity;
		}
		char *label = pattern_label(an, p);
		p->label = text_sanitize(label, 0);
		free(label);
	}
	free(found.items); /* the patterns' arrays are the analysis' now */
	if (an->n_patterns)
		qsort(an->patterns, an->n_patterns, sizeof *an->patterns, cmp_pattern);
}

/* ---- the whole -------------------------------------------------------------------------------- */

void an_input_clear(struct an_input *in)
{
	for (size_t i = 0; i < in->n_journeys; i++)
		m_journey_clear(&in->journeys[i]);
	free(in->journeys);
	m_actor_list_clear(&in->actors);
	m_category_list_clear(&in->categories);
	m_threshold_list_clear(&in->thresholds);
	m_vote_total_list_clear(&in->votes);
	memset(in, 0, sizeof *in);
}

void analysis_run(struct an_input *in, struct analysis *out)
{
	memset(out, 0, sizeof *out);
	out->journeys = in->journeys;
	out->n_journeys = in->n_journeys;
	out->actors = in->actors;
	out->categories = in->categories;
	out->thresholds = in->thresholds;
	struct m_vote_total_list votes = in->votes;
	memset(in, 0, sizeof *in);
	collect_gaps(out, &votes);
	m_vote_total_list_clear(&votes);
	count_all(out);
	find_patterns(out);
}

void analysis_clear(struct analysis *an)
{
	/* What analysis_run took over, given back to be freed. */
	struct an_input in = {.journeys = an->journeys,
	                      .n_journeys = an->n_journeys,
	                      .actors = an->actors,
	                      .categories = an->categories,
	                      .thresholds = an->thresholds};
	an_input_clear(&in);
	free(an->gaps);
	for (int d = 0; d < AN_DIM_COUNT; d++) {
		for (size_t i = 0; i < an->tables[d].n; i++) {
			free(an->tables[d].rows[i].code);
			free(an->tables[d].rows[i].label);
		}
		free(an->tables[d].rows);
	}
	free(an->matrix);
	for (size_t i = 0; i < an->n_patterns; i++) {
		free(an->patterns[i].label);
		free(an->patterns[i].features);
		free(an->patterns[i].gaps);
	}
	free(an->patterns);
	memset(an, 0, sizeof *an);
}
