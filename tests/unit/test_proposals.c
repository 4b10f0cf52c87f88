/* test_proposals.c - what the file keeps of the gaps the program proposes (core/silence.h), on a
 * journey kept in a real file: a dismissal remembered, also after reopening, and undoable; a
 * confirmed proposal becoming a gap of the fitting category, in one change with its dismissal.
 * What is proposed, and the gap a proposal becomes, is tested in memory in test_silence.c. */
#include "memutil.h"
#include "storeutil.h"

#include "core/store_propose.h"

struct story {
	m_id c, s1, s2, s3, s4, s5, soc, bup, skola, h_lost, h_late, h_ok, h_idle;
	struct m_category_list cats;
	struct m_actor_list actors;
};

static m_id step_with(struct store *s, m_id c, const char *time, const char *title, bool risk)
{
	m_id id = su_step(s, c, time, title);
	if (risk) {
		struct m_factor f = {.step_id = id, .kind = FACTOR_RISK, .text = strdup("Oro")};
		struct merr err = {0};
		assert_int_equal(store_factor_add(s, &f, &err), M_OK);
		m_factor_clear(&f);
	}
	return id;
}

static m_id iv(struct store *s, m_id c, m_id actor, m_id step, enum m_intervention_kind kind,
               const char *start, const char *end)
{
	struct m_intervention v = {.case_id = c,
	                           .actor_id = actor,
	                           .step_from = step,
	                           .kind = kind,
	                           .start = start ? strdup(start) : NULL,
	                           .end = end ? strdup(end) : NULL};
	struct merr err = {0};
	assert_int_equal(store_intervention_add(s, &v, &err), M_OK);
	m_intervention_clear(&v);
	return v.id;
}

static m_id ho(struct store *s, m_id c, m_id step, m_id from, m_id to, const char *sent,
               const char *received, const char *acted)
{
	struct m_handover h = {.case_id = c,
	                       .step_id = step,
	                       .from_actor = from,
	                       .to_actor = to,
	                       .sent = sent ? strdup(sent) : NULL,
	                       .received = received ? strdup(received) : NULL,
	                       .acted = acted ? strdup(acted) : NULL};
	struct merr err = {0};
	assert_int_equal(store_handover_add(s, &h, &err), M_OK);
	m_id id = h.id;
	m_handover_clear(&h);
	return id;
}

/* Worry in spring 2016, nobody acts until BUP in March 2017 (about 10 months of silence);
 * a short worry in 2018 answered within a month; and four hand-overs. */
static void build(struct store *s, struct story *x)
{
	x->c = su_case(s, "Amir", 2001);
	x->soc = su_actor(s, "Socialtjänsten");
	x->bup = su_actor(s, "BUP");
	x->skola = su_actor(s, "Skolan");
	su_category(s, "no-responsible");
	su_category(s, "handover-broke");
	x->s1 = step_with(s, x->c, "2016-05", "Slutar gå till skolan", true);
	x->s2 = step_with(s, x->c, "2016-HT", "Hemma hela hösten", false);
	x->s3 = step_with(s, x->c, "2017-03", "Första samtalet på BUP", true);
	x->s4 = step_with(s, x->c, "2018-02-01", "Bråk hemma", true);
	x->s5 = step_with(s, x->c, "2018-02-20", "Kurator hör av sig", false);
	iv(s, x->c, x->bup, x->s3, IV_MADE, "2017-03", "2017-06");
	iv(s, x->c, x->skola, x->s5, IV_MADE, "2018-02-20", NULL);
	/* Waiting in a queue is not acting. */
	iv(s, x->c, x->bup, x->s2, IV_WAITING, "2016-09", "2017-02");
	x->h_lost = ho(s, x->c, x->s1, x->skola, x->soc, "2016-05", NULL, NULL);
	x->h_late = ho(s, x->c, x->s2, x->soc, x->bup, "2016-09-01", "2017-01-15", "2017-03-01");
	x->h_ok = ho(s, x->c, x->s3, x->bup, x->soc, "2017-03-01", "2017-03-10", "2017-03-20");
	x->h_idle = ho(s, x->c, x->s4, x->skola, x->soc, "2018-02-01", "2018-02-05", NULL);
	struct merr err = {0};
	assert_int_equal(store_category_list(s, &x->cats, &err), M_OK);
	assert_int_equal(store_actor_list(s, &x->actors, &err), M_OK);
}

