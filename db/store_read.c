/* store_read.c - the list and load functions of core/store_read.h: whole records out of the file, in
 * the orders the screens and reports show them. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_read.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One more zeroed element at the end of a growing array. */
#define PUSH(arr, n)                                                                               \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)),                                     \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

/* Codes are checked by the schema; an unknown one (a file another tool wrote) reads as the
 * first value rather than as garbage. */
static int code_or_0(int v)
{
	return v < 0 ? 0 : v;
}

static void col_uuid(struct q *q, int col, char out[M_UUID_LEN + 1])
{
	const unsigned char *t = sqlite3_column_text(q->st, col);
	snprintf(out, M_UUID_LEN + 1, "%s", t ? (const char *)t : "");
}

/* The stamp an update must still find (store_edit.h). */
static void col_stamp(struct q *q, int col, char out[M_STAMP_LEN + 1])
{
	const unsigned char *t = sqlite3_column_text(q->st, col);
	snprintf(out, M_STAMP_LEN + 1, "%s", t ? (const char *)t : "");
}

static enum m_sector col_sector(struct q *q, int col)
{
	char *c = q_col_text(q, col);
	int v = m_sector_from_code(c);
	free(c);
	return (enum m_sector)code_or_0(v);
}

#define COL_ENUM(fn, type)                                                                         \
	static type col_##fn(struct q *q, int col)                                                 \
	{                                                                                          \
		char *c = q_col_text(q, col);                                                      \
		int v = m_##fn##_from_code(c);                                                     \
		free(c);                                                                           \
		return (type)code_or_0(v);                                                         \
	}
COL_ENUM(case_status, enum m_case_status)
COL_ENUM(domain, enum m_domain)
COL_ENUM(certainty, enum m_certainty)
COL_ENUM(iv_kind, enum m_intervention_kind)
COL_ENUM(ho_kind, enum m_handover_kind)
COL_ENUM(level, enum m_gap_level)
COL_ENUM(gap_status, enum m_gap_status)
COL_ENUM(gap_actor_role, enum m_gap_actor_role)
COL_ENUM(factor_kind, enum m_factor_kind)
COL_ENUM(action_status, enum m_action_status)

/* ---- cases ------------------------------------------------------------------------------- */

#define CASE_COLUMNS                                                                               \
	"SELECT id, uuid, code, coalesce(birth_year, 0), gender, area, summary, status, "          \
	"(SELECT count(*) FROM step WHERE case_id = kase.id), "                                    \
	"(SELECT count(*) FROM intervention WHERE case_id = kase.id), "                            \
	"(SELECT count(*) FROM handover WHERE case_id = kase.id), "                                \
	"(SELECT count(*) FROM gap WHERE case_id = kase.id), updated FROM kase "

static void read_case(struct q *q, struct m_case *c)
{
	c->id = q_col_int(q, 0);
	col_uuid(q, 1, c->uuid);
	c->code = q_col_text(q, 2);
	c->birth_year = (int)q_col_int(q, 3);
	c->gender = q_col_text(q, 4);
	c->area = q_col_text(q, 5);
	c->summary = q_col_text(q, 6);
	c->status = col_case_status(q, 7);
	c->n_steps = (int)q_col_int(q, 8);
	c->n_interventions = (int)q_col_int(q, 9);
	c->n_handovers = (int)q_col_int(q, 10);
	c->n_gaps = (int)q_col_int(q, 11);
	col_stamp(q, 12, c->updated);
}

enum mstatus store_case_list(struct store *s, struct m_case_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s, CASE_COLUMNS "ORDER BY code COLLATE sv, id");
	while (q_row(&q))
		read_case(&q, PUSH(out->items, out->n));
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_case_list_clear(out);
	return st;
}

static enum mstatus case_where(struct store *s, const char *where, const char *code, m_id id,
                               struct m_case *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	char *sql = xasprintf(CASE_COLUMNS "WHERE %s", where);
	q_prepare(&q, s, sql);
	free(sql);
	if (code)
		q_text(&q, ":code", code);
	else
		q_id(&q, ":id", id);
	bool found = q_row(&q);
	if (found)
		read_case(&q, out);
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK && !found) {
		if (code)
			st = merr_set(err, M_USAGE, MR_NOT_FOUND,
			              _("%s: there is no case with the code %s"), s->path, code);
		else
			st =
			    merr_set(err, M_USAGE, MR_NOT_FOUND,
			             _("%s: the case is no longer there; it may have been removed"),
			             s->path);
	}
	if (st != M_OK)
		m_case_clear(out);
	return st;
}

enum mstatus store_case_find(struct store *s, const char *code, struct m_case *out,
                             struct merr *err)
{
	return case_where(s, "code = :code", code ? code : "", 0, out, err);
}

/* ---- a journey --------------------------------------------------------------------------- */

