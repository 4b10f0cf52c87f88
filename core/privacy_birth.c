/* privacy_birth.c - birth dates: a date next to a word of birth ("Född 2005-03-14", "f. 050314",
 * "född den 14 mars 2005", "födelsedatum: 14/3 2005", "born 14 March 2005", "DOB 2005-03-14",
 * "Den 14 mars 2005 föddes hon").
 *
 * A date alone is none: a life story is full of them ("2015-09-01 började hon på gymnasiet").
 * A year alone is none either ("född 2005"): the schema keeps a birth year. A day and a month
 * without a year are one ("födelsedag 14 mars"): a birthday narrows a person down to one day in
 * 365, and beside the birth year the case may hold it is the exact birth date the schema keeps
 * out. */
#include "privacy_int.h"

#include <string.h>

/* Words of birth (folded) that a date may follow. */
static const char *const birth_words[] = {
    "född",           "födda",      "föddes",       "födde", "födelsedatum",
    "födelsedatumet", "födelsedag", "födelsedagen", "born",  "birth",
    "birthday",       "birthdate",  "dob",          NULL,
};
/* Those a date may also come before: "Den 14 mars 2005 föddes hon". */
static const char *const after_date[] = {"född", "föddes", "born", NULL};
/* Small words between a word of birth and its date: "född den", "born on the", "birthday is".
 * A word with a capital letter may stand there too: "född i Malmö den 14 mars 2005". */
static const char *const between[] = {"den", "på", "i",  "är",  "var",  "datum", "the", "on",
                                      "in",  "at", "is", "was", "date", "of",    NULL};
#define MAX_BETWEEN 3

static const struct {
	const char *name; /* folded */
	int month;
} months[] = {
    {"januari", 1},  {"january", 1},   {"jan", 1},       {"februari", 2}, {"february", 2},
    {"feb", 2},      {"mars", 3},      {"march", 3},     {"mar", 3},      {"april", 4},
    {"apr", 4},      {"maj", 5},       {"may", 5},       {"juni", 6},     {"june", 6},
    {"jun", 6},      {"juli", 7},      {"july", 7},      {"jul", 7},      {"augusti", 8},
    {"august", 8},   {"aug", 8},       {"september", 9}, {"sept", 9},     {"sep", 9},
    {"oktober", 10}, {"october", 10},  {"okt", 10},      {"oct", 10},     {"november", 11},
    {"nov", 11},     {"december", 12}, {"dec", 12},
};

static size_t word_end(const char *s, size_t n, size_t i)
{
	size_t len;
	while (priv_letter(priv_cp(s, n, i, &len)))
		i += len;
	return i;
}

/* The digits at s[i]: how many, and the value of the first nine. */
static size_t number(const char *s, size_t n, size_t i, int *value)
{
	size_t k = 0;
	*value = 0;
	for (; i + k < n && s[i + k] >= '0' && s[i + k] <= '9'; k++)
		if (k < 9)
			*value = *value * 10 + (s[i + k] - '0');
	return k;
}

/* The bytes of the spaces at s[i], 0 when there are none. */
static size_t spaces(const char *s, size_t n, size_t i)
{
	size_t p = i, sp;
	while ((sp = priv_space(s, n, p)))
		p += sp;
	return p - i;
}

/* A date ends at s[e]: neither a letter or digit follows, nor a separator and a digit (it is
 * part of something longer: "2005-03-14-2383", "14.3.2005.1"). */
static bool date_ends(const char *s, size_t n, size_t e)
{
	size_t len;
	uint32_t cp = priv_cp(s, n, e, &len);
	if (priv_word(cp))
		return false;
	bool sep = cp == '/' || cp == '.' || cp == ':' || priv_dash(s, n, e);
	return !sep || !priv_digit(priv_cp(s, n, e + len, &len));
}

/* A month's name at s[i], written out or cut short, in any case: the end of its word. */
static size_t month_at(const char *s, size_t n, size_t i, int *month)
{
	for (size_t m = 0; m < sizeof months / sizeof *months; m++) {
		const char *one[] = {months[m].name, NULL};
		if (priv_word_in(s, n, i, one)) {
			*month = months[m].month;
			return word_end(s, n, i);
		}
	}
	return 0;
}

/* Past the ending of an ordinal at s[e] ("14:e", "2:a", "14th", "1st"), or e. */
static size_t ordinal(const char *s, size_t n, size_t e)
{
	static const char *const endings[] = {"st", "nd", "rd", "th", NULL};
	size_t len;
	if (e + 1 < n && s[e] == ':' && (s[e + 1] == 'e' || s[e + 1] == 'a') &&
	    !priv_word(priv_cp(s, n, e + 2, &len)))
		return e + 2;
	return priv_word_in(s, n, e, endings) ? e + 2 : e;
}