static void story_clear(struct story *x)
{
	m_category_list_clear(&x->cats);
	m_actor_list_clear(&x->actors);
}

static void propose(struct store *s, struct story *x, const struct silence_settings *cfg,
                    struct m_journey *j, struct m_proposal_list *out)
{
	struct m_key_list d = {0};
	struct merr err = {0};
	su_load(s, x->c, j);
	assert_int_equal(store_dismissal_list(s, x->c, &d, &err), M_OK);
	silence_propose(j, cfg, &d, out);
	m_key_list_clear(&d);
}

/* Dismissed is not proposed again, also after reopening; undo brings it back. */
static void test_dismiss(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("dismiss.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	struct m_journey j = {0};
	struct m_proposal_list l = {0};
	propose(s, &x, NULL, &j, &l);
	const struct m_proposal *p = mu_proposal(&l, PROPOSE_SILENCE, x.s1);
	assert_non_null(p);
	struct merr err = {0};
	assert_int_equal(store_dismissal_add(s, x.c, p->key, &err), M_OK);
	assert_int_equal(store_dismissal_add(s, x.c, p->key, &err), M_OK); /* twice is once */
	m_proposal_list_clear(&l);
	m_journey_clear(&j);
	store_close(&s);

	s = su_open(path, 0);
	propose(s, &x, NULL, &j, &l);
	assert_null(mu_proposal(&l, PROPOSE_SILENCE, x.s1));
	assert_int_equal(l.n, 3);
	m_proposal_list_clear(&l);
	m_journey_clear(&j);
	char what[200];
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	propose(s, &x, NULL, &j, &l);
	assert_non_null(mu_proposal(&l, PROPOSE_SILENCE, x.s1));
	m_proposal_list_clear(&l);
	m_journey_clear(&j);
	assert_int_equal(store_dismissal_add(s, x.c, "", &err), M_USAGE);
	story_clear(&x);
	store_close(&s);
}

/* Confirmed: a gap of the fitting category with the hand-over's actors, and not proposed
 * again; one undo takes back both. */
static void test_confirm(void **state)
{
	(void)state;
	char path[512];
	struct store *s = su_fresh("confirm.mellan", path, sizeof path);
	struct story x;
	build(s, &x);
	struct m_journey j = {0};
	struct m_proposal_list l = {0};
	propose(s, &x, NULL, &j, &l);
	const struct m_proposal *p = mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s1);
	assert_non_null(p);
	struct m_gap g;
	silence_gap(p, &j, &x.actors, &x.cats, &g);
	struct merr err = {0};
	assert_int_equal(store_proposal_confirm(s, p->key, &g, &err), M_OK);
	m_gap_clear(&g);
	m_proposal_list_clear(&l);
	m_journey_clear(&j);

	propose(s, &x, NULL, &j, &l);
	assert_null(mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s1));
	assert_int_equal(j.n_gaps, 1);
	const struct m_gap *e = &j.gaps[0];
	assert_int_equal(e->step_id, x.s1);
	assert_int_equal(e->category_id, x.cats.items[1].id);
	assert_string_equal(x.cats.items[1].code, "handover-broke");
	assert_int_equal(e->n_actors, 2);
	assert_non_null(strstr(e->what_happened, "never received"));
	m_proposal_list_clear(&l);
	m_journey_clear(&j);

	char what[200];
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	propose(s, &x, NULL, &j, &l);
	assert_int_equal(j.n_gaps, 0);
	assert_non_null(mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s1));
	m_proposal_list_clear(&l);
	m_journey_clear(&j);
	story_clear(&x);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dismiss),
	    cmocka_unit_test(test_confirm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