static enum mstatus load_steps(struct store *s, struct m_journey *j, struct merr *err)
{
	struct q q;
	/* Story order: dated steps by their span, undated ones last, the facilitator's seq
	 * between equals; core/story.c sorts a journey built in memory the same way. */
	q_prepare(&q, s,
	          "SELECT id, uuid, case_id, time, sort_from, sort_to, seq, title, narrative, "
	          "domain, certainty, voice, note, updated FROM step WHERE case_id = :id "
	          "ORDER BY sort_from IS NULL, sort_from, sort_to, seq, id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_step *st = PUSH(j->steps, j->n_steps);
		st->id = q_col_int(&q, 0);
		col_uuid(&q, 1, st->uuid);
		st->case_id = q_col_int(&q, 2);
		st->time = q_col_text(&q, 3);
		st->sort_from = q_col_text(&q, 4);
		st->sort_to = q_col_text(&q, 5);
		st->seq = (int)q_col_int(&q, 6);
		st->title = q_col_text(&q, 7);
		st->narrative = q_col_text(&q, 8);
		st->domain = col_domain(&q, 9);
		st->certainty = col_certainty(&q, 10);
		st->voice = q_col_text(&q, 11);
		st->note = q_col_text(&q, 12);
		col_stamp(&q, 13, st->updated);
	}
	enum mstatus rc = q_finish(&q, err);
	if (rc != M_OK)
		return rc;

	q_prepare(&q, s,
	          "SELECT f.id, f.uuid, f.step_id, f.kind, f.text, f.updated FROM factor f "
	          "JOIN step s ON s.id = f.step_id WHERE s.case_id = :id ORDER BY f.id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		m_id step_id = q_col_int(&q, 2);
		struct m_step *st = NULL;
		for (size_t i = 0; i < j->n_steps && !st; i++)
			if (j->steps[i].id == step_id)
				st = &j->steps[i];
		if (!st)
			continue;
		struct m_factor *f = PUSH(st->factors, st->n_factors);
		f->id = q_col_int(&q, 0);
		col_uuid(&q, 1, f->uuid);
		f->step_id = step_id;
		f->kind = col_factor_kind(&q, 3);
		f->text = q_col_text(&q, 4);
		col_stamp(&q, 5, f->updated);
	}
	return q_finish(&q, err);
}

static enum mstatus load_interventions(struct store *s, struct m_journey *j, struct merr *err)
{
	struct q q;
	q_prepare(
	    &q, s,
	    "SELECT id, uuid, case_id, actor_id, coalesce(step_from, 0), "
	    "coalesce(step_to, 0), kind, start_time, end_time, what, outcome, effect, updated "
	    "FROM intervention WHERE case_id = :id ORDER BY id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_intervention *iv = PUSH(j->interventions, j->n_interventions);
		iv->id = q_col_int(&q, 0);
		col_uuid(&q, 1, iv->uuid);
		iv->case_id = q_col_int(&q, 2);
		iv->actor_id = q_col_int(&q, 3);
		iv->step_from = q_col_int(&q, 4);
		iv->step_to = q_col_int(&q, 5);
		iv->kind = col_iv_kind(&q, 6);
		iv->start = q_col_text(&q, 7);
		iv->end = q_col_text(&q, 8);
		iv->what = q_col_text(&q, 9);
		iv->outcome = q_col_text(&q, 10);
		iv->effect = (int)q_col_int(&q, 11);
		col_stamp(&q, 12, iv->updated);
	}
	return q_finish(&q, err);
}

static enum mstatus load_handovers(struct store *s, struct m_journey *j, struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          "SELECT id, uuid, case_id, coalesce(step_id, 0), from_actor, to_actor, kind, "
	          "sent, received, acted, note, updated FROM handover WHERE case_id = :id "
	          "ORDER BY id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_handover *h = PUSH(j->handovers, j->n_handovers);
		h->id = q_col_int(&q, 0);
		col_uuid(&q, 1, h->uuid);
		h->case_id = q_col_int(&q, 2);
		h->step_id = q_col_int(&q, 3);
		h->from_actor = q_col_int(&q, 4);
		h->to_actor = q_col_int(&q, 5);
		h->kind = col_ho_kind(&q, 6);
		h->sent = q_col_text(&q, 7);
		h->received = q_col_text(&q, 8);
		h->acted = q_col_text(&q, 9);
		h->note = q_col_text(&q, 10);
		col_stamp(&q, 11, h->updated);
	}
	return q_finish(&q, err);
}

static struct m_gap *gap_of(struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_gaps; i++)
		if (j->gaps[i].id == id)
			return &j->gaps[i];
	return NULL;
}

