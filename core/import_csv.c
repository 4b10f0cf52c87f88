/* import_csv.c - reading a CSV chronology (import_csv.h). The file is read a record at a time
 * and each row written as it comes, all in one transaction: a refusal names the line and rolls
 * everything back, and the time a row takes does not depend on how many came before it. */
#include "import_csv.h"

#include "fuzzytime.h"
#include "i18n.h"
#include "store_exchange.h"
#include "store_read.h"
#include "text.h"
#include "uuid.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum csv_col { COL_CASE, COL_DATE, COL_ACTOR, COL_HAPPENED, COL_DONE, COL_NOTE, COL_COUNT };

/* Header names, compared after folding case (å ä ö included) and trimming. */
static const char *const col_names[COL_COUNT][8] = {
    [COL_CASE] = {"case", "case code", "code", "fall", "fallkod", "kod", "ärende", NULL},
    [COL_DATE] = {"date", "time", "when", "datum", "tid", "när", "tidpunkt", NULL},
    [COL_ACTOR] = {"actor", "aktör", "who", "vem", "organisation", NULL},
    [COL_HAPPENED] = {"what happened", "event", "happened", "vad hände", "händelse",
                      "vad som hände", NULL},
    [COL_DONE] = {"what was done", "done", "action", "intervention", "vad gjordes", "insats",
                  "åtgärd", "vad som gjordes"},
    [COL_NOTE] = {"note", "comment", "anteckning", "kommentar", NULL},
};

void csv_row_clear(struct csv_row *r)
{
	free(r->case_code);
	free(r->date);
	free(r->actor);
	free(r->happened);
	free(r->done);
	free(r->note);
	memset(r, 0, sizeof *r);
}

/* Lower case for ASCII and the Swedish capitals (Å Ä Ö É Ü), trimmed: how header names and
 * actor names are compared. */
static char *fold(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *o = xstrndup(s, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)o[i];
		if (c >= 'A' && c <= 'Z')
			o[i] = (char)(c + 32);
		else if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)o[i + 1];
			if (d == 0x85 || d == 0x84 || d == 0x96 || d == 0x89 || d == 0x9C)
				o[i + 1] = (char)(d + 0x20);
			i++;
		}
	}
	return o;
}

/* More columns than any chronology has; a header with more is refused. */
#define MAX_COLS 64
/* A single record (one row, its quoted newlines included) larger than this is refused: it is
 * almost always a quote that was never closed, swallowing the rest of the file. */
#define MAX_RECORD (16L * 1024 * 1024)

struct field_list {
	char **v;
	size_t n;
};

static void fields_clear(struct field_list *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof *f);
}

struct csv_reader {
	FILE *in;
	const char *name;
	char sep;
	long line; /* of the next byte read */
	struct field_list head;
	int map[MAX_COLS]; /* header column -> enum csv_col, -1 for an empty column */
	char *buf;         /* the field being read */
	size_t bn, cap;
	size_t record; /* bytes of the record being read */
};

static int peek(FILE *in)
{
	int c = getc(in);
	if (c != EOF)
		ungetc(c, in);
	return c;
}

static enum mstatus push(struct csv_reader *r, int c, long start, struct merr *err)
{
	if (++r->record > (size_t)MAX_RECORD)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: a row longer than 16 MiB (is a closing quote "
		                  "missing?); nothing was imported"),
		                r->name, start);
	if (r->bn + 1 >= r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->buf = xrealloc(r->buf, r->cap);
	}
	r->buf[r->bn++] = (char)c;
	return M_OK;
}

