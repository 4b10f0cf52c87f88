/* import_rows.c - the chronology import's pipeline (import_rows.h): the header, each row's
 * values checked, actor names resolved, the scan that writes nothing and the write in one
 * transaction. The rows are read twice, once to see and once to write, each a row at a time:
 * the time a row takes does not depend on how many came before it. */
#include "import_rows.h"

#include "i18n.h"
#include "import_int.h"
#include "store_read.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* More columns than any chronology has; a header with more is refused. */
#define MAX_COLS 64
/* Rows above the header that may be skipped: a title, a date, blank rows. */
#define MAX_ABOVE 20

/* ---- options ------------------------------------------------------------------------------- */

void imp_options_init(struct imp_options *o)
{
	memset(o, 0, sizeof *o);
	o->new_sector = -1;
}

void imp_options_clear(struct imp_options *o)
{
	for (size_t i = 0; i < o->n_columns; i++)
		free(o->columns[i].column);
	for (size_t i = 0; i < o->n_actors; i++) {
		free(o->actors[i].name);
		free(o->actors[i].target);
	}
	free(o->columns);
	free(o->actors);
	free(o->sheet);
	free(o->case_code);
	imp_options_init(o);
}

static bool same_words(const char *a, const char *b, bool plain)
{
	char *fa = imp_fold(a, plain), *fb = imp_fold(b, plain);
	bool same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

void imp_options_column(struct imp_options *o, const char *column, int field)
{
	for (size_t i = 0; i < o->n_columns; i++)
		if (same_words(o->columns[i].column, column, true)) {
			o->columns[i].field = field;
			return;
		}
	o->columns = xreallocarray(o->columns, o->n_columns + 1, sizeof *o->columns);
	o->columns[o->n_columns++] = (struct imp_column_choice){xstrdup(column), field};
}

static struct imp_actor_choice *actor_choice(struct imp_options *o, const char *name)
{
	for (size_t i = 0; i < o->n_actors; i++)
		if (same_words(o->actors[i].name, name, false)) {
			free(o->actors[i].target);
			o->actors[i].target = NULL;
			return &o->actors[i];
		}
	o->actors = xreallocarray(o->actors, o->n_actors + 1, sizeof *o->actors);
	o->actors[o->n_actors] = (struct imp_actor_choice){xstrdup(name), NULL, 0, -1};
	return &o->actors[o->n_actors++];
}

void imp_options_actor(struct imp_options *o, const char *name, m_id actor, int sector)
{
	struct imp_actor_choice *c = actor_choice(o, name);
	c->actor = actor;
	c->sector = actor ? -1 : sector;
}

void imp_options_actor_named(struct imp_options *o, const char *name, const char *target)
{
	struct imp_actor_choice *c = actor_choice(o, name);
	c->target = xstrdup(target);
	c->actor = 0;
	c->sector = -1;
}

/* ---- a map from text to two numbers: cases, actor names, the rows seen -------------------- */

static size_t hash(const char *s)
{
	size_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* The slot of key, made (with a and b 0) when it was not there: *made says so. Open addressing,
 * so a lookup takes the same time however many keys there are. */
struct imp_slot *imp_map_get(struct imp_map *m, const char *key, bool *made)
{
	if (2 * (m->n + 1) > m->cap) {
		struct imp_map bigger = {xcalloc(m->cap ? 2 * m->cap : 64, sizeof *m->slots),
		                         m->cap ? 2 * m->cap : 64, 0};
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].key) {
				size_t k = hash(m->slots[i].key) & (bigger.cap - 1);
				while (bigger.slots[k].key)
					k = (k + 1) & (bigger.cap - 1);
				bigger.slots[k] = m->slots[i];
			}
		bigger.n = m->n;
		free(m->slots);
		*m = bigger;
	}
	size_t i = hash(key) & (m->cap - 1);
	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	*made = !m->slots[i].key;
	if (*made) {
		m->slots[i].key = xstrdup(key);
		m->n++;
	}
	return &m->slots[i];
}

