/* test_follow.c - presenter follow as the projector needs it, beside test_silence.c's tests of
 * the channel: a blanked presentation reaches another connection, which notices the change; a
 * read-only follower cannot write and leaves the file byte for byte; blanking never enters the
 * history, and undo passes it by. Real files in a temporary directory; SQLite is used directly
 * only to count rows. */
#include "testutil.h"

#include "core/commands.h"
#include "core/store_edit.h"
#include "core/store_follow.h"
#include "core/store_read.h"

#include <sqlite3.h>

static struct store *open_file(const char *path, unsigned flags)
{
	struct store *s = NULL;
	struct merr err = {0};
	if (store_open(path, flags, &s, &err) != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

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
	struct store *fac = open_file(path, 0);
	struct store *fol = open_file(path, STORE_READONLY);
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
	struct store *fac = open_file(path, 0);
	struct merr err = {0};
	assert_int_equal(store_follow_publish(fac, 1, 2, &err), M_OK);
	assert_int_equal(store_follow_blank_set(fac, true, &err), M_OK);
	store_close(&fac);
	size_t n1, n2;
	char *before = tu_read(path, &n1);
	struct store *fol = open_file(path, STORE_READONLY);
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
	struct store *fac = open_file(path, 0);
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

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_blank_reaches_another_connection),
	    cmocka_unit_test(test_follower_cannot_write),
	    cmocka_unit_test(test_blanking_is_not_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
