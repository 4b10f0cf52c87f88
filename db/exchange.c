/* exchange.c - export and import of the JSON exchange format (man/mellan.5). SQLite's JSON
 * functions write each record (json_object) and read the file (json_valid, json_each,
 * json_extract); C only lays the records out one a line, so a damaged line can be named. */
#include "portable.h"

#include "core/i18n.h"
#include "core/store_exchange.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define FORMAT_NAME "mellan"
/* 2 added the workshops, their cases, log and votes, the thresholds, the dismissals, the names
 * not to use (when asked), the privacy findings kept and the alliance's settings. A file of
 * version 1 is read as it is: it has none of them. */
#define FORMAT_VERSION 2
#define FORMAT_OLDEST 1

/* The lists of a document besides the kinds' (which are records[] by index). */
enum { A_HISTORY = R_COUNT, A_KEPT, A_SETTINGS, A_COUNT };

const char *const store_alliance_settings[] = {"proposal-silence-days", "proposal-handover-days",
                                               NULL};

/* The alliance's settings as an SQL list: ('a', 'b'). */
static char *alliance_sql(void)
{
	sqlite3_str *l = sqlite3_str_new(NULL);
	for (size_t i = 0; store_alliance_settings[i]; i++)
		sqlite3_str_appendf(l, "%s%Q", i ? ", " : "(", store_alliance_settings[i]);
	sqlite3_str_appendall(l, ")");
	char *v = sqlite3_str_finish(l);
	char *out = xstrdup(v ? v : "('')");
	sqlite3_free(v);
	return out;
}

/* Which rows of kind k belong to the chosen cases (temp.x_case), as an SQL condition on `t`:
 * a case itself, or a record whose owner's owner ... is one; "" for all (the catalogue). */
static char *belongs(const struct record_kind *k, const char *t)
{
	if (k == &records[R_CASE])
		return xasprintf("%s.id IN (SELECT id FROM temp.x_case)", t);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!(f->flags & RF_OWNER))
			continue;
		if (f->ref == &records[R_CASE])
			return xasprintf("%s.%s IN (SELECT id FROM temp.x_case)", t, f->col);
		char *up = belongs(f->ref, "o");
		char *c = *up ? xasprintf("%s.%s IN (SELECT o.id FROM main.%s o WHERE %s)", t,
		                          f->col, f->ref->table, up)
		              : xstrdup("");
		free(up);
		return c;
	}
	return xstrdup("");
}

/* The rows of k that belong to the chosen cases, and that refer to nothing left out: a vote on
 * a gap of a case not chosen stays behind with that case. */
static char *filter(const struct record_kind *k)
{
	char *c = belongs(k, "t");
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (f->type != RT_REF || (f->flags & RF_OWNER) || !f->key)
			continue;
		char *up = belongs(f->ref, "o");
		if (*up) {
			char *next =
			    xasprintf("%s%s(t.%s IS NULL OR t.%s IN (SELECT o.id FROM "
			              "main.%s o WHERE %s))",
			              c, *c ? " AND " : "", f->col, f->col, f->ref->table, up);
			free(c);
			c = next;
		}
		free(up);
	}
	char *w = *c ? xasprintf("WHERE %s", c) : xstrdup("");
	free(c);
	return w;
}

static enum mstatus choose_cases(struct store *s, const char *const *codes, size_t n,
                                 struct merr *err)
{
	enum mstatus st =
	    db_exec(s,
	            "CREATE TEMP TABLE IF NOT EXISTS x_case (id INTEGER PRIMARY KEY); "
	            "DELETE FROM temp.x_case; "
	            "CREATE TEMP TABLE IF NOT EXISTS x_uuid (uuid TEXT PRIMARY KEY) "
	            "WITHOUT ROWID; DELETE FROM temp.x_uuid;",
	            err);
	if (st == M_OK && n == 0)
		st = db_exec(s, "INSERT INTO temp.x_case SELECT id FROM main.kase", err);
	for (size_t i = 0; st == M_OK && i < n; i++) {
		struct q q;
		q_prepare(&q, s,
		          "INSERT OR IGNORE INTO temp.x_case SELECT id FROM main.kase "
		          "WHERE code = :c");
		q_text(&q, ":c", codes[i]);
		q_exec(&q);
		st = q_finish(&q, err);
		if (st == M_OK && sqlite3_changes(s->db) == 0) {
			struct q e;
			q_prepare(&e, s, "SELECT 1 FROM main.kase WHERE code = :c");
			q_text(&e, ":c", codes[i]);
			bool there = q_row(&e);
			st = q_finish(&e, err);
			if (st == M_OK && !there)
				st = merr_set(err, M_DATA, MR_NOT_FOUND,
				              _("%s: no case with the code '%s'"), s->path,
				              codes[i]);
		}
	}
	return st;
}

