/* test_contrast.c - the WCAG contrast ratio the themes are held to: the known end points and
 * published reference values, either order, and the 7:1 line between colours just either side
 * of it. */
#include "testutil.h"

#include "core/contrast.h"

static void test_end_points(void **state)
{
	(void)state;
	assert_float_equal(contrast_ratio(0x000000, 0xffffff), 21.0, 1e-9);
	assert_float_equal(contrast_ratio(0xffffff, 0x000000), 21.0, 1e-9);
	assert_float_equal(contrast_ratio(0x336699, 0x336699), 1.0, 1e-9);
	assert_float_equal(contrast_luminance(0x000000), 0.0, 1e-12);
	assert_float_equal(contrast_luminance(0xffffff), 1.0, 1e-12);
}

/* Values any WCAG contrast checker gives. */
static void test_reference_values(void **state)
{
	(void)state;
	/* #777777 on white: 4.48, just below AA; #767676 is the lightest grey that passes. */
	assert_float_equal(contrast_ratio(0x777777, 0xffffff), 4.48, 0.005);
	assert_true(contrast_ratio(0x777777, 0xffffff) < CONTRAST_AA);
	assert_true(contrast_ratio(0x767676, 0xffffff) >= CONTRAST_AA);
	/* Pure red, green and blue on black: 5.252, 15.304, 2.444. */
	assert_float_equal(contrast_ratio(0xff0000, 0x000000), 5.252, 0.001);
	assert_float_equal(contrast_ratio(0x00ff00, 0x000000), 15.304, 0.001);
	assert_float_equal(contrast_ratio(0x0000ff, 0x000000), 2.444, 0.001);
	/* #595959 on white is 7.0: the AAA line, and #5a5a5a just misses it. */
	assert_true(contrast_ratio(0x595959, 0xffffff) >= CONTRAST_AAA);
	assert_true(contrast_ratio(0x5a5a5a, 0xffffff) < CONTRAST_AAA);
}

/* The channels weigh differently: green most, blue least. */
static void test_channel_weights(void **state)
{
	(void)state;
	assert_true(contrast_luminance(0x00ff00) > contrast_luminance(0xff0000));
	assert_true(contrast_luminance(0xff0000) > contrast_luminance(0x0000ff));
	assert_float_equal(contrast_luminance(0xff0000) + contrast_luminance(0x00ff00) +
	                       contrast_luminance(0x0000ff),
	                   1.0, 1e-9);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_end_points),
	    cmocka_unit_test(test_reference_values),
	    cmocka_unit_test(test_channel_weights),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
