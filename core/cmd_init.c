/* cmd_init.c - `mellan init [--demo] FILE`: a new database with the default catalogue. */
#include "commands.h"

#include "i18n.h"
#include "seed.h"
#include "xalloc.h"

#include <stdlib.h>

#include <unistd.h>

enum mstatus cmd_init(const char *path, bool demo, struct merr *err)
{
	if (access(path, F_OK) == 0)
		return merr_set(err, M_OTHER, MR_EXISTS,
		                _("%s: already exists; give a new file name, or remove it first"),
		                path);
	struct store *s = NULL;
	enum mstatus st = store_open(path, STORE_CREATE | STORE_EXCLUSIVE, &s, err);
	if (st != M_OK)
		return st;
	store_set_editor(s, "init");
	st = catalogue_load_defaults(s, err);
	if (st == M_OK && demo)
		st = demo_load(s, err);
	store_close(&s);
	if (st != M_OK) {
		/* A half-made file would only confuse: it is new, so nothing of the user's is lost. */
		unlink(path);
		for (const char *const *x = (const char *const[]){"-wal", "-shm", NULL}; *x; x++) {
			char *side = xasprintf("%s%s", path, *x);
			unlink(side);
			free(side);
		}
	}
	return st;
}