/* json_object('key', value, ...) of one portable row of t. */
static char *object_sql(const struct record_kind *t)
{
	char *sql = xstrdup("SELECT json_object(");
	for (size_t i = 0, j = 0; i < t->n_fields; i++) {
		const struct record_field *c = &t->fields[i];
		if (!ptravels(c))
			continue;
		char *e = pref(c) ? xasprintf("(SELECT r.uuid FROM main.%s r WHERE r.id = t.%s)",
		                              c->ref->table, c->col)
		                  : xasprintf("t.%s", c->col);
		char *next = xasprintf("%s%s'%s', %s", sql, j++ ? ", " : "", c->key, e);
		free(e);
		free(sql);
		sql = next;
	}
	char *where = filter(t);
	char *full =
	    xasprintf("%s), t.uuid FROM main.%s t %s ORDER BY t.uuid", sql, t->table, where);
	free(where);
	free(sql);
	return full;
}

/* Writes the rows of one query as the members of the array `key`, one a line. */
static enum mstatus write_array(struct store *s, const char *key, const char *sql, bool remember,
                                bool last, FILE *out, struct merr *err)
{
	fprintf(out, "  \"%s\": [", key);
	struct q q, r;
	q_prepare(&q, s, sql);
	q_prepare(&r, s, "INSERT OR IGNORE INTO temp.x_uuid (uuid) VALUES (:u)");
	size_t n = 0;
	while (q_row(&q)) {
		const char *obj = (const char *)sqlite3_column_text(q.st, 0);
		fprintf(out, "%s\n    %s", n++ ? "," : "", obj ? obj : "null");
		if (remember) {
			sqlite3_reset(r.st);
			q_text(&r, ":u", (const char *)sqlite3_column_text(q.st, 1));
			q_exec(&r);
		}
	}
	fprintf(out, "%s]%s\n", n ? "\n  " : "", last ? "" : ",");
	enum mstatus st = q_finish(&q, err);
	enum mstatus rst = q_finish(&r, err);
	return st != M_OK ? st : rst;
}

enum mstatus store_export_json(struct store *s, const char *const *codes, size_t n, FILE *out,
                               struct merr *err)
{
	return store_export_json_with(s, codes, n, 0, out, err);
}

enum mstatus store_export_json_with(struct store *s, const char *const *codes, size_t n,
                                    unsigned flags, FILE *out, struct merr *err)
{
	/* One read transaction: the export is one moment of the file even while others write. */
	enum mstatus st = ptemp_memory(s, err);
	if (st == M_OK)
		st = db_exec(s, "BEGIN", err);
	if (st != M_OK)
		return st;
	st = choose_cases(s, codes, n, err);
	if (st == M_OK)
		fprintf(out, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n", FORMAT_NAME,
		        FORMAT_VERSION);
	for (size_t i = 0; st == M_OK && i < R_COUNT; i++) {
		if (!records[i].key || (records[i].on_request && !(flags & STORE_WITH_NAMES)))
			continue;
		char *sql = object_sql(&records[i]);
		st = write_array(s, records[i].key, sql, true, false, out, err);
		free(sql);
	}
	/* Findings kept on purpose travel with the records they are about, as their hashes. */
	if (st == M_OK)
		st = write_array(s, "kept",
		                 "SELECT json_object('uuid', uuid, 'created', created, 'record', "
		                 "record_uuid, 'field', field, 'key', key, 'editor', editor), NULL "
		                 "FROM main.privacy_kept WHERE record_uuid IN (SELECT uuid FROM "
		                 "temp.x_uuid) ORDER BY uuid",
		                 false, false, out, err);
	if (st == M_OK) {
		char *list = alliance_sql();
		char *sql = xasprintf("SELECT json_object('key', key, 'value', value), NULL FROM "
		                      "main.settings WHERE key IN %s ORDER BY key",
		                      list);
		st = write_array(s, "settings", sql, false, false, out, err);
		free(sql);
		free(list);
	}
	if (st == M_OK)
		st = write_array(
		    s, "history",
		    "SELECT json_object('table', h.tbl, 'uuid', h.row_uuid, 'op', h.op, "
		    "'at', h.at, 'editor', h.editor, 'old', h.old, 'new', h.new), NULL "
		    "FROM main.history h WHERE h.row_uuid IN (SELECT uuid FROM "
		    "temp.x_uuid) ORDER BY h.at, h.id",
		    false, true, out, err);
	if (st == M_OK)
		fprintf(out, "}\n");
	db_exec(s, "COMMIT", NULL);
	db_exec(s, "DROP TABLE IF EXISTS temp.x_case; DROP TABLE IF EXISTS temp.x_uuid", NULL);
	if (st == M_OK && ferror(out))
		st = merr_set(err, M_OTHER, MR_IO, _("could not write the export"));
	return st;
}

