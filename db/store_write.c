/* store_write.c - the add functions of core/store_edit.h and core/store_workshop.h: each record
 * through the one skeleton of write.c, which checks every value before anything is written; a
 * step with what the store derives for it. The link rows of the workshops have no record in C
 * and are added from their values. */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/store_workshop.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define KIND(r) (&records[r])

enum mstatus db_step_derive(struct store *s, struct db_vals *v, const char *sql, m_id id,
                            int64_t seq, bool *found, struct merr *err)
{
	const struct record_kind *k = KIND(R_STEP);
	struct q q;
	int64_t birth_year = 0;
	q_prepare(&q, s, sql);
	q_id(&q, ":id", id);
	*found = q_row(&q);
	if (*found) {
		birth_year = q_col_int(&q, 0);
		if (seq == 0)
			seq = q_col_int(&q, 1);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK || !*found)
		return st;
	char from[11] = "", to[11] = "";
	if (!ft_span(&v->ft, (int)birth_year, from, to))
		from[0] = to[0] = '\0';
	db_vals_text(v, k, "sort_from", from);
	db_vals_text(v, k, "sort_to", to);
	db_vals_num(v, k, "seq", seq);
	return M_OK;
}

static void set_text(char **field, const char *v)
{
	free(*field);
	*field = v && *v ? xstrdup(v) : NULL;
}

void db_step_done(void *rec, const struct db_vals *v)
{
	const struct record_kind *k = KIND(R_STEP);
	struct m_step *stp = rec;
	stp->seq = (int)v->num[record_field_index(k, "seq")];
	set_text(&stp->time, v->text[record_field_index(k, "time")]);
	set_text(&stp->sort_from, v->text[record_field_index(k, "sort_from")]);
	set_text(&stp->sort_to, v->text[record_field_index(k, "sort_to")]);
}

enum mstatus store_actor_add(struct store *s, struct m_actor *a, struct merr *err)
{
	return db_add(s, KIND(R_ACTOR), a, NULL, err);
}

enum mstatus store_category_add(struct store *s, struct m_category *c, struct merr *err)
{
	return db_add(s, KIND(R_CATEGORY), c, NULL, err);
}

enum mstatus store_threshold_add(struct store *s, struct m_threshold *t, struct merr *err)
{
	return db_add(s, KIND(R_THRESHOLD), t, NULL, err);
}

enum mstatus store_case_add(struct store *s, struct m_case *c, struct merr *err)
{
	return db_add(s, KIND(R_CASE), c, NULL, err);
}

/* A step's place and sort keys are the store's: read inside the write transaction, so another
 * mellan adding to the same case cannot slip in between. */
static enum mstatus step_before(struct store *s, void *rec, struct db_vals *v, struct merr *err)
{
	struct m_step *stp = rec;
	bool found = false;
	enum mstatus st =
	    db_step_derive(s, v,
	                   "SELECT coalesce(birth_year, 0), "
	                   "(SELECT coalesce(max(seq), 0) + 1 FROM step WHERE case_id = :id) "
	                   "FROM kase WHERE id = :id",
	                   stp->case_id, stp->seq, &found, err);
	if (st == M_OK && !found)
		st = db_invalid(s, err, _("a step must belong to a case that exists"));
	return st;
}

enum mstatus store_step_add(struct store *s, struct m_step *stp, struct merr *err)
{
	static const struct db_hooks hooks = {.before = step_before, .done = db_step_done};
	return db_add(s, KIND(R_STEP), stp, &hooks, err);
}

enum mstatus store_factor_add(struct store *s, struct m_factor *f, struct merr *err)
{
	return db_add(s, KIND(R_FACTOR), f, NULL, err);
}

enum mstatus store_intervention_add(struct store *s, struct m_intervention *iv, struct merr *err)
{
	return db_add(s, KIND(R_INTERVENTION), iv, NULL, err);
}

enum mstatus store_handover_add(struct store *s, struct m_handover *h, struct merr *err)
{
	return db_add(s, KIND(R_HANDOVER), h, NULL, err);
}

enum mstatus store_gap_add(struct store *s, struct m_gap *g, struct merr *err)
{
	return db_add(s, KIND(R_GAP), g, NULL, err);
}

enum mstatus store_workshop_add(struct store *s, struct m_workshop *w, struct merr *err)
{
	return db_add(s, KIND(R_WORKSHOP), w, NULL, err);
}

/* Steps an INSERT and returns the new row's id (not a trigger's: SQLite restores it). */
static enum mstatus insert(struct store *s, struct q *q, m_id *id, struct merr *err)
{
	q_exec(q);
	m_id row = sqlite3_last_insert_rowid(s->db);
	enum mstatus st = q_finish(q, err);
	if (st == M_OK)
		*id = row;
	return st;
}

/* The link rows below have no record of their own in core/: a fresh uuid each. */
static enum mstatus link_add(struct store *s, const char *sql, m_id a, m_id b, const char *text,
                             int64_t n, struct merr *err)
{
	char uuid[M_UUID_LEN + 1];
	m_uuid_new(uuid);
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	m_id id;
	q_prepare(&q, s, sql);
	q_text(&q, ":uuid", uuid);
	q_id(&q, ":a", a);
	if (b)
		q_id(&q, ":b", b);
	if (text)
		q_text(&q, ":text", text);
	if (n)
		q_int(&q, ":n", n);
	st = insert(s, &q, &id, err);
	return w_end(s, st, err);
}

enum mstatus store_workshop_case_add(struct store *s, m_id workshop, m_id case_id, struct merr *err)
{
	if (!workshop || !case_id)
		return db_invalid(s, err, _("a workshop's case needs a workshop and a case"));
	return link_add(s,
	                "INSERT INTO workshop_case (uuid, workshop_id, case_id) "
	                "VALUES (:uuid, :a, :b)",
	                workshop, case_id, NULL, 0, err);
}

enum mstatus store_workshop_log_add(struct store *s, m_id workshop, const char *kind,
                                    const char *text, struct merr *err)
{
	if (!workshop)
		return db_invalid(s, err, _("a log entry must belong to a workshop"));
	if (!kind || (strcmp(kind, "note") != 0 && strcmp(kind, "decision") != 0))
		return db_invalid(s, err, _("a log entry is either a note or a decision"));
	if (!db_filled(text))
		return db_invalid(s, err, _("a log entry needs a text"));
	enum mstatus st = DB_TEXTS(s, err, text);
	if (st != M_OK)
		return st;
	char *sql = xasprintf("INSERT INTO workshop_log (uuid, workshop_id, kind, text) "
	                      "VALUES (:uuid, :a, '%s', :text)",
	                      strcmp(kind, "note") == 0 ? "note" : "decision");
	st = link_add(s, sql, workshop, 0, text, 0, err);
	free(sql);
	return st;
}

enum mstatus store_vote_add(struct store *s, m_id workshop, m_id gap, int dots, struct merr *err)
{
	if (!workshop || !gap)
		return db_invalid(s, err, _("a vote needs a workshop and a gap"));
	if (dots < 1 || dots > 100)
		return db_invalid(s, err, _("a vote must give between 1 and 100 dots"));
	return link_add(s,
	                "INSERT INTO vote (uuid, workshop_id, gap_id, dots) "
	                "VALUES (:uuid, :a, :b, :n)",
	                workshop, gap, NULL, dots, err);
}
