/* output.h - writing a file the user named (-o FILE, backup's OUT) without destroying anything.
 * The database and every file this process has open are never a target; an existing file is
 * replaced only when asked to (--force), and never when it is not a regular file (a directory,
 * a pipe, a device, a link to one of these); the new content is written beside the target,
 * synced, and renamed into place as the last step, after which the directory is synced too. */
#ifndef MELLAN_OUTPUT_H
#define MELLAN_OUTPUT_H

#include "error.h"
#include "store.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

enum output_flags {
	OUTPUT_FORCE = 1 << 0, /* an existing regular file may be replaced */
};

struct output {
	char *name;   /* as the user gave it: the messages name it */
	char *target; /* the file created or replaced: name, or the file its link points to */
	char *tmp;    /* the new content, beside target until output_commit() */
	FILE *fp;     /* open for writing on tmp */
	bool replace; /* target exists and is replaced */
	mode_t mode; /* the replaced file's permissions, owner and group, which the new one keeps */
	uid_t uid;
	gid_t gid;
};

/* Checks name as a target and opens a new private (0600) file beside it. s (may be NULL) is the
 * database the command reads: it and the files that belong to it are refused with M_USAGE, as is
 * any file this process has open, by any name. An existing file without OUTPUT_FORCE, and
 * anything that is not a regular file, is refused with M_OTHER/MR_EXISTS; a database that has a
 * -wal or -journal beside it with M_OTHER/MR_BUSY. On failure o is empty and nothing was
 * created. */
enum mstatus output_open(struct output *o, const char *name, unsigned flags, const struct store *s,
                         struct merr *err);
/* Flushes and syncs the new file, gives it the replaced file's permissions, renames it into place
 * and syncs the directory; on any failure the new file is removed and the target left as it was.
 * Frees o either way. */
enum mstatus output_commit(struct output *o, struct merr *err);
/* Removes the new file; the target is left as it was. Frees o. */
void output_discard(struct output *o);

#endif
