/* breakdown.c - the counts by municipality, area and gender of breakdown.h, and the grouping of
 * areas too small to name. */
#include "breakdown.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct acc {
	struct bd_row row;
	char *municipality; /* the area rows': whose other areas they would join */
	bool last;          /* "not known": after the rest */
};

struct accs {
	struct acc *v;
	size_t n;
};

static struct acc *get(struct accs *a, const char *label, const char *municipality, bool last)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].row.label, label) == 0)
			return &a->v[i];
	a->v = xreallocarray(a->v, a->n + 1, sizeof *a->v);
	struct acc *r = &a->v[a->n++];
	memset(r, 0, sizeof *r);
	r->row.label = text_sanitize(label, 0);
	r->municipality = municipality ? xstrdup(municipality) : NULL;
	r->last = last;
	return r;
}

static void count(struct acc *r, int gaps, int helped)
{
	r->row.cases++;
	r->row.gaps += gaps;
	r->row.helped += helped;
}

static int cmp_acc(const void *pa, const void *pb)
{
	const struct acc *a = pa, *b = pb;
	int la = a->last || a->row.grouped, lb = b->last || b->row.grouped;
	if (la != lb)
		return la - lb;
	if (a->row.cases != b->row.cases)
		return a->row.cases > b->row.cases ? -1 : 1;
	return text_collate_sv(a->row.label, strlen(a->row.label), b->row.label,
	                       strlen(b->row.label));
}

static void finish(struct accs *a, struct bd_table *out)
{
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, cmp_acc);
	out->rows = xcalloc(a->n + 1, sizeof *out->rows);
	for (size_t i = 0; i < a->n; i++) {
		out->rows[out->n++] = a->v[i].row;
		free(a->v[i].municipality);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

/* The areas with fewer than `small` cases, counted together in their municipality's row of
 * other areas. */
static void group_small(struct accs *areas, int small)
{
	struct accs kept = {0};
	for (size_t i = 0; i < areas->n; i++) {
		struct acc *r = &areas->v[i];
		if (r->last || r->row.cases >= small) {
			struct acc *k = get(&kept, r->row.label, r->municipality, r->last);
			k->row.cases += r->row.cases;
			k->row.gaps += r->row.gaps;
			k->row.helped += r->row.helped;
		} else {
			char *label = xasprintf(_("%s: other areas"), r->municipality);
			struct acc *g = get(&kept, label, r->municipality, false);
			free(label);
			g->row.grouped = true;
			g->row.cases += r->row.cases;
			g->row.gaps += r->row.gaps;
			g->row.helped += r->row.helped;
		}
		free(r->row.label);
		free(r->municipality);
	}
	free(areas->v);
	*areas = kept;
}

void breakdown_run(const struct analysis *an, const struct worked *w, const struct bd_case *cases,
                   int small, struct breakdown *out)
{
	memset(out, 0, sizeof *out);
	int *helped = xcalloc(an->n_journeys + 1, sizeof *helped);
	for (size_t i = 0; i < w->n_helps; i++)
		helped[w->helps[i].case_index]++;
	struct accs t[BD_DIM_COUNT] = {{0}};
	const char *unknown = _("not known");
	for (size_t c = 0; c < an->n_journeys; c++) {
		const struct bd_case *k = &cases[c];
		int gaps = (int)an->journeys[c].n_gaps;
		bool muni = k->municipality && *k->municipality;
		count(get(&t[BD_MUNICIPALITY], muni ? k->municipality : unknown, NULL, !muni), gaps,
		      helped[c]);
		if (muni && k->area && *k->area) {
			char *label = xasprintf("%s: %s", k->municipality, k->area);
			count(get(&t[BD_AREA], label, k->municipality, false), gaps, helped[c]);
			free(label);
		} else {
			count(get(&t[BD_AREA], unknown, NULL, true), gaps, helped[c]);
		}
		enum m_gender g = k->gender < GENDER_COUNT ? k->gender : GENDER_UNKNOWN;
		count(get(&t[BD_GENDER], g == GENDER_UNKNOWN ? unknown : m_gender_label(g), NULL,
		          g == GENDER_UNKNOWN),
		      gaps, helped[c]);
	}
	free(helped);
	if (small > 0)
		group_small(&t[BD_AREA], small);
	for (int d = 0; d < BD_DIM_COUNT; d++)
		finish(&t[d], &out->tables[d]);
}

void breakdown_clear(struct breakdown *b)
{
	for (int d = 0; d < BD_DIM_COUNT; d++) {
		for (size_t i = 0; i < b->tables[d].n; i++)
			free(b->tables[d].rows[i].label);
		free(b->tables[d].rows);
	}
	memset(b, 0, sizeof *b);
}
