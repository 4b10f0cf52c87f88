/* text.c - UTF-8 validation, display widths, sanitising, fitting, wrapping and Swedish order for
 * text.h. Everything works on bytes and code points with small tables of our own, so results do
 * not depend on the locale except where wcwidth() knows more than the tables. */
#include "text.h"
#include "xalloc.h"

#include <string.h>
#include <wchar.h>

#define REPLACEMENT 0xFFFDu

size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	unsigned c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		goto invalid;
	}
	if (n < len)
		goto invalid;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto invalid;
		v = v << 6 | (u[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto invalid;
	*cp = v;
	return len;
invalid:
	*cp = REPLACEMENT;
	return 1;
}

bool text_valid_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (cp == REPLACEMENT && k == 1)
			return false;
		i += k;
	}
	return true;
}

struct range {
	uint32_t lo, hi;
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Marks that sit on the character before them, whatever the locale says. */
static const struct range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},   {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064},   {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

/* East Asian wide blocks and the emoji every terminal draws two columns wide. */
static const struct range wide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F600, 0x1F64F},
    {0x1F680, 0x1F6C5}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Pictographs mostly drawn wide: used only when wcwidth() cannot tell (a non-UTF-8 locale). */
static const struct range wide_fallback[] = {
    {0x1F300, 0x1F5FF},
    {0x1F6C6, 0x1F6FF},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int text_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	if (cp < 0x7F)
		return 1;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	if (in_ranges(cp, zero_width, COUNT(zero_width)))
		return 0;
	if (in_ranges(cp, wide, COUNT(wide)))
		return 2;
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w > 2 ? 2 : w;
	if (in_ranges(cp, wide_fallback, COUNT(wide_fallback)))
		return 2;
	return 1;
}

/* --- sanitising ---------------------------------------------------------------------------- */

/* Walks a string and yields the code points of its sanitised view, so that text_sanitize() and
 * text_width() can never disagree about what reaches the terminal. */
struct san {
	const char *s;
	size_t n, i;
	unsigned flags;
};

static unsigned char san_byte(const struct san *it, size_t at)
{
	return at < it->n ? (unsigned char)it->s[at] : 0;
}

/* The body of a CSI: parameter and intermediate bytes, then one final byte. Anything else ends
 * it early and is left for the caller, as a terminal would do. */
static void skip_csi(struct san *it)
{
	while (it->i < it->n) {
		unsigned char c = san_byte(it, it->i);
		if (c >= 0x20 && c <= 0x3F) {
			it->i++;
		} else if (c >= 0x40 && c <= 0x7E) {
			it->i++;
			return;
		} else {
			return;
		}
	}
}

/* OSC, DCS, SOS, PM and APC run to the string terminator (ESC \ or U+009C); OSC also ends at BEL,
 * which is how most programs send a window title. CAN and SUB abort a sequence. */
static void skip_string(struct san *it, bool bel_ends)
{
	while (it->i < it->n) {
		uint32_t cp;
		size_t k = text_decode(it->s + it->i, it->n - it->i, &cp);
		if (cp == 0x1B) {
			if (san_byte(it, it->i + 1) == '\\')
				it->i += 2;
			/* Any other ESC starts a new sequence: leave it to the caller. */
			return;
		}
		it->i += k;
		if ((cp == 0x07 && bel_ends) || cp == 0x9C || cp == 0x18 || cp == 0x1A)
			return;
	}
}

static void skip_escape(struct san *it)
{
	unsigned char c = san_byte(it, it->i);
	if (it->i >= it->n)
		return;
	if (c == '[') {
		it->i++;
		skip_csi(it);
	} else if (c == ']') {
		it->i++;
		skip_string(it, true);
	} else if (c == 'P' || c == 'X' || c == '^' || c == '_') {
		it->i++;
		skip_string(it, false);
	} else {
		/* ESC, intermediates, one final byte: "ESC ( B", "ESC c", "ESC 7". */
		while (it->i < it->n && san_byte(it, it->i) >= 0x20 && san_byte(it, it->i) <= 0x2F)
			it->i++;
		c = san_byte(it, it->i);
		if (it->i < it->n && c >= 0x30 && c <= 0x7E)
			it->i++;
	}
}

