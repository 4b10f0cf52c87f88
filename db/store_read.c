/* store_read.c - the list and load functions of core/store_read.h: whole records out of the file, in
 * the orders the screens and reports show them. */
#include "private.h"

#include "core/i18n.h"
#include "core/step_index.h"
#include "core/store_read.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One more zeroed element at the end of a growing array. */
#define PUSH(arr, n)                                                                               \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)),                                     \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

#define KIND(r) (&records[r])

/* "SELECT <the kind's columns>": the caller adds the rest. */
static char *select_of(enum record_id r, const char *alias, const char *rest)
{
	char *cols = db_columns(KIND(r), alias);
	char *sql = xasprintf("SELECT %s%s", cols, rest);
	free(cols);
	return sql;
}

/* ---- cases ------------------------------------------------------------------------------- */

#define CASE_COUNTS                                                                                \
	", (SELECT count(*) FROM step WHERE case_id = kase.id), "                                  \
	"(SELECT count(*) FROM intervention WHERE case_id = kase.id), "                            \
	"(SELECT count(*) FROM handover WHERE case_id = kase.id), "                                \
	"(SELECT count(*) FROM gap WHERE case_id = kase.id) FROM kase "

static void read_case(struct q *q, struct m_case *c)
{
	int col = db_read(q, KIND(R_CASE), c, 0);
	c->n_steps = (int)q_col_int(q, col);
	c->n_interventions = (int)q_col_int(q, col + 1);
	c->n_handovers = (int)q_col_int(q, col + 2);
	c->n_gaps = (int)q_col_int(q, col + 3);
}

enum mstatus store_case_list(struct store *s, struct m_case_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	char *sql = select_of(R_CASE, "", CASE_COUNTS "ORDER BY code COLLATE sv, id");
	q_prepare(&q, s, sql);
	free(sql);
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
	char *sql = select_of(R_CASE, "", CASE_COUNTS "WHERE ");
	char *full = xasprintf("%s%s", sql, where);
	free(sql);
	sql = full;
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
	char *sql = select_of(R_STEP, "",
	                      " FROM step WHERE case_id = :id "
	                      "ORDER BY sort_from IS NULL, sort_from, sort_to, seq, id");
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q))
		db_read(&q, KIND(R_STEP), PUSH(j->steps, j->n_steps), 0);
	enum mstatus rc = q_finish(&q, err);
	if (rc != M_OK)
		return rc;

	sql = select_of(R_FACTOR, "f",
	                " FROM factor f JOIN step s ON s.id = f.step_id WHERE s.case_id = :id "
	                "ORDER BY f.id");
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", j->kase.id);
	struct m_factor f = {0};
	struct step_index ix = {0};
	step_index_build(&ix, j);
	while (q_row(&q)) {
		db_read(&q, KIND(R_FACTOR), &f, 0);
		long at = step_index_find(&ix, f.step_id);
		if (at >= 0)
			*PUSH(j->steps[at].factors, j->steps[at].n_factors) = f;
		else
			m_factor_clear(&f);
		memset(&f, 0, sizeof f);
	}
	step_index_clear(&ix);
	return q_finish(&q, err);
}

/* Every record of kind r of the case, in the order they were added: a new array of *n. */
static void *load_all(struct store *s, enum record_id r, m_id case_id, size_t *n, enum mstatus *st,
                      struct merr *err)
{
	const struct record_kind *k = KIND(r);
	char *rest = xasprintf(" FROM %s WHERE case_id = :id ORDER BY id", k->table);
	char *sql = select_of(r, "", rest);
	free(rest);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", case_id);
	char *items = NULL;
	*n = 0;
	while (q_row(&q)) {
		items = xreallocarray(items, *n + 1, k->size);
		void *rec = items + *n * k->size;
		memset(rec, 0, k->size);
		(*n)++;
		db_read(&q, k, rec, 0);
	}
	*st = q_finish(&q, err);
	return items;
}

