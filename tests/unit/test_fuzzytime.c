/* test_fuzzytime.c - the times of a story as people type them and as they are stored: every form
 * read from Swedish and English text, written back as a code and for display, the refusals and
 * what they say, and the days and ages a time covers. Run in C.UTF-8, where gettext gives the
 * English msgids. */
#include "testutil.h"

#include "core/fuzzytime.h"

#include <stdbool.h>

static bool same_point(const struct ft_point *a, const struct ft_point *b)
{
	return a->kind == b->kind && a->year == b->year && a->month == b->month &&
	       a->day == b->day && a->age == b->age;
}

static bool same_time(const struct fuzzy_time *a, const struct fuzzy_time *b)
{
	return same_point(&a->from, &b->from) && same_point(&a->to, &b->to) &&
	       a->uncertain == b->uncertain;
}

static struct fuzzy_time parse_ok(const char *text)
{
	struct fuzzy_time t;
	struct merr err = {0};
	if (ft_parse(text, &t, &err) != M_OK)
		fail_msg("\"%s\" refused: %s", text, err.msg);
	return t;
}

struct form {
	const char *in;
	const char *code;
	const char *display;
};

static const struct form forms[] = {
    /* the codes */
    {"2015", "2015", "2015"},
    {"2015-03", "2015-03", "2015-03"},
    {"2015-03-04", "2015-03-04", "2015-03-04"},
    {"2015-HT", "2015-HT", "autumn term 2015"},
    {"2016-VT", "2016-VT", "spring term 2016"},
    {"2016-SU", "2016-SU", "summer 2016"},
    {"AGE15", "AGE15", "age 15"},
    {"AGE0", "AGE0", "age 0"},
    {"2015-03/2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2020-HT/2021-VT", "2020-HT/2021-VT", "autumn term 2020 – spring term 2021"},
    {"AGE15/AGE16?", "AGE15/AGE16?", "age 15 – age 16?"},
    {"2015?", "2015?", "2015?"},
    {"?", "?", "?"},
    {"", "", ""},
    /* what people type, in Swedish and English, in any case and with loose blanks */
    {"  2015 ", "2015", "2015"},
    {"2015-3", "2015-03", "2015-03"},
    {"ht 2015", "2015-HT", "autumn term 2015"},
    {"HT2015", "2015-HT", "autumn term 2015"},
    {"Ht  2015", "2015-HT", "autumn term 2015"},
    {"2015-ht", "2015-HT", "autumn term 2015"},
    {"vt 2016", "2016-VT", "spring term 2016"},
    {"VT2016", "2016-VT", "spring term 2016"},
    {"Vårterminen 2016", "2016-VT", "spring term 2016"},
    {"hösttermin 2015", "2015-HT", "autumn term 2015"},
    {"autumn term 2015", "2015-HT", "autumn term 2015"},
    {"Spring Term 2016", "2016-VT", "spring term 2016"},
    {"sommaren 2016", "2016-SU", "summer 2016"},
    {"SOMMAREN 2016", "2016-SU", "summer 2016"},
    {"summer 2016", "2016-SU", "summer 2016"},
    {"15 år", "AGE15", "age 15"},
    {"15år", "AGE15", "age 15"},
    {"15 ÅR", "AGE15", "age 15"},
    {"age 15", "AGE15", "age 15"},
    {"Age 120", "AGE120", "age 120"},
    {"mars 2015", "2015-03", "2015-03"},
    {"March 2015", "2015-03", "2015-03"},
    {"4 mars 2015", "2015-03-04", "2015-03-04"},
    {"2016-02-29", "2016-02-29", "2016-02-29"},
    {"2000-02-29", "2000-02-29", "2000-02-29"},
    {"1900", "1900", "1900"},
    {"2100", "2100", "2100"},
    /* ranges */
    {"2015-03 – 2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-03 - 2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-03–2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-03 till 2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-03 to 2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-03-2015-11", "2015-03/2015-11", "2015-03 – 2015-11"},
    {"2015-2016", "2015/2016", "2015 – 2016"},
    {"15 år – 17 år", "AGE15/AGE17", "age 15 – age 17"},
    {"15–17 år", "AGE15/AGE17", "age 15 – age 17"},
    {"age 15 - 17", "AGE15/AGE17", "age 15 – age 17"},
    {"ht 2015 – vt 2016", "2015-HT/2016-VT", "autumn term 2015 – spring term 2016"},
    {"sommaren 2016 till ht 2016", "2016-SU/2016-HT", "summer 2016 – autumn term 2016"},
    {"15 år – 2017", "AGE15/2017", "age 15 – 2017"},
    {"2015-03-04 – 2015-03-04", "2015-03-04/2015-03-04", "2015-03-04 – 2015-03-04"},
    /* uncertain */
    {"? 2015", "2015?", "2015?"},
    {"2015 ?", "2015?", "2015?"},
    {"ht 2015?", "2015-HT?", "autumn term 2015?"},
    {"15 år?", "AGE15?", "age 15?"},
    {"2015-03 – 2015-11?", "2015-03/2015-11?", "2015-03 – 2015-11?"},
    {"2015-03? – 2015-11", "2015-03/2015-11?", "2015-03 – 2015-11?"},
    {" ? ", "?", "?"},
};