void imp_map_clear(struct imp_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* ---- the header ---------------------------------------------------------------------------- */

static int column_field(const struct imp_options *o, const char *header)
{
	if (!header[0] || text_width(header) == 0)
		return IMP_UNNAMED;
	for (size_t i = 0; o && i < o->n_columns; i++)
		if (same_words(o->columns[i].column, header, true))
			return o->columns[i].field;
	return imp_header_field(header);
}

static size_t filled(const struct imp_cells *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->len[i] > 0;
	return n;
}

static bool names_a_field(const struct importer *im, const struct imp_cells *c)
{
	for (size_t i = 0; i < c->n; i++) {
		int f = column_field(im->o, c->v[i]);
		if (f >= 0 || f == IMP_IGNORE)
			return true;
	}
	return false;
}

static enum mstatus take_header(struct importer *im, const struct imp_cells *c, struct merr *err)
{
	struct imp_plan *p = &im->plan;
	p->header_line = c->line;
	if (c->n > MAX_COLS)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: more than %d columns; nothing was imported"),
		                im->name, p->header_line, MAX_COLS);
	p->n_columns = c->n;
	p->columns = xcalloc(p->n_columns + 1, sizeof *p->columns);
	p->field = xcalloc(p->n_columns + 1, sizeof *p->field);
	for (size_t i = 0; i < p->n_columns; i++) {
		p->columns[i] = imp_trim_dup(c->v[i]);
		p->field[i] = column_field(im->o, p->columns[i]);
	}
	return M_OK;
}

/* The header line: the first row that names a field; failing that, the first of more than one
 * cell. What is above it (a title, the date it was written, blank rows) is passed over. The file
 * is left at its start: the rows are read from there, the header and what is above skipped. */
static enum mstatus find_header(struct importer *im, struct merr *err)
{
	struct imp_cells first = {0};
	enum mstatus st = M_OK;
	bool more = true, found = false;
	for (int rows = 0; st == M_OK && more && !found && rows <= MAX_ABOVE;) {
		st = imp_source_next(im->src, &im->cells, &more, err);
		if (st != M_OK || !more || imp_cells_blank(&im->cells))
			continue;
		rows++;
		st = imp_cells_text(im, &im->cells, err);
		found = st == M_OK && names_a_field(im, &im->cells);
		if (st == M_OK && !found && !first.n && filled(&im->cells) >= 2) {
			for (size_t i = 0; i < im->cells.n; i++)
				imp_cells_set(&first, i, im->cells.v[i], im->cells.len[i],
				              CELL_TEXT);
			first.line = im->cells.line;
		}
	}
	if (st == M_OK && (found || first.n))
		st = take_header(im, found ? &im->cells : &first, err);
	else if (st == M_OK) {
		char fields[300];
		imp_field_list(fields, sizeof fields);
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: no header line naming the columns (mellan reads: %s); nothing "
		                "was imported"),
		              im->name, fields);
	}
	imp_cells_free(&first);
	if (st == M_OK)
		st = imp_source_rewind(im->src, err);
	return st;
}

/* The column of each field, once the header is as the user wants it. */
static void place_fields(struct importer *im)
{
	for (int f = 0; f < IMP_FIELDS; f++)
		im->col_of[f] = -1;
	for (size_t i = 0; i < im->plan.n_columns; i++)
		if (im->plan.field[i] >= 0 && im->col_of[im->plan.field[i]] < 0)
			im->col_of[im->plan.field[i]] = (int)i;
}

/* The actor each choice of the options names, by id or by a name matched as the file's are. */
static enum mstatus said_actors(struct importer *im, struct merr *err)
{
	const struct imp_options *o = im->o;
	im->said = xcalloc(o ? o->n_actors + 1 : 1, sizeof *im->said);
	for (size_t i = 0; o && i < o->n_actors; i++) {
		const struct imp_actor_choice *c = &o->actors[i];
		im->said[i] = c->actor;
		if (!c->target)
			continue;
		size_t cands[2];
		size_t n = imp_actors_find(&im->ix, c->target, cands, 2);
		char *name = text_sanitize(c->name, 0), *target = text_sanitize(c->target, 0);
		if (n == 1)
			im->said[i] = im->ix.actor[cands[0]].id;
		else if (n == 0)
			merr_set(
			    err, M_USAGE, MR_NOT_FOUND,
			    _("--actor '%s=%s': no actor '%s' in the catalogue; give an actor's "
			      "name or short label"),
			    name, target, target);
		else
			merr_set(
			    err, M_USAGE, MR_INVALID,
			    _("--actor '%s=%s': '%s' could be %s or %s; give more of the name"),
			    name, target, target, im->ix.actor[cands[0]].name,
			    im->ix.actor[cands[1]].name);
		free(name);
		free(target);
		if (n != 1)
			return M_USAGE;
	}
	return M_OK;
}

