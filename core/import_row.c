/* import_row.c - one row of a chronology: its cells checked as text, its values found by the
 * header, its date as spreadsheets write dates, its actor resolved, and what the scan counts of
 * it (import_int.h). */
#include "import_int.h"

#include "i18n.h"
#include "store_exchange.h"
#include "store_read.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trims in place; NULL when nothing is left. */
static char *trim(char *s)
{
	while (blank(*s))
		s++;
	size_t n = strlen(s);
	while (n && blank(s[n - 1]))
		s[--n] = '\0';
	return n ? s : NULL;
}

char *imp_trim_dup(const char *s)
{
	char *d = xstrdup(s);
	char *t = trim(d);
	char *out = xstrdup(t ? t : "");
	free(d);
	return out;
}

enum mstatus imp_cells_text(struct importer *im, struct imp_cells *c, struct merr *err)
{
	for (size_t i = 0; i < c->n; i++) {
		bool nul = strlen(c->v[i]) != c->len[i];
		if (!nul && text_valid_utf8(c->v[i], c->len[i]))
			continue;
		if (!nul)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s: line %ld: not UTF-8 text (save the spreadsheet as "
			                  "\"CSV UTF-8\"); nothing was imported"),
			                im->name, c->line);
		if (i >= im->plan.n_columns)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s: line %ld: holds a NUL character (is this a "
			                  "spreadsheet's own file rather than CSV?); nothing was "
			                  "imported"),
			                im->name, c->line);
		char *clean = text_sanitize(im->plan.columns[i], 0);
		merr_set(err, M_DATA, MR_INVALID,
		         _("%s: line %ld: column '%s' holds a NUL character (is this a "
		           "spreadsheet's own file rather than CSV?); nothing was imported"),
		         im->name, c->line, clean);
		free(clean);
		return M_DATA;
	}
	return M_OK;
}

/* A date as spreadsheets write them that fuzzy time does not read, made one it reads: the time
 * of day after a date goes ("2016-03-04 10:30"), and a day before its month and year, as in
 * Sweden and Britain ("4/3/2016", "4.3.2016"), is put the other way round. False when the text
 * is none of these. */
static bool sheet_date(const char *in, char out[FT_BUFSZ])
{
	int a, b, c, used = 0;
	char s1, s2;
	if (sscanf(in, "%4d-%2d-%2d%n", &a, &b, &c, &used) == 3 && used == 10 &&
	    (in[10] == ' ' || in[10] == 'T')) {
		snprintf(out, FT_BUFSZ, "%04d-%02d-%02d", a, b, c);
		return true;
	}
	used = 0;
	if (sscanf(in, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &used) == 5 && s1 == s2 &&
	    (s1 == '/' || s1 == '.') && c >= 1000 && (in[used] == '\0' || in[used] == ' ')) {
		snprintf(out, FT_BUFSZ, "%04d-%02d-%02d", c, b, a);
		return true;
	}
	used = 0;
	if (sscanf(in, "%4d/%2d/%2d%n", &a, &b, &c, &used) == 3 && a >= 1000 &&
	    (in[used] == '\0' || in[used] == ' ')) {
		snprintf(out, FT_BUFSZ, "%04d-%02d-%02d", a, b, c);
		return true;
	}
	return false;
}

/* The date cell's text as a time fuzzy time reads: a workbook's number is a serial day (a
 * whole number from 1900 to 2100 is a year); a text fuzzy time cannot read may be a spreadsheet's
 * way of writing a date. */
static void date_value(struct importer *im, const struct imp_cells *c, size_t col,
                       struct imp_row *r)
{
	char *v = r->f[IMP_DATE];
	if (c->kind[col] == CELL_NUMBER) {
		char *end;
		double d = strtod(v, &end);
		bool year = d == floor(d) && d >= 1900 && d <= 2100;
		if (!*end && !year &&
		    xlsx_serial_date(d, imp_source_date1904(im->src), XD_DATE, r->date))
			r->f[IMP_DATE] = r->date;
		return;
	}
	struct fuzzy_time ft;
	if (ft_parse(v, &ft, NULL) != M_OK && sheet_date(v, r->date))
		r->f[IMP_DATE] = r->date;
}

enum mstatus imp_row_values(struct importer *im, struct imp_cells *c, struct imp_row *r,
                            struct merr *err)
{
	memset(r, 0, sizeof *r);
	r->line = c->line;
	enum mstatus st = imp_cells_text(im, c, err);
	const struct imp_plan *p = &im->plan;
	for (size_t i = 0; st == M_OK && i < c->n; i++) {
		if (c->len[i] == 0 || (i < p->n_columns && p->field[i] != IMP_UNNAMED))
			continue;
		char *v = xstrdup(c->v[i]);
		bool empty = trim(v) == NULL;
		free(v);
		if (empty)
			continue;
		char col[8];
		imp_column_name(i, col);
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: column %s has a value but no name in the header "
		                  "line; name the column, or delete what is in it; nothing was "
		                  "imported"),
		                im->name, c->line, col);
	}
	for (int f = 0; st == M_OK && f < IMP_FIELDS; f++) {
		int col = im->col_of[f];
		if (col >= 0 && (size_t)col < c->n)
			r->f[f] = trim(c->v[col]);
	}
	if (st == M_OK && !r->f[IMP_CASE] && im->o && im->o->case_code)
		r->f[IMP_CASE] = im->o->case_code;
	if (st == M_OK && r->f[IMP_DATE])
		date_value(im, c, (size_t)im->col_of[IMP_DATE], r);
	return st;
}

