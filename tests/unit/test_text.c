/* test_text.c - UTF-8 text as the terminal and the reader meet it: strict validation, column
 * widths, sanitising of hostile bytes, fitting and wrapping Swedish and wide text, and the Swedish
 * alphabetical order that lists of cases and actors are sorted by. */
#include "testutil.h"

#include "core/text.h"

#include <stdbool.h>

#define RC "\xEF\xBF\xBD" /* U+FFFD, what a control or a broken byte becomes */

struct utf8_case {
	const char *bytes;
	size_t n;
	bool valid;
	const char *what;
};

#define U8(s, v, w)                                                                                \
	{                                                                                          \
		s, sizeof(s) - 1, v, w                                                             \
	}

static void test_valid_utf8(void **state)
{
	(void)state;
	static const struct utf8_case cases[] = {
	    U8("", true, "empty"),
	    U8("Socialtjänsten", true, "ascii and ä"),
	    U8("\xC3\xA5\xC3\xA4\xC3\xB6", true, "åäö"),
	    U8("\xE6\x97\xA5", true, "CJK"),
	    U8("\xF0\x9F\x98\x80", true, "emoji U+1F600"),
	    U8("\xF4\x8F\xBF\xBF", true, "U+10FFFF, the last code point"),
	    U8("\xEF\xBF\xBD", true, "U+FFFD itself"),
	    U8("\xED\x9F\xBF", true, "U+D7FF, just below the surrogates"),
	    U8("\xC0\x80", false, "overlong NUL"),
	    U8("\xC1\xBF", false, "overlong two-byte"),
	    U8("\xE0\x80\xAF", false, "overlong three-byte"),
	    U8("\xF0\x80\x80\xAF", false, "overlong four-byte"),
	    U8("\xED\xA0\x80", false, "surrogate U+D800"),
	    U8("\xED\xBF\xBF", false, "surrogate U+DFFF"),
	    U8("\xF4\x90\x80\x80", false, "U+110000"),
	    U8("\xF5\x80\x80\x80", false, "lead byte F5"),
	    U8("\xC3", false, "truncated two-byte"),
	    U8("\xE6\x97", false, "truncated three-byte"),
	    U8("ab\xF0\x9F\x98", false, "truncated four-byte at the end"),
	    U8("\x80", false, "lone continuation byte"),
	    U8("\xC3\x28", false, "lead byte followed by ascii"),
	    U8("\xFF", false, "byte FF"),
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (text_valid_utf8(cases[i].bytes, cases[i].n) != cases[i].valid)
			fail_msg("%s: expected %s", cases[i].what,
			         cases[i].valid ? "valid" : "invalid");
	}
	/* Only the first n bytes count: a cut through "å" is invalid, before it is fine. */
	assert_true(text_valid_utf8("a\xC3\xA5", 1));
	assert_false(text_valid_utf8("a\xC3\xA5", 2));
}

static void test_decode(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(text_decode("\xC3\xA5x", 3, &cp), 2);
	assert_int_equal(cp, 0xE5);
	assert_int_equal(text_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* A broken sequence gives U+FFFD and moves on by one byte, so nothing is skipped. */
	assert_int_equal(text_decode("\xE6\x97x", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0xE5), 1);   /* å */
	assert_int_equal(text_cp_width(0xC4), 1);   /* Ä */
	assert_int_equal(text_cp_width(0xF6), 1);   /* ö */
	assert_int_equal(text_cp_width(0x301), 0);  /* combining acute */
	assert_int_equal(text_cp_width(0x30A), 0);  /* combining ring */
	assert_int_equal(text_cp_width(0x65E5), 2); /* 日 */
	assert_int_equal(text_cp_width(0xAC00), 2); /* 가 */
	assert_int_equal(text_cp_width(0xFF21), 2); /* fullwidth A */
	assert_int_equal(text_cp_width(0x1F600), 2);
	assert_int_equal(text_cp_width(0x1B), 1); /* shown as U+FFFD */
	assert_int_equal(text_cp_width(0x07), 1);
	assert_int_equal(text_cp_width(0x9B), 1);

	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Socialtjänsten"), 14);
	assert_int_equal(text_width("Åsa Öberg"), 9);
	assert_int_equal(text_width("e\xCC\x81mile"), 5); /* decomposed é */
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("ok \xF0\x9F\x98\x80"), 5);
	/* The width is that of what reaches the screen: escapes vanish, controls take one column.
	 */
	assert_int_equal(text_width("a\x1b[31mb\x1b[0m"), 2);
	assert_int_equal(text_width("a\x07"
	                            "b"),
	                 3);
	assert_int_equal(text_width("a\tb"), 3);
}

