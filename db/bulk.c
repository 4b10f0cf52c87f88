/* bulk.c - adding many records in one transaction, as a chronology import does (core/store_exchange.h,
 * "adding in bulk"). Each statement is prepared once for the whole import (portable.c keeps
 * them), and no call reads more than its own record's index entries: the place of a step in its
 * story is counted on by the caller instead of being looked up again, so a row takes the same
 * time however many rows came before it in the same case. */
#include "portable.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/store_exchange.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

static enum mstatus inside(struct store *s, struct merr *err)
{
	if (s->depth > 0)
		return M_OK;
	return merr_set(err, M_OTHER, MR_NONE,
	                _("%s: internal error: a bulk write outside a transaction"), s->path);
}

static enum mstatus given_uuid(struct store *s, const char *uuid, struct merr *err)
{
	if (m_uuid_valid(uuid))
		return M_OK;
	return db_invalid(s, err, _("a record's identity (UUID) is not valid"));
}

enum mstatus store_bulk_case(struct store *s, const char *code, m_id *id, int *next_seq, bool *made,
                             struct merr *err)
{
	*id = 0;
	*next_seq = 1;
	*made = false;
	enum mstatus st = inside(s, err);
	/* The uuid indexes take each new record somewhere in the middle: with SQLite's usual 2 MiB
	 * of cache, a large import would spill and read back the same pages over and over. */
	if (st == M_OK)
		st = db_exec(s, "PRAGMA cache_size = -65536", err);
	if (st != M_OK)
		return st;
	/* Once per case: the steps already there are read this one time. */
	struct q q;
	pq_prepare(&q, s,
	           "SELECT id, (SELECT coalesce(max(seq), 0) + 1 FROM step WHERE case_id = k.id) "
	           "FROM kase k WHERE code = :code");
	q_text(&q, ":code", code);
	if (q_row(&q)) {
		*id = q_col_int(&q, 0);
		*next_seq = (int)q_col_int(&q, 1);
	}
	st = pq_finish(&q, err);
	if (st != M_OK || *id)
		return st;
	struct m_case c = {0};
	c.code = xstrdup(code);
	st = store_case_add(s, &c, err);
	*id = c.id;
	*made = st == M_OK;
	m_case_clear(&c);
	return st;
}

/* The record's INSERT, prepared once for the import (portable.c keeps it). */
static enum mstatus bulk_insert(struct store *s, const struct record_kind *k, void *rec,
                                const struct db_vals *v, struct merr *err)
{
	return db_insert_row(s, k, rec, v, true, record_id(k, rec), err);
}

enum mstatus store_bulk_step(struct store *s, struct m_step *stp, struct merr *err)
{
	const struct record_kind *k = &records[R_STEP];
	char from[11], to[11];
	struct db_vals v;
	enum mstatus st = inside(s, err);
	if (st == M_OK)
		st = db_check(s, k, stp, &v, err);
	if (st == M_OK)
		st = given_uuid(s, stp->uuid, err);
	if (st == M_OK) {
		const char *code = v.text[record_field_index(k, "time")];
		st = psort_keys(s, code[0] ? code : NULL, stp->case_id, from, to, err);
	}
	if (st != M_OK)
		return st;
	db_vals_text(&v, k, "sort_from", from);
	db_vals_text(&v, k, "sort_to", to);
	db_vals_num(&v, k, "seq", stp->seq);
	return bulk_insert(s, k, stp, &v, err);
}

enum mstatus store_bulk_intervention(struct store *s, struct m_intervention *iv, struct merr *err)
{
	const struct record_kind *k = &records[R_INTERVENTION];
	struct db_vals v;
	enum mstatus st = inside(s, err);
	if (st == M_OK)
		st = db_check(s, k, iv, &v, err);
	if (st == M_OK)
		st = given_uuid(s, iv->uuid, err);
	return st == M_OK ? bulk_insert(s, k, iv, &v, err) : st;
}

enum mstatus store_record_exists(struct store *s, const char *uuid, bool *yes, struct merr *err)
{
	struct q q;
	pq_prepare(&q, s,
	           "SELECT 1 FROM main.step WHERE uuid = :u UNION ALL SELECT 1 FROM "
	           "main.intervention WHERE uuid = :u UNION ALL SELECT 1 FROM main.kase WHERE "
	           "uuid = :u");
	q_text(&q, ":u", uuid);
	*yes = q_row(&q);
	return pq_finish(&q, err);
}

void store_bulk_end(struct store *s)
{
	pq_clear(s);
	db_exec(s, "PRAGMA cache_size = -2000", NULL); /* SQLite's default again */
}