/* A field is text: UTF-8 without NUL. The column is named when the header has been read. */
static enum mstatus field_text(struct csv_reader *r, size_t col, long line, struct merr *err)
{
	bool nul = memchr(r->buf, '\0', r->bn) != NULL;
	if (!nul && text_valid_utf8(r->buf, r->bn))
		return M_OK;
	if (!nul)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: not UTF-8 text (save the spreadsheet as \"CSV "
		                  "UTF-8\"); nothing was imported"),
		                r->name, line);
	if (col >= r->head.n)
		return merr_set(
		    err, M_DATA, MR_INVALID,
		    _("%s: line %ld: holds a NUL character (is this a spreadsheet's own "
		      "file rather than CSV?); nothing was imported"),
		    r->name, line);
	char *clean = text_sanitize(r->head.v[col], 0);
	merr_set(err, M_DATA, MR_INVALID,
	         _("%s: line %ld: column '%s' holds a NUL character (is this a spreadsheet's own "
	           "file rather than CSV?); nothing was imported"),
	         r->name, line, clean);
	free(clean);
	return M_DATA;
}

/* One record: fields split at the separator, quotes honoured, a quoted field may hold newlines.
 * The caller has seen that the file does not end here. */
static enum mstatus next_record(struct csv_reader *r, struct field_list *out, struct merr *err)
{
	FILE *in = r->in;
	long start = r->line;
	enum mstatus st = M_OK;
	r->record = 0;
	for (;;) {
		r->bn = 0;
		long at = r->line;
		bool quoted = false;
		int c = getc(in);
		if (c == '"') {
			quoted = true;
			for (;;) {
				c = getc(in);
				if (c == EOF)
					return merr_set(
					    err, M_DATA, MR_INVALID,
					    _("%s: line %ld: a quoted field has no closing "
					      "quote; nothing was imported"),
					    r->name, start);
				if (c == '"' && peek(in) != '"')
					break;
				if (c == '"')
					getc(in); /* "" stands for " */
				if (c == '\n')
					r->line++;
				if (c == '\r' && peek(in) == '\n')
					continue; /* CR LF inside a field is a newline */
				if ((st = push(r, c, start, err)) != M_OK)
					return st;
			}
			c = getc(in);
		}
		for (; c != EOF && c != r->sep && c != '\n' && c != '\r'; c = getc(in)) {
			if (quoted && c != ' ' && c != '\t')
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: line %ld: text after a closing quote; "
				                  "nothing was imported"),
				                r->name, r->line);
			if (c == '"')
				return merr_set(err, M_DATA, MR_INVALID,
				                _("%s: line %ld: a quote inside a field that does "
				                  "not start with one; nothing was imported"),
				                r->name, r->line);
			if (!quoted && (st = push(r, c, start, err)) != M_OK)
				return st;
		}
		if ((st = field_text(r, out->n, at, err)) != M_OK)
			return st;
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = xstrndup(r->buf, r->bn);
		if (c == r->sep)
			continue;
		if (c == '\r' && peek(in) == '\n')
			getc(in);
		r->line++;
		return M_OK;
	}
}

/* The separator the header line uses most, outside quotes; the file is left where it was. */
static char separator(FILE *in)
{
	size_t counts[3] = {0};
	const char seps[3] = {',', ';', '\t'};
	long at = ftell(in);
	bool q = false;
	for (int c = getc(in); c != EOF && (q || (c != '\n' && c != '\r')); c = getc(in)) {
		if (c == '"')
			q = !q;
		for (int k = 0; !q && k < 3; k++)
			counts[k] += c == seps[k];
	}
	if (at >= 0)
		fseek(in, at, SEEK_SET);
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (counts[k] > counts[best])
			best = k;
	return seps[best];
}

static int header_col(const char *h)
{
	char *f = fold(h);
	int found = -1;
	for (int c = 0; found < 0 && c < COL_COUNT; c++)
		for (int k = 0; k < 8 && col_names[c][k]; k++)
			if (strcmp(f, col_names[c][k]) == 0)
				found = c;
	free(f);
	return found;
}

