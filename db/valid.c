/* valid.c - the checks every value passes before it is written, shared by adding and editing:
 * a wrong value gets a sentence naming the field instead of a constraint name, and an edit is
 * held to exactly what an add is. The schema's CHECKs remain the last line for other writers. */
#include "private.h"

#include "core/i18n.h"
#include "core/text.h"
#include "core/uuid.h"

#include <string.h>

#define ENUM_OK(v, count) ((int)(v) >= 0 && (int)(v) < (count))

enum mstatus db_invalid(struct store *s, struct merr *err, const char *what)
{
	return merr_set(err, M_USAGE, MR_INVALID, _("%s: %s"), s->path, what);
}

bool db_filled(const char *t)
{
	if (!t)
		return false;
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return true;
	return false;
}

enum mstatus db_texts(struct store *s, struct merr *err, const char *const *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] && !text_valid_utf8(t[i], strlen(t[i])))
			return db_invalid(s, err, _("text that is not valid UTF-8"));
	return M_OK;
}

enum mstatus db_time_code(struct store *s, const char *in, char out[FT_BUFSZ],
                          struct fuzzy_time *ft, struct merr *err)
{
	struct fuzzy_time tmp;
	if (!ft)
		ft = &tmp;
	memset(ft, 0, sizeof *ft);
	out[0] = '\0';
	if (!in)
		return M_OK;
	struct merr e = {0};
	if (ft_parse(in, ft, &e) != M_OK)
		return merr_set(err, M_USAGE, MR_INVALID, _("%s: %s"), s->path, e.msg);
	ft_code(ft, out);
	return M_OK;
}

enum mstatus db_check_actor(struct store *s, const struct m_actor *a, struct merr *err)
{
	if (!db_filled(a->name))
		return db_invalid(s, err, _("an actor needs a name"));
	if (!ENUM_OK(a->sector, SECTOR_COUNT))
		return db_invalid(s, err, _("an actor's sector is not one of the known sectors"));
	if (a->colour < 0 || a->colour > 7)
		return db_invalid(s, err, _("an actor's colour must be between 0 and 7"));
	return DB_TEXTS(s, err, a->name, a->short_label, a->description);
}

enum mstatus db_check_category(struct store *s, const struct m_category *c, struct merr *err)
{
	if (!db_filled(c->code) || !db_filled(c->name))
		return db_invalid(s, err, _("a gap category needs a code and a name"));
	return DB_TEXTS(s, err, c->code, c->name, c->description);
}

enum mstatus db_check_case(struct store *s, const struct m_case *c, struct merr *err)
{
	if (!db_filled(c->code))
		return db_invalid(s, err, _("a case needs a code"));
	if (c->birth_year != 0 && (c->birth_year < 1900 || c->birth_year > 2100))
		return db_invalid(s, err, _("a birth year must be a year between 1900 and 2100"));
	if (!ENUM_OK(c->status, CASE_STATUS_COUNT))
		return db_invalid(s, err, _("a case's status is not one of the known ones"));
	return DB_TEXTS(s, err, c->code, c->gender, c->area, c->summary);
}

enum mstatus db_check_step(struct store *s, const struct m_step *stp, char code[FT_BUFSZ],
                           struct fuzzy_time *ft, struct merr *err)
{
	if (!stp->case_id)
		return db_invalid(s, err, _("a step must belong to a case"));
	if (!db_filled(stp->title))
		return db_invalid(s, err, _("a step needs a title"));
	if (!ENUM_OK(stp->domain, DOMAIN_COUNT))
		return db_invalid(s, err, _("a step's life domain is not one of the known ones"));
	if (!ENUM_OK(stp->certainty, CERT_COUNT))
		return db_invalid(s, err, _("a step's certainty is not one of the known ones"));
	if (stp->seq < 0)
		return db_invalid(s, err, _("a step's place in the story cannot be negative"));
	enum mstatus st =
	    DB_TEXTS(s, err, stp->time, stp->title, stp->narrative, stp->voice, stp->note);
	return st == M_OK ? db_time_code(s, stp->time, code, ft, err) : st;
}

