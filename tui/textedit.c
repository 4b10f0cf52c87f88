/* textedit.c - the editing model of a form field: a filtered UTF-8 buffer and a cursor that moves
 * by whole characters and words. See textedit.h. */
#include "textedit.h"

#include "core/text.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

void te_init(struct textedit *t, bool multiline)
{
	memset(t, 0, sizeof *t);
	t->multiline = multiline;
	t->cap = 16;
	t->buf = xmalloc(t->cap);
	t->buf[0] = '\0';
}

void te_clear(struct textedit *t)
{
	free(t->buf);
	memset(t, 0, sizeof *t);
}

const char *te_text(const struct textedit *t)
{
	return t->buf ? t->buf : "";
}

bool te_blank(const struct textedit *t)
{
	for (size_t i = 0; i < t->len; i++)
		if (t->buf[i] != ' ' && t->buf[i] != '\n')
			return false;
	return true;
}

static void reserve(struct textedit *t, size_t extra)
{
	if (t->len + extra + 1 <= t->cap)
		return;
	size_t cap = t->cap ? t->cap : 16;
	while (cap < t->len + extra + 1)
		cap *= 2;
	t->buf = xrealloc(t->buf, cap);
	t->cap = cap;
}

static size_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Inserts already clean bytes at the cursor: one move of the tail, however long the text. */
static void splice_in(struct textedit *t, const char *clean, size_t n)
{
	if (n == 0)
		return;
	reserve(t, n);
	memmove(t->buf + t->cur + n, t->buf + t->cur, t->len - t->cur + 1);
	memcpy(t->buf + t->cur, clean, n);
	t->len += n;
	t->cur += n;
	t->changed = true;
}

static void cut(struct textedit *t, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(t->buf + from, t->buf + to, t->len - to + 1);
	t->len -= to - from;
	t->cur = from;
	t->changed = true;
}

/* Skips an escape sequence starting at s[i] == ESC; returns the index after it. CSI ends at a
 * final byte, OSC/DCS/APC/PM/SOS at BEL or ESC \, anything else after one character. */
static size_t skip_escape(const char *s, size_t n, size_t i)
{
	i++;
	if (i >= n)
		return i;
	unsigned char c = (unsigned char)s[i];
	if (c == '[') {
		for (i++; i < n; i++)
			if ((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
				return i + 1;
		return n;
	}
	if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
		for (i++; i < n; i++) {
			if (s[i] == '\a')
				return i + 1;
			if (s[i] == 27 && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
		}
		return n;
	}
	return i + 1;
}

void te_insert(struct textedit *t, const char *s, size_t n)
{
	/* Filter into a scratch buffer (never longer than the input plus replacements), then
	 * splice once: a megabyte pasted costs one pass, not one move of the tail per character. */
	char *clean = xmalloc(n * 3 + 4);
	size_t o = 0, i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == 27) {
			i = skip_escape(s, n, i);
			continue;
		}
		if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			clean[o++] = t->multiline ? '\n' : ' ';
			i++;
			continue;
		}
		if (c == '\t') {
			clean[o++] = ' ';
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		i += k;
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			continue;
		o += put_utf8(clean + o, cp);
	}
	splice_in(t, clean, o);
	free(clean);
}

void te_set(struct textedit *t, const char *s)
{
	t->len = t->cur = 0;
	t->buf[0] = '\0';
	if (s)
		te_insert(t, s, strlen(s));
	t->changed = false;
}

void te_insert_cp(struct textedit *t, uint32_t cp)
{
	char one[4];
	if (cp == '\n' || cp == '\r') {
		if (!t->multiline)
			return;
		splice_in(t, "\n", 1);
		return;
	}
	if (cp == '\t')
		cp = ' ';
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return;
	splice_in(t, one, put_utf8(one, cp));
}

static uint32_t cp_at(const struct textedit *t, size_t i, size_t *k)
{
	uint32_t cp;
	size_t used = text_decode(t->buf + i, t->len - i, &cp);
	if (k)
		*k = used;
	return cp;
}

