/* bind.c - a record's fields bound to a statement's named parameters: one list per kind of
 * record, shared by the INSERT that adds it and the UPDATE that edits it, so the two can never
 * write different columns. Keys, uuids and derived values (times as codes, sort keys) are the
 * caller's to bind. */
#include "private.h"

void db_bind_actor(struct q *q, const struct m_actor *a)
{
	q_text(q, ":name", a->name);
	q_text(q, ":short", a->short_label);
	q_text(q, ":sector", m_sector_code(a->sector));
	q_int(q, ":colour", a->colour);
	q_text(q, ":description", a->description);
}

void db_bind_category(struct q *q, const struct m_category *c)
{
	q_text(q, ":code", c->code);
	q_text(q, ":name", c->name);
	q_text(q, ":description", c->description);
	q_int(q, ":sort", c->sort_order);
}

void db_bind_case(struct q *q, const struct m_case *c)
{
	q_text(q, ":code", c->code);
	q_id(q, ":birth_year", c->birth_year);
	q_text(q, ":gender", c->gender);
	q_text(q, ":area", c->area);
	q_text(q, ":summary", c->summary);
	q_text(q, ":status", m_case_status_code(c->status));
}

void db_bind_step(struct q *q, const struct m_step *stp, const char *code, const char *from,
                  const char *to, int64_t seq)
{
	q_text(q, ":time", code);
	q_text(q, ":from", from);
	q_text(q, ":to", to);
	q_int(q, ":seq", seq);
	q_text(q, ":title", stp->title);
	q_text(q, ":narrative", stp->narrative);
	q_text(q, ":domain", m_domain_code(stp->domain));
	q_text(q, ":certainty", m_certainty_code(stp->certainty));
	q_text(q, ":voice", stp->voice);
	q_text(q, ":note", stp->note);
}

void db_bind_factor(struct q *q, const struct m_factor *f)
{
	q_text(q, ":kind", m_factor_kind_code(f->kind));
	q_text(q, ":text", f->text);
}

void db_bind_intervention(struct q *q, const struct m_intervention *iv, const char *start,
                          const char *end)
{
	q_id(q, ":actor", iv->actor_id);
	q_id(q, ":from", iv->step_from);
	q_id(q, ":to", iv->step_to);
	q_text(q, ":kind", m_iv_kind_code(iv->kind));
	q_text(q, ":start", start);
	q_text(q, ":end", end);
	q_text(q, ":what", iv->what);
	q_text(q, ":outcome", iv->outcome);
	q_int(q, ":effect", iv->effect);
}

void db_bind_handover(struct q *q, const struct m_handover *h, char times[3][FT_BUFSZ])
{
	q_id(q, ":step", h->step_id);
	q_id(q, ":from", h->from_actor);
	q_id(q, ":to", h->to_actor);
	q_text(q, ":kind", m_ho_kind_code(h->kind));
	q_text(q, ":sent", times[0]);
	q_text(q, ":received", times[1]);
	q_text(q, ":acted", times[2]);
	q_text(q, ":note", h->note);
}

void db_bind_gap(struct q *q, const struct m_gap *g)
{
	q_id(q, ":step", g->step_id);
	q_id(q, ":to", g->step_to);
	q_id(q, ":category", g->category_id);
	q_int(q, ":severity", g->severity);
	q_text(q, ":happened", g->what_happened);
	q_text(q, ":change", g->what_must_change);
	q_text(q, ":level", m_level_code(g->level));
	q_text(q, ":status", m_gap_status_code(g->status));
}

void db_bind_action(struct q *q, const struct m_action *a, const char *follow)
{
	q_text(q, ":what", a->what);
	q_id(q, ":actor", a->actor_id);
	q_id(q, ":lead", a->lead_id);
	q_text(q, ":follow", follow);
	q_text(q, ":status", m_action_status_code(a->status));
}
