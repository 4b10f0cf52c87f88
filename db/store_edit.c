/* store_edit.c - the editing functions of core/store_edit.h: updates guarded by the row's `updated`
 * stamp, deletes with what belongs to the record, and moving a step in the facilitator's order.
 * Values are checked exactly as when they are added (valid.c). Each call is one write
 * transaction (or a savepoint in the caller's), so it is one change for undo. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIND(r) (&records[r])

/* ---- updates ------------------------------------------------------------------------------ */

enum mstatus store_actor_update(struct store *s, struct m_actor *a, struct merr *err)
{
	return db_update(s, KIND(R_ACTOR), a, NULL, err);
}

enum mstatus store_category_update(struct store *s, struct m_category *c, struct merr *err)
{
	return db_update(s, KIND(R_CATEGORY), c, NULL, err);
}

/* Sort keys of every step of a case from its birth year, written only where they change, so
 * that steps whose keys stay keep their stamps (and nobody's open edit of them conflicts). */
static enum mstatus derive_steps(struct store *s, m_id case_id, struct merr *err)
{
	struct step_time {
		m_id id;
		char *time;
	} *v = NULL;
	size_t n = 0;
	int birth_year = 0;
	struct q q;
	q_prepare(&q, s,
	          "SELECT s.id, s.time, coalesce(k.birth_year, 0) FROM step s "
	          "JOIN kase k ON k.id = s.case_id WHERE s.case_id = :case");
	q_id(&q, ":case", case_id);
	while (q_row(&q)) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].id = q_col_int(&q, 0);
		v[n].time = q_col_text(&q, 1);
		birth_year = (int)q_col_int(&q, 2);
		n++;
	}
	enum mstatus st = q_finish(&q, err);
	for (size_t i = 0; st == M_OK && i < n; i++) {
		char code[FT_BUFSZ], from[11] = "", to[11] = "";
		struct fuzzy_time ft;
		st = db_time_code(s, v[i].time, code, &ft, err);
		if (st == M_OK && !ft_span(&ft, birth_year, from, to))
			from[0] = to[0] = '\0';
		if (st != M_OK)
			break;
		q_prepare(
		    &q, s,
		    "UPDATE step SET sort_from = :from, sort_to = :to, updated = " DB_NEXT_STAMP
		    " WHERE id = :id AND (sort_from IS NOT :from OR sort_to IS NOT :to)");
		q_text(&q, ":from", from);
		q_text(&q, ":to", to);
		q_id(&q, ":id", v[i].id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].time);
	free(v);
	return st;
}

/* Ages in the steps' times are dated by the birth year. */
static enum mstatus case_after(struct store *s, void *rec, struct merr *err)
{
	return derive_steps(s, ((struct m_case *)rec)->id, err);
}

enum mstatus store_case_update(struct store *s, struct m_case *c, struct merr *err)
{
	static const struct db_hooks hooks = {.after = case_after};
	return db_update(s, KIND(R_CASE), c, &hooks, err);
}

/* The birth year is read inside the transaction: the case may have changed. */
static enum mstatus step_before(struct store *s, void *rec, struct db_vals *v, struct merr *err)
{
	struct m_step *stp = rec;
	bool found = false;
	enum mstatus st = db_step_derive(s, v,
	                                 "SELECT coalesce(k.birth_year, 0), s.seq FROM step s "
	                                 "JOIN kase k ON k.id = s.case_id WHERE s.id = :id",
	                                 stp->id, stp->seq, &found, err);
	if (st == M_OK && !found)
		st = db_gone(s, KIND(R_STEP), err);
	return st;
}

enum mstatus store_step_update(struct store *s, struct m_step *stp, struct merr *err)
{
	static const struct db_hooks hooks = {.before = step_before, .done = db_step_done};
	return db_update(s, KIND(R_STEP), stp, &hooks, err);
}

enum mstatus store_factor_update(struct store *s, struct m_factor *f, struct merr *err)
{
	return db_update(s, KIND(R_FACTOR), f, NULL, err);
}

enum mstatus store_intervention_update(struct store *s, struct m_intervention *iv, struct merr *err)
{
	return db_update(s, KIND(R_INTERVENTION), iv, NULL, err);
}

