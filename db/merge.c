/* merge.c - `mellan merge OTHER`: another laptop's database brought into this one, by uuid.
 *
 * OTHER is not trusted. It is read through an immutable read-only connection (no lock, no -wal,
 * nothing written), after its integrity check, and only when its schema is exactly ours: any
 * trigger, view or table mellan did not make refuses the file. Only base tables are read, with
 * our own statements; every row passes the checks our writes make (portable.c).
 *
 * Which side changed a field: both files keep a history of every value each row had. When the
 * two values differ and the other side's value is one this file had before, this side changed
 * it later and keeps it; when this side's value is one the other file had before, the other side
 * changed it and its value is taken; otherwise both changed it: a conflict, kept in
 * merge_conflict and listed. Merging the same file again finds every field equal or decided. */
#include "portable.h"

#include "core/i18n.h"
#include "core/store_exchange.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct other {
	sqlite3 *db;
	const char *path;
};

static enum mstatus refuse(const char *path, const char *why, struct merr *err)
{
	return merr_set(err, M_DATA, MR_FOREIGN, _("%s: %s; nothing was merged"), path, why);
}

static enum mstatus other_error(struct other *o, struct merr *err)
{
	int rc = sqlite3_extended_errcode(o->db) & 0xff;
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return merr_set(err, M_DATA, MR_NOT_DB,
		                _("%s: not an intact SQLite database (%s); nothing was merged"),
		                o->path, sqlite3_errmsg(o->db));
	return merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file (%s); nothing was merged"),
	                o->path, sqlite3_errmsg(o->db));
}

