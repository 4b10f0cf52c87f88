/* cli_present.c - `mellan present [--db FILE] [--theme T] CASE`: the presentation for the
 * projector, and `mellan present --follow`: a read-only mellan that shows whatever case and step
 * the facilitator's mellan shows on the same file. */
#include "cli.h"

#include "core/i18n.h"
#include "core/store_read.h"
#include "palette.h"
#include "tui.h"

int cli_present(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"theme", required_argument, NULL, 't'},
	    {"follow", no_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = NULL;
	struct tui_options opt = {.theme = THEME_PROJECTOR, .present = true};
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'd') {
			db = optarg;
		} else if (c == 'f') {
			opt.follow = true;
		} else if (c == 't') {
			opt.theme = palette_from_code(optarg);
			if (opt.theme < 0)
				return cli_usage_error(
				    _("unknown theme '%s': use projector, dark, light or mono"),
				    optarg);
		} else {
			return M_USAGE;
		}
	}
	int n;
	char **rest = cli_operands(argc, argv, &n);
	if (opt.follow && n > 0)
		return cli_usage_error(_("--follow shows the facilitator's case; give no CASE"));
	if (!opt.follow && n != 1)
		return n ? cli_usage_error(_("unexpected argument '%s'"), rest[1])
		         : cli_usage_error(_("which case? give its code, as mellan list shows it"));

	/* The follower only ever reads: it must not take the file from the facilitator. */
	struct store *s = NULL;
	int rc = cli_open_store(db, opt.follow ? STORE_READONLY : 0, &s);
	if (rc != M_OK)
		return rc;
	struct merr err = {0};
	if (!opt.follow) {
		struct m_case k = {0};
		if (store_case_find(s, rest[0], &k, &err) != M_OK) {
			store_close(&s);
			return cli_fail(&err);
		}
		m_case_clear(&k);
		opt.open_case = rest[0];
	}
	if (tui_run(s, &opt, &err) != M_OK)
		rc = cli_fail(&err);
	store_close(&s);
	return rc;
}
