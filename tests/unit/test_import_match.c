/* test_import_match.c - what a spreadsheet's words mean: header cells as multi-agency
 * chronologies write them, in Swedish and English, whatever their case, accents and blanks; the
 * field names --map takes; actor names by name, short label or a unique beginning, with the
 * ambiguous ones told apart; sectors by code or Swedish name. */
#include "testutil.h"

#include "core/import_match.h"

static void test_fold(void **state)
{
	(void)state;
	struct {
		const char *in, *out;
		bool plain;
	} cases[] = {
	    {"  ÅTGÄRD\t VIDTAGEN ", "åtgärd vidtagen", false},
	    {"ÅTGÄRD", "atgard", true},
	    {"Händelse\xc2\xa0", "händelse", false},
	    {"CAFÉ Ü", "cafe u", true},
	    {"Łódź", "łódź", false},
	    {"", "", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *f = imp_fold(cases[i].in, cases[i].plain);
		assert_string_equal(f, cases[i].out);
		free(f);
	}
}

static void test_header_words(void **state)
{
	(void)state;
	struct {
		const char *header;
		enum imp_field field;
	} cases[] = {
	    /* Swedish, as a school's or social services' sheet heads them. */
	    {"Datum", IMP_DATE},
	    {"NÄR", IMP_DATE},
	    {" tid ", IMP_DATE},
	    {"Myndighet", IMP_ACTOR},
	    {"Verksamhet", IMP_ACTOR},
	    {"Aktör", IMP_ACTOR},
	    {"aktor", IMP_ACTOR},
	    {"Händelse", IMP_HAPPENED},
	    {"Vad hände?", IMP_HAPPENED},
	    {"Vad hände", IMP_HAPPENED},
	    {"Åtgärd", IMP_DONE},
	    {"Insats", IMP_DONE},
	    {"Vad gjordes", IMP_DONE},
	    {"Resultat", IMP_OUTCOME},
	    {"Anteckning", IMP_NOTE},
	    {"Kommentar:", IMP_NOTE},
	    {"Fall", IMP_CASE},
	    {"Datum/tid", IMP_DATE},
	    {"Aktör / myndighet", IMP_ACTOR},
	    /* English, as a multi-agency chronology heads them. */
	    {"Agency", IMP_ACTOR},
	    {"Organisation", IMP_ACTOR},
	    {"ORGANIZATION", IMP_ACTOR},
	    {"Service", IMP_ACTOR},
	    {"Source", IMP_ACTOR},
	    {"Event", IMP_HAPPENED},
	    {"Incident", IMP_HAPPENED},
	    {"What happened", IMP_HAPPENED},
	    {"Action taken", IMP_DONE},
	    {"action_taken", IMP_DONE},
	    {"Response", IMP_DONE},
	    {"Outcome", IMP_OUTCOME},
	    {"Date*", IMP_DATE},
	    {"When", IMP_DATE},
	    {"Notes", IMP_NOTE},
	    {"Comment", IMP_NOTE},
	    {"Case ID", IMP_CASE},
	    /* Not words of a chronology: said so, never guessed. */
	    {"Ref nr", IMP_UNKNOWN},
	    {"Event/Agency", IMP_UNKNOWN},
	    {"", IMP_UNKNOWN},
	    {"Datumet", IMP_UNKNOWN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (imp_header_field(cases[i].header) != cases[i].field)
			fail_msg("'%s': %d, not %d", cases[i].header,
			         imp_header_field(cases[i].header), cases[i].field);
}

static void test_field_names(void **state)
{
	(void)state;
	assert_int_equal(imp_field_by_name("actor"), IMP_ACTOR);
	assert_int_equal(imp_field_by_name("Aktör"), IMP_ACTOR);
	assert_int_equal(imp_field_by_name("what was done"), IMP_DONE);
	assert_int_equal(imp_field_by_name("VAD GJORDES"), IMP_DONE);
	assert_int_equal(imp_field_by_name("vad hände"), IMP_HAPPENED);
	assert_int_equal(imp_field_by_name("anteckning"), IMP_NOTE);
	assert_int_equal(imp_field_by_name("resultat"), IMP_OUTCOME);
	/* --map takes the names mellan(5) gives, not every synonym of a header. */
	assert_int_equal(imp_field_by_name("agency"), IMP_UNKNOWN);
	assert_int_equal(imp_field_by_name("colour"), IMP_UNKNOWN);
	char list[300];
	imp_field_list(list, sizeof list);
	assert_string_equal(list, "case, date, actor, what happened, what was done, outcome, note");
}

static struct m_actor_list catalogue(void)
{
	static struct m_actor items[] = {
	    {.id = 1, .name = "Skolan (grundskola)", .short_label = "Skola"},
	    {.id = 2, .name = "Socialtjänsten (barn och unga)", .short_label = "SocBU"},
	    {.id = 3, .name = "Socialtjänsten (vuxen)", .short_label = "SocV"},
	    {.id = 4, .name = "BUP", .short_label = "BUP"},
	    {.id = 5, .name = "Försäkringskassan", .short_label = "FK"},
	    {.id = 6, .name = "Överförmyndaren", .short_label = NULL},
	};
	return (struct m_actor_list){items, sizeof items / sizeof *items};
}

static size_t find(const struct imp_actors *ix, const char *name, m_id *first)
{
	size_t cands[4];
	size_t n = imp_actors_find(ix, name, cands, 4);
	*first = n ? ix->actor[cands[0]].id : 0;
	return n;
}

static void test_actor_names(void **state)
{
	(void)state;
	struct m_actor_list l = catalogue();
	struct imp_actors ix;
	imp_actors_load(&ix, &l);
	struct {
		const char *name;
		size_t n;
		m_id id;
	} cases[] = {
	    {"Skolan (grundskola)", 1, 1}, /* its name */
	    {"skola", 1, 1},               /* its short label, in any case */
	    {"Skolan", 1, 1},              /* a unique beginning */
	    {"SKOLAN", 1, 1},
	    {"socbu", 1, 2},
	    {"Soc", 2, 2}, /* two actors' names and labels begin so */
	    {"Socialtjänsten", 2, 2},
	    {"SOCIALTJÄNSTEN (V", 1, 3}, /* å ä ö folded as letters of their own */
	    {"Socialtjanst", 0, 0},      /* ... and not as a and o */
	    {"ÖVERFÖRMYNDAREN", 1, 6},
	    {"överf", 1, 6},
	    {"fk", 1, 5},
	    {"Fö", 0, 0}, /* too short to be a beginning */
	    {"Fältgruppen", 0, 0},
	    {"  BUP  ", 1, 4},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		m_id id;
		size_t n = find(&ix, cases[i].name, &id);
		if (n != cases[i].n || (n && id != cases[i].id))
			fail_msg("'%s': %zu matches, first %lld", cases[i].name, n, (long long)id);
	}
	imp_actors_clear(&ix);
}

static void test_sectors(void **state)
{
	(void)state;
	assert_int_equal(imp_sector_by_name("municipality"), SECTOR_MUNICIPALITY);
	assert_int_equal(imp_sector_by_name("Kommun"), SECTOR_MUNICIPALITY);
	assert_int_equal(imp_sector_by_name("statlig myndighet"), SECTOR_STATE);
	assert_int_equal(imp_sector_by_name("civil"), SECTOR_CIVIL);
	assert_int_equal(imp_sector_by_name("Civilsamhället"), SECTOR_CIVIL);
	assert_int_equal(imp_sector_by_name("REGION"), SECTOR_REGION);
	assert_int_equal(imp_sector_by_name("näringsliv"), SECTOR_BUSINESS);
	assert_int_equal(imp_sector_by_name("network"), SECTOR_NETWORK);
	assert_int_equal(imp_sector_by_name("skolan"), -1);
}

/* Every word of the table is in mellan(5), so the page and the program never disagree. */
static void test_words_in_the_man_page(void **state)
{
	(void)state;
	const char *top = getenv("MELLAN_TOP");
	char path[512];
	snprintf(path, sizeof path, "%s/man/mellan.5", top && *top ? top : ".");
	size_t n;
	char *page = tu_read(path, &n);
	page = realloc(page, n + 1);
	page[n] = '\0';
	for (int f = 0; f < IMP_FIELDS; f++)
		for (size_t k = 0; imp_header_word((enum imp_field)f, k); k++) {
			const char *w = imp_header_word((enum imp_field)f, k);
			char as_li[128], as_tag[128];
			snprintf(as_li, sizeof as_li, "\n.Li %s ", w);
			snprintf(as_tag, sizeof as_tag, "\n.It %s\n", w);
			if (!strstr(page, as_li) && !strstr(page, as_tag))
				fail_msg("mellan(5) does not list the header word '%s'", w);
		}
	free(page);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold),        cmocka_unit_test(test_header_words),
	    cmocka_unit_test(test_field_names), cmocka_unit_test(test_actor_names),
	    cmocka_unit_test(test_sectors),     cmocka_unit_test(test_words_in_the_man_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
