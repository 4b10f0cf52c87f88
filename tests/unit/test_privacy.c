/* test_privacy.c - keeping the young person anonymous: each detector on a table of what it must
 * find and what it must leave alone, the two corpora (harmless case text that gives no finding,
 * identifiers in every form that must all be found), masking, the list of names and the kept
 * findings in a real file, the walk over a whole database, the gate, and the clean demo. */
#include "testutil.h"

#include "core/catalogue.h"
#include "core/commands.h"
#include "core/demo.h"
#include "core/privacy.h"
#include "core/store_edit.h"
#include "core/store_privacy.h"
#include "core/store_read.h"
#include "core/store_workshop.h"

#include <sqlite3.h>

static const char *const list[] = {"Åsa", "Yusuf", "Mirjam", "Anna Berg", "Leo"};

static struct privacy_names *names(void)
{
	return privacy_names_new(list, sizeof list / sizeof *list);
}

/* "kind:text kind:text": the findings of text, in order. */
static char *found(const char *text, const struct privacy_names *nm)
{
	struct privacy_findings f = {0};
	privacy_scan(text, nm, &f);
	char *out = calloc(1, 1);
	size_t n = 0;
	for (size_t i = 0; i < f.n; i++) {
		const struct privacy_finding *g = &f.items[i];
		const char *code = privacy_kind_code(g->kind);
		size_t add = strlen(code) + g->len + 3;
		out = realloc(out, n + add);
		n += (size_t)snprintf(out + n, add, "%s%s:%.*s", i ? " " : "", code, (int)g->len,
		                      text + g->off);
	}
	privacy_findings_clear(&f);
	return out;
}

struct row {
	const char *text;
	const char *want; /* "" for nothing */
};

static void run_table(const struct row *rows, size_t n)
{
	struct privacy_names *nm = names();
	for (size_t i = 0; i < n; i++) {
		char *got = found(rows[i].text, nm);
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("'%s': found '%s', expected '%s'", rows[i].text, got,
			         rows[i].want);
		free(got);
	}
	privacy_names_free(&nm);
	assert_null(nm);
}
#define TABLE(rows) run_table(rows, sizeof rows / sizeof *rows)

/* ---- one table per detector ---------------------------------------------------------------- */

static void test_identity_numbers(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"19121212-1212", "pnr:19121212-1212"},
	    {"pnr 121212-1212.", "pnr:121212-1212"},
	    {"191212121212", "pnr:191212121212"},
	    {"1212121212", "pnr:1212121212"},
	    {"121212+1212", "pnr:121212+1212"},
	    {"850709 1232", "pnr:850709 1232"},
	    {"(850709–1232)", "pnr:850709–1232"},
	    {"000229-1235", "pnr:000229-1235"}, /* 2000 was a leap year */
	    {"20000229-1235", "pnr:20000229-1235"},
	    {"701063-2391", "coordination:701063-2391"}, /* the 3rd, plus 60 */
	    {"19701063-2391", "coordination:19701063-2391"},
	    /* impossible dates, wrong century, inside bigger numbers */
	    {"19000229-1235", ""}, /* 1900 was not */
	    {"000229+1235", ""},   /* and a '+' says 1900: a hundred years or more */
	    {"990229-1237", ""},   /* no 29 February in a year 99 */
	    {"851309-1234", ""},
	    {"850732-1231", ""},
	    {"701092-2391", ""},
	    {"17121212-1212", ""},
	    {"ärende 1212121212345", ""},
	    {"A1212121212", ""},
	    {"1212121212 kr", ""},
	    {"2017-03-14", ""},
	    {"20170314", ""},
	};
	TABLE(rows);
}

/* A date-shaped number whose check digit is wrong is most likely an identity number typed
 * wrong: it still points at one person. */
