/* screen_cases.c - the cases screen: one line per case with its counts, the selected one
 * highlighted, and the selected case's summary below the list (or beside it when wide). */
#include "private.h"

#include "core/i18n.h"
#include "core/store_read.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

struct cases_view {
	struct screen base;
	struct m_case_list cases;
	size_t sel, top;
	m_id want;      /* after a reload: select this case (a form saved it) ... */
	bool want_open; /* ... and open its journey (a new case) */
};

struct column {
	const char *head;
	int width;
};

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* Draws one row of the table: the cells are already strings. */
static void draw_row(int y, int x, int cols, enum role r, const struct column *c, size_t n,
                     const char *const *cells)
{
	draw_line(y, x, cols, r, "");
	int at = x + 1;
	for (size_t i = 0; i < n && at < x + cols; i++) {
		int w = i + 1 < n ? c[i].width : x + cols - at;
		draw_text(y, at, w < x + cols - at ? w : x + cols - at, r, cells[i]);
		at += c[i].width + 2;
	}
}

static void draw_summary(const struct cases_view *v, int y, int x, int cols, int rows)
{
	if (rows < 2 || v->sel >= v->cases.n)
		return;
	const struct m_case *c = &v->cases.items[v->sel];
	struct block b;
	block_init(&b, cols - 2);
	block_add(&b, ROLE_NORMAL, NULL, ROLE_HEADING, c->code);
	char line[256];
	char born[32] = "";
	if (c->birth_year)
		snprintf(born, sizeof born, _("born %d"), c->birth_year);
	snprintf(line, sizeof line, "%s%s%s%s%s", born, c->gender && *c->gender ? " · " : "",
	         c->gender ? c->gender : "", c->area && *c->area ? " · " : "",
	         c->area ? c->area : "");
	if (line[0])
		block_add(&b, ROLE_NORMAL, NULL, ROLE_DIM, line);
	if (c->summary && *c->summary)
		block_add(&b, ROLE_NORMAL, NULL, ROLE_NORMAL, c->summary);
	block_draw(&b, y, x + 1, rows, 0);
	block_clear(&b);
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	(void)a;
	struct cases_view *v = (struct cases_view *)s;
	if (v->cases.n == 0) {
		draw_centered(top + rows / 2, ROLE_DIM, _("No cases yet: a adds one."));
		return;
	}
	bool side = COLS >= TUI_WIDE_COLS;
	int list_cols = side ? COLS * 55 / 100 : COLS;

	struct column c[6] = {
	    {_("Case"), 0},  {_("Status"), 0},  {_("Born"), 4},
	    {_("Steps"), 0}, {_("Interv."), 0}, {_("Gaps"), 0},
	};
	for (size_t i = 0; i < 6; i++)
		c[i].width = max_int(c[i].width, draw_width(c[i].head));
	for (size_t i = 0; i < v->cases.n; i++) {
		const struct m_case *k = &v->cases.items[i];
		c[0].width = max_int(c[0].width, draw_width(k->code));
		c[1].width = max_int(c[1].width, draw_width(m_case_status_label(k->status)));
	}
	if (c[0].width > 24)
		c[0].width = 24;

	const char *heads[6];
	for (size_t i = 0; i < 6; i++)
		heads[i] = c[i].head;
	draw_row(top, 0, list_cols, ROLE_DIM, c, 6, heads);

	/* Below the list: the summary, when there is room for it and the list. */
	int list_rows = rows - 1;
	int summary_rows = 0;
	if (!side && rows >= 12) {
		int want = (int)v->cases.n;
		list_rows = want < (rows - 1) / 2 ? want : (rows - 1) / 2;
		if (list_rows < 3)
			list_rows = 3 < rows - 1 ? 3 : rows - 1;
		summary_rows = rows - 1 - list_rows - 1;
	}
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)list_rows)
		v->top = v->sel - (size_t)list_rows + 1;

	for (int r = 0; r < list_rows && v->top + (size_t)r < v->cases.n; r++) {
		size_t i = v->top + (size_t)r;
		const struct m_case *k = &v->cases.items[i];
		char born[16], steps[16], ivs[16], gaps[16];
		if (k->birth_year)
			snprintf(born, sizeof born, "%d", k->birth_year);
		else
			snprintf(born, sizeof born, "-");
		snprintf(steps, sizeof steps, "%*d", c[3].width, k->n_steps);
		snprintf(ivs, sizeof ivs, "%*d", c[4].width, k->n_interventions);
		snprintf(gaps, sizeof gaps, "%*d", c[5].width, k->n_gaps);
		const char *cells[6] = {k->code, m_case_status_label(k->status), born, steps, ivs,
		                        gaps};
		draw_row(top + 1 + r, 0, list_cols, i == v->sel ? ROLE_SELECTED : ROLE_NORMAL, c, 6,
		         cells);
	}
	if (side)
		draw_summary(v, top, list_cols + 1, COLS - list_cols - 1, rows);
	else if (summary_rows > 0)
		draw_summary(v, top + 2 + list_rows, 0, COLS, summary_rows);
}

