/* undo.c - undo and redo of whole changes (the change table), read back from the history: the old
 * values of every row a change touched are written back (undo), or its new values again (redo),
 * rows with their ids and uuids, so a deleted case comes back whole with everything its delete
 * took along. Both run in one write transaction that is itself a change, recorded in the
 * history with the editor's initials.
 *
 * Nothing is overwritten that someone else changed since: every row must be exactly as the
 * change left it (undo) or found it (redo), apart from its `updated` stamp, and the undo or
 * redo must touch no row outside the change (a step another mellan added to a case whose
 * adding is undone would go with it). Otherwise it is refused with MR_CONFLICT and nothing is
 * done. Rows are put back with plain INSERTs: an INSERT OR REPLACE would delete what is in the
 * way without any history, since delete triggers do not fire for REPLACE while recursive
 * triggers are off (as they are here). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_edit.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hrow {
	char *tbl, *uuid, *op, *old, *new;
};

struct change {
	int64_t id, first, last;
	struct hrow *rows;
	size_t n;
};

static void change_clear(struct change *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->rows[i].tbl);
		free(c->rows[i].uuid);
		free(c->rows[i].op);
		free(c->rows[i].old);
		free(c->rows[i].new);
	}
	free(c->rows);
	memset(c, 0, sizeof *c);
}

/* The editor's latest edit still done (undo), or the one undone most recently (redo). */
static enum mstatus find_change(struct store *s, bool redo, struct change *c, bool *found,
                                struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          redo ? "SELECT id, first_history, last_history FROM change WHERE kind = 'edit' "
	                 "AND state = 'undone' AND editor IS :editor ORDER BY id LIMIT 1"
	               : "SELECT id, first_history, last_history FROM change WHERE kind = 'edit' "
	                 "AND state = 'done' AND editor IS :editor ORDER BY id DESC LIMIT 1");
	q_text(&q, ":editor", s->editor);
	*found = q_row(&q);
	if (*found) {
		c->id = q_col_int(&q, 0);
		c->first = q_col_int(&q, 1);
		c->last = q_col_int(&q, 2);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK || !*found)
		return st;
	q_prepare(&q, s,
	          "SELECT tbl, row_uuid, op, old, new FROM history "
	          "WHERE id BETWEEN :first AND :last ORDER BY id");
	q_int(&q, ":first", c->first);
	q_int(&q, ":last", c->last);
	while (q_row(&q)) {
		c->rows = xreallocarray(c->rows, c->n + 1, sizeof *c->rows);
		struct hrow *r = &c->rows[c->n++];
		r->tbl = q_col_text(&q, 0);
		r->uuid = q_col_text(&q, 1);
		r->op = q_col_text(&q, 2);
		r->old = q_col_text(&q, 3);
		r->new = q_col_text(&q, 4);
	}
	return q_finish(&q, err);
}

/* ---- what a change was, in words ------------------------------------------------------------ */

static char *json_field(struct store *s, const char *json, const char *field)
{
	struct q q;
	q_prepare(&q, s, "SELECT json_extract(:j, '$.' || :f)");
	q_text(&q, ":j", json);
	q_text(&q, ":f", field);
	char *v = q_row(&q) ? q_col_text(&q, 0) : NULL;
	q_finish(&q, NULL);
	return v;
}

/* A label short enough for the message line: its first line, at most 40 bytes cut at a
 * character boundary, and "…" when anything was left out; size is what the buffer holds. */
static void shorten(char *label, size_t size)
{
	size_t len = strcspn(label, "\n\r\t");
	if (len > 40) {
		len = 40;
		while (len > 0 && ((unsigned char)label[len] & 0xC0) == 0x80)
			len--;
	}
	while (len > 0 && label[len - 1] == ' ')
		len--;
	bool more = label[len + strspn(label + len, " \n\r\t")] != '\0';
	if (more && len + sizeof "…" <= size)
		memcpy(label + len, "…", sizeof "…");
	else
		label[len] = '\0';
}