/* The header's columns into r->map; refuses an unknown, a doubled or a missing column. */
static enum mstatus read_header(struct csv_reader *r, struct merr *err)
{
	struct field_list head = {0};
	enum mstatus st = peek(r->in) == EOF ? M_OK : next_record(r, &head, err);
	bool have[COL_COUNT] = {false};
	if (st == M_OK && head.n > MAX_COLS)
		st = merr_set(err, M_DATA, MR_INVALID, _("%s: line 1: too many columns"), r->name);
	for (size_t i = 0; st == M_OK && i < head.n; i++) {
		r->map[i] = header_col(head.v[i]);
		if (r->map[i] < 0 && head.v[i][0] == '\0')
			continue; /* an empty column spreadsheets add at the end */
		char *clean = text_sanitize(head.v[i], 0);
		if (r->map[i] < 0)
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line 1: column '%s' is not one mellan reads (see "
			      "mellan(5): case, date, actor, what happened, what was done, "
			      "note); nothing was imported"),
			    r->name, clean);
		else if (have[r->map[i]])
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line 1: column '%s' appears twice; nothing was imported"),
			    r->name, clean);
		else
			have[r->map[i]] = true;
		free(clean);
	}
	if (st == M_OK && (!have[COL_CASE] || !have[COL_HAPPENED]))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: line 1: needs at least the columns 'case' and 'what happened' "
		                "(or 'fall' and 'vad hände'); nothing was imported"),
		              r->name);
	r->head = head;
	return st;
}

enum mstatus csv_open(const char *name, FILE *in, struct csv_reader **out, struct merr *err)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->in = in;
	r->name = name;
	r->line = 1;
	r->cap = 256;
	r->buf = xmalloc(r->cap); /* never NULL, even for a file of empty fields */
	long at = ftell(in);
	unsigned char bom[3];
	if (fread(bom, 1, 3, in) != 3 || memcmp(bom, "\xEF\xBB\xBF", 3) != 0)
		fseek(in, at < 0 ? 0 : at, SEEK_SET);
	r->sep = separator(in);
	enum mstatus st = read_header(r, err);
	if (st != M_OK)
		csv_close(&r);
	*out = r;
	return st;
}

void csv_close(struct csv_reader **r)
{
	if (!*r)
		return;
	fields_clear(&(*r)->head);
	free((*r)->buf);
	free(*r);
	*r = NULL;
}

enum mstatus csv_next(struct csv_reader *r, struct csv_row *row, bool *more, struct merr *err)
{
	memset(row, 0, sizeof *row);
	enum mstatus st = M_OK;
	*more = false;
	while (st == M_OK && !*more && peek(r->in) != EOF) {
		struct field_list f = {0};
		long at = r->line;
		st = next_record(r, &f, err);
		bool blank = true;
		for (size_t i = 0; i < f.n; i++)
			for (const char *c = f.v[i]; *c; c++)
				if (*c != ' ' && *c != '\t')
					blank = false;
		if (st == M_OK && f.n > r->head.n && !blank)
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line %ld: %zu fields, but the header has %zu; nothing was "
			      "imported"),
			    r->name, at, f.n, r->head.n);
		if (st == M_OK && !blank) {
			*more = true;
			row->line = at;
			char **slot[COL_COUNT] = {&row->case_code, &row->date, &row->actor,
			                          &row->happened,  &row->done, &row->note};
			for (size_t i = 0; i < f.n; i++)
				if (r->map[i] >= 0 && f.v[i][0])
					*slot[r->map[i]] = xstrdup(f.v[i]);
		}
		fields_clear(&f);
	}
	if (st == M_OK && ferror(r->in))
		st = merr_set(err, M_OTHER, MR_IO, _("%s: cannot read the file"), r->name);
	if (st != M_OK)
		*more = false;
	return st;
}

/* ---- writing ------------------------------------------------------------------------------- */

/* An identity made from the row's content: the same row imported again is recognised. FNV-1a
 * twice over the parts, shaped as a UUID (version 8, "custom"). */
