/* test_coverage.c - the schema-walking coverage test: every table of a new file is a kind of
 * record described in core/records.h, column for column, or is named below as not a record with
 * the reason. A table or a column added to db/schema.c and described nowhere fails here, so it
 * cannot be forgotten by the checks, the copies, export, import, merge and undo that follow from
 * the tables. Every kind travels (export, import, merge) unless it is listed as one that never
 * may, with the reason; a table that is not a record says whether and how it travels. And the
 * tables themselves: each refusal says why, each free text is named, and a copy of
 * any record shares nothing with the original (the sanitizers see a text freed twice). */
#include "storeutil.h"

#include "core/records.h"
#include "core/store_exchange.h"
#include "core/store_propose.h"

#include <limits.h>

/* Tables that hold no records, and why; and how each travels (`list`: the list of an export
 * that carries it, which import and merge read too), or why it never does. */
static const struct {
	const char *table, *why, *list, *stays;
} not_records[] = {
    {"history", "the values every record had: written by the triggers, read by undo and merge",
     "history", NULL},
    {"change", "which history rows one write made: undo's stack", NULL,
     "one laptop's undo, of its own edits"},
    {"editor", "the initials of whoever writes now, for the triggers", NULL,
     "who sits at this laptop now"},
    {"settings", "what the file remembers besides records, one value per key", "settings", NULL},
    {"merge_conflict", "what a merge found changed on both sides, until someone decides", NULL,
     "this laptop's decisions still to make, about a file it merged"},
    {"privacy_kept", "findings kept on purpose, by hash: no history, no undo", "kept", NULL},
    {"search", "the full-text index (FTS5), made again from the records", NULL,
     "made again from the records"},
    {"search_config", "the full-text index's own table", NULL, "the index's own"},
    {"search_content", "the full-text index's own table", NULL, "the index's own"},
    {"search_data", "the full-text index's own table", NULL, "the index's own"},
    {"search_docsize", "the full-text index's own table", NULL, "the index's own"},
    {"search_idx", "the full-text index's own table", NULL, "the index's own"},
};

/* Kinds of record that never travel, and why. None: every kind goes with an export and a
 * merge (the names not to use only when asked). A kind added here needs a reason. */
static const struct {
	const char *table, *why;
} never_travels[] = {
    {"", "(none: a placeholder, as C has no empty list)"},
};

#define N(a) (sizeof a / sizeof *a)

static bool listed_not_record(const char *t)
{
	for (size_t i = 0; i < N(not_records); i++)
		if (strcmp(not_records[i].table, t) == 0)
			return true;
	return false;
}

static sqlite3 *new_file(void)
{
	static int n;
	char name[64], path[512];
	snprintf(name, sizeof name, "coverage-%d.mellan", ++n);
	struct store *s = su_fresh(name, path, sizeof path);
	store_close(&s);
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	return h;
}

/* Every table of a new file is a kind of record, or not a record for a reason given above. */
static void test_schema_coverage_every_table(void **state)
{
	(void)state;
	sqlite3 *h = new_file();
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                                    "AND name NOT LIKE 'sqlite_%' ORDER BY name",
	                                    -1, &q, NULL),
	                 SQLITE_OK);
	char missing[1024] = "";
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		if (!record_kind_of(t) && !listed_not_record(t))
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " %s",
			         t);
	}
	sqlite3_finalize(q);
	sqlite3_close(h);
	if (missing[0])
		fail_msg("tables described by no kind of core/records.h and not listed as not "
		         "records:%s",
		         missing);
}

/* Each kind's table is there, and its fields are its columns, all of them, in their order. */
static void test_schema_coverage_every_column(void **state)
{
	(void)state;
	sqlite3 *h = new_file();
	for (size_t r = 0; r < R_COUNT; r++) {
		const struct record_kind *k = &records[r];
		assert_false(listed_not_record(k->table));
		sqlite3_stmt *q = NULL;
		assert_int_equal(sqlite3_prepare_v2(h,
		                                    "SELECT name FROM pragma_table_info(?1) WHERE "
		                                    "name <> 'id' ORDER BY cid",
		                                    -1, &q, NULL),
		                 SQLITE_OK);
		sqlite3_bind_text(q, 1, k->table, -1, SQLITE_STATIC);
		size_t i = 0;
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(q, 0);
			if (i >= k->n_fields)
				fail_msg("%s.%s: a column described by no field of the kind",
				         k->table, col);
			if (strcmp(k->fields[i].col, col) != 0)
				fail_msg(
				    "%s: the kind's field %zu is %s, the table's column %s (the "
				    "fields are in the columns' order)",
				    k->table, i, k->fields[i].col, col);
			i++;
		}
		sqlite3_finalize(q);
		if (i == 0)
			fail_msg("%s: a kind whose table is not in a new file", k->table);
		if (i < k->n_fields)
			fail_msg("%s.%s: a field with no column", k->table, k->fields[i].col);
	}
	sqlite3_close(h);
}

