/* write.c - the one skeleton of adding and of updating a record of any kind (private.h, "adding
 * and updating a record"): check, identity, the write transaction, the row and what is written
 * with it, and only then what the caller's record learns (its id, its stamp). The kinds differ
 * only by their tables (core/records.h) and, where the store derives values, their hooks. */
#include "private.h"

#include "core/i18n.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdio.h>
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

enum mstatus db_gone(struct store *s, const struct record_kind *k, struct merr *err)
{
	return merr_set(err, M_FINDINGS, MR_NOT_FOUND, _(k->gone), s->path);
}

/* A value the schema keeps unique and another record has: said in the kind's words. */
static enum mstatus taken(struct store *s, const struct record_kind *k, const void *rec,
                          enum mstatus st, struct merr *err)
{
	if (st == M_OK || !k->taken || !err || err->reason != MR_EXISTS)
		return st;
	for (size_t i = 0; i < k->n_fields; i++)
		if ((k->fields[i].flags & RF_UNIQUE) && record_held(&k->fields[i]))
			return merr_set(err, M_USAGE, MR_EXISTS, _(k->taken), s->path,
			                record_text_of(rec, &k->fields[i]));
	return st;
}

/* ---- what is written with a record ----------------------------------------------------------- */

/* What the rows written for one list came to: their ids and uuids, given to the caller's
 * records once everything is committed. */
struct kids {
	m_id *ids;
	char (*uuids)[M_UUID_LEN + 1];
};

static void *child_at(const void *rec, const struct record_child *ch, size_t i)
{
	return (char *)record_items(rec, ch) + i * ch->kind->size;
}

static const char *owner_col(const struct record_kind *k)
{
	for (size_t i = 0; i < k->n_fields; i++)
		if (k->fields[i].flags & RF_OWNER)
			return k->fields[i].col;
	return "?";
}

/* Whether the RF_MATCH fields of two records of kind k hold the same values. */
static bool same_match(const struct record_kind *k, const void *a, const void *b)
{
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if ((f->flags & RF_MATCH) && record_held(f) && record_num(a, f) != record_num(b, f))
			return false;
	}
	return true;
}

/* A list whose records have an identity of their own (a gap's actions): each is inserted, or
 * updated when the parent has it already; another parent's record of that uuid is refused. */
static enum mstatus write_with_uuid(struct store *s, const struct record_child *ch, const void *rec,
                                    m_id parent, struct kids *out, struct db_vals *v,
                                    struct merr *err)
{
	const struct record_kind *k = ch->kind;
	enum mstatus st = M_OK;
	for (size_t i = 0; st == M_OK && i < record_count(rec, ch); i++) {
		const void *item = child_at(rec, ch, i);
		st = db_check_part(s, k, item, v, err);
		if (st != M_OK)
			break;
		const char *uuid = record_uuid(k, (void *)item);
		if (uuid[0])
			memcpy(out->uuids[i], uuid, sizeof out->uuids[i]);
		else
			m_uuid_new(out->uuids[i]);
		db_vals_text(v, k, "uuid", out->uuids[i]);
		db_vals_num(v, k, owner_col(k), parent);
		char *ins = db_insert_sql(k, v), *set = db_set_sql(k, v, true);
		char *sql =
		    xasprintf("%s ON CONFLICT (uuid) DO UPDATE SET %s, updated = %s WHERE %s "
		              "= excluded.%s RETURNING id",
		              ins, set, DB_NEXT_STAMP, owner_col(k), owner_col(k));
		free(ins);
		free(set);
		struct q q;
		q_prepare(&q, s, sql);
		free(sql);
		db_bind(&q, k, item, v);
		bool got = q_row(&q);
		if (got)
			out->ids[i] = q_col_int(&q, 0);
		q_exec(&q);
		st = q_finish(&q, err);
		if (st == M_OK && !got)
			st = db_invalid(s, err, _("an action of another gap cannot be moved here"));
	}
	return st;
}

/* A list whose records are told apart by their RF_MATCH fields (a gap's actors): a row that
 * matches one stays as it is (with its uuid), one that matches none is added. */
