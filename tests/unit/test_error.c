/* test_error.c - error messages as the terminal meets them: whatever a file name or a value in
 * a message holds, control characters arrive shown (\x1B, \u202E), never obeyed; a message is
 * one line and never cut inside a character; what a file's data makes fail is a data error. */
#include "testutil.h"

#include "core/error.h"

static void test_controls_made_visible(void **state)
{
	(void)state;
	struct merr err = {0};
	assert_int_equal(merr_set(&err, M_DATA, MR_INVALID, "%s: cannot read the file",
	                          "bad\x1b[31mname\xe2\x80\xae\x07.csv"),
	                 M_DATA);
	assert_string_equal(err.msg, "bad\\x1B[31mname\\u202E\\x07.csv: cannot read the file");
	merr_set(&err, M_OTHER, MR_IO, "%s|%s|%s|%s", "a\nb\rc\td",
	         "\xc2\x9b"
	         "31m",
	         "\x7f", "\xff\xc3");
	assert_string_equal(err.msg, "a\\x0Ab\\x0Dc\\x09d|\\u009B31m|\\x7F|\\xFF\\xC3");
	/* Text that needs nothing is left as it is, Swedish letters and emoji included. */
	merr_set(&err, M_DATA, MR_INVALID, "%s", "Åsa, Örjan \xf0\x9f\x98\x80 \\x1B");
	assert_string_equal(err.msg, "Åsa, Örjan \xf0\x9f\x98\x80 \\x1B");
	/* Made visible once: a message built from another is not escaped again. */
	struct merr outer = {0};
	merr_set(&err, M_DATA, MR_INVALID, "%s", "x\x1by");
	merr_set(&outer, M_DATA, MR_INVALID, "line 3 of f: %s", err.msg);
	assert_string_equal(outer.msg, "line 3 of f: x\\x1By");
}

static void test_cut_at_a_character(void **state)
{
	(void)state;
	char long_text[2000];
	size_t n = 0;
	while (n + 2 < sizeof long_text) {
		memcpy(long_text + n, "\xc3\xa5", 2); /* å */
		n += 2;
	}
	long_text[n] = '\0';
	struct merr err = {0};
	merr_set(&err, M_DATA, MR_INVALID, "x%s", long_text);
	size_t len = strlen(err.msg);
	assert_true(len < sizeof err.msg);
	assert_int_equal(len % 2, 1); /* "x" and whole å's */
	memset(long_text, '\x1b', 600);
	long_text[600] = '\0';
	merr_set(&err, M_DATA, MR_INVALID, "%s", long_text);
	assert_int_equal(strlen(err.msg) % 4, 0); /* whole \x1B's */
}

static void test_data_not_usage(void **state)
{
	(void)state;
	struct merr err = {0};
	merr_set(&err, M_USAGE, MR_EXISTS, "that value is already in use");
	assert_int_equal(merr_data(&err, M_USAGE), M_DATA);
	assert_int_equal(err.status, M_DATA);
	assert_int_equal(merr_data(&err, M_OTHER), M_OTHER);
	assert_int_equal(merr_data(NULL, M_OK), M_OK);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_controls_made_visible),
	    cmocka_unit_test(test_cut_at_a_character),
	    cmocka_unit_test(test_data_not_usage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
