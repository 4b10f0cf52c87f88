/* conflict.c - the fields merge found changed on both sides (the merge_conflict table): listing them and
 * deciding each, keeping this side's value or taking the other's. */
#include "portable.h"

#include "core/i18n.h"
#include "core/store_exchange.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum mstatus db_conflicts_open(struct store *s, int64_t before, struct m_merge_report *r,
                               struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          "SELECT id, what, field, ours, theirs, id > :before FROM main.merge_conflict "
	          "WHERE resolved IS NULL ORDER BY id");
	q_int(&q, ":before", before);
	while (q_row(&q)) {
		r->conflicts =
		    xreallocarray(r->conflicts, r->n_conflicts + 1, sizeof *r->conflicts);
		struct m_conflict *c = &r->conflicts[r->n_conflicts++];
		c->id = q_col_int(&q, 0);
		c->what = q_col_text(&q, 1);
		c->field = q_col_text(&q, 2);
		c->ours = q_col_text(&q, 3);
		c->theirs = q_col_text(&q, 4);
		c->new_now = q_col_int(&q, 5) != 0;
	}
	return q_finish(&q, err);
}

enum mstatus store_conflict_list(struct store *s, struct m_merge_report *r, struct merr *err)
{
	memset(r, 0, sizeof *r);
	enum mstatus st = db_conflicts_open(s, INT64_MAX, r, err);
	if (st != M_OK)
		m_merge_report_clear(r);
	return st;
}

/* Writes the other side's value of the conflict's field. */
static enum mstatus take(struct store *s, const char *tbl, const char *uuid, const char *field,
                         const char *theirs, struct merr *err)
{
	const struct record_kind *t = record_kind_of(tbl);
	if (t && strcmp(field, "deleted") == 0) {
		char *sql = xasprintf("DELETE FROM main.%s WHERE uuid = :u", t->table);
		struct q q;
		q_prepare(&q, s, sql);
		free(sql);
		q_text(&q, ":u", uuid);
		q_exec(&q);
		return q_finish(&q, err);
	}
	size_t i = 0;
	while (t && i < t->n_fields && !(t->fields[i].key && strcmp(t->fields[i].key, field) == 0))
		i++;
	/* A clash of a value only one record may have is two records, not one changed twice. */
	if (!t || i == t->n_fields || (t->fields[i].flags & (RF_UNIQUE | RF_MATCH)) == RF_UNIQUE)
		return merr_set(
		    err, M_USAGE, MR_INVALID,
		    _("%s: two different cases have this code; rename one of them, then "
		      "merge again"),
		    s->path);
	struct prow r = {0};
	r.v[i] = xstrdup_or_null(theirs);
	r.is_int[i] = pint(&t->fields[i]);
	enum mstatus st = prow_set(s, t, uuid, &r, i, uuid, err);
	prow_clear(&r);
	return st;
}

enum mstatus store_conflict_resolve(struct store *s, m_id id, bool take_theirs, struct merr *err)
{
	enum mstatus st = ptemp_memory(s, err);
	if (st == M_OK)
		st = store_begin(s, err);
	if (st == M_OK)
		st = pmap_setup(s, err); /* empty: the value is in this file's terms already */
	if (st != M_OK) {
		store_rollback(s);
		return st;
	}
	struct q q;
	q_prepare(&q, s,
	          "SELECT tbl, row_uuid, field, theirs FROM main.merge_conflict WHERE id = :id AND "
	          "resolved IS NULL");
	q_int(&q, ":id", id);
	char *tbl = NULL, *uuid = NULL, *field = NULL, *theirs = NULL;
	bool found = q_row(&q);
	if (found) {
		tbl = q_col_text(&q, 0);
		uuid = q_col_text(&q, 1);
		field = q_col_text(&q, 2);
		theirs = q_col_text(&q, 3);
	}
	st = q_finish(&q, err);
	if (st == M_OK && !found)
		st = merr_set(err, M_USAGE, MR_NOT_FOUND,
		              _("%s: there is no open conflict %lld; see 'mellan conflicts'"),
		              s->path, (long long)id);
	if (st == M_OK && take_theirs)
		st = take(s, tbl, uuid, field, theirs, err);
	if (st == M_OK) {
		q_prepare(
		    &q, s,
		    "UPDATE main.merge_conflict SET resolved = strftime('%Y-%m-%dT%H:%M:%fZ', "
		    "'now') WHERE id = :id");
		q_int(&q, ":id", id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	if (st == M_OK)
		st = store_commit(s, err);
	else
		store_rollback(s);
	pmap_drop(s);
	pq_clear(s);
	free(tbl);
	free(uuid);
	free(field);
	free(theirs);
	return st;
}
