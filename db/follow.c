/* follow.c - presenter follow (core/store_follow.h) and proposed gaps' dismissals
 * (core/store_propose.h).
 *
 * The facilitator's position is one settings row ('follow' = "CASE STEP", ids in this file):
 * one row, so a follower never reads a case from one publication with the step of another. It
 * leaves no history, so it is no change to undo. A dismissal is a record (the dismissal table). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/store_follow.h"
#include "core/store_propose.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mstatus store_follow_publish(struct store *s, m_id case_id, m_id step_id, struct merr *err)
{
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	char value[48];
	snprintf(value, sizeof value, "%" PRId64 " %" PRId64, (int64_t)case_id, (int64_t)step_id);
	struct q q;
	q_prepare(&q, s,
	          "INSERT INTO settings (key, value) VALUES ('follow', :v) "
	          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	q_text(&q, ":v", value);
	q_exec(&q);
	st = q_finish(&q, err);
	return w_end(s, st, err);
}

enum mstatus store_follow_read(struct store *s, m_id *case_id, m_id *step_id, struct merr *err)
{
	*case_id = *step_id = 0;
	struct q q;
	/* The ids only count while their records are there: a deleted step is not followed. */
	q_prepare(&q, s,
	          "WITH f (c, st) AS (SELECT CAST(substr(value, 1, instr(value, ' ') - 1) AS "
	          "INTEGER), CAST(substr(value, instr(value, ' ') + 1) AS INTEGER) FROM settings "
	          "WHERE key = 'follow') "
	          "SELECT c, st, (SELECT count(*) FROM kase WHERE id = c), "
	          "(SELECT count(*) FROM step WHERE id = st AND case_id = c) FROM f");
	bool found = q_row(&q);
	m_id c = 0, stp = 0;
	bool case_there = false, step_there = false;
	if (found) {
		c = q_col_int(&q, 0);
		stp = q_col_int(&q, 1);
		case_there = q_col_int(&q, 2) > 0;
		step_there = q_col_int(&q, 3) > 0;
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		return st;
	if (case_there)
		*case_id = c;
	if (case_there && step_there)
		*step_id = stp;
	if (!found || !case_there || (stp && !step_there))
		return merr_set(err, M_FINDINGS, MR_NOT_FOUND,
		                _("%s: the facilitator's mellan shows nothing to follow yet"),
		                s->path);
	return M_OK;
}

enum mstatus store_dismissal_add(struct store *s, m_id case_id, const char *key, struct merr *err)
{
	if (!case_id || !db_filled(key))
		return db_invalid(s, err, _("a dismissed proposal needs a case and a key"));
	enum mstatus st = DB_TEXTS(s, err, key);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK)
		return st;
	char uuid[M_UUID_LEN + 1];
	m_uuid_new(uuid);
	struct q q;
	q_prepare(&q, s,
	          "INSERT INTO dismissal (uuid, case_id, key) VALUES (:uuid, :case, :key) "
	          "ON CONFLICT (case_id, key) DO NOTHING");
	q_text(&q, ":uuid", uuid);
	q_id(&q, ":case", case_id);
	q_text(&q, ":key", key);
	q_exec(&q);
	st = q_finish(&q, err);
	return w_end(s, st, err);
}

enum mstatus store_dismissal_list(struct store *s, m_id case_id, struct m_key_list *out,
                                  struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s, "SELECT key FROM dismissal WHERE case_id = :case ORDER BY id");
	q_id(&q, ":case", case_id);
	while (q_row(&q)) {
		out->keys = xreallocarray(out->keys, out->n + 1, sizeof *out->keys);
		out->keys[out->n++] = q_col_text(&q, 0);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_key_list_clear(out);
	return st;
}

enum mstatus store_proposal_confirm(struct store *s, const char *key, struct m_gap *g,
                                    struct merr *err)
{
	/* Inside a caller's transaction, a savepoint: a failure here undoes only this. */
	bool outer = s->depth > 0, made = !g->uuid[0];
	enum mstatus st = outer ? w_begin(s, err) : store_begin(s, err);
	if (st != M_OK)
		return st;
	st = store_gap_add(s, g, err);
	if (st == M_OK)
		st = store_dismissal_add(s, g->case_id, key, err);
	if (outer)
		st = w_end(s, st, err);
	else if (st == M_OK)
		st = store_commit(s, err);
	else
		store_rollback(s);
	if (st != M_OK) {
		g->id = 0;
		if (made)
			g->uuid[0] = '\0';
	}
	return st;
}
