/* csv.c - fuzz target: `mellan import` of a CSV chronology (mellan(5)): read a row at a time
 * from a file and written, with the promises of import.h. */
#include "import.h"

#include "core/import_rows.h"
#include "core/store_exchange.h"

struct bytes {
	const uint8_t *data;
	size_t size;
};

static enum mstatus import_csv(struct store *s, const void *input,
                               struct store_exchange_report *rep, struct merr *err)
{
	const struct bytes *b = input;
	/* A real file, as import reads one (the header line is looked at twice). */
	FILE *f = tmpfile();
	FZ_CHECK(f != NULL, "no temporary file");
	FZ_CHECK(fwrite(b->data, 1, b->size, f) == b->size, "cannot write the temporary file");
	rewind(f);
	enum mstatus st = csv_import(s, "input.csv", f, rep, NULL, NULL, err);
	fclose(f);
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytes b = {data, size};
	fz_import_check(import_csv, &b);
	return 0;
}
