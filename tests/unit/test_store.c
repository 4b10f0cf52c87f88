/* test_store.c - what goes into the store comes back out: every record through its add and load
 * functions, identities, the story order of steps with fuzzy and missing times, Swedish order,
 * and the values the store refuses before writing anything. Real files in a temporary directory. */
#include "testutil.h"

#include "core/store_edit.h"
#include "core/store_read.h"
#include "core/store_workshop.h"
#include "core/uuid.h"

static struct store *fresh(const char *name)
{
	char path[512];
	struct store *s = NULL;
	struct merr err = {0};
	tu_path(path, sizeof path, name);
	if (store_open(path, STORE_CREATE | STORE_EXCLUSIVE, &s, &err) != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

static m_id actor(struct store *s, const char *name, enum m_sector sector, int colour)
{
	struct m_actor a = {.name = strdup(name),
	                    .short_label = strdup("K"),
	                    .sector = sector,
	                    .colour = colour,
	                    .description = strdup("beskrivning")};
	struct merr err = {0};
	if (store_actor_add(s, &a, &err) != M_OK)
		fail_msg("actor %s: %s", name, err.msg);
	m_id id = a.id;
	m_actor_clear(&a);
	return id;
}

static m_id kase(struct store *s, const char *code, int birth_year)
{
	struct m_case c = {.code = strdup(code), .birth_year = birth_year};
	struct merr err = {0};
	if (store_case_add(s, &c, &err) != M_OK)
		fail_msg("case %s: %s", code, err.msg);
	m_id id = c.id;
	m_case_clear(&c);
	return id;
}

static m_id step(struct store *s, m_id case_id, const char *time, int seq, const char *title)
{
	struct m_step st = {.case_id = case_id,
	                    .time = time ? strdup(time) : NULL,
	                    .seq = seq,
	                    .title = strdup(title)};
	struct merr err = {0};
	if (store_step_add(s, &st, &err) != M_OK)
		fail_msg("step %s: %s", title, err.msg);
	m_id id = st.id;
	m_step_clear(&st);
	return id;
}

static m_id category(struct store *s, const char *code)
{
	struct m_category c = {.code = strdup(code), .name = strdup("Överlämningen brast")};
	struct merr err = {0};
	if (store_category_add(s, &c, &err) != M_OK)
		fail_msg("category %s: %s", code, err.msg);
	m_id id = c.id;
	m_category_clear(&c);
	return id;
}

static bool uuid_v4(const char *u)
{
	return m_uuid_valid(u) && strlen(u) == 36 && u[14] == '4' && strchr("89ab", u[19]);
}

static int n_cases(struct store *s)
{
	struct m_case_list l = {0};
	struct merr err = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	int n = (int)l.n;
	m_case_list_clear(&l);
	return n;
}

static void test_journey_round_trip(void **state)
{
	(void)state;
	struct store *s = fresh("journey.db");
	struct merr err = {0};
	m_id soc = actor(s, "Socialtjänsten", SECTOR_MUNICIPALITY, 1);
	m_id bup = actor(s, "BUP", SECTOR_REGION, 2);
	m_id cat = category(s, "handover-broke");

	struct m_case c = {.code = strdup("Amir"),
	                   .birth_year = 2002,
	                   .gender = strdup("pojke"),
	                   .area = strdup("storstad"),
	                   .summary = strdup("Föll mellan stolarna vid 18."),
	                   .status = CASE_READY};
	assert_int_equal(store_case_add(s, &c, &err), M_OK);
	assert_true(c.id > 0);
	assert_true(uuid_v4(c.uuid));

	struct m_step st = {.case_id = c.id,
	                    .time = strdup("2015-HT"),
	                    .title = strdup("Frånvaron ökar"),
	                    .narrative = strdup("Han slutar gå till skolan.\nIngen frågar."),
	                    .domain = DOMAIN_SCHOOL,
	                    .certainty = CERT_REPORTED,
	                    .voice = strdup("Ingen märkte något."),
	                    .note = strdup("Bara för samtalsledaren")};
	assert_int_equal(store_step_add(s, &st, &err), M_OK);
	assert_int_equal(st.seq, 1);
	assert_non_null(st.sort_from);
	m_id s2 = step(s, c.id, "AGE18", 0, "Artonårsdagen");

	struct m_factor f1 = {
	    .step_id = st.id, .kind = FACTOR_RISK, .text = strdup("skolfrånvaro")};
	struct m_factor f2 = {
	    .step_id = st.id, .kind = FACTOR_PROTECTIVE, .text = strdup("fotbollstränaren")};
	assert_int_equal(store_factor_add(s, &f1, &err), M_OK);
	assert_int_equal(store_factor_add(s, &f2, &err), M_OK);

	struct m_intervention iv = {.case_id = c.id,
	                            .actor_id = bup,
	                            .step_from = st.id,
	                            .step_to = s2,
	                            .kind = IV_WAITING,
	                            .start = strdup("2016-01"),
	                            .end = strdup("2016-09"),
	                            .what = strdup("Kö till BUP"),
	                            .outcome = strdup("Åtta månader"),
	                            .effect = -2};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);

	struct m_handover h = {.case_id = c.id,
	                       .step_id = s2,
	                       .from_actor = bup,
	                       .to_actor = soc,
	                       .kind = HO_TRANSFER,
	                       .sent = strdup("2020-03"),
	                       .note = strdup("Aldrig mottagen")};
	assert_int_equal(store_handover_add(s, &h, &err), M_OK);

	struct m_gap g = {.case_id = c.id,
	                  .step_id = st.id,
	                  .step_to = s2,
	                  .category_id = cat,
	                  .severity = 3,
	                  .what_happened = strdup("Ingen tog över"),
	                  .what_must_change = strdup("Överlämning före 18"),
	                  .level = LEVEL_POLICY,
	                  .status = GAP_LIFTED,
	                  .n_actors = 2,
	                  .n_actions = 2};
	g.actors = calloc(2, sizeof *g.actors);
	g.actors[0] = (struct m_gap_actor){bup, GAR_INVOLVED};
	g.actors[1] = (struct m_gap_actor){soc, GAR_COULD_HAVE_ACTED};
	g.actions = calloc(2, sizeof *g.actions);
	g.actions[0] = (struct m_action){.what = strdup("Rutin för överlämning"),
	                                 .actor_id = bup,
	                                 .lead_id = soc,
	                                 .follow_up = strdup("2025-06-01"),
	                                 .status = ACTION_OPEN};
	g.actions[1] =
	    (struct m_action){.what = strdup("Lyft till nämnden"), .status = ACTION_DONE};
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);
	assert_true(g.actions[0].id > 0 && g.actions[1].id > g.actions[0].id);
	assert_int_equal(g.actions[0].gap_id, g.id);
	assert_true(uuid_v4(g.actions[1].uuid));

