/* merge.c - fuzz target: `mellan merge OTHER` from a hostile file. An input that starts like a
 * SQLite file is OTHER itself, bytes and all; any other input is SQL run straight on a copy of a
 * laptop's file that shares its history with this one (no mellan between: broken references,
 * wrong types, strange text, extra schema), so the merge meets an intact file that lies.
 * Promises checked: OTHER is never written; a refused merge changes nothing here; a merge that
 * runs leaves this file intact, and merging the same file again changes nothing. */
#include "fuzz.h"

#include "core/import_rows.h"
#include "core/store_edit.h"
#include "core/store_exchange.h"
#include "core/store_read.h"

#include <sqlite3.h>
#include <strings.h>

static char ours[300], theirs[300], here[300], other[300], other_wal[310], other_shm[310];

static const char chronology[] =
    "case,date,actor,what happened,what was done,note\n"
    "Kim,2015-HT,Skola,Frånvaron ökar,Samtal med mentor,\n"
    "Kim,2016-03,SocBU,Orosanmälan,Utredning inleds,\n"
    "Kim,17 år,BUP,Väntar på bedömning,Kö i åtta månader,ingen fick veta\n";

static void import_csv_text(struct store *s, const char *text)
{
	struct store_exchange_report rep = {0};
	struct merr err = {0};
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	FZ_CHECK(f != NULL, "cannot read the chronology");
	FZ_CHECK(csv_import(s, "seed.csv", f, &rep, NULL, NULL, &err) == M_OK, "%s", err.msg);
	fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_init_db(fz_path(ours, "ours.db"), 0);
	struct store *s = fz_open(ours);
	import_csv_text(s, chronology);
	store_close(&s);
	/* The other laptop took a copy, then went on: one step changed, one added. */
	struct store *t = fz_fresh(ours, fz_path(theirs, "theirs.db"));
	import_csv_text(t, "case,date,actor,what happened\nKim,2017,Polisen,Gripen\n");
	struct m_case c = {0};
	struct m_journey j = {0};
	struct merr err = {0};
	FZ_CHECK(store_case_find(t, "Kim", &c, &err) == M_OK, "%s", err.msg);
	FZ_CHECK(store_journey_load(t, c.id, &j, &err) == M_OK, "%s", err.msg);
	free(j.steps[0].title);
	j.steps[0].title = strdup("Frånvaron ökar kraftigt");
	FZ_CHECK(store_step_update(t, &j.steps[0], &err) == M_OK, "%s", err.msg);
	m_journey_clear(&j);
	m_case_clear(&c);
	store_close(&t);
	fz_path(here, "here.db");
	fz_path(other, "other.db");
	snprintf(other_wal, sizeof other_wal, "%s-wal", other);
	snprintf(other_shm, sizeof other_shm, "%s-shm", other);
	return 0;
}

static int stop_long_sql(void *arg)
{
	return ++*(int *)arg > 2000;
}

/* The SQL of the input on a copy of theirs, with nothing that reaches outside the file (no
 * ATTACH, no VACUUM INTO) and no statement that runs for long. */
static void lie(const char *sql)
{
	for (const char *p = sql; *p; p++)
		if (strncasecmp(p, "vacuum", 6) == 0 || strncasecmp(p, "attach", 6) == 0)
			return;
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(other, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		int ticks = 0;
		sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
		sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
		sqlite3_progress_handler(db, 1000, stop_long_sql, &ticks);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	sqlite3_close(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_remove_db(other);
	if (size >= 16 && memcmp(data, "SQLite format 3", 16) == 0) {
		fz_write(other, data, size);
	} else {
		char *sql = malloc(size + 1);
		FZ_CHECK(sql != NULL, "out of memory");
		memcpy(sql, data, size);
		sql[size] = '\0';
		fz_copy(theirs, other);
		lie(sql);
		free(sql);
		if (fz_exists(other_wal)) /* a journal mode the SQL chose; not our concern */
			return 0;
	}
	size_t n_other;
	char *other_bytes = fz_read(other, &n_other);
	FZ_CHECK(other_bytes != NULL, "no other file");

	struct store *s = fz_fresh(ours, here);
	size_t n0;
	char *before = fz_export(s, &n0);
	struct m_merge_report rep = {0};
	struct merr err = {0};
	enum mstatus st = store_merge(s, other, &rep, NULL, NULL, &err);
	if (st == M_OK || st == M_FINDINGS) {
		fz_integrity(s, "after the merge");
		m_merge_report_clear(&rep);
		st = store_merge(s, other, &rep, NULL, NULL, &err);
		FZ_CHECK(st == M_OK || st == M_FINDINGS, "the second merge fails: %s", err.msg);
		FZ_CHECK(rep.added == 0 && rep.updated == 0 && rep.deleted == 0,
		         "the second merge added %ld, updated %ld, deleted %ld", rep.added,
		         rep.updated, rep.deleted);
		for (size_t i = 0; i < rep.n_conflicts; i++)
			FZ_CHECK(!rep.conflicts[i].new_now,
			         "the second merge found a new conflict");
		m_merge_report_clear(&rep);
	} else {
		size_t n1;
		char *after = fz_export(s, &n1);
		FZ_CHECK(err.msg[0] != '\0', "refused without a message");
		FZ_CHECK(n0 == n1 && memcmp(before, after, n0) == 0,
		         "a refused merge changed this file: %s", err.msg);
		free(after);
	}
	size_t n;
	char *now = fz_read(other, &n);
	FZ_CHECK(now && n == n_other && memcmp(now, other_bytes, n) == 0, "OTHER was written");
	FZ_CHECK(!fz_exists(other_wal) && !fz_exists(other_shm), "the merge left a -wal or -shm");
	free(now);
	free(other_bytes);
	free(before);
	store_close(&s);
	return 0;
}
