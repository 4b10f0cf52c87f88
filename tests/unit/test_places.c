/* test_places.c - place and person as codes: the gender typed as free text finding its code,
 * the places of Skåne and of the seed documents, and the counts by municipality, area and
 * gender, where an area of fewer than three cases is not named once small counts are withheld.
 * Links without the store. */
#include "memutil.h"

#include "core/breakdown.h"
#include "core/places.h"

static void gender_is(const char *text, enum m_gender want, bool known)
{
	enum m_gender g;
	assert_int_equal(m_gender_from_text(text, &g), known);
	if (g != want)
		fail_msg("'%s' is %s, not %s", text, m_gender_code(g), m_gender_code(want));
}

static void test_gender_codes(void **state)
{
	(void)state;
	gender_is("Flicka", GENDER_GIRL, true);
	gender_is(" tjej ", GENDER_GIRL, true);
	gender_is("F", GENDER_GIRL, true);
	gender_is("girl", GENDER_GIRL, true);
	gender_is("Pojke", GENDER_BOY, true);
	gender_is("KILLE", GENDER_BOY, true);
	gender_is("icke-binär", GENDER_OTHER, true);
	gender_is("", GENDER_UNKNOWN, true);
	gender_is("okänt", GENDER_UNKNOWN, true);
	/* Words it does not know: unknown, and the caller keeps them. */
	gender_is("vill inte säga", GENDER_UNKNOWN, false);
	for (int g = 0; g < GENDER_COUNT; g++)
		assert_int_equal(m_gender_from_code(m_gender_code(g)), g);
	assert_int_equal(m_gender_from_code("kvinna"), -1);
}

static void test_the_places(void **state)
{
	(void)state;
	size_t municipalities = 0;
	bool rosengard = false, drottninghog = false;
	for (size_t i = 0; i < catalogue_n_places; i++) {
		const struct catalogue_place *p = &catalogue_places[i];
		municipalities += p->area == NULL;
		rosengard |=
		    p->area && !strcmp(p->municipality, "Malmö") && !strcmp(p->area, "Rosengård");
		drottninghog |= p->area && !strcmp(p->municipality, "Helsingborg") &&
		                !strcmp(p->area, "Drottninghög");
		/* Every area's municipality is one of the list. */
		bool listed = false;
		for (size_t k = 0; k < catalogue_n_places; k++)
			listed |= !catalogue_places[k].area &&
			          !strcmp(catalogue_places[k].municipality, p->municipality);
		assert_true(listed);
	}
	assert_int_equal(municipalities, 33);
	assert_true(rosengard);
	assert_true(drottninghog);
}

/* Five young people: three in Rosengård, one in Seved, one in Lindängen; two girls and three
 * boys. Case i has i + 1 gaps and one intervention that helped. */
static const struct bd_case people[] = {
    {"Malmö", "Rosengård", GENDER_GIRL}, {"Malmö", "Rosengård", GENDER_BOY},
    {"Malmö", "Rosengård", GENDER_BOY},  {"Malmö", "Seved", GENDER_GIRL},
    {"Malmö", "Lindängen", GENDER_BOY},
};

static void fixture(struct analysis *an, struct worked *w)
{
	struct catalogue_set c;
	mu_catalogue(&c);
	struct an_input in = {0};
	in.actors = c.actors;
	in.categories = c.categories;
	in.thresholds = c.thresholds;
	in.journeys = calloc(5, sizeof *in.journeys);
	assert_non_null(in.journeys);
	m_id next = 1000;
	for (int i = 0; i < 5; i++) {
		struct m_journey *j = &in.journeys[in.n_journeys++];
		char code[16];
		snprintf(code, sizeof code, "Fall %d", i + 1);
		mu_case(j, &next, code, 2005);
		m_id st = mu_step(j, &next, "2020", "Ett steg", false);
		for (int g = 0; g <= i; g++)
			mu_gap(j, &next, st, in.categories.items[0].id, 2);
		mu_intervention(j, &next, in.actors.items[0].id, st, IV_MADE, NULL, NULL);
		j->interventions[0].effect = 1;
		mu_done(j);
	}
	analysis_run(&in, an);
	worked_run(an, w);
}

static const struct bd_row *row(const struct breakdown *b, enum bd_dim d, const char *label)
{
	for (size_t i = 0; i < b->tables[d].n; i++)
		if (strcmp(b->tables[d].rows[i].label, label) == 0)
			return &b->tables[d].rows[i];
	return NULL;
}

static void test_counts_by_place_and_gender(void **state)
{
	(void)state;
	struct analysis an;
	struct worked w;
	fixture(&an, &w);
	struct breakdown b;
	breakdown_run(&an, &w, people, 0, &b);
	const struct bd_row *r = row(&b, BD_MUNICIPALITY, "Malmö");
	assert_non_null(r);
	assert_int_equal(r->cases, 5);
	assert_int_equal(r->gaps, 1 + 2 + 3 + 4 + 5);
	assert_int_equal(r->helped, 5);
	/* In the workshop's report every area is named, most cases first. */
	assert_int_equal(b.tables[BD_AREA].n, 3);
	assert_string_equal(b.tables[BD_AREA].rows[0].label, "Malmö: Rosengård");
	assert_int_equal(b.tables[BD_AREA].rows[0].cases, 3);
	assert_int_equal(b.tables[BD_AREA].rows[0].gaps, 1 + 2 + 3);
	r = row(&b, BD_AREA, "Malmö: Seved");
	assert_non_null(r);
	assert_int_equal(r->gaps, 4);
	r = row(&b, BD_GENDER, "girl");
	assert_non_null(r);
	assert_int_equal(r->cases, 2);
	assert_int_equal(r->gaps, 1 + 4);
	r = row(&b, BD_GENDER, "boy");
	assert_non_null(r);
	assert_int_equal(r->cases, 3);
	breakdown_clear(&b);

	/* Where counts below 3 are withheld, Seved and Lindängen are not named: their two cases
	 * are Malmö's other areas, and the totals still hold. */
	breakdown_run(&an, &w, people, 3, &b);
	assert_int_equal(b.tables[BD_AREA].n, 2);
	assert_null(row(&b, BD_AREA, "Malmö: Seved"));
	assert_null(row(&b, BD_AREA, "Malmö: Lindängen"));
	r = row(&b, BD_AREA, "Malmö: Rosengård");
	assert_non_null(r);
	assert_false(r->grouped);
	r = row(&b, BD_AREA, "Malmö: other areas");
	assert_non_null(r);
	assert_true(r->grouped);
	assert_int_equal(r->cases, 2);
	assert_int_equal(r->gaps, 4 + 5);
	assert_int_equal(r->helped, 2);
	breakdown_clear(&b);
	worked_clear(&w);
	analysis_clear(&an);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_gender_codes),
	    cmocka_unit_test(test_the_places),
	    cmocka_unit_test(test_counts_by_place_and_gender),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
