/* test_schema.c - one schema, however a file came to it. A new file; a file the first mellan with
 * a schema made (version 1) and one mellan began to make and never finished (version 0), both
 * opened by this program; and a file made at version 4 before the schema was one document
 * (db/schema.c): all have the same schema, to the letter of every statement SQLite keeps (merge
 * refuses a file whose statements differ by a space), with the same columns, indexes and foreign
 * keys, and this program's version. The old files are fixtures of tests/data/, dumps of what
 * those programs made. */
#include "storeutil.h"

/* Every row of sql (with ?1 bound to arg when given), one line each, columns between '|'. */
static void rows(sqlite3 *h, FILE *out, const char *sql, const char *arg)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(q); c++) {
			const unsigned char *v = sqlite3_column_text(q, c);
			fprintf(out, "%s%s", c ? "|" : "", v ? (const char *)v : "NULL");
		}
		fputc('\n', out);
	}
	sqlite3_finalize(q);
}

/* The schema of the file at path as text: what SQLite keeps of every object, then each table's
 * columns, indexes (with their columns) and foreign keys, then the version and application id. */
static char *schema_of(const char *path)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *text = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&text, &n);
	assert_non_null(out);
	rows(h, out, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
	     NULL);
	sqlite3_stmt *t = NULL;
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                                    "ORDER BY name",
	                                    -1, &t, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(t, 0);
		fprintf(out, "table %s\n", table);
		rows(h, out, "SELECT * FROM pragma_table_xinfo(?1) ORDER BY cid", table);
		rows(h, out,
		     "SELECT l.name, l.\"unique\", l.origin, l.partial, i.seqno, i.cid, i.name, "
		     "i.\"desc\", i.coll, i.key FROM pragma_index_list(?1) l, "
		     "pragma_index_xinfo(l.name) i ORDER BY l.name, i.seqno",
		     table);
		rows(h, out, "SELECT * FROM pragma_foreign_key_list(?1) ORDER BY id, seq", table);
	}
	sqlite3_finalize(t);
	rows(h, out, "PRAGMA user_version", NULL);
	rows(h, out, "PRAGMA application_id", NULL);
	sqlite3_close(h);
	fclose(out);
	return text;
}

/* Fails at the first line where the two schemas differ, naming it. */
static void same_schema(const char *what, const char *a, const char *b)
{
	size_t line = 1;
	const char *pa = a, *pb = b;
	while (*pa && *pa == *pb) {
		line += *pa == '\n';
		pa++;
		pb++;
	}
	if (*pa || *pb) {
		const char *la = pa, *lb = pb;
		while (la > a && la[-1] != '\n')
			la--;
		while (lb > b && lb[-1] != '\n')
			lb--;
		fail_msg("%s: the schema differs from a new file's at line %zu:\n  new: %.*s\n  "
		         "old: %.*s",
		         what, line, (int)strcspn(la, "\n"), la, (int)strcspn(lb, "\n"), lb);
	}
}

static char *new_schema(const char *name)
{
	char path[512];
	struct store *s = su_fresh(name, path, sizeof path);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	store_close(&s);
	return schema_of(path);
}

/* The fixture, opened (and so brought up to date) by this program. */
static char *opened_schema(const char *fixture, int version)
{
	char path[512];
	tu_path(path, sizeof path, fixture);
	su_fixture(path, fixture);
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), version);
	sqlite3_finalize(q);
	sqlite3_close(h);
	struct store *s = su_open(path, 0);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	store_close(&s);
	return schema_of(path);
}

/* A new file and the fixture opened by this program have the same schema. */
static void same_as_new(const char *fixture, int version)
{
	char name[64];
	snprintf(name, sizeof name, "new-%d.mellan", version);
	char *fresh = new_schema(name), *old = opened_schema(fixture, version);
	same_schema(fixture, fresh, old);
	free(fresh);
	free(old);
}

static void test_version_1_brought_up(void **state)
{
	(void)state;
	same_as_new("schema_v1.sql", 1);
}

static void test_version_0_made_whole(void **state)
{
	(void)state;
	same_as_new("half_init.sql", 0);
}

/* The last version before the document: what mellan made then, a new file must be now. */
static void test_version_4_as_it_was_made(void **state)
{
	(void)state;
	same_as_new("schema_v4.sql", 4);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_version_1_brought_up),
	    cmocka_unit_test(test_version_0_made_whole),
	    cmocka_unit_test(test_version_4_as_it_was_made),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
