/* follow_blank.c - a blanked presentation, for the follower: one settings row beside the follow
 * row (follow.c), outside history and undo like it. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_follow.h"

#include <stdlib.h>
#include <string.h>

enum mstatus store_follow_blank_set(struct store *s, bool blank, struct merr *err)
{
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "INSERT INTO settings (key, value) VALUES ('follow-blank', :v) "
	          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	q_text(&q, ":v", blank ? "1" : "0");
	q_exec(&q);
	st = q_finish(&q, err);
	return w_end(s, st, err);
}

bool store_follow_blanked(struct store *s)
{
	struct q q;
	bool blank = false;
	q_prepare(&q, s, "SELECT value FROM settings WHERE key = 'follow-blank'");
	if (q_row(&q)) {
		char *v = q_col_text(&q, 0);
		blank = v && strcmp(v, "1") == 0;
		free(v);
	}
	q_finish(&q, NULL);
	return blank;
}
