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

/* What the sentences need to know of each kind of record. */
struct kind {
	const char *tbl;
	const char *changed; /* another mellan changed the row since it was read */
	const char *gone;    /* the row is no longer there */
};

static const struct kind K_CASE = {
    "kase", N_("%s: another mellan changed this case after you opened it; nothing was saved"),
    N_("%s: this case is no longer there; another mellan may have deleted it")};
static const struct kind K_STEP = {
    "step", N_("%s: another mellan changed this step after you opened it; nothing was saved"),
    N_("%s: this step is no longer there; another mellan may have deleted it")};
static const struct kind K_FACTOR = {
    "factor", N_("%s: another mellan changed this factor after you opened it; nothing was saved"),
    N_("%s: this factor is no longer there; another mellan may have deleted it")};
static const struct kind K_INTERVENTION = {
    "intervention",
    N_("%s: another mellan changed this intervention after you opened it; nothing was saved"),
    N_("%s: this intervention is no longer there; another mellan may have deleted it")};
static const struct kind K_HANDOVER = {
    "handover",
    N_("%s: another mellan changed this hand-over after you opened it; nothing was saved"),
    N_("%s: this hand-over is no longer there; another mellan may have deleted it")};
static const struct kind K_GAP = {
    "gap", N_("%s: another mellan changed this gap after you opened it; nothing was saved"),
    N_("%s: this gap is no longer there; another mellan may have deleted it")};
static const struct kind K_ACTOR = {
    "actor", N_("%s: another mellan changed this actor after you opened it; nothing was saved"),
    N_("%s: this actor is no longer there; another mellan may have deleted it")};
static const struct kind K_CATEGORY = {
    "category",
    N_("%s: another mellan changed this gap category after you opened it; nothing was saved"),
    N_("%s: this gap category is no longer there; another mellan may have deleted it")};

static enum mstatus gone(struct store *s, const struct kind *k, struct merr *err)
{
	return merr_set(err, M_FINDINGS, MR_NOT_FOUND, _(k->gone), s->path);
}

static bool row_exists(struct store *s, const char *tbl, m_id id, enum mstatus *st,
                       struct merr *err)
{
	struct q q;
	char *sql = xasprintf("SELECT 1 FROM %s WHERE id = :id", tbl);
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", id);
	bool found = q_row(&q);
	*st = q_finish(&q, err);
	return found;
}

/* An update is checked, then guarded: a record that was never read from the file has no stamp
 * to be guarded by. */
static enum mstatus start(struct store *s, enum mstatus st, m_id id, const char *stamp,
                          struct merr *err)
{
	if (st == M_OK && (!id || !stamp[0]))
		st = merr_set(err, M_OTHER, MR_INVALID,
		              _("%s: internal error: an update of a record not read from the file"),
		              s->path);
	return st == M_OK ? w_begin(s, err) : st;
}

/* Steps a guarded UPDATE (WHERE id = :id AND updated = :stamp) and, when it changed nothing,
 * tells a row changed elsewhere from a row that is gone. */
static enum mstatus guarded(struct store *s, struct q *q, const struct kind *k, m_id id,
                            const char *stamp, struct merr *err)
{
	q_id(q, ":id", id);
	q_text(q, ":stamp", stamp);
	q_exec(q);
	int changed = sqlite3_changes(s->db);
	enum mstatus st = q_finish(q, err);
	if (st != M_OK || changed > 0)
		return st;
	bool there = row_exists(s, k->tbl, id, &st, err);
	if (st != M_OK)
		return st;
	return there ? merr_set(err, M_FINDINGS, MR_CONFLICT, _(k->changed), s->path)
	             : gone(s, k, err);
}

static enum mstatus read_stamp(struct store *s, const char *tbl, m_id id, char out[M_STAMP_LEN + 1],
                               struct merr *err)
{
	struct q q;
	char *sql = xasprintf("SELECT updated FROM %s WHERE id = :id", tbl);
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", id);
	out[0] = '\0';
	if (q_row(&q))
		snprintf(out, M_STAMP_LEN + 1, "%s", (const char *)sqlite3_column_text(q.st, 0));
	return q_finish(&q, err);
}