static void test_mistyped_identity_numbers(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"121212-1213", "maybe-pnr:121212-1213"},
	    /* every spacing of a date and a four-digit tail */
	    {"20050314-2383", "maybe-pnr:20050314-2383"},
	    {"050314-2383", "maybe-pnr:050314-2383"},
	    {"050314 2383", "maybe-pnr:050314 2383"},
	    {"050314–2383", "maybe-pnr:050314–2383"},
	    {"0503142383", "maybe-pnr:0503142383"},
	    {"20050314 2383", "maybe-pnr:20050314 2383"},
	    {"200503142383", "maybe-pnr:200503142383"},
	    {"050314+2383", "maybe-pnr:050314+2383"}, /* born 1905 */
	    {"19050314-2383.", "maybe-pnr:19050314-2383"},
	    {"(050314-2383)", "maybe-pnr:050314-2383"},
	    {"050314 - 2383", "maybe-pnr:050314 - 2383"},
	    {"050314  2383", "maybe-pnr:050314  2383"},
	    {"20050314 -2383", "maybe-pnr:20050314 -2383"},
	    {"050314   2383", ""},
	    {"050314 -  2383", ""},
	    {"850709 + 1232", "pnr:850709 + 1232"},
	    /* coordination numbers: the day plus 60 */
	    {"050374-2383", "maybe-pnr:050374-2383"},
	    {"050392-2383", ""},
	    /* leap days: 2000 and 2004 had one, 1900 and 2005 did not */
	    {"040229-1234", "maybe-pnr:040229-1234"},
	    {"040289-1234", "maybe-pnr:040289-1234"},
	    {"050229-1234", ""},
	    {"050289-1234", ""},
	    {"000229-1234", "maybe-pnr:000229-1234"},
	    {"000229+1234", ""},
	    {"20000229-1234", "maybe-pnr:20000229-1234"},
	    {"19000229-1234", ""},
	    /* only the 1900s and 2000s */
	    {"18050314-2383", ""},
	    {"21050314-2383", ""},
	    /* not a date, not the shape */
	    {"050332-2383", ""},
	    {"051314-2383", ""},
	    {"050314-238", ""},
	    {"050314-23835", ""},
	    {"050314 23 83", ""},
	    {"20050314-20060314", ""},
	    {"556036-0793", ""}, /* organisation numbers: the month is 20 or more */
	    {"212000-1124", ""},
	    {"Dnr 2023-0314", ""},
	    {"SFS 2005:0314", ""},
	    {"2 005 031 423 kr", ""},
	    {"0503142383 kr", ""},
	    {"2005-03-14 23:59", ""},
	    {"2005-03-14 2383", ""},
	    {"ärende 1205031423835", ""},
	    /* a number of another system, named so */
	    {"OCR 0503142383", ""},
	    {"OCR-nummer: 4005314238", ""},
	    {"Fakturanummer 2005031423", ""},
	    {"faktura nr. 050314-2383", ""},
	    {"invoice no. 0503142383", ""},
	    {"bankgiro 050314-2383", ""},
	    /* ... but a valid identity number is one whatever it is called */
	    {"OCR 121212-1212", "pnr:121212-1212"},
	    /* ten digits in a row starting 07, or after a word of phone, are a phone number;
	     * other ten with a 0 first could be either and are the more telling kind */
	    {"0703142383", "phone:0703142383"},
	    {"070-314 23 83", "phone:070-314 23 83"},
	    {"ring 0401234567", "phone:0401234567"},
	    {"tel. nr 0503142383", "phone:0503142383"},
	    {"0401234567", "maybe-pnr:0401234567"},
	    {"tel 050314-2383", "maybe-pnr:050314-2383"},
	    {"OCR 0701234567", ""},
	    {"Faktura 070-123 45 67", "phone:070-123 45 67"},
	};
	TABLE(rows);
}

/* A date next to a word of birth. A birthday without its year counts too: the case may hold the
 * birth year, and the two together are the exact birth date the schema keeps out. */
static void test_birth_dates(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"Född 2005-03-14", "birthdate:Född 2005-03-14"},
	    {"f. 050314", "birthdate:f. 050314"},
	    {"född den 14 mars 2005.", "birthdate:född den 14 mars 2005"},
	    {"födelsedatum: 14/3 2005", "birthdate:födelsedatum: 14/3 2005"},
	    {"born 14 March 2005", "birthdate:born 14 March 2005"},
	    {"DOB 2005-03-14", "birthdate:DOB 2005-03-14"},
	    {"födelsedag 14 mars", "birthdate:födelsedag 14 mars"},
	    {"FÖDD 14 MARS 2005", "birthdate:FÖDD 14 MARS 2005"},
	    {"född 20050314", "birthdate:född 20050314"},
	    {"född 14/3-2005", "birthdate:född 14/3-2005"},
	    {"född 14.3.2005", "birthdate:född 14.3.2005"},
	    {"född den 14:e mars 2005", "birthdate:född den 14:e mars 2005"},
	    {"född i Malmö den 14 mars 2005", "birthdate:född i Malmö den 14 mars 2005"},
	    {"Hon föddes 2005-03-14 på MAS", "birthdate:föddes 2005-03-14"},
	    {"Den 14 mars 2005 föddes hon", "birthdate:14 mars 2005 föddes"},
	    {"born on March 14, 2005", "birthdate:born on March 14, 2005"},
	    {"born 14th March 2005", "birthdate:born 14th March 2005"},
	    {"date of birth: 14 Mar. 2005", "birthdate:birth: 14 Mar. 2005"},
	    {"birthday 3/14", "birthdate:birthday 3/14"},
	    /* leap days */
	    {"född 29 februari 2004", "birthdate:född 29 februari 2004"},
	    {"född 2004-02-29", "birthdate:född 2004-02-29"},
	    {"f. 040229", "birthdate:f. 040229"},
	    {"födelsedag 29 feb", "birthdate:födelsedag 29 feb"},
	    {"född 29 februari 2005", ""},
	    {"född 2005-02-29", ""},
	    {"f. 050229", ""},
	    {"född 31 april", ""},
	    {"född 2005-13-01", ""},
	    /* a year, a month and a year, dates with no word of birth */
	    {"född 2005", ""},
	    {"Född 2005 i Malmö", ""},
	    {"född i mars 2005", ""},
	    {"born in 2005", ""},
	    {"födelseår 2005", ""},
	    {"2015-09-01 började hon på gymnasiet", ""},
	    {"den 14 mars 2005 flyttade de", ""},
	    {"född 2005 och började skolan 2011-08-15", ""},
	    {"Född 2005. 2015-09-01 började hon", ""},
	    {"född i Sverige och 2015-09-01 flyttade", ""},
	    {"fler födda 2005-2006", ""},
	    {"född kl. 14.30", ""},
	    {"Född i Syrien, 2015-09-01 kom hon", ""},
	    {"Född i Syrien\n2015-09-01 kom hon", ""},
	    {"Anmälan 2019-03-14\nFödd 2005", ""},
	    {"Född:\t2005-03-14", "birthdate:Född:\t2005-03-14"},
	    {"föddes 12 år senare", ""},
	    {"f.d. elev 2019-03-14", ""},
	    {"ärende f. 2019", ""},
	    /* an identity number next to a word of birth is the identity number */
	    {"Född 050314-2383", "maybe-pnr:050314-2383"},
	    {"Född 121212-1212", "pnr:121212-1212"},
	};
	TABLE(rows);
	/* every month, in any case, written out or cut short */
	static const char *const months[] = {
	    "januari", "jan",  "februari", "feb",       "mars",    "mar",     "april",
	    "apr",     "maj",  "juni",     "jun",       "juli",    "jul",     "augusti",
	    "aug",     "sep",  "sept",     "september", "oktober", "okt",     "november",
	    "nov",     "dec",  "december", "JANUARI",   "Okt.",    "january", "february",
	    "may",     "june", "july",     "october",   "oct",     "dec."};
	struct privacy_names *nm = names();
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		char text[64], want[80];
		snprintf(text, sizeof text, "född 3 %s 2005", months[i]);
		snprintf(want, sizeof want, "birthdate:%s", text);
		char *got = found(text, nm);
		if (strcmp(got, want) != 0)
			fail_msg("'%s': found '%s'", text, got);
		free(got);
	}
	privacy_names_free(&nm);
}

