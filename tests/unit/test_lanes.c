/* test_lanes.c - the lanes view's layout on the demo journeys, built in memory, without a file or
 * a terminal: a lane for every actor involved and none for others, grouped by sector; a bar for
 * every intervention in its actor's lane with its kind; to true scale, an eight-month queue eight
 * months long; the hand-over to adult psychiatry that never arrived marked broken; gaps where
 * their steps are; the age-18 rule between the last step before 18 and the first after; silence
 * exactly where risk is recorded and no intervention is made. */
#include "memutil.h"

#include "core/fuzzytime.h"
#include "core/lanes.h"
#include "core/story.h"

#include <stdbool.h>

/* The default catalogue, in memory: the lanes are laid out against it. */
static struct catalogue_set catalogue;
static struct m_actor_list actors;
static struct m_threshold_list thresholds;

static int setup(void **state)
{
	(void)state;
	tu_init();
	mu_catalogue(&catalogue);
	actors = catalogue.actors;
	thresholds = catalogue.thresholds;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalogue_set_clear(&catalogue);
	return 0;
}

/* A demo journey as the store reads it back; the caller clears it. */
static void load(const char *code, struct m_journey *j)
{
	mu_demo_journey(&catalogue, code, j);
}

static const struct m_actor *actor_named(const char *name)
{
	for (size_t i = 0; i < actors.n; i++)
		if (strcmp(actors.items[i].name, name) == 0)
			return &actors.items[i];
	fail_msg("no actor %s", name);
	return NULL;
}

static const char *const demo_codes[] = {"DEMO-1 Sam", "DEMO-2 Noor", "DEMO-3 Kim"};
#define N_DEMO (sizeof demo_codes / sizeof demo_codes[0])

static void test_lanes_are_the_involved_actors_by_sector(void **state)
{
	(void)state;
	for (size_t c = 0; c < N_DEMO; c++) {
		struct m_journey j = {0};
		load(demo_codes[c], &j);
		struct lanes_layout l;
		lanes_build(&j, &actors, &thresholds, LANES_BY_STEP, 2, &l);
		assert_true(l.n_rows > 3);
		for (size_t r = 0; r < l.n_rows; r++) {
			/* One lane per actor, sectors together and in order, first flags right. */
			for (size_t q = r + 1; q < l.n_rows; q++)
				assert_true(l.rows[q].actor_id != l.rows[r].actor_id);
			if (r > 0)
				assert_true(l.rows[r].sector >= l.rows[r - 1].sector);
			assert_int_equal(l.rows[r].sector_first,
			                 r == 0 || l.rows[r].sector != l.rows[r - 1].sector);
		}
		/* Every intervention's actor has a lane; no actor without a part has one. */
		for (size_t i = 0; i < j.n_interventions; i++) {
			bool found = false;
			for (size_t r = 0; r < l.n_rows; r++)
				found |= l.rows[r].actor_id == j.interventions[i].actor_id;
			assert_true(found);
		}
		assert_true(l.n_rows < actors.n);
		lanes_clear(&l);
		m_journey_clear(&j);
	}
}

static void test_bars_by_step(void **state)
{
	(void)state;
	struct m_journey j = {0};
	load("DEMO-1 Sam", &j);
	struct lanes_layout l;
	int cell = lanes_zoom_unit(LANES_BY_STEP, 1);
	lanes_build(&j, &actors, &thresholds, LANES_BY_STEP, 1, &l);
	assert_int_equal(l.width, (int)j.n_steps * cell);
	assert_int_equal(l.n_bars, j.n_interventions);
	bool kinds[IV_KIND_COUNT] = {false};
	for (size_t i = 0; i < l.n_bars; i++) {
		const struct lanes_bar *b = &l.bars[i];
		const struct m_intervention *iv = &j.interventions[i];
		assert_int_equal(b->intervention_id, iv->id);
		assert_int_equal(l.rows[b->row].actor_id, iv->actor_id);
		assert_int_equal(b->kind, iv->kind);
		/* By step, a bar covers exactly its steps' cells. */
		int from = story_step_index(&j, iv->step_from);
		int to = iv->step_to ? story_step_index(&j, iv->step_to) : from;
		assert_int_equal(b->from, from * cell);
		assert_int_equal(b->to, to * cell + cell - 1);
		kinds[b->kind] = true;
	}
	/* The demo has every kind, and each kind has its own mark. */
	for (int k = 0; k < IV_KIND_COUNT; k++) {
		assert_true(kinds[k]);
		for (int q = k + 1; q < IV_KIND_COUNT; q++)
			assert_string_not_equal(lanes_kind_mark((enum m_intervention_kind)k),
			                        lanes_kind_mark((enum m_intervention_kind)q));
	}
	lanes_clear(&l);
	m_journey_clear(&j);
}

