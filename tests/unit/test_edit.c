/* test_edit.c - editing what is kept: updates land and come back, a stale record is refused
 * (MR_CONFLICT) without writing, also between two connections on one file racing, a row that is
 * gone gives MR_NOT_FOUND, the values an add refuses are refused by an update, sort keys follow
 * the time and the birth year, a gap's actors and actions are replaced, deletes take along what
 * belongs to the record, a catalogue entry in use is kept, and steps move in the facilitator's
 * order. Real files in a temporary directory;
 * SQLite is used directly only to count history rows. */
#include "storeutil.h"

#include "core/store_edit.h"
#include "core/store_read.h"

#include <sys/wait.h>

static struct m_step *step_of(struct m_journey *j, m_id id)
{
	for (size_t i = 0; i < j->n_steps; i++)
		if (j->steps[i].id == id)
			return &j->steps[i];
	fail_msg("no step %lld", (long long)id);
	return NULL;
}

/* History rows, looked at directly in the file: what is committed. */
static int history_rows(const char *path, const char *tbl, const char *op)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM history WHERE tbl = '%s' AND op = '%s'",
	         tbl, op);
	return (int)su_raw_int(path, sql);
}

/* An edit lands, comes back on reload, and the record gets the row's new stamp. */
static void test_update_round_trip(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("round.mellan", path, sizeof path);
	store_set_editor(s, "ÅÖ");
	m_id c = su_case(s, "Amir", 2001);
	m_id st1 = su_step(s, c, "2015-HT", "Börjar gymnasiet");
	struct m_journey j = {0};
	su_load(s, c, &j);
	struct m_step *a = step_of(&j, st1);
	assert_int_equal(strlen(a->updated), M_STAMP_LEN);
	char before[M_STAMP_LEN + 1];
	memcpy(before, a->updated, sizeof before);

	su_set(&a->title, "Flyttar till Rosengård");
	su_set(&a->time, "AGE16");
	su_set(&a->voice, "”Jag kände ingen där”");
	a->domain = DOMAIN_HOUSING;
	struct merr err = {0};
	assert_int_equal(store_step_update(s, a, &err), M_OK);
	assert_string_not_equal(a->updated, before);
	assert_string_equal(a->sort_from, "2017-01-01"); /* 16 years with birth year 2001 */

	struct m_journey k = {0};
	su_load(s, c, &k);
	struct m_step *b = step_of(&k, st1);
	assert_string_equal(b->title, "Flyttar till Rosengård");
	assert_string_equal(b->voice, "”Jag kände ingen där”");
	assert_string_equal(b->time, "AGE16");
	assert_int_equal(b->domain, DOMAIN_HOUSING);
	assert_string_equal(b->updated, a->updated);
	assert_string_equal(b->sort_from, a->sort_from);
	/* A second save straight away with the fresh stamp lands too, and moves the stamp on. */
	su_set(&a->narrative, "Familjen får en lägenhet.");
	assert_int_equal(store_step_update(s, a, &err), M_OK);
	assert_true(strcmp(a->updated, b->updated) > 0);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
	assert_int_equal(history_rows(path, "step", "update"), 2);
}

