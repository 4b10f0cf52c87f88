/* test_analysis.c - the gap analysis on the demo, built in memory: the counts a decision maker
 * reads, the recurring patterns with the steps behind them, a chosen set of cases, and a broken
 * hand-over the program sees by itself across cases added here. Links without the store: the
 * loading of what the analysis reads is tested with the store (test_demo.c). */
#include "memutil.h"

static const struct an_row *row_of(const struct analysis *an, enum an_dim d, const char *label)
{
	for (size_t i = 0; i < an->tables[d].n; i++)
		if (strcmp(an->tables[d].rows[i].label, label) == 0 ||
		    strcmp(an->tables[d].rows[i].code, label) == 0)
			return &an->tables[d].rows[i];
	fail_msg("no row '%s' in %s", label, an_dim_code(d));
	return NULL;
}

static int sum_gaps(const struct analysis *an, enum an_dim d)
{
	int n = 0;
	for (size_t i = 0; i < an->tables[d].n; i++)
		n += an->tables[d].rows[i].gaps;
	return n;
}

static const struct an_pattern *pattern_with(const struct analysis *an, const char *label)
{
	for (size_t i = 0; i < an->n_patterns; i++)
		if (strcmp(an->patterns[i].label, label) == 0)
			return &an->patterns[i];
	fail_msg("no pattern '%s'", label);
	return NULL;
}

static void test_counts_over_all_cases(void **state)
{
	(void)state;
	struct an_input in;
	mu_demo_input(&in);
	struct analysis an;
	analysis_run(&in, &an);
	assert_int_equal(in.n_journeys, 0); /* taken over */
	assert_int_equal(an.n_journeys, 3);
	assert_string_equal(an.journeys[0].kase.code, "DEMO-1 Sam");
	assert_int_equal(an.n_gaps, 21);
	assert_int_equal(an.n_steps, 28 + 24 + 25);

	/* Every gap is counted once by category, age band, domain, level and status. */
	assert_int_equal(sum_gaps(&an, AN_CATEGORY), 21);
	assert_int_equal(sum_gaps(&an, AN_AGE_BAND), 21);
	assert_int_equal(sum_gaps(&an, AN_DOMAIN), 21);
	assert_int_equal(sum_gaps(&an, AN_LEVEL), 21);
	assert_int_equal(sum_gaps(&an, AN_STATUS), 21);
	/* All 11 categories are listed, most gaps first; the one in all three cases leads. */
	assert_int_equal(an.tables[AN_CATEGORY].n, 11);
	const struct an_row *r = &an.tables[AN_CATEGORY].rows[0];
	assert_string_equal(r->code, "outside-criteria");
	assert_int_equal(r->gaps, 3);
	assert_int_equal(r->cases, 3);
	r = row_of(&an, AN_CATEGORY, "age-transition");
	assert_int_equal(r->gaps, 2);
	assert_int_equal(r->cases, 2);
	assert_int_equal(r->votes, 7 + 6); /* the workshop's dots on Sam's and Kim's gap */
	assert_int_equal(r->severity_max, 3);
	r = row_of(&an, AN_CATEGORY, "ended-abruptly");
	assert_int_equal(r->gaps, 1);

	/* Actors: involved or could have acted, a gap counted once per actor. */
	r = row_of(&an, AN_ACTOR, "Socialtjänsten (barn och unga)");
	assert_int_equal(r->gaps, 7);
	assert_int_equal(r->cases, 3);
	assert_int_equal(r->involved + r->could, 7);
	assert_int_equal(r->could, 1);
	r = row_of(&an, AN_ACTOR, "Fryshuset");
	assert_int_equal(r->gaps, 2);
	assert_int_equal(r->involved, 1);
	assert_int_equal(r->could, 1);

	/* Broken hand-overs: BUP never handed Sam over at 18; both of that step's gaps. */
	r = row_of(&an, AN_PAIR, "BUP → Vuxenpsykiatrin");
	assert_int_equal(r->gaps, 2);
	assert_int_equal(r->cases, 1);
	assert_int_equal(r->votes, 7);
	r = row_of(&an, AN_PAIR, "Socialtjänsten (barn och unga) → Socialtjänsten (vuxen)");
	assert_int_equal(r->gaps, 1);

	/* Ages: the year of the step less the birth year; 18 is where most breaks. */
	r = row_of(&an, AN_THRESHOLD, "18");
	assert_int_equal(r->gaps, 8);
	assert_int_equal(r->cases, 3);
	r = row_of(&an, AN_AGE_BAND, "18-20");
	assert_int_equal(r->gaps, 10);
	r = row_of(&an, AN_AGE_BAND, "0-12");
	assert_int_equal(r->gaps, 1);
	r = row_of(&an, AN_LEVEL, "policy");
	assert_int_equal(r->gaps, 7);
	r = row_of(&an, AN_STATUS, "lifted");
	assert_int_equal(r->gaps, 6);
	assert_int_equal(r->votes, 7 + 6 + 5 + 3 + 2); /* all dots but Kim's open gap's 4 */

	/* The matrix agrees with the actor table. */
	size_t a = 0;
	while (strcmp(an.actors.items[a].name, "BUP") != 0)
		a++;
	int bup = 0;
	for (size_t c = 0; c < an.categories.n; c++)
		bup += an.matrix[a * an.categories.n + c];
	assert_int_equal(bup, row_of(&an, AN_ACTOR, "BUP")->gaps);
	analysis_clear(&an);
}