/* ---- actors -------------------------------------------------------------------------------- */

/* The option that says what an actor text is, -1 for none. */
static long said_for(const struct importer *im, const char *text)
{
	long said = -1;
	char *f = imp_fold(text, false);
	for (size_t i = 0; im->o && i < im->o->n_actors; i++) {
		char *g = imp_fold(im->o->actors[i].name, false);
		if (strcmp(f, g) == 0)
			said = (long)i;
		free(g);
	}
	free(f);
	return said;
}

/* A name the catalogue does not have, in plan.names (made when new), resolved as the option
 * `said` says, or as --new-actors does for a name that is no actor at all. */
static size_t name_index(struct importer *im, const char *text, const size_t *cands, size_t n,
                         long said)
{
	struct imp_plan *p = &im->plan;
	char *key = imp_fold(text, false);
	bool made;
	struct imp_slot *sl = imp_map_get(&im->name_of, key, &made);
	free(key);
	if (!made)
		return (size_t)sl->a - 1;
	p->names = xreallocarray(p->names, p->n_names + 1, sizeof *p->names);
	struct imp_name *nm = &p->names[p->n_names];
	memset(nm, 0, sizeof *nm);
	nm->name = xstrdup(text);
	nm->sector = -1;
	nm->n_cands = n > 1 ? (n > 8 ? 8 : n) : 0;
	nm->cands = nm->n_cands ? xcalloc(nm->n_cands, sizeof *nm->cands) : NULL;
	for (size_t i = 0; i < nm->n_cands; i++)
		nm->cands[i] = im->ix.actor[cands[i]].id;
	if (said >= 0) {
		nm->actor = im->said[said];
		nm->sector = nm->actor ? -1 : im->o->actors[said].sector;
	} else if (n == 0 && im->o) {
		nm->sector = im->o->new_sector;
	}
	sl->a = (long)++p->n_names;
	return p->n_names - 1;
}

/* How the actor text resolves, worked out once per distinct text. */
static struct imp_slot *resolve(struct importer *im, const char *text)
{
	bool made;
	struct imp_slot *sl = imp_map_get(&im->actor_res, text, &made);
	if (!made)
		return sl;
	size_t cands[8];
	size_t n = imp_actors_find(&im->ix, text, cands, 8);
	long said = said_for(im, text);
	m_id said_id = said >= 0 ? im->said[said] : 0;
	if (n == 1 && (said < 0 || said_id)) {
		sl->a = RES_ACTOR; /* the user's word over the catalogue's */
		sl->b = said_id ? said_id : im->ix.actor[cands[0]].id;
	} else {
		sl->a = RES_NAME;
		sl->b = (long)name_index(im, text, cands, n, said);
	}
	return sl;
}

enum mstatus imp_row_check(struct importer *im, struct imp_row *r, bool scan, struct merr *err)
{
	const char *name = im->name;
	if (!r->f[IMP_CASE])
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: no case code; nothing was imported"), name,
		                r->line);
	if (!r->f[IMP_HAPPENED])
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: 'what happened' is empty; nothing was imported"),
		                name, r->line);
	struct fuzzy_time ft;
	struct merr e = {0};
	if (r->f[IMP_DATE] && ft_parse(r->f[IMP_DATE], &ft, &e) != M_OK) {
		char *clean = text_sanitize(e.msg, 0);
		merr_set(err, M_DATA, MR_INVALID, _("%s: line %ld: %s; nothing was imported"), name,
		         r->line, clean);
		free(clean);
		return M_DATA;
	}
	for (int f = IMP_DONE; f <= IMP_OUTCOME; f++)
		if (r->f[f] && !r->f[IMP_ACTOR])
			return merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line %ld: '%s' needs an actor; nothing was imported"), name,
			    r->line, imp_field_label((enum imp_field)f));
	r->actor = 0;
	if (!r->f[IMP_ACTOR])
		return M_OK;
	struct imp_slot *sl = resolve(im, r->f[IMP_ACTOR]);
	if (sl->a == RES_ACTOR) {
		r->actor = sl->b;
		return M_OK;
	}
	struct imp_name *nm = &im->plan.names[sl->b];
	r->actor = nm->actor;
	if (scan) {
		if (nm->n_lines < IMP_NAME_LINES) {
			nm->lines = xreallocarray(nm->lines, nm->n_lines + 1, sizeof *nm->lines);
			nm->lines[nm->n_lines++] = r->line;
		}
		nm->n_rows++;
		return M_OK;
	}
	if (r->actor)
		return M_OK;
	char *clean = text_sanitize(r->f[IMP_ACTOR], 0);
	merr_set(err, M_DATA, MR_NOT_FOUND,
	         _("%s: line %ld: no actor '%s' in the catalogue (use its name or short "
	           "label, or add it first); nothing was imported"),
	         name, r->line, clean);
	free(clean);
	return M_DATA;
}

