/* fuzzytime.c - reading, writing and measuring the fuzzy times of fuzzytime.h.
 *
 * Reading works on a normalised copy of the text (lower case, one blank between words), cut into
 * number, word and dash tokens; each accepted form is a short pattern of tokens. That keeps the
 * Swedish and English display forms, the codes and the blanks people type in one small place. */
#include "fuzzytime.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { YEAR_MIN = 1900, YEAR_MAX = 2100, AGE_MAX = 120, NORM_MAX = 200, TOK_MAX = 8 };

/* Why a text was refused; read_time() turns it into one message. */
enum fault {
	F_OK,
	F_SHAPE, /* no form we know */
	F_YEAR,
	F_MONTH,
	F_DAY,
	F_AGE,
	F_ORDER, /* the end comes before the start */
};

struct failure {
	enum fault fault;
	int year, month, day; /* for F_DAY */
};

/* --- normalising --------------------------------------------------------------------------- */

static bool is_blank(const unsigned char *p, size_t *len)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
		*len = 1;
		return true;
	}
	if (p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
		*len = 2;
		return true;
	}
	return false;
}

/* Lower-cases ASCII and Latin-1 letters (so Å, Ä, Ö match å, ä, ö), folds runs of blanks into
 * one space and trims both ends. False when the text is too long to be a time. */
static bool normalise(const char *in, char out[NORM_MAX + 1])
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0;
	bool blank = false;
	while (*p) {
		size_t len;
		if (is_blank(p, &len)) {
			blank = o > 0;
			p += len;
			continue;
		}
		if (o + 3 > NORM_MAX)
			return false;
		if (blank)
			out[o++] = ' ';
		blank = false;
		if (*p >= 'A' && *p <= 'Z') {
			out[o++] = (char)(*p + ('a' - 'A'));
			p++;
		} else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
			out[o++] = (char)p[0];
			out[o++] = (char)(p[1] + 0x20);
			p += 2;
		} else {
			out[o++] = (char)*p++;
		}
	}
	out[o] = '\0';
	return true;
}

static void trim(char **s)
{
	while (**s == ' ')
		(*s)++;
	size_t n = strlen(*s);
	while (n > 0 && (*s)[n - 1] == ' ')
		(*s)[--n] = '\0';
}

/* Takes a "?" off either end of s; true when there was one. */
static bool strip_uncertain(char **s)
{
	bool found = false;
	trim(s);
	if (**s == '?') {
		(*s)++;
		found = true;
		trim(s);
	}
	size_t n = strlen(*s);
	if (n > 0 && (*s)[n - 1] == '?') {
		(*s)[n - 1] = '\0';
		found = true;
		trim(s);
	}
	return found;
}

/* --- tokens -------------------------------------------------------------------------------- */

enum tok_kind { T_NUM, T_WORD, T_DASH };

struct tok {
	enum tok_kind kind;
	const char *s; /* a word: words in a row are one token, "autumn term" */
	size_t n;
	int num, digits;
};

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Cuts s into tokens; false when s holds anything a time cannot. */
static bool tokenise(const char *s, struct tok *t, size_t *count)
{
	size_t n = 0;
	const char *p = s;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '.' || c == ',') {
			p++;
			continue;
		}
		if (n == TOK_MAX)
			return false;
		struct tok *k = &t[n];
		memset(k, 0, sizeof *k);
		k->s = p;
		if (c >= '0' && c <= '9') {
			k->kind = T_NUM;
			while (*p >= '0' && *p <= '9') {
				if (++k->digits > 4)
					return false;
				k->num = k->num * 10 + (*p++ - '0');
			}
		} else if (c == '-') {
			k->kind = T_DASH;
			p++;
		} else if (is_word_byte(c)) {
			k->kind = T_WORD;
			const char *end = p;
			while (*p && (is_word_byte((unsigned char)*p) || *p == ' ')) {
				if (*p != ' ')
					end = p + 1;
				p++;
			}
			p = end;
		} else {
			return false;
		}
		k->n = (size_t)(p - k->s);
		n++;
	}
	*count = n;
	return true;
}

static bool word_is(const struct tok *t, const char *w)
{
	return t->kind == T_WORD && strlen(w) == t->n && memcmp(t->s, w, t->n) == 0;
}

struct word_kind {
	const char *word;
	enum ft_kind kind;
};

