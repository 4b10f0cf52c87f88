/* portable.c - records as they travel between files (portable.h): the tables and columns that
 * travel, reading a row of ours or another file's into one form, the checks it must pass, and
 * writing it here with references resolved to our row ids. */
#include "portable.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD                                                                                       \
	{"uuid", "uuid", P_UUID, NULL, NULL, 0, 0},                                                \
	    {"created", "created", P_STAMP, NULL, NULL, 0, 0},                                     \
	{                                                                                          \
		"updated", "updated", P_STAMP, NULL, NULL, 0, 0                                    \
	}

static const struct pcol actor_cols[] = {
    HEAD,
    {"name", "name", P_REQ, NULL, NULL, 0, 0},
    {"short_label", "short_label", P_TEXT, NULL, NULL, 0, 0},
    {"sector", "sector", P_CODE, NULL, m_sector_from_code, 0, 0},
    {"colour", "colour", P_INT, NULL, NULL, 0, 7},
    {"description", "description", P_TEXT, NULL, NULL, 0, 0},
};
static const struct pcol category_cols[] = {
    HEAD,
    {"code", "code", P_REQ, NULL, NULL, 0, 0},
    {"name", "name", P_REQ, NULL, NULL, 0, 0},
    {"description", "description", P_TEXT, NULL, NULL, 0, 0},
    {"sort_order", "sort_order", P_INT, NULL, NULL, INT_MIN, INT_MAX},
};
static const struct pcol case_cols[] = {
    HEAD,
    {"code", "code", P_REQ, NULL, NULL, 0, 0},
    {"birth_year", "birth_year", P_INTN, NULL, NULL, 1900, 2100},
    {"gender", "gender", P_TEXT, NULL, NULL, 0, 0},
    {"area", "area", P_TEXT, NULL, NULL, 0, 0},
    {"summary", "summary", P_TEXT, NULL, NULL, 0, 0},
    {"status", "status", P_CODE, NULL, m_case_status_from_code, 0, 0},
};
static const struct pcol step_cols[] = {
    HEAD,
    {"case_id", "case", P_REF, "kase", NULL, 0, 0},
    {"time", "time", P_TIME, NULL, NULL, 0, 0},
    {"seq", "seq", P_INT, NULL, NULL, 1, INT_MAX},
    {"title", "title", P_REQ, NULL, NULL, 0, 0},
    {"narrative", "narrative", P_TEXT, NULL, NULL, 0, 0},
    {"domain", "domain", P_CODE, NULL, m_domain_from_code, 0, 0},
    {"certainty", "certainty", P_CODE, NULL, m_certainty_from_code, 0, 0},
    {"voice", "voice", P_TEXT, NULL, NULL, 0, 0},
    {"note", "note", P_TEXT, NULL, NULL, 0, 0},
};
static const struct pcol factor_cols[] = {
    HEAD,
    {"step_id", "step", P_REF, "step", NULL, 0, 0},
    {"kind", "kind", P_CODE, NULL, m_factor_kind_from_code, 0, 0},
    {"text", "text", P_REQ, NULL, NULL, 0, 0},
};
static const struct pcol intervention_cols[] = {
    HEAD,
    {"case_id", "case", P_REF, "kase", NULL, 0, 0},
    {"actor_id", "actor", P_REF, "actor", NULL, 0, 0},
    {"step_from", "step_from", P_REFN, "step", NULL, 0, 0},
    {"step_to", "step_to", P_REFN, "step", NULL, 0, 0},
    {"kind", "kind", P_CODE, NULL, m_iv_kind_from_code, 0, 0},
    {"start_time", "start", P_TIME, NULL, NULL, 0, 0},
    {"end_time", "end", P_TIME, NULL, NULL, 0, 0},
    {"what", "what", P_TEXT, NULL, NULL, 0, 0},
    {"outcome", "outcome", P_TEXT, NULL, NULL, 0, 0},
    {"effect", "effect", P_INT, NULL, NULL, -2, 2},
};
static const struct pcol handover_cols[] = {
    HEAD,
    {"case_id", "case", P_REF, "kase", NULL, 0, 0},
    {"step_id", "step", P_REFN, "step", NULL, 0, 0},
    {"from_actor", "from", P_REF, "actor", NULL, 0, 0},
    {"to_actor", "to", P_REF, "actor", NULL, 0, 0},
    {"kind", "kind", P_CODE, NULL, m_ho_kind_from_code, 0, 0},
    {"sent", "sent", P_TIME, NULL, NULL, 0, 0},
    {"received", "received", P_TIME, NULL, NULL, 0, 0},
    {"acted", "acted", P_TIME, NULL, NULL, 0, 0},
    {"note", "note", P_TEXT, NULL, NULL, 0, 0},
};
static const struct pcol gap_cols[] = {
    HEAD,
    {"case_id", "case", P_REF, "kase", NULL, 0, 0},
    {"step_id", "step", P_REFN, "step", NULL, 0, 0},
    {"step_to", "step_to", P_REFN, "step", NULL, 0, 0},
    {"category_id", "category", P_REF, "category", NULL, 0, 0},
    {"severity", "severity", P_INT, NULL, NULL, 1, 3},
    {"what_happened", "what_happened", P_TEXT, NULL, NULL, 0, 0},
    {"what_must_change", "what_must_change", P_TEXT, NULL, NULL, 0, 0},
    {"level", "level", P_CODE, NULL, m_level_from_code, 0, 0},
    {"status", "status", P_CODE, NULL, m_gap_status_from_code, 0, 0},
};
static const struct pcol gap_actor_cols[] = {
    HEAD,
    {"gap_id", "gap", P_REF, "gap", NULL, 0, 0},
    {"actor_id", "actor", P_REF, "actor", NULL, 0, 0},
    {"role", "role", P_CODE, NULL, m_gap_actor_role_from_code, 0, 0},
};
static const struct pcol action_cols[] = {
    HEAD,
    {"gap_id", "gap", P_REF, "gap", NULL, 0, 0},
    {"what", "what", P_REQ, NULL, NULL, 0, 0},
    {"actor_id", "actor", P_REFN, "actor", NULL, 0, 0},
    {"lead_id", "lead", P_REFN, "actor", NULL, 0, 0},
    {"follow_up", "follow_up", P_TIME, NULL, NULL, 0, 0},
    {"status", "status", P_CODE, NULL, m_action_status_from_code, 0, 0},
};

