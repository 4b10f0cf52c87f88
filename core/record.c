/* record.c - a record handled through its kind's table (records.h): its fields reached by
 * offset, cleared and deep-copied whatever the kind, so that a new text field is freed and
 * copied the moment it is in the table, never shared between two records. */
#include "records.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const struct record_kind *record_kind_of(const char *table)
{
	for (size_t i = 0; table && i < R_COUNT; i++)
		if (strcmp(records[i].table, table) == 0)
			return &records[i];
	return NULL;
}

size_t record_field_index(const struct record_kind *k, const char *col)
{
	size_t i = 0;
	while (i < k->n_fields && strcmp(k->fields[i].col, col) != 0)
		i++;
	return i;
}

const struct record_field *record_field(const struct record_kind *k, const char *col)
{
	size_t i = record_field_index(k, col);
	return i < k->n_fields ? &k->fields[i] : NULL;
}

const struct record_kind *record_root(const struct record_kind *k)
{
	for (size_t i = 0; i < k->n_fields; i++)
		if (k->fields[i].flags & RF_OWNER)
			return record_root(k->fields[i].ref);
	return k;
}

bool record_held(const struct record_field *f)
{
	return f->off != RECORD_NOWHERE;
}

static void *at(const void *rec, size_t off)
{
	return (char *)rec + off;
}

char **record_text(void *rec, const struct record_field *f)
{
	return at(rec, f->off);
}

const char *record_text_of(const void *rec, const struct record_field *f)
{
	return *(char *const *)at(rec, f->off);
}

/* An enumeration is held as the enum type, which has the size of an int (records.c checks). */
int64_t record_num(const void *rec, const struct record_field *f)
{
	switch (f->type) {
	case RT_REF:
		return *(const m_id *)at(rec, f->off);
	case RT_BOOL:
		return *(const bool *)at(rec, f->off);
	case RT_INT:
	case RT_ENUM:
		return *(const int *)at(rec, f->off);
	default:
		return 0;
	}
}

void record_set_num(void *rec, const struct record_field *f, int64_t v)
{
	switch (f->type) {
	case RT_REF:
		*(m_id *)at(rec, f->off) = v;
		break;
	case RT_BOOL:
		*(bool *)at(rec, f->off) = v != 0;
		break;
	case RT_INT:
	case RT_ENUM:
		*(int *)at(rec, f->off) = (int)v;
		break;
	default:
		break;
	}
}

static char *head(const struct record_kind *k, void *rec, const char *col)
{
	const struct record_field *f = record_field(k, col);
	return f && record_held(f) ? at(rec, f->off) : NULL;
}

char *record_uuid(const struct record_kind *k, void *rec)
{
	return head(k, rec, "uuid");
}

char *record_stamp(const struct record_kind *k, void *rec)
{
	return head(k, rec, "updated");
}

m_id *record_id(const struct record_kind *k, void *rec)
{
	return k->id == RECORD_NOWHERE ? NULL : at(rec, k->id);
}

/* The array is held as a pointer to the child's struct: copied, not read through a char **. */
void *record_items(const void *rec, const struct record_child *ch)
{
	void *items;
	memcpy(&items, at(rec, ch->items), sizeof items);
	return items;
}

static void set_items(void *rec, const struct record_child *ch, void *items)
{
	memcpy(at(rec, ch->items), &items, sizeof items);
}

size_t record_count(const void *rec, const struct record_child *ch)
{
	return *(const size_t *)at(rec, ch->count);
}

static bool is_text(const struct record_field *f)
{
	return f->type == RT_TEXT || f->type == RT_TIME || f->type == RT_CODES;
}

void record_clear(const struct record_kind *k, void *rec)
{
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (record_held(f) && is_text(f))
			free(*record_text(rec, f));
	}
	for (size_t c = 0; c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		char *items = record_items(rec, ch);
		for (size_t i = 0; i < record_count(rec, ch); i++)
			record_clear(ch->kind, items + i * ch->kind->size);
		free(items);
	}
	memset(rec, 0, k->size);
}

void record_copy(const struct record_kind *k, void *to, const void *from)
{
	memcpy(to, from, k->size);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (record_held(f) && is_text(f))
			*record_text(to, f) = xstrdup_or_null(record_text_of(from, f));
	}
	for (size_t c = 0; c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		const char *items = record_items(from, ch);
		size_t n = record_count(from, ch);
		char *copy = n ? xcalloc(n, ch->kind->size) : NULL;
		for (size_t i = 0; i < n; i++)
			record_copy(ch->kind, copy + i * ch->kind->size,
			            items + i * ch->kind->size);
		set_items(to, ch, copy);
	}
}
