/* test_db.c - the database file itself: its schema, its privacy on disk, the files it refuses
 * without touching them, migrations, history, the append-only workshop log, and two mellans
 * sharing one file. Real SQLite files in a temporary directory; SQLite is used directly only to
 * build fixtures and to look at what the store wrote. */
#include "storeutil.h"

#include "core/store_workshop.h"

#define APP_ID 0x4D4C4C4E

static sqlite3 *raw(const char *db)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	int64_t v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	return v;
}

/* The first column of the first row as a new string, NULL when none. */
static char *raw_text(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	char *v = NULL;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		v = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v;
}

static struct store *open_ok(const char *path, unsigned flags)
{
	struct store *s = NULL;
	struct merr err = {0};
	if (store_open(path, flags, &s, &err) != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

static m_id add_case(struct store *s, const char *code)
{
	struct m_case c = {.code = strdup(code), .birth_year = 2003};
	struct merr err = {0};
	if (store_case_add(s, &c, &err) != M_OK)
		fail_msg("case %s: %s", code, err.msg);
	m_id id = c.id;
	m_case_clear(&c);
	return id;
}

static void test_schema_created(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "schema.db");
	struct store *s = open_ok(path, STORE_CREATE | STORE_EXCLUSIVE);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	assert_true(store_current_schema_version() >= 1);
	assert_string_equal(store_path(s), path);
	store_close(&s);
	assert_null(s);

	sqlite3 *h = raw(path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), store_current_schema_version());
	assert_int_equal(raw_int(h, "PRAGMA application_id"), APP_ID);
	char *mode = raw_text(h, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	static const char *const records[] = {
	    "actor",         "category",     "threshold", "kase",       "step",   "factor",
	    "intervention",  "handover",     "gap",       "gap_actor",  "action", "workshop",
	    "workshop_case", "workshop_log", "vote",      "name_block",
	};
	for (size_t i = 0; i < sizeof records / sizeof *records; i++) {
		char sql[256];
		for (const char *const *col =
		         (const char *const[]){"uuid", "created", "updated", NULL};
		     *col; col++) {
			snprintf(sql, sizeof sql,
			         "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s' "
			         "AND \"notnull\" = 1",
			         records[i], *col);
			if (raw_int(h, sql) != 1)
				fail_msg("%s has no %s", records[i], *col);
		}
	}
	for (const char *const *t =
	         (const char *const[]){"history", "settings", "name_block", "editor", NULL};
	     *t; t++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
		         *t);
		assert_int_equal(raw_int(h, sql), 1);
	}
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_schema WHERE name = "
	                            "'step_timeline' AND type = 'index'"),
	                 1);
	/* A birth date in place of a year, and a short uuid, are refused by the file itself. */
	assert_int_not_equal(sqlite3_exec(h,
	                                  "INSERT INTO kase (uuid, code, birth_year) VALUES "
	                                  "('00000000-0000-4000-8000-000000000000', 'X', 20030412)",
	                                  NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "INSERT INTO kase (uuid, code) VALUES ('short', 'Y')",
	                                  NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(h,
	                 "INSERT INTO actor (uuid, name, sector) VALUES "
	                 "('00000000-0000-4000-8000-000000000001', 'A', 'nowhere')",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);
}

static void test_file_modes(void **state)
{
	(void)state;
	char dir[512], path[600], side[620];
	tu_path(dir, sizeof dir, "xdg/mellan");
	snprintf(path, sizeof path, "%s/mellan.db", dir);
	struct store *s = open_ok(path, STORE_CREATE);
	add_case(s, "Amir");
	assert_int_equal(tu_file_mode(dir), 0700);
	char parent[512];
	tu_path(parent, sizeof parent, "xdg");
	assert_int_equal(tu_file_mode(parent), 0700);
	assert_int_equal(tu_file_mode(path), 0600);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_equal(tu_file_mode(side), 0600);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_int_equal(tu_file_mode(side), 0600);
	store_close(&s);
}

/* Opens path, expects a refusal, and checks nothing was touched or created beside it. */
static void assert_refused(const char *path, unsigned flags, enum mreason reason)
{
	size_t n0 = 0, n1 = 0;
	char *before = tu_exists(path) ? tu_read(path, &n0) : NULL;
	struct store *s = NULL;
	struct merr err = {0};
	enum mstatus st = store_open(path, flags, &s, &err);
	if (st == M_OK)
		fail_msg("%s was opened", path);
	assert_null(s);
	assert_int_equal(st, M_DATA);
	assert_int_equal(err.status, M_DATA);
	assert_int_equal(err.reason, reason);
	assert_non_null(strstr(err.msg, path));
	assert_null(strchr(err.msg, '\n'));
	if (before) {
		char *after = tu_read(path, &n1);
		assert_int_equal(n0, n1);
		assert_memory_equal(before, after, n0);
		free(after);
		free(before);
	} else {
		assert_false(tu_exists(path));
	}
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_false(tu_exists(side));
	snprintf(side, sizeof side, "%s-shm", path);
	assert_false(tu_exists(side));
}

static void test_refuses_text_file(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "notes.txt");
	const char text[] = "Det här är inte en databas, bara anteckningar om Åsa och Örjan.\n"
	                    "Rad två, för att bli längre än hundra byte i alla fall.\n";
	tu_write(path, text, sizeof text - 1);
	assert_refused(path, 0, MR_NOT_DB);
	assert_refused(path, STORE_CREATE, MR_NOT_DB);
}