/* "2 dots on gap 'Remissen avvisas'", and "... taken back" for a vote deleted. */
static void vote_words(struct store *s, const struct hrow *row, bool deleted, char *out, size_t n)
{
	const char *json = row->new ? row->new : row->old;
	char *dots = json_field(s, json, "dots"), *gap = json_field(s, json, "gap_id");
	char *label = NULL;
	struct q q;
	q_prepare(&q, s,
	          "SELECT coalesce(nullif(g.what_happened, ''), c.name) FROM gap g "
	          "LEFT JOIN category c ON c.id = g.category_id WHERE g.id = :id");
	q_int(&q, ":id", gap ? atoll(gap) : 0);
	if (q_row(&q))
		label = q_col_text(&q, 0);
	q_finish(&q, NULL);
	char cut[160];
	snprintf(cut, sizeof cut, "%s", label ? label : "?");
	shorten(cut, sizeof cut);
	unsigned long d = dots ? strtoul(dots, NULL, 10) : 0;
	snprintf(out, n,
	         deleted ? ngettext("%lu dot on gap '%s' taken back",
	                            "%lu dots on gap '%s' taken back", d)
	                 : ngettext("%lu dot on gap '%s'", "%lu dots on gap '%s'", d),
	         d, cut);
	free(dots);
	free(gap);
	free(label);
}

/* "step 'Flyttar till Rosengård' edited": the most telling record of the change, the first in
 * the order of the kinds (core/records.h), where what a record belongs to comes before it; a
 * kind that is a part of another (a gap's actor) is not named. */
static void describe(struct store *s, const struct change *c, char *out, size_t n)
{
	const struct hrow *main = NULL;
	const struct record_kind *noun = NULL;
	for (size_t k = 0; k < R_COUNT && !main; k++)
		for (size_t i = 0; i < c->n && !main && !records[k].quiet; i++)
			if (c->rows[i].tbl && strcmp(c->rows[i].tbl, records[k].table) == 0) {
				main = &c->rows[i];
				noun = &records[k];
			}
	/* Dots given or taken back in the room are a change of their own, said in their words. */
	for (size_t i = 0; i < c->n && !main; i++)
		if (c->rows[i].tbl && strcmp(c->rows[i].tbl, records[R_VOTE].table) == 0) {
			vote_words(s, &c->rows[i], strcmp(c->rows[i].op, "delete") == 0, out, n);
			return;
		}
	if (!main) {
		snprintf(out, n, "%s", _("a change"));
		return;
	}
	const struct hrow *last = main;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->rows[i].uuid, main->uuid) == 0)
			last = &c->rows[i];
	bool added = strcmp(main->op, "insert") == 0, deleted = strcmp(last->op, "delete") == 0;
	char *text =
	    noun->label ? json_field(s, last->new ? last->new : last->old, noun->label) : NULL;
	char label[160] = "";
	if (text) {
		snprintf(label, sizeof label, "%s", text);
		shorten(label, sizeof label);
	}
	free(text);
	if (*label)
		snprintf(out, n,
		         added     ? _("%s '%s' added")
		         : deleted ? _("%s '%s' deleted")
		                   : _("%s '%s' edited"),
		         _(noun->what), label);
	else
		snprintf(out, n,
		         added     ? _("%s added")
		         : deleted ? _("%s deleted")
		                   : _("%s edited"),
		         _(noun->what));
}

/* ---- rows -------------------------------------------------------------------------------- */

/* The columns of a table that may be written back: a record table's (with id and uuid). The
 * names come from the history, which another program may have written, so they are checked
 * against the schema before they go into any SQL. */
