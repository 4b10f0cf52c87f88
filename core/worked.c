/* worked.c - the analysis of what worked (worked.h): the helpful interventions and their counts,
 * the protective factors and who was there, the lasting adults, and their recurring patterns. */
#include "worked.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *label;
} dims[WK_DIM_COUNT] = {
    [WK_ACTOR] = {"actor", N_("What helped, by actor")},
    [WK_THEME] = {"theme", N_("What helped, by theme")},
};

const char *wk_dim_code(enum wk_dim d)
{
	return d < WK_DIM_COUNT ? dims[d].code : "";
}

const char *wk_dim_label(enum wk_dim d)
{
	return d < WK_DIM_COUNT ? _(dims[d].label) : "";
}

/* ---- where things are in a journey ---------------------------------------------------------- */

static size_t actor_index(const struct analysis *an, m_id id)
{
	const struct m_actor *a = m_actor_find(&an->actors, id);
	return a ? (size_t)(a - an->actors.items) : SIZE_MAX;
}

/* The steps an intervention spans, as indexes into the story; false when its step is gone. */
static bool iv_span(const struct m_journey *j, const struct m_intervention *iv, long *from,
                    long *to)
{
	*from = analysis_step_index(j, iv->step_from);
	*to = analysis_step_index(j, iv->step_to);
	if (*from < 0)
		return false;
	if (*to < *from)
		*to = *from;
	return true;
}

static int year_of(const char *iso)
{
	return iso ? atoi(iso) : 0;
}

/* ---- the helpful interventions -------------------------------------------------------------- */

static int cmp_help(const void *pa, const void *pb)
{
	const struct wk_help *a = pa, *b = pb;
	if (a->case_index != b->case_index)
		return a->case_index < b->case_index ? -1 : 1;
	long sa = a->step ? (long)(a->step - a->journey->steps) : LONG_MAX;
	long sb = b->step ? (long)(b->step - b->journey->steps) : LONG_MAX;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return a->iv->id < b->iv->id ? -1 : a->iv->id > b->iv->id;
}

static void collect_helps(const struct analysis *an, struct worked *w)
{
	size_t n = 0;
	for (size_t c = 0; c < an->n_journeys; c++)
		n += an->journeys[c].n_interventions;
	w->helps = xcalloc(n + 1, sizeof *w->helps);
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_journey *j = &an->journeys[c];
		for (size_t i = 0; i < j->n_interventions; i++) {
			const struct m_intervention *iv = &j->interventions[i];
			if (iv->effect <= 0)
				continue;
			struct wk_help *h = &w->helps[w->n_helps++];
			long from, to;
			h->iv = iv;
			h->journey = j;
			h->case_index = c;
			h->step = iv_span(j, iv, &from, &to) ? &j->steps[from] : NULL;
			h->actor = m_actor_find(&an->actors, iv->actor_id);
			h->theme = m_theme_of_domain(h->step ? h->step->domain : DOMAIN_NONE);
			h->age = analysis_age_at(j, h->step);
			h->band = an_age_band_of(h->age);
		}
	}
	qsort(w->helps, w->n_helps, sizeof *w->helps, cmp_help);
}

/* ---- counts by actor and theme -------------------------------------------------------------- */

struct acc {
	struct wk_row row;
	size_t last_case; /* case index + 1; 0 for none yet */
	size_t order;
};

