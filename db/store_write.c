/* store_write.c - the add functions of core/store_edit.h. Every value is checked before anything is
 * written, so a wrong value gets a sentence naming the field instead of a constraint name; the
 * schema's CHECKs remain the last line for other writers of the file. */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/store_workshop.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A record keeps the uuid it came with (from another laptop); a new one gets a new one. */
static enum mstatus give_uuid(struct store *s, char uuid[M_UUID_LEN + 1], bool *made,
                              struct merr *err)
{
	*made = !uuid[0];
	if (*made)
		m_uuid_new(uuid);
	else if (!m_uuid_valid(uuid))
		return db_invalid(s, err, _("a record's identity (UUID) is not valid"));
	return M_OK;
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

/* A write that could not start gives back the uuid it made. */
static enum mstatus unmade(enum mstatus st, char *uuid, bool made)
{
	if (st != M_OK && made)
		uuid[0] = '\0';
	return st;
}

/* Ends a single write; on failure a uuid made here is taken back, so a retry is a new try. */
static enum mstatus done(struct store *s, enum mstatus st, char *uuid, bool made, m_id *id,
                         m_id newid, struct merr *err)
{
	st = w_end(s, st, err);
	if (st == M_OK)
		*id = newid;
	else if (made)
		uuid[0] = '\0';
	return st;
}

enum mstatus store_actor_add(struct store *s, struct m_actor *a, struct merr *err)
{
	bool made = false;
	enum mstatus st = db_check_actor(s, a, err);
	if (st == M_OK)
		st = give_uuid(s, a->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, a->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO actor (uuid, name, short_label, sector, colour, description) "
	          "VALUES (:uuid, :name, :short, :sector, :colour, :description)");
	q_text(&q, ":uuid", a->uuid);
	db_bind_actor(&q, a);
	st = insert(s, &q, &id, err);
	return done(s, st, a->uuid, made, &a->id, id, err);
}

enum mstatus store_category_add(struct store *s, struct m_category *c, struct merr *err)
{
	bool made = false;
	enum mstatus st = db_check_category(s, c, err);
	if (st == M_OK)
		st = give_uuid(s, c->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, c->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO category (uuid, code, name, description, sort_order) "
	          "VALUES (:uuid, :code, :name, :description, :sort)");
	q_text(&q, ":uuid", c->uuid);
	db_bind_category(&q, c);
	st = insert(s, &q, &id, err);
	return done(s, st, c->uuid, made, &c->id, id, err);
}

enum mstatus store_threshold_add(struct store *s, struct m_threshold *t, struct merr *err)
{
	if (t->age < 0 || t->age > 30)
		return db_invalid(s, err, _("a threshold's age must be between 0 and 30"));
	if (!db_filled(t->label))
		return db_invalid(s, err, _("a threshold needs a label"));
	bool made = false;
	enum mstatus st = DB_TEXTS(s, err, t->label);
	if (st == M_OK)
		st = give_uuid(s, t->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, t->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO threshold (uuid, age, label, actor_id, starts) "
	          "VALUES (:uuid, :age, :label, :actor, :starts)");
	q_text(&q, ":uuid", t->uuid);
	q_int(&q, ":age", t->age);
	q_text(&q, ":label", t->label);
	q_id(&q, ":actor", t->actor_id);
	q_int(&q, ":starts", t->starts ? 1 : 0);
	st = insert(s, &q, &id, err);
	return done(s, st, t->uuid, made, &t->id, id, err);
}

enum mstatus store_case_add(struct store *s, struct m_case *c, struct merr *err)
{
	bool made = false;
	enum mstatus st = db_check_case(s, c, err);
	if (st == M_OK)
		st = give_uuid(s, c->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, c->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO kase (uuid, code, birth_year, gender, area, summary, status) "
	          "VALUES (:uuid, :code, :birth_year, :gender, :area, :summary, :status)");
	q_text(&q, ":uuid", c->uuid);
	db_bind_case(&q, c);
	st = insert(s, &q, &id, err);
	if (st != M_OK && err && err->reason == MR_EXISTS)
		merr_set(err, M_USAGE, MR_EXISTS,
		         _("%s: a case with the code %s already exists; choose another code"),
		         s->path, c->code);
	return done(s, st, c->uuid, made, &c->id, id, err);
}

static void set_text(char **field, const char *v)
{
	free(*field);
	*field = v && *v ? xstrdup(v) : NULL;
}

enum mstatus store_step_add(struct store *s, struct m_step *stp, struct merr *err)
{
	char code[FT_BUFSZ];
	struct fuzzy_time ft;
	bool made = false;
	enum mstatus st = db_check_step(s, stp, code, &ft, err);
	if (st == M_OK)
		st = give_uuid(s, stp->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, stp->uuid, made);