static enum mstatus write_by_match(struct store *s, const struct record_child *ch, const void *rec,
                                   m_id parent, struct kids *out, struct db_vals *v,
                                   struct merr *err)
{
	const struct record_kind *k = ch->kind;
	char *cols = db_columns(k, "");
	char *sql =
	    xasprintf("SELECT id, %s FROM %s WHERE %s = :parent", cols, k->table, owner_col(k));
	free(cols);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":parent", parent);
	char *have = NULL;
	m_id *have_id = NULL;
	size_t n = 0;
	while (q_row(&q)) {
		have = xreallocarray(have, n + 1, k->size);
		have_id = xreallocarray(have_id, n + 1, sizeof *have_id);
		have_id[n] = q_col_int(&q, 0);
		db_read(&q, k, have + n * k->size, 1);
		n++;
	}
	enum mstatus st = q_finish(&q, err);
	for (size_t i = 0; st == M_OK && i < record_count(rec, ch); i++) {
		const void *item = child_at(rec, ch, i);
		out->ids[i] = 0;
		for (size_t j = 0; j < n && !out->ids[i]; j++)
			if (same_match(k, have + j * k->size, item))
				out->ids[i] = have_id[j];
		if (out->ids[i])
			continue;
		st = db_check_part(s, k, item, v, err);
		if (st != M_OK)
			break;
		m_uuid_new(out->uuids[i]);
		db_vals_text(v, k, "uuid", out->uuids[i]);
		db_vals_num(v, k, owner_col(k), parent);
		char *ins = db_insert_sql(k, v);
		sql = xasprintf("INSERT OR IGNORE%s", ins + strlen("INSERT"));
		free(ins);
		q_prepare(&q, s, sql);
		free(sql);
		db_bind(&q, k, item, v);
		q_exec(&q);
		/* Twice in the list: the second is ignored, the first's row stays. */
		if (sqlite3_changes(s->db) > 0)
			out->ids[i] = sqlite3_last_insert_rowid(s->db);
		st = q_finish(&q, err);
	}
	for (size_t j = 0; j < n; j++)
		record_clear(k, have + j * k->size);
	free(have);
	free(have_id);
	return st;
}

/* The rows of the parent's list become the list: as above, then what the list no longer has
 * goes. `ids` of the list's rows in out. */
static enum mstatus write_list(struct store *s, const struct record_child *ch, const void *rec,
                               m_id parent, struct kids *out, struct merr *err)
{
	struct db_vals *v = xmalloc(sizeof *v);
	const struct record_field *u = record_field(ch->kind, "uuid");
	bool by_uuid = u && record_held(u);
	enum mstatus st = by_uuid ? write_with_uuid(s, ch, rec, parent, out, v, err)
	                          : write_by_match(s, ch, rec, parent, out, v, err);
	free(v);
	sqlite3_str *keep = sqlite3_str_new(s->db);
	sqlite3_str_appendf(keep, "DELETE FROM %s WHERE %s = :parent AND id NOT IN (0",
	                    ch->kind->table, owner_col(ch->kind));
	for (size_t i = 0; i < record_count(rec, ch); i++)
		sqlite3_str_appendf(keep, ", %lld", (long long)out->ids[i]);
	sqlite3_str_appendall(keep, ")");
	char *sql = sqlite3_str_finish(keep);
	if (st == M_OK && !sql)
		st = merr_set(err, M_OTHER, MR_NONE, _("%s: out of memory"), s->path);
	if (st == M_OK) {
		struct q q;
		q_prepare(&q, s, sql);
		q_id(&q, ":parent", parent);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	sqlite3_free(sql);
	return st;
}

static enum mstatus write_children(struct store *s, const struct record_kind *k, const void *rec,
                                   m_id parent, struct kids *kids, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t c = 0; st == M_OK && c < k->n_children; c++)
		if (k->children[c].written)
			st = write_list(s, &k->children[c], rec, parent, &kids[c], err);
	return st;
}

/* The lists' records learn their ids, uuids and parent once all of it is in. */
static void give_children(const struct record_kind *k, void *rec, m_id parent,
                          const struct kids *kids)
{
	for (size_t c = 0; c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		for (size_t i = 0; ch->written && i < record_count(rec, ch); i++) {
			void *item = child_at(rec, ch, i);
			char *uuid = record_uuid(ch->kind, item);
			m_id *id = record_id(ch->kind, item);
			const struct record_field *owner =
			    record_field(ch->kind, owner_col(ch->kind));
			if (uuid)
				memcpy(uuid, kids[c].uuids[i], sizeof kids[c].uuids[i]);
			if (id)
				*id = kids[c].ids[i];
			if (owner && record_held(owner))
				record_set_num(item, owner, parent);
		}
	}
}

static struct kids *kids_new(const struct record_kind *k, const void *rec)
{
	struct kids *kids = xcalloc(k->n_children + 1, sizeof *kids);
	for (size_t c = 0; c < k->n_children; c++) {
		size_t n = record_count(rec, &k->children[c]) + 1;
		kids[c].ids = xcalloc(n, sizeof *kids[c].ids);
		kids[c].uuids = xcalloc(n, sizeof *kids[c].uuids);
	}
	return kids;
}

static void kids_free(const struct record_kind *k, struct kids *kids)
{
	for (size_t c = 0; c < k->n_children; c++) {
		free(kids[c].ids);
		free(kids[c].uuids);
	}
	free(kids);
}

/* ---- adding -------------------------------------------------------------------------------- */

enum mstatus db_insert_row(struct store *s, const struct record_kind *k, const void *rec,
                           const struct db_vals *v, bool kept, m_id *id, struct merr *err)
{
	char *sql = db_insert_sql(k, v);
	struct q q;
	if (kept)
		pq_prepare(&q, s, sql);
	else
		q_prepare(&q, s, sql);
	free(sql);
	db_bind(&q, k, rec, v);
	q_exec(&q);
	/* The row's own id, not a trigger's: SQLite restores it after the triggers. */
	*id = sqlite3_last_insert_rowid(s->db);
	return kept ? pq_finish(&q, err) : q_finish(&q, err);
}