/* One text value from OTHER; *st set on error. */
static char *other_text(struct other *o, const char *sql, enum mstatus *st, struct merr *err)
{
	sqlite3_stmt *q = NULL;
	char *v = NULL;
	if (sqlite3_prepare_v2(o->db, sql, -1, &q, NULL) != SQLITE_OK) {
		*st = other_error(o, err);
		return NULL;
	}
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && sqlite3_column_text(q, 0))
		v = xstrdup((const char *)sqlite3_column_text(q, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*st = other_error(o, err);
	sqlite3_finalize(q);
	return v;
}

/* The whole schema, SQLite's own entries included: a trigger or a view can be given a name
 * starting with sqlite_ by writing the schema table directly, and would otherwise pass unseen.
 * Only the statistics tables an ANALYZE makes, exactly as SQLite makes them, may differ: never
 * read, and they hold no code. */
#define OBJECTS                                                                                    \
	"SELECT type, name, tbl_name, sql FROM main.sqlite_schema WHERE NOT (" ANALYZED ") "       \
	"ORDER BY type, name"
#define ANALYZED                                                                                   \
	"type = 'table' AND ((name = 'sqlite_stat1' AND sql IS 'CREATE TABLE "                     \
	"sqlite_stat1(tbl,idx,stat)') OR (name = 'sqlite_stat4' AND sql IS 'CREATE TABLE "         \
	"sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'))"

/* The first object of one schema that the other lacks or has otherwise, as "view 'v'"; NULL
 * when both are the same. Each entry must be in the other schema with the same type, name,
 * table and SQL, and both must have as many entries (none twice). */
static char *schema_difference(sqlite3 *from, sqlite3 *in)
{
	sqlite3_stmt *q = NULL, *f = NULL;
	char *diff = NULL;
	if (sqlite3_prepare_v2(from, OBJECTS, -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(in,
	                       "SELECT count(*), (SELECT count(*) FROM main.sqlite_schema WHERE "
	                       "NOT (" ANALYZED ")) FROM main.sqlite_schema WHERE type = ?1 AND "
	                       "name = ?2 AND tbl_name IS ?3 AND sql IS ?4",
	                       -1, &f, NULL) != SQLITE_OK)
		diff = xstrdup("?");
	int rows = 0, total = -1, rc = SQLITE_ROW;
	while (!diff && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rows++;
		const char *type = (const char *)sqlite3_column_text(q, 0);
		const char *name = (const char *)sqlite3_column_text(q, 1);
		sqlite3_reset(f);
		for (int c = 0; c < 4; c++)
			sqlite3_bind_value(f, c + 1, sqlite3_column_value(q, c));
		bool there = sqlite3_step(f) == SQLITE_ROW && sqlite3_column_int(f, 0) == 1;
		total = sqlite3_column_int(f, 1);
		if (!there) {
			char *raw = xasprintf("%s '%.60s'", type ? type : "?", name ? name : "?");
			diff = text_sanitize(raw, 0); /* the file's own text, on our terminal */
			free(raw);
		}
	}
	if (!diff && (rc != SQLITE_DONE || (total >= 0 && rows != total)))
		diff = xstrdup(rc != SQLITE_DONE ? "?" : _("an entry twice"));
	sqlite3_finalize(q);
	sqlite3_finalize(f);
	return diff;
}

static enum mstatus open_other(struct store *s, struct other *o, const char *path, struct merr *err)
{
	o->path = path;
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return merr_set(err, M_DATA, MR_NOT_FOUND,
		                _("%s: no such file; nothing was merged"), path);
	struct stat self;
	if (stat(s->path, &self) == 0 && self.st_dev == sb.st_dev && self.st_ino == sb.st_ino)
		return merr_set(err, M_USAGE, MR_INVALID,
		                _("%s: that is this database itself; nothing was merged"), path);
	char *wal = xasprintf("%s-wal", path);
	bool busy = access(wal, F_OK) == 0;
	free(wal);
	if (busy)
		return merr_set(
		    err, M_OTHER, MR_BUSY,
		    _("%s: open in another mellan, or not closed cleanly (there is a -wal "
		      "beside it); close it, or merge a copy made with 'mellan backup'"),
		    path);
	char *uri = db_immutable_uri(path);
	int rc = sqlite3_open_v2(uri, &o->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return other_error(o, err);
	/* Nothing of the file's schema may run: no function is registered, and these. */
	sqlite3_exec(o->db, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;", NULL, NULL,
	             NULL);
	enum mstatus st = M_OK;
	char *ok = other_text(o, "PRAGMA integrity_check(1)", &st, err);
	if (st == M_OK && (!ok || strcmp(ok, "ok") != 0))
		st = merr_set(err, M_DATA, MR_NOT_DB,
		              _("%s: the database is damaged (%s); nothing was merged"), path,
		              ok ? ok : "?");
	free(ok);
	char *dangling =
	    st == M_OK ? other_text(o, "SELECT \"table\" FROM pragma_foreign_key_check", &st, err)
	               : NULL;
	if (st == M_OK && dangling) {
		char *why = xasprintf(
		    _("records of the table %s refer to records that are not there"), dangling);
		st = refuse(path, why, err);
		free(why);
	}
	free(dangling);
	char *app = st == M_OK ? other_text(o, "PRAGMA application_id", &st, err) : NULL;
	if (st == M_OK && (!app || atol(app) != DB_APPLICATION_ID))
		st = refuse(path, _("not a mellan database"), err);
	free(app);
	char *v = st == M_OK ? other_text(o, "PRAGMA user_version", &st, err) : NULL;
	if (st == M_OK && v && atoi(v) > DB_SCHEMA_VERSION)
		st = merr_set(
		    err, M_DATA, MR_NEWER,
		    _("%s: made by a newer mellan (schema %s); upgrade mellan; nothing was "
		      "merged"),
		    path, v);
	else if (st == M_OK && (!v || atoi(v) != DB_SCHEMA_VERSION))
		st =
		    merr_set(err, M_DATA, MR_INVALID,
		             _("%s: made by an older mellan; open it once with this one to upgrade "
		               "it, then merge; nothing was merged"),
		             path);
	free(v);
	if (st == M_OK) {
		/* Theirs against ours finds what they added or changed, ours against theirs what
		 * they dropped. */
		char *extra = schema_difference(o->db, s->db);
		char *missing = extra ? NULL : schema_difference(s->db, o->db);
		char *why =
		    extra ? xasprintf(_("its schema is not the one mellan makes (%s)"), extra)
		    : missing
		        ? xasprintf(_("its schema is not the one mellan makes (no %s)"), missing)
		        : NULL;
		if (why)
			st = refuse(path, why, err);
		free(why);
		free(extra);
		free(missing);
	}
	return st;
}

/* ---- values seen in a history ---------------------------------------------------------------- */

static void bind_value(sqlite3_stmt *q, int i, const struct prow *r, size_t c, m_id ref_id,
                       bool is_ref)
{
	if (is_ref)
		ref_id ? sqlite3_bind_int64(q, i, ref_id) : sqlite3_bind_null(q, i);
	else if (!r->v[c])
		sqlite3_bind_null(q, i);
	else if (r->is_int[c])
		sqlite3_bind_int64(q, i, strtoll(r->v[c], NULL, 10));
	else
		sqlite3_bind_text(q, i, r->v[c], -1, SQLITE_TRANSIENT);
}

/* Whether the history of `db` says row uuid had this value of column c at some time. */
static bool seen(sqlite3 *db, const struct record_kind *t, const char *uuid, const struct prow *r,
                 size_t c, m_id ref_id)
{
	const char *col = t->fields[c].col;
	char *sql = xasprintf("SELECT 1 FROM main.history WHERE row_uuid = ?1 AND tbl = ?2 AND "
	                      "((json_type(old, '$.%s') IS NOT NULL AND json_extract(old, '$.%s') "
	                      "IS ?3) OR (json_type(new, '$.%s') IS NOT NULL AND "
	                      "json_extract(new, '$.%s') IS ?3)) LIMIT 1",
	                      col, col, col, col);
	sqlite3_stmt *q = NULL;
	bool yes = false;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, t->table, -1, SQLITE_STATIC);
		bind_value(q, 3, r, c, ref_id, pref(&t->fields[c]));
		yes = sqlite3_step(q) == SQLITE_ROW;
	}
	sqlite3_finalize(q);
	free(sql);
	return yes;
}

/* Our uuid for another file's (through the map of actors and categories matched by name). */
static char *mapped(struct store *s, const char *uuid, bool to_ours)
{
	if (!uuid)
		return NULL;
	struct q q;
	pq_prepare(&q, s,
	           to_ours ? "SELECT ours FROM temp.x_map WHERE theirs = :u"
	                   : "SELECT theirs FROM temp.x_map WHERE ours = :u");
	q_text(&q, ":u", uuid);
	char *v = q_row(&q) ? q_col_text(&q, 0) : NULL;
	pq_finish(&q, NULL);
	return v ? v : xstrdup(uuid);
}

static m_id other_id(struct other *o, const char *table, const char *uuid)
{
	if (!uuid)
		return 0;
	char *sql = xasprintf("SELECT id FROM main.%s WHERE uuid = ?1", table);
	sqlite3_stmt *q = NULL;
	m_id id = 0;
	if (sqlite3_prepare_v2(o->db, sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, uuid, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) == SQLITE_ROW)
			id = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	free(sql);
	return id;
}

/* ---- the record as people know it, for the conflict list ------------------------------------ */

static char *describe(struct store *s, const struct record_kind *t, const char *uuid)
{
	static const char *const label_cols[] = {"code", "name", "title",
	                                         "what", "text", "what_happened"};
	const char *label = NULL;
	bool has_case = false;
	for (size_t i = 0; i < t->n_fields; i++) {
		if (!ptravels(&t->fields[i]))
			continue;
		for (size_t k = 0; !label && k < sizeof label_cols / sizeof *label_cols; k++)
			if (strcmp(t->fields[i].col, label_cols[k]) == 0)
				label = label_cols[k];
		if (strcmp(t->fields[i].col, "case_id") == 0)
			has_case = true;
	}
	char *sql = xasprintf(
	    "SELECT %s, %s FROM main.%s t WHERE t.uuid = :u", label ? label : "NULL",
	    has_case ? "(SELECT code FROM main.kase k WHERE k.id = t.case_id)" : "NULL", t->table);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":u", uuid);
	char *l = NULL, *c = NULL;
	if (q_row(&q)) {
		l = q_col_text(&q, 0);
		c = q_col_text(&q, 1);
	}
	q_finish(&q, NULL);
	char *d;
	if (l && c)
		d = xasprintf(_("%s '%.60s' of case %s"), _(t->what), l, c);
	else if (l)
		d = xasprintf("%s '%.60s'", _(t->what), l);
	else if (c)
		d = xasprintf(_("%s of case %s"), _(t->what), c);
	else
		d = xasprintf("%s %s", _(t->what), uuid);
	free(l);
	free(c);
	return d;
}