/* Every kind has the history its undo and merge read. */
static void test_every_kind_has_history(void **state)
{
	(void)state;
	sqlite3 *h = new_file();
	for (size_t r = 0; r < R_COUNT; r++) {
		sqlite3_stmt *q = NULL;
		assert_int_equal(
		    sqlite3_prepare_v2(h,
		                       "SELECT count(*) FROM sqlite_schema WHERE type = "
		                       "'trigger' AND tbl_name = ?1 AND name LIKE "
		                       "'%history%'",
		                       -1, &q, NULL),
		    SQLITE_OK);
		sqlite3_bind_text(q, 1, records[r].table, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		if (sqlite3_column_int(q, 0) != 3)
			fail_msg("%s: no history triggers", records[r].table);
		sqlite3_finalize(q);
	}
	sqlite3_close(h);
}

static bool never(const char *table)
{
	for (size_t i = 0; i < N(never_travels); i++)
		if (strcmp(never_travels[i].table, table) == 0)
			return true;
	return false;
}

/* What travels is said, and a kind that travels can be carried whole: every field but what the
 * store derives, and only references to kinds that travel too. */
static void test_what_travels(void **state)
{
	(void)state;
	for (size_t r = 0; r < R_COUNT; r++) {
		const struct record_kind *k = &records[r];
		if (!k->key) {
			if (!never(k->table))
				fail_msg(
				    "%s: does not travel (an export, an import and a merge leave "
				    "it behind); give it an export key, or list it as never "
				    "travelling with the reason",
				    k->table);
			continue;
		}
		if (never(k->table))
			fail_msg("%s: travels; take it off the list of those that never do",
			         k->table);
		for (size_t i = 0; i < k->n_fields; i++) {
			const struct record_field *f = &k->fields[i];
			if (!f->key && !(f->flags & RF_DERIVED))
				fail_msg("%s.%s: left behind by an export", k->table, f->col);
			if (f->type == RT_REF && !f->ref->key)
				fail_msg("%s.%s: refers to %s, which does not travel", k->table,
				         f->col, f->ref->table);
		}
	}
}

/* A table that is not a record says how it travels, or why it stays: and one that travels is
 * in an export of a file that has a row of it. */
static void test_what_is_not_a_record_travels_or_says_why(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(not_records); i++)
		if (!not_records[i].list == !not_records[i].stays)
			fail_msg("%s: says neither how it travels nor why it stays (or both)",
			         not_records[i].table);
	char path[512];
	struct store *s = su_fresh("coverage-export.mellan", path, sizeof path);
	struct merr err = {0};
	assert_int_equal(store_proposal_lengths_set(s, 21, 30, &err), M_OK);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(store_export_json(s, NULL, 0, f, &err), M_OK);
	fclose(f);
	for (size_t i = 0; i < N(not_records); i++) {
		char key[64];
		snprintf(key, sizeof key, "\n  \"%s\": [",
		         not_records[i].list ? not_records[i].list : "");
		if (not_records[i].list && !strstr(text, key))
			fail_msg("%s: said to travel in \"%s\", which an export does not have",
			         not_records[i].table, not_records[i].list);
	}
	for (size_t r = 0; r < R_COUNT; r++) {
		char key[64];
		snprintf(key, sizeof key, "\n  \"%s\": [", records[r].key ? records[r].key : "");
		if (records[r].key && !records[r].on_request && !strstr(text, key))
			fail_msg("%s: has the export key %s, and an export has no such list",
			         records[r].table, records[r].key);
	}
	assert_non_null(strstr(text, "\"proposal-silence-days\""));
	free(text);
	store_close(&s);
}

