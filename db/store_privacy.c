/* store_privacy.c - the functions of core/store_privacy.h: the alliance's list of names (the
 * name_block table of version 1), findings kept on purpose (privacy_kept, version 4),
 * and the workshops' free texts for the scan. */
#include "private.h"

#include "core/i18n.h"
#include "core/privacy.h"
#include "core/store_privacy.h"
#include "core/text.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PUSH(arr, n)                                                                               \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)),                                     \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

static void col_uuid(struct q *q, int col, char out[M_UUID_LEN + 1])
{
	const unsigned char *t = sqlite3_column_text(q->st, col);
	snprintf(out, M_UUID_LEN + 1, "%s", t ? (const char *)t : "");
}

/* ---- the list of names ---------------------------------------------------------------------- */

enum mstatus store_name_list(struct store *s, struct m_name_list *out, struct merr *err)
{
	struct q q;
	memset(out, 0, sizeof *out);
	q_prepare(&q, s, "SELECT id, uuid, name FROM name_block ORDER BY name COLLATE sv, id");
	while (q_row(&q)) {
		struct m_name *m = PUSH(out->items, out->n);
		m->id = q_col_int(&q, 0);
		col_uuid(&q, 1, m->uuid);
		m->name = q_col_text(&q, 2);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_name_list_clear(out);
	return st;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The id of the name on the list, other than `other`, that is `name` in any case; 0 when there
 * is none. */
static enum mstatus name_find(struct store *s, const char *name, m_id other, m_id *id,
                              struct merr *err)
{
	struct m_name_list l;
	*id = 0;
	enum mstatus st = store_name_list(s, &l, err);
	for (size_t i = 0; st == M_OK && i < l.n && !*id; i++)
		if (l.items[i].id != other && privacy_same_name(l.items[i].name, name))
			*id = l.items[i].id;
	m_name_list_clear(&l);
	return st;
}

/* name without the blanks around it, a new string; NULL (with err) when nothing is left or it
 * is not UTF-8. */
static char *name_clean(struct store *s, const char *name, struct merr *err)
{
	if (!name)
		name = "";
	while (blank(*name))
		name++;
	size_t n = strlen(name);
	while (n > 0 && blank(name[n - 1]))
		n--;
	if (n == 0) {
		db_invalid(s, err, _("a name on the list cannot be empty"));
		return NULL;
	}
	if (!text_valid_utf8(name, n)) {
		db_invalid(s, err, _("text that is not valid UTF-8"));
		return NULL;
	}
	return xstrndup(name, n);
}

/* MR_EXISTS when another name than `other` on the list is `name` in any case. */
static enum mstatus name_unique(struct store *s, const char *name, m_id other, struct merr *err)
{
	m_id id = 0;
	enum mstatus st = name_find(s, name, other, &id, err);
	if (st == M_OK && id) {
		char *shown = text_sanitize(name, 0);
		st = merr_set(err, M_USAGE, MR_EXISTS,
		              _("%s: '%s' is on the list of names already"), s->path, shown);
		free(shown);
	}
	return st;
}

/* MR_NOT_FOUND when no name on the list has this id (another mellan took it away). */
static enum mstatus name_exists(struct store *s, m_id id, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "SELECT 1 FROM name_block WHERE id = :id");
	q_id(&q, ":id", id);
	bool there = q_row(&q);
	enum mstatus st = q_finish(&q, err);
	if (st == M_OK && !there)
		st = merr_set(err, M_USAGE, MR_NOT_FOUND,
		              _("%s: that name is no longer on the list (changed elsewhere?)"),
		              s->path);
	return st;
}

enum mstatus store_name_add(struct store *s, const char *name, struct merr *err)
{
	char *clean = name_clean(s, name, err);
	if (!clean)
		return M_USAGE;
	char uuid[M_UUID_LEN + 1];
	m_uuid_new(uuid);
	enum mstatus st = w_begin(s, err);
	if (st == M_OK) {
		st = name_unique(s, clean, 0, err);
		if (st == M_OK) {
			struct q q;
			q_prepare(&q, s,
			          "INSERT INTO name_block (uuid, name) VALUES (:uuid, :name)");
			q_text(&q, ":uuid", uuid);
			q_text(&q, ":name", clean);
			q_exec(&q);
			st = q_finish(&q, err);
		}
		st = w_end(s, st, err);
	}
	free(clean);
	return st;
}

enum mstatus store_name_update(struct store *s, m_id id, const char *name, struct merr *err)
{
	char *clean = name_clean(s, name, err);
	if (!clean)
		return M_USAGE;
	enum mstatus st = w_begin(s, err);
	if (st == M_OK) {
		st = name_unique(s, clean, id, err);
		if (st == M_OK) {
			struct q q;
			/* Unchanged, it writes nothing: no change in the history to undo. */
			q_prepare(&q, s,
			          "UPDATE name_block SET name = :name WHERE id = :id "
			          "AND name IS NOT :name");
			q_text(&q, ":name", clean);
			q_id(&q, ":id", id);
			q_exec(&q);
			st = q_finish(&q, err);
		}
		if (st == M_OK)
			st = name_exists(s, id, err);
		st = w_end(s, st, err);
	}
	free(clean);
	return st;
}

static enum mstatus name_delete_row(struct store *s, m_id id, struct merr *err)
{
	struct q q;
	q_prepare(&q, s, "DELETE FROM name_block WHERE id = :id");
	q_id(&q, ":id", id);
	q_exec(&q);
	return q_finish(&q, err);
}

enum mstatus store_name_delete(struct store *s, m_id id, struct merr *err)
{
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	st = name_exists(s, id, err);
	if (st == M_OK)
		st = name_delete_row(s, id, err);
	return w_end(s, st, err);
}

enum mstatus store_name_remove(struct store *s, const char *name, struct merr *err)
{
	m_id id = 0;
	enum mstatus st = w_begin(s, err);
	if (st != M_OK)
		return st;
	st = name_find(s, name ? name : "", 0, &id, err);
	if (st == M_OK && !id) {
		char *shown = text_sanitize(name ? name : "", 0);
		st = merr_set(err, M_USAGE, MR_NOT_FOUND, _("%s: '%s' is not on the list of names"),
		              s->path, shown);
		free(shown);
	}
	if (st == M_OK)
		st = name_delete_row(s, id, err);
	return w_end(s, st, err);
}

/* ---- findings kept on purpose ------------------------------------------------------------- */

static enum mstatus kept_args(struct store *s, const char *record_uuid, const char *field,
                              const char *key, struct merr *err)
{
	if (!record_uuid || !m_uuid_valid(record_uuid))
		return db_invalid(s, err,
		                  _("a kept finding needs the identity (UUID) of its record"));
	if (!field || !*field || !text_valid_utf8(field, strlen(field)))
		return db_invalid(s, err, _("a kept finding needs the field it is in"));
	if (!key || strlen(key) != PRIVACY_KEY_LEN)
		return db_invalid(s, err, _("a kept finding needs its key"));
	return M_OK;
}

enum mstatus store_kept_add(struct store *s, const char *record_uuid, const char *field,
                            const char *key, struct merr *err)
{
	enum mstatus st = kept_args(s, record_uuid, field, key, err);
	if (st != M_OK)
		return st;
	char uuid[M_UUID_LEN + 1];
	m_uuid_new(uuid);
	st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "INSERT INTO privacy_kept (uuid, record_uuid, field, key, editor) "
	          "VALUES (:uuid, :rec, :field, :key, (SELECT initials FROM editor WHERE id = 1)) "
	          "ON CONFLICT (record_uuid, field, key) DO NOTHING");
	q_text(&q, ":uuid", uuid);
	q_text(&q, ":rec", record_uuid);
	q_text(&q, ":field", field);
	q_text(&q, ":key", key);
	q_exec(&q);
	st = q_finish(&q, err);
	return w_end(s, st, err);
}

