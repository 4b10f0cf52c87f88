/* json.c - fuzz target: `mellan import` of a JSON export (mellan(5)), with the promises of
 * import.h. */
#include "import.h"

#include "core/store_exchange.h"

struct bytes {
	const uint8_t *data;
	size_t size;
};

static enum mstatus import_json(struct store *s, const void *input,
                                struct store_exchange_report *rep, struct merr *err)
{
	const struct bytes *b = input;
	return store_import_json(s, "input.json", (const char *)b->data, b->size, rep, NULL, NULL,
	                         err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytes b = {data, size};
	fz_import_check(import_json, &b);
	return 0;
}