static enum mstatus columns(struct store *s, const char *tbl, char ***cols, size_t *n,
                            struct merr *err)
{
	*cols = NULL;
	*n = 0;
	struct q q;
	q_prepare(&q, s,
	          "SELECT p.name FROM sqlite_schema t, pragma_table_info(t.name) p "
	          "WHERE t.type = 'table' AND t.name = :t AND t.name NOT IN "
	          "('history', 'change', 'editor', 'settings') ORDER BY p.cid");
	q_text(&q, ":t", tbl);
	bool id = false, uuid = false, plain = true;
	while (q_row(&q)) {
		*cols = xreallocarray(*cols, *n + 1, sizeof **cols);
		char *c = (*cols)[(*n)++] = q_col_text(&q, 0);
		id |= strcmp(c, "id") == 0;
		uuid |= strcmp(c, "uuid") == 0;
		plain &= strspn(c, "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(c);
	}
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK && !(id && uuid && plain))
		st = merr_set(err, M_DATA, MR_INVALID,
		              _("%s: the history names a table that cannot be restored (%s)"),
		              s->path, tbl);
	return st;
}

static void free_cols(char **cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cols[i]);
	free(cols);
}

/* The columns, and a new SQL text to write the statement into. */
static enum mstatus begin_sql(struct store *s, const char *tbl, char ***cols, size_t *n,
                              sqlite3_str **o, struct merr *err)
{
	enum mstatus st = columns(s, tbl, cols, n, err);
	if (st != M_OK)
		free_cols(*cols, *n);
	else
		*o = sqlite3_str_new(s->db);
	return st;
}

/* json_object('a', a, 'b', b, ...) of the table's columns: the row as the history writes it. */
static void row_json(sqlite3_str *o, char **cols, size_t n)
{
	sqlite3_str_appendall(o, "json_object(");
	for (size_t i = 0; i < n; i++)
		sqlite3_str_appendf(o, "%s'%s', \"%s\"", i ? ", " : "", cols[i], cols[i]);
	sqlite3_str_appendall(o, ")");
}

static enum mstatus run(struct store *s, sqlite3_str *o, const char *uuid, const char *json,
                        int *found, struct merr *err)
{
	char *sql = sqlite3_str_finish(o);
	if (!sql)
		return merr_set(err, M_OTHER, MR_NONE, _("%s: out of memory"), s->path);
	struct q q;
	q_prepare(&q, s, sql);
	sqlite3_free(sql);
	if (uuid)
		q_text(&q, ":u", uuid);
	if (json)
		q_text(&q, ":j", json);
	if (found) {
		*found = -1; /* no row */
		if (q_row(&q))
			*found = (int)q_col_int(&q, 0);
	} else {
		q_exec(&q);
	}
	return q_finish(&q, err);
}

/* Whether the row is as `expected` says (NULL: not there), its `updated` stamp aside. */
static enum mstatus row_is(struct store *s, const char *tbl, const char *uuid, const char *expected,
                           bool *same, struct merr *err)
{
	char **cols;
	size_t n;
	sqlite3_str *o = NULL;
	enum mstatus st = begin_sql(s, tbl, &cols, &n, &o, err);
	if (st != M_OK)
		return st;
	sqlite3_str_appendall(o, "SELECT json_remove(");
	row_json(o, cols, n);
	sqlite3_str_appendf(o,
	                    ", '$.updated') IS json_remove(:j, '$.updated') FROM \"%s\" "
	                    "WHERE uuid = :u",
	                    tbl);
	free_cols(cols, n);
	int found;
	st = run(s, o, uuid, expected ? expected : "{}", &found, err);
	*same = expected ? found == 1 : found == -1;
	return st;
}

/* Puts the row back as `json` has it, ids and uuid included. */
static enum mstatus put_row(struct store *s, const char *tbl, const char *json, struct merr *err)
{
	char **cols;
	size_t n;
	sqlite3_str *o = NULL;
	enum mstatus st = begin_sql(s, tbl, &cols, &n, &o, err);
	if (st != M_OK)
		return st;
	sqlite3_str_appendf(o, "INSERT INTO \"%s\" (", tbl);
	for (size_t i = 0; i < n; i++)
		sqlite3_str_appendf(o, "%s\"%s\"", i ? ", " : "", cols[i]);
	sqlite3_str_appendall(o, ") VALUES (");
	for (size_t i = 0; i < n; i++)
		sqlite3_str_appendf(o, "%sjson_extract(:j, '$.%s')", i ? ", " : "", cols[i]);
	sqlite3_str_appendall(o, ")");
	free_cols(cols, n);
	return run(s, o, NULL, json, NULL, err);
}

