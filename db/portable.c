/* portable.c - records as they travel between files (portable.h): reading a row of ours or
 * another file's into one form by its kind's table (core/records.h), the checks it must pass, and
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

bool ptravels(const struct record_field *f)
{
	return f->key != NULL;
}

bool pref(const struct record_field *f)
{
	return f->type == RT_REF;
}

bool pint(const struct record_field *f)
{
	return f->type == RT_INT || f->type == RT_BOOL;
}

void prow_clear(struct prow *r)
{
	for (size_t i = 0; i < RECORD_FIELDS_MAX; i++)
		free(r->v[i]);
	memset(r, 0, sizeof *r);
}

bool prow_same(const struct prow *a, const struct prow *b, size_t i)
{
	if (!a->v[i] || !b->v[i])
		return !a->v[i] && !b->v[i];
	return strcmp(a->v[i], b->v[i]) == 0;
}

char *ptable_select_sql(const struct record_kind *t, const char *db, const char *where)
{
	char *sql = xstrdup("SELECT ");
	for (size_t i = 0, j = 0; i < t->n_fields; i++) {
		const struct record_field *c = &t->fields[i];
		if (!ptravels(c))
			continue;
		char *e = pref(c) ? xasprintf("(SELECT r.uuid FROM %s.%s r WHERE r.id = t.%s)", db,
		                              c->ref->table, c->col)
		                  : xasprintf("t.%s", c->col);
		char *next = xasprintf("%s%stypeof(%s), %s", sql, j++ ? ", " : "", e, e);
		free(e);
		free(sql);
		sql = next;
	}
	char *full = xasprintf("%s FROM %s.%s t %s", sql, db, t->table, where);
	free(sql);
	return full;
}

static enum mstatus bad_field(const struct record_kind *t, size_t i, const char *where,
                              const char *why, struct merr *err)
{
	return merr_set(err, M_DATA, MR_INVALID, "%s.%s: %s", where, t->fields[i].key, why);
}

enum mstatus prow_from_stmt(const struct record_kind *t, sqlite3_stmt *st, struct prow *r,
                            const char *where, struct merr *err)
{
	prow_clear(r);
	for (size_t i = 0, j = 0; i < t->n_fields; i++) {
		if (!ptravels(&t->fields[i]))
			continue;
		int col = (int)(2 * j++);
		const char *type = (const char *)sqlite3_column_text(st, col);
		const char *v = (const char *)sqlite3_column_text(st, col + 1);
		if (!type || strcmp(type, "null") == 0 || !v)
			continue;
		bool want_int = pint(&t->fields[i]);
		if (want_int && strcmp(type, "integer") != 0)
			return bad_field(t, i, where, _("expected a whole number"), err);
		if (!want_int && strcmp(type, "text") != 0)
			return bad_field(t, i, where, _("expected text"), err);
		/* A NUL inside the text (JSON's \u0000, or a value another program wrote) would
		 * cut it short everywhere it is read: refused whole rather than cut. */
		if (!want_int && strlen(v) != (size_t)sqlite3_column_bytes(st, col + 1))
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

/* Whether a record from outside must have the field: its identity and stamps, a required text
 * or reference, and every number, code and yes-or-no but one that may be unknown (RF_NULL0). */
static bool required(const struct record_field *f)
{
	switch (f->type) {
	case RT_UUID:
	case RT_STAMP:
	case RT_ENUM:
	case RT_BOOL:
		return true;
	case RT_INT:
		return !(f->flags & RF_NULL0);
	default:
		return (f->flags & RF_REQUIRED) != 0;
	}
}