#define T(tbl, key, what, cols)                                                                    \
	{                                                                                          \
		tbl, key, what, cols, sizeof cols / sizeof cols[0]                                 \
	}
const struct ptable ptables[] = {
    T("actor", "actors", N_("actor"), actor_cols),
    T("category", "categories", N_("gap category"), category_cols),
    T("kase", "cases", N_("case"), case_cols),
    T("step", "steps", N_("step"), step_cols),
    T("factor", "factors", N_("factor"), factor_cols),
    T("intervention", "interventions", N_("intervention"), intervention_cols),
    T("handover", "handovers", N_("hand-over"), handover_cols),
    T("gap", "gaps", N_("gap"), gap_cols),
    T("gap_actor", "gap_actors", N_("actor of a gap"), gap_actor_cols),
    T("action", "actions", N_("action"), action_cols),
};
const size_t n_ptables = sizeof ptables / sizeof ptables[0];

const struct ptable *ptable_find(const char *table)
{
	for (size_t i = 0; i < n_ptables; i++)
		if (strcmp(ptables[i].table, table) == 0)
			return &ptables[i];
	return NULL;
}

void prow_clear(struct prow *r)
{
	for (size_t i = 0; i < PCOLS_MAX; i++)
		free(r->v[i]);
	memset(r, 0, sizeof *r);
}

bool prow_same(const struct prow *a, const struct prow *b, size_t i)
{
	if (!a->v[i] || !b->v[i])
		return !a->v[i] && !b->v[i];
	return strcmp(a->v[i], b->v[i]) == 0;
}

static bool is_ref(enum pkind k)
{
	return k == P_REF || k == P_REFN;
}

static bool is_int(enum pkind k)
{
	return k == P_INT || k == P_INTN;
}

