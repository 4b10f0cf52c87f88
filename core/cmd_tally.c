/* cmd_tally.c - the lines of a merge or an import that say, kind by kind, what became of the
 * other side's records, so nothing is left behind without a line saying so. */
#include "commands.h"
#include "i18n.h"

/* One line for a kind with anything to say: "  votes: 3 added, 0 updated, 2 already here, 0 in
 * conflict", then only the clauses that are not 0. */
static void tally_line(FILE *out, const char *what, const struct m_tally *t, bool merge)
{
	if (!(t->added || t->updated || t->same || t->matched || t->conflicts || t->deleted ||
	      t->gone || t->left))
		return;
	if (merge)
		fprintf(out, _("  %s: %ld added, %ld updated, %ld already here, %ld in conflict"),
		        what, t->added, t->updated, t->same, t->conflicts);
	else
		fprintf(out, _("  %s: %ld added, %ld already here, %ld different here and kept"),
		        what, t->added, t->same, t->conflicts);
	if (t->matched)
		fprintf(out, _(", %ld matched by name"), t->matched);
	if (t->deleted)
		fprintf(out, _(", %ld deleted as there"), t->deleted);
	if (t->gone)
		fprintf(out, _(", %ld not brought back (deleted here)"), t->gone);
	if (t->left)
		fprintf(out,
		        _(", %ld left out (part of a record not brought over: see the conflicts)"),
		        t->left);
	fputc('\n', out);
}

void cmd_tally_print(FILE *out, const struct m_tally *kinds, const struct m_tally *kept,
                     const struct m_tally *settings, bool merge)
{
	for (size_t i = 0; i < R_COUNT; i++)
		if (records[i].key)
			tally_line(out, records[i].key, &kinds[i], merge);
	tally_line(out, "kept", kept, merge);
	tally_line(out, "settings", settings, merge);
}
