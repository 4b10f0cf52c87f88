/* test_keys.c - the key table is the single truth about keys: every key it documents must be in
 * the KEYS section of man/mellan.1 with the same words, under a heading of a screen it is bound
 * on, and every key that section names must be such a row of the table; every key must reach
 * its action, and the bottom-line hints come from it and fit the screen. */
#include "testutil.h"

#include "core/text.h"
#include "tui/keys.h"

#include <ctype.h>
#include <curses.h>

struct man_key {
	char label[128];
	char desc[512];
	unsigned screens; /* of the subsection it is under */
};

/* The subsections of KEYS and the screens each describes. A new screen's keys get a subsection
 * of their own, and a line here. */
static const struct {
	const char *title;
	unsigned screens;
} subsections[] = {
    {"Everywhere", SCR_ALL},
    {"The help screen", SCR_HELP},
    {"Undo and search", SCR_LISTS | SCR_LANES},
    {"The cases screen", SCR_CASES},
    {"The journey screen", SCR_JOURNEY},
    {"The gaps screen", SCR_GAPS},
    {"The what worked screen", SCR_WORKED},
    {"The catalogue", SCR_CATALOGUE},
    {"The names not to use", SCR_NAMES},
    {"The workshops", SCR_WORKSHOP},
    {"The import screen", SCR_IMPORT},
    {"The merge conflicts", SCR_CONFLICTS},
    {"A form", SCR_FORM},
    {"The lanes view", SCR_LANES},
    {"The presentation", SCR_PRESENT},
};

static struct man_key man_keys[128];
static size_t n_man_keys;

/* Removes mdoc's escapes, the macros that only style a word, and commas, and collapses blanks:
 * ".It Ic Up Down , Ic k j" and "Up Down, k j" both become "Up Down k j". */
static void normalise(const char *in, char *out, size_t n)
{
	char buf[512];
	size_t len = 0;
	for (const char *p = in; *p && len + 1 < sizeof buf; p++) {
		if (p[0] == '\\' && p[1] == '&') {
			p++;
			continue;
		}
		if (*p == ',')
			continue;
		buf[len++] = *p;
	}
	buf[len] = '\0';
	out[0] = '\0';
	size_t o = 0;
	char *save = NULL;
	for (char *tok = strtok_r(buf, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save)) {
		if (strcmp(tok, ".It") == 0 || strcmp(tok, "Ic") == 0 || strcmp(tok, "Cm") == 0 ||
		    strcmp(tok, "Sy") == 0 || strcmp(tok, "Ar") == 0 || strcmp(tok, "Li") == 0)
			continue;
		int w = snprintf(out + o, n - o, "%s%s", o ? " " : "", tok);
		if (w < 0 || (size_t)w >= n - o)
			break;
		o += (size_t)w;
	}
}

/* The (key, description) pairs of the KEYS section: an .It line and the text lines after it. */
static void read_man(void)
{
	const char *top = getenv("MELLAN_TOP");
	char path[512];
	snprintf(path, sizeof path, "%s/man/mellan.1", top && *top ? top : ".");
	size_t n;
	char *text = tu_read(path, &n);
	text = realloc(text, n + 1);
	assert_non_null(text);
	text[n] = '\0';

	bool in_keys = false;
	unsigned screens = 0;
	struct man_key *cur = NULL;
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_keys = strcmp(line, ".Sh KEYS") == 0;
			cur = NULL;
		} else if (!in_keys) {
			continue;
		} else if (strncmp(line, ".Ss ", 4) == 0) {
			screens = 0;
			for (size_t i = 0; i < sizeof subsections / sizeof subsections[0]; i++)
				if (strcmp(line + 4, subsections[i].title) == 0)
					screens = subsections[i].screens;
			if (!screens)
				fail_msg(
				    "mellan.1 KEYS has \"%s\", which names no screen this test "
				    "knows: add it to its subsections",
				    line + 4);
			cur = NULL;
		} else if (strncmp(line, ".It", 3) == 0) {
			assert_true(n_man_keys < sizeof man_keys / sizeof man_keys[0]);
			cur = &man_keys[n_man_keys++];
			cur->screens = screens;
			normalise(line, cur->label, sizeof cur->label);
		} else if (line[0] == '.') {
			cur = NULL;
		} else if (cur) {
			char words[512];
			normalise(line, words, sizeof words);
			size_t l = strlen(cur->desc);
			snprintf(cur->desc + l, sizeof cur->desc - l, "%s%s", l ? " " : "", words);
		}
	}
	free(text);
}

static int setup(void **state)
{
	(void)state;
	tu_init();
	read_man();
	return 0;
}