static void test_refuses_empty_file(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "empty.db");
	tu_write(path, "", 0);
	assert_refused(path, 0, MR_NOT_DB);
	assert_refused(path, STORE_CREATE, MR_NOT_DB);
	assert_int_equal(tu_file_mode(path) >= 0, 1);
}

/* A real mellan file with a case in it, closed cleanly. */
static char *real_db(const char *name, size_t *n)
{
	static char path[512];
	tu_path(path, sizeof path, name);
	struct store *s = open_ok(path, STORE_CREATE | STORE_EXCLUSIVE);
	for (int i = 0; i < 40; i++) {
		char code[32];
		snprintf(code, sizeof code, "Fall %d", i);
		add_case(s, code);
	}
	store_close(&s);
	return tu_read(path, n);
}

static void test_refuses_truncated_copy(void **state)
{
	(void)state;
	size_t n;
	char *whole = real_db("whole.db", &n);
	assert_true(n >= 4 * 4096);
	char path[512];
	/* Cut inside a page, and cut at a page boundary: both are a damaged file. */
	tu_path(path, sizeof path, "cut-odd.db");
	tu_write(path, whole, n / 2 + 7);
	assert_refused(path, 0, MR_NOT_DB);
	tu_path(path, sizeof path, "cut-page.db");
	tu_write(path, whole, n - 4096);
	assert_refused(path, 0, MR_NOT_DB);
	tu_path(path, sizeof path, "cut-header.db");
	tu_write(path, whole, 60);
	assert_refused(path, STORE_CREATE, MR_NOT_DB);
	free(whole);
}

static void test_refuses_other_programs_db(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "notes.db");
	su_fixture(path, "foreign.sql");
	assert_refused(path, 0, MR_FOREIGN);
	assert_refused(path, STORE_CREATE, MR_FOREIGN);
}

static void test_refuses_newer_schema(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "newer.db");
	su_fixture(path, "newer.sql");
	assert_refused(path, 0, MR_NEWER);
	struct store *s = NULL;
	struct merr err = {0};
	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), M_DATA);
	assert_non_null(strstr(err.msg, "99"));
}

