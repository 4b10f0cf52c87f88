/* test_workshop.c - the workshops the facilitator keeps: listed in date order, changed (sector
 * codes only), a log that is read back oldest first with time and initials and survives closing
 * the file, the current workshop chosen (and today's again), and the proposals' lengths kept in
 * the file with their defaults and limits. */
#include "testutil.h"

#include "core/commands.h"
#include "core/store_propose.h"
#include "core/store_workshop.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

static struct store *store;
static char path[512];

static int setup(void **state)
{
	(void)state;
	tu_init();
	struct merr err = {0};
	static int n;
	char name[32];
	snprintf(name, sizeof name, "workshop%d.db", ++n);
	tu_path(path, sizeof path, name);
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

static m_id add(const char *date, const char *place)
{
	struct merr err = {0};
	struct m_workshop w = {.date = xstrdup(date), .place = xstrdup(place)};
	assert_int_equal(store_workshop_add(store, &w, &err), M_OK);
	m_id id = w.id;
	m_workshop_clear(&w);
	return id;
}

static size_t index_of(const struct m_workshop_list *l, m_id id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return i;
	fail_msg("workshop %lld not listed", (long long)id);
	return 0;
}

static void test_list_in_date_order_and_update(void **state)
{
	(void)state;
	struct merr err = {0};
	m_id late = add("2031-05-02", "Rosengård");
	m_id early = add("2030-01-15", "Möllan");
	struct m_workshop_list l;
	assert_int_equal(store_workshop_list(store, &l, &err), M_OK);
	assert_true(index_of(&l, early) < index_of(&l, late));
	for (size_t i = 1; i < l.n; i++)
		assert_true(strcmp(l.items[i - 1].date, l.items[i].date) <= 0);
	struct m_workshop w = l.items[index_of(&l, early)];
	assert_string_equal(w.place, "Möllan");

	/* Moved to a later date with the sectors that came: it now sorts after the other. */
	struct m_workshop ch = {.id = early,
	                        .date = "2032-03-01",
	                        .place = "Värnhem",
	                        .sectors = "municipality,region"};
	assert_int_equal(store_workshop_update(store, &ch, &err), M_OK);
	m_workshop_list_clear(&l);
	assert_int_equal(store_workshop_list(store, &l, &err), M_OK);
	assert_true(index_of(&l, early) > index_of(&l, late));
	assert_string_equal(l.items[index_of(&l, early)].place, "Värnhem");
	assert_string_equal(l.items[index_of(&l, early)].sectors, "municipality,region");

	/* A name in the sectors, or no date, is refused and nothing is lost. */
	ch.sectors = "Anna Svensson";
	assert_int_not_equal(store_workshop_update(store, &ch, &err), M_OK);
	ch.sectors = "municipality";
	ch.date = "";
	assert_int_not_equal(store_workshop_update(store, &ch, &err), M_OK);
	m_workshop_list_clear(&l);
	assert_int_equal(store_workshop_list(store, &l, &err), M_OK);
	assert_string_equal(l.items[index_of(&l, early)].sectors, "municipality,region");
	assert_string_equal(l.items[index_of(&l, early)].date, "2032-03-01");
	m_workshop_list_clear(&l);
}

static void test_log_with_initials_survives_reopen(void **state)
{
	(void)state;
	struct merr err = {0};
	m_id w = add("2030-06-01", "Malmö");
	m_id other = add("2030-06-02", "Lund");
	store_set_editor(store, "ÅK");
	assert_int_equal(store_workshop_log_add(store, w, "note", "Skolan saknades", &err), M_OK);
	store_set_editor(store, "BL");
	assert_int_equal(store_workshop_log_add(store, w, "decision", "Bjud in skolan", &err),
	                 M_OK);
	assert_int_equal(store_workshop_log_add(store, other, "note", "annat", &err), M_OK);
	store_close(&store);
	assert_int_equal(store_open(path, 0, &store, &err), M_OK);

	struct m_log_list log;
	assert_int_equal(store_workshop_log(store, w, &log, &err), M_OK);
	assert_int_equal(log.n, 2);
	assert_string_equal(log.items[0].kind, "note");
	assert_string_equal(log.items[0].text, "Skolan saknades");
	assert_string_equal(log.items[0].initials, "ÅK");
	assert_string_equal(log.items[1].kind, "decision");
	assert_string_equal(log.items[1].text, "Bjud in skolan");
	assert_string_equal(log.items[1].initials, "BL");
	assert_int_equal(strlen(log.items[1].at), 16); /* YYYY-MM-DD HH:MM */
	m_log_list_clear(&log);
}

static void test_current_workshop(void **state)
{
	(void)state;
	struct merr err = {0};
	m_id w = add("2029-09-09", "Trelleborg");
	m_id cur = 0;
	assert_int_equal(store_workshop_today(store, false, &cur, &err), M_OK);
	assert_int_equal(cur, 0);
	assert_int_equal(store_workshop_current_set(store, w, &err), M_OK);
	assert_int_equal(store_workshop_today(store, true, &cur, &err), M_OK);
	assert_int_equal(cur, w);
	/* Back to today's: none until a vote makes one. */
	assert_int_equal(store_workshop_current_set(store, 0, &err), M_OK);
	assert_int_equal(store_workshop_today(store, false, &cur, &err), M_OK);
	assert_int_equal(cur, 0);
}

static void test_proposal_lengths(void **state)
{
	(void)state;
	struct merr err = {0};
	int sil = 90, ho = 30;
	assert_int_equal(store_proposal_lengths(store, &sil, &ho, &err), M_OK);
	assert_int_equal(sil, 90);
	assert_int_equal(ho, 30);
	assert_int_equal(store_proposal_lengths_set(store, 200, 14, &err), M_OK);
	assert_int_not_equal(store_proposal_lengths_set(store, 0, 14, &err), M_OK);
	assert_int_not_equal(store_proposal_lengths_set(store, 200, 5000, &err), M_OK);
	store_close(&store);
	assert_int_equal(store_open(path, 0, &store, &err), M_OK);
	assert_int_equal(store_proposal_lengths(store, &sil, &ho, &err), M_OK);
	assert_int_equal(sil, 200);
	assert_int_equal(ho, 14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_list_in_date_order_and_update, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_log_with_initials_survives_reopen, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_current_workshop, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_proposal_lengths, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
