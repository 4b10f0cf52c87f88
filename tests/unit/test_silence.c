/* test_silence.c - gaps the program proposes by itself, on a journey built in memory: silences
 * (risk factors and nobody acting) longer than the settable length and no shorter, hand-overs
 * never received, received late, never acted on, and those that went well not proposed; a
 * dismissed proposal left out; and the gap a confirmed one becomes, of the fitting category.
 * What the file keeps of proposals (dismissals after reopening, undo, confirming as one change)
 * is tested with the store in test_proposals.c. */
#include "memutil.h"

#include "core/silence.h"

struct story {
	m_id c, s1, s2, s3, s4, s5, soc, bup, skola, h_lost, h_late, h_ok, h_idle;
	struct m_journey j;
	struct m_category_list cats;
	struct m_actor_list actors;
};

static m_id actor(struct m_actor_list *l, m_id *next, const char *name)
{
	l->items = realloc(l->items, (l->n + 1) * sizeof *l->items);
	assert_non_null(l->items);
	l->items[l->n] = (struct m_actor){.id = (*next)++, .name = strdup(name)};
	return l->items[l->n++].id;
}

static void category(struct m_category_list *l, m_id *next, const char *code)
{
	l->items = realloc(l->items, (l->n + 1) * sizeof *l->items);
	assert_non_null(l->items);
	l->items[l->n++] = (struct m_category){
	    .id = (*next)++, .code = strdup(code), .name = strdup("Överlämningen brast")};
}

/* Worry in spring 2016, nobody acts until BUP in March 2017 (about 10 months of silence);
 * a short worry in 2018 answered within a month; and four hand-overs. */
static void build(struct story *x)
{
	memset(x, 0, sizeof *x);
	m_id next = 1;
	x->bup = actor(&x->actors, &next, "BUP");
	x->skola = actor(&x->actors, &next, "Skolan");
	x->soc = actor(&x->actors, &next, "Socialtjänsten");
	category(&x->cats, &next, "no-responsible");
	category(&x->cats, &next, "handover-broke");
	struct m_journey *j = &x->j;
	mu_case(j, &next, "Amir", 2001);
	x->c = j->kase.id;
	x->s1 = mu_step(j, &next, "2016-05", "Slutar gå till skolan", true);
	x->s2 = mu_step(j, &next, "2016-HT", "Hemma hela hösten", false);
	x->s3 = mu_step(j, &next, "2017-03", "Första samtalet på BUP", true);
	x->s4 = mu_step(j, &next, "2018-02-01", "Bråk hemma", true);
	x->s5 = mu_step(j, &next, "2018-02-20", "Kurator hör av sig", false);
	mu_intervention(j, &next, x->bup, x->s3, IV_MADE, "2017-03", "2017-06");
	mu_intervention(j, &next, x->skola, x->s5, IV_MADE, "2018-02-20", NULL);
	/* Waiting in a queue is not acting. */
	mu_intervention(j, &next, x->bup, x->s2, IV_WAITING, "2016-09", "2017-02");
	x->h_lost = mu_handover(j, &next, x->s1, x->skola, x->soc, "2016-05", NULL, NULL);
	x->h_late =
	    mu_handover(j, &next, x->s2, x->soc, x->bup, "2016-09-01", "2017-01-15", "2017-03-01");
	x->h_ok =
	    mu_handover(j, &next, x->s3, x->bup, x->soc, "2017-03-01", "2017-03-10", "2017-03-20");
	x->h_idle =
	    mu_handover(j, &next, x->s4, x->skola, x->soc, "2018-02-01", "2018-02-05", NULL);
	mu_done(j);
}

static void story_clear(struct story *x)
{
	m_journey_clear(&x->j);
	m_category_list_clear(&x->cats);
	m_actor_list_clear(&x->actors);
}