static void test_phone_numbers(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"070-123 45 67", "phone:070-123 45 67"},
	    {"ring 0701234567!", "phone:0701234567"},
	    {"070-1234567", "phone:070-1234567"},
	    {"+46 70 123 45 67", "phone:+46 70 123 45 67"},
	    {"+46701234567", "phone:+46701234567"},
	    {"0046 70 123 45 67", "phone:0046 70 123 45 67"},
	    {"040-12 34 56", "phone:040-12 34 56"},
	    {"08-123 456 78", "phone:08-123 456 78"},
	    {"0410-123 45", "phone:0410-123 45"},
	    {"(040) 12 34 56", "phone:(040) 12 34 56"},
	    {"+46 (0)40-12 34 56", "phone:+46 (0)40-12 34 56"},
	    {"ring 070-123 45 67 2 gånger", "phone:070-123 45 67"},
	    {"070-123 45 67 040-12 34 56", "phone:070-123 45 67 phone:040-12 34 56"},
	    /* too short, too long, not a Swedish number plan, amounts, dates, times */
	    {"070-123 45", ""},
	    {"0701234567890", ""},
	    {"0012345678", ""},
	    {"1 040 500 000 kr", ""},
	    {"0 40 500 000 kr", ""},
	    {"2009-09-14", ""},
	    {"01-02-2015", ""},
	    {"kl. 08-16", ""},
	    {"1177 och 112", ""},
	    {"läsåret 07/08", ""},
	};
	TABLE(rows);
}

static void test_email(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"anna.svensson@malmo.se", "email:anna.svensson@malmo.se"},
	    {"<kurator@skola.malmo.se>.", "email:kurator@skola.malmo.se"},
	    {"sam_2004+bup@gmail.com,", "email:sam_2004+bup@gmail.com"},
	    {"åsa@exempel.se", "email:åsa@exempel.se"},
	    {"@sam", ""},
	    {"mejla oss @ fritids", ""},
	    {"a@b", ""},
	    {"x@y.1", ""},
	};
	TABLE(rows);
}

static void test_street_addresses(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"Storgatan 12", "address:Storgatan 12"},
	    {"på Lilla Nygatan 3B.", "address:Lilla Nygatan 3B"},
	    {"Södra Förstadsgatan 24 lgh 1102", "address:Södra Förstadsgatan 24 lgh 1102"},
	    {"Ystadvägen 44 A", "address:Ystadvägen 44 A"},
	    {"Kvarngränd 7", "address:Kvarngränd 7"},
	    {"Stortorget 1", "address:Stortorget 1"},
	    {"Davidshallsplan 2", "address:Davidshallsplan 2"},
	    {"Lindallén 3", "address:Lindallén 3"},
	    {"Gustav Adolfs torg 5", "address:Gustav Adolfs torg 5"},
	    {"bor på storgatan 5", "address:storgatan 5"},
	    {"Bergsgatan 12-14", "address:Bergsgatan 12-14"},
	    /* no number, a year, a count, a time, a decimal, common words */
	    {"Storgatan", ""},
	    {"Storgatan 1998", ""},
	    {"på vägen 3 gånger", ""},
	    {"Cykelvägen 3 gånger", ""},
	    {"vid Stortorget 12.30", ""},
	    {"Ringvägen 2,5 km", ""},
	    {"Handlingsplan 2", ""},
	    {"första gången 3", ""},
	    {"konstgräsplan 2", ""},
	    {"halvvägen 2", ""},
	    {"gatan 3", ""},
	    {"Care Plan 2", ""},
	    {"Storgatan 0", ""},
	};
	TABLE(rows);
}