static enum mstatus add_conflict(struct store *s, const struct record_kind *t, const char *uuid,
                                 const char *field, const char *ours, const char *theirs,
                                 const char *source, struct merr *err)
{
	char *what = describe(s, t, uuid);
	struct q q;
	q_prepare(&q, s,
	          "INSERT OR IGNORE INTO main.merge_conflict (tbl, row_uuid, field, ours, theirs, "
	          "what, source) VALUES (:t, :u, :f, :o, :th, :w, :src)");
	q_text(&q, ":t", t->table);
	q_text(&q, ":u", uuid);
	q_text(&q, ":f", field);
	q_text(&q, ":o", ours);
	q_text(&q, ":th", theirs);
	q_text(&q, ":w", what);
	q_text(&q, ":src", source);
	q_exec(&q);
	free(what);
	return q_finish(&q, err);
}

/* ---- one record ---------------------------------------------------------------------------- */

struct merge {
	struct store *s;
	struct other *o;
	struct m_merge_report *rep;
};

static bool deleted_here(struct store *s, const char *uuid)
{
	struct q q;
	pq_prepare(&q, s, "SELECT 1 FROM main.history WHERE row_uuid = :u AND op = 'delete'");
	q_text(&q, ":u", uuid);
	bool yes = q_row(&q);
	pq_finish(&q, NULL);
	return yes;
}

