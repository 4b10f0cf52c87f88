/* cmd_backup.c - `mellan backup OUT`: a consistent private copy of the database, also while a
 * TUI has it open. */
#include "commands.h"

#include "store_exchange.h"

enum mstatus cmd_backup(struct store *s, const char *path, unsigned flags, struct merr *err)
{
	return store_backup(s, path, flags, err);
}
