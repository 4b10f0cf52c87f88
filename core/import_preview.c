/* import_preview.c - what a chronology import would do, for people (import_rows.h): the
 * columns, the counts and the first few of each kind, and the actor names that stand in the way.
 * mellan import --dry-run prints it; the import screen shows it before anything is written. */
#include "import_int.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void put_clean(FILE *out, const char *s)
{
	char *clean = text_sanitize(s, 0);
	fputs(clean, out);
	free(clean);
}

static void samples(FILE *out, const char *label, const struct imp_samples *s, long total)
{
	if (!s->n)
		return;
	fprintf(out, "  %s: ", label);
	for (size_t i = 0; i < s->n; i++) {
		fputs(i ? " · " : "", out);
		put_clean(out, s->v[i]);
	}
	if (total > (long)s->n)
		fprintf(out, _(" · and %ld more"), total - (long)s->n);
	fputc('\n', out);
}

static const char *actor_name(const struct importer *im, m_id id)
{
	const char *n = imp_actor_name(im, id);
	return n ? n : "?";
}

/* "line 4", "lines 4, 9, 12 and 7 more": at most `max` numbers. */
static void lines_text(const struct imp_name *nm, size_t max, char *buf, size_t n)
{
	size_t len =
	    (size_t)snprintf(buf, n, "%s", ngettext("line", "lines", (unsigned long)nm->n_rows));
	for (size_t i = 0; i < nm->n_lines && i < max && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%ld", i ? ", " : " ", nm->lines[i]);
	long shown = (long)(nm->n_lines < max ? nm->n_lines : max);
	if (nm->n_rows > shown && len < n)
		snprintf(buf + len, n - len, _(" and %ld more"), nm->n_rows - shown);
}

/* 'Soc' (lines 3, 7: Socialtjänsten (barn och unga) or Socialtjänsten (vuxen)?) */
static void name_text(const struct importer *im, const struct imp_name *nm, size_t max_lines,
                      char *buf, size_t n)
{
	char lines[200];
	lines_text(nm, max_lines, lines, sizeof lines);
	char *clean = text_sanitize(nm->name, 0);
	size_t len = (size_t)snprintf(buf, n, "'%s' (%s", clean, lines);
	free(clean);
	for (size_t i = 0; i < nm->n_cands && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
		                        i == 0 ? _(": could be ") : _(" or "),
		                        actor_name(im, nm->cands[i]));
	if (len < n)
		snprintf(buf + len, n - len, "%s)", nm->n_cands ? "?" : "");
}

void imp_names_list(const struct importer *im, char *buf, size_t n)
{
	const struct imp_plan *p = &im->plan;
	size_t len = 0, shown = 0, open = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < p->n_names; i++) {
		const struct imp_name *nm = &p->names[i];
		if (nm->actor || nm->sector >= 0)
			continue;
		open++;
		char one[400];
		name_text(im, nm, 5, one, sizeof one);
		/* Room is kept for the count of those left out. */
		if (len + strlen(one) + 2 + 40 >= n)
			continue;
		len += (size_t)snprintf(buf + len, n - len, "%s%s", shown ? ", " : "", one);
		shown++;
	}
	if (open > shown)
		snprintf(buf + len, n - len, _(" and %zu more"), open - shown);
}

void imp_preview(const struct importer *im, FILE *out)
{
	const struct imp_plan *p = &im->plan;
	put_clean(out, im->name);
	if (p->sheet) {
		char *sheet = text_sanitize(p->sheet, 0);
		fprintf(out, _(", sheet '%s'"), sheet);
		free(sheet);
	}
	fprintf(out,
	        ngettext(": %ld row below the header on line %ld\n",
	                 ": %ld rows below the header on line %ld\n", (unsigned long)p->rows),
	        p->rows, p->header_line);
	fprintf(out, "  %s:", _("columns"));
	for (size_t i = 0; i < p->n_columns; i++) {
		if (p->field[i] == IMP_UNNAMED)
			continue;
		fputs(" '", out);
		put_clean(out, p->columns[i]);
		fprintf(out, "' %s%s",
		        p->field[i] == IMP_IGNORE    ? _("left out")
		        : p->field[i] == IMP_UNKNOWN ? _("not read")
		                                     : imp_field_label(p->field[i]),
		        i + 1 < p->n_columns ? "," : "");
	}
	fputc('\n', out);
	long actors = 0;
	for (size_t i = 0; i < p->n_names; i++)
		actors += !p->names[i].actor && p->names[i].sector >= 0;
	fprintf(out, "%s ", _("would add:"));
	fprintf(out, ngettext("%ld case", "%ld cases", (unsigned long)p->cases_new), p->cases_new);
	fputs(", ", out);
	fprintf(out, ngettext("%ld step", "%ld steps", (unsigned long)p->steps_new), p->steps_new);
	fputs(", ", out);
	fprintf(out, ngettext("%ld intervention", "%ld interventions", (unsigned long)p->ivs_new),
	        p->ivs_new);
	fputs(", ", out);
	fprintf(out, ngettext("%ld new actor", "%ld new actors", (unsigned long)actors), actors);
	if (p->steps_same)
		fprintf(out,
		        ngettext("; %ld step already here", "; %ld steps already here",
		                 (unsigned long)p->steps_same),
		        p->steps_same);
	fputc('\n', out);
	samples(out, _("cases"), &p->cases, p->cases_new);
	samples(out, _("steps"), &p->steps, p->steps_new);
	samples(out, _("interventions"), &p->ivs, p->ivs_new);
	for (size_t i = 0, shown = 0; i < p->n_names; i++) {
		const struct imp_name *nm = &p->names[i];
		if (nm->actor || nm->sector < 0)
			continue;
		if (shown++ == 0)
			fprintf(out, "  %s: ", _("new actors"));
		else
			fputs(" · ", out);
		put_clean(out, nm->name);
		fprintf(out, " (%s)", m_sector_label((enum m_sector)nm->sector));
	}
	if (actors)
		fputc('\n', out);
	for (size_t i = 0; i < p->n_names; i++) {
		const struct imp_name *nm = &p->names[i];
		if (!nm->actor || nm->sector >= 0)
			continue;
		fputs("  ", out);
		put_clean(out, nm->name);
		fprintf(out, _(" is %s\n"), actor_name(im, nm->actor));
	}
	for (size_t i = 0; i < p->n_names; i++) {
		const struct imp_name *nm = &p->names[i];
		if (nm->actor || nm->sector >= 0)
			continue;
		char one[1200];
		name_text(im, nm, 20, one, sizeof one);
		fprintf(out, "  %s %s\n", _("not in the catalogue:"), one);
	}
}
