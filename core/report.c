/* report.c - the report's entry points (report.h): build the outline, hand it to one writer. */
#include "report.h"

bool report_render(const struct rd_doc *d, enum report_format f, char csv_sep, FILE *out)
{
	switch (f) {
	case REPORT_TEXT:
		return report_write_text(d, out);
	case REPORT_MD:
		return report_write_md(d, out);
	case REPORT_HTML:
		return report_write_html(d, out);
	case REPORT_CSV:
		return report_write_csv(d, csv_sep ? csv_sep : ',', out);
	case REPORT_JSON:
		return report_write_json(d, out);
	}
	return false;
}

bool report_write(const struct analysis *an, bool public, const char *date, enum report_format f,
                  char csv_sep, FILE *out)
{
	struct rd_doc *d = report_build(an, public, date);
	bool ok = report_render(d, f, csv_sep, out);
	rd_doc_free(&d);
	return ok;
}