/* School terms and summers as people write them; the codes' ht/vt/su are among them. */
static const struct word_kind seasons[] = {
    {"ht", FT_AUTUMN},          {"hösttermin", FT_AUTUMN},  {"höstterminen", FT_AUTUMN},
    {"autumn term", FT_AUTUMN}, {"fall term", FT_AUTUMN},   {"vt", FT_SPRING},
    {"vårtermin", FT_SPRING},   {"vårterminen", FT_SPRING}, {"spring term", FT_SPRING},
    {"su", FT_SUMMER},          {"sommar", FT_SUMMER},      {"sommaren", FT_SUMMER},
    {"summer", FT_SUMMER},
};

static enum ft_kind season_of(const struct tok *t)
{
	for (size_t i = 0; i < sizeof seasons / sizeof seasons[0]; i++)
		if (word_is(t, seasons[i].word))
			return seasons[i].kind;
	return FT_NONE;
}

/* Swedish and English month names and their usual abbreviations. */
static const char *const months[][5] = {
    {"januari", "january", "jan", NULL},
    {"februari", "february", "feb", NULL},
    {"mars", "march", "mar", NULL},
    {"april", "apr", NULL},
    {"maj", "may", NULL},
    {"juni", "june", "jun", NULL},
    {"juli", "july", "jul", NULL},
    {"augusti", "august", "aug", NULL},
    {"september", "sep", "sept", NULL},
    {"oktober", "october", "okt", "oct", NULL},
    {"november", "nov", NULL},
    {"december", "dec", NULL},
};

static int month_of(const struct tok *t)
{
	for (int m = 0; m < 12; m++)
		for (int i = 0; months[m][i]; i++)
			if (word_is(t, months[m][i]))
				return m + 1;
	return 0;
}

static const char *const age_before[] = {"age", "ålder", "åldern", NULL};
static const char *const age_after[] = {"år",        "år gammal", "years", "year",
                                        "years old", "yrs",       NULL};

static bool word_in(const struct tok *t, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (word_is(t, list[i]))
			return true;
	return false;
}

/* --- points -------------------------------------------------------------------------------- */

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool is_year(const struct tok *t)
{
	return t->kind == T_NUM && t->digits == 4;
}

static bool is_small(const struct tok *t, int max_digits)
{
	return t->kind == T_NUM && t->digits <= max_digits;
}

/* Checks the numbers of a point that has the right shape. */
static enum fault validate(const struct ft_point *p, struct failure *why)
{
	if (p->kind == FT_AGE)
		return p->age <= AGE_MAX ? F_OK : F_AGE;
	if (p->year < YEAR_MIN || p->year > YEAR_MAX)
		return F_YEAR;
	if ((p->kind == FT_MONTH || p->kind == FT_DATE) && (p->month < 1 || p->month > 12))
		return F_MONTH;
	if (p->kind == FT_DATE && (p->day < 1 || p->day > days_in(p->year, p->month))) {
		why->year = p->year;
		why->month = p->month;
		why->day = p->day;
		return F_DAY;
	}
	return F_OK;
}

/* Reads one point. *bare is set for a lone number of one to three digits, which is an age only
 * when the other end of a range says so ("15–17 år"). */
static enum fault read_point(const char *s, struct ft_point *p, bool *bare, struct failure *why)
{
	struct tok t[TOK_MAX];
	size_t n;
	memset(p, 0, sizeof *p);
	*bare = false;
	if (!tokenise(s, t, &n) || n == 0)
		return F_SHAPE;
	enum ft_kind season;
	int month;
	if (n == 1 && is_year(&t[0])) {
		p->kind = FT_YEAR, p->year = t[0].num;
	} else if (n == 1 && is_small(&t[0], 3)) {
		p->kind = FT_AGE, p->age = t[0].num;
		*bare = true;
	} else if (n == 3 && is_year(&t[0]) && t[1].kind == T_DASH && is_small(&t[2], 2)) {
		p->kind = FT_MONTH, p->year = t[0].num, p->month = t[2].num;
	} else if (n == 5 && is_year(&t[0]) && t[1].kind == T_DASH && is_small(&t[2], 2) &&
	           t[3].kind == T_DASH && is_small(&t[4], 2)) {
		p->kind = FT_DATE, p->year = t[0].num, p->month = t[2].num, p->day = t[4].num;
	} else if ((n == 2 || (n == 3 && t[1].kind == T_DASH)) && is_year(&t[0]) &&
	           (season = season_of(&t[n - 1])) != FT_NONE) {
		p->kind = season, p->year = t[0].num; /* "2015-ht", "2015 ht" */
	} else if (n == 2 && is_year(&t[1]) && (season = season_of(&t[0])) != FT_NONE) {
		p->kind = season, p->year = t[1].num; /* "ht 2015", "autumn term 2015" */
	} else if (n == 2 && is_year(&t[1]) && (month = month_of(&t[0])) != 0) {
		p->kind = FT_MONTH, p->year = t[1].num, p->month = month; /* "mars 2015" */
	} else if (n == 3 && is_small(&t[0], 2) && is_year(&t[2]) &&
	           (month = month_of(&t[1])) != 0) {
		p->kind = FT_DATE, p->year = t[2].num, p->month = month, p->day = t[0].num;
	} else if (n == 3 && is_small(&t[1], 2) && is_year(&t[2]) &&
	           (month = month_of(&t[0])) != 0) {
		p->kind = FT_DATE, p->year = t[2].num, p->month = month, p->day = t[1].num;
	} else if (n == 2 && word_in(&t[0], age_before) && is_small(&t[1], 3)) {
		p->kind = FT_AGE, p->age = t[1].num; /* "age 15", "AGE15" */
	} else if (n == 2 && is_small(&t[0], 3) && word_in(&t[1], age_after)) {
		p->kind = FT_AGE, p->age = t[0].num; /* "15 år" */
	} else {
		return F_SHAPE;
	}
	return validate(p, why);
}