enum mstatus imp_open(struct store *s, const char *name, FILE *in, const struct imp_options *o,
                      struct importer **out, struct merr *err)
{
	struct importer *im = xcalloc(1, sizeof *im);
	im->s = s;
	im->name = name;
	im->o = o;
	enum mstatus st = store_actor_list(s, &im->catalogue, err);
	if (st == M_OK) {
		imp_actors_load(&im->ix, &im->catalogue);
		st = said_actors(im, err);
	}
	if (st == M_OK)
		st = imp_source_open(name, in, o ? o->sheet : NULL, &im->src, err);
	if (st == M_OK) {
		im->plan.format = imp_source_format(im->src);
		im->plan.sheet = imp_source_sheet(im->src);
		st = find_header(im, err);
	}
	if (st == M_OK)
		place_fields(im);
	if (st != M_OK)
		imp_close(&im);
	*out = im;
	return st;
}

const struct imp_plan *imp_plan(const struct importer *im)
{
	return &im->plan;
}

/* 'Agency', 'Action taken': the columns of a kind, quoted and sanitised, into buf. */
static size_t column_names(const struct imp_plan *p, int field, char *buf, size_t n)
{
	size_t count = 0, len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < p->n_columns; i++) {
		if (p->field[i] != field)
			continue;
		char *clean = text_sanitize(p->columns[i], 0);
		int w = snprintf(buf + len, n - len, "%s'%s'", count ? ", " : "", clean);
		free(clean);
		count++;
		if (w > 0 && (size_t)w < n - len)
			len += (size_t)w;
	}
	return count;
}

enum mstatus imp_check_columns(const struct importer *im, struct merr *err)
{
	const struct imp_plan *p = &im->plan;
	char fields[300], names[300];
	imp_field_list(fields, sizeof fields);
	size_t unknown = column_names(p, IMP_UNKNOWN, names, sizeof names);
	if (unknown)
		return merr_set(
		    err, M_DATA, MR_INVALID,
		    ngettext("%s: line %ld: the column %s is not one mellan reads (it "
		             "reads: %s); say what it is with --map 'COLUMN=FIELD', or "
		             "leave it out with --ignore COLUMN; nothing was imported",
		             "%s: line %ld: the columns %s are not ones mellan reads (it "
		             "reads: %s); say what each is with --map 'COLUMN=FIELD', or "
		             "leave it out with --ignore COLUMN; nothing was imported",
		             unknown),
		    im->name, p->header_line, names, fields);
	for (int f = 0; f < IMP_FIELDS; f++)
		if (column_names(p, f, names, sizeof names) > 1)
			return merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line %ld: the columns %s all give the field '%s'; leave "
			      "out all but one with --ignore COLUMN, or --map them to "
			      "other fields; nothing was imported"),
			    im->name, p->header_line, names, imp_field_label((enum imp_field)f));
	if (im->col_of[IMP_CASE] < 0 && !(im->o && im->o->case_code))
		return merr_set(
		    err, M_DATA, MR_INVALID,
		    _("%s: line %ld: no column gives the case; name it with --map "
		      "'COLUMN=case', or give every row's case with --case CODE; nothing "
		      "was imported"),
		    im->name, p->header_line);
	if (im->col_of[IMP_HAPPENED] < 0)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: no column gives what happened; name it with --map "
		                  "'COLUMN=what happened'; nothing was imported"),
		                im->name, p->header_line);
	return M_OK;
}

