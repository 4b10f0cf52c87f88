/* form.c - the form framework: building fields, reading them back, drawing them with scrolling,
 * and the keys of a form (see form.h). Typed text goes through textedit.c; this file decides
 * which field it goes to and how it looks. */
#include "form.h"

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "draw.h"
#include "keys.h"
#include "private.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define LIST_ROWS 8  /* the most a picker's list takes below its field */
#define MULTI_ROWS 6 /* the most a multi-line field takes before it scrolls inside */

void pick_list_add(struct pick_list *l, int64_t value, const char *label, const char *alias,
                   const char *group)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
	}
	struct pick_item *it = &l->items[l->n++];
	it->value = value;
	it->label = xstrdup(label ? label : "");
	it->alias = xstrdup_or_null(alias);
	it->group = xstrdup_or_null(group);
}

void pick_list_clear(struct pick_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].alias);
		free(l->items[i].group);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

struct form *form_new(struct app *a, const char *title, form_save_fn save, void *ctx,
                      form_free_fn free_ctx)
{
	struct form *f = xcalloc(1, sizeof *f);
	f->title = xstrdup(title);
	f->save = save;
	f->ctx = ctx;
	f->free_ctx = free_ctx;
	f->app = a;
	f->list_cols = 40;
	return f;
}

void form_free(struct form **fp)
{
	struct form *f = *fp;
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->fields[i].label);
		te_clear(&f->fields[i].te);
		pick_list_clear(&f->fields[i].items);
		free(f->fields[i].chosen);
	}
	if (f->free_ctx)
		f->free_ctx(f->ctx);
	free(f->fields);
	free(f->title);
	free(f->priv_sig);
	free(f);
	*fp = NULL;
}

static size_t add(struct form *f, enum field_kind kind, const char *label)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->fields = xreallocarray(f->fields, f->cap, sizeof *f->fields);
	}
	struct field *fl = &f->fields[f->n];
	memset(fl, 0, sizeof *fl);
	fl->kind = kind;
	fl->label = xstrdup(label);
	te_init(&fl->te, kind == FK_MULTI);
	return f->n++;
}

size_t form_add_text(struct form *f, const char *label, const char *value, bool required)
{
	size_t i = add(f, FK_TEXT, label);
	f->fields[i].required = required;
	te_set(&f->fields[i].te, value);
	return i;
}

size_t form_add_multi(struct form *f, const char *label, const char *value)
{
	size_t i = add(f, FK_MULTI, label);
	te_set(&f->fields[i].te, value);
	return i;
}

static void understand(struct field *fl)
{
	struct fuzzy_time t;
	struct merr err = {0};
	fl->understood_bad = false;
	if (te_blank(&fl->te)) {
		snprintf(fl->understood, sizeof fl->understood, "%s", _("no time given"));
	} else if (ft_parse(te_text(&fl->te), &t, &err) == M_OK) {
		char shown[FT_BUFSZ];
		ft_format(&t, shown);
		snprintf(fl->understood, sizeof fl->understood, _("understood: %s"), shown);
	} else {
		snprintf(fl->understood, sizeof fl->understood, "%s", err.msg);
		fl->understood_bad = true;
	}
}

size_t form_add_time(struct form *f, const char *label, const char *code)
{
	size_t i = add(f, FK_TIME, label);
	char shown[FT_BUFSZ] = "";
	/* The form shows what people type, not the stored code. */
	if (code && *code)
		ft_code_to_display(code, shown);
	te_set(&f->fields[i].te, shown);
	understand(&f->fields[i]);
	return i;
}

size_t form_add_number(struct form *f, const char *label, int value, int min, int max)
{
	size_t i = add(f, FK_NUMBER, label);
	char buf[32] = "";
	if (value)
		snprintf(buf, sizeof buf, "%d", value);
	te_set(&f->fields[i].te, buf);
	f->fields[i].min = min;
	f->fields[i].max = max;
	return i;
}

