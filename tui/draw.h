/* draw.h - putting user text on the screen safely: every string is sanitised (no escape
 * sequence from the database reaches the terminal), measured in display columns (å is one, an
 * emoji two) and cut with "…" when it does not fit. Also a block of wrapped lines that a screen
 * builds once and draws with a scroll offset (the journey's card). */
#ifndef MELLAN_TUI_DRAW_H
#define MELLAN_TUI_DRAW_H

#include "theme.h"

#include <stddef.h>

/* Draws s at (y, x) in at most `cols` columns; returns the columns used. */
int draw_text(int y, int x, int cols, enum role r, const char *s);
/* Like draw_text, then fills the rest of the `cols` columns with spaces in the same role. */
void draw_line(int y, int x, int cols, enum role r, const char *s);
/* s centred on row y of the whole screen. */
void draw_centered(int y, enum role r, const char *s);
/* A horizontal rule of `cols` columns. */
void draw_rule(int y, int x, int cols, enum role r);
/* Display columns of s as draw_text would draw it. */
int draw_width(const char *s);

struct block_line {
	enum role lead_role, role;
	char *lead; /* drawn before the first line of an item (NULL: none) */
	char *text; /* sanitised, fits the block's width after indent */
	int indent; /* columns before text */
};

/* Wrapped lines for a fixed width; owns its strings. */
struct block {
	struct block_line *lines;
	size_t n, cap;
	int width;
};

void block_init(struct block *b, int width);
void block_clear(struct block *b);
/* Adds text wrapped to the block's width; `lead` (may be NULL) goes before the first line and
 * the following lines are indented to line up after it. Newlines in text are kept. */
void block_add(struct block *b, enum role lead_role, const char *lead, enum role r,
               const char *text);
void block_blank(struct block *b);
/* Draws lines [first, first + rows) at (y, x). */
void block_draw(const struct block *b, int y, int x, int rows, size_t first);

#endif