static void every_documented_key_is_in_the_man_page(void **state)
{
	(void)state;
	assert_true(n_man_keys > 0);
	size_t labelled = 0;
	for (size_t i = 0; i < keys_count(); i++) {
		const struct key_binding *b = keys_at(i);
		if (!b->label)
			continue;
		labelled++;
		assert_non_null(b->desc);
		char label[128], desc[512];
		normalise(b->label, label, sizeof label);
		normalise(b->desc, desc, sizeof desc);
		bool found = false;
		for (size_t m = 0; m < n_man_keys && !found; m++)
			found = strcmp(man_keys[m].label, label) == 0 &&
			        strcmp(man_keys[m].desc, desc) == 0 &&
			        (man_keys[m].screens & b->screens);
		if (!found)
			fail_msg("mellan.1 KEYS lacks \"%s\" with \"%s\" under a screen it is "
			         "bound on",
			         b->label, b->desc);
	}
	assert_true(labelled >= 8);
}

/* The other way round: a key the manual names is one the program has, with those words, on a
 * screen of the subsection that names it. */
static void every_key_of_the_man_page_is_in_the_table(void **state)
{
	(void)state;
	assert_true(n_man_keys >= 8);
	for (size_t m = 0; m < n_man_keys; m++) {
		bool found = false;
		for (size_t i = 0; i < keys_count() && !found; i++) {
			const struct key_binding *b = keys_at(i);
			if (!b->label || !(b->screens & man_keys[m].screens))
				continue;
			char label[128], desc[512];
			normalise(b->label, label, sizeof label);
			normalise(b->desc, desc, sizeof desc);
			found = strcmp(man_keys[m].label, label) == 0 &&
			        strcmp(man_keys[m].desc, desc) == 0;
		}
		if (!found)
			fail_msg("mellan.1 KEYS names \"%s\" (\"%s\"), which no row of the key "
			         "table binds there with those words",
			         man_keys[m].label, man_keys[m].desc);
	}
}

static void every_key_reaches_its_action(void **state)
{
	(void)state;
	for (size_t i = 0; i < keys_count(); i++) {
		const struct key_binding *b = keys_at(i);
		assert_int_not_equal(b->keys[0], 0);
		/* Every screen there is, so a new one cannot be forgotten here. */
		for (unsigned scr = 1; scr & SCR_ALL; scr <<= 1) {
			if (!(b->screens & scr))
				continue;
			for (int k = 0; k < KEYS_MAX && b->keys[k]; k++)
				if (keys_lookup((enum tui_screen)scr, b->keys[k]) != b->action)
					fail_msg("key %d of row %zu is taken by another action",
					         b->keys[k], i);
		}
	}
}

static void a_row_without_label_follows_one_it_shares(void **state)
{
	(void)state;
	assert_non_null(keys_at(0)->label);
	for (size_t i = 1; i < keys_count(); i++) {
		const struct key_binding *b = keys_at(i);
		if (b->label)
			continue;
		assert_int_equal(b->screens & keys_at(i - 1)->screens, b->screens);
	}
	assert_null(keys_at(keys_count()));
}

