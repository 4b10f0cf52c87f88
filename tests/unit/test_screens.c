/* test_screens.c - the screens as a stack, driven key by key through the app's own dispatch
 * (app_key) on the demo cases in a real file, without a terminal: each key opens the screen it
 * did before, q and Esc go back where they did, a form opens over the screen it came from and
 * the help describes the form or the screen under it. What is drawn is the end-to-end tests'. */
#include "storeutil.h"

#include "core/commands.h"
#include "core/store_workshop.h"
#include "tui/private.h"

#include <curses.h>

static struct store *store;
static struct app app;
static const struct tui_options plain = {0};

static int setup(void **state)
{
	(void)state;
	char path[512], dir[512];
	tu_path(path, sizeof path, "screens.db");
	unlink(path);
	struct merr err = {0};
	if (cmd_init(path, true, &err) != M_OK)
		fail_msg("init: %s", err.msg);
	/* The initials are known, so a form opens at once instead of asking for them first. */
	tu_path(dir, sizeof dir, "config");
	setenv("XDG_CONFIG_HOME", dir, 1);
	mkdir(dir, 0700);
	tu_path(dir, sizeof dir, "config/mellan");
	mkdir(dir, 0700);
	tu_path(dir, sizeof dir, "config/mellan/initials");
	tu_write(dir, "AB\n", 3);
	store = su_open(path, 0);
	app_init(&app, store, &plain);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	app_free(&app);
	store_close(&store);
	return 0;
}

/* One key as the main loop hands it, and the reload it asks for. */
static unsigned press(int key)
{
	uint32_t cp = key > 0 && key < 0x80 ? (uint32_t)key : 0;
	unsigned change = app_key(&app, key, cp);
	if (change & CH_RELOAD)
		app_reload(&app);
	return change;
}

static const struct screen_ops *top(void)
{
	return screen_top(&app)->ops;
}

static const char *title(void)
{
	static char buf[256];
	const struct screen *s = screen_top(&app);
	s->ops->title(&app, s, buf, sizeof buf);
	return buf;
}

static void test_back_goes_where_it_came_from(void **state)
{
	(void)state;
	assert_ptr_equal(top(), &screen_cases);
	assert_int_equal(app.screens.depth, 1);
	/* The gaps, a journey from there, and back to the gaps, then the cases. */
	press('g');
	assert_ptr_equal(top(), &screen_gaps);
	press(KEY_DOWN);
	press('\r');
	assert_ptr_equal(top(), &screen_journey);
	assert_true(app.journey_case != 0);
	press('q');
	assert_ptr_equal(top(), &screen_gaps);
	assert_int_equal(app.journey_case, 0);
	press(ESC_KEY);
	assert_ptr_equal(top(), &screen_cases);

	/* A journey, its catalogue and the names from there, and back one at a time. */
	press('\r');
	assert_ptr_equal(top(), &screen_journey);
	press('c');
	assert_ptr_equal(top(), &screen_catalogue);
	press('N');
	assert_ptr_equal(top(), &screen_names);
	press('q');
	assert_ptr_equal(top(), &screen_catalogue);
	press('q');
	assert_ptr_equal(top(), &screen_journey);

	/* The lanes share the step; the presentation goes back to the lanes it came from. */
	press(KEY_DOWN);
	press(KEY_DOWN);
	press('v');
	assert_ptr_equal(top(), &screen_lanes);
	assert_int_equal(app.step_sel, 2);
	press(KEY_RIGHT);
	press('p');
	assert_ptr_equal(top(), &screen_present);
	press(' ');
	assert_int_equal(app.step_sel, 4);
	press('q');
	assert_ptr_equal(top(), &screen_lanes);
	press('v');
	assert_ptr_equal(top(), &screen_journey);
	assert_int_equal(app.step_sel, 4);
	press('p');
	press(ESC_KEY);
	assert_ptr_equal(top(), &screen_journey);

	/* The help describes the screen under it, and any key goes back to it. */
	press('?');
	assert_ptr_equal(top(), &screen_help);
	assert_string_equal(title(), "Keys of the journey screen");
	press('x');
	assert_ptr_equal(top(), &screen_journey);
	press('q');
	assert_ptr_equal(top(), &screen_cases);
	assert_int_equal(app.screens.depth, 1);
	assert_int_equal(press('q'), CH_QUIT);
}