static void test_proposals(void **state)
{
	(void)state;
	struct story x;
	build(&x);
	struct m_proposal_list l = {0};
	silence_propose(&x.j, NULL, NULL, &l);

	/* The silence from May 2016 to BUP in March 2017, over both steps before it. */
	const struct m_proposal *p = mu_proposal(&l, PROPOSE_SILENCE, x.s1);
	assert_non_null(p);
	assert_int_equal(p->step_to, x.s2);
	assert_int_equal(p->days, 304); /* 2016-05-01 to 2017-03-01 */
	assert_string_equal(p->category, "no-responsible");
	char line[300];
	silence_describe(p, &x.j, &x.actors, line, sizeof line);
	assert_non_null(strstr(line, "304"));
	/* The short worry in 2018 (19 days) is no silence at 90 days. */
	assert_null(mu_proposal(&l, PROPOSE_SILENCE, x.s4));

	/* Hand-overs: never received, received after four months, received and never acted on;
	 * the one that went well is not proposed. */
	p = mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s1);
	assert_non_null(p);
	assert_int_equal(p->handover_id, x.h_lost);
	assert_int_equal(p->days, -1);
	assert_string_equal(p->category, "handover-broke");
	silence_describe(p, &x.j, &x.actors, line, sizeof line);
	assert_non_null(strstr(line, "Skolan"));
	assert_non_null(strstr(line, "Socialtjänsten"));
	p = mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s2);
	assert_non_null(p);
	assert_int_equal(p->days, 136);
	p = mu_proposal(&l, PROPOSE_NOT_ACTED, x.s4);
	assert_non_null(p);
	assert_int_equal(p->handover_id, x.h_idle);
	assert_null(mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s3));
	assert_null(mu_proposal(&l, PROPOSE_NOT_ACTED, x.s3));
	assert_int_equal(l.n, 4);
	/* In story order. */
	assert_int_equal(l.items[0].step_id, x.s1);
	assert_int_equal(l.items[l.n - 1].step_id, x.s4);
	m_proposal_list_clear(&l);

	/* Settable lengths: 15 days makes the 2018 worry a silence too; a year hides the first;
	 * 200 days lets the late hand-over pass. */
	struct silence_settings cfg = {15, 200};
	silence_propose(&x.j, &cfg, NULL, &l);
	assert_non_null(mu_proposal(&l, PROPOSE_SILENCE, x.s1));
	assert_non_null(mu_proposal(&l, PROPOSE_SILENCE, x.s4));
	assert_null(mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s2));
	m_proposal_list_clear(&l);
	cfg = (struct silence_settings){365, 30};
	silence_propose(&x.j, &cfg, NULL, &l);
	assert_null(mu_proposal(&l, PROPOSE_SILENCE, x.s1));
	m_proposal_list_clear(&l);
	story_clear(&x);
}

/* A dismissed key is not proposed again; the others still are. */
static void test_dismissed_left_out(void **state)
{
	(void)state;
	struct story x;
	build(&x);
	struct m_proposal_list l = {0};
	silence_propose(&x.j, NULL, NULL, &l);
	const struct m_proposal *p = mu_proposal(&l, PROPOSE_SILENCE, x.s1);
	assert_non_null(p);
	char *key = strdup(p->key);
	struct m_key_list dismissed = {.keys = &key, .n = 1};
	m_proposal_list_clear(&l);
	silence_propose(&x.j, NULL, &dismissed, &l);
	assert_null(mu_proposal(&l, PROPOSE_SILENCE, x.s1));
	assert_int_equal(l.n, 3);
	m_proposal_list_clear(&l);
	free(key);
	story_clear(&x);
}

/* Confirmed: a gap of the fitting category at the hand-over's step, with its two actors and a
 * description of what was seen. */
static void test_confirmed_gap(void **state)
{
	(void)state;
	struct story x;
	build(&x);
	struct m_proposal_list l = {0};
	silence_propose(&x.j, NULL, NULL, &l);
	const struct m_proposal *p = mu_proposal(&l, PROPOSE_NOT_RECEIVED, x.s1);
	assert_non_null(p);
	struct m_gap g;
	silence_gap(p, &x.j, &x.actors, &x.cats, &g);
	assert_int_equal(g.case_id, x.c);
	assert_int_equal(g.step_id, x.s1);
	assert_int_equal(g.category_id, x.cats.items[1].id);
	assert_string_equal(x.cats.items[1].code, "handover-broke");
	assert_int_equal(g.severity, 2);
	assert_int_equal(g.n_actors, 2);
	assert_non_null(strstr(g.what_happened, "never received"));
	m_gap_clear(&g);
	m_proposal_list_clear(&l);
	story_clear(&x);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_proposals),
	    cmocka_unit_test(test_dismissed_left_out),
	    cmocka_unit_test(test_confirmed_gap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
