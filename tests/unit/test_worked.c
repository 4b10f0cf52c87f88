/* test_worked.c - the analysis of what worked on a fixture whose answers are known by hand: the
 * helpful interventions by actor and theme, the protective factors and who was there, the lasting
 * adults, and the patterns two or more cases share; then on the demo. Links without the store. */
#include "memutil.h"

#include "core/worked.h"

static m_id actor_id(const struct an_input *in, const char *name)
{
	for (size_t i = 0; i < in->actors.n; i++)
		if (strcmp(in->actors.items[i].name, name) == 0)
			return in->actors.items[i].id;
	fail_msg("no actor %s", name);
	return 0;
}

/* A step in a life domain, with a protective factor when one is given. */
static m_id step(struct m_journey *j, m_id *next, const char *time, enum m_domain d,
                 const char *protective)
{
	m_id id = mu_step(j, next, time, time, false);
	struct m_step *st = &j->steps[j->n_steps - 1];
	st->domain = d;
	if (protective) {
		st->factors = calloc(1, sizeof *st->factors);
		assert_non_null(st->factors);
		st->factors[st->n_factors++] = (struct m_factor){.id = (*next)++,
		                                                 .step_id = id,
		                                                 .kind = FACTOR_PROTECTIVE,
		                                                 .text = strdup(protective)};
	}
	return id;
}

static void made(struct m_journey *j, m_id *next, m_id actor, m_id from, m_id to, int effect)
{
	mu_intervention(j, next, actor, from, IV_MADE, NULL, NULL);
	j->interventions[j->n_interventions - 1].step_to = to;
	j->interventions[j->n_interventions - 1].effect = effect;
}

static struct m_journey *new_case(struct an_input *in, m_id *next, const char *code, int born)
{
	in->journeys = realloc(in->journeys, (in->n_journeys + 1) * sizeof *in->journeys);
	assert_non_null(in->journeys);
	struct m_journey *j = &in->journeys[in->n_journeys++];
	mu_case(j, next, code, born);
	return j;
}

/* Three young people and the sports club that stayed with two of them for years:
 *   A (born 2000): the club from 13 to 18 (+2), past a hand-over from school to the school's
 *     health team; school helped at 15 (+1). "En trygg vuxen" at 13 and, spelt otherwise, at 15.
 *   B (born 2001): the club for one year at 13 (+1), "En trygg vuxen" at 13; school harmed (-1).
 *   C (born 2002): the club from 14 to 18 (+2); BUP possible but never made. */
static void fixture(struct an_input *in)
{
	struct catalogue_set c;
	mu_catalogue(&c);
	memset(in, 0, sizeof *in);
	in->actors = c.actors;
	in->categories = c.categories;
	in->thresholds = c.thresholds;
	m_id next = 100000;
	m_id club = actor_id(in, "Idrottsföreningen"), school = actor_id(in, "Skolan (grundskola)");
	m_id health = actor_id(in, "Elevhälsan"), bup = actor_id(in, "BUP");

	struct m_journey *j = new_case(in, &next, "Test A", 2000);
	m_id a1 = step(j, &next, "2013", DOMAIN_LEISURE, "En trygg vuxen");
	m_id a2 = step(j, &next, "2015", DOMAIN_SCHOOL, " en TRYGG vuxen ");
	m_id a3 = step(j, &next, "2018", DOMAIN_HOUSING, NULL);
	made(j, &next, club, a1, a3, 2);
	made(j, &next, school, a2, 0, 1);
	mu_handover(j, &next, a2, school, health, "2015", "2015", "2015");
	mu_intervention(j, &next, bup, a2, IV_POSSIBLE, NULL, NULL);
	mu_done(j);

	j = new_case(in, &next, "Test B", 2001);
	m_id b1 = step(j, &next, "2014", DOMAIN_LEISURE, "En trygg vuxen");
	m_id b2 = step(j, &next, "2014-HT", DOMAIN_SCHOOL, NULL);
	made(j, &next, club, b1, b2, 1);
	made(j, &next, school, b2, 0, -1);
	mu_done(j);

	j = new_case(in, &next, "Test C", 2002);
	m_id c1 = step(j, &next, "2016", DOMAIN_LEISURE, NULL);
	m_id c2 = step(j, &next, "2020", DOMAIN_WORK, NULL);
	made(j, &next, club, c1, c2, 2);
	mu_intervention(j, &next, bup, c2, IV_POSSIBLE, NULL, NULL);
	mu_done(j);
}