static void content_uuid(const char *kind, const struct csv_row *r, char out[M_UUID_LEN + 1])
{
	const char *parts[] = {kind,        r->case_code, r->date, r->actor,
	                       r->happened, r->done,      r->note};
	uint64_t h[2] = {0xcbf29ce484222325u, 0x84222325cbf29ce4u};
	for (int k = 0; k < 2; k++)
		for (size_t p = 0; p < sizeof parts / sizeof *parts; p++) {
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

/* The catalogue's names and short labels, folded once: a row's actor is folded once and
 * compared, not the whole catalogue folded again for every row. */
struct actor_names {
	char **name, **label;
	m_id *id;
	size_t n;
};

static void actor_names_load(struct actor_names *a, const struct m_actor_list *l)
{
	a->n = l->n;
	a->name = xcalloc(l->n + 1, sizeof *a->name);
	a->label = xcalloc(l->n + 1, sizeof *a->label);
	a->id = xcalloc(l->n + 1, sizeof *a->id);
	for (size_t i = 0; i < l->n; i++) {
		a->name[i] = fold(l->items[i].name);
		a->label[i] = fold(l->items[i].short_label ? l->items[i].short_label : "");
		a->id[i] = l->items[i].id;
	}
}

static void actor_names_clear(struct actor_names *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->name[i]);
		free(a->label[i]);
	}
	free(a->name);
	free(a->label);
	free(a->id);
	memset(a, 0, sizeof *a);
}

static m_id find_actor(const struct actor_names *a, const char *name)
{
	char *f = fold(name);
	m_id id = 0;
	for (size_t i = 0; !id && i < a->n; i++)
		if (strcmp(a->name[i], f) == 0 || (a->label[i][0] && strcmp(a->label[i], f) == 0))
			id = a->id[i];
	free(f);
	return id;
}

/* A row checked before any of it is written. */
static enum mstatus check_row(const char *name, const struct csv_row *r,
                              const struct actor_names *actors, m_id *actor_id, struct merr *err)
{
	struct fuzzy_time ft;
	struct merr e = {0};
	if (!r->case_code)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: no case code; nothing was imported"), name,
		                r->line);
	if (!r->happened)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: 'what happened' is empty; nothing was imported"),
		                name, r->line);
	if (r->date && ft_parse(r->date, &ft, &e) != M_OK) {
		char *clean = text_sanitize(e.msg, 0);
		merr_set(err, M_DATA, MR_INVALID, _("%s: line %ld: %s; nothing was imported"), name,
		         r->line, clean);
		free(clean);
		return M_DATA;
	}
	*actor_id = r->actor ? find_actor(actors, r->actor) : 0;
	if (r->actor && !*actor_id) {
		char *clean = text_sanitize(r->actor, 0);
		merr_set(err, M_DATA, MR_NOT_FOUND,
		         _("%s: line %ld: no actor '%s' in the catalogue (use its name or short "
		           "label, or add it first); nothing was imported"),
		         name, r->line, clean);
		free(clean);
		return M_DATA;
	}
	if (r->done && !r->actor)
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: line %ld: 'what was done' needs an actor; nothing was "
		                  "imported"),
		                name, r->line);
	return M_OK;
}

/* The cases met so far, by code: its id and the next place in its story. Open addressing,
 * so finding a row's case takes the same time however many cases the file has. */
struct case_slot {
	char *code;
	m_id id;
	int next_seq;
};
struct case_map {
	struct case_slot *slots;
	size_t cap, n;
};

static size_t hash(const char *s)
{
	size_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

static struct case_slot *case_slot(struct case_map *m, const char *code)
{
	if (2 * (m->n + 1) > m->cap) {
		struct case_map bigger = {xcalloc(m->cap ? 2 * m->cap : 64, sizeof *m->slots),
		                          m->cap ? 2 * m->cap : 64, 0};
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].code)
				*case_slot(&bigger, m->slots[i].code) = m->slots[i];
		bigger.n = m->n;
		free(m->slots);
		*m = bigger;
	}
	size_t i = hash(code) & (m->cap - 1);
	while (m->slots[i].code && strcmp(m->slots[i].code, code) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void case_map_clear(struct case_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].code);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* The title is the first line of what happened, cut to fit a list; the whole text is the
 * narrative when there is more. */