static size_t add_picker(struct form *f, enum field_kind kind, const char *label,
                         struct pick_list *l)
{
	size_t i = add(f, kind, label);
	struct field *fl = &f->fields[i];
	fl->items = *l;
	memset(l, 0, sizeof *l);
	fl->chosen = xcalloc(fl->items.n ? fl->items.n : 1, sizeof *fl->chosen);
	return i;
}

size_t form_add_pick(struct form *f, const char *label, struct pick_list *l, int64_t chosen,
                     bool required)
{
	size_t i = add_picker(f, FK_PICK, label, l);
	struct field *fl = &f->fields[i];
	fl->required = required;
	for (size_t k = 0; k < fl->items.n; k++)
		if (fl->items.items[k].value == chosen) {
			fl->chosen[k] = true;
			fl->sel = k;
			break;
		}
	return i;
}

size_t form_add_multipick(struct form *f, const char *label, struct pick_list *l)
{
	return add_picker(f, FK_MULTIPICK, label, l);
}

void form_multipick_set(struct form *f, size_t i, int64_t value, bool on)
{
	struct field *fl = &f->fields[i];
	for (size_t k = 0; k < fl->items.n; k++)
		if (fl->items.items[k].value == value)
			fl->chosen[k] = on;
}

char *form_text(const struct form *f, size_t i)
{
	const struct textedit *t = &f->fields[i].te;
	if (te_blank(t))
		return NULL;
	/* Blanks around one-line text are never meant. */
	const char *s = te_text(t);
	size_t a = 0, b = t->len;
	if (t->multiline == false) {
		while (s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
	}
	return xstrndup(s + a, b - a);
}

char *form_time(const struct form *f, size_t i)
{
	struct fuzzy_time t;
	struct merr err = {0};
	if (te_blank(&f->fields[i].te) || ft_parse(te_text(&f->fields[i].te), &t, &err) != M_OK)
		return NULL;
	char code[FT_BUFSZ];
	ft_code(&t, code);
	return code[0] ? xstrdup(code) : NULL;
}

int form_number(const struct form *f, size_t i)
{
	return atoi(te_text(&f->fields[i].te));
}

int64_t form_pick(const struct form *f, size_t i)
{
	const struct field *fl = &f->fields[i];
	for (size_t k = 0; k < fl->items.n; k++)
		if (fl->chosen[k])
			return fl->items.items[k].value;
	return 0;
}

bool form_multipick_has(const struct form *f, size_t i, int64_t value)
{
	const struct field *fl = &f->fields[i];
	for (size_t k = 0; k < fl->items.n; k++)
		if (fl->chosen[k] && fl->items.items[k].value == value)
			return true;
	return false;
}

void form_take(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

bool form_dirty(const struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct field *fl = &f->fields[i];
		bool picker = fl->kind == FK_PICK || fl->kind == FK_MULTIPICK;
		if (fl->pick_changed || (!picker && fl->te.changed))
			return true;
	}
	return false;
}

void form_focus(struct form *f, size_t i)
{
	if (i < f->n)
		f->focus = i;
}

/* ---- pickers ------------------------------------------------------------------------------ */

/* Case-insensitive substring match on code points, so "ÖST" finds "Östra". */
static bool fold_contains(const char *hay, const char *needle)
{
	if (!needle || !*needle)
		return true;
	if (!hay)
		return false;
	size_t hn = strlen(hay), nn = strlen(needle);
	for (size_t start = 0; start < hn;) {
		size_t h = start, k = 0;
		for (;;) {
			if (k >= nn)
				return true;
			if (h >= hn)
				break;
			uint32_t a, b;
			size_t ha = text_decode(hay + h, hn - h, &a);
			size_t kb = text_decode(needle + k, nn - k, &b);
			if (towlower((wint_t)a) != towlower((wint_t)b))
				break;
			h += ha;
			k += kb;
		}
		uint32_t skip;
		start += text_decode(hay + start, hn - start, &skip);
	}
	return false;
}

static bool matches(const struct field *fl, size_t k)
{
	const char *q = te_text(&fl->te);
	const struct pick_item *it = &fl->items.items[k];
	return fold_contains(it->label, q) || fold_contains(it->alias, q);
}

/* The next matching item from k in direction dir; k itself when none. */
static size_t step_match(const struct field *fl, size_t k, int dir)
{
	size_t i = k;
	for (;;) {
		if (dir < 0 && i == 0)
			return k;
		i = dir < 0 ? i - 1 : i + 1;
		if (i >= fl->items.n)
			return k;
		if (matches(fl, i))
			return i;
	}
}

static void refilter(struct field *fl)
{
	if (fl->sel < fl->items.n && matches(fl, fl->sel))
		return;
	for (size_t k = 0; k < fl->items.n; k++)
		if (matches(fl, k)) {
			fl->sel = k;
			return;
		}
}

static void choose(struct form *f, struct field *fl)
{
	if (fl->sel >= fl->items.n || !matches(fl, fl->sel))
		return;
	if (fl->kind == FK_PICK) {
		memset(fl->chosen, 0, fl->items.n * sizeof *fl->chosen);
		fl->chosen[fl->sel] = true;
		te_set(&fl->te, "");
		fl->pick_changed = true;
		fl->error[0] = '\0';
		if (f->focus + 1 < f->n)
			f->focus++;
	} else {
		fl->chosen[fl->sel] = !fl->chosen[fl->sel];
		fl->pick_changed = true;
	}
}

/* What a picker shows on its line: the choice(s), or "—". */
static void pick_summary(const struct field *fl, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < fl->items.n && len + 1 < n; k++) {
		if (!fl->chosen[k])
			continue;
		int w =
		    snprintf(buf + len, n - len, "%s%s", len ? ", " : "", fl->items.items[k].label);
		if (w < 0)
			break;
		len += (size_t)w < n - len ? (size_t)w : n - len - 1;
	}
	if (!buf[0])
		snprintf(buf, n, "%s", "—");
}