enum mstatus db_add(struct store *s, const struct record_kind *k, void *rec,
                    const struct db_hooks *h, struct merr *err)
{
	struct db_vals *v = xmalloc(sizeof *v);
	char *uuid = record_uuid(k, rec);
	bool made = false;
	enum mstatus st = db_check(s, k, rec, v, err);
	if (st == M_OK)
		st = give_uuid(s, uuid, &made, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK) {
		if (made)
			uuid[0] = '\0';
		free(v);
		return st;
	}
	struct kids *kids = kids_new(k, rec);
	if (h && h->before)
		st = h->before(s, rec, v, err);
	m_id id = 0;
	if (st == M_OK)
		st = taken(s, k, rec, db_insert_row(s, k, rec, v, false, &id, err), err);
	if (st == M_OK)
		st = write_children(s, k, rec, id, kids, err);
	if (st == M_OK && h && h->after)
		st = h->after(s, rec, err);
	/* On failure a uuid made here is taken back, so a retry is a new try. */
	st = w_end(s, st, err);
	if (st == M_OK) {
		*record_id(k, rec) = id;
		give_children(k, rec, id, kids);
		if (h && h->done)
			h->done(rec, v);
	} else if (made) {
		uuid[0] = '\0';
	}
	kids_free(k, kids);
	free(v);
	return st;
}

/* ---- updating ------------------------------------------------------------------------------ */

/* The row's `updated` stamp into out ("" and found false when the row is not there). */
static enum mstatus read_stamp(struct store *s, const char *tbl, m_id id, char out[M_STAMP_LEN + 1],
                               bool *found, struct merr *err)
{
	struct q q;
	char *sql = xasprintf("SELECT updated FROM %s WHERE id = :id", tbl);
	q_prepare(&q, s, sql);
	free(sql);
	q_id(&q, ":id", id);
	out[0] = '\0';
	*found = q_row(&q);
	if (*found)
		snprintf(out, M_STAMP_LEN + 1, "%s", (const char *)sqlite3_column_text(q.st, 0));
	return q_finish(&q, err);
}

/* Steps a guarded UPDATE (WHERE id = :id AND updated = :stamp) and, when it changed nothing,
 * tells a row changed elsewhere from a row that is gone. */
static enum mstatus guarded(struct store *s, struct q *q, const struct record_kind *k, m_id id,
                            const char *stamp, struct merr *err)
{
	q_id(q, ":id", id);
	q_text(q, ":stamp", stamp);
	q_exec(q);
	int changed = sqlite3_changes(s->db);
	enum mstatus st = q_finish(q, err);
	if (st != M_OK || changed > 0)
		return st;
	char now[M_STAMP_LEN + 1];
	bool there = false;
	st = read_stamp(s, k->table, id, now, &there, err);
	if (st != M_OK)
		return st;
	return there ? merr_set(err, M_FINDINGS, MR_CONFLICT, _(k->changed), s->path)
	             : db_gone(s, k, err);
}

enum mstatus db_update(struct store *s, const struct record_kind *k, void *rec,
                       const struct db_hooks *h, struct merr *err)
{
	struct db_vals *v = xmalloc(sizeof *v);
	m_id id = *record_id(k, rec);
	char *stamp = record_stamp(k, rec);
	enum mstatus st = db_check(s, k, rec, v, err);
	/* An update is guarded: a record that was never read from the file has no stamp to be
	 * guarded by. */
	if (st == M_OK && (!id || !stamp || !stamp[0]))
		st = merr_set(err, M_OTHER, MR_INVALID,
		              _("%s: internal error: an update of a record not read from the file"),
		              s->path);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK) {
		free(v);
		return st;
	}
	struct kids *kids = kids_new(k, rec);
	if (h && h->before)
		st = h->before(s, rec, v, err);
	if (st == M_OK) {
		char *set = db_set_sql(k, v, false);
		char *sql = xasprintf("UPDATE %s SET %s, updated = %s WHERE id = :id AND updated = "
		                      ":stamp",
		                      k->table, set, DB_NEXT_STAMP);
		free(set);
		struct q q;
		q_prepare(&q, s, sql);
		free(sql);
		db_bind(&q, k, rec, v);
		st = taken(s, k, rec, guarded(s, &q, k, id, stamp, err), err);
	}
	if (st == M_OK)
		st = write_children(s, k, rec, id, kids, err);
	if (st == M_OK && h && h->after)
		st = h->after(s, rec, err);
	/* The caller's record gets the row's new stamp only once it is committed. */
	char fresh[M_STAMP_LEN + 1] = "";
	bool there = false;
	if (st == M_OK)
		st = read_stamp(s, k->table, id, fresh, &there, err);
	st = w_end(s, st, err);
	if (st == M_OK) {
		memcpy(stamp, fresh, sizeof fresh);
		give_children(k, rec, id, kids);
		if (h && h->done)
			h->done(rec, v);
	}
	kids_free(k, kids);
	free(v);
	return st;
}
