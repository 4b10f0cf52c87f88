/* test_search.c - searching every case's steps, interventions and gaps in Swedish: words match
 * as prefixes, å ä ö are letters of their own (and fold case), every word must match, nothing a
 * user types is an error, hits come in Swedish order of cases and story order within one, the
 * index follows edits, deletes, undo and other programs' writes, and the facilitator's notes are
 * never found. Real files in a temporary directory. */
#include "storeutil.h"

#include "core/store_edit.h"
#include "core/store_read.h"

static struct m_hit_list find(struct store *s, const char *query)
{
	struct m_hit_list l = {0};
	struct merr err = {0};
	if (store_search(s, query, &l, &err) != M_OK)
		fail_msg("search '%s': %s", query, err.msg);
	return l;
}

static size_t count(struct store *s, const char *query)
{
	struct m_hit_list l = find(s, query);
	size_t n = l.n;
	m_hit_list_clear(&l);
	return n;
}

struct story {
	m_id amir, osten, flytt, skola, sjuk, iv, gap;
};

static void build(struct store *s, struct story *x)
{
	x->osten = su_case(s, "Östen", 2002);
	x->amir = su_case(s, "Amir", 2001);
	struct m_step st = {.case_id = x->amir,
	                    .time = strdup("2016"),
	                    .title = strdup("Flyttar till Rosengård"),
	                    .narrative = strdup("Familjen får en lägenhet.\nSkolan byts."),
	                    .voice = strdup("Jag kände ingen där"),
	                    .note = strdup("hemligt facilitatorord")};
	struct merr err = {0};
	assert_int_equal(store_step_add(s, &st, &err), M_OK);
	x->flytt = st.id;
	m_step_clear(&st);
	x->skola = su_step(s, x->amir, "2014", "Börjar högstadiet i Malmö");
	x->sjuk = su_step(s, x->osten, "2018", "Mamma blir sjuk, Malmö");
	m_id bup = su_actor(s, "BUP");
	struct m_intervention iv = {.case_id = x->amir,
	                            .actor_id = bup,
	                            .step_from = x->flytt,
	                            .what = strdup("Samtal med skolkurator"),
	                            .outcome = strdup("Remiss till BUP")};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	x->iv = iv.id;
	m_intervention_clear(&iv);
	struct m_gap g = {.case_id = x->amir,
	                  .step_id = x->flytt,
	                  .category_id = su_category(s, "handover-broke"),
	                  .severity = 2,
	                  .what_happened = strdup("Ingen tog emot remissen"),
	                  .what_must_change = strdup("Överlämningen ska kvitteras")};
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);
	x->gap = g.id;
	m_gap_clear(&g);
}

/* Prefixes, å ä ö as letters, case folding, all words. */
static void test_swedish_words(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("words.mellan", path, sizeof path);
	struct story x;
	build(s, &x);

	struct m_hit_list l = find(s, "rosen");
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].kind, HIT_STEP);
	assert_int_equal(l.items[0].id, x.flytt);
	assert_int_equal(l.items[0].step_id, x.flytt);
	assert_int_equal(l.items[0].case_id, x.amir);
	assert_string_equal(l.items[0].case_code, "Amir");
	assert_non_null(strstr(l.items[0].snippet, "Rosengård"));
	m_hit_list_clear(&l);

	assert_int_equal(count(s, "ROSENGÅRD"), 1);
	assert_int_equal(count(s, "rosengard"), 0); /* å is not a */
	assert_int_equal(count(s, "överlämn"), 1);
	assert_int_equal(count(s, "overlamning"), 0);
	assert_int_equal(count(s, "lägenhet"), 1);
	assert_int_equal(count(s, "kände"), 1); /* the young person's own words */
	assert_int_equal(count(s, "malmö"), 2);
	assert_int_equal(count(s, "malmö mamma"), 1);
	assert_int_equal(count(s, "malmö zebra"), 0);
	assert_int_equal(count(s, "  "), 0);

	/* What was done and its outcome; what happened and what must change. */
	l = find(s, "skolkur");
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].kind, HIT_INTERVENTION);
	assert_int_equal(l.items[0].id, x.iv);
	assert_int_equal(l.items[0].step_id, x.flytt);
	m_hit_list_clear(&l);
	l = find(s, "kvitter");
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].kind, HIT_GAP);
	assert_int_equal(l.items[0].id, x.gap);
	assert_int_equal(l.items[0].step_id, x.flytt);
	m_hit_list_clear(&l);
	/* "remiss" is in the intervention's outcome and the gap: the step's hits together. */
	assert_int_equal(count(s, "remiss"), 2);

	/* The facilitator's notes are never searched. */
	assert_int_equal(count(s, "hemligt"), 0);
	store_close(&s);
}

