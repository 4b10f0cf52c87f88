/* open.c - fuzz target: opening a database file that may be damaged anywhere (the seeds are
 * small mellan files; the fuzzer flips their bytes), read-only as list and export do, then for
 * editing as the TUI does. A refusal must leave the file byte for byte as it was with nothing
 * made beside it; a file that opens must take every command that reads it, whatever its records
 * hold, and a read-only open must not change it. */
#include "fuzz.h"

#include "core/report.h"
#include "core/store_exchange.h"
#include "core/store_read.h"

static char db[300], wal[310], shm[310];
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_path(db, "open.db");
	snprintf(wal, sizeof wal, "%s-wal", db);
	snprintf(shm, sizeof shm, "%s-shm", db);
	devnull = fopen("/dev/null", "w");
	FZ_CHECK(devnull != NULL, "/dev/null");
	return 0;
}

/* Everything the commands read; errors are fine, crashes and leaks are not. */
static void read_all(struct store *s)
{
	struct merr err = {0};
	struct m_case_list cases = {0};
	if (store_case_list(s, &cases, &err) == M_OK) {
		for (size_t i = 0; i < cases.n; i++) {
			struct m_journey j = {0};
			store_journey_load(s, cases.items[i].id, &j, &err);
			m_journey_clear(&j);
		}
	}
	m_case_list_clear(&cases);
	store_export_json(s, NULL, 0, devnull, &err);
	cmd_list(s, devnull, &err);
	cmd_check(s, devnull, &err);
	struct report_options o = {.format = REPORT_TEXT};
	cmd_report(s, &o, devnull, &err);
	o.format = REPORT_JSON;
	o.public = true;
	cmd_report(s, &o, devnull, &err);
	store_check_integrity(s, &err);
}

static void try_open(const uint8_t *data, size_t size, unsigned flags)
{
	struct store *s = NULL;
	struct merr err = {0};
	if (store_open(db, flags, &s, &err) != M_OK) {
		size_t n;
		char *now = fz_read(db, &n);
		FZ_CHECK(now && n == size && memcmp(now, data, n) == 0,
		         "a refused open changed the file: %s", err.msg);
		FZ_CHECK(!fz_exists(wal) && !fz_exists(shm),
		         "a refused open left a -wal or -shm: %s", err.msg);
		FZ_CHECK(err.msg[0] != '\0', "refused without a message");
		free(now);
		return;
	}
	read_all(s);
	store_close(&s);
	if (flags & STORE_READONLY) {
		size_t n;
		char *now = fz_read(db, &n);
		FZ_CHECK(now && n == size && memcmp(now, data, n) == 0,
		         "a read-only open changed the file");
		free(now);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_remove_db(db);
	fz_write(db, data, size);
	try_open(data, size, STORE_READONLY);
	fz_remove_db(db);
	fz_write(db, data, size);
	try_open(data, size, 0);
	fz_remove_db(db);
	return 0;
}