/* The bar of the one intervention of `actor` with `kind`. */
static const struct lanes_bar *bar_of(const struct m_journey *j, const struct lanes_layout *l,
                                      const char *actor, enum m_intervention_kind kind)
{
	m_id id = actor_named(actor)->id;
	for (size_t i = 0; i < l->n_bars; i++)
		if (l->rows[l->bars[i].row].actor_id == id && l->bars[i].kind == kind)
			return &l->bars[i];
	(void)j;
	fail_msg("no %s bar for %s", m_iv_kind_code(kind), actor);
	return NULL;
}

static void test_true_scale_makes_a_long_wait_long(void **state)
{
	(void)state;
	struct m_journey j = {0};
	load("DEMO-1 Sam", &j);
	for (int z = 0; z < LANES_ZOOMS; z++) {
		struct lanes_layout l;
		lanes_build(&j, &actors, &thresholds, LANES_BY_TIME, z, &l);
		int days = lanes_zoom_unit(LANES_BY_TIME, z);
		/* BUP's queue, 2016-03 to 2016-11: about 275 days. */
		const struct lanes_bar *q = bar_of(&j, &l, "BUP", IV_WAITING);
		int len = q->to - q->from + 1;
		assert_true(len >= 270 / days - 1 && len <= 280 / days + 2);
		/* Arbetsförmedlingen's wait, 2020-04 to 2021-10, is about twice as long. */
		const struct lanes_bar *af = bar_of(&j, &l, "Arbetsförmedlingen", IV_WAITING);
		if (days <= 61)
			assert_true(af->to - af->from > 3 * (q->to - q->from) / 2);
		/* The wait starts where the referral step is, to the column. */
		assert_int_equal(q->from, lanes_date_col(&l, "2016-03-01"));
		/* Story order is time order: steps never go back. */
		for (size_t i = 1; i < j.n_steps; i++)
			assert_true(l.step_from[i] >= l.step_from[i - 1]);
		assert_true(l.width >= l.step_to[j.n_steps - 1] + 1);
		lanes_clear(&l);
	}
	/* By step, the same wait is just its three steps. */
	struct lanes_layout s;
	lanes_build(&j, &actors, &thresholds, LANES_BY_STEP, 5, &s);
	const struct lanes_bar *q = bar_of(&j, &s, "BUP", IV_WAITING);
	assert_int_equal(q->to - q->from + 1, 3);
	lanes_clear(&s);
	m_journey_clear(&j);
}

static void test_zoom_fits_the_screen(void **state)
{
	(void)state;
	struct m_journey j = {0};
	load("DEMO-1 Sam", &j);
	static const int widths[] = {40, 60, 120, 200};
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		for (int sc = 0; sc < 2; sc++) {
			int z = lanes_fit_zoom(&j, (enum lanes_scale)sc, widths[w]);
			struct lanes_layout l;
			lanes_build(&j, &actors, &thresholds, (enum lanes_scale)sc, z, &l);
			/* Fits, or is already the widest view; and the closer view would not. */
			bool fits = l.step_to[j.n_steps - 1] < widths[w];
			assert_true(fits || z == LANES_ZOOMS - 1);
			lanes_clear(&l);
			if (z > 0) {
				lanes_build(&j, &actors, &thresholds, (enum lanes_scale)sc, z - 1,
				            &l);
				assert_true(l.step_to[j.n_steps - 1] >= widths[w]);
				lanes_clear(&l);
			}
		}
	}
	m_journey_clear(&j);
}

static void test_handovers_and_gaps(void **state)
{
	(void)state;
	struct m_journey j = {0};
	load("DEMO-1 Sam", &j);
	struct lanes_layout l;
	lanes_build(&j, &actors, &thresholds, LANES_BY_STEP, 2, &l);
	assert_int_equal(l.n_handovers, j.n_handovers);
	m_id bup = actor_named("BUP")->id, adult = actor_named("Vuxenpsykiatrin")->id;
	bool seen = false;
	size_t broken = 0;
	for (size_t i = 0; i < l.n_handovers; i++) {
		const struct lanes_handover *h = &l.handovers[i];
		const struct m_handover *m = &j.handovers[i];
		assert_int_equal(l.rows[h->from_row].actor_id, m->from_actor);
		assert_int_equal(l.rows[h->to_row].actor_id, m->to_actor);
		assert_int_equal(h->broken, !m->received || !m->acted);
		assert_int_equal(h->received < 0, m->received == NULL);
		broken += h->broken;
		if (m->from_actor == bup && m->to_actor == adult) {
			seen = true;
			assert_true(h->broken);
			assert_int_equal(h->received, -1);
		}
	}
	assert_true(seen);
	assert_true(broken >= 2 && broken < l.n_handovers);
	assert_int_equal(l.n_gaps, j.n_gaps);
	for (size_t i = 0; i < l.n_gaps; i++) {
		int s = story_step_index(&j, j.gaps[i].step_id);
		assert_int_equal(l.gaps[i].from, l.step_from[s]);
		assert_true(l.gaps[i].to >= l.gaps[i].from);
		assert_int_equal(l.gaps[i].severity, j.gaps[i].severity);
	}
	lanes_clear(&l);
	m_journey_clear(&j);
}