static void load(struct app *a, struct screen *s)
{
	struct cases_view *v = (struct cases_view *)s;
	struct merr err = {0};
	/* Keep the same case selected by id: another mellan may have added or renamed one. */
	m_id case_id = v->sel < v->cases.n ? v->cases.items[v->sel].id : 0;
	if (v->want)
		case_id = v->want;
	m_case_list_clear(&v->cases);
	if (store_case_list(a->store, &v->cases, &err) != M_OK)
		app_message(a, &err);
	for (size_t i = 0; i < v->cases.n; i++)
		if (v->cases.items[i].id == case_id)
			v->sel = i;
	if (v->sel >= v->cases.n)
		v->sel = v->cases.n ? v->cases.n - 1 : 0;
	m_id open = v->want_open && v->sel < v->cases.n && v->cases.items[v->sel].id == v->want
	                ? v->want
	                : 0;
	v->want = 0;
	v->want_open = false;
	if (open)
		app_open_journey(a, open);
}

void cases_select(struct app *a, m_id case_id, bool open)
{
	struct cases_view *v = (struct cases_view *)screen_find(a, &screen_cases);
	if (!v)
		return;
	v->want = case_id;
	v->want_open = open;
}

bool cases_open_code(struct app *a, const char *code)
{
	struct cases_view *v = (struct cases_view *)screen_find(a, &screen_cases);
	for (size_t i = 0; v && i < v->cases.n; i++) {
		if (strcmp(v->cases.items[i].code, code) == 0) {
			v->sel = i;
			app_open_journey(a, v->cases.items[i].id);
			return true;
		}
	}
	return false;
}

/* e edits the selected case, d asks before deleting it. */
static unsigned edit(struct app *a, const struct cases_view *v, bool del)
{
	if (v->sel >= v->cases.n)
		return CH_NONE;
	const struct m_case *c = &v->cases.items[v->sel];
	if (!del) {
		form_case_open(a, c);
		return CH_REDRAW;
	}
	char label[600];
	snprintf(label, sizeof label, _("the case %s"), c->code);
	edit_ask_delete(a, RK_CASE, c->id, label);
	return CH_REDRAW;
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct cases_view *v = (struct cases_view *)s;
	size_t n = v->cases.n;
	switch (act) {
	case ACT_PREV:
		if (v->sel > 0)
			v->sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (v->sel + 1 < n)
			v->sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		v->sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		v->sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_OPEN:
		if (v->sel < n)
			app_open_journey(a, v->cases.items[v->sel].id);
		return CH_REDRAW;
	case ACT_ADD:
		form_case_open(a, NULL);
		return CH_REDRAW;
	case ACT_EDIT:
	case ACT_DELETE:
		return edit(a, v, act == ACT_DELETE);
	case ACT_QUIT:
		return CH_QUIT;
	default:
		return CH_NONE;
	}
}

static void title(const struct app *a, const struct screen *s, char *buf, size_t n)
{
	(void)a;
	const struct cases_view *v = (const struct cases_view *)s;
	snprintf(buf, n, ngettext("%zu case", "%zu cases", v->cases.n), v->cases.n);
}

static void free_view(struct screen *s)
{
	m_case_list_clear(&((struct cases_view *)s)->cases);
}

const struct screen_ops screen_cases = {
    .id = SCR_CASES,
    .help_title = N_("Keys of the cases screen"),
    .size = sizeof(struct cases_view),
    .keep = true,   /* at the bottom of the stack, never closed */
    .reload = load, /* the app reloads it as it starts */
    .draw = draw,
    .key = key,
    .title = title,
    .free = free_view,
};