/* ---- layout and drawing ------------------------------------------------------------------- */

static int label_width(const struct form *f)
{
	int w = 0;
	for (size_t i = 0; i < f->n; i++) {
		int lw = draw_width(f->fields[i].label) + (f->fields[i].required ? 2 : 0);
		w = lw > w ? lw : w;
	}
	int cap = COLS / 3;
	return w > cap ? cap : w;
}

static int value_x(const struct form *f)
{
	return 1 + label_width(f) + 2;
}

static int value_cols(const struct form *f)
{
	int c = COLS - value_x(f) - 1;
	return c < 4 ? 4 : c;
}

static size_t list_count(const struct field *fl)
{
	size_t n = 0;
	for (size_t k = 0; k < fl->items.n; k++)
		if (matches(fl, k))
			n++;
	return n;
}

static int multi_lines(const struct form *f, const struct field *fl)
{
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(te_text(&fl->te), value_cols(f), &starts, &lens);
	free(starts);
	free(lens);
	if (fl->te.len && te_text(&fl->te)[fl->te.len - 1] == '\n')
		n++;
	return n < 1 ? 1 : (int)n;
}

/* Rows a field takes: its value, then what goes under it. */
static int field_rows(const struct form *f, size_t i)
{
	const struct field *fl = &f->fields[i];
	int rows = 1;
	if (fl->kind == FK_MULTI) {
		int l = multi_lines(f, fl);
		rows = l < 2 ? 2 : l > MULTI_ROWS ? MULTI_ROWS : l;
	}
	if (fl->kind == FK_TIME)
		rows++;
	if ((fl->kind == FK_PICK || fl->kind == FK_MULTIPICK) && i == f->focus) {
		size_t n = list_count(fl);
		rows += n > LIST_ROWS ? LIST_ROWS : n ? (int)n : 1;
	}
	if (fl->error[0])
		rows++;
	return rows + 1; /* and a blank line between fields */
}

