/* cmd_conflicts.c - `mellan conflicts`: the fields merges found changed on both sides, and
 * deciding them one by one. */
#include "commands.h"
#include "i18n.h"
#include "store_exchange.h"
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

void cmd_conflicts_print(FILE *out, const struct m_merge_report *r)
{
	for (size_t i = 0; i < r->n_conflicts; i++) {
		const struct m_conflict *c = &r->conflicts[i];
		char *what = text_sanitize(c->what, 0), *field = text_sanitize(c->field, 0);
		fprintf(out,
		        c->new_now ? _("conflict %lld: %s: %s: here ")
		                   : _("open %lld: %s: %s: here "),
		        (long long)c->id, what, field);
		put_value(out, c->ours);
		fputs(_(", there "), out);
		put_value(out, c->theirs);
		fputc('\n', out);
		free(what);
		free(field);
	}
}

enum mstatus cmd_conflicts(struct store *s, m_id id, bool take_theirs, FILE *out, struct merr *err)
{
	if (id)
		return store_conflict_resolve(s, id, take_theirs, err);
	struct m_merge_report r = {0};
	enum mstatus st = store_conflict_list(s, &r, err);
	if (st != M_OK)
		return st;
	cmd_conflicts_print(out, &r);
	st = r.n_conflicts ? M_FINDINGS : M_OK;
	m_merge_report_clear(&r);
	return st;
}
