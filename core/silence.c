/* silence.c - proposing gaps from a journey (silence.h). Time is read from the steps' sort
 * keys (ISO dates derived from their fuzzy times) and the interventions' and hand-overs' own
 * fuzzy times; what has no date is left out rather than guessed. */
#include "silence.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of an ISO date; 0 for anything else. */
static long days_of(const char *iso)
{
	long d = 0;
	return ft_iso_day(iso, &d) ? d : 0;
}

/* The span of a fuzzy-time code, false when it gives no date. */
static bool span(const char *code, int birth_year, char from[11], char to[11])
{
	struct fuzzy_time ft;
	struct merr e = {0};
	if (!code || !*code || ft_parse(code, &ft, &e) != M_OK)
		return false;
	return ft_span(&ft, birth_year, from, to);
}

static const struct m_step *step_of(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return &j->steps[i];
	return NULL;
}

/* When an actor acted: a made intervention's own times, or those of its steps. */
struct acting {
	char from[11], to[11];
};

static bool acting_span(const struct m_journey *j, const struct m_intervention *iv,
                        struct acting *a)
{
	if (iv->kind != IV_MADE)
		return false;
	int by = j->kase.birth_year;
	char f2[11], t2[11];
	const struct m_step *s0 = step_of(j, iv->step_from), *s1 = step_of(j, iv->step_to);
	if (!span(iv->start, by, a->from, a->to)) {
		if (!s0 || !s0->sort_from)
			return false;
		snprintf(a->from, sizeof a->from, "%s", s0->sort_from);
		snprintf(a->to, sizeof a->to, "%s", s0->sort_to ? s0->sort_to : s0->sort_from);
	}
	if (span(iv->end, by, f2, t2))
		memcpy(a->to, t2, sizeof t2);
	else if (s1 && s1->sort_to && strcmp(s1->sort_to, a->to) > 0)
		snprintf(a->to, sizeof a->to, "%s", s1->sort_to);
	return true;
}

static struct m_proposal *add(struct m_proposal_list *l)
{
	l->items = xreallocarray(l->items, l->n + 1, sizeof *l->items);
	struct m_proposal *p = &l->items[l->n++];
	memset(p, 0, sizeof *p);
	return p;
}

static bool dismissed(const struct m_key_list *d, const char *key)
{
	for (size_t i = 0; d && i < d->n; i++)
		if (strcmp(d->keys[i], key) == 0)
			return true;
	return false;
}

static bool has_risk(const struct m_step *s)
{
	for (size_t i = 0; i < s->n_factors; i++)
		if (s->factors[i].kind == FACTOR_RISK)
			return true;
	return false;
}

/* A stretch opens at a dated step with a risk factor that no acting actor covers, runs over
 * the steps after it while nobody acts, and ends where an actor acts (or with the story). */
static void silences(const struct m_journey *j, const struct acting *acts, size_t n_acts,
                     int min_days, const struct m_key_list *d, struct m_proposal_list *out)
{
	const struct m_step *first = NULL, *last = NULL;
	for (size_t i = 0; i <= j->n_steps; i++) {
		const struct m_step *s = i < j->n_steps ? &j->steps[i] : NULL;
		if (s && !s->sort_from)
			continue; /* undated: says nothing about time */
		bool covered = false;
		for (size_t k = 0; s && k < n_acts && !covered; k++) {
			const char *to = s->sort_to ? s->sort_to : s->sort_from;
			covered =
			    strcmp(acts[k].from, to) <= 0 && strcmp(acts[k].to, s->sort_from) >= 0;
		}
		if (!first) {
			if (s && has_risk(s) && !covered)
				first = last = s;
			continue;
		}
		if (s && !covered) {
			last = s;
			continue;
		}
		/* Ends here: at the step where someone acts, or with the last step's end. */
		const char *end =
		    s ? s->sort_from : (last->sort_to ? last->sort_to : last->sort_from);
		long days = days_of(end) - days_of(first->sort_from);
		char key[SILENCE_KEY_LEN];
		snprintf(key, sizeof key, "silence:%s", first->uuid);
		if (days >= min_days && !dismissed(d, key)) {
			struct m_proposal *p = add(out);
			p->kind = PROPOSE_SILENCE;
			memcpy(p->key, key, sizeof key);
			p->step_id = first->id;
			p->step_to = last != first ? last->id : 0;
			p->days = (int)days;
			p->category = "no-responsible";
		}
		first = last = NULL;
		if (s && has_risk(s) && !covered)
			first = last = s;
	}
}

