/* screen_lanes.c - the lanes view: one row per actor involved in the case, grouped by sector,
 * time along the columns (by step, or to true scale), the interventions as bars with a mark per
 * kind, hand-overs from lane to lane, a lane of gaps, age thresholds as vertical rules and
 * silence shaded. The layout is core/lanes.c's; this file draws it, scrolls and zooms, and keeps
 * the selected step the one the journey has selected. The bars take their actor's colour, or
 * with c the colour of their theme (core/themes.h: the theme of the step they start at). */
#include "private.h"

#include "core/fuzzytime.h"
#include "core/i18n.h"
#include "core/lanes.h"
#include "core/silence.h"
#include "core/store_read.h"
#include "core/story.h"
#include "core/themes.h"
#include "core/xalloc.h"
#include "draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The widest label of an actor without a short code, cut. */
#define LABEL_MAX 14
/* The most of the screen's width the lanes' names take, in per cent. */
#define LABEL_SHARE 30

/* Kept between visits: v back to the journey and v again finds the lanes as they were. */
struct lanes_view {
	struct screen base;
	int scale;       /* an enum lanes_scale */
	int zoom;        /* -1: fit the screen */
	int zoom_shown;  /* the zoom of the last draw, where + and - start from */
	size_t top;      /* the first lane shown */
	int left;        /* the first column of time shown */
	size_t proposal; /* the proposal shown, counting from 1; 0: none */
	bool seen;       /* opened before */
	bool by_theme;   /* the bars coloured by theme, not by actor */
	bool thresholds_loaded;
	struct m_threshold_list thresholds; /* the age rules, read when the lanes first open */
};

/* One screen row of the lanes area: a sector heading or an actor's lane. */
struct line {
	bool heading;
	size_t lane; /* index into the layout's rows */
	enum m_sector sector;
};

/* The cells of the time area of one row: a mark (a constant one-column string) and its role. */
struct cells {
	const char **mark;
	enum role *role;
	int n;
};

static void cells_init(struct cells *c, int n)
{
	c->n = n;
	c->mark = xcalloc((size_t)n, sizeof *c->mark);
	c->role = xcalloc((size_t)n, sizeof *c->role);
}

static void cells_clear(struct cells *c)
{
	free(c->mark);
	free(c->role);
}

/* Puts a mark at a layout column, when it is on screen. */
static void cells_put(struct cells *c, int left, int col, const char *mark, enum role r)
{
	int x = col - left;
	if (x < 0 || x >= c->n)
		return;
	c->mark[x] = mark;
	c->role[x] = r;
}

/* Fills only the cells nothing else has claimed: rules and shading stay behind the bars. */
static void cells_under(struct cells *c, int left, int col, const char *mark, enum role r)
{
	int x = col - left;
	if (x >= 0 && x < c->n && !c->mark[x])
		cells_put(c, left, col, mark, r);
}

static void cells_draw(const struct cells *c, int y, int x)
{
	for (int i = 0; i < c->n; i++) {
		if (!c->mark[i])
			continue;
		attr_t at = (attr_t)theme_attr(c->role[i]);
		attron(at);
		mvaddstr(y, x + i, c->mark[i]);
		attroff(at);
	}
}

/* What every row has behind it: the age rules and the silences. */
static void background(const struct lanes_layout *l, struct cells *c, int left)
{
	for (size_t r = 0; r < l->n_rules; r++)
		cells_under(c, left, l->rules[r].col, "│", ROLE_DIM);
	for (size_t s = 0; s < l->n_silences; s++)
		for (int col = l->silences[s].from; col <= l->silences[s].to; col++)
			cells_under(c, left, col, "·", ROLE_WARNING);
}

static enum role lane_role(const struct app *a, m_id actor)
{
	const struct m_actor *ac = m_actor_find(&a->actors, actor);
	return ac ? theme_actor_role(ac->colour) : ROLE_NORMAL;
}