	struct m_journey j = {0};
	assert_int_equal(store_journey_load(s, c.id, &j, &err), M_OK);
	assert_string_equal(j.kase.code, "Amir");
	assert_string_equal(j.kase.uuid, c.uuid);
	assert_int_equal(j.kase.birth_year, 2002);
	assert_string_equal(j.kase.gender, "pojke");
	assert_string_equal(j.kase.area, "storstad");
	assert_string_equal(j.kase.summary, "Föll mellan stolarna vid 18.");
	assert_int_equal(j.kase.status, CASE_READY);
	assert_int_equal(j.kase.n_steps, 2);
	assert_int_equal(j.kase.n_gaps, 1);

	assert_int_equal(j.n_steps, 2);
	const struct m_step *a = &j.steps[0];
	assert_int_equal(a->id, st.id);
	assert_string_equal(a->uuid, st.uuid);
	assert_string_equal(a->time, "2015-HT");
	assert_string_equal(a->sort_from, st.sort_from);
	assert_string_equal(a->narrative, "Han slutar gå till skolan.\nIngen frågar.");
	assert_int_equal(a->domain, DOMAIN_SCHOOL);
	assert_int_equal(a->certainty, CERT_REPORTED);
	assert_string_equal(a->voice, "Ingen märkte något.");
	assert_string_equal(a->note, "Bara för samtalsledaren");
	assert_int_equal(a->n_factors, 2);
	assert_int_equal(a->factors[0].kind, FACTOR_RISK);
	assert_string_equal(a->factors[0].text, "skolfrånvaro");
	assert_string_equal(a->factors[1].uuid, f2.uuid);
	assert_int_equal(a->factors[1].kind, FACTOR_PROTECTIVE);
	/* 18 with a birth year of 2002 is 2020: after autumn 2015. */
	assert_int_equal(j.steps[1].id, s2);
	assert_int_equal(j.steps[1].seq, 2);
	assert_non_null(j.steps[1].sort_from);
	assert_true(strncmp(j.steps[1].sort_from, "2020", 4) == 0);
	assert_int_equal(j.steps[1].n_factors, 0);