enum mstatus store_kept_remove(struct store *s, const char *record_uuid, const char *field,
                               const char *key, struct merr *err)
{
	enum mstatus st = kept_args(s, record_uuid, field, key, err);
	if (st != M_OK)
		return st;
	st = w_begin(s, err);
	if (st != M_OK)
		return st;
	struct q q;
	q_prepare(&q, s,
	          "DELETE FROM privacy_kept WHERE record_uuid = :rec AND field = :field "
	          "AND key = :key");
	q_text(&q, ":rec", record_uuid);
	q_text(&q, ":field", field);
	q_text(&q, ":key", key);
	q_exec(&q);
	int gone = sqlite3_changes(s->db);
	st = q_finish(&q, err);
	if (st == M_OK && gone == 0)
		st = merr_set(err, M_USAGE, MR_NOT_FOUND, _("%s: that finding was not kept"),
		              s->path);
	return w_end(s, st, err);
}

enum mstatus store_kept_list(struct store *s, const char *record_uuid, struct m_kept_list *out,
                             struct merr *err)
{
	struct q q;
	memset(out, 0, sizeof *out);
	q_prepare(&q, s,
	          record_uuid ? "SELECT record_uuid, field, key, editor, created FROM privacy_kept "
	                        "WHERE record_uuid = :rec ORDER BY id"
	                      : "SELECT record_uuid, field, key, editor, created FROM privacy_kept "
	                        "ORDER BY record_uuid, field, key");
	if (record_uuid)
		q_text(&q, ":rec", record_uuid);
	while (q_row(&q)) {
		struct m_kept *k = PUSH(out->items, out->n);
		col_uuid(&q, 0, k->record_uuid);
		k->field = q_col_text(&q, 1);
		k->key = q_col_text(&q, 2);
		k->editor = q_col_text(&q, 3);
		k->at = q_col_text(&q, 4);
	}
	enum mstatus st = q_finish(&q, err);
	if (st != M_OK)
		m_kept_list_clear(out);
	return st;
}

