/* search.c - full-text search over the texts of steps, interventions and gaps (FTS5, the
 * `search` table of schema.c), and keeping its index current. SQLite will not let
 * triggers write an FTS5 table while trusted_schema is OFF, so the index follows the history
 * instead: at the end of every write transaction (change.c) the rows the history names since
 * the last time are indexed again, which also covers cascades, undo and redo. A setting keeps
 * how far the index has come, so writes by other programs are caught up with too. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_read.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MARK_KEY "search_history"
#define MAX_HITS 500

/* What is searched of each table; the index's rowid is id * 4 + kind. Notes for the
 * facilitator are not searched: a search is shown on the projector too. */
static const struct indexed {
	const char *tbl;
	int kind;
	enum m_hit_kind hit;
	const char *body;
} indexed[] = {
    {"step", 1, HIT_STEP,
     "coalesce(title, '') || char(10) || coalesce(narrative, '') || char(10) || "
     "coalesce(voice, '')"},
    {"intervention", 2, HIT_INTERVENTION,
     "coalesce(what, '') || char(10) || coalesce(outcome, '')"},
    {"gap", 3, HIT_GAP,
     "coalesce(what_happened, '') || char(10) || coalesce(what_must_change, '')"},
};
#define N_INDEXED (sizeof indexed / sizeof *indexed)

static enum mstatus set_mark(struct store *s, struct merr *err)
{
	return db_exec(s,
	               "INSERT INTO settings (key, value) VALUES ('" MARK_KEY "', "
	               "(SELECT coalesce(max(id), 0) FROM history)) "
	               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	               err);
}

/* The mark, or -1 when the index has never been built. */
static int64_t get_mark(struct store *s, enum mstatus *st, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT CAST(value AS INTEGER) FROM settings WHERE key = '" MARK_KEY "'");
	int64_t v = q_row(&q) ? q_col_int(&q, 0) : -1;
	*st = q_finish(&q, err);
	return v;
}

enum mstatus db_search_rebuild(struct store *s, struct merr *err)
{
	enum mstatus st = db_exec(s, "DELETE FROM search", err);
	for (size_t i = 0; st == M_OK && i < N_INDEXED; i++) {
		char *sql =
		    xasprintf("INSERT INTO search (rowid, body) SELECT id * 4 + %d, %s FROM %s",
		              indexed[i].kind, indexed[i].body, indexed[i].tbl);
		st = db_exec(s, sql, err);
		free(sql);
	}
	return st == M_OK ? set_mark(s, err) : st;
}

/* The rows of one table the history names since the mark are indexed again: two statements
 * per table, whatever the number of rows (a deleted row is only taken out). */
static enum mstatus reindex(struct store *s, const struct indexed *x, int64_t mark,
                            struct merr *err)
{
	static const char changed[] =
	    "SELECT json_extract(coalesce(new, old), '$.id') AS r FROM history WHERE id > :mark "
	    "AND tbl = :tbl";
	struct q q;
	char *sql = xasprintf("DELETE FROM search WHERE rowid IN (SELECT r * 4 + %d FROM (%s))",
	                      x->kind, changed);
	q_prepare(&q, s, sql);
	free(sql);
	q_int(&q, ":mark", mark);
	q_text(&q, ":tbl", x->tbl);
	q_exec(&q);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		return st;
	sql = xasprintf("INSERT INTO search (rowid, body) SELECT id * 4 + %d, %s FROM %s "
	                "WHERE id IN (%s)",
	                x->kind, x->body, x->tbl, changed);
	q_prepare(&q, s, sql);
	free(sql);
	q_int(&q, ":mark", mark);
	q_text(&q, ":tbl", x->tbl);
	q_exec(&q);
	return q_finish(&q, err);
}

enum mstatus db_search_sync(struct store *s, struct merr *err)
{
	enum mstatus st;
	int64_t mark = get_mark(s, &st, err);
	if (st != M_OK)
		return st;
	if (mark < 0)
		return db_search_rebuild(s, err);
	struct q q;
	q_prepare(&q, s,
	          "SELECT coalesce(max(id), 0) > :mark FROM history WHERE id > :mark "
	          "AND tbl IN ('step', 'intervention', 'gap')");
	q_int(&q, ":mark", mark);
	bool any = q_row(&q) && q_col_int(&q, 0) != 0;
	st = q_finish(&q, err);
	for (size_t i = 0; st == M_OK && any && i < N_INDEXED; i++)
		st = reindex(s, &indexed[i], mark, err);
	if (st == M_OK && any)
		st = set_mark(s, err);
	return st;
}

