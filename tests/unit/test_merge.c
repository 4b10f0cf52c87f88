/* test_merge.c - two laptops' files brought together, and the backup: changes on one side are
 * taken, changes on both sides are kept as conflicts, merging again changes nothing, the other
 * file is never written, hostile files are refused with nothing changed, and a backup is a
 * private, intact copy. Real files in a temporary directory; SQLite is used directly to edit a
 * copy the way another laptop's mellan would, and to look at the result. */
#include "testutil.h"

#include "core/output.h"
#include "core/seed.h"
#include "core/store_edit.h"
#include "core/store_exchange.h"

#include "storeutil.h"

static void copy(const char *from, const char *to)
{
	size_t n;
	char *b = tu_read(from, &n);
	tu_write(to, b, n);
	free(b);
}

/* The demo, closed, so copies of it are whole files. */
static void make_base(const char *path)
{
	unlink(path);
	struct store *s = su_open(path, STORE_CREATE);
	struct merr err = {0};
	if (catalogue_load_defaults(s, &err) != M_OK || demo_load(s, &err) != M_OK)
		fail_msg("demo: %s", err.msg);
	store_close(&s);
}

static enum mstatus merge(const char *into, const char *other, struct m_merge_report *r,
                          struct merr *err)
{
	struct store *s = su_open(into, 0);
	enum mstatus st = store_merge(s, other, r, NULL, NULL, err);
	store_close(&s);
	return st;
}

