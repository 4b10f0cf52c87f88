/* cli_init.c - `mellan init [--demo] FILE`: a new database, with the demo cases if asked. */
#include "cli.h"

#include "core/commands.h"
#include "core/i18n.h"

int cli_init(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"demo", no_argument, NULL, 'D'},
	    {"db", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	bool demo = false;
	int c;
	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == 'D')
			demo = true;
		else if (c == 'd')
			return cli_usage_error(_("%s takes the file as its argument, not --db"),
			                       "init");
		else
			return M_USAGE;
	}
	int n;
	char **files = cli_operands(argc, argv, &n);
	if (n != 1)
		return cli_usage_error(_("%s needs one file name: mellan init [--demo] FILE"),
		                       "init");
	struct merr err = {0};
	if (cmd_init(files[0], demo, &err) != M_OK)
		return cli_fail(&err);
	return M_OK;
}