	assert_int_equal(j.n_interventions, 1);
	const struct m_intervention *ji = &j.interventions[0];
	assert_string_equal(ji->uuid, iv.uuid);
	assert_int_equal(ji->actor_id, bup);
	assert_int_equal(ji->step_from, st.id);
	assert_int_equal(ji->step_to, s2);
	assert_int_equal(ji->kind, IV_WAITING);
	assert_string_equal(ji->start, "2016-01");
	assert_string_equal(ji->end, "2016-09");
	assert_string_equal(ji->what, "Kö till BUP");
	assert_string_equal(ji->outcome, "Åtta månader");
	assert_int_equal(ji->effect, -2);

	assert_int_equal(j.n_handovers, 1);
	const struct m_handover *jh = &j.handovers[0];
	assert_int_equal(jh->from_actor, bup);
	assert_int_equal(jh->to_actor, soc);
	assert_int_equal(jh->step_id, s2);
	assert_int_equal(jh->kind, HO_TRANSFER);
	assert_string_equal(jh->sent, "2020-03");
	assert_null(jh->received);
	assert_null(jh->acted);
	assert_string_equal(jh->note, "Aldrig mottagen");

	assert_int_equal(j.n_gaps, 1);
	const struct m_gap *jg = &j.gaps[0];
	assert_string_equal(jg->uuid, g.uuid);
	assert_int_equal(jg->step_id, st.id);
	assert_int_equal(jg->step_to, s2);
	assert_int_equal(jg->category_id, cat);
	assert_int_equal(jg->severity, 3);
	assert_string_equal(jg->what_happened, "Ingen tog över");
	assert_string_equal(jg->what_must_change, "Överlämning före 18");
	assert_int_equal(jg->level, LEVEL_POLICY);
	assert_int_equal(jg->status, GAP_LIFTED);
	assert_int_equal(jg->n_actors, 2);
	assert_int_equal(jg->actors[0].actor_id, bup);
	assert_int_equal(jg->actors[0].role, GAR_INVOLVED);
	assert_int_equal(jg->actors[1].role, GAR_COULD_HAVE_ACTED);
	assert_int_equal(jg->n_actions, 2);
	assert_string_equal(jg->actions[0].what, "Rutin för överlämning");
	assert_int_equal(jg->actions[0].actor_id, bup);
	assert_int_equal(jg->actions[0].lead_id, soc);
	assert_string_equal(jg->actions[0].follow_up, "2025-06-01");
	assert_int_equal(jg->actions[0].status, ACTION_OPEN);
	assert_int_equal(jg->actions[1].actor_id, 0);
	assert_null(jg->actions[1].follow_up);
	assert_int_equal(jg->actions[1].status, ACTION_DONE);

	struct m_case found = {0};
	assert_int_equal(store_case_find(s, "Amir", &found, &err), M_OK);
	assert_int_equal(found.id, c.id);
	assert_int_equal(found.n_interventions, 1);
	assert_int_equal(found.n_handovers, 1);
	m_case_clear(&found);
	assert_int_not_equal(store_case_find(s, "amir", &found, &err), M_OK);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	struct m_journey none = {0};
	assert_int_not_equal(store_journey_load(s, 9999, &none, &err), M_OK);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(none.n_steps, 0);

	m_journey_clear(&j);
	m_case_clear(&c);
	m_step_clear(&st);
	m_factor_clear(&f1);
	m_factor_clear(&f2);
	m_intervention_clear(&iv);
	m_handover_clear(&h);
	m_gap_clear(&g);
	store_close(&s);
}

