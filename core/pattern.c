/* pattern.c - the recurring patterns of pattern.h: items gathered by each of their keys, the
 * gatherings that reach two or more cases, and one pattern for each set of items, with what all
 * of them share. */
#include "pattern.h"

#include "xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int cmp_feature(const struct pt_feature *a, const struct pt_feature *b)
{
	const int64_t va[4] = {a->kind, a->id, a->to, a->age};
	const int64_t vb[4] = {b->kind, b->id, b->to, b->age};
	for (int i = 0; i < 4; i++)
		if (va[i] != vb[i])
			return va[i] < vb[i] ? -1 : 1;
	return 0;
}

static bool same_feature(const struct pt_feature *a, const struct pt_feature *b)
{
	return cmp_feature(a, b) == 0;
}

static int cmp_feature_v(const void *a, const void *b)
{
	return cmp_feature(a, b);
}

static int cmp_key(const struct pt_key *a, const struct pt_key *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = 0; i < a->n; i++) {
		int c = cmp_feature(&a->f[i], &b->f[i]);
		if (c)
			return c;
	}
	return 0;
}

/* A key of one item, its features in one order so that equal keys compare equal. */
struct keyed {
	struct pt_key k;
	size_t item;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = cmp_key(&a->k, &b->k);
	if (c)
		return c;
	return a->item < b->item ? -1 : a->item > b->item;
}

/* The items of one key. */
struct cand {
	size_t *items;
	size_t n;
};

static int cmp_cand(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i] != b->items[i])
			return a->items[i] < b->items[i] ? -1 : 1;
	return 0;
}

int pattern_cases(const struct pt_item *items, const size_t *which, size_t n)
{
	int cases = 0;
	for (size_t i = 0; i < n; i++)
		cases += i == 0 || items[which[i]].case_index != items[which[i - 1]].case_index;
	return cases;
}

static bool has_feature(const struct pt_item *it, const struct pt_feature *f)
{
	for (size_t i = 0; i < it->n_features; i++)
		if (same_feature(&it->features[i], f))
			return true;
	return false;
}

/* Every feature all the items share, in the first item's order, each once. */
static void closure(const struct pt_item *items, const size_t *which, size_t n,
                    struct pt_pattern *p)
{
	const struct pt_item *first = &items[which[0]];
	p->features = xcalloc(first->n_features + 1, sizeof *p->features);
	for (size_t i = 0; i < first->n_features; i++) {
		const struct pt_feature *f = &first->features[i];
		bool all = true, seen = false;
		for (size_t k = 0; k < p->n_features; k++)
			seen |= same_feature(&p->features[k], f);
		for (size_t k = 1; all && k < n; k++)
			all = has_feature(&items[which[k]], f);
		if (all && !seen)
			p->features[p->n_features++] = *f;
	}
}

void pattern_find(const struct pt_item *items, size_t n, struct pt_list *out)
{
	memset(out, 0, sizeof *out);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		nv += items[i].n_keys;
	struct keyed *v = xcalloc(nv + 1, sizeof *v);
	nv = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < items[i].n_keys; k++) {
			struct keyed *e = &v[nv++];
			e->k = items[i].keys[k];
			if (e->k.n > PT_KEY_MAX)
				e->k.n = PT_KEY_MAX;
			qsort(e->k.f, e->k.n, sizeof e->k.f[0], cmp_feature_v);
			e->item = i;
		}
	if (nv)
		qsort(v, nv, sizeof *v, cmp_keyed);

	/* Keys shared by items of two or more cases. An item has a key once: its keys differ. */
	struct cand *cands = NULL;
	size_t nc = 0;
	for (size_t i = 0; i < nv;) {
		size_t j = i;
		while (j < nv && cmp_key(&v[j].k, &v[i].k) == 0)
			j++;
		size_t *which = xcalloc(j - i, sizeof *which);
		size_t m = 0;
		for (size_t k = i; k < j; k++)
			if (m == 0 || which[m - 1] != v[k].item)
				which[m++] = v[k].item;
		if (pattern_cases(items, which, m) >= 2) {
			cands = xreallocarray(cands, nc + 1, sizeof *cands);
			cands[nc++] = (struct cand){which, m};
		} else {
			free(which);
		}
		i = j;
	}
	free(v);
	if (nc)
		qsort(cands, nc, sizeof *cands, cmp_cand);

	/* Keys with the very same items are one pattern: each of its items has all their features. */
	out->items = xcalloc(nc + 1, sizeof *out->items);
	for (size_t i = 0; i < nc;) {
		size_t j = i;
		while (j < nc && cmp_cand(&cands[j], &cands[i]) == 0)
			j++;
		struct pt_pattern *p = &out->items[out->n++];
		closure(items, cands[i].items, cands[i].n, p);
		p->items = cands[i].items;
		p->n_items = cands[i].n;
		p->cases = pattern_cases(items, p->items, p->n_items);
		for (size_t k = i + 1; k < j; k++)
			free(cands[k].items);
		i = j;
	}
	free(cands);
}

void pt_list_clear(struct pt_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].features);
		free(l->items[i].items);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

void pattern_items_free(struct pt_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((void *)items[i].features);
		free((void *)items[i].keys);
	}
	free(items);
}

char *pattern_label_add(char *label, char *part)
{
	char *next = xasprintf("%s%s%s", label, *label ? ", " : "", part);
	free(label);
	free(part);
	return next;
}
