/* report_places.c - the report's counts by who the young people are (breakdown.h): gaps and
 * what helped by gender, each count through rb_count() so the public variant withholds the
 * small ones. The gender is read from what the case says, by its code (places.h); words that
 * name no code count as not known. Municipality and area join when cases hold them. */
#include "report_build.h"

#include "breakdown.h"
#include "i18n.h"
#include "xalloc.h"

#include <stdlib.h>

void rb_places(struct build *b)
{
	const struct analysis *an = b->an;
	struct worked w;
	worked_run(an, &w);
	struct bd_case *cases = xcalloc(an->n_journeys + 1, sizeof *cases);
	for (size_t c = 0; c < an->n_journeys; c++)
		m_gender_from_text(an->journeys[c].kase.gender, &cases[c].gender);
	struct breakdown bd;
	breakdown_run(an, &w, cases, b->rules.small, &bd);
	free(cases);

	struct rd_block *s = rb_section(b, NULL, _("By gender"), "places", 0);
	const struct bd_table *t = &bd.tables[BD_GENDER];
	struct rb_tab tab = rb_table(b, s, RD_TABLE, 4, t->n);
	tab.t->key = "by_gender";
	tab.t->rank = RANK_WORKED;
	tab.t->empty = _("None.");
	const char *heads[] = {"", _("Cases"), _("Gaps"), _("Helped")};
	static const char *const keys[] = {"label", "cases", "gaps", "helped"};
	for (size_t i = 0; i < 4; i++) {
		tab.keys[i] = keys[i];
		tab.heads[i] = heads[i];
	}
	for (size_t i = 0; i < t->n; i++) {
		struct rd_cell *row = tab.cells + i * 4;
		row[0] = rb_text(NULL, rb_clean(b, t->rows[i].label));
		row[1] = rb_count(b, t->rows[i].cases);
		row[2] = rb_count(b, t->rows[i].gaps);
		row[3] = rb_count(b, t->rows[i].helped);
	}
	breakdown_clear(&bd);
	worked_clear(&w);
}
