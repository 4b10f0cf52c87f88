/* breakdown.h - the gaps and what worked counted by municipality, local area and gender: where
 * the young people live and who they are, as decision makers ask. Each case counts once in each
 * table, with its gaps and its interventions that helped.
 *
 * Small places point at people: where counts below a threshold are withheld (the public
 * report), an area with fewer cases than it is not named. Its cases are counted in one row of
 * their municipality's other areas instead, so the totals hold and no area of one or two young
 * people can be read off. Counts below the threshold in the rows left, that row's too, are the
 * report's to withhold, as every count is (rb_count).
 *
 * Pure: it reads an analysis and what worked in it, and one struct bd_case per case. */
#ifndef MELLAN_BREAKDOWN_H
#define MELLAN_BREAKDOWN_H

#include "analysis.h"
#include "places.h"
#include "worked.h"

#include <stdbool.h>
#include <stddef.h>

/* Where one case is and who the young person is; NULL: not known. */
struct bd_case {
	const char *municipality;
	const char *area;
	enum m_gender gender;
};

enum bd_dim { BD_MUNICIPALITY, BD_AREA, BD_GENDER, BD_DIM_COUNT };

struct bd_row {
	char *label; /* "Malmö", "Malmö: Rosengård", "Malmö: other areas", "girl", "not known" */
	int cases;   /* in this row */
	int gaps;    /* of those cases */
	int helped;  /* interventions that helped, of those cases */
	bool grouped; /* areas too small to name, counted together */
};

struct bd_table {
	struct bd_row *rows; /* most cases first, then Swedish order; "not known" and groups last */
	size_t n;
};

struct breakdown {
	struct bd_table tables[BD_DIM_COUNT];
};

/* cases has an->n_journeys entries, in the analysis' order. small: an area with fewer cases is
 * not named (0: every area is). */
void breakdown_run(const struct analysis *an, const struct worked *w, const struct bd_case *cases,
                   int small, struct breakdown *out);
void breakdown_clear(struct breakdown *b);

#endif
