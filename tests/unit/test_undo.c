/* test_undo.c - undo and redo as a facilitator relies on them: an edit undone and redone, a
 * deleted case coming back whole (same uuids, same values, its steps and everything else), undo
 * after closing and reopening the file, a new edit clearing what could be redone, each editor's
 * own changes, undo and redo recorded in the history, and a refusal (MR_CONFLICT, nothing done)
 * when another mellan changed the same rows since. Real files in a temporary directory; SQLite
 * is used directly only to look at the history. */
#include "storeutil.h"

#include "core/store_edit.h"
#include "core/store_read.h"
#include "core/store_workshop.h"

static void undo_ok(struct store *s, const char *expect)
{
	char what[200];
	struct merr err = {0};
	if (store_undo(s, what, sizeof what, &err) != M_OK)
		fail_msg("undo: %s", err.msg);
	if (expect && strcmp(what, expect) != 0)
		fail_msg("undo said '%s', expected '%s'", what, expect);
}

static void redo_ok(struct store *s, const char *expect)
{
	char what[200];
	struct merr err = {0};
	if (store_redo(s, what, sizeof what, &err) != M_OK)
		fail_msg("redo: %s", err.msg);
	if (expect && strcmp(what, expect) != 0)
		fail_msg("redo said '%s', expected '%s'", what, expect);
}

static char *title_of(struct store *s, m_id case_id, m_id step_id)
{
	struct m_journey j = {0};
	su_load(s, case_id, &j);
	char *t = NULL;
	for (size_t i = 0; i < j.n_steps; i++)
		if (j.steps[i].id == step_id)
			t = strdup(j.steps[i].title);
	m_journey_clear(&j);
	return t;
}

/* Everything of a journey that must come back exactly, as one text. */
static char *journey_text(struct store *s, m_id case_id)
{
	struct m_journey j = {0};
	su_load(s, case_id, &j);
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	fprintf(f, "case %lld %s %s %d %s\n", (long long)j.kase.id, j.kase.uuid, j.kase.code,
	        j.kase.birth_year, j.kase.summary ? j.kase.summary : "-");
	for (size_t i = 0; i < j.n_steps; i++) {
		const struct m_step *st = &j.steps[i];
		fprintf(f, "step %lld %s %s %s %d %s %s\n", (long long)st->id, st->uuid,
		        st->time ? st->time : "-", st->sort_from ? st->sort_from : "-", st->seq,
		        st->title, st->voice ? st->voice : "-");
		for (size_t k = 0; k < st->n_factors; k++)
			fprintf(f, " factor %s %s\n", st->factors[k].uuid, st->factors[k].text);
	}
	for (size_t i = 0; i < j.n_interventions; i++)
		fprintf(f, "iv %lld %s %lld %s\n", (long long)j.interventions[i].id,
		        j.interventions[i].uuid, (long long)j.interventions[i].step_from,
		        j.interventions[i].what ? j.interventions[i].what : "-");
	for (size_t i = 0; i < j.n_handovers; i++)
		fprintf(f, "ho %s %lld %lld\n", j.handovers[i].uuid,
		        (long long)j.handovers[i].step_id, (long long)j.handovers[i].to_actor);
	for (size_t i = 0; i < j.n_gaps; i++) {
		fprintf(f, "gap %s %lld %s\n", j.gaps[i].uuid, (long long)j.gaps[i].step_id,
		        j.gaps[i].what_happened ? j.gaps[i].what_happened : "-");
		for (size_t k = 0; k < j.gaps[i].n_actors; k++)
			fprintf(f, " actor %lld\n", (long long)j.gaps[i].actors[k].actor_id);
		for (size_t k = 0; k < j.gaps[i].n_actions; k++)
			fprintf(f, " action %s %s\n", j.gaps[i].actions[k].uuid,
			        j.gaps[i].actions[k].what);
	}
	fclose(f);
	m_journey_clear(&j);
	return buf;
}

