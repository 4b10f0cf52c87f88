/* cli_progress.h - progress of long imports and merges on standard error, only when it is a
 * terminal: a script or a log never gets the carriage returns. */
#ifndef MELLAN_TUI_CLI_PROGRESS_H
#define MELLAN_TUI_CLI_PROGRESS_H

#include "core/store_exchange.h"

/* The progress function to hand the store: NULL when standard error is not a terminal. */
store_progress_fn cli_progress(void);
/* Clears the progress line, if one was drawn. */
void cli_progress_done(void);

#endif
