/* privacy.c - the scanner's driver and what every detector shares: kinds, findings, code points,
 * letters and case folding, masking, and the keys of findings kept on purpose. */
#include "privacy_int.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *code, *label;
} kinds[PRIV_KIND_COUNT] = {
    [PRIV_PNR] = {"pnr", N_("personal identity number")},
    [PRIV_COORD] = {"coordination", N_("coordination number")},
    [PRIV_PNR_BAD] = {"maybe-pnr", N_("possible identity number, check digit wrong")},
    [PRIV_BIRTH] = {"birthdate", N_("birth date")},
    [PRIV_PHONE] = {"phone", N_("phone number")},
    [PRIV_EMAIL] = {"email", N_("e-mail address")},
    [PRIV_ADDRESS] = {"address", N_("street address")},
    [PRIV_POSTCODE] = {"postcode", N_("postal code and place")},
    [PRIV_NAME] = {"name", N_("name on the list")},
};

const char *privacy_kind_code(enum privacy_kind k)
{
	return (unsigned)k < PRIV_KIND_COUNT ? kinds[k].code : "?";
}

const char *privacy_kind_label(enum privacy_kind k)
{
	return (unsigned)k < PRIV_KIND_COUNT ? _(kinds[k].label) : "?";
}

void privacy_findings_clear(struct privacy_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->items[i].masked);
	free(f->items);
	f->items = NULL;
	f->n = 0;
	f->cap = 0;
}

/* ---- code points -------------------------------------------------------------------------- */

uint32_t priv_cp(const char *s, size_t n, size_t i, size_t *len)
{
	if (i >= n) {
		*len = 0;
		return 0;
	}
	uint32_t cp;
	*len = text_decode(s + i, n - i, &cp);
	return cp;
}

uint32_t priv_cp_before(const char *s, size_t i, size_t *start)
{
	if (i == 0) {
		*start = 0;
		return 0;
	}
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	uint32_t cp;
	size_t k = text_decode(s + j, i - j, &cp);
	if (j + k != i) { /* not a whole sequence: take the last byte alone */
		j = i - 1;
		cp = 0xFFFD;
	}
	*start = j;
	return cp;
}

bool priv_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

bool priv_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	/* Punctuation, symbols, emoji, private use and the replacement character end words; the
	 * letters of every script go on. */
	return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	         (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE00 && cp <= 0xFE6F) ||
	         (cp >= 0xFF00 && cp <= 0xFF20) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
	         cp == 0xFFFD);
}

bool priv_word(uint32_t cp)
{
	return priv_digit(cp) || priv_letter(cp);
}

uint32_t priv_fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0xC0)
		return cp;
	if (cp <= 0xDE)
		return cp == 0xD7 ? cp : cp + 32;
	if (cp >= 0x100 && cp <= 0x137)
		return cp | 1;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x14A && cp <= 0x177)
		return cp | 1;
	if (cp == 0x178)
		return 0xFF;
	if (cp >= 0x179 && cp <= 0x17E)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

bool priv_upper(uint32_t cp)
{
	return priv_fold(cp) != cp;
}

size_t priv_space(const char *s, size_t n, size_t i)
{
	size_t len;
	uint32_t cp = priv_cp(s, n, i, &len);
	return cp == ' ' || cp == 0xA0 || cp == 0x202F ? len : 0;
}

size_t priv_dash(const char *s, size_t n, size_t i)
{
	size_t len;
	uint32_t cp = priv_cp(s, n, i, &len);
	return cp == '-' || cp == 0x2012 || cp == 0x2013 || cp == 0x2212 ? len : 0;
}

bool priv_inside_number(const char *s, size_t off)
{
	size_t a, b;
	uint32_t c1 = priv_cp_before(s, off, &a);
	if (!c1)
		return false;
	uint32_t c2 = priv_cp_before(s, a, &b);
	if (!priv_digit(c2))
		return false;
	return c1 == ' ' || c1 == 0xA0 || c1 == 0x202F || c1 == '-' || c1 == 0x2013 || c1 == '/' ||
	       c1 == '.' || c1 == ',' || c1 == ':';
}

bool priv_word_in(const char *s, size_t n, size_t i, const char *const *words)
{
	size_t end = i, len;
	while (priv_letter(priv_cp(s, n, end, &len)))
		end += len;
	if (end == i)
		return false;
	for (const char *const *w = words; *w; w++) {
		size_t p = i, q = 0, wl = strlen(*w), l2;
		bool same = true;
		while (same && p < end && q < wl) {
			uint32_t a = priv_fold(priv_cp(s, n, p, &len));
			uint32_t b = priv_cp(*w, wl, q, &l2);
			same = a == b;
			p += len;
			q += l2;
		}
		if (same && p == end && q == wl)
			return true;
	}
	return false;
}