/* A year, maybe, after a month's name or the day after it, which end at s[e]: " 2005",
 * ", 2005", ". 2005" after "Mar". The end of the date, or 0 when it is none. */
static size_t named_year(const char *s, size_t n, size_t e, int month, int day)
{
	size_t p = e + (e < n && (s[e] == ',' || s[e] == '.'));
	size_t sp = spaces(s, n, p);
	int year;
	if (sp && number(s, n, p + sp, &year) == 4 && year >= 1900 && year <= 2099 &&
	    date_ends(s, n, p + sp + 4))
		return priv_real_date(year, month, day) ? p + sp + 4 : 0;
	return priv_real_date(-1, month, day) && date_ends(s, n, e) ? e : 0;
}

/* The year after a day and a month in digits: "/2005", "-2005", " 2005", " -2005", "/05",
 * "-05", or with sep given only that one ("14.3.2005"). Its end and *year, or 0. */
static size_t digit_year(const char *s, size_t n, size_t e, uint32_t sep, int *year)
{
	size_t p = e, len, d = 0;
	size_t sp = sep ? 0 : priv_space(s, n, p);
	p += sp;
	uint32_t cp = priv_cp(s, n, p, &len);
	if (sep ? (sep == '-' ? priv_dash(s, n, p) != 0 : cp == sep)
	        : (priv_dash(s, n, p) || (cp == '/' && !sp)))
		d = len;
	if (!sp && !d)
		return 0;
	size_t k = number(s, n, p + d, year);
	if (k == 2 && d)
		*year += 2000; /* the century unknown: only 1900 and 2000 differ, by a leap day */
	else if (k != 4 || *year < 1900 || *year > 2099)
		return 0;
	return p + d + k;
}

/* A day and a month in digits at s[i], the day's k digits valued a, then sep: "14/3",
 * "14/3 2005", "14/3-05", "3/14/2005" as in America, "14.3.2005", "14-03-2005". */
static size_t digit_date(const char *s, size_t n, size_t i, size_t k, int a, uint32_t sep,
                         size_t seplen)
{
	int b, year = -1;
	size_t km = number(s, n, i + k + seplen, &b), e = i + k + seplen + km;
	if (km < 1 || km > 2)
		return 0;
	size_t ye = digit_year(s, n, e, sep, &year);
	if (!ye && sep == '/')
		ye = digit_year(s, n, e, 0, &year);
	else if (!ye)
		return 0; /* "14.30", "08-16": a time, a span */
	if (ye)
		e = ye;
	if (!date_ends(s, n, e))
		return 0;
	return priv_real_date(year, b, a) || priv_real_date(year, a, b) ? e : 0;
}

/* A date with its day at s[i], s[i] not inside a word or number: its end, or 0. */
static size_t date_at(const char *s, size_t n, size_t i)
{
	int a, b, c, month;
	size_t k = number(s, n, i, &a), p = i + k, len, sp;
	if (k == 0) { /* March 14, 2005 */
		size_t e = month_at(s, n, i, &month);
		if (!e || !(sp = spaces(s, n, e)))
			return 0;
		size_t kd = number(s, n, e + sp, &b);
		if (kd < 1 || kd > 2)
			return 0;
		return named_year(s, n, ordinal(s, n, e + sp + kd), month, b);
	}
	if (k == 8) /* 20050314 */
		return a / 10000 >= 1900 && a / 10000 <= 2099 &&
		               priv_real_date(a / 10000, a / 100 % 100, a % 100) &&
		               date_ends(s, n, p)
		           ? p
		           : 0;
	if (k == 6) /* 050314: the century unknown */
		return priv_real_date(2000 + a / 10000, a / 100 % 100, a % 100) &&
		               date_ends(s, n, p)
		           ? p
		           : 0;
	uint32_t sep = priv_cp(s, n, p, &len);
	if (priv_dash(s, n, p))
		sep = '-';
	if (k == 4) { /* 2005-03-14, 2005/03/14, 2005.03.14 */
		size_t len2, km = number(s, n, p + len, &b), q = p + len + km;
		if ((sep != '-' && sep != '/' && sep != '.') || km < 1 || km > 2 ||
		    priv_cp(s, n, q, &len2) != priv_cp(s, n, p, &len))
			return 0;
		size_t kd = number(s, n, q + len2, &c), e = q + len2 + kd;
		return kd >= 1 && kd <= 2 && a >= 1900 && a <= 2099 && priv_real_date(a, b, c) &&
		               date_ends(s, n, e)
		           ? e
		           : 0;
	}
	if (k > 2)
		return 0;
	if (sep == '/' || sep == '.' || sep == '-')
		return digit_date(s, n, i, k, a, sep, len);
	/* 14 mars 2005, 14:e mars, 14th of March 2005 */
	size_t q = ordinal(s, n, p);
	if (!(sp = spaces(s, n, q)))
		return 0;
	q += sp;
	static const char *const of[] = {"of", NULL};
	if (priv_word_in(s, n, q, of)) {
		if (!(sp = spaces(s, n, q + 2)))
			return 0;
		q += 2 + sp;
	}
	size_t e = month_at(s, n, q, &month);
	return e ? named_year(s, n, e, month, a) : 0;
}

