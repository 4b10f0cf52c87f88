/* load.h - what core/'s computations work on, read through the store: the edge where the file
 * meets the analysis, which takes loaded data and returns results (analysis.h). The commands and
 * the screens load here, then compute. */
#ifndef MELLAN_LOAD_H
#define MELLAN_LOAD_H

#include "analysis.h"
#include "error.h"
#include "store.h"

#include <stddef.h>

/* The journeys of the cases whose codes are given (all cases when n_codes is 0), with the
 * catalogue and the votes' totals, for analysis_run(). An unknown code is refused with
 * M_USAGE/MR_NOT_FOUND naming it; progress (may be NULL) is called after each journey. */
enum mstatus load_analysis(struct store *s, const char *const *codes, size_t n_codes,
                           an_progress_fn progress, void *ctx, struct an_input *out,
                           struct merr *err);

#endif
