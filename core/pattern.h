/* pattern.h - recurring patterns: what items of two or more cases share, as specific as those
 * items allow. The gap analysis (analysis.h) finds its patterns of gaps with it, the analysis of
 * what worked (worked.h) its patterns of interventions that helped; each says what its items are
 * (their features) and which few features are worth gathering items by (their keys).
 *
 * Items with the same key, in two or more cases, are a candidate; candidates with the very same
 * items are one pattern, whose features are every feature all its items have. So "age
 * transition" and "at 18" found by the same gaps are one pattern, "age transition, at 18". */
#ifndef MELLAN_PATTERN_H
#define MELLAN_PATTERN_H

#include "model.h"

#include <stddef.h>

/* One feature: a kind of the caller's own, and what it is of that kind (ids, an age). Two
 * features are the same when every field is. */
struct pt_feature {
	int kind;
	m_id id; /* a record's id, or a code's number */
	m_id to; /* a second id (the receiving actor of a hand-over) */
	int age;
};

#define PT_KEY_MAX 3
/* A combination of features worth a pattern: the first n of f, in any order. */
struct pt_key {
	struct pt_feature f[PT_KEY_MAX];
	size_t n;
};

/* What the finder is given of one item. Items come in the order of their cases: case_index never
 * goes down from one item to the next. */
struct pt_item {
	size_t case_index;
	const struct pt_feature *features; /* all it is */
	size_t n_features;
	const struct pt_key *keys; /* what it may be gathered by */
	size_t n_keys;
};

struct pt_pattern {
	struct pt_feature *features; /* shared by all its items, in the first item's order */
	size_t n_features;
	size_t *items; /* indexes into the items given, ascending */
	size_t n_items;
	int cases;
};

struct pt_list {
	struct pt_pattern *items;
	size_t n;
};

/* The patterns of items in two or more cases, in no particular order: the caller sorts them by
 * what matters to it. */
void pattern_find(const struct pt_item *items, size_t n, struct pt_list *out);
/* Frees every pattern and the array; the list is left empty. */
void pt_list_clear(struct pt_list *l);

/* Frees the items and the features and keys each was given (heap arrays, as the callers make). */
void pattern_items_free(struct pt_item *items, size_t n);

/* A pattern's label grown by one part: "label, part" (or part alone first). Takes both strings
 * and returns the new label. */
char *pattern_label_add(char *label, char *part);

/* The number of distinct cases among the items (indexes into items, ascending). */
int pattern_cases(const struct pt_item *items, const size_t *which, size_t n);

#endif
