/* test_exchange.c - export and import through the store: the round trip gives the same bytes,
 * Swedish text survives, importing twice adds nothing, and every refusal names its place and
 * leaves the database as it was. Real files in a temporary directory; SQLite is used directly
 * only to look at what the store wrote. The chronology import is test_import.c's. */
#include "testutil.h"

#include "core/commands.h"
#include "core/seed.h"
#include "core/store_edit.h"
#include "core/store_exchange.h"
#include "core/store_read.h"

#include "storeutil.h"

/* The export of a whole file into memory. */
static char *export_all(struct store *s, size_t *n)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, n);
	assert_non_null(f);
	struct merr err = {0};
	if (store_export_json(s, NULL, 0, f, &err) != M_OK)
		fail_msg("export: %s", err.msg);
	fclose(f);
	return buf;
}

static struct store *demo_db(const char *name)
{
	char path[512];
	tu_path(path, sizeof path, name);
	unlink(path);
	struct store *s = su_open(path, STORE_CREATE);
	struct merr err = {0};
	if (catalogue_load_defaults(s, &err) != M_OK || demo_load(s, &err) != M_OK)
		fail_msg("demo: %s", err.msg);
	return s;
}

static void import_ok(struct store *s, const char *text, struct store_exchange_report *r)
{
	struct merr err = {0};
	if (store_import_json(s, "in.json", text, strlen(text), r, NULL, NULL, &err) != M_OK)
		fail_msg("import: %s", err.msg);
}

