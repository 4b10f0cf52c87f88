/* cmd_merge.c - `mellan merge OTHER`: prints what was added, updated and deleted, kind by kind,
 * whether the names not to use came, then every open conflict, one a line (cmd_conflicts.c);
 * conflicts make the exit status 1. */
#include "commands.h"
#include "i18n.h"
#include "store_exchange.h"
#include "text.h"

#include <stdlib.h>

enum mstatus cmd_merge(struct store *s, const char *other, unsigned flags, FILE *out,
                       store_progress_fn progress, void *arg, struct merr *err)
{
	struct m_merge_report r = {0};
	enum mstatus st = store_merge_with(s, other, flags, &r, progress, arg, err);
	if (st != M_OK)
		return st;
	char *name = text_sanitize(other, 0);
	fprintf(out,
	        _("%s: %ld added, %ld updated, %ld deleted, %ld matched by name, %ld unchanged, "
	          "%zu in conflict\n"),
	        name, r.added, r.updated, r.deleted, r.matched, r.unchanged, r.n_conflicts);
	cmd_tally_print(out, r.kinds, &r.kept, &r.settings, true);
	/* The names not to use are the most sensitive list of a file: always said whether they
	 * came. */
	if (r.names_asked)
		fprintf(out, _("names not to use: brought over (--with-names)\n"));
	else if (r.names_left)
		fprintf(out,
		        ngettext("names not to use: %ld in %s, not brought over (merge with "
		                 "--with-names to bring it)\n",
		                 "names not to use: %ld in %s, not brought over (merge with "
		                 "--with-names to bring them)\n",
		                 (unsigned long)r.names_left),
		        r.names_left, name);
	else
		fprintf(out, _("names not to use: none in %s\n"), name);
	free(name);
	cmd_conflicts_print(out, &r);
	st = r.n_conflicts ? M_FINDINGS : M_OK;
	m_merge_report_clear(&r);
	return st;
}
