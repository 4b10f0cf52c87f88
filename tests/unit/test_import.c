/* test_import.c - chronologies from spreadsheets, through the one pipeline import uses, into real
 * database files: the CSV reader's cells (BOM, CRLF, separators, quotes), chronologies shaped as
 * Swedish and English agencies keep them with their own headers and actor names, what the user
 * says about columns and names, the preview that writes nothing, and refusals that name the line
 * or the column and leave the file as it was. */
#include "testutil.h"

#include "core/import_csv.h"
#include "core/import_rows.h"
#include "core/seed.h"

#include "storeutil.h"

/* ---- the CSV reader ------------------------------------------------------------------------ */

/* Every record of text as "line:cell|cell/line:...". */
static char *csv_records(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	struct csv_reader *r = NULL;
	struct merr err = {0};
	assert_int_equal(csv_open("in.csv", f, &r, &err), M_OK);
	char *out = calloc(1, 4096);
	size_t len = 0;
	struct imp_cells c = {0};
	for (bool more = true; more;) {
		if (csv_next(r, &c, &more, &err) != M_OK)
			fail_msg("%s", err.msg);
		if (!more)
			break;
		len += (size_t)snprintf(out + len, 4096 - len, "%s%ld:", len ? "/" : "", c.line);
		for (size_t i = 0; i < c.n; i++)
			len +=
			    (size_t)snprintf(out + len, 4096 - len, "%s%s", i ? "|" : "", c.v[i]);
	}
	imp_cells_free(&c);
	csv_close(&r);
	fclose(f);
	return out;
}