/* --- spans --------------------------------------------------------------------------------- */

struct ymd {
	int y, m, d;
};

static int ymd_key(struct ymd a)
{
	return a.y * 10000 + a.m * 100 + a.d;
}

/* First and last day of a point; ages need the birth year. */
static bool point_days(const struct ft_point *p, int birth_year, struct ymd *lo, struct ymd *hi)
{
	int y = p->year;
	switch (p->kind) {
	case FT_DATE:
		*lo = *hi = (struct ymd){y, p->month, p->day};
		return true;
	case FT_MONTH:
		*lo = (struct ymd){y, p->month, 1};
		*hi = (struct ymd){y, p->month, days_in(y, p->month)};
		return true;
	case FT_YEAR:
		*lo = (struct ymd){y, 1, 1};
		*hi = (struct ymd){y, 12, 31};
		return true;
	case FT_AUTUMN:
		*lo = (struct ymd){y, 8, 1};
		*hi = (struct ymd){y, 12, 31};
		return true;
	case FT_SPRING:
		*lo = (struct ymd){y, 1, 1};
		*hi = (struct ymd){y, 6, 30};
		return true;
	case FT_SUMMER:
		*lo = (struct ymd){y, 6, 1};
		*hi = (struct ymd){y, 8, 31};
		return true;
	case FT_AGE:
		/* The birthday is unknown: age A is reached in year B+A and left in B+A+1. */
		if (birth_year <= 0)
			return false;
		*lo = (struct ymd){birth_year + p->age, 1, 1};
		*hi = (struct ymd){birth_year + p->age + 1, 12, 31};
		return true;
	case FT_NONE:
	default:
		return false;
	}
}

static void put_ymd(struct ymd a, char out[11])
{
	/* Years stay within 4 digits: 2100 plus an age of 120 at most. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)a.y % 10000u, (unsigned)a.m % 100u,
	         (unsigned)a.d % 100u);
}

bool ft_span(const struct fuzzy_time *t, int birth_year, char from[11], char to[11])
{
	struct ymd lo, hi, lo2, hi2;
	if (!t || !point_days(&t->from, birth_year, &lo, &hi))
		return false;
	if (t->to.kind != FT_NONE) {
		if (!point_days(&t->to, birth_year, &lo2, &hi2))
			return false;
		/* Only a range that mixes ages and dates can end before it starts. */
		if (ymd_key(hi2) >= ymd_key(lo))
			hi = hi2;
		else
			lo = lo2;
	}
	put_ymd(lo, from);
	put_ymd(hi, to);
	return true;
}

static bool point_ages(const struct ft_point *p, int birth_year, int *lo, int *hi)
{
	if (p->kind == FT_AGE) {
		*lo = *hi = p->age;
		return true;
	}
	struct ymd a, b;
	if (birth_year <= 0 || !point_days(p, birth_year, &a, &b))
		return false;
	/* In a calendar year the young person is either the age reached that year or one less. */
	*lo = a.y - birth_year - 1;
	*hi = b.y - birth_year;
	return true;
}

bool ft_age_span(const struct fuzzy_time *t, int birth_year, int *age_lo, int *age_hi)
{
	int lo, hi, lo2, hi2;
	if (!t || !point_ages(&t->from, birth_year, &lo, &hi))
		return false;
	if (t->to.kind != FT_NONE) {
		if (!point_ages(&t->to, birth_year, &lo2, &hi2))
			return false;
		lo = lo2 < lo ? lo2 : lo;
		hi = hi2 > hi ? hi2 : hi;
	}
	if (hi < 0)
		return false; /* before birth */
	*age_lo = lo < 0 ? 0 : lo;
	*age_hi = hi;
	return true;
}