bool text_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

static bool san_next(struct san *it, uint32_t *out)
{
	while (it->i < it->n) {
		uint32_t cp;
		size_t k = text_decode(it->s + it->i, it->n - it->i, &cp);
		bool invalid = cp == REPLACEMENT && k == 1;
		it->i += k;
		if (invalid) {
			*out = REPLACEMENT;
			return true;
		}
		switch (cp) {
		case 0x1B:
			skip_escape(it);
			continue;
		case 0x9B: /* 8-bit CSI */
			skip_csi(it);
			continue;
		case 0x9D: /* 8-bit OSC */
			skip_string(it, true);
			continue;
		case 0x90: /* DCS, SOS, PM, APC */
		case 0x98:
		case 0x9E:
		case 0x9F:
			skip_string(it, false);
			continue;
		case '\t':
			*out = ' ';
			return true;
		case '\r':
			/* CR LF is a newline; a lone CR would move the cursor, so it is replaced.
			 */
			if (san_byte(it, it->i) != '\n') {
				*out = REPLACEMENT;
				return true;
			}
			it->i++;
			*out = (it->flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ';
			return true;
		case '\n':
			*out = (it->flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ';
			return true;
		default:
			break;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			cp = REPLACEMENT;
		else if (text_bidi_control(cp))
			continue;
		*out = cp;
		return true;
	}
	return false;
}

static size_t encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | cp >> 18);
	u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

char *text_sanitize(const char *s, unsigned flags)
{
	if (!s)
		s = "";
	struct san it = {s, strlen(s), 0, flags};
	/* Each input byte becomes at most one U+FFFD (3 bytes); valid text keeps its length. */
	char *out = xmalloc(3 * it.n + 1);
	size_t o = 0;
	uint32_t cp;
	while (san_next(&it, &cp))
		o += encode(cp, out + o);
	out[o] = '\0';
	return out;
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	struct san it = {s, strlen(s), 0, 0};
	int w = 0;
	uint32_t cp;
	while (san_next(&it, &cp))
		w += text_cp_width(cp);
	return w;
}

/* --- fitting and wrapping ------------------------------------------------------------------ */

/* One character as the reader sees it: a code point and the zero-width marks after it. Returns
 * its columns and sets *end to the byte after it. */
static int cluster(const char *s, size_t n, size_t i, size_t *end)
{
	uint32_t cp;
	i += text_decode(s + i, n - i, &cp);
	int w = text_cp_width(cp);
	while (i < n) {
		size_t k = text_decode(s + i, n - i, &cp);
		if (text_cp_width(cp) != 0)
			break;
		i += k;
	}
	*end = i;
	return w;
}

size_t text_fit(const char *s, int cols, int *used)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int w = 0;
	while (i < n) {
		size_t end;
		int cw = cluster(s, n, i, &end);
		if (w + cw > cols)
			break;
		w += cw;
		i = end;
	}
	if (used)
		*used = w;
	return i;
}

struct lines {
	size_t *starts, *lens;
	size_t count, cap;
};

static void push_line(struct lines *l, size_t start, size_t len)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->starts = xreallocarray(l->starts, l->cap, sizeof *l->starts);
		l->lens = xreallocarray(l->lens, l->cap, sizeof *l->lens);
	}
	l->starts[l->count] = start;
	l->lens[l->count] = len;
	l->count++;
}

static size_t skip_spaces(const char *s, size_t i, size_t e)
{
	while (i < e && s[i] == ' ')
		i++;
	return i;
}

