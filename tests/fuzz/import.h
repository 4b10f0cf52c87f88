/* import.h - what the JSON and the CSV import targets share: their files, and the promises of
 * `mellan import` checked on a copy of a new database (with the default catalogue). A refusal
 * says why and changes nothing; what is taken leaves the file intact, a second import of the
 * same input adds nothing (twice is once), and the records survive an export and an import into
 * another file unchanged. */
#ifndef MELLAN_FUZZ_IMPORT_H
#define MELLAN_FUZZ_IMPORT_H

#include "fuzz.h"

static char empty[300], here[300], scratch[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_init_db(fz_path(empty, "empty.db"), 0);
	fz_path(here, "here.db");
	fz_path(scratch, "scratch.db");
	return 0;
}

/* One import of the target's input into s. */
typedef enum mstatus (*fz_import_fn)(struct store *s, const void *input,
                                     struct store_exchange_report *rep, struct merr *err);

static inline void fz_import_check(fz_import_fn import, const void *input)
{
	struct store *s = fz_fresh(empty, here);
	size_t n0;
	char *before = fz_export(s, &n0);
	struct store_exchange_report rep = {0};
	struct merr err = {0};
	if (import(s, input, &rep, &err) != M_OK) {
		size_t n1;
		char *after = fz_export(s, &n1);
		FZ_CHECK(strstr(err.msg, "input") != NULL, "the refusal names no file: %s",
		         err.msg);
		FZ_CHECK(n0 == n1 && memcmp(before, after, n0) == 0,
		         "a refused import changed the file: %s", err.msg);
		free(after);
	} else {
		fz_integrity(s, "after the import");
		struct store_exchange_report again = {0};
		FZ_CHECK(import(s, input, &again, &err) == M_OK, "the second import is refused: %s",
		         err.msg);
		FZ_CHECK(again.added == 0 && again.kept == 0,
		         "the second import added %ld and kept %ld as different", again.added,
		         again.kept);
		fz_round_trip(s, empty, scratch);
	}
	free(before);
	store_close(&s);
}

#endif
