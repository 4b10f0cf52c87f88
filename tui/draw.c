/* draw.c - drawing user text with ncursesw on a UTF-8 locale: sanitise, measure, fit, wrap. */
#include "draw.h"

#include "core/text.h"
#include "core/xalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const char ellipsis[] = "…";

/* Draws already sanitised text. */
static int put_clean(int y, int x, int cols, enum role r, const char *clean)
{
	if (cols <= 0)
		return 0;
	int used = 0;
	size_t n = text_fit(clean, cols, &used);
	bool cut = clean[n] != '\0';
	if (cut)
		n = text_fit(clean, cols - 1, &used);
	attr_t a = (attr_t)theme_attr(r);
	attron(a);
	mvaddnstr(y, x, clean, (int)n);
	if (cut) {
		addstr(ellipsis);
		used++;
	}
	attroff(a);
	return used;
}

int draw_text(int y, int x, int cols, enum role r, const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);
	int used = put_clean(y, x, cols, r, clean);
	free(clean);
	return used;
}

void draw_line(int y, int x, int cols, enum role r, const char *s)
{
	int used = draw_text(y, x, cols, r, s);
	attr_t a = (attr_t)theme_attr(r);
	attron(a);
	for (int i = used; i < cols; i++)
		mvaddch(y, x + i, ' ');
	attroff(a);
}

void draw_rule(int y, int x, int cols, enum role r)
{
	/* Box-drawing characters as text: the alternate character set does not survive every
	 * terminal and multiplexer. */
	attr_t a = (attr_t)theme_attr(r);
	attron(a);
	move(y, x);
	for (int i = 0; i < cols; i++)
		addstr("─");
	attroff(a);
}

int draw_width(const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);
	int w = text_width(clean);
	free(clean);
	return w;
}

void draw_centered(int y, enum role r, const char *s)
{
	int w = draw_width(s);
	int x = w < COLS ? (COLS - w) / 2 : 0;
	draw_text(y, x, COLS - x, r, s);
}

void block_init(struct block *b, int width)
{
	memset(b, 0, sizeof *b);
	b->width = width < 1 ? 1 : width;
}

void block_clear(struct block *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->lines[i].lead);
		free(b->lines[i].text);
	}
	free(b->lines);
	memset(b, 0, sizeof *b);
}

static struct block_line *push(struct block *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->lines = xreallocarray(b->lines, b->cap, sizeof *b->lines);
	}
	struct block_line *l = &b->lines[b->n++];
	memset(l, 0, sizeof *l);
	return l;
}

void block_add(struct block *b, enum role lead_role, const char *lead, enum role r,
               const char *text)
{
	char *clean_lead = lead ? text_sanitize(lead, 0) : NULL;
	int indent = clean_lead ? text_width(clean_lead) : 0;
	if (indent > b->width / 2) {
		/* A lead wider than half the block gets a line of its own. */
		struct block_line *l = push(b);
		l->lead_role = lead_role;
		l->lead = clean_lead;
		clean_lead = NULL;
		indent = 2;
	}
	char *clean = text_sanitize(text ? text : "", TEXT_KEEP_NEWLINES);
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(clean, b->width - indent, &starts, &lens);
	if (n == 0 && clean_lead) {
		struct block_line *l = push(b);
		l->lead_role = lead_role;
		l->lead = clean_lead;
		clean_lead = NULL;
		l->text = xstrdup("");
	}
	for (size_t i = 0; i < n; i++) {
		struct block_line *l = push(b);
		l->lead_role = lead_role;
		l->role = r;
		l->indent = indent;
		l->text = xstrndup(clean + starts[i], lens[i]);
		if (i == 0) {
			l->lead = clean_lead;
			clean_lead = NULL;
		}
	}
	free(clean_lead);
	free(starts);
	free(lens);
	free(clean);
}

void block_blank(struct block *b)
{
	/* Never two blank lines in a row, nor one at the top. */
	if (b->n == 0 || (b->lines[b->n - 1].text && b->lines[b->n - 1].text[0] == '\0' &&
	                  !b->lines[b->n - 1].lead))
		return;
	push(b)->text = xstrdup("");
}

void block_draw(const struct block *b, int y, int x, int rows, size_t first)
{
	for (int i = 0; i < rows && first + (size_t)i < b->n; i++) {
		const struct block_line *l = &b->lines[first + (size_t)i];
		if (l->lead)
			put_clean(y + i, x, b->width, l->lead_role, l->lead);
		if (l->text)
			put_clean(y + i, x + l->indent, b->width - l->indent, l->role, l->text);
	}
}