static void test_postal_codes(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"211 45 Malmö", "postcode:211 45 Malmö"},
	    {"21145 Malmö", "postcode:21145 Malmö"},
	    {"SE-211 45 Malmö", "postcode:211 45 Malmö"},
	    {"223 50 Lund.", "postcode:223 50 Lund"},
	    {"211 45", ""},
	    {"790 680 kr", ""},
	    {"211 45 malmö", ""},
	    {"011 45 Malmö", ""},
	    {"1 211 45 Malmö", ""},
	};
	TABLE(rows);
}

static void test_names(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    {"Åsa ringde", "name:Åsa"},
	    {"åsa och ÅSA", "name:åsa name:ÅSA"},
	    {"Åsas mamma", "name:Åsas"},
	    {"Yusuf:s bror", "name:Yusuf:s"},
	    {"Anna Berg kom", "name:Anna Berg"},
	    {"anna\n  berg", "name:anna\n  berg"},
	    {"Mirjam's school, Leo’s club", "name:Mirjam's name:Leo’s"},
	    {"Leo.", "name:Leo"},
	    /* parts of other words */
	    {"Åsarp och åsen", ""},
	    {"Leon och Leopold", ""},
	    {"Mirjamsgården", ""},
	    {"Anna Bergström", ""},
	    {"Yusufiye", ""},
	};
	TABLE(rows);
	/* no list, an empty list, a list of blanks */
	struct privacy_findings f = {0};
	privacy_scan("Åsa", NULL, &f);
	assert_int_equal(f.n, 0);
	const char *blank[] = {"  ", ""};
	struct privacy_names *nm = privacy_names_new(blank, 2);
	privacy_scan("Åsa", nm, &f);
	assert_int_equal(f.n, 0);
	privacy_names_free(&nm);
	assert_true(privacy_same_name("Åsa  Berg", "åsa berg"));
	assert_false(privacy_same_name("Åsa", "Åse"));
}

static void test_overlaps_and_order(void **state)
{
	(void)state;
	static const struct row rows[] = {
	    /* the digits of an address and an e-mail are theirs, findings come in text order */
	    {"Leo, Storgatan 12, 211 45 Malmö, 070-123 45 67, leo@exempel.se",
	     "name:Leo address:Storgatan 12 postcode:211 45 Malmö phone:070-123 45 67 "
	     "email:leo@exempel.se"},
	    {"mejla 0701234567@sms.se", "email:0701234567@sms.se"},
	};
	TABLE(rows);
	struct privacy_findings f = {0};
	privacy_scan(NULL, NULL, &f);
	assert_int_equal(f.n, 0);
	privacy_scan("", NULL, &f);
	assert_int_equal(f.n, 0);
	/* invalid UTF-8 and control characters do not stop the scan */
	privacy_scan("\xff\xfe 070-123 45 67 \x1b[31m", NULL, &f);
	assert_int_equal(f.n, 1);
	privacy_findings_clear(&f);
}

/* ---- masking -------------------------------------------------------------------------------- */

static void test_masking(void **state)
{
	(void)state;
	char *m = privacy_mask("19121212-1212", 13);
	assert_string_equal(m, "19******-**12");
	free(m);
	m = privacy_mask("070-123 45 67", 13);
	assert_string_equal(m, "07*-*** ** 67");
	free(m);
	m = privacy_mask("Åsa", strlen("Åsa"));
	assert_string_equal(m, "Å**");
	free(m);
	m = privacy_mask("Al", 2);
	assert_string_equal(m, "**");
	free(m);
	/* a control character in a name matched across lines never reaches the terminal */
	m = privacy_mask("anna\n\x1b[2Jberg", strlen("anna\n\x1b[2Jberg"));
	assert_null(strchr(m, '\x1b'));
	assert_null(strchr(m, '\n'));
	free(m);

	const char *text = "Ring Åsa på 070-123 45 67.";
	struct privacy_names *nm = names();
	struct privacy_findings f = {0};
	privacy_scan(text, nm, &f);
	char *shown = privacy_masked_text(text, &f);
	assert_string_equal(shown, "Ring Å** på 07*-*** ** 67.");
	free(shown);
	/* the new kinds are masked as the others */
	text = "Född den 14 mars 2005, nummer 20050314-2383.";
	privacy_scan(text, nm, &f);
	shown = privacy_masked_text(text, &f);
	assert_string_equal(shown, "Fö** *** ** **** **05, nummer 20******-**83.");
	free(shown);
	privacy_findings_clear(&f);
	privacy_names_free(&nm);
}

/* ---- the corpora ---------------------------------------------------------------------------- */

static char *corpus(const char *name)
{
	char path[512];
	const char *top = getenv("MELLAN_TOP");
	snprintf(path, sizeof path, "%s/tests/data/%s", top && *top ? top : ".", name);
	size_t n;
	char *text = tu_read(path, &n);
	text = realloc(text, n + 1);
	assert_non_null(text);
	text[n] = '\0';
	return text;
}

static void test_clean_corpus(void **state)
{
	(void)state;
	char *text = corpus("privacy_clean.txt");
	struct privacy_names *nm = names();
	size_t lines = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		lines++;
		char *got = found(line, nm);
		if (*got)
			fail_msg("harmless text gave a finding: '%s' in '%s'", got, line);
		free(got);
	}
	assert_true(lines >= 60);
	privacy_names_free(&nm);
	free(text);
}

