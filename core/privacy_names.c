/* privacy_names.c - the alliance's own list of names: the real young people, their families, the
 * staff in the room. A name is found as whole words in any case (Åsa = åsa = ÅSA), its words
 * separated by any white space, and with the genitive a Swedish or English text puts on it
 * ("Åsas mamma", "Max:s bror", "Anna's school"). */
#include "privacy_int.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct pname {
	uint32_t *cp; /* folded; one ' ' between words */
	size_t n;
};

#define BUCKETS 64

/* Names by their first letter, so a word is compared only with the names it could start. */
struct privacy_names {
	struct pname *items;
	size_t n;
	size_t *order;             /* indices into items, grouped by bucket */
	size_t first[BUCKETS + 1]; /* bucket b is order[first[b] .. first[b + 1]) */
};

static size_t bucket(uint32_t folded)
{
	return folded % BUCKETS;
}

static bool white(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F;
}

/* The folded code points of s with white space runs as one ' ' and none at the ends. */
static struct pname fold_name(const char *s)
{
	size_t n = strlen(s), len;
	struct pname p = {xcalloc(n + 1, sizeof(uint32_t)), 0};
	bool gap = false;
	for (size_t i = 0; i < n; i += len) {
		uint32_t cp = priv_cp(s, n, i, &len);
		if (white(cp)) {
			gap = p.n > 0;
			continue;
		}
		if (gap)
			p.cp[p.n++] = ' ';
		gap = false;
		p.cp[p.n++] = priv_fold(cp);
	}
	return p;
}

bool privacy_same_name(const char *a, const char *b)
{
	struct pname x = fold_name(a ? a : ""), y = fold_name(b ? b : "");
	bool same = x.n == y.n && memcmp(x.cp, y.cp, x.n * sizeof *x.cp) == 0;
	free(x.cp);
	free(y.cp);
	return same;
}

struct privacy_names *privacy_names_new(const char *const *names, size_t n)
{
	struct privacy_names *p = xcalloc(1, sizeof *p);
	p->items = xcalloc(n ? n : 1, sizeof *p->items);
	for (size_t i = 0; i < n; i++) {
		struct pname one = fold_name(names[i] ? names[i] : "");
		if (one.n)
			p->items[p->n++] = one;
		else
			free(one.cp);
	}
	p->order = xcalloc(p->n ? p->n : 1, sizeof *p->order);
	size_t count[BUCKETS] = {0};
	for (size_t i = 0; i < p->n; i++)
		count[bucket(p->items[i].cp[0])]++;
	for (size_t b = 0; b < BUCKETS; b++)
		p->first[b + 1] = p->first[b] + count[b];
	size_t fill[BUCKETS];
	memcpy(fill, p->first, sizeof fill);
	for (size_t i = 0; i < p->n; i++)
		p->order[fill[bucket(p->items[i].cp[0])]++] = i;
	return p;
}

void privacy_names_free(struct privacy_names **pp)
{
	struct privacy_names *p = *pp;
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].cp);
	free(p->items);
	free(p->order);
	free(p);
	*pp = NULL;
}

/* The end of name at s[i], or 0 when it is not there. */
static size_t match(const char *s, size_t n, size_t i, const struct pname *name)
{
	size_t p = i, len;
	for (size_t k = 0; k < name->n; k++) {
		if (name->cp[k] == ' ') {
			size_t q = p;
			uint32_t cp;
			while ((cp = priv_cp(s, n, q, &len)) && white(cp))
				q += len;
			if (q == p)
				return 0;
			p = q;
			continue;
		}
		if (priv_fold(priv_cp(s, n, p, &len)) != name->cp[k] || !len)
			return 0;
		p += len;
	}
	/* the genitive: Åsas, Max:s, Anna's, Anna’s */
	size_t g = p;
	if (g < n && (s[g] == 's' || s[g] == 'S'))
		g++;
	else if (g + 1 < n && (s[g] == ':' || s[g] == '\'') && s[g + 1] == 's')
		g += 2;
	else if (g + 3 < n && memcmp(s + g, "\xE2\x80\x99s", 4) == 0)
		g += 4;
	if (g > p && !priv_word(priv_cp(s, n, g, &len)))
		return g;
	return priv_word(priv_cp(s, n, p, &len)) ? 0 : p;
}

void priv_detect_names(const char *s, size_t n, const struct privacy_names *names,
                       struct privacy_findings *f)
{
	if (!names || !names->n)
		return;
	size_t len, before;
	for (size_t i = 0; i < n; i += len) {
		uint32_t cp = priv_cp(s, n, i, &len);
		if (!priv_word(cp) || priv_word(priv_cp_before(s, i, &before)))
			continue;
		size_t best = 0, b = bucket(priv_fold(cp));
		for (size_t k = names->first[b]; k < names->first[b + 1]; k++) {
			size_t end = match(s, n, i, &names->items[names->order[k]]);
			if (end > best)
				best = end;
		}
		if (best) {
			priv_add(s, f, PRIV_NAME, i, best - i);
			len = best - i;
		}
	}
}
