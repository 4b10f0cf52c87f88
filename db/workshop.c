/* workshop.c - the workshops as the facilitator keeps them: the list in date order, a workshop
 * changed, its append-only log read back with time and initials, which workshop is the current
 * one, and the lengths the program proposes gaps by (all in the settings table). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_propose.h"
#include "core/store_workshop.h"
#include "core/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CURRENT_KEY "workshop-current"
#define SILENCE_KEY "proposal-silence-days"
#define HANDOVER_KEY "proposal-handover-days"
#define MAX_DAYS 3650

enum mstatus store_workshop_list(struct store *s, struct m_workshop_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	const struct record_kind *k = &records[R_WORKSHOP];
	char *cols = db_columns(k, "");
	char *sql = xasprintf("SELECT %s FROM workshop ORDER BY date, id", cols);
	free(cols);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	size_t cap = 0;
	while (q_row(&q)) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->items = xreallocarray(out->items, cap, sizeof *out->items);
		}
		struct m_workshop *w = &out->items[out->n++];
		memset(w, 0, sizeof *w);
		db_read(&q, k, w, 0);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_workshop_list_clear(out);
	return st;
}

/* Not guarded by a stamp as the journeys' records are: a workshop is the facilitator's own. */
enum mstatus store_workshop_update(struct store *s, const struct m_workshop *w, struct merr *err)
{
	if (!w->id)
		return db_invalid(s, err, _("no workshop to change"));
	const struct record_kind *k = &records[R_WORKSHOP];
	struct db_vals *v = xmalloc(sizeof *v);
	enum mstatus st = db_check(s, k, w, v, err);
	if (st == M_OK)
		st = w_begin(s, err);
	if (st != M_OK) {
		free(v);
		return st;
	}
	char *set = db_set_sql(k, v, false);
	char *sql =
	    xasprintf("UPDATE workshop SET %s, updated = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', "
	              "'now') WHERE id = :id",
	              set);
	free(set);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	db_bind(&q, k, w, v);
	q_id(&q, ":id", w->id);
	q_exec(&q);
	st = q_finish(&q, err);
	if (st == M_OK && sqlite3_changes(s->db) == 0)
		st = db_invalid(s, err, _("the workshop is no longer in the file"));
	free(v);
	return w_end(s, st, err);
}

enum mstatus store_workshop_log(struct store *s, m_id workshop, struct m_log_list *out,
                                struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	/* The initials are the history's: the log itself has no column for them. */
	q_prepare(
	    &q, s,
	    "SELECT l.id, l.kind, l.text, strftime('%Y-%m-%d %H:%M', l.created, 'localtime'), "
	    "(SELECT h.editor FROM history h WHERE h.row_uuid = l.uuid AND h.op = 'insert' "
	    "ORDER BY h.id LIMIT 1) FROM workshop_log l WHERE l.workshop_id = :w "
	    "ORDER BY l.created, l.id");
	q_id(&q, ":w", workshop);
	size_t cap = 0;
	while (q_row(&q)) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->items = xreallocarray(out->items, cap, sizeof *out->items);
		}
		struct m_log_entry *e = &out->items[out->n++];
		e->id = q_col_int(&q, 0);
		e->kind = q_col_text(&q, 1);
		e->text = q_col_text(&q, 2);
		e->at = q_col_text(&q, 3);
		e->initials = q_col_text(&q, 4);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_log_list_clear(out);
	return st;
}

static enum mstatus setting_put(struct store *s, const char *key, const char *value,
                                struct merr *err)
{
	struct q q;
	if (value) {
		q_prepare(&q, s,
		          "INSERT INTO settings (key, value) VALUES (:k, :v) "
		          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
		q_text(&q, ":v", value);
	} else {
		q_prepare(&q, s, "DELETE FROM settings WHERE key = :k");
	}
	q_text(&q, ":k", key);
	q_exec(&q);
	return q_finish(&q, err);
}

enum mstatus store_workshop_current_set(struct store *s, m_id workshop, struct merr *err)
{
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	char v[32];
	snprintf(v, sizeof v, "%" PRId64, (int64_t)workshop);
	st = setting_put(s, CURRENT_KEY, workshop ? v : NULL, err);
	return w_end(s, st, err);
}

static enum mstatus setting_int(struct store *s, const char *key, int *v, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT CAST(value AS INTEGER) FROM settings WHERE key = :k");
	q_text(&q, ":k", key);
	if (q_row(&q)) {
		int64_t n = q_col_int(&q, 0);
		if (n >= 1 && n <= MAX_DAYS)
			*v = (int)n;
	}
	return q_finish(&q, err);
}

enum mstatus store_proposal_lengths(struct store *s, int *silence_days, int *handover_days,
                                    struct merr *err)
{
	enum mstatus st = setting_int(s, SILENCE_KEY, silence_days, err);
	if (st == M_OK)
		st = setting_int(s, HANDOVER_KEY, handover_days, err);
	return st;
}

enum mstatus store_proposal_lengths_set(struct store *s, int silence_days, int handover_days,
                                        struct merr *err)
{
	if (silence_days < 1 || silence_days > MAX_DAYS || handover_days < 1 ||
	    handover_days > MAX_DAYS)
		return db_invalid(s, err, _("a length in days is between 1 and 3650"));
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	char v[16];
	snprintf(v, sizeof v, "%d", silence_days);
	st = setting_put(s, SILENCE_KEY, v, err);
	snprintf(v, sizeof v, "%d", handover_days);
	if (st == M_OK)
		st = setting_put(s, HANDOVER_KEY, v, err);
	return w_end(s, st, err);
}