static void test_catalogue_round_trip(void **state)
{
	(void)state;
	struct store *s = fresh("catalogue.db");
	struct merr err = {0};
	/* Every sector code the schema must accept, added in reverse to see the order. */
	for (int k = SECTOR_COUNT - 1; k >= 0; k--) {
		char name[32];
		snprintf(name, sizeof name, "Aktör %d", k);
		actor(s, name, (enum m_sector)k, k % 8);
	}
	actor(s, "Ängelholms IF", SECTOR_CIVIL, 0);
	actor(s, "Zonen", SECTOR_CIVIL, 0);
	actor(s, "Åkarp BK", SECTOR_CIVIL, 0);
	struct m_actor_list l = {0};
	assert_int_equal(store_actor_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, SECTOR_COUNT + 3);
	for (size_t i = 1; i < l.n; i++)
		assert_true(l.items[i - 1].sector <= l.items[i].sector);
	size_t z = 0;
	while (z < l.n && strcmp(l.items[z].name, "Zonen") != 0)
		z++;
	assert_true(z + 2 < l.n);
	assert_string_equal(l.items[z + 1].name, "Åkarp BK");
	assert_string_equal(l.items[z + 2].name, "Ängelholms IF");
	assert_string_equal(l.items[0].short_label, "K");
	assert_string_equal(l.items[0].description, "beskrivning");
	m_id bup = l.items[0].id;
	m_actor_list_clear(&l);

	struct m_category c2 = {
	    .code = strdup("waiting-time"), .name = strdup("Väntetid"), .sort_order = 2};
	struct m_category c1 = {.code = strdup("no-responsible"),
	                        .name = strdup("Ingen ansvarig"),
	                        .description = strdup("Ingen aktör hade ansvaret"),
	                        .sort_order = 1};
	assert_int_equal(store_category_add(s, &c2, &err), M_OK);
	assert_int_equal(store_category_add(s, &c1, &err), M_OK);
	struct m_category_list cl = {0};
	assert_int_equal(store_category_list(s, &cl, &err), M_OK);
	assert_int_equal(cl.n, 2);
	assert_string_equal(cl.items[0].code, "no-responsible");
	assert_string_equal(cl.items[0].description, "Ingen aktör hade ansvaret");
	assert_string_equal(cl.items[1].name, "Väntetid");
	assert_string_equal(cl.items[1].uuid, c2.uuid);
	m_category_list_clear(&cl);
	m_category_clear(&c1);
	m_category_clear(&c2);

	struct m_threshold t1 = {.age = 18, .label = strdup("Myndig"), .actor_id = bup};
	struct m_threshold t0 = {.age = 16, .label = strdup("Gymnasiet"), .starts = true};
	assert_int_equal(store_threshold_add(s, &t1, &err), M_OK);
	assert_int_equal(store_threshold_add(s, &t0, &err), M_OK);
	struct m_threshold_list tl = {0};
	assert_int_equal(store_threshold_list(s, &tl, &err), M_OK);
	assert_int_equal(tl.n, 2);
	assert_int_equal(tl.items[0].age, 16);
	assert_true(tl.items[0].starts);
	assert_int_equal(tl.items[0].actor_id, 0);
	assert_int_equal(tl.items[1].actor_id, bup);
	assert_false(tl.items[1].starts);
	assert_string_equal(tl.items[1].label, "Myndig");
	m_threshold_list_clear(&tl);
	m_threshold_clear(&t0);
	m_threshold_clear(&t1);
	store_close(&s);
}

/* Every code of every enumeration goes in and comes back: the schema's CHECKs agree with
 * core/model.c. */
