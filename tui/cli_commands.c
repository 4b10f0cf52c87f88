/* cli_commands.c - the table of command-line commands: the one place a command is named, so
 * dispatch and --help can never disagree. */
#include "cli.h"

#include "core/i18n.h"

#include <string.h>

/* clang-format off */
static const struct cli_command commands[] = {
	{"init", cli_init, N_("mellan init [--demo] FILE        create a database (with the demo cases)")},
	{"list", cli_list, N_("mellan list [--db FILE]          the cases, one a line, with counts")},
	{"report", cli_report, N_("mellan report [--db FILE] [--case CODE]... [--format F] [--public] [--allow-findings] [-o FILE [--force]]  the gaps across the cases")},
	{"export", cli_export, N_("mellan export [--db FILE] [--case CODE]... [--allow-findings] [--with-names] [-o OUT [--force]]  cases as JSON (mellan(5))")},
	{"import", cli_import, N_("mellan import [--db FILE] [--dry-run] [--map COL=FIELD]... [--ignore COL]... [--actor NAME=ACTOR]... [--new-actors SECTOR] [--sheet S] [--case CODE] IN  a JSON export, or a chronology (CSV, .xlsx)")},
	{"merge", cli_merge, N_("mellan merge [--db FILE] [--with-names] OTHER   another laptop's database into this one")},
	{"conflicts", cli_conflicts, N_("mellan conflicts [--db FILE] [--keep N | --take N]  open merge conflicts, or decide one")},
	{"backup", cli_backup, N_("mellan backup [--db FILE] [--force] OUT  a consistent private copy")},
	{"check", cli_check, N_("mellan check [--db FILE]         integrity and privacy findings; status 1 when any")},
	{"names", cli_names, N_("mellan names [--db FILE] [--add|--remove NAME]...  the names check must find")},
	{"present", cli_present, N_("mellan present [--db FILE] [--theme T] CASE | --follow   the presentation for the projector")},
};
/* clang-format on */

#define N_COMMANDS (sizeof commands / sizeof commands[0])

size_t cli_command_count(void)
{
	return N_COMMANDS;
}

const struct cli_command *cli_command_at(size_t i)
{
	return i < N_COMMANDS ? &commands[i] : NULL;
}

const struct cli_command *cli_command_find(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}