/* ---- import ----------------------------------------------------------------------------------- */

/* A line of the layout export writes around the records: braces, brackets, "key": [ ... */
static bool skeleton_line(const char *l, size_t n)
{
	static const char *const fixed[] = {"{", "}", "]", "],", "\"format\": \"mellan\","};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (n == strlen(fixed[i]) && memcmp(l, fixed[i], n) == 0)
			return true;
	if (n < 2 || l[0] != '"')
		return false;
	size_t k = 1;
	while (k < n && ((l[k] >= 'a' && l[k] <= 'z') || l[k] == '_'))
		k++;
	if (k + 3 > n || memcmp(l + k, "\": ", 3) != 0)
		return false;
	const char *rest = l + k + 3;
	size_t rn = n - k - 3;
	if ((rn == 1 && rest[0] == '[') || (rn == 2 && memcmp(rest, "[]", 2) == 0) ||
	    (rn == 3 && memcmp(rest, "[],", 3) == 0))
		return true;
	size_t d = 0;
	while (d < rn && rest[d] >= '0' && rest[d] <= '9')
		d++;
	return d > 0 && (d == rn || (d + 1 == rn && rest[d] == ','));
}

/* json_valid says only yes or no. In the layout export writes (a record a line), the first
 * line that is neither a valid record nor part of the layout is named. */
static enum mstatus bad_json(struct store *s, const char *name, const char *text, size_t len,
                             struct merr *err)
{
	size_t line = 1;
	bool ours = strstr(text, "\n  \"format\": \"mellan\",\n") != NULL;
	for (size_t i = 0; ours && i < len;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t a = i, b = e;
		while (a < b && (text[a] == ' ' || text[a] == '\t'))
			a++;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\r'))
			b--;
		bool ok = a == b || skeleton_line(text + a, b - a);
		if (!ok && text[a] == '{') {
			size_t r = b > a && text[b - 1] == ',' ? b - 1 : b;
			struct q q;
			q_prepare(&q, s, "SELECT json_valid(:l)");
			char *l = xstrndup(text + a, r - a);
			q_text(&q, ":l", l);
			free(l);
			ok = q_row(&q) && q_col_int(&q, 0);
			q_finish(&q, NULL);
		}
		if (!ok)
			return merr_set(err, M_DATA, MR_INVALID,
			                _("%s: line %zu: not valid JSON; nothing was imported"),
			                name, line);
		i = e + 1;
		line++;
	}
	return merr_set(err, M_DATA, MR_INVALID,
	                _("%s: not valid JSON (a bracket, quote or comma is wrong or missing); "
	                  "nothing was imported"),
	                name);
}

/* The index of a top-level array in `arrays` (the kinds that travel, by their index in
 * records[], then A_HISTORY, A_KEPT, A_SETTINGS); -1 for none. */
static int array_index(const char *k)
{
	for (size_t i = 0; i < R_COUNT; i++)
		if (records[i].key && strcmp(k, records[i].key) == 0)
			return (int)i;
	return strcmp(k, "history") == 0    ? A_HISTORY
	       : strcmp(k, "kept") == 0     ? A_KEPT
	       : strcmp(k, "settings") == 0 ? A_SETTINGS
	                                    : -1;
}

/* Checks the document's head and collects its lists, so the large document is parsed a few
 * times in all rather than once per list. */
