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

enum mstatus store_bulk_step(struct store *s, struct m_step *stp, struct merr *err)
{
	char code[FT_BUFSZ], from[11], to[11];
	struct fuzzy_time ft;
	enum mstatus st = inside(s, err);
	if (st == M_OK)
		st = db_check_step(s, stp, code, &ft, err);
	if (st == M_OK)
		st = given_uuid(s, stp->uuid, err);
	if (st == M_OK)
		st = psort_keys(s, code[0] ? code : NULL, stp->case_id, from, to, err);
	if (st != M_OK)
		return st;
	struct q q;
	pq_prepare(&q, s, DB_INSERT_STEP);
	q_text(&q, ":uuid", stp->uuid);
	q_id(&q, ":case", stp->case_id);
	db_bind_step(&q, stp, code, from, to, stp->seq);
	q_exec(&q);
	stp->id = sqlite3_last_insert_rowid(s->db);
	return pq_finish(&q, err);
}

enum mstatus store_bulk_intervention(struct store *s, struct m_intervention *iv, struct merr *err)
{
	char start[FT_BUFSZ], end[FT_BUFSZ];
	enum mstatus st = inside(s, err);
	if (st == M_OK)
		st = db_check_intervention(s, iv, start, end, err);
	if (st == M_OK)
		st = given_uuid(s, iv->uuid, err);
	if (st != M_OK)
		return st;
	struct q q;
	pq_prepare(&q, s, DB_INSERT_INTERVENTION);
	q_text(&q, ":uuid", iv->uuid);
	q_id(&q, ":case", iv->case_id);
	db_bind_intervention(&q, iv, start, end);
	q_exec(&q);
	iv->id = sqlite3_last_insert_rowid(s->db);
	return pq_finish(&q, err);
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
