/* test_stamp.c - the second save after a conflict looks up the record's stamp in the file first.
 * A record another mellan deleted says so; a file another mellan holds locked says that instead,
 * and the form keeps everything typed, so the facilitator can try again rather than give up on
 * a record that is still there. */
#include "storeutil.h"

#include "tui/private.h"

#include <curses.h>

struct fixture {
	char path[512];
	struct store *s;
	m_id kase, step;
	char stamp[M_STAMP_LEN + 1];
};

static void setup(struct fixture *fx, const char *name)
{
	fx->s = su_fresh(name, fx->path, sizeof fx->path);
	fx->kase = su_case(fx->s, "Amir", 2004);
	fx->step = su_step(fx->s, fx->kase, "2016", "Flytt");
	struct m_journey j = {0};
	struct merr err = {0};
	if (store_journey_load(fx->s, fx->kase, &j, &err) != M_OK)
		fail_msg("journey: %s", err.msg);
	snprintf(fx->stamp, sizeof fx->stamp, "%s", j.steps[0].updated);
	m_journey_clear(&j);
}

static enum mstatus saved(struct form *f, struct merr *err)
{
	(void)f;
	(void)err;
	return M_OK;
}

/* A form editing the step, past its first conflict: the next Ctrl-S means "mine over theirs". */
static struct form *conflicted_form(struct app *a, struct fixture *fx)
{
	struct form *f = form_new(a, "step", saved, NULL, NULL);
	form_add_text(f, "Title", "Flytt till Rosengård", true);
	form_track(f, RK_STEP, fx->kase, fx->step, fx->stamp);
	f->conflicted = true;
	return f;
}

static void test_locked_file_is_not_a_deleted_record(void **state)
{
	(void)state;
	struct fixture fx;
	setup(&fx, "locked.db");
	store_close(&fx.s);
	/* Another program holds the file locked, so nobody may even read it until it lets go. A
	 * file in WAL mode never locks its readers out, so the file goes back to a rollback
	 * journal and this mellan reads it without changing that (read-only). */
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(fx.path, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL),
	                 SQLITE_OK);
	fx.s = su_open(fx.path, STORE_READONLY);
	struct app a = {.store = fx.s};
	struct form *f = conflicted_form(&a, &fx);
	assert_int_equal(sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);

	assert_int_equal(form_key(f, CTRL_KEY('s'), 0), FORM_CONTINUE);
	assert_null(strstr(f->message, "deleted"));
	assert_non_null(strstr(f->message, "another mellan is writing"));
	assert_true(f->conflicted); /* still the second save: the next Ctrl-S tries again */

	/* Once it lets go, the same Ctrl-S saves. */
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(form_key(f, CTRL_KEY('s'), 0), FORM_SAVED);
	form_free(&f);
	store_close(&fx.s);
}

/* The step deleted, or the whole case with it. */
static void deleted(bool whole_case)
{
	struct fixture fx;
	setup(&fx, whole_case ? "case.db" : "step.db");
	struct app a = {.store = fx.s};
	struct form *f = conflicted_form(&a, &fx);
	struct merr err = {0};
	if (whole_case)
		assert_int_equal(store_case_delete(fx.s, fx.kase, &err), M_OK);
	else
		assert_int_equal(store_step_delete(fx.s, fx.step, &err), M_OK);

	assert_int_equal(form_key(f, CTRL_KEY('s'), 0), FORM_CONTINUE);
	assert_non_null(strstr(f->message, "another mellan deleted it"));
	form_free(&f);
	store_close(&fx.s);
}

static void test_deleted_record_says_deleted(void **state)
{
	(void)state;
	deleted(false);
	deleted(true);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_locked_file_is_not_a_deleted_record),
	    cmocka_unit_test(test_deleted_record_says_deleted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