static void test_refuses_missing_file(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "nowhere/missing.db");
	struct store *s = NULL;
	struct merr err = {0};
	assert_int_equal(store_open(path, 0, &s, &err), M_DATA);
	assert_null(s);
	assert_non_null(strstr(err.msg, "mellan init"));
	assert_non_null(strstr(err.msg, path));
	assert_false(tu_exists(path));
	char dir[512];
	tu_path(dir, sizeof dir, "nowhere");
	assert_false(tu_exists(dir));
	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), M_DATA);
	assert_false(tu_exists(path));
}

static void test_exclusive_refuses_existing(void **state)
{
	(void)state;
	size_t n0, n1;
	char *before = real_db("taken.db", &n0);
	char path[512];
	tu_path(path, sizeof path, "taken.db");
	struct store *s = NULL;
	struct merr err = {0};
	assert_int_not_equal(store_open(path, STORE_CREATE | STORE_EXCLUSIVE, &s, &err), M_OK);
	assert_int_equal(err.reason, MR_EXISTS);
	char *after = tu_read(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
}

static void test_migrates_half_initialised(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "half.db");
	su_fixture(path, "half_init.sql");
	sqlite3 *h = raw(path);
	assert_int_equal(raw_int(h, "PRAGMA application_id"), APP_ID);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), 0);
	sqlite3_close(h);

	struct store *s = open_ok(path, 0);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	add_case(s, "Kim");
	store_close(&s);
	h = raw(path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), store_current_schema_version());
	assert_int_equal(raw_int(h, "SELECT count(*) FROM kase"), 1);
	sqlite3_close(h);
}

static void test_failed_migration_rolls_back(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "blocked.db");
	su_fixture(path, "half_init_blocked.sql");
	struct store *s = NULL;
	struct merr err = {0};
	assert_int_not_equal(store_open(path, 0, &s, &err), M_OK);
	assert_null(s);
	assert_non_null(strstr(err.msg, path));
	sqlite3 *h = raw(path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), 0);
	/* Nothing of version 1 is left: not the tables created before the failure either. */
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_schema"), 1);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM actor WHERE stray = 'left behind'"), 1);
	sqlite3_close(h);
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_false(tu_exists(side));
	snprintf(side, sizeof side, "%s-shm", path);
	assert_false(tu_exists(side));
}