static enum mstatus check_head(struct store *s, const char *name, const char *doc, char **arrays,
                               struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT json_valid(:d)");
	q_text(&q, ":d", doc);
	bool valid = q_row(&q) && q_col_int(&q, 0);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		return st;
	if (!valid)
		return bad_json(s, name, doc, strlen(doc), err);
	q_prepare(&q, s, "SELECT json_type(:d)");
	q_text(&q, ":d", doc);
	bool object = q_row(&q) && sqlite3_column_text(q.st, 0) &&
	              strcmp((const char *)sqlite3_column_text(q.st, 0), "object") == 0;
	st = q_finish(&q, err);
	bool format = false, version = false;
	long long newer = 0;
	if (st == M_OK && object) {
		q_prepare(&q, s, "SELECT key, type, value FROM json_each(:d)");
		q_text(&q, ":d", doc);
	}
	while (st == M_OK && object && q_row(&q)) {
		const char *k = (const char *)sqlite3_column_text(q.st, 0);
		const char *t = (const char *)sqlite3_column_text(q.st, 1);
		const char *v = (const char *)sqlite3_column_text(q.st, 2);
		int a = array_index(k);
		if (strcmp(k, "format") == 0) {
			format = strcmp(t, "text") == 0 && strcmp(v, FORMAT_NAME) == 0;
		} else if (strcmp(k, "version") == 0) {
			long long v_ = strcmp(t, "integer") == 0 ? q_col_int(&q, 2) : -1;
			version = v_ >= FORMAT_OLDEST && v_ <= FORMAT_VERSION;
			newer = v_ > FORMAT_VERSION ? v_ : 0;
		} else if (a < 0) {
			char *clean = text_sanitize(k, 0);
			st = merr_set(err, M_DATA, MR_INVALID,
			              _("%s: \"%s\": not part of format version %d; nothing was "
			                "imported"),
			              name, clean, FORMAT_VERSION);
			free(clean);
		} else if (strcmp(t, "array") != 0) {
			st = merr_set(err, M_DATA, MR_INVALID,
			              _("%s: \"%s\" must be a list [...]; nothing was imported"),
			              name, k);
		} else {
			free(arrays[a]);
			arrays[a] = xstrdup(v);
		}
	}
	if (object) {
		enum mstatus fst = q_finish(&q, err);
		if (st == M_OK)
			st = fst;
	}
	if (st == M_OK && (!object || !format))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: not a mellan export (no \"format\": \"mellan\"); nothing was "
		                "imported"),
		              name);
	else if (st == M_OK && newer)
		st = merr_set(
		    err, M_DATA, MR_NEWER,
		    _("%s: made by a newer mellan (format version %lld; this mellan reads "
		      "versions %d to %d); update mellan to import it, nothing was imported"),
		    name, newer, FORMAT_OLDEST, FORMAT_VERSION);
	else if (st == M_OK && !version)
		st = merr_set(err, M_DATA, MR_NEWER,
		              _("%s: an export of another format version, this mellan reads "
		                "versions %d to %d; nothing was imported"),
		              name, FORMAT_OLDEST, FORMAT_VERSION);
	return st;
}

/* SQLite's JSON functions end a string at an escaped NUL (\u0000) without a word: "ab\u0000cd"
 * reads as "ab". The JSON text itself still has the escape, so it is looked for there. */
static const char *json_nul(const char *raw)
{
	bool in_string = false;
	for (const char *p = raw; p && *p; p++) {
		if (*p == '"')
			in_string = !in_string;
		else if (in_string && *p == '\\') {
			if (p[1] == 'u' && strncmp(p + 2, "0000", 4) == 0)
				return p;
			if (p[1])
				p++;
		}
	}
	return NULL;
}

/* A record whose JSON text has a NUL in it: refused, naming the field that holds it. */
static enum mstatus nul_field(struct store *s, const char *where, const char *raw, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT j.key, :o -> j.fullkey FROM json_each(:o) j");
	q_text(&q, ":o", raw);
	char *key = NULL;
	while (!key && q_row(&q))
		if (json_nul((const char *)sqlite3_column_text(q.st, 1)))
			key = text_sanitize((const char *)sqlite3_column_text(q.st, 0), 0);
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK)
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s%s%s: holds a NUL character (\\u0000); text cannot hold one"),
		              where, key ? "." : "", key ? key : "");
	free(key);
	return st;
}

/* The query reading the members of one array: the portable columns in pairs (type, value), then
 * the member's index, its type, the first key it has that the format does not know, and its
 * JSON text. */