/* Ends an update: the caller's record gets the row's new stamp only once it is committed. */
static enum mstatus finish(struct store *s, enum mstatus st, const char *tbl, m_id id,
                           char stamp[M_STAMP_LEN + 1], struct merr *err)
{
	char fresh[M_STAMP_LEN + 1] = "";
	if (st == M_OK)
		st = read_stamp(s, tbl, id, fresh, err);
	st = w_end(s, st, err);
	if (st == M_OK)
		memcpy(stamp, fresh, sizeof fresh);
	return st;
}

/* ---- updates ------------------------------------------------------------------------------ */

enum mstatus store_actor_update(struct store *s, struct m_actor *a, struct merr *err)
{
	enum mstatus st = start(s, db_check_actor(s, a, err), a->id, a->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE actor SET name = :name, short_label = :short, sector = :sector, "
	          "colour = :colour, description = :description, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_actor(&q, a);
	st = guarded(s, &q, &K_ACTOR, a->id, a->updated, err);
	return finish(s, st, "actor", a->id, a->updated, err);
}

enum mstatus store_category_update(struct store *s, struct m_category *c, struct merr *err)
{
	enum mstatus st = start(s, db_check_category(s, c, err), c->id, c->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE category SET code = :code, name = :name, description = :description, "
	          "sort_order = :sort, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_category(&q, c);
	st = guarded(s, &q, &K_CATEGORY, c->id, c->updated, err);
	if (st != M_OK && err && err->reason == MR_EXISTS)
		merr_set(err, M_USAGE, MR_EXISTS,
		         _("%s: a gap category with the code %s already exists; choose another "
		           "code"),
		         s->path, c->code);
	return finish(s, st, "category", c->id, c->updated, err);
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

enum mstatus store_case_update(struct store *s, struct m_case *c, struct merr *err)
{
	enum mstatus st = start(s, db_check_case(s, c, err), c->id, c->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE kase SET code = :code, birth_year = :birth_year, gender = :gender, "
	          "area = :area, summary = :summary, status = :status, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_case(&q, c);
	st = guarded(s, &q, &K_CASE, c->id, c->updated, err);
	if (st != M_OK && err && err->reason == MR_EXISTS)
		merr_set(err, M_USAGE, MR_EXISTS,
		         _("%s: a case with the code %s already exists; choose another code"),
		         s->path, c->code);
	/* Ages in the steps' times are dated by the birth year. */
	if (st == M_OK)
		st = derive_steps(s, c->id, err);
	return finish(s, st, "kase", c->id, c->updated, err);
}

static void set_text(char **field, const char *v)
{
	free(*field);
	*field = v && *v ? xstrdup(v) : NULL;
}

enum mstatus store_step_update(struct store *s, struct m_step *stp, struct merr *err)
{
	char code[FT_BUFSZ], from[11] = "", to[11] = "";
	struct fuzzy_time ft;
	enum mstatus st =
	    start(s, db_check_step(s, stp, code, &ft, err), stp->id, stp->updated, err);
	if (st != M_OK)
		return st;
	/* The birth year is read inside the transaction: the case may have changed. */
	struct q q;
	int64_t birth_year = 0, seq = stp->seq;
	q_prepare(&q, s,
	          "SELECT coalesce(k.birth_year, 0), s.seq FROM step s JOIN kase k "
	          "ON k.id = s.case_id WHERE s.id = :id");
	q_id(&q, ":id", stp->id);
	bool found = q_row(&q);
	if (found) {
		birth_year = q_col_int(&q, 0);
		if (seq == 0)
			seq = q_col_int(&q, 1);
	}
	st = q_finish(&q, err);
	if (st == M_OK && !found)
		st = gone(s, &K_STEP, err);
	if (st == M_OK && !ft_span(&ft, (int)birth_year, from, to))
		from[0] = to[0] = '\0';
	if (st == M_OK) {
		q_prepare(&q, s,
		          "UPDATE step SET time = :time, sort_from = :from, sort_to = :to, "
		          "seq = :seq, title = :title, narrative = :narrative, domain = :domain, "
		          "certainty = :certainty, voice = :voice, note = :note, "
		          "updated = " DB_NEXT_STAMP " WHERE id = :id AND updated = :stamp");
		db_bind_step(&q, stp, code, from, to, seq);
		st = guarded(s, &q, &K_STEP, stp->id, stp->updated, err);
	}
	st = finish(s, st, "step", stp->id, stp->updated, err);
	if (st == M_OK) {
		stp->seq = (int)seq;
		set_text(&stp->time, code);
		set_text(&stp->sort_from, from);
		set_text(&stp->sort_to, to);
	}
	return st;
}

enum mstatus store_factor_update(struct store *s, struct m_factor *f, struct merr *err)
{
	enum mstatus st = start(s, db_check_factor(s, f, err), f->id, f->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE factor SET kind = :kind, text = :text, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_factor(&q, f);
	st = guarded(s, &q, &K_FACTOR, f->id, f->updated, err);
	return finish(s, st, "factor", f->id, f->updated, err);
}

enum mstatus store_intervention_update(struct store *s, struct m_intervention *iv, struct merr *err)
{
	char t0[FT_BUFSZ], t1[FT_BUFSZ];
	enum mstatus st =
	    start(s, db_check_intervention(s, iv, t0, t1, err), iv->id, iv->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE intervention SET actor_id = :actor, step_from = :from, step_to = :to, "
	          "kind = :kind, start_time = :start, end_time = :end, what = :what, "
	          "outcome = :outcome, effect = :effect, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_intervention(&q, iv, t0, t1);
	st = guarded(s, &q, &K_INTERVENTION, iv->id, iv->updated, err);
	return finish(s, st, "intervention", iv->id, iv->updated, err);
}

enum mstatus store_handover_update(struct store *s, struct m_handover *h, struct merr *err)
{
	char t[3][FT_BUFSZ];
	enum mstatus st = start(s, db_check_handover(s, h, t, err), h->id, h->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE handover SET step_id = :step, from_actor = :from, to_actor = :to, "
	          "kind = :kind, sent = :sent, received = :received, acted = :acted, "
	          "note = :note, updated = " DB_NEXT_STAMP " WHERE id = :id AND updated = :stamp");
	db_bind_handover(&q, h, t);
	st = guarded(s, &q, &K_HANDOVER, h->id, h->updated, err);
	return finish(s, st, "handover", h->id, h->updated, err);
}

/* The gap's actors become the list: rows that stay are kept (with their uuids), the others go. */
static enum mstatus replace_gap_actors(struct store *s, const struct m_gap *g, struct merr *err)
{
	struct q q;
	struct ga {
		m_id id, actor;
		char *role;
	} *have = NULL;
	size_t n = 0;
	q_prepare(&q, s, "SELECT id, actor_id, role FROM gap_actor WHERE gap_id = :gap");
	q_id(&q, ":gap", g->id);
	while (q_row(&q)) {
		have = xreallocarray(have, n + 1, sizeof *have);
		have[n].id = q_col_int(&q, 0);
		have[n].actor = q_col_int(&q, 1);
		have[n].role = q_col_text(&q, 2);
		n++;
	}
	enum mstatus st = q_finish(&q, err);
	bool *kept = xcalloc(n + 1, sizeof *kept);
	for (size_t i = 0; st == M_OK && i < g->n_actors; i++) {
		const char *role = m_gap_actor_role_code(g->actors[i].role);
		bool there = false;
		for (size_t j = 0; j < n && !there; j++)
			if (have[j].actor == g->actors[i].actor_id &&
			    strcmp(have[j].role, role) == 0)
				there = kept[j] = true;
		if (there)
			continue;
		char uuid[M_UUID_LEN + 1];
		m_uuid_new(uuid);
		q_prepare(&q, s,
		          "INSERT OR IGNORE INTO gap_actor (uuid, gap_id, actor_id, role) "
		          "VALUES (:uuid, :gap, :actor, :role)");
		q_text(&q, ":uuid", uuid);
		q_id(&q, ":gap", g->id);
		q_id(&q, ":actor", g->actors[i].actor_id);
		q_text(&q, ":role", role);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	for (size_t j = 0; st == M_OK && j < n; j++) {
		if (kept[j])
			continue;
		q_prepare(&q, s, "DELETE FROM gap_actor WHERE id = :id");
		q_id(&q, ":id", have[j].id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	for (size_t j = 0; j < n; j++)
		free(have[j].role);
	free(have);
	free(kept);
	return st;
}

/* The gap's actions become the list: an action keeps its uuid (and row) when it has one that
 * is already the gap's; actions no longer listed go. ids and uuids are written back by the
 * caller once the whole change is in. */
static enum mstatus replace_gap_actions(struct store *s, const struct m_gap *g, m_id *ids,
                                        char (*uuids)[M_UUID_LEN + 1], struct merr *err)
{
	enum mstatus st = M_OK;
	struct q q;
	for (size_t i = 0; st == M_OK && i < g->n_actions; i++) {
		const struct m_action *a = &g->actions[i];
		char follow[FT_BUFSZ];
		st = db_time_code(s, a->follow_up, follow, NULL, err);
		if (st != M_OK)
			break;
		if (a->uuid[0])
			memcpy(uuids[i], a->uuid, sizeof uuids[i]);
		else
			m_uuid_new(uuids[i]);
		/* Insert, or update the gap's own action of that uuid; an action of another gap
		 * with that uuid is refused by the uuid's uniqueness. */
		q_prepare(&q, s,
		          "INSERT INTO action (uuid, gap_id, what, actor_id, lead_id, follow_up, "
		          "status) VALUES (:uuid, :gap, :what, :actor, :lead, :follow, :status) "
		          "ON CONFLICT (uuid) DO UPDATE SET what = excluded.what, "
		          "actor_id = excluded.actor_id, lead_id = excluded.lead_id, "
		          "follow_up = excluded.follow_up, status = excluded.status, "
		          "updated = " DB_NEXT_STAMP " WHERE gap_id = excluded.gap_id "
		          "RETURNING id");
		q_text(&q, ":uuid", uuids[i]);
		q_id(&q, ":gap", g->id);
		db_bind_action(&q, a, follow);
		bool got = q_row(&q);
		if (got)
			ids[i] = q_col_int(&q, 0);
		q_exec(&q);
		st = q_finish(&q, err);
		if (st == M_OK && !got)
			st = db_invalid(s, err, _("an action of another gap cannot be moved here"));
	}
	/* What is left of the gap's actions and not in the list goes. */
	struct sqlite3_str *keep = sqlite3_str_new(s->db);
	sqlite3_str_appendall(keep, "DELETE FROM action WHERE gap_id = :gap AND id NOT IN (0");
	for (size_t i = 0; i < g->n_actions; i++)
		sqlite3_str_appendf(keep, ", %lld", (long long)ids[i]);
	sqlite3_str_appendall(keep, ")");
	char *sql = sqlite3_str_finish(keep);
	if (st == M_OK && !sql)
		st = merr_set(err, M_OTHER, MR_NONE, _("%s: out of memory"), s->path);
	if (st == M_OK) {
		q_prepare(&q, s, sql);
		q_id(&q, ":gap", g->id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	sqlite3_free(sql);
	return st;
}

enum mstatus store_gap_update(struct store *s, struct m_gap *g, struct merr *err)
{
	enum mstatus st = start(s, db_check_gap(s, g, err), g->id, g->updated, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "UPDATE gap SET step_id = :step, step_to = :to, category_id = :category, "
	          "severity = :severity, what_happened = :happened, what_must_change = :change, "
	          "level = :level, status = :status, updated = " DB_NEXT_STAMP
	          " WHERE id = :id AND updated = :stamp");
	db_bind_gap(&q, g);
	st = guarded(s, &q, &K_GAP, g->id, g->updated, err);
	m_id *ids = xcalloc(g->n_actions + 1, sizeof *ids);
	char(*uuids)[M_UUID_LEN + 1] = xcalloc(g->n_actions + 1, sizeof *uuids);
	if (st == M_OK)
		st = replace_gap_actors(s, g, err);
	if (st == M_OK)
		st = replace_gap_actions(s, g, ids, uuids, err);
	st = finish(s, st, "gap", g->id, g->updated, err);
	for (size_t i = 0; st == M_OK && i < g->n_actions; i++) {
		g->actions[i].id = ids[i];
		g->actions[i].gap_id = g->id;
		memcpy(g->actions[i].uuid, uuids[i], sizeof uuids[i]);
	}
	free(ids);
	free(uuids);
	return st;
}

/* ---- deletes ------------------------------------------------------------------------------- */

/* The schema's cascades take along what belongs to the row; the history triggers record each
 * row they take, so undo can bring everything back. A catalogue entry still in use is refused,
 * checked inside the same transaction as the delete: `uses` gives how many records use it, in
 * which cases, and its name, for `in_use` (path, name, count, cases). */
static enum mstatus delete_row(struct store *s, const struct kind *k, m_id id, const char *uses,
                               const char *in_use, struct merr *err)
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
		char *sql = xasprintf("DELETE FROM %s WHERE id = :id", k->tbl);
		q_prepare(&q, s, sql);
		free(sql);
		q_id(&q, ":id", id);
		q_exec(&q);
		int changed = sqlite3_changes(s->db);
		st = q_finish(&q, err);
		if (st == M_OK && changed == 0)
			st = gone(s, k, err);
	}
	return w_end(s, st, err);
}

enum mstatus store_case_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_CASE, id, NULL, NULL, err);
}

enum mstatus store_step_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_STEP, id, NULL, NULL, err);
}

enum mstatus store_factor_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_FACTOR, id, NULL, NULL, err);
}

enum mstatus store_intervention_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_INTERVENTION, id, NULL, NULL, err);
}

enum mstatus store_handover_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_HANDOVER, id, NULL, NULL, err);
}

