/* cmd_check.c - `mellan check`: the file's integrity, then every privacy finding in its free
 * texts, one a line with where it is and the found text masked (the output may be on a
 * projector), and a last line that sums up, also counting the findings kept on purpose (which
 * are not listed: someone decided about them) and those in earlier versions of texts that the
 * history keeps for undo (not listed either: the text was rewritten already). */
#include "commands.h"
#include "i18n.h"
#include "privacy.h"
#include "store.h"

#include <libintl.h>

static void print_found(void *ctx, const struct privacy_where *w, const struct privacy_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		privacy_print_finding(ctx, w, &f->items[i]);
}

enum mstatus cmd_check(struct store *s, FILE *out, struct merr *err)
{
	struct merr ierr = {0};
	bool damaged = false;
	enum mstatus st = store_check_integrity(s, &ierr);
	if (st == M_DATA) {
		/* a damaged file is a finding to report, and the texts may still be readable */
		fprintf(out, _("integrity: %s\n"), ierr.msg);
		damaged = true;
	} else if (st != M_OK) {
		*err = ierr;
		return st;
	}
	struct privacy_tally t;
	st = privacy_scan_store(s, NULL, 0, print_found, out, &t, err);
	if (st != M_OK)
		return st;
	if (damaged)
		fprintf(out, _("integrity: damaged; "));
	else
		fprintf(out, _("integrity: ok; "));
	fprintf(out, ngettext("%zu privacy finding", "%zu privacy findings", t.findings),
	        t.findings);
	fprintf(out, ngettext(", %zu kept on purpose", ", %zu kept on purpose", t.kept), t.kept);
	if (t.earlier)
		fprintf(out,
		        ngettext(", %zu in earlier versions the history keeps for undo",
		                 ", %zu in earlier versions the history keeps for undo", t.earlier),
		        t.earlier);
	fputc('\n', out);
	if (ferror(out))
		return merr_set(err, M_OTHER, MR_IO, _("could not write the findings"));
	return damaged || t.findings ? M_FINDINGS : M_OK;
}