static int cmp_acc(const void *pa, const void *pb)
{
	const struct acc *a = pa, *b = pb;
	if (a->row.helped != b->row.helped)
		return a->row.helped > b->row.helped ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void acc_count(struct acc *r, const struct wk_help *h)
{
	r->row.helped++;
	r->row.strong += h->iv->effect >= 2;
	if (r->last_case != h->case_index + 1) {
		r->row.cases++;
		r->last_case = h->case_index + 1;
	}
}

/* The rows with something counted, most first; frees the accumulators. */
static void acc_finish(struct acc *a, size_t n, struct wk_table *out)
{
	qsort(a, n, sizeof *a, cmp_acc);
	out->rows = xcalloc(n + 1, sizeof *out->rows);
	for (size_t i = 0; i < n; i++) {
		if (a[i].row.helped)
			out->rows[out->n++] = a[i].row;
		else {
			free(a[i].row.code);
			free(a[i].row.label);
		}
	}
	free(a);
}

static void count_helps(const struct analysis *an, struct worked *w)
{
	struct acc *actors = xcalloc(an->actors.n + 1, sizeof *actors);
	for (size_t i = 0; i < an->actors.n; i++) {
		actors[i].row.code = xstrdup(an->actors.items[i].uuid);
		actors[i].row.label = text_sanitize(an->actors.items[i].name, 0);
		actors[i].order = i;
	}
	struct acc *themes = xcalloc(THEME_COUNT, sizeof *themes);
	for (int t = 0; t < THEME_COUNT; t++) {
		themes[t].row.code = xstrdup(m_theme_code(t));
		themes[t].row.label = xstrdup(m_theme_label(t));
		/* The themes in their own order, the none last. */
		themes[t].order = t == THEME_NONE ? THEME_COUNT : (size_t)t;
	}
	for (size_t i = 0; i < w->n_helps; i++) {
		const struct wk_help *h = &w->helps[i];
		if (h->actor)
			acc_count(&actors[h->actor - an->actors.items], h);
		acc_count(&themes[h->theme], h);
	}
	acc_finish(actors, an->actors.n, &w->tables[WK_ACTOR]);
	acc_finish(themes, THEME_COUNT, &w->tables[WK_THEME]);
}

/* ---- actors present at a step --------------------------------------------------------------- */

/* Whether an actor made an intervention spanning step s of journey j. */
static bool present(const struct m_journey *j, m_id actor, long s)
{
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		long from, to;
		if (iv->actor_id == actor && iv->kind == IV_MADE && iv_span(j, iv, &from, &to) &&
		    from <= s && s <= to)
			return true;
	}
	return false;
}

/* ---- protective factors --------------------------------------------------------------------- */

struct fgroup {
	char *key;
	struct wk_factor f;
	size_t last_case;
	int *at_actor; /* steps per actor index */
};

static struct fgroup *fgroup_get(struct fgroup **v, size_t *n, const char *text, size_t n_actors)
{
	char *key = text_fold(text);
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].key, key) == 0) {
			free(key);
			return &(*v)[i];
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	struct fgroup *g = &(*v)[(*n)++];
	memset(g, 0, sizeof *g);
	g->key = key;
	g->f.label = text_sanitize(text, 0);
	g->at_actor = xcalloc(n_actors + 1, sizeof *g->at_actor);
	return g;
}

static int cmp_factor(const void *pa, const void *pb)
{
	const struct wk_factor *a = pa, *b = pb;
	if (a->cases != b->cases)
		return a->cases > b->cases ? -1 : 1;
	if (a->steps != b->steps)
		return a->steps > b->steps ? -1 : 1;
	return text_collate_sv(a->label, strlen(a->label), b->label, strlen(b->label));
}

static int cmp_presence(const void *pa, const void *pb)
{
	const struct wk_presence *a = pa, *b = pb;
	if (a->steps != b->steps)
		return a->steps > b->steps ? -1 : 1;
	return a->actor < b->actor ? -1 : a->actor > b->actor;
}

static void collect_factors(const struct analysis *an, struct worked *w)
{
	struct fgroup *v = NULL;
	size_t n = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct m_journey *j = &an->journeys[c];
		for (size_t s = 0; s < j->n_steps; s++) {
			const struct m_step *st = &j->steps[s];
			for (size_t k = 0; k < st->n_factors; k++) {
				const struct m_factor *f = &st->factors[k];
				if (f->kind != FACTOR_PROTECTIVE || !f->text || !*f->text)
					continue;
				struct fgroup *g = fgroup_get(&v, &n, f->text, an->actors.n);
				g->f.steps++;
				if (g->last_case != c + 1) {
					g->f.cases++;
					g->last_case = c + 1;
				}
				for (size_t a = 0; a < an->actors.n; a++)
					g->at_actor[a] +=
					    present(j, an->actors.items[a].id, (long)s);
			}
		}
	}
	w->factors = xcalloc(n + 1, sizeof *w->factors);
	for (size_t i = 0; i < n; i++) {
		struct wk_factor *f = &w->factors[w->n_factors++];
		*f = v[i].f;
		f->actors = xcalloc(an->actors.n + 1, sizeof *f->actors);
		for (size_t a = 0; a < an->actors.n; a++)
			if (v[i].at_actor[a])
				f->actors[f->n_actors++] =
				    (struct wk_presence){a, v[i].at_actor[a]};
		qsort(f->actors, f->n_actors, sizeof *f->actors, cmp_presence);
		free(v[i].key);
		free(v[i].at_actor);
	}
	free(v);
	qsort(w->factors, w->n_factors, sizeof *w->factors, cmp_factor);
}

