/* textedit.h - the text of one form field being edited, without a terminal: a UTF-8 buffer and a
 * cursor that moves by character (a base character with its combining marks) and by word, never
 * by byte. What goes in is filtered on the way: control characters and escape sequences are never
 * stored, a newline in a single-line field becomes a space. Pastes of any size are inserted in one
 * pass. Nothing here calls ncurses, so it is unit-tested on its own (tests/unit/test_textedit.c). */
#ifndef MELLAN_TUI_TEXTEDIT_H
#define MELLAN_TUI_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct textedit {
	char *buf;  /* always NUL-terminated UTF-8 with no control character but '\n' */
	size_t len; /* bytes, without the NUL */
	size_t cap;
	size_t cur; /* the cursor, a byte offset on a character boundary */
	bool multiline;
	bool changed; /* something was typed, pasted or deleted since te_set */
};

void te_init(struct textedit *t, bool multiline);
/* Frees the buffer and zeroes t. */
void te_clear(struct textedit *t);
/* Replaces the text (filtered like a paste), puts the cursor at the end, and marks it unchanged. */
void te_set(struct textedit *t, const char *s);
const char *te_text(const struct textedit *t);
/* True when the text is empty or only blanks. */
bool te_blank(const struct textedit *t);

/* One typed code point. Enter in a multi-line field is '\n'; other controls are ignored. */
void te_insert_cp(struct textedit *t, uint32_t cp);
/* Inserts n bytes at the cursor as a paste: invalid UTF-8 becomes U+FFFD, escape sequences are
 * dropped, CR LF and CR become newlines (spaces in a single-line field), a tab a space. */
void te_insert(struct textedit *t, const char *s, size_t n);

void te_left(struct textedit *t);
void te_right(struct textedit *t);
/* To the start of this or the previous word; to the end of this or the next word. */
void te_word_left(struct textedit *t);
void te_word_right(struct textedit *t);
/* Start and end of the line the cursor is on. */
void te_home(struct textedit *t);
void te_end(struct textedit *t);
/* Up and down one line of the text as wrapped to `cols` columns, keeping the column as far as
 * the line allows. Returns false when there is no line there (the cursor stays). */
bool te_up(struct textedit *t, int cols);
bool te_down(struct textedit *t, int cols);

void te_backspace(struct textedit *t);
void te_delete(struct textedit *t);
/* Ctrl-W: deletes the word before the cursor (and the blanks after it), as readline does. */
void te_kill_word(struct textedit *t);
/* Ctrl-U: deletes from the start of the line to the cursor. */
void te_kill_line(struct textedit *t);

/* Display columns of s[0..n). */
int te_width(const char *s, size_t n);

#endif