static void test_csv_cells(void **state)
{
	(void)state;
	struct {
		const char *in, *out;
	} cases[] = {
	    {"\xEF\xBB\xBF"
	     "Fall;Datum;AKTÖR\r\nÅsa;ht 2015;\"Börjar; skolka\r\nigen\"\r\n\r\nÅsa;\"Han sa "
	     "\"\"nej\"\"\";\r\n",
	     "1:Fall|Datum|AKTÖR/2:Åsa|ht 2015|Börjar; skolka\nigen/4:/5:Åsa|Han sa \"nej\"|"},
	    {"case\twhat happened\nBo\tx", "1:case|what happened/2:Bo|x"},
	    /* A title line without separators above the header: the separator is the header's. */
	    {"Kronologi\nfall;händelse\nBo;x\n", "1:Kronologi/2:fall|händelse/3:Bo|x"},
	    {"a,b\r\rc,d\r", "1:a|b/2:/3:c|d"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = csv_records(cases[i].in);
		if (strcmp(got, cases[i].out) != 0)
			fail_msg("case %zu:\n got  %s\n want %s", i, got, cases[i].out);
		free(got);
	}
}

/* ---- importing ----------------------------------------------------------------------------- */

struct run {
	enum mstatus st;
	struct merr err;
	struct store_exchange_report rep;
	char *preview; /* a dry run's */
};

/* Imports text into s as mellan import does: dry, the preview only. */
static struct run import_text(struct store *s, const char *text, const struct imp_options *o,
                              bool dry)
{
	struct run r = {0};
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	struct importer *im = NULL;
	r.st = imp_open(s, "chronology.csv", f, o, &im, &r.err);
	if (r.st == M_OK)
		r.st = imp_scan(im, NULL, NULL, &r.err);
	if (r.st == M_OK && dry) {
		size_t n;
		FILE *p = open_memstream(&r.preview, &n);
		imp_preview(im, p);
		fclose(p);
	}
	if (r.st == M_OK)
		r.st = imp_check_names(im, &r.err);
	if (r.st == M_OK && !dry)
		r.st = imp_write(im, &r.rep, NULL, NULL, &r.err);
	imp_close(&im);
	fclose(f);
	return r;
}

static struct store *fresh_db(const char *name, char *path, size_t n)
{
	struct store *s = su_fresh(name, path, n);
	struct merr err = {0};
	if (catalogue_load_defaults(s, &err) != M_OK)
		fail_msg("%s", err.msg);
	return s;
}

static void expect_ok(const struct run *r)
{
	if (r->st != M_OK)
		fail_msg("import refused: %s", r->err.msg);
}

static void expect_refused(const struct run *r, const char *a, const char *b)
{
	if (r->st != M_DATA || !strstr(r->err.msg, a) || (b && !strstr(r->err.msg, b)))
		fail_msg("status %d, '%s': wanted '%s' %s", r->st, r->err.msg, a, b ? b : "");
	if (!strstr(r->err.msg, "nothing was imported"))
		fail_msg("'%s' does not say nothing was imported", r->err.msg);
}

/* As a school or social services keeps it in Excel, saved as CSV: a title, a blank line,
 * semicolons, BOM, CRLF, their own headers, short names for actors, a line break in a cell. */
static const char swedish[] =
    "\xEF\xBB\xBF"
    "Kronologi för Lina (avidentifierad);;;;;\r\n"
    ";;;;;\r\n"
    "Datum;Myndighet;Händelse;Åtgärd;Kommentar;Ref nr\r\n"
    "2015-08-20;Skolan;Börjar skolka;\"Mentorn ringer hem;\r\ningen svarar\";;A1\r\n"
    "2015-10-01;Soc;Orosanmälan från skolan;Utredning inleds;Skolan oroad;A2\r\n"
    "15/11/2015;Fältgruppen;Träffas på stan;Samtal;;A3\r\n"
    "ht 2016;BUP;Remiss till BUP;;;A4\r\n"
    "vt 2017;Fältgruppen;Slutar träffas;;;A5\r\n"
    ";;;;;\r\n";

static void test_swedish_chronology(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("sv.db", path, sizeof path);
	struct imp_options o;
	imp_options_init(&o);
	/* As it is: the unknown column stops it, named. */
	struct run r = import_text(s, swedish, &o, false);
	expect_refused(&r, "line 3", "'Ref nr'");
	/* Left out, there is no case column: the case is given. */
	imp_options_column(&o, "REF NR", IMP_IGNORE);
	r = import_text(s, swedish, &o, false);
	expect_refused(&r, "--case", NULL);
	o.case_code = strdup("Lina");
	/* Every name the catalogue lacks at once, with its lines; Soc could be three actors. */
	r = import_text(s, swedish, &o, false);
	expect_refused(&r, "'Fältgruppen' (lines 7, 9)",
	               "'Soc' (line 6: could be Socialtjänsten (barn och unga) or "
	               "Socialtjänsten (vuxen) or Socialtjänstens öppenvård?)");
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM step"), 0);
	/* Said what they are: Soc by a beginning of a name, the rest new in the municipality. */
	imp_options_actor_named(&o, "soc", "socialtjänsten (barn");
	o.new_sector = SECTOR_MUNICIPALITY;
	r = import_text(s, swedish, &o, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 1 + 5 + 5 + 1); /* the case, steps, interventions, actor */
	store_close(&s);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM actor WHERE name = 'Fältgruppen' "
	                                  "AND sector = 'municipality'"),
	                 1);
	char *t = su_raw_text(path, "SELECT group_concat(time || ' ' || title || ' ' || "
	                            "coalesce(note, '-'), ' / ') FROM (SELECT * FROM step ORDER BY "
	                            "seq)");
	assert_string_equal(t, "2015-08-20 Börjar skolka - / 2015-10-01 Orosanmälan från skolan "
	                       "Skolan oroad / 2015-11-15 Träffas på stan - / 2016-HT Remiss till "
	                       "BUP - / 2017-VT Slutar träffas -");
	free(t);
	t = su_raw_text(path, "SELECT group_concat(a.name || ': ' || coalesce(i.what, '-'), ' / ') "
	                      "FROM (SELECT * FROM intervention ORDER BY id) i JOIN actor a ON "
	                      "a.id = i.actor_id");
	assert_string_equal(t, "Skolan (grundskola): Mentorn ringer hem;\ningen svarar / "
	                       "Socialtjänsten (barn och unga): Utredning inleds / Fältgruppen: "
	                       "Samtal / BUP: - / Fältgruppen: -");
	free(t);
	/* Twice is once: the same file adds nothing, and no second Fältgruppen. */
	s = su_open(path, 0);
	r = import_text(s, swedish, &o, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 0);
	assert_int_equal(r.rep.same, 5);
	store_close(&s);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM actor WHERE name = 'Fältgruppen'"),
	                 1);
	imp_options_clear(&o);
}