/* ---- the workshops' texts ----------------------------------------------------------------- */

/* Rows of (uuid, table, field, label, text) into out. */
static enum mstatus free_texts(struct q *q, struct m_free_text_list *out, struct merr *err)
{
	memset(out, 0, sizeof *out);
	while (q_row(q)) {
		struct m_free_text *t = PUSH(out->items, out->n);
		col_uuid(q, 0, t->uuid);
		t->table = q_col_text(q, 1);
		t->field = q_col_text(q, 2);
		t->label = q_col_text(q, 3);
		t->text = q_col_text(q, 4);
	}
	enum mstatus st = q_finish(q, err);
	if (st != M_OK)
		m_free_text_list_clear(out);
	return st;
}

/* The free texts (RF_FREE) of the workshops and of their logs, each workshop's in the order of
 * its fields, then its log's entries as they were written. */
enum mstatus store_workshop_texts(struct store *s, struct m_free_text_list *out, struct merr *err)
{
	const struct record_kind *w = &records[R_WORKSHOP], *l = &records[R_WORKSHOP_LOG];
	sqlite3_str *o = sqlite3_str_new(NULL);
	int n = 0;
	for (size_t i = 0; i < w->n_fields; i++) {
		const char *c = w->fields[i].col;
		if (!(w->fields[i].flags & RF_FREE))
			continue;
		sqlite3_str_appendf(
		    o,
		    "%sSELECT uuid, 'workshop', '%s', %s, %s, id, %d, 0 FROM workshop "
		    "WHERE %s IS NOT NULL",
		    n ? " UNION ALL " : "", c, w->label, c, n, c);
		n++;
	}
	for (size_t i = 0; i < l->n_fields; i++) {
		const char *c = l->fields[i].col;
		if (!(l->fields[i].flags & RF_FREE))
			continue;
		sqlite3_str_appendf(
		    o,
		    "%sSELECT l.uuid, 'workshop_log', '%s', w.%s, l.%s, w.id, %d, "
		    "l.id FROM workshop_log l JOIN workshop w ON w.id = l.workshop_id",
		    n ? " UNION ALL " : "", c, w->label, c, n);
		n++;
	}
	sqlite3_str_appendall(o, " ORDER BY 4, 6, 7, 8");
	char *sql = sqlite3_str_finish(o);
	struct q q;
	q_prepare(&q, s, sql ? sql : "");
	sqlite3_free(sql);
	return free_texts(&q, out, err);
}

enum mstatus store_history_texts(struct store *s, struct m_free_text_list *out, struct merr *err)
{
	/* The columns of free text (RF_FREE) of every kind, and nothing else: codes, times and
	 * stamps are no one's words. The history names columns, not kinds: a column that is
	 * free text in one kind is read in all of them. */
	sqlite3_str *names = sqlite3_str_new(NULL);
	for (size_t r = 0; r < R_COUNT; r++)
		for (size_t i = 0; i < records[r].n_fields; i++) {
			char quoted[64];
			snprintf(quoted, sizeof quoted, "'%s'", records[r].fields[i].col);
			const char *have = sqlite3_str_value(names);
			if ((records[r].fields[i].flags & RF_FREE) &&
			    !(have && strstr(have, quoted)))
				sqlite3_str_appendf(names, "%s%s",
				                    sqlite3_str_length(names) ? ", " : "", quoted);
		}
	char *in = sqlite3_str_finish(names);
	char *sql = xasprintf(
	    "SELECT h.row_uuid, h.tbl, o.key, h.at, o.value FROM history h, json_each(h.old) o "
	    "WHERE h.old IS NOT NULL AND o.type = 'text' AND o.key IN (%s) "
	    "AND (h.op = 'delete' OR json_extract(h.new, '$.' || o.key) IS NOT o.value) "
	    "ORDER BY h.id, o.id",
	    in ? in : "");
	sqlite3_free(in);
	struct q q;
	q_prepare(&q, s, sql);
	free(sql);
	return free_texts(&q, out, err);
}