/* A record read before another save is stale: nothing is written and the caller keeps it. */
static void test_stale_record_conflicts(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("stale.mellan", path, sizeof path);
	m_id c = su_case(s, "Noor", 2003);
	m_id st1 = su_step(s, c, "2018", "Skolbyte");
	struct m_journey j = {0}, k = {0};
	su_load(s, c, &j);
	su_load(s, c, &k);
	struct merr err = {0};
	su_set(&step_of(&j, st1)->title, "Skolbyte till Malmö");
	assert_int_equal(store_step_update(s, step_of(&j, st1), &err), M_OK);

	struct m_step *old = step_of(&k, st1);
	char stamp[M_STAMP_LEN + 1];
	memcpy(stamp, old->updated, sizeof stamp);
	su_set(&old->title, "Skolbyte till Lund");
	assert_int_equal(store_step_update(s, old, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	assert_non_null(strstr(err.msg, path));
	assert_null(strchr(err.msg, '\n'));
	/* The edit is still the caller's, with its old stamp, to try again. */
	assert_string_equal(old->title, "Skolbyte till Lund");
	assert_string_equal(old->updated, stamp);

	struct m_journey now = {0};
	su_load(s, c, &now);
	assert_string_equal(step_of(&now, st1)->title, "Skolbyte till Malmö");
	m_journey_clear(&now);

	/* The case, likewise, and a row deleted since is not found. */
	struct m_case kc = {0};
	assert_int_equal(store_case_find(s, "Noor", &kc, &err), M_OK);
	struct m_case kc2 = {0};
	assert_int_equal(store_case_find(s, "Noor", &kc2, &err), M_OK);
	su_set(&kc.summary, "Sammanfattning");
	assert_int_equal(store_case_update(s, &kc, &err), M_OK);
	assert_int_equal(store_case_update(s, &kc2, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);

	assert_int_equal(store_step_delete(s, st1, &err), M_OK);
	assert_int_equal(store_step_update(s, step_of(&j, st1), &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(store_step_delete(s, st1, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	m_case_clear(&kc);
	m_case_clear(&kc2);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
}

/* Two mellans on one file save the same step: the first wins, the second is told and loses
 * nothing; after reloading it can save on top. */
static void test_two_connections_race(void **state)
{
	(void)state;
	char path[512];
	struct store *a = su_fresh("race.mellan", path, sizeof path);
	struct store *b = su_open(path, 0);
	store_set_editor(a, "AA");
	store_set_editor(b, "BB");
	m_id c = su_case(a, "Sam", 2000);
	m_id st1 = su_step(a, c, "2016-05", "Utredning inleds");
	struct m_journey ja = {0}, jb = {0};
	su_load(a, c, &ja);
	su_load(b, c, &jb);
	struct merr err = {0};
	su_set(&step_of(&ja, st1)->narrative, "Skolan gör en orosanmälan.");
	su_set(&step_of(&jb, st1)->narrative, "Mamma söker hjälp på BUP.");
	assert_int_equal(store_step_update(a, step_of(&ja, st1), &err), M_OK);
	assert_true(store_changed_elsewhere(b));
	assert_int_equal(store_step_update(b, step_of(&jb, st1), &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	assert_string_equal(step_of(&jb, st1)->narrative, "Mamma söker hjälp på BUP.");

	/* b reloads, keeps its text and saves over a's: both were told, nothing half-written. */
	struct m_journey fresh_b = {0};
	su_load(b, c, &fresh_b);
	assert_string_equal(step_of(&fresh_b, st1)->narrative, "Skolan gör en orosanmälan.");
	su_set(&step_of(&fresh_b, st1)->narrative, "Mamma söker hjälp på BUP.");
	assert_int_equal(store_step_update(b, step_of(&fresh_b, st1), &err), M_OK);
	struct m_journey final = {0};
	su_load(a, c, &final);
	assert_string_equal(step_of(&final, st1)->narrative, "Mamma söker hjälp på BUP.");
	assert_int_equal(store_check_integrity(a, &err), M_OK);
	m_journey_clear(&ja);
	m_journey_clear(&jb);
	m_journey_clear(&fresh_b);
	m_journey_clear(&final);
	store_close(&a);
	store_close(&b);
	assert_int_equal(history_rows(path, "step", "update"), 2);
}

/* Two processes saving the same step as fast as they can, each from what it last read: every
 * save either lands or is told it lost, none is half-written, and the history holds exactly the
 * saves that landed. */
static int racer(const char *path, m_id c, const char *who, int rounds, int *lost)
{
	struct store *s = su_open(path, 0);
	store_set_editor(s, who);
	int won = 0;
	*lost = 0;
	for (int i = 0; i < rounds; i++) {
		struct m_journey j = {0};
		su_load(s, c, &j);
		/* The text names the stamp it was read with; a moment passes, as over a form. */
		char text[80];
		snprintf(text, sizeof text, "%s %d read %s", who, i, j.steps[0].updated);
		su_set(&j.steps[0].narrative, text);
		usleep(1000);
		struct merr err = {0};
		enum mstatus st = store_step_update(s, &j.steps[0], &err);
		if (st == M_OK)
			won++;
		else if (err.reason == MR_CONFLICT)
			(*lost)++;
		else
			fail_msg("%s: %s", who, err.msg);
		m_journey_clear(&j);
	}
	store_close(&s);
	return won;
}

static void test_two_processes_race(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("race2.mellan", path, sizeof path);
	m_id c = su_case(s, "Ebba", 2001);
	su_step(s, c, "2016", "Samma steg");
	store_close(&s);
	enum { ROUNDS = 40 };
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		int lost = 0, won = racer(path, c, "BB", ROUNDS, &lost);
		int out[2] = {won, lost};
		if (write(fds[1], out, sizeof out) != (ssize_t)sizeof out)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	int lost = 0, won = racer(path, c, "AA", ROUNDS, &lost);
	int other[2] = {0, 0};
	assert_int_equal(read(fds[0], other, sizeof other), (ssize_t)sizeof other);
	close(fds[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(won + lost, ROUNDS);
	assert_int_equal(other[0] + other[1], ROUNDS);
	assert_int_equal(history_rows(path, "step", "update"), won + other[0]);
	/* Every save that landed was made from the row as it was: the stamp its text names is the
	 * one the row had just before. And the race was real: someone lost at least once. */
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM history WHERE tbl = 'step' AND "
	                                  "op = 'update' AND substr(json_extract(new, "
	                                  "'$.narrative'), instr(json_extract(new, '$.narrative'), "
	                                  "' read ') + 6) IS NOT json_extract(old, '$.updated')"),
	                 0);
	assert_true(lost + other[1] > 0);
	s = su_open(path, 0);
	struct merr err = {0};
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);
}

/* An update is held to what an add is: a wrong value is refused and nothing is written. */
static void test_update_refuses_what_add_refuses(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("refuse.mellan", path, sizeof path);
	m_id c = su_case(s, "Kim", 2002);
	m_id st1 = su_step(s, c, "2019", "Praktik");
	su_case(s, "Ali", 0);
	struct m_journey j = {0};
	su_load(s, c, &j);
	struct m_step *x = step_of(&j, st1);
	struct merr err = {0};
	su_set(&x->title, "  ");
	assert_int_equal(store_step_update(s, x, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	su_set(&x->title, "Praktik");
	su_set(&x->time, "hösten sent");
	assert_int_equal(store_step_update(s, x, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	su_set(&x->time, "2019");
	su_set(&x->narrative, "\xff\xfe");
	assert_int_equal(store_step_update(s, x, &err), M_USAGE);
	su_set(&x->narrative, NULL);

	j.kase.birth_year = 1800;
	assert_int_equal(store_case_update(s, &j.kase, &err), M_USAGE);
	j.kase.birth_year = 2002;
	su_set(&j.kase.code, "Ali");
	assert_int_equal(store_case_update(s, &j.kase, &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, "Ali"));

	struct m_journey k = {0};
	su_load(s, c, &k);
	assert_string_equal(k.kase.code, "Kim");
	assert_string_equal(step_of(&k, st1)->title, "Praktik");
	assert_string_equal(step_of(&k, st1)->time, "2019");
	assert_string_equal(step_of(&k, st1)->updated, x->updated);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
}

/* Ages are dated by the birth year: changing it moves the steps told in ages. */
static void test_birth_year_moves_age_steps(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("birth.mellan", path, sizeof path);
	m_id c = su_case(s, "Lo", 2001);
	m_id by_age = su_step(s, c, "AGE15", "Femton");
	m_id by_date = su_step(s, c, "2014", "Året 2014");
	struct m_journey j = {0};
	su_load(s, c, &j);
	assert_int_equal(j.steps[0].id, by_date);
	char dated_stamp[M_STAMP_LEN + 1];
	memcpy(dated_stamp, step_of(&j, by_date)->updated, sizeof dated_stamp);
	j.kase.birth_year = 1998;
	struct merr err = {0};
	assert_int_equal(store_case_update(s, &j.kase, &err), M_OK);
	struct m_journey k = {0};
	su_load(s, c, &k);
	assert_int_equal(k.steps[0].id, by_age);
	assert_true(strncmp(step_of(&k, by_age)->sort_from, "2013", 4) == 0);
	/* The step whose keys did not change keeps its stamp: nobody's open edit of it breaks. */
	assert_string_equal(step_of(&k, by_date)->updated, dated_stamp);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
}

/* A gap's actors and actions become the lists it is saved with; a kept action keeps its uuid. */
static void test_gap_update_replaces_lists(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("gap.mellan", path, sizeof path);
	m_id c = su_case(s, "Mira", 2004);
	m_id st1 = su_step(s, c, "2020", "Remissen kommer bort");
	m_id soc = su_actor(s, "Socialtjänsten"), bup = su_actor(s, "BUP"),
	     skola = su_actor(s, "Skolan");
	m_id cat = su_category(s, "handover-broke");
	struct m_gap g = {.case_id = c, .step_id = st1, .category_id = cat, .severity = 2};
	g.what_happened = strdup("Ingen tog emot remissen");
	g.n_actors = 2;
	g.actors = calloc(2, sizeof *g.actors);
	g.actors[0] = (struct m_gap_actor){soc, GAR_INVOLVED};
	g.actors[1] = (struct m_gap_actor){bup, GAR_COULD_HAVE_ACTED};
	g.n_actions = 2;
	g.actions = calloc(2, sizeof *g.actions);
	g.actions[0].what = strdup("Rutin för remisser");
	g.actions[1].what = strdup("Gemensamt möte");
	struct merr err = {0};
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);
	m_gap_clear(&g);

	struct m_journey j = {0};
	su_load(s, c, &j);
	struct m_gap *e = &j.gaps[0];
	char kept_uuid[M_UUID_LEN + 1];
	memcpy(kept_uuid, e->actions[0].uuid, sizeof kept_uuid);
	/* Drop BUP, add the school; drop the second action, change the first, add a third. */
	e->actors[1] = (struct m_gap_actor){skola, GAR_INVOLVED};
	su_set(&e->actions[0].what, "Rutin för remisser, med kvittens");
	m_action_clear(&e->actions[1]);
	memset(&e->actions[1], 0, sizeof e->actions[1]);
	e->actions[1].what = strdup("Uppföljning efter tre månader");
	e->actions[1].follow_up = strdup("2025-09");
	su_set(&e->what_must_change, "Någon ska äga överlämningen");
	assert_int_equal(store_gap_update(s, e, &err), M_OK);
	assert_string_equal(e->actions[0].uuid, kept_uuid);
	assert_true(e->actions[1].id > 0);

	struct m_journey k = {0};
	su_load(s, c, &k);
	struct m_gap *f = &k.gaps[0];
	assert_int_equal(f->n_actors, 2);
	bool has_soc = false, has_skola = false, has_bup = false;
	for (size_t i = 0; i < f->n_actors; i++) {
		has_soc |= f->actors[i].actor_id == soc;
		has_skola |= f->actors[i].actor_id == skola;
		has_bup |= f->actors[i].actor_id == bup;
	}
	assert_true(has_soc && has_skola && !has_bup);
	assert_int_equal(f->n_actions, 2);
	assert_string_equal(f->actions[0].uuid, kept_uuid);
	assert_string_equal(f->actions[0].what, "Rutin för remisser, med kvittens");
	assert_string_equal(f->actions[1].what, "Uppföljning efter tre månader");
	assert_string_equal(f->what_must_change, "Någon ska äga överlämningen");
	assert_string_equal(f->updated, e->updated);

	/* A stale gap writes neither the gap nor its lists. */
	su_set(&j.gaps[0].what_happened, "Gammal version");
	m_journey_clear(&k);
	su_load(s, c, &k);
	memcpy(k.gaps[0].updated, "2000-01-01T00:00:00.000Z", M_STAMP_LEN + 1);
	size_t n_actions = k.gaps[0].n_actions;
	k.gaps[0].n_actions = 0;
	assert_int_equal(store_gap_update(s, &k.gaps[0], &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_CONFLICT);
	k.gaps[0].n_actions = n_actions;
	m_journey_clear(&k);
	su_load(s, c, &k);
	assert_int_equal(k.gaps[0].n_actions, 2);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
}

/* A deleted case takes its steps, factors, interventions, hand-overs and gaps along. */
static void test_delete_takes_along(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("delete.mellan", path, sizeof path);
	m_id c = su_case(s, "Tove", 2005);
	m_id other = su_case(s, "Kvar", 2005);
	m_id st1 = su_step(s, c, "2019", "Första");
	su_step(s, other, "2019", "Ett annat fall");
	m_id soc = su_actor(s, "Socialtjänsten"), bup = su_actor(s, "BUP");
	struct merr err = {0};
	struct m_factor f = {.step_id = st1, .kind = FACTOR_RISK, .text = strdup("Ensam")};
	assert_int_equal(store_factor_add(s, &f, &err), M_OK);
	struct m_intervention iv = {.case_id = c, .actor_id = soc, .step_from = st1};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	struct m_handover h = {.case_id = c, .step_id = st1, .from_actor = soc, .to_actor = bup};
	assert_int_equal(store_handover_add(s, &h, &err), M_OK);

	/* A factor alone, then the case with the rest. */
	assert_int_equal(store_factor_delete(s, f.id, &err), M_OK);
	struct m_journey j = {0};
	su_load(s, c, &j);
	assert_int_equal(step_of(&j, st1)->n_factors, 0);
	assert_int_equal(j.n_interventions, 1);
	m_journey_clear(&j);
	assert_int_equal(store_case_delete(s, c, &err), M_OK);
	assert_int_equal(store_journey_load(s, c, &j, &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].code, "Kvar");
	assert_int_equal(l.items[0].n_steps, 1);
	m_case_list_clear(&l);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	/* The actors are free again once nothing uses them. */
	assert_int_equal(store_actor_delete(s, bup, &err), M_OK);
	m_factor_clear(&f);
	m_intervention_clear(&iv);
	m_handover_clear(&h);
	store_close(&s);
	assert_int_equal(history_rows(path, "kase", "delete"), 1);
	assert_int_equal(history_rows(path, "intervention", "delete"), 1);
	assert_int_equal(history_rows(path, "handover", "delete"), 1);
}

/* An actor or a category still used is kept, with a line saying where it is used. */
static void test_catalogue_in_use_is_kept(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("inuse.mellan", path, sizeof path);
	m_id c = su_case(s, "Öresund", 2001);
	m_id st1 = su_step(s, c, "2019", "Första");
	m_id soc = su_actor(s, "Socialtjänsten");
	m_id cat = su_category(s, "no-one");
	struct merr err = {0};
	struct m_intervention iv = {.case_id = c, .actor_id = soc, .step_from = st1};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	struct m_gap g = {.case_id = c, .step_id = st1, .category_id = cat, .severity = 1};
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);

	assert_int_equal(store_actor_delete(s, soc, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, "Socialtjänsten"));
	assert_non_null(strstr(err.msg, "Öresund"));
	assert_int_equal(store_category_delete(s, cat, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, "Öresund"));
	struct m_actor_list al = {0};
	assert_int_equal(store_actor_list(s, &al, &err), M_OK);
	assert_int_equal(al.n, 1);

	/* Renaming is fine, and the new name is what the next refusal says. */
	su_set(&al.items[0].name, "Socialtjänsten Malmö");
	assert_int_equal(store_actor_update(s, &al.items[0], &err), M_OK);
	assert_int_equal(store_actor_delete(s, soc, &err), M_FINDINGS);
	assert_non_null(strstr(err.msg, "Socialtjänsten Malmö"));

	/* Once the gap is gone the category may go; the actor still has its intervention. */
	assert_int_equal(store_gap_delete(s, g.id, &err), M_OK);
	assert_int_equal(store_category_delete(s, cat, &err), M_OK);
	assert_int_equal(store_intervention_delete(s, iv.id, &err), M_OK);
	assert_int_equal(store_actor_delete(s, soc, &err), M_OK);
	m_actor_list_clear(&al);
	m_intervention_clear(&iv);
	m_gap_clear(&g);
	store_close(&s);
}

/* Steps whose times leave their order open change places; times that decide it are kept. */
static void test_step_move(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("move.mellan", path, sizeof path);
	m_id c = su_case(s, "Juni", 2001);
	m_id early = su_step(s, c, "2015", "Tidigt");
	m_id a = su_step(s, c, "2016-05", "A");
	m_id b = su_step(s, c, "2016-05", "B");
	m_id undated = su_step(s, c, NULL, "Utan tid");
	struct merr err = {0};
	assert_int_equal(store_step_move(s, b, -1, &err), M_OK);
	struct m_journey j = {0};
	su_load(s, c, &j);
	assert_int_equal(j.steps[0].id, early);
	assert_int_equal(j.steps[1].id, b);
	assert_int_equal(j.steps[2].id, a);
	assert_int_equal(j.steps[3].id, undated);
	m_journey_clear(&j);
	/* Back again. */
	assert_int_equal(store_step_move(s, b, 1, &err), M_OK);
	su_load(s, c, &j);
	assert_int_equal(j.steps[1].id, a);
	assert_int_equal(j.steps[2].id, b);
	m_journey_clear(&j);
	/* The times decide between 2015 and May 2016, and between dated and undated. */
	assert_int_equal(store_step_move(s, a, -1, &err), M_FINDINGS);
	assert_int_equal(err.reason, MR_INVALID);
	assert_int_equal(store_step_move(s, undated, -1, &err), M_FINDINGS);
	assert_int_equal(store_step_move(s, early, -1, &err), M_FINDINGS);
	assert_int_equal(store_step_move(s, undated, 1, &err), M_FINDINGS);
	su_load(s, c, &j);
	assert_int_equal(j.steps[0].id, early);
	assert_int_equal(j.steps[3].id, undated);
	m_journey_clear(&j);
	store_close(&s);
}

/* Equal seqs (a file another tool wrote) still move. */
static void test_step_move_equal_seq(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("moveeq.mellan", path, sizeof path);
	m_id c = su_case(s, "Lika", 2001);
	struct m_step x = {.case_id = c, .seq = 5, .title = strdup("X")};
	struct m_step y = {.case_id = c, .seq = 5, .title = strdup("Y")};
	struct merr err = {0};
	assert_int_equal(store_step_add(s, &x, &err), M_OK);
	assert_int_equal(store_step_add(s, &y, &err), M_OK);
	assert_int_equal(store_step_move(s, y.id, -1, &err), M_OK);
	struct m_journey j = {0};
	su_load(s, c, &j);
	assert_int_equal(j.steps[0].id, y.id);
	assert_int_equal(j.steps[1].id, x.id);
	m_journey_clear(&j);
	m_step_clear(&x);
	m_step_clear(&y);
	store_close(&s);
}

/* Every kind of record's update lands: factor, intervention, hand-over, category. */
static void test_other_updates(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("others.mellan", path, sizeof path);
	m_id c = su_case(s, "Eli", 2001);
	m_id st1 = su_step(s, c, "2019", "Första");
	m_id st2 = su_step(s, c, "2020", "Andra");
	m_id soc = su_actor(s, "Socialtjänsten"), bup = su_actor(s, "BUP");
	struct merr err = {0};
	struct m_factor f = {.step_id = st1, .kind = FACTOR_RISK, .text = strdup("Ensam")};
	assert_int_equal(store_factor_add(s, &f, &err), M_OK);
	struct m_intervention iv = {.case_id = c, .actor_id = soc, .step_from = st1};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	struct m_handover h = {.case_id = c, .step_id = st1, .from_actor = soc, .to_actor = bup};
	assert_int_equal(store_handover_add(s, &h, &err), M_OK);
	m_factor_clear(&f);
	m_intervention_clear(&iv);
	m_handover_clear(&h);

	struct m_journey j = {0};
	su_load(s, c, &j);
	struct m_factor *jf = &step_of(&j, st1)->factors[0];
	jf->kind = FACTOR_PROTECTIVE;
	su_set(&jf->text, "En vän på fritidsgården");
	assert_int_equal(store_factor_update(s, jf, &err), M_OK);
	struct m_intervention *ji = &j.interventions[0];
	ji->actor_id = bup;
	ji->step_to = st2;
	ji->kind = IV_WAITING;
	su_set(&ji->what, "Kö till BUP");
	su_set(&ji->start, "2019-09");
	ji->effect = -1;
	assert_int_equal(store_intervention_update(s, ji, &err), M_OK);
	struct m_handover *jh = &j.handovers[0];
	su_set(&jh->sent, "2019-10");
	su_set(&jh->received, "2020-02");
	jh->kind = HO_TRANSFER;
	assert_int_equal(store_handover_update(s, jh, &err), M_OK);
	su_set(&jh->acted, "igår och idag");
	assert_int_equal(store_handover_update(s, jh, &err), M_USAGE);

	struct m_journey k = {0};
	su_load(s, c, &k);
	assert_int_equal(step_of(&k, st1)->factors[0].kind, FACTOR_PROTECTIVE);
	assert_string_equal(step_of(&k, st1)->factors[0].text, "En vän på fritidsgården");
	assert_int_equal(k.interventions[0].actor_id, bup);
	assert_int_equal(k.interventions[0].step_to, st2);
	assert_int_equal(k.interventions[0].kind, IV_WAITING);
	assert_int_equal(k.interventions[0].effect, -1);
	assert_string_equal(k.interventions[0].start, "2019-09");
	assert_int_equal(k.handovers[0].kind, HO_TRANSFER);
	assert_string_equal(k.handovers[0].received, "2020-02");
	assert_null(k.handovers[0].acted);

	struct m_category_list cl = {0};
	su_category(s, "one");
	m_id two = su_category(s, "two");
	assert_int_equal(store_category_list(s, &cl, &err), M_OK);
	struct m_category *cc = &cl.items[1];
	assert_int_equal(cc->id, two);
	su_set(&cc->name, "Ingen äger frågan");
	cc->sort_order = 9;
	assert_int_equal(store_category_update(s, cc, &err), M_OK);
	su_set(&cc->code, "one");
	assert_int_equal(store_category_update(s, cc, &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	m_category_list_clear(&cl);
	assert_int_equal(store_category_list(s, &cl, &err), M_OK);
	assert_string_equal(cl.items[1].name, "Ingen äger frågan");
	assert_string_equal(cl.items[1].code, "two");
	m_category_list_clear(&cl);
	m_journey_clear(&j);
	m_journey_clear(&k);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_update_round_trip),
	    cmocka_unit_test(test_stale_record_conflicts),
	    cmocka_unit_test(test_two_connections_race),
	    cmocka_unit_test(test_two_processes_race),
	    cmocka_unit_test(test_update_refuses_what_add_refuses),
	    cmocka_unit_test(test_birth_year_moves_age_steps),
	    cmocka_unit_test(test_gap_update_replaces_lists),
	    cmocka_unit_test(test_delete_takes_along),
	    cmocka_unit_test(test_catalogue_in_use_is_kept),
	    cmocka_unit_test(test_step_move),
	    cmocka_unit_test(test_step_move_equal_seq),
	    cmocka_unit_test(test_other_updates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