/* The fixture analysed, for each test of it. */
struct analysed {
	struct analysis an;
	struct worked w;
};

static int analyse_fixture(void **state)
{
	struct analysed *a = calloc(1, sizeof *a);
	assert_non_null(a);
	struct an_input in;
	fixture(&in);
	analysis_run(&in, &a->an);
	worked_run(&a->an, &a->w);
	*state = a;
	return 0;
}

static int clear_fixture(void **state)
{
	struct analysed *a = *state;
	worked_clear(&a->w);
	analysis_clear(&a->an);
	free(a);
	return 0;
}

static const struct wk_row *row_of(const struct worked *w, enum wk_dim d, const char *label)
{
	for (size_t i = 0; i < w->tables[d].n; i++)
		if (strcmp(w->tables[d].rows[i].label, label) == 0 ||
		    strcmp(w->tables[d].rows[i].code, label) == 0)
			return &w->tables[d].rows[i];
	fail_msg("no row '%s' in %s", label, wk_dim_code(d));
	return NULL;
}

static const struct wk_pattern *pattern_with(const struct worked *w, const char *label)
{
	for (size_t i = 0; i < w->n_patterns; i++)
		if (strcmp(w->patterns[i].label, label) == 0)
			return &w->patterns[i];
	for (size_t i = 0; i < w->n_patterns; i++)
		print_message("pattern: %s\n", w->patterns[i].label);
	fail_msg("no pattern '%s'", label);
	return NULL;
}

static void test_helped_by_actor_and_theme(void **state)
{
	const struct analysed *fx = *state;
	const struct worked *w = &fx->w;
	/* Four helped: the harmful and the never made are not what worked. */
	assert_int_equal(w->n_helps, 4);
	assert_int_equal(w->tables[WK_ACTOR].n, 2);
	const struct wk_row *r = &w->tables[WK_ACTOR].rows[0];
	assert_string_equal(r->label, "Idrottsföreningen");
	assert_int_equal(r->helped, 3);
	assert_int_equal(r->cases, 3);
	assert_int_equal(r->strong, 2);
	r = row_of(w, WK_ACTOR, "Skolan (grundskola)");
	assert_int_equal(r->helped, 1);
	assert_int_equal(r->strong, 0);
	/* The theme is the theme of the step it starts at: leisure is the individual's. */
	r = &w->tables[WK_THEME].rows[0];
	assert_string_equal(r->code, "individual");
	assert_int_equal(r->helped, 3);
	assert_int_equal(r->cases, 3);
	r = row_of(w, WK_THEME, "school");
	assert_int_equal(r->helped, 1);
	assert_int_equal(w->tables[WK_THEME].n, 2); /* themes where nothing helped are left out */
}

static void test_protective_factors_and_who_was_there(void **state)
{
	const struct analysed *fx = *state;
	const struct analysis *an = &fx->an;
	const struct worked *w = &fx->w;
	/* The same words in another case and spacing are one factor, named as first written. */
	assert_int_equal(w->n_factors, 1);
	const struct wk_factor *f = &w->factors[0];
	assert_string_equal(f->label, "En trygg vuxen");
	assert_int_equal(f->steps, 3);
	assert_int_equal(f->cases, 2);
	/* The club was there at all three steps, the school at one; BUP never made anything. */
	assert_int_equal(f->n_actors, 2);
	assert_string_equal(an->actors.items[f->actors[0].actor].name, "Idrottsföreningen");
	assert_int_equal(f->actors[0].steps, 3);
	assert_string_equal(an->actors.items[f->actors[1].actor].name, "Skolan (grundskola)");
	assert_int_equal(f->actors[1].steps, 1);
}