/* Gives the row the values `json` has; its stamp moves on, so open edits of it conflict. */
static enum mstatus set_row(struct store *s, const char *tbl, const char *uuid, const char *json,
                            struct merr *err)
{
	char **cols;
	size_t n;
	sqlite3_str *o = NULL;
	enum mstatus st = begin_sql(s, tbl, &cols, &n, &o, err);
	if (st != M_OK)
		return st;
	sqlite3_str_appendf(o, "UPDATE \"%s\" SET ", tbl);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(cols[i], "id") == 0 || strcmp(cols[i], "uuid") == 0 ||
		    strcmp(cols[i], "updated") == 0)
			continue;
		sqlite3_str_appendf(o, "\"%s\" = json_extract(:j, '$.%s'), ", cols[i], cols[i]);
	}
	sqlite3_str_appendall(o, "updated = " DB_NEXT_STAMP " WHERE uuid = :u");
	free_cols(cols, n);
	return run(s, o, uuid, json, NULL, err);
}

static enum mstatus drop_row(struct store *s, const char *tbl, const char *uuid, struct merr *err)
{
	char **cols;
	size_t n;
	sqlite3_str *o = NULL;
	enum mstatus st = begin_sql(s, tbl, &cols, &n, &o, err);
	if (st != M_OK)
		return st;
	free_cols(cols, n);
	sqlite3_str_appendf(o, "DELETE FROM \"%s\" WHERE uuid = :u", tbl);
	return run(s, o, uuid, NULL, NULL, err);
}

/* ---- undo and redo ------------------------------------------------------------------------ */

static bool is(const struct hrow *r, const char *op)
{
	return strcmp(r->op, op) == 0;
}

/* Every row is as the change left it (undo) or found it (redo). */
static enum mstatus rows_as_expected(struct store *s, const struct change *c, bool redo, bool *ok,
                                     struct merr *err)
{
	enum mstatus st = M_OK;
	*ok = true;
	for (size_t i = 0; st == M_OK && *ok && i < c->n; i++) {
		/* Each row once: at its first history row in the change. */
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(c->rows[j].uuid, c->rows[i].uuid) == 0;
		if (seen)
			continue;
		const struct hrow *last = &c->rows[i];
		for (size_t j = i + 1; j < c->n; j++)
			if (strcmp(c->rows[j].uuid, c->rows[i].uuid) == 0)
				last = &c->rows[j];
		const char *expected = redo ? (is(&c->rows[i], "insert") ? NULL : c->rows[i].old)
		                            : (is(last, "delete") ? NULL : last->new);
		st = row_is(s, c->rows[i].tbl, c->rows[i].uuid, expected, ok, err);
	}
	return st;
}

static enum mstatus apply(struct store *s, const struct change *c, bool redo, struct merr *err)
{
	enum mstatus st = M_OK;
	for (size_t k = 0; st == M_OK && k < c->n; k++) {
		const struct hrow *r = &c->rows[redo ? k : c->n - 1 - k];
		if (is(r, "update"))
			st = set_row(s, r->tbl, r->uuid, redo ? r->new : r->old, err);
		else if (is(r, redo ? "insert" : "delete"))
			st = put_row(s, r->tbl, redo ? r->new : r->old, err);
		else
			st = drop_row(s, r->tbl, r->uuid, err);
	}
	return st;
}