/* ---- the scan ------------------------------------------------------------------------------ */

/* The next row below the header that is not blank, with its values; *more false at the end. */
static enum mstatus next_row(struct importer *im, struct imp_row *r, bool *more, struct merr *err)
{
	enum mstatus st = M_OK;
	for (*more = true; st == M_OK && *more;) {
		st = imp_source_next(im->src, &im->cells, more, err);
		if (st != M_OK || !*more || im->cells.line <= im->plan.header_line ||
		    imp_cells_blank(&im->cells))
			continue;
		return imp_row_values(im, &im->cells, r, err);
	}
	*more = false;
	return st;
}

enum mstatus imp_scan(struct importer *im, store_progress_fn progress, void *arg, struct merr *err)
{
	struct imp_plan *p = &im->plan;
	enum mstatus st = imp_check_columns(im, err);
	p->scanned = false;
	p->rows = p->cases_new = p->steps_new = p->steps_same = p->ivs_new = 0;
	for (bool more = true; st == M_OK && more;) {
		struct imp_row r;
		st = next_row(im, &r, &more, err);
		if (st == M_OK && more)
			st = imp_row_check(im, &r, true, err);
		if (st == M_OK && more)
			st = imp_row_count(im, &r, err);
		if (st == M_OK && more && ++p->rows % 1000 == 0 && progress)
			progress(arg, _("rows read"), p->rows, -1);
	}
	store_bulk_end(im->s); /* the statements the scan's lookups kept prepared */
	if (st == M_OK)
		st = imp_source_rewind(im->src, err);
	p->scanned = st == M_OK;
	return st;
}

enum mstatus imp_check_names(const struct importer *im, struct merr *err)
{
	const struct imp_plan *p = &im->plan;
	size_t open = 0;
	for (size_t i = 0; i < p->n_names; i++)
		open += !p->names[i].actor && p->names[i].sector < 0;
	if (!open)
		return M_OK;
	char list[360];
	imp_names_list(im, list, sizeof list);
	return merr_set(err, M_DATA, MR_NOT_FOUND,
	                ngettext("%s: %zu actor is not in the catalogue: %s; add it with "
	                         "--new-actors SECTOR, or say which actor it is with --actor "
	                         "'NAME=ACTOR'; nothing was imported",
	                         "%s: %zu actors are not in the catalogue: %s; add them with "
	                         "--new-actors SECTOR, or say which actor each is with --actor "
	                         "'NAME=ACTOR'; nothing was imported",
	                         open),
	                im->name, open, list);
}

void imp_close(struct importer **imp)
{
	struct importer *im = *imp;
	if (!im)
		return;
	struct imp_plan *p = &im->plan;
	for (size_t i = 0; i < p->n_columns; i++)
		free(p->columns[i]);
	free(p->columns);
	free(p->field);
	for (size_t i = 0; i < p->n_names; i++) {
		free(p->names[i].name);
		free(p->names[i].lines);
		free(p->names[i].cands);
	}
	free(p->names);
	struct imp_samples *samples[] = {&p->cases, &p->steps, &p->ivs};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < samples[k]->n; i++)
			free(samples[k]->v[i]);
	imp_map_clear(&im->actor_res);
	imp_map_clear(&im->name_of);
	imp_map_clear(&im->cases);
	imp_map_clear(&im->seen);
	imp_cells_free(&im->cells);
	imp_source_close(&im->src);
	imp_actors_clear(&im->ix);
	m_actor_list_clear(&im->catalogue);
	free(im->said);
	free(im);
	*imp = NULL;
}

enum mstatus csv_import(struct store *s, const char *name, FILE *in,
                        struct store_exchange_report *rep, store_progress_fn progress, void *arg,
                        struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	struct importer *im = NULL;
	enum mstatus st = imp_open(s, name, in, NULL, &im, err);
	if (st == M_OK)
		st = imp_scan(im, progress, arg, err);
	if (st == M_OK)
		st = imp_check_names(im, err);
	if (st == M_OK)
		st = imp_write(im, rep, progress, arg, err);
	imp_close(&im);
	return st;
}