static char *members_sql(const struct record_kind *t)
{
	char *sql = xstrdup("SELECT ");
	char *known = xstrdup("");
	for (size_t i = 0, j = 0; i < t->n_fields; i++) {
		const char *k = t->fields[i].key;
		if (!k)
			continue;
		char *next =
		    xasprintf("%s%sjson_type(e.value, '$.%s'), json_extract(e.value, '$.%s')", sql,
		              j ? ", " : "", k, k);
		char *kn = xasprintf("%s%s'%s'", known, j++ ? ", " : "", k);
		free(sql);
		free(known);
		sql = next;
		known = kn;
	}
	char *full = xasprintf("%s, e.key, e.type, (SELECT j.key FROM json_each(e.value) j WHERE "
	                       "e.type = 'object' AND j.key NOT IN (%s) LIMIT 1), e.value FROM "
	                       "json_each(:d) e ORDER BY e.id",
	                       sql, known);
	free(sql);
	free(known);
	return full;
}

/* Whether column i of the file's record r holds what ours holds: a reference to an actor the
 * import matched by name, or a category matched by code, is to our record. */
static bool same_here(struct store *s, const struct record_kind *t, const struct prow *here,
                      const struct prow *r, size_t i)
{
	if (prow_same(here, r, i))
		return true;
	if (!pref(&t->fields[i]) || !here->v[i] || !r->v[i])
		return false;
	struct q q;
	pq_prepare(&q, s, "SELECT ours FROM temp.x_map WHERE theirs = :u");
	q_text(&q, ":u", r->v[i]);
	char *ours = q_row(&q) ? q_col_text(&q, 0) : NULL;
	pq_finish(&q, NULL);
	bool same = ours && strcmp(ours, here->v[i]) == 0;
	free(ours);
	return same;
}

/* A record already here (by uuid, or an actor by name, a category by code): same or kept. */
static enum mstatus compare(struct store *s, const struct record_kind *t, const struct prow *r,
                            const char *ours, struct store_exchange_report *rep, struct merr *err)
{
	struct m_tally *tally = &rep->kinds[t - records];
	if (strcmp(ours, r->v[0]) != 0) {
		rep->matched++;
		tally->matched++;
		return M_OK;
	}
	struct prow here = {0};
	bool found = false;
	enum mstatus st = prow_load(s, t, ours, &here, &found, err);
	if (st == M_OK) {
		bool same = found;
		for (size_t i = 1; same && i < t->n_fields; i++)
			same = !ptravels(&t->fields[i]) || same_here(s, t, &here, r, i);
		if (same) {
			rep->same++;
			tally->same++;
		} else {
			rep->kept++;
			tally->conflicts++;
		}
	}
	prow_clear(&here);
	return st;
}

static enum mstatus import_table(struct store *s, const char *name, const char *doc,
                                 const struct record_kind *t, struct store_exchange_report *rep,
                                 store_progress_fn progress, void *arg, struct merr *err)
{
	char *sql = members_sql(t);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":d", doc);
	enum mstatus st = M_OK;
	struct prow r = {0};
	long done = 0;
	int base = 0;
	for (size_t i = 0; i < t->n_fields; i++)
		base += ptravels(&t->fields[i]) ? 2 : 0;
	while (st == M_OK && q_row(&q)) {
		char *where = xasprintf("%s: %s[%lld]", name, t->key,
		                        (long long)sqlite3_column_int64(q.st, base));
		const char *type = (const char *)sqlite3_column_text(q.st, base + 1);
		const char *extra = (const char *)sqlite3_column_text(q.st, base + 2);
		if (!type || strcmp(type, "object") != 0)
			st = merr_set(err, M_DATA, MR_INVALID, _("%s: must be an object {...}"),
			              where);
		if (st == M_OK && json_nul((const char *)sqlite3_column_text(q.st, base + 3)))
			st = nul_field(s, where, (const char *)sqlite3_column_text(q.st, base + 3),
			               err);
		if (st == M_OK)
			st = prow_from_stmt(t, q.st, &r, where, err);
		if (st == M_OK)
			st = prow_check(t, &r, where, err);
		if (st == M_OK && extra) {
			char *clean = text_sanitize(extra, 0);
			st = merr_set(err, M_DATA, MR_INVALID,
			              _("%s.%s: not a field of format version %d"), where, clean,
			              FORMAT_VERSION);
			free(clean);
		}
		char *ours = st == M_OK ? pmatch(s, t, &r, &st, err) : NULL;
		if (st == M_OK && ours)
			st = compare(s, t, &r, ours, rep, err);
		else if (st == M_OK) {
			st = prow_insert(s, t, &r, where, err);
			rep->added++;
			rep->kinds[t - records].added++;
		}
		free(ours);
		free(where);
		if (progress && ++done % 1000 == 0)
			progress(arg, t->key, done, -1);
	}
	prow_clear(&r);
	enum mstatus fst = q_finish(&q, err);
	return st != M_OK ? st : fst;
}