/* A lane's label: the actor's name where the label column holds it, else its short code (*code
 * then says so, for the key under the lanes). */
static const char *lane_label(const struct app *a, m_id actor, int lw, bool *code)
{
	const struct m_actor *ac = m_actor_find(&a->actors, actor);
	*code = false;
	if (!ac)
		return "?";
	if (draw_width(ac->name) <= lw || !ac->short_label || !*ac->short_label)
		return ac->name;
	*code = strcmp(ac->short_label, ac->name) != 0;
	return ac->short_label;
}

/* The label column: wide enough for the lanes' widest name where it takes no more than
 * LABEL_SHARE of the screen, or no more than the time area can spare without a coarser zoom
 * (`spare`: its columns the journey does not use); never narrower than the widest short code. */
static int label_width(const struct app *a, const struct lanes_layout *l, int spare)
{
	int names = 0, codes = draw_width(_("Gaps"));
	for (size_t r = 0; r < l->n_rows; r++) {
		const struct m_actor *ac = m_actor_find(&a->actors, l->rows[r].actor_id);
		if (!ac)
			continue;
		int nw = draw_width(ac->name);
		int cw = ac->short_label && *ac->short_label ? draw_width(ac->short_label)
		         : nw < LABEL_MAX                    ? nw
		                                             : LABEL_MAX;
		names = nw > names ? nw : names;
		codes = cw > codes ? cw : codes;
	}
	int cap = COLS * LABEL_SHARE / 100 + (spare > 0 ? spare : 0);
	int lw = names < cap ? names : cap;
	return lw < codes ? codes : lw;
}

/* A hand-over's arrow, unless a bar of one column is there: at a narrow zoom a one-step
 * intervention would vanish under it, while the hand-over still shows in the other lanes. */
static void arrow_put(struct cells *c, const bool *sole, int left, int col, const char *mark)
{
	int x = col - left;
	if (x >= 0 && x < c->n && !sole[x])
		cells_put(c, left, col, mark, ROLE_HEADING);
}

/* A theme's colour: the first four of the actors' palette, the no theme dim. */
static enum role theme_role(enum m_theme t)
{
	return t == THEME_NONE ? ROLE_DIM : theme_actor_role((int)t - 1);
}

/* The theme of an intervention: its first step's. */
static enum m_theme bar_theme(const struct app *a, m_id intervention)
{
	const struct m_journey *j = &a->journey;
	m_id step = 0;
	for (size_t i = 0; i < j->n_interventions; i++)
		if (j->interventions[i].id == intervention)
			step = j->interventions[i].step_from;
	for (size_t i = 0; step && i < j->n_steps; i++)
		if (j->steps[i].id == step)
			return m_theme_of_domain(j->steps[i].domain);
	return THEME_NONE;
}

static void lane_cells(const struct app *a, const struct lanes_view *v,
                       const struct lanes_layout *l, size_t lane, struct cells *c, int left)
{
	bool *sole = xcalloc((size_t)c->n + 1, sizeof *sole);
	for (size_t i = 0; i < l->n_bars; i++) {
		const struct lanes_bar *b = &l->bars[i];
		if (b->row != lane)
			continue;
		enum role r = v->by_theme ? theme_role(bar_theme(a, b->intervention_id))
		                          : lane_role(a, l->rows[lane].actor_id);
		for (int col = b->from; col <= b->to; col++)
			cells_put(c, left, col, lanes_kind_mark(b->kind), r);
		if (b->from == b->to && b->from - left >= 0 && b->from - left < c->n)
			sole[b->from - left] = true;
	}
	for (size_t i = 0; i < l->n_handovers; i++) {
		const struct lanes_handover *h = &l->handovers[i];
		size_t lo = h->from_row < h->to_row ? h->from_row : h->to_row;
		size_t hi = h->from_row < h->to_row ? h->to_row : h->from_row;
		if (lane == h->from_row)
			arrow_put(c, sole, left, h->sent, h->to_row > h->from_row ? "↓" : "↑");
		else if (lane == h->to_row && h->received < 0)
			cells_put(c, left, h->sent, "✗", ROLE_GAP);
		else if (lane == h->to_row && h->broken)
			cells_put(c, left, h->received, "✗", ROLE_GAP);
		else if (lane == h->to_row)
			arrow_put(c, sole, left, h->received, "↳");
		else if (lane > lo && lane < hi)
			cells_under(c, left, h->sent, "┆", ROLE_DIM);
	}
	free(sole);
	background(l, c, left);
}

