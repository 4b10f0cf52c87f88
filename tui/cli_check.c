/* cli_check.c - `mellan check [--db FILE]`: integrity and privacy findings; exit status 1 when
 * there are any. */
#include "cli.h"

#include "core/commands.h"

int cli_check(int argc, char **argv)
{
	return cli_run_read_only(argc, argv, STORE_DAMAGED_OK, cmd_check);
}
