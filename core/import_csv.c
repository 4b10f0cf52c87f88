/* import_csv.c - reading a CSV chronology (import_csv.h). The whole file is read and checked
 * before anything is written, so a refusal names the line and leaves the database as it was. */
#include "import_csv.h"

#include "fuzzytime.h"
#include "i18n.h"
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

void csv_rows_clear(struct csv_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct csv_row *x = &r->items[i];
		free(x->case_code);
		free(x->date);
		free(x->actor);
		free(x->happened);
		free(x->done);
		free(x->note);
	}
	free(r->items);
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

/* One record from *pos: fields split at sep, quotes honoured. *line counts newlines. */
static enum mstatus next_record(const char *name, const char *t, size_t len, size_t *pos,
                                long *line, char sep, struct field_list *out, struct merr *err)
{
	size_t i = *pos;
	long start = *line;
	char *buf = xmalloc(len - i + 1);
	size_t bn = 0;
	for (;;) {
		bn = 0;
		bool quoted = false;
		if (i < len && t[i] == '"') {
			quoted = true;
			i++;
			for (;;) {
				if (i >= len) {
					free(buf);
					return merr_set(
					    err, M_DATA, MR_INVALID,
					    _("%s: line %ld: a quoted field has no closing "
					      "quote; nothing was imported"),
					    name, start);
				}
				if (t[i] == '"' && i + 1 < len && t[i + 1] == '"') {
					buf[bn++] = '"';
					i += 2;
				} else if (t[i] == '"') {
					i++;
					break;
				} else {
					if (t[i] == '\n')
						(*line)++;
					if (!(t[i] == '\r' && i + 1 < len && t[i + 1] == '\n'))
						buf[bn++] = t[i];
					i++;
				}
			}
		}
		while (i < len && t[i] != sep && t[i] != '\n' && t[i] != '\r') {
			if (quoted && t[i] != ' ' && t[i] != '\t') {
				free(buf);
				return merr_set(
				    err, M_DATA, MR_INVALID,
				    _("%s: line %ld: text after a closing quote; nothing "
				      "was imported"),
				    name, *line);
			}
			if (t[i] == '"' && !quoted) {
				free(buf);
				return merr_set(
				    err, M_DATA, MR_INVALID,
				    _("%s: line %ld: a quote inside a field that does not "
				      "start with one; nothing was imported"),
				    name, *line);
			}
			if (!quoted)
				buf[bn++] = t[i];
			i++;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = xstrndup(buf, bn);
		if (i < len && t[i] == sep) {
			i++;
			continue;
		}
		if (i < len && t[i] == '\r')
			i++;
		if (i < len && t[i] == '\n')
			i++;
		(*line)++;
		break;
	}
	free(buf);
	*pos = i;
	return M_OK;
}

/* The separator the header line uses most, outside quotes. */
static char separator(const char *t, size_t len)
{
	size_t counts[3] = {0};
	const char seps[3] = {',', ';', '\t'};
	bool q = false;
	for (size_t i = 0; i < len && (q || t[i] != '\n'); i++) {
		if (t[i] == '"')
			q = !q;
		for (int k = 0; !q && k < 3; k++)
			counts[k] += t[i] == seps[k];
	}
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

static enum mstatus bad_utf8(const char *name, const char *t, size_t len, struct merr *err)
{
	long line = 1;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++)
		if (i == len || t[i] == '\n') {
			if (!text_valid_utf8(t + start, i - start))
				break;
			start = i + 1;
			line++;
		}
	return merr_set(err, M_DATA, MR_INVALID,
	                _("%s: line %ld: not UTF-8 text (save the spreadsheet as \"CSV UTF-8\"); "
	                  "nothing was imported"),
	                name, line);
}

enum mstatus csv_read(const char *name, const char *text, size_t len, struct csv_rows *out,
                      struct merr *err)
{
	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (memchr(text, '\0', len) || !text_valid_utf8(text, len))
		return bad_utf8(name, text, len, err);
	char sep = separator(text, len);
	size_t pos = 0;
	long line = 1;
	struct field_list head = {0};
	enum mstatus st = next_record(name, text, len, &pos, &line, sep, &head, err);
	int map[64];
	bool have[COL_COUNT] = {false};
	if (st == M_OK && head.n > 64)
		st = merr_set(err, M_DATA, MR_INVALID, _("%s: line 1: too many columns"), name);
	for (size_t i = 0; st == M_OK && i < head.n; i++) {
		map[i] = header_col(head.v[i]);
		if (map[i] < 0 && head.v[i][0] == '\0')
			continue; /* an empty column spreadsheets add at the end */
		char *clean = text_sanitize(head.v[i], 0);
		if (map[i] < 0)
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line 1: column '%s' is not one mellan reads (see "
			      "mellan(5): case, date, actor, what happened, what was done, "
			      "note); nothing was imported"),
			    name, clean);
		else if (have[map[i]])
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line 1: column '%s' appears twice; nothing was imported"), name,
			    clean);
		else
			have[map[i]] = true;
		free(clean);
	}
	if (st == M_OK && (!have[COL_CASE] || !have[COL_HAPPENED]))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: line 1: needs at least the columns 'case' and 'what happened' "
		                "(or 'fall' and 'vad hände'); nothing was imported"),
		              name);
	while (st == M_OK && pos < len) {
		struct field_list f = {0};
		long at = line;
		st = next_record(name, text, len, &pos, &line, sep, &f, err);
		bool blank = true;
		for (size_t i = 0; i < f.n; i++)
			for (const char *c = f.v[i]; *c; c++)
				if (*c != ' ' && *c != '\t')
					blank = false;
		if (st == M_OK && f.n > head.n && !blank)
			st = merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line %ld: %zu fields, but the header has %zu; nothing was "
			      "imported"),
			    name, at, f.n, head.n);
		if (st == M_OK && !blank) {
			out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
			struct csv_row *r = &out->items[out->n++];
			memset(r, 0, sizeof *r);
			r->line = at;
			char **slot[COL_COUNT] = {&r->case_code, &r->date, &r->actor,
			                          &r->happened,  &r->done, &r->note};
			for (size_t i = 0; i < f.n; i++)
				if (map[i] >= 0 && f.v[i][0])
					*slot[map[i]] = xstrdup(f.v[i]);
		}
		fields_clear(&f);
	}
	fields_clear(&head);
	if (st != M_OK)
		csv_rows_clear(out);
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