/* The gaps, and behind them the gaps the program proposes (the one chosen with o marked). */
static void gap_cells(const struct app *a, const struct lanes_view *v, const struct lanes_layout *l,
                      const struct m_proposal_list *props, struct cells *c, int left)
{
	for (size_t i = 0; i < l->n_gaps; i++) {
		for (int col = l->gaps[i].from + 1; col <= l->gaps[i].to; col++)
			cells_under(c, left, col, "─", ROLE_GAP);
		cells_put(c, left, l->gaps[i].from, "▲", ROLE_GAP);
	}
	const struct m_proposal *shown = proposal_shown(v->proposal, props);
	for (size_t i = 0; i < props->n; i++) {
		const struct m_proposal *p = &props->items[i];
		int s = story_step_index(&a->journey, p->step_id);
		int e = p->step_to ? story_step_index(&a->journey, p->step_to) : s;
		if (s < 0)
			continue;
		enum role r = p == shown ? ROLE_SELECTED : ROLE_WARNING;
		for (int col = l->step_from[s] + 1; e >= s && col <= l->step_to[e]; col++)
			cells_under(c, left, col, "┄", r);
		cells_under(c, left, l->step_from[s], "△", r);
	}
	background(l, c, left);
}

/* What an axis cell holds, so labels keep a space between them but may touch a mark. */
enum { FREE, LABEL, MARK };

/* Writes a label on the axis where it runs into nothing already there; false when it would. */
static bool axis_label(int y, int x, int w, unsigned char *used, int cx, enum role r,
                       const char *label)
{
	int len = (int)strlen(label);
	if (cx < 0 || cx + len > w || (cx > 0 && used[cx - 1] == LABEL))
		return false;
	for (int i = cx; i <= cx + len && i < w; i++)
		if (used[i] != FREE && (i < cx + len || used[i] == LABEL))
			return false;
	for (int i = cx; i < cx + len; i++)
		used[i] = LABEL;
	draw_text(y, x + cx, len, r, label);
	return true;
}

/* The axis: step numbers or years where there is room; under them the ages of the rules and the
 * selected step marked. */