static void test_kept_states_come_back(void **state)
{
	(void)state;
	/* The gaps keep their state between visits; the conflicts start afresh each time. */
	press('g');
	struct screen *gaps = screen_top(&app);
	press('q');
	press('g');
	assert_ptr_equal(screen_top(&app), gaps);
	press('q');
	press('w');
	assert_ptr_equal(top(), &screen_workshop);
	assert_string_equal(title(), "Workshops");
	/* e reaches the workshops' own key (the editor's e of the other screens took it once). */
	press('e');
	assert_non_null(app.form);
	assert_string_equal(app.form->title, "Edit the workshop");
	press(ESC_KEY);
	assert_null(app.form);
	press('q');
	press('m');
	assert_ptr_equal(top(), &screen_conflicts);
	assert_string_equal(title(), "0 merge conflicts");
	press('q');
	assert_ptr_equal(top(), &screen_cases);
}

static void test_form_over_its_screen(void **state)
{
	(void)state;
	press('\r');
	press('a'); /* a new step */
	assert_non_null(app.form);
	assert_ptr_equal(top(), &screen_journey); /* the form is over it, not instead of it */
	press(KEY_F(1));
	assert_ptr_equal(top(), &screen_help);
	assert_string_equal(title(), "Keys of a form");
	press('x'); /* any other key: back to the form, and not typed into it */
	assert_ptr_equal(top(), &screen_journey);
	assert_non_null(app.form);
	assert_false(form_dirty(app.form));
	press(ESC_KEY);
	assert_null(app.form);
	assert_ptr_equal(top(), &screen_journey);

	/* e on a step with parts asks which; the choice opens that part's form once the chooser
	 * is closed. */
	press('e');
	assert_non_null(app.form);
	assert_string_equal(app.form->title, "Edit what?");
	press('\r');
	assert_non_null(app.form);
	assert_string_equal(app.form->title, "Edit the step");
	press(ESC_KEY);
	assert_null(app.form);
	press('q');
	assert_ptr_equal(top(), &screen_cases);
}

static void test_search_opens_the_journey_under_its_form(void **state)
{
	(void)state;
	press('/');
	assert_non_null(app.form);
	for (const char *p = "BUP"; *p; p++)
		press(*p);
	press('\r');
	assert_null(app.form);
	assert_ptr_equal(top(), &screen_journey);
	assert_true(app.journey_case != 0);
	press('q');
	assert_ptr_equal(top(), &screen_cases);
}

static void test_delete_asks_first(void **state)
{
	(void)state;
	press('d');
	assert_int_equal(app.del.kind, RK_CASE);
	assert_ptr_equal(top(), &screen_cases);
	press('n');
	assert_int_equal(app.del.kind, RK_NONE);
	assert_string_equal(app.message, "nothing was deleted");
	assert_string_equal(title(), "3 cases");
}

static void test_a_journey_deleted_elsewhere_closes(void **state)
{
	(void)state;
	press('\r');
	press('v');
	assert_ptr_equal(top(), &screen_lanes);
	struct merr err = {0};
	assert_int_equal(store_case_delete(store, app.journey_case, &err), M_OK);
	app_reload(&app);
	assert_int_equal(app.journey_case, 0);
	assert_ptr_equal(top(), &screen_cases);
	assert_int_equal(app.screens.depth, 1);
	assert_string_equal(title(), "2 cases");
}

/* The index of step id in the open journey. */
static size_t step_at(m_id id)
{
	for (size_t i = 0; i < app.journey.n_steps; i++)
		if (app.journey.steps[i].id == id)
			return i;
	fail_msg("step %lld is not in the journey", (long long)id);
	return 0;
}

static void test_blank_comes_back_at_any_key(void **state)
{
	(void)state;
	press('\r');
	press('p');
	assert_ptr_equal(top(), &screen_present);
	press('b');
	assert_true(present_blanked(&app));
	/* A key bound to nothing there, and one bound to something: each only shows the screen. */
	press('z');
	assert_false(present_blanked(&app));
	press('b');
	press(' ');
	assert_false(present_blanked(&app));
	assert_int_equal(app.step_sel, 0);
	press('b');
	press('q');
	assert_false(present_blanked(&app));
	assert_ptr_equal(top(), &screen_present);
	press('q');
	assert_ptr_equal(top(), &screen_journey);
}