/* Edit, undo, redo, and the words for the message line. */
static void test_edit_undo_redo(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "edit.mellan");
	struct store *s = su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
	store_set_editor(s, "ÅL");
	m_id c = su_case(s, "Amir", 2001);
	m_id st1 = su_step(s, c, "2015-HT", "Börjar gymnasiet");
	struct m_journey j = {0};
	su_load(s, c, &j);
	su_set(&j.steps[0].title, "Flyttar till Rosengård");
	struct merr err = {0};
	assert_int_equal(store_step_update(s, &j.steps[0], &err), M_OK);

	undo_ok(s, "undid: step 'Flyttar till Rosengård' edited");
	char *t = title_of(s, c, st1);
	assert_string_equal(t, "Börjar gymnasiet");
	free(t);
	redo_ok(s, "redid: step 'Flyttar till Rosengård' edited");
	t = title_of(s, c, st1);
	assert_string_equal(t, "Flyttar till Rosengård");
	free(t);
	/* Back through the adds too, to nothing; then nothing more to undo. */
	undo_ok(s, NULL);
	undo_ok(s, "undid: step 'Börjar gymnasiet' added");
	undo_ok(s, "undid: case 'Amir' added");
	char what[100] = "x";
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_string_equal(what, "");
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 0);
	m_case_list_clear(&l);
	/* And forward again, to the edited title, with the same identities. */
	redo_ok(s, "redid: case 'Amir' added");
	redo_ok(s, NULL);
	redo_ok(s, NULL);
	assert_int_equal(store_redo(s, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	struct m_journey k = {0};
	su_load(s, c, &k);
	assert_string_equal(k.kase.uuid, j.kase.uuid);
	assert_string_equal(k.steps[0].uuid, j.steps[0].uuid);
	assert_string_equal(k.steps[0].title, "Flyttar till Rosengård");
	/* The stale record from before the undo is refused, not written over the redo. */
	memcpy(j.steps[0].updated, "2001-01-01T00:00:00.000Z", M_STAMP_LEN + 1);
	assert_int_equal(store_step_update(s, &j.steps[0], &err), M_FINDINGS);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
	/* Undo and redo are in the history, with who did them. */
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM change WHERE kind = 'undo' AND "
	                                  "editor = 'ÅL'"),
	                 4);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM change WHERE kind = 'redo'"), 4);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM history h JOIN change c ON h.id "
	                                  "BETWEEN c.first_history AND c.last_history WHERE "
	                                  "c.kind = 'undo' AND h.editor = 'ÅL'"),
	                 4);
}

/* A deleted case comes back whole: its steps, factors, interventions, hand-overs and gaps,
 * with their ids and uuids, and the hand-over whose step was unset gets it back. */
static void test_deleted_case_comes_back_whole(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "whole.mellan");
	struct store *s = su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
	store_set_editor(s, "MK");
	m_id c = su_case(s, "Noor", 2003);
	m_id st1 = su_step(s, c, "2017", "Skolbyte");
	m_id st2 = su_step(s, c, "AGE16", "Flytt till Malmö");
	struct merr err = {0};
	struct m_actor a = {.name = strdup("BUP"), .sector = SECTOR_REGION};
	struct m_actor b = {.name = strdup("Skolan"), .sector = SECTOR_MUNICIPALITY};
	assert_int_equal(store_actor_add(s, &a, &err), M_OK);
	assert_int_equal(store_actor_add(s, &b, &err), M_OK);
	struct m_category cat = {.code = strdup("no-one"), .name = strdup("Ingen äger frågan")};
	assert_int_equal(store_category_add(s, &cat, &err), M_OK);
	struct m_factor f = {.step_id = st1, .kind = FACTOR_RISK, .text = strdup("Ensam")};
	assert_int_equal(store_factor_add(s, &f, &err), M_OK);
	struct m_intervention iv = {
	    .case_id = c, .actor_id = a.id, .step_from = st1, .what = strdup("Samtal")};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	struct m_handover h = {.case_id = c, .step_id = st2, .from_actor = b.id, .to_actor = a.id};
	assert_int_equal(store_handover_add(s, &h, &err), M_OK);
	struct m_gap g = {.case_id = c, .step_id = st1, .category_id = cat.id, .severity = 3};
	g.what_happened = strdup("Ingen hörde av sig");
	g.n_actors = 1;
	g.actors = calloc(1, sizeof *g.actors);
	g.actors[0].actor_id = a.id;
	g.n_actions = 1;
	g.actions = calloc(1, sizeof *g.actions);
	g.actions[0].what = strdup("Kvittens på remisser");
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);
	char *before = journey_text(s, c);

	/* A step alone first: its factor, intervention and gap go, the hand-over loses it. */
	assert_int_equal(store_step_delete(s, st2, &err), M_OK);
	assert_int_equal(store_step_delete(s, st1, &err), M_OK);
	undo_ok(s, "undid: step 'Skolbyte' deleted");
	undo_ok(s, "undid: step 'Flytt till Malmö' deleted");
	char *after = journey_text(s, c);
	assert_string_equal(after, before);
	free(after);

	assert_int_equal(store_case_delete(s, c, &err), M_OK);
	store_close(&s);
	/* After a restart, as the next morning. */
	s = su_open(path, 0);
	store_set_editor(s, "MK");
	undo_ok(s, "undid: case 'Noor' deleted");
	after = journey_text(s, c);
	assert_string_equal(after, before);
	free(after);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	/* And deleted again by redo. */
	redo_ok(s, "redid: case 'Noor' deleted");
	struct m_journey j = {0};
	assert_int_equal(store_journey_load(s, c, &j, &err), M_USAGE);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	undo_ok(s, NULL);
	after = journey_text(s, c);
	assert_string_equal(after, before);
	free(after);
	free(before);
	m_actor_clear(&a);
	m_actor_clear(&b);
	m_category_clear(&cat);
	m_factor_clear(&f);
	m_intervention_clear(&iv);
	m_handover_clear(&h);
	m_gap_clear(&g);
	store_close(&s);
}

