/* cmd_merge.c - `mellan merge OTHER`: prints what was added, updated and deleted, then every
 * open conflict, one a line (cmd_conflicts.c); conflicts make the exit status 1. */
#include "commands.h"
#include "i18n.h"
#include "store_exchange.h"
#include "text.h"

#include <stdlib.h>

enum mstatus cmd_merge(struct store *s, const char *other, FILE *out, store_progress_fn progress,
                       void *arg, struct merr *err)
{
	struct m_merge_report r = {0};
	enum mstatus st = store_merge(s, other, &r, progress, arg, err);
	if (st != M_OK)
		return st;
	char *name = text_sanitize(other, 0);
	fprintf(out,
	        _("%s: %ld added, %ld updated, %ld deleted, %ld matched by name, %ld unchanged, "
	          "%zu in conflict\n"),
	        name, r.added, r.updated, r.deleted, r.matched, r.unchanged, r.n_conflicts);
	free(name);
	cmd_conflicts_print(out, &r);
	st = r.n_conflicts ? M_FINDINGS : M_OK;
	m_merge_report_clear(&r);
	return st;
}
