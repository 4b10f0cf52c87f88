/* keys.c - fuzz target: every screen of the TUI fed random keys, without a terminal. curses
 * draws on a terminal description (xterm-256color) into /dev/null, and the keys go through the
 * main loop's own dispatch (app_key), with a reload and a whole draw after each, as the loop
 * does, on a copy of the demo cases with an open merge conflict, so that every screen can be
 * reached. The first byte of an input chooses the theme and whether mellan follows; then each
 * byte is one key: below 0x80 that character (Enter, Esc, Tab, Ctrl-S are characters too), from
 * 0x80 a key of the table below (arrows, pages, function keys, letters beyond ASCII, resizes). */
#include "fuzz.h"

#include "core/store_edit.h"
#include "core/store_exchange.h"
#include "core/store_read.h"

#include "tui/palette.h"
#include "tui/private.h"
#include "tui/theme.h"

#include <curses.h>
#include <fcntl.h>

static char template_db[300], here[300], initials[320];
static SCREEN *term;
static unsigned reached; /* enum tui_screen: the screens the inputs so far have shown */

/* A key that is not a character: an ncurses code, a letter outside ASCII, or a new size. */
struct special {
	int key;
	uint32_t cp;
	int rows, cols; /* a resize to this size when rows > 0 */
};
static struct special specials[128];
static size_t n_specials;

static void add_special(int key, uint32_t cp, int rows, int cols)
{
	for (size_t i = 0; i < n_specials; i++)
		if (specials[i].key == key && specials[i].cp == cp && specials[i].rows == rows &&
		    specials[i].cols == cols)
			return;
	if (n_specials < sizeof specials / sizeof *specials)
		specials[n_specials++] = (struct special){key, cp, rows, cols};
}

static void edit_first_step(const char *path, const char *title)
{
	struct store *s = fz_open(path);
	struct m_case_list cases = {0};
	struct m_journey j = {0};
	struct merr err = {0};
	store_set_editor(s, "FZ");
	FZ_CHECK(store_case_list(s, &cases, &err) == M_OK && cases.n > 0, "%s", err.msg);
	FZ_CHECK(store_journey_load(s, cases.items[0].id, &j, &err) == M_OK && j.n_steps > 0, "%s",
	         err.msg);
	free(j.steps[0].title);
	j.steps[0].title = strdup(title);
	FZ_CHECK(store_step_update(s, &j.steps[0], &err) == M_OK, "%s", err.msg);
	m_journey_clear(&j);
	m_case_list_clear(&cases);
	store_close(&s);
}

/* The demo cases, after a merge with another laptop that changed the same step. */
static void make_template(void)
{
	char other[300];
	fz_init_db(fz_path(template_db, "demo.db"), 1);
	fz_copy(template_db, fz_path(other, "other.db"));
	edit_first_step(other, "Det andra fältets titel");
	edit_first_step(template_db, "Vår titel");
	struct store *s = fz_open(template_db);
	struct m_merge_report rep = {0};
	struct merr err = {0};
	FZ_CHECK(store_merge(s, other, &rep, NULL, NULL, &err) == M_OK && rep.n_conflicts > 0,
	         "no conflict to show: %s", err.msg);
	m_merge_report_clear(&rep);
	store_close(&s);
	fz_remove_db(other);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	make_template();
	fz_path(here, "here.db");
	snprintf(initials, sizeof initials, "%s/mellan/initials", fz_dir());
	/* A paste is read from standard input: here it is empty at once. */
	int null_fd = open("/dev/null", O_RDONLY);
	FZ_CHECK(null_fd >= 0 && dup2(null_fd, STDIN_FILENO) == STDIN_FILENO, "/dev/null");
	close(null_fd);
	setenv("TERM", "xterm-256color", 1);
	unsetenv("NO_COLOR");
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	FZ_CHECK(out && in, "/dev/null");
	term = newterm("xterm-256color", out, in);
	FZ_CHECK(term != NULL, "no terminal description for xterm-256color");
	set_term(term);
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	keys_define();

	/* Sizes first, then letters, then keys: a seed's bytes keep their meaning when the key
	 * table grows (0x80 is 80x24, 0x86 is å, 0x91 is Up). */
	/* The projector's 60x20, the smallest drawn, too small, and large. */
	static const int sizes[][2] = {{24, 80}, {20, 60}, {10, 40}, {9, 39}, {6, 20}, {50, 200}};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		add_special(0, 0, sizes[i][0], sizes[i][1]);
	/* å ä ö Å Ä Ö é ü, a combining ring, a wide letter, an emoji */
	static const uint32_t letters[] = {0xE5, 0xE4, 0xF6,  0xC5,   0xC4,   0xD6,
	                                   0xE9, 0xFC, 0x30A, 0x4E2D, 0x1F600};
	for (size_t i = 0; i < sizeof letters / sizeof *letters; i++)
		add_special(0, letters[i], 0, 0);
	static const int keys[] = {
	    KEY_UP,          KEY_DOWN,         KEY_LEFT,      KEY_RIGHT, KEY_HOME,  KEY_END,
	    KEY_NPAGE,       KEY_PPAGE,        KEY_BACKSPACE, KEY_DC,    KEY_IC,    KEY_ENTER,
	    KEY_BTAB,        KEY_F(1),         KEY_F(2),      KEY_F(5),  KEY_F(10), KEYX_WORD_LEFT,
	    KEYX_WORD_RIGHT, KEYX_PASTE_BEGIN, KEYX_PASTE_END};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		add_special(keys[i], 0, 0, 0);
	for (size_t i = 0; i < keys_count(); i++)
		for (size_t k = 0; k < KEYS_MAX && keys_at(i)->keys[k]; k++)
			if (keys_at(i)->keys[k] >= 0x80)
				add_special(keys_at(i)->keys[k], 0, 0, 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > 4000)
		return 0;
	struct store *s = fz_fresh(template_db, here);
	unlink(initials); /* every input asks for the initials at its first edit */
	struct tui_options opt = {
	    .title = "fuzz", .theme = data[0] % THEME_COUNT, .follow = (data[0] & 0x80) != 0};
	resizeterm(24, 80);
	theme_choose(opt.theme);
	theme_init();
	struct app a;
	app_init(&a, s, &opt);
	app_draw(&a);
	for (size_t i = 1; i < size; i++) {
		unsigned change;
		if (data[i] < 0x80) {
			change = app_key(&a, data[i], data[i]);
		} else {
			const struct special *k = &specials[(data[i] - 0x80) % n_specials];
			if (k->rows > 0) {
				resizeterm(k->rows, k->cols);
				change = CH_REDRAW;
			} else {
				change = app_key(&a, k->key, k->cp);
			}
		}
		reached |= app_shown(&a);
		if (change & CH_QUIT)
			break;
		if (change & CH_RELOAD)
			app_reload(&a);
		app_draw(&a);
		if (!opt.follow)
			follow_publish(&a);
	}
	app_free(&a);
	fz_integrity(s, "after the keys");
	store_close(&s);
	return 0;
}

/* For the replay in make check: the corpus must reach every screen. */
int fz_replay_summary(void)
{
	static const char *const names[] = {"cases",     "journey", "help",    "form",
	                                    "catalogue", "gaps",    "present", "lanes",
	                                    "conflicts", "names",   "workshop"};
	int missing = 0;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!(reached & (1u << i))) {
			printf("# not reached: the %s screen\n", names[i]);
			missing++;
		}
	}
	return missing;
}