static void test_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		const struct form *f = &forms[i];
		char code[FT_BUFSZ], shown[FT_BUFSZ];
		struct fuzzy_time t = parse_ok(f->in);
		ft_code(&t, code);
		ft_format(&t, shown);
		if (strcmp(code, f->code) != 0)
			fail_msg("\"%s\": code \"%s\", expected \"%s\"", f->in, code, f->code);
		if (strcmp(shown, f->display) != 0)
			fail_msg("\"%s\": shown \"%s\", expected \"%s\"", f->in, shown, f->display);
		/* Both written forms read back as the same time. */
		struct fuzzy_t_pair {
			struct fuzzy_time a, b;
		} back = {parse_ok(code), parse_ok(shown)};
		if (!same_time(&back.a, &t) || !same_time(&back.b, &t))
			fail_msg("\"%s\": does not survive a round trip", f->in);
		ft_code_to_display(f->code, shown);
		assert_string_equal(shown, f->display);
	}
}

static void test_fields(void **state)
{
	(void)state;
	struct fuzzy_time t = parse_ok("ht 2015 – 17 år?");
	assert_int_equal(t.from.kind, FT_AUTUMN);
	assert_int_equal(t.from.year, 2015);
	assert_int_equal(t.to.kind, FT_AGE);
	assert_int_equal(t.to.age, 17);
	assert_true(t.uncertain);

	t = parse_ok("2015-03-04");
	assert_int_equal(t.from.kind, FT_DATE);
	assert_int_equal(t.from.month, 3);
	assert_int_equal(t.from.day, 4);
	assert_int_equal(t.to.kind, FT_NONE);
	assert_false(t.uncertain);

	/* "?" alone is a time nobody knows, which is not the same as no time. */
	t = parse_ok("?");
	assert_int_equal(t.from.kind, FT_NONE);
	assert_true(t.uncertain);
	t = parse_ok("");
	assert_int_equal(t.from.kind, FT_NONE);
	assert_false(t.uncertain);
	t = parse_ok(NULL);
	assert_int_equal(t.from.kind, FT_NONE);
}

struct refusal {
	const char *in;
	const char *says;
};