struct cursor {
	int y, x;
	bool on;
};

/* Draws one row (at virtual row vy) when it is inside the visible window. */
static bool row_visible(int vy, int scroll, int rows)
{
	return vy >= scroll && vy < scroll + rows;
}

static void draw_single(const struct form *f, const struct field *fl, bool focused, int y,
                        struct cursor *cur)
{
	int x = value_x(f), cols = value_cols(f);
	const char *s = te_text(&fl->te);
	enum role r = focused ? ROLE_SELECTED : ROLE_NORMAL;
	draw_line(y, x - 1, cols + 1, r, "");
	/* Scroll the line sideways so the cursor stays in view, a quarter of the width back.
	 * One walk over the text, so a pasted megabyte costs no more than reading it. */
	size_t start = 0;
	if (focused) {
		int before = te_width(s, fl->te.cur);
		if (before >= cols - 1) {
			int skip = before - cols * 3 / 4, w = 0;
			while (start < fl->te.cur && w < skip) {
				uint32_t cp;
				start += text_decode(s + start, fl->te.len - start, &cp);
				w += text_cp_width(cp);
			}
		}
	}
	draw_text(y, x, cols, r, s + start);
	if (focused) {
		cur->y = y;
		cur->x = x + te_width(s + start, fl->te.cur - start);
		cur->on = true;
	}
}

static void draw_multi(const struct form *f, const struct field *fl, bool focused, int vy,
                       int rows_of_value, int top, int scroll, int rows, struct cursor *cur)
{
	int x = value_x(f), cols = value_cols(f);
	const char *s = te_text(&fl->te);
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(s, cols, &starts, &lens);
	/* The line the cursor is on, and the first line shown so that it is in view. */
	size_t cl = 0;
	while (cl + 1 < n && starts[cl + 1] <= fl->te.cur)
		cl++;
	bool after_nl = fl->te.cur > 0 && s[fl->te.cur - 1] == '\n' &&
	                (n == 0 || fl->te.cur > starts[cl] + lens[cl]);
	size_t cursor_line = after_nl ? cl + 1 : cl;
	size_t first = 0;
	if (cursor_line >= (size_t)rows_of_value)
		first = cursor_line - (size_t)rows_of_value + 1;
	enum role r = focused ? ROLE_SELECTED : ROLE_NORMAL;
	for (int k = 0; k < rows_of_value; k++) {
		if (!row_visible(vy + k, scroll, rows))
			continue;
		int y = top + vy + k - scroll;
		draw_line(y, x - 1, cols + 1, r, "");
		size_t l = first + (size_t)k;
		if (l < n) {
			char *line = xstrndup(s + starts[l], lens[l]);
			draw_text(y, x, cols, r, line);
			free(line);
		}
		if (focused && l == cursor_line) {
			cur->y = y;
			cur->x = x + (after_nl || l >= n
			                  ? 0
			                  : te_width(s + starts[l], fl->te.cur - starts[l]));
			cur->on = true;
		}
	}
	free(starts);
	free(lens);
}