char *ptable_select_sql(const struct ptable *t, const char *db, const char *where)
{
	char *sql = xstrdup("SELECT ");
	for (size_t i = 0; i < t->n; i++) {
		const struct pcol *c = &t->cols[i];
		char *e = is_ref(c->kind)
		              ? xasprintf("(SELECT r.uuid FROM %s.%s r WHERE r.id = t.%s)", db,
		                          c->ref, c->col)
		              : xasprintf("t.%s", c->col);
		char *next = xasprintf("%s%stypeof(%s), %s", sql, i ? ", " : "", e, e);
		free(e);
		free(sql);
		sql = next;
	}
	char *full = xasprintf("%s FROM %s.%s t %s", sql, db, t->table, where);
	free(sql);
	return full;
}

static enum mstatus bad_field(const struct ptable *t, size_t i, const char *where, const char *why,
                              struct merr *err)
{
	(void)t;
	return merr_set(err, M_DATA, MR_INVALID, "%s.%s: %s", where, t->cols[i].key, why);
}

enum mstatus prow_from_stmt(const struct ptable *t, sqlite3_stmt *st, struct prow *r,
                            const char *where, struct merr *err)
{
	prow_clear(r);
	for (size_t i = 0; i < t->n; i++) {
		const char *type = (const char *)sqlite3_column_text(st, (int)(2 * i));
		const char *v = (const char *)sqlite3_column_text(st, (int)(2 * i + 1));
		if (!type || strcmp(type, "null") == 0 || !v)
			continue;
		bool want_int = is_int(t->cols[i].kind);
		if (want_int && strcmp(type, "integer") != 0)
			return bad_field(t, i, where, _("expected a whole number"), err);
		if (!want_int && strcmp(type, "text") != 0)
			return bad_field(t, i, where, _("expected text"), err);
		/* A NUL inside the text (JSON's \u0000, or a value another program wrote) would
		 * cut it short everywhere it is read: refused whole rather than cut. */
		if (!want_int && strlen(v) != (size_t)sqlite3_column_bytes(st, (int)(2 * i + 1)))
			return bad_field(t, i, where,
			                 _("holds a NUL character (\\u0000); text cannot hold one"),
			                 err);
		if (!want_int && !*v)
			continue; /* as our writes do: empty text is no text */
		r->v[i] = xstrdup(v);
		r->is_int[i] = want_int;
	}
	return M_OK;
}

static bool filled(const char *t)
{
	for (; t && *t; t++)
		if (!isspace((unsigned char)*t))
			return true;
	return false;
}

static bool stamp_ok(const char *v)
{
	static const char pat[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	if (strlen(v) != sizeof pat - 1)
		return false;
	for (size_t i = 0; pat[i]; i++)
		if (pat[i] == 'd' ? !isdigit((unsigned char)v[i]) : v[i] != pat[i])
			return false;
	return true;
}

enum mstatus prow_check(const struct ptable *t, const struct prow *r, const char *where,
                        struct merr *err)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct pcol *c = &t->cols[i];
		const char *v = r->v[i];
		if (v && !r->is_int[i] && !text_valid_utf8(v, strlen(v)))
			return bad_field(t, i, where, _("text that is not valid UTF-8"), err);
		bool required = c->kind == P_UUID || c->kind == P_STAMP || c->kind == P_REQ ||
		                c->kind == P_CODE || c->kind == P_INT || c->kind == P_REF;
		if (!v || (c->kind == P_REQ && !filled(v))) {
			if (required)
				return bad_field(t, i, where, _("is missing"), err);
			continue;
		}
		switch (c->kind) {
		case P_UUID:
		case P_REF:
		case P_REFN:
			if (!m_uuid_valid(v))
				return bad_field(t, i, where, _("not a valid identity (UUID)"),
				                 err);
			break;
		case P_STAMP:
			if (!stamp_ok(v))
				return bad_field(
				    t, i, where,
				    _("not a time stamp like 2026-11-22T19:37:37.123Z"), err);
			break;
		case P_CODE:
			if (c->code(v) < 0)
				return bad_field(t, i, where, _("not one of the known codes"), err);
			break;
		case P_TIME: {
			struct fuzzy_time ft;
			struct merr e = {0};
			char code[FT_BUFSZ];
			if (ft_parse(v, &ft, &e) != M_OK) {
				char *clean = text_sanitize(e.msg, 0);
				bad_field(t, i, where, clean, err);
				free(clean);
				return M_DATA;
			}
			ft_code(&ft, code);
			if (strcmp(code, v) != 0)
				return bad_field(t, i, where, _("not a time code (see mellan(5))"),
				                 err);
			break;
		}
		case P_INT:
		case P_INTN: {
			errno = 0;
			char *end = NULL;
			long long n = strtoll(v, &end, 10);
			if (errno || *end || n < c->lo || n > c->hi)
				return bad_field(t, i, where, _("a number out of range"), err);
			break;
		}
		default:
			break;
		}
	}
	return M_OK;
}