static void test_patterns_with_their_steps(void **state)
{
	(void)state;
	struct an_input in;
	mu_demo_input(&in);
	struct analysis an;
	analysis_run(&in, &an);
	assert_true(an.n_patterns >= 5);
	/* Most cases first: the gap outside the criteria at 18 is in all three. */
	const struct an_pattern *p = &an.patterns[0];
	assert_string_equal(p->label, "Utanför kriterierna, at 18");
	assert_int_equal(p->cases, 3);
	assert_int_equal(p->n_gaps, 3);
	for (size_t i = 1; i < an.n_patterns; i++) {
		assert_true(an.patterns[i].cases >= 2);
		assert_true(an.patterns[i].cases <= an.patterns[i - 1].cases);
	}
	/* The age transition at 18 in Sam's and Kim's stories, with the steps behind it. */
	p = pattern_with(&an, "Åldersövergång (18/20/21), at 18");
	assert_int_equal(p->n_gaps, 2);
	assert_int_equal(p->votes, 13);
	const struct an_gap *g0 = &an.gaps[p->gaps[0]], *g1 = &an.gaps[p->gaps[1]];
	assert_string_equal(g0->journey->kase.code, "DEMO-1 Sam");
	assert_string_equal(g0->step->title, "18 år: BUP avslutar");
	assert_string_equal(g1->journey->kase.code, "DEMO-3 Kim");
	assert_int_equal(g1->age, 18);
	/* Features shared by the very same gaps make one pattern, as specific as it can be. */
	p = pattern_with(&an, "Motstridiga krav, at 18, involving Socialtjänsten (vuxen), "
	                      "Arbetsförmedlingen");
	assert_int_equal(p->cases, 2);
	assert_int_equal(p->n_features, 4);
	/* No pattern stands for a single case. */
	for (size_t i = 0; i < an.n_patterns; i++)
		assert_true(strstr(an.patterns[i].label, "Insatsen avslutades abrupt") == NULL);
	analysis_clear(&an);
}

/* Keeps only the journeys whose codes are given, in the order they have; frees the others. */
static void choose(struct an_input *in, const char *const *codes, size_t n)
{
	size_t kept = 0;
	for (size_t i = 0; i < in->n_journeys; i++) {
		bool want = false;
		for (size_t k = 0; k < n; k++)
			want = want || strcmp(in->journeys[i].kase.code, codes[k]) == 0;
		if (want)
			in->journeys[kept++] = in->journeys[i];
		else
			m_journey_clear(&in->journeys[i]);
	}
	in->n_journeys = kept;
}

static void test_chosen_cases(void **state)
{
	(void)state;
	struct an_input in;
	struct analysis an;
	const char *const one[] = {"DEMO-1 Sam"};
	mu_demo_input(&in);
	choose(&in, one, 1);
	analysis_run(&in, &an);
	assert_int_equal(an.n_journeys, 1);
	assert_int_equal(an.n_gaps, 9);
	assert_int_equal(an.n_patterns, 0); /* nothing recurs within one story */
	analysis_clear(&an);

	const char *const two[] = {"DEMO-3 Kim", "DEMO-1 Sam"};
	mu_demo_input(&in);
	choose(&in, two, 2);
	analysis_run(&in, &an);
	assert_int_equal(an.n_journeys, 2);
	assert_string_equal(an.journeys[1].kase.code, "DEMO-3 Kim");
	assert_int_equal(an.n_gaps, 16);
	analysis_clear(&an);
}

static m_id actor_id(const struct an_input *in, const char *name)
{
	for (size_t i = 0; i < in->actors.n; i++)
		if (strcmp(in->actors.items[i].name, name) == 0)
			return in->actors.items[i].id;
	fail_msg("no actor %s", name);
	return 0;
}

static m_id category_id(const struct an_input *in, const char *code)
{
	for (size_t i = 0; i < in->categories.n; i++)
		if (strcmp(in->categories.items[i].code, code) == 0)
			return in->categories.items[i].id;
	fail_msg("no category %s", code);
	return 0;
}

/* A case whose referral from BUP at 18 was sent and never received, flagged as a gap. Ids go on
 * from *next, above the demo's. */