static void draw_list(const struct form *f, struct field *fl, int vy, int list_rows, int top,
                      int scroll, int rows)
{
	int x = value_x(f), cols = value_cols(f);
	size_t n = list_count(fl);
	if (n == 0) {
		if (row_visible(vy, scroll, rows))
			draw_text(top + vy - scroll, x, cols, ROLE_DIM, _("nothing matches"));
		return;
	}
	/* Which matching item is highlighted, and keep it inside the list's rows. */
	size_t pos = 0;
	for (size_t k = 0; k < fl->sel && k < fl->items.n; k++)
		if (matches(fl, k))
			pos++;
	if (pos < fl->list_top)
		fl->list_top = pos;
	if (pos >= fl->list_top + (size_t)list_rows)
		fl->list_top = pos - (size_t)list_rows + 1;
	/* The groups (an actor's sector) take what the widest name leaves them, at least a quarter
	 * of the width: the names are what is chosen. */
	int groups_w = 0, names_w = 0;
	for (size_t k = 0; k < fl->items.n; k++) {
		const struct pick_item *it = &fl->items.items[k];
		int w = it->group ? draw_width(it->group) : 0;
		groups_w = w > groups_w ? w : groups_w;
		w = 2 + draw_width(it->label) + (it->alias ? 3 + draw_width(it->alias) : 0);
		names_w = w > names_w ? w : names_w;
	}
	int room = cols - names_w - 1;
	groups_w = groups_w < room ? groups_w : room > cols / 4 ? room : cols / 4;
	size_t m = 0;
	int row = 0;
	const char *group = NULL;
	for (size_t k = 0; k < fl->items.n && row < list_rows; k++) {
		if (!matches(fl, k))
			continue;
		const struct pick_item *it = &fl->items.items[k];
		bool new_group = it->group && (!group || strcmp(group, it->group) != 0);
		group = it->group;
		if (m++ < fl->list_top)
			continue;
		if (!row_visible(vy + row, scroll, rows)) {
			row++;
			continue;
		}
		int y = top + vy + row - scroll;
		enum role r = k == fl->sel ? ROLE_SELECTED : ROLE_NORMAL;
		char line[512];
		const char *mark = fl->kind == FK_MULTIPICK ? (fl->chosen[k] ? "[x] " : "[ ] ")
		                                            : (fl->chosen[k] ? "• " : "  ");
		snprintf(line, sizeof line, "%s%s%s%s%s", mark, it->label, it->alias ? " (" : "",
		         it->alias ? it->alias : "", it->alias ? ")" : "");
		int gw = 0;
		if (it->group && cols > 30) {
			/* The group at the right, dim, where it changes. */
			gw = groups_w;
			draw_text(y, x + cols - gw, gw, ROLE_DIM, new_group ? it->group : "");
		}
		draw_line(y, x, cols - gw - (gw ? 1 : 0), r, line);
		row++;
	}
}