enum mstatus ptemp_memory(struct store *s, struct merr *err)
{
	return db_exec(s, "PRAGMA temp_store = MEMORY", err);
}

enum mstatus pmap_setup(struct store *s, struct merr *err)
{
	return db_exec(s,
	               "CREATE TEMP TABLE IF NOT EXISTS x_map (theirs TEXT PRIMARY KEY, "
	               "ours TEXT NOT NULL) WITHOUT ROWID; DELETE FROM temp.x_map;",
	               err);
}

void pmap_drop(struct store *s)
{
	db_exec(s, "DROP TABLE IF EXISTS temp.x_map", NULL);
}

m_id plocal_id(struct store *s, const char *table, const char *uuid, enum mstatus *st,
               struct merr *err)
{
	char *sql = xasprintf("SELECT id FROM main.%s WHERE uuid = coalesce((SELECT ours FROM "
	                      "temp.x_map WHERE theirs = :u), :u)",
	                      table);
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", uuid);
	m_id id = q_row(&q) ? q_col_int(&q, 0) : 0;
	*st = pq_finish(&q, err);
	return id;
}

char *pmatch(struct store *s, const struct ptable *t, const struct prow *r, enum mstatus *st,
             struct merr *err)
{
	/* What else makes a record the same here: an actor's name, a category's code (unique),
	 * and an actor's role in a gap (unique: two laptops may both have added it). */
	bool ga = strcmp(t->table, "gap_actor") == 0;
	const char *by = strcmp(t->table, "actor") == 0 ? "trim(name) = trim(:k) COLLATE NOCASE"
	                 : strcmp(t->table, "category") == 0 ? "code = :k"
	                 : ga ? "gap_id = :gap AND actor_id = :actor AND role = :k"
	                      : NULL;
	m_id gap = 0, actor = 0;
	if (ga) {
		gap = plocal_id(s, "gap", r->v[3], st, err);
		if (*st == M_OK)
			actor = plocal_id(s, "actor", r->v[4], st, err);
		if (*st != M_OK)
			return NULL;
	}
	char *sql = by ? xasprintf("SELECT uuid FROM main.%s WHERE uuid = :u UNION ALL "
	                           "SELECT * FROM (SELECT uuid FROM main.%s WHERE %s ORDER BY id) "
	                           "LIMIT 1",
	                           t->table, t->table, by)
	               : xasprintf("SELECT uuid FROM main.%s WHERE uuid = :u", t->table);
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", r->v[0]);
	if (ga) {
		q_int(&q, ":gap", gap);
		q_int(&q, ":actor", actor);
		q_text(&q, ":k", r->v[5]);
	} else if (by) {
		q_text(&q, ":k", r->v[3]); /* name of an actor, code of a category */
	}
	char *ours = q_row(&q) ? q_col_text(&q, 0) : NULL;
	*st = pq_finish(&q, err);
	if (*st == M_OK && ours && strcmp(ours, r->v[0]) != 0) {
		pq_prepare(&q, s,
		           "INSERT OR REPLACE INTO temp.x_map (theirs, ours) VALUES (:t, :o)");
		q_text(&q, ":t", r->v[0]);
		q_text(&q, ":o", ours);
		q_exec(&q);
		*st = pq_finish(&q, err);
	}
	return ours;
}