static void axis(const struct app *a, const struct lanes_layout *l, int y, int x, int w, int left)
{
	char label[32];
	unsigned char *used = xcalloc((size_t)w + 1, sizeof *used);
	if (l->scale == LANES_BY_STEP) {
		int every = l->unit >= 4 ? 1 : l->unit >= 2 ? 5 : 10;
		for (size_t i = 0; i < l->n_steps; i++) {
			if (i && (i + 1) % (size_t)every)
				continue;
			snprintf(label, sizeof label, "%zu", i + 1);
			axis_label(y, x, w, used, l->step_from[i] - left, ROLE_DIM, label);
		}
	} else {
		int y0 = 0;
		const char *first = a->journey.steps[0].sort_from;
		if (!first || sscanf(first, "%d", &y0) != 1)
			y0 = 0;
		int y1 = y0 + (l->width * l->unit) / 365 + 1;
		for (int yr = y0 + 1; y0 && yr <= y1; yr++) {
			char iso[24]; /* room for any int year, so the compiler can see it fits */
			snprintf(iso, sizeof iso, "%04d-01-01", yr);
			/* Wide views have room for "'16", not "2016". */
			if (l->unit >= 122)
				snprintf(label, sizeof label, "'%02d", yr % 100);
			else
				snprintf(label, sizeof label, "%d", yr);
			axis_label(y, x, w, used, lanes_date_col(l, iso) - left, ROLE_DIM, label);
		}
	}
	/* The ages on a row of their own, so "18" is never taken for step 18; an age moves
	 * right of the selected step's mark rather than hide it. */
	memset(used, 0, (size_t)w + 1);
	if (a->step_sel < l->n_steps) {
		int from = l->step_from[a->step_sel] - left, to = l->step_to[a->step_sel] - left;
		for (int cx = from < 0 ? 0 : from; cx <= to && cx < w; cx++) {
			draw_text(y + 1, x + cx, 1, ROLE_SELECTED, "▼");
			used[cx] = MARK;
		}
	}
	/* Each age beside its rule: from the rule on, or ending just before it when the next rule
	 * is too close for both to start at theirs; else a column further out. */
	for (size_t r = 0; r < l->n_rules; r++) {
		int len = snprintf(label, sizeof label, "%d", l->rules[r].age);
		int cx = l->rules[r].col - left;
		bool crowded = r + 1 < l->n_rules && l->rules[r + 1].col - left <= cx + len;
		int tries[] = {crowded ? cx - len : cx, crowded ? cx : cx - len, cx + 1,
		               cx - len - 1, cx + 2};
		for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++)
			if (axis_label(y + 1, x, w, used, tries[t], ROLE_HEADING, label))
				break;
	}
	free(used);
}

/* One entry of the legend: a mark (or an actor's short code) and what it means. */
struct legend_item {
	char mark[64], text[400];
	enum role mark_role;
	int line, x; /* where it goes, from the legend's first line and column */
};

struct legend {
	struct legend_item *items;
	size_t n;
	int lines; /* the lines all of it needs */
};

static void legend_add(struct legend *lg, const char *mark, enum role r, const char *text)
{
	lg->items = xreallocarray(lg->items, lg->n + 1, sizeof *lg->items);
	struct legend_item *it = &lg->items[lg->n++];
	snprintf(it->mark, sizeof it->mark, "%s", mark);
	snprintf(it->text, sizeof it->text, "%s", text);
	it->mark_role = r;
}

/* "1 column a step", or "7 days a column". */
static void scale_text(const struct lanes_layout *l, char *buf, size_t n)
{
	unsigned long u = l->unit > 0 ? (unsigned long)l->unit : 0;
	snprintf(buf, n,
	         l->scale == LANES_BY_STEP ? ngettext("%d column a step", "%d columns a step", u)
	                                   : ngettext("%d day a column", "%d days a column", u),
	         l->unit);
}

/* The legend: the scale (unless the axis has it), every mark the lanes use, and the key to each
 * short code a lane shows instead of a name; wrapped to `width` columns, never cut in an entry. */
static void legend_build(const struct app *a, const struct lanes_layout *l, int lw, bool scale,
                         int width, struct legend *lg)
{
	static const char *const words[IV_KIND_COUNT] = {
	    [IV_MADE] = N_("made"),         [IV_POSSIBLE] = N_("possible"),
	    [IV_DECLINED] = N_("declined"), [IV_REFUSED] = N_("refused"),
	    [IV_WAITING] = N_("waiting"),
	};
	static const struct {
		const char *mark, *word;
	} marks[] = {
	    {"▲", N_("gap")},     {"△", N_("proposed (o)")}, {"✗", N_("hand-over broke")},
	    {"·", N_("silence")}, {"│", N_("age")},
	};
	memset(lg, 0, sizeof *lg);
	if (scale) {
		char buf[96];
		scale_text(l, buf, sizeof buf);
		legend_add(lg, "", ROLE_DIM, buf);
	}
	for (int k = 0; k < IV_KIND_COUNT; k++)
		legend_add(lg, lanes_kind_mark((enum m_intervention_kind)k), ROLE_DIM, _(words[k]));
	for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
		legend_add(lg, marks[k].mark, ROLE_DIM, _(marks[k].word));
	for (size_t r = 0; r < l->n_rows; r++) {
		bool code;
		m_id actor = l->rows[r].actor_id;
		const char *label = lane_label(a, actor, lw, &code);
		if (code)
			legend_add(lg, label, lane_role(a, actor),
			           m_actor_find(&a->actors, actor)->name);
	}
	int x = 0, line = 0;
	for (size_t i = 0; i < lg->n; i++) {
		struct legend_item *it = &lg->items[i];
		int w = draw_width(it->mark) + (it->mark[0] ? 1 : 0) + draw_width(it->text);
		if (x > 0 && x + 2 + w > width) {
			line++;
			x = 0;
		}
		it->line = line;
		it->x = x ? x + 2 : 0;
		x = it->x + w;
	}
	lg->lines = lg->n ? line + 1 : 0;
}