enum mstatus db_check_factor(struct store *s, const struct m_factor *f, struct merr *err)
{
	if (!f->step_id)
		return db_invalid(s, err, _("a factor must belong to a step"));
	if (!ENUM_OK(f->kind, FACTOR_KIND_COUNT))
		return db_invalid(s, err, _("a factor is either a risk or a protective factor"));
	if (!db_filled(f->text))
		return db_invalid(s, err, _("a factor needs a text"));
	return DB_TEXTS(s, err, f->text);
}

enum mstatus db_check_intervention(struct store *s, const struct m_intervention *iv,
                                   char start[FT_BUFSZ], char end[FT_BUFSZ], struct merr *err)
{
	if (!iv->case_id || !iv->actor_id)
		return db_invalid(s, err, _("an intervention needs a case and an actor"));
	if (!ENUM_OK(iv->kind, IV_KIND_COUNT))
		return db_invalid(s, err, _("an intervention's kind is not one of the known ones"));
	if (iv->effect < -2 || iv->effect > 2)
		return db_invalid(s, err, _("an intervention's effect must be between -2 and +2"));
	enum mstatus st = DB_TEXTS(s, err, iv->start, iv->end, iv->what, iv->outcome);
	if (st == M_OK)
		st = db_time_code(s, iv->start, start, NULL, err);
	if (st == M_OK)
		st = db_time_code(s, iv->end, end, NULL, err);
	return st;
}

enum mstatus db_check_handover(struct store *s, const struct m_handover *h, char times[3][FT_BUFSZ],
                               struct merr *err)
{
	if (!h->case_id || !h->from_actor || !h->to_actor)
		return db_invalid(s, err, _("a hand-over needs a case, a sender and a receiver"));
	if (!ENUM_OK(h->kind, HO_KIND_COUNT))
		return db_invalid(s, err, _("a hand-over's kind is not one of the known ones"));
	enum mstatus st = DB_TEXTS(s, err, h->sent, h->received, h->acted, h->note);
	if (st == M_OK)
		st = db_time_code(s, h->sent, times[0], NULL, err);
	if (st == M_OK)
		st = db_time_code(s, h->received, times[1], NULL, err);
	if (st == M_OK)
		st = db_time_code(s, h->acted, times[2], NULL, err);
	return st;
}

enum mstatus db_check_gap(struct store *s, const struct m_gap *g, struct merr *err)
{
	if (!g->case_id || !g->category_id)
		return db_invalid(s, err, _("a gap needs a case and a category"));
	if (g->severity < 1 || g->severity > 3)
		return db_invalid(s, err, _("a gap's severity must be 1, 2 or 3"));
	if (!ENUM_OK(g->level, LEVEL_COUNT) || !ENUM_OK(g->status, GAP_STATUS_COUNT))
		return db_invalid(s, err,
		                  _("a gap's level or status is not one of the known ones"));
	for (size_t i = 0; i < g->n_actors; i++)
		if (!g->actors[i].actor_id || !ENUM_OK(g->actors[i].role, GAR_COUNT))
			return db_invalid(s, err, _("a gap's actor needs an actor and a role"));
	for (size_t i = 0; i < g->n_actions; i++) {
		const struct m_action *a = &g->actions[i];
		if (!db_filled(a->what))
			return db_invalid(s, err, _("an action needs to say what must be done"));
		if (!ENUM_OK(a->status, ACTION_STATUS_COUNT))
			return db_invalid(s, err,
			                  _("an action's status is not one of the known ones"));
		char follow[FT_BUFSZ];
		enum mstatus st = DB_TEXTS(s, err, a->what, a->follow_up);
		if (st == M_OK)
			st = db_time_code(s, a->follow_up, follow, NULL, err);
		if (st != M_OK)
			return st;
		if (a->uuid[0] && !m_uuid_valid(a->uuid))
			return db_invalid(s, err, _("a record's identity (UUID) is not valid"));
	}
	return DB_TEXTS(s, err, g->what_happened, g->what_must_change);
}
