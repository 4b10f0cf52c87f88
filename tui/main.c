/* main.c - the command line: reads the arguments, opens the database, and hands over to a
 * command of core/ or to the TUI. The only place that prints errors for the commands, as one line
 * "mellan: ..." on standard error, and turns statuses into exit statuses. */
#include "core/commands.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct cli {
	const char *command; /* NULL: the TUI */
	const char *db;
	bool demo;
	const char *file; /* init's FILE */
};

static void usage(FILE *out)
{
	fprintf(out, "%s\n",
	        _("Usage: mellan [--db FILE]            the journeys, in the terminal\n"
	          "       mellan --demo                 the TUI on a fresh copy of the demo cases\n"
	          "       mellan init [--demo] FILE     create a database (with the demo cases)\n"
	          "       mellan list [--db FILE]       the cases, one a line, with counts\n"
	          "       mellan --help | --version\n"
	          "\n"
	          "Without --db: $MELLAN_DB, else $XDG_DATA_HOME/mellan/mellan.db.\n"
	          "Exit status: 0 success, 1 findings, 2 usage error, 3 data error, 4 other error.\n"
	          "See mellan(1)."));
}

/* A usage error: one line, and where to look. */
static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "mellan: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "; %s\n", _("see 'mellan --help'"));
	return M_USAGE;
}

static bool is_command(const char *w)
{
	static const char *const commands[] = {"init", "list", NULL};
	for (const char *const *c = commands; *c; c++)
		if (strcmp(w, *c) == 0)
			return true;
	return false;
}

/* Returns M_OK, or M_USAGE after printing; *done is set when --help/--version answered. */
static int parse_args(int argc, char **argv, struct cli *cli, bool *done)
{
	bool options_end = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_end && a[0] == '-' && a[1] != '\0') {
			if (strcmp(a, "--") == 0) {
				options_end = true;
			} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
				usage(stdout);
				*done = true;
				return M_OK;
			} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
				printf("mellan %s\n", MELLAN_VERSION);
				*done = true;
				return M_OK;
			} else if (strcmp(a, "--demo") == 0) {
				cli->demo = true;
			} else if (strcmp(a, "--db") == 0) {
				if (++i >= argc)
					return usage_error(_("%s needs a file name"), a);
				cli->db = argv[i];
			} else if (strncmp(a, "--db=", 5) == 0) {
				cli->db = a + 5;
			} else {
				return usage_error(_("unknown option '%s'"), a);
			}
		} else if (!cli->command && !cli->file && is_command(a)) {
			cli->command = a;
		} else if (cli->command && strcmp(cli->command, "init") == 0 && !cli->file) {
			cli->file = a;
		} else if (!cli->command) {
			return usage_error(_("unknown command '%s'"), a);
		} else {
			return usage_error(_("unexpected argument '%s'"), a);
		}
	}
	if (cli->command && strcmp(cli->command, "init") == 0) {
		if (!cli->file)
			return usage_error(_("%s needs a file name: mellan init [--demo] FILE"), "init");
		if (cli->db)
			return usage_error(_("%s takes the file as its argument, not --db"), "init");
	} else if (cli->demo && cli->command) {
		return usage_error(_("--demo goes with init or with the TUI, not with '%s'"),
		                   cli->command);
	} else if (cli->demo && cli->db) {
		return usage_error(_("%s opens a fresh copy of the demo cases, not --db"),
		                   "--demo");
	}
	return M_OK;
}

static int fail(const struct merr *err)
{
	fprintf(stderr, "mellan: %s\n", err->msg);
	return err->status == M_OK ? M_OTHER : (int)err->status;
}

/* The TUI on a throw-away copy of the demo cases; the user's own file is never opened. */
static int run_demo(void)
{
	struct merr err = {0};
	char *dir = m_make_scratch_dir("mellan-demo");
	if (!dir) {
		fprintf(stderr, "mellan: %s\n", _("cannot make a temporary directory for the demo"));
		return M_OTHER;
	}
	char *path = xasprintf("%s/demo.db", dir);
	int rc = M_OK;
	struct store *s = NULL;
	if (cmd_init(path, true, &err) != M_OK ||
	    store_open(path, 0, &s, &err) != M_OK) {
		rc = fail(&err);
	} else {
		struct tui_options opt = {.title = _("demo")};
		if (tui_run(s, &opt, &err) != M_OK)
			rc = fail(&err);
		store_close(&s);
	}
	m_remove_scratch_dir(dir);
	free(path);
	free(dir);
	return rc;
}

static int run_with_store(const struct cli *cli)
{
	struct merr err = {0};
	char *path = cli->db ? xstrdup(cli->db) : m_default_db_path();
	if (!path) {
		fprintf(stderr, "mellan: %s\n",
		        _("no database given and no home directory to keep one in; use --db FILE"));
		return M_USAGE;
	}
	bool tui = cli->command == NULL;
	unsigned flags = 0;
	if (tui) {
		/* The TUI starts a new user's file, as a calendar or mail program would. */
		struct stat st;
		if (stat(path, &st) != 0) {
			if (cmd_init(path, false, &err) != M_OK) {
				free(path);
				return fail(&err);
			}
		}
	} else {
		flags = STORE_READONLY;
	}
	struct store *s = NULL;
	if (store_open(path, flags, &s, &err) != M_OK) {
		free(path);
		return fail(&err);
	}
	int rc = M_OK;
	if (tui) {
		struct tui_options opt = {0};
		if (tui_run(s, &opt, &err) != M_OK)
			rc = fail(&err);
	} else if (strcmp(cli->command, "list") == 0) {
		if (cmd_list(s, stdout, &err) != M_OK)
			rc = fail(&err);
		else if (fflush(stdout) != 0)
			rc = M_OTHER;
	}
	store_close(&s);
	free(path);
	return rc;
}

/* ncursesw draws å only in a UTF-8 locale: fall back to C.UTF-8 when the user's is not. */
static void setup_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	const char *dir = getenv("MELLAN_LOCALEDIR");
	bindtextdomain("mellan", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("mellan", "UTF-8");
	textdomain("mellan");
}

int main(int argc, char **argv)
{
	setup_locale();
	struct cli cli = {0};
	bool done = false;
	int rc = parse_args(argc, argv, &cli, &done);
	if (rc != M_OK || done)
		return rc;
	if (cli.command && strcmp(cli.command, "init") == 0) {
		struct merr err = {0};
		if (cmd_init(cli.file, cli.demo, &err) != M_OK)
			return fail(&err);
		return M_OK;
	}
	if (cli.demo)
		return run_demo();
	return run_with_store(&cli);
}
