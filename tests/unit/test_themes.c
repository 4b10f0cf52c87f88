/* test_themes.c - the themes are readable from the back of the room: every text colour of every
 * theme against its background, measured with the WCAG 2 formula (core/contrast.h) from the RGB
 * values the theme uses, and from the nearest 256-colour values a terminal that cannot set
 * colours shows instead; and the xterm palette those come from. */
#include "testutil.h"

#include "core/contrast.h"
#include "core/xterm.h"
#include "tui/palette.h"

static void test_xterm_palette(void **state)
{
	(void)state;
	assert_int_equal(xterm_colour(16), 0x000000);
	assert_int_equal(xterm_colour(231), 0xffffff);
	assert_int_equal(xterm_colour(88), 0x870000); /* the cube's (2, 0, 0) */
	assert_int_equal(xterm_colour(244), 0x808080);
	/* Every colour of the cube and the greys is its own nearest. */
	for (int n = 16; n < 256; n++)
		assert_int_equal(xterm_colour(xterm_nearest(xterm_colour(n), 256)),
		                 xterm_colour(n));
	/* White and black are the cube's, not the system colours a terminal theme may change. */
	assert_int_equal(xterm_nearest(0xffffff, 256), 231);
	assert_int_equal(xterm_nearest(0x000000, 256), 16);
	/* With eight colours a dark red is the system red, never something brighter. */
	assert_int_equal(xterm_nearest(0x870000, 8), 1);
	assert_true(xterm_nearest(0xc8c8c8, 8) < 8);
}

/* The lowest contrast of any role's text against its background, exact or in 256 colours. */
static double worst_contrast(const struct palette *p, bool quantised, int *worst_role)
{
	double worst = 21.0;
	for (int r = 0; r < ROLE_COUNT; r++) {
		m_rgb fg, bg;
		palette_role_colours(p, (enum role)r, &fg, &bg);
		if (quantised) {
			fg = xterm_colour(xterm_nearest(fg, 256));
			bg = xterm_colour(xterm_nearest(bg, 256));
		}
		double c = contrast_ratio(fg, bg);
		if (c < worst) {
			worst = c;
			*worst_role = r;
		}
	}
	return worst;
}

static void test_projector_theme_is_aaa(void **state)
{
	(void)state;
	const struct palette *p = palette_get((enum theme_id)palette_from_code("projector"));
	assert_true(p->rgb);
	int role = -1;
	for (int q = 0; q < 2; q++) {
		double worst = worst_contrast(p, q == 1, &role);
		if (worst < CONTRAST_AAA)
			fail_msg("projector role %d has contrast %.2f:1%s, below 7:1", role, worst,
			         q ? " in 256 colours" : "");
	}
}

static void test_every_theme_keeps_its_contrast(void **state)
{
	(void)state;
	static const char *const names[] = {"projector", "dark", "light"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int t = palette_from_code(names[i]);
		assert_true(t >= 0);
		const struct palette *p = palette_get((enum theme_id)t);
		assert_true(p->min_contrast >= CONTRAST_AA);
		int role = -1;
		for (int q = 0; q < 2; q++) {
			double worst = worst_contrast(p, q == 1, &role);
			if (worst < p->min_contrast)
				fail_msg("%s role %d: %.2f:1 below its %.1f:1%s", names[i], role,
				         worst, p->min_contrast, q ? " in 256 colours" : "");
		}
	}
	/* mono sets no colour at all; unknown names are refused. */
	int mono = palette_from_code("mono");
	assert_true(mono >= 0);
	assert_false(palette_get((enum theme_id)mono)->rgb);
	assert_int_equal(palette_from_code("neon"), -1);
	assert_int_equal(palette_from_code("terminal"), -1);
	assert_int_equal(palette_from_code(NULL), -1);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_xterm_palette),
	    cmocka_unit_test(test_projector_theme_is_aaa),
	    cmocka_unit_test(test_every_theme_keeps_its_contrast),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