/* Wraps s[p..e), a paragraph without '\n'. Spaces where a line is broken belong to no line. */
static void wrap_paragraph(const char *s, size_t p, size_t e, int cols, struct lines *l)
{
	size_t before = l->count, ls = p;
	while (ls < e) {
		size_t i = ls, brk = 0, line_end, next;
		bool have_brk = false, content = false;
		int w = 0;
		for (;;) {
			if (i >= e) {
				line_end = next = e;
				break;
			}
			size_t end;
			int cw = cluster(s, e, i, &end);
			if (s[i] == ' ' && content && s[i - 1] != ' ') {
				brk = i;
				have_brk = true;
			}
			if (w + cw > cols) {
				if (s[i] == ' ' && have_brk) {
					line_end = brk;
					next = skip_spaces(s, i, e);
				} else if (s[i] == ' ') {
					/* Only blanks so far: indentation wider than the line. */
					line_end = ls;
					next = skip_spaces(s, i, e);
				} else if (have_brk) {
					line_end = brk;
					next = skip_spaces(s, brk, e);
				} else {
					/* A word longer than the line; a character wider than the
					 * whole line still goes somewhere. */
					line_end = next = i > ls ? i : end;
				}
				break;
			}
			if (s[i] != ' ')
				content = true;
			w += cw;
			i = end;
		}
		if (line_end > ls || next >= e || content)
			push_line(l, ls, line_end - ls);
		ls = next;
	}
	if (l->count == before)
		push_line(l, p, 0);
}

size_t text_wrap(const char *s, int cols, size_t **starts, size_t **lens)
{
	struct lines l = {0};
	if (!s)
		s = "";
	if (cols < 1)
		cols = 1;
	size_t n = strlen(s), p = 0;
	for (;;) {
		const char *nl = memchr(s + p, '\n', n - p);
		size_t e = nl ? (size_t)(nl - s) : n;
		wrap_paragraph(s, p, e, cols, &l);
		if (!nl)
			break;
		p = e + 1;
	}
	*starts = l.starts;
	*lens = l.lens;
	return l.count;
}

/* --- Swedish order ------------------------------------------------------------------------- */

/* Primary weights: blanks and punctuation, then digits, then a-z, å, ä, ö, then everything else
 * by code point. Latin letters with diacritics fold onto the letter a Swede files them under. */
enum {
	W_ASCII = 0x100,
	W_DIGIT = 0x200,
	W_LETTER = 0x300, /* + 0..25 for a-z, 26 å, 27 ä, 28 ö */
	W_OTHER = 0x1000,
};

/* Latin-1 and Latin Extended-A letters by base letter; '1' å, '2' ä, '3' ö, '.' not a letter. */
static const char latin1_fold[] = "aaaa212ceeeeiiiidnoooo3.3uuuyyts" /* U+00C0 */
                                  "aaaa212ceeeeiiiidnoooo3.3uuuyyty";
static const char latin_ext_a_fold[] = "aaaaaaccccccccdd" /* U+0100 */
                                       "ddeeeeeeeeeegggg"
                                       "gggghhhhiiiiiiii"
                                       "iiiijjkkklllllll"
                                       "lllnnnnnnnnnoooo"
                                       "3333rrrrrrssssss" /* ő and œ file as ö */
                                       "ssttttttuuuuuuuu"
                                       "yyuuwwyyyzzzzzzs"; /* ű files as y */
_Static_assert(sizeof latin1_fold == 64 + 1, "one letter per code point U+00C0..U+00FF");
_Static_assert(sizeof latin_ext_a_fold == 128 + 1, "one letter per code point U+0100..U+017F");

static uint32_t letter_weight(char c)
{
	switch (c) {
	case '1':
		return W_LETTER + 26;
	case '2':
		return W_LETTER + 27;
	case '3':
		return W_LETTER + 28;
	default:
		return W_LETTER + (uint32_t)(c - 'a');
	}
}

static bool ext_a_upper(uint32_t cp)
{
	if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
		return false;
	if (cp == 0x178)
		return true;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp % 2 == 1;
	return cp % 2 == 0;
}

static bool collation_ignorable(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
	       cp == 0x2060 || cp == 0xFEFF;
}