	/* The birth year and the last seq are read inside the write transaction, so another
	 * mellan adding to the same case cannot slip in between. */
	struct q q;
	int64_t birth_year = 0, seq = stp->seq;
	bool found = false;
	q_prepare(&q, s,
	          "SELECT coalesce(birth_year, 0), "
	          "(SELECT coalesce(max(seq), 0) + 1 FROM step WHERE case_id = :id) "
	          "FROM kase WHERE id = :id");
	q_id(&q, ":id", stp->case_id);
	if (q_row(&q)) {
		found = true;
		birth_year = q_col_int(&q, 0);
		if (seq == 0)
			seq = q_col_int(&q, 1);
	}
	st = q_finish(&q, err);
	if (st == M_OK && !found)
		st = db_invalid(s, err, _("a step must belong to a case that exists"));
	char from[11] = "", to[11] = "";
	if (st == M_OK && !ft_span(&ft, (int)birth_year, from, to))
		from[0] = to[0] = '\0';
	m_id id = 0;
	if (st == M_OK) {
		q_prepare(&q, s, DB_INSERT_STEP);
		q_text(&q, ":uuid", stp->uuid);
		q_id(&q, ":case", stp->case_id);
		db_bind_step(&q, stp, code, from, to, seq);
		st = insert(s, &q, &id, err);
	}
	st = done(s, st, stp->uuid, made, &stp->id, id, err);
	if (st == M_OK) {
		stp->seq = (int)seq;
		set_text(&stp->sort_from, from);
		set_text(&stp->sort_to, to);
	}
	return st;
}

enum mstatus store_factor_add(struct store *s, struct m_factor *f, struct merr *err)
{
	bool made = false;
	enum mstatus st = db_check_factor(s, f, err);
	if (st == M_OK)
		st = give_uuid(s, f->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, f->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO factor (uuid, step_id, kind, text) VALUES (:uuid, :step, :kind, "
	          ":text)");
	q_text(&q, ":uuid", f->uuid);
	q_id(&q, ":step", f->step_id);
	db_bind_factor(&q, f);
	st = insert(s, &q, &id, err);
	return done(s, st, f->uuid, made, &f->id, id, err);
}

enum mstatus store_intervention_add(struct store *s, struct m_intervention *iv, struct merr *err)
{
	char start[FT_BUFSZ], end[FT_BUFSZ];
	bool made = false;
	enum mstatus st = db_check_intervention(s, iv, start, end, err);
	if (st == M_OK)
		st = give_uuid(s, iv->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, iv->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s, DB_INSERT_INTERVENTION);
	q_text(&q, ":uuid", iv->uuid);
	q_id(&q, ":case", iv->case_id);
	db_bind_intervention(&q, iv, start, end);
	st = insert(s, &q, &id, err);
	return done(s, st, iv->uuid, made, &iv->id, id, err);
}

enum mstatus store_handover_add(struct store *s, struct m_handover *h, struct merr *err)
{
	char times[3][FT_BUFSZ];
	bool made = false;
	enum mstatus st = db_check_handover(s, h, times, err);
	if (st == M_OK)
		st = give_uuid(s, h->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, h->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO handover (uuid, case_id, step_id, from_actor, to_actor, kind, sent, "
	          "received, acted, note) VALUES (:uuid, :case, :step, :from, :to, :kind, :sent, "
	          ":received, :acted, :note)");
	q_text(&q, ":uuid", h->uuid);
	q_id(&q, ":case", h->case_id);
	db_bind_handover(&q, h, times);
	st = insert(s, &q, &id, err);
	return done(s, st, h->uuid, made, &h->id, id, err);
}

static enum mstatus gap_actors(struct store *s, const struct m_gap *g, m_id gap_id,
                               struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < g->n_actors; i++) {
		char uuid[M_UUID_LEN + 1];
		m_uuid_new(uuid);
		struct q q;
		m_id id;
		q_prepare(&q, s,
		          "INSERT INTO gap_actor (uuid, gap_id, actor_id, role) "
		          "VALUES (:uuid, :gap, :actor, :role)");
		q_text(&q, ":uuid", uuid);
		q_id(&q, ":gap", gap_id);
		q_id(&q, ":actor", g->actors[i].actor_id);
		q_text(&q, ":role", m_gap_actor_role_code(g->actors[i].role));
		st = insert(s, &q, &id, err);
	}
	return st;
}

/* Ids and uuids are given to the actions only once the whole gap is in. */
static enum mstatus gap_actions(struct store *s, const struct m_gap *g, m_id gap_id, m_id *ids,
                                char (*uuids)[M_UUID_LEN + 1], struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < g->n_actions; i++) {
		const struct m_action *a = &g->actions[i];
		char follow[FT_BUFSZ];
		if (a->uuid[0])
			memcpy(uuids[i], a->uuid, sizeof uuids[i]);
		else
			m_uuid_new(uuids[i]);
		st = db_time_code(s, a->follow_up, follow, NULL, err);
		if (st != M_OK)
			break;
		struct q q;
		q_prepare(&q, s,
		          "INSERT INTO action (uuid, gap_id, what, actor_id, lead_id, follow_up, "
		          "status) VALUES (:uuid, :gap, :what, :actor, :lead, :follow, :status)");
		q_text(&q, ":uuid", uuids[i]);
		q_id(&q, ":gap", gap_id);
		db_bind_action(&q, a, follow);
		st = insert(s, &q, &ids[i], err);
	}
	return st;
}

enum mstatus store_gap_add(struct store *s, struct m_gap *g, struct merr *err)
{
	bool made = false;
	enum mstatus st = db_check_gap(s, g, err);
	if (st == M_OK)
		st = give_uuid(s, g->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, g->uuid, made);
	struct q q;
	m_id id = 0;
	m_id *ids = xcalloc(g->n_actions + 1, sizeof *ids);
	char(*uuids)[M_UUID_LEN + 1] = xcalloc(g->n_actions + 1, sizeof *uuids);
	q_prepare(&q, s,
	          "INSERT INTO gap (uuid, case_id, step_id, step_to, category_id, severity, "
	          "what_happened, what_must_change, level, status) VALUES (:uuid, :case, :step, "
	          ":to, :category, :severity, :happened, :change, :level, :status)");
	q_text(&q, ":uuid", g->uuid);
	q_id(&q, ":case", g->case_id);
	db_bind_gap(&q, g);
	st = insert(s, &q, &id, err);
	if (st == M_OK)
		st = gap_actors(s, g, id, err);
	if (st == M_OK)
		st = gap_actions(s, g, id, ids, uuids, err);
	st = done(s, st, g->uuid, made, &g->id, id, err);
	for (size_t i = 0; st == M_OK && i < g->n_actions; i++) {
		g->actions[i].id = ids[i];
		g->actions[i].gap_id = id;
		memcpy(g->actions[i].uuid, uuids[i], sizeof uuids[i]);
	}
	free(ids);
	free(uuids);
	return st;
}

enum mstatus store_workshop_add(struct store *s, struct m_workshop *w, struct merr *err)
{
	if (!db_filled(w->date))
		return db_invalid(s, err, _("a workshop needs a date"));
	bool made = false;
	enum mstatus st = DB_TEXTS(s, err, w->date, w->place, w->sectors, w->notes);
	if (st == M_OK)
		st = give_uuid(s, w->uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return unmade(st, w->uuid, made);
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "INSERT INTO workshop (uuid, date, place, sectors, notes) "
	          "VALUES (:uuid, :date, :place, :sectors, :notes)");
	q_text(&q, ":uuid", w->uuid);
	q_text(&q, ":date", w->date);
	q_text(&q, ":place", w->place);
	q_text(&q, ":sectors", w->sectors);
	q_text(&q, ":notes", w->notes);
	st = insert(s, &q, &id, err);
	return done(s, st, w->uuid, made, &w->id, id, err);
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
