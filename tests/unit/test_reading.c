/* test_reading.c - the truth about a file: one whose committed changes wait in its -wal while the
 * main file is half-way through a checkpoint (as kill -9 leaves it) is opened and read whole; a
 * damaged one is reported when what is damaged is read; and which files belong
 * to a database, by any name. */
#include "testutil.h"

#include "core/store_read.h"

#include "storeutil.h"

#include <fcntl.h>

static void copy_file(const char *from, const char *to)
{
	size_t n;
	char *data = tu_read(from, &n);
	tu_write(to, data, n);
	free(data);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* What a checkpoint killed after its first `pages` writes leaves: the newest version of each page
 * in the -wal is written into the main file in page order, as SQLite's checkpoint does, up to
 * `pages` of them. Returns the number of pages the -wal holds. */
static size_t checkpoint_cut_short(const char *db, const char *wal, size_t pages)
{
	size_t n;
	unsigned char *w = (unsigned char *)tu_read(wal, &n);
	assert_true(n > 32);
	size_t size = be32(w + 8), frames = (n - 32) / (24 + size);
	uint32_t top = 0;
	for (size_t i = 0; i < frames; i++)
		if (be32(w + 32 + i * (24 + size)) > top)
			top = be32(w + 32 + i * (24 + size));
	size_t *newest = calloc(top + 1, sizeof *newest); /* frame index + 1, 0 for none */
	assert_non_null(newest);
	for (size_t i = 0; i < frames; i++)
		newest[be32(w + 32 + i * (24 + size))] = i + 1;
	int fd = open(db, O_WRONLY);
	assert_true(fd >= 0);
	size_t held = 0, done = 0;
	for (uint32_t p = 1; p <= top; p++) {
		if (!newest[p])
			continue;
		held++;
		if (done == pages)
			continue;
		const unsigned char *page = w + 32 + (newest[p] - 1) * (24 + size) + 24;
		assert_int_equal(pwrite(fd, page, size, (off_t)(p - 1) * (off_t)size),
		                 (ssize_t)size);
		done++;
	}
	close(fd);
	free(newest);
	free(w);
	return held;
}

/* A new file whose schema and records are all in the -wal: another connection holds the file
 * open, so no checkpoint runs when the store closes. */
static void file_in_wal(const char *path, sqlite3 **holder)
{
	assert_int_equal(sqlite3_open(path, holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(*holder,
	                              "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
	                              "SELECT count(*) FROM sqlite_schema",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	struct store *s = su_open(path, 0);
	struct merr err = {0};
	assert_int_equal(store_begin(s, &err), M_OK);
	for (int c = 0; c < 5; c++) {
		char code[16];
		snprintf(code, sizeof code, "Fall %d", c);
		m_id id = su_case(s, code, 2001);
		for (int i = 0; i < 60; i++)
			su_step(s, id, "2014", "Flyttar till en ny skola i en annan del av staden");
	}
	assert_int_equal(store_commit(s, &err), M_OK);
	store_close(&s);
}

static void test_reads_through_the_wal_after_a_cut_checkpoint(void **state)
{
	(void)state;
	char path[512], copy[512], wal[600], copy_wal[600];
	tu_path(path, sizeof path, "cut.db");
	snprintf(wal, sizeof wal, "%s-wal", path);
	tu_path(copy, sizeof copy, "cut-copy.db");
	snprintf(copy_wal, sizeof copy_wal, "%s-wal", copy);
	sqlite3 *holder = NULL;
	file_in_wal(path, &holder);
	/* The pair as the crash leaves it: the files copied while still open, then the checkpoint
	 * cut short after its first few pages. */
	copy_file(path, copy);
	copy_file(wal, copy_wal);
	sqlite3_close(holder);
	assert_true(checkpoint_cut_short(copy, copy_wal, 3) > 3);
	/* The main file alone is no whole database: what an immutable reading sees. */
	char uri[600];
	snprintf(uri, sizeof uri, "file:%s?immutable=1", copy);
	sqlite3 *alone = NULL;
	assert_int_equal(sqlite3_open_v2(uri, &alone, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
	                 SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(alone, "SELECT count(*) FROM step", NULL, NULL, NULL),
	                     SQLITE_OK);
	sqlite3_close(alone);

	for (int pass = 0; pass < 2; pass++) {
		struct store *s = NULL;
		struct merr err = {0};
		/* first as check and list read it, then as the TUI opens it */
		if (store_open(copy, pass == 0 ? STORE_READONLY : 0, &s, &err) != M_OK)
			fail_msg("%s", err.msg);
		struct m_case_list l = {0};
		assert_int_equal(store_case_list(s, &l, &err), M_OK);
		assert_int_equal(l.n, 5);
		assert_int_equal(store_check_integrity(s, &err), M_OK);
		m_case_list_clear(&l);
		store_close(&s);
	}
	assert_int_equal(su_raw_int(copy, "SELECT count(*) FROM step"), 300);
}

/* A page of a table or index overwritten with bytes that are no b-tree. */
static void spoil(const char *path, const char *name)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT pageno FROM dbstat WHERE name = '%s' LIMIT 1", name);
	int64_t page = su_raw_int(path, sql);
	assert_true(page > 1);
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	char junk[4096];
	memset(junk, 0x5a, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, (off_t)(page - 1) * 4096), 4096);
	close(fd);
}

/* Opening reads the header and the schema, not every page: a file damaged further in opens, and
 * the damage is reported, with what to do, when what is damaged is read; the integrity check
 * (check, backup, merge) finds it wherever it is. A damaged schema is refused at once. */
static void test_damaged_found_when_read(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("damaged.db", path, sizeof path);
	m_id c = su_case(s, "Sam", 2002);
	su_step(s, c, "2014", "Flyttar");
	store_close(&s);
	spoil(path, "sqlite_autoindex_step_1");
	size_t n;
	char *before = tu_read(path, &n);
	struct merr err = {0};
	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), M_OK);
	assert_int_equal(store_check_integrity(s, &err), M_DATA);
	assert_int_equal(err.reason, MR_NOT_DB);
	assert_non_null(strstr(err.msg, "mellan backup"));
	assert_null(strstr(err.msg, "restore"));
	store_close(&s);
	su_same_file(path, before, n);
	free(before);

	spoil(path, "kase");
	before = tu_read(path, &n);
	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), M_OK);
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_DATA);
	assert_int_equal(err.reason, MR_NOT_DB);
	assert_non_null(strstr(err.msg, "mellan backup"));
	store_close(&s);
	su_same_file(path, before, n);
	free(before);

	/* The schema's own page: refused, unless check or backup asks for the file as it is. */
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	char junk[512];
	memset(junk, 0x5a, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 100), (ssize_t)sizeof junk);
	close(fd);
	assert_int_equal(store_open(path, STORE_READONLY, &s, &err), M_DATA);
	assert_int_equal(err.reason, MR_NOT_DB);
	assert_non_null(strstr(err.msg, "mellan backup"));
	assert_int_equal(store_open(path, STORE_READONLY | STORE_DAMAGED_OK, &s, &err), M_OK);
	store_close(&s);
}

static void test_owns_its_files_by_any_name(void **state)
{
	(void)state;
	char path[512], p[600];
	struct store *s = su_fresh("own.db", path, sizeof path);
	const char *dir = tu_tmpdir();
	assert_true(store_owns_file(s, path));
	snprintf(p, sizeof p, "%s/./own.db", dir);
	assert_true(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/sub", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/sub/../own.db-journal", dir); /* does not exist */
	assert_true(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/own.db-wal", dir);
	assert_true(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/hard.db", dir);
	assert_int_equal(link(path, p), 0);
	assert_true(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/soft.db", dir);
	assert_int_equal(symlink(path, p), 0);
	assert_true(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/own.db.json", dir);
	assert_false(store_owns_file(s, p));
	snprintf(p, sizeof p, "%s/sub/own.db", dir);
	assert_false(store_owns_file(s, p));
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reads_through_the_wal_after_a_cut_checkpoint),
	    cmocka_unit_test(test_damaged_found_when_read),
	    cmocka_unit_test(test_owns_its_files_by_any_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