enum mstatus store_gap_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(s, &K_GAP, id, NULL, NULL, err);
}

/* An age threshold naming the actor only loses the name (the schema sets it to NULL). */
enum mstatus store_actor_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(
	    s, &K_ACTOR, id,
	    "WITH u (case_id) AS ("
	    " SELECT case_id FROM intervention WHERE actor_id = :id"
	    " UNION ALL SELECT case_id FROM handover WHERE from_actor = :id OR to_actor = :id"
	    " UNION ALL SELECT g.case_id FROM gap_actor ga JOIN gap g ON g.id = ga.gap_id"
	    "  WHERE ga.actor_id = :id"
	    " UNION ALL SELECT g.case_id FROM action a JOIN gap g ON g.id = a.gap_id"
	    "  WHERE a.actor_id = :id OR a.lead_id = :id) "
	    "SELECT (SELECT count(*) FROM u), (SELECT group_concat(code, ', ') FROM "
	    " (SELECT code FROM kase WHERE id IN (SELECT case_id FROM u) "
	    "  ORDER BY code COLLATE sv)), (SELECT name FROM actor WHERE id = :id)",
	    N_("%s: %s is still used by %lld records in the cases %s; change those first"), err);
}

enum mstatus store_category_delete(struct store *s, m_id id, struct merr *err)
{
	return delete_row(
	    s, &K_CATEGORY, id,
	    "SELECT (SELECT count(*) FROM gap WHERE category_id = :id), "
	    "(SELECT group_concat(code, ', ') FROM (SELECT code FROM kase WHERE id IN "
	    " (SELECT case_id FROM gap WHERE category_id = :id) ORDER BY code COLLATE sv)), "
	    "(SELECT name FROM category WHERE id = :id)",
	    N_("%s: the gap category %s is still used by %lld gaps in the cases %s; change "
	       "those first"),
	    err);
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
		st = gone(s, &K_STEP, err);
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