void form_draw(struct form *f, int top, int rows)
{
	struct cursor cur = {0};
	if (f->message[0]) {
		/* Wrapped, whole: it says why the save failed and what to do. */
		struct block b;
		block_init(&b, COLS - 2);
		block_add(&b, ROLE_NORMAL, NULL, ROLE_WARNING, f->message);
		int mr = (int)b.n < rows / 2 ? (int)b.n : rows / 2;
		block_draw(&b, top, 1, mr, 0);
		block_clear(&b);
		top += mr + 1;
		rows -= mr + 1;
	}
	if (rows < 1)
		return;
	int lw = label_width(f);
	/* Where each field starts, and scroll so the focused one is in view. */
	int focus_y = 0, focus_h = 1, total = 0;
	for (size_t i = 0; i < f->n; i++) {
		int h = field_rows(f, i);
		if (i == f->focus) {
			focus_y = total;
			focus_h = h - 1;
		}
		total += h;
	}
	if (focus_y < f->scroll)
		f->scroll = focus_y;
	if (focus_y + focus_h > f->scroll + rows)
		f->scroll = focus_y + focus_h - rows;
	if (f->scroll > focus_y)
		f->scroll = focus_y; /* a field taller than the screen: its top first */
	if (f->scroll < 0)
		f->scroll = 0;
	int vy = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		bool focused = i == f->focus;
		int h = field_rows(f, i);
		if (row_visible(vy, f->scroll, rows)) {
			char label[300];
			snprintf(label, sizeof label, "%s%s", fl->label, fl->required ? " *" : "");
			draw_text(top + vy - f->scroll, 1, lw, focused ? ROLE_HEADING : ROLE_DIM,
			          label);
		}
		int y = vy;
		switch (fl->kind) {
		case FK_MULTI: {
			int l = multi_lines(f, fl);
			int vr = l < 2 ? 2 : l > MULTI_ROWS ? MULTI_ROWS : l;
			draw_multi(f, fl, focused, vy, vr, top, f->scroll, rows, &cur);
			y += vr;
			break;
		}
		case FK_PICK:
		case FK_MULTIPICK: {
			if (row_visible(y, f->scroll, rows)) {
				int sy = top + y - f->scroll;
				if (focused && fl->te.len) {
					draw_single(f, fl, true, sy, &cur);
				} else {
					char sum[1024];
					pick_summary(fl, sum, sizeof sum);
					draw_line(sy, value_x(f) - 1, value_cols(f) + 1,
					          focused ? ROLE_SELECTED : ROLE_NORMAL, "");
					draw_text(sy, value_x(f), value_cols(f),
					          focused ? ROLE_SELECTED : ROLE_NORMAL, sum);
					if (focused) {
						cur.y = sy;
						cur.x = value_x(f);
						cur.on = true;
					}
				}
			}
			y++;
			if (focused) {
				size_t n = list_count(fl);
				int lr = n > LIST_ROWS ? LIST_ROWS : n ? (int)n : 1;
				draw_list(f, fl, y, lr, top, f->scroll, rows);
				y += lr;
			}
			break;
		}
		default:
			if (row_visible(y, f->scroll, rows))
				draw_single(f, fl, focused, top + y - f->scroll, &cur);
			y++;
			break;
		}
		if (fl->kind == FK_TIME) {
			if (row_visible(y, f->scroll, rows))
				draw_text(top + y - f->scroll, value_x(f), value_cols(f),
				          fl->understood_bad ? ROLE_WARNING : ROLE_DIM,
				          fl->understood);
			y++;
		}
		if (fl->error[0]) {
			if (row_visible(y, f->scroll, rows))
				draw_text(top + y - f->scroll, value_x(f), value_cols(f), ROLE_GAP,
				          fl->error);
			y++;
		}
		vy += h;
	}
	if (total - f->scroll > rows)
		draw_text(top + rows - 1, COLS - 2, 1, ROLE_DIM, "▼");
	if (f->scroll > 0)
		draw_text(top, COLS - 2, 1, ROLE_DIM, "▲");
	f->cur_on = cur.on;
	f->cur_y = cur.y;
	f->cur_x = cur.x < COLS ? cur.x : COLS - 1;
	f->list_cols = value_cols(f);
}

void form_place_cursor(const struct form *f)
{
	if (!f->cur_on)
		return;
	move(f->cur_y, f->cur_x);
	curs_set(1);
}

void form_bottom(const struct form *f, char *buf, size_t n)
{
	if (f->asking)
		snprintf(buf, n, "%s",
		         _("Discard what you typed? y: discard, any other key: go on"));
	else if (f->hints)
		snprintf(buf, n, "%s", f->hints);
	else
		keys_hints_fit(SCR_FORM, COLS, buf, n);
}

/* ---- keys --------------------------------------------------------------------------------- */