/* --- ranges -------------------------------------------------------------------------------- */

static bool ends_before_start(const struct ft_point *from, const struct ft_point *to)
{
	if (from->kind == FT_AGE && to->kind == FT_AGE)
		return to->age < from->age;
	struct ymd flo, fhi, tlo, thi;
	if (!point_days(from, 0, &flo, &fhi) || !point_days(to, 0, &tlo, &thi))
		return false; /* an age against a date cannot be judged without the birth year */
	return ymd_key(thi) < ymd_key(flo);
}

/* Reads "from" and "to" as the two ends of a range. */
static enum fault read_range(char *from, char *to, struct fuzzy_time *out, struct failure *why)
{
	bool bare_from, bare_to;
	out->uncertain |= strip_uncertain(&from);
	out->uncertain |= strip_uncertain(&to);
	enum fault f = read_point(from, &out->from, &bare_from, why);
	if (f == F_OK)
		f = read_point(to, &out->to, &bare_to, why);
	if (f != F_OK)
		return f;
	/* A lone number is an age only beside one: "15–17 år", "age 15 - 17". */
	if ((bare_from && (bare_to || out->to.kind != FT_AGE)) ||
	    (bare_to && out->from.kind != FT_AGE))
		return F_SHAPE;
	if (ends_before_start(&out->from, &out->to))
		return F_ORDER;
	return F_OK;
}

/* Separators between the two ends of a range, strongest first. */
static const char *const separators[] = {"–", "—", " - ", "/", " till ", " to ", NULL};

static enum fault read_time(char *s, struct fuzzy_time *out, struct failure *why)
{
	memset(out, 0, sizeof *out);
	trim(&s);
	if (strcmp(s, "?") == 0) {
		out->uncertain = true; /* a time nobody knows */
		return F_OK;
	}
	out->uncertain = strip_uncertain(&s);
	if (*s == '\0')
		return F_SHAPE;
	for (int i = 0; separators[i]; i++) {
		char *at = strstr(s, separators[i]);
		if (at) {
			*at = '\0';
			return read_range(s, at + strlen(separators[i]), out, why);
		}
	}
	bool bare;
	enum fault f = read_point(s, &out->from, &bare, why);
	if (f == F_OK && bare)
		f = F_SHAPE;
	if (f == F_OK || f != F_SHAPE)
		return f;
	/* A plain hyphen may join two points too ("2015-2016", "2015-03-2015-11"), when it is the
	 * only way to read the text. */
	enum fault best = F_SHAPE;
	for (char *dash = strchr(s, '-'); dash; dash = strchr(dash + 1, '-')) {
		char left[NORM_MAX + 1];
		struct fuzzy_time tmp = {.uncertain = out->uncertain};
		struct failure ignored = {F_OK, 0, 0, 0};
		memcpy(left, s, (size_t)(dash - s));
		left[dash - s] = '\0';
		char right[NORM_MAX + 1];
		strcpy(right, dash + 1);
		enum fault r = read_range(left, right, &tmp, &ignored);
		if (r == F_OK) {
			*out = tmp;
			return F_OK;
		}
		if (r == F_ORDER)
			best = F_ORDER;
	}
	return best;
}

/* The user's text for a message: one line, no escapes, at most 40 columns. */
static char *quote(const char *text)
{
	char *clean = text_sanitize(text, 0);
	int used;
	size_t fit = text_fit(clean, 40, &used);
	if (clean[fit] != '\0') {
		fit = text_fit(clean, 39, &used);
		char *cut = xasprintf("%.*s…", (int)fit, clean);
		free(clean);
		return cut;
	}
	return clean;
}