/* Whatever is typed is searched, never an error. */
static void test_no_query_is_an_error(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("syntax.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	const char *hostile[] = {"\"",      "\"\"",   "AND", "OR NOT", "*",    "(",      "NEAR(a",
	                         "body:",   "^rosen", "-",   "a\"b",   "ros*", "{body}", "rosen\"",
	                         "'; DROP", "+",      "é́",   "\\",     "..."};
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		struct m_hit_list l = {0};
		struct merr err = {0};
		if (store_search(s, hostile[i], &l, &err) != M_OK)
			fail_msg("'%s' gave: %s", hostile[i], err.msg);
		m_hit_list_clear(&l);
	}
	/* Operators are words like any other: "AND" finds nothing here, "ros*" finds Rosengård. */
	assert_int_equal(count(s, "AND"), 0);
	assert_int_equal(count(s, "ros*"), 1);
	assert_int_equal(count(s, "^rosen"), 1);
	/* Text that is not UTF-8 gets one clear line. */
	struct m_hit_list l = {0};
	struct merr err = {0};
	assert_int_equal(store_search(s, "\xff", &l, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	store_close(&s);
}

/* Cases in Swedish order (A before Ö), steps in story order, snippets on one line. */
static void test_hits_in_story_order(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("order.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	/* Amir's "Börjar högstadiet i Malmö" (2014), then "Flyttar till Rosengård" (2016, its
	 * voice: "ingen") and the gap at it ("Ingen tog emot"), although added in another order. */
	struct m_hit_list l = find(s, "i");
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[0].id, x.skola);
	assert_int_equal(l.items[1].id, x.flytt);
	assert_int_equal(l.items[1].kind, HIT_STEP);
	assert_int_equal(l.items[2].id, x.gap);
	assert_int_equal(l.items[2].kind, HIT_GAP);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.items[i].case_code, "Amir");
	m_hit_list_clear(&l);
	l = find(s, "malmö");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].case_code, "Amir");
	assert_string_equal(l.items[1].case_code, "Östen");
	assert_int_equal(l.items[1].case_id, x.osten);
	m_hit_list_clear(&l);
	l = find(s, "lägenhet");
	assert_int_equal(l.n, 1);
	assert_null(strchr(l.items[0].snippet, '\n'));
	m_hit_list_clear(&l);
	store_close(&s);
}

/* The index follows edits, deletes, undo and redo. */
static void test_index_follows_changes(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("follow.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	struct m_journey j = {0};
	su_load(s, x.amir, &j);
	struct m_step *st = NULL;
	for (size_t i = 0; i < j.n_steps; i++)
		if (j.steps[i].id == x.flytt)
			st = &j.steps[i];
	assert_non_null(st);
	su_set(&st->title, "Flyttar till Hökarängen");
	struct merr err = {0};
	assert_int_equal(store_step_update(s, st, &err), M_OK);
	m_journey_clear(&j);
	assert_int_equal(count(s, "rosengård"), 0);
	assert_int_equal(count(s, "hökaräng"), 1);

	char what[200];
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	assert_int_equal(count(s, "rosengård"), 1);
	assert_int_equal(count(s, "hökaräng"), 0);
	assert_int_equal(store_redo(s, what, sizeof what, &err), M_OK);
	assert_int_equal(count(s, "hökaräng"), 1);

	/* The case goes with its step, intervention and gap; undo brings all back. */
	assert_int_equal(store_case_delete(s, x.amir, &err), M_OK);
	assert_int_equal(count(s, "hökaräng"), 0);
	assert_int_equal(count(s, "skolkurator"), 0);
	assert_int_equal(count(s, "kvittera"), 0);
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	assert_int_equal(count(s, "hökaräng"), 1);
	assert_int_equal(count(s, "skolkurator"), 1);
	assert_int_equal(count(s, "kvittera"), 1);
	store_close(&s);
}

/* Another program's write, and an index lost altogether, are caught up with. */
static void test_catches_up(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("catchup.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	char sql[300];
	snprintf(sql, sizeof sql,
	         "INSERT INTO step (uuid, case_id, seq, title) VALUES "
	         "('0a0a0a0a-0000-4000-8000-000000000001', %lld, 9, 'Sommarjobb på Ribersborg')",
	         (long long)x.osten);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(count(s, "ribersborg"), 1);
	assert_int_equal(sqlite3_exec(h,
	                              "DELETE FROM search; DELETE FROM settings WHERE key = "
	                              "'search_history'",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(count(s, "ribersborg"), 1);
	assert_int_equal(count(s, "rosengård"), 1);
	assert_int_equal(count(s, "remiss"), 2);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_swedish_words),
	    cmocka_unit_test(test_no_query_is_an_error),
	    cmocka_unit_test(test_hits_in_story_order),
	    cmocka_unit_test(test_index_follows_changes),
	    cmocka_unit_test(test_catches_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