static void split_happened(const char *h, char **title, char **narrative)
{
	size_t n = strcspn(h, "\n");
	size_t fit = text_fit(h, 80, NULL);
	if (fit < n)
		n = fit;
	*title = xstrndup(h, n);
	*narrative = h[n] ? xstrdup(h) : NULL;
}

/* One row: its step (unless a row with the same content is here already) and the
 * intervention of its actor. */
static enum mstatus import_row(struct store *s, const struct csv_row *r, m_id actor_id,
                               struct case_map *cases, struct store_exchange_report *rep,
                               struct merr *err)
{
	struct m_step step = {0};
	content_uuid("step", r, step.uuid);
	bool there = false;
	enum mstatus st = store_record_exists(s, step.uuid, &there, err);
	if (st != M_OK || there) {
		rep->same += there;
		return st;
	}
	struct case_slot *c = case_slot(cases, r->case_code);
	if (!c->code) {
		bool made = false;
		st = store_bulk_case(s, r->case_code, &c->id, &c->next_seq, &made, err);
		if (st != M_OK)
			return st;
		c->code = xstrdup(r->case_code);
		cases->n++;
		rep->added += made;
	}
	step.case_id = c->id;
	step.seq = c->next_seq++;
	step.time = xstrdup_or_null(r->date);
	step.note = xstrdup_or_null(r->note);
	split_happened(r->happened, &step.title, &step.narrative);
	st = store_bulk_step(s, &step, err);
	rep->added += st == M_OK;
	if (st == M_OK && actor_id) {
		struct m_intervention iv = {0};
		content_uuid("intervention", r, iv.uuid);
		iv.case_id = step.case_id;
		iv.actor_id = actor_id;
		iv.step_from = step.id;
		iv.kind = IV_MADE;
		iv.what = xstrdup_or_null(r->done);
		st = store_bulk_intervention(s, &iv, err);
		rep->added += st == M_OK;
		m_intervention_clear(&iv);
	}
	m_step_clear(&step);
	return st;
}

enum mstatus csv_import(struct store *s, const char *name, FILE *in,
                        struct store_exchange_report *rep, store_progress_fn progress, void *arg,
                        struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	struct m_actor_list list = {0};
	struct actor_names actors = {0};
	struct case_map cases = {0};
	struct csv_reader *r = NULL;
	enum mstatus st = store_actor_list(s, &list, err);
	if (st == M_OK)
		actor_names_load(&actors, &list);
	if (st == M_OK)
		st = csv_open(name, in, &r, err);
	if (st == M_OK)
		st = store_begin(s, err);
	bool began = st == M_OK;
	long done = 0;
	for (bool more = true; st == M_OK && more;) {
		struct csv_row row;
		m_id actor_id = 0;
		st = csv_next(r, &row, &more, err);
		if (st == M_OK && more)
			st = check_row(name, &row, &actors, &actor_id, err);
		if (st == M_OK && more) {
			st = import_row(s, &row, actor_id, &cases, rep, err);
			if (st != M_OK) {
				struct merr e = *err;
				merr_set(err, merr_data(NULL, st), e.reason,
				         _("line %ld of %s: %s; nothing was imported"), row.line,
				         name, e.msg);
				st = err->status;
			}
		}
		csv_row_clear(&row);
		if (progress && more && ++done % 1000 == 0)
			progress(arg, "steps", done, -1);
	}
	if (began && st == M_OK)
		st = store_commit(s, err);
	else if (began)
		store_rollback(s);
	store_bulk_end(s);
	csv_close(&r);
	case_map_clear(&cases);
	actor_names_clear(&actors);
	m_actor_list_clear(&list);
	return st;
}