enum mstatus prow_check(const struct record_kind *t, const struct prow *r, const char *where,
                        struct merr *err)
{
	for (size_t i = 0; i < t->n_fields; i++) {
		const struct record_field *c = &t->fields[i];
		const char *v = r->v[i];
		if (!ptravels(c))
			continue;
		if (v && !r->is_int[i] && !text_valid_utf8(v, strlen(v)))
			return bad_field(t, i, where, _("text that is not valid UTF-8"), err);
		if (!v || (c->type == RT_TEXT && (c->flags & RF_REQUIRED) && !filled(v))) {
			if (required(c))
				return bad_field(t, i, where, _("is missing"), err);
			continue;
		}
		switch (c->type) {
		case RT_UUID:
		case RT_REF:
			if (!m_uuid_valid(v))
				return bad_field(t, i, where, _("not a valid identity (UUID)"),
				                 err);
			break;
		case RT_STAMP:
			if (!stamp_ok(v))
				return bad_field(
				    t, i, where,
				    _("not a time stamp like 2026-11-22T19:37:37.123Z"), err);
			break;
		case RT_ENUM:
			if (m_enum_value(c->codes, v) < 0)
				return bad_field(t, i, where, _("not one of the known codes"), err);
			break;
		case RT_CODES: {
			char *copy = xstrdup(v);
			bool ok = true;
			for (char *save = NULL, *k = strtok_r(copy, ",", &save); k;
			     k = strtok_r(NULL, ",", &save))
				ok = ok && m_enum_value(c->codes, k) >= 0;
			free(copy);
			if (!ok)
				return bad_field(t, i, where, _("not one of the known codes"), err);
			break;
		}
		case RT_TIME: {
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
		case RT_INT:
		case RT_BOOL: {
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

char *pmatch(struct store *s, const struct record_kind *t, const struct prow *r, enum mstatus *st,
             struct merr *err)
{
	/* What else makes a record the same here, its RF_MATCH fields: an actor's name, a
	 * category's code (unique), and an actor's role in a gap (unique: two laptops may both
	 * have added it). References are compared as our records. */
	m_id ids[RECORD_FIELDS_MAX] = {0};
	sqlite3_str *by = sqlite3_str_new(NULL);
	for (size_t i = 0; *st == M_OK && i < t->n_fields; i++) {
		const struct record_field *f = &t->fields[i];
		if (!(f->flags & RF_MATCH))
			continue;
		const char *and = sqlite3_str_length(by) ? " AND " : "";
		if (f->flags & RF_FOLD)
			sqlite3_str_appendf(by, "%strim(%s) = trim(:m%d) COLLATE NOCASE", and,
			                    f->col, (int)i);
		else
			sqlite3_str_appendf(by, "%s%s = :m%d", and, f->col, (int)i);
		if (pref(f) && r->v[i])
			ids[i] = plocal_id(s, f->ref->table, r->v[i], st, err);
	}
	char *cond = sqlite3_str_finish(by);
	char *sql = cond ? xasprintf("SELECT uuid FROM main.%s WHERE uuid = :u UNION ALL "
	                             "SELECT * FROM (SELECT uuid FROM main.%s WHERE %s ORDER BY "
	                             "id) LIMIT 1",
	                             t->table, t->table, cond)
	                 : xasprintf("SELECT uuid FROM main.%s WHERE uuid = :u", t->table);
	sqlite3_free(cond);
	if (*st != M_OK) {
		free(sql);
		return NULL;
	}
	struct q q;
	pq_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", r->v[0]);
	for (size_t i = 0; i < t->n_fields; i++) {
		const struct record_field *f = &t->fields[i];
		char name[32];
		snprintf(name, sizeof name, ":m%zu", i);
		if (!(f->flags & RF_MATCH))
			continue;
		if (pref(f))
			q_int(&q, name, ids[i]);
		else
			q_text(&q, name, r->v[i]);
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
static enum mstatus bind_col(struct store *s, struct q *q, const struct record_kind *t,
                             const struct prow *r, size_t i, const char *where, struct merr *err)
{
	char name[16];
	snprintf(name, sizeof name, ":p%zu", i);
	const struct record_field *c = &t->fields[i];
	enum mstatus st = M_OK;
	if (pref(c)) {
		m_id id = r->v[i] ? plocal_id(s, c->ref->table, r->v[i], &st, err) : 0;
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
static enum mstatus uuid_free(struct store *s, const struct record_kind *t, const char *uuid,
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
		const struct record_kind *o = record_kind_of(other);
		st = merr_set(err, M_DATA, MR_EXISTS,
		              _("%s.uuid: already the identity of a %s here; two records cannot "
		                "share one (the %s needs an identity of its own)"),
		              where, o ? _(o->what) : other, _(t->what));
	}
	free(other);
	return st;
}

enum mstatus prow_insert(struct store *s, const struct record_kind *t, const struct prow *r,
                         const char *where, struct merr *err)
{
	enum mstatus ust = uuid_free(s, t, r->v[0], where, err);
	if (ust != M_OK)
		return ust;
	bool step = t == &records[R_STEP];
	char *cols = xstrdup(""), *vals = xstrdup("");
	for (size_t i = 0; i < t->n_fields; i++) {
		if (!ptravels(&t->fields[i]))
			continue;
		char *c = xasprintf("%s%s%s", cols, *cols ? ", " : "", t->fields[i].col);
		char *v = xasprintf("%s%s:p%zu", vals, *vals ? ", " : "", i);
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
	for (size_t i = 0; st == M_OK && i < t->n_fields; i++)
		if (ptravels(&t->fields[i]))
			st = bind_col(s, &q, t, r, i, where, err);
	if (st == M_OK && step) {
		char from[11], to[11];
		size_t ci = record_field_index(t, "case_id"), ti = record_field_index(t, "time");
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

enum mstatus prow_load(struct store *s, const struct record_kind *t, const char *uuid,
                       struct prow *r, bool *found, struct merr *err)
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

enum mstatus prow_set(struct store *s, const struct record_kind *t, const char *uuid,
                      const struct prow *r, size_t i, const char *where, struct merr *err)
{
	bool time = t == &records[R_STEP] && strcmp(t->fields[i].col, "time") == 0;
	char *sql =
	    xasprintf("UPDATE main.%s SET %s = :p%zu%s WHERE uuid = :u", t->table, t->fields[i].col,
	              i, time ? ", sort_from = :from, sort_to = :to" : "");
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
	if (st == M_OK && t == &records[R_CASE] && strcmp(t->fields[i].col, "birth_year") == 0)
		st = resort_steps(s, uuid, err);
	return st;
}