static bool skipped(struct store *s, const char *uuid)
{
	struct q q;
	pq_prepare(&q, s, "SELECT 1 FROM temp.x_skip WHERE uuid = :u");
	q_text(&q, ":u", uuid);
	bool yes = q_row(&q);
	pq_finish(&q, NULL);
	return yes;
}

static enum mstatus skip(struct store *s, const char *uuid, struct merr *err)
{
	struct q q;
	pq_prepare(&q, s, "INSERT OR IGNORE INTO temp.x_skip (uuid) VALUES (:u)");
	q_text(&q, ":u", uuid);
	q_exec(&q);
	return pq_finish(&q, err);
}

/* A record only the other file has: added, unless this file deleted it, or it belongs to
 * something that was not added. A case whose code is taken here by another case is a conflict. */
static enum mstatus add_new(struct merge *m, const struct record_kind *t, struct prow *r,
                            const char *where, struct merr *err)
{
	struct store *s = m->s;
	struct m_tally *tally = &m->rep->kinds[t - records];
	if (deleted_here(s, r->v[0])) {
		tally->gone++;
		return skip(s, r->v[0], err);
	}
	for (size_t i = 0; i < t->n_fields; i++)
		if (pref(&t->fields[i]) && r->v[i] && skipped(s, r->v[i])) {
			tally->left++;
			return skip(s, r->v[0], err);
		}
	/* A value only one record may have, which another record here has (a case's code): the
	 * other file's record is not added, and the clash is a conflict on ours. */
	for (size_t i = 0; i < t->n_fields; i++) {
		const struct record_field *f = &t->fields[i];
		if (!(f->flags & RF_UNIQUE) || (f->flags & RF_MATCH) || !ptravels(f))
			continue;
		struct q q;
		char *sql = xasprintf("SELECT uuid FROM main.%s WHERE %s = :c", t->table, f->col);
		pq_prepare(&q, s, sql);
		free(sql);
		q_text(&q, ":c", r->v[i]);
		char *other = q_row(&q) ? q_col_text(&q, 0) : NULL;
		enum mstatus st = pq_finish(&q, err);
		if (st == M_OK && other) {
			st = add_conflict(s, t, other, f->key, r->v[i], r->v[0], m->o->path, err);
			if (st == M_OK)
				st = skip(s, r->v[0], err);
			tally->conflicts++;
		}
		free(other);
		if (st != M_OK || other)
			return st;
	}
	enum mstatus st = prow_insert(s, t, r, where, err);
	if (st == M_OK) {
		m->rep->added++;
		tally->added++;
	}
	return st;
}

