/* test_demo.c - the default catalogue and the demo journeys, loaded into real database files and
 * read back through the store: what a facilitator rehearsing a workshop relies on. Also that the
 * demo built in memory, which the tests of the analysis and the lanes run on without a file, is
 * what a file gives back, and what the analysis loads of a file. */
#include "memutil.h"

#include "core/load.h"
#include "core/seed.h"
#include "core/store_read.h"

#include <ctype.h>
#include <stdbool.h>

static struct store *open_new(const char *name)
{
	char path[512];
	struct store *s = NULL;
	struct merr err = {0};
	tu_path(path, sizeof path, name);
	enum mstatus st = store_open(path, STORE_CREATE | STORE_EXCLUSIVE, &s, &err);
	if (st != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

static struct store *open_loaded(const char *name)
{
	struct store *s = open_new(name);
	struct merr err = {0};
	if (catalogue_load_defaults(s, &err) != M_OK)
		fail_msg("catalogue: %s", err.msg);
	if (demo_load(s, &err) != M_OK)
		fail_msg("demo: %s", err.msg);
	return s;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* What the privacy scanner would catch first: long digit runs (identity or phone numbers) and
 * e-mail addresses. */
static void assert_private(const char *s)
{
	if (!s)
		return;
	int run = 0;
	for (const char *p = s; *p; p++) {
		run = isdigit((unsigned char)*p) ? run + 1 : 0;
		if (run >= 10)
			fail_msg("digit run in demo text: %s", s);
		if (*p == '@')
			fail_msg("'@' in demo text: %s", s);
	}
}

static void test_catalogue_defaults(void **state)
{
	(void)state;
	struct store *s = open_new("catalogue.db");
	struct merr err = {0};
	assert_int_equal(catalogue_load_defaults(s, &err), M_OK);

	static const char *const order[] = {
	    "no-responsible",        "handover-broke", "waiting-time",
	    "outside-criteria",      "age-transition", "info-not-shared",
	    "contradictory-demands", "ended-abruptly", "never-reached",
	    "voice-not-heard",       "no-mandate",
	};
	struct m_category_list cats = {0};
	assert_int_equal(store_category_list(s, &cats, &err), M_OK);
	assert_int_equal(cats.n, 11);
	for (size_t i = 0; i < cats.n; i++) {
		assert_string_equal(cats.items[i].code, order[i]);
		assert_non_null(cats.items[i].name);
		assert_true(strlen(cats.items[i].name) > 0);
	}
	assert_string_equal(cats.items[1].name, "Överlämningen brast");
	m_category_list_clear(&cats);

	struct m_actor_list actors = {0};
	assert_int_equal(store_actor_list(s, &actors, &err), M_OK);
	assert_true(actors.n >= 30 && actors.n <= 40);
	/* The actors the alliances in Malmö name, beside the ones every catalogue has. */
	static const char *const malmo[] = {
	    "Funktionsstöd (LSS, socialpsykiatri)",
	    "Familjecentral och öppen förskola",
	    "Allaktivitetshuset",
	    "Socialtjänstens öppenvård",
	    "Kommunala bostadsbolaget",
	    "Migrationsverket",
	    "Tolk",
	    "SSPF (skola, socialtjänst, polis, fritid)",
	    "Boost by FC Rosengård",
	};
	for (size_t k = 0; k < sizeof malmo / sizeof malmo[0]; k++) {
		bool found = false;
		for (size_t i = 0; i < actors.n; i++)
			found |= strcmp(actors.items[i].name, malmo[k]) == 0;
		if (!found)
			fail_msg("the default catalogue lacks %s", malmo[k]);
	}
	int per_sector[SECTOR_COUNT] = {0};
	for (size_t i = 0; i < actors.n; i++) {
		const struct m_actor *a = &actors.items[i];
		assert_true(a->sector >= 0 && a->sector < SECTOR_COUNT);
		per_sector[a->sector]++;
		size_t len = utf8_chars(a->short_label);
		assert_true(len >= 1 && len <= 6);
		assert_in_range(a->colour, 0, 7);
		assert_non_null(a->description);
		/* The catalogue screen lists them in this order: neighbours must be told apart. */
		if (i > 0 && actors.items[i - 1].colour == a->colour)
			fail_msg("%s and %s share a colour", actors.items[i - 1].name, a->name);
	}
	for (int i = 0; i < SECTOR_COUNT; i++)
		assert_true(per_sector[i] > 0);

	struct m_threshold_list th = {0};
	assert_int_equal(store_threshold_list(s, &th, &err), M_OK);
	bool bup_ends = false, vuxp_starts = false, kaa_ends = false;
	/* The ages the seeds and Swedish law give: criminal responsibility, the end of compulsory
	 * school, majority, komvux and the end of KAA, the end of LVU care, youth services. */
	static const int ages[] = {15, 16, 18, 20, 21, 25, 30};
	for (size_t k = 0; k < sizeof ages / sizeof ages[0]; k++) {
		bool found = false;
		for (size_t i = 0; i < th.n; i++)
			found |= th.items[i].age == ages[k];
		if (!found)
			fail_msg("no default threshold at %d", ages[k]);
	}
	bool komvux = false, lvu_ends = false, youth_25 = false;
	for (size_t i = 0; i < th.n; i++) {
		const struct m_actor *a = m_actor_find(&actors, th.items[i].actor_id);
		if (!a)
			continue;
		if (th.items[i].age == 18 && strcmp(a->name, "BUP") == 0 && !th.items[i].starts)
			bup_ends = true;
		if (th.items[i].age == 18 && strcmp(a->name, "Vuxenpsykiatrin") == 0 &&
		    th.items[i].starts)
			vuxp_starts = true;
		if (th.items[i].age == 20 && strstr(a->name, "KAA") && !th.items[i].starts)
			kaa_ends = true;
		if (th.items[i].age == 20 && strstr(th.items[i].label, "Komvux") &&
		    th.items[i].starts)
			komvux = true;
		if (th.items[i].age == 21 && strstr(th.items[i].label, "LVU") &&
		    !th.items[i].starts)
			lvu_ends = true;
		if (th.items[i].age == 25 && strcmp(a->name, "Allaktivitetshuset") == 0)
			youth_25 = true;
	}
	assert_true(komvux);
	assert_true(lvu_ends);
	assert_true(youth_25);
	assert_true(bup_ends);
	assert_true(vuxp_starts);
	assert_true(kaa_ends);
	m_threshold_list_clear(&th);
	m_actor_list_clear(&actors);
	store_close(&s);
}

struct seen {
	bool kind[IV_KIND_COUNT];
	bool domain[DOMAIN_COUNT];
	bool certainty[CERT_COUNT];
	m_id category[64]; /* distinct category ids used */
	size_t n_categories;
	bool never_received, received_not_acted;
	bool risk, protective, voice, note, action_with_lead;
	bool form_date, form_month, form_year, form_ht, form_vt, form_su, form_age, form_range,
	    form_uncertain;
};

static void see_time(struct seen *z, const char *t)
{
	if (!t)
		return;
	size_t n = strlen(t);
	z->form_ht |= strstr(t, "-HT") != NULL;
	z->form_vt |= strstr(t, "-VT") != NULL;
	z->form_su |= strstr(t, "-SU") != NULL;
	z->form_age |= strncmp(t, "AGE", 3) == 0;
	z->form_range |= strchr(t, '/') != NULL;
	z->form_uncertain |= n > 0 && t[n - 1] == '?';
	z->form_date |= n == 10 && t[4] == '-' && t[7] == '-';
	z->form_month |= n == 7 && t[4] == '-' && isdigit((unsigned char)t[5]);
	z->form_year |= n == 4 && isdigit((unsigned char)t[0]);
}

static void check_journey(const struct m_journey *j, struct seen *z)
{
	assert_in_range(j->n_steps, 20, 40);
	assert_private(j->kase.code);
	assert_private(j->kase.summary);
	assert_in_range(j->kase.birth_year, 2000, 2006);
	for (size_t i = 0; i < j->n_steps; i++) {
		const struct m_step *st = &j->steps[i];
		/* The tables are written in story order: the store must give that order back. */
		assert_int_equal(st->seq, (int)i + 1);
		z->domain[st->domain] = true;
		z->certainty[st->certainty] = true;
		z->voice |= st->voice != NULL;
		z->note |= st->note != NULL;
		see_time(z, st->time);
		assert_non_null(st->sort_from);
		assert_private(st->title);
		assert_private(st->narrative);
		assert_private(st->voice);
		assert_private(st->note);
		for (size_t k = 0; k < st->n_factors; k++) {
			z->risk |= st->factors[k].kind == FACTOR_RISK;
			z->protective |= st->factors[k].kind == FACTOR_PROTECTIVE;
			assert_private(st->factors[k].text);
		}
	}
	for (size_t i = 0; i < j->n_interventions; i++) {
		const struct m_intervention *iv = &j->interventions[i];
		z->kind[iv->kind] = true;
		assert_true(iv->actor_id != 0);
		assert_true(iv->step_from != 0);
		assert_private(iv->what);
		assert_private(iv->outcome);
	}
	for (size_t i = 0; i < j->n_handovers; i++) {
		const struct m_handover *h = &j->handovers[i];
		assert_true(h->from_actor != 0 && h->to_actor != 0);
		if (!h->received && !h->acted)
			z->never_received = true;
		if (h->received && !h->acted)
			z->received_not_acted = true;
		assert_private(h->note);
	}
	for (size_t i = 0; i < j->n_gaps; i++) {
		const struct m_gap *g = &j->gaps[i];
		assert_true(g->n_actors >= 1);
		assert_in_range(g->severity, 1, 3);
		assert_true(g->category_id != 0);
		size_t c = 0;
		while (c < z->n_categories && z->category[c] != g->category_id)
			c++;
		if (c == z->n_categories && c < 64)
			z->category[z->n_categories++] = g->category_id;
		assert_private(g->what_happened);
		assert_private(g->what_must_change);
		for (size_t k = 0; k < g->n_actions; k++) {
			const struct m_action *a = &g->actions[k];
			z->action_with_lead |= a->lead_id != 0 && a->actor_id != 0 && a->follow_up;
			assert_private(a->what);
		}
	}
}

static void test_demo_journeys(void **state)
{
	(void)state;
	struct store *s = open_loaded("demo.db");
	struct merr err = {0};
	struct m_case_list cases = {0};
	assert_int_equal(store_case_list(s, &cases, &err), M_OK);
	assert_true(cases.n >= 3);

	struct seen z = {0};
	for (size_t i = 0; i < cases.n; i++) {
		struct m_journey j = {0};
		if (store_journey_load(s, cases.items[i].id, &j, &err) != M_OK)
			fail_msg("journey %s: %s", cases.items[i].code, err.msg);
		check_journey(&j, &z);
		m_journey_clear(&j);
	}
	m_case_list_clear(&cases);

	for (int k = 0; k < IV_KIND_COUNT; k++)
		assert_true(z.kind[k]);
	for (int d = DOMAIN_FAMILY; d < DOMAIN_COUNT; d++)
		assert_true(z.domain[d]);
	for (int c = 0; c < CERT_COUNT; c++)
		assert_true(z.certainty[c]);
	assert_true(z.never_received);
	assert_true(z.received_not_acted);
	assert_true(z.risk && z.protective && z.voice && z.note && z.action_with_lead);
	assert_true(z.form_date && z.form_month && z.form_year && z.form_ht && z.form_vt &&
	            z.form_su && z.form_age && z.form_range && z.form_uncertain);
	assert_true(z.n_categories >= 8);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);
}

static void test_demo_is_reproducible(void **state)
{
	(void)state;
	struct store *a = open_loaded("one.db");
	struct store *b = open_loaded("two.db");
	struct merr err = {0};
	struct m_case_list la = {0}, lb = {0};
	assert_int_equal(store_case_list(a, &la, &err), M_OK);
	assert_int_equal(store_case_list(b, &lb, &err), M_OK);
	assert_int_equal(la.n, lb.n);
	for (size_t i = 0; i < la.n; i++) {
		assert_string_equal(la.items[i].code, lb.items[i].code);
		assert_int_equal(la.items[i].birth_year, lb.items[i].birth_year);
		assert_int_equal(la.items[i].n_steps, lb.items[i].n_steps);
		assert_int_equal(la.items[i].n_interventions, lb.items[i].n_interventions);
		assert_int_equal(la.items[i].n_handovers, lb.items[i].n_handovers);
		assert_int_equal(la.items[i].n_gaps, lb.items[i].n_gaps);
		/* Fresh records, not copies: merging two demo files must not see one case twice. */
		assert_string_not_equal(la.items[i].uuid, lb.items[i].uuid);
	}
	m_case_list_clear(&la);
	m_case_list_clear(&lb);
	store_close(&a);
	store_close(&b);
}

static void test_demo_without_catalogue_leaves_nothing(void **state)
{
	(void)state;
	struct store *s = open_new("bare.db");
	struct merr err = {0};
	assert_int_not_equal(demo_load(s, &err), M_OK);
	assert_true(strlen(err.msg) > 0);
	struct m_case_list cases = {0};
	assert_int_equal(store_case_list(s, &cases, &err), M_OK);
	assert_int_equal(cases.n, 0);
	m_case_list_clear(&cases);
	store_close(&s);
}

static void same_text(const char *a, const char *b)
{
	if (!a || !b)
		assert_true(a == b);
	else
		assert_string_equal(a, b);
}

/* A step's place in its journey's story order, for comparing references across files. */
static int at(const struct m_journey *j, m_id step)
{
	return step ? story_step_index(j, step) : -2;
}

static void same_journey(const struct m_journey *f, const struct m_journey *m)
{
	assert_string_equal(f->kase.code, m->kase.code);
	assert_int_equal(f->kase.birth_year, m->kase.birth_year);
	assert_int_equal(f->n_steps, m->n_steps);
	for (size_t i = 0; i < f->n_steps; i++) {
		const struct m_step *a = &f->steps[i], *b = &m->steps[i];
		assert_string_equal(a->title, b->title);
		same_text(a->time, b->time);
		same_text(a->sort_from, b->sort_from);
		same_text(a->sort_to, b->sort_to);
		assert_int_equal(a->seq, b->seq);
		assert_int_equal(a->n_factors, b->n_factors);
		for (size_t k = 0; k < a->n_factors; k++)
			assert_string_equal(a->factors[k].text, b->factors[k].text);
	}
	assert_int_equal(f->n_interventions, m->n_interventions);
	for (size_t i = 0; i < f->n_interventions; i++) {
		const struct m_intervention *a = &f->interventions[i], *b = &m->interventions[i];
		assert_int_equal(a->actor_id, b->actor_id);
		assert_int_equal(a->kind, b->kind);
		assert_int_equal(at(f, a->step_from), at(m, b->step_from));
		assert_int_equal(at(f, a->step_to), at(m, b->step_to));
		same_text(a->start, b->start);
		same_text(a->end, b->end);
	}
	assert_int_equal(f->n_handovers, m->n_handovers);
	for (size_t i = 0; i < f->n_handovers; i++) {
		const struct m_handover *a = &f->handovers[i], *b = &m->handovers[i];
		assert_int_equal(a->from_actor, b->from_actor);
		assert_int_equal(a->to_actor, b->to_actor);
		assert_int_equal(at(f, a->step_id), at(m, b->step_id));
		same_text(a->received, b->received);
		same_text(a->acted, b->acted);
	}
	assert_int_equal(f->n_gaps, m->n_gaps);
	for (size_t i = 0; i < f->n_gaps; i++) {
		const struct m_gap *a = &f->gaps[i], *b = &m->gaps[i];
		assert_int_equal(a->category_id, b->category_id);
		assert_int_equal(at(f, a->step_id), at(m, b->step_id));
		assert_int_equal(at(f, a->step_to), at(m, b->step_to));
		assert_int_equal(a->severity, b->severity);
		assert_int_equal(a->n_actors, b->n_actors);
		assert_int_equal(a->n_actions, b->n_actions);
	}
}

static void same_table(const struct an_table *a, const struct an_table *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		assert_string_equal(a->rows[i].label, b->rows[i].label);
		assert_int_equal(a->rows[i].gaps, b->rows[i].gaps);
		assert_int_equal(a->rows[i].cases, b->rows[i].cases);
		assert_int_equal(a->rows[i].votes, b->rows[i].votes);
		assert_int_equal(a->rows[i].severity_max, b->rows[i].severity_max);
	}
}

/* The demo in memory is the demo of a new file read back: every journey record for record in the
 * same story order, the same catalogue and votes, so the same analysis. */
static void test_demo_in_memory_is_the_file(void **state)
{
	(void)state;
	struct store *s = open_loaded("memory.db");
	struct an_input file, mem;
	struct merr err = {0};
	assert_int_equal(load_analysis(s, NULL, 0, NULL, NULL, &file, &err), M_OK);
	mu_demo_input(&mem);
	assert_int_equal(file.n_journeys, mem.n_journeys);
	for (size_t i = 0; i < file.n_journeys; i++)
		same_journey(&file.journeys[i], &mem.journeys[i]);
	assert_int_equal(file.actors.n, mem.actors.n);
	for (size_t i = 0; i < file.actors.n; i++) {
		assert_string_equal(file.actors.items[i].name, mem.actors.items[i].name);
		assert_int_equal(file.actors.items[i].id, mem.actors.items[i].id);
	}
	assert_int_equal(file.categories.n, mem.categories.n);
	assert_int_equal(file.thresholds.n, mem.thresholds.n);
	for (size_t i = 0; i < file.thresholds.n; i++)
		assert_int_equal(file.thresholds.items[i].actor_id,
		                 mem.thresholds.items[i].actor_id);
	assert_int_equal(file.votes.n, mem.votes.n);

	struct analysis af, am;
	analysis_run(&file, &af);
	analysis_run(&mem, &am);
	assert_int_equal(af.n_gaps, am.n_gaps);
	for (size_t i = 0; i < af.n_gaps; i++)
		assert_int_equal(af.gaps[i].votes, am.gaps[i].votes);
	for (int d = 0; d < AN_DIM_COUNT; d++)
		same_table(&af.tables[d], &am.tables[d]);
	assert_int_equal(af.n_patterns, am.n_patterns);
	for (size_t i = 0; i < af.n_patterns; i++) {
		assert_string_equal(af.patterns[i].label, am.patterns[i].label);
		assert_int_equal(af.patterns[i].n_gaps, am.patterns[i].n_gaps);
	}
	analysis_clear(&af);
	analysis_clear(&am);
	store_close(&s);
}

/* What the analysis loads: the chosen cases once each in Swedish order, and a code that names
 * no case refused in the file's words. */
static void test_load_chosen_cases(void **state)
{
	(void)state;
	struct store *s = open_loaded("chosen.db");
	struct an_input in;
	struct merr err = {0};
	const char *const one[] = {"DEMO-1 Sam"};
	assert_int_equal(load_analysis(s, one, 1, NULL, NULL, &in, &err), M_OK);
	assert_int_equal(in.n_journeys, 1);
	assert_int_equal(in.journeys[0].n_gaps, 9);
	assert_true(in.actors.n > 0 && in.categories.n > 0 && in.thresholds.n > 0);
	assert_true(in.votes.n > 0);
	an_input_clear(&in);

	const char *const two[] = {"DEMO-3 Kim", "DEMO-1 Sam", "DEMO-1 Sam"};
	assert_int_equal(load_analysis(s, two, 3, NULL, NULL, &in, &err), M_OK);
	assert_int_equal(in.n_journeys, 2); /* once each, in Swedish order */
	assert_string_equal(in.journeys[0].kase.code, "DEMO-1 Sam");
	assert_string_equal(in.journeys[1].kase.code, "DEMO-3 Kim");
	an_input_clear(&in);

	const char *const bad[] = {"DEMO-1 Sam", "Ingen sådan"};
	assert_int_equal(load_analysis(s, bad, 2, NULL, NULL, &in, &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "Ingen sådan"));
	assert_int_equal(in.n_journeys, 0);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue_defaults),
	    cmocka_unit_test(test_demo_journeys),
	    cmocka_unit_test(test_demo_is_reproducible),
	    cmocka_unit_test(test_demo_without_catalogue_leaves_nothing),
	    cmocka_unit_test(test_demo_in_memory_is_the_file),
	    cmocka_unit_test(test_load_chosen_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