/* 1 + the index of the factor whose words these are; 0 when none. */
static m_id factor_id(const struct worked *w, const char *text)
{
	char *key = text_fold(text);
	m_id id = 0;
	for (size_t i = 0; !id && i < w->n_factors; i++) {
		char *k = text_fold(w->factors[i].label);
		if (strcmp(k, key) == 0)
			id = (m_id)i + 1;
		free(k);
	}
	free(key);
	return id;
}

/* ---- lasting adults ------------------------------------------------------------------------- */

static void adult_span(const struct analysis *an, const struct m_journey *j, m_id actor, long from,
                       long to, struct wk_adult *a)
{
	a->first = &j->steps[from];
	a->last = &j->steps[to];
	a->steps = (size_t)(to - from + 1);
	a->age_from = analysis_age_at(j, a->first);
	a->age_to = analysis_age_at(j, a->last);
	int y0 = year_of(a->first->sort_from);
	int y1 = year_of(a->last->sort_to ? a->last->sort_to : a->last->sort_from);
	a->years = y0 > 0 && y1 >= y0 ? y1 - y0 : -1;
	/* Each age where rules change, once, however many thresholds name it. */
	for (size_t t = 0; a->age_from >= 0 && a->age_to >= 0 && t < an->thresholds.n; t++) {
		int age = an->thresholds.items[t].age;
		if (t > 0 && an->thresholds.items[t - 1].age == age)
			continue;
		a->thresholds += age > a->age_from && age <= a->age_to;
	}
	for (size_t h = 0; h < j->n_handovers; h++) {
		const struct m_handover *ho = &j->handovers[h];
		long at = analysis_step_index(j, ho->step_id);
		a->handovers +=
		    at >= from && at <= to && ho->from_actor != actor && ho->to_actor != actor;
	}
}

struct span {
	long from, to;
};

