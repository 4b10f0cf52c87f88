/* cmd_list.c - `mellan list`: the cases, one a line, with counts, in columns that line up by
 * display width so Swedish codes do not shift the columns after them. */
#include "commands.h"
#include "i18n.h"
#include "store_read.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Prints s sanitised, padded with spaces to `width` columns. */
static void put_padded(FILE *out, const char *s, int width)
{
	char *clean = text_sanitize(s ? s : "", 0);
	fputs(clean, out);
	for (int w = text_width(clean); w < width; w++)
		fputc(' ', out);
	free(clean);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

enum mstatus cmd_list(struct store *s, FILE *out, struct merr *err)
{
	struct m_case_list cases = {0};
	enum mstatus st = store_case_list(s, &cases, err);
	if (st != M_OK)
		return st;

	const char *h_code = _("CASE"), *h_status = _("STATUS"), *h_born = _("BORN"),
	           *h_steps = _("STEPS"), *h_iv = _("INTERVENTIONS"), *h_ho = _("HAND-OVERS"),
	           *h_gaps = _("GAPS");
	int w_code = text_width(h_code), w_status = text_width(h_status);
	for (size_t i = 0; i < cases.n; i++) {
		char *clean = text_sanitize(cases.items[i].code, 0);
		w_code = max_int(w_code, text_width(clean));
		free(clean);
		w_status =
		    max_int(w_status, text_width(m_case_status_label(cases.items[i].status)));
	}
	int w_born = max_int(4, text_width(h_born)), w_steps = text_width(h_steps),
	    w_iv = text_width(h_iv), w_ho = text_width(h_ho);

	put_padded(out, h_code, w_code + 2);
	put_padded(out, h_status, w_status + 2);
	put_padded(out, h_born, w_born + 2);
	put_padded(out, h_steps, w_steps + 2);
	put_padded(out, h_iv, w_iv + 2);
	put_padded(out, h_ho, w_ho + 2);
	fprintf(out, "%s\n", h_gaps);
	for (size_t i = 0; i < cases.n; i++) {
		const struct m_case *c = &cases.items[i];
		char born[16];
		if (c->birth_year)
			snprintf(born, sizeof born, "%d", c->birth_year);
		else
			snprintf(born, sizeof born, "-");
		put_padded(out, c->code, w_code + 2);
		put_padded(out, m_case_status_label(c->status), w_status + 2);
		fprintf(out, "%-*s  %*d  %*d  %*d  %d\n", w_born, born, w_steps, c->n_steps, w_iv,
		        c->n_interventions, w_ho, c->n_handovers, c->n_gaps);
	}
	m_case_list_clear(&cases);
	if (ferror(out))
		return merr_set(err, M_OTHER, MR_IO, _("could not write the list of cases"));
	return M_OK;
}
