/* workshop_dots.c - the room's dot votes on gaps during today's workshop: which workshop is
 * today's (made on the first vote when the facilitator has not made it), the dots each gap of a
 * case has in it, and the last dots given to a gap taken back. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_workshop.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum mstatus find_today(struct store *s, m_id *out, char *today, size_t n, struct merr *err)
{
	struct q q;
	*out = 0;
	/* The one the facilitator chose (db/workshop.c) while it exists, else the local date's,
	 * as the facilitator's calendar says. */
	q_prepare(&q, s,
	          "SELECT date('now', 'localtime'), coalesce((SELECT w.id FROM workshop w JOIN "
	          "settings c ON c.key = 'workshop-current' AND w.id = CAST(c.value AS INTEGER)), "
	          "(SELECT id FROM workshop WHERE date = date('now', 'localtime') ORDER BY id "
	          "LIMIT 1))");
	if (q_row(&q)) {
		char *d = q_col_text(&q, 0);
		snprintf(today, n, "%s", d ? d : "");
		free(d);
		*out = q_col_int(&q, 1);
	}
	return q_finish(&q, err);
}

enum mstatus store_workshop_today(struct store *s, bool create, m_id *out, struct merr *err)
{
	char today[16] = "";
	enum mstatus st = find_today(s, out, today, sizeof today, err);
	if (st != M_OK || *out || !create)
		return st;
	struct m_workshop w = {.date = xstrdup(today)};
	st = store_workshop_add(s, &w, err);
	*out = w.id;
	m_workshop_clear(&w);
	return st;
}

enum mstatus store_case_dots(struct store *s, m_id workshop, m_id case_id,
                             struct m_gap_dots_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s,
	          "SELECT gap.id, sum(vote.dots) FROM vote JOIN gap ON gap.id = vote.gap_id "
	          "WHERE vote.workshop_id = :w AND gap.case_id = :c GROUP BY gap.id");
	q_id(&q, ":w", workshop);
	q_id(&q, ":c", case_id);
	size_t cap = 0;
	while (q_row(&q)) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->items = xreallocarray(out->items, cap, sizeof *out->items);
		}
		out->items[out->n].gap_id = q_col_int(&q, 0);
		out->items[out->n].dots = (int)q_col_int(&q, 1);
		out->n++;
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_gap_dots_list_clear(out);
	return st;
}

enum mstatus store_vote_take_back(struct store *s, m_id workshop, m_id gap, int *dots,
                                  struct merr *err)
{
	*dots = 0;
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	m_id id = 0;
	q_prepare(&q, s,
	          "SELECT id, dots FROM vote WHERE workshop_id = :w AND gap_id = :g "
	          "ORDER BY id DESC LIMIT 1");
	q_id(&q, ":w", workshop);
	q_id(&q, ":g", gap);
	if (q_row(&q)) {
		id = q_col_int(&q, 0);
		*dots = (int)q_col_int(&q, 1);
	}
	st = q_finish(&q, err);
	if (st == M_OK && !id)
		st = merr_set(err, M_FINDINGS, MR_NOT_FOUND, "%s",
		              _("no dots on this gap in this workshop to take back"));
	if (st == M_OK) {
		q_prepare(&q, s, "DELETE FROM vote WHERE id = :id");
		q_id(&q, ":id", id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	return w_end(s, st, err);
}