enum mstatus store_handover_update(struct store *s, struct m_handover *h, struct merr *err)
{
	return db_update(s, KIND(R_HANDOVER), h, NULL, err);
}

/* The gap's actors and actions become its lists (write.c): rows that stay keep their uuids. */
enum mstatus store_gap_update(struct store *s, struct m_gap *g, struct merr *err)
{
	return db_update(s, KIND(R_GAP), g, NULL, err);
}

/* ---- deletes ------------------------------------------------------------------------------- */

/* The schema's cascades take along what belongs to the row; the history triggers record each
 * row they take, so undo can bring everything back. A catalogue entry still in use is refused,
 * checked inside the same transaction as the delete: `uses` gives how many records use it, in
 * which cases, and its name, for `in_use` (path, name, count, cases). */
static enum mstatus delete_row(struct store *s, const struct record_kind *k, m_id id,
                               const char *uses, const char *in_use, struct merr *err)
{
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	if (uses) {
		q_prepare(&q, s, uses);
		q_id(&q, ":id", id);
		int64_t n = 0;
		char *codes = NULL, *name = NULL;
		if (q_row(&q)) {
			n = q_col_int(&q, 0);
			codes = q_col_text(&q, 1);
			name = q_col_text(&q, 2);
		}
		st = q_finish(&q, err);
		if (st == M_OK && n > 0)
			st = merr_set(err, M_FINDINGS, MR_EXISTS, _(in_use), s->path,
			              name ? name : "?", (long long)n, codes ? codes : "?");
		free(codes);
		free(name);
	}
	if (st == M_OK) {
		char *sql = xasprintf("DELETE FROM %s WHERE id = :id", k->table);
		q_prepare(&q, s, sql);
		free(sql);
		q_id(&q, ":id", id);
		q_exec(&q);
		int changed = sqlite3_changes(s->db);
		st = q_finish(&q, err);
		if (st == M_OK && changed == 0)
			st = db_gone(s, k, err);
	}
	return w_end(s, st, err);
}

enum mstatus store_case_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_CASE), id, NULL, NULL, err);
}

enum mstatus store_step_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_STEP), id, NULL, NULL, err);
}

enum mstatus store_factor_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_FACTOR), id, NULL, NULL, err);
}

enum mstatus store_intervention_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_INTERVENTION), id, NULL, NULL, err);
}

enum mstatus store_handover_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_HANDOVER), id, NULL, NULL, err);
}

enum mstatus store_gap_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, KIND(R_GAP), id, NULL, NULL, err);
}

/* The case a record of kind k (aliased t) belongs to, as an SQL expression: its owner's, and so
 * on up to the case; NULL for a kind outside the cases. */
static char *case_of(const struct record_kind *k, const char *t, int depth)
{
	if (k == KIND(R_CASE))
		return xasprintf("%s.id", t);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!(f->flags & RF_OWNER))
			continue;
		char *up = xasprintf("o%d", depth);
		char *inner = case_of(f->ref, up, depth + 1);
		char *e = inner ? xasprintf("(SELECT %s FROM %s %s WHERE %s.id = %s.%s)", inner,
		                            f->ref->table, up, up, t, f->col)
		                : NULL;
		free(up);
		free(inner);
		return e;
	}
	return NULL;
}

/* How many records of the cases refer to the catalogue entry :id of kind `used`, in which cases,
 * and its name (column name_col): every reference to it in the kinds' tables. A kind outside the
 * cases (an age threshold) loses the reference instead, by the schema's ON DELETE. */
