/* cli.c - the shared parts of the command-line commands: usage errors, option parsing, opening
 * the database and the output file. See cli.h. */
#include "cli.h"

#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_usage_error(const char *fmt, ...)
{
	char line[sizeof((struct merr){0}).msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	struct merr err = {0};
	merr_set(&err, M_USAGE, MR_INVALID, "%s", line); /* control characters made visible */
	fprintf(stderr, "mellan: %s; %s\n", err.msg, _("see 'mellan --help'"));
	return M_USAGE;
}

int cli_fail(const struct merr *err)
{
	fprintf(stderr, "mellan: %s\n", err->msg);
	return err->status == M_OK ? M_OTHER : (int)err->status;
}

void cli_getopt_reset(void)
{
	/* glibc: 0 starts a fresh scan, forgetting any earlier command's state. */
	optind = 0;
	opterr = 0;
}

int cli_getopt(int argc, char **argv, const struct option *opts)
{
	/* A leading '+' would stop at the first operand; we want options anywhere, as the
	 * synopsis shows them after the operand too. ':' reports a missing value as ':'. */
	char shortopts[64] = ":";
	size_t n = 1;
	for (const struct option *o = opts; o->name && n + 3 < sizeof shortopts; o++) {
		if (o->flag || o->val <= 0 || o->val > 127)
			continue;
		shortopts[n++] = (char)o->val;
		if (o->has_arg == required_argument)
			shortopts[n++] = ':';
	}
	shortopts[n] = '\0';
	int c = getopt_long(argc, argv, shortopts, opts, NULL);
	/* Name the command when there is one: "list: unknown option '--demo'". */
	const char *cmd = cli_command_find(argv[0]) ? argv[0] : NULL;
	if (c == '?') {
		char opt[3] = {'-', (char)optopt, '\0'};
		const char *what = optopt > 0 && optopt < 128 ? opt : argv[optind - 1];
		if (cmd)
			cli_usage_error(_("%s: unknown option '%s'"), cmd, what);
		else
			cli_usage_error(_("unknown option '%s'"), what);
		return '?';
	}
	if (c == ':') {
		if (cmd)
			cli_usage_error(_("%s: %s needs a value"), cmd, argv[optind - 1]);
		else
			cli_usage_error(_("%s needs a value"), argv[optind - 1]);
		return '?';
	}
	return c;
}

char **cli_operands(int argc, char **argv, int *n)
{
	*n = argc - optind;
	return argv + optind;
}

char *cli_db_path(const char *db)
{
	char *path = db ? xstrdup(db) : m_default_db_path();
	if (!path)
		fprintf(stderr, "mellan: %s\n",
		        _("no database given and no home directory to keep one in; use --db FILE"));
	return path;
}

int cli_open_store(const char *db, unsigned flags, struct store **out)
{
	struct merr err = {0};
	char *path = cli_db_path(db);
	if (!path)
		return M_USAGE;
	int rc = M_OK;
	if (store_open(path, flags, out, &err) != M_OK)
		rc = cli_fail(&err);
	free(path);
	return rc;
}

int cli_output_open(const char *path, unsigned flags, const struct store *s, struct cli_output *o)
{
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return M_OK;
	}
	struct merr err = {0};
	if (output_open(&o->file, path, flags, s, &err) != M_OK)
		return cli_fail(&err);
	o->fp = o->file.fp;
	return M_OK;
}

int cli_output_close(struct cli_output *o, bool keep)
{
	int rc = M_OK;
	struct merr err = {0};
	if (!o->file.fp) {
		if (o->fp && fflush(o->fp) != 0) {
			fprintf(stderr, "mellan: %s: %s\n", _("standard output"), strerror(errno));
			rc = M_OTHER;
		}
	} else if (!keep) {
		output_discard(&o->file);
	} else if (output_commit(&o->file, &err) != M_OK) {
		rc = cli_fail(&err);
	}
	memset(o, 0, sizeof *o);
	return rc;
}

int cli_run_read_only(int argc, char **argv, unsigned flags,
                      enum mstatus (*cmd)(struct store *s, FILE *out, struct merr *err))
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd')
			db = optarg;
		else
			return M_USAGE;
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (n > 0)
		return cli_usage_error(_("unexpected argument '%s'"), rest[0]);
	struct store *s = NULL;
	int rc = cli_open_store(db, STORE_READONLY | flags, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(NULL, 0, NULL, &o);
	if (rc == M_OK) {
		rc = cmd(s, o.fp, &err);
		if (rc != M_OK && rc != M_FINDINGS)
			rc = cli_fail(&err);
		int crc = cli_output_close(&o, rc == M_OK || rc == M_FINDINGS);
		if (crc != M_OK)
			rc = crc;
	}
	store_close(&s);
	return rc;
}