bool priv_amount_after(const char *s, size_t n, size_t end)
{
	static const char *const units[] = {"kr",   "kronor", "sek",     "tkr",      "mkr",
	                                    "kkr",  "euro",   "procent", "miljoner", "miljarder",
	                                    "milj", "mnkr",   NULL};
	size_t i = end, sp;
	while ((sp = priv_space(s, n, i)))
		i += sp;
	if (i < n && (s[i] == '%' || (s[i] == ':' && i + 1 < n && s[i + 1] == '-')))
		return true;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x82 &&
	    (unsigned char)s[i + 2] == 0xAC) /* the euro sign */
		return true;
	return priv_word_in(s, n, i, units);
}

/* ---- findings ----------------------------------------------------------------------------- */

void priv_add(const char *s, struct privacy_findings *f, enum privacy_kind kind, size_t off,
              size_t len)
{
	/* The findings are sorted and never overlap, so only the neighbours of where the new one
	 * goes can overlap it: a binary search keeps a text full of numbers linear enough. */
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->items[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && f->items[lo - 1].off + f->items[lo - 1].len > off)
		return;
	if (lo < f->n && f->items[lo].off < off + len)
		return;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 4;
		f->items = xreallocarray(f->items, f->cap, sizeof *f->items);
	}
	memmove(f->items + lo + 1, f->items + lo, (f->n - lo) * sizeof *f->items);
	f->items[lo] = (struct privacy_finding){kind, off, len, privacy_mask(s + off, len)};
	f->n++;
}

void privacy_scan(const char *text, const struct privacy_names *names, struct privacy_findings *out)
{
	privacy_findings_clear(out);
	if (!text)
		return;
	size_t n = strlen(text);
	/* The order matters where shapes overlap: the digits of an e-mail address are not a phone
	 * number, an identity number is not a phone number, and one beside "född" is an identity
	 * number rather than a birth date. */
	priv_detect_email(text, n, out);
	priv_detect_pnr(text, n, out);
	priv_detect_birth(text, n, out);
	priv_detect_phone(text, n, out);
	priv_detect_postcode(text, n, out);
	priv_detect_address(text, n, out);
	priv_detect_names(text, n, names, out);
}

/* ---- masking ------------------------------------------------------------------------------ */

char *privacy_mask(const char *text, size_t n)
{
	/* Sanitised before the stars go in: a star where a letter was must not become part of an
	 * escape sequence of the text, which would then swallow all that follows it. */
	char *copy = xstrndup(text, n);
	char *s = text_sanitize(copy, 0);
	free(copy);
	n = strlen(s);
	size_t words = 0, len;
	for (size_t i = 0; i < n; i += len)
		if (priv_word(priv_cp(s, n, i, &len)))
			words++;
	size_t head = words >= 8 ? 2 : words >= 3 ? 1 : 0, tail = words >= 8 ? 2 : 0;
	char *raw = xmalloc(n + 1);
	size_t o = 0, k = 0;
	for (size_t i = 0; i < n; i += len) {
		uint32_t cp = priv_cp(s, n, i, &len);
		if (priv_word(cp) && k++ >= head && k <= words - tail)
			raw[o++] = '*';
		else {
			memcpy(raw + o, s + i, len);
			o += len;
		}
	}
	raw[o] = '\0';
	free(s);
	return raw;
}

char *privacy_masked_text(const char *text, const struct privacy_findings *f)
{
	if (!text)
		return xstrdup("");
	size_t n = strlen(text), cap = n + 1, o = 0, at = 0;
	for (size_t i = 0; i < f->n; i++)
		cap += strlen(f->items[i].masked);
	char *raw = xmalloc(cap);
	for (size_t i = 0; i < f->n; i++) {
		const struct privacy_finding *g = &f->items[i];
		memcpy(raw + o, text + at, g->off - at);
		o += g->off - at;
		size_t m = strlen(g->masked);
		memcpy(raw + o, g->masked, m);
		o += m;
		at = g->off + g->len;
	}
	memcpy(raw + o, text + at, n - at);
	raw[o + n - at] = '\0';
	char *clean = text_sanitize(raw, 0);
	free(raw);
	return clean;
}

/* ---- keys of findings kept on purpose ----------------------------------------------------- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void privacy_key(const char *record_uuid, const char *field, const char *text,
                 const struct privacy_finding *f, char out[PRIVACY_KEY_LEN + 1])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *parts[] = {record_uuid ? record_uuid : "", field ? field : "",
	                       privacy_kind_code(f->kind)};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		h = fnv(h, parts[i], strlen(parts[i]) + 1); /* with the NUL: "ab"+"c" != "a"+"bc" */
	/* The found text folded to its letters and digits, so re-spacing a kept phone number or
	 * changing a name's case does not make it new. */
	size_t n = strlen(text), len;
	for (size_t i = f->off; i < f->off + f->len && i < n; i += len) {
		uint32_t cp = priv_cp(text, n, i, &len);
		if (priv_word(cp)) {
			char b[4] = {(char)(priv_fold(cp) & 0xFF),
			             (char)(priv_fold(cp) >> 8 & 0xFF),
			             (char)(priv_fold(cp) >> 16 & 0xFF), 0};
			h = fnv(h, b, 3);
		}
	}
	snprintf(out, PRIVACY_KEY_LEN + 1, "%016llx", (unsigned long long)h);
}
