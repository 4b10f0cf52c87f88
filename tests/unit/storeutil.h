/* storeutil.h - what the store's tests share on top of testutil.h: opening files and adding
 * the few records a test builds its story from, failing the test with the store's own line when
 * that goes wrong, and looking at the file directly through SQLite. */
#ifndef MELLAN_STOREUTIL_H
#define MELLAN_STOREUTIL_H

#include "testutil.h"

#include "core/store_edit.h"
#include "core/store_read.h"

#include <sqlite3.h>

static inline struct store *su_open(const char *path, unsigned flags)
{
	struct store *s = NULL;
	struct merr err = {0};
	if (store_open(path, flags, &s, &err) != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

/* A new file of that name in the test directory; path receives its path. */
static inline struct store *su_fresh(const char *name, char *path, size_t n)
{
	tu_path(path, n, name);
	return su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
}

static inline m_id su_case(struct store *s, const char *code, int birth_year)
{
	struct m_case c = {.code = strdup(code), .birth_year = birth_year};
	struct merr err = {0};
	if (store_case_add(s, &c, &err) != M_OK)
		fail_msg("case %s: %s", code, err.msg);
	m_id id = c.id;
	m_case_clear(&c);
	return id;
}

static inline m_id su_step(struct store *s, m_id case_id, const char *time, const char *title)
{
	struct m_step st = {
	    .case_id = case_id, .time = time ? strdup(time) : NULL, .title = strdup(title)};
	struct merr err = {0};
	if (store_step_add(s, &st, &err) != M_OK)
		fail_msg("step %s: %s", title, err.msg);
	m_id id = st.id;
	m_step_clear(&st);
	return id;
}

static inline m_id su_actor(struct store *s, const char *name)
{
	struct m_actor a = {.name = strdup(name), .sector = SECTOR_MUNICIPALITY};
	struct merr err = {0};
	if (store_actor_add(s, &a, &err) != M_OK)
		fail_msg("actor %s: %s", name, err.msg);
	m_id id = a.id;
	m_actor_clear(&a);
	return id;
}

static inline m_id su_category(struct store *s, const char *code)
{
	struct m_category c = {.code = strdup(code), .name = strdup("Överlämningen brast")};
	struct merr err = {0};
	if (store_category_add(s, &c, &err) != M_OK)
		fail_msg("category %s: %s", code, err.msg);
	m_id id = c.id;
	m_category_clear(&c);
	return id;
}

static inline void su_load(struct store *s, m_id case_id, struct m_journey *j)
{
	struct merr err = {0};
	if (store_journey_load(s, case_id, j, &err) != M_OK)
		fail_msg("journey: %s", err.msg);
}

/* A record's text field set anew (the record owns its strings). */
static inline void su_set(char **field, const char *v)
{
	free(*field);
	*field = v ? strdup(v) : NULL;
}

/* The first column of the first row of sql, read directly from the committed file. */
static inline int64_t su_raw_int(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	int64_t v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	sqlite3_close(h);
	return v;
}

/* The first column of the first row of sql as a new string, NULL when none. */
static inline char *su_raw_text(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	char *v = NULL;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
		v = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(h);
	return v;
}

/* SQL run on the file by another tool, foreign keys on as mellan writes: another laptop. */
static inline void su_raw_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
}

/* A new database at db built from a text fixture of tests/data/ (SQL, run as it is). */
static inline void su_fixture(const char *db, const char *fixture)
{
	const char *top = getenv("MELLAN_TOP");
	char path[512];
	snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", fixture);
	size_t n;
	char *sql = tu_read(path, &n);
	sql = realloc(sql, n + 1);
	assert_non_null(sql);
	sql[n] = '\0';
	unlink(db);
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", fixture, msg);
	sqlite3_close(h);
	free(sql);
}

/* Fails unless the file holds exactly `before` (n bytes). */
static inline void su_same_file(const char *path, const char *before, size_t n)
{
	size_t m;
	char *now = tu_read(path, &m);
	assert_int_equal(m, n);
	assert_memory_equal(now, before, n);
	free(now);
}

#endif