static const struct refusal refusals[] = {
    {"2015-13", "a month must be between 1 and 12"},
    {"2015-00", "a month must be between 1 and 12"},
    {"2015-02-29", "2015-02 has no day 29"},
    {"1900-02-29", "1900-02 has no day 29"},
    {"2015-04-31", "2015-04 has no day 31"},
    {"2015-01-00", "2015-01 has no day 0"},
    {"1899", "a year must be between 1900 and 2100"},
    {"2101-03", "a year must be between 1900 and 2100"},
    {"ht 1850", "a year must be between 1900 and 2100"},
    {"AGE121", "an age must be between 0 and 120"},
    {"130 år", "an age must be between 0 and 120"},
    {"2015-11 – 2015-03", "the end comes before the start"},
    {"vt 2016 – ht 2015", "the end comes before the start"},
    {"17 år – 15 år", "the end comes before the start"},
    {"2016/2015-HT", "the end comes before the start"},
    {"2016-2015", "the end comes before the start"},
    {"igår", "expected a year (2015)"},
    {"15", "expected a year (2015)"},
    {"ht", "expected a year (2015)"},
    {"ht 15", "expected a year (2015)"},
    {"ca 2015", "expected a year (2015)"},
    {"2015-03-04-05", "expected a year (2015)"},
    {"2015 – 2016 – 2017", "expected a year (2015)"},
    {"2015/", "expected a year (2015)"},
    {"/2015", "expected a year (2015)"},
    {"??", "expected a year (2015)"},
    {"2015 – 16", "expected a year (2015)"},
    {"20150", "expected a year (2015)"},
    {"99999999999999999999", "expected a year (2015)"},
};

static void test_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		const struct refusal *r = &refusals[i];
		struct fuzzy_time t;
		struct merr err = {0};
		enum mstatus st = ft_parse(r->in, &t, &err);
		if (st != M_USAGE || err.status != M_USAGE || err.reason != MR_INVALID)
			fail_msg("\"%s\" was not refused as invalid (status %d)", r->in, (int)st);
		if (!strstr(err.msg, r->says))
			fail_msg("\"%s\": message \"%s\" lacks \"%s\"", r->in, err.msg, r->says);
		/* The message quotes what the user typed. */
		char quoted[128];
		snprintf(quoted, sizeof quoted, "\"%s\"", r->in);
		if (!strstr(err.msg, quoted))
			fail_msg("\"%s\": message \"%s\" does not quote it", r->in, err.msg);
		assert_int_equal(t.from.kind, FT_NONE);
	}
}

static void test_refusal_message_is_one_safe_line(void **state)
{
	(void)state;
	struct fuzzy_time t;
	struct merr err = {0};
	assert_int_equal(ft_parse("\x1b[2J\x1b]0;title\x07hösten\n2015", &t, &err), M_USAGE);
	assert_null(strchr(err.msg, '\x1b'));
	assert_null(strchr(err.msg, '\n'));
	assert_null(strchr(err.msg, '\a'));
	assert_non_null(strstr(err.msg, "\"hösten 2015\""));

	char long_text[400];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	assert_int_equal(ft_parse(long_text, &t, &err), M_USAGE);
	assert_non_null(strstr(err.msg, "…\""));
	assert_non_null(strstr(err.msg, "expected a year"));

	/* No error structure is fine too. */
	assert_int_equal(ft_parse("nonsense", &t, NULL), M_USAGE);
}

struct span {
	const char *code;
	int born;
	const char *from, *to; /* NULL: no span */
};

