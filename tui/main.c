/* main.c - the command line: --help and --version, the TUI (on a file or on the demo), and
 * dispatch to the commands of the table in cli_commands.c, each in its own cli_NAME.c. Errors
 * reach the user as one line "mellan: ..." on standard error; statuses become exit statuses. */
#include "cli.h"
#include "core/commands.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "palette.h"
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The usage text: the TUI's own lines, then one line a command from the command table. */
static void usage(FILE *out)
{
	fprintf(out, "%s\n",
	        _("Usage: mellan [--db FILE] [--theme T]   the journeys, in the terminal"));
	fprintf(
	    out, "%s\n",
	    _("       mellan --demo [--theme T]        the TUI on a fresh copy of the demo cases"));
	for (size_t i = 0; i < cli_command_count(); i++)
		fprintf(out, "       %s\n", _(cli_command_at(i)->usage));
	fprintf(
	    out, "%s\n",
	    _("       mellan --help | --version\n"
	      "\n"
	      "Without --db: $MELLAN_DB, else $XDG_DATA_HOME/mellan/mellan.db.\n"
	      "Exit status: 0 success, 1 findings, 2 usage error, 3 data error, 4 other error.\n"
	      "See mellan(1)."));
}

/* --theme, for the TUI in either form. */
static int tui_theme = THEME_TERMINAL;

/* The TUI on a throw-away copy of the demo cases; the user's own file is never opened. */
static int run_demo(void)
{
	struct merr err = {0};
	char *dir = m_make_scratch_dir("mellan-demo");
	if (!dir) {
		fprintf(stderr, "mellan: %s\n",
		        _("cannot make a temporary directory for the demo"));
		return M_OTHER;
	}
	char *path = xasprintf("%s/demo.db", dir);
	int rc = M_OK;
	struct store *s = NULL;
	if (cmd_init(path, true, &err) != M_OK || store_open(path, 0, &s, &err) != M_OK) {
		rc = cli_fail(&err);
	} else {
		struct tui_options opt = {.title = _("demo"), .theme = tui_theme};
		if (tui_run(s, &opt, &err) != M_OK)
			rc = cli_fail(&err);
		store_close(&s);
	}
	m_remove_scratch_dir(dir);
	free(path);
	free(dir);
	return rc;
}

/* The TUI on the user's file; a new user's file is started, as a calendar or mail program
 * would. */
static int run_tui(const char *db)
{
	struct merr err = {0};
	char *path = cli_db_path(db);
	if (!path)
		return M_USAGE;
	struct stat st;
	if (stat(path, &st) != 0 && cmd_init(path, false, &err) != M_OK) {
		free(path);
		return cli_fail(&err);
	}
	struct store *s = NULL;
	int rc = cli_open_store(path, 0, &s);
	free(path);
	if (rc != M_OK)
		return rc;
	struct tui_options opt = {.theme = tui_theme};
	if (tui_run(s, &opt, &err) != M_OK)
		rc = cli_fail(&err);
	store_close(&s);
	return rc;
}

/* Without a command: the TUI, on --db FILE or the default file, or on the demo. */
static int run_without_command(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"demo", no_argument, NULL, 'D'},
	    {"theme", required_argument, NULL, 't'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	bool demo = false;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'D')
			demo = true;
		else if (c == 't' && (tui_theme = palette_from_code(optarg)) < 0)
			return cli_usage_error(
			    _("unknown theme '%s': use projector, dark, light or mono"), optarg);
		else if (c != 't')
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n > 0)
		return cli_usage_error(_("unknown command '%s'"), rest[0]);
	if (demo && db)
		return cli_usage_error(_("%s opens a fresh copy of the demo cases, not --db"),
		                       "--demo");
	return demo ? run_demo() : run_tui(db);
}

/* The first operand, skipping options and the value of --db, which may come before it. */
static int command_index(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return i + 1 < argc ? i + 1 : 0;
		if (strcmp(a, "--db") == 0 || strcmp(a, "--theme") == 0)
			i++;
		else if (a[0] != '-' || a[1] == '\0')
			return i;
	}
	return 0;
}

static bool env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v;
}

/* The language the user's environment asks messages in, as gettext's LANGUAGE spells it
 * ("sv_SE.UTF-8@euro" gives "sv_SE"), from the first of LC_ALL, LC_MESSAGES and LANG that is
 * set; NULL for none, C or POSIX. */
static char *wanted_language(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		size_t n = strcspn(v, ".@");
		if (n == 0 || strncmp(v, "C", n) == 0 || strncmp(v, "POSIX", n) == 0)
			return NULL;
		return xstrndup(v, n);
	}
	return NULL;
}

/* The translations of a build run from its source tree, which make writes to build/locale: the
 * program there is ./mellan or build/NAME/mellan, beside po/. NULL when it is not such a build,
 * as when it is installed. The caller frees the result. */
static char *tree_localedir(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	static const char *const up[] = {"", "/../.."};
	for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
		char *po = xasprintf("%s%s/po", exe, up[i]);
		char *dir = xasprintf("%s%s/build/locale", exe, up[i]);
		struct stat a, b;
		bool tree = stat(po, &a) == 0 && S_ISDIR(a.st_mode) && stat(dir, &b) == 0 &&
		            S_ISDIR(b.st_mode);
		free(po);
		if (tree)
			return dir;
		free(dir);
	}
	return NULL;
}

/* ncursesw draws å only in a UTF-8 locale: fall back to C.UTF-8 when the user's is not.
 * A fresh Debian has no locale but C.UTF-8, so a Swedish user's sv_SE.UTF-8 may be missing:
 * then the messages still follow it, through LANGUAGE, which gettext honours in C.UTF-8 (not
 * in C). An environment that names no locale at all gets C.UTF-8 messages too, so LANGUAGE=sv
 * alone works; one that asks for C keeps the English that scripts read. */
static void setup_locale(void)
{
	if (!env_set("LC_ALL") && !env_set("LC_MESSAGES") && !env_set("LANG")) {
		setlocale(LC_ALL, "");
		setlocale(LC_MESSAGES, "C.UTF-8");
	} else if (!setlocale(LC_ALL, "")) {
		setlocale(LC_ALL, "C.UTF-8");
		char *wanted = wanted_language();
		if (wanted && !env_set("LANGUAGE"))
			setenv("LANGUAGE", wanted, 1);
		free(wanted);
	}
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* MELLAN_LOCALEDIR first, then a source tree's build/locale, then where make install put
	 * them: LANGUAGE=sv ./mellan speaks Swedish straight after make, as it does installed. */
	const char *dir = getenv("MELLAN_LOCALEDIR");
	char *tree = dir && *dir ? NULL : tree_localedir();
	bindtextdomain("mellan", dir && *dir ? dir : tree ? tree : LOCALEDIR);
	free(tree);
	bind_textdomain_codeset("mellan", "UTF-8");
	textdomain("mellan");
}

int main(int argc, char **argv)
{
	setup_locale();
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return M_OK;
		}
		if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("mellan %s\n", MELLAN_VERSION);
			return M_OK;
		}
	}
	int ci = command_index(argc, argv);
	if (ci == 0)
		return run_without_command(argc, argv);
	const struct cli_command *cmd = cli_command_find(argv[ci]);
	if (!cmd)
		return cli_usage_error(_("unknown command '%s'"), argv[ci]);
	/* The command sees its name first, then every other argument in order. */
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	int n = 0;
	args[n++] = argv[ci];
	for (int i = 1; i < argc; i++)
		if (i != ci)
			args[n++] = argv[i];
	int rc = cmd->run(n, args);
	free(args);
	return rc;
}