/* The undo or redo wrote history only for rows of the change: nothing else went with it. */
static enum mstatus stayed_inside(struct store *s, const struct change *c, bool *ok,
                                  struct merr *err)
{
	struct q q;
	q_prepare(&q, s,
	          "SELECT count(*) FROM history WHERE id > :mark AND row_uuid NOT IN "
	          "(SELECT row_uuid FROM history WHERE id BETWEEN :first AND :last)");
	q_int(&q, ":mark", s->history_mark);
	q_int(&q, ":first", c->first);
	q_int(&q, ":last", c->last);
	*ok = q_row(&q) && q_col_int(&q, 0) == 0;
	return q_finish(&q, err);
}

/* changed: the rows are not as the change left them; otherwise others now depend on them. */
static enum mstatus refuse(struct store *s, bool redo, bool changed, const char *what,
                           struct merr *err)
{
	const char *fmt =
	    changed ? (redo ? _("%s: cannot redo %s: another mellan has changed it since; nothing "
	                        "was done")
	                    : _("%s: cannot undo %s: another mellan has changed it since; nothing "
	                        "was done"))
	            : (redo ? _("%s: cannot redo %s: other records depend on how it is now; "
	                        "nothing was done")
	                    : _("%s: cannot undo %s: other records depend on how it is now; "
	                        "nothing was done"));
	return merr_set(err, M_FINDINGS, MR_CONFLICT, fmt, s->path, what);
}

static enum mstatus undo_redo(struct store *s, bool redo, char *what, size_t n, struct merr *err)
{
	char desc[160] = "";
	if (what && n)
		what[0] = '\0';
	if (s->depth > 0)
		return merr_set(err, M_OTHER, MR_NONE,
		                _("%s: internal error: undo inside another change"), s->path);
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct change c = {0};
	bool found = false, ok = true, inside = true;
	st = find_change(s, redo, &c, &found, err);
	if (st == M_OK && !found)
		st = merr_set(err, M_FINDINGS, MR_NOT_FOUND,
		              redo ? _("%s: nothing to redo") : _("%s: nothing to undo"), s->path);
	if (st == M_OK)
		describe(s, &c, desc, sizeof desc);
	if (st == M_OK)
		st = rows_as_expected(s, &c, redo, &ok, err);
	/* Parents and children come back in the history's order, so the references are checked
	 * once all are in. */
	if (st == M_OK && ok)
		st = db_exec(s, "PRAGMA defer_foreign_keys = ON", err);
	if (st == M_OK && ok) {
		st = apply(s, &c, redo, err);
		/* An id or a code taken since; other refusals (a CHECK) say their own reason. */
		if (st != M_OK && err && err->reason == MR_EXISTS)
			ok = false, st = M_OK;
	}
	if (st == M_OK && ok)
		st = stayed_inside(s, &c, &inside, err);
	if (st == M_OK && (!ok || !inside))
		st = refuse(s, redo, !ok, desc, err);
	if (st == M_OK) {
		struct q q;
		q_prepare(&q, s, "UPDATE change SET state = :state WHERE id = :id");
		q_text(&q, ":state", redo ? "done" : "undone");
		q_int(&q, ":id", c.id);
		q_exec(&q);
		st = q_finish(&q, err);
	}
	s->change_kind = redo ? "redo" : "undo";
	s->change_target = c.id;
	bool committing = st == M_OK;
	st = w_end(s, st, err);
	s->change_kind = NULL;
	s->change_target = 0;
	/* A reference left broken, found at commit: a record that now needs what would go. */
	if (st != M_OK && committing && err && err->reason == MR_INVALID)
		st = refuse(s, redo, false, desc, err);
	if (st == M_OK && what && n)
		snprintf(what, n, redo ? _("redid: %s") : _("undid: %s"), desc);
	change_clear(&c);
	return st;
}

enum mstatus store_undo(struct store *s, char *what, size_t n, struct merr *err)
{
	return undo_redo(s, false, what, n, err);
}

enum mstatus store_redo(struct store *s, char *what, size_t n, struct merr *err)
{
	return undo_redo(s, true, what, n, err);
}