static const struct span spans[] = {
    {"2015", 0, "2015-01-01", "2015-12-31"},
    {"2015-02", 0, "2015-02-01", "2015-02-28"},
    {"2016-02", 0, "2016-02-01", "2016-02-29"},
    {"2000-02", 0, "2000-02-01", "2000-02-29"},
    {"1900-02", 0, "1900-02-01", "1900-02-28"},
    {"2015-11", 0, "2015-11-01", "2015-11-30"},
    {"2015-03-04", 0, "2015-03-04", "2015-03-04"},
    {"2015-HT", 0, "2015-08-01", "2015-12-31"},
    {"2016-VT", 0, "2016-01-01", "2016-06-30"},
    {"2016-SU", 0, "2016-06-01", "2016-08-31"},
    {"AGE15", 2000, "2015-01-01", "2016-12-31"},
    {"AGE15", 0, NULL, NULL},
    {"2015-03/2015-11", 0, "2015-03-01", "2015-11-30"},
    {"2015-HT/2016-VT", 0, "2015-08-01", "2016-06-30"},
    {"2015-11/2015", 0, "2015-11-01", "2015-12-31"},
    {"AGE15/AGE17", 2000, "2015-01-01", "2018-12-31"},
    {"2015-HT/AGE17", 2000, "2015-08-01", "2018-12-31"},
    {"2015-HT/AGE17", 0, NULL, NULL},
    {"2015?", 0, "2015-01-01", "2015-12-31"},
    {"?", 2000, NULL, NULL},
    {"", 2000, NULL, NULL},
};

static void test_spans(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
		const struct span *s = &spans[i];
		struct fuzzy_time t = parse_ok(s->code);
		char from[11] = "", to[11] = "";
		bool has = ft_span(&t, s->born, from, to);
		if (has != (s->from != NULL))
			fail_msg("%s (born %d): span %s", s->code, s->born,
			         has ? "given" : "missing");
		if (has && (strcmp(from, s->from) != 0 || strcmp(to, s->to) != 0))
			fail_msg("%s (born %d): %s..%s, expected %s..%s", s->code, s->born, from,
			         to, s->from, s->to);
	}
}

struct age_span {
	const char *code;
	int born;
	bool known;
	int lo, hi;
};

static const struct age_span age_spans[] = {
    {"2015", 2000, true, 14, 15},
    {"2015-03-04", 2000, true, 14, 15},
    {"2015-HT", 2000, true, 14, 15},
    {"AGE15", 2000, true, 15, 15},
    {"AGE15", 0, true, 15, 15},
    {"AGE15/AGE17", 0, true, 15, 17},
    {"2015-HT/2017-VT", 2000, true, 14, 17},
    {"2016-SU/AGE18", 2000, true, 15, 18},
    {"2000", 2000, true, 0, 0},
    {"1999", 2000, false, 0, 0},
    {"2015", 0, false, 0, 0},
    {"AGE15/2017", 0, false, 0, 0},
    {"?", 2000, false, 0, 0},
    {"", 2000, false, 0, 0},
};

static void test_age_spans(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof age_spans / sizeof age_spans[0]; i++) {
		const struct age_span *a = &age_spans[i];
		struct fuzzy_time t = parse_ok(a->code);
		int lo = -1, hi = -1;
		bool known = ft_age_span(&t, a->born, &lo, &hi);
		if (known != a->known || (known && (lo != a->lo || hi != a->hi)))
			fail_msg("%s (born %d): %s %d..%d", a->code, a->born,
			         known ? "known" : "unknown", lo, hi);
	}
}

static void test_code_to_display(void **state)
{
	(void)state;
	char buf[FT_BUFSZ];
	ft_code_to_display("2015-HT/2016-VT?", buf);
	assert_string_equal(buf, "autumn term 2015 – spring term 2016?");
	/* A code this version cannot read is still shown, not lost. */
	ft_code_to_display("2015-Q3", buf);
	assert_string_equal(buf, "2015-Q3");
	char long_code[200];
	memset(long_code, 'x', sizeof long_code - 3);
	memcpy(long_code + sizeof long_code - 3, "å", 3); /* å is 2 bytes, then NUL */
	ft_code_to_display(long_code, buf);
	assert_true(strlen(buf) < FT_BUFSZ);
	ft_code_to_display("", buf);
	assert_string_equal(buf, "");
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_refusal_message_is_one_safe_line),
	    cmocka_unit_test(test_spans),
	    cmocka_unit_test(test_age_spans),
	    cmocka_unit_test(test_code_to_display),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