static void test_found_corpus(void **state)
{
	(void)state;
	char *text = corpus("privacy_found.txt");
	struct privacy_names *nm = names();
	size_t lines = 0, marks = 0;
	bool kinds[PRIV_KIND_COUNT] = {false};
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		lines++;
		/* "a [[phone:070..]] b" -> plain "a 070.. b", want "phone:070.." */
		char plain[1024], want[1024];
		size_t p = 0, w = 0;
		for (const char *c = line; *c;) {
			if (strncmp(c, "[[", 2) == 0) {
				const char *colon = strchr(c, ':'), *end = strstr(c, "]]");
				assert_non_null(colon);
				assert_non_null(end);
				w += (size_t)snprintf(want + w, sizeof want - w, "%s%.*s",
				                      w ? " " : "", (int)(end - c - 2), c + 2);
				memcpy(plain + p, colon + 1, (size_t)(end - colon - 1));
				p += (size_t)(end - colon - 1);
				/* the whole code: "pnr" does not count for "maybe-pnr" */
				for (int k = 0; k < PRIV_KIND_COUNT; k++) {
					const char *code = privacy_kind_code((enum privacy_kind)k);
					if (strlen(code) == (size_t)(colon - c - 2) &&
					    strncmp(c + 2, code, strlen(code)) == 0)
						kinds[k] = true;
				}
				marks++;
				c = end + 2;
			} else {
				plain[p++] = *c++;
			}
		}
		plain[p] = '\0';
		want[w] = '\0';
		char *got = found(plain, nm);
		if (strcmp(got, want) != 0)
			fail_msg("'%s': found '%s', expected '%s'", plain, got, want);
		free(got);
	}
	assert_true(lines >= 50);
	assert_true(marks >= 120);
	for (int k = 0; k < PRIV_KIND_COUNT; k++)
		if (!kinds[k])
			fail_msg("the corpus has no %s", privacy_kind_code((enum privacy_kind)k));
	privacy_names_free(&nm);
	free(text);
}

/* ---- the store ------------------------------------------------------------------------------ */

static struct store *fresh(const char *name, bool demo)
{
	char path[512];
	struct merr err = {0};
	tu_path(path, sizeof path, name);
	if (demo) {
		if (cmd_init(path, true, &err) != M_OK)
			fail_msg("init %s: %s", path, err.msg);
	}
	struct store *s = NULL;
	if (store_open(path, demo ? 0 : STORE_CREATE | STORE_EXCLUSIVE, &s, &err) != M_OK)
		fail_msg("store_open %s: %s", path, err.msg);
	return s;
}

