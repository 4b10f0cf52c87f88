/* seed.h - a new file's first records, written through the store: the default catalogue
 * (catalogue.h) and the demo (demo.h), each built in memory and then written all or nothing. */
#ifndef MELLAN_SEED_H
#define MELLAN_SEED_H

#include "error.h"
#include "store.h"

#include <stddef.h>

/* Adds the default actors, gap categories (in their order) and thresholds, all or nothing. */
enum mstatus catalogue_load_defaults(struct store *s, struct merr *err);
/* Adds the demo cases and the workshop, all or nothing. Expects the default catalogue. */
enum mstatus demo_load(struct store *s, struct merr *err);
/* Adds `copies` copies of every demo journey under codes "GEN-000001 <code>" ..., for
 * benchmarks and tests of large files. Expects the default catalogue. */
enum mstatus demo_generate(struct store *s, size_t copies, struct merr *err);

#endif