/* A record both have: field by field, as the top of this file says. */
static enum mstatus merge_fields(struct merge *m, const struct record_kind *t, struct prow *r,
                                 const char *where, struct merr *err)
{
	struct store *s = m->s;
	struct prow here = {0};
	bool found = false;
	enum mstatus st = prow_load(s, t, r->v[0], &here, &found, err);
	bool changed = false, conflict = false;
	for (size_t i = 0; st == M_OK && found && i < t->n_fields; i++) {
		const struct record_field *f = &t->fields[i];
		if (!ptravels(f) || f->type == RT_UUID || f->type == RT_STAMP)
			continue;
		bool ref = pref(f);
		/* Their value in our terms (an actor matched by name is ours). */
		struct prow theirs = {0};
		theirs.v[i] = ref ? mapped(s, r->v[i], true) : xstrdup_or_null(r->v[i]);
		theirs.is_int[i] = r->is_int[i];
		if (!prow_same(&here, &theirs, i)) {
			m_id our_ref = 0, their_ref = 0;
			if (ref && theirs.v[i])
				our_ref = plocal_id(s, f->ref->table, theirs.v[i], &st, err);
			if (ref && here.v[i]) {
				char *tu = mapped(s, here.v[i], false);
				their_ref = other_id(m->o, f->ref->table, tu);
				free(tu);
			}
			bool t_seen_here = (!ref || our_ref || !theirs.v[i]) &&
			                   seen(s->db, t, r->v[0], &theirs, i, our_ref);
			bool l_seen_there = (!ref || their_ref || !here.v[i]) &&
			                    seen(m->o->db, t, r->v[0], &here, i, their_ref);
			if (st == M_OK && l_seen_there && !t_seen_here) {
				st = prow_set(s, t, r->v[0], &theirs, i, where, err);
				changed = true;
			} else if (st == M_OK && !(t_seen_here && !l_seen_there)) {
				st = add_conflict(s, t, r->v[0], f->key, here.v[i], theirs.v[i],
				                  m->o->path, err);
				conflict = true;
			}
		}
		prow_clear(&theirs);
	}
	struct m_tally *tally = &m->rep->kinds[t - records];
	if (st == M_OK && changed)
		m->rep->updated++;
	else if (st == M_OK && !conflict)
		m->rep->unchanged++;
	if (st == M_OK && conflict)
		tally->conflicts++;
	else if (st == M_OK && changed)
		tally->updated++;
	else if (st == M_OK)
		tally->same++;
	prow_clear(&here);
	return st;
}

static long other_count(struct other *o, const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM main.%s", table);
	enum mstatus st = M_OK;
	char *n = other_text(o, sql, &st, NULL);
	free(sql);
	long v = n ? atol(n) : 0;
	free(n);
	return v;
}

static enum mstatus merge_table(struct merge *m, const struct record_kind *t,
                                store_progress_fn progress, void *arg, struct merr *err)
{
	char *sql = ptable_select_sql(t, "main", "ORDER BY t.id");
	sqlite3_stmt *q = NULL;
	enum mstatus st = M_OK;
	if (sqlite3_prepare_v2(m->o->db, sql, -1, &q, NULL) != SQLITE_OK)
		st = other_error(m->o, err);
	free(sql);
	long total = progress ? other_count(m->o, t->table) : 0, done = 0;
	struct prow r = {0};
	int rc = SQLITE_ROW;
	while (st == M_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		char *where = xasprintf("%s: %s %s", m->o->path, _(t->what),
		                        (const char *)sqlite3_column_text(q, 1));
		st = prow_from_stmt(t, q, &r, where, err);
		if (st == M_OK)
			st = prow_check(t, &r, where, err);
		char *ours = st == M_OK ? pmatch(m->s, t, &r, &st, err) : NULL;
		if (st == M_OK && !ours)
			st = add_new(m, t, &r, where, err);
		else if (st == M_OK && strcmp(ours, r.v[0]) != 0) {
			m->rep->matched++;
			m->rep->kinds[t - records].matched++;
		} else if (st == M_OK && t->append_only) {
			/* Never changed once written: the same uuid is the same entry. */
			m->rep->unchanged++;
			m->rep->kinds[t - records].same++;
		} else if (st == M_OK)
			st = merge_fields(m, t, &r, where, err);
		free(ours);
		free(where);
		if (progress && ++done % 500 == 0)
			progress(arg, t->key, done, total);
	}
	if (st == M_OK && rc != SQLITE_DONE)
		st = other_error(m->o, err);
	prow_clear(&r);
	sqlite3_finalize(q);
	return st;
}

/* Records the other file deleted: deleted here too while this side has not changed them since
 * (their last values there are the values here); otherwise kept, as a conflict. */