static void test_lasting_adults(void **state)
{
	const struct analysed *fx = *state;
	const struct analysis *an = &fx->an;
	const struct worked *w = &fx->w;
	/* The club in A and C; not in B (one year), and the school nowhere (one step). */
	assert_int_equal(w->n_adults, 2);
	const struct wk_adult *a = &w->adults[0];
	assert_string_equal(an->journeys[a->case_index].kase.code, "Test A");
	assert_string_equal(an->actors.items[a->actor].name, "Idrottsföreningen");
	assert_int_equal(a->years, 5);
	assert_int_equal(a->age_from, 13);
	assert_int_equal(a->age_to, 18);
	assert_int_equal(a->thresholds, 3); /* 15, 16 and 18 */
	assert_int_equal(a->handovers, 1);  /* school to its health team */
	assert_int_equal((int)a->steps, 3);
	a = &w->adults[1];
	assert_string_equal(an->journeys[a->case_index].kase.code, "Test C");
	assert_int_equal(a->years, 4);
	assert_int_equal(a->thresholds, 3);
	assert_int_equal(a->handovers, 0);
}

static void test_patterns_of_what_worked(void **state)
{
	const struct analysed *fx = *state;
	const struct worked *w = &fx->w;
	assert_int_equal(w->n_patterns, 3);
	/* The club, in all three cases: the actor, its theme and the band are one pattern. */
	const struct wk_pattern *p = &w->patterns[0];
	assert_string_equal(p->label, "Idrottsföreningen, Individual and peers, 13–15 years");
	assert_int_equal(p->cases, 3);
	assert_int_equal(p->n_helps, 3);
	assert_int_equal(p->strong, 2);
	/* A trusted adult at the step, in A and B: the club twice and the school once. */
	p = &w->patterns[1];
	assert_string_equal(p->label, "13–15 years, with “En trygg vuxen”");
	assert_int_equal(p->cases, 2);
	assert_int_equal(p->n_helps, 3);
	/* The club as a lasting adult, in A and C. */
	p = pattern_with(w,
	                 "Idrottsföreningen, a lasting adult, Individual and peers, 13–15 years");
	assert_int_equal(p->cases, 2);
	assert_int_equal(p->n_helps, 2);
	assert_int_equal(p->strong, 2);
	const struct wk_help *h = &w->helps[p->helps[1]];
	assert_string_equal(h->journey->kase.code, "Test C");
	assert_true(h->lasting);
}

static void test_the_demo(void **state)
{
	(void)state;
	struct an_input in;
	mu_demo_input(&in);
	struct analysis an;
	analysis_run(&in, &an);
	struct worked w;
	worked_run(&an, &w);
	assert_true(w.n_helps > 0);
	for (size_t i = 0; i < w.n_helps; i++)
		assert_true(w.helps[i].iv->effect > 0);
	/* J at Fryshuset stayed with Sam from 14 to 22; the club with Kim and with Noor. */
	bool fryshuset = false;
	int club = 0;
	for (size_t i = 0; i < w.n_adults; i++) {
		const char *name = an.actors.items[w.adults[i].actor].name;
		const char *kase = an.journeys[w.adults[i].case_index].kase.code;
		fryshuset |= strcmp(name, "Fryshuset") == 0 && strcmp(kase, "DEMO-1 Sam") == 0;
		club += strcmp(name, "Idrottsföreningen") == 0;
	}
	assert_true(fryshuset);
	assert_int_equal(club, 2);
	pattern_with(&w, "Idrottsföreningen, a lasting adult, Individual and peers, 0–12 years");
	for (size_t i = 1; i < w.n_patterns; i++) {
		assert_true(w.patterns[i].cases >= 2);
		assert_true(w.patterns[i].cases <= w.patterns[i - 1].cases);
	}
	worked_clear(&w);
	analysis_clear(&an);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_helped_by_actor_and_theme, analyse_fixture,
	                                    clear_fixture),
	    cmocka_unit_test_setup_teardown(test_protective_factors_and_who_was_there,
	                                    analyse_fixture, clear_fixture),
	    cmocka_unit_test_setup_teardown(test_lasting_adults, analyse_fixture, clear_fixture),
	    cmocka_unit_test_setup_teardown(test_patterns_of_what_worked, analyse_fixture,
	                                    clear_fixture),
	    cmocka_unit_test(test_the_demo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
