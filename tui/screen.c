/* screen.c - the stack of screens: push, pop, the states kept between visits, and the table of
 * the actions that open a screen. See screen.h. */
#include "private.h"

#include "core/xalloc.h"

#include <stdlib.h>

/* The actions that open a screen, from whichever screens the key table binds them on. */
static const struct {
	enum action act;
	const struct screen_ops *ops;
} openers[] = {
    {ACT_HELP, &screen_help},           {ACT_GAPS, &screen_gaps},
    {ACT_NAMES, &screen_names},         {ACT_CATALOGUE, &screen_catalogue},
    {ACT_CONFLICTS, &screen_conflicts}, {ACT_WORKSHOP, &screen_workshop},
    {ACT_LANES, &screen_lanes},         {ACT_PRESENT, &screen_present},
    {ACT_IMPORT, &screen_import},       {ACT_WORKED, &screen_worked},
};

struct screen *screen_top(const struct app *a)
{
	return a->screens.depth ? a->screens.stack[a->screens.depth - 1] : NULL;
}

struct screen *screen_under(const struct app *a, const struct screen *s)
{
	for (size_t i = a->screens.depth; i > 1; i--)
		if (a->screens.stack[i - 1] == s)
			return a->screens.stack[i - 2];
	return NULL;
}

struct screen *screen_find(const struct app *a, const struct screen_ops *ops)
{
	for (size_t i = a->screens.depth; i > 0; i--)
		if (a->screens.stack[i - 1]->ops == ops)
			return a->screens.stack[i - 1];
	return NULL;
}

static void screen_free(struct screen **sp)
{
	if (!*sp)
		return;
	if ((*sp)->ops->free)
		(*sp)->ops->free(*sp);
	free(*sp);
	*sp = NULL;
}

void screen_push(struct app *a, const struct screen_ops *ops)
{
	struct screens *ss = &a->screens;
	struct screen *s = NULL;
	for (size_t i = 0; ops->keep && i < ss->n_kept; i++)
		if (ss->kept[i]->ops == ops)
			s = ss->kept[i];
	if (!s) {
		s = xcalloc(1, ops->size);
		s->ops = ops;
		if (ops->keep) {
			ss->kept = xreallocarray(ss->kept, ss->n_kept + 1, sizeof *ss->kept);
			ss->kept[ss->n_kept++] = s;
		}
	}
	if (ss->depth == ss->cap) {
		ss->cap = ss->cap ? ss->cap * 2 : 8;
		ss->stack = xreallocarray(ss->stack, ss->cap, sizeof *ss->stack);
	}
	ss->stack[ss->depth++] = s;
	if (ops->open)
		ops->open(a, s);
}

/* Takes the top screen off; its state is freed unless it is kept. */
static void drop_top(struct app *a)
{
	struct screen *s = a->screens.stack[--a->screens.depth];
	if (!s->ops->keep)
		screen_free(&s);
}

unsigned screen_pop(struct app *a)
{
	if (a->screens.depth > 1)
		drop_top(a);
	/* While covered it was not reloaded: what it shows may have changed meanwhile. */
	return screen_top(a)->ops->reload ? CH_RELOAD : CH_REDRAW;
}

void screen_close(struct app *a, const struct screen_ops *ops)
{
	struct screen *s = screen_find(a, ops);
	while (s && a->screens.depth > 1 && screen_find(a, ops) == s)
		drop_top(a);
}

void screen_reset(struct app *a)
{
	while (a->screens.depth > 1)
		drop_top(a);
}

unsigned screen_open_action(struct app *a, enum action act)
{
	for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++) {
		if (openers[i].act != act)
			continue;
		if (screen_top(a)->ops == openers[i].ops)
			return screen_pop(a);
		screen_push(a, openers[i].ops);
		return CH_REDRAW;
	}
	return CH_NONE;
}

void screens_free(struct app *a)
{
	struct screens *ss = &a->screens;
	while (ss->depth)
		drop_top(a);
	for (size_t i = 0; i < ss->n_kept; i++)
		screen_free(&ss->kept[i]);
	free(ss->stack);
	free(ss->kept);
	*ss = (struct screens){0};
}
