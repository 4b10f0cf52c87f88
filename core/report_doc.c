/* report_doc.c - the outline's memory (report_doc.h): one list of everything it points to, so
 * blocks can share strings and arrays and the whole outline is freed in one place. */
#include "report_doc.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct rd_doc *rd_doc_new(void)
{
	return xcalloc(1, sizeof(struct rd_doc));
}

void rd_doc_free(struct rd_doc **d)
{
	if (!*d)
		return;
	for (size_t i = 0; i < (*d)->n_owned; i++)
		free((*d)->owned[i]);
	free((*d)->owned);
	free(*d);
	*d = NULL;
}

static void *keep(struct rd_doc *d, void *p)
{
	if (d->n_owned == d->cap_owned) {
		d->cap_owned = d->cap_owned ? 2 * d->cap_owned : 256;
		d->owned = xreallocarray(d->owned, d->cap_owned, sizeof *d->owned);
	}
	d->owned[d->n_owned++] = p;
	return p;
}

void *rd_alloc(struct rd_doc *d, size_t n, size_t size)
{
	return keep(d, xcalloc(n ? n : 1, size));
}

const char *rd_own(struct rd_doc *d, char *s)
{
	return keep(d, s);
}

const char *rd_strdup(struct rd_doc *d, const char *s)
{
	return keep(d, xstrdup(s ? s : ""));
}

struct rd_block *rd_add(struct rd_doc *d, struct rd_block *in, enum rd_kind kind)
{
	struct rd_block *b = rd_alloc(d, 1, sizeof *b);
	b->kind = kind;
	struct rd_block **first = in ? &in->section.first : &d->first;
	struct rd_block **last = in ? &in->section.last : &d->last;
	if (*last)
		(*last)->next = b;
	else
		*first = b;
	*last = b;
	return b;
}