/* Behind the history (another program wrote): catch up first, when this mellan may write. */
static enum mstatus catch_up(struct store *s, struct merr *err)
{
	struct q q;
	q_prepare(
	    &q, s,
	    "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = '" MARK_KEY
	    "'), -1) < (SELECT coalesce(max(id), 0) FROM history WHERE tbl IN "
	    "('step', 'intervention', 'gap'))");
	bool behind = q_row(&q) && q_col_int(&q, 0) != 0;
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK || !behind || s->readonly || s->depth > 0)
		return st;
	st = w_begin(s, err);
	if (st == M_OK)
		st = db_search_sync(s, err);
	return w_end(s, st, err);
}

/* Each word of the user's becomes a quoted FTS5 string matched as a prefix, so nothing typed
 * can be an FTS5 syntax error: "" inside a string stands for ". All words must match. */
static char *fts_query(const char *text)
{
	size_t n = strlen(text);
	char *out = xmalloc(n * 2 + 8);
	char *o = out;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		if (o != out)
			*o++ = ' ';
		*o++ = '"';
		for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'; p++) {
			if (*p == '"')
				*o++ = '"';
			*o++ = *p;
		}
		*o++ = '"';
		*o++ = '*';
	}
	*o = '\0';
	return out;
}

/* One line: the fields' line breaks and any control character become spaces. */
static void one_line(char *t)
{
	for (; t && *t; t++)
		if ((unsigned char)*t < 0x20 || *t == 0x7f)
			*t = ' ';
}

enum mstatus store_search(struct store *s, const char *query, struct m_hit_list *out,
                          struct merr *err)
{
	memset(out, 0, sizeof *out);
	if (!query || !db_filled(query))
		return M_OK;
	enum mstatus st = DB_TEXTS(s, err, query);
	if (st == M_OK)
		st = catch_up(s, err);
	if (st != M_OK)
		return st;
	char *match = fts_query(query);
	struct q q;
	/* Hits in story order within each case, cases in Swedish order. */
	q_prepare(
	    &q, s,
	    "WITH hits (rid, snip) AS (SELECT rowid, snippet(search, 0, '', '', '…', 12) "
	    " FROM search WHERE search MATCH :match ORDER BY rank LIMIT :max), "
	    "located (kind, id, case_id, step_id, snip) AS ("
	    " SELECT 0, x.id, x.case_id, x.id, h.snip FROM hits h JOIN step x"
	    "  ON x.id = h.rid >> 2 WHERE h.rid & 3 = 1"
	    " UNION ALL SELECT 1, x.id, x.case_id, x.step_from, h.snip FROM hits h"
	    "  JOIN intervention x ON x.id = h.rid >> 2 WHERE h.rid & 3 = 2"
	    " UNION ALL SELECT 2, x.id, x.case_id, x.step_id, h.snip FROM hits h JOIN gap x"
	    "  ON x.id = h.rid >> 2 WHERE h.rid & 3 = 3) "
	    "SELECT l.kind, l.id, l.case_id, coalesce(l.step_id, 0), k.code, l.snip "
	    "FROM located l JOIN kase k ON k.id = l.case_id LEFT JOIN step st ON st.id = l.step_id "
	    "ORDER BY k.code COLLATE sv, k.id, st.id IS NULL, st.sort_from IS NULL, st.sort_from, "
	    "st.sort_to, st.seq, st.id, l.kind, l.id");
	q_text(&q, ":match", match);
	q_int(&q, ":max", MAX_HITS);
	while (q_row(&q)) {
		out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
		struct m_hit *h = &out->items[out->n++];
		int kind = (int)q_col_int(&q, 0);
		h->kind = kind == 1 ? HIT_INTERVENTION : kind == 2 ? HIT_GAP : HIT_STEP;
		h->id = q_col_int(&q, 1);
		h->case_id = q_col_int(&q, 2);
		h->step_id = q_col_int(&q, 3);
		h->case_code = q_col_text(&q, 4);
		h->snippet = q_col_text(&q, 5);
		one_line(h->snippet);
	}
	free(match);
	st = q_finish(&q, err);
	if (st != M_OK)
		m_hit_list_clear(out);
	return st;
}