/* Draws the legend's first `lines` lines at (y, 1), left of column `end`; what does not fit
 * ends in "…". */
static void legend_draw(const struct legend *lg, int y, int lines, int end)
{
	for (size_t i = 0; i < lg->n; i++) {
		const struct legend_item *it = &lg->items[i];
		if (it->line >= lines) {
			draw_text(y + lines - 1, end - 1, 1, ROLE_DIM, "…");
			break;
		}
		int x = 1 + it->x;
		if (it->mark[0]) {
			x += draw_text(y + it->line, x, end - x, it->mark_role, it->mark);
			x++;
		}
		draw_text(y + it->line, x, end - x, ROLE_DIM, it->text);
	}
}

static void legend_clear(struct legend *lg)
{
	free(lg->items);
	memset(lg, 0, sizeof *lg);
}

/* With the bars coloured by theme, the legend says which colour is which. */
static void theme_legend(int y, int w)
{
	int x = 1;
	x += draw_text(y, x, w - x, ROLE_DIM, _("by theme:"));
	for (int t = THEME_COMMUNITY; t < THEME_COUNT && x < w; t++) {
		x += draw_text(y, x + 1, w - x - 1, theme_role(t), "█") + 1;
		x += draw_text(y, x + 1, w - x - 1, ROLE_DIM, m_theme_label(t)) + 1;
	}
}

/* The selected step in one line, so the lanes can be read against the story; or the proposal
 * chosen with o, and what to do with it. */
static void selected_line(const struct app *a, const struct lanes_view *v,
                          const struct m_proposal_list *props, int y)
{
	const struct m_journey *j = &a->journey;
	const struct m_proposal *p = proposal_shown(v->proposal, props);
	if (p) {
		char what[512], line[700];
		silence_describe(p, j, &a->actors, what, sizeof what);
		snprintf(line, sizeof line, _("proposed %zu of %zu (y: a gap, x: dismiss): %s"),
		         v->proposal, props->n, what);
		draw_line(y, 0, COLS, ROLE_WARNING, line);
		return;
	}
	if (a->step_sel >= j->n_steps)
		return;
	const struct m_step *st = &j->steps[a->step_sel];
	char when[FT_BUFSZ] = "";
	if (st->time)
		ft_code_to_display(st->time, when);
	char *line = xasprintf("%zu/%zu  %s  %s", a->step_sel + 1, j->n_steps, when, st->title);
	draw_line(y, 0, COLS, ROLE_TITLE, line);
	free(line);
}

static void ensure_thresholds(struct app *a, struct lanes_view *v)
{
	if (v->thresholds_loaded)
		return;
	struct merr err = {0};
	if (store_threshold_list(a->store, &v->thresholds, &err) != M_OK)
		app_message(a, &err);
	v->thresholds_loaded = true;
}

