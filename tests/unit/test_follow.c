/* test_follow.c - presenter follow as the projector needs it: what one mellan publishes, another
 * connection on the file notices and reads, also when the step is deleted under it; a blanked
 * presentation reaches another connection, which notices the change; a read-only follower
 * cannot write and leaves the file byte for byte; publishing and blanking never enter the
 * history, and undo passes them by. Real files in a temporary directory; SQLite is used directly
 * only to count rows. */
#include "storeutil.h"

#include "core/commands.h"
#include "core/store_follow.h"

static long long scalar(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void demo(char *path, size_t n, const char *name)
{
	struct merr err = {0};
	tu_path(path, n, name);
	if (cmd_init(path, true, &err) != M_OK)
		fail_msg("%s", err.msg);
}

static void test_blank_reaches_another_connection(void **state)
{
	(void)state;
	char path[512];
	demo(path, sizeof path, "blank.db");
	struct store *fac = su_open(path, 0);
	struct store *fol = su_open(path, STORE_READONLY);
	struct merr err = {0};
	/* Never blanked: shown. */
	assert_false(store_follow_blanked(fol));
	store_changed_elsewhere(fol);
	assert_int_equal(store_follow_blank_set(fac, true, &err), M_OK);
	/* The follower's cue to look again, then the flag itself. */
	assert_true(store_changed_elsewhere(fol));
	assert_true(store_follow_blanked(fol));
	assert_int_equal(store_follow_blank_set(fac, false, &err), M_OK);
	assert_false(store_follow_blanked(fol));
	assert_int_equal(scalar(path, "SELECT count(*) FROM settings WHERE key = 'follow-blank'"),
	                 1);
	store_close(&fol);
	store_close(&fac);
}

static void test_follower_cannot_write(void **state)
{
	(void)state;
	char path[512];
	demo(path, sizeof path, "readonly.db");
	struct store *fac = su_open(path, 0);
	struct merr err = {0};
	assert_int_equal(store_follow_publish(fac, 1, 2, &err), M_OK);
	assert_int_equal(store_follow_blank_set(fac, true, &err), M_OK);
	store_close(&fac);
	size_t n1, n2;
	char *before = tu_read(path, &n1);
	struct store *fol = su_open(path, STORE_READONLY);
	assert_int_not_equal(store_follow_publish(fol, 3, 4, &err), M_OK);
	assert_int_not_equal(store_follow_blank_set(fol, false, &err), M_OK);
	m_id c, s;
	assert_int_equal(store_follow_read(fol, &c, &s, &err), M_OK);
	assert_int_equal(c, 1);
	assert_int_equal(s, 2);
	assert_true(store_follow_blanked(fol));
	store_close(&fol);
	char *after = tu_read(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

static void test_blanking_is_not_history(void **state)
{
	(void)state;
	char path[512];
	demo(path, sizeof path, "history.db");
	long long h = scalar(path, "SELECT count(*) FROM history");
	struct store *fac = su_open(path, 0);
	struct merr err = {0};
	for (int i = 0; i < 6; i++)
		assert_int_equal(store_follow_blank_set(fac, i % 2, &err), M_OK);
	assert_int_equal(scalar(path, "SELECT count(*) FROM history"), h);
	/* Undo in front of the room undoes the last edit, never a blank. */
	struct m_case k = {.code = strdup("Fall 9")};
	assert_int_equal(store_case_add(fac, &k, &err), M_OK);
	assert_int_equal(store_follow_blank_set(fac, true, &err), M_OK);
	char what[256];
	assert_int_equal(store_undo(fac, what, sizeof what, &err), M_OK);
	struct m_case gone = {0};
	assert_int_not_equal(store_case_find(fac, "Fall 9", &gone, &err), M_OK);
	assert_true(store_follow_blanked(fac));
	m_case_clear(&k);
	store_close(&fac);
}

/* The facilitator's mellan publishes; a follower on the file sees the commit and reads it. */
static void test_publish_and_read(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("follow.mellan", path, sizeof path);
	m_id c = su_case(s, "Noor", 2003);
	m_id s1 = su_step(s, c, "2017", "Ett"), s2 = su_step(s, c, "2018", "Två");
	struct store *f = su_open(path, STORE_READONLY);
	m_id rc = 9, rs = 9;
	struct merr err = {0};
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(rc, 0);
	assert_false(store_changed_elsewhere(f));

	assert_int_equal(store_follow_publish(s, c, s1, &err), M_OK);
	assert_true(store_changed_elsewhere(f));
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_OK);
	assert_int_equal(rc, c);
	assert_int_equal(rs, s1);
	assert_false(store_changed_elsewhere(f));
	assert_int_equal(store_follow_publish(s, c, s2, &err), M_OK);
	assert_true(store_changed_elsewhere(f));
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_OK);
	assert_int_equal(rs, s2);
	/* The case alone (the cases screen), then a step deleted under the follower. */
	assert_int_equal(store_follow_publish(s, c, 0, &err), M_OK);
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_OK);
	assert_int_equal(rc, c);
	assert_int_equal(rs, 0);
	assert_int_equal(store_follow_publish(s, c, s2, &err), M_OK);
	assert_int_equal(store_step_delete(s, s2, &err), M_OK);
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_FINDINGS);
	assert_int_equal(rc, c);
	assert_int_equal(rs, 0);
	/* Publishing is not a change: undo takes back the delete, not a publication. */
	char what[200];
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	assert_non_null(strstr(what, "Två"));
	assert_int_equal(store_follow_read(f, &rc, &rs, &err), M_OK);
	assert_int_equal(rs, s2);
	/* A follower cannot publish. */
	assert_int_not_equal(store_follow_publish(f, c, s1, &err), M_OK);
	store_close(&f);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_publish_and_read),
	    cmocka_unit_test(test_blank_reaches_another_connection),
	    cmocka_unit_test(test_follower_cannot_write),
	    cmocka_unit_test(test_blanking_is_not_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