static void test_round_trip_same_bytes(void **state)
{
	(void)state;
	struct store *a = demo_db("rt-a.db");
	size_t n1, n2;
	char *one = export_all(a, &n1);
	char path[512];
	struct store *b = su_open(tu_path(path, sizeof path, "rt-b.db"), STORE_CREATE);
	struct store_exchange_report r;
	import_ok(b, one, &r);
	assert_true(r.added > 100);
	assert_int_equal(r.same, 0);
	assert_true(r.history >= r.added);
	char *two = export_all(b, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(one, two, n1);
	/* Twice is once. */
	import_ok(b, one, &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.history, 0);
	assert_true(r.same > 100);
	free(two);
	two = export_all(b, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(one, two, n1);
	free(one);
	free(two);
	store_close(&a);
	store_close(&b);
}

static void test_swedish_text_survives(void **state)
{
	(void)state;
	char path[512];
	struct store *a = su_open(tu_path(path, sizeof path, "sv-a.db"), STORE_CREATE);
	struct merr err = {0};
	struct m_case c = {.code = strdup("Åsa Öberg-Ängel"),
	                   .summary = strdup("\"citat\"\n\tny rad \\")};
	assert_int_equal(store_case_add(a, &c, &err), M_OK);
	struct m_step st = {
	    .case_id = c.id, .title = strdup("Flyttar till Rosengård"), .time = strdup("ht 2015")};
	assert_int_equal(store_step_add(a, &st, &err), M_OK);
	size_t n;
	char *json = export_all(a, &n);
	assert_non_null(strstr(json, "Åsa Öberg-Ängel"));
	assert_non_null(strstr(json, "\"time\":\"2015-HT\""));
	struct store *b = su_open(tu_path(path, sizeof path, "sv-b.db"), STORE_CREATE);
	struct store_exchange_report r;
	import_ok(b, json, &r);
	struct m_case back = {0};
	assert_int_equal(store_case_find(b, "Åsa Öberg-Ängel", &back, &err), M_OK);
	assert_string_equal(back.summary, "\"citat\"\n\tny rad \\");
	assert_string_equal(back.uuid, c.uuid);
	/* Searchable at once; and the import is no change undo would take back. */
	struct m_hit_list hits = {0};
	assert_int_equal(store_search(b, "Rosengård", &hits, &err), M_OK);
	assert_int_equal(hits.n, 1);
	m_hit_list_clear(&hits);
	char what[256];
	assert_int_not_equal(store_undo(b, what, sizeof what, &err), M_OK);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	struct m_journey j = {0};
	assert_int_equal(store_journey_load(b, back.id, &j, &err), M_OK);
	assert_int_equal(j.n_steps, 1);
	assert_string_equal(j.steps[0].sort_from, "2015-08-01"); /* derived again here */
	m_journey_clear(&j);
	m_case_clear(&back);
	m_case_clear(&c);
	m_step_clear(&st);
	free(json);
	store_close(&a);
	store_close(&b);
}

/* Every kind of fault is refused whole, naming where, and nothing is written. */
static void test_refusals_change_nothing(void **state)
{
	(void)state;
	struct store *a = demo_db("bad-a.db");
	size_t n;
	char *json = export_all(a, &n);
	store_close(&a);
	char path[512];
	tu_path(path, sizeof path, "bad-b.db");
	struct store *b = su_open(path, STORE_CREATE);
	struct {
		const char *from, *to, *expect;
	} cases[] = {
	    {"\"severity\":", "\"severity\":\"high\",\"x\":", "severity"},
	    {"\"sector\":\"", "\"sector\":\"planet", "sector"},
	    {"\"status\":\"", "\"status\":\"lost", "status"},
	    {"\"version\": 2", "\"version\": 3", "newer mellan"},
	    {"\"kept\": [", "\"kept\": [{\"uuid\":1}", "kept[0]"},
	    {"\"settings\": [", "\"settings\": [{\"key\":\"follow\",\"value\":\"1 2\"}",
	     "settings[0]"},
	    {"\"uuid\":\"", "\"uuid\":\"x", "uuid"},
	    {"\"title\":\"", "\"title\":\"  \",\"t\":\"", "title"},
	    {"\"colour\":", "\"colour\":1,\"color\":", "color"},
	    {"\"cases\": [", "\"cases\": {", "line"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *p = strstr(json, cases[i].from);
		assert_non_null(p);
		size_t head = (size_t)(p - json), fl = strlen(cases[i].from),
		       tl = strlen(cases[i].to);
		char *bad = malloc(n + tl + 1);
		memcpy(bad, json, head);
		memcpy(bad + head, cases[i].to, tl);
		strcpy(bad + head + tl, p + fl);
		struct store_exchange_report r;
		struct merr err = {0};
		enum mstatus st =
		    store_import_json(b, "bad.json", bad, strlen(bad), &r, NULL, NULL, &err);
		if (st != M_DATA || !strstr(err.msg, cases[i].expect) ||
		    !strstr(err.msg, "bad.json"))
			fail_msg("case %zu: status %d, message %s", i, st, err.msg);
		free(bad);
	}
	store_close(&b);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM kase"), 0);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM actor"), 0);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM history"), 0);
	free(json);
}

static void test_export_chosen_cases(void **state)
{
	(void)state;
	struct store *a = demo_db("choose.db");
	struct m_case_list l = {0};
	struct merr err = {0};
	assert_int_equal(store_case_list(a, &l, &err), M_OK);
	assert_true(l.n >= 2);
	const char *codes[] = {l.items[0].code};
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_int_equal(store_export_json(a, codes, 1, f, &err), M_OK);
	fclose(f);
	assert_non_null(strstr(buf, l.items[0].code));
	assert_null(strstr(buf, l.items[1].code));
	free(buf);
	const char *none[] = {"Ingen sådan"};
	f = open_memstream(&buf, &n);
	assert_int_equal(store_export_json(a, none, 1, f, &err), M_DATA);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	fclose(f);
	free(buf);
	m_case_list_clear(&l);
	store_close(&a);
}

/* The statements a bulk import keeps prepared belong to its store: closing the store in the middle
 * of one (a crash path: no store_bulk_end) leaves nothing behind that another store would find
 * and use after the first is gone. */
static void test_bulk_statements_are_the_stores(void **state)
{
	(void)state;
	char a_path[512], b_path[512];
	struct store *a = su_fresh("bulk_a.db", a_path, sizeof a_path);
	struct store *b = su_fresh("bulk_b.db", b_path, sizeof b_path);
	struct merr err = {0};
	m_id id = 0;
	int seq = 0;
	bool made = false;
	assert_int_equal(store_begin(a, &err), M_OK);
	assert_int_equal(store_bulk_case(a, "Amir", &id, &seq, &made, &err), M_OK);
	assert_true(made);
	store_rollback(a);
	store_close(&a);
	/* b's own import, from start to end, after a closed with its statements still prepared. */
	assert_int_equal(store_begin(b, &err), M_OK);
	assert_int_equal(store_bulk_case(b, "Noor", &id, &seq, &made, &err), M_OK);
	assert_int_equal(store_commit(b, &err), M_OK);
	store_bulk_end(b);
	assert_int_equal(su_raw_int(b_path, "SELECT count(*) FROM kase WHERE code = 'Noor'"), 1);
	store_close(&b);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip_same_bytes),
	    cmocka_unit_test(test_swedish_text_survives),
	    cmocka_unit_test(test_refusals_change_nothing),
	    cmocka_unit_test(test_export_chosen_cases),
	    cmocka_unit_test(test_bulk_statements_are_the_stores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