static m_id find_actor(const struct m_actor_list *l, const char *name)
{
	char *f = fold(name);
	m_id id = 0;
	for (size_t i = 0; !id && i < l->n; i++) {
		char *a = fold(l->items[i].name);
		char *b = fold(l->items[i].short_label ? l->items[i].short_label : "");
		if (strcmp(a, f) == 0 || strcmp(b, f) == 0)
			id = l->items[i].id;
		free(a);
		free(b);
	}
	free(f);
	return id;
}

/* Every row checked before anything is written. */
static enum mstatus check_rows(const char *name, const struct csv_rows *rows,
                               const struct m_actor_list *actors, m_id *actor_ids, struct merr *err)
{
	for (size_t i = 0; i < rows->n; i++) {
		const struct csv_row *r = &rows->items[i];
		struct fuzzy_time ft;
		struct merr e = {0};
		if (!r->case_code)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s: line %ld: no case code; nothing was imported"), name,
			                r->line);
		if (!r->happened)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s: line %ld: 'what happened' is empty; nothing was "
			                  "imported"),
			                name, r->line);
		if (r->date && ft_parse(r->date, &ft, &e) != M_OK) {
			char *clean = text_sanitize(e.msg, 0);
			merr_set(err, M_DATA, MR_INVALID,
			         _("%s: line %ld: %s; nothing was imported"), name, r->line, clean);
			free(clean);
			return M_DATA;
		}
		actor_ids[i] = r->actor ? find_actor(actors, r->actor) : 0;
		if (r->actor && !actor_ids[i]) {
			char *clean = text_sanitize(r->actor, 0);
			merr_set(err, M_DATA, MR_NOT_FOUND,
			         _("%s: line %ld: no actor '%s' in the catalogue (use its name or "
			           "short label, or add it first); nothing was imported"),
			         name, r->line, clean);
			free(clean);
			return M_DATA;
		}
		if (r->done && !r->actor)
			return merr_set(
			    err, M_DATA, MR_INVALID,
			    _("%s: line %ld: 'what was done' needs an actor; nothing was "
			      "imported"),
			    name, r->line);
	}
	return M_OK;
}

/* The case with this code, made when it is not here yet. */
static enum mstatus case_for(struct store *s, const struct csv_row *r, m_id *id,
                             struct store_exchange_report *rep, struct merr *err)
{
	struct m_case c = {0};
	enum mstatus st = store_case_find(s, r->case_code, &c, err);
	if (st != M_OK && err->reason == MR_NOT_FOUND) {
		merr_clear(err);
		m_case_clear(&c);
		c.code = xstrdup(r->case_code);
		st = store_case_add(s, &c, err);
		if (st == M_OK)
			rep->added++;
	}
	*id = c.id;
	m_case_clear(&c);
	return st;
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

enum mstatus csv_import(struct store *s, const char *name, const struct csv_rows *rows,
                        struct store_exchange_report *rep, struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	struct m_actor_list actors = {0};
	enum mstatus st = store_actor_list(s, &actors, err);
	m_id *actor_ids = xcalloc(rows->n + 1, sizeof *actor_ids);
	if (st == M_OK)
		st = check_rows(name, rows, &actors, actor_ids, err);
	if (st == M_OK)
		st = store_begin(s, err);
	for (size_t i = 0; st == M_OK && i < rows->n; i++) {
		const struct csv_row *r = &rows->items[i];
		struct m_step step = {0};
		content_uuid("step", r, step.uuid);
		bool there = false;
		st = store_record_exists(s, step.uuid, &there, err);
		if (st == M_OK && there) {
			rep->same++;
			continue;
		}
		if (st == M_OK)
			st = case_for(s, r, &step.case_id, rep, err);
		if (st == M_OK) {
			step.time = xstrdup_or_null(r->date);
			step.note = xstrdup_or_null(r->note);
			split_happened(r->happened, &step.title, &step.narrative);
			st = store_step_add(s, &step, err);
		}
		if (st == M_OK)
			rep->added++;
		if (st == M_OK && actor_ids[i]) {
			struct m_intervention iv = {0};
			content_uuid("intervention", r, iv.uuid);
			iv.case_id = step.case_id;
			iv.actor_id = actor_ids[i];
			iv.step_from = step.id;
			iv.kind = IV_MADE;
			iv.what = xstrdup_or_null(r->done);
			st = store_intervention_add(s, &iv, err);
			if (st == M_OK)
				rep->added++;
			m_intervention_clear(&iv);
		}
		if (st != M_OK) {
			struct merr e = *err;
			merr_set(err, st, e.reason, _("line %ld of %s: %s; nothing was imported"),
			         r->line, name, e.msg);
		}
		m_step_clear(&step);
	}
	if (st == M_OK)
		st = store_commit(s, err);
	else
		store_rollback(s);
	free(actor_ids);
	m_actor_list_clear(&actors);
	return st;
}