/* The file's history replaces what our triggers wrote while importing the same records, so an
 * import keeps who changed what when; an entry already here is not added twice. */
static enum mstatus import_history(struct store *s, const char *name, const char *doc,
                                   int64_t before, struct store_exchange_report *rep,
                                   struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          "DELETE FROM main.history WHERE id > :before AND row_uuid IN (SELECT "
	          "json_extract(value, '$.uuid') FROM json_each(:d))");
	q_int(&q, ":before", before);
	q_text(&q, ":d", doc);
	q_exec(&q);
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		return st;
	/* Every entry checked first, so a bad one names itself: a NUL in any of its texts (the
	 * old and new values are JSON in a JSON string, so it may be escaped twice) ... */
	q_prepare(&q, s,
	          "SELECT e.key, e.value, json_extract(e.value, '$.old'), "
	          "json_extract(e.value, '$.new') FROM json_each(:d) e ORDER BY e.id");
	q_text(&q, ":d", doc);
	while (st == M_OK && q_row(&q))
		for (int c = 1; st == M_OK && c <= 3; c++)
			if (json_nul((const char *)sqlite3_column_text(q.st, c))) {
				char *where = xasprintf("%s: history[%lld]", name,
				                        (long long)q_col_int(&q, 0));
				st = nul_field(s, where, (const char *)sqlite3_column_text(q.st, 1),
				               err);
				free(where);
			}
	enum mstatus nst = q_finish(&q, err);
	if (st != M_OK || nst != M_OK)
		return st != M_OK ? st : nst;
	/* ... and the shape of each entry. */
	/* The tables of every kind of record, whether it travels or not: an entry may be the
	 * history of a record that went with one that did. */
	sqlite3_str *tables = sqlite3_str_new(NULL);
	for (size_t i = 0; i < R_COUNT; i++)
		sqlite3_str_appendf(tables, "%s'%s'", i ? ", " : "", records[i].table);
	char *names = sqlite3_str_finish(tables);
	char *sql = xasprintf(
	    "SELECT e.key FROM json_each(:d) e WHERE e.type <> 'object' OR "
	    "json_type(e.value, '$.table') IS NOT 'text' OR json_extract(e.value, '$.table') "
	    "NOT IN (%s) OR "
	    "json_type(e.value, '$.uuid') IS NOT 'text' OR "
	    "length(json_extract(e.value, '$.uuid')) <> 36 OR "
	    "json_type(e.value, '$.op') IS NOT 'text' OR "
	    "json_extract(e.value, '$.op') NOT IN ('insert', 'update', 'delete') OR "
	    "json_type(e.value, '$.at') IS NOT 'text' OR "
	    "json_type(e.value, '$.editor') NOT IN ('text', 'null') OR "
	    "json_type(e.value, '$.old') NOT IN ('text', 'null') OR "
	    "json_type(e.value, '$.new') NOT IN ('text', 'null') OR "
	    "NOT json_valid(coalesce(json_extract(e.value, '$.old'), '{}')) OR "
	    "NOT json_valid(coalesce(json_extract(e.value, '$.new'), '{}')) OR "
	    "(SELECT count(*) FROM json_each(e.value)) <> 7 "
	    "ORDER BY e.id LIMIT 1",
	    names ? names : "''");
	sqlite3_free(names);
	q_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":d", doc);
	if (q_row(&q))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: history[%lld]: not a history entry of format version %d"),
		              name, (long long)q_col_int(&q, 0), FORMAT_VERSION);
	enum mstatus fst = q_finish(&q, err);
	if (st != M_OK || fst != M_OK)
		return st != M_OK ? st : fst;
	q_prepare(&q, s,
	          "INSERT INTO main.history (tbl, row_uuid, op, old, new, at, editor) "
	          "SELECT json_extract(e.value, '$.table'), json_extract(e.value, '$.uuid'), "
	          "json_extract(e.value, '$.op'), json_extract(e.value, '$.old'), "
	          "json_extract(e.value, '$.new'), json_extract(e.value, '$.at'), "
	          "json_extract(e.value, '$.editor') FROM json_each(:d) e "
	          "WHERE NOT EXISTS (SELECT 1 FROM main.history h WHERE "
	          "h.row_uuid = json_extract(e.value, '$.uuid') AND "
	          "h.tbl = json_extract(e.value, '$.table') AND "
	          "h.op = json_extract(e.value, '$.op') AND h.at = json_extract(e.value, '$.at') "
	          "AND h.old IS json_extract(e.value, '$.old') AND "
	          "h.new IS json_extract(e.value, '$.new')) ORDER BY e.id");
	q_text(&q, ":d", doc);
	q_exec(&q);
	st = q_finish(&q, err);
	if (st == M_OK)
		rep->history += sqlite3_changes(s->db);
	return st;
}