/* The dots of gap g in today's workshop. */
static int dots_of(m_id gap)
{
	struct merr err = {0};
	struct m_gap_dots_list dots;
	m_id w = 0;
	assert_int_equal(store_workshop_today(store, false, &w, &err), M_OK);
	if (!w)
		return 0;
	assert_int_equal(store_case_dots(store, w, app.journey_case, &dots, &err), M_OK);
	int d = m_gap_dots_of(&dots, gap);
	m_gap_dots_list_clear(&dots);
	return d;
}

static void test_a_slip_of_dots_is_taken_back(void **state)
{
	(void)state;
	press('\r');
	const struct m_gap *g = &app.journey.gaps[0];
	m_id gap = g->id;
	app.step_sel = step_at(g->step_id);
	press('p');
	int before = dots_of(gap);
	press('2');
	press('3');
	assert_int_equal(dots_of(gap), before + 5);
	press('-');
	assert_int_equal(dots_of(gap), before + 2);
	assert_non_null(strstr(app.message, "took back 3 dots from"));
	press('q');
	/* u on the journey gives them back, and says what it gave back. */
	press('u');
	assert_int_equal(dots_of(gap), before + 5);
	assert_non_null(strstr(app.message, "undid: 3 dots on gap '"));
	assert_non_null(strstr(app.message, "' taken back"));
	press('u');
	assert_int_equal(dots_of(gap), before + 2);
	assert_non_null(strstr(app.message, "undid: 3 dots on gap '"));
	press('u');
	assert_non_null(strstr(app.message, "undid: 2 dots on gap '"));
	assert_null(strstr(app.message, "a change"));
}

/* The first case's journey, on its third step; that step's id. */
static m_id to_third_step(void)
{
	press('\r');
	press(KEY_DOWN);
	press(KEY_DOWN);
	return app.journey.steps[2].id;
}

static void test_undo_selects_the_step_it_brings_back(void **state)
{
	(void)state;
	m_id id = to_third_step();
	press('d');
	if (app.form) /* the step has parts: the step itself is the first choice */
		press('\r');
	assert_int_equal(app.del.kind, RK_STEP);
	press('y');
	assert_int_not_equal(app.journey.steps[app.step_sel].id, id);
	press('u');
	assert_int_equal(app.journey.steps[app.step_sel].id, id);
	assert_non_null(strstr(app.message, "undid: step '"));
}

static void test_forms_say_what_enter_does(void **state)
{
	(void)state;
	char bottom[512];
	press('/');
	form_bottom(app.form, bottom, sizeof bottom);
	assert_non_null(strstr(bottom, "Enter search"));
	assert_null(strstr(bottom, "Ctrl-S"));
	press(ESC_KEY);
	press('\r');
	press('d');
	assert_non_null(app.form);
	assert_string_equal(app.form->title, "Delete what?");
	form_bottom(app.form, bottom, sizeof bottom);
	assert_non_null(strstr(bottom, "Enter delete it"));
	assert_null(strstr(bottom, "Ctrl-S"));
	press(ESC_KEY);
	assert_null(app.form);
}

static void test_a_picker_keeps_what_was_typed(void **state)
{
	(void)state;
	m_id here = to_third_step();
	press('i');
	assert_non_null(app.form);
	/* The steps a span can last until begin at its own. */
	size_t until = 0;
	for (size_t i = 0; i < app.form->n; i++)
		if (strcmp(app.form->fields[i].label, "Until step") == 0)
			until = i;
	assert_int_equal(app.form->fields[until].items.items[0].value, here);
	assert_int_equal(app.form->fields[until].items.n, app.journey.n_steps - 2);
	/* Letters that match no actor are not dropped on a save: the form stays and says so. */
	for (const char *p = "zzq"; *p; p++)
		press(*p);
	press(19); /* Ctrl-S */
	assert_non_null(app.form);
	assert_non_null(strstr(app.form->fields[0].error, "nothing matches 'zzq'"));
	press(ESC_KEY); /* the filter */
	press(ESC_KEY); /* the form, nothing chosen */
	assert_null(app.form);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_back_goes_where_it_came_from, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_kept_states_come_back, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_form_over_its_screen, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search_opens_the_journey_under_its_form, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_delete_asks_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_a_journey_deleted_elsewhere_closes, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_blank_comes_back_at_any_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_a_slip_of_dots_is_taken_back, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_undo_selects_the_step_it_brings_back, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_forms_say_what_enter_does, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_a_picker_keeps_what_was_typed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
