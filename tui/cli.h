/* cli.h - what the commands of the command line share: the table of commands, option parsing
 * that turns every mistake into one usage line, opening the database a command names, and
 * writing to -o FILE or standard output. Each command lives in its own tui/cli_NAME.c, parses
 * its own options, calls a command of core/, and is the one place that prints its errors. */
#ifndef MELLAN_TUI_CLI_H
#define MELLAN_TUI_CLI_H

#include "core/error.h"
#include "core/output.h"
#include "core/store.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct cli_command {
	const char *name;
	/* argv[0] is the command's name; returns the exit status. */
	int (*run)(int argc, char **argv);
	const char *usage; /* N_() marked: "mellan list [--db FILE]    the cases, ..." */
};

/* The commands, each in its own tui/cli_NAME.c, declared here once; their table
 * (cli_commands.c) names them and gives their usage lines. */
int cli_init(int argc, char **argv);
int cli_list(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_backup(int argc, char **argv);
int cli_conflicts(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_names(int argc, char **argv);
int cli_present(int argc, char **argv);

/* The commands, in the order --help lists them; NULL when name is none of them. */
const struct cli_command *cli_command_find(const char *name);
size_t cli_command_count(void);
const struct cli_command *cli_command_at(size_t i);

/* Prints "mellan: <message>; see 'mellan --help'" on one line and returns M_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints err as one line "mellan: ..." and returns its exit status. */
int cli_fail(const struct merr *err);

/* getopt_long over a command's arguments, with every mistake (unknown option, missing value)
 * reported by cli_usage_error. Returns the option's value, -1 at the end of the options, or
 * '?' after a usage error was printed. Start each command with cli_getopt_reset(). */
void cli_getopt_reset(void);
int cli_getopt(int argc, char **argv, const struct option *opts);
/* The arguments that are not options, after cli_getopt returned -1: their count in *n. */
char **cli_operands(int argc, char **argv, int *n);

/* The file --db named, or the default one; NULL after printing why there is none. The caller
 * frees it. */
char *cli_db_path(const char *db);
/* Opens the file --db named, or the default one (paths.h), for a command. flags as store_open.
 * On failure prints one line and returns the exit status; M_OK with *out set otherwise. */
int cli_open_store(const char *db, unsigned flags, struct store **out);

/* A command that takes only --db and writes to standard output what cmd writes on the file
 * opened read-only (with store_open's flags added): `list`, `check`. M_FINDINGS from cmd is
 * passed on as the exit status with the output kept; other errors are printed. */
int cli_run_read_only(int argc, char **argv, unsigned flags,
                      enum mstatus (*cmd)(struct store *s, FILE *out, struct merr *err));

/* -o FILE through output.h (the database and files mellan has open are refused, an existing file
 * unless flags has OUTPUT_FORCE, anything but a regular file always; written beside its name
 * and renamed into place by cli_output_close), or standard output when path is NULL or "-". */
struct cli_output {
	FILE *fp;
	struct output file; /* file.fp is NULL for standard output */
};
/* s (may be NULL) is the database the command reads. Prints why and returns the status when the
 * file cannot be written. */
int cli_output_open(const char *path, unsigned flags, const struct store *s, struct cli_output *o);
/* keep false discards what was written. Returns M_OK, or prints and returns the status. */
int cli_output_close(struct cli_output *o, bool keep);

/* Before export or report write anything: the privacy findings of the cases named by codes (all
 * when n is 0) and the catalogue, each on a line on standard error and summed up in one more;
 * returns 1 when there are any and allow (--allow-findings) is false, M_OK otherwise. */
int cli_privacy_gate(struct store *s, const char *const *codes, size_t n, bool allow);

#endif
