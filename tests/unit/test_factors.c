/* test_factors.c - the factor catalogue a new file starts with, as the reference list gives it,
 * and how a factor typed as free text finds its entry: by its Swedish or English name or its
 * short label, whatever its case and blanks, or else the "other" entry of its kind with the
 * typed words kept. Links without the store. */
#include "testutil.h"

#include "core/factors.h"
#include "core/text.h"

static size_t entry_named(const char *name)
{
	for (size_t i = 0; i < catalogue_n_factors; i++)
		if (strcmp(catalogue_factors[i].name, name) == 0)
			return i;
	fail_msg("no factor %s", name);
	return 0;
}

static void test_the_reference_list(void **state)
{
	(void)state;
	/* 36 factors of the reference list and the two for what matches nothing. */
	assert_int_equal(catalogue_n_factors, 36 + 2);
	int seen[THEME_COUNT][FACTOR_KIND_COUNT] = {{0}};
	for (size_t i = 0; i < catalogue_n_factors; i++) {
		const struct catalogue_factor *f = &catalogue_factors[i];
		seen[f->theme][f->kind]++;
		assert_true(text_width(f->short_label) <= 16);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(catalogue_factors[k].name, f->name);
	}
	/* Every theme has factors of both kinds; only the two "other" entries have no theme. */
	for (int t = THEME_COMMUNITY; t < THEME_COUNT; t++) {
		assert_true(seen[t][FACTOR_RISK] > 0);
		assert_true(seen[t][FACTOR_PROTECTIVE] > 0);
	}
	assert_int_equal(seen[THEME_NONE][FACTOR_RISK], 1);
	assert_int_equal(seen[THEME_NONE][FACTOR_PROTECTIVE], 1);
	assert_int_equal(catalogue_factors[entry_named("En trygg vuxen utanför familjen")].theme,
	                 THEME_INDIVIDUAL);
	assert_int_equal(catalogue_factors[entry_named("Konflikter i familjen")].kind, FACTOR_RISK);
}

static void test_folding(void **state)
{
	(void)state;
	char *f = text_fold("  ÅSA Ärligt  ÖVER\tÉn. ");
	assert_string_equal(f, "åsa ärligt över én");
	free(f);
	f = text_fold("?!");
	assert_string_equal(f, "");
	free(f);
}

static void expect(enum m_factor_kind kind, const char *text, const char *entry, bool matched,
                   bool note)
{
	struct factor_match m;
	assert_true(factor_match(catalogue_factors, catalogue_n_factors, kind, text, &m));
	if (strcmp(catalogue_factors[m.entry].name, entry) != 0)
		fail_msg("'%s' matched '%s', not '%s'", text, catalogue_factors[m.entry].name,
		         entry);
	assert_int_equal(m.matched, matched);
	assert_int_equal(m.keep_note, note);
}

static void test_matching_typed_factors(void **state)
{
	(void)state;
	/* The very name: nothing to keep beside it. */
	expect(FACTOR_RISK, "Konflikter i familjen", "Konflikter i familjen", true, false);
	expect(FACTOR_RISK, "  Konflikter i familjen ", "Konflikter i familjen", true, false);
	/* Another case, a full stop, the English name or the short label: the entry, and the words
	 * as typed kept as its note. */
	expect(FACTOR_RISK, "konflikter  i FAMILJEN.", "Konflikter i familjen", true, true);
	expect(FACTOR_RISK, "Family conflict", "Konflikter i familjen", true, true);
	expect(FACTOR_PROTECTIVE, "trygg vuxen", "En trygg vuxen utanför familjen", true, true);
	expect(FACTOR_PROTECTIVE, "Ett tydligt mål", "Annan skyddsfaktor", false, true);
	/* The kind decides: a protective factor's name typed as a risk is another risk. */
	expect(FACTOR_RISK, "En trygg vuxen utanför familjen", "Annan riskfaktor", false, true);
	/* The demo's own words find no entry: they are kept on the "other" one. */
	expect(FACTOR_RISK, "Skolbyte utan överlämning", "Annan riskfaktor", false, true);
	expect(FACTOR_PROTECTIVE, "", "Annan skyddsfaktor", false, true);
	/* A catalogue without an "other" entry of the kind has nowhere to put the rest. */
	struct factor_match m;
	assert_false(factor_match(catalogue_factors, 3, FACTOR_RISK, "Något annat", &m));
	assert_true(factor_match(catalogue_factors, 3, FACTOR_RISK, "Många flyttar", &m));
	assert_int_equal(m.entry, 2);
}

int main(void)
{
	tu_init();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_the_reference_list),
	    cmocka_unit_test(test_folding),
	    cmocka_unit_test(test_matching_typed_factors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