/* The value of column i bound to :p<i>, references resolved to our ids. */
static enum mstatus bind_col(struct store *s, struct q *q, const struct ptable *t,
                             const struct prow *r, size_t i, const char *where, struct merr *err)
{
	char name[16];
	snprintf(name, sizeof name, ":p%zu", i);
	const struct pcol *c = &t->cols[i];
	enum mstatus st = M_OK;
	if (is_ref(c->kind)) {
		m_id id = r->v[i] ? plocal_id(s, c->ref, r->v[i], &st, err) : 0;
		if (st == M_OK && r->v[i] && !id)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s.%s: refers to a record that is not there"), where,
			                c->key);
		q_id(q, name, id);
	} else if (r->is_int[i]) {
		q_int(q, name, strtoll(r->v[i], NULL, 10));
	} else {
		q_text(q, name, r->v[i]);
	}
	return st;
}

static size_t col_index(const struct ptable *t, const char *col)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->cols[i].col, col) == 0)
			return i;
	return t->n;
}

enum mstatus psort_keys(struct store *s, const char *time, m_id case_id, char from[11], char to[11],
                        struct merr *err)
{
	from[0] = to[0] = '\0';
	struct q q;
	pq_prepare(&q, s, "SELECT coalesce(birth_year, 0) FROM kase WHERE id = :id");
	q_id(&q, ":id", case_id);
	int by = q_row(&q) ? (int)q_col_int(&q, 0) : 0;
	enum mstatus st = pq_finish(&q, err);
	struct fuzzy_time ft;
	if (st == M_OK && time && ft_parse(time, &ft, NULL) == M_OK && !ft_span(&ft, by, from, to))
		from[0] = to[0] = '\0';
	return st;
}

/* A record of another kind that has this uuid already refuses r: one identity, one record. */
static enum mstatus uuid_free(struct store *s, const struct ptable *t, const char *uuid,
                              const char *where, struct merr *err)
{
	struct q q;
	if (!s->uuid_sql) {
		q_prepare(
		    &q, s,
		    "SELECT group_concat('SELECT ''' || m.name || ''' FROM main.\"' || m.name "
		    "|| '\" WHERE uuid = :u', ' UNION ALL ') FROM main.sqlite_schema m WHERE "
		    "m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p "
		    "WHERE p.name = 'uuid')");
		char *sql = q_row(&q) ? q_col_text(&q, 0) : NULL;
		enum mstatus st = q_finish(&q, err);
		if (st != M_OK || !sql) {
			free(sql);
			return st;
		}
		s->uuid_sql = xasprintf("%s LIMIT 1", sql);
		free(sql);
	}
	pq_prepare(&q, s, s->uuid_sql);
	q_text(&q, ":u", uuid);
	char *other = q_row(&q) ? q_col_text(&q, 0) : NULL;
	enum mstatus st = pq_finish(&q, err);
	if (st == M_OK && other) {
		const struct ptable *o = ptable_find(other);
		st = merr_set(err, M_DATA, MR_EXISTS,
		              _("%s.uuid: already the identity of a %s here; two records cannot "
		                "share one (the %s needs an identity of its own)"),
		              where, o ? _(o->what) : other, _(t->what));
	}
	free(other);
	return st;
}

enum mstatus prow_insert(struct store *s, const struct ptable *t, const struct prow *r,
                         const char *where, struct merr *err)
{
	enum mstatus ust = uuid_free(s, t, r->v[0], where, err);
	if (ust != M_OK)
		return ust;
	bool step = strcmp(t->table, "step") == 0;
	char *cols = xstrdup(""), *vals = xstrdup("");
	for (size_t i = 0; i < t->n; i++) {
		char *c = xasprintf("%s%s%s", cols, i ? ", " : "", t->cols[i].col);
		char *v = xasprintf("%s%s:p%zu", vals, i ? ", " : "", i);
		free(cols);
		free(vals);
		cols = c;
		vals = v;
	}
	char *sql = xasprintf("INSERT INTO main.%s (%s%s) VALUES (%s%s)", t->table, cols,
	                      step ? ", sort_from, sort_to" : "", vals, step ? ", :from, :to" : "");
	free(cols);
	free(vals);
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < t->n; i++)
		st = bind_col(s, &q, t, r, i, where, err);
	if (st == M_OK && step) {
		char from[11], to[11];
		size_t ci = col_index(t, "case_id"), ti = col_index(t, "time");
		m_id case_id = plocal_id(s, "kase", r->v[ci], &st, err);
		if (st == M_OK)
			st = psort_keys(s, r->v[ti], case_id, from, to, err);
		q_text(&q, ":from", from);
		q_text(&q, ":to", to);
	}
	if (st == M_OK)
		q_exec(&q);
	struct merr e = {0};
	enum mstatus fst = pq_finish(&q, &e);
	if (st == M_OK && fst != M_OK)
		st = merr_set(err, merr_data(NULL, fst), e.reason, "%s: %s", where, e.msg);
	return st;
}

