/* test_workshop_dots.c - the room's dots during today's workshop: there is no workshop today
 * until one is asked for, asking twice gives the same one, and the dots each gap of a case has
 * are the sum of its votes in that workshop only, not another's, nor another case's gaps. */
#include "testutil.h"

#include "core/commands.h"
#include "core/store_read.h"
#include "core/store_workshop.h"

static struct store *store;

static int setup(void **state)
{
	(void)state;
	tu_init();
	char path[512];
	struct merr err = {0};
	tu_path(path, sizeof path, "dots.db");
	if (cmd_init(path, true, &err) != M_OK || store_open(path, 0, &store, &err) != M_OK)
		fail_msg("%s", err.msg);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(&store);
	return 0;
}

static void test_todays_workshop_and_its_dots(void **state)
{
	(void)state;
	struct merr err = {0};
	m_id w = 5;
	/* The demo's workshop is from 2024: there is none today until one is made. */
	assert_int_equal(store_workshop_today(store, false, &w, &err), M_OK);
	assert_int_equal(w, 0);
	assert_int_equal(store_workshop_today(store, true, &w, &err), M_OK);
	assert_true(w > 0);
	m_id again = 0;
	assert_int_equal(store_workshop_today(store, true, &again, &err), M_OK);
	assert_int_equal(again, w);

	struct m_case_list cases = {0};
	assert_int_equal(store_case_list(store, &cases, &err), M_OK);
	struct m_journey sam = {0}, other = {0};
	assert_int_equal(store_journey_load(store, cases.items[0].id, &sam, &err), M_OK);
	assert_int_equal(store_journey_load(store, cases.items[1].id, &other, &err), M_OK);
	assert_true(sam.n_gaps >= 2 && other.n_gaps >= 1);

	/* Nothing yet today, although the demo's workshop has dots on these gaps. */
	struct m_gap_dots_list d;
	assert_int_equal(store_case_dots(store, w, sam.kase.id, &d, &err), M_OK);
	assert_int_equal(d.n, 0);
	m_gap_dots_list_clear(&d);

	assert_int_equal(store_vote_add(store, w, sam.gaps[0].id, 3, &err), M_OK);
	assert_int_equal(store_vote_add(store, w, sam.gaps[0].id, 2, &err), M_OK);
	assert_int_equal(store_vote_add(store, w, sam.gaps[1].id, 4, &err), M_OK);
	assert_int_equal(store_vote_add(store, w, other.gaps[0].id, 9, &err), M_OK);
	assert_int_equal(store_case_dots(store, w, sam.kase.id, &d, &err), M_OK);
	assert_int_equal(d.n, 2);
	assert_int_equal(m_gap_dots_of(&d, sam.gaps[0].id), 5);
	assert_int_equal(m_gap_dots_of(&d, sam.gaps[1].id), 4);
	assert_int_equal(m_gap_dots_of(&d, other.gaps[0].id), 0);
	m_gap_dots_list_clear(&d);
	/* A vote needs a real number of dots. */
	assert_int_not_equal(store_vote_add(store, w, sam.gaps[0].id, 0, &err), M_OK);
	m_journey_clear(&sam);
	m_journey_clear(&other);
	m_case_list_clear(&cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_todays_workshop_and_its_dots),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
