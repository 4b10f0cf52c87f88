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

/* ---- fieldwork (mellan(1) export, import, merge, backup; the format in mellan(5)) ---------- */
/* The chosen cases (all when n is 0) as JSON. */
enum mstatus cmd_export(struct store *s, const char *const *codes, size_t n, FILE *out,
                        struct merr *err);
/* A JSON export or a CSV chronology (told apart by the first character) into s, all or
 * nothing; `fresh`: s was created for this import (a CSV then gets the default catalogue).
 * A summary line goes to out. */
enum mstatus cmd_import(struct store *s, const char *path, bool fresh, FILE *out,
                        store_progress_fn progress, void *arg, struct merr *err);
/* Another laptop's database into s: what was added, updated and found in conflict goes to out.
 * M_FINDINGS while conflicts are open. */
enum mstatus cmd_merge(struct store *s, const char *other, FILE *out, store_progress_fn progress,
                       void *arg, struct merr *err);
/* A consistent private copy of s at path. */
enum mstatus cmd_backup(struct store *s, const char *path, struct merr *err);

#endif