static void draw(struct app *a, struct screen *s, int top, int rows)
{
	struct lanes_view *v = (struct lanes_view *)s;
	const struct m_journey *j = &a->journey;
	if (j->n_steps == 0) {
		draw_text(top + 1, 2, COLS - 4, ROLE_DIM, _("This journey has no steps yet."));
		return;
	}
	ensure_thresholds(a, v);
	struct lanes_layout l;
	enum lanes_scale scale = (enum lanes_scale)v->scale;
	/* The lanes first, for their labels: the names take their share of the width and what
	 * the time area does not need at the zoom that fits it; the layout is made again when the
	 * labels leave the time area another zoom. */
	int share_tw = COLS - COLS * LABEL_SHARE / 100 - 2;
	int zoom = v->zoom >= 0 ? v->zoom : lanes_fit_zoom(j, scale, share_tw);
	lanes_build(j, &a->actors, &v->thresholds, scale, zoom, &l);
	int lw = label_width(a, &l, share_tw - l.width);
	int x0 = lw + 2, tw = COLS - x0;
	if (v->zoom < 0 && lanes_fit_zoom(j, scale, tw) != zoom) {
		lanes_clear(&l);
		zoom = lanes_fit_zoom(j, scale, tw);
		lanes_build(j, &a->actors, &v->thresholds, scale, zoom, &l);
	}

	/* Keep the selected step in view; when the view must move, the step goes a third of the
	 * way in, so what follows it (a queue, a hand-over) is in view too. */
	int sf = l.step_from[a->step_sel], st = l.step_to[a->step_sel];
	if (sf < v->left || st >= v->left + tw)
		v->left = sf - tw / 3;
	if (v->left > l.width - tw)
		v->left = l.width - tw;
	if (v->left < 0)
		v->left = 0;
	int left = v->left;

	/* The scale goes on the axis, left of the step numbers, where the label column has room. */
	char scale_buf[96];
	scale_text(&l, scale_buf, sizeof scale_buf);
	bool scale_on_axis = draw_width(scale_buf) <= lw;
	struct legend lg;
	legend_build(a, &l, lw, !scale_on_axis, COLS - 2, &lg);
	/* Rows: axis and marker, lanes, gaps, the legend, the selected step. The legend takes up
	 * to half of what the lanes could have; sector headings only where they fit with every
	 * lane. */
	int legend_rows = (rows - 4) / 2 < 1 ? 1 : (rows - 4) / 2;
	legend_rows = lg.lines < legend_rows ? lg.lines : legend_rows;
	int avail = rows - 4 - legend_rows;
	size_t n_sectors = 0;
	for (size_t r = 0; r < l.n_rows; r++)
		n_sectors += l.rows[r].sector_first;
	bool headings = l.n_rows + n_sectors <= (size_t)(avail > 0 ? avail : 0);
	struct line *lines = xcalloc(l.n_rows + n_sectors + 1, sizeof *lines);
	size_t n_lines = 0;
	for (size_t r = 0; r < l.n_rows; r++) {
		if (headings && l.rows[r].sector_first)
			lines[n_lines++] = (struct line){true, r, l.rows[r].sector};
		lines[n_lines++] = (struct line){false, r, l.rows[r].sector};
	}
	size_t max_top = n_lines > (size_t)avail ? n_lines - (size_t)avail : 0;
	if (v->top > max_top)
		v->top = max_top;

	if (scale_on_axis)
		draw_text(top, 1, lw, ROLE_DIM, scale_buf);
	axis(a, &l, top, x0, tw, left);
	int y = top + 2;
	for (size_t i = v->top; i < n_lines && y < top + 2 + avail; i++, y++) {
		if (lines[i].heading) {
			draw_text(y, 1, COLS - 1, ROLE_DIM, m_sector_label(lines[i].sector));
			continue;
		}
		m_id actor = l.rows[lines[i].lane].actor_id;
		bool code;
		draw_text(y, 1, lw, lane_role(a, actor), lane_label(a, actor, lw, &code));
		struct cells c;
		cells_init(&c, tw);
		lane_cells(a, v, &l, lines[i].lane, &c, left);
		cells_draw(&c, y, x0);
		cells_clear(&c);
	}
	/* Lanes out of view, above or below: arrows of their own, not the selected step's ▼. */
	if (v->top > 0)
		draw_text(top + 2, 0, 1, ROLE_HEADING, "⇡");
	if (v->top + (size_t)avail < n_lines)
		draw_text(y - 1, 0, 1, ROLE_HEADING, "⇣");
	draw_text(y, 1, lw, ROLE_GAP, _("Gaps"));
	struct m_proposal_list props;
	proposals_load(a, &props);
	struct cells c;
	cells_init(&c, tw);
	gap_cells(a, v, &l, &props, &c, left);
	cells_draw(&c, y, x0);
	cells_clear(&c);
	if (v->by_theme)
		theme_legend(top + rows - 1 - legend_rows, COLS);
	else
		legend_draw(&lg, top + rows - 1 - legend_rows, legend_rows, COLS - 1);
	legend_clear(&lg);
	selected_line(a, v, &props, top + rows - 1);
	m_proposal_list_clear(&props);
	free(lines);
	v->zoom_shown = zoom;
	lanes_clear(&l);
}