static void test_every_code_round_trips(void **state)
{
	(void)state;
	struct store *s = fresh("codes.db");
	struct merr err = {0};
	m_id a = actor(s, "Polisen", SECTOR_STATE, 0);
	m_id cat = category(s, "never-reached");
	for (int k = 0; k < CASE_STATUS_COUNT; k++) {
		char code[16];
		snprintf(code, sizeof code, "S%d", k);
		struct m_case c = {.code = strdup(code), .status = (enum m_case_status)k};
		assert_int_equal(store_case_add(s, &c, &err), M_OK);
		struct m_case back = {0};
		assert_int_equal(store_case_find(s, code, &back, &err), M_OK);
		assert_int_equal(back.status, k);
		assert_int_equal(back.birth_year, 0);
		m_case_clear(&back);
		m_case_clear(&c);
	}
	m_id c = kase(s, "Koder", 2004);
	for (int d = 0; d < DOMAIN_COUNT; d++)
		for (int k = 0; k < CERT_COUNT; k++) {
			struct m_step st = {.case_id = c,
			                    .title = strdup("steg"),
			                    .domain = (enum m_domain)d,
			                    .certainty = (enum m_certainty)k};
			assert_int_equal(store_step_add(s, &st, &err), M_OK);
			m_step_clear(&st);
		}
	struct m_journey j = {0};
	assert_int_equal(store_journey_load(s, c, &j, &err), M_OK);
	assert_int_equal(j.n_steps, DOMAIN_COUNT * CERT_COUNT);
	for (size_t i = 0; i < j.n_steps; i++) {
		assert_int_equal(j.steps[i].domain, (int)i / CERT_COUNT);
		assert_int_equal(j.steps[i].certainty, (int)i % CERT_COUNT);
	}
	m_id s1 = j.steps[0].id;
	m_journey_clear(&j);
	for (int k = 0; k < FACTOR_KIND_COUNT; k++) {
		struct m_factor f = {
		    .step_id = s1, .kind = (enum m_factor_kind)k, .text = strdup("x")};
		assert_int_equal(store_factor_add(s, &f, &err), M_OK);
		m_factor_clear(&f);
	}
	for (int k = 0; k < IV_KIND_COUNT; k++)
		for (int e = -2; e <= 2; e++) {
			struct m_intervention iv = {.case_id = c,
			                            .actor_id = a,
			                            .step_from = s1,
			                            .kind = (enum m_intervention_kind)k,
			                            .effect = e};
			assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
			m_intervention_clear(&iv);
		}
	for (int k = 0; k < HO_KIND_COUNT; k++) {
		struct m_handover h = {
		    .case_id = c, .from_actor = a, .to_actor = a, .kind = (enum m_handover_kind)k};
		assert_int_equal(store_handover_add(s, &h, &err), M_OK);
		m_handover_clear(&h);
	}
	for (int lv = 0; lv < LEVEL_COUNT; lv++)
		for (int gs = 0; gs < GAP_STATUS_COUNT; gs++) {
			struct m_gap g = {.case_id = c,
			                  .step_id = s1,
			                  .category_id = cat,
			                  .severity = 1 + (lv + gs) % 3,
			                  .level = (enum m_gap_level)lv,
			                  .status = (enum m_gap_status)gs,
			                  .n_actors = GAR_COUNT,
			                  .n_actions = ACTION_STATUS_COUNT};
			g.actors = calloc(GAR_COUNT, sizeof *g.actors);
			for (int r = 0; r < GAR_COUNT; r++)
				g.actors[r] = (struct m_gap_actor){a, (enum m_gap_actor_role)r};
			g.actions = calloc(ACTION_STATUS_COUNT, sizeof *g.actions);
			for (int r = 0; r < ACTION_STATUS_COUNT; r++)
				g.actions[r] = (struct m_action){.what = strdup("göra"),
				                                 .status = (enum m_action_status)r};
			assert_int_equal(store_gap_add(s, &g, &err), M_OK);
			m_gap_clear(&g);
		}
	assert_int_equal(store_journey_load(s, c, &j, &err), M_OK);
	assert_int_equal(j.steps[0].n_factors, FACTOR_KIND_COUNT);
	for (int k = 0; k < FACTOR_KIND_COUNT; k++)
		assert_int_equal(j.steps[0].factors[k].kind, k);
	assert_int_equal(j.n_interventions, IV_KIND_COUNT * 5);
	for (size_t i = 0; i < j.n_interventions; i++) {
		assert_int_equal(j.interventions[i].kind, (int)i / 5);
		assert_int_equal(j.interventions[i].effect, (int)i % 5 - 2);
	}
	for (int k = 0; k < HO_KIND_COUNT; k++)
		assert_int_equal(j.handovers[k].kind, k);
	assert_int_equal(j.n_gaps, LEVEL_COUNT * GAP_STATUS_COUNT);
	for (size_t i = 0; i < j.n_gaps; i++) {
		const struct m_gap *g = &j.gaps[i];
		assert_int_equal(g->level, (int)i / GAP_STATUS_COUNT);
		assert_int_equal(g->status, (int)i % GAP_STATUS_COUNT);
		for (int r = 0; r < GAR_COUNT; r++)
			assert_int_equal(g->actors[r].role, r);
		for (int r = 0; r < ACTION_STATUS_COUNT; r++)
			assert_int_equal(g->actions[r].status, r);
	}
	m_journey_clear(&j);
	store_close(&s);
}

