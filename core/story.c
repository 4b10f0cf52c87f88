/* story.c - positions of records in a journey's story order (story.h), and that order. */
#include "story.h"

#include "fuzzytime.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

int story_step_index(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return (int)i;
	return -1;
}

bool story_covers(const struct m_journey *j, m_id from, m_id to, size_t i)
{
	int lo = story_step_index(j, from);
	int hi = to ? story_step_index(j, to) : lo;
	if (lo < 0)
		return false;
	if (hi < lo)
		hi = lo;
	return (int)i >= lo && (int)i <= hi;
}

void story_sort_keys(struct m_step *st, int birth_year)
{
	char from[11], to[11];
	struct fuzzy_time ft;
	bool placed =
	    st->time && ft_parse(st->time, &ft, NULL) == M_OK && ft_span(&ft, birth_year, from, to);
	free(st->sort_from);
	free(st->sort_to);
	st->sort_from = placed ? xstrdup(from) : NULL;
	st->sort_to = placed ? xstrdup(to) : NULL;
}

/* NULL before any text, as SQLite orders them. */
static int cmp_text(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_story(const void *pa, const void *pb)
{
	const struct m_step *a = pa, *b = pb;
	if ((a->sort_from == NULL) != (b->sort_from == NULL))
		return a->sort_from ? -1 : 1; /* a step the story cannot place goes last */
	int c = cmp_text(a->sort_from, b->sort_from);
	if (c == 0)
		c = cmp_text(a->sort_to, b->sort_to);
	if (c == 0)
		c = (a->seq > b->seq) - (a->seq < b->seq);
	if (c == 0)
		c = (a->id > b->id) - (a->id < b->id);
	return c;
}

void story_sort(struct m_journey *j)
{
	if (j->n_steps > 1)
		qsort(j->steps, j->n_steps, sizeof *j->steps, cmp_story);
}
