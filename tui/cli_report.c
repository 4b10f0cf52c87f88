/* cli_report.c - `mellan report [--db FILE] [--case CODE]... [--format F] [--csv-sep C]
 * [--public] [--allow-findings] [-o FILE [--force]]`: the gap analysis as a printable report, refused while
 * the cases hold privacy findings. A progress bar goes to standard
 * error only when that is a terminal, so scripts and redirected runs see nothing there. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct bar {
	bool shown;
};

static void progress(void *ctx, size_t done, size_t total)
{
	struct bar *b = ctx;
	enum { WIDTH = 30 };
	if (total < 20) /* too quick to be worth a bar */
		return;
	size_t fill = total ? done * WIDTH / total : WIDTH;
	char bar[WIDTH + 1];
	memset(bar, '#', fill);
	memset(bar + fill, '.', WIDTH - fill);
	bar[WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %zu/%zu", _("reading cases"), bar, done, total);
	b->shown = true;
}

static void progress_end(struct bar *b)
{
	if (b->shown)
		fputs("\r\033[K", stderr);
}

int cli_report(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"case", required_argument, NULL, 'c'},
	    {"format", required_argument, NULL, 'f'},
	    {"csv-sep", required_argument, NULL, 'S'},
	    {"public", no_argument, NULL, 'P'},
	    {"output", required_argument, NULL, 'o'},
	    {"allow-findings", no_argument, NULL, 'A'},
	    {"force", no_argument, NULL, 'F'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL, *output = NULL;
	bool allow = false;
	unsigned flags = 0;
	const char **codes = xcalloc((size_t)argc + 1, sizeof *codes);
	struct report_options ro = {.codes = codes, .format = 0, .csv_sep = ','};
	int c, rc = M_OK;
	cli_getopt_reset();
	while (rc == M_OK && (c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'c':
			codes[ro.n_codes++] = optarg;
			break;
		case 'f':
			ro.format = report_format_from_name(optarg);
			if (ro.format < 0)
				rc = cli_usage_error(_("report: unknown format '%s'; use text, md, "
				                       "html, csv or json"),
				                     optarg);
			break;
		case 'S':
			if (strlen(optarg) != 1 || strchr("\"\r\n", optarg[0]))
				rc =
				    cli_usage_error(_("report: --csv-sep takes one character, such "
				                      "as ';', not '%s'"),
				                    optarg);
			else
				ro.csv_sep = optarg[0];
			break;
		case 'P':
			ro.public = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'A':
			allow = true;
			break;
		case 'F':
			flags |= OUTPUT_FORCE;
			break;
		default:
			rc = M_USAGE;
		}
	}
	int n;
	char **rest = rc == M_OK ? cli_operands(argc, argv, &n) : NULL;
	if (rc == M_OK && n > 0)
		rc = cli_usage_error(_("unexpected argument '%s'"), rest[0]);
	struct store *s = NULL;
	if (rc == M_OK)
		rc = cli_open_store(db, STORE_READONLY, &s);
	if (rc == M_OK) {
		rc = cli_privacy_gate(s, codes, ro.n_codes, allow);
		if (rc != M_OK)
			store_close(&s);
	}
	if (rc != M_OK) {
		free(codes);
		return rc;
	}
	struct bar bar = {false};
	if (isatty(STDERR_FILENO)) {
		ro.progress = progress;
		ro.progress_ctx = &bar;
	}
	struct merr err = {0};
	struct cli_output o;
	rc = cli_output_open(output, flags, s, &o);
	if (rc == M_OK) {
		enum mstatus st = cmd_report(s, &ro, o.fp, &err);
		progress_end(&bar);
		if (st != M_OK)
			rc = cli_fail(&err);
		int crc = cli_output_close(&o, rc == M_OK);
		if (rc == M_OK)
			rc = crc;
	}
	store_close(&s);
	free(codes);
	return rc;
}
