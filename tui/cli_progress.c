/* cli_progress.c - one line on standard error, rewritten in place (cli_progress.h). */
#include "cli_progress.h"

#include "core/i18n.h"
#include "core/store_exchange.h"

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static bool drawn;

static void show(void *arg, const char *what, long done, long total)
{
	(void)arg;
	if (total > 0)
		fprintf(stderr, _("\rmellan: %s %ld of %ld "), what, done, total);
	else
		fprintf(stderr, _("\rmellan: %s %ld "), what, done);
	fflush(stderr);
	drawn = true;
}

store_progress_fn cli_progress(void)
{
	return isatty(STDERR_FILENO) ? show : NULL;
}

void cli_progress_done(void)
{
	if (drawn)
		fputs("\r\033[K", stderr);
	drawn = false;
}