/* The first member of a list that is not of the shape `bad` (an SQL condition on e.value)
 * refuses the file, named. */
static enum mstatus shape(struct store *s, const char *name, const char *doc, const char *list,
                          const char *what, const char *bad, struct merr *err)
{
	char *sql = xasprintf("SELECT e.key FROM json_each(:d) e WHERE e.type <> 'object' OR %s "
	                      "ORDER BY e.id LIMIT 1",
	                      bad);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	q_text(&q, ":d", doc);
	enum mstatus st = M_OK;
	if (q_row(&q))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: %s[%lld]: not %s of format version %d"), name, list,
		              (long long)q_col_int(&q, 0), what, FORMAT_VERSION);
	enum mstatus fst = q_finish(&q, err);
	return st != M_OK ? st : fst;
}

/* Findings kept on purpose: a hash of a record, a field and a text, so the same finding is
 * not reported again here either. One already kept here is not kept twice. */
static enum mstatus import_kept(struct store *s, const char *name, const char *doc,
                                struct m_tally *t, struct merr *err)
{
	enum mstatus st = shape(
	    s, name, doc, "kept", _("a kept finding"),
	    "(SELECT count(*) FROM json_each(e.value) j WHERE j.key NOT IN ('uuid', 'created', "
	    "'record', 'field', 'key', 'editor')) > 0 OR "
	    "json_type(e.value, '$.uuid') IS NOT 'text' OR "
	    "length(json_extract(e.value, '$.uuid')) <> 36 OR "
	    "json_type(e.value, '$.created') IS NOT 'text' OR "
	    "json_type(e.value, '$.record') IS NOT 'text' OR "
	    "length(json_extract(e.value, '$.record')) <> 36 OR "
	    "json_type(e.value, '$.field') IS NOT 'text' OR json_extract(e.value, '$.field') = '' "
	    "OR json_type(e.value, '$.key') IS NOT 'text' OR "
	    "length(json_extract(e.value, '$.key')) <> 16 OR "
	    "json_type(e.value, '$.editor') NOT IN ('text', 'null')",
	    err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s, "SELECT count(*) FROM json_each(:d)");
	q_text(&q, ":d", doc);
	long total = q_row(&q) ? (long)q_col_int(&q, 0) : 0;
	st = q_finish(&q, err);
	if (st != M_OK)
		return st;
	q_prepare(
	    &q, s,
	    "INSERT OR IGNORE INTO main.privacy_kept (uuid, created, record_uuid, field, key, "
	    "editor) SELECT json_extract(e.value, '$.uuid'), json_extract(e.value, "
	    "'$.created'), json_extract(e.value, '$.record'), json_extract(e.value, "
	    "'$.field'), json_extract(e.value, '$.key'), json_extract(e.value, '$.editor') "
	    "FROM json_each(:d) e ORDER BY e.id");
	q_text(&q, ":d", doc);
	q_exec(&q);
	st = q_finish(&q, err);
	if (st == M_OK) {
		t->added += sqlite3_changes(s->db);
		t->same += total - sqlite3_changes(s->db);
	}
	return st;
}

/* The alliance's settings: one not set here is taken; one set otherwise here is kept as here,
 * and counted so the summary says so. */