/* As an English multi-agency chronology keeps it: commas, its own words, an outcome. */
static const char english[] =
    "Case ID,Date of event,Agency,Event,Action taken,Outcome,Notes\n"
    "Sam,2016-03-04 10:30,Police,\"Stopped in the city centre, at night\",Called the "
    "parents,Parents came,\n"
    "Sam,4.5.2016,BUP,Referral,Assessment,,waiting list\n"
    "Sam,2016-06,Police,Second contact,,,\n";

static void test_english_chronology(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("en.db", path, sizeof path);
	struct imp_options o;
	imp_options_init(&o);
	struct run r = import_text(s, english, &o, false);
	expect_refused(&r, "'Police' (lines 2, 4)", NULL);
	imp_options_actor_named(&o, "police", "Polisen");
	r = import_text(s, english, &o, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 1 + 3 + 3);
	store_close(&s);
	char *t =
	    su_raw_text(path, "SELECT group_concat(s.time || ' ' || a.name || ' ' || "
	                      "coalesce(i.what, '-') || ' ' || coalesce(i.outcome, '-'), ' / ') "
	                      "FROM step s JOIN intervention i ON i.step_from = s.id JOIN actor "
	                      "a ON a.id = i.actor_id");
	assert_string_equal(t,
	                    "2016-03-04 Polisen Called the parents Parents came / 2016-05-04 BUP "
	                    "Assessment - / 2016-06 Polisen - -");
	free(t);
	imp_options_clear(&o);
}

static void test_columns_said(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("cols.db", path, sizeof path);
	struct imp_options o;
	imp_options_init(&o);
	const char *text = "Barn,Vecka,Instans,Skeende,Ref,Vad som gjordes\n"
	                   "Kim,2015,BUP,Remiss,7,Bedömning\n";
	/* Every unknown column in the one refusal, with the fields mellan reads. */
	struct run r = import_text(s, text, &o, false);
	expect_refused(&r, "'Barn', 'Vecka', 'Ref'",
	               "case, date, actor, what happened, what was done, outcome, note");
	imp_options_column(&o, "barn", IMP_CASE);
	imp_options_column(&o, "Vecka", IMP_DATE);
	imp_options_column(&o, "ref", IMP_IGNORE);
	r = import_text(s, text, &o, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 3);
	/* Two columns giving one field are refused, naming both. */
	imp_options_column(&o, "ref", IMP_DATE);
	r = import_text(s, text, &o, false);
	expect_refused(&r, "'Vecka', 'Ref'", "'date'");
	store_close(&s);
	imp_options_clear(&o);
}