static void test_empty_sqlite_file_becomes_ours(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "blank.db");
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	/* A valid database of one page and no schema, as `sqlite3 FILE VACUUM` leaves. */
	assert_int_equal(sqlite3_exec(h, "VACUUM", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	struct store *s = open_ok(path, 0);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	store_close(&s);
}

static void test_history_records_initials(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "history.db");
	struct store *a = open_ok(path, STORE_CREATE);
	struct store *b = open_ok(path, 0);
	store_set_editor(a, "AB");
	store_set_editor(b, "CD");
	add_case(a, "Amir");
	add_case(b, "Noor");
	add_case(a, "Sam");
	store_close(&a);
	store_close(&b);

	sqlite3 *h = raw(path);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM history WHERE tbl = 'kase' AND op = "
	                            "'insert'"),
	                 3);
	char *who = raw_text(h, "SELECT h.editor FROM history h JOIN kase k ON k.uuid = h.row_uuid "
	                        "WHERE k.code = 'Noor'");
	assert_string_equal(who, "CD");
	free(who);
	who = raw_text(h, "SELECT h.editor FROM history h JOIN kase k ON k.uuid = h.row_uuid "
	                  "WHERE k.code = 'Sam'");
	assert_string_equal(who, "AB");
	free(who);
	char *made = raw_text(h, "SELECT json_extract(new, '$.code') FROM history WHERE op = "
	                         "'insert' AND tbl = 'kase' ORDER BY id LIMIT 1");
	assert_string_equal(made, "Amir");
	free(made);

	/* An edit: one history row with the old and the new value, and `updated` moves on. */
	char *before = raw_text(h, "SELECT updated FROM kase WHERE code = 'Amir'");
	assert_int_equal(sqlite3_exec(h,
	                              "UPDATE kase SET summary = 'Flyttade till Malmö' "
	                              "WHERE code = 'Amir'",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM history WHERE op = 'update'"), 1);
	char *old = raw_text(h, "SELECT json_extract(old, '$.summary') IS NULL FROM history "
	                        "WHERE op = 'update'");
	assert_string_equal(old, "1");
	free(old);
	char *nw = raw_text(h, "SELECT json_extract(new, '$.summary') FROM history WHERE op = "
	                       "'update'");
	assert_string_equal(nw, "Flyttade till Malmö");
	free(nw);
	char *ed = raw_text(h, "SELECT editor FROM history WHERE op = 'update'");
	assert_string_equal(ed, "AB"); /* the last writer's initials, still in the editor row */
	free(ed);
	char *after = raw_text(h, "SELECT updated FROM kase WHERE code = 'Amir'");
	assert_string_not_equal(before, after);
	free(before);
	free(after);

	assert_int_equal(sqlite3_exec(h, "DELETE FROM kase WHERE code = 'Sam'", NULL, NULL, NULL),
	                 SQLITE_OK);
	char *gone = raw_text(h, "SELECT json_extract(old, '$.code') FROM history WHERE op = "
	                         "'delete'");
	assert_string_equal(gone, "Sam");
	free(gone);
	sqlite3_close(h);
}

static void test_workshop_log_is_append_only(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "log.db");
	struct store *s = open_ok(path, STORE_CREATE);
	struct merr err = {0};
	struct m_workshop w = {.date = strdup("2024-03-12"), .place = strdup("Malmö")};
	assert_int_equal(store_workshop_add(s, &w, &err), M_OK);
	assert_int_equal(
	    store_workshop_log_add(s, w.id, "decision", "Lyft väntetiden till BUP", &err), M_OK);
	assert_int_not_equal(store_workshop_log_add(s, w.id, "gossip", "x", &err), M_OK);
	assert_int_equal(err.reason, MR_INVALID);
	m_workshop_clear(&w);
	store_close(&s);

	sqlite3 *h = raw(path);
	assert_int_not_equal(
	    sqlite3_exec(h, "UPDATE workshop_log SET text = 'ändrat'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM workshop_log", NULL, NULL, NULL),
	                     SQLITE_OK);
	char *t = raw_text(h, "SELECT text FROM workshop_log");
	assert_string_equal(t, "Lyft väntetiden till BUP");
	free(t);
	sqlite3_close(h);
}

static void test_foreign_keys_enforced(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "fk.db");
	struct store *s = open_ok(path, STORE_CREATE);
	struct merr err = {0};
	struct m_factor f = {.step_id = 4242, .kind = FACTOR_RISK, .text = strdup("skolfrånvaro")};
	assert_int_equal(store_factor_add(s, &f, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	assert_int_equal(f.id, 0);
	assert_string_equal(f.uuid, "");
	m_factor_clear(&f);
	m_id c = add_case(s, "Amir");
	struct m_intervention iv = {.case_id = c, .actor_id = 777, .kind = IV_MADE};
	assert_int_not_equal(store_intervention_add(s, &iv, &err), M_OK);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);

	/* Removing a case removes its steps with it. */
	s = open_ok(path, 0);
	struct m_step st = {.case_id = c, .title = strdup("Första steget")};
	assert_int_equal(store_step_add(s, &st, &err), M_OK);
	m_step_clear(&st);
	store_close(&s);
	sqlite3 *h = raw(path);
	sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM step"), 1);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM kase", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM step"), 0);
	sqlite3_close(h);
}

static void test_changed_elsewhere(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "shared.db");
	struct store *a = open_ok(path, STORE_CREATE);
	struct store *b = open_ok(path, 0);
	assert_false(store_changed_elsewhere(a));
	add_case(b, "Amir");
	assert_true(store_changed_elsewhere(a));
	assert_false(store_changed_elsewhere(a));
	add_case(a, "Noor");
	assert_false(store_changed_elsewhere(a));
	assert_true(store_changed_elsewhere(b));
	store_close(&a);
	store_close(&b);
}