/* The tables are complete where the code relies on them: a refusal has a sentence, a free text
 * a name, a reference points to a kind described before it (records[] is the order a file is
 * written in), and a kind that is edited has the sentences of a conflict. */
static void test_tables_are_whole(void **state)
{
	(void)state;
	for (size_t r = 0; r < R_COUNT; r++) {
		const struct record_kind *k = &records[r];
		assert_true(k->n_fields <= RECORD_FIELDS_MAX);
		assert_string_equal(k->fields[0].col, "uuid");
		for (size_t i = 0; i < k->n_fields; i++) {
			const struct record_field *f = &k->fields[i];
			bool refusable =
			    (f->flags & RF_REQUIRED) || f->type == RT_ENUM || f->type == RT_CODES ||
			    (f->type == RT_INT && (f->lo > INT_MIN || f->hi < INT_MAX));
			if (record_held(f) && f->type != RT_UUID && refusable && !f->bad)
				fail_msg("%s.%s: can be refused, with no sentence saying why",
				         k->table, f->col);
			if ((f->flags & RF_FREE) && !f->label)
				fail_msg("%s.%s: a free text with no name for the findings",
				         k->table, f->col);
			if (f->type == RT_REF && f->ref >= k)
				fail_msg("%s.%s: refers to a kind described after it", k->table,
				         f->col);
		}
		if (k->size && record_field(k, "updated") &&
		    record_held(record_field(k, "updated")))
			assert_true(k->changed && k->gone);
	}
}

/* ---- copies ----------------------------------------------------------------------------------- */

/* A record of kind k with every text set and two records in each of its lists. */
static void fill(const struct record_kind *k, void *rec, int depth)
{
	memset(rec, 0, k->size);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!record_held(f))
			continue;
		if (f->type == RT_TEXT || f->type == RT_TIME || f->type == RT_CODES)
			*record_text(rec, f) = strdup(f->col);
		else if (f->type == RT_REF || f->type == RT_INT)
			record_set_num(rec, f, (int64_t)i + 1);
	}
	for (size_t c = 0; c < k->n_children && depth < 3; c++) {
		const struct record_child *ch = &k->children[c];
		char *items = calloc(2, ch->kind->size);
		for (size_t i = 0; i < 2; i++)
			fill(ch->kind, items + i * ch->kind->size, depth + 1);
		memcpy((char *)rec + ch->items, &items, sizeof items);
		*(size_t *)((char *)rec + ch->count) = 2;
	}
}

/* The copy holds what the original held, in memory of its own. */
static void same_apart(const struct record_kind *k, const void *a, const void *b)
{
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!record_held(f) ||
		    !(f->type == RT_TEXT || f->type == RT_TIME || f->type == RT_CODES))
			continue;
		assert_string_equal(record_text_of(a, f), record_text_of(b, f));
		assert_ptr_not_equal(record_text_of(a, f), record_text_of(b, f));
	}
	for (size_t c = 0; c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		assert_int_equal(record_count(a, ch), record_count(b, ch));
		assert_ptr_not_equal(record_items(a, ch), record_items(b, ch));
		for (size_t i = 0; i < record_count(a, ch); i++)
			same_apart(ch->kind, (char *)record_items(a, ch) + i * ch->kind->size,
			           (char *)record_items(b, ch) + i * ch->kind->size);
	}
}

static void test_copy_shares_nothing(void **state)
{
	(void)state;
	for (size_t r = 0; r < R_COUNT; r++) {
		const struct record_kind *k = &records[r];
		if (!k->size)
			continue;
		void *a = malloc(k->size), *b = malloc(k->size);
		fill(k, a, 0);
		record_copy(k, b, a);
		same_apart(k, a, b);
		record_clear(k, a); /* ASan: a text the copy shared would be freed twice below */
		record_clear(k, b);
		for (size_t i = 0; i < k->size; i++)
			assert_int_equal(((unsigned char *)b)[i], 0);
		free(a);
		free(b);
	}
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_schema_coverage_every_table),
	    cmocka_unit_test(test_schema_coverage_every_column),
	    cmocka_unit_test(test_every_kind_has_history),
	    cmocka_unit_test(test_what_travels),
	    cmocka_unit_test(test_what_is_not_a_record_travels_or_says_why),
	    cmocka_unit_test(test_tables_are_whole),
	    cmocka_unit_test(test_copy_shares_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