/* Undo survives closing the file; a new edit clears redo; each editor undoes their own. */
static void test_reopen_and_new_change_clears_redo(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "reopen.mellan");
	struct store *s = su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
	store_set_editor(s, "AB");
	m_id c = su_case(s, "Sam", 2000);
	m_id st1 = su_step(s, c, "2016", "Ett");
	m_id st2 = su_step(s, c, "2017", "Två");
	store_close(&s);

	s = su_open(path, 0);
	store_set_editor(s, "AB");
	undo_ok(s, "undid: step 'Två' added");
	store_close(&s);

	s = su_open(path, 0);
	store_set_editor(s, "AB");
	char *t = title_of(s, c, st2);
	assert_null(t);
	undo_ok(s, "undid: step 'Ett' added");
	redo_ok(s, "redid: step 'Ett' added");
	/* A new edit: 'Två' can no longer come back by redo. */
	struct m_journey j = {0};
	su_load(s, c, &j);
	su_set(&j.steps[0].title, "Ett, ändrat");
	struct merr err = {0};
	assert_int_equal(store_step_update(s, &j.steps[0], &err), M_OK);
	m_journey_clear(&j);
	char what[100];
	assert_int_equal(store_redo(s, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);

	/* Another editor's undo does not reach AB's edits. */
	store_set_editor(s, "CD");
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	store_set_editor(s, "AB");
	undo_ok(s, "undid: step 'Ett, ändrat' edited");
	t = title_of(s, c, st1);
	assert_string_equal(t, "Ett");
	free(t);
	store_close(&s);
}