enum mstatus prow_load(struct store *s, const struct ptable *t, const char *uuid, struct prow *r,
                       bool *found, struct merr *err)
{
	char *sql = ptable_select_sql(t, "main", "WHERE t.uuid = :u");
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", uuid);
	*found = false;
	enum mstatus st = M_OK;
	if (q_row(&q)) {
		*found = true;
		st = prow_from_stmt(t, q.st, r, uuid, err);
	}
	enum mstatus fst = pq_finish(&q, err);
	return st != M_OK ? st : fst;
}

static enum mstatus resort_steps(struct store *s, const char *case_uuid, struct merr *err)
{
	struct q q;
	pq_prepare(&q, s,
	           "SELECT t.id, t.time, t.case_id FROM main.step t JOIN main.kase k ON k.id = "
	           "t.case_id WHERE k.uuid = :u AND t.time IS NOT NULL");
	q_text(&q, ":u", case_uuid);
	size_t n = 0;
	struct {
		m_id id, case_id;
		char *time;
	} *steps = NULL;
	while (q_row(&q)) {
		steps = xreallocarray(steps, n + 1, sizeof *steps);
		steps[n].id = q_col_int(&q, 0);
		steps[n].time = q_col_text(&q, 1);
		steps[n].case_id = q_col_int(&q, 2);
		n++;
	}
	enum mstatus st = pq_finish(&q, err);
	for (size_t k = 0; k < n; k++) {
		char from[11], to[11];
		if (st == M_OK)
			st = psort_keys(s, steps[k].time, steps[k].case_id, from, to, err);
		if (st == M_OK) {
			pq_prepare(
			    &q, s,
			    "UPDATE main.step SET sort_from = :f, sort_to = :t WHERE id = :id");
			q_text(&q, ":f", from);
			q_text(&q, ":t", to);
			q_id(&q, ":id", steps[k].id);
			q_exec(&q);
			st = pq_finish(&q, err);
		}
		free(steps[k].time);
	}
	free(steps);
	return st;
}

enum mstatus prow_set(struct store *s, const struct ptable *t, const char *uuid,
                      const struct prow *r, size_t i, const char *where, struct merr *err)
{
	bool time = strcmp(t->table, "step") == 0 && strcmp(t->cols[i].col, "time") == 0;
	char *sql = xasprintf("UPDATE main.%s SET %s = :p%zu%s WHERE uuid = :u", t->table,
	                      t->cols[i].col, i, time ? ", sort_from = :from, sort_to = :to" : "");
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", uuid);
	enum mstatus st = bind_col(s, &q, t, r, i, where, err);
	if (st == M_OK && time) {
		char from[11], to[11];
		m_id case_id = 0;
		struct q c;
		pq_prepare(&c, s, "SELECT case_id FROM step WHERE uuid = :u");
		q_text(&c, ":u", uuid);
		if (q_row(&c))
			case_id = q_col_int(&c, 0);
		st = pq_finish(&c, err);
		if (st == M_OK)
			st = psort_keys(s, r->v[i], case_id, from, to, err);
		q_text(&q, ":from", from);
		q_text(&q, ":to", to);
	}
	if (st == M_OK)
		q_exec(&q);
	enum mstatus fst = pq_finish(&q, st == M_OK ? err : NULL);
	if (st == M_OK)
		st = fst;
	/* A new birth year moves the case's steps that are placed by age. */
	if (st == M_OK && strcmp(t->table, "kase") == 0 &&
	    strcmp(t->cols[i].col, "birth_year") == 0)
		st = resort_steps(s, uuid, err);
	return st;
}
