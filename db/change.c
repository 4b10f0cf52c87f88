/* change.c - the bookkeeping of every write transaction: where the history stood when it began,
 * and, just before it commits, the change row that names the history rows it wrote (for undo
 * and redo, the change table of schema.c) and the search index brought up to them. A transaction that wrote
 * no history (a setting, a read-only touch) makes no change. */
#include "private.h"

#include <stddef.h>

static int64_t last_history(struct store *s, enum mstatus *st, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT coalesce(max(id), 0) FROM history");
	int64_t v = q_row(&q) ? q_col_int(&q, 0) : 0;
	*st = q_finish(&q, err);
	return v;
}

enum mstatus db_change_begin(struct store *s, struct merr *err)
{
	enum mstatus st;
	s->history_mark = last_history(s, &st, err);
	return st;
}

enum mstatus db_change_end(struct store *s, struct merr *err)
{
	enum mstatus st;
	int64_t last = last_history(s, &st, err);
	/* A search index that cannot follow (damaged, say) must not cost the user their edit: it
	 * stays behind its mark and tries again with the next write or search. */
	if (st == M_OK)
		db_search_sync(s, NULL);
	if (st != M_OK || last <= s->history_mark)
		return st;
	struct q q;
	/* The workshop log is append-only: a change that wrote to it cannot be undone, and would
	 * only stand in the way of undoing what came before. */
	q_prepare(&q, s,
	          "INSERT INTO change (first_history, last_history, kind, target, editor, state) "
	          "VALUES (:first, :last, :kind, :target, :editor, CASE WHEN EXISTS (SELECT 1 "
	          "FROM history WHERE id BETWEEN :first AND :last AND tbl = 'workshop_log') "
	          "THEN 'dropped' ELSE 'done' END)");
	q_int(&q, ":first", s->history_mark + 1);
	q_int(&q, ":last", last);
	q_text(&q, ":kind", s->change_kind ? s->change_kind : "edit");
	q_id(&q, ":target", s->change_target);
	q_text(&q, ":editor", s->editor);
	q_exec(&q);
	st = q_finish(&q, err);
	/* A new edit: what this editor undid can no longer be redone. */
	if (st == M_OK && !s->change_kind) {
		q_prepare(&q, s,
		          "UPDATE change SET state = 'dropped' WHERE editor IS :editor AND "
		          "kind = 'edit' AND state = 'undone'");
		q_text(&q, ":editor", s->editor);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	s->history_mark = last;
	return st;
}
