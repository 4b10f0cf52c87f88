/* bind.c - a record's columns, from its kind's table (core/records.h): the SQL that selects,
 * inserts and updates them, binding a record to those statements and reading it back from a row.
 * The INSERT of an add and the UPDATE of an edit name the same columns, so the two can never
 * write different ones, and a new field is in all of them once it is in the table. */
#include "private.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void db_vals_text(struct db_vals *v, const struct record_kind *k, const char *col, const char *t)
{
	size_t i = record_field_index(k, col);
	snprintf(v->buf[i], sizeof v->buf[i], "%s", t ? t : "");
	v->text[i] = v->buf[i];
}

void db_vals_num(struct db_vals *v, const struct record_kind *k, const char *col, int64_t n)
{
	size_t i = record_field_index(k, col);
	v->has_num[i] = true;
	v->num[i] = n;
}

static bool is_text(enum record_type t)
{
	return t == RT_UUID || t == RT_TEXT || t == RT_TIME || t == RT_CODES;
}

/* Whether a write binds field i: the record holds it or v gives it; never the stamps. */
static bool written(const struct record_kind *k, const struct db_vals *v, size_t i)
{
	const struct record_field *f = &k->fields[i];
	if (f->type == RT_STAMP)
		return false;
	return record_held(f) || (v && (v->text[i] || v->has_num[i]));
}

/* Appends the names of the written columns, each as `fmt` with the column twice. */
static void append_cols(sqlite3_str *o, const struct record_kind *k, const struct db_vals *v,
                        bool edit, const char *fmt)
{
	bool first = true;
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!written(k, v, i) || (edit && (f->type == RT_UUID || (f->flags & RF_OWNER))))
			continue;
		sqlite3_str_appendall(o, first ? "" : ", ");
		sqlite3_str_appendf(o, fmt, f->col, f->col);
		first = false;
	}
}

static char *finish(sqlite3_str *o)
{
	char *sql = sqlite3_str_finish(o);
	char *mine = xstrdup(sql ? sql : "");
	sqlite3_free(sql);
	return mine;
}

char *db_columns(const struct record_kind *k, const char *alias)
{
	sqlite3_str *o = sqlite3_str_new(NULL);
	const char *dot = *alias ? "." : "";
	if (k->id != RECORD_NOWHERE)
		sqlite3_str_appendf(o, "%s%sid", alias, dot);
	for (size_t i = 0; i < k->n_fields; i++)
		if (record_held(&k->fields[i]))
			sqlite3_str_appendf(o, "%s%s%s%s", sqlite3_str_length(o) ? ", " : "", alias,
			                    dot, k->fields[i].col);
	return finish(o);
}

char *db_insert_sql(const struct record_kind *k, const struct db_vals *v)
{
	sqlite3_str *o = sqlite3_str_new(NULL);
	sqlite3_str_appendf(o, "INSERT INTO %s (", k->table);
	append_cols(o, k, v, false, "%s%.0s");
	sqlite3_str_appendall(o, ") VALUES (");
	append_cols(o, k, v, false, ":%s%.0s");
	sqlite3_str_appendall(o, ")");
	return finish(o);
}

char *db_set_sql(const struct record_kind *k, const struct db_vals *v, bool excluded)
{
	sqlite3_str *o = sqlite3_str_new(NULL);
	append_cols(o, k, v, true, excluded ? "%s = excluded.%s" : "%s = :%s");
	return finish(o);
}

void db_bind(struct q *q, const struct record_kind *k, const void *rec, const struct db_vals *v)
{
	for (size_t i = 0; q->st && i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!written(k, v, i))
			continue;
		char name[64];
		snprintf(name, sizeof name, ":%s", f->col);
		/* A statement that names fewer columns (an UPDATE leaves the owner) is not bound
		 * the ones it lacks: q_* would take a missing name for a misspelled one. */
		if (!sqlite3_bind_parameter_index(q->st, name))
			continue;
		if (is_text(f->type)) {
			const char *t = v && v->text[i]      ? v->text[i]
			                : f->type == RT_UUID ? (const char *)rec + f->off
			                                     : record_text_of(rec, f);
			q_text(q, name, t);
			continue;
		}
		int64_t n = v && v->has_num[i] ? v->num[i] : record_num(rec, f);
		if (f->type == RT_ENUM)
			q_text(q, name, m_enum_code(f->codes, (int)n));
		else if (f->type == RT_REF || (f->flags & RF_NULL0))
			q_id(q, name, n);
		else
			q_int(q, name, n);
	}
}

int db_read(struct q *q, const struct record_kind *k, void *rec, int col)
{
	if (k->id != RECORD_NOWHERE)
		*record_id(k, rec) = q_col_int(q, col++);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!record_held(f))
			continue;
		const char *t = (const char *)sqlite3_column_text(q->st, col);
		switch (f->type) {
		case RT_UUID:
			snprintf((char *)rec + f->off, M_UUID_LEN + 1, "%s", t ? t : "");
			break;
		case RT_STAMP:
			snprintf((char *)rec + f->off, M_STAMP_LEN + 1, "%s", t ? t : "");
			break;
		case RT_TEXT:
		case RT_TIME:
		case RT_CODES:
			*record_text(rec, f) = q_col_text(q, col);
			break;
		case RT_ENUM: {
			/* Codes are checked by the schema; an unknown one (a file another tool
			 * wrote) reads as the first value rather than as garbage. */
			int e = m_enum_value(f->codes, t);
			record_set_num(rec, f, e < 0 ? 0 : e);
			break;
		}
		default:
			record_set_num(rec, f, q_col_int(q, col));
			break;
		}
		col++;
	}
	return col;
}