/* Every field valid? Marks those that are not and focuses the first. */
static bool validate(struct form *f)
{
	bool ok = true;
	for (size_t i = f->n; i-- > 0;) {
		struct field *fl = &f->fields[i];
		fl->error[0] = '\0';
		if (fl->kind == FK_TIME && fl->understood_bad) {
			snprintf(fl->error, sizeof fl->error, "%s", fl->understood);
		} else if ((fl->kind == FK_PICK || fl->kind == FK_MULTIPICK) && fl->te.len) {
			/* Typed into the picker and never chosen: not dropped without a word. */
			snprintf(fl->error, sizeof fl->error,
			         list_count(fl)
			             ? _("'%s' is not chosen: Enter chooses, Esc clears it")
			             : _("nothing matches '%s': Esc clears it"),
			         te_text(&fl->te));
		} else if (fl->kind == FK_PICK && fl->required && form_pick(f, i) == 0) {
			snprintf(fl->error, sizeof fl->error, "%s", _("choose one"));
		} else if ((fl->kind == FK_TEXT || fl->kind == FK_MULTI) && fl->required &&
		           te_blank(&fl->te)) {
			snprintf(fl->error, sizeof fl->error, "%s", _("this cannot be empty"));
		} else if (fl->kind == FK_NUMBER && !te_blank(&fl->te)) {
			char *end;
			long v = strtol(te_text(&fl->te), &end, 10);
			while (*end == ' ')
				end++;
			if (*end || v < fl->min || v > fl->max)
				snprintf(fl->error, sizeof fl->error,
				         _("a whole number from %d to %d"), fl->min, fl->max);
		}
		if (fl->error[0]) {
			ok = false;
			f->focus = i;
		}
	}
	return ok;
}

void form_track(struct form *f, int kind, int64_t case_id, int64_t id, char *stamp)
{
	f->rec_kind = kind;
	f->rec_case = case_id;
	f->rec_id = id;
	f->rec_stamp = stamp;
}

static enum form_result save(struct form *f)
{
	if (!validate(f))
		return FORM_CONTINUE;
	struct merr err = {0};
	if (f->conflicted && f->rec_stamp) {
		/* The second save after a conflict: the user has seen it and wants theirs. */
		bool gone = false;
		if (stamp_fresh(f->app->store, (enum rec_kind)f->rec_kind, f->rec_case, f->rec_id,
		                f->rec_stamp, &gone, &err) != M_OK) {
			/* Not readable now (busy): the record may well be there; Ctrl-S tries again. */
			snprintf(f->message, sizeof f->message, "%s", err.msg);
			return FORM_CONTINUE;
		}
		if (gone) {
			snprintf(
			    f->message, sizeof f->message, "%s",
			    _("This record is no longer in the file: another mellan deleted it. "
			      "Esc closes the form."));
			return FORM_CONTINUE;
		}
		f->conflicted = false;
	}
	f->message[0] = '\0';
	if (form_privacy_hold(f))
		return FORM_CONTINUE;
	if (f->save(f, &err) != M_OK) {
		/* Nothing typed is lost: the form stays as it was, with the reason on top. */
		if (err.reason == MR_CONFLICT && f->rec_stamp) {
			f->conflicted = true;
			snprintf(f->message, sizeof f->message, "%s. %s", err.msg,
			         _("Your version is kept here: Ctrl-S saves it over theirs, Esc "
			           "leaves theirs."));
		} else {
			snprintf(f->message, sizeof f->message, "%s", err.msg);
		}
		return FORM_CONTINUE;
	}
	form_privacy_keep(f);
	return FORM_SAVED;
}

static void edited(struct field *fl)
{
	fl->error[0] = '\0';
	if (fl->kind == FK_TIME)
		understand(fl);
	if (fl->kind == FK_PICK || fl->kind == FK_MULTIPICK)
		refilter(fl);
}

static enum form_result move_field(struct form *f, int dir)
{
	struct field *fl = &f->fields[f->focus];
	if ((fl->kind == FK_PICK || fl->kind == FK_MULTIPICK) && fl->te.len) {
		te_set(&fl->te, ""); /* a filter half typed is not a choice */
		refilter(fl);
	}
	if (dir > 0 && f->focus + 1 < f->n)
		f->focus++;
	else if (dir < 0 && f->focus > 0)
		f->focus--;
	return FORM_CONTINUE;
}