static int age_of(const struct m_journey *j, size_t i)
{
	struct fuzzy_time ft;
	struct merr err = {0};
	int lo, hi;
	if (!j->steps[i].time || ft_parse(j->steps[i].time, &ft, &err) != M_OK ||
	    !ft_age_span(&ft, j->kase.birth_year, &lo, &hi))
		return -1;
	return lo;
}

static void test_age_rules(void **state)
{
	(void)state;
	struct m_journey j = {0};
	load("DEMO-1 Sam", &j);
	for (int sc = 0; sc < 2; sc++) {
		struct lanes_layout l;
		lanes_build(&j, &actors, &thresholds, (enum lanes_scale)sc, 1, &l);
		bool eighteen = false;
		for (size_t r = 0; r < l.n_rules; r++) {
			const struct lanes_rule *rule = &l.rules[r];
			assert_true(rule->col >= 0 && rule->col < l.width);
			/* Steps wholly left of the rule are younger; steps right of it are not. */
			for (size_t i = 0; i < j.n_steps; i++) {
				int a = age_of(&j, i);
				if (a >= 0 && l.step_to[i] < rule->col)
					assert_true(a < rule->age);
				if (a >= 0 && l.step_from[i] > rule->col)
					assert_true(a >= rule->age - 1);
			}
			if (sc == LANES_BY_STEP) {
				/* By step, the rule is at the first step of the new age, exactly. */
				bool at = false;
				for (size_t i = 1; i < j.n_steps; i++)
					at |= l.step_from[i] == rule->col &&
					      age_of(&j, i) >= rule->age &&
					      age_of(&j, i - 1) >= 0 &&
					      age_of(&j, i - 1) < rule->age;
				if (!at)
					fail_msg(
					    "rule %d at column %d is not where the age changes",
					    rule->age, rule->col);
			}
			eighteen |= rule->age == 18;
			for (size_t q = r + 1; q < l.n_rules; q++)
				assert_int_not_equal(l.rules[q].age, rule->age);
		}
		assert_true(eighteen);
		lanes_clear(&l);
	}
	m_journey_clear(&j);
}

static void test_silence_is_risk_without_action(void **state)
{
	(void)state;
	size_t total = 0;
	for (size_t c = 0; c < N_DEMO; c++) {
		struct m_journey j = {0};
		load(demo_codes[c], &j);
		struct lanes_layout l;
		lanes_build(&j, &actors, &thresholds, LANES_BY_STEP, 2, &l);
		/* Recompute, step by step, which steps are silent; the spans must be exactly them. */
		for (size_t i = 0; i < j.n_steps; i++) {
			bool risk = false, made = false;
			for (size_t f = 0; f < j.steps[i].n_factors; f++)
				risk |= j.steps[i].factors[f].kind == FACTOR_RISK;
			for (size_t k = 0; k < j.n_interventions; k++)
				made |= j.interventions[k].kind == IV_MADE &&
				        story_covers(&j, j.interventions[k].step_from,
				                     j.interventions[k].step_to, i);
			bool in_span = false;
			for (size_t s = 0; s < l.n_silences; s++)
				in_span |=
				    i >= l.silences[s].first_step && i <= l.silences[s].last_step;
			if (in_span != (risk && !made))
				fail_msg("%s step %zu: silence %d, risk %d, made %d", demo_codes[c],
				         i + 1, in_span, risk, made);
		}
		for (size_t s = 0; s < l.n_silences; s++) {
			assert_int_equal(l.silences[s].from, l.step_from[l.silences[s].first_step]);
			assert_int_equal(l.silences[s].to, l.step_to[l.silences[s].last_step]);
			/* Spans are maximal: two never touch. */
			if (s > 0)
				assert_true(l.silences[s].first_step >
				            l.silences[s - 1].last_step + 1);
		}
		total += l.n_silences;
		lanes_clear(&l);
		m_journey_clear(&j);
	}
	assert_true(total > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lanes_are_the_involved_actors_by_sector),
	    cmocka_unit_test(test_bars_by_step),
	    cmocka_unit_test(test_true_scale_makes_a_long_wait_long),
	    cmocka_unit_test(test_zoom_fits_the_screen),
	    cmocka_unit_test(test_handovers_and_gaps),
	    cmocka_unit_test(test_age_rules),
	    cmocka_unit_test(test_silence_is_risk_without_action),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
