/* store_votes.c - the dot votes summed per gap, for the gap analysis and its reports. */
#include "private.h"

#include "core/store_read.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum mstatus store_vote_totals(struct store *s, struct m_vote_total_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	struct q q;
	q_prepare(&q, s,
	          "SELECT gap_id, sum(dots), count(DISTINCT workshop_id) FROM vote "
	          "GROUP BY gap_id ORDER BY gap_id");
	while (q_row(&q)) {
		out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
		struct m_vote_total *v = &out->items[out->n++];
		v->gap_id = q_col_int(&q, 0);
		v->dots = (int)q_col_int(&q, 1);
		v->workshops = (int)q_col_int(&q, 2);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_vote_total_list_clear(out);
	return st;
}