/* The gaps are read in the order of their ids: found by a binary search. */
static struct m_gap *gap_of(struct m_journey *j, m_id id)
{
	size_t lo = 0, hi = j->n_gaps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (j->gaps[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < j->n_gaps && j->gaps[lo].id == id ? &j->gaps[lo] : NULL;
}

static enum mstatus load_gaps(struct store *s, struct m_journey *j, struct merr *err)
{
	enum mstatus st;
	j->gaps = load_all(s, R_GAP, j->kase.id, &j->n_gaps, &st, err);
	if (st != M_OK)
		return st;

	struct q q;
	char *sql = select_of(R_GAP_ACTOR, "ga",
	                      ", ga.gap_id FROM gap_actor ga JOIN gap g ON g.id = ga.gap_id "
	                      "WHERE g.case_id = :id ORDER BY ga.id");
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_gap_actor a = {0};
		int col = db_read(&q, KIND(R_GAP_ACTOR), &a, 0);
		struct m_gap *g = gap_of(j, q_col_int(&q, col));
		if (g)
			*PUSH(g->actors, g->n_actors) = a;
	}
	st = q_finish(&q, err);
	if (st != M_OK)
		return st;

	sql = select_of(R_ACTION, "a",
	                " FROM action a JOIN gap g ON g.id = a.gap_id WHERE g.case_id = :id "
	                "ORDER BY a.id");
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", j->kase.id);
	while (q_row(&q)) {
		struct m_action a = {0};
		db_read(&q, KIND(R_ACTION), &a, 0);
		struct m_gap *g = gap_of(j, a.gap_id);
		if (g)
			*PUSH(g->actions, g->n_actions) = a;
		else
			m_action_clear(&a);
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
	/* Its statements stay prepared: a report or a check loads one journey after another. */
	bool keep = s->keep_prepared;
	s->keep_prepared = true;
	if (st == M_OK)
		st = case_where(s, "id = :id", NULL, case_id, &out->kase, err);
	if (st == M_OK)
		st = load_steps(s, out, err);
	if (st == M_OK)
		out->interventions =
		    load_all(s, R_INTERVENTION, case_id, &out->n_interventions, &st, err);
	if (st == M_OK)
		out->handovers = load_all(s, R_HANDOVER, case_id, &out->n_handovers, &st, err);
	if (st == M_OK)
		st = load_gaps(s, out, err);
	s->keep_prepared = keep;
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
	char *sql = select_of(R_ACTOR, "",
	                      " FROM actor ORDER BY CASE sector WHEN 'municipality' THEN 0 "
	                      "WHEN 'state' THEN 1 WHEN 'region' THEN 2 WHEN 'civil' THEN 3 "
	                      "WHEN 'business' THEN 4 WHEN 'academia' THEN 5 ELSE 6 END, "
	                      "name COLLATE sv, id");
	q_prepare(&q, s, sql);
	free(sql);
	while (q_row(&q))
		db_read(&q, KIND(R_ACTOR), PUSH(out->items, out->n), 0);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_actor_list_clear(out);
	return st;
}

enum mstatus store_category_list(struct store *s, struct m_category_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	char *sql = select_of(R_CATEGORY, "", " FROM category ORDER BY sort_order, id");
	q_prepare(&q, s, sql);
	free(sql);
	while (q_row(&q))
		db_read(&q, KIND(R_CATEGORY), PUSH(out->items, out->n), 0);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_category_list_clear(out);
	return st;
}

enum mstatus store_threshold_list(struct store *s, struct m_threshold_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	char *sql = select_of(R_THRESHOLD, "", " FROM threshold ORDER BY age, id");
	q_prepare(&q, s, sql);
	free(sql);
	while (q_row(&q))
		db_read(&q, KIND(R_THRESHOLD), PUSH(out->items, out->n), 0);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_threshold_list_clear(out);
	return st;
}
