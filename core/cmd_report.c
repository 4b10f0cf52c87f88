/* cmd_report.c - `mellan report`: the gap analysis of the chosen cases, written in one of the
 * report's formats. The date printed on it comes from SOURCE_DATE_EPOCH when that is set, so the
 * same file gives the same report byte for byte (the reproducible-builds convention). */
#include "commands.h"

#include "analysis.h"
#include "i18n.h"
#include "load.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const format_names[] = {
    [REPORT_TEXT] = "text", [REPORT_MD] = "md",     [REPORT_HTML] = "html",
    [REPORT_CSV] = "csv",   [REPORT_JSON] = "json",
};

int report_format_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(format_names[i], name) == 0)
			return (int)i;
	return -1;
}

void report_date(char out[11])
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	time_t t;
	struct tm tm;
	long long v = sde && *sde ? strtoll(sde, &end, 10) : -1;
	if (v >= 0 && end && *end == '\0') {
		t = (time_t)v;
		gmtime_r(&t, &tm);
	} else {
		t = time(NULL);
		localtime_r(&t, &tm);
	}
	strftime(out, 11, "%Y-%m-%d", &tm);
}

enum mstatus cmd_report(struct store *s, const struct report_options *o, FILE *out,
                        struct merr *err)
{
	struct an_input in;
	enum mstatus st =
	    load_analysis(s, o->codes, o->n_codes, o->progress, o->progress_ctx, &in, err);
	if (st != M_OK)
		return st;
	struct analysis an;
	analysis_run(&in, &an);
	char date[11];
	report_date(date);
	bool ok =
	    report_write(&an, o->public, date, (enum report_format)o->format, o->csv_sep, out);
	analysis_clear(&an);
	if (!ok)
		return merr_set(err, M_OTHER, MR_IO, _("could not write the report"));
	return M_OK;
}
