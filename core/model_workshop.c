/* model_workshop.c - clean-up and lookups for the workshop lists of model_workshop.h. */
#include "model_workshop.h"

#include <stdlib.h>
#include <string.h>

void m_workshop_list_clear(struct m_workshop_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		m_workshop_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

void m_log_list_clear(struct m_log_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].kind);
		free(l->items[i].text);
		free(l->items[i].at);
		free(l->items[i].initials);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

void m_gap_dots_list_clear(struct m_gap_dots_list *l)
{
	free(l->items);
	memset(l, 0, sizeof *l);
}

int m_gap_dots_of(const struct m_gap_dots_list *l, m_id gap)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].gap_id == gap)
			return l->items[i].dots;
	return 0;
}

void m_vote_total_list_clear(struct m_vote_total_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

int m_vote_total_dots(const struct m_vote_total_list *l, m_id gap)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->items[mid].gap_id < gap)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->n && l->items[lo].gap_id == gap ? l->items[lo].dots : 0;
}
