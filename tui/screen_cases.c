/* screen_cases.c - the cases screen: one line per case with its counts, the selected one
 * highlighted, and the selected case's summary below the list (or beside it when wide). */
#include "private.h"

#include "core/i18n.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>

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

static void draw_summary(const struct app *a, int y, int x, int cols, int rows)
{
	if (rows < 2 || a->case_sel >= a->cases.n)
		return;
	const struct m_case *c = &a->cases.items[a->case_sel];
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

void cases_draw(struct app *a, int top, int rows)
{
	if (a->cases.n == 0) {
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
	for (size_t i = 0; i < a->cases.n; i++) {
		const struct m_case *k = &a->cases.items[i];
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
		int want = (int)a->cases.n;
		list_rows = want < (rows - 1) / 2 ? want : (rows - 1) / 2;
		if (list_rows < 3)
			list_rows = 3 < rows - 1 ? 3 : rows - 1;
		summary_rows = rows - 1 - list_rows - 1;
	}
	if (a->case_sel < a->case_top)
		a->case_top = a->case_sel;
	if (a->case_sel >= a->case_top + (size_t)list_rows)
		a->case_top = a->case_sel - (size_t)list_rows + 1;

	for (int r = 0; r < list_rows && a->case_top + (size_t)r < a->cases.n; r++) {
		size_t i = a->case_top + (size_t)r;
		const struct m_case *k = &a->cases.items[i];
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
		draw_row(top + 1 + r, 0, list_cols, i == a->case_sel ? ROLE_SELECTED : ROLE_NORMAL,
		         c, 6, cells);
	}
	if (side)
		draw_summary(a, top, list_cols + 1, COLS - list_cols - 1, rows);
	else if (summary_rows > 0)
		draw_summary(a, top + 2 + list_rows, 0, COLS, summary_rows);
}

unsigned cases_key(struct app *a, enum action act)
{
	size_t n = a->cases.n;
	switch (act) {
	case ACT_PREV:
		if (a->case_sel > 0)
			a->case_sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (a->case_sel + 1 < n)
			a->case_sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		a->case_sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		a->case_sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_OPEN:
		if (a->case_sel < n)
			app_open_journey(a, a->cases.items[a->case_sel].id);
		return CH_REDRAW;
	case ACT_ADD:
		form_case_open(a, NULL);
		return CH_REDRAW;
	case ACT_CATALOGUE:
		a->screen = SCR_CATALOGUE;
		return CH_REDRAW;
	case ACT_CONFLICTS:
		conflicts_open(a);
		return CH_REDRAW;
	case ACT_WORKSHOP:
		a->screen = SCR_WORKSHOP;
		return CH_REDRAW;
	case ACT_QUIT:
		return CH_QUIT;
	default:
		return CH_NONE;
	}
}
