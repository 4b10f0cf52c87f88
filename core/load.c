/* load.c - the loading of load.h: the chosen journeys, the catalogue and the votes, read through
 * the store for the analysis. */
#include "load.h"

#include "i18n.h"
#include "store_read.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static enum mstatus load_cases(struct store *s, const char *const *codes, size_t n_codes,
                               an_progress_fn progress, void *ctx, struct an_input *in,
                               struct merr *err)
{
	struct m_case_list cases = {0};
	enum mstatus st = store_case_list(s, &cases, err);
	if (st != M_OK)
		return st;
	bool *chosen = xcalloc(cases.n + 1, sizeof *chosen);
	for (size_t k = 0; k < n_codes && st == M_OK; k++) {
		size_t i = 0;
		while (i < cases.n && strcmp(cases.items[i].code, codes[k]) != 0)
			i++;
		if (i < cases.n) {
			chosen[i] = true;
		} else {
			struct m_case c; /* the store's own words for a code that is not there */
			st = store_case_find(s, codes[k], &c, err);
			if (st == M_OK) {
				m_case_clear(&c);
				st = merr_set(err, M_USAGE, MR_NOT_FOUND,
				              _("%s: there is no case with the code %s"),
				              store_path(s), codes[k]);
			}
		}
	}
	size_t total = 0;
	for (size_t i = 0; i < cases.n; i++)
		total += n_codes == 0 || chosen[i];
	in->journeys = xcalloc(total + 1, sizeof *in->journeys);
	for (size_t i = 0; i < cases.n && st == M_OK; i++) {
		if (n_codes && !chosen[i])
			continue;
		st = store_journey_load(s, cases.items[i].id, &in->journeys[in->n_journeys], err);
		if (st == M_OK) {
			in->n_journeys++;
			if (progress)
				progress(ctx, in->n_journeys, total);
		}
	}
	free(chosen);
	m_case_list_clear(&cases);
	return st;
}

enum mstatus load_analysis(struct store *s, const char *const *codes, size_t n_codes,
                           an_progress_fn progress, void *ctx, struct an_input *out,
                           struct merr *err)
{
	memset(out, 0, sizeof *out);
	enum mstatus st = store_actor_list(s, &out->actors, err);
	if (st == M_OK)
		st = store_category_list(s, &out->categories, err);
	if (st == M_OK)
		st = store_threshold_list(s, &out->thresholds, err);
	if (st == M_OK)
		st = store_vote_totals(s, &out->votes, err);
	if (st == M_OK)
		st = load_cases(s, codes, n_codes, progress, ctx, out, err);
	if (st != M_OK)
		an_input_clear(out);
	return st;
}