static void test_uuids(void **state)
{
	(void)state;
	struct store *s = fresh("uuids.db");
	struct merr err = {0};
	enum { N = 50 };
	char seen[N][M_UUID_LEN + 1];
	for (int i = 0; i < N; i++) {
		char code[16];
		snprintf(code, sizeof code, "U%d", i);
		struct m_case c = {.code = strdup(code)};
		assert_int_equal(store_case_add(s, &c, &err), M_OK);
		assert_true(uuid_v4(c.uuid));
		memcpy(seen[i], c.uuid, sizeof seen[i]);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(seen[k], c.uuid);
		m_case_clear(&c);
	}
	/* A record from another laptop keeps the identity it has. */
	struct m_case other = {.code = strdup("Från Lund")};
	strcpy(other.uuid, "0f0e1d2c-3b4a-4596-8877-665544332211");
	assert_int_equal(store_case_add(s, &other, &err), M_OK);
	struct m_case back = {0};
	assert_int_equal(store_case_find(s, "Från Lund", &back, &err), M_OK);
	assert_string_equal(back.uuid, "0f0e1d2c-3b4a-4596-8877-665544332211");
	m_case_clear(&back);
	m_case_clear(&other);
	struct m_case bad = {.code = strdup("Trasig")};
	strcpy(bad.uuid, "not-a-uuid");
	assert_int_equal(store_case_add(s, &bad, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	m_case_clear(&bad);
	store_close(&s);
}

static void test_step_story_order(void **state)
{
	(void)state;
	struct store *s = fresh("order.db");
	struct merr err = {0};
	m_id c = kase(s, "Noor", 2001);
	/* Added out of order, as a story is told: the store gives them back in time order. */
	m_id undated = step(s, c, NULL, 0, "När? Ingen vet");
	m_id y2016 = step(s, c, "2016", 0, "Året 2016");
	m_id d2016 = step(s, c, "2016-03-04", 0, "En dag i mars 2016");
	m_id age15 = step(s, c, "AGE15", 0, "15 år"); /* 2016 with birth year 2001 */
	m_id ht2015 = step(s, c, "2015-HT?", 0, "Hösten 2015, osäkert");
	m_id unknown = step(s, c, "?", 0, "Okänd tid");
	m_id m2016a = step(s, c, "2016-05", 20, "Maj, först enligt ordningen");
	m_id m2016b = step(s, c, "2016-05", 10, "Maj, före enligt ordningen");
	m_id range = step(s, c, "2014/2017", 0, "Hela perioden");

	struct m_journey j = {0};
	assert_int_equal(store_journey_load(s, c, &j, &err), M_OK);
	assert_int_equal(j.n_steps, 9);
	const m_id want[] = {range, ht2015, y2016, age15, d2016, m2016b, m2016a, undated, unknown};
	for (size_t i = 0; i < j.n_steps; i++)
		if (j.steps[i].id != want[i])
			fail_msg("position %zu: got \"%s\"", i, j.steps[i].title);
	assert_null(j.steps[7].sort_from);
	assert_string_equal(j.steps[1].time, "2015-HT?");
	/* seq 0 means "after the last": the undated step added first is 1, "?" is 6. */
	assert_int_equal(j.steps[7].seq, 1);
	assert_int_equal(j.steps[8].seq, 6);
	m_journey_clear(&j);

	/* Without a birth year an age places no date: it goes with the undated steps. */
	m_id c2 = kase(s, "Utan år", 0);
	m_id a = step(s, c2, "AGE15", 1, "15 år");
	m_id b = step(s, c2, "2010", 2, "2010");
	assert_int_equal(store_journey_load(s, c2, &j, &err), M_OK);
	assert_int_equal(j.steps[0].id, b);
	assert_int_equal(j.steps[1].id, a);
	assert_null(j.steps[1].sort_from);
	m_journey_clear(&j);

	struct m_step bad = {
	    .case_id = c, .time = strdup("någon gång i vintras kanske"), .title = strdup("x")};
	assert_int_equal(store_step_add(s, &bad, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	m_step_clear(&bad);
	store_close(&s);
}

static void test_swedish_case_order(void **state)
{
	(void)state;
	struct store *s = fresh("svorder.db");
	struct merr err = {0};
	const char *in[] = {"Örjan", "Åsa", "Ärla", "Zlatan", "adam", "Bo", "Öberg", "Alva"};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		kase(s, in[i], 0);
	const char *want[] = {"adam", "Alva", "Bo", "Zlatan", "Åsa", "Ärla", "Öberg", "Örjan"};
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 8);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.items[i].code, want[i]);
	m_case_list_clear(&l);
	store_close(&s);
}

static void test_counts_in_list(void **state)
{
	(void)state;
	struct store *s = fresh("counts.db");
	struct merr err = {0};
	m_id c = kase(s, "Sam", 2003);
	kase(s, "Tom", 2003);
	m_id a = actor(s, "Skolan", SECTOR_MUNICIPALITY, 0);
	m_id st = step(s, c, "2017", 0, "ett");
	step(s, c, "2018", 0, "två");
	struct m_intervention iv = {.case_id = c, .actor_id = a, .step_from = st};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_OK);
	m_intervention_clear(&iv);
	struct m_case_list l = {0};
	assert_int_equal(store_case_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].code, "Sam");
	assert_int_equal(l.items[0].n_steps, 2);
	assert_int_equal(l.items[0].n_interventions, 1);
	assert_int_equal(l.items[0].n_handovers, 0);
	assert_int_equal(l.items[1].n_steps, 0);
	m_case_list_clear(&l);
	store_close(&s);
}