static char *uses_sql(const struct record_kind *used, const char *name_col)
{
	sqlite3_str *o = sqlite3_str_new(NULL);
	sqlite3_str_appendall(o, "WITH u (case_id) AS (");
	bool first = true;
	for (size_t r = 0; r < R_COUNT; r++) {
		const struct record_kind *k = &records[r];
		char *c = case_of(k, "t", 0);
		bool any = false; /* a record that refers to it twice is one use */
		for (size_t i = 0; c && i < k->n_fields; i++) {
			if (k->fields[i].type != RT_REF || k->fields[i].ref != used)
				continue;
			if (!any)
				sqlite3_str_appendf(o, "%sSELECT %s FROM %s t WHERE ",
				                    first ? "" : " UNION ALL ", c, k->table);
			sqlite3_str_appendf(o, "%st.%s = :id", any ? " OR " : "", k->fields[i].col);
			any = true;
			first = false;
		}
		free(c);
	}
	sqlite3_str_appendf(o,
	                    ") SELECT (SELECT count(*) FROM u), (SELECT group_concat(code, ', ') "
	                    "FROM (SELECT code FROM kase WHERE id IN (SELECT case_id FROM u) "
	                    "ORDER BY code COLLATE sv)), (SELECT %s FROM %s WHERE id = :id)",
	                    name_col, used->table);
	char *sql = sqlite3_str_finish(o);
	char *mine = xstrdup(sql ? sql : "");
	sqlite3_free(sql);
	return mine;
}

enum mstatus store_actor_delete(struct store *s, m_id id, struct merr *err)
{
	char *uses = uses_sql(KIND(R_ACTOR), "name");
	enum mstatus st = delete_row(
	    s, KIND(R_ACTOR), id, uses,
	    N_("%s: %s is still used by %lld records in the cases %s; change those first"), err);
	free(uses);
	return st;
}

enum mstatus store_category_delete(struct store *s, m_id id, struct merr *err)
{
	char *uses = uses_sql(KIND(R_CATEGORY), "name");
	enum mstatus st = delete_row(s, KIND(R_CATEGORY), id, uses,
	                             N_("%s: the gap category %s is still used by %lld gaps in the "
	                                "cases %s; change those first"),
	                             err);
	free(uses);
	return st;
}

/* ---- the facilitator's order ---------------------------------------------------------------- */

enum mstatus store_step_move(struct store *s, m_id step, int delta, struct merr *err)
{
	if (delta != -1 && delta != 1)
		return merr_set(err, M_OTHER, MR_INVALID,
		                _("%s: internal error: a step moves one place at a time"), s->path);
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	/* The step and its neighbour in story order, with their sort keys and seqs. */
	struct q q;
	q_prepare(
	    &q, s,
	    "WITH o AS (SELECT id, sort_from, sort_to, seq, row_number() OVER "
	    " (ORDER BY sort_from IS NULL, sort_from, sort_to, seq, id) AS n FROM step "
	    " WHERE case_id = (SELECT case_id FROM step WHERE id = :id)) "
	    "SELECT a.seq, b.id, b.seq, a.sort_from IS b.sort_from AND a.sort_to IS b.sort_to "
	    "FROM o a LEFT JOIN o b ON b.n = a.n + :delta WHERE a.id = :id");
	q_id(&q, ":id", step);
	q_int(&q, ":delta", delta);
	bool found = q_row(&q);
	int64_t seq = 0, other_seq = 0;
	m_id other = 0;
	bool free_order = false;
	if (found) {
		seq = q_col_int(&q, 0);
		other = q_col_int(&q, 1);
		other_seq = q_col_int(&q, 2);
		free_order = q_col_int(&q, 3) != 0;
	}
	st = q_finish(&q, err);
	if (st == M_OK && !found)
		st = db_gone(s, KIND(R_STEP), err);
	else if (st == M_OK && !other)
		st = merr_set(err, M_FINDINGS, MR_INVALID,
		              delta < 0 ? _("%s: the step is already the first")
		                        : _("%s: the step is already the last"),
		              s->path);
	else if (st == M_OK && !free_order)
		st = merr_set(err, M_FINDINGS, MR_INVALID,
		              _("%s: the steps' times decide their order; change a time to move "
		                "the step"),
		              s->path);
	/* The two swap places; equal seqs are told apart by id, so there the one that comes
	 * first gets the lower seq. */
	int64_t mine = other_seq, theirs = seq;
	if (seq == other_seq) {
		mine = delta < 0 ? seq : seq + 1;
		theirs = delta < 0 ? seq + 1 : seq;
	}
	for (int i = 0; st == M_OK && i < 2; i++) {
		q_prepare(&q, s,
		          "UPDATE step SET seq = :seq, updated = " DB_NEXT_STAMP " WHERE id = :id");
		q_int(&q, ":seq", i == 0 ? mine : theirs);
		q_id(&q, ":id", i == 0 ? step : other);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	return w_end(s, st, err);
}