static int cmp_span(const void *pa, const void *pb)
{
	const struct span *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

/* An actor's presence in one journey: the steps its interventions made reach, in runs without a
 * break (interventions that overlap or meet at a step are one run). The longest run that lasts
 * is its lasting span. */
static bool lasting_span(const struct analysis *an, const struct m_journey *j, m_id actor,
                         struct wk_adult *best)
{
	struct span *v = xcalloc(j->n_interventions + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		if (iv->actor_id == actor && iv->kind == IV_MADE &&
		    iv_span(j, iv, &v[n].from, &v[n].to))
			n++;
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_span);
	bool found = false;
	for (size_t i = 0; i < n;) {
		struct span run = v[i++];
		while (i < n && v[i].from <= run.to) {
			if (v[i].to > run.to)
				run.to = v[i].to;
			i++;
		}
		struct wk_adult a = {.case_index = best->case_index, .actor = best->actor};
		adult_span(an, j, actor, run.from, run.to, &a);
		if (a.years < WK_LASTING_YEARS || a.thresholds + a.handovers < 1)
			continue;
		if (!found || a.years > best->years) {
			*best = a;
			found = true;
		}
	}
	free(v);
	return found;
}

static void find_adults(const struct analysis *an, struct worked *w)
{
	size_t cap = 0;
	for (size_t c = 0; c < an->n_journeys; c++) {
		for (size_t a = 0; a < an->actors.n; a++) {
			struct wk_adult ad = {.case_index = c, .actor = a};
			if (!lasting_span(an, &an->journeys[c], an->actors.items[a].id, &ad))
				continue;
			if (w->n_adults == cap) {
				cap = cap ? cap * 2 : 8;
				w->adults = xreallocarray(w->adults, cap, sizeof *w->adults);
			}
			w->adults[w->n_adults++] = ad;
		}
	}
}

static int cmp_adult(const void *pa, const void *pb)
{
	const struct wk_adult *a = pa, *b = pb;
	if (a->case_index != b->case_index)
		return a->case_index < b->case_index ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->actor < b->actor ? -1 : a->actor > b->actor;
}

static bool is_lasting(const struct worked *w, size_t c, size_t actor)
{
	for (size_t i = 0; i < w->n_adults; i++)
		if (w->adults[i].case_index == c && w->adults[i].actor == actor)
			return true;
	return false;
}

/* ---- patterns ------------------------------------------------------------------------------- */

/* What a helpful intervention is: its actor, whether that actor lasted, its theme and age band,
 * and the protective factors at the step it starts at. f has room for 4 + the step's factors. */
static size_t help_features(const struct worked *w, const struct wk_help *h, struct pt_feature *f)
{
	size_t n = 0;
	if (h->actor)
		f[n++] = (struct pt_feature){WKF_ACTOR, h->actor->id, 0, 0};
	if (h->lasting)
		f[n++] = (struct pt_feature){WKF_LASTING, 1, 0, 0};
	if (h->theme != THEME_NONE)
		f[n++] = (struct pt_feature){WKF_THEME, h->theme, 0, 0};
	if (h->band >= 0)
		f[n++] = (struct pt_feature){WKF_BAND, h->band, 0, 0};
	for (size_t k = 0; h->step && k < h->step->n_factors; k++) {
		const struct m_factor *fa = &h->step->factors[k];
		m_id id = fa->kind == FACTOR_PROTECTIVE && fa->text ? factor_id(w, fa->text) : 0;
		bool seen = false;
		for (size_t i = 0; i < n; i++)
			seen |= f[i].kind == WKF_FACTOR && f[i].id == id;
		if (id && !seen)
			f[n++] = (struct pt_feature){WKF_FACTOR, id, 0, 0};
	}
	return n;
}

/* What helpful interventions are gathered by: the actor; a lasting adult; the theme, alone and
 * with the age band; each protective factor. k has room for as many keys as features. */
static size_t help_keys(const struct pt_feature *f, size_t nf, struct pt_key *k)
{
	size_t n = 0;
	const struct pt_feature *theme = NULL, *band = NULL;
	for (size_t i = 0; i < nf; i++) {
		if (f[i].kind == WKF_THEME)
			theme = &f[i];
		else if (f[i].kind == WKF_BAND)
			band = &f[i];
		else
			k[n++] = (struct pt_key){{f[i]}, 1};
	}
	if (theme)
		k[n++] = (struct pt_key){{*theme}, 1};
	if (theme && band)
		k[n++] = (struct pt_key){{*theme, *band}, 2};
	return n;
}

static const struct analysis *sort_an; /* qsort has no context argument in C11 */

static int cmp_feature(const void *pa, const void *pb)
{
	const struct pt_feature *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == WKF_ACTOR) {
		size_t ra = actor_index(sort_an, a->id), rb = actor_index(sort_an, b->id);
		return ra < rb ? -1 : ra > rb;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static char *pattern_label(const struct analysis *an, const struct worked *w,
                           const struct wk_pattern *p)
{
	char *label = xstrdup("");
	for (size_t i = 0; i < p->n_features; i++) {
		const struct pt_feature *f = &p->features[i];
		char *part = NULL;
		switch ((enum wk_feature_kind)f->kind) {
		case WKF_ACTOR: {
			const struct m_actor *a = m_actor_find(&an->actors, f->id);
			part = xstrdup(a ? a->name : "?");
			break;
		}
		case WKF_LASTING:
			part = xstrdup(_("a lasting adult"));
			break;
		case WKF_THEME:
			part = xstrdup(m_theme_label((enum m_theme)f->id));
			break;
		case WKF_BAND:
			part = xstrdup(an_age_band_label((int)f->id));
			break;
		case WKF_FACTOR:
			part = xasprintf(_("with “%s”"), w->factors[f->id - 1].label);
			break;
		}
		label = pattern_label_add(label, part);
	}
	return label;
}

static int cmp_pattern(const void *pa, const void *pb)
{
	const struct wk_pattern *a = pa, *b = pb;
	if (a->cases != b->cases)
		return a->cases > b->cases ? -1 : 1;
	if (a->n_helps != b->n_helps)
		return a->n_helps > b->n_helps ? -1 : 1;
	if (a->strong != b->strong)
		return a->strong > b->strong ? -1 : 1;
	if (a->n_features != b->n_features)
		return a->n_features > b->n_features ? -1 : 1;
	return strcmp(a->label, b->label);
}

static void find_patterns(const struct analysis *an, struct worked *w)
{
	struct pt_item *items = xcalloc(w->n_helps + 1, sizeof *items);
	for (size_t i = 0; i < w->n_helps; i++) {
		const struct wk_help *h = &w->helps[i];
		size_t room = 4 + (h->step ? h->step->n_factors : 0);
		struct pt_feature *f = xcalloc(room, sizeof *f);
		struct pt_key *k = xcalloc(room + 1, sizeof *k);
		size_t nf = help_features(w, h, f);
		items[i] = (struct pt_item){h->case_index, f, nf, k, help_keys(f, nf, k)};
	}
	struct pt_list found;
	pattern_find(items, w->n_helps, &found);
	pattern_items_free(items, w->n_helps);

	w->patterns = xcalloc(found.n + 1, sizeof *w->patterns);
	sort_an = an;
	for (size_t i = 0; i < found.n; i++) {
		struct pt_pattern *f = &found.items[i];
		struct wk_pattern *p = &w->patterns[w->n_patterns++];
		p->features = f->features;
		p->n_features = f->n_features;
		p->helps = f->items;
		p->n_helps = f->n_items;
		p->cases = f->cases;
		qsort(p->features, p->n_features, sizeof *p->features, cmp_feature);
		for (size_t k = 0; k < p->n_helps; k++)
			p->strong += w->helps[p->helps[k]].iv->effect >= 2;
		char *label = pattern_label(an, w, p);
		p->label = text_sanitize(label, 0);
		free(label);
	}
	free(found.items); /* the patterns' arrays are ours now */
	if (w->n_patterns)
		qsort(w->patterns, w->n_patterns, sizeof *w->patterns, cmp_pattern);
}

/* ---- the whole ------------------------------------------------------------------------------ */

void worked_run(const struct analysis *an, struct worked *out)
{
	memset(out, 0, sizeof *out);
	collect_helps(an, out);
	count_helps(an, out);
	collect_factors(an, out);
	find_adults(an, out);
	if (out->n_adults)
		qsort(out->adults, out->n_adults, sizeof *out->adults, cmp_adult);
	for (size_t i = 0; i < out->n_helps; i++) {
		struct wk_help *h = &out->helps[i];
		h->lasting = h->actor &&
		             is_lasting(out, h->case_index, (size_t)(h->actor - an->actors.items));
	}
	find_patterns(an, out);
}

void worked_clear(struct worked *w)
{
	for (int d = 0; d < WK_DIM_COUNT; d++) {
		for (size_t i = 0; i < w->tables[d].n; i++) {
			free(w->tables[d].rows[i].code);
			free(w->tables[d].rows[i].label);
		}
		free(w->tables[d].rows);
	}
	for (size_t i = 0; i < w->n_factors; i++) {
		free(w->factors[i].label);
		free(w->factors[i].actors);
	}
	for (size_t i = 0; i < w->n_patterns; i++) {
		free(w->patterns[i].label);
		free(w->patterns[i].features);
		free(w->patterns[i].helps);
	}
	free(w->helps);
	free(w->factors);
	free(w->adults);
	free(w->patterns);
	memset(w, 0, sizeof *w);
}