static void weigh(uint32_t cp, uint32_t *primary, bool *upper)
{
	*upper = false;
	if (cp >= 'a' && cp <= 'z') {
		*primary = W_LETTER + (cp - 'a');
	} else if (cp >= 'A' && cp <= 'Z') {
		*primary = W_LETTER + (cp - 'A');
		*upper = true;
	} else if (cp >= '0' && cp <= '9') {
		*primary = W_DIGIT + (cp - '0');
	} else if (cp < 0x80) {
		*primary = W_ASCII + cp;
	} else if (cp >= 0xC0 && cp <= 0xFF && latin1_fold[cp - 0xC0] != '.') {
		*primary = letter_weight(latin1_fold[cp - 0xC0]);
		*upper = cp < 0xDF;
	} else if (cp >= 0x100 && cp <= 0x17F) {
		*primary = letter_weight(latin_ext_a_fold[cp - 0x100]);
		*upper = ext_a_upper(cp);
	} else {
		*primary = W_OTHER + cp;
	}
}

struct coll {
	const char *s;
	size_t n, i;
};

/* The next collation element; false at the end. A decomposed å, ä or ö (a letter followed by a
 * combining ring or diaeresis, as some systems type them) weighs as the composed letter. */
static bool coll_next(struct coll *c, uint32_t *primary, bool *upper)
{
	while (c->i < c->n) {
		uint32_t cp, mark;
		c->i += text_decode(c->s + c->i, c->n - c->i, &cp);
		if (collation_ignorable(cp))
			continue;
		weigh(cp, primary, upper);
		size_t k = text_decode(c->s + c->i, c->n - c->i, &mark);
		uint32_t base = *primary - W_LETTER;
		if (k && *primary >= W_LETTER && *primary < W_LETTER + 26) {
			uint32_t composed = 0;
			if (mark == 0x30A && base == 0)
				composed = W_LETTER + 26;
			else if (mark == 0x308 && base == 0)
				composed = W_LETTER + 27;
			else if (mark == 0x308 && base == 'o' - 'a')
				composed = W_LETTER + 28;
			else if (mark == 0x308 && base == 'u' - 'a')
				composed = W_LETTER + ('y' - 'a');
			if (composed) {
				*primary = composed;
				c->i += k;
			}
		}
		return true;
	}
	return false;
}

int text_collate_sv(const char *a, size_t na, const char *b, size_t nb)
{
	struct coll ca = {a, na, 0}, cb = {b, nb, 0};
	int case_diff = 0;
	for (;;) {
		uint32_t pa = 0, pb = 0;
		bool ua = false, ub = false;
		bool ha = coll_next(&ca, &pa, &ua);
		bool hb = coll_next(&cb, &pb, &ub);
		if (!ha || !hb) {
			if (ha != hb)
				return ha ? 1 : -1;
			break;
		}
		if (pa != pb)
			return pa < pb ? -1 : 1;
		if (!case_diff && ua != ub)
			case_diff = ua ? 1 : -1; /* lowercase first */
	}
	if (case_diff)
		return case_diff;
	/* Equal only when the bytes are: SQLite needs a total order. */
	size_t n = na < nb ? na : nb;
	int r = n ? memcmp(a, b, n) : 0;
	if (r)
		return r < 0 ? -1 : 1;
	return na < nb ? -1 : na > nb ? 1 : 0;
}

static bool fold_edge(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c && strchr(".,;:!?", c));
}

char *text_fold(const char *s)
{
	while (fold_edge(*s))
		s++;
	char *f = xmalloc(strlen(s) + 1);
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (n && f[n - 1] != ' ')
				f[n++] = ' ';
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		f[n++] = (char)c;
		/* U+00C0..U+00DE but U+00D7 (x): the capitals of Latin-1, 0x20 below their small. */
		if (c == 0xC3 && p[1]) {
			unsigned char d = (unsigned char)*++p;
			f[n++] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
		}
	}
	while (n && fold_edge(f[n - 1]))
		n--;
	f[n] = '\0';
	return f;
}