static enum mstatus load_gaps(struct store *s, struct m_journey *j, struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          "SELECT id, uuid, case_id, coalesce(step_id, 0), coalesce(step_to, 0), "
	          "category_id, severity, what_happened, what_must_change, level, status, "
	          "updated FROM gap WHERE case_id = :id ORDER BY id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_gap *g = PUSH(j->gaps, j->n_gaps);
		g->id = q_col_int(&q, 0);
		col_uuid(&q, 1, g->uuid);
		g->case_id = q_col_int(&q, 2);
		g->step_id = q_col_int(&q, 3);
		g->step_to = q_col_int(&q, 4);
		g->category_id = q_col_int(&q, 5);
		g->severity = (int)q_col_int(&q, 6);
		g->what_happened = q_col_text(&q, 7);
		g->what_must_change = q_col_text(&q, 8);
		g->level = col_level(&q, 9);
		g->status = col_gap_status(&q, 10);
		col_stamp(&q, 11, g->updated);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		return st;

	q_prepare(&q, s,
	          "SELECT ga.gap_id, ga.actor_id, ga.role FROM gap_actor ga "
	          "JOIN gap g ON g.id = ga.gap_id WHERE g.case_id = :id ORDER BY ga.id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_gap *g = gap_of(j, q_col_int(&q, 0));
		if (!g)
			continue;
		struct m_gap_actor *a = PUSH(g->actors, g->n_actors);
		a->actor_id = q_col_int(&q, 1);
		a->role = col_gap_actor_role(&q, 2);
	}
	st = q_finish(&q, err);
	if (st != M_OK)
		return st;

	q_prepare(&q, s,
	          "SELECT a.id, a.uuid, a.gap_id, a.what, coalesce(a.actor_id, 0), "
	          "coalesce(a.lead_id, 0), a.follow_up, a.status FROM action a "
	          "JOIN gap g ON g.id = a.gap_id WHERE g.case_id = :id ORDER BY a.id");
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_gap *g = gap_of(j, q_col_int(&q, 2));
		if (!g)
			continue;
		struct m_action *a = PUSH(g->actions, g->n_actions);
		a->id = q_col_int(&q, 0);
		col_uuid(&q, 1, a->uuid);
		a->gap_id = g->id;
		a->what = q_col_text(&q, 3);
		a->actor_id = q_col_int(&q, 4);
		a->lead_id = q_col_int(&q, 5);
		a->follow_up = q_col_text(&q, 6);
		a->status = col_action_status(&q, 7);
	}
	return q_finish(&q, err);
}

enum mstatus store_journey_load(struct store *s, m_id case_id, struct m_journey *out,
                                struct merr *err)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the parts of the journey agree with each other even while another
	 * mellan writes to the file. */
	bool own = sqlite3_get_autocommit(s->db);
	enum mstatus st = own ? db_exec(s, "BEGIN", err) : M_OK;
	if (st == M_OK)
		st = case_where(s, "id = :id", NULL, case_id, &out->kase, err);
	if (st == M_OK)
		st = load_steps(s, out, err);
	if (st == M_OK)
		st = load_interventions(s, out, err);
	if (st == M_OK)
		st = load_handovers(s, out, err);
	if (st == M_OK)
		st = load_gaps(s, out, err);
	if (own && !sqlite3_get_autocommit(s->db))
		db_exec(s, "COMMIT", NULL);
	if (st != M_OK)
		m_journey_clear(out);
	return st;
}

/* ---- the catalogue ------------------------------------------------------------------------ */

enum mstatus store_actor_list(struct store *s, struct m_actor_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	/* Sectors in the order of enum m_sector, then names in Swedish order. */
	q_prepare(&q, s,
	          "SELECT id, uuid, name, short_label, sector, colour, description, updated "
	          "FROM actor "
	          "ORDER BY CASE sector WHEN 'municipality' THEN 0 WHEN 'state' THEN 1 "
	          "WHEN 'region' THEN 2 WHEN 'civil' THEN 3 WHEN 'business' THEN 4 "
	          "WHEN 'academia' THEN 5 ELSE 6 END, name COLLATE sv, id");
	while (q_row(&q)) {
		struct m_actor *a = PUSH(out->items, out->n);
		a->id = q_col_int(&q, 0);
		col_uuid(&q, 1, a->uuid);
		a->name = q_col_text(&q, 2);
		a->short_label = q_col_text(&q, 3);
		a->sector = col_sector(&q, 4);
		a->colour = (int)q_col_int(&q, 5);
		a->description = q_col_text(&q, 6);
		col_stamp(&q, 7, a->updated);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_actor_list_clear(out);
	return st;
}

enum mstatus store_category_list(struct store *s, struct m_category_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s,
	          "SELECT id, uuid, code, name, description, sort_order, updated FROM category "
	          "ORDER BY sort_order, id");
	while (q_row(&q)) {
		struct m_category *c = PUSH(out->items, out->n);
		c->id = q_col_int(&q, 0);
		col_uuid(&q, 1, c->uuid);
		c->code = q_col_text(&q, 2);
		c->name = q_col_text(&q, 3);
		c->description = q_col_text(&q, 4);
		c->sort_order = (int)q_col_int(&q, 5);
		col_stamp(&q, 6, c->updated);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_category_list_clear(out);
	return st;
}

enum mstatus store_threshold_list(struct store *s, struct m_threshold_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s,
	          "SELECT id, uuid, age, label, coalesce(actor_id, 0), starts FROM threshold "
	          "ORDER BY age, id");
	while (q_row(&q)) {
		struct m_threshold *t = PUSH(out->items, out->n);
		t->id = q_col_int(&q, 0);
		col_uuid(&q, 1, t->uuid);
		t->age = (int)q_col_int(&q, 2);
		t->label = q_col_text(&q, 3);
		t->actor_id = q_col_int(&q, 4);
		t->starts = q_col_int(&q, 5) != 0;
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_threshold_list_clear(out);
	return st;
}