static enum mstatus merge_deletes(struct merge *m, const struct record_kind *t, struct merr *err)
{
	if (record_root(t) != &records[R_CASE])
		return M_OK; /* the catalogue only grows by merging */
	char *sql = xasprintf("SELECT h.row_uuid, h.old FROM main.history h WHERE h.tbl = '%s' AND "
	                      "h.op = 'delete' AND NOT EXISTS (SELECT 1 FROM main.%s t WHERE "
	                      "t.uuid = h.row_uuid) ORDER BY h.id",
	                      t->table, t->table);
	sqlite3_stmt *q = NULL;
	enum mstatus st = M_OK;
	if (sqlite3_prepare_v2(m->o->db, sql, -1, &q, NULL) != SQLITE_OK)
		st = other_error(m->o, err);
	free(sql);
	while (st == M_OK && sqlite3_step(q) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(q, 0);
		const char *old = (const char *)sqlite3_column_text(q, 1);
		if (!uuid || !old)
			continue;
		/* Unchanged here: every column that is not a reference or a stamp as it was there. */
		char *cmp = xstrdup("SELECT count(*) FROM main.");
		char *next = xasprintf("%s%s t WHERE t.uuid = :u", cmp, t->table);
		free(cmp);
		cmp = next;
		for (size_t i = 0; i < t->n_fields; i++) {
			const struct record_field *f = &t->fields[i];
			if (!ptravels(f) || pref(f) || f->type == RT_UUID || f->type == RT_STAMP)
				continue;
			next = xasprintf("%s AND t.%s IS json_extract(:old, '$.%s')", cmp, f->col,
			                 f->col);
			free(cmp);
			cmp = next;
		}
		struct q c;
		q_prepare(&c, m->s, cmp);
		free(cmp);
		q_text(&c, ":u", uuid);
		q_text(&c, ":old", old);
		bool same = q_row(&c) && q_col_int(&c, 0) > 0;
		st = q_finish(&c, err);
		bool here = false;
		if (st == M_OK) {
			struct q e;
			char *es = xasprintf("SELECT 1 FROM main.%s WHERE uuid = :u", t->table);
			q_prepare(&e, m->s, es);
			free(es);
			q_text(&e, ":u", uuid);
			here = q_row(&e);
			st = q_finish(&e, err);
		}
		if (st == M_OK && here && same) {
			char *ds = xasprintf("DELETE FROM main.%s WHERE uuid = :u", t->table);
			q_prepare(&c, m->s, ds);
			free(ds);
			q_text(&c, ":u", uuid);
			q_exec(&c);
			st = q_finish(&c, err);
			m->rep->deleted++;
			m->rep->kinds[t - records].deleted++;
		} else if (st == M_OK && here) {
			st = add_conflict(m->s, t, uuid, "deleted", NULL, "deleted", m->o->path,
			                  err);
			m->rep->kinds[t - records].conflicts++;
		}
	}
	sqlite3_finalize(q);
	return st;
}

/* ---- what is not a record ------------------------------------------------------------------ */

/* Findings the other side kept on purpose, by their hashes: kept here too. */
static enum mstatus merge_kept(struct merge *m, struct merr *err)
{
	sqlite3_stmt *q = NULL;
	enum mstatus st = M_OK;
	if (sqlite3_prepare_v2(m->o->db,
	                       "SELECT uuid, created, record_uuid, field, key, editor FROM "
	                       "main.privacy_kept ORDER BY id",
	                       -1, &q, NULL) != SQLITE_OK)
		st = other_error(m->o, err);
	int rc = SQLITE_ROW;
	while (st == M_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct q w;
		pq_prepare(&w, m->s,
		           "INSERT OR IGNORE INTO main.privacy_kept (uuid, created, record_uuid, "
		           "field, key, editor) VALUES (:u, :c, :r, :f, :k, :e)");
		static const char *const names[] = {":u", ":c", ":r", ":f", ":k", ":e"};
		for (int i = 0; i < 6; i++)
			q_text(&w, names[i], (const char *)sqlite3_column_text(q, i));
		q_exec(&w);
		st = pq_finish(&w, err);
		if (st == M_OK && sqlite3_changes(m->s->db))
			m->rep->kept.added++;
		else if (st == M_OK)
			m->rep->kept.same++;
	}
	if (st == M_OK && rc != SQLITE_DONE)
		st = other_error(m->o, err);
	sqlite3_finalize(q);
	return st;
}

