/* form_workshop.c - the form of a workshop (its date, place and the sectors that took part,
 * chosen from the sector codes so that no name is kept) and of an entry in its log (a note or
 * a decision: added, never changed). Both are scanned for names before they are written. */
#include "private.h"

#include "core/i18n.h"
#include "core/store_workshop.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ctx {
	struct m_workshop rec;
	size_t date, place, sectors;
};

static void free_ctx(void *p)
{
	struct ctx *c = p;
	m_workshop_clear(&c->rec);
	free(c);
}

/* YYYY-MM-DD with a real month and day: the list sorts by it and today's is matched on it. */
static bool iso_date(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int m = atoi(s + 5), d = atoi(s + 8);
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static enum mstatus save(struct form *f, struct merr *err)
{
	struct ctx *c = f->ctx;
	struct m_workshop *w = &c->rec;
	form_take(&w->date, form_text(f, c->date));
	if (!iso_date(w->date))
		return merr_set(err, M_USAGE, MR_INVALID, "%s",
		                _("the date is written YYYY-MM-DD, for example 2026-11-23"));
	form_take(&w->place, form_text(f, c->place));
	char codes[256] = "";
	size_t len = 0;
	for (int v = 0; v < SECTOR_COUNT; v++) {
		if (!form_multipick_has(f, c->sectors, v))
			continue;
		int n = snprintf(codes + len, sizeof codes - len, "%s%s", len ? "," : "",
		                 m_sector_code((enum m_sector)v));
		if (n > 0 && (size_t)n < sizeof codes - len)
			len += (size_t)n;
	}
	free(w->sectors);
	w->sectors = len ? xstrdup(codes) : NULL;
	enum mstatus r = w->id ? store_workshop_update(f->app->store, w, err)
	                       : store_workshop_add(f->app->store, w, err);
	if (r == M_OK)
		app_note(f->app, _("saved: the workshop of %s"), w->date);
	return r;
}

void form_workshop_open(struct app *a, const struct m_workshop *given)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	if (given) {
		m_workshop_copy(&c->rec, given);
	} else {
		char today[16];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		c->rec.date = xstrdup(today);
	}
	struct form *f =
	    form_new(a, given ? _("Edit the workshop") : _("A new workshop"), save, c, free_ctx);
	c->date = form_add_text(f, _("Date (YYYY-MM-DD)"), c->rec.date, true);
	c->place = form_add_text(f, _("Place"), c->rec.place, false);
	form_privacy_record(f, c->rec.uuid);
	form_privacy_field(f, c->place, "place");
	struct pick_list l = {0};
	for (int v = 0; v < SECTOR_COUNT; v++)
		pick_list_add(&l, v, m_sector_label((enum m_sector)v),
		              m_sector_code((enum m_sector)v), NULL);
	c->sectors = form_add_multipick(f, _("Sectors that took part"), &l);
	if (c->rec.sectors) {
		char *copy = xstrdup(c->rec.sectors);
		for (char *s = NULL, *t = strtok_r(copy, ",", &s); t; t = strtok_r(NULL, ",", &s))
			if (m_sector_from_code(t) >= 0)
				form_multipick_set(f, c->sectors, m_sector_from_code(t), true);
		free(copy);
	}
	app_open_form(a, f);
}

/* ---- an entry in the log --------------------------------------------------------------- */

struct log_ctx {
	m_id workshop;
	bool decision;
	size_t text;
};

static enum mstatus save_log(struct form *f, struct merr *err)
{
	struct log_ctx *c = f->ctx;
	char *text = form_text(f, c->text);
	enum mstatus r = store_workshop_log_add(f->app->store, c->workshop,
	                                        c->decision ? "decision" : "note", text, err);
	if (r == M_OK)
		app_note(f->app, "%s",
		         c->decision ? _("the decision is in the log")
		                     : _("the note is in the log"));
	free(text);
	return r;
}

void form_log_open(struct app *a, const struct m_workshop *w, bool decision)
{
	struct log_ctx *c = xcalloc(1, sizeof *c);
	c->workshop = w->id;
	c->decision = decision;
	char title[200];
	snprintf(title, sizeof title,
	         decision ? _("A decision of the workshop of %s")
	                  : _("A note on the workshop of %s"),
	         w->date);
	struct form *f = form_new(a, title, save_log, c, free);
	c->text = form_add_multi(f, decision ? _("Decision") : _("Note"), NULL);
	/* Scanned before it is written: an entry of the log can never be taken back. */
	form_privacy_field(f, c->text, "text");
	app_open_form(a, f);
}