struct san_case {
	const char *in;
	unsigned flags;
	const char *out;
	const char *what;
};

static void test_sanitize(void **state)
{
	(void)state;
	static const struct san_case cases[] = {
	    {"Åsa är på väg hem", 0, "Åsa är på väg hem", "Swedish text untouched"},
	    {"a\x1b[2Jb", 0, "ab", "clear screen"},
	    {"\x1b[1;31mröd\x1b[0m", 0, "röd", "colours"},
	    {"\x1b]0;evil title\x07ok", 0, "ok", "OSC title ended by BEL"},
	    {"\x1b]2;title\x1b\\ok", 0, "ok", "OSC title ended by ST"},
	    {"\x1b]8;;http://x\x1b\\länk\x1b]8;;\x1b\\", 0, "länk", "OSC 8 hyperlink"},
	    {"\x1bP+q\x1b\\x", 0, "x", "DCS"},
	    {"\xC2\x9B"
	     "31mred",
	     0, "red", "8-bit CSI"},
	    {"\xC2\x9D"
	     "0;t\x07z",
	     0, "z", "8-bit OSC"},
	    {"a\x1b(Bb", 0, "ab", "charset designation"},
	    {"abc\x1b", 0, "abc", "lone ESC at the end"},
	    {"\x1b[1m\x1b[0m\x1b]0;x\x07\x1b[", 0, "", "only escapes"},
	    {"a\x07"
	     "b",
	     0, "a" RC "b", "BEL"},
	    {"a\x7f", 0, "a" RC, "DEL"},
	    {"a\xC2\x85"
	     "b",
	     0, "a" RC "b", "C1 NEL"},
	    {"a\tb", 0, "a b", "tab"},
	    {"rad 1\r\nrad 2", TEXT_KEEP_NEWLINES, "rad 1\nrad 2", "CR LF kept as LF"},
	    {"rad 1\r\nrad 2", 0, "rad 1 rad 2", "CR LF as a space"},
	    {"rad 1\nrad 2", 0, "rad 1 rad 2", "LF as a space"},
	    {"a\rb", TEXT_KEEP_NEWLINES, "a" RC "b", "lone CR"},
	    {"a\xFF"
	     "b",
	     0, "a" RC "b", "invalid byte"},
	    {"\xED\xA0\x80", 0, RC RC RC, "surrogate bytes"},
	    {"x\xC3", 0, "x" RC, "truncated å"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out = text_sanitize(cases[i].in, cases[i].flags);
		if (strcmp(out, cases[i].out) != 0) {
			char msg[256];
			snprintf(msg, sizeof msg, "%s: got \"%s\"", cases[i].what, out);
			free(out);
			fail_msg("%s", msg);
		}
		/* Whatever comes out is valid UTF-8 with no ESC left in it. */
		assert_true(text_valid_utf8(out, strlen(out)));
		assert_null(strchr(out, '\x1b'));
		free(out);
	}
}

static void check_fit(const char *s, int cols, size_t bytes, int used)
{
	int u = -1;
	size_t b = text_fit(s, cols, &u);
	if (b != bytes || u != used)
		fail_msg("fit \"%s\" in %d: %zu bytes/%d cols, expected %zu/%d", s, cols, b, u,
		         bytes, used);
}

static void test_fit(void **state)
{
	(void)state;
	check_fit("Mellan", 10, 6, 6);
	check_fit("Mellan", 3, 3, 3);
	check_fit("åäö", 2, 4, 2);
	check_fit("åäö", 0, 0, 0);
	check_fit("日本", 3, 3, 2); /* the second wide character would need columns 3 and 4 */
	check_fit("日本", 4, 6, 4);
	check_fit("e\xCC\x81x", 1, 3, 1); /* é stays with its accent */
	check_fit("a\xF0\x9F\x98\x80", 2, 1, 1);
	assert_int_equal(text_fit("Örjan", 3, NULL), 4);
}

/* Wraps and compares the lines with the expected ones, given as a NULL-terminated list. */
static void check_wrap(const char *s, int cols, const char *const *want)
{
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(s, cols, &starts, &lens);
	size_t k = 0;
	while (want[k])
		k++;
	char got[512] = "";
	for (size_t i = 0; i < n; i++) {
		size_t at = strlen(got);
		snprintf(got + at, sizeof got - at, "[%.*s]", (int)lens[i], s + starts[i]);
	}
	bool ok = n == k;
	for (size_t i = 0; ok && i < n; i++) {
		ok = strlen(want[i]) == lens[i] && memcmp(want[i], s + starts[i], lens[i]) == 0 &&
		     text_width(want[i]) <= (cols < 1 ? 1 : cols);
	}
	free(starts);
	free(lens);
	if (!ok)
		fail_msg("wrap \"%s\" at %d gave %s", s, cols, got);
}

static void test_wrap(void **state)
{
	(void)state;
	check_wrap("Hon föll mellan stolarna", 10,
	           (const char *const[]){"Hon föll", "mellan", "stolarna", NULL});
	check_wrap("Hon föll mellan stolarna", 24,
	           (const char *const[]){"Hon föll mellan stolarna", NULL});
	/* "åäö" is three columns, not six bytes. */
	check_wrap("åäö åäö", 3, (const char *const[]){"åäö", "åäö", NULL});
	check_wrap("socialtjänsten", 5, (const char *const[]){"socia", "ltjän", "sten", NULL});
	check_wrap("till Socialtjänsten", 8,
	           (const char *const[]){"till", "Socialtj", "änsten", NULL});
	check_wrap("日本語テキスト", 5, (const char *const[]){"日本", "語テ", "キス", "ト", NULL});
	check_wrap("e\xCC\x81"
	           "e\xCC\x81"
	           "e\xCC\x81",
	           2,
	           (const char *const[]){"e\xCC\x81"
	                                 "e\xCC\x81",
	                                 "e\xCC\x81", NULL});
	check_wrap("BUP\n\nvårdcentralen", 20,
	           (const char *const[]){"BUP", "", "vårdcentralen", NULL});
	check_wrap("väntan   på BUP", 7, (const char *const[]){"väntan", "på BUP", NULL});
	check_wrap("", 10, (const char *const[]){"", NULL});
	check_wrap("ab", 0, (const char *const[]){"a", "b", NULL});
}

static int cmp_sv(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	return text_collate_sv(x, strlen(x), y, strlen(y));
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static int coll(const char *a, const char *b)
{
	return sign(text_collate_sv(a, strlen(a), b, strlen(b)));
}

static void test_collate_order(void **state)
{
	(void)state;
	const char *names[] = {"Örjan", "Åsa",   "Ärlig", "Zelda", "adam",
	                       "Adam",  "Émile", "Ängel", "ålder"};
	const char *want[] = {"adam", "Adam",  "Émile", "Zelda", "ålder",
	                      "Åsa",  "Ängel", "Ärlig", "Örjan"};
	qsort(names, sizeof names / sizeof names[0], sizeof names[0], cmp_sv);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_string_equal(names[i], want[i]);

	assert_int_equal(coll("z", "å"), -1);
	assert_int_equal(coll("å", "ä"), -1);
	assert_int_equal(coll("ä", "ö"), -1);
	assert_int_equal(coll("2 BUP", "Abc"), -1); /* digits before letters */
	/* Case decides only when the letters are the same. */
	assert_int_equal(coll("Åsa", "åsb"), -1);
	assert_int_equal(coll("åsa", "Åsa"), -1);
	/* é files as e, ü as y, æ as ä, ø as ö. */
	assert_int_equal(coll("Émile", "Emma"), -1);
	assert_int_equal(coll("Mv", "Müller"), -1);
	assert_int_equal(coll("Müller", "Myrén"), -1);
	assert_int_equal(coll("Myrén", "Mz"), -1);
	assert_int_equal(coll("Ærlig", "Ärm"), -1);
	assert_int_equal(coll("Ål", "Ærlig"), -1);
	assert_int_equal(coll("Øberg", "Öhman"), -1);
	assert_int_equal(coll("Zorn", "Øberg"), -1);
	/* A decomposed å (a + combining ring) is still å, not a. */
	assert_int_equal(coll("a\xCC\x8Asa", "Zelda"), 1);
	assert_int_equal(coll("a\xCC\x8Asa", "ärlig"), -1);
}

static void test_collate_total(void **state)
{
	(void)state;
	/* SQLite requires a consistent order: antisymmetric, transitive, and equal only for
	 * identical bytes (Å and å, e and é, composed and decomposed forms all differ). */
	const char *s[] = {"",     "a",     "A",   "å",         "Å",    "a\xCC\x8A", "e",
	                   "é",    "E",     "É",   "e\xCC\x81", "ü",    "y",         "Y",
	                   "æ",    "ä",     "ø",   "ö",         "Ö",    "1",         " ",
	                   "-",    "ab",    "aB",  "Ab",        "AB",   "a b",       "\xFF",
	                   "日",   "Åsa",   "åsa", "ÅSA",       "Anna", "anna",      "Ånna",
	                   "\xC3", "a\xC3", "ß",   "s",         "ss",   "Ł",         "l"};
	size_t n = sizeof s / sizeof s[0];
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			int ij = coll(s[i], s[j]), ji = coll(s[j], s[i]);
			if (ij != -ji)
				fail_msg("not antisymmetric: \"%s\" \"%s\"", s[i], s[j]);
			if ((ij == 0) != (strcmp(s[i], s[j]) == 0))
				fail_msg("equal but different bytes: \"%s\" \"%s\"", s[i], s[j]);
			for (size_t k = 0; k < n; k++) {
				if (ij < 0 && coll(s[j], s[k]) < 0 && coll(s[i], s[k]) >= 0)
					fail_msg("not transitive: \"%s\" < \"%s\" < \"%s\"", s[i],
					         s[j], s[k]);
			}
		}
	}
	/* Lengths are in bytes and the text need not end in NUL. */
	assert_int_equal(text_collate_sv("abcX", 3, "abcY", 3), 0);
	assert_true(text_collate_sv("ab", 2, "abc", 3) < 0);
}

