/* test_cli.c - the command table against mellan(1): every command the program dispatches has an
 * entry in the SYNOPSIS and in COMMANDS, every command the man page names there is one the
 * program knows, and the SYNOPSIS has one command a line, so the two can never drift apart. */
#include "testutil.h"

#include "tui/cli.h"

static char *man_text;

static int setup(void **state)
{
	(void)state;
	tu_init();
	const char *top = getenv("MELLAN_TOP");
	char path[512];
	snprintf(path, sizeof path, "%s/man/mellan.1", top && *top ? top : ".");
	size_t n;
	man_text = tu_read(path, &n);
	man_text = realloc(man_text, n + 1);
	assert_non_null(man_text);
	man_text[n] = '\0';
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(man_text);
	return 0;
}

/* The lines of section `sh` that begin with `prefix`, the word after it collected in words. */
static size_t section_words(const char *sh, const char *prefix, char words[][64], size_t max)
{
	size_t n = 0;
	bool in = false;
	const char *p = man_text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 4 && strncmp(p, ".Sh ", 4) == 0)
			in = len - 4 == strlen(sh) && strncmp(p + 4, sh, len - 4) == 0;
		else if (in && len > strlen(prefix) && strncmp(p, prefix, strlen(prefix)) == 0 &&
		         n < max) {
			const char *w = p + strlen(prefix);
			size_t k = strcspn(w, " \n");
			snprintf(words[n++], 64, "%.*s", (int)k, w);
		}
		p += len + (eol ? 1 : 0);
	}
	return n;
}

static bool has(char words[][64], size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0)
			return true;
	return false;
}

static void every_command_is_in_the_synopsis_and_commands(void **state)
{
	(void)state;
	char syn[64][64], cmds[64][64];
	size_t n_syn = section_words("SYNOPSIS", ".Cm ", syn, 64);
	size_t n_cmds = section_words("COMMANDS", ".It Cm ", cmds, 64);
	assert_true(cli_command_count() >= 2);
	for (size_t i = 0; i < cli_command_count(); i++) {
		const char *name = cli_command_at(i)->name;
		if (!has(syn, n_syn, name) || !has(cmds, n_cmds, name))
			fail_msg("command '%s' is missing from mellan(1)", name);
		assert_ptr_equal(cli_command_find(name), cli_command_at(i));
	}
}

static void every_documented_command_exists(void **state)
{
	(void)state;
	char cmds[64][64];
	size_t n = section_words("COMMANDS", ".It Cm ", cmds, 64);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++)
		if (!cli_command_find(cmds[i]))
			fail_msg("mellan(1) documents '%s', which the program does not know",
			         cmds[i]);
	assert_null(cli_command_find("frobnicate"));
}

/* The SYNOPSIS as mdoc writes it: each `.Nm` begins a line of the rendered synopsis, and a
 * command named in it (.Cm NAME) comes right after its .Nm. Without the .Nm, two commands run
 * together on one line, which mandoc -Tlint does not see. */
static void the_synopsis_has_one_command_a_line(void **state)
{
	(void)state;
	bool in = false;
	int since_nm = -1; /* macro lines since the last .Nm; -1 before the first */
	size_t commands = 0, entries = 0;
	char word[64];
	for (const char *p = man_text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 4 && strncmp(p, ".Sh ", 4) == 0) {
			in = len == 12 && strncmp(p + 4, "SYNOPSIS", 8) == 0;
		} else if (in && len == 3 && strncmp(p, ".Nm", 3) == 0) {
			since_nm = 0;
			entries++;
		} else if (in && p[0] == '.') {
			since_nm = since_nm < 0 ? -1 : since_nm + 1;
			if (len > 4 && strncmp(p, ".Cm ", 4) == 0) {
				size_t k = strcspn(p + 4, " \n");
				snprintf(word, sizeof word, "%.*s", (int)k, p + 4);
				if (cli_command_find(word)) {
					commands++;
					if (since_nm != 1)
						fail_msg("mellan(1) SYNOPSIS: '%s' does not begin "
						         "a line "
						         "of its own (a .Nm before it is missing)",
						         word);
				} else if (since_nm == 1) {
					fail_msg(
					    "mellan(1) SYNOPSIS names '%s', which the program does "
					    "not know",
					    word);
				}
			}
		}
		p += len + (eol ? 1 : 0);
	}
	assert_true(commands >= cli_command_count());
	assert_true(entries > commands);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_command_is_in_the_synopsis_and_commands),
	    cmocka_unit_test(every_documented_command_exists),
	    cmocka_unit_test(the_synopsis_has_one_command_a_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