/* Space within a line: a date on the next line is another matter ("Född i Syrien" and below
 * it "2015-09-01 kom hon till Sverige"). */
static bool white(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F;
}

/* The end of a date after a word of birth that ends at s[b], or 0: after "f." only spaces,
 * after the others also a ':' straight after ("Född: 2005-03-14") and a few small or
 * capitalised words ("född i Malmö den 14 mars 2005"), but no other punctuation: "Född i
 * Syrien, 2015-09-01 kom hon" is two things. */
static size_t date_after(const char *s, size_t n, size_t b, bool abbrev)
{
	size_t p = b, len;
	for (int words = 0;; words++) {
		uint32_t cp;
		while ((cp = priv_cp(s, n, p, &len)) &&
		       (white(cp) || (!abbrev && !words && cp == ':')))
			p += len;
		size_t e = date_at(s, n, p);
		if (e)
			return e;
		if (abbrev || words == MAX_BETWEEN || !priv_letter(cp) ||
		    (!priv_upper(cp) && !priv_word_in(s, n, p, between)))
			return 0;
		p = word_end(s, n, p);
	}
}

/* The bytes of w at s[i], with the ASCII letters of s in lower case. */
static bool bytes_at(const char *s, size_t n, size_t i, const char *w)
{
	for (; *w; w++, i++) {
		char c = i < n ? s[i] : '\0';
		if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != *w)
			return false;
	}
	return true;
}

/* Whether s could hold a word of birth at all ("f.", "föd", "born", "birth", "dob"): most
 * texts do not, and a look at their bytes is cheaper than a walk over their words. */
static bool maybe_birth(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		char c = (char)(s[i] | 0x20);
		/* "öd" and "ÖD" in UTF-8 */
		if ((c == 'f' && (s[i + 1] == '.' || bytes_at(s, n, i + 1, "\303\266d") ||
		                  bytes_at(s, n, i + 1, "\303\226d"))) ||
		    (c == 'b' && (bytes_at(s, n, i + 1, "orn") || bytes_at(s, n, i + 1, "irth"))) ||
		    (c == 'd' && bytes_at(s, n, i + 1, "ob")))
			return true;
	}
	return false;
}

void priv_detect_birth(const char *s, size_t n, struct privacy_findings *f)
{
	size_t len;
	if (!maybe_birth(s, n))
		return;
	for (size_t i = 0; i < n; i += len ? len : 1) {
		size_t before, e = 0;
		uint32_t cp = priv_cp(s, n, i, &len);
		if (!priv_word(cp) || priv_word(priv_cp_before(s, i, &before)))
			continue;
		if (priv_letter(cp)) {
			size_t b = word_end(s, n, i);
			uint32_t first = priv_fold(cp);
			bool abbrev = first == 'f' && b == i + 1 && b < n && s[b] == '.';
			if (abbrev)
				e = date_after(s, n, b + 1, true);
			else if ((first == 'f' || first == 'b' || first == 'd') &&
			         priv_word_in(s, n, i, birth_words))
				e = date_after(s, n, b, false);
			if (e)
				priv_add(s, f, PRIV_BIRTH, i, e - i);
			len = (e ? e : b) - i;
			continue;
		}
		/* a date before a word of birth */
		if (!priv_inside_number(s, i) && (e = date_at(s, n, i))) {
			size_t p = e;
			while ((cp = priv_cp(s, n, p, &len)) && white(cp))
				p += len;
			if (priv_word_in(s, n, p, after_date)) {
				size_t w = word_end(s, n, p);
				priv_add(s, f, PRIV_BIRTH, i, w - i);
				len = w - i;
				continue;
			}
		}
		int v;
		len = number(s, n, i, &v);
	}
}
