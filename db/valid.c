/* valid.c - the checks every value passes before it is written, shared by adding and editing and
 * made from the kinds' tables (core/records.h): a wrong value gets the table's sentence naming
 * the field instead of a constraint name, and an edit is held to exactly what an add is. The
 * schema's CHECKs remain the last line for other writers. */
#include "private.h"

#include "core/i18n.h"
#include "core/text.h"
#include "core/uuid.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum mstatus db_invalid(struct store *s, struct merr *err, const char *what)
{
	return merr_set(err, M_USAGE, MR_INVALID, _("%s: %s"), s->path, what);
}

bool db_filled(const char *t)
{
	if (!t)
		return false;
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return true;
	return false;
}

enum mstatus db_texts(struct store *s, struct merr *err, const char *const *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] && !text_valid_utf8(t[i], strlen(t[i])))
			return db_invalid(s, err, _("text that is not valid UTF-8"));
	return M_OK;
}

enum mstatus db_time_code(struct store *s, const char *in, char out[FT_BUFSZ],
                          struct fuzzy_time *ft, struct merr *err)
{
	struct fuzzy_time tmp;
	if (!ft)
		ft = &tmp;
	memset(ft, 0, sizeof *ft);
	out[0] = '\0';
	if (!in)
		return M_OK;
	struct merr e = {0};
	if (ft_parse(in, ft, &e) != M_OK)
		return merr_set(err, M_USAGE, MR_INVALID, _("%s: %s"), s->path, e.msg);
	ft_code(ft, out);
	return M_OK;
}

/* Sector codes, never names: a name typed into a list of codes would be kept about people. */
static bool codes_valid(const struct m_enum *e, const char *list)
{
	if (!list || !*list)
		return true;
	char *copy = xstrdup(list);
	bool ok = true;
	for (char *save = NULL, *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
		if (m_enum_value(e, t) < 0)
			ok = false;
	free(copy);
	return ok;
}

static bool is_text(enum record_type t)
{
	return t == RT_TEXT || t == RT_TIME || t == RT_CODES;
}

/* The value of one field as the table says it must be; owner: whether a missing owner counts
 * (it does not for a record written with its owner, which the store fills in). */
static bool value_ok(const struct record_field *f, const void *rec, bool owner)
{
	switch (f->type) {
	case RT_REF:
		return !(f->flags & RF_REQUIRED) || ((f->flags & RF_OWNER) && !owner) ||
		       record_num(rec, f) != 0;
	case RT_TEXT:
		return !(f->flags & RF_REQUIRED) || db_filled(record_text_of(rec, f));
	case RT_CODES:
		return codes_valid(f->codes, record_text_of(rec, f));
	case RT_ENUM:
	case RT_BOOL: {
		int64_t v = record_num(rec, f);
		return f->type == RT_BOOL || (v >= 0 && v < f->codes->n);
	}
	case RT_INT: {
		int64_t v = record_num(rec, f);
		if (v == 0 && (f->flags & (RF_NULL0 | RF_AUTO)))
			return true;
		return v >= f->lo && v <= f->hi;
	}
	default:
		return true;
	}
}

static enum mstatus check(struct store *s, const struct record_kind *k, const void *rec,
                          struct db_vals *v, bool owner, struct merr *err);

/* The records written with this one, each as if alone. */
static enum mstatus check_children(struct store *s, const struct record_kind *k, const void *rec,
                                   struct merr *err)
{
	struct db_vals *cv = xmalloc(sizeof *cv);
	enum mstatus st = M_OK;
	for (size_t c = 0; st == M_OK && c < k->n_children; c++) {
		const struct record_child *ch = &k->children[c];
		if (!ch->written)
			continue;
		char *items = record_items(rec, ch);
		for (size_t i = 0; st == M_OK && i < record_count(rec, ch); i++) {
			void *item = items + i * ch->kind->size;
			const char *uuid = record_uuid(ch->kind, item);
			st = check(s, ch->kind, item, cv, false, err);
			if (st == M_OK && uuid && uuid[0] && !m_uuid_valid(uuid))
				st = db_invalid(s, err,
				                _("a record's identity (UUID) is not valid"));
		}
	}
	free(cv);
	return st;
}

static enum mstatus check(struct store *s, const struct record_kind *k, const void *rec,
                          struct db_vals *v, bool owner, struct merr *err)
{
	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (record_held(f) && !(f->flags & RF_DERIVED) && !value_ok(f, rec, owner))
			return db_invalid(s, err, f->bad ? _(f->bad) : f->col);
	}
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *t = record_held(f) && is_text(f->type) && !(f->flags & RF_DERIVED)
		                    ? record_text_of(rec, f)
		                    : NULL;
		if (t && !text_valid_utf8(t, strlen(t)))
			return db_invalid(s, err, _("text that is not valid UTF-8"));
	}
	bool first = true;
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct record_field *f = &k->fields[i];
		if (!record_held(f) || f->type != RT_TIME)
			continue;
		struct fuzzy_time ft;
		enum mstatus st = db_time_code(s, record_text_of(rec, f), v->buf[i], &ft, err);
		if (st != M_OK)
			return st;
		v->text[i] = v->buf[i];
		if (first)
			v->ft = ft;
		first = false;
	}
	return check_children(s, k, rec, err);
}

enum mstatus db_check(struct store *s, const struct record_kind *k, const void *rec,
                      struct db_vals *v, struct merr *err)
{
	return check(s, k, rec, v, true, err);
}

enum mstatus db_check_part(struct store *s, const struct record_kind *k, const void *rec,
                           struct db_vals *v, struct merr *err)
{
	return check(s, k, rec, v, false, err);
}
