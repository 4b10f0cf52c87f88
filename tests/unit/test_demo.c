/* test_demo.c - the default catalogue and the demo journeys, loaded into real database files and
 * read back through the store: what a facilitator rehearsing a workshop relies on. */
#include "testutil.h"

#include "core/catalogue.h"
#include "core/demo.h"
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
	assert_true(actors.n >= 20 && actors.n <= 30);
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
	}
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

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue_defaults),
	    cmocka_unit_test(test_demo_journeys),
	    cmocka_unit_test(test_demo_is_reproducible),
	    cmocka_unit_test(test_demo_without_catalogue_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