/* The start of the code point before byte i. */
static size_t prev_cp(const struct textedit *t, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)t->buf[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static bool is_mark(uint32_t cp)
{
	return cp != '\n' && text_cp_width(cp) == 0;
}

/* The character boundaries: a base character keeps its combining marks. */
static size_t next_char(const struct textedit *t, size_t i)
{
	if (i >= t->len)
		return t->len;
	size_t k;
	cp_at(t, i, &k);
	i += k;
	while (i < t->len && is_mark(cp_at(t, i, &k)))
		i += k;
	return i;
}

static size_t prev_char(const struct textedit *t, size_t i)
{
	while (i > 0) {
		i = prev_cp(t, i);
		if (i == 0 || !is_mark(cp_at(t, i, NULL)))
			break;
	}
	return i;
}

static bool is_word(uint32_t cp)
{
	return cp == '_' || iswalnum((wint_t)cp) || (cp >= 0x80 && iswalpha((wint_t)cp)) ||
	       is_mark(cp);
}

void te_left(struct textedit *t)
{
	t->cur = prev_char(t, t->cur);
}

void te_right(struct textedit *t)
{
	t->cur = next_char(t, t->cur);
}

static size_t word_start(const struct textedit *t, size_t i)
{
	while (i > 0 && !is_word(cp_at(t, prev_cp(t, i), NULL)))
		i = prev_cp(t, i);
	while (i > 0 && is_word(cp_at(t, prev_cp(t, i), NULL)))
		i = prev_cp(t, i);
	return i;
}

void te_word_left(struct textedit *t)
{
	t->cur = word_start(t, t->cur);
}

void te_word_right(struct textedit *t)
{
	size_t i = t->cur, k;
	while (i < t->len && !is_word(cp_at(t, i, &k)))
		i += k;
	while (i < t->len && is_word(cp_at(t, i, &k)))
		i += k;
	t->cur = i;
}

static size_t line_start(const struct textedit *t, size_t i)
{
	while (i > 0 && t->buf[i - 1] != '\n')
		i--;
	return i;
}

void te_home(struct textedit *t)
{
	t->cur = line_start(t, t->cur);
}

void te_end(struct textedit *t)
{
	const char *nl = memchr(t->buf + t->cur, '\n', t->len - t->cur);
	t->cur = nl ? (size_t)(nl - t->buf) : t->len;
}

int te_width(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

/* The wrapped line holding byte i: the last whose start is at or before i. */
static size_t line_of(const size_t *starts, size_t n, size_t i)
{
	size_t l = 0;
	while (l + 1 < n && starts[l + 1] <= i)
		l++;
	return l;
}

static bool vmove(struct textedit *t, int cols, int dir)
{
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(t->buf, cols, &starts, &lens);
	bool moved = false;
	if (n > 0) {
		size_t l = line_of(starts, n, t->cur);
		if ((dir < 0 && l > 0) || (dir > 0 && l + 1 < n)) {
			size_t col_end =
			    t->cur < starts[l] + lens[l] ? t->cur : starts[l] + lens[l];
			int col = te_width(t->buf + starts[l], col_end - starts[l]);
			size_t to = dir < 0 ? l - 1 : l + 1;
			size_t i = starts[to], end = starts[to] + lens[to];
			int w = 0;
			while (i < end) {
				size_t nx = next_char(t, i);
				int cw = te_width(t->buf + i, nx - i);
				if (w + cw > col)
					break;
				w += cw;
				i = nx;
			}
			t->cur = i;
			moved = true;
		}
	}
	free(starts);
	free(lens);
	return moved;
}

bool te_up(struct textedit *t, int cols)
{
	return vmove(t, cols, -1);
}

bool te_down(struct textedit *t, int cols)
{
	return vmove(t, cols, 1);
}

void te_backspace(struct textedit *t)
{
	/* Backspace takes a combining mark alone, as one would remove an accent just typed. */
	if (t->cur > 0)
		cut(t, prev_cp(t, t->cur), t->cur);
}

void te_delete(struct textedit *t)
{
	if (t->cur < t->len) {
		size_t from = t->cur;
		cut(t, from, next_char(t, from));
	}
}

void te_kill_word(struct textedit *t)
{
	/* readline's unix-word-rubout: back over blanks, then over everything up to a blank. */
	size_t i = t->cur;
	while (i > 0 && (t->buf[i - 1] == ' ' || t->buf[i - 1] == '\n'))
		i--;
	while (i > 0 && t->buf[i - 1] != ' ' && t->buf[i - 1] != '\n')
		i--;
	cut(t, i, t->cur);
}

void te_kill_line(struct textedit *t)
{
	cut(t, line_start(t, t->cur), t->cur);
}