static void add_unreceived_referral(struct an_input *in, m_id *next, const char *code,
                                    bool acted_on)
{
	in->journeys = realloc(in->journeys, (in->n_journeys + 1) * sizeof *in->journeys);
	assert_non_null(in->journeys);
	struct m_journey *j = &in->journeys[in->n_journeys++];
	mu_case(j, next, code, 2000);
	m_id st = mu_step(j, next, "AGE18", "18 år", false);
	mu_handover(j, next, st, actor_id(in, "BUP"), actor_id(in, "Vuxenpsykiatrin"), "AGE18",
	            acted_on ? "AGE18" : NULL, acted_on ? "AGE18" : NULL);
	mu_gap(j, next, st, category_id(in, "waiting-time"), 2);
	mu_done(j);
}

static void test_broken_handover_across_cases(void **state)
{
	(void)state;
	struct an_input in;
	mu_demo_input(&in);
	m_id next = 100000;
	add_unreceived_referral(&in, &next, "Test A", false);
	add_unreceived_referral(&in, &next, "Test B", false);
	add_unreceived_referral(&in, &next, "Test C", true); /* received and acted on: no pair */
	struct analysis an;
	analysis_run(&in, &an);
	const struct an_row *r = row_of(&an, AN_PAIR, "BUP → Vuxenpsykiatrin");
	assert_int_equal(r->gaps, 2 + 2);
	assert_int_equal(r->cases, 3);
	/* The hand-over at 18 from BUP to adult psychiatry, across Sam, A and B. */
	const struct an_pattern *p = pattern_with(&an, "at 18, hand-over BUP → Vuxenpsykiatrin");
	assert_int_equal(p->cases, 3);
	assert_int_equal(p->n_gaps, 4);
	/* And the waiting time at 18 in A, B and C, with that pair only in A and B. */
	p = pattern_with(&an, "Väntetid, at 18");
	assert_int_equal(p->cases, 3);
	p = pattern_with(&an, "Väntetid, at 18, hand-over BUP → Vuxenpsykiatrin");
	assert_int_equal(p->cases, 2);
	analysis_clear(&an);
}

/* A gap over a span of steps finds the broken hand-over within the span, the first recorded
 * when there are several, whatever order the steps were added in; one outside the span, or one
 * received and acted on, is not it. The steps are found through an index of the journey. */
static void test_broken_handover_in_a_span(void **state)
{
	(void)state;
	struct an_input in;
	mu_demo_input(&in);
	m_id next = 100000;
	in.journeys = realloc(in.journeys, (in.n_journeys + 1) * sizeof *in.journeys);
	assert_non_null(in.journeys);
	struct m_journey *j = &in.journeys[in.n_journeys++];
	mu_case(j, &next, "Test Span", 2000);
	/* Added late first: the story order is not the order of the ids. */
	m_id late = mu_step(j, &next, "2020", "Sent", false);
	m_id mid = mu_step(j, &next, "2018", "Mitten", false);
	m_id early = mu_step(j, &next, "2016", "Tidigt", false);
	m_id outside = mu_step(j, &next, "2022", "Efteråt", false);
	m_id bup = actor_id(&in, "BUP"), vux = actor_id(&in, "Vuxenpsykiatrin"),
	     soc = actor_id(&in, "Socialtjänsten (vuxen)");
	mu_handover(j, &next, outside, soc, bup, "2022", NULL, NULL);
	mu_handover(j, &next, mid, bup, vux, "2018", "2018", "2018"); /* it went well */
	mu_handover(j, &next, late, vux, soc, "2020", NULL, NULL);
	mu_handover(j, &next, early, soc, vux, "2016", NULL, NULL);
	mu_gap(j, &next, early, category_id(&in, "waiting-time"), 2);
	j->gaps[j->n_gaps - 1].step_to = late;
	mu_gap(j, &next, mid, category_id(&in, "waiting-time"), 1);
	mu_done(j);
	struct analysis an;
	analysis_run(&in, &an);
	size_t found = 0;
	for (size_t i = 0; i < an.n_gaps; i++) {
		const struct an_gap *g = &an.gaps[i];
		if (g->journey->kase.id != j->kase.id)
			continue;
		found++;
		if (g->gap->step_id == early) {
			assert_non_null(g->step_to);
			assert_int_equal(g->step_to->id, late);
			assert_non_null(g->broken);
			assert_int_equal(g->broken->from_actor,
			                 vux); /* recorded before soc -> vux */
		} else {
			assert_null(g->broken);
		}
	}
	assert_int_equal(found, 2);
	analysis_clear(&an);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts_over_all_cases),
	    cmocka_unit_test(test_patterns_with_their_steps),
	    cmocka_unit_test(test_chosen_cases),
	    cmocka_unit_test(test_broken_handover_across_cases),
	    cmocka_unit_test(test_broken_handover_in_a_span),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