enum mstatus ft_parse(const char *text, struct fuzzy_time *out, struct merr *err)
{
	char norm[NORM_MAX + 1];
	struct failure why = {F_OK, 0, 0, 0};
	enum fault f;
	memset(out, 0, sizeof *out);
	if (!text)
		text = "";
	if (!normalise(text, norm))
		f = F_SHAPE;
	else if (norm[0] == '\0')
		return M_OK;
	else
		f = read_time(norm, out, &why);
	if (f == F_OK)
		return M_OK;
	memset(out, 0, sizeof *out);
	char *q = quote(text);
	switch (f) {
	case F_YEAR:
		merr_set(err, M_USAGE, MR_INVALID,
		         _("cannot read the time \"%s\": a year must be between %d and %d"), q,
		         YEAR_MIN, YEAR_MAX);
		break;
	case F_MONTH:
		merr_set(err, M_USAGE, MR_INVALID,
		         _("cannot read the time \"%s\": a month must be between 1 and 12"), q);
		break;
	case F_DAY:
		merr_set(err, M_USAGE, MR_INVALID,
		         _("cannot read the time \"%s\": %04d-%02d has no day %d"), q, why.year,
		         why.month, why.day);
		break;
	case F_AGE:
		merr_set(err, M_USAGE, MR_INVALID,
		         _("cannot read the time \"%s\": an age must be between 0 and %d"), q,
		         AGE_MAX);
		break;
	case F_ORDER:
		merr_set(err, M_USAGE, MR_INVALID,
		         _("cannot read the time \"%s\": the end comes before the start"), q);
		break;
	case F_OK:
	case F_SHAPE:
	default:
		merr_set(
		    err, M_USAGE, MR_INVALID,
		    _("cannot read the time \"%s\": expected a year (2015), a month (2015-03), a "
		      "date (2015-03-04), a term (ht 2015, vt 2016), a summer (sommaren 2016) or "
		      "an age (15 år), or two of them joined by –"),
		    q);
		break;
	}
	free(q);
	return M_USAGE;
}

/* --- writing ------------------------------------------------------------------------------- */

static void point_code(const struct ft_point *p, char *buf, size_t n)
{
	switch (p->kind) {
	case FT_DATE:
		snprintf(buf, n, "%04d-%02d-%02d", p->year, p->month, p->day);
		break;
	case FT_MONTH:
		snprintf(buf, n, "%04d-%02d", p->year, p->month);
		break;
	case FT_YEAR:
		snprintf(buf, n, "%04d", p->year);
		break;
	case FT_AUTUMN:
		snprintf(buf, n, "%04d-HT", p->year);
		break;
	case FT_SPRING:
		snprintf(buf, n, "%04d-VT", p->year);
		break;
	case FT_SUMMER:
		snprintf(buf, n, "%04d-SU", p->year);
		break;
	case FT_AGE:
		snprintf(buf, n, "AGE%d", p->age);
		break;
	case FT_NONE:
	default:
		buf[0] = '\0';
		break;
	}
}

static void point_display(const struct ft_point *p, char *buf, size_t n)
{
	switch (p->kind) {
	case FT_AUTUMN:
		snprintf(buf, n, _("autumn term %d"), p->year);
		break;
	case FT_SPRING:
		snprintf(buf, n, _("spring term %d"), p->year);
		break;
	case FT_SUMMER:
		snprintf(buf, n, _("summer %d"), p->year);
		break;
	case FT_AGE:
		snprintf(buf, n, _("age %d"), p->age);
		break;
	default:
		point_code(p, buf, n);
		break;
	}
}

typedef void point_writer(const struct ft_point *, char *, size_t);

static void write_time(const struct fuzzy_time *t, char buf[FT_BUFSZ], point_writer *write,
                       const char *joiner)
{
	char from[FT_BUFSZ / 2], to[FT_BUFSZ / 2];
	if (!t || t->from.kind == FT_NONE) {
		snprintf(buf, FT_BUFSZ, "%s", t && t->uncertain ? "?" : "");
		return;
	}
	write(&t->from, from, sizeof from);
	if (t->to.kind != FT_NONE) {
		write(&t->to, to, sizeof to);
		snprintf(buf, FT_BUFSZ, "%s%s%s%s", from, joiner, to, t->uncertain ? "?" : "");
	} else {
		snprintf(buf, FT_BUFSZ, "%s%s", from, t->uncertain ? "?" : "");
	}
}

void ft_code(const struct fuzzy_time *t, char buf[FT_BUFSZ])
{
	write_time(t, buf, point_code, "/");
}

void ft_format(const struct fuzzy_time *t, char buf[FT_BUFSZ])
{
	write_time(t, buf, point_display, " – ");
}

void ft_code_to_display(const char *code, char buf[FT_BUFSZ])
{
	struct fuzzy_time t;
	if (ft_parse(code, &t, NULL) == M_OK) {
		ft_format(&t, buf);
		return;
	}
	/* Shown as it is, cut on a character boundary so the buffer stays valid UTF-8. */
	size_t n = strlen(code);
	if (n >= FT_BUFSZ) {
		n = FT_BUFSZ - 1;
		while (n > 0 && ((unsigned char)code[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, code, n);
	buf[n] = '\0';
}

/* Howard Hinnant's days_from_civil. */
long ft_civil_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool ft_iso_day(const char *iso, long *day)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return false;
	*day = ft_civil_days(y, m, d);
	return true;
}
