/* cli_list.c - `mellan list [--db FILE]`: the cases, one a line, with counts. */
#include "cli.h"

#include "core/commands.h"

int cli_list(int argc, char **argv)
{
	return cli_run_read_only(argc, argv, 0, cmd_list);
}