static unsigned key(struct app *a, struct screen *s, enum action act, int k)
{
	(void)k;
	struct lanes_view *v = (struct lanes_view *)s;
	size_t n = a->journey.n_steps;
	if (act == ACT_PREV || act == ACT_NEXT || act == ACT_FIRST || act == ACT_LAST)
		v->proposal = 0; /* a step chosen by hand, not a proposal */
	switch (act) {
	case ACT_PREV:
		if (a->step_sel > 0)
			a->step_sel--;
		return CH_REDRAW;
	case ACT_NEXT:
		if (a->step_sel + 1 < n)
			a->step_sel++;
		return CH_REDRAW;
	case ACT_FIRST:
		a->step_sel = 0;
		return CH_REDRAW;
	case ACT_LAST:
		a->step_sel = n ? n - 1 : 0;
		return CH_REDRAW;
	case ACT_SCROLL_UP:
		if (v->top > 0)
			v->top--;
		return CH_REDRAW;
	case ACT_SCROLL_DOWN:
		v->top++; /* clamped when drawn */
		return CH_REDRAW;
	case ACT_ZOOM_IN:
	case ACT_ZOOM_OUT:
		/* Until the first zoom the view fits the screen, also after a resize. */
		if (v->zoom < 0)
			v->zoom = v->zoom_shown;
		if (act == ACT_ZOOM_IN && v->zoom > 0)
			v->zoom--;
		if (act == ACT_ZOOM_OUT && v->zoom < LANES_ZOOMS - 1)
			v->zoom++;
		return CH_REDRAW;
	case ACT_PROPOSAL:
	case ACT_CONFIRM:
	case ACT_DISMISS:
		return proposals_key(a, &v->proposal, act);
	case ACT_COLOUR:
		v->by_theme = !v->by_theme;
		return CH_REDRAW;
	case ACT_SCALE:
		v->scale = v->scale == LANES_BY_STEP ? LANES_BY_TIME : LANES_BY_STEP;
		v->zoom = -1; /* a new scale starts fitted to the screen */
		v->left = 0;
		return CH_REDRAW;
	default:
		return CH_NONE;
	}
}

static void open(struct app *a, struct screen *s)
{
	(void)a;
	struct lanes_view *v = (struct lanes_view *)s;
	if (!v->seen) /* the first visit: fitted to the screen */
		v->zoom = -1;
	v->seen = true;
	v->proposal = 0; /* a proposal chosen on an earlier visit is not this visit's question */
}

static void free_view(struct screen *s)
{
	m_threshold_list_clear(&((struct lanes_view *)s)->thresholds);
}

const struct screen_ops screen_lanes = {
    .id = SCR_LANES,
    .help_title = N_("Keys of the lanes view"),
    .size = sizeof(struct lanes_view),
    .keep = true,
    .open = open,
    .draw = draw,
    .key = key,
    .title = journey_title, /* the lanes are the journey's, on the same step */
    .free = free_view,
};