static void test_dry_run_writes_nothing(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("dry.db", path, sizeof path);
	store_close(&s);
	size_t n0, n1;
	char *before = tu_read(path, &n0);
	s = su_open(path, STORE_READONLY);
	struct imp_options o;
	imp_options_init(&o);
	imp_options_column(&o, "Ref nr", IMP_IGNORE);
	o.case_code = strdup("Lina");
	o.new_sector = SECTOR_CIVIL;
	struct run r = import_text(s, swedish, &o, true);
	/* Soc is still ambiguous: the preview says so, and so does the refusal. */
	expect_refused(&r, "'Soc'", NULL);
	assert_non_null(r.preview);
	assert_non_null(
	    strstr(r.preview, "would add: 1 case, 5 steps, 5 interventions, 1 new actor"));
	assert_non_null(strstr(r.preview, "'Ref nr' left out"));
	assert_non_null(strstr(r.preview, "  cases: Lina\n"));
	assert_non_null(strstr(r.preview, "  steps: 2015-08-20 Börjar skolka · 2015-10-01 "
	                                  "Orosanmälan från skolan · 2015-11-15 Träffas på stan "
	                                  "· and 2 more\n"));
	assert_non_null(strstr(r.preview, "  new actors: Fältgruppen (Civil society)\n"));
	assert_non_null(strstr(r.preview, "not in the catalogue: 'Soc' (line 6: could be"));
	free(r.preview);
	imp_options_actor(&o, "Soc", 0, SECTOR_MUNICIPALITY);
	r = import_text(s, swedish, &o, true);
	expect_ok(&r);
	assert_non_null(strstr(r.preview, "2 new actors"));
	assert_non_null(strstr(r.preview, "new actors: Soc (Municipality) · Fältgruppen (Civil "
	                                  "society)"));
	free(r.preview);
	store_close(&s);
	char *after = tu_read(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
	imp_options_clear(&o);
}

static void test_refusals_name_the_line(void **state)
{
	(void)state;
	struct {
		const char *text, *expect;
	} cases[] = {
	    {"case,what happened\nA,x\nA,\"open\nA,y\n", "line 3"},
	    {"case,what happened\nA,x\nA,x\"y\n", "line 3"},
	    {"case,what happened\nA,x,extra\n", "column C"},
	    {"case,what happened,\nA,x,\n,y,z\n", "line 3: column C has a value but no name"},
	    {"case,colour\nA,x\n", "'colour'"},
	    {"datum,vad hände\n2015,x\n", "line 1"},
	    {"case,what happened\nA,\xff\n", "line 2"},
	    {"case,what happened,date\nA,x,den 3:e\n", "line 2"},
	    {"case,what happened\nA,x\n,y\n", "line 3: no case code"},
	    {"case,what happened,what was done\nA,x,y\n", "line 2: 'what was done' needs an actor"},
	    {"only,titles\n", "the columns 'only', 'titles' are not ones mellan reads"},
	    {"fall,händelse,x\n", "the column 'x' is not one"},
	    {"händelse\nx\n", "no column gives the case"},
	    {"Kronologi\n\nInget mer\n", "no header line"},
	    {"\xEF\xBB\xBF {\"format\": \"mellan\"}\n", "a JSON export, not a chronology"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char path[512], name[32];
		snprintf(name, sizeof name, "refused%zu.db", i);
		struct store *s = fresh_db(name, path, sizeof path);
		store_close(&s);
		size_t n0, n1;
		char *before = tu_read(path, &n0);
		s = su_open(path, 0);
		struct run r = import_text(s, cases[i].text, NULL, false);
		if (r.st != M_DATA || !strstr(r.err.msg, cases[i].expect))
			fail_msg("case %zu: status %d, message %s", i, r.st, r.err.msg);
		store_close(&s);
		char *after = tu_read(path, &n1);
		assert_true(n0 == n1 && memcmp(before, after, n0) == 0);
		free(before);
		free(after);
	}
}

/* A title and the date it was written above the header, in cells of their own: passed over,
 * the header is the row that names the fields. */
static void test_title_rows_above_the_header(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("title.db", path, sizeof path);
	struct run r = import_text(s,
	                           "Kronologi;upprättad 2023-01-10\n"
	                           ";\n"
	                           "Handläggare;Kim\n"
	                           "Fall;Händelse\n"
	                           "Kim;Flyttar\n",
	                           NULL, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 2);
	store_close(&s);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM step WHERE title = 'Flyttar'"), 1);
}

static void test_import_twice_and_unknown_actor(void **state)
{
	(void)state;
	char path[512];
	struct store *s = fresh_db("csv.db", path, sizeof path);
	const char *text = "fall;datum;aktör;vad hände;vad gjordes\n"
	                   "Kim;2015-03;socialtjänsten (barn och unga);Orosanmälan;Utredning\n"
	                   "Kim;vt 2016;BUP;Remiss;\n";
	struct run r = import_text(s, text, NULL, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 5); /* a case, two steps, two interventions */
	r = import_text(s, text, NULL, false);
	expect_ok(&r);
	assert_int_equal(r.rep.added, 0);
	assert_int_equal(r.rep.same, 2);
	r = import_text(s,
	                "case,actor,what happened\nKim,BUP,Ny händelse\nKim,Hemliga byrån,x\n"
	                "Kim,Okänd,y\nKim,hemliga BYRÅN,z\n",
	                NULL, false);
	expect_refused(&r, "'Hemliga byrån' (lines 3, 5)", "'Okänd' (line 4)");
	store_close(&s);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM step"), 2);
	assert_int_equal(su_raw_int(path, "SELECT count(*) FROM step WHERE title = 'Ny händelse'"),
	                 0);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_csv_cells),
	    cmocka_unit_test(test_swedish_chronology),
	    cmocka_unit_test(test_english_chronology),
	    cmocka_unit_test(test_columns_said),
	    cmocka_unit_test(test_dry_run_writes_nothing),
	    cmocka_unit_test(test_refusals_name_the_line),
	    cmocka_unit_test(test_import_twice_and_unknown_actor),
	    cmocka_unit_test(test_title_rows_above_the_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