/* Text that would read in another order than it is stored never reaches a screen or a report:
 * every bidirectional control is left out, and takes no column. */
static void test_bidi_controls(void **state)
{
	(void)state;
	static const char *const controls[] = {
	    "\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD",
	    "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8",
	    "\xE2\x81\xA9", "\xE2\x80\x8E", "\xE2\x80\x8F", "\xD8\x9C",
	};
	for (size_t i = 0; i < sizeof controls / sizeof *controls; i++) {
		char in[32];
		snprintf(in, sizeof in, "ab%sc\xC3\xA5", controls[i]);
		char *out = text_sanitize(in, TEXT_KEEP_NEWLINES);
		if (strcmp(out, "abc\xC3\xA5") != 0)
			fail_msg("control %zu kept: \"%s\"", i, out);
		free(out);
		assert_int_equal(text_width(in), 4);
	}
	/* Neighbours that are not controls stay: ZERO WIDTH JOINER, Arabic letters. */
	char *out = text_sanitize("\xE2\x80\x8D\xD8\xA8", 0);
	assert_string_equal(out, "\xE2\x80\x8D\xD8\xA8");
	free(out);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_utf8),    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_widths),        cmocka_unit_test(test_sanitize),
	    cmocka_unit_test(test_fit),           cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_collate_order), cmocka_unit_test(test_collate_total),
	    cmocka_unit_test(test_bidi_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
