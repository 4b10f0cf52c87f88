/* report_words.c - each gap of the analysis put into the words the report says about it, once,
 * as the rules allow (report_build.h); and the index that finds an actor by its id without a
 * search, so the words of n gaps cost n, not n times the catalogue. */
#include "report_build.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the index ------------------------------------------------------------------------------ */

void rb_index_init(struct rb_index *x, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	x->ids = xcalloc(cap, sizeof *x->ids);
	x->at = xcalloc(cap, sizeof *x->at);
	x->mask = cap - 1;
}

static size_t slot(const struct rb_index *x, m_id id)
{
	size_t h = (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15u) >> 17) & x->mask;
	while (x->ids[h] && x->ids[h] != id)
		h = (h + 1) & x->mask;
	return h;
}

void rb_index_put(struct rb_index *x, m_id id, size_t at)
{
	if (!id)
		return;
	size_t h = slot(x, id);
	if (!x->ids[h]) {
		x->ids[h] = id;
		x->at[h] = at;
	}
}

long rb_index_get(const struct rb_index *x, m_id id)
{
	if (!id)
		return -1;
	size_t h = slot(x, id);
	return x->ids[h] ? (long)x->at[h] : -1;
}

void rb_index_clear(struct rb_index *x)
{
	free(x->ids);
	free(x->at);
	memset(x, 0, sizeof *x);
}

/* ---- words ---------------------------------------------------------------------------------- */

/* A string that grows at its end: joining n parts costs their length, not n times it. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void sb_add(struct sbuf *b, const char *sep, const char *s)
{
	size_t ls = b->n ? strlen(sep) : 0, l = strlen(s);
	if (b->n + ls + l + 1 > b->cap) {
		b->cap = 2 * (b->n + ls + l + 1);
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, sep, ls);
	memcpy(b->s + b->n + ls, s, l + 1);
	b->n += ls + l;
}

/* The outline's copy of the joined text, sanitised; frees the buffer. */
static const char *sb_done(struct build *b, struct sbuf *s)
{
	const char *out = rb_clean(b, s->s ? s->s : "");
	free(s->s);
	return out;
}

static const char *actor_name(const struct build *b, m_id id)
{
	long at = rb_index_get(&b->actors, id);
	return at < 0 ? "" : b->actor_names[at];
}

static const char *actors_of(struct build *b, const struct m_gap *g, enum m_gap_actor_role r)
{
	struct sbuf s = {0};
	for (size_t i = 0; i < g->n_actors; i++)
		if (g->actors[i].role == r)
			sb_add(&s, ", ", actor_name(b, g->actors[i].actor_id));
	return sb_done(b, &s);
}

static void add_free(struct sbuf *s, const char *sep, char *part)
{
	sb_add(s, sep, part);
	free(part);
}

static const char *actions_of(struct build *b, const struct m_gap *g)
{
	struct sbuf acc = {0};
	for (size_t i = 0; i < g->n_actions; i++) {
		const struct m_action *a = &g->actions[i];
		struct sbuf detail = {0};
		if (a->actor_id)
			add_free(&detail, ", ", xasprintf(_("by %s"), actor_name(b, a->actor_id)));
		if (a->lead_id)
			add_free(&detail, ", ", xasprintf(_("lead %s"), actor_name(b, a->lead_id)));
		if (a->follow_up) {
			char buf[FT_BUFSZ];
			ft_code_to_display(a->follow_up, buf);
			add_free(&detail, ", ", xasprintf(_("follow up %s"), buf));
		}
		sb_add(&detail, ", ",
		       a->status == ACTION_DONE      ? _("done")
		       : a->status == ACTION_DROPPED ? _("dropped")
		                                     : _("open"));
		add_free(&acc, "; ", xasprintf("%s (%s)", a->what ? a->what : "", detail.s));
		free(detail.s);
	}
	return sb_done(b, &acc);
}

static void gap_words(struct build *b, const struct an_gap *ag, struct words *w)
{
	const struct m_gap *g = ag->gap;
	const struct m_step *st = ag->step;
	const char *none = "";
	w->case_code = b->case_codes[ag->case_index];
	w->time_kind = b->rules.bands ? RD_BAND : RD_TEXT;
	if (b->rules.times) {
		char buf[FT_BUFSZ];
		ft_code_to_display(st ? st->time : NULL, buf);
		w->when = rb_clean(b, buf);
	} else {
		w->when = an_age_band_label(ag->band);
	}
	if (b->rules.bands)
		w->age = ag->band >= 0 ? an_age_band_code(ag->band) : none;
	else
		w->age = ag->age >= 0 ? rd_own(b->doc, xasprintf("%d", ag->age)) : none;
	if (b->rules.stories && st) {
		char *s = xasprintf("%ld. %s", (long)(st - ag->journey->steps) + 1, st->title);
		w->step = rb_clean(b, s);
		free(s);
	} else {
		w->step = none;
	}
	w->what_happened = b->rules.stories ? rb_clean(b, g->what_happened) : none;
	w->voice = b->rules.stories ? rb_clean(b, st ? st->voice : NULL) : none;
	w->category = rb_clean(b, ag->category ? ag->category->name : "");
	w->domain = m_domain_label(st ? st->domain : DOMAIN_NONE);
	w->level = m_level_label(g->level);
	w->status = m_gap_status_label(g->status);
	w->involved = actors_of(b, g, GAR_INVOLVED);
	w->could = actors_of(b, g, GAR_COULD_HAVE_ACTED);
	if (ag->broken)
		w->pair = rd_own(b->doc, xasprintf("%s → %s", actor_name(b, ag->broken->from_actor),
		                                   actor_name(b, ag->broken->to_actor)));
	else
		w->pair = none;
	w->what_must_change = rb_clean(b, g->what_must_change);
	w->actions = actions_of(b, g);
	w->votes = rb_count(b, ag->votes);
	w->ref = rd_own(b->doc, xasprintf("%s, %s: %s", w->case_code, w->when,
	                                  *w->step ? w->step : w->category));
}

void rb_words(struct build *b)
{
	const struct analysis *an = b->an;
	rb_index_init(&b->actors, an->actors.n);
	const char **names = rd_alloc(b->doc, an->actors.n, sizeof *names);
	for (size_t i = 0; i < an->actors.n; i++) {
		rb_index_put(&b->actors, an->actors.items[i].id, i);
		names[i] = rb_clean(b, an->actors.items[i].name);
	}
	b->actor_names = names;
	const char **codes = rd_alloc(b->doc, an->n_journeys, sizeof *codes);
	for (size_t i = 0; i < an->n_journeys; i++)
		codes[i] = rb_clean(b, an->journeys[i].kase.code);
	b->case_codes = codes;
	b->words = xcalloc(an->n_gaps + 1, sizeof *b->words);
	for (size_t i = 0; i < an->n_gaps; i++)
		gap_words(b, &an->gaps[i], &b->words[i]);
}

void rb_words_clear(struct build *b)
{
	rb_index_clear(&b->actors);
	free(b->words);
	b->words = NULL;
}