static void test_refuses_bad_values(void **state)
{
	(void)state;
	struct store *s = fresh("bad.db");
	struct merr err = {0};
	m_id c = kase(s, "Amir", 2002);
	m_id a = actor(s, "BUP", SECTOR_REGION, 0);
	m_id st = step(s, c, "2016", 0, "ett");
	m_id cat = category(s, "waiting-time");

	struct m_case dup = {.code = strdup("Amir")};
	assert_int_equal(store_case_add(s, &dup, &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, "Amir"));
	assert_int_equal(dup.id, 0);
	m_case_clear(&dup);

	struct m_case empty = {.code = strdup("  ")};
	assert_int_equal(store_case_add(s, &empty, &err), M_USAGE);
	m_case_clear(&empty);
	struct m_case date = {.code = strdup("Datum"), .birth_year = 20020412};
	assert_int_equal(store_case_add(s, &date, &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	m_case_clear(&date);
	struct m_case status = {.code = strdup("Status"), .status = (enum m_case_status)7};
	assert_int_equal(store_case_add(s, &status, &err), M_USAGE);
	m_case_clear(&status);
	struct m_case latin1 = {.code = strdup("\xe5sa")}; /* "åsa" in Latin-1 */
	assert_int_equal(store_case_add(s, &latin1, &err), M_USAGE);
	m_case_clear(&latin1);
	assert_int_equal(n_cases(s), 1);

	struct m_actor noname = {.sector = SECTOR_CIVIL};
	assert_int_equal(store_actor_add(s, &noname, &err), M_USAGE);
	struct m_actor sector = {.name = strdup("X"), .sector = SECTOR_COUNT};
	assert_int_equal(store_actor_add(s, &sector, &err), M_USAGE);
	m_actor_clear(&sector);
	struct m_actor colour = {.name = strdup("X"), .colour = 8};
	assert_int_equal(store_actor_add(s, &colour, &err), M_USAGE);
	m_actor_clear(&colour);

	for (int sev = -1; sev <= 4; sev += 5) {
		struct m_gap g = {.case_id = c, .step_id = st, .category_id = cat, .severity = sev};
		assert_int_equal(store_gap_add(s, &g, &err), M_USAGE);
		assert_int_equal(err.reason, MR_INVALID);
		assert_string_equal(g.uuid, "");
	}
	struct m_gap g0 = {.case_id = c, .step_id = st, .category_id = cat, .severity = 0};
	assert_int_equal(store_gap_add(s, &g0, &err), M_USAGE);
	struct m_intervention iv = {.case_id = c, .actor_id = a, .kind = IV_MADE, .effect = 3};
	assert_int_equal(store_intervention_add(s, &iv, &err), M_USAGE);
	iv.effect = 0;
	iv.kind = IV_KIND_COUNT;
	assert_int_equal(store_intervention_add(s, &iv, &err), M_USAGE);
	struct m_step nt = {.case_id = c, .title = strdup("")};
	assert_int_equal(store_step_add(s, &nt, &err), M_USAGE);
	m_step_clear(&nt);
	struct m_step dom = {.case_id = c, .title = strdup("x"), .domain = DOMAIN_COUNT};
	assert_int_equal(store_step_add(s, &dom, &err), M_USAGE);
	m_step_clear(&dom);
	struct m_step nocase = {.case_id = 12345, .title = strdup("x")};
	assert_int_equal(store_step_add(s, &nocase, &err), M_USAGE);
	m_step_clear(&nocase);
	struct m_factor f = {.step_id = st, .kind = FACTOR_KIND_COUNT, .text = strdup("x")};
	assert_int_equal(store_factor_add(s, &f, &err), M_USAGE);
	m_factor_clear(&f);
	struct m_handover h = {
	    .case_id = c, .from_actor = a, .to_actor = a, .received = strdup("inte en tid")};
	assert_int_equal(store_handover_add(s, &h, &err), M_USAGE);
	m_handover_clear(&h);
	struct m_workshop w = {.place = strdup("Malmö")};
	assert_int_equal(store_workshop_add(s, &w, &err), M_USAGE);
	m_workshop_clear(&w);

	struct m_journey j = {0};
	assert_int_equal(store_journey_load(s, c, &j, &err), M_OK);
	assert_int_equal(j.n_steps, 1);
	assert_int_equal(j.n_interventions + j.n_handovers + j.n_gaps, 0);
	m_journey_clear(&j);
	store_close(&s);
}

/* A gap with its actors and actions lands whole or not at all, on its own or inside a bracket. */
static void test_gap_is_atomic(void **state)
{
	(void)state;
	struct store *s = fresh("atomic.db");
	struct merr err = {0};
	m_id c = kase(s, "Kim", 2005);
	m_id a = actor(s, "Fryshuset", SECTOR_CIVIL, 0);
	m_id st = step(s, c, "2019", 0, "ett");
	m_id cat = category(s, "ended-abruptly");
	for (int bracket = 0; bracket < 2; bracket++) {
		if (bracket) {
			assert_int_equal(store_begin(s, &err), M_OK);
			step(s, c, "2020", 0, "i samma omgång");
		}
		struct m_gap g = {.case_id = c,
		                  .step_id = st,
		                  .category_id = cat,
		                  .severity = 2,
		                  .n_actors = 1,
		                  .n_actions = 2};
		g.actors = calloc(1, sizeof *g.actors);
		g.actors[0] = (struct m_gap_actor){a, GAR_INVOLVED};
		g.actions = calloc(2, sizeof *g.actions);
		g.actions[0] = (struct m_action){.what = strdup("Ring")};
		/* An actor that does not exist: the second action fails, after the gap is in. */
		g.actions[1] = (struct m_action){.what = strdup("Skriv"), .actor_id = 999};
		assert_int_equal(store_gap_add(s, &g, &err), M_USAGE);
		assert_int_equal(g.actions[0].id, 0);
		m_gap_clear(&g);
		if (bracket)
			assert_int_equal(store_commit(s, &err), M_OK);
		struct m_journey j = {0};
		assert_int_equal(store_journey_load(s, c, &j, &err), M_OK);
		assert_int_equal(j.n_gaps, 0);
		assert_int_equal(j.n_steps, 1 + bracket);
		m_journey_clear(&j);
	}
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);
}

static void test_begin_rollback(void **state)
{
	(void)state;
	struct store *s = fresh("rollback.db");
	struct merr err = {0};
	kase(s, "Före", 0);
	assert_int_equal(store_begin(s, &err), M_OK);
	assert_int_equal(store_begin(s, &err), M_OK); /* nested: one transaction */
	kase(s, "Under 1", 0);
	assert_int_equal(store_commit(s, &err), M_OK);
	kase(s, "Under 2", 0);
	store_rollback(s);
	assert_int_equal(n_cases(s), 1);
	assert_int_equal(store_begin(s, &err), M_OK);
	kase(s, "Efter", 0);
	assert_int_equal(store_commit(s, &err), M_OK);
	assert_int_equal(n_cases(s), 2);
	store_close(&s);
}

static void test_workshop(void **state)
{
	(void)state;
	struct store *s = fresh("workshop.db");
	struct merr err = {0};
	m_id c = kase(s, "Amir", 2002);
	m_id st = step(s, c, "2016", 0, "ett");
	m_id cat = category(s, "waiting-time");
	struct m_gap g = {.case_id = c, .step_id = st, .category_id = cat, .severity = 2};
	assert_int_equal(store_gap_add(s, &g, &err), M_OK);
	struct m_workshop w = {.date = strdup("2024-03-12"),
	                       .place = strdup("Malmö, Rosengård"),
	                       .sectors = strdup("municipality,region,civil")};
	assert_int_equal(store_workshop_add(s, &w, &err), M_OK);
	assert_true(uuid_v4(w.uuid));
	assert_int_equal(store_workshop_case_add(s, w.id, c, &err), M_OK);
	assert_int_equal(store_workshop_case_add(s, w.id, c, &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_int_equal(store_workshop_log_add(s, w.id, "note", "Gruppen såg kön", &err), M_OK);
	assert_int_equal(store_workshop_log_add(s, w.id, "decision", "", &err), M_USAGE);
	assert_int_equal(store_vote_add(s, w.id, g.id, 5, &err), M_OK);
	assert_int_equal(store_vote_add(s, w.id, g.id, 0, &err), M_USAGE);
	assert_int_equal(store_vote_add(s, w.id, 4242, 1, &err), M_USAGE);
	m_gap_clear(&g);
	m_workshop_clear(&w);
	assert_int_equal(store_check_integrity(s, &err), M_OK);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_journey_round_trip),
	    cmocka_unit_test(test_catalogue_round_trip),
	    cmocka_unit_test(test_every_code_round_trips),
	    cmocka_unit_test(test_uuids),
	    cmocka_unit_test(test_step_story_order),
	    cmocka_unit_test(test_swedish_case_order),
	    cmocka_unit_test(test_counts_in_list),
	    cmocka_unit_test(test_refuses_bad_values),
	    cmocka_unit_test(test_gap_is_atomic),
	    cmocka_unit_test(test_begin_rollback),
	    cmocka_unit_test(test_workshop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
