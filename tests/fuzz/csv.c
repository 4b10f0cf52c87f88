/* csv.c - fuzz target: `mellan import` of a CSV chronology (mellan(5)): read, then written with
 * the promises of import.h. */
#include "import.h"

#include "core/import_csv.h"

static enum mstatus import_rows(struct store *s, const void *rows,
                                struct store_exchange_report *rep, struct merr *err)
{
	return csv_import(s, "input.csv", rows, rep, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_rows rows = {0};
	struct merr err = {0};
	if (csv_read("input.csv", (const char *)data, size, &rows, &err) == M_OK)
		fz_import_check(import_rows, &rows);
	else
		FZ_CHECK(strstr(err.msg, "input.csv") != NULL, "the refusal names no file: %s",
		         err.msg);
	csv_rows_clear(&rows);
	return 0;
}
