/* screen_workshop.c - the workshops in date order, the current one (where the room's votes go)
 * marked, and the log of the selected one, oldest first with time and initials, so the next
 * workshop sees what the last one decided. The log only grows: no key here edits or deletes
 * an entry. Read from the file at each draw: a handful of rows, and never stale. */
#include "private.h"

#include "core/i18n.h"
#include "core/silence.h"
#include "core/store_propose.h"
#include "core/store_workshop.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kept between visits: the selection is where it was left. */
struct workshop_view {
	struct screen base;
	size_t sel, top;
};

/* "municipality,region" -> the sectors' labels, for people to read. */
static void sector_labels(const char *codes, char *buf, size_t n)
{
	buf[0] = '\0';
	if (!codes || !*codes)
		return;
	char *copy = xstrdup(codes);
	size_t len = 0;
	for (char *save = NULL, *t = strtok_r(copy, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		int v = m_sector_from_code(t);
		const char *label = v >= 0 ? m_sector_label((enum m_sector)v) : t;
		int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", label);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	free(copy);
}

static void load(struct app *a, struct workshop_view *v, struct m_workshop_list *l, m_id *current)
{
	struct merr err = {0};
	*current = 0;
	if (store_workshop_list(a->store, l, &err) != M_OK ||
	    store_workshop_today(a->store, false, current, &err) != M_OK)
		app_message(a, &err);
	if (v->sel >= l->n)
		v->sel = l->n ? l->n - 1 : 0;
}

static const struct m_workshop *selected(struct app *a, struct workshop_view *v,
                                         struct m_workshop_list *l)
{
	m_id current;
	load(a, v, l, &current);
	return v->sel < l->n ? &l->items[v->sel] : NULL;
}

static int draw_log(struct app *a, const struct m_workshop *w, int y, int end)
{
	struct m_log_list log;
	struct merr err = {0};
	if (store_workshop_log(a->store, w->id, &log, &err) != M_OK) {
		app_message(a, &err);
		return y;
	}
	char line[800];
	snprintf(line, sizeof line, _("Log of the workshop of %s"), w->date);
	draw_line(y++, 0, COLS, ROLE_HEADING, line);
	if (log.n == 0 && y < end)
		draw_line(y++, 0, COLS, ROLE_DIM,
		          _("  Nothing noted or decided yet (n a note, D a decision)."));
	/* The latest entries when they are more than fit: what was just written stays in view. */
	size_t first = log.n > (size_t)(end - y) ? log.n - (size_t)(end - y) : 0;
	for (size_t i = first; i < log.n && y < end; i++) {
		const struct m_log_entry *e = &log.items[i];
		bool decision = strcmp(e->kind, "decision") == 0;
		snprintf(line, sizeof line, "  %s  %s  %s %s", e->at ? e->at : "",
		         e->initials ? e->initials : "", decision ? _("Decision:") : _("Note:"),
		         e->text);
		draw_line(y++, 0, COLS, decision ? ROLE_GOOD : ROLE_NORMAL, line);
	}
	m_log_list_clear(&log);
	return y;
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	struct workshop_view *v = (struct workshop_view *)s;
	struct m_workshop_list l;
	m_id current;
	load(a, v, &l, &current);
	int end = top + rows;
	int y = top;
	struct merr err = {0};
	int sil = SILENCE_DEFAULT_DAYS, ho = HANDOVER_DEFAULT_DAYS;
	if (store_proposal_lengths(a->store, &sil, &ho, &err) != M_OK)
		app_message(a, &err);
	char line[800];
	snprintf(line, sizeof line,
	         _("Proposed as gaps: silences from %d days, hand-overs late after %d days (L)"),
	         sil, ho);
	draw_line(y++, 0, COLS, ROLE_DIM, line);
	if (l.n == 0) {
		draw_centered(top + rows / 2, ROLE_DIM, _("No workshops yet: a adds one."));
		m_workshop_list_clear(&l);
		return;
	}
	/* The list takes at most half the rows, the log the rest. */
	int list_rows = rows / 2 - 1;
	if (list_rows < 1)
		list_rows = 1;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)list_rows)
		v->top = v->sel - (size_t)list_rows + 1;
	for (size_t i = v->top; i < l.n && i < v->top + (size_t)list_rows && y < end; i++) {
		const struct m_workshop *w = &l.items[i];
		char sectors[400];
		sector_labels(w->sectors, sectors, sizeof sectors);
		snprintf(line, sizeof line, "%s %s  %s  %s", w->id == current ? "*" : " ", w->date,
		         w->place ? w->place : "", sectors);
		if (w->id == current) {
			size_t len = strlen(line);
			snprintf(line + len, sizeof line - len, "  %s", _("(current)"));
		}
		draw_line(y++, 0, COLS, i == v->sel ? ROLE_SELECTED : ROLE_NORMAL, line);
	}
	if (y < end)
		y++;
	if (v->sel < l.n && y < end)
		draw_log(a, &l.items[v->sel], y, end);
	m_workshop_list_clear(&l);
}

static unsigned choose_current(struct app *a, struct workshop_view *v)
{
	struct m_workshop_list l;
	m_id current;
	load(a, v, &l, &current);
	struct merr err = {0};
	if (v->sel < l.n) {
		const struct m_workshop *w = &l.items[v->sel];
		bool again = w->id == current;
		if (store_workshop_current_set(a->store, again ? 0 : w->id, &err) != M_OK)
			app_message(a, &err);
		else if (again)
			app_note(a, "%s", _("the room's votes go to today's workshop"));
		else
			app_note(a, _("the room's votes go to the workshop of %s"), w->date);
	}
	m_workshop_list_clear(&l);
	return CH_REDRAW;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct workshop_view *v = (struct workshop_view *)s;
	struct m_workshop_list l;
	const struct m_workshop *w;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		v->sel++; /* held to the list at the next draw */
		return CH_REDRAW;
	case ACT_FIRST:
		v->sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		v->sel = (size_t)-1 / 2;
		return CH_REDRAW;
	case ACT_ADD:
		form_workshop_open(a, NULL);
		return CH_REDRAW;
	case ACT_EDIT:
	case ACT_NOTE:
	case ACT_DECISION:
		w = selected(a, v, &l);
		if (w && act == ACT_EDIT)
			form_workshop_open(a, w);
		else if (w)
			form_log_open(a, w, act == ACT_DECISION);
		m_workshop_list_clear(&l);
		return CH_REDRAW;
	case ACT_OPEN:
		return choose_current(a, v);
	case ACT_LENGTHS:
		form_lengths_open(a);
		return CH_REDRAW;
	case ACT_BACK:
		return screen_pop(a);
	default:
		return CH_NONE;
	}
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	(void)s;
	snprintf(buf, n, "%s", _("Workshops"));
}

const struct screen_ops screen_workshop = {
    .id = SCR_WORKSHOP,
    .help_title = N_("Keys of the workshops"),
    .size = sizeof(struct workshop_view),
    .keep = true,
    .draw = draw,
    .key = key,
    .title = title,
};