/* ---- what the scan counts ------------------------------------------------------------------ */

static void sample(struct imp_samples *s, char *text)
{
	if (s->n < IMP_SAMPLES)
		s->v[s->n++] = text;
	else
		free(text);
}

const char *imp_actor_name(const struct importer *im, m_id id)
{
	for (size_t i = 0; i < im->catalogue.n; i++)
		if (im->catalogue.items[i].id == id)
			return im->catalogue.items[i].name;
	return NULL;
}

enum mstatus imp_row_count(struct importer *im, const struct imp_row *r, struct merr *err)
{
	struct imp_plan *p = &im->plan;
	bool made;
	struct imp_slot *c = imp_map_get(&im->cases, r->f[IMP_CASE], &made);
	if (made) {
		struct m_case k = {0};
		struct merr e = {0};
		enum mstatus st = store_case_find(im->s, r->f[IMP_CASE], &k, &e);
		m_case_clear(&k);
		if (st != M_OK && e.reason != MR_NOT_FOUND) {
			*err = e;
			return st;
		}
		c->a = st == M_OK ? 1 : 2;
		if (c->a == 2) {
			p->cases_new++;
			sample(&p->cases, xstrdup(r->f[IMP_CASE]));
		}
	}
	char uuid[M_UUID_LEN + 1];
	imp_content_uuid("step", r, uuid);
	struct imp_slot *seen = imp_map_get(&im->seen, uuid, &made);
	if (made) {
		bool here = false;
		enum mstatus st = store_record_exists(im->s, uuid, &here, err);
		if (st != M_OK)
			return st;
		seen->a = here ? SEEN_HERE : SEEN_NEW;
		if (!here) {
			p->steps_new++;
			char *title = imp_title(r->f[IMP_HAPPENED]);
			sample(&p->steps, r->f[IMP_DATE] ? xasprintf("%s %s", r->f[IMP_DATE], title)
			                                 : xstrdup(title));
			free(title);
		}
		if (!here && r->f[IMP_ACTOR]) {
			p->ivs_new++;
			const char *who = r->actor ? imp_actor_name(im, r->actor) : NULL;
			const char *what = r->f[IMP_DONE] ? r->f[IMP_DONE] : r->f[IMP_OUTCOME];
			char *w = what ? imp_title(what) : NULL;
			sample(&p->ivs, xasprintf("%s%s%s", who ? who : r->f[IMP_ACTOR],
			                          w ? ": " : "", w ? w : ""));
			free(w);
		}
		if (here)
			p->steps_same++;
	} else {
		p->steps_same++;
	}
	return M_OK;
}

char *imp_title(const char *happened)
{
	size_t n = strcspn(happened, "\n");
	size_t fit = text_fit(happened, 80, NULL);
	return xstrndup(happened, fit < n ? fit : n);
}

/* FNV-1a twice over the parts, shaped as a UUID (version 8, "custom"). The outcome joined the
 * parts later: a row without one has the identity it always had. */
void imp_content_uuid(const char *kind, const struct imp_row *r, char out[M_UUID_LEN + 1])
{
	const char *parts[] = {
	    kind,           r->f[IMP_CASE], r->f[IMP_DATE],   r->f[IMP_ACTOR], r->f[IMP_HAPPENED],
	    r->f[IMP_DONE], r->f[IMP_NOTE], r->f[IMP_OUTCOME]};
	size_t n_parts = sizeof parts / sizeof *parts - !r->f[IMP_OUTCOME];
	uint64_t h[2] = {0xcbf29ce484222325u, 0x84222325cbf29ce4u};
	for (int k = 0; k < 2; k++)
		for (size_t p = 0; p < n_parts; p++) {
			for (const unsigned char *c =
			         (const unsigned char *)(parts[p] ? parts[p] : "");
			     *c; c++) {
				h[k] ^= *c;
				h[k] *= 0x100000001b3u;
			}
			h[k] ^= 0x1f; /* a separator no text holds */
			h[k] *= 0x100000001b3u;
		}
	unsigned char b[16];
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(h[0] >> (8 * i));
		b[8 + i] = (unsigned char)(h[1] >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x80);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, M_UUID_LEN + 1,
	         "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
	         b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
	         b[15]);
}