/* Another mellan changed the row since: undo and redo refuse and change nothing. */
static void test_conflict_with_another_mellan(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "conflict.mellan");
	struct store *a = su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
	struct store *b = su_open(path, 0);
	store_set_editor(a, "AA");
	store_set_editor(b, "BB");
	m_id c = su_case(a, "Kim", 2002);
	m_id st1 = su_step(a, c, "2019", "Praktik");
	struct m_journey j = {0};
	su_load(a, c, &j);
	su_set(&j.steps[0].title, "Praktik på verkstad");
	struct merr err = {0};
	assert_int_equal(store_step_update(a, &j.steps[0], &err), M_OK);
	m_journey_clear(&j);

	/* b changes the same step; a's undo would throw that away. */
	su_load(b, c, &j);
	su_set(&j.steps[0].narrative, "Handledaren slutade.");
	assert_int_equal(store_step_update(b, &j.steps[0], &err), M_OK);
	m_journey_clear(&j);
	char what[200] = "x";
	assert_int_equal(store_undo(a, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	assert_non_null(strstr(err.msg, "Praktik på verkstad"));
	su_load(a, c, &j);
	assert_string_equal(j.steps[0].title, "Praktik på verkstad");
	assert_string_equal(j.steps[0].narrative, "Handledaren slutade.");
	m_journey_clear(&j);

	/* b undoes its own edit; then a's undo is possible again. */
	undo_ok(b, "undid: step 'Praktik på verkstad' edited");
	undo_ok(a, "undid: step 'Praktik på verkstad' edited");
	char *t = title_of(b, c, st1);
	assert_string_equal(t, "Praktik");
	free(t);

	/* A step b adds to a's case: undoing the case's adding would take b's step along. */
	undo_ok(a, "undid: step 'Praktik' added");
	su_step(b, c, NULL, "Bs steg");
	assert_int_equal(store_undo(a, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(a, &l, &err), M_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].n_steps, 1);
	m_case_list_clear(&l);

	/* b's step took the place (the row id) of a's undone step: a's redo is refused and
	 * b's step stays; once b deletes it, a's step can come back, also into a case b renamed. */
	assert_int_equal(store_redo(a, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	struct m_journey jb = {0};
	su_load(a, c, &jb);
	assert_int_equal(jb.n_steps, 1);
	assert_string_equal(jb.steps[0].title, "Bs steg");
	assert_int_equal(store_step_delete(b, jb.steps[0].id, &err), M_OK);
	m_journey_clear(&jb);
	struct m_case kc = {0};
	assert_int_equal(store_case_find(b, "Kim", &kc, &err), M_OK);
	su_set(&kc.code, "Kim B");
	assert_int_equal(store_case_update(b, &kc, &err), M_OK);
	m_case_clear(&kc);
	redo_ok(a, "redid: step 'Praktik' added");
	su_load(a, c, &jb);
	assert_string_equal(jb.kase.code, "Kim B");
	assert_int_equal(jb.n_steps, 1);
	assert_string_equal(jb.steps[0].title, "Praktik");
	m_journey_clear(&jb);
	assert_int_equal(store_check_integrity(a, &err), M_OK);
	store_close(&a);
	store_close(&b);
}

/* An edit inside one caller transaction is one change: one undo takes it all back. */
static void test_one_transaction_one_change(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "tx.mellan");
	struct store *s = su_open(path, STORE_CREATE | STORE_EXCLUSIVE);
	m_id c = su_case(s, "Lo", 2001);
	struct merr err = {0};
	assert_int_equal(store_begin(s, &err), M_OK);
	su_step(s, c, "2015", "Ett");
	su_step(s, c, "2016", "Två");
	su_step(s, c, "2017", "Tre");
	assert_int_equal(store_commit(s, &err), M_OK);
	undo_ok(s, NULL);
	struct m_journey j = {0};
	su_load(s, c, &j);
	assert_int_equal(j.n_steps, 0);
	m_journey_clear(&j);
	redo_ok(s, NULL);
	su_load(s, c, &j);
	assert_int_equal(j.n_steps, 3);
	m_journey_clear(&j);
	store_close(&s);
}

/* The workshop log is append-only: a note is never undone, and the workshop it belongs to is
 * kept, with a line that says why; what came before is still undone. */
static void test_workshop_log_is_kept(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("log.mellan", path, sizeof path);
	m_id c = su_case(s, "Vera", 2004);
	struct merr err = {0};
	struct m_workshop w = {.date = strdup("2026-11-23"), .place = strdup("Malmö")};
	assert_int_equal(store_workshop_add(s, &w, &err), M_OK);
	assert_int_equal(
	    store_workshop_log_add(s, w.id, "decision", "Skolan och soc ses varje månad", &err),
	    M_OK);
	char what[200] = "";
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	assert_non_null(strstr(err.msg, "workshop '2026-11-23'"));
	assert_non_null(strstr(err.msg, "depend"));
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM workshop_log"), 1);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM workshop"), 1);
	/* An edit after the note is undone past it. */
	struct m_journey j = {0};
	su_load(s, c, &j);
	su_set(&j.kase.summary, "Sammanfattning");
	assert_int_equal(store_case_update(s, &j.kase, &err), M_OK);
	m_journey_clear(&j);
	undo_ok(s, "undid: case 'Vera' edited");
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM workshop_log"), 1);
	m_workshop_clear(&w);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_edit_undo_redo),
	    cmocka_unit_test(test_deleted_case_comes_back_whole),
	    cmocka_unit_test(test_reopen_and_new_change_clears_redo),
	    cmocka_unit_test(test_conflict_with_another_mellan),
	    cmocka_unit_test(test_one_transaction_one_change),
	    cmocka_unit_test(test_workshop_log_is_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