static void test_two_laptops(void **state)
{
	(void)state;
	char base[512], l1[512], l2[512];
	make_base(tu_path(base, sizeof base, "base.db"));
	copy(base, tu_path(l1, sizeof l1, "l1.db"));
	copy(base, tu_path(l2, sizeof l2, "l2.db"));
	char *s1 = su_raw_text(base, "SELECT uuid FROM step ORDER BY id LIMIT 1");
	char *s2 = su_raw_text(base, "SELECT uuid FROM step ORDER BY id LIMIT 1 OFFSET 1");
	char q[1024];
	snprintf(q, sizeof q,
	         "UPDATE step SET title = 'Ett' WHERE uuid = '%s';"
	         "UPDATE step SET voice = 'här' WHERE uuid = '%s';",
	         s1, s2);
	su_raw_exec(l1, q);
	snprintf(q, sizeof q,
	         "UPDATE step SET narrative = 'Två' WHERE uuid = '%s';"
	         "UPDATE step SET voice = 'där' WHERE uuid = '%s';"
	         "INSERT INTO kase (uuid, code) VALUES ('0b0b0b0b-0000-4000-8000-000000000001', "
	         "'Ny');",
	         s1, s2);
	su_raw_exec(l2, q);
	size_t n_before;
	char *other_before = tu_read(l2, &n_before);

	struct m_merge_report r;
	struct merr err = {0};
	if (merge(l1, l2, &r, &err) != M_OK)
		fail_msg("merge: %s", err.msg);
	assert_int_equal(r.added, 1);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.n_conflicts, 1);
	assert_string_equal(r.conflicts[0].field, "voice");
	assert_string_equal(r.conflicts[0].ours, "här");
	assert_string_equal(r.conflicts[0].theirs, "där");
	assert_true(r.conflicts[0].new_now);
	m_merge_report_clear(&r);

	snprintf(q, sizeof q, "SELECT title || '/' || narrative FROM step WHERE uuid = '%s'", s1);
	char *v = su_raw_text(l1, q);
	assert_non_null(v);
	assert_string_equal(v, "Ett/Två");
	free(v);
	snprintf(q, sizeof q, "SELECT voice FROM step WHERE uuid = '%s'", s2);
	v = su_raw_text(l1, q);
	assert_string_equal(v, "här");
	free(v);

	/* The other file is exactly as it was, with nothing beside it. */
	su_same_file(l2, other_before, n_before);
	char side[600];
	snprintf(side, sizeof side, "%s-wal", l2);
	assert_false(tu_exists(side));
	snprintf(side, sizeof side, "%s-shm", l2);
	assert_false(tu_exists(side));

	/* Again: nothing changes, the conflict is still open but not new. */
	char *hist = su_raw_text(l1, "SELECT count(*) FROM history");
	if (merge(l1, l2, &r, &err) != M_OK)
		fail_msg("merge again: %s", err.msg);
	assert_int_equal(r.added + r.updated + r.deleted, 0);
	assert_int_equal(r.n_conflicts, 1);
	assert_false(r.conflicts[0].new_now);
	m_merge_report_clear(&r);
	char *hist2 = su_raw_text(l1, "SELECT count(*) FROM history");
	assert_string_equal(hist, hist2);

	/* Kept as here: closed, and the next merge does not open it again. */
	struct store *s = su_open(l1, 0);
	assert_int_equal(store_conflict_list(s, &r, &err), M_OK);
	assert_int_equal(r.n_conflicts, 1);
	m_id cid = r.conflicts[0].id;
	m_merge_report_clear(&r);
	assert_int_equal(store_conflict_resolve(s, cid + 100, false, &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(store_conflict_resolve(s, cid, false, &err), M_OK);
	assert_int_equal(store_conflict_list(s, &r, &err), M_OK);
	assert_int_equal(r.n_conflicts, 0);
	m_merge_report_clear(&r);
	store_close(&s);
	assert_int_equal(merge(l1, l2, &r, &err), M_OK);
	assert_int_equal(r.n_conflicts, 0);
	m_merge_report_clear(&r);
	snprintf(q, sizeof q, "SELECT voice FROM step WHERE uuid = '%s'", s2);
	v = su_raw_text(l1, q);
	assert_string_equal(v, "här");
	free(v);
	free(hist);
	free(hist2);
	free(other_before);
	free(s1);
	free(s2);
}

static void test_hostile_files_refused(void **state)
{
	(void)state;
	char base[512], into[512], bad[512];
	make_base(tu_path(base, sizeof base, "h-base.db"));
	tu_path(into, sizeof into, "h-into.db");
	tu_path(bad, sizeof bad, "h-bad.db");
	copy(base, into);
	struct {
		const char *sql, *expect;
	} cases[] = {
	    {"CREATE TRIGGER t AFTER INSERT ON kase BEGIN DELETE FROM step; END;", "schema"},
	    {"CREATE VIEW v AS SELECT * FROM kase;", "schema"},
	    {"CREATE TABLE extra (x);", "schema"},
	    {"PRAGMA application_id = 42;", "not a mellan database"},
	    {"PRAGMA ignore_check_constraints = ON; UPDATE step SET domain = 'space';", "domain"},
	    {"PRAGMA foreign_keys = OFF; DELETE FROM kase WHERE id = 1;", "refer"},
	    {"PRAGMA user_version = 99;", "newer"},
	};
	size_t n_into;
	char *into_before = tu_read(into, &n_into);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		copy(base, bad);
		sqlite3 *h = NULL;
		assert_int_equal(sqlite3_open(bad, &h), SQLITE_OK);
		char *msg = NULL;
		if (sqlite3_exec(h, cases[i].sql, NULL, NULL, &msg) != SQLITE_OK)
			fail_msg("%s: %s", cases[i].sql, msg);
		sqlite3_close(h);
		struct m_merge_report r;
		struct merr err = {0};
		enum mstatus st = merge(into, bad, &r, &err);
		if (st == M_OK || !strstr(err.msg, cases[i].expect))
			fail_msg("case %zu: status %d, %s", i, st, err.msg);
		su_same_file(into, into_before, n_into);
	}
	free(into_before);
}

static void test_backup(void **state)
{
	(void)state;
	char base[512], out[512];
	make_base(tu_path(base, sizeof base, "b-base.db"));
	tu_path(out, sizeof out, "b-copy.db");
	tu_write(out, "an older copy", 13);
	chmod(out, 0600); /* a replaced file keeps its permissions */
	struct store *s = su_open(base, STORE_READONLY);
	/* Another mellan writes while the backup's source is open. */
	struct store *w = su_open(base, 0);
	struct merr err = {0};
	struct m_case c = {.code = strdup("Efter")};
	assert_int_equal(store_case_add(w, &c, &err), M_OK);
	m_case_clear(&c);
	assert_int_equal(store_backup(s, out, OUTPUT_FORCE, &err), M_OK);
	store_close(&w);
	store_close(&s);
	assert_int_equal(tu_file_mode(out), 0600);
	char *ok = su_raw_text(out, "PRAGMA integrity_check");
	assert_string_equal(ok, "ok");
	free(ok);
	char *n = su_raw_text(out, "SELECT count(*) FROM kase WHERE code = 'Efter'");
	assert_string_equal(n, "1");
	free(n);
	struct store *again = su_open(out, STORE_READONLY);
	store_close(&again);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_two_laptops),
	    cmocka_unit_test(test_hostile_files_refused),
	    cmocka_unit_test(test_backup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
