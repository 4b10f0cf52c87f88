/* cmd_export.c - `mellan export`: the chosen cases as JSON (mellan(5)). The store writes the
 * records; this is where the command meets it, so the privacy check can stand here too. */
#include "commands.h"

#include "store_exchange.h"

enum mstatus cmd_export(struct store *s, const char *const *codes, size_t n, unsigned flags,
                        FILE *out, struct merr *err)
{
	return store_export_json_with(s, codes, n, flags, out, err);
}