void form_paste(struct form *f, const char *s, size_t n)
{
	if (f->asking || f->n == 0)
		return;
	struct field *fl = &f->fields[f->focus];
	if (fl->kind == FK_NUMBER) {
		/* Digits alone, as if typed. */
		for (size_t i = 0; i < n; i++)
			if ((s[i] >= '0' && s[i] <= '9') || s[i] == '-')
				te_insert_cp(&fl->te, (uint32_t)s[i]);
	} else {
		te_insert(&fl->te, s, n);
	}
	edited(fl);
}

enum form_result form_key(struct form *f, int key, uint32_t cp)
{
	if (f->asking) {
		f->asking = false;
		return key == 'y' || key == 'Y' ? FORM_CANCELLED : FORM_CONTINUE;
	}
	if (f->n == 0)
		return key == ESC_KEY ? FORM_CANCELLED : FORM_CONTINUE;
	struct field *fl = &f->fields[f->focus];
	bool picker = fl->kind == FK_PICK || fl->kind == FK_MULTIPICK;
	if (cp >= 0x80 || (cp >= 0x20 && cp < 0x7F && key == (int)cp)) {
		if (fl->kind == FK_NUMBER && !(cp >= '0' && cp <= '9') && cp != '-')
			return FORM_CONTINUE;
		te_insert_cp(&fl->te, cp);
		edited(fl);
		return FORM_CONTINUE;
	}
	switch (keys_lookup(SCR_FORM, key)) {
	case ACT_SAVE:
		return save(f);
	case ACT_BACK:
		if (picker && fl->te.len) { /* Esc first clears a picker's filter */
			te_set(&fl->te, "");
			edited(fl);
			return FORM_CONTINUE;
		}
		if (!form_dirty(f))
			return FORM_CANCELLED;
		f->asking = true;
		return FORM_CONTINUE;
	case ACT_FIELD_NEXT:
		if (f->complete && f->complete(f, f->focus))
			return FORM_CONTINUE;
		return move_field(f, 1);
	case ACT_FIELD_PREV:
		return move_field(f, -1);
	case ACT_OPEN:
		if (picker && f->choose_saves) {
			choose(f, fl);
			return save(f);
		}
		if (picker)
			choose(f, fl);
		else if (fl->kind == FK_MULTI)
			te_insert_cp(&fl->te, '\n');
		else if (f->n == 1)
			return save(f); /* a question of one line: Enter answers it */
		else
			move_field(f, 1);
		edited(fl);
		return FORM_CONTINUE;
	case ACT_PREV:
	case ACT_NEXT: {
		int dir = keys_lookup(SCR_FORM, key) == ACT_PREV ? -1 : 1;
		if (picker) {
			size_t to = step_match(fl, fl->sel, dir);
			if (to != fl->sel) {
				fl->sel = to;
				return FORM_CONTINUE;
			}
		}
		if (fl->kind == FK_MULTI &&
		    (dir < 0 ? te_up(&fl->te, f->list_cols) : te_down(&fl->te, f->list_cols)))
			return FORM_CONTINUE;
		return move_field(f, dir);
	}
	case ACT_CHAR_LEFT:
		te_left(&fl->te);
		break;
	case ACT_CHAR_RIGHT:
		te_right(&fl->te);
		break;
	case ACT_WORD_LEFT:
		te_word_left(&fl->te);
		break;
	case ACT_WORD_RIGHT:
		te_word_right(&fl->te);
		break;
	case ACT_LINE_START:
		te_home(&fl->te);
		break;
	case ACT_LINE_END:
		te_end(&fl->te);
		break;
	case ACT_DEL_BACK:
		te_backspace(&fl->te);
		edited(fl);
		break;
	case ACT_DEL_FWD:
		te_delete(&fl->te);
		edited(fl);
		break;
	case ACT_KILL_WORD:
		te_kill_word(&fl->te);
		edited(fl);
		break;
	case ACT_KILL_LINE:
		te_kill_line(&fl->te);
		edited(fl);
		break;
	default:
		break;
	}
	return FORM_CONTINUE;
}
