/* cmd_merge.c - `mellan merge OTHER`: prints what was added, updated and deleted, then every
 * open conflict, one a line; conflicts make the exit status 1. */
#include "commands.h"
#include "i18n.h"
#include "text.h"

#include <stdlib.h>

static void put_value(FILE *out, const char *v)
{
	if (!v) {
		fputs(_("(nothing)"), out);
		return;
	}
	char *clean = text_sanitize(v, 0);
	fprintf(out, "'%s'", clean);
	free(clean);
}

enum mstatus cmd_merge(struct store *s, const char *other, FILE *out, store_progress_fn progress,
                       void *arg, struct merr *err)
{
	struct store_merge_report r = {0};
	enum mstatus st = store_merge(s, other, &r, progress, arg, err);
	if (st != M_OK)
		return st;
	char *name = text_sanitize(other, 0);
	fprintf(out,
	        _("%s: %ld added, %ld updated, %ld deleted, %ld matched by name, %ld unchanged, "
	          "%zu in conflict\n"),
	        name, r.added, r.updated, r.deleted, r.matched, r.unchanged, r.n_conflicts);
	free(name);
	for (size_t i = 0; i < r.n_conflicts; i++) {
		const struct store_conflict *c = &r.conflicts[i];
		char *what = text_sanitize(c->what, 0), *field = text_sanitize(c->field, 0);
		fprintf(out, c->new_now ? _("conflict: %s: %s: here ") : _("still open: %s: %s: here "),
		        what, field);
		put_value(out, c->ours);
		fputs(_(", there "), out);
		put_value(out, c->theirs);
		fputc('\n', out);
		free(what);
		free(field);
	}
	st = r.n_conflicts ? M_FINDINGS : M_OK;
	store_merge_report_clear(&r);
	return st;
}
