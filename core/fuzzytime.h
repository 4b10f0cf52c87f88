/* fuzzytime.h - the time of a step as people know it: a date, a month, a year, a school term,
 * a summer, an age, or a range of these, perhaps uncertain.
 *
 * Two written forms. The *code* is what is stored and exported, language-neutral and stable:
 *   "2015"  "2015-03"  "2015-03-04"  "2015-HT" (autumn term)  "2016-VT" (spring term)
 *   "2016-SU" (summer)  "AGE15"  ranges "A/B"  and a trailing "?" when uncertain; "?" alone is
 *   an unknown time marked uncertain; "" is no time at all.
 * The *display* form is what people read and type, translated ("ht 2015", "sommaren 2016",
 * "15 år", "2015-03 – 2015-11", "2015?"). ft_parse() reads both, in Swedish and English. */
#ifndef MELLAN_FUZZYTIME_H
#define MELLAN_FUZZYTIME_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>

enum ft_kind {
	FT_NONE,
	FT_DATE,   /* year, month, day */
	FT_MONTH,  /* year, month */
	FT_YEAR,   /* year */
	FT_AUTUMN, /* autumn school term (ht): August to December of year */
	FT_SPRING, /* spring school term (vt): January to June of year */
	FT_SUMMER, /* June to August of year */
	FT_AGE,    /* age in whole years */
};

struct ft_point {
	enum ft_kind kind;
	int year, month, day;
	int age;
};

struct fuzzy_time {
	struct ft_point from;
	struct ft_point to; /* kind FT_NONE when the time has no end */
	bool uncertain;
};

/* Enough for any code or display form. */
#define FT_BUFSZ 96

/* Reads a code or a display form. An empty or all-blank text gives FT_NONE. What it cannot read
 * is refused with M_USAGE/MR_INVALID and a message saying what it expected. */
enum mstatus ft_parse(const char *text, struct fuzzy_time *out, struct merr *err);
/* The stored code; "" for FT_NONE without uncertainty. */
void ft_code(const struct fuzzy_time *t, char buf[FT_BUFSZ]);
/* The display form, translated. */
void ft_format(const struct fuzzy_time *t, char buf[FT_BUFSZ]);
/* Parses a code and formats it for display; unreadable codes are shown as they are. */
void ft_code_to_display(const char *code, char buf[FT_BUFSZ]);
/* The span of calendar days the time covers, as ISO dates "YYYY-MM-DD". Ages need the birth year
 * (0 = unknown). Returns false when the time places no date (none, or age without birth year). */
bool ft_span(const struct fuzzy_time *t, int birth_year, char from[11], char to[11]);
/* The young person's age span during the time: false when it cannot be known. */
bool ft_age_span(const struct fuzzy_time *t, int birth_year, int *age_lo, int *age_hi);
/* Days since 1970-01-01 of a proleptic Gregorian date, so spans of the story can be measured. */
long ft_civil_days(int y, int m, int d);
/* "YYYY-MM-DD" as such a day number; false for anything else. */
bool ft_iso_day(const char *iso, long *day);

#endif
