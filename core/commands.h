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

#endif
