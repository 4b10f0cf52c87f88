/* text.h - UTF-8 text as the terminal and the reader meet it: validation, display width,
 * sanitising (no control character or escape sequence from user text ever reaches the terminal
 * raw), fitting and wrapping to a number of columns, and Swedish alphabetical order. */
#ifndef MELLAN_TEXT_H
#define MELLAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF). */
bool text_valid_utf8(const char *s, size_t n);

/* Decodes one code point at s (at most n bytes). Returns the bytes used (>= 1) and sets *cp;
 * an invalid sequence yields U+FFFD and consumes one byte. */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* Columns a code point takes: 0 for combining marks, 2 for wide (CJK, most emoji), 1 otherwise.
 * Control characters count as the one column their sanitised replacement takes. */
int text_cp_width(uint32_t cp);
/* Columns of a whole string (sanitised view). */
int text_width(const char *s);

enum text_sanitize_flags {
	TEXT_KEEP_NEWLINES =
	    1 << 0, /* keep '\n' (multi-line fields); otherwise it becomes a space */
};
/* The bidirectional controls (U+202A-202E embeddings and overrides, U+2066-2069 isolates, the
 * marks U+200E, U+200F and U+061C): they can make text read in another order than it is stored,
 * so no screen or report ever shows them. */
bool text_bidi_control(uint32_t cp);
/* A new string, safe to print: invalid UTF-8 becomes U+FFFD; ESC and the sequences it starts
 * (CSI, OSC, DCS ... up to their terminator) and the bidirectional controls are removed; other
 * C0/C1 controls and DEL become U+FFFD; a tab becomes a space; CR LF becomes LF. Every screen
 * (tui/draw.c) and every report writer shows user text only through this. The caller frees it. */
char *text_sanitize(const char *s, unsigned flags);

/* The number of bytes of s that fit in `cols` columns, never cutting a code point or separating
 * a base character from its combining marks. *used (when not NULL) gets the columns used. */
size_t text_fit(const char *s, int cols, int *used);

/* Wraps s into lines of at most `cols` columns, breaking at spaces where it can and inside words
 * only when a word is longer than a line; '\n' forces a break. Returns the number of lines and
 * sets *starts and *lens (caller frees both) to the byte offset and length of each line in s. */
size_t text_wrap(const char *s, int cols, size_t **starts, size_t **lens);

/* Swedish alphabetical order: a-z, then å, ä, ö; case-insensitive first, then case as the
 * tie-break; digits before letters. Suitable as a SQLite collation (lengths in bytes). */
int text_collate_sv(const char *a, size_t na, const char *b, size_t nb);

/* A new string to compare typed words by: capitals folded to small letters (A-Z and Latin-1's,
 * Å Ä Ö É among them), runs of blanks one space, and blanks and the punctuation . , ; : ! ?
 * gone from both ends. "  Trygg vuxen. " and "trygg  vuxen" fold alike. The caller frees it. */
char *text_fold(const char *s);

#endif