static void handover(const struct m_journey *j, const struct m_handover *h, int max_days,
                     const struct m_key_list *d, struct m_proposal_list *out)
{
	int by = j->kase.birth_year;
	char sf[11], st[11], rf[11], rt[11], af[11], at[11];
	bool sent = span(h->sent, by, sf, st), recv = span(h->received, by, rf, rt),
	     acted = span(h->acted, by, af, at);
	enum m_proposal_kind kind;
	int days;
	/* The time given is not a date (an age without birth year): no verdict on it. */
	if (h->received && *h->received && !recv)
		return;
	if (!h->received || !*h->received) {
		kind = PROPOSE_NOT_RECEIVED;
		days = -1;
	} else if (sent && days_of(rf) - days_of(sf) > max_days) {
		kind = PROPOSE_NOT_RECEIVED;
		days = (int)(days_of(rf) - days_of(sf));
	} else if (!h->acted || !*h->acted) {
		kind = PROPOSE_NOT_ACTED;
		days = -1;
	} else if (acted && days_of(af) - days_of(rf) > max_days) {
		kind = PROPOSE_NOT_ACTED;
		days = (int)(days_of(af) - days_of(rf));
	} else {
		return;
	}
	char key[SILENCE_KEY_LEN];
	snprintf(key, sizeof key, "%s:%s",
	         kind == PROPOSE_NOT_RECEIVED ? "handover-received" : "handover-acted", h->uuid);
	if (dismissed(d, key))
		return;
	struct m_proposal *p = add(out);
	p->kind = kind;
	memcpy(p->key, key, sizeof key);
	p->step_id = h->step_id;
	p->handover_id = h->id;
	p->days = days;
	p->category = "handover-broke";
}

static size_t step_index(const struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return i;
	return j->n_steps;
}

/* Story order: by the place of the proposal's step (steps are loaded in story order), then by
 * key; an insertion sort, as a journey has few proposals. */
static void story_order(const struct m_journey *j, struct m_proposal_list *l)
{
	for (size_t i = 1; i < l->n; i++) {
		struct m_proposal p = l->items[i];
		size_t pi = step_index(j, p.step_id), k = i;
		for (; k > 0; k--) {
			const struct m_proposal *q = &l->items[k - 1];
			size_t qi = step_index(j, q->step_id);
			if (qi < pi || (qi == pi && strcmp(q->key, p.key) <= 0))
				break;
			l->items[k] = *q;
		}
		l->items[k] = p;
	}
}

void silence_propose(const struct m_journey *j, const struct silence_settings *cfg,
                     const struct m_key_list *d, struct m_proposal_list *out)
{
	struct silence_settings def = {SILENCE_DEFAULT_DAYS, HANDOVER_DEFAULT_DAYS};
	if (!cfg)
		cfg = &def;
	memset(out, 0, sizeof *out);
	struct acting *acts = xcalloc(j->n_interventions + 1, sizeof *acts);
	size_t n = 0;
	for (size_t i = 0; i < j->n_interventions; i++)
		if (acting_span(j, &j->interventions[i], &acts[n]))
			n++;
	silences(j, acts, n, cfg->silence_days, d, out);
	free(acts);
	for (size_t i = 0; i < j->n_handovers; i++)
		handover(j, &j->handovers[i], cfg->handover_days, d, out);
	story_order(j, out);
}

void m_proposal_list_clear(struct m_proposal_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

static const char *actor_name(const struct m_actor_list *actors, m_id id)
{
	const struct m_actor *a = actors ? m_actor_find(actors, id) : NULL;
	return a && a->name ? a->name : "?";
}

void silence_describe(const struct m_proposal *p, const struct m_journey *j,
                      const struct m_actor_list *actors, char *buf, size_t n)
{
	const struct m_handover *h = NULL;
	for (size_t i = 0; i < j->n_handovers && !h; i++)
		if (j->handovers[i].id == p->handover_id)
			h = &j->handovers[i];
	const char *from = h ? actor_name(actors, h->from_actor) : "?";
	const char *to = h ? actor_name(actors, h->to_actor) : "?";
	switch (p->kind) {
	case PROPOSE_SILENCE:
		snprintf(buf, n, _("Risk factors were recorded and no actor acted for %d days"),
		         p->days);
		break;
	case PROPOSE_NOT_RECEIVED:
		if (p->days < 0)
			snprintf(buf, n, _("The hand-over from %s to %s was never received"), from,
			         to);
		else
			snprintf(buf, n,
			         _("The hand-over from %s to %s took %d days to be received"), from,
			         to, p->days);
		break;
	case PROPOSE_NOT_ACTED:
		if (p->days < 0)
			snprintf(buf, n,
			         _("%s received the hand-over from %s but never acted on it"), to,
			         from);
		else
			snprintf(
			    buf, n,
			    _("%s acted on the hand-over from %s only %d days after receiving it"),
			    to, from, p->days);
		break;
	}
}

void silence_gap(const struct m_proposal *p, const struct m_journey *j,
                 const struct m_actor_list *actors, const struct m_category_list *categories,
                 struct m_gap *out)
{
	memset(out, 0, sizeof *out);
	out->case_id = j->kase.id;
	out->step_id = p->step_id;
	out->step_to = p->step_to;
	out->severity = 2;
	for (size_t i = 0; categories && i < categories->n && !out->category_id; i++)
		if (categories->items[i].code &&
		    strcmp(categories->items[i].code, p->category) == 0)
			out->category_id = categories->items[i].id;
	if (!out->category_id && categories && categories->n)
		out->category_id = categories->items[0].id;
	char text[300];
	silence_describe(p, j, actors, text, sizeof text);
	out->what_happened = xstrdup(text);
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		if (h->id != p->handover_id)
			continue;
		out->actors = xcalloc(2, sizeof *out->actors);
		out->actors[0] = (struct m_gap_actor){h->from_actor, GAR_INVOLVED};
		out->actors[1] = (struct m_gap_actor){h->to_actor, GAR_INVOLVED};
		out->n_actors = h->from_actor != h->to_actor ? 2 : 1;
	}
}
