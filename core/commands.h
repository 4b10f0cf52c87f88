/* commands.h - the commands that run without the TUI. Each writes to the FILE * it is given and
 * returns a status that is also the exit status; the command line prints errors. */
#ifndef MELLAN_COMMANDS_H
#define MELLAN_COMMANDS_H

#include "error.h"
#include "store_exchange.h"

#include <stdbool.h>
#include <stdio.h>

/* Creates a new database at path with the default catalogue, and the demo cases when demo is
 * set. Refuses a path that already exists. */
enum mstatus cmd_init(const char *path, bool demo, struct merr *err);

/* The cases, one a line under a header, with their counts. */
enum mstatus cmd_list(struct store *s, FILE *out, struct merr *err);

/* The gap report of the chosen cases (all when n_codes is 0) in one format (report.h). */
struct report_options {
	const char *const *codes;
	size_t n_codes;
	int format;   /* enum report_format */
	char csv_sep; /* ',' when 0 */
	bool public;
	/* Called as cases are loaded, for a progress bar; may be NULL. */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};
enum mstatus cmd_report(struct store *s, const struct report_options *o, FILE *out,
                        struct merr *err);
/* The format named "text", "md", "html", "csv" or "json"; -1 for another name. */
int report_format_from_name(const char *name);
/* Today as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH when it is set. */
void report_date(char out[11]);
/* ---- fieldwork (mellan(1) export, import, merge, backup; the format in mellan(5)) ---------- */
/* The chosen cases (all when n is 0) as JSON; flags: enum store_exchange_flag (the names not
 * to use only with STORE_WITH_NAMES). */
enum mstatus cmd_export(struct store *s, const char *const *codes, size_t n, unsigned flags,
                        FILE *out, struct merr *err);
/* A JSON export or a chronology from a spreadsheet, CSV or .xlsx (told apart by the first
 * character), read from `in` into s, all or nothing; `fresh`: s was created for this import (a
 * chronology then gets the default catalogue). A spreadsheet is read as `opts` say (NULL: as it
 * is; import_rows.h); `dry_run` says what it would add (to out) and writes nothing. A summary
 * line goes to out. */
struct imp_options;
enum mstatus cmd_import(struct store *s, const char *path, FILE *in, bool fresh,
                        const struct imp_options *opts, bool dry_run, FILE *out,
                        store_progress_fn progress, void *arg, struct merr *err);
/* Opens an import's input `path` for cmd_import, before any database is opened for it: what is
 * not a regular file (a FIFO would wait for a writer forever, a directory) is refused at once. */
enum mstatus cmd_import_open(const char *path, FILE **in, struct merr *err);
/* Another laptop's database into s: what was added, updated and found in conflict goes to out.
 * M_FINDINGS while conflicts are open. */
enum mstatus cmd_merge(struct store *s, const char *other, unsigned flags, FILE *out,
                       store_progress_fn progress, void *arg, struct merr *err);
/* What became of the other side's records, a line per kind (those with nothing to say left
 * out), then the kept findings and the settings; `merge` or an import's words. */
void cmd_tally_print(FILE *out, const struct m_tally *kinds, const struct m_tally *kept,
                     const struct m_tally *settings, bool merge);
/* The open conflicts, one a line with the number --keep and --take name; M_FINDINGS while there
 * are any. With id non-zero: decide that conflict instead, keeping this side or taking theirs. */
enum mstatus cmd_conflicts(struct store *s, m_id id, bool take_theirs, FILE *out, struct merr *err);
/* One line per conflict, as merge and conflicts print them. */
void cmd_conflicts_print(FILE *out, const struct m_merge_report *r);
/* A consistent private copy of s at path; flags as output_open() (output.h). */
enum mstatus cmd_backup(struct store *s, const char *path, unsigned flags, struct merr *err);
/* Integrity and privacy findings over every free text of the file, one a line with where it
 * is and the found text masked, then a line that sums up (with the count of findings kept on
 * purpose, which are not listed). M_FINDINGS when there is anything to report. */
enum mstatus cmd_check(struct store *s, FILE *out, struct merr *err);
/* The alliance's list of names: without names to add or remove, the list one a line; else the
 * changes, all or none (a name already there is no change). */
enum mstatus cmd_names(struct store *s, const char *const *add, size_t n_add,
                       const char *const *remove, size_t n_remove, FILE *out, struct merr *err);

#endif
