/* commands.h - the commands that run without the TUI. Each writes to the FILE * it is given and
 * returns a status that is also the exit status; the command line prints errors. */
#ifndef MELLAN_COMMANDS_H
#define MELLAN_COMMANDS_H

#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stdio.h>

/* Creates a new database at path with the default catalogue, and the demo cases when demo is
 * set. Refuses a path that already exists. */
enum mstatus cmd_init(const char *path, bool demo, struct merr *err);

/* The cases, one a line under a header, with their counts. */
enum mstatus cmd_list(struct store *s, FILE *out, struct merr *err);

#endif