static void the_screens_keys_do_what_the_man_page_says(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup(SCR_CASES, 'j'), ACT_NEXT);
	assert_int_equal(keys_lookup(SCR_CASES, KEY_DOWN), ACT_NEXT);
	assert_int_equal(keys_lookup(SCR_CASES, 'k'), ACT_PREV);
	assert_int_equal(keys_lookup(SCR_CASES, '\r'), ACT_OPEN);
	assert_int_equal(keys_lookup(SCR_CASES, '\n'), ACT_OPEN);
	assert_int_equal(keys_lookup(SCR_CASES, 'q'), ACT_QUIT);
	assert_int_equal(keys_lookup(SCR_CASES, '?'), ACT_HELP);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'q'), ACT_BACK);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 27), ACT_BACK);
	assert_int_equal(keys_lookup(SCR_JOURNEY, KEY_END), ACT_LAST);
	assert_int_equal(keys_lookup(SCR_JOURNEY, KEY_HOME), ACT_FIRST);
	/* One key, one meaning across the screens: g the gaps, p the presentation. */
	assert_int_equal(keys_lookup(SCR_CASES, 'g'), ACT_GAPS);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'p'), ACT_PRESENT);
	assert_int_equal(keys_lookup(SCR_LANES, 'p'), ACT_PRESENT);
	assert_int_equal(keys_lookup(SCR_PRESENT, '-'), ACT_UNVOTE);
	for (unsigned scr = 1; scr & SCR_ALL; scr <<= 1) {
		enum action g = keys_lookup((enum tui_screen)scr, 'g');
		enum action p = keys_lookup((enum tui_screen)scr, 'p');
		assert_true(g == ACT_NONE || g == ACT_GAPS);
		assert_true(p == ACT_NONE || p == ACT_PRESENT);
	}
	assert_int_equal(keys_lookup(SCR_JOURNEY, KEY_NPAGE), ACT_PAGE_DOWN);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 12), ACT_REDRAW);
	/* Esc on the cases screen must not quit by accident (it is also the start of a key). */
	assert_int_equal(keys_lookup(SCR_CASES, 27), ACT_NONE);
	assert_int_equal(keys_lookup(SCR_CASES, 'x'), ACT_NONE);
	/* The editor's keys, as the man page names them. */
	assert_int_equal(keys_lookup(SCR_CASES, 'a'), ACT_ADD);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'a'), ACT_ADD);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'i'), ACT_ADD_IV);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'r'), ACT_ADD_HO);
	assert_int_equal(keys_lookup(SCR_JOURNEY, 'f'), ACT_ADD_GAP);
	assert_int_equal(keys_lookup(SCR_FORM, '\t'), ACT_FIELD_NEXT);
	assert_int_equal(keys_lookup(SCR_FORM, KEY_BTAB), ACT_FIELD_PREV);
	assert_int_equal(keys_lookup(SCR_FORM, 19), ACT_SAVE); /* Ctrl-S */
	assert_int_equal(keys_lookup(SCR_FORM, KEY_F(2)), ACT_SAVE);
	assert_int_equal(keys_lookup(SCR_FORM, 27), ACT_BACK);
	assert_int_equal(keys_lookup(SCR_FORM, 23), ACT_KILL_WORD); /* Ctrl-W */
	assert_int_equal(keys_lookup(SCR_FORM, 21), ACT_KILL_LINE); /* Ctrl-U */
	/* In a form, letters are text: none of them is bound. */
	for (int c = 0x20; c < 0x7F; c++)
		assert_int_equal(keys_lookup(SCR_FORM, c), ACT_NONE);
}

static void the_hints_come_from_the_table(void **state)
{
	(void)state;
	char buf[512];
	keys_hints(SCR_CASES, buf, sizeof buf);
	assert_non_null(strstr(buf, "Enter open"));
	assert_non_null(strstr(buf, "q quit"));
	assert_non_null(strstr(buf, "? help"));
	assert_null(strstr(buf, "back"));
	keys_hints(SCR_JOURNEY, buf, sizeof buf);
	assert_non_null(strstr(buf, "q, Esc back"));
	assert_non_null(strstr(buf, "? help"));
	/* The screen's own keys come before the shared ones. */
	assert_true(strstr(buf, "q, Esc back") < strstr(buf, "? help"));
	/* A small buffer is cut at a whole hint, never mid-word, and always terminated. */
	char small[16];
	keys_hints(SCR_JOURNEY, small, sizeof small);
	assert_true(strlen(small) < sizeof small);
	assert_int_equal(strncmp(buf, small, strlen(small)), 0);
	assert_true(small[0] == '\0' || buf[strlen(small)] == ' ');
	/* The journey names the lanes and the presentation. */
	assert_non_null(strstr(buf, "v lanes"));
	assert_non_null(strstr(buf, "p present"));
	/* Narrow: whole hints left out, the help kept, the line within its columns. */
	char fit[512];
	for (int cols = 30; cols <= 200; cols += 10) {
		for (unsigned scr = 1; scr & SCR_ALL; scr <<= 1) {
			keys_hints_fit((enum tui_screen)scr, cols, fit, sizeof fit);
			assert_true(text_width(fit) <= cols);
			keys_hints((enum tui_screen)scr, buf, sizeof buf);
			if (strstr(buf, "? help"))
				assert_non_null(strstr(fit, "? help"));
			/* Each hint shown is whole, one of the whole line's. */
			for (const char *h = fit; *h;) {
				const char *end = strstr(h, "  ");
				size_t len = end ? (size_t)(end - h) : strlen(h);
				char one[128];
				snprintf(one, sizeof one, "%.*s", (int)len, h);
				assert_non_null(strstr(buf, one));
				h += len + (end ? 2 : 0);
			}
		}
	}
	keys_hints_fit(SCR_JOURNEY, 60, fit, sizeof fit);
	assert_non_null(strstr(fit, "v lanes"));
	assert_non_null(strstr(fit, "p present"));
	assert_non_null(strstr(fit, "? help"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_documented_key_is_in_the_man_page),
	    cmocka_unit_test(every_key_of_the_man_page_is_in_the_table),
	    cmocka_unit_test(every_key_reaches_its_action),
	    cmocka_unit_test(a_row_without_label_follows_one_it_shares),
	    cmocka_unit_test(the_screens_keys_do_what_the_man_page_says),
	    cmocka_unit_test(the_hints_come_from_the_table),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