/* The alliance's settings: one not set here is taken; one set otherwise is kept as here and
 * counted, so the summary says so. */
static enum mstatus merge_settings(struct merge *m, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && store_alliance_settings[i]; i++) {
		char *sql = sqlite3_mprintf("SELECT value FROM main.settings WHERE key = %Q",
		                            store_alliance_settings[i]);
		char *theirs = other_text(m->o, sql, &st, err);
		sqlite3_free(sql);
		bool there = false;
		char *ours = NULL;
		if (st == M_OK && theirs) {
			struct q q;
			q_prepare(&q, m->s, "SELECT value FROM main.settings WHERE key = :k");
			q_text(&q, ":k", store_alliance_settings[i]);
			there = q_row(&q);
			ours = there ? q_col_text(&q, 0) : NULL;
			st = q_finish(&q, err);
		}
		if (st == M_OK && theirs && !there) {
			struct q q;
			q_prepare(&q, m->s,
			          "INSERT INTO main.settings (key, value) VALUES (:k, :v)");
			q_text(&q, ":k", store_alliance_settings[i]);
			q_text(&q, ":v", theirs);
			q_exec(&q);
			st = q_finish(&q, err);
			m->rep->settings.added++;
		} else if (st == M_OK && theirs) {
			if (ours && strcmp(ours, theirs) == 0)
				m->rep->settings.same++;
			else
				m->rep->settings.conflicts++;
		}
		free(ours);
		free(theirs);
	}
	return st;
}

enum mstatus store_merge(struct store *s, const char *other, struct m_merge_report *rep,
                         store_progress_fn progress, void *arg, struct merr *err)
{
	return store_merge_with(s, other, 0, rep, progress, arg, err);
}

enum mstatus store_merge_with(struct store *s, const char *other, unsigned flags,
                              struct m_merge_report *rep, store_progress_fn progress, void *arg,
                              struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	struct other o = {0};
	enum mstatus st = open_other(s, &o, other, err);
	if (st == M_OK)
		st = ptemp_memory(s, err);
	if (st == M_OK)
		st = store_begin(s, err);
	if (st != M_OK) {
		sqlite3_close(o.db);
		return st;
	}
	/* One read transaction on OTHER too: one moment of it. */
	sqlite3_exec(o.db, "BEGIN", NULL, NULL, NULL);
	int64_t before = 0;
	struct q q;
	q_prepare(&q, s, "SELECT coalesce(max(id), 0) FROM main.merge_conflict");
	if (q_row(&q))
		before = q_col_int(&q, 0);
	st = q_finish(&q, err);
	if (st == M_OK)
		st = pmap_setup(s, err);
	if (st == M_OK)
		st = db_exec(s,
		             "CREATE TEMP TABLE IF NOT EXISTS x_skip (uuid TEXT PRIMARY KEY) "
		             "WITHOUT ROWID; DELETE FROM temp.x_skip;",
		             err);
	struct merge m = {s, &o, rep};
	rep->names_asked = (flags & STORE_WITH_NAMES) != 0;
	for (size_t i = 0; st == M_OK && i < R_COUNT; i++) {
		if (!records[i].key)
			continue;
		if (records[i].on_request && !rep->names_asked)
			rep->names_left += other_count(&o, records[i].table);
		else
			st = merge_table(&m, &records[i], progress, arg, err);
	}
	for (size_t i = R_COUNT; st == M_OK && i-- > 0;)
		if (records[i].key && (!records[i].on_request || rep->names_asked))
			st = merge_deletes(&m, &records[i], err);
	if (st == M_OK)
		st = merge_kept(&m, err);
	if (st == M_OK)
		st = merge_settings(&m, err);
	if (st == M_OK)
		st = db_conflicts_open(s, before, rep, err);
	if (st == M_OK)
		st = store_commit(s, err);
	else
		store_rollback(s);
	st = merr_data(err, st); /* past open_other, only the other file's records can fail */
	db_exec(s, "DROP TABLE IF EXISTS temp.x_skip", NULL);
	pmap_drop(s);
	sqlite3_exec(o.db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(o.db);
	pq_clear(s);
	if (st != M_OK)
		m_merge_report_clear(rep);
	return st;
}