static void test_name_list(void **state)
{
	(void)state;
	struct store *s = fresh("names.db", false);
	struct merr err = {0};
	assert_int_equal(store_name_add(s, "  Östen \n", &err), M_OK);
	assert_int_equal(store_name_add(s, "Åsa", &err), M_OK);
	assert_int_equal(store_name_add(s, "Anna Berg", &err), M_OK);
	assert_int_equal(store_name_add(s, "Ali", &err), M_OK);
	/* the same name in another case is refused, as are blanks */
	assert_int_equal(store_name_add(s, "ÅSA", &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_non_null(strstr(err.msg, "ÅSA"));
	assert_int_equal(store_name_add(s, "anna   berg", &err), M_USAGE);
	assert_int_equal(store_name_add(s, " \t", &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	assert_int_equal(store_name_add(s, "\xff", &err), M_USAGE);

	struct m_name_list l;
	assert_int_equal(store_name_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 4);
	/* Swedish order, blanks gone */
	assert_string_equal(l.items[0].name, "Ali");
	assert_string_equal(l.items[1].name, "Anna Berg");
	assert_string_equal(l.items[2].name, "Åsa");
	assert_string_equal(l.items[3].name, "Östen");
	assert_int_equal(strlen(l.items[0].uuid), 36);
	m_name_list_clear(&l);

	assert_int_equal(store_name_remove(s, "åsa", &err), M_OK);
	assert_int_equal(store_name_remove(s, "Åsa", &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);

	/* the scanner reads the list from the file */
	struct privacy_names *nm = NULL;
	assert_int_equal(privacy_names_load(s, &nm, &err), M_OK);
	char *got = found("Östen och Ali, inte Åsa, ÖSTENS bror", nm);
	assert_string_equal(got, "name:Östen name:Ali name:ÖSTENS");
	free(got);
	privacy_names_free(&nm);
	store_close(&s);
}

/* The names screen renames and deletes by id; each is one change that undo takes back. */
static void test_name_rename_delete_undo(void **state)
{
	(void)state;
	struct store *s = fresh("names-edit.db", false);
	struct merr err = {0};
	store_set_editor(s, "ÅB");
	assert_int_equal(store_name_add(s, "Åsa", &err), M_OK);
	assert_int_equal(store_name_add(s, "Ali", &err), M_OK);
	struct m_name_list l;
	assert_int_equal(store_name_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 2);
	m_id ali = l.items[0].id, asa = l.items[1].id;
	m_name_list_clear(&l);

	/* renamed, trimmed, re-sorted; another name's spelling is refused, its own is not */
	assert_int_equal(store_name_update(s, asa, "  Östen Berg ", &err), M_OK);
	assert_int_equal(store_name_update(s, ali, "östen   berg", &err), M_USAGE);
	assert_int_equal(err.reason, MR_EXISTS);
	assert_int_equal(store_name_update(s, asa, "ÖSTEN BERG", &err), M_OK);
	assert_int_equal(store_name_update(s, ali, " ", &err), M_USAGE);
	assert_int_equal(err.reason, MR_INVALID);
	assert_int_equal(store_name_update(s, 9999, "Kim", &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(store_name_list(s, &l, &err), M_OK);
	assert_string_equal(l.items[0].name, "Ali");
	assert_string_equal(l.items[1].name, "ÖSTEN BERG");
	m_name_list_clear(&l);

	/* deleted; undo brings it back, the rename before it undoes in turn */
	assert_int_equal(store_name_delete(s, ali, &err), M_OK);
	assert_int_equal(store_name_delete(s, ali, &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	char what[256];
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	/* the message line says what came back, not the name itself */
	assert_null(strstr(what, "Ali"));
	assert_non_null(strstr(what, "deleted"));
	assert_int_equal(store_undo(s, what, sizeof what, &err), M_OK);
	assert_null(strstr(what, "ÖSTEN"));
	assert_int_equal(store_name_list(s, &l, &err), M_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].name, "Ali");
	assert_int_equal(l.items[0].id, ali);
	assert_string_equal(l.items[1].name, "Östen Berg");
	m_name_list_clear(&l);
	store_close(&s);
}

static m_id plant_case(struct store *s, const char *summary, const char *narrative,
                       char step_uuid[M_UUID_LEN + 1])
{
	struct merr err = {0};
	struct m_case c = {.code = strdup("Fall 1"), .summary = summary ? strdup(summary) : NULL};
	assert_int_equal(store_case_add(s, &c, &err), M_OK);
	struct m_step st = {.case_id = c.id,
	                    .title = strdup("Flyttar"),
	                    .narrative = strdup(narrative),
	                    .time = strdup("2015")};
	assert_int_equal(store_step_add(s, &st, &err), M_OK);
	memcpy(step_uuid, st.uuid, M_UUID_LEN + 1);
	m_id id = c.id;
	m_step_clear(&st);
	m_case_clear(&c);
	return id;
}

struct seen {
	char lines[8][256];
	size_t n;
};

static void collect(void *ctx, const struct privacy_where *w, const struct privacy_findings *f)
{
	struct seen *seen = ctx;
	for (size_t i = 0; i < f->n && seen->n < 8; i++)
		snprintf(seen->lines[seen->n++], sizeof seen->lines[0], "%s/%d/%s/%s/%s",
		         w->case_code ? w->case_code : "-", w->step_no, w->field,
		         privacy_kind_code(f->items[i].kind), f->items[i].masked);
}

static void test_kept_on_purpose(void **state)
{
	(void)state;
	struct store *s = fresh("kept.db", false);
	struct merr err = {0};
	store_set_editor(s, "AB");
	const char *text = "Mamma nås på 070-123 45 67 och 040-12 34 56.";
	char uuid[M_UUID_LEN + 1];
	plant_case(s, NULL, text, uuid);

	struct seen seen = {0};
	struct privacy_tally t;
	assert_int_equal(privacy_scan_store(s, NULL, 0, collect, &seen, &t, &err), M_OK);
	assert_int_equal(t.findings, 2);
	assert_int_equal(t.kept, 0);
	assert_string_equal(seen.lines[0], "Fall 1/1/narrative/phone/07*-*** ** 67");

	/* the editor's view: one text, then keep the first finding on purpose */
	struct privacy_findings f = {0};
	assert_int_equal(privacy_check_text(s, NULL, uuid, "narrative", text, &f, &err), M_OK);
	assert_int_equal(f.n, 2);
	assert_int_equal(privacy_keep(s, uuid, "narrative", text, &f.items[0], &err), M_OK);
	assert_int_equal(privacy_keep(s, uuid, "narrative", text, &f.items[0], &err), M_OK);
	assert_int_equal(privacy_check_text(s, NULL, uuid, "narrative", text, &f, &err), M_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.items[0].masked, "04*-** ** 56");
	/* kept in this field only, and only while it is the same number */
	assert_int_equal(privacy_check_text(s, NULL, uuid, "voice", text, &f, &err), M_OK);
	assert_int_equal(f.n, 2);
	assert_int_equal(privacy_check_text(s, NULL, uuid, "narrative",
	                                    "Nås på 070 123 45 67 och 070-123 45 68.", &f, &err),
	                 M_OK);
	assert_int_equal(f.n, 1); /* re-spaced: still kept; a new number: found */
	assert_string_equal(f.items[0].masked, "07*-*** ** 68");
	privacy_findings_clear(&f);

	memset(&seen, 0, sizeof seen);
	assert_int_equal(privacy_scan_store(s, NULL, 0, collect, &seen, &t, &err), M_OK);
	assert_int_equal(t.findings, 1);
	assert_int_equal(t.kept, 1);
	assert_int_equal(seen.n, 1);

	/* who kept it and when, and never the text itself */
	struct m_kept_list kl;
	assert_int_equal(store_kept_list(s, uuid, &kl, &err), M_OK);
	assert_int_equal(kl.n, 1);
	assert_string_equal(kl.items[0].editor, "AB");
	assert_string_equal(kl.items[0].field, "narrative");
	assert_int_equal(strlen(kl.items[0].key), PRIVACY_KEY_LEN);
	assert_non_null(kl.items[0].at);
	assert_null(strstr(kl.items[0].key, "123"));
	char key[PRIVACY_KEY_LEN + 1];
	snprintf(key, sizeof key, "%s", kl.items[0].key);
	m_kept_list_clear(&kl);

	/* the refusals, and forgetting */
	assert_int_equal(store_kept_add(s, "not-a-uuid", "narrative", key, &err), M_USAGE);
	assert_int_equal(store_kept_add(s, uuid, "", key, &err), M_USAGE);
	assert_int_equal(store_kept_add(s, uuid, "narrative", "short", &err), M_USAGE);
	assert_int_equal(store_kept_remove(s, uuid, "narrative", key, &err), M_OK);
	assert_int_equal(store_kept_remove(s, uuid, "narrative", key, &err), M_USAGE);
	assert_int_equal(err.reason, MR_NOT_FOUND);
	assert_int_equal(privacy_scan_store(s, NULL, 0, NULL, NULL, &t, &err), M_OK);
	assert_int_equal(t.findings, 2);
	assert_int_equal(t.earlier, 0);

	/* rewritten: the history keeps the earlier text for undo, counted apart */
	struct m_journey j;
	struct m_case_list cl;
	assert_int_equal(store_case_list(s, &cl, &err), M_OK);
	assert_int_equal(store_journey_load(s, cl.items[0].id, &j, &err), M_OK);
	free(j.steps[0].narrative);
	j.steps[0].narrative = strdup("Mamma nås genom skolan.");
	assert_int_equal(store_step_update(s, &j.steps[0], &err), M_OK);
	m_journey_clear(&j);
	m_case_list_clear(&cl);
	assert_int_equal(privacy_scan_store(s, NULL, 0, NULL, NULL, &t, &err), M_OK);
	assert_int_equal(t.findings, 0);
	assert_int_equal(t.earlier, 2);
	struct m_free_text_list hl;
	assert_int_equal(store_history_texts(s, &hl, &err), M_OK);
	assert_int_equal(hl.n, 1);
	assert_string_equal(hl.items[0].table, "step");
	assert_string_equal(hl.items[0].field, "narrative");
	assert_string_equal(hl.items[0].uuid, uuid);
	assert_string_equal(hl.items[0].text, text);
	m_free_text_list_clear(&hl);
	store_close(&s);

	/* the kept table holds no found text: look at the file itself */
	char path[512];
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(tu_path(path, sizeof path, "kept.db"), &h), SQLITE_OK);
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT count(*) FROM privacy_kept WHERE key LIKE "
	                                    "'%123%' OR record_uuid LIKE '%123 45%'",
	                                    -1, &q, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
	sqlite3_close(h);
}

static void test_walk_finds_every_text(void **state)
{
	(void)state;
	struct store *s = fresh("walk.db", true);
	struct merr err = {0};
	struct privacy_tally t;
	/* the demo is fictional and clean */
	assert_int_equal(privacy_scan_store(s, NULL, 0, NULL, NULL, &t, &err), M_OK);
	assert_int_equal(t.findings, 0);
	assert_int_equal(privacy_gate(s, NULL, 0, false, NULL, &err), M_OK);

	/* a name on the list is found wherever it is: a factor, a gap's action, the workshop log */
	struct m_case_list cases;
	assert_int_equal(store_case_list(s, &cases, &err), M_OK);
	assert_true(cases.n >= 3);
	struct m_journey j;
	assert_int_equal(store_journey_load(s, cases.items[0].id, &j, &err), M_OK);
	size_t steps = j.n_steps;
	m_journey_clear(&j);
	char step_uuid[M_UUID_LEN + 1];
	plant_case(s, "Bor på Storgatan 12", "Ring 070-123 45 67", step_uuid);
	assert_int_equal(privacy_scan_store(s, NULL, 0, NULL, NULL, &t, &err), M_OK);
	assert_int_equal(t.findings, 2);
	assert_int_equal(t.by_kind[PRIV_ADDRESS], 1);
	assert_int_equal(t.by_kind[PRIV_PHONE], 1);
	assert_int_equal(t.texts, 2);

	/* a word of the demo on the list: found in many places, catalogue included */
	assert_int_equal(store_name_add(s, "BUP", &err), M_OK);
	struct seen seen = {0};
	assert_int_equal(privacy_scan_store(s, NULL, 0, collect, &seen, &t, &err), M_OK);
	assert_true(t.by_kind[PRIV_NAME] > steps / 4);

	/* the gate: only the cases named, all cases when none */
	assert_int_equal(store_name_remove(s, "BUP", &err), M_OK);
	const char *clean_code = cases.items[0].code, *planted_code = "Fall 1", *nobody = "Ingen";
	assert_int_equal(privacy_gate(s, &clean_code, 1, false, NULL, &err), M_OK);
	/* a code that names no case is the command's to refuse; it does not mean "all cases" */
	assert_int_equal(privacy_gate(s, &nobody, 1, false, NULL, &err), M_OK);
	FILE *out = tmpfile();
	assert_int_equal(privacy_gate(s, &planted_code, 1, false, out, &err), M_FINDINGS);
	assert_non_null(strstr(err.msg, "2 privacy findings"));
	assert_non_null(strstr(err.msg, "Fall 1"));
	assert_non_null(strstr(err.msg, "street address"));
	assert_non_null(strstr(err.msg, "--allow-findings"));
	assert_null(strstr(err.msg, "Storgatan 12"));
	assert_null(strchr(err.msg, '\n'));
	rewind(out);
	char line[256];
	assert_non_null(fgets(line, sizeof line, out));
	assert_string_equal(line, "Fall 1, case, summary: street address St******* 12\n");
	assert_non_null(fgets(line, sizeof line, out));
	assert_string_equal(line,
	                    "Fall 1, step 1 \"Flyttar\", narrative: phone number 07*-*** ** 67\n");
	fclose(out);
	assert_int_equal(privacy_gate(s, NULL, 0, false, NULL, &err), M_FINDINGS);
	assert_int_equal(privacy_gate(s, NULL, 0, true, NULL, &err), M_OK);
	m_case_list_clear(&cases);
	store_close(&s);
}

/* The gate's refusal and its lines name the new kinds and mask them. */
static void test_gate_new_kinds(void **state)
{
	(void)state;
	struct store *s = fresh("gate-new.db", false);
	struct merr err = {0};
	char uuid[M_UUID_LEN + 1];
	plant_case(s, "Född 14 mars 2005", "Nummer 20050314-2383 på remissen", uuid);
	FILE *out = tmpfile();
	assert_int_equal(privacy_gate(s, NULL, 0, false, out, &err), M_FINDINGS);
	assert_non_null(strstr(err.msg, "2 privacy findings (1 possible identity number, check "
	                                "digit wrong, 1 birth date) in Fall 1"));
	rewind(out);
	char line[256];
	assert_non_null(fgets(line, sizeof line, out));
	assert_string_equal(line, "Fall 1, case, summary: birth date Fö** ** **** **05\n");
	assert_non_null(fgets(line, sizeof line, out));
	assert_string_equal(line,
	                    "Fall 1, step 1 \"Flyttar\", narrative: possible identity number, "
	                    "check digit wrong 20******-**83\n");
	fclose(out);
	store_close(&s);
}

static void test_workshop_texts(void **state)
{
	(void)state;
	struct store *s = fresh("workshop.db", false);
	struct merr err = {0};
	struct m_workshop w = {.date = strdup("2026-11-20"),
	                       .place = strdup("Storgatan 12"),
	                       .notes = strdup("Fint möte")};
	assert_int_equal(store_workshop_add(s, &w, &err), M_OK);
	assert_int_equal(
	    store_workshop_log_add(s, w.id, "decision", "Ring Åsa på 040-12 34 56", &err), M_OK);
	m_workshop_clear(&w);
	struct m_free_text_list l;
	assert_int_equal(store_workshop_texts(s, &l, &err), M_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].field, "place");
	assert_string_equal(l.items[1].field, "notes");
	assert_string_equal(l.items[2].table, "workshop_log");
	assert_string_equal(l.items[2].label, "2026-11-20");
	m_free_text_list_clear(&l);
	assert_int_equal(store_name_add(s, "åsa", &err), M_OK);
	struct seen seen = {0};
	struct privacy_tally t;
	assert_int_equal(privacy_scan_store(s, NULL, 0, collect, &seen, &t, &err), M_OK);
	assert_int_equal(t.findings, 3);
	assert_string_equal(seen.lines[0], "-/0/place/address/St******* 12");
	assert_string_equal(seen.lines[1], "-/0/text/name/Å**");
	store_close(&s);
}

/* A file of the version before gets the kept table when it is opened. */
static void test_migration_adds_kept(void **state)
{
	(void)state;
	char path[512];
	tu_path(path, sizeof path, "v1.db");
	struct store *s = fresh("v1.db", false);
	store_close(&s);
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	/* the version before the kept findings: the one before this program's */
	char sql[128];
	snprintf(sql, sizeof sql, "DROP TABLE privacy_kept; PRAGMA user_version = %d;",
	         store_current_schema_version() - 1);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	struct merr err = {0};
	assert_int_equal(store_open(path, 0, &s, &err), M_OK);
	assert_int_equal(store_schema_version(s), store_current_schema_version());
	char uuid[M_UUID_LEN + 1];
	plant_case(s, NULL, "070-123 45 67", uuid);
	assert_int_equal(store_kept_add(s, uuid, "narrative", "0123456789abcdef", &err), M_OK);
	struct m_kept_list kl;
	assert_int_equal(store_kept_list(s, NULL, &kl, &err), M_OK);
	assert_int_equal(kl.n, 1);
	m_kept_list_clear(&kl);
	store_close(&s);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_identity_numbers),
	    cmocka_unit_test(test_mistyped_identity_numbers),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_phone_numbers),
	    cmocka_unit_test(test_email),
	    cmocka_unit_test(test_street_addresses),
	    cmocka_unit_test(test_postal_codes),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_overlaps_and_order),
	    cmocka_unit_test(test_masking),
	    cmocka_unit_test(test_clean_corpus),
	    cmocka_unit_test(test_found_corpus),
	    cmocka_unit_test(test_name_list),
	    cmocka_unit_test(test_name_rename_delete_undo),
	    cmocka_unit_test(test_kept_on_purpose),
	    cmocka_unit_test(test_walk_finds_every_text),
	    cmocka_unit_test(test_gate_new_kinds),
	    cmocka_unit_test(test_workshop_texts),
	    cmocka_unit_test(test_migration_adds_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