static void test_two_stores_write_in_turn(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "turns.db");
	struct store *a = open_ok(path, STORE_CREATE);
	struct store *b = open_ok(path, 0);
	struct merr err = {0};
	add_case(a, "Amir");
	add_case(b, "Noor");
	/* A bracketed write of one waits for nothing from the other once it is committed. */
	assert_int_equal(store_begin(a, &err), M_OK);
	add_case(a, "Sam");
	add_case(a, "Kim");
	assert_int_equal(store_commit(a, &err), M_OK);
	add_case(b, "Åsa");
	struct m_case_list la = {0}, lb = {0};
	assert_int_equal(store_case_list(a, &la, &err), M_OK);
	assert_int_equal(store_case_list(b, &lb, &err), M_OK);
	assert_int_equal(la.n, 5);
	assert_int_equal(lb.n, 5);
	m_case_list_clear(&la);
	m_case_list_clear(&lb);
	store_close(&a);
	store_close(&b);
}

static void test_busy_while_other_writes(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "busy.db");
	struct store *a = open_ok(path, STORE_CREATE);
	add_case(a, "Amir");
	sqlite3 *h = raw(path);
	sqlite3_busy_timeout(h, 0);
	assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct m_case c = {.code = strdup("Noor")};
	struct merr err = {0};
	assert_int_equal(store_case_add(a, &c, &err), M_OTHER);
	assert_int_equal(err.reason, MR_BUSY);
	assert_non_null(strstr(err.msg, path));
	assert_string_equal(c.uuid, "");
	m_case_clear(&c);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	add_case(a, "Noor");
	store_close(&a);
}

static void test_readonly(void **state)
{
	(void)state;
	size_t n0, n1;
	char *before = real_db("ro.db", &n0);
	char path[512];
	tu_path(path, sizeof path, "ro.db");
	struct store *s = open_ok(path, STORE_READONLY);
	struct merr err = {0};
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 40);
	m_case_list_clear(&l);
	struct m_case c = {.code = strdup("Ny")};
	assert_int_not_equal(store_case_add(s, &c, &err), M_OK);
	m_case_clear(&c);
	assert_int_not_equal(store_begin(s, &err), M_OK);
	store_close(&s);
	/* A look at the file leaves nothing beside it. */
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_false(tu_exists(side));
	snprintf(side, sizeof side, "%s-shm", path);
	assert_false(tu_exists(side));
	char *after = tu_read(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
}

static void test_integrity_of_good_file(void **state)
{
	(void)state;
	size_t n;
	free(real_db("good.db", &n));
	char path[512];
	tu_path(path, sizeof path, "good.db");
	struct store *s = open_ok(path, 0);
	struct merr err = {0};
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_schema_created),
	    cmocka_unit_test(test_file_modes),
	    cmocka_unit_test(test_refuses_text_file),
	    cmocka_unit_test(test_refuses_empty_file),
	    cmocka_unit_test(test_refuses_truncated_copy),
	    cmocka_unit_test(test_refuses_other_programs_db),
	    cmocka_unit_test(test_refuses_newer_schema),
	    cmocka_unit_test(test_refuses_missing_file),
	    cmocka_unit_test(test_exclusive_refuses_existing),
	    cmocka_unit_test(test_migrates_half_initialised),
	    cmocka_unit_test(test_failed_migration_rolls_back),
	    cmocka_unit_test(test_empty_sqlite_file_becomes_ours),
	    cmocka_unit_test(test_history_records_initials),
	    cmocka_unit_test(test_workshop_log_is_append_only),
	    cmocka_unit_test(test_foreign_keys_enforced),
	    cmocka_unit_test(test_changed_elsewhere),
	    cmocka_unit_test(test_two_stores_write_in_turn),
	    cmocka_unit_test(test_busy_while_other_writes),
	    cmocka_unit_test(test_readonly),
	    cmocka_unit_test(test_integrity_of_good_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
