/* test_textedit.c - editing a form field as a facilitator types: å ä ö and wide characters move
 * and delete as one character, words as readline knows them, pastes of any size with their
 * newlines and escape sequences made harmless, and nothing raw stored. */
#include "testutil.h"

#include "core/text.h"
#include "tui/textedit.h"

static void type(struct textedit *t, const char *s)
{
	/* One code point at a time, as get_wch delivers them. */
	size_t i = 0, n = strlen(s);
	while (i < n) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		te_insert_cp(t, cp);
	}
}

static void swedish_letters_are_single_characters(void **state)
{
	(void)state;
	struct textedit t;
	te_init(&t, false);
	type(&t, "Malmö på väg");
	assert_string_equal(te_text(&t), "Malmö på väg");
	assert_true(t.changed);
	te_left(&t);
	te_backspace(&t); /* takes the ä, both of its bytes */
	assert_string_equal(te_text(&t), "Malmö på vg");
	type(&t, "ä");
	assert_string_equal(te_text(&t), "Malmö på väg");
	te_home(&t);
	for (int i = 0; i < 5; i++)
		te_right(&t);
	te_delete(&t); /* the space after ö */
	assert_string_equal(te_text(&t), "Malmöpå väg");
	assert_true(text_valid_utf8(te_text(&t), t.len));
	te_clear(&t);
}

static void wide_and_combined_characters_move_as_one(void **state)
{
	(void)state;
	struct textedit t;
	te_init(&t, false);
	/* "e" + COMBINING ACUTE, then a two-column CJK character, then an emoji. */
	te_set(&t, "ae\xcc\x81"
	           "x\xe6\x97\xa5\xf0\x9f\x98\x80");
	assert_false(t.changed);
	assert_int_equal(t.cur, t.len);
	te_left(&t);
	assert_int_equal(t.len - t.cur, 4);
	te_left(&t);
	te_left(&t);
	te_left(&t); /* over the accented e as a whole */
	assert_int_equal(t.cur, 1);
	te_right(&t);
	assert_int_equal(t.cur, 4);
	assert_int_equal(te_width(te_text(&t), t.len), 1 + 1 + 1 + 2 + 2);
	te_clear(&t);
}

static void words_move_and_die_as_in_readline(void **state)
{
	(void)state;
	struct textedit t;
	te_init(&t, false);
	type(&t, "Flyttar till Rosengård, igen");
	te_word_left(&t);
	assert_string_equal(te_text(&t) + t.cur, "igen");
	te_word_left(&t);
	assert_string_equal(te_text(&t) + t.cur, "Rosengård, igen");
	te_word_right(&t);
	assert_string_equal(te_text(&t) + t.cur, ", igen");
	te_end(&t);
	te_kill_word(&t);
	assert_string_equal(te_text(&t), "Flyttar till Rosengård, ");
	te_kill_word(&t);
	assert_string_equal(te_text(&t), "Flyttar till ");
	te_word_left(&t);
	te_kill_line(&t);
	assert_string_equal(te_text(&t), "till ");
	assert_int_equal(t.cur, 0);
	te_clear(&t);
}

static void a_paste_is_filtered_once(void **state)
{
	(void)state;
	struct textedit one, multi;
	te_init(&one, false);
	te_init(&multi, true);
	const char paste[] = "rad ett\r\nrad\ttvå\x1b[2J\x1b]0;pwned\x07 slut\x01\x7f\nåäö";
	te_insert(&one, paste, sizeof paste - 1);
	te_insert(&multi, paste, sizeof paste - 1);
	assert_string_equal(te_text(&one), "rad ett rad två slut åäö");
	assert_string_equal(te_text(&multi), "rad ett\nrad två slut\nåäö");
	/* Broken UTF-8 is kept visible as a replacement, never as the broken bytes. */
	te_set(&one, "a\xff"
	             "b");
	assert_string_equal(te_text(&one), "a\xef\xbf\xbd"
	                                   "b");
	/* A typed control character or Enter in a single-line field is not stored. */
	te_set(&one, "");
	te_insert_cp(&one, 27);
	te_insert_cp(&one, '\n');
	te_insert_cp(&one, 0x85);
	assert_string_equal(te_text(&one), "");
	assert_false(one.changed);
	te_insert_cp(&multi, '\n');
	assert_int_equal(te_text(&multi)[multi.cur - 1], '\n');
	te_clear(&one);
	te_clear(&multi);
}

static void a_huge_paste_lands_whole_in_the_middle(void **state)
{
	(void)state;
	struct textedit t;
	te_init(&t, false);
	type(&t, "[]");
	te_left(&t);
	size_t n = 4 * 1024 * 1024;
	char *big = malloc(n);
	assert_non_null(big);
	for (size_t i = 0; i < n; i += 2)
		memcpy(big + i, "ö", 2);
	te_insert(&t, big, n);
	assert_int_equal(t.len, n + 2);
	assert_int_equal(t.cur, n + 1);
	assert_int_equal(te_text(&t)[t.len - 1], ']');
	assert_true(text_valid_utf8(te_text(&t), t.len));
	free(big);
	te_clear(&t);
}

static void lines_up_and_down_keep_the_column(void **state)
{
	(void)state;
	struct textedit t;
	te_init(&t, true);
	type(&t, "första raden\nkort\nåttonde");
	te_home(&t);
	assert_string_equal(te_text(&t) + t.cur, "åttonde");
	te_right(&t);
	te_right(&t);
	assert_true(te_up(&t, 40));
	assert_string_equal(te_text(&t) + t.cur, "rt\nåttonde");
	assert_true(te_up(&t, 40));
	assert_string_equal(te_text(&t) + t.cur, "rsta raden\nkort\nåttonde");
	assert_false(te_up(&t, 40));
	te_end(&t);
	assert_true(te_down(&t, 40)); /* a shorter line: to its end */
	assert_string_equal(te_text(&t) + t.cur, "\nåttonde");
	assert_true(te_down(&t, 40));
	assert_false(te_down(&t, 40));
	/* Wrapped at 8 columns, the paragraph is two lines. */
	te_set(&t, "abc def ghi");
	te_home(&t);
	assert_true(te_down(&t, 8));
	assert_string_equal(te_text(&t) + t.cur, "ghi");
	te_clear(&t);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(swedish_letters_are_single_characters),
	    cmocka_unit_test(wide_and_combined_characters_move_as_one),
	    cmocka_unit_test(words_move_and_die_as_in_readline),
	    cmocka_unit_test(a_paste_is_filtered_once),
	    cmocka_unit_test(a_huge_paste_lands_whole_in_the_middle),
	    cmocka_unit_test(lines_up_and_down_keep_the_column),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