static enum mstatus import_settings(struct store *s, const char *name, const char *doc,
                                    struct m_tally *t, struct merr *err)
{
	char *list = alliance_sql();
	char *bad = xasprintf("(SELECT count(*) FROM json_each(e.value)) <> 2 OR "
	                      "json_type(e.value, '$.key') IS NOT 'text' OR "
	                      "json_extract(e.value, '$.key') NOT IN %s OR "
	                      "json_type(e.value, '$.value') NOT IN ('text', 'null')",
	                      list);
	free(list);
	enum mstatus st = shape(s, name, doc, "settings", _("a setting that travels"), bad, err);
	free(bad);
	struct q q;
	if (st == M_OK) {
		q_prepare(
		    &q, s,
		    "SELECT json_extract(e.value, '$.key'), json_extract(e.value, "
		    "'$.value'), (SELECT 1 FROM main.settings c WHERE c.key = "
		    "json_extract(e.value, '$.key')), (SELECT c.value IS json_extract(e.value, "
		    "'$.value') FROM main.settings c WHERE c.key = json_extract(e.value, "
		    "'$.key')) FROM json_each(:d) e ORDER BY e.id");
		q_text(&q, ":d", doc);
		while (q_row(&q)) {
			if (!q_col_int(&q, 2)) {
				struct q w;
				q_prepare(&w, s,
				          "INSERT INTO main.settings (key, value) VALUES (:k, :v)");
				q_text(&w, ":k", (const char *)sqlite3_column_text(q.st, 0));
				q_text(&w, ":v", (const char *)sqlite3_column_text(q.st, 1));
				q_exec(&w);
				if (st == M_OK)
					st = q_finish(&w, err);
				else
					q_finish(&w, NULL);
				t->added++;
			} else if (q_col_int(&q, 3)) {
				t->same++;
			} else {
				t->conflicts++;
			}
		}
		enum mstatus fst = q_finish(&q, err);
		if (st == M_OK)
			st = fst;
	}
	return st;
}

static enum mstatus history_top(struct store *s, int64_t *top, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT coalesce(max(id), 0) FROM main.history");
	*top = q_row(&q) ? q_col_int(&q, 0) : 0;
	return q_finish(&q, err);
}

enum mstatus store_import_json(struct store *s, const char *name, const char *text, size_t len,
                               struct store_exchange_report *rep, store_progress_fn progress,
                               void *arg, struct merr *err)
{
	memset(rep, 0, sizeof *rep);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (memchr(text, '\0', len))
		return merr_set(err, M_DATA, MR_INVALID,
		                _("%s: not a text file; nothing was imported"), name);
	char *doc = xstrndup(text, len);
	const char *at = json_nul(doc);
	bool nul = at != NULL;
	long nul_line = 1;
	for (const char *p = doc; at && p < at; p++)
		nul_line += *p == '\n';
	char *arrays[A_COUNT] = {NULL}; /* the kinds' lists, then the history, kept, settings */
	merr_clear(err);
	enum mstatus st = check_head(s, name, doc, arrays, err);
	free(doc);
	for (size_t i = 0; i < A_COUNT; i++)
		if (!arrays[i])
			arrays[i] = xstrdup("[]");
	if (st == M_OK)
		st = ptemp_memory(s, err);
	if (st == M_OK)
		st = store_begin(s, err);
	int64_t before = 0;
	if (st == M_OK) {
		st = history_top(s, &before, err);
		if (st == M_OK)
			st = pmap_setup(s, err);
		for (size_t i = 0; st == M_OK && i < R_COUNT; i++)
			if (records[i].key)
				st = import_table(s, name, arrays[i], &records[i], rep, progress,
				                  arg, err);
		if (st == M_OK)
			st = import_kept(s, name, arrays[A_KEPT], &rep->kept_findings, err);
		if (st == M_OK)
			st = import_settings(s, name, arrays[A_SETTINGS], &rep->settings, err);
		if (st == M_OK)
			st = import_history(s, name, arrays[A_HISTORY], before, rep, err);
		/* A NUL no record above named: in a key, say. */
		if (st == M_OK && nul)
			st =
			    merr_set(err, M_DATA, MR_INVALID,
			             _("%s: line %ld: holds a NUL character (\\u0000); nothing was "
			               "imported"),
			             name, nul_line);
		/* The file's history names its records by the other file's row ids, which search
		 * and undo read: the index is built again from the records, and the import is no
		 * change undo could take back (a backup before is the way back). */
		if (st == M_OK)
			st = db_search_rebuild(s, err);
		if (st == M_OK)
			st = history_top(s, &s->history_mark, err);
		if (st == M_OK)
			st = store_commit(s, err);
		else
			store_rollback(s);
		st = merr_data(err, st);
		pmap_drop(s);
		pq_clear(s);
	}
	for (size_t i = 0; i < A_COUNT; i++)
		free(arrays[i]);
	return st;
}
